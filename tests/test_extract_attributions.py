from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, Attribution, AttributionKind
from newsdoc.extract import find_attributions

SEED = Path(__file__).parent / "data" / "text" / "al_asad.txt"


def found(*paragraphs: str) -> tuple[Attribution, ...]:
    return find_attributions(paragraphs)


def describe(attribution: Attribution) -> tuple[str, str, str, tuple[str, ...]]:
    return (
        attribution.kind.value,
        attribution.source.text,
        attribution.cue.text,
        tuple(piece.text for piece in attribution.content),
    )


def test_the_al_asad_article_gives_all_eleven_attributions() -> None:
    article = newsdoc.read(SEED)
    assert [(a.source.paragraph, *describe(a)[:3]) for a in article.attributions] == [
        (0, "indirect", "Iraqi officials and the Pentagon", "confirmed"),
        (2, "indirect", "The Pentagon", "confirmed"),
        (3, "refusal", "US Central Command", "declined"),
        (3, "indirect", "Defense officials", "emphasized"),
        (4, "indirect", "Iraqi defense and security officials", "described"),
        (5, "indirect", "Iraqi authorities", "stressed"),
        (6, "indirect", "the Pentagon", "confirmed"),
        (7, "indirect", "Defense officials", "reiterated"),
        (8, "indirect", "Analysts", "note"),
        (10, "indirect", "Pentagon officials", "stressed"),
        (11, "indirect", "The Department of Defense", "stated"),
    ]
    first, refusal, stated = (
        article.attributions[0],
        article.attributions[2],
        article.attributions[10],
    )
    assert describe(first)[3] == ("US withdrawal from Al Asad Airbase in Iraq is now complete",)
    assert describe(refusal)[3] == (
        "to provide specific timelines or troop numbers tied to the departure",
    )
    assert describe(stated)[3][0].startswith("it will continue to evaluate force levels")
    for attribution in article.attributions:
        for piece in attribution.spans():
            assert article.text_of(piece) == piece.text


def test_no_heading_or_trailer_is_an_attribution() -> None:
    article = newsdoc.read(SEED)
    headings = {section.heading for section in article.sections}
    assert all(a.source.text not in headings for a in article.attributions)
    assert len(article.paragraphs) == 12


def test_a_quote_split_around_its_cue_has_two_pieces_and_a_pronoun_is_linked() -> None:
    result = found(
        "Maria Lopez, a spokeswoman for the ministry, said the plan was ready.",
        "“We have waited long enough,” she said. “Now we act.”",
    )
    assert [describe(a) for a in result] == [
        ("indirect", "Maria Lopez", "said", ("the plan was ready",)),
        ("direct", "she", "said", ("We have waited long enough", "Now we act.")),
    ]
    assert result[1].antecedent == result[0].source


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ('"The vote is final," said coach Anna Berg.', ("direct", "coach Anna Berg", "said")),
        ("The minister said: “We will build it.”", ("direct", "The minister", "said")),
        ("“Our door is open,” the negotiator insisted, “but not forever.”",
         ("direct", "the negotiator", "insisted")),
        ("According to the survey, prices rose 3%.", ("indirect", "the survey", "According to")),
        ("Prices rose 3%, according to the survey.", ("indirect", "the survey", "according to")),
        ("Prices rose sharply in March, analysts said.", ("indirect", "analysts", "said")),
        ("The judge ruled that the law was void.", ("indirect", "The judge", "ruled")),
        ("The company denied that it had cut jobs.", ("indirect", "The company", "denied")),
        ("Officials warned of delays.", ("indirect", "Officials", "warned")),
        ("Experts predict the river will rise.", ("indirect", "Experts", "predict")),
        ("She told reporters that she would stay.", ("indirect", "She", "told")),
        ("The director described the deal as a turning point.",
         ("indirect", "The director", "described")),
        ("The council declined to comment.", ("refusal", "The council", "declined")),
        ("The firm refused to say how many staff left.", ("refusal", "The firm", "refused")),
        ("The club did not respond to requests for comment.",
         ("refusal", "The club", "did not respond")),
        ("Ramos, 24, said he was happy.", ("indirect", "Ramos", "said")),
    ],
)  # fmt: skip
def test_cue_patterns(paragraph: str, expected: tuple[str, str, str]) -> None:
    result = found(paragraph)
    assert len(result) == 1, result
    assert describe(result[0])[:3] == expected


def test_a_bare_refusal_has_no_content() -> None:
    assert found("The council declined to comment.")[0].content == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        "The plan adds two deep-water berths and a rail spur.",
        "The recovery took longer than expected.",
        "It is too early to say.",
        "The report was widely shared.",
        "The two sides had agreed on tariffs for machinery.",
        "Pentagon Confirms Exit From Key Iraqi Base",
    ],
)
def test_sentences_without_a_reported_claim_give_nothing(paragraph: str) -> None:
    assert found(paragraph) == ()


@pytest.mark.parametrize(
    "form",
    ["says", "said", "saying", "stress", "stressed", "emphasise", "emphasised", "emphasizes"],
)
def test_cues_are_recognised_in_every_tense(form: str) -> None:
    result = found(f"The minister {form} that the border would stay open.")
    assert [a.cue.text for a in result] == [form]


def test_extraction_fills_the_article_only_when_asked() -> None:
    plain = newsdoc.read(SEED, extract=False)
    assert plain.attributions == plain.events == ()
    assert isinstance(newsdoc.read(SEED), Article)
    assert all(a.kind in AttributionKind for a in newsdoc.read(SEED).attributions)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The mayor, Elena Rossi, told reporters that the plan had failed.",
         [("indirect", "Elena Rossi", "told", ("the plan had failed",))]),
        ("Business groups welcomed the decision, saying tolls would hurt shops.",
         [("indirect", "Business groups", "saying", ("tolls would hurt shops",))]),
        ("The central bank kept rates at 4.5% but signalled that it could cut them.",
         [("indirect", "The central bank", "signalled", ("it could cut them",))]),
        ("The operator said the changes were needed and urged the union to return.",
         [("indirect", "The operator", "said", ("the changes were needed",)),
          ("indirect", "The operator", "urged", ("the union to return",))]),
        # What the participle reports is an attribution of its own.
        ("Unions urged the bank to act, saying rates were too high.",
         [("indirect", "Unions", "urged", ("the bank to act",)),
          ("indirect", "Unions", "saying", ("rates were too high",))]),
        ("On Monday, the ministry published figures, saying exports had doubled.",
         [("indirect", "the ministry", "saying", ("exports had doubled",))]),
        ("The group did not respond to questions about whether a ransom was paid.",
         [("refusal", "The group", "did not respond", ())]),
        ("The storm hit the coast, killing three people.", []),
    ],
)  # fmt: skip
def test_shared_subjects_appositive_names_and_unanswered_questions(
    paragraph: str, expected: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    assert [describe(a) for a in found(paragraph)] == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("“We were promised a rise. Instead we got a freeze,” said union chair Ana Lukas.",
         [("direct", "union chair Ana Lukas", "said", ("Instead we got a freeze",))]),
        ("“Nobody wants this,” council leader Rhian Davies said at the meeting.",
         [("direct", "council leader Rhian Davies", "said", ("Nobody wants this",))]),
        ("The agency, which helped fund the rocket, praised the team and said the flight "
         "was a success.",
         [("indirect", "The agency", "said", ("the flight was a success",))]),
        ("Gareth Morgan, whose two daughters attend the school in the village, said the "
         "decision was made long ago.",
         [("indirect", "Gareth Morgan", "said", ("the decision was made long ago",))]),
        ("Lawmakers passed cuts that opposition parties say will hurt pensioners.",
         [("indirect", "opposition parties", "say", ("will hurt pensioners",))]),
        ("The next labour force report is due on August 8.", []),
    ],
)  # fmt: skip
def test_split_quotations_roles_before_names_and_relative_clauses(
    paragraph: str, expected: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    assert [describe(a) for a in found(paragraph)] == expected
