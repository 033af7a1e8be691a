"""Running one task on many items in worker processes, a bounded number at a time."""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from newsdoc.errors import NewsdocError

__all__ = ["SKIPPED", "default_jobs", "run"]

_T = TypeVar("_T")
_R = TypeVar("_R")
CHUNK = 32
"""How many items a worker is handed at a time, at most."""
FIRST_CHUNK = 4
"""How many items a worker is handed at a time at the start of a run."""
CHUNKS_PER_WORKER = 2
"""How many chunks per worker are in flight at most."""
_BARREN_POOLS = 3


def default_jobs() -> int:
    """How many worker processes to use by default: the cores this process may run on.

    Example:
        >>> default_jobs() >= 1
        True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - macOS and Windows


SKIPPED = object()
"""The outcome of an item that ``skip`` said to leave alone."""


def _call(task: Callable[[_T], _R], item: _T) -> _R | BaseException:
    try:
        return task(item)
    except Exception as exc:  # noqa: BLE001 - a failure is a result, whatever it is
        return exc


def _call_each(task: Callable[[_T], _R], chunk: list[_T]) -> list[_R | BaseException]:
    return [_call(task, item) for item in chunk]


def run(
    task: Callable[[_T], _R],
    items: Iterable[_T],
    jobs: int | None,
    *,
    skip: Callable[[_T], bool] | None = None,
    prepare: Callable[[], None] | None = None,
) -> Generator[tuple[_T, object], None, None]:
    """Run ``task`` on every item, yielding ``(item, result or exception)`` as each ends.

    Items go to the workers in chunks of a few, so that handing one over costs little
    next to the work; at most a few chunks per worker are taken from ``items`` at a time.
    When a worker dies, the items of every chunk lost with it are tried once more, each
    on its own with nothing else running, so that only the item that kills its worker
    again is reported as failed. ``prepare`` runs once before the workers start, where
    they can share what it loads (forked workers), to load what every task will need.
    """
    workers = default_jobs() if jobs is None else jobs
    if workers < 1:
        raise NewsdocError(f"jobs must be at least 1, not {workers}")
    pending = iter(items)
    if workers == 1:
        for item in pending:
            yield item, SKIPPED if skip is not None and skip(item) else _call(task, item)
        return
    retry: list[_T] = []
    handed = 0  # items taken from ``items`` so far
    barren = 0  # pools in a row that broke before finishing any task
    while True:
        with _Pool(workers, prepare) as pool:
            broken = finished = False
            # Each chunk in flight, and whether it is its item's second and last try.
            in_flight: dict[_Future[_R], tuple[list[_T], bool]] = {}
            while True:
                while not broken and len(in_flight) < workers * CHUNKS_PER_WORKER:
                    if retry and in_flight:
                        break  # a retried item runs alone
                    last_try = bool(retry)
                    chunk, skipped = (
                        ([retry.pop()], [])
                        if retry
                        else _take(pending, skip, _chunk_size(handed, workers))
                    )
                    handed += len(chunk) + len(skipped)
                    for item in skipped:
                        yield item, SKIPPED
                    if not chunk:
                        if skipped:
                            continue
                        break
                    try:
                        in_flight[pool.submit(_call_each, task, chunk)] = (chunk, last_try)
                    except BrokenProcessPool:
                        broken = True
                        retry.extend(chunk)
                    if last_try:
                        break
                if not in_flight:
                    break
                done, _ = concurrent.futures.wait(
                    in_flight, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in done:
                    chunk, last_try = in_flight.pop(future)
                    outcomes = _outcomes(future, chunk, last_try, retry)
                    broken = broken or future.exception() is not None
                    finished = finished or future.exception() is None
                    yield from zip(chunk, outcomes or (), strict=False)
            if not broken and not retry:
                return
            barren = 0 if finished else barren + 1
            if barren == _BARREN_POOLS:
                raise NewsdocError(
                    f"{_BARREN_POOLS} pools of worker processes in a row ended before "
                    "finishing any task: workers cannot start or are killed at once"
                )


_Future = concurrent.futures.Future[list[_R | BaseException]]


def _chunk_size(handed: int, workers: int) -> int:
    """How many items to hand out next, when ``handed`` have been already.

    Chunks start small, so that a short run shares its work out evenly, and grow with the
    run up to :data:`CHUNK`: every hand-over wakes the parent and a worker, which on a
    busy machine costs the workers' time too.

    Example:
        >>> [_chunk_size(handed, 2) for handed in (0, 40, 100, 1000)]
        [4, 5, 12, 32]
    """
    return max(FIRST_CHUNK, min(CHUNK, handed // (workers * CHUNKS_PER_WORKER * 2)))


def _take(
    pending: Iterator[_T], skip: Callable[[_T], bool] | None, size: int
) -> tuple[list[_T], list[_T]]:
    """The next chunk of ``size`` items to hand out, and the items skipped on the way."""
    chunk: list[_T] = []
    skipped: list[_T] = []
    for item in pending:
        (skipped if skip is not None and skip(item) else chunk).append(item)
        if len(chunk) + len(skipped) == size:
            break
    return chunk, skipped


def _outcomes(
    future: _Future[_R], chunk: list[_T], last_try: bool, retry: list[_T]
) -> list[_R | BaseException] | None:
    """The outcomes of a finished chunk; ``None`` when its worker died.

    The items of a chunk lost with its worker go to ``retry``, unless this was their last
    try: then the outcome is an error saying so.
    """
    try:
        return future.result()
    except BrokenProcessPool:
        if not last_try:
            retry.extend(chunk)
            return None
    return [
        NewsdocError(
            f"{_name(chunk[0])}: the worker process given it ended abruptly, twice "
            "(killed, or out of memory?)"
        )
    ]


def _name(item: object) -> str:
    return str(getattr(item, "source", item))


class _Pool:
    """A process pool whose workers leave Ctrl-C to the parent, shut down on any exit.

    On an interruption the parent waits for the tasks already running (each writes its
    file atomically, so none is left half-written) and drops the rest.
    """

    def __init__(self, workers: int, prepare: Callable[[], None] | None) -> None:
        methods = multiprocessing.get_all_start_methods()
        # Fork is quickest and needs no importable main module, but copies a parent's
        # other threads in whatever state they are in: only a single thread forks.
        if "fork" in methods and threading.active_count() == 1:
            method = "fork"
            if prepare is not None:
                prepare()
            # Objects the collector never visits keep their pages shared with the workers
            # instead of being copied into each as it runs.
            gc.freeze()
        else:
            method = "forkserver" if "forkserver" in methods else "spawn"
        context = multiprocessing.get_context(method)
        self._executor = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_ignore_interrupts
        )

    def __enter__(self) -> concurrent.futures.ProcessPoolExecutor:
        return self._executor

    def __exit__(self, *exc_info: object) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
