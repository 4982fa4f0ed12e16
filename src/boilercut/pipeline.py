"""The pipeline of a run: stages and rules built once, then applied to each document."""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .document import Document
from .errors import UsageError
from .registry import build_stages, rule_stage_names
from .render import render
from .rules import RuleBook, SiteResolver
from .rules.literals import DocumentLiterals
from .rules.model import Input
from .stage import Stage, StageContext


@dataclass(frozen=True, slots=True)
class Source:
    """One document to clean, with what is known of where it came from."""

    text: str
    name: str = "<stdin>"
    url: str | None = None
    path: str | None = None  # the input path, for site resolution by folder
    extracted: bool = False  # the text is an HTML extractor's choice of the page's main text


class Pipeline:
    def __init__(self, config: Config) -> None:
        self.config = config
        unknown = [name for name in config.skip if name not in config.stages]
        if unknown:
            raise UsageError(f"--skip {unknown[0]}: not among the stages that run ({', '.join(config.stages)})")
        self.stages: list[Stage] = build_stages(config.active_stages)
        self.book = RuleBook.load(config.rule_folders, rule_stage_names(), site_rules=config.site_rules)
        self.resolver = SiteResolver(self.book, config.site)

    def process(self, source: Source) -> Document:
        """Run every stage over one document; nothing is removed, only marked."""
        doc = Document.from_text(source.text, name=source.name, url=source.url)
        doc.site = self.resolver.resolve(url=source.url, path=source.path, text=source.text)
        site_file = self.book.sites.get(doc.site) if doc.site else None
        spec = site_file.site if site_file else None
        kind = Input.HTML if source.extracted else Input.TEXT
        literals = DocumentLiterals(self.book.literal_index(doc.site, kind), doc.blocks)
        for stage in self.stages:
            rules = self.book.rules_for(doc.site, stage.name, kind)
            context = StageContext(rules, spec, self.config.generic, source.extracted, literals)
            stage.apply(doc, context)
        return doc

    def clean(self, source: Source) -> str:
        return render(self.process(source), title=self.config.title)
