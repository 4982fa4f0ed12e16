"""The `boilercut` command (and `python -m boilercut`): the command line, imported with the collector paused.

Importing the command line builds some 50,000 objects the collector tracks (numpy,
the rules, the classifier's tables), none of them garbage; its passes over them
took about 9 ms, 5% of a one-line run's start-up. It runs again before the
first document is read.
"""

from __future__ import annotations

import gc


def main() -> None:
    paused = gc.isenabled()
    gc.disable()
    try:
        from .cli import main as run
    finally:
        if paused:
            gc.enable()
    run()


if __name__ == "__main__":
    main()
