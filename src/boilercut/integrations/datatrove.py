"""A datatrove pipeline step that cleans each Document's text, as datatrove's own formatters do.

    from boilercut.integrations.datatrove import BoilercutFormatter
    pipeline = [JsonlReader("raw/"), BoilercutFormatter(drop_empty=True), JsonlWriter("clean/")]

The URL, which picks the site's rules, is read from `metadata["url"]`; every
other field is left as it was. The lines dropped are counted in the step's
statistics by stage (`lines_dropped/strip_ads`) and by rule
(`lines_dropped/strip_ads/AD004`); documents left empty and dropped are
counted as `dropped_empty`. The step pickles as its Cleaner's configuration, so
it runs under datatrove's local, Slurm and Ray executors alike, and each worker
process compiles the rules once.
"""

from __future__ import annotations

from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from ..cleaner import Cleaned, Cleaner
from ..config import Config

LINES_DROPPED = "lines_dropped"
DROPPED_EMPTY = "dropped_empty"


class BoilercutFormatter(BaseFormatter):  # type: ignore[misc]  # datatrove has no type information
    """Clean `Document.text` with boilercut: headline and article body, nothing else.

    Built from a Cleaner, or from a Config and Cleaner options (`site`, `title`,
    `rule_dirs`, `stages`, ...). `drop_empty` drops documents with no article
    text left; `url_key` names the metadata field holding the page's URL.
    """

    name = "✂️ boilercut"

    def __init__(
        self,
        cleaner: Cleaner | Config | None = None,
        *,
        drop_empty: bool = False,
        url_key: str = "url",
        **options: Any,
    ) -> None:
        super().__init__()
        self.cleaner = cleaner if isinstance(cleaner, Cleaner) else Cleaner(cleaner, **options)
        self.drop_empty = drop_empty
        self.url_key = url_key

    def format(self, text: str) -> str:
        return self.cleaner.clean(text).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                url = doc.metadata.get(self.url_key)
                cleaned = self.cleaner.clean(doc.text, url=url if isinstance(url, str) and url else None)
                doc.text = cleaned.text
            self._count(cleaned)
            if self.drop_empty and not cleaned.text:
                self.stat_update(StatHints.dropped, DROPPED_EMPTY)
                continue
            self.stat_update(StatHints.forwarded)
            yield doc

    def _count(self, cleaned: Cleaned) -> None:
        by_stage: dict[str, int] = {}
        for (stage, rule), count in cleaned.drop_counts().items():
            by_stage[stage] = by_stage.get(stage, 0) + count
            self.stat_update(f"{LINES_DROPPED}/{stage}/{rule}", value=count)
        for stage, count in by_stage.items():
            self.stat_update(f"{LINES_DROPPED}/{stage}", value=count)
