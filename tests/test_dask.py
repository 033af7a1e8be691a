import time
from pathlib import Path

import dask.distributed as dask_distributed
import pytest

import newsdoc
import newsdoc.dask as newsdoc_dask
from newsdoc import Article, ParseError

COUNT = 2000


def generate_archive(root: Path) -> None:
    for number in range(COUNT):
        folder = root / f"{number % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if number % 2:
            (folder / f"{number}.txt").write_text(
                f"Story {number}\nOfficials said on Monday that talks {number} would resume."
            )
        else:
            article = Article(id=f"urn:x:{number}", headline=f"Item {number}", lead=("Text.",))
            (folder / f"{number}.xml").write_text(newsdoc.write(article, "newsml"))


def test_a_local_cluster_converts_an_archive_to_jsonl(tmp_path: Path) -> None:
    generate_archive(tmp_path / "archive")
    started = time.monotonic()
    with (
        dask_distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        dask_distributed.Client(cluster),
    ):
        bag = newsdoc_dask.read_bag(
            [str(tmp_path / "archive" / "*" / "*.txt"), str(tmp_path / "archive" / "*" / "*.xml")],
            files_per_partition=250,
        )
        written = newsdoc_dask.write_bag(bag, str(tmp_path / "corpus"), "jsonl")
    assert time.monotonic() - started < 60
    assert len(written) == COUNT // 250
    articles = [a for name in written for a in newsdoc.read_all(Path(name))]
    assert len(articles) == COUNT
    assert sum(1 for a in articles if a.id is not None) == COUNT // 2
    assert all(a.attributions for a in articles if a.id is None)


def test_one_file_per_article_for_single_article_formats(tmp_path: Path) -> None:
    for number in range(3):
        newsdoc.write_file(Article(id=f"urn:x:{number}", headline="h"), tmp_path / f"{number}.json")
    bag = newsdoc_dask.read_bag(str(tmp_path / "*.json"), files_per_partition=2)
    written = newsdoc_dask.write_bag(bag, str(tmp_path / "out"), "newsml")
    names = sorted(Path(name).name for name in written)
    assert [name[:14] for name in names] == ["00000-urn_x_0-", "00000-urn_x_1-", "00001-urn_x_2-"]
    assert {newsdoc.read(Path(name)).id for name in written} == {"urn:x:0", "urn:x:1", "urn:x:2"}


def test_a_bad_file_fails_the_computation_naming_it(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{")
    bag = newsdoc_dask.read_bag(str(tmp_path / "*.json"))
    with pytest.raises(ParseError, match=r"bad\.json"):
        bag.compute(scheduler="sync")


def test_no_matching_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(newsdoc.NewsdocError, match="no file matches"):
        newsdoc_dask.read_bag(str(tmp_path / "*.xml"))
