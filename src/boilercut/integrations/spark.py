"""Spark: a column of clean texts, computed by a pandas UDF with one Cleaner per executor process.

    from boilercut.integrations.spark import clean_column
    df = df.withColumn("text", clean_column("text", url="url", title=False))

The Cleaner travels with the UDF as its configuration (a few hundred bytes);
each Python worker process compiles it once, on its first batch, and keeps it
for every later task. A null text gives a null; a null or empty URL, none.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd  # at run time: Spark reads the UDF's type hints to know its kind
from pyspark.sql.pandas.functions import pandas_udf

from ..cleaner import Cleaner
from ..config import Config

if TYPE_CHECKING:
    from pyspark.sql import Column

# The Cleaner of this worker process, by the pickled Cleaner it was made from:
# a Spark worker unpickles a UDF for every task, and compiling the rules for
# each would cost more than many tasks' cleaning. It exists only in workers.
_PER_PROCESS: dict[bytes, Cleaner] = {}


def clean_column(
    text: Column | str, *, url: Column | str | None = None, cleaner: Cleaner | Config | None = None, **options: Any
) -> Column:
    """The clean text of each row's `text` column; `url`, if given, names the column that picks the site.

    Built from a Cleaner, or from a Config and Cleaner options (`site`, `title`, `rule_dirs`, ...).
    """
    made = cleaner if isinstance(cleaner, Cleaner) else Cleaner(cleaner, **options)
    state = pickle.dumps(made)
    if url is None:

        def clean_texts(texts: pd.Series) -> pd.Series:
            return _clean(state, texts, None)

        return _udf(clean_texts)(text)  # type: ignore[no-any-return]

    def clean_pages(texts: pd.Series, urls: pd.Series) -> pd.Series:
        return _clean(state, texts, urls)

    return _udf(clean_pages)(text, url)  # type: ignore[no-any-return]


def _udf(function: Callable[..., pd.Series]) -> Any:
    """A pandas UDF of strings; Spark reads the function's hints (Series to Series) to call it with batches."""
    return pandas_udf(function, "string")  # type: ignore[call-overload]


def _clean(state: bytes, texts: pd.Series, urls: pd.Series | None) -> pd.Series:
    cleaner = _cleaner(state)
    pairs = zip(texts, urls if urls is not None else [None] * len(texts), strict=True)
    cleaned = [cleaner.clean(text, url=_url(url)).text if isinstance(text, str) else None for text, url in pairs]
    return pd.Series(cleaned, index=texts.index, dtype="object")


def _cleaner(state: bytes) -> Cleaner:
    cleaner = _PER_PROCESS.get(state)
    if cleaner is None:
        cleaner = _PER_PROCESS[state] = pickle.loads(state)
    return cleaner


def _url(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
