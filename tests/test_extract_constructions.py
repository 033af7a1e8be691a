"""One test per construction of attribution in published news, each positive and negative.

Every positive case names what must be found (kind, source, cue, content); every negative
case a sentence that looks like an attribution and is not one, or not that one.
"""

from __future__ import annotations

import pytest

from newsdoc import Attribution
from newsdoc.extract import find_attributions

Found = tuple[str, str, str, tuple[str, ...]]


def described(*paragraphs: str) -> list[Found]:
    return [_describe(attribution) for attribution in find_attributions(paragraphs)]


def _describe(attribution: Attribution) -> Found:
    return (
        attribution.kind.value,
        attribution.source.text,
        attribution.cue.text,
        tuple(piece.text for piece in attribution.content),
    )


def cues(*paragraphs: str) -> list[str]:
    return [attribution.cue.text for attribution in find_attributions(paragraphs)]


# Inverted cue with a long source


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("“We will appeal,” said Sen. Maria Ortiz of New Mexico.",
         ("direct", "Sen. Maria Ortiz of New Mexico", "said", ("We will appeal",))),
        ("“It is over,” said Dr. Ken Abe, the hospital’s chief of surgery, on Friday.",
         ("direct", "Dr. Ken Abe, the hospital’s chief of surgery", "said", ("It is over",))),
    ],
)  # fmt: skip
def test_an_inverted_cue_takes_a_titled_source(paragraph: str, expected: Found) -> None:
    assert described(paragraph) == [expected]


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        ("“It is over,” said Ken Abe, a Democrat.", "Ken Abe, a Democrat"),
        ("“It is over,” said Priya Raman, chief economist at Northgate Bank.",
         "Priya Raman, chief economist at Northgate Bank"),
        # Longer than the nine words a source alone may have.
        ("“It is over,” said coach Anna Lindqvist, the former captain of the national team "
         "and its record scorer.",
         "coach Anna Lindqvist, the former captain of the national team and its record scorer"),
        # The appositive ends at a clause mark; a quotation may follow it.
        ("“It is over,” said Ken Abe, the hospital’s chief: “We are done.”",
         "Ken Abe, the hospital’s chief"),
    ],
)  # fmt: skip
def test_an_inverted_cue_keeps_the_appositive_of_its_source(paragraph: str, source: str) -> None:
    [attribution] = find_attributions([paragraph])
    assert attribution.source.text == source


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        ("“It is over,” said Abe, the day after the vote.", "Abe"),  # a time
        ("“It is over,” said Abe, who chairs the board.", "Abe"),  # a relative clause
        ("“It is over,” said Abe, adding that he would resign.", "Abe"),  # a participle
        ("“It is over,” said Ken Abe, the mayor was told.", "Ken Abe"),  # a clause
        ("“It is over,” said the mayor, a Democrat.", "the mayor"),  # no name to add it to
        # Fourteen words: too long for an appositive.
        ("“It is over,” said Abe, the head of the one union of all the teachers of the "
         "whole city.", "Abe"),
    ],
)  # fmt: skip
def test_an_inverted_cue_takes_no_clause_time_or_long_phrase_as_appositive(
    paragraph: str, source: str
) -> None:
    [attribution] = find_attributions([paragraph])
    assert attribution.source.text == source


def test_according_to_keeps_its_source_without_the_appositive() -> None:
    [attribution] = find_attributions(
        ["According to Maria Lopez, the agency’s director, the plan failed."]
    )
    assert attribution.source.text == "Maria Lopez"


def test_an_inverted_cue_takes_no_source_that_opens_with_a_preposition() -> None:
    assert described("“It is over,” said in a statement the club, before leaving.") == []


# Appositives and titles before the verb


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        ("Paul Reyes, of Tucson, Ariz., said he had waited six hours.", "Paul Reyes"),
        ("City Attorney Ann Liu said in the letter that the permit was void.",
         "City Attorney Ann Liu"),
        ("Carla Mendez, a retired nurse who has lived here for thirty years, said she had not "
         "decided.", "Carla Mendez"),
        ("Her opponent, state Sen. Mark Doyle, said the tax was too high.",
         "state Sen. Mark Doyle"),
    ],
)  # fmt: skip
def test_a_source_keeps_its_appositives_and_titles(paragraph: str, source: str) -> None:
    assert [found[1] for found in described(paragraph)] == [source]


def test_appositives_do_not_reach_past_a_clause() -> None:
    # The only name is inside an introductory phrase, not a subject.
    assert described("On Monday, in Tucson, after the storm, said nothing.") == []


# Circumstance between the cue and its content


@pytest.mark.parametrize(
    ("paragraph", "content"),
    [
        ("Clark says in Ohio that she is thrilled.", "she is thrilled"),
        ("He told a crowd in Denver that the plan would pass.", "the plan would pass"),
        ("Officials said at a briefing Monday that the road was closed.",
         "the road was closed"),
        ("Sen. Ray Lott argued in a speech Tuesday that the cuts would pay for themselves.",
         "the cuts would pay for themselves"),
    ],
)  # fmt: skip
def test_a_circumstance_may_stand_before_that(paragraph: str, content: str) -> None:
    assert [found[3] for found in described(paragraph)] == [(content,)]


def test_an_object_before_that_is_no_circumstance() -> None:
    assert [found[3] for found in described("The army confirmed the report that it left.")] == [
        ("the report that it left",)
    ]
    assert [found[3] for found in described("Officials said Monday that it was over.")] == [
        ("it was over",)
    ]


def test_a_that_after_a_comma_belongs_to_another_clause() -> None:
    # "that" opens a relative clause of the second clause, not what was said.
    assert described("Clark says in Ohio, a state that she loves.") == []


# Parenthetical cue inside the content


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The vote, the mayor said, “was never in doubt.”",
         ("direct", "the mayor", "said", ("was never in doubt.",))),
        ("It was, he said, ''the worst week of my life.''",
         ("direct", "he", "said", ("the worst week of my life.",))),
        ("Lott’s greatest fear, aides say, is a revolt by suburban women.",
         ("indirect", "aides", "say", ("Lott’s greatest fear", "is a revolt by suburban women"))),
    ],
)  # fmt: skip
def test_a_parenthetical_cue_splits_its_content(paragraph: str, expected: Found) -> None:
    assert described(paragraph) == [expected]


def test_two_apostrophes_inside_words_open_no_quotation() -> None:
    # Single apostrophes are not quotation marks.
    assert described("It wasn't, he said, the city's fault.") == []


# Continuation quotes


def test_a_paragraph_that_is_only_a_quotation_continues_the_last_speaker() -> None:
    (attribution,) = find_attributions(
        ["“Leave now,” Park said.", "“We cannot come for you. Not in the storm.”"]
    )
    assert [(piece.paragraph, piece.text) for piece in attribution.content] == [
        (0, "Leave now"),
        (1, "We cannot come for you."),
        (1, "Not in the storm."),
    ]


def test_a_quotation_paragraph_after_reported_speech_is_not_continued() -> None:
    (attribution,) = find_attributions(
        ["Park said the roads were open.", "“We cannot come for you.”"]
    )
    assert [piece.text for piece in attribution.content] == ["the roads were open"]


def test_a_quotation_followed_by_a_bare_cue_sentence_is_direct() -> None:
    assert described("“You signed the transfers, didn’t you?” Ruiz asked.") == [
        ("direct", "Ruiz", "asked", ("You signed the transfers, didn’t you?",))
    ]
    assert described("“We lost.” Jones said on Monday.") == [
        ("direct", "Jones", "said", ("We lost.",))
    ]


@pytest.mark.parametrize("paragraph", ["“We lost.” he said.", "“We lost.” He said."])
def test_a_quotation_then_he_said(paragraph: str) -> None:
    assert [(found[0], found[3]) for found in described(paragraph)] == [("direct", ("We lost.",))]


def test_a_cue_sentence_that_goes_on_takes_no_earlier_quotation() -> None:
    assert described("“We lost.” Jones said the team would rest.") == [
        ("indirect", "Jones", "said", ("the team would rest",))
    ]


# Progressive and perfect forms, negation


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The attorney general is confirming that complaints were filed.",
         ("indirect", "The attorney general", "confirming", ("complaints were filed",))),
        ("Jones is warning voters that the roads will close.",
         ("indirect", "Jones", "warning", ("the roads will close",))),
        ("Lawmakers have not said when they will vote.",
         ("indirect", "Lawmakers", "said", ("when they will vote",))),
        ("The governor hasn’t said whether she will run.",
         ("indirect", "The governor", "said", ("whether she will run",))),
        ("Smith has said she will appeal.",
         ("indirect", "Smith", "said", ("she will appeal",))),
        ("The union has been saying for months that the rule is unfair.",
         ("indirect", "The union", "saying", ("the rule is unfair",))),
    ],
)  # fmt: skip
def test_verb_groups_before_a_cue(paragraph: str, expected: Found) -> None:
    assert described(paragraph) == [expected]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Taxpayers reporting capital gains would pay more.",
        "The group warning residents is small.",
    ],
)
def test_a_participle_after_a_noun_modifies_it(paragraph: str) -> None:
    assert described(paragraph) == []


# Reporting verbs beyond say and tell


@pytest.mark.parametrize(
    ("paragraph", "cue", "content"),
    [
        ("Gov. Dana Whitfield called the housing bill “a promise kept.”", "called",
         "the housing bill “a promise kept.”"),
        ("Doyle called for a freeze on property taxes.", "called",
         "for a freeze on property taxes"),
        ("Ortiz accused the majority of writing the bill in secret.", "accused",
         "the majority of writing the bill in secret"),
        ("Doyle criticized the governor for vetoing a tax cut.", "criticized",
         "the governor for vetoing a tax cut"),
        ("Farm groups urged the House to act quickly.", "urged", "the House to act quickly"),
        ("She asked whether the state could afford it.", "asked",
         "whether the state could afford it"),
        ("The judge cited the defendant’s long record.", "cited",
         "the defendant’s long record"),
        ("The coach acknowledged that the team had played badly.", "acknowledged",
         "the team had played badly"),
        ("Analysts predicted that prices would fall.", "predicted", "prices would fall"),
        ("The mayor vowed to rebuild the bridge.", "vowed", "to rebuild the bridge"),
        ("The company denied that it had cut jobs.", "denied", "it had cut jobs"),
        ("Whitfield wrote on social media that the race was close.", "wrote",
         "the race was close"),
        ("The minister posted on social media that talks had resumed.", "posted",
         "talks had resumed"),
        ("Both sides agreed that the deal was fair.", "agreed", "the deal was fair"),
        ("The senator insisted the bill was fair.", "insisted", "the bill was fair"),
    ],
)  # fmt: skip
def test_reporting_verbs_with_their_own_syntax(paragraph: str, cue: str, content: str) -> None:
    assert [(found[2], found[3]) for found in described(paragraph)] == [(cue, (content,))]


def test_a_tweet_before_its_source_is_direct() -> None:
    assert described("“The governor has not earned it,” Doyle tweeted.") == [
        ("direct", "Doyle", "tweeted", ("The governor has not earned it",))
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "She called the police at once.",
        "A man called John lived there.",
        "The firm posted a record loss.",
        "The coach asked to be left alone.",
        "The council accused nobody.",
        "The judge urged caution.",
        "The plan adds two deep-water berths and a rail spur.",
        "The bank agreed to buy its rival.",
        "Police found the car in a ditch.",
        "The video shows a man running.",
    ],
)
def test_look_alikes_of_the_other_verbs(paragraph: str) -> None:
    assert described(paragraph) == []


def test_adding_that_is_an_attribution_of_its_own() -> None:
    assert described("The mayor said the road was closed, adding that it would reopen.") == [
        ("indirect", "The mayor", "said", ("the road was closed",)),
        ("indirect", "The mayor", "adding", ("it would reopen",)),
    ]


# Non-human and documentary sources, "according to"


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("A poll released Tuesday shows that the race is tied.",
         ("indirect", "A poll released Tuesday", "shows", ("the race is tied",))),
        ("The report found that a third of buses ran late.",
         ("indirect", "The report", "found", ("a third of buses ran late",))),
        ("The ruling said the permit was void.",
         ("indirect", "The ruling", "said", ("the permit was void",))),
        ("According to federal data, reservoirs are at 31 percent of capacity.",
         ("indirect", "federal data", "According to",
          ("reservoirs are at 31 percent of capacity",))),
        ("The order covers 12 towns, according to its own website.",
         ("indirect", "its own website", "according to", ("The order covers 12 towns",))),
        ("The plant was cited for 14 violations, federal records show.",
         ("indirect", "federal records", "show", ("The plant was cited for 14 violations",))),
    ],
)  # fmt: skip
def test_documents_and_data_as_sources(paragraph: str, expected: Found) -> None:
    assert described(paragraph) == [expected]


@pytest.mark.parametrize(
    "paragraph",
    [
        "He was overweight according to his body mass index.",
        "The work went ahead according to plan.",
        "The report was widely shared.",
        "A report by the auditor is due next week.",
    ],
)
def test_measures_and_bare_document_nouns_are_no_sources(paragraph: str) -> None:
    assert described(paragraph) == []


# Headline "X Says" and dash attributions


def test_a_headline_style_says_attributes_what_precedes_it() -> None:
    assert described("Storm Will Hit Coast by Noon, Forecasters Say") == [
        ("indirect", "Forecasters", "Say", ("Storm Will Hit Coast by Noon",))
    ]


def test_a_capitalised_says_opening_a_sentence_has_no_source() -> None:
    assert described("Says who?") == []


@pytest.mark.parametrize("dash", ["—", "―"])
def test_a_quotation_closed_by_a_dash_and_a_name(dash: str) -> None:
    assert described(f"“We created ten chances and scored one. That is football.” {dash} Lund") == [
        ("direct", "Lund", dash, ("We created ten chances and scored one.", "That is football."))
    ]


def test_a_dash_attribution_may_end_with_a_full_stop() -> None:
    assert described("“Never again.” ― Coach Pia Lund.") == [
        ("direct", "Coach Pia Lund", "―", ("Never again.",))
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The season — long and hard — is over.",
        "“We won” — and then the lights went out.",
        "He arrived at 9 a.m. — Lund",
    ],
)
def test_a_dash_without_a_quotation_and_a_name_is_no_cue(paragraph: str) -> None:
    assert described(paragraph) == []


# Stance verbs


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Residents fear the bridge will close.",
         ("indirect", "Residents", "fear", ("the bridge will close",))),
        ("Mendez thinks the governor has ignored towns like hers.",
         ("indirect", "Mendez", "thinks", ("the governor has ignored towns like hers",))),
        ("Democrats expect that turnout will decide the race.",
         ("indirect", "Democrats", "expect", ("turnout will decide the race",))),
        ("Riders want the city to restore the night routes.",
         ("indirect", "Riders", "want", ("the city to restore the night routes",))),
        ("The Wolves believe their defense will be better.",
         ("indirect", "The Wolves", "believe", ("their defense will be better",))),
        ("Organizers hope that the rain holds off.",
         ("indirect", "Organizers", "hope", ("the rain holds off",))),
    ],
)  # fmt: skip
def test_stance_verbs_report_a_view(paragraph: str, expected: Found) -> None:
    assert described(paragraph) == [expected]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Do you still believe the governor deserves a second term?",
        "Does the mayor think the plan will work?",
        "Riders want a refund.",
        "Residents expect to return on Thursday.",
    ],
)
def test_stance_verbs_in_questions_or_without_a_clause(paragraph: str) -> None:
    assert described(paragraph) == []


def test_a_quoted_question_keeps_its_speaker() -> None:
    assert cues("“Do you still believe it?” the reporter asked.") == ["asked"]


# Nouns and adjectives that look like cues


@pytest.mark.parametrize(
    "paragraph",
    [
        "Under state law, each district must file a plan by July.",
        "Both campaigns are pouring money into the battleground states of the Midwest.",
        "The greatest fear among organizers is a low turnout.",
        "The company’s report lists four risks.",
        "Her latest estimate was lower.",
        "Peak summer demand has risen by a fifth.",
        "The last call was at noon.",
        "Taxpayers reporting capital gains would pay more under the plan.",
    ],
)
def test_nouns_and_modifiers_are_no_cues(paragraph: str) -> None:
    assert described(paragraph) == []


def test_the_same_words_as_verbs_are_cues() -> None:
    assert cues("Officials state that the law applies.") == ["state"]
    assert cues("Organizers fear that turnout will be low.") == ["fear"]
