"""The first pass of a folder run: the template lines of each site, counted over its plain-text files.

Files are read as the second pass reads them (decompressed, decoded), and
lines are counted as fix_encoding will leave them, so that both passes see the
same text. A file that cannot be read here is reported by the second pass.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..cleaner import Cleaner
from ..document import split_lines
from ..errors import DocumentError
from ..io.formats import Format
from ..pipeline import site_group
from ..stages.encoding import fix_text
from ..templates import TemplateCounter, Templates
from . import read
from .batch import FileJob


def count_templates(cleaner: Cleaner, files: Iterable[FileJob]) -> Templates:
    counter = TemplateCounter()
    for job in files:
        if job.kind.format is not Format.TEXT:
            continue  # an extractor has removed HTML's template; JSONL and WARC would be read twice
        try:
            source = read.file_source(job.path)
        except DocumentError:
            continue
        group = site_group(cleaner.site_of(source), source)
        if group is not None:
            repaired = fix_text("\n".join(line.strip() for line in split_lines(source.text)))
            counter.add(group, [line.strip() for line in repaired.split("\n") if line.strip()])
    return counter.templates()
