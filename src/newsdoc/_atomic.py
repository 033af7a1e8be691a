"""Writing a file so that a failed write never destroys what the file held before.

A regular file is replaced in one step: the new content goes to a temporary file in the
same directory, is flushed to disk, and only then renamed over the old file. Where Linux
allows it the temporary file has no name until it is complete (``O_TMPFILE``), so even a
process killed mid-write leaves nothing behind, and a new file is given its own name
directly once complete. Something that is not a regular file (a
device such as ``/dev/stdout``, a FIFO) cannot be replaced that way: it is written
directly, and never replaced or removed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from newsdoc.errors import WriteError

__all__ = ["write_atomically"]

_UNNAMED = getattr(os, "O_TMPFILE", 0) if os.link in os.supports_dir_fd else 0
_FILE_DESCRIPTORS = "/proc/self/fd"  # how an unnamed file is given a name (linkat)
_FILE_SIZE_SIGNAL = getattr(signal, "SIGXFSZ", None)
_NAME_ROOM = 200  # of the 255 bytes a file name may have, what the temporary name keeps


def write_atomically(path: str, data: bytes | Iterable[bytes]) -> None:
    """Make ``data`` the content of the file at ``path``: all of it, or nothing changes.

    ``data`` may be the bytes, or an iterable of chunks written as they come (to gather a
    large document without holding it): an exception raised while producing them leaves
    the file as it was, like any other failure.

    An existing regular file keeps its permission bits (and its owner, where the process
    may set it); a symbolic link keeps pointing where it did, and the file it points to
    is replaced. Hard links to the old file keep the old content.

    Raises:
        WriteError: The file could not be written (no such directory, no permission, no
            space left, the file-size limit…); whatever was at ``path`` is as it was.
    """
    with _file_size_signal_ignored():
        try:
            target = os.path.realpath(path) if os.path.islink(path) else path
            try:
                current: os.stat_result | None = os.stat(target)
            except FileNotFoundError:
                current = None
            if current is None or stat.S_ISREG(current.st_mode):
                _replace(target, data, current)
            else:
                _write_in_place(target, data)
        except OSError as exc:
            raise WriteError(path, exc.strerror or str(exc)) from exc


@contextlib.contextmanager
def _file_size_signal_ignored() -> Iterator[None]:
    """Let a write past the file-size limit fail with ``EFBIG`` instead of killing us.

    Python ignores SIGXFSZ at start-up, but an embedding program may not; signal
    handlers can only be changed from the main thread.
    """
    if _FILE_SIZE_SIGNAL is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(_FILE_SIZE_SIGNAL, signal.SIG_IGN)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(_FILE_SIZE_SIGNAL, previous)


def _write_chunks(file: BinaryIO, data: bytes | Iterable[bytes]) -> None:
    chunks: Iterable[bytes] = (data,) if isinstance(data, bytes) else data
    for chunk in chunks:
        file.write(chunk)


def _write_in_place(target: str, data: bytes | Iterable[bytes]) -> None:
    # No O_CREAT or O_TRUNC: a device or FIFO is written as it is, and if it has gone,
    # nothing is created in its place.
    with os.fdopen(os.open(target, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC), "wb") as file:
        _write_chunks(file, data)


def _replace(target: str, data: bytes | Iterable[bytes], current: os.stat_result | None) -> None:
    directory = os.path.dirname(target) or "."
    temporary_name = os.path.join(
        directory, f".{os.path.basename(target)[:_NAME_ROOM]}.{os.urandom(4).hex()}.tmp"
    )
    descriptor, named = _open_temporary(directory, temporary_name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            _write_chunks(file, data)
            file.flush()
            if current is not None:
                _keep_owner_and_mode(file.fileno(), current)
            os.fsync(file.fileno())
            if not named:
                if current is None and _named_as_target(file.fileno(), target):
                    _sync_directory(directory)
                    return
                _name_unnamed(file.fileno(), temporary_name)
                named = True
        os.replace(temporary_name, target)
    except BaseException:
        if named:
            with contextlib.suppress(OSError):
                os.unlink(temporary_name)
        raise
    _sync_directory(directory)


def _open_temporary(directory: str, name: str) -> tuple[int, bool]:
    """A new file to write, and whether it already has ``name`` (else it has none yet)."""
    if _UNNAMED and os.path.isdir(_FILE_DESCRIPTORS):
        with contextlib.suppress(OSError):  # the file system may not support O_TMPFILE
            return os.open(directory, _UNNAMED | os.O_WRONLY | os.O_CLOEXEC, 0o666), False
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    return os.open(name, flags, 0o666), True


def _named_as_target(descriptor: int, target: str) -> bool:
    """Give a complete unnamed file the target's name, if nothing has that name yet.

    A new target is then never a temporary file by another name, even for an instant: a
    process killed at any point leaves either nothing or the whole file.
    """
    try:
        _name_unnamed(descriptor, target)
    except FileExistsError:  # created meanwhile: replace it as any existing file
        return False
    return True


def _name_unnamed(descriptor: int, name: str) -> None:
    # linkat(AT_SYMLINK_FOLLOW) through /proc; os.link uses linkat only given a dir_fd.
    descriptors = os.open(_FILE_DESCRIPTORS, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.link(str(descriptor), name, src_dir_fd=descriptors, follow_symlinks=True)
    finally:
        os.close(descriptors)


def _keep_owner_and_mode(descriptor: int, current: os.stat_result) -> None:
    with contextlib.suppress(OSError):  # only a privileged process may give a file away
        os.fchown(descriptor, current.st_uid, current.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(current.st_mode))


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable; the new content is in place either way."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
