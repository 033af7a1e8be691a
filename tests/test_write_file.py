"""A failed write never destroys or truncates the file that was there: fault injection."""

import errno
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import Article, ContentLossWarning, SerializationError, WriteError
from newsdoc import _atomic as atomic
from newsdoc.formats import json as json_format

ARTICLE = Article(headline="Talks resume", lead=("Negotiators met again on Monday.",))
BIG = Article(
    headline="A long day of talks",
    lead=tuple(f"Paragraph {n} of a long account of the talks." for n in range(20_000)),
)
OLD = b'{"previous": "output", "kept": true}\n'
UNPRIVILEGED = 65534  # "nobody"


@pytest.fixture
def old_output(tmp_path: Path) -> Path:
    """A directory holding one earlier output file, ``story.json``."""
    target = tmp_path / "out" / "story.json"
    target.parent.mkdir()
    target.write_bytes(OLD)
    return target


def assert_untouched(target: Path) -> None:
    """The old output is byte for byte as it was, with nothing else beside it."""
    assert target.read_bytes() == OLD
    assert sorted(path.name for path in target.parent.iterdir()) == [target.name]


def run_child(code: str, *args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that has newsdoc importable."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        **options,
    )


# Writes story.json in its working directory; exits 3 with the WriteError's message.
CHILD_WRITE = f"""
import os, signal, sys
import newsdoc
from newsdoc import Article, WriteError
# Die of SIGXFSZ as a C program would, unless newsdoc itself ignores the signal.
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
article = Article(headline="Big", lead=tuple(f"Paragraph {{n}}." for n in range(2_000)))
newsdoc.write(article, "json")  # imports everything writing needs while it still can
if sys.argv[1:] == ["--unprivileged"]:  # root ignores permission bits
    os.setgroups([])
    os.setgid({UNPRIVILEGED})
    os.setuid({UNPRIVILEGED})
try:
    newsdoc.write_file(article, "story.json")
except WriteError as error:
    print(error)
    sys.exit(3)
"""


def test_a_successful_write_replaces_the_file_and_leaves_nothing_else(old_output: Path) -> None:
    newsdoc.write_file(ARTICLE, old_output)
    assert newsdoc.read(old_output) == ARTICLE
    assert [path.name for path in old_output.parent.iterdir()] == ["story.json"]


def test_a_writer_exception_leaves_the_old_file(
    old_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(article: Article) -> str:
        raise SerializationError("json", "refused for the test")

    monkeypatch.setattr(json_format, "write", refuse)
    with pytest.raises(SerializationError, match="refused for the test"):
        newsdoc.write_file(ARTICLE, old_output)
    assert_untouched(old_output)


def test_a_content_loss_warning_raised_as_an_error_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "story.txt"
    target.write_bytes(OLD)
    deck_only = Article(subheadline="A deck without a headline", lead=("A lead.",))
    with warnings.catch_warnings():
        warnings.simplefilter("error", ContentLossWarning)
        with pytest.raises(ContentLossWarning):
            newsdoc.write_file(deck_only, target)
    assert target.read_bytes() == OLD


def test_a_lone_surrogate_is_refused_before_the_file_is_touched(old_output: Path) -> None:
    with pytest.raises(SerializationError, match="lone surrogate"):
        newsdoc.write_file(Article(headline="Broken \ud800 text", lead=("A lead.",)), old_output)
    assert_untouched(old_output)


def test_a_missing_directory_is_a_write_error_naming_the_path(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "story.json"
    with pytest.raises(WriteError) as caught:
        newsdoc.write_file(ARTICLE, target)
    assert caught.value.path == str(target)
    assert str(caught.value) == f"cannot write {target}: No such file or directory"
    assert isinstance(caught.value, OSError)
    assert not target.parent.exists()


def test_a_full_device_is_a_write_error_and_stays_a_device() -> None:
    with pytest.raises(WriteError) as caught:
        newsdoc.write_file(BIG, "/dev/full", format="json")
    assert str(caught.value) == "cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_link_to_a_device_stays_a_link_to_the_device(tmp_path: Path) -> None:
    link = tmp_path / "story.json"
    link.symlink_to("/dev/full")
    with pytest.raises(WriteError, match="No space left on device"):
        newsdoc.write_file(ARTICLE, link)
    assert os.readlink(link) == "/dev/full"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "story.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    newsdoc.write_file(ARTICLE, fifo)
    reader.join(timeout=30)
    assert newsdoc.read(received[0], format="json") == ARTICLE
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [path.name for path in tmp_path.iterdir()] == ["story.json"]


def test_the_file_size_limit_is_a_write_error_not_a_signal(old_output: Path) -> None:
    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = run_child(CHILD_WRITE, cwd=old_output.parent, preexec_fn=limit_file_size)
    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == "cannot write story.json: File too large"
    assert_untouched(old_output)


def test_a_read_only_directory_is_a_write_error(old_output: Path) -> None:
    old_output.chmod(0o666)  # the file itself may be written; its directory may not
    old_output.parent.chmod(0o555)
    # Run as root, the child drops to an unprivileged user; it starts in the directory, so
    # it need not pass through the test's private temporary folders.
    unprivileged = ["--unprivileged"] if os.geteuid() == 0 else []
    try:
        result = run_child(CHILD_WRITE, *unprivileged, cwd=old_output.parent)
    finally:
        old_output.parent.chmod(0o755)
    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == "cannot write story.json: Permission denied"
    assert_untouched(old_output)


def test_a_write_killed_midway_leaves_the_old_file(old_output: Path) -> None:
    # The child stops once the whole article is in the file being written (before it is
    # synced and put in place) and tells the parent, which kills it there.
    code = """
import os, sys, time
import newsdoc
from newsdoc import Article

def stop(descriptor):
    print("written", flush=True)
    time.sleep(120)

os.fsync = stop
article = Article(headline="Big", lead=tuple(f"Paragraph {n} of many." for n in range(50_000)))
newsdoc.write_file(article, sys.argv[1])
"""
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(old_output)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "written\n"
        assert_untouched(old_output)
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert_untouched(old_output)


def test_permission_bits_are_kept_and_new_files_follow_the_umask(old_output: Path) -> None:
    old_output.chmod(0o640)
    newsdoc.write_file(ARTICLE, old_output)
    assert stat.S_IMODE(old_output.stat().st_mode) == 0o640
    fresh = old_output.parent / "fresh.json"
    umask = os.umask(0o022)
    try:
        newsdoc.write_file(ARTICLE, fresh)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_a_link_to_a_file_keeps_pointing_at_the_replaced_file(old_output: Path) -> None:
    link = old_output.parent / "latest.json"
    link.symlink_to(old_output.name)
    newsdoc.write_file(ARTICLE, link)
    assert link.is_symlink()
    assert os.readlink(link) == old_output.name
    assert newsdoc.read(old_output) == ARTICLE


def test_writing_from_another_thread_works(old_output: Path) -> None:
    errors: list[BaseException] = []

    def write() -> None:
        try:
            newsdoc.write_file(ARTICLE, old_output)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            errors.append(error)

    worker = threading.Thread(target=write)
    worker.start()
    worker.join(timeout=30)
    assert errors == []
    assert newsdoc.read(old_output) == ARTICLE


def test_the_owner_is_kept_where_the_process_may_set_it(old_output: Path) -> None:
    if os.geteuid() == 0:
        os.chown(old_output, UNPRIVILEGED, UNPRIVILEGED)
    before = old_output.stat()
    newsdoc.write_file(ARTICLE, old_output)
    after = old_output.stat()
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


@pytest.fixture(params=["unnamed temporary file", "named temporary file"])
def temporary_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of writing: O_TMPFILE, and the hidden named file used where it is missing."""
    if request.param == "named temporary file":
        monkeypatch.setattr(atomic, "_UNNAMED", 0)
    return str(request.param)


def test_a_failure_after_the_data_is_written_removes_the_temporary_file(
    old_output: Path, monkeypatch: pytest.MonkeyPatch, temporary_kind: str
) -> None:
    def fail(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(WriteError) as caught:
        newsdoc.write_file(BIG, old_output)
    assert str(caught.value) == f"cannot write {old_output}: Input/output error"
    assert_untouched(old_output)


def test_both_ways_of_writing_replace_the_file(old_output: Path, temporary_kind: str) -> None:
    old_output.chmod(0o600)
    newsdoc.write_file(ARTICLE, old_output)
    assert newsdoc.read(old_output) == ARTICLE
    assert stat.S_IMODE(old_output.stat().st_mode) == 0o600
    assert [path.name for path in old_output.parent.iterdir()] == ["story.json"]


def test_a_new_file_never_exists_under_a_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new target is given its name straight from the unnamed file, with no rename after
    # it: a process killed between the two steps would leave a temporary file behind.
    def no_rename(source: str, target: str) -> None:
        raise AssertionError(f"renamed {source} to {target}")

    monkeypatch.setattr(os, "replace", no_rename)
    target = tmp_path / "new.json"
    newsdoc.write_file(ARTICLE, target)
    assert newsdoc.read(target) == ARTICLE
    assert [path.name for path in tmp_path.iterdir()] == ["new.json"]


def test_a_target_created_meanwhile_is_replaced_as_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "raced.json"
    named_as_target = atomic._named_as_target

    def created_meanwhile(descriptor: int, name: str) -> bool:
        target.write_text("someone else's")
        return named_as_target(descriptor, name)

    monkeypatch.setattr(atomic, "_named_as_target", created_meanwhile)
    newsdoc.write_file(ARTICLE, target)
    assert newsdoc.read(target) == ARTICLE
    assert [path.name for path in tmp_path.iterdir()] == ["raced.json"]
