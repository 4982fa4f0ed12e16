"""The compiled per-line loops (`_core.c`), when the install could build them.

`pip install` compiles `_core` where a C compiler is present and goes on without
it where none is. Every compiled function has a pure-Python twin that computes
the same numbers in the same order (`lexicon.scores_python`,
`lexicon.word_buckets_python`, `Forest.raw_python`, `measure.char_counts_python`,
`measure.shapes_python`, `title.shares_python`, `lines.line_words_python`,
`lines.line_values_python`, `context.best_run_python`): the twins are the reference, and the tests hold the
two paths to identical tables and identical output.

    BOILERCUT_PURE_PYTHON=1       use the pure-Python twins even where _core is built
    BOILERCUT_REQUIRE_COMPILED=1  fail at import if _core is missing (CI sets it)
"""

from __future__ import annotations

import os
from types import ModuleType


def _load() -> ModuleType | None:
    if os.environ.get("BOILERCUT_PURE_PYTHON") == "1":
        return None
    try:
        from . import _core  # type: ignore[attr-defined]
    except ImportError:
        if os.environ.get("BOILERCUT_REQUIRE_COMPILED") == "1":
            raise ImportError("boilercut's compiled core is not built (BOILERCUT_REQUIRE_COMPILED=1)") from None
        return None
    core: ModuleType = _core
    return core


# The compiled module, or None for the pure-Python path. Read it at call time
# (`compiled.CORE`), so that a test can switch paths within one process.
CORE: ModuleType | None = _load()
