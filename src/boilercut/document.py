"""The Document that flows through the stages: one block per non-empty line.

Stages never delete text: they mark blocks as dropped, each with the stage, a
stable rule id and a reason. Rendering happens once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

LINE_BREAK = regex.compile("\r\n|[\n\r\u2028\u2029]")
# The line breaks besides \n: a text with none of them splits in C, on \n alone.
OTHER_LINE_BREAKS = ("\r", "\u2028", "\u2029")


@dataclass(frozen=True, slots=True)
class Drop:
    """Why a block left the output."""

    stage: str
    rule: str
    reason: str


@dataclass(slots=True)
class Block:
    """One non-empty input line, possibly repaired or joined by a stage."""

    text: str
    line: int  # 1-based line number in the input
    blank_before: int = 0  # blank lines that preceded it in the input
    drop: Drop | None = None

    @property
    def kept(self) -> bool:
        return self.drop is None


@dataclass(slots=True)
class Document:
    """A scraped page on its way through the pipeline."""

    blocks: list[Block]
    name: str = "<stdin>"
    url: str | None = None
    site: str | None = None
    title: int | None = None  # index of the headline block, once found
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, *, name: str = "<stdin>", url: str | None = None) -> Document:
        blocks: list[Block] = []
        previous = 0  # the number of the last non-empty line
        # Stripped in one comprehension: the loop then only builds the blocks.
        for number, line in enumerate([line.strip() for line in split_lines(text)], start=1):
            if line:
                blocks.append(Block(line, number, number - previous - 1))
                previous = number
        return cls(blocks, name=name, url=url)

    def kept(self) -> list[int]:
        """Indexes of the blocks still in the output."""
        return [i for i, block in enumerate(self.blocks) if block.drop is None]

    def drop(self, index: int, stage: str, rule: str, reason: str) -> bool:
        """Mark a block dropped; the first decision stands. True if it was kept."""
        block = self.blocks[index]
        if block.drop is not None:
            return False
        block.drop = Drop(stage, rule, reason)
        return True


def split_lines(text: str) -> list[str]:
    """Lines split on \\n, \\r\\n, \\r and the Unicode line and paragraph separators.

    Not on the other characters str.splitlines() takes (U+0085, form feeds,
    file separators): in scraped text they are mojibake (U+0085 is half of a
    UTF-8 "ą" read as Latin-1) or stray controls, for fix_encoding to mend.
    """
    if any(mark in text for mark in OTHER_LINE_BREAKS):
        return LINE_BREAK.split(text)
    return text.split("\n")  # the same lines, several times faster than the regex split
