"""The reporting-cue lexicon: verbs that attribute words to a source, in every form."""

from __future__ import annotations

__all__ = [
    "CLAUSE_CUES",
    "CUE_LEMMAS",
    "DOCUMENT_CUES",
    "OBJECT_CUES",
    "PREDICATE_CUES",
    "REFUSAL_CUES",
    "REPORTING_VERBS",
    "SPEECH_CUES",
    "STANCE_CUES",
    "all_forms",
]

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "deny": ("deny", "denies", "denied", "denying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "forecast": ("forecast", "forecasts", "forecasted", "forecasting"),
    "signal": ("signal", "signals", "signalled", "signaled", "signalling", "signaling"),
    "find": ("find", "finds", "found", "finding"),
    "think": ("think", "thinks", "thought", "thinking"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "criticize": ("criticize", "criticizes", "criticized", "criticizing"),
    "criticise": ("criticise", "criticises", "criticised", "criticising"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("post", "posts", "posted", "posting"),
    # ", citing security concerns" gives a reason for what the subject did, not words.
    "cite": ("cite", "cites", "cited"),
    "urge": ("urge", "urges", "urged", "urging"),
}


def all_forms(verb: str) -> tuple[str, ...]:
    """Every form of ``verb``: base, third person, past and present participle."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return (verb, verb + "s", verb + "d", verb[:-1] + "ing")
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return (verb, verb + "es", verb + "ed", verb + "ing")
    return (verb, verb + "s", verb + "ed", verb + "ing")


SPEECH_CUES = frozenset(["say", "tell"])
"""Verbs of speaking that introduce a clause with or without ``that``."""

OBJECT_CUES = frozenset(
    ["confirm", "deny", "announce", "acknowledge", "reiterate", "stress", "emphasise",
     "emphasize", "admit", "disclose", "reveal", "concede", "dispute"]
)  # fmt: skip
"""Verbs whose object is itself the reported content: "X confirmed the withdrawal"."""

STANCE_CUES = frozenset(["believe", "think", "expect", "fear", "hope", "want"])
"""Verbs of holding a view: "Residents fear the bridge will close" reports what they think."""

PREDICATE_CUES = frozenset(
    ["call", "accuse", "criticize", "criticise", "urge", "ask", "cite", "demand"]
)
"""Verbs whose object and what follows it are the content: "X accused Y of Z", "X urged Y to Z"."""

DOCUMENT_CUES = frozenset(["show", "find"])
"""Verbs that report what a document or a study says: "A poll released Tuesday shows that …"."""

CLAUSE_CUES = frozenset(
    ["add", "argue", "assert", "believe", "caution", "claim", "conclude", "contend",
     "describe", "estimate", "explain", "expect", "find", "forecast", "insist", "maintain",
     "note", "observe", "point", "predict", "promise", "pledge", "recall", "remark",
     "reply", "report", "respond", "rule", "state", "suggest", "testify", "vow", "warn", "write",
     "urge", "agree", "allege", "complain", "indicate", "signal", "hint", "fear", "worry",
     "announce", "confirm", "deny", "acknowledge", "reiterate", "stress", "emphasise",
     "emphasize", "admit", "concede", "say", "tell", "tweet", "post", "demand", "ask", "contend",
     *STANCE_CUES, *PREDICATE_CUES, *DOCUMENT_CUES]
)  # fmt: skip
"""Verbs that report a clause, usually with ``that``: "Analysts note that …"."""

REPORTING_VERBS = frozenset(
    ["say", "tell", "add", "note", "write", "tweet", "post", "reply", "respond", "explain",
     "state", "remark", "report", "testify", "announce", "ask", "argue", "insist", "claim",
     "warn", "recall", "acknowledge", "admit", "concede", "deny", "confirm", "reiterate",
     "stress", "emphasise", "emphasize", "observe", "assert", "contend", "maintain", "suggest",
     "allege", "complain", "describe", "predict", "promise", "pledge", "vow", "agree",
     "caution"]
)  # fmt: skip
"""Verbs of saying: the family of cues that the evaluation calls reporting verbs. The other
cue verbs (stance verbs aside) report what a source did or found: "accused", "urged",
"found", "declined"."""

REFUSAL_CUES = frozenset(["decline", "refuse"])
"""Verbs of refusing: "X declined to comment", "X refused to say"."""

CUE_LEMMAS = {form: verb for verb in CLAUSE_CUES | REFUSAL_CUES for form in all_forms(verb)} | {
    "Says": "say",
    "Say": "say",
}
"""Every form of every cue verb, mapped to the verb: ``"said"`` → ``"say"``; and a headline's
capitalised "Says" ("Storm Will Hit Coast by Noon, Forecasters Say")."""
