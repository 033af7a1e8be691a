"""The labelled set's scores, with floors just under what the extractors measure.

Measured when these floors were set (python -m newsdoc.extract.evaluate tests/data/labelled):
dev 29 articles P 1.00 R 1.00, absolute times 33/33, relative 71/76;
held-out 10 articles P 0.97 R 0.93, kinds 0.99, absolute times 13/13, relative 21/28.
(The last eleven articles label attributions only; their "times" lists are empty.)
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdoc import AttributionKind
from newsdoc.extract.evaluate import (
    CONSTRUCTIONS,
    FAMILIES,
    Breakdown,
    Gold,
    GoldTime,
    Placed,
    Score,
    breakdown_set,
    constructions,
    cue_family,
    load_gold,
    main,
    score_set,
)

LABELLED = Path(__file__).parent / "data" / "labelled"


@pytest.fixture(scope="module")
def totals() -> dict[str, Score]:
    scores = score_set(LABELLED)
    return {split: sum(by_name.values(), Score()) for split, by_name in scores.items()}


def test_the_set_is_large_varied_and_partly_held_out() -> None:
    pairs = load_gold(LABELLED)
    assert len(pairs) >= 12
    splits = [gold.split for _, gold in pairs]
    assert splits.count("heldout") >= 5
    kinds = {label.kind for _, gold in pairs for label in gold.attributions}
    assert kinds == set(AttributionKind)
    assert any(path.name == "al_asad.txt" for path, _ in pairs)


def test_gold_labels_point_at_real_text() -> None:
    import newsdoc

    for path, gold in load_gold(LABELLED):
        paragraphs = newsdoc.read(path, extract=False).paragraphs
        for label in gold.attributions:
            paragraph = paragraphs[label.paragraph]
            assert label.source in paragraph, (gold.name, label)
            assert label.cue in paragraph, (gold.name, label)
            assert label.content in paragraph, (gold.name, label)
        for time in gold.times:
            assert time.text in paragraphs[time.paragraph], (gold.name, time)


@pytest.mark.parametrize(
    ("split", "precision", "recall"), [("dev", 0.97, 0.97), ("heldout", 0.94, 0.90)]
)
def test_attribution_scores_hold_their_floors(
    totals: dict[str, Score], split: str, precision: float, recall: float
) -> None:
    assert totals[split].precision >= precision
    assert totals[split].recall >= recall
    assert totals[split].kind_accuracy >= 0.95


@pytest.mark.parametrize(("split", "relative"), [("dev", 0.9), ("heldout", 0.7)])
def test_every_absolute_date_is_normalised(
    totals: dict[str, Score], split: str, relative: float
) -> None:
    assert totals[split].absolute_times > 0
    assert totals[split].absolute_time_accuracy == 1.0
    assert totals[split].relative_time_accuracy >= relative


def test_scores_add_up_and_divide_safely() -> None:
    empty = Score()
    assert (empty.precision, empty.recall, empty.kind_accuracy) == (1.0, 1.0, 1.0)
    total = Score(true_positives=3, false_positives=1) + Score(true_positives=1, false_negatives=4)
    assert total.precision == 0.8
    assert total.recall == 0.5
    assert round(total.f1, 4) == round(2 * 0.8 * 0.5 / 1.3, 4)


def test_the_command_prints_every_article_and_split(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(LABELLED)]) == 0
    out = capsys.readouterr().out
    for name in ("al_asad", "bridge_collapse", "dev (29 articles)", "heldout (10 articles)"):
        assert name in out


def test_the_command_refuses_a_folder_without_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path)]) == 1
    assert "no labelled set" in capsys.readouterr().err
    (tmp_path / "x.gold.json").write_text(json.dumps({"split": "dev"}))
    assert main([str(tmp_path)]) == 1
    assert "x.gold.json: not a gold file" in capsys.readouterr().err


def test_gold_files_load_as_typed_labels(tmp_path: Path) -> None:
    label = {"paragraph": 0, "text": "January 2020", "value": "2020-01"}
    document = {
        "split": "dev",
        "reference_date": "2025-03-03",
        "attributions": [],
        "times": [label],
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(document))
    [(path, gold)] = load_gold(tmp_path)
    assert path == tmp_path / "a.txt"
    assert gold == Gold(
        name="a",
        split="dev",
        reference_date=dt.date(2025, 3, 3),
        attributions=(),
        times=(GoldTime(paragraph=0, text="January 2020", value="2020-01"),),
    )


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"split": "later"}, "$.split"),
        ({"split": "dev", "colour": "red"}, "colour"),
        ({"split": "dev", "times": [{"paragraph": "0", "text": "x", "value": "2020"}]},
         "$.times[0].paragraph"),
        ({"split": "dev", "attributions": [{"paragraph": 0, "source": "A", "cue": "said",
                                            "kind": "shouted", "content": "b"}]},
         "$.attributions[0].kind"),
        ({"split": "dev", "reference_date": "yesterday"}, "$.reference_date"),
        ([1, 2], "expected a JSON object"),
    ],
)  # fmt: skip
def test_a_wrong_gold_file_names_the_member(tmp_path: Path, document: object, problem: str) -> None:
    (tmp_path / "a.gold.json").write_text(json.dumps(document))
    with pytest.raises(ValueError, match=r"a\.gold\.json: not a gold file") as caught:
        load_gold(tmp_path)
    assert problem in str(caught.value)


def test_the_command_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([])
    assert "directory" in capsys.readouterr().err


# Per cue family and per construction


@pytest.mark.parametrize(
    ("cue", "family"),
    [
        ("said", "reporting verbs"), ("told", "reporting verbs"), ("adding", "reporting verbs"),
        ("Says", "reporting verbs"), ("confirmed", "reporting verbs"),
        ("accused", "other verbs"), ("declined", "other verbs"), ("found", "other verbs"),
        ("did not respond", "other verbs"), ("recounted", "other verbs"),
        ("according to", "nouns/according to"), ("According to", "nouns/according to"),
        ("—", "nouns/according to"), ("statement", "nouns/according to"),
        ("fear", "stance verbs"), ("believes", "stance verbs"), ("hoped", "stance verbs"),
    ],
)  # fmt: skip
def test_each_cue_has_one_family(cue: str, family: str) -> None:
    assert cue_family(cue) == family


def _placed(text: str, source: str, cue: str, *content: str) -> Placed:
    """The attribution at the first occurrences of its words in ``text``."""

    def where(words: str, after: int = 0) -> tuple[int, int]:
        start = text.index(words, after)
        return start, start + len(words)

    cue_at = where(cue, text.find(cue))
    return Placed(text, where(source), cue_at, tuple(where(piece) for piece in content))


@pytest.mark.parametrize(
    ("placed", "construction"),
    [
        (_placed("“We will appeal,” said Sen. Maria Ortiz of New Mexico.",
                 "Sen. Maria Ortiz of New Mexico", "said", "We will appeal"),
         "inverted cue, long source"),
        (_placed("Paul Reyes, of Tucson, Ariz., said he had waited six hours.",
                 "Paul Reyes", "said", "he had waited six hours"),
         "appositive source"),
        (_placed("He told a crowd in Denver that the plan would pass.",
                 "He", "told", "the plan would pass"),
         "circumstance before content"),
        (_placed("The vote, the mayor said, was never in doubt.",
                 "the mayor", "said", "The vote"),
         "parenthetical cue"),
        (_placed("“We are done,” she said. “We will not come back.”",
                 "she", "said", "We will not come back."),
         "continuation quote"),
        (_placed("Jones is warning voters that the vote is close.",
                 "Jones", "warning", "the vote is close"),
         "progressive/perfect/negation"),
        (_placed("Lawmakers have not said when the vote will be.",
                 "Lawmakers", "said", "when the vote will be"),
         "progressive/perfect/negation"),
        (_placed("Ortiz accused the majority of writing the bill in secret.",
                 "Ortiz", "accused", "the majority of writing the bill in secret"),
         "other reporting verb"),
        (_placed("A poll released Tuesday shows that support is falling.",
                 "A poll", "shows", "support is falling"),
         "non-human source"),
        (_placed("Storm Will Hit Coast by Noon, Forecasters Say",
                 "Forecasters", "Say", "Storm Will Hit Coast by Noon"),
         "headline/dash"),
        (_placed("“Never again.” ― Coach Pia Lund.", "Coach Pia Lund", "―", "Never again."),
         "headline/dash"),
        (_placed("Residents fear the bridge will close.",
                 "Residents", "fear", "the bridge will close"),
         "stance verb"),
    ],
)  # fmt: skip
def test_each_construction_is_recognised(placed: Placed, construction: str) -> None:
    assert construction in constructions(placed)


@pytest.mark.parametrize(
    ("placed", "construction"),
    [
        # A short source after the cue, and "according to", which is no verb.
        (_placed("“We will appeal,” said Ortiz.", "Ortiz", "said", "We will appeal"),
         "inverted cue, long source"),
        (_placed("According to the state health department, cases rose.",
                 "the state health department", "According to", "cases rose"),
         "inverted cue, long source"),
        (_placed("Paul Reyes said he had waited six hours.",
                 "Paul Reyes", "said", "he had waited six hours"),
         "appositive source"),
        (_placed("He said that the plan would pass.", "He", "said", "the plan would pass"),
         "circumstance before content"),
        (_placed("The mayor said the vote was never in doubt.",
                 "The mayor", "said", "the vote was never in doubt"),
         "parenthetical cue"),
        (_placed("“We are done,” she said.", "she", "said", "We are done"),
         "continuation quote"),
        (_placed("Jones warned voters that the vote is close.",
                 "Jones", "warned", "the vote is close"),
         "progressive/perfect/negation"),
        (_placed("Ortiz said the bill was written in secret.",
                 "Ortiz", "said", "the bill was written in secret"),
         "other reporting verb"),
        (_placed("The minister said that support is falling.",
                 "The minister", "said", "support is falling"),
         "non-human source"),
        (_placed("Forecasters say the storm will hit the coast.",
                 "Forecasters", "say", "the storm will hit the coast"),
         "headline/dash"),
        (_placed("Residents said the bridge will close.",
                 "Residents", "said", "the bridge will close"),
         "stance verb"),
    ],
)  # fmt: skip
def test_a_construction_is_not_seen_where_it_is_not(placed: Placed, construction: str) -> None:
    assert construction not in constructions(placed)


def test_content_in_another_paragraph_is_a_continuation() -> None:
    placed = Placed("“We are done,” she said.", (15, 18), (19, 23), ((1, 12),), continued=True)
    assert "continuation quote" in constructions(placed)


def test_breakdowns_add_up_and_divide_safely() -> None:
    assert (Breakdown().precision, Breakdown().recall) == (None, None)
    total = Breakdown(gold=2, found=1, extracted=1, right=1) + Breakdown(gold=2, extracted=1)
    assert total == Breakdown(gold=4, found=1, extracted=2, right=1)
    assert (total.precision, total.recall) == (0.5, 0.25)


@pytest.fixture(scope="module")
def groups() -> dict[str, dict[str, Breakdown]]:
    return breakdown_set(LABELLED)


def test_every_gold_and_extracted_attribution_has_one_family(
    groups: dict[str, dict[str, Breakdown]], totals: dict[str, Score]
) -> None:
    for split in ("dev", "heldout", "all"):
        families = sum((groups[split][name] for name in FAMILIES), Breakdown())
        total = totals[split]
        assert families.gold == total.true_positives + total.false_negatives
        assert families.found == families.right == total.true_positives
        assert families.extracted == total.true_positives + total.false_positives
    assert list(groups["all"]) == [*FAMILIES, *CONSTRUCTIONS]


def test_the_labelled_set_holds_every_family_and_construction(
    groups: dict[str, dict[str, Breakdown]],
) -> None:
    assert all(groups["all"][name].gold > 0 for name in (*FAMILIES, *CONSTRUCTIONS))


def test_a_gold_label_is_placed_where_its_source_and_cue_stand_together(tmp_path: Path) -> None:
    text = (
        "Maria Ortiz of New Mexico spoke first. "
        "“We will appeal,” said Sen. Maria Ortiz of New Mexico."
    )
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    label = {"paragraph": 0, "source": "Maria Ortiz of New Mexico", "cue": "said",
             "kind": "direct", "content": "We will appeal"}  # fmt: skip
    document = {"split": "heldout", "attributions": [label], "times": []}
    (tmp_path / "a.gold.json").write_text(json.dumps(document))
    heldout = breakdown_set(tmp_path)["heldout"]
    assert heldout["reporting verbs"] == Breakdown(gold=1, found=1, extracted=1, right=1)
    # The occurrence of the source nearest the cue stands after it: the label is inverted.
    assert heldout["inverted cue, long source"] == Breakdown(gold=1, found=1, extracted=1, right=1)
    assert heldout["stance verbs"] == Breakdown()


def test_the_command_prints_every_family_and_construction(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([str(LABELLED)]) == 0
    out = capsys.readouterr().out
    assert "== per cue family" in out
    assert "== per construction" in out
    for name in (*FAMILIES, *CONSTRUCTIONS):
        assert name in out
