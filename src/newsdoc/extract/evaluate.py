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
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import cattrs

from newsdoc.api import read
from newsdoc.errors import NewsdocError
from newsdoc.extract import annotate
from newsdoc.extract.timex import DECADE_DIGITS, YEAR_DIGITS
from newsdoc.model import Article, Attribution, AttributionKind, TimeExpression

__all__ = [
    "Gold",
    "GoldAttribution",
    "GoldTime",
    "Score",
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
        return Score(
            **{
                field.name: getattr(self, field.name) + getattr(other, field.name)
                for field in attrs.fields(Score)
            }
        )

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
        (28, 'airline_merger.txt', 'heldout')
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


def _attribution_counts(
    article: Article, extracted: Sequence[Attribution], gold: Gold
) -> tuple[int, int, int, int]:
    paragraphs = article.paragraphs
    unmatched = list(gold.attributions)
    matched = kinds_right = 0
    for attribution in extracted:
        for label in unmatched:
            if label.paragraph != attribution.source.paragraph:
                continue
            if label.cue.lower() != attribution.cue.text.lower():
                continue
            sources = _occurrences(paragraphs[label.paragraph], label.source)
            if not _overlaps(attribution.source.start, attribution.source.end, sources):
                continue
            unmatched.remove(label)
            matched += 1
            kinds_right += label.kind == attribution.kind
            break
    return matched, len(extracted) - matched, len(unmatched), kinds_right


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
        (['all', 'dev', 'heldout'], 23, 5)
    """
    by_split: dict[str, dict[str, Score]] = {"dev": {}, "heldout": {}, "all": {}}
    for path, gold in load_gold(directory):
        score, _ = evaluate_article(path, gold)
        by_split[gold.split][gold.name] = score
        by_split["all"][gold.name] = score
    return by_split


def _row(label: str, score: Score) -> str:
    return (
        f"{label:22} {score.precision:6.2f} {score.recall:6.2f} {score.f1:6.2f} "
        f"{score.kind_accuracy:6.2f} {score.absolute_times_right:>3}/{score.absolute_times:<3}"
        f"{score.relative_times_right:>5}/{score.relative_times:<3}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print precision, recall and F1 per article and per split; return the exit status.

    Example:
        >>> main(["no/such/folder"])
        1
        >>> main(["tests/data/labelled"])
        == dev
        article                  prec recall     F1   kind abs.time rel.time
        al_asad                  1.00   1.00   1.00   1.00   2/2      0/0
        ...
        all (28 articles)        ...
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
        scores = score_set(directory)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
