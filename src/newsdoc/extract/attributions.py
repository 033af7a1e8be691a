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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from newsdoc.extract._cues import CUE_LEMMAS, OBJECT_CUES, REFUSAL_CUES, SPEECH_CUES
from newsdoc.extract._text import Sentence, span, split_sentences
from newsdoc.extract._verbs import IRREGULAR_PAST
from newsdoc.extract._words import ACCORDING_TO
from newsdoc.model import Attribution, AttributionKind, Span

__all__ = ["attributions_in", "find_attributions"]

_QUOTE = re.compile(r"[“\"](?P<inner>[^“”\"]{2,}?)[”\"]")
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
    r"\b[^.]*?\b(?:comment|questions?|requests?|calls?|e-?mails?|messages?|inquiries|enquiries)\b"
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


class _Cue(NamedTuple):
    sentence: Sentence
    start: int
    end: int
    lemma: str  # "according to" for the preposition


def find_attributions(paragraphs: Sequence[str]) -> tuple[Attribution, ...]:
    """Every attribution in ``paragraphs``, in reading order."""
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
            found.extend(_in_sentence(sentence, following))
    return _link_pronouns(found)


def _in_sentence(sentence: Sentence, following: Sentence | None) -> list[Attribution]:
    text = sentence.text
    results: list[Attribution] = []
    taken_until = -1
    refusal = _other_refusal(text)
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
    cues = _cues(sentence)
    if not cues:
        return results
    quotes = _quotes(text)
    for cue in cues:
        inside_quote = any(q[0] < cue.start < q[1] for q in quotes)
        # "…, according to X." attributes the whole sentence, so it counts even there.
        if inside_quote or (cue.start < taken_until and cue.lemma != ACCORDING_TO):
            continue
        attribution = _attribution(cue, quotes, following)
        if attribution is not None:
            results.append(attribution)
            # Cues inside the reported content belong to it ("denied reports that …").
            taken_until = max(
                [cue.end]
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


def _quotes(text: str) -> list[tuple[int, int, int, int]]:
    """Each quotation of ``text``: where it starts and ends, with and without its marks."""
    if "“" not in text and '"' not in text and "”" not in text:
        return []
    found = [(m.start(), m.end(), m.start("inner"), m.end("inner")) for m in _QUOTE.finditer(text)]
    # A quotation of several sentences is split with them: "“We were promised a rise. Instead
    # we got a freeze,” said …" leaves this sentence with only the closing mark.
    closing, opening = text.find("”"), text.find("“")
    if closing > 1 and (opening < 0 or closing < opening):
        found.insert(0, (0, closing + 1, 0, closing))
    return found


def _cues(sentence: Sentence) -> list[_Cue]:
    found = []
    for word in sentence.landmarks.words:
        lemma = CUE_LEMMAS.get(word.text)
        if lemma is None and word.text.lower() == ACCORDING_TO:
            lemma = ACCORDING_TO
        if lemma is not None:
            found.append(_Cue(sentence, word.start, word.end, lemma))
    return found


def _attribution(
    cue: _Cue, quotes: list[tuple[int, int, int, int]], following: Sentence | None
) -> Attribution | None:
    sentence, text = cue.sentence, cue.sentence.text
    cue_span = span(sentence, cue.start, cue.end)
    if cue.lemma == ACCORDING_TO:
        return _according_to(cue, cue_span)
    if cue.lemma in _ALSO_NOUNS and cue_span.text == cue.lemma and _NOUN_AFTER.match(text, cue.end):
        return None  # "The next labour force report is due …": a noun, not a verb
    source = _source_before(sentence, cue.start)
    inverted = False
    if source is None:
        source = _source_after(sentence, cue.end)
        inverted = source is not None
    if source is None:
        source = _shared_subject(sentence, cue)
    if source is None:
        return None
    after = source.end - sentence.start if inverted else cue.end

    if cue.lemma in REFUSAL_CUES:
        rest = text[cue.end :]
        if not rest.startswith(" to "):
            return None
        content_start = cue.end + 1
        content_end = _clause_end(text, content_start)
        content = text[content_start:content_end]
        pieces = () if _TO_COMMENT.match(content) else (span(sentence, content_start, content_end),)
        return Attribution(
            kind=AttributionKind.REFUSAL, source=source, cue=cue_span, content=pieces
        )

    quote_before = _quote_ending_before(text, quotes, source, cue, sentence)
    quote_after = _quote_starting_after(text, quotes, after)
    if quote_before is not None or quote_after is not None:
        quoted = [span(sentence, q[2], q[3]) for q in (quote_before, quote_after) if q]
        if quote_after is None and following is not None:
            continued = _QUOTE.match(following.text)
            if continued is not None:
                quoted.append(span(following, continued.start("inner"), continued.end("inner")))
        return Attribution(
            kind=AttributionKind.DIRECT, source=source, cue=cue_span, content=tuple(quoted)
        )

    reported = _reported_clause(cue, after) or _content_before(sentence, source, cue)
    if reported is None:
        return None
    return Attribution(
        kind=AttributionKind.INDIRECT, source=source, cue=cue_span, content=(reported,)
    )


def _according_to(cue: _Cue, cue_span: Span) -> Attribution | None:
    sentence, text = cue.sentence, cue.sentence.text
    source = _source_after(sentence, cue.end, any_phrase=True)
    if source is None:
        return None
    source_end = source.end - sentence.start
    before = text[: cue.start].rstrip(" ,;:")
    if before.strip():
        content_start = _content_start(text, len(before))
        if not before[content_start:].strip():
            return None
        content = span(sentence, content_start, len(before))
    else:
        content_start = source_end
        content_end = len(text.rstrip()) - (1 if text.rstrip()[-1:] in _CONTENT_END else 0)
        if content_end - content_start < 3:
            return None
        content = span(sentence, content_start, content_end)
    return Attribution(
        kind=AttributionKind.INDIRECT, source=source, cue=cue_span, content=(content,)
    )


def _content_start(text: str, limit: int) -> int:
    # An indirect statement before its cue starts after a leading quotation or clause mark.
    last = 0
    for match in _CLAUSE_MARK.finditer(text[:limit]):
        last = match.end()
    return last


def _source_before(sentence: Sentence, cue_start: int) -> Span | None:
    text = sentence.text
    words = text[:cue_start].rstrip().split(" ")
    while words and words[-1].lower().strip(",") in _AUXILIARIES:
        words.pop()
    while len(words) > 1 and words[-1].endswith(("ly", "ly,")) and _ADVERB.fullmatch(words[-1]):
        words.pop()
    left = " ".join(words).rstrip()
    if not left or left[left.rfind(" ") + 1 :].lower() in _NOT_BEFORE_CUE:
        return None
    if left[-1] == ",":
        return _name_before_appositive(sentence, left[:-1])
    if left[-1] in ";:":
        return None
    start = 0
    for match in _CLAUSE_OPENERS.finditer(left):
        start = match.end()
    candidate = left[start:].strip()
    if not candidate or not _looks_like_source(
        candidate, after_comma=left[start - 1 : start] == "," or left[start - 4 : start] == "that"
    ):
        return None
    offset = left.index(candidate, start)
    return span(sentence, offset, offset + len(candidate))


def _name_before_appositive(sentence: Sentence, left: str) -> Span | None:
    # "Sarah Finch, a spokeswoman for the council, said" / "Ramos, 24, said": the source
    # is the name before the appositive. "The mayor, Elena Rossi, told": a role first,
    # then the name, which is the source.
    comma = left.rfind(",")
    appositive_words = left[comma + 1 :].split()
    longest = 14 if appositive_words[:1] in (["who"], ["whose"], ["which"]) else 8
    if comma < 0 or len(appositive_words) > longest:
        return None
    head = left[:comma]
    start = 0
    for match in _CLAUSE_OPENERS.finditer(head):
        start = match.end()
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
        offset = head.index(name, start)
        return span(sentence, offset, offset + len(name))
    appositive = left[comma + 1 :].strip()
    if _is_proper_name(appositive) and name and _looks_like_source(name, after_comma=False):
        offset = left.index(appositive, comma)
        return span(sentence, offset, offset + len(appositive))
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


def _shared_subject(sentence: Sentence, cue: _Cue) -> Span | None:
    """The sentence's subject, for a cue that shares it with an earlier verb.

    "Business groups welcomed the decision, saying …" (a participle after a comma) and
    "The central bank kept rates … but signalled that …" (a second verb after "and" or
    "but") report what the subject of the sentence said.
    """
    text = sentence.text
    before = text[: cue.start].rstrip()
    participle = cue.end - cue.start > 4 and text[cue.start : cue.end].endswith("ing")
    if participle:
        if not before.endswith(","):
            return None
    else:
        words = before.split()
        while words and words[-1].lower() in _AUXILIARIES:
            words.pop()
        if not words or words[-1] not in ("and", "but"):
            return None
    return _subject(sentence, len(before))


def _subject(sentence: Sentence, limit: int) -> Span | None:
    """The noun phrase that opens the sentence, up to its verb, if it looks like a source."""
    text = sentence.text[:limit]
    start = 0
    first_comma = text.find(", ")
    if first_comma > 0 and text.split(" ", 1)[0].lower() in _INTRODUCTORY:
        start = first_comma + 2  # "On Wednesday, the bank kept …"
    words: list[str] = []
    tokens = text[start:].split(" ")
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
    return span(sentence, start, start + len(candidate))


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


def _looks_like_source(candidate: str, *, after_comma: bool) -> bool:
    words = candidate.split()
    if not words or len(words) > 9:
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


_SOURCE_AFTER = re.compile(r"\s+(?P<phrase>[^,.;:!?“”\"]+)")
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
    phrase = match["phrase"].rstrip()
    words = phrase.split()
    if not words or len(words) > 9 or words[0].lower() in _NOT_OPENING_A_SOURCE:
        return None
    if not any_phrase:
        named = any(word[0].isupper() for word in words)
        if not (named or words[0].lower() in _OPENING_A_SOURCE):
            return None
        if words[0].lower() in _PRONOUNS or not (named or words[-1].lower() in _ROLE_WORDS):
            return None
    start = match.start("phrase")
    return span(sentence, start, start + len(phrase))


def _quote_ending_before(
    text: str,
    quotes: list[tuple[int, int, int, int]],
    source: Span,
    cue: _Cue,
    sentence: Sentence,
) -> tuple[int, int, int, int] | None:
    first = min(source.start - sentence.start, cue.start)
    for quote in quotes:
        if quote[1] <= first and not text[quote[1] : first].strip(" ,"):
            return quote
    return None


def _quote_starting_after(
    text: str, quotes: list[tuple[int, int, int, int]], after: int
) -> tuple[int, int, int, int] | None:
    for quote in quotes:
        if quote[0] >= after and not text[after : quote[0]].strip(" ,:"):
            return quote
    return None


def _reported_clause(cue: _Cue, after: int) -> Span | None:
    sentence, text = cue.sentence, cue.sentence.text
    position = after
    while True:
        adverbial = _ADVERBIAL.match(text, position)
        if adverbial is None or adverbial.end() == position:
            break
        if text[adverbial.end() : adverbial.end() + 1] not in (" ", ","):
            break
        position = adverbial.end()
    rest = text[position:]
    that = _THAT.match(rest)
    if cue.lemma == "tell":
        that = _RECIPIENT_THAT.match(rest) or _RECIPIENT.match(rest)
    elif cue.lemma == "describe":
        that = _SPACE.match(rest) if _AS.search(rest) else None
    elif that is None:
        opens = cue.lemma in _OPENS_A_BARE_CLAUSE
        next_word = (
            rest.split(" ", 2)[1] if rest.startswith(" ") and len(rest.split(" ", 2)) > 1 else ""
        )
        preposition = next_word.lower().strip(",") in _PREPOSITIONS
        warned_of = cue.lemma == "warn" and next_word == "of"  # "warned of delays"
        if not opens or not next_word or (preposition and not warned_of):
            return None
        that = _SPACE.match(rest)
    if that is None:
        return None
    start = position + that.end()
    end = _second_verb(sentence, start) or len(text.rstrip())
    while end > start and text[end - 1] in ".!?, ":
        end -= 1
    if end - start < 3:
        return None
    return span(sentence, start, end)


_COORDINATION = re.compile(r"\s(?:and|but)\s+(?:also\s+)?$")


def _second_verb(sentence: Sentence, start: int) -> int | None:
    """Where "… and urged …" ends the clause from ``start``: a second cue of the subject."""
    for word in sentence.landmarks.words:
        if word.start > start and word.text in CUE_LEMMAS:
            joined = _COORDINATION.search(sentence.text, start, word.start)
            if joined is not None:
                return joined.start()
    return None


def _content_before(sentence: Sentence, source: Span, cue: _Cue) -> Span | None:
    # "…, Iraqi officials and the Pentagon confirmed, marking …": the claim precedes the
    # source, and nothing but a participle clause or the sentence end follows the cue.
    text = sentence.text
    source_start = source.start - sentence.start
    position = cue.end
    while (
        adverbial := _ADVERBIAL.match(text, position)
    ) is not None and adverbial.end() > position:
        position = adverbial.end()
    tail = text[position:].strip()
    if tail and not (tail[0] in ",." or tail in _CONTENT_END):
        return None
    before = text[:source_start].rstrip()
    if not before.endswith(","):
        return None
    start = _content_start(text, source_start)
    end = len(before) - 1
    if len(text[start:end].split()) < 3:
        return None
    return span(sentence, start, end)


def _clause_end(text: str, start: int) -> int:
    match = _CLAUSE_END.search(text, start)
    return match.start() if match is not None else len(text.rstrip())


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
