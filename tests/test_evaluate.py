"""The labelled set's scores, with floors just under what the extractors measure.

Measured when these floors were set (python -m newsdoc.extract.evaluate tests/data/labelled):
dev 23 articles P 1.00 R 1.00, absolute times 33/33, relative 71/76;
held-out 5 articles P 1.00 R 0.91, kinds 0.97, absolute times 13/13, relative 21/28.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdoc import AttributionKind
from newsdoc.extract.evaluate import Gold, GoldTime, Score, load_gold, main, score_set

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
    ("split", "precision", "recall"), [("dev", 0.97, 0.97), ("heldout", 0.95, 0.88)]
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
    for name in ("al_asad", "bridge_collapse", "dev (23 articles)", "heldout (5 articles)"):
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
