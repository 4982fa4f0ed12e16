"""Running batches over worker processes, outcomes handed back in submission order.

At most `WINDOW_PER_JOB * jobs` batches are in flight: reading the input waits
while they are, so memory stays flat however large the corpus. With one job
there is no pool at all: each batch runs in this process as it is submitted.
The pool starts only when a second batch comes: a run that fits in one batch
(one small file, a few pages) is cleaned in this process, without the cost of
starting workers. Each worker gets the run's Cleaner (its configuration and
template lines travel; the worker compiles the rules once). `concurrent.futures`
and `multiprocessing` are imported then too: a run of one job never pays for
them at start-up.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from ..cleaner import Cleaner
from .batch import Batch, Outcome

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

# Four batches per worker: while the oldest batch is awaited, the others keep
# every worker busy even when one batch takes a few times longer than the rest.
WINDOW_PER_JOB = 4
# How often a worker checks that the main process is still there (seconds).
ORPHAN_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class _Held:
    """The first batch, held in this process until a second one starts the pool."""

    batch: Batch


if TYPE_CHECKING:
    # What waits to be handed back: a batch's future, a batch not sent yet (the
    # first one, before the pool starts), or None for a plain callback.
    _Entry = tuple[Future[Outcome] | _Held | None, Callable[..., None]]


class Pool:
    """Where batches run: in this process (one job) or in a pool of worker processes.

    `warmed` is called once, after the first batch run in this process: the
    command line freezes what that batch loaded there (`gc.freeze`), which a
    library must not do to its caller's heap.
    """

    def __init__(self, cleaner: Cleaner, jobs: int, warmed: Callable[[], None] = lambda: None) -> None:
        self.cleaner = cleaner
        self.warmed = warmed
        self.jobs = max(1, jobs)
        self._window = WINDOW_PER_JOB * self.jobs
        self._pending: deque[_Entry] = deque()
        self._in_flight = 0
        self._submitted = 0
        self._pool: ProcessPoolExecutor | None = None
        self._warm = False  # whether a batch has run in this process

    def __enter__(self) -> Pool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is None:
            self.finish()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, batch: Batch, then: Callable[[Outcome], None]) -> None:
        """Run a batch; `then` gets its outcome, after those of every batch submitted before."""
        if self.jobs == 1:
            then(self._run_here(batch))
            return
        self._submitted += 1
        self._in_flight += 1
        if self._submitted == 1:
            self._pending.append((_Held(batch), then))  # held: the pool starts only if another batch comes
            return
        pool = self._pool or self._start_pool()
        self._pending.append((pool.submit(_run_in_worker, batch), then))
        self._settle(self._window)

    def after(self, then: Callable[[], None]) -> None:
        """Call `then` once every batch submitted so far has been handed back."""
        self._pending.append((None, then))
        self._settle(self._window)

    def finish(self) -> None:
        """Wait for every batch and hand back every outcome."""
        self._settle(0)

    def _start_pool(self) -> ProcessPoolExecutor:
        """Start the workers and send them the batch held until now, if it still waits."""
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(
            self.jobs,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(self.cleaner, os.getpid()),
        )
        for index, (waiting, then) in enumerate(self._pending):
            if isinstance(waiting, _Held):
                self._pending[index] = (pool.submit(_run_in_worker, waiting.batch), then)
        self._pool = pool
        return pool

    def _settle(self, limit: int) -> None:
        """Hand back outcomes in order: the finished ones, and the oldest ones while over `limit`."""
        while self._pending:
            waiting, then = self._pending[0]
            if waiting is not None and self._in_flight <= limit and not _done(waiting):
                return
            self._pending.popleft()
            if waiting is None:
                then()
                continue
            self._in_flight -= 1
            then(self._run_here(waiting.batch) if isinstance(waiting, _Held) else waiting.result())

    def _run_here(self, batch: Batch) -> Outcome:
        """Run a batch in this process; after the first, say that what the stages load is loaded."""
        outcome = batch.run(self.cleaner)
        if not self._warm:
            self._warm = True
            self.warmed()
        return outcome


def _done(waiting: Future[Outcome] | _Held) -> bool:
    return not isinstance(waiting, _Held) and waiting.done()


def _context() -> BaseContext:
    """Workers forked from a clean server process, or spawned where there is none (Windows).

    Not plain fork: the main process may run threads by then (the progress
    bar's), and a child forked while one of them holds a lock can hang.
    Measured on the 50 MB bench, forkserver and spawn start up in ~0.2 s more
    than fork, nothing beside a run of several seconds. The server is warmed
    up (`warmup`) so that its workers share what the stages load.
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["boilercut.run.warmup"])
    return context


# A worker process's own Cleaner, set up once by the pool's initializer: the
# one process-wide value in boilercut, and it exists only in worker processes
# (an initializer has nowhere else to leave what it builds).
_WORKER: list[Cleaner] = []


def _start_worker(cleaner: Cleaner, main_pid: int) -> None:
    """Set up the worker's Cleaner as the main process's: same configuration, same template lines."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    threading.Thread(target=_exit_when_orphaned, args=(main_pid,), daemon=True).start()
    _WORKER.append(cleaner.load())
    # What the stages load was loaded, and frozen, in the server the worker was forked
    # from (warmup); the worker's own rules are kept for its life: out of the
    # collector's full passes too. This is worker start-up, not library code.
    gc.freeze()


def _exit_when_orphaned(main_pid: int) -> None:
    """End this worker once the main process is gone (killed): nothing else would end it."""
    while not _ended(main_pid):
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _ended(pid: int) -> bool:
    """True once a process has ended, even if its parent has not reaped it yet.

    A killed process stays a zombie, which signal 0 still finds, until its
    parent waits for it; a parent that first reads the run's stderr to its end
    would wait forever on workers that hold stderr open too.
    """
    try:
        os.kill(pid, 0)
    except OSError:  # no such process, or another user's that took its number
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as status:  # Linux; elsewhere only reaped processes count
            return status.read().rpartition(b")")[2].split()[:1] == [b"Z"]
    except OSError:
        return False


def _run_in_worker(batch: Batch) -> Outcome:
    return batch.run(_WORKER[0])
