"""Test configuration: hypothesis profiles and shared fixtures.

Profiles: ``default`` for quick local runs, ``ci`` (chosen when the ``CI`` environment
variable is set, as on CI) runs every property with at least 200 examples, ``thorough``
with 5,000 (for a search before a release or after a change to a strategy), and
``mutation`` with 25, derandomised and without shrinking, so that the mutation-testing script
(``benchmarks/mutation.py``) gives the same table twice. Set ``HYPOTHESIS_PROFILE`` to
choose one explicitly.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

import newsdoc
from newsdoc import Article

settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=5000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "mutation",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    # A planted mistake only has to be caught: shrinking its counterexample could take
    # longer than the mutant's time limit, and a timeout tells less than a failure.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)

DATA = Path(__file__).parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--accept",
        action="store_true",
        help="rewrite the golden files from the current output (review the diff before committing)",
    )


@pytest.fixture
def data_dir() -> Path:
    """The folder of test data files."""
    return DATA


@pytest.fixture
def seed_bytes() -> bytes:
    """The Al Asad article, byte for byte as published."""
    return (Path(__file__).parent.parent / "examples" / "al_asad.txt").read_bytes()


@pytest.fixture
def news_message() -> Callable[[int], str]:
    """A function giving a NewsML-G2 newsMessage of n text items, ids ``urn:x:1`` to n."""

    def build(count: int) -> str:
        items = [
            newsdoc.write(Article(id=f"urn:x:{n}", lead=(f"Paragraph {n}.",)), "newsml")
            for n in range(1, count + 1)
        ]
        bodies = "".join(item.split("\n", 1)[1] for item in items)  # without declarations
        return (
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
            f"<itemSet>{bodies}</itemSet></newsMessage>"
        )

    return build
