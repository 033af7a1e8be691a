import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import newsdoc
from newsdoc import Article, NewsdocError, ParseError, strategies
from newsdoc.api import Conversion, convert_all
from newsdoc.batch import Job, article_file_name, convert_many, default_jobs, read_many
from newsdoc.batch._pool import CHUNK, CHUNKS_PER_WORKER, FIRST_CHUNK, _chunk_size, run

STORY = "Talks resume\nNegotiators met again on Monday, officials said."


@given(strategies.articles())
@settings(max_examples=50)
def test_articles_pickle_and_unpickle_equal(article: Article) -> None:
    assert pickle.loads(pickle.dumps(article)) == article


def test_results_and_errors_cross_a_process_boundary() -> None:
    done = newsdoc.convert(STORY.encode(), "json", format="text")
    assert pickle.loads(pickle.dumps(done)) == done
    error = ParseError("newsml", "bad", line=3, column=4, source="a.xml")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.line) == (ParseError, str(error), 3)


def write_stories(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"story{number:04d}.txt"
        path.write_text(f"Story {number}\nParagraph {number} of the news, officials said.")
        paths.append(path)
    return paths


def test_read_many_yields_every_source_with_its_articles_or_error(tmp_path: Path) -> None:
    paths = write_stories(tmp_path, 5)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    results = {r.source: r for r in read_many([*map(str, paths), str(broken)], jobs=2)}
    assert len(results) == 6
    assert isinstance(results[str(broken)].error, ParseError)
    assert not results[str(broken)].ok
    for path in paths:
        (article,) = results[str(path)].value or ()
        assert article == newsdoc.read(path)


def test_convert_many_writes_each_output(tmp_path: Path) -> None:
    paths = write_stories(tmp_path / "in", 6)
    jobs = [Job(source=str(p), output=str(tmp_path / f"{p.stem}.xml")) for p in paths]
    results = list(convert_many(jobs, "newsml", jobs=2))
    assert all(result.ok for result in results)
    for path in paths:
        assert newsdoc.read(tmp_path / f"{path.stem}.xml").headline == newsdoc.read(path).headline


def test_the_source_list_is_consumed_as_work_is_handed_out(tmp_path: Path) -> None:
    (path,) = write_stories(tmp_path, 1)
    handed_out = 0

    def jobs() -> Iterator[Job]:
        nonlocal handed_out
        for _ in range(200):
            handed_out += 1
            yield Job(source=str(path))

    results = convert_many(jobs(), "json", jobs=2)
    next(results)
    assert handed_out <= 2 * CHUNKS_PER_WORKER * FIRST_CHUNK
    assert sum(1 for _ in results) == 199


def test_chunks_grow_with_the_run_up_to_their_limit() -> None:
    sizes = [_chunk_size(handed, 2) for handed in range(0, 2000, 8)]
    assert sizes[0] == FIRST_CHUNK
    assert sizes == sorted(sizes)
    assert max(sizes) == CHUNK
    assert _chunk_size(10**9, 8) == CHUNK


def test_skip_existing_reports_skipped(tmp_path: Path) -> None:
    (path,) = write_stories(tmp_path, 1)
    output = tmp_path / "out.json"
    output.write_text("kept")
    (result,) = convert_many(
        [Job(source=str(path), output=str(output))], "json", jobs=1, skip_existing=True
    )
    assert result.skipped
    assert not result.ok
    assert output.read_text() == "kept"


def test_convert_all_gives_one_conversion_per_article(news_message) -> None:  # type: ignore[no-untyped-def]
    names: list[tuple[int, int]] = []

    def output(article: Article, index: int, count: int) -> None:
        names.append((index, count))

    done = convert_all(news_message(3).encode(), "text", output, format="newsml")
    assert [c.article.id for c in done] == ["urn:x:1", "urn:x:2", "urn:x:3"]
    assert names == [(0, 3), (1, 3), (2, 3)]
    assert all(isinstance(c, Conversion) and c.document for c in done)


def test_article_file_names_are_safe_and_unique() -> None:
    taken: set[str] = set()
    names = [
        article_file_name(Article(id=identifier, headline="h"), index, taken)
        for index, identifier in enumerate(
            ["urn:a/b", "urn:a?b", "CON", "Plain-1.0", "plain-1.0", None, "..", "x" * 400]
        )
    ]
    assert len({name.lower() for name in names}) == len(names)
    for name in names:
        assert name
        assert not name.startswith(".")
        assert len(name.encode()) < 200
        assert all(c.isascii() and (c.isalnum() or c in "._-") for c in name)
    assert names[2] == "_CON"
    assert names[3] == "Plain-1.0"
    assert names[4] == "plain-1.0-2"
    assert names[5] == "item-6"


def test_default_jobs_is_the_usable_cores() -> None:
    assert default_jobs() == len(os.sched_getaffinity(0))


def exit_on(item: str) -> str:
    if item == "die":
        os._exit(1)
    return item.upper()


def test_a_task_whose_worker_dies_twice_is_a_failure_not_the_end() -> None:
    outcomes = dict(run(exit_on, ["a", "die", "b", "c"], 2))
    assert outcomes["a"] == "A"
    assert outcomes["b"] == "B"
    assert outcomes["c"] == "C"
    assert "ended abruptly" in str(outcomes["die"])


def test_a_killed_worker_leaves_no_partial_output(tmp_path: Path) -> None:
    paths = write_stories(tmp_path / "in", 60)
    out = tmp_path / "out"
    out.mkdir()
    jobs = [Job(source=str(p), output=str(out / f"{p.stem}.xml")) for p in paths]
    results = convert_many(jobs, "newsml", jobs=2)
    first = next(results)
    import multiprocessing

    workers = [child for child in multiprocessing.active_children() if child.pid]
    assert workers
    os.kill(workers[0].pid, signal.SIGKILL)  # type: ignore[arg-type]
    rest = [first, *results]
    assert len(rest) == 60
    assert all(result.ok for result in rest)
    for written in out.iterdir():
        assert written.suffix == ".xml", written
        newsdoc.read(written)
    assert len(list(out.iterdir())) == 60


def test_sigint_stops_a_run_leaving_only_complete_files(tmp_path: Path) -> None:
    # Enough files that the run lasts seconds: a loaded machine may not let this process
    # look at the output directory for a good part of a second.
    write_stories(tmp_path / "in", 3000)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            # A shell's background job ignores SIGINT, and its children inherit that.
            "import signal, runpy; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "runpy.run_module('newsdoc', run_name='__main__')",
            "convert",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "-t",
            "newsml",
            "-j",
            "2",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    # Interrupt as soon as the first file is out, so that even a loaded machine, on
    # which this process may wait long for its turn, interrupts the run midway.
    while time.monotonic() < deadline and not any(out.glob("*.xml")):
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert "interrupted" in err
    written = list(out.iterdir())
    assert 1 <= len(written) < 3000
    for path in written:
        assert path.suffix == ".xml", path
        newsdoc.read(path)


def test_workers_that_never_finish_anything_end_the_run_with_an_error() -> None:
    outcomes = []
    with pytest.raises(NewsdocError, match="3 pools of worker processes in a row"):
        outcomes.extend(run(exit_on, ["die"] * 10, 2))
    assert all("ended abruptly" in str(outcome) for _, outcome in outcomes)
