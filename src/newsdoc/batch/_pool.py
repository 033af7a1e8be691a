"""Running one task on many items in worker processes, a bounded number at a time."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterable
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from newsdoc.errors import NewsdocError

__all__ = ["SKIPPED", "default_jobs", "run"]

_T = TypeVar("_T")
_R = TypeVar("_R")
_TASKS_PER_WORKER = 4


def default_jobs() -> int:
    """How many worker processes to use by default: the cores this process may run on."""
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


def run(
    task: Callable[[_T], _R],
    items: Iterable[_T],
    jobs: int | None,
    *,
    skip: Callable[[_T], bool] | None = None,
) -> Generator[tuple[_T, object], None, None]:
    """Run ``task`` on every item, yielding ``(item, result or exception)`` as each ends."""
    workers = default_jobs() if jobs is None else jobs
    if workers < 1:
        raise NewsdocError(f"jobs must be at least 1, not {workers}")
    pending = iter(items)
    if workers == 1:
        for item in pending:
            yield item, SKIPPED if skip is not None and skip(item) else _call(task, item)
        return
    retry: list[_T] = []
    retried: list[_T] = []  # tried again after a worker died: few, so a list will do
    while True:
        with _Pool(workers) as pool:
            broken = False
            in_flight: dict[concurrent.futures.Future[_R | BaseException], _T] = {}
            while True:
                while not broken and len(in_flight) < workers * _TASKS_PER_WORKER:
                    if retry:
                        item = retry.pop()
                    else:
                        try:
                            item = next(pending)
                        except StopIteration:
                            break
                    if skip is not None and skip(item):
                        yield item, SKIPPED
                        continue
                    try:
                        future = pool.submit(_call, task, item)
                    except BrokenProcessPool:
                        broken = True
                        retry.append(item)
                        break
                    in_flight[future] = item
                if not in_flight:
                    break
                done, _ = concurrent.futures.wait(
                    in_flight, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in done:
                    item = in_flight.pop(future)
                    try:
                        yield item, future.result()
                    except BrokenProcessPool:
                        broken = True
                        if item in retried:
                            yield (
                                item,
                                NewsdocError(
                                    f"{_name(item)}: the worker process converting it ended "
                                    "abruptly, twice (killed, or out of memory?)"
                                ),
                            )
                        else:
                            retried.append(item)
                            retry.append(item)
            if not broken:
                return


def _name(item: object) -> str:
    return str(getattr(item, "source", item))


class _Pool:
    """A process pool whose workers leave Ctrl-C to the parent, shut down on any exit.

    On an interruption the parent waits for the tasks already running (each writes its
    file atomically, so none is left half-written) and drops the rest.
    """

    def __init__(self, workers: int) -> None:
        methods = multiprocessing.get_all_start_methods()
        # Not fork: the parent may run threads (a progress bar's), which fork would copy
        # in whatever state they are in.
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self._executor = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_ignore_interrupts
        )

    def __enter__(self) -> concurrent.futures.ProcessPoolExecutor:
        return self._executor

    def __exit__(self, *exc_info: object) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
