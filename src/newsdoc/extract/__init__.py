"""Finding attributions and events in the words of an article.

Extraction works on body paragraphs only and knows nothing of formats: the plain-text
reader calls :func:`annotate` on what it read, and any user can call it on an Article
read from elsewhere.
"""

from __future__ import annotations

import attrs

from newsdoc.extract._text import split_sentences
from newsdoc.extract.attributions import attributions_in, find_attributions
from newsdoc.extract.events import events_in, find_events
from newsdoc.model import Article

__all__ = ["annotate", "find_attributions", "find_events"]


def annotate(article: Article) -> Article:
    """Return ``article`` with the attributions and events found in its body paragraphs.

    Relative times ("on Monday", "last year") are resolved against the article's creation
    date when it has one, and left without a value otherwise.

    Example:
        >>> import datetime as dt
        >>> from newsdoc import Article
        >>> article = Article(
        ...     created=dt.datetime(2025, 3, 5, tzinfo=dt.timezone.utc),
        ...     lead=["The union walked off the job on Monday, its leader said."],
        ... )
        >>> annotated = annotate(article)
        >>> [(a.kind.value, a.source.text) for a in annotated.attributions]
        [('indirect', 'its leader')]
        >>> [(e.trigger.text, e.time.value) for e in annotated.events]
        [('walked', '2025-03-03')]
    """
    split = split_sentences(article.paragraphs)
    reference = article.created.date() if article.created is not None else None
    return attrs.evolve(
        article,
        attributions=attributions_in(split),
        events=events_in(split, reference=reference),
    )
