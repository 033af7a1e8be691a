"""Finding who said, confirmed or declined what.

The rules work sentence by sentence. Every reporting cue (a form of a verb in the cue
lexicon, or "according to") is a candidate; a candidate becomes an attribution when a
source can be found for it (the noun phrase before the cue, past any auxiliaries,
negation and, before a participle, forms of "be"; or after it in inverted "…,” said Sen.
Maria Ortiz of New Mexico", with an appositive "…,” said Dr. Ken Abe, the hospital’s
chief of surgery, on Friday") and its content can be delimited:

- **direct**: a quotation right before or after the cue (marked with quotation marks or
  with two apostrophes); a quotation that continues in the next sentence ("“…,” she said.
  “…”") or makes up the next paragraph adds content spans; a quotation that ends the
  sentence before a bare "Ruiz asked."; a quotation closed by "— Name";
- **refusal**: "declined to …", "refused to …", "did not respond to requests for comment";
  a bare "declined to comment" has no content;
- **indirect**: "X said (that) …", "X said in a statement that …", "…, X said", "The plan,
  X said, was dead", "according to X, …", "X described A as B", "X confirmed the
  withdrawal", "X accused Y of Z", "X urged Y to Z", "X called for Z", "X promised to Z",
  "Residents fear (that) …", "The report found that …", and a headline's "…, X Says".

A cue word used as a noun or a modifier ("the greatest fear", "state law" after "Under",
"taxpayers reporting capital gains") is no cue, nor is a cue in a sentence that asks a
question, or "according to" a measure ("his body mass index").

A pronoun source ("she", "they") is kept as written and linked to the nearest earlier named
source.

However long a sentence is, each rule looks at a bounded stretch of it around its cue, or
at what was found once for the whole sentence: a source starts at most :data:`REACH`
characters before its cue and is at most nine words after it (with an appositive of at
most twelve words more), a subject and its verb lie within :data:`REACH` characters of where
the sentence's clause starts, and content that precedes its source ("…, X said") starts no
earlier than the end of the sentence's previous such attribution. So extraction takes time
in proportion to the text, and every character lies in a bounded number of the spans it
reports.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from newsdoc.extract._alternation import word_alternation
from newsdoc.extract._cues import (
    CUE_LEMMAS,
    OBJECT_CUES,
    PREDICATE_CUES,
    REFUSAL_CUES,
    SPEECH_CUES,
    STANCE_CUES,
)
from newsdoc.extract._quotes import QUOTE, Quotations
from newsdoc.extract._text import Sentence, has_words, span, split_sentences, word_span
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
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "’s", "'s"])
_NEGATED_AUXILIARIES = frozenset(
    spelled.replace("'", apostrophe)
    for spelled in ["hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't", "won't",
                    "wouldn't", "isn't", "aren't", "wasn't", "weren't"]
    for apostrophe in "'’"
)  # fmt: skip
# "Jones is warning voters", "has not said", "hasn't said", "has been saying": the words of
# a verb group that stand between a source and its cue.
_VERB_GROUP = _AUXILIARIES | _NEGATED_AUXILIARIES
_CLAUSE_OPENERS = re.compile(
    r"(?:[,;:“”\"—–―]|\b(?:but|while|because|although|though|whereas|after|before|when|since|"
    r"as|if|so|and\s+that|that|yet)\b)"
)
# The last opener, found from the right: the greedy ``.*`` gives the rightmost place where
# one starts, which ends where the last of a left-to-right scan ends (openers are whole words
# or single marks, and the only one that may hold another, "and that", ends with it).
_LAST_CLAUSE_OPENER = re.compile(rf"(?s:.*){_CLAUSE_OPENERS.pattern}")
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
     "explain", "write", "insist", "argue", "forecast", "vow", "pledge", "promise", "suggest",
     "allege", "maintain", "contend", "agree", "complain", "worry"]
)  # fmt: skip
# "said the talks had failed", "Residents fear the bridge will close"
_OPENS_A_BARE_CLAUSE = SPEECH_CUES | OBJECT_CUES | _OPEN_CLAUSE | STANCE_CUES
# "promised to fix the system": verbs whose content may be an infinitive.
# Not "agreed to buy", which reports a deal rather than words.
_TAKES_AN_INFINITIVE = frozenset(["promise", "pledge", "vow", "threaten"])
# "said in a statement that", "told a crowd in Denver that", "argued in a speech Tuesday
# that": a circumstance between the cue and its clause.
_CIRCUMSTANCE_THAT = re.compile(
    r"\s+(?:(?:in|at|on|during|before|after|from|via|over|through|outside|inside|to|for|"
    r"with|by|under)\s+"
    r"(?:[\w’'.\-]+\s+){0,6}?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)that\s+"
)
# What a verb of asking reports: "asked whether …", "asked for a delay".
_ASKED = frozenset(["whether", "if", "why", "how", "what", "when", "who", "where", "for"])
# A participle cue after a comma opens an attribution of its own: "said …, adding that …".
_PARTICIPLE_CUE = re.compile(
    r",\s+(?:adding|saying|arguing|noting|insisting|warning|claiming|calling|urging)\b"
)
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

    def __init__(
        self, sentence: Sentence, following: Sentence | None, previous: Sentence | None = None
    ) -> None:
        text = sentence.text
        self.sentence = sentence
        self.text = text
        self.following = following
        self.previous = previous
        self.floor = 0
        self.end = len(text.rstrip())
        """Where the sentence ends, without trailing white space."""
        self._quotations: Quotations | None = None
        self._found: dict[re.Pattern[str], list[re.Match[str]]] = {}

    @property
    def first_word_end(self) -> int:
        """Where the first word of the sentence ends."""
        space = self.text.find(" ")
        return space if space >= 0 else len(self.text)

    @property
    def first_comma(self) -> int:
        """Where the first ", " of the sentence stands, -1 if none."""
        return self.text.find(", ")

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

    @property
    def is_question(self) -> bool:
        """Whether the sentence asks a question of its own (its "?" is not in a quotation)."""
        end = self.end
        return self.text.endswith("?", 0, end) and not self.quotations.hold(end - 1)

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
    word: Word


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
        before = len(found)
        for position, sentence in enumerate(paragraph):
            following = paragraph[position + 1] if position + 1 < len(paragraph) else None
            previous = paragraph[position - 1] if position else None
            found.extend(_in_sentence(sentence, following, previous))
        if len(found) == before and paragraph:
            dashed = _dash_attribution(paragraph)
            if dashed is not None:
                found.append(dashed)
            elif found and found[-1].kind is AttributionKind.DIRECT:
                continued = _quotation_paragraph(paragraph)
                if continued:
                    found[-1] = attrs.evolve(found[-1], content=found[-1].content + continued)
    return _link_pronouns(found)


_MOST_QUOTED_SENTENCES = 8
"""The most sentences of a quotation that a dash attribution or a paragraph-long quotation
may take."""
# "“We created ten chances and scored one.” — Lund": a quotation closed by a dash and a name.
_DASH_NAME = re.compile(
    r"(?P<close>[”\"])\s*(?P<dash>[—―–])\s*"
    r"(?P<name>[A-Z][\w’'\-]*(?:\.(?=\s+[A-Z]))?(?:\s+[A-Z][\w’'\-]*(?:\.(?=\s+[A-Z]))?){0,3})"
    r"\.?\s*$"
)
_LONGEST_DASH_NAME = 80


def _dash_attribution(paragraph: Sequence[Sentence]) -> Attribution | None:
    """A paragraph that ends with a quotation closed by "— Name" or "― Name"."""
    last = paragraph[-1]
    text = last.text
    match = _DASH_NAME.search(text, max(0, len(text) - _LONGEST_DASH_NAME))
    if match is None:
        return None
    pieces = _quoted_pieces(paragraph, match.start("close"))
    if not pieces:
        return None
    return Attribution(
        kind=AttributionKind.DIRECT,
        source=span(last, match.start("name"), match.end("name")),
        cue=span(last, match.start("dash"), match.end("dash")),
        content=pieces,
    )


def _quotation_paragraph(paragraph: Sequence[Sentence]) -> tuple[Span, ...]:
    """The pieces of a paragraph that is nothing but a quotation, or none."""
    text = paragraph[-1].text.rstrip()
    if not text.endswith(("”", '"')):
        return ()
    return _quoted_pieces(paragraph, len(text) - 1, whole=True)


def _quoted_pieces(
    paragraph: Sequence[Sentence], close: int, *, whole: bool = False
) -> tuple[Span, ...]:
    """The quotation that the mark at ``close`` in the paragraph's last sentence closes.

    It comes in one piece per sentence, back to its opening mark; with ``whole``, only
    when that mark opens the paragraph.
    """
    pieces: list[Span] = []
    end = close
    last = len(paragraph) - 1
    for index in range(last, max(-1, last - _MOST_QUOTED_SENTENCES), -1):
        sentence = paragraph[index]
        text = sentence.text
        opening = max(text.rfind("“", 0, end), text.rfind('"', 0, end))
        if "”" in text[max(opening, 0) : end] or (opening < 0 and '"' in text[:end]):
            return ()  # another quotation closes in between
        if opening >= 0:
            if whole and (index or opening):
                return ()
            if has_words(text, opening + 1, end):
                pieces.append(span(sentence, opening + 1, end))
            return tuple(reversed(pieces))
        if has_words(text, 0, end):
            pieces.append(span(sentence, 0, end))
        if index:
            end = len(paragraph[index - 1].text.rstrip())
    return ()


def _in_sentence(
    sentence: Sentence, following: Sentence | None, previous: Sentence | None
) -> list[Attribution]:
    results: list[Attribution] = []
    taken_until = -1
    refusal = _other_refusal(sentence.text)
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
    lemmas = _cue_lemmas(sentence)
    if not lemmas:
        return results
    scan = _Scan(sentence, following, previous)
    for word, lemma in lemmas:
        # "…, according to X." attributes the whole sentence, so it counts even there.
        if scan.quotations.hold(word.start) or (word.start < taken_until and lemma != ACCORDING_TO):
            continue
        cue = _Cue(scan, word.start, word.end, lemma, word)
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
    # Every such phrase holds "not", "n't" or "no … comment"; testing for those first is far
    # cheaper than running the pattern over each sentence.
    if "not" not in text and "n't" not in text and ("no" not in text or "comment" not in text):
        return None
    return _OTHER_REFUSALS.search(text)


def _cue_lemmas(sentence: Sentence) -> list[tuple[Word, str]]:
    """The cue words of ``sentence``, each with its verb ("according to" for the phrase)."""
    found = []
    for word in sentence.landmarks.words:
        lemma = CUE_LEMMAS.get(word.text)
        if lemma is None and word.text.lower() == ACCORDING_TO:
            lemma = ACCORDING_TO
        if lemma is not None:
            found.append((word, lemma))
    return found


def _attribution(cue: _Cue) -> Attribution | None:
    scan = cue.scan
    sentence, text = scan.sentence, scan.text
    if cue.lemma == ACCORDING_TO:
        return _according_to(cue, word_span(sentence, cue.word))
    if (
        cue.lemma in _ALSO_NOUNS
        and text[cue.start : cue.end] == cue.lemma
        and _NOUN_AFTER.match(text, cue.end)
    ):
        return None  # "The next labour force report is due …": a noun, not a verb
    progressive = cue.end - cue.start > 4 and text.endswith("ing", cue.start, cue.end)
    if _is_a_noun_or_modifier(text, cue.start, cue.end, progressive=progressive):
        return None  # "the greatest fear", "taxpayers reporting capital gains"
    source = _source_before(sentence, cue.start, progressive=progressive)
    inverted = False
    if source is None:
        source = _source_after(sentence, cue.end)
        inverted = source is not None
    if source is None:
        source = _shared_subject(scan, cue)
    if source is None:
        return None
    cue_span = word_span(sentence, cue.word)
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

    if not inverted and scan.previous is not None and source.start == sentence.start:
        quoted_before = _quotation_before_sentence(scan, cue)
        if quoted_before is not None:
            return Attribution(
                kind=AttributionKind.DIRECT, source=source, cue=cue_span, content=(quoted_before,)
            )
    if text.endswith("?", 0, scan.end) and scan.is_question:
        return None  # "Do you still believe …?": a question put to the source
    reported = _reported_clause(cue, after)
    content = (reported,) if reported is not None else _content_before(scan, source, cue)
    if not content:
        return None
    return Attribution(kind=AttributionKind.INDIRECT, source=source, cue=cue_span, content=content)


def _quotation_before_sentence(scan: _Scan, cue: _Cue) -> Span | None:
    """The quotation that ends the sentence before a bare "Ruiz asked.".

    The cue's sentence holds nothing but the source, the cue and adverbials: "Jones said
    on Monday."
    """
    previous = scan.previous
    text = scan.text
    if previous is None:
        return None
    tail = _next_non_space(text, _past_adverbials(text, cue.end, before_a_word=False))
    if tail < scan.end and (scan.end - tail > 1 or text[tail] not in ".!"):
        return None
    before = previous.text.rstrip()
    if not before.endswith(("”", '"')):
        return None
    quote = Quotations(before).ending_before(len(before))
    if quote is None:
        return None
    return span(previous, quote.inner_start, quote.inner_end)


_NOUN_OPENERS = frozenset(
    ["a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "every",
     "each", "no", "any", "another", "whose"]
)  # fmt: skip
# What may stand right before a participle cue that reports: "is warning", ", saying".
_BEFORE_A_PARTICIPLE = _BE | _VERB_GROUP | {"not", "while", "after", "before", "by", "without"}


def _is_a_noun_or_modifier(text: str, cue_start: int, cue_end: int, *, progressive: bool) -> bool:
    """Whether the cue word at ``cue_start`` is used as a noun or a modifier, not a verb.

    "the greatest fear", "state law" after "a", "the report", "the company’s report": a
    determiner, a superlative or a possessive right before it. "Taxpayers reporting capital
    gains": a participle straight after a noun, with no form of "be" and no comma between,
    and no "that" after it.
    """
    space = cue_start - 1
    if space < 1 or text[space] != " ":
        return False  # first, joined to what precedes it, or after a line break
    before = text[text.rfind(" ", 0, space) + 1 : space]
    lowered = before.lower()
    if lowered in _NOUN_OPENERS:
        return True
    last = lowered[-1:]
    if last == "s" and lowered.endswith(("’s", "'s")) and before[:1].islower():
        return True  # "the company’s report"
    if last == "t" and len(lowered) > 5 and lowered.endswith("est") and before.islower():
        return True  # "the greatest fear", "the latest report"
    return (
        progressive
        and last not in ("", ",", ";", ":", "—", "–", "―")
        and lowered not in _BEFORE_A_PARTICIPLE
        and not text.startswith(" that ", cue_end)
    )


def _according_to(cue: _Cue, cue_span: Span) -> Attribution | None:
    scan = cue.scan
    sentence, text = scan.sentence, scan.text
    source = _source_after(sentence, cue.end, any_phrase=True)
    if source is None or _MEASURE.search(source.text):
        return None  # "overweight according to his body mass index": a measure, not a source
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


_MEASURE = re.compile(
    r"\b(?:index|scale|schedule|plan|definition|formula|chart|standards?|measures?|rankings?)$"
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


def _source_before(sentence: Sentence, cue_start: int, *, progressive: bool = False) -> Span | None:
    offset, words, cut = _window_before(sentence, cue_start)
    while words:  # "has said", "have not said", "hasn't said", "is warning"
        word = words[-1].lower().strip(",")
        if not (
            word in _VERB_GROUP
            or (progressive and word in _BE)
            or (word == "not" and len(words) > 1 and words[-2].lower() in _VERB_GROUP | _BE)
        ):
            break
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
    last = _LAST_CLAUSE_OPENER.match(phrase, tail)
    if last is not None:
        return last.end()
    return None if tail else 0


_MOST_APPOSITIVES = 3
"""The most comma-separated appositives between a name and its cue ("Paul Reyes, of Tucson,
Ariz., said")."""
_RELATIVES = frozenset(["who", "whose", "which"])


def _name_before_appositive(
    sentence: Sentence, offset: int, left: str, *, cut: bool
) -> Span | None:
    # "Sarah Finch, a spokeswoman for the council, said" / "Ramos, 24, said" / "Paul Reyes,
    # of Tucson, Ariz., said": the source is the name before the appositives. "The mayor,
    # Elena Rossi, told": a role first, then the name, which is the source.
    comma = len(left)
    appositive_words = 0
    relative = False
    for _ in range(_MOST_APPOSITIVES):
        end = comma
        comma = left.rfind(",", 0, end)
        if comma < 0:
            return None
        piece = left[comma + 1 : end].split()
        appositive_words += len(piece)
        relative = relative or piece[:1] in (["who"], ["whose"], ["which"])
        if appositive_words > (14 if relative else 10):
            return None
        found = _name_or_role_before(sentence, offset, left, comma, end, cut=cut)
        if found is not None:
            return found
    return None


def _name_or_role_before(
    sentence: Sentence, offset: int, left: str, comma: int, end: int, *, cut: bool
) -> Span | None:
    """The source before the appositive ``left[comma + 1 : end]``.

    That is the name before it, or the name that the appositive gives to a role.
    """
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
    appositive = left[comma + 1 : end].strip()
    # "Her opponent, state Sen. Mark Doyle, called": a role, then a name that may have a
    # title of its own.
    titled = appositive.split()
    if (
        (
            _is_proper_name(appositive)
            or (len(titled) <= 5 and _is_proper_name(" ".join(titled[-2:])))
        )
        and name
        and _looks_like_source(name, after_comma=False)
    ):
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
     "state", "rule", "reply", "hint", "note", "remark", "worry", "find", "demand", "call",
     "post", "hope", "want", "show"]
)  # fmt: skip
_NOUN_AFTER = re.compile(
    r"\s+(?:is|was|are|were|will|would|has|had|have|can|could|may|might|shows|showed|rose|fell)\b"
)


def _is_proper_name(words: str) -> bool:
    """Two to four capitalised words: "Elena Rossi", "Dr. Amaka Obi"."""
    parts = words.split()
    return 2 <= len(parts) <= 4 and all(_NAME_WORD.fullmatch(part) for part in parts)


_LONGEST_SOURCE = 9
"""The most words of a source."""
_NOT_OPENING_A_NOUN_PHRASE = _PREPOSITIONS | _INTRODUCTORY | {
    "under", "over", "among", "amid", "within", "without", "despite", "across", "against",
    "into", "through", "according", "if", "when", "while", "although", "because",
}  # fmt: skip


def _looks_like_source(candidate: str, *, after_comma: bool) -> bool:
    words = candidate.split()
    if not words or len(words) > _LONGEST_SOURCE:
        return False
    first = words[0]
    lowered = first.lower()
    if lowered in _NOT_OPENING_A_NOUN_PHRASE:
        return False  # "Under state law, …": no source opens with a preposition
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
# A word may end in the dot of an abbreviation when a capitalised word follows ("Sen. Maria
# Ortiz", "Dr. Ken Abe").
_AFTER_WORD = r"[^,.;:!?“”\"\s]+(?:\.(?=\s+[A-Z]))?"
_SOURCE_AFTER = re.compile(
    rf"\s+(?=(?P<phrase>{_AFTER_WORD}(?:\s+{_AFTER_WORD}){{0,8}}))(?P=phrase)"
    r"\s*(?![^,.;:!?“”\"])"
)
_ROLE_WORDS = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "officials", "police", "analysts", "experts",
     "coach", "manager", "minister", "president", "director", "chief", "officer", "lawyer",
     "judge", "governor", "mayor", "researchers", "residents", "witnesses", "sources"]
)  # fmt: skip
_OPENING_A_SOURCE = _ROLE_WORDS | _DETERMINERS
_NOT_OPENING_A_SOURCE = _PREPOSITIONS | {"that"}
# "…,” said Dr. Ken Abe, the hospital’s chief of surgery, on Friday": a named source after its
# cue keeps the appositive that follows its comma, a noun phrase of at most twelve words that
# opens with an article, a possessive or a role and runs up to the next clause mark. It is
# matched like the source itself, in a look-ahead first, so that it fails at once when a
# thirteenth word follows.
_APPOSITIVE_OPENERS = ["the", "a", "an", "his", "her", "its", "their", "our", *_ROLE_WORDS]
_APPOSITIVE_AFTER = re.compile(
    rf",\s+(?=(?P<appositive>(?:{word_alternation(_APPOSITIVE_OPENERS)})"
    rf"(?:\s+{_AFTER_WORD}){{1,11}}))(?P=appositive)\s*(?![^,.;:!?“”\"])"
)
# What shows that the words after the comma are a clause or a time, not an appositive: "said
# Abe, the vote was rigged", "said Abe, the day after the vote".
_NOT_IN_AN_APPOSITIVE = _PREDICATE_OPENERS | frozenset(CUE_LEMMAS) | {
    "day", "week", "month", "year", "morning", "afternoon", "evening", "night", "time", "same",
    "who", "which", "that",
}  # fmt: skip


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
    end = start + len(phrase)
    if not any_phrase and named:
        appositive = _APPOSITIVE_AFTER.match(text, match.end())
        if appositive is not None and not any(
            word.lower() in _NOT_IN_AN_APPOSITIVE for word in appositive["appositive"].split()
        ):
            end = appositive.end("appositive")
    return span(sentence, start, end)


def _reported_clause(cue: _Cue, after: int) -> Span | None:
    scan = cue.scan
    text = scan.text
    lemma = cue.lemma
    position = _past_adverbials(text, after, before_a_word=True)
    that = _THAT.match(text, position)
    if lemma == "tell":
        that = _RECIPIENT_THAT.match(text, position) or _RECIPIENT.match(text, position)
    elif that is None and lemma == "warn":  # "warning voters that …"
        that = _RECIPIENT_THAT.match(text, position)
    elif lemma == "describe":
        that = _SPACE.match(text, position) if scan.has_as(position) else None
    elif that is None:
        that = _CIRCUMSTANCE_THAT.match(text, after) or _CIRCUMSTANCE_THAT.match(text, position)
        if that is not None and "," in text[after : that.end()]:
            that = None  # the "that" of another clause
    if that is None and lemma not in ("tell", "describe"):
        next_word = ""
        if text.startswith(" ", position):
            space = text.find(" ", position + 1)
            next_word = text[position + 1 : space if space >= 0 else len(text)].strip(",")
        if not next_word or not _bare_content_fits(scan, lemma, next_word, position):
            return None
        that = _SPACE.match(text, position)
    if that is None:
        return None
    start = that.end()
    end = scan.second_verb(start) or scan.end
    participle = _PARTICIPLE_CUE.search(text, start, end)
    if participle is not None:
        end = participle.start()
    while end > start and text[end - 1] in ".!?, ":
        end -= 1
    if end - start < 3 or not has_words(text, start, end):
        return None
    return span(scan.sentence, start, end)


def _bare_content_fits(scan: _Scan, lemma: str, next_word: str, position: int) -> bool:
    """Whether what follows the cue at ``position`` with no "that" is what it reports.

    "said the talks had failed", "urged the House to act": ``next_word`` is its first word.
    """
    text = scan.text
    lowered = next_word.lower()
    if lemma in PREDICATE_CUES or lemma == "want":
        # What a verb of this kind needs ("of", "to", a quotation) follows it closely.
        clause = text[position : min(scan.clause_end(position), position + REACH)]
    if lemma in PREDICATE_CUES:
        if lemma == "call":  # "called for a freeze", "called the bill “a promise kept”"
            return lowered in ("for", "on") or any(mark in clause for mark in ("“", '"', "''"))
        if lemma == "accuse":  # "accused the majority of writing the bill"
            return " of " in clause
        if lemma == "urge":  # "urged the House to act"
            return " to " in clause
        if lemma == "ask":  # "asked whether …", "asked for ten years", "asked the court to"
            return lowered in _ASKED or (lowered != "to" and " to " in clause)
        return lowered not in _PREPOSITIONS  # "criticized the governor for …", "cited X"
    if lemma in _TAKES_AN_INFINITIVE and lowered == "to":
        return True  # "promised to fix the system"
    if lemma not in _OPENS_A_BARE_CLAUSE or lowered in _PREPOSITIONS:
        return lemma == "warn" and lowered == "of"  # "warned of delays"
    if lemma == "want":  # "want the city to restore …", not "want a raise"
        return " to " in clause
    return True


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
# "The plan, officials said, was dead": the verb that carries the sentence on after a
# parenthetical cue.
_CARRIES_ON = re.compile(
    r",\s+(?=(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should|must|"
    r"did|does|do)\b)"
)


def _content_before(scan: _Scan, source: Span, cue: _Cue) -> tuple[Span, ...]:
    # "…, Iraqi officials and the Pentagon confirmed, marking …": the claim precedes the
    # source, and nothing but a participle clause or the sentence end follows the cue.
    # "The plan, officials said, was dead": the claim goes on after the cue.
    sentence, text = scan.sentence, scan.text
    source_start = source.start - sentence.start
    position = _past_adverbials(text, cue.end, before_a_word=False)
    tail = _next_non_space(text, position)
    if tail < scan.end and not (
        text[tail] in ",."
        or (scan.end - tail <= len(_CONTENT_END) and text[tail : scan.end] in _CONTENT_END)
    ):
        return ()
    before_end = _space_back(text, 0, source_start)
    if not text.endswith(",", 0, before_end):
        return ()
    start = max(scan.content_start(source_start), scan.floor)
    end = before_end - 1
    carried = _CARRIES_ON.match(text, tail) if tail < scan.end else None
    after: tuple[Span, ...] = ()
    if carried is not None:
        after_end = scan.end - (1 if text[scan.end - 1] in _CONTENT_END else 0)
        if has_words(text, carried.end(), after_end):
            after = (span(sentence, carried.end(), after_end),)
    enough = has_words if after else _has_three_words
    if not enough(text, start, end):
        return ()
    scan.floor = max(source.end - sentence.start, cue.end)
    return (span(sentence, start, end), *after)


def _has_three_words(text: str, start: int, end: int) -> bool:
    return bool(_AT_LEAST_THREE_WORDS.match(text, start, end)) and has_words(text, start, end)


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
