"""Scoring the extractors against a labelled set: ``python -m newsdoc.extract.evaluate DIR``.

A labelled set is a folder of plain-text articles ``NAME.txt``, each with a gold file
``NAME.gold.json``::

    {"split": "dev" | "heldout",
     "reference_date": "2025-03-03" | null,
     "attributions": [{"paragraph": 2, "source": "The Pentagon", "cue": "confirmed",
                       "kind": "indirect", "content": "US forces have fully vacated …"}],
     "times": [{"paragraph": 0, "text": "January 2020", "value": "2020-01"}]}

An extracted attribution matches a gold one when it is in the same paragraph, has the same
cue (ignoring case) and its source overlaps an occurrence of the gold source there; each
gold attribution matches at most one. Kind accuracy is counted over matches. A gold time is
right when an extracted event's time in that paragraph overlaps an occurrence of the gold
text and has the same value; times whose gold value needs no reference date (they name a
year) are *absolute*, the others *relative*. The project's own labelled set is
``tests/data/labelled`` in its source tree.

Precision and recall are also reported per cue family (:func:`cue_family`) and per
construction (:func:`constructions`), for gold and extracted attributions alike: recall in a
group counts the gold attributions of the group that were matched, precision the extracted
ones of the group that matched a gold one. A gold label gives words, not offsets; it is
placed at the occurrences of its source and its cue that lie nearest each other in its
paragraph, and its content at the occurrence nearest the cue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar

import attrs
import cattrs

from newsdoc.api import read
from newsdoc.errors import NewsdocError
from newsdoc.extract import annotate
from newsdoc.extract._cues import CUE_LEMMAS, REPORTING_VERBS, STANCE_CUES
from newsdoc.extract._text import sentences
from newsdoc.extract.timex import DECADE_DIGITS, YEAR_DIGITS
from newsdoc.model import Article, Attribution, AttributionKind, TimeExpression

__all__ = [
    "CONSTRUCTIONS",
    "FAMILIES",
    "Breakdown",
    "Gold",
    "GoldAttribution",
    "GoldTime",
    "Placed",
    "Score",
    "breakdown_set",
    "constructions",
    "cue_family",
    "evaluate_article",
    "load_gold",
    "main",
    "score_set",
]


@attrs.frozen(kw_only=True)
class GoldAttribution:
    """One attribution as a person labelled it: words of one paragraph, not offsets.

    Attributes:
        paragraph: The index of the paragraph among the article's body paragraphs.
        source: The words naming who is quoted.
        cue: The word that attributes (``"said"``, ``"confirmed"``).
        kind: Direct, indirect or refusal.
        content: The words of what was said.

    Example:
        >>> labelled = dict(load_gold(Path("tests/data/labelled")))
        >>> first = labelled[Path("tests/data/labelled/al_asad.txt")].attributions[0]
        >>> first.source, first.cue, first.kind.value
        ('Iraqi officials and the Pentagon', 'confirmed', 'indirect')
    """

    paragraph: int
    source: str
    cue: str
    kind: AttributionKind
    content: str


@attrs.frozen(kw_only=True)
class GoldTime:
    """One time expression as labelled: its words in a paragraph and its TIMEX3 value.

    Attributes:
        paragraph: The index of the paragraph among the article's body paragraphs.
        text: The words of the expression (``"January 2020"``).
        value: Its value for the article's date (``"2020-01"``), or ``None`` where the
            article's date is needed and unknown.

    Example:
        >>> labelled = dict(load_gold(Path("tests/data/labelled")))
        >>> labelled[Path("tests/data/labelled/al_asad.txt")].times[0]
        GoldTime(paragraph=2, text='2014', value='2014')
    """

    paragraph: int
    text: str
    value: str | None


@attrs.frozen(kw_only=True)
class Gold:
    """The gold labels of one article.

    Attributes:
        name: The article's file name without suffix.
        split: ``"dev"`` (rules may be tuned on it) or ``"heldout"`` (never tuned on).
        reference_date: The article's date, for resolving relative times.
        attributions: The gold attributions.
        times: The gold time expressions.

    Example:
        >>> labelled = dict(load_gold(Path("tests/data/labelled")))
        >>> gold = labelled[Path("tests/data/labelled/al_asad.txt")]
        >>> gold.name, gold.split, len(gold.attributions)
        ('al_asad', 'dev', 11)
    """

    name: str
    split: Literal["dev", "heldout"]
    reference_date: dt.date | None = None
    attributions: tuple[GoldAttribution, ...]
    times: tuple[GoldTime, ...]


def _gold_converter() -> cattrs.Converter:
    """A converter that takes gold files as written and refuses anything else."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
    converter.register_structure_hook(int, _integer)
    converter.register_structure_hook(str, _string)
    return converter


def _integer(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, not {value!r}")
    return value


def _string(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {value!r}")
    return value


_GOLD = _gold_converter()


_Counts = TypeVar("_Counts", "Score", "Breakdown")


def _field_sums(left: _Counts, right: _Counts) -> _Counts:
    """Counts that add up: each field of ``left`` plus the same field of ``right``."""
    return type(left)(
        **{
            field.name: getattr(left, field.name) + getattr(right, field.name)
            for field in attrs.fields(type(left))
        }
    )


@attrs.frozen(kw_only=True)
class Score:
    """Counts from comparing extraction with gold labels; they add up across articles.

    Example:
        >>> total = Score(true_positives=3, false_negatives=1) + Score(true_positives=5)
        >>> total.true_positives, total.recall
        (8, 0.8888888888888888)
    """

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    kinds_right: int = 0
    absolute_times: int = 0
    absolute_times_right: int = 0
    relative_times: int = 0
    relative_times_right: int = 0

    def __add__(self, other: Score) -> Score:
        return _field_sums(self, other)

    @property
    def precision(self) -> float:
        """Matched extracted attributions over all extracted ones."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Matched gold attributions over all gold ones."""
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def kind_accuracy(self) -> float:
        """Matched attributions with the gold kind over all matches."""
        return self.kinds_right / self.true_positives if self.true_positives else 1.0

    @property
    def absolute_time_accuracy(self) -> float:
        """Absolute gold times found with the right value over all absolute gold times."""
        return self.absolute_times_right / self.absolute_times if self.absolute_times else 1.0

    @property
    def relative_time_accuracy(self) -> float:
        """Relative gold times resolved right over all relative gold times."""
        return self.relative_times_right / self.relative_times if self.relative_times else 1.0


def load_gold(directory: Path) -> list[tuple[Path, Gold]]:
    """Every article of the labelled set in ``directory`` with its gold labels, by name.

    Raises:
        ValueError: A gold file is not JSON, or not of the shape above; the message names
            the file and each wrong member.

    Example:
        >>> labelled = load_gold(Path("tests/data/labelled"))
        >>> len(labelled), labelled[0][0].name, labelled[0][1].split
        (39, 'airline_merger.txt', 'heldout')
    """
    pairs = []
    for gold_path in sorted(directory.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        try:
            data: Any = json.loads(gold_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{gold_path}: not a gold file ({exc})") from exc
        if not isinstance(data, dict):
            raise ValueError(f"{gold_path}: not a gold file (expected a JSON object)")
        try:
            gold = _GOLD.structure({**data, "name": name}, Gold)
        except cattrs.BaseValidationError as exc:
            problems = "; ".join(cattrs.transform_error(exc, path="$"))
            raise ValueError(f"{gold_path}: not a gold file ({problems})") from exc
        pairs.append((directory / f"{name}.txt", gold))
    return pairs


def _occurrences(paragraph: str, text: str) -> list[tuple[int, int]]:
    found = []
    start = paragraph.find(text)
    while start >= 0:
        found.append((start, start + len(text)))
        start = paragraph.find(text, start + 1)
    return found


def _overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in ranges)


def _matches(
    article: Article, extracted: Sequence[Attribution], gold: Gold
) -> tuple[list[bool], list[bool], int]:
    """Which extracted and which gold attributions were matched, and how many kinds agree."""
    paragraphs = article.paragraphs
    labels = gold.attributions
    unmatched = list(range(len(labels)))
    extracted_matched = [False] * len(extracted)
    gold_matched = [False] * len(labels)
    kinds_right = 0
    for position, attribution in enumerate(extracted):
        for index in unmatched:
            label = labels[index]
            if label.paragraph != attribution.source.paragraph:
                continue
            if label.cue.lower() != attribution.cue.text.lower():
                continue
            sources = _occurrences(paragraphs[label.paragraph], label.source)
            if not _overlaps(attribution.source.start, attribution.source.end, sources):
                continue
            unmatched.remove(index)
            extracted_matched[position] = gold_matched[index] = True
            kinds_right += label.kind == attribution.kind
            break
    return extracted_matched, gold_matched, kinds_right


def _attribution_counts(
    article: Article, extracted: Sequence[Attribution], gold: Gold
) -> tuple[int, int, int, int]:
    _, gold_matched, kinds_right = _matches(article, extracted, gold)
    matched = sum(gold_matched)
    return matched, len(extracted) - matched, len(gold_matched) - matched, kinds_right


FAMILIES = ("reporting verbs", "other verbs", "nouns/according to", "stance verbs")
"""The cue families, in the order the evaluation reports them (see :func:`cue_family`).

Example:
    >>> FAMILIES[0], cue_family("said")
    ('reporting verbs', 'reporting verbs')
"""

_CONSTRUCTIONS = (
    "inverted cue, long source",
    "appositive source",
    "circumstance before content",
    "parenthetical cue",
    "continuation quote",
    "progressive/perfect/negation",
    "other reporting verb",
    "non-human source",
    "headline/dash",
    "stance verb",
)
CONSTRUCTIONS: tuple[str, ...] = _CONSTRUCTIONS
"""The constructions the evaluation reports, in order (see :func:`constructions`).

Example:
    >>> len(CONSTRUCTIONS), CONSTRUCTIONS[0]
    (10, 'inverted cue, long source')
"""

_VERB_ENDINGS = ("ed", "ing")


def cue_family(cue: str) -> str:
    """The family of a cue, given its words: one of :data:`FAMILIES`.

    A cue of one word is a *stance verb* when it is a form of believe, think, expect, fear,
    hope or want; a *reporting verb* when it is a form of a verb of saying (say, tell, add,
    note, confirm, deny, warn, promise and the like); one of the *other
    verbs* when it is a form of any other cue verb, or a word in "-ed" or "-ing" that the
    lexicon lacks. A phrase of refusal ("did not respond", "could not be reached") is one
    of the other verbs. Anything else, "according to", a dash or a noun, is of
    *nouns/according to*.

    Example:
        >>> [cue_family(cue) for cue in ("said", "accused", "according to", "fear")]
        ['reporting verbs', 'other verbs', 'nouns/according to', 'stance verbs']
    """
    words = cue.split()
    if len(words) != 1:
        if cue.lower() == "according to" or not words:
            return "nouns/according to"
        return "other verbs"
    word = words[0]
    lemma = CUE_LEMMAS.get(word) or CUE_LEMMAS.get(word.lower())
    if lemma is None:
        verb = word.isalpha() and word.lower().endswith(_VERB_ENDINGS)
        return "other verbs" if verb else "nouns/according to"
    if lemma in STANCE_CUES:
        return "stance verbs"
    return "reporting verbs" if lemma in REPORTING_VERBS else "other verbs"


class Placed(NamedTuple):
    """An attribution as :func:`constructions` reads it: offsets in its paragraph's text.

    Example:
        >>> placed = Placed("Residents fear the bridge will close.", (0, 9), (10, 14), ((15, 36),))
        >>> placed.text[slice(*placed.cue)], placed.continued
        ('fear', False)
    """

    text: str
    """The paragraph."""
    source: tuple[int, int]
    """Where the source starts and ends in the paragraph."""
    cue: tuple[int, int]
    """Where the cue starts and ends in the paragraph."""
    content: tuple[tuple[int, int], ...]
    """Where the pieces of the content in the paragraph stand; none for a gold content that
    is not found."""
    continued: bool = False
    """Whether some of the content lies in another paragraph."""


_DASHES = frozenset("—―–")
_BEFORE_A_VERB_GROUP = frozenset(
    ["has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "not", "never"]
)
# The head of a source that is a document, a body of data or a ruling, not a person.
_DOCUMENT_NOUNS = frozenset(
    ["poll", "polls", "report", "reports", "study", "studies", "survey", "surveys", "data",
     "figures", "statistics", "ruling", "decision", "order", "filing", "filings", "document",
     "documents", "records", "website", "site", "statement", "letter", "memo", "analysis",
     "review", "audit", "minutes", "complaint", "lawsuit", "indictment", "bill", "estimates",
     "forecast", "research", "findings", "guidance", "notice", "release", "transcript",
     "numbers", "tally", "results", "index", "model", "assessment", "inquiry", "budget"]
)  # fmt: skip
_WORD = re.compile(r"[\w’'-]+")


def constructions(placed: Placed) -> frozenset[str]:
    """The constructions of :data:`CONSTRUCTIONS` that an attribution is written in.

    One attribution may be in several or none. The rules look at the words only:

    - *inverted cue, long source*: a verb cue before its source ("…,” said Sen. Maria Ortiz
      of New Mexico), the source of three words or more or with a comma;
    - *appositive source*: a comma between the source and a cue after it ("Paul Reyes, of
      Tucson, Ariz., said"), or a source holding a comma;
    - *circumstance before content*: between a cue and content after it, two words or more
      and then "that" ("told a crowd in Denver that");
    - *parenthetical cue*: source and cue between commas, with words before them ("The
      vote, the mayor said, was …");
    - *continuation quote*: content outside the sentence of the cue;
    - *progressive/perfect/negation*: a form of "be" or "have", "not" or a word in "n't"
      right before the cue ("is warning", "has said", "have not said");
    - *other reporting verb*: a verb cue other than a form of say or tell, stance verbs
      aside;
    - *non-human source*: a source whose last word names a document, data or a ruling ("A
      poll released Tuesday", "federal data");
    - *headline/dash*: a dash as cue, or a capitalised "Says" or "Say";
    - *stance verb*: a stance verb as cue.

    Example:
        >>> text = "“We will appeal,” said Sen. Maria Ortiz of New Mexico."
        >>> sorted(constructions(Placed(text, (23, 53), (18, 22), ((1, 15),))))
        ['inverted cue, long source']
    """
    text = placed.text
    source_start, source_end = placed.source
    cue_start, cue_end = placed.cue
    cue = text[cue_start:cue_end]
    source = text[source_start:source_end]
    family = cue_family(cue)
    verb = family != "nouns/according to"
    found: set[str] = set()
    if family == "stance verbs":
        found.add("stance verb")
    elif verb and CUE_LEMMAS.get(cue.lower()) not in ("say", "tell"):
        found.add("other reporting verb")
    if cue in _DASHES or cue in ("Says", "Say"):
        found.add("headline/dash")
    if verb and source_start >= cue_end and (len(source.split()) >= 3 or "," in source):
        found.add("inverted cue, long source")
    if "," in source or (
        source_end <= cue_start and text[source_end:cue_start].lstrip().startswith(",")
    ):
        found.add("appositive source")
    after = [start for start, _ in placed.content if start >= cue_end]
    if verb and after:
        gap = _WORD.findall(text[cue_end : min(after)])
        if len(gap) >= 3 and gap[-1].lower() == "that":
            found.add("circumstance before content")
    first, last = min(source_start, cue_start), max(source_end, cue_end)
    if (
        text[:first].rstrip().endswith(",")
        and text[last:].lstrip().startswith(",")
        and _WORD.search(text, 0, first) is not None
    ):
        found.add("parenthetical cue")
    sentence = next(
        (s for s in sentences(0, text) if s.start <= cue_start < s.start + len(s.text)), None
    )
    if placed.continued or (
        sentence is not None
        and any(
            start < sentence.start or end > sentence.start + len(sentence.text)
            for start, end in placed.content
        )
    ):
        found.add("continuation quote")
    before = _WORD.findall(text[max(0, cue_start - 20) : cue_start])
    if before and (
        before[-1].lower() in _BEFORE_A_VERB_GROUP or before[-1].lower().endswith(("n't", "n’t"))
    ):
        found.add("progressive/perfect/negation")
    head = _WORD.findall(source)
    if head and head[-1].lower() in _DOCUMENT_NOUNS:
        found.add("non-human source")
    return frozenset(found)


def _placed_extracted(paragraphs: Sequence[str], attribution: Attribution) -> Placed:
    paragraph = attribution.cue.paragraph
    return Placed(
        paragraphs[paragraph],
        (attribution.source.start, attribution.source.end),
        (attribution.cue.start, attribution.cue.end),
        tuple(
            (piece.start, piece.end)
            for piece in attribution.content
            if piece.paragraph == paragraph
        ),
        continued=any(piece.paragraph != paragraph for piece in attribution.content),
    )


def _placed_gold(paragraphs: Sequence[str], label: GoldAttribution) -> Placed | None:
    text = paragraphs[label.paragraph]
    sources = _occurrences(text, label.source)
    cues = [
        (found.start(), found.end())
        for found in re.finditer(rf"(?<!\w){re.escape(label.cue)}(?!\w)", text, re.IGNORECASE)
    ]
    if not sources or not cues:
        return None
    source, cue = min(
        ((s, c) for s in sources for c in cues),
        key=lambda pair: max(pair[0][0] - pair[1][1], pair[1][0] - pair[0][1], 0),
    )
    contents = _occurrences(text, label.content)
    content = (min(contents, key=lambda place: abs(place[0] - cue[0])),) if contents else ()
    return Placed(text, source, cue, content)


@attrs.frozen(kw_only=True)
class Breakdown:
    """Counts for one group of attributions (a cue family or a construction); they add up.

    Example:
        >>> group = Breakdown(gold=4, found=3, extracted=5, right=3)
        >>> group.recall, group.precision
        (0.75, 0.6)
    """

    gold: int = 0
    """Gold attributions in the group."""
    found: int = 0
    """Gold attributions in the group that an extracted one matched."""
    extracted: int = 0
    """Extracted attributions in the group."""
    right: int = 0
    """Extracted attributions in the group that matched a gold one."""

    def __add__(self, other: Breakdown) -> Breakdown:
        return _field_sums(self, other)

    @property
    def precision(self) -> float | None:
        """Matched extracted attributions of the group over all of them; None if none."""
        return self.right / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        """Matched gold attributions of the group over all of them; None if none."""
        return self.found / self.gold if self.gold else None


def _breakdown(article: Article, gold: Gold) -> dict[str, Breakdown]:
    """Counts per cue family and per construction for one annotated article."""
    paragraphs = article.paragraphs
    extracted = article.attributions
    extracted_matched, gold_matched, _ = _matches(article, extracted, gold)
    counts: dict[str, list[int]] = {name: [0, 0, 0, 0] for name in FAMILIES + CONSTRUCTIONS}
    for label, matched in zip(gold.attributions, gold_matched, strict=True):
        groups = {cue_family(label.cue)}
        placed = _placed_gold(paragraphs, label)
        if placed is not None:
            groups |= constructions(placed)
        for group in groups:
            counts[group][0] += 1
            counts[group][1] += matched
    for attribution, matched in zip(extracted, extracted_matched, strict=True):
        groups = {cue_family(attribution.cue.text)} | constructions(
            _placed_extracted(paragraphs, attribution)
        )
        for group in groups:
            counts[group][2] += 1
            counts[group][3] += matched
    return {
        name: Breakdown(gold=gold_, found=found, extracted=extracted_, right=right)
        for name, (gold_, found, extracted_, right) in counts.items()
    }


# A year ("2014", "May 2019") or a decade ("the 1990s"): times that need no reference date.
_NAMES_A_YEAR = re.compile(rf"(?<!\d)(?:{YEAR_DIGITS}|(?:{DECADE_DIGITS})0s)(?!\d)")


def _time_counts(article: Article, gold: Gold) -> tuple[int, int, int, int]:
    paragraphs = article.paragraphs
    times: list[TimeExpression] = [e.time for e in article.events if e.time is not None]
    counts = [0, 0, 0, 0]  # absolute, absolute right, relative, relative right
    for label in gold.times:
        absolute = _NAMES_A_YEAR.search(label.text) is not None
        slot = 0 if absolute else 2
        counts[slot] += 1
        places = _occurrences(paragraphs[label.paragraph], label.text)
        if any(
            time.span.paragraph == label.paragraph
            and _overlaps(time.span.start, time.span.end, places)
            and time.value == label.value
            for time in times
        ):
            counts[slot + 1] += 1
    return counts[0], counts[1], counts[2], counts[3]


def evaluate_article(path: Path, gold: Gold) -> tuple[Score, Article]:
    """Read ``path`` without extraction, extract with the gold reference date, and score.

    Example:
        >>> labelled = load_gold(Path("tests/data/labelled"))
        >>> path, gold = next(item for item in labelled if item[1].name == "al_asad")
        >>> score, article = evaluate_article(path, gold)
        >>> score.true_positives, score.precision, score.recall
        (11, 1.0, 1.0)
    """
    article = read(path, format="text", extract=False)
    if gold.reference_date is not None:
        created = dt.datetime.combine(gold.reference_date, dt.time(12), tzinfo=dt.timezone.utc)
        article = attrs.evolve(article, created=created)
    annotated = annotate(article)
    matched, spurious, missed, kinds = _attribution_counts(annotated, annotated.attributions, gold)
    absolute, absolute_right, relative, relative_right = _time_counts(annotated, gold)
    score = Score(
        true_positives=matched,
        false_positives=spurious,
        false_negatives=missed,
        kinds_right=kinds,
        absolute_times=absolute,
        absolute_times_right=absolute_right,
        relative_times=relative,
        relative_times_right=relative_right,
    )
    return score, annotated


def score_set(directory: Path) -> dict[str, dict[str, Score]]:
    """Scores per split (``dev``, ``heldout``, ``all``) and per article name.

    Example:
        >>> scores = score_set(Path("tests/data/labelled"))
        >>> sorted(scores), len(scores["dev"]), len(scores["heldout"])
        (['all', 'dev', 'heldout'], 29, 10)
    """
    return _evaluate_set(directory)[0]


def breakdown_set(directory: Path) -> dict[str, dict[str, Breakdown]]:
    """Counts per split (``dev``, ``heldout``, ``all``) and per cue family and construction.

    Example:
        >>> groups = breakdown_set(Path("tests/data/labelled"))["all"]
        >>> list(groups) == [*FAMILIES, *CONSTRUCTIONS]
        True
        >>> groups["reporting verbs"].recall > 0.9
        True
    """
    return _evaluate_set(directory)[1]


def _evaluate_set(
    directory: Path,
) -> tuple[dict[str, dict[str, Score]], dict[str, dict[str, Breakdown]]]:
    by_split: dict[str, dict[str, Score]] = {"dev": {}, "heldout": {}, "all": {}}
    groups: dict[str, dict[str, Breakdown]] = {
        split: {name: Breakdown() for name in FAMILIES + CONSTRUCTIONS} for split in by_split
    }
    for path, gold in load_gold(directory):
        score, article = evaluate_article(path, gold)
        by_split[gold.split][gold.name] = score
        by_split["all"][gold.name] = score
        for name, counts in _breakdown(article, gold).items():
            for split in (gold.split, "all"):
                groups[split][name] += counts
    return by_split, groups


def _row(label: str, score: Score) -> str:
    return (
        f"{label:22} {score.precision:6.2f} {score.recall:6.2f} {score.f1:6.2f} "
        f"{score.kind_accuracy:6.2f} {score.absolute_times_right:>3}/{score.absolute_times:<3}"
        f"{score.relative_times_right:>5}/{score.relative_times:<3}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the scores per article and split, then per cue family and construction.

    Returns the exit status.

    Example:
        >>> main(["no/such/folder"])
        1
        >>> main(["tests/data/labelled"])
        == dev
        article                  prec recall     F1   kind abs.time rel.time
        al_asad                  1.00   1.00   1.00   1.00   2/2      0/0
        ...
        all (39 articles)        ...
        0
    """
    parser = argparse.ArgumentParser(
        prog="python -m newsdoc.extract.evaluate",
        description="Score attribution and time extraction against a labelled set.",
    )
    parser.add_argument(
        "directory",
        help="the labelled set: NAME.txt articles beside NAME.gold.json labels "
        "(newsdoc's own is tests/data/labelled in its source tree)",
    )
    args = parser.parse_args(argv)
    directory = Path(args.directory)
    if not directory.is_dir() or not any(directory.glob("*.gold.json")):
        print(f"newsdoc.extract.evaluate: error: no labelled set in {directory}", file=sys.stderr)
        return 1
    try:
        scores, groups = _evaluate_set(directory)
    except (ValueError, NewsdocError) as exc:
        print(f"newsdoc.extract.evaluate: error: {exc}", file=sys.stderr)
        return 1
    header = (
        f"{'article':22} {'prec':>6} {'recall':>6} {'F1':>6} {'kind':>6} "
        f"{'abs.time':>7} {'rel.time':>8}"
    )
    for split in ("dev", "heldout"):
        print(f"== {split}")
        print(header)
        for name, score in sorted(scores[split].items()):
            print(_row(name, score))
    print("== totals")
    print(header)
    for split in ("dev", "heldout", "all"):
        total = sum(scores[split].values(), Score())
        print(_row(f"{split} ({len(scores[split])} articles)", total))
    for title, names in (("cue family", FAMILIES), ("construction", CONSTRUCTIONS)):
        print(f"== per {title}: precision, recall and gold attributions in each split")
        print(
            f"{title:29}"
            + "".join(f" {split + ' prec':>12} {'recall':>6} {'gold':>4}" for split in _SPLITS)
        )
        for name in names:
            print(f"{name:29}" + "".join(_group_cells(groups[split][name]) for split in _SPLITS))
    return 0


_SPLITS = ("dev", "heldout", "all")


def _group_cells(group: Breakdown) -> str:
    def shown(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    return f" {shown(group.precision):>12} {shown(group.recall):>6} {group.gold:>4}"


if __name__ == "__main__":
    sys.exit(main())
