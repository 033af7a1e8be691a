"""Finding who said, confirmed or declined what.

The rules work sentence by sentence. Every reporting cue (a form of a verb in the cue
lexicon, or "according to") is a candidate; a candidate becomes an attribution when a
source can be found for it (the noun phrase before the cue, or after it in inverted
"…,” said the minister") and its content can be delimited:

- **direct**: a quotation right before or after the cue; a quotation that continues in the
  next sentence ("“…,” she said. “…”") adds a second content span;
- **refusal**: "declined to …", "refused to …", "did not respond to requests for comment";
  a bare "declined to comment" has no content;
- **indirect**: "X said (that) …", "…, X said", "according to X, …", "X described A as B",
  "X confirmed the withdrawal".

A pronoun source ("she", "they") is kept as written and linked to the nearest earlier named
source.

However long a sentence is, each rule looks at a bounded stretch of it around its cue, or
at what was found once for the whole sentence: a source starts at most :data:`REACH`
characters before its cue and is at most nine words after it, a subject and its verb lie
within :data:`REACH` characters of where the sentence's clause starts, and content that
precedes its source ("…, X said") starts no earlier than the end of the sentence's previous
such attribution. So extraction takes time in proportion to the text, and every character
lies in a bounded number of the spans it reports.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from newsdoc.extract._cues import CUE_LEMMAS, OBJECT_CUES, REFUSAL_CUES, SPEECH_CUES
from newsdoc.extract._quotes import QUOTE, Quotations
from newsdoc.extract._text import Sentence, has_words, span, split_sentences
from newsdoc.extract._verbs import IRREGULAR_PAST
from newsdoc.extract._words import ACCORDING_TO, Word
from newsdoc.model import Attribution, AttributionKind, Span

__all__ = ["REACH", "attributions_in", "find_attributions"]

REACH = 300
"""The most characters before its cue that a source (with any appositive) may take, and
after the start of its clause that a sentence's subject and its verb may take."""

_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])
_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
     "several", "many", "some", "most", "two", "three", "four", "both", "other", "senior",
     "local", "federal", "state", "one", "no"]
)  # fmt: skip
_NOT_BEFORE_CUE = frozenset(
    ["to", "was", "were", "is", "are", "be", "been", "being", "the", "a", "an", "it's", "not",
     "and", "or", "which", "who", "what", "as", "than", "of", "in", "on", "for", "with"]
)  # fmt: skip
_AUXILIARIES = frozenset(
    ["has", "have", "had", "also", "again", "later", "earlier", "then", "would", "will",
     "did", "does", "do", "once", "further", "had", "already", "still", "even", "now"]
)  # fmt: skip
_LONGEST_AUXILIARY = max(map(len, _AUXILIARIES))
_CLAUSE_OPENERS = re.compile(
    r"(?:[,;:“”\"]|\b(?:but|while|because|although|though|whereas|after|before|when|since|"
    r"as|if|so|and\s+that|that|yet)\b)"
)
_ADVERBIAL = re.compile(
    r"""\s*(?:,\s*)?(?:
        (?:on|late|early|earlier|last|this)\s+\w+(?:\s+\w+day)?
      | in\s+an?\s+(?:\w+\s+)?(?:statement|interview|email|post|letter|briefing|speech|report)
      | at\s+an?\s+(?:\w+\s+)?(?:briefing|news\s+conference|press\s+conference|hearing|meeting)
      | (?:\w+ly)
      | previously | repeatedly | again | also | today | yesterday
    )(?:\s*,)?""",
    re.VERBOSE,
)
_OPEN_CLAUSE = frozenset(
    ["state", "describe", "predict", "expect", "warn", "urge", "claim", "report", "estimate",
     "explain", "write", "insist", "argue", "forecast", "vow", "pledge", "promise"]
)  # fmt: skip
_OPENS_A_BARE_CLAUSE = SPEECH_CUES | OBJECT_CUES | _OPEN_CLAUSE  # "said the talks had failed"
_PREPOSITIONS = frozenset(["to", "in", "on", "at", "for", "with", "of", "by", "from", "about"])
# Each alternative opens with a letter and then checks that it starts a word, so that ``re``
# only stops at a d, c, w or h.
# The cue is the verb phrase ("did not respond"); what went unanswered follows it, and
# has to be a request of some kind: "did not respond to questions about …".
_OTHER_REFUSALS = re.compile(
    r"(?P<unanswered>d(?<!\w.)(?:id\s+not|idn't)\s+(?:immediately\s+)?(?:respond|reply|return))"
    r"\b[^.]{0,200}?\b(?:comment|questions?|requests?|calls?|e-?mails?|messages?|inquiries|enquiries)\b"
    r"|c(?<!\w.)ould\s+not\s+(?:immediately\s+)?be\s+reached\b(?:\s+for\s+comment)?"
    r"|w(?<!\w.)(?:ould|ill)\s+not\s+comment\b|h(?<!\w.)ad\s+no\s+(?:immediate\s+)?comment\b"
)
_NAME_WORD = re.compile(r"[A-Z][\w.’'\-]*")
_TO_COMMENT = re.compile(r"to\s+comment\b")
_CLAUSE_MARK = re.compile(r"[;:]\s")
_ADVERB = re.compile(r"\w+ly,?")
_THAT = re.compile(r"\s*,?\s*that\s+")
_RECIPIENT_THAT = re.compile(r"\s+(?:[\w’'\-]+\s+){1,6}?that\s+")  # "told reporters that"
_RECIPIENT = re.compile(r"\s+(?:reporters|journalists|[A-Z]\w*|the\s+\w+)\s+")
_AS = re.compile(r"\bas\b")
_SPACE = re.compile(r"\s+")
_CLAUSE_END = re.compile(r",\s+(?:citing|saying|adding|but|and|while)\b|[.;!?](?:\s|$)")
_CONTENT_END = '.!?”"'


class _Scan:
    """One sentence as the rules read it.

    What the rules look up in the whole sentence is found once, on first use; ``floor``
    is where content before its source may start, past the last such attribution.
    """

    def __init__(self, sentence: Sentence, following: Sentence | None) -> None:
        text = sentence.text
        self.sentence = sentence
        self.text = text
        self.following = following
        self.floor = 0
        self.end = len(text.rstrip())
        """Where the sentence ends, without trailing white space."""
        space = text.find(" ")
        self.first_word_end = space if space >= 0 else len(text)
        self.first_comma = text.find(", ")
        self._quotations: Quotations | None = None
        self._found: dict[re.Pattern[str], list[re.Match[str]]] = {}

    @property
    def quotations(self) -> Quotations:
        if self._quotations is None:
            self._quotations = Quotations(self.text)
        return self._quotations

    @property
    def continuation(self) -> re.Match[str] | None:
        """The quotation that opens the next sentence, continuing one of this sentence."""
        if self.following is None:
            return None
        found = QUOTE.match(self.following.text)
        if found is None or not has_words(found.string, found.start(1), found.end(1)):
            return None
        return found

    def _all(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of ``pattern`` in the sentence, found on first use."""
        found = self._found.get(pattern)
        if found is None:
            found = self._found[pattern] = list(pattern.finditer(self.text))
        return found

    def content_start(self, limit: int) -> int:
        """Where a statement ending at ``limit`` starts: after its last ";" or ":", or at 0."""
        marks = self._all(_CLAUSE_MARK)
        last = bisect_right(marks, limit, key=re.Match.end) - 1
        return marks[last].end() if last >= 0 else 0

    def clause_end(self, start: int) -> int:
        """Where the clause from ``start`` ends: at a stop, ", citing", ", and" and the like."""
        ends = self._all(_CLAUSE_END)
        found = bisect_left(ends, start, key=re.Match.start)
        return ends[found].start() if found < len(ends) else self.end

    def has_as(self, start: int) -> bool:
        """Whether the word "as" follows ``start``."""
        found = self._all(_AS)
        return bool(found) and found[-1].start() >= start

    def second_verb(self, start: int) -> int | None:
        """Where "… and urged …" ends the clause from ``start``: a second cue of the subject."""
        words = self.sentence.landmarks.words
        first = bisect_right(words, start, key=_start_of)
        for index in range(first, len(words)):
            word = words[index]
            if word.text in CUE_LEMMAS:
                joined = _coordination(self.text, start, word.start)
                if joined is not None:
                    return joined
        return None


def _start_of(word: Word) -> int:
    return word.start


class _Cue(NamedTuple):
    scan: _Scan
    start: int
    end: int
    lemma: str  # "according to" for the preposition


def find_attributions(paragraphs: Sequence[str]) -> tuple[Attribution, ...]:
    """Every attribution in ``paragraphs``, in reading order.

    Example:
        >>> paragraphs = [
        ...     "“We will not go back,” said Maria Huber.",
        ...     "The ministry declined to comment.",
        ... ]
        >>> [(a.kind.value, a.source.text, a.cue.text) for a in find_attributions(paragraphs)]
        [('direct', 'Maria Huber', 'said'), ('refusal', 'The ministry', 'declined')]
    """
    return attributions_in(split_sentences(paragraphs))


def attributions_in(split: Sequence[Sequence[Sentence]]) -> tuple[Attribution, ...]:
    """Every attribution in paragraphs already split into sentences, in reading order.

    Args:
        split: The sentences of each body paragraph, as :func:`split_sentences` gives them.
    """
    found: list[Attribution] = []
    for paragraph in split:
        for position, sentence in enumerate(paragraph):
            following = paragraph[position + 1] if position + 1 < len(paragraph) else None
            found.extend(_in_sentence(_Scan(sentence, following)))
    return _link_pronouns(found)


def _in_sentence(scan: _Scan) -> list[Attribution]:
    sentence = scan.sentence
    results: list[Attribution] = []
    taken_until = -1
    refusal = _other_refusal(scan.text)
    if refusal is not None:
        source = _source_before(sentence, refusal.start())
        if source is not None:
            results.append(
                Attribution(
                    kind=AttributionKind.REFUSAL,
                    source=source,
                    cue=span(
                        sentence,
                        refusal.start(),
                        refusal.end("unanswered") if refusal["unanswered"] else refusal.end(),
                    ),
                )
            )
            taken_until = refusal.end()
    cues = _cues(scan)
    if not cues:
        return results
    for cue in cues:
        # "…, according to X." attributes the whole sentence, so it counts even there.
        if scan.quotations.hold(cue.start) or (
            cue.start < taken_until and cue.lemma != ACCORDING_TO
        ):
            continue
        attribution = _attribution(cue)
        if attribution is not None:
            results.append(attribution)
            # Cues inside the reported content belong to it ("denied reports that …"), even
            # after an "according to" inside it.
            taken_until = max(
                [taken_until, cue.end]
                + [
                    piece.end - sentence.start
                    for piece in attribution.content
                    if piece.paragraph == sentence.paragraph
                ]
            )
    return results


def _other_refusal(text: str) -> re.Match[str] | None:
    # Every such phrase holds "no" or "n't"; testing for those first is far cheaper than
    # running the pattern over each sentence.
    if "no" not in text and "n't" not in text:
        return None
    return _OTHER_REFUSALS.search(text)


def _cues(scan: _Scan) -> list[_Cue]:
    found = []
    for word in scan.sentence.landmarks.words:
        lemma = CUE_LEMMAS.get(word.text)
        if lemma is None and word.text.lower() == ACCORDING_TO:
            lemma = ACCORDING_TO
        if lemma is not None:
            found.append(_Cue(scan, word.start, word.end, lemma))
    return found


def _attribution(cue: _Cue) -> Attribution | None:
    scan = cue.scan
    sentence, text = scan.sentence, scan.text
    if cue.lemma == ACCORDING_TO:
        return _according_to(cue, span(sentence, cue.start, cue.end))
    if (
        cue.lemma in _ALSO_NOUNS
        and text[cue.start : cue.end] == cue.lemma
        and _NOUN_AFTER.match(text, cue.end)
    ):
        return None  # "The next labour force report is due …": a noun, not a verb
    source = _source_before(sentence, cue.start)
    inverted = False
    if source is None:
        source = _source_after(sentence, cue.end)
        inverted = source is not None
    if source is None:
        source = _shared_subject(scan, cue)
    if source is None:
        return None
    cue_span = span(sentence, cue.start, cue.end)
    after = source.end - sentence.start if inverted else cue.end

    if cue.lemma in REFUSAL_CUES:
        if not text.startswith(" to ", cue.end):
            return None
        content_start = cue.end + 1
        content_end = scan.clause_end(content_start)
        bare = _TO_COMMENT.match(text, content_start, content_end)
        pieces = () if bare else (span(sentence, content_start, content_end),)
        return Attribution(
            kind=AttributionKind.REFUSAL, source=source, cue=cue_span, content=pieces
        )

    quotations = scan.quotations
    quote_before = quotations.ending_before(min(source.start - sentence.start, cue.start))
    quote_after = quotations.starting_after(after)
    if quote_before is not None or quote_after is not None:
        quoted = [span(sentence, q[2], q[3]) for q in (quote_before, quote_after) if q]
        continued = scan.continuation
        if quote_after is None and scan.following is not None and continued is not None:
            quoted.append(span(scan.following, continued.start("inner"), continued.end("inner")))
        return Attribution(
            kind=AttributionKind.DIRECT, source=source, cue=cue_span, content=tuple(quoted)
        )

    reported = _reported_clause(cue, after) or _content_before(scan, source, cue)
    if reported is None:
        return None
    return Attribution(
        kind=AttributionKind.INDIRECT, source=source, cue=cue_span, content=(reported,)
    )


def _according_to(cue: _Cue, cue_span: Span) -> Attribution | None:
    scan = cue.scan
    sentence, text = scan.sentence, scan.text
    source = _source_after(sentence, cue.end, any_phrase=True)
    if source is None:
        return None
    source_end = source.end - sentence.start
    before_end = cue.start
    while before_end > 0 and text[before_end - 1] in " ,;:":
        before_end -= 1
    if _next_non_space(text, 0) < before_end:
        # "…, according to X": the statement before it, past any earlier one.
        content_start = max(scan.content_start(before_end), scan.floor)
        if not has_words(text, content_start, before_end):
            return None
        content = span(sentence, content_start, before_end)
        scan.floor = max(source_end, cue.end)
    else:
        content_start = source_end
        content_end = scan.end - (1 if text[scan.end - 1 : scan.end] in _CONTENT_END else 0)
        if content_end - content_start < 3 or not has_words(text, content_start, content_end):
            return None
        content = span(sentence, content_start, content_end)
    return Attribution(
        kind=AttributionKind.INDIRECT, source=source, cue=cue_span, content=(content,)
    )


_SPACES = re.compile(r"\s*")


def _next_non_space(text: str, position: int) -> int:
    """Where the first character from ``position`` on that is not white space stands."""
    return _SPACES.match(text, position).end()  # type: ignore[union-attr]


def _window_before(sentence: Sentence, end: int) -> tuple[int, list[str], bool]:
    """The words before ``end``, split at spaces, as far back as :data:`REACH` goes.

    Returns where the first word starts, the words, and whether the reach cut the text
    short (then a first word that the reach may have cut is left out).
    """
    text = sentence.text
    if end <= REACH:
        return 0, text[:end].rstrip().split(" "), False
    words = text[end - REACH : end].rstrip().split(" ")
    return end - REACH + len(words[0]) + 1, words[1:], True


def _source_before(sentence: Sentence, cue_start: int) -> Span | None:
    offset, words, cut = _window_before(sentence, cue_start)
    while words and words[-1].lower().strip(",") in _AUXILIARIES:
        words.pop()
    while len(words) > 1 and words[-1].endswith(("ly", "ly,")) and _ADVERB.fullmatch(words[-1]):
        words.pop()
    left = " ".join(words).rstrip()
    if not left or left[left.rfind(" ") + 1 :].lower() in _NOT_BEFORE_CUE:
        return None
    if left[-1] == ",":
        return _name_before_appositive(sentence, offset, left[:-1], cut=cut)
    if left[-1] in ";:":
        return None
    start = _after_last_opener(left)
    if start is None or (cut and start == 0):
        return None  # the source would start too far back
    candidate = left[start:].strip()
    if not candidate or not _looks_like_source(
        candidate, after_comma=left[start - 1 : start] == "," or left[start - 4 : start] == "that"
    ):
        return None
    at = offset + left.index(candidate, start)
    return span(sentence, at, at + len(candidate))


def _after_last_opener(phrase: str) -> int | None:
    """Where the last clause opener of ``phrase`` ends, 0 if it has none.

    A source has at most :data:`_LONGEST_SOURCE` words, so only the openers among the last
    words of ``phrase`` are looked for; None says that there is none there, so that what
    follows the last opener is too long to be a source.
    """
    words = phrase.rsplit(None, _LONGEST_SOURCE + 1)
    tail = 0
    if len(words) > _LONGEST_SOURCE + 1:
        tail = phrase.index(words[1], len(words[0]))
    start = None if tail else 0
    for match in _CLAUSE_OPENERS.finditer(phrase, tail):
        start = match.end()
    return start


def _name_before_appositive(
    sentence: Sentence, offset: int, left: str, *, cut: bool
) -> Span | None:
    # "Sarah Finch, a spokeswoman for the council, said" / "Ramos, 24, said": the source
    # is the name before the appositive. "The mayor, Elena Rossi, told": a role first,
    # then the name, which is the source.
    comma = left.rfind(",")
    appositive_words = left[comma + 1 :].split()
    longest = 14 if appositive_words[:1] in (["who"], ["whose"], ["which"]) else 8
    if comma < 0 or len(appositive_words) > longest:
        return None
    head = left[:comma]
    start = _after_last_opener(head)
    if start is None or (cut and start == 0):
        return None  # the name would start too far back
    name = head[start:].strip()
    words = name.split(" ")
    if (
        name
        and len(words) <= 5
        and _NAME_WORD.fullmatch(words[-1])
        and words[0].lower() not in _INTRODUCTORY  # "On Monday, the ministry …, saying"
    ):
        if not _looks_like_source(name, after_comma=False):
            return None
        at = offset + head.index(name, start)
        return span(sentence, at, at + len(name))
    appositive = left[comma + 1 :].strip()
    if _is_proper_name(appositive) and name and _looks_like_source(name, after_comma=False):
        at = offset + left.index(appositive, comma)
        return span(sentence, at, at + len(appositive))
    return None


# Words that end a sentence's subject: verbs in the past or auxiliaries. Together with any
# cue form and any lower-case word in "-ed", they mark where the predicate starts.
_PREDICATE_OPENERS = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
     "might", "must", "should", "did", "does", "do", "set", "cut", "put", "also",
     *IRREGULAR_PAST]
)  # fmt: skip
_INTRODUCTORY = frozenset(
    ["on", "in", "at", "after", "before", "during", "earlier", "later", "meanwhile", "however",
     "last", "this", "next", "by", "since", "until", "for", "with", "from"]
)  # fmt: skip
_LONGEST_INTRODUCTORY = max(map(len, _INTRODUCTORY))


def _shared_subject(scan: _Scan, cue: _Cue) -> Span | None:
    """The sentence's subject, for a cue that shares it with an earlier verb.

    "Business groups welcomed the decision, saying …" (a participle after a comma) and
    "The central bank kept rates … but signalled that …" (a second verb after "and" or
    "but") report what the subject of the sentence said.
    """
    text = scan.text
    participle = cue.end - cue.start > 4 and text[cue.start : cue.end].endswith("ing")
    if not participle:
        word_end = _space_back(text, 0, cue.start)
        last = text[max(0, word_end - _LONGEST_AUXILIARY - 1) : word_end].rsplit(None, 1)
        if not last or (last[-1] not in ("and", "but") and last[-1].lower() not in _AUXILIARIES):
            return None  # no "and" or "but" right before the cue, nor an auxiliary
    offset, words, cut = _window_before(scan.sentence, cue.start)
    if not words or (cut and len(words) == 1 and not words[0]):
        return None  # nothing but white space as far as the reach goes
    before_end = offset + len(" ".join(words))
    if participle:
        if not text.endswith(",", 0, before_end):
            return None
    else:
        words = text[offset:before_end].split()
        while words and words[-1].lower() in _AUXILIARIES:
            words.pop()
        if not words or words[-1] not in ("and", "but"):
            return None
    return _subject(scan, before_end)


def _subject(scan: _Scan, limit: int) -> Span | None:
    """The noun phrase that opens the sentence, up to its verb, if it looks like a source.

    Only the sentence up to ``limit`` counts, and of it only :data:`REACH` characters from
    where the subject starts.
    """
    text = scan.text
    start = 0
    first_comma = scan.first_comma
    opener_end = min(scan.first_word_end, limit)
    if (
        0 < first_comma <= limit - 2
        and opener_end <= _LONGEST_INTRODUCTORY
        and text[:opener_end].lower() in _INTRODUCTORY
    ):
        start = first_comma + 2  # "On Wednesday, the bank kept …"
    words: list[str] = []
    named = 0
    tokens = text[start : min(limit, start + REACH)].split(" ")
    if start + REACH < limit:
        tokens.pop()  # the reach may have cut the last word
    index, closed = 0, False
    while index < len(tokens):
        word = tokens[index]
        bare = word.strip(",")
        lowered = bare.lower()
        if (
            lowered in _PREDICATE_OPENERS
            or lowered in CUE_LEMMAS
            or (bare.islower() and lowered.endswith("ed") and len(lowered) > 4)
        ):
            break
        if closed:  # the verb must follow a relative clause at once
            return None
        words.append(bare)
        named += bool(bare)
        if named > _LONGEST_SOURCE:
            return None
        index += 1
        if bare != word:
            # "The agency, which helped fund the rocket, congratulated …": the subject ends
            # at a relative clause, which is skipped; any other comma is not a subject's.
            if index >= len(tokens) or tokens[index] not in ("which", "who", "whose"):
                return None
            while index < len(tokens) and not tokens[index].endswith(","):
                index += 1
            index, closed = index + 1, True
    else:
        return None  # no verb before the cue: not a clause of its own
    candidate = " ".join(words)
    if not candidate or not _looks_like_source(candidate, after_comma=False):
        return None
    return span(scan.sentence, start, start + len(candidate))


# Cue verbs whose base form is also a noun: "the report is due", "the forecast was".
_ALSO_NOUNS = frozenset(
    ["report", "claim", "estimate", "forecast", "promise", "pledge", "vow", "signal", "fear",
     "state", "rule", "reply", "hint", "note", "remark", "worry", "find"]
)  # fmt: skip
_NOUN_AFTER = re.compile(r"\s+(?:is|was|are|were|will|would|has|had|shows|showed)\b")


def _is_proper_name(words: str) -> bool:
    """Two to four capitalised words: "Elena Rossi", "Dr. Amaka Obi"."""
    parts = words.split()
    return 2 <= len(parts) <= 4 and all(_NAME_WORD.fullmatch(part) for part in parts)


_LONGEST_SOURCE = 9
"""The most words of a source."""


def _looks_like_source(candidate: str, *, after_comma: bool) -> bool:
    words = candidate.split()
    if not words or len(words) > _LONGEST_SOURCE:
        return False
    first = words[0]
    lowered = first.lower()
    if lowered in _PRONOUNS:
        return len(words) == 1
    # "…, researchers reported": a bare plural noun is a source after a comma.
    bare_plural = after_comma and len(words) <= 3 and words[-1].endswith("s")
    # "council leader Rhian Davies": a role in lower case, then the name.
    role_and_name = len(words) >= 3 and _is_proper_name(" ".join(words[-2:]))
    if not (first[0].isupper() or lowered in _DETERMINERS or bare_plural or role_and_name):
        return False
    return words[-1].lower() not in _DETERMINERS


# The source after its cue runs up to a clause mark or the end of the sentence, and has at
# most nine words: looking no further than the ninth word keeps the search short. The words
# are taken in a look-ahead and then matched again, so that when a tenth word follows, the
# search fails at once instead of trying every shorter phrase.
_SOURCE_AFTER = re.compile(
    r"\s+(?=(?P<phrase>[^,.;:!?“”\"\s]+(?:\s+[^,.;:!?“”\"\s]+){0,8}))(?P=phrase)"
    r"\s*(?![^,.;:!?“”\"])"
)
_ROLE_WORDS = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "officials", "police", "analysts", "experts",
     "coach", "manager", "minister", "president", "director", "chief", "officer", "lawyer",
     "judge", "governor", "mayor", "researchers", "residents", "witnesses", "sources"]
)  # fmt: skip
_OPENING_A_SOURCE = _ROLE_WORDS | _DETERMINERS
_NOT_OPENING_A_SOURCE = _PREPOSITIONS | {"that"}


def _source_after(sentence: Sentence, cue_end: int, *, any_phrase: bool = False) -> Span | None:
    """The source named after its cue: "…,” said coach Anna Lindqvist." / "according to X"."""
    text = sentence.text
    match = _SOURCE_AFTER.match(text, cue_end)
    if match is None:
        return None
    phrase = match["phrase"]
    words = phrase.split()
    if words[0].lower() in _NOT_OPENING_A_SOURCE:
        return None
    if not any_phrase:
        named = any(word[0].isupper() for word in words)
        if not (named or words[0].lower() in _OPENING_A_SOURCE):
            return None
        if words[0].lower() in _PRONOUNS or not (named or words[-1].lower() in _ROLE_WORDS):
            return None
    start = match.start("phrase")
    return span(sentence, start, start + len(phrase))


def _reported_clause(cue: _Cue, after: int) -> Span | None:
    scan = cue.scan
    text = scan.text
    position = _past_adverbials(text, after, before_a_word=True)
    that = _THAT.match(text, position)
    if cue.lemma == "tell":
        that = _RECIPIENT_THAT.match(text, position) or _RECIPIENT.match(text, position)
    elif cue.lemma == "describe":
        that = _SPACE.match(text, position) if scan.has_as(position) else None
    elif that is None:
        opens = cue.lemma in _OPENS_A_BARE_CLAUSE
        next_word = ""
        if text.startswith(" ", position):
            space = text.find(" ", position + 1)
            next_word = text[position + 1 : space if space >= 0 else len(text)]
        preposition = next_word.lower().strip(",") in _PREPOSITIONS
        warned_of = cue.lemma == "warn" and next_word == "of"  # "warned of delays"
        if not opens or not next_word or (preposition and not warned_of):
            return None
        that = _SPACE.match(text, position)
    if that is None:
        return None
    start = that.end()
    end = scan.second_verb(start) or scan.end
    while end > start and text[end - 1] in ".!?, ":
        end -= 1
    if end - start < 3 or not has_words(text, start, end):
        return None
    return span(scan.sentence, start, end)


_MOST_ADVERBIALS = 4
"""The most adverbials read between a cue and what it reports ("said on Monday in a
statement that")."""


def _past_adverbials(text: str, position: int, *, before_a_word: bool) -> int:
    """Where the adverbials that follow ``position`` end ("on Monday", "repeatedly").

    With ``before_a_word``, an adverbial counts only when a space or comma follows it.
    """
    for _ in range(_MOST_ADVERBIALS):
        adverbial = _ADVERBIAL.match(text, position)
        if adverbial is None or adverbial.end() == position:
            break
        if before_a_word and text[adverbial.end() : adverbial.end() + 1] not in (" ", ","):
            break
        position = adverbial.end()
    return position


def _coordination(text: str, start: int, word_start: int) -> int | None:
    """Where " and" or " but" joins the word at ``word_start`` to what precedes it.

    "… and urged", "… but also said": the place is the white-space character before the
    conjunction, and counts only at ``start`` or after it.
    """
    conjunction_end = _space_back(text, start, word_start)
    if conjunction_end == word_start:
        return None
    if text.endswith("also", start, conjunction_end):
        before_also = _space_back(text, start, conjunction_end - 4)
        if before_also < conjunction_end - 4:
            joined = _conjunction_at(text, start, before_also)
            if joined is not None:
                return joined
    return _conjunction_at(text, start, conjunction_end)


def _space_back(text: str, start: int, end: int) -> int:
    """Where the white space that ends at ``end`` starts, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _conjunction_at(text: str, start: int, end: int) -> int | None:
    """The white-space character before an "and" or "but" that ends at ``end``, if any."""
    if end - 4 >= start and text[end - 3 : end] in ("and", "but") and text[end - 4].isspace():
        return end - 4
    return None


_AT_LEAST_THREE_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S")


def _content_before(scan: _Scan, source: Span, cue: _Cue) -> Span | None:
    # "…, Iraqi officials and the Pentagon confirmed, marking …": the claim precedes the
    # source, and nothing but a participle clause or the sentence end follows the cue.
    sentence, text = scan.sentence, scan.text
    source_start = source.start - sentence.start
    position = _past_adverbials(text, cue.end, before_a_word=False)
    tail = _next_non_space(text, position)
    if tail < scan.end and not (
        text[tail] in ",."
        or (scan.end - tail <= len(_CONTENT_END) and text[tail : scan.end] in _CONTENT_END)
    ):
        return None
    before_end = _space_back(text, 0, source_start)
    if not text.endswith(",", 0, before_end):
        return None
    start = max(scan.content_start(source_start), scan.floor)
    end = before_end - 1
    if not _AT_LEAST_THREE_WORDS.match(text, start, end) or not has_words(text, start, end):
        return None
    scan.floor = max(source.end - sentence.start, cue.end)
    return span(sentence, start, end)


def _link_pronouns(found: list[Attribution]) -> tuple[Attribution, ...]:
    linked: list[Attribution] = []
    named: Span | None = None
    for attribution in found:
        if attribution.source.text.lower() in _PRONOUNS:
            linked.append(attrs.evolve(attribution, antecedent=named))
        else:
            named = attribution.source
            linked.append(attribution)
    return tuple(linked)
