"""The labelled set's scores, with floors just under what the extractors measure.

Measured when these floors were set (python -m newsdoc.evaluate):
dev 29 articles P 1.00 R 1.00, absolute times 33/33, relative 71/76;
held-out 10 articles P 0.97 R 0.93, kinds 0.99, absolute times 13/13, relative 21/28.
(The last eleven articles label attributions only; their "times" lists are empty.)
"""

import json
from pathlib import Path

import pytest

from newsdoc.evaluate import Score, load_gold, main, score_set

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
    kinds = {label["kind"] for _, gold in pairs for label in gold.attributions}
    assert kinds == {"direct", "indirect", "refusal"}
    assert any(path.name == "al_asad.txt" for path, _ in pairs)


def test_gold_labels_point_at_real_text() -> None:
    import newsdoc

    for path, gold in load_gold(LABELLED):
        paragraphs = newsdoc.read(path, extract=False).paragraphs
        for label in gold.attributions:
            paragraph = paragraphs[label["paragraph"]]
            assert label["source"] in paragraph, (gold.name, label)
            assert label["cue"] in paragraph, (gold.name, label)
            assert label["content"] in paragraph, (gold.name, label)
        for time in gold.times:
            assert time["text"] in paragraphs[time["paragraph"]], (gold.name, time)


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
