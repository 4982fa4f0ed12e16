"""Running tasks over worker processes, results handed back in submission order.

At most `WINDOW_PER_JOB * jobs` tasks are in flight: reading the input stops
while they are, so memory stays flat however large the corpus. With one job
there is no pool at all: each task runs in this process as it is submitted.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from .config import Config
from .pipeline import Pipeline
from .tasks import Outcome, Task

# Two batches per worker: one being cleaned, one waiting, so no worker idles
# while the main process reads and writes.
WINDOW_PER_JOB = 2


class Jobs:
    """Where tasks run: in this process (one job) or in a pool of worker processes."""

    def __init__(self, pipeline: Pipeline, jobs: int) -> None:
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
        self._window = WINDOW_PER_JOB * self.jobs
        self._pending: deque[tuple[Future[Outcome] | None, Callable[..., None]]] = deque()
        self._in_flight = 0
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Jobs:
        if self.jobs > 1:
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=_context(), initializer=_start_worker, initargs=(self.pipeline.config,)
            )
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is None:
            self.finish()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, task: Task, then: Callable[[Outcome], None]) -> None:
        """Run a task; `then` gets its outcome, after those of every task submitted before."""
        if self._pool is None:
            then(task.run(self.pipeline))
            return
        self._pending.append((self._pool.submit(_run_in_worker, task), then))
        self._in_flight += 1
        self._settle(self._window)

    def after(self, then: Callable[[], None]) -> None:
        """Call `then` once every task submitted so far has been handed back."""
        if self._pool is None:
            then()
            return
        self._pending.append((None, then))
        self._settle(self._window)

    def finish(self) -> None:
        """Wait for every task and hand back every outcome."""
        self._settle(0)

    def _settle(self, limit: int) -> None:
        """Hand back outcomes in order: the finished ones, and the oldest ones while over `limit`."""
        while self._pending:
            future, then = self._pending[0]
            if future is not None and self._in_flight <= limit and not future.done():
                return
            self._pending.popleft()
            if future is None:
                then()
            else:
                self._in_flight -= 1
                then(future.result())


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a clean server process, or spawned where there is none (Windows).

    Not plain fork: the main process may run threads by then (the progress
    bar's), and a child forked while one of them holds a lock can hang.
    Measured on the 50 MB bench, forkserver and spawn start up in ~0.2 s more
    than fork, nothing beside a run of several seconds.
    """
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


# A worker process's own pipeline, built once by the pool's initializer: the
# one process-wide value in boilercut, and it exists only in worker processes
# (an initializer has nowhere else to leave what it builds).
_WORKER: list[Pipeline] = []


def _start_worker(config: Config) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _WORKER.append(Pipeline(config))


def _run_in_worker(task: Task) -> Outcome:
    return task.run(_WORKER[0])
