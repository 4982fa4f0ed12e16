"""The `boilercut` command (and `python -m boilercut`): the command line, imported with the collector paused.

Importing the command line builds some 50,000 objects the collector tracks
(numpy, the rules, the classifier's tables), all of them kept for the whole
run. Its passes over them while importing, and its first passes after, took
about 10 ms, 5% of a one-line run's start-up: they are imported with the
collector off, then frozen out of its reach (as `clean` freezes what its first
batch loads).

numpy's OpenBLAS starts a thread per core when imported, which took half of a
one-line run's CPU time; boilercut multiplies no matrices, so the command
asks for one thread (unless the environment says otherwise; workers inherit it).
"""

from __future__ import annotations

import gc
import os


def main() -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    paused = gc.isenabled()
    gc.disable()
    try:
        from .cli import main as run

        gc.freeze()
    finally:
        if paused:
            gc.enable()
    run()


if __name__ == "__main__":
    main()
