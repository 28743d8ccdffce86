"""Using a second core for the per-paragraph work of a big dump, with nothing but os.fork.

The forked child already has every input (the dump is in its memory), so only its result
crosses the pipe: callers keep that result compact (floats, not dicts or sets), or the
pickling eats the gain.  Where fork is missing or unsafe (other threads running, which a
child could inherit holding a lock), or anything fails in the child, the work is done here.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def in_two(work: Callable[[int, int], list[T]], start: int, stop: int, min_items: int
           ) -> list[T]:
    """work(start, stop), the same list, computed as work(start, mid) here and
    work(mid, stop) in a forked child when there are at least min_items items."""
    if stop - start < min_items:
        return work(start, stop)
    mid = (start + stop) // 2
    with in_background(partial(work, mid, stop)) as second:
        first = work(start, mid)
        return first + second()


_FAILED = object()
# Children that sent their result but were still exiting when it was read: a big child's
# exit (the kernel dropping its copy of the address space) takes tens of milliseconds,
# which the caller need not wait for.  They are reaped later (reap_children).
_exiting: list[int] = []


def reap_children(wait: bool = True) -> None:
    """Collect the exit status of every child that has sent its result (all of them with
    `wait`; otherwise those that have exited by now)."""
    for pid in list(_exiting):
        try:
            done, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
        except ChildProcessError:  # reaped by someone else
            done = pid
        if done:
            _exiting.remove(pid)


@contextmanager
def in_background(work: Callable[[], T], wanted: bool = True) -> Iterator[Callable[[], T]]:
    """work() computed in a forked child while this process goes on; the function yielded
    returns its result (computed here when the child fails, or fork is not wanted or safe)."""
    if not wanted or not can_fork():
        yield work
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running any cleanup
        os.close(read_end)
        status = 1
        try:
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    inp = os.fdopen(read_end, "rb")

    def result() -> T:
        try:
            value = pickle.load(inp)  # a cut-off stream raises: a complete one is the result
        except Exception:
            value = _FAILED
        return work() if value is _FAILED else value

    try:
        yield result
    finally:
        inp.close()  # a child still writing gets a broken pipe and exits
        _exiting.append(pid)
        reap_children(wait=False)
