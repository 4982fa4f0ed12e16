"""The pipeline of a run: stages and rules built once, then applied to each document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from .classify import model as models
from .classify.judge import MAX_SETTLE_ROUNDS, Judgement
from .classify.view import View
from .config import Config
from .document import Document
from .errors import UsageError
from .io.html import read_page
from .registry import RuleStages, build_stages
from .render import render
from .rules import RuleBook, SiteResolver
from .rules.literals import DocumentLiterals
from .rules.model import Input
from .stage import Stage, StageContext
from .stages.encoding import fix_text
from .stages.stripping import RuleStage
from .templates import Templates


@dataclass(frozen=True, slots=True)
class Source:
    """One document to clean, with what is known of where it came from."""

    text: str
    name: str = "<stdin>"
    url: str | None = None
    path: str | None = None  # the input path, for site resolution by folder
    html: bool = False  # the text is an HTML page's, rendered (`io.html.read_page`)
    extraction: str | None = None  # what an HTML extractor took for the page's main text, if it found one
    notes: tuple[str, ...] = ()  # what reading it had to guess (a mixed or weakly detected charset): its first warnings


def page_source(
    html: str, *, name: str, url: str | None = None, path: str | None = None, notes: tuple[str, ...] = ()
) -> Source:
    """An HTML page to clean: its text as a browser lays it out, and what trafilatura took for its
    main text (`io.html`). A blank page is an empty text, as a blank document of any format is."""
    if not html.strip():
        return Source(html, name=name, url=url, path=path, html=True, notes=notes)
    page = read_page(html, name)
    return Source(page.text, name=name, url=url, path=path, html=True, extraction=page.extraction, notes=notes)


class Pipeline:
    def __init__(self, config: Config, templates: Templates | None = None, model: models.Model | None = None) -> None:
        self.config = config
        self.templates = templates or Templates()  # from a first pass over the corpus, if any
        unknown = [name for name in config.skip if name not in config.stages]
        if unknown:
            raise UsageError(f"--skip {unknown[0]}: not among the stages that run ({', '.join(config.stages)})")
        self.stages: list[Stage] = build_stages(config.active_stages)
        self.book = RuleBook.load(config.rule_folders, RuleStages(self.stages), site_rules=config.site_rules)
        self.resolver = SiteResolver(self.book, config.site)
        # The classifier's kinds, each with the stage that drops it, for the stages that run.
        self._kind_stage = {stage.kind: stage.name for stage in self.stages if isinstance(stage, RuleStage)}
        self._stage_kind = {name: kind for kind, name in self._kind_stage.items()}
        # The stages after the last stripping one: they run again when settling drops a line.
        stripping = [i for i, stage in enumerate(self.stages) if isinstance(stage, RuleStage)]
        self._finishing_from = stripping[-1] + 1 if stripping else len(self.stages)
        # The shipped model loads on the first document that needs it (a run with the classifier
        # off never reads it); a model file named in the configuration is checked at once.
        if model is None and config.model and config.generic:
            model = models.load(config.model)
        self._model: models.Model | None = model  # given: a model trained in this process (cross-validation)

    @property
    def model(self) -> models.Model:
        if self._model is None:
            self._model = models.load(self.config.model) if self.config.model else models.shipped()
        return self._model

    def process(self, source: Source, *, explain: bool = False) -> Document:
        """Run every stage over one document; nothing is removed, only marked.

        The classifier judges whole pages; of an HTML page, it also knows what trafilatura extracted.

        Every rule stage's rules run before the first rule stage's verdicts: the
        classifier judges the lines the rules left (a site file always wins).
        """
        doc, contexts = self._start(source, explain=explain, classified=self.config.generic)
        ruled = False
        for stage, context in zip(self.stages, contexts, strict=True):
            if isinstance(stage, RuleStage) and not ruled:
                self._apply_rules(doc, contexts)
                ruled = True
            stage.apply(doc, context)
        if contexts and contexts[0].judgement is not None and self._kind_stage:
            self._settle(doc, contexts)
        return doc

    def classifier_view(self, source: Source) -> View:
        """What the classifier first judges of a document: encoding repaired, every rule applied.

        Training reads pages through this, so that a model learns from exactly what it judges."""
        doc, contexts = self._start(source, explain=False, classified=False)
        for stage, context in zip(self.stages, contexts, strict=True):
            if isinstance(stage, RuleStage):
                break
            stage.apply(doc, context)
        self._apply_rules(doc, contexts)
        return View.of(doc, self._stage_kind, source.extraction)[0]

    def _start(self, source: Source, *, explain: bool, classified: bool) -> tuple[Document, list[StageContext]]:
        """The document, its site, and each stage's context (with the classifier's judgement if ``classified``)."""
        doc = Document.from_text(source.text, name=source.name, url=source.url)
        doc.warnings.extend(source.notes)
        doc.site = self.site_of(source)
        templates = self.templates.of(site_group(doc.site, source))
        site_file = self.book.sites.get(doc.site) if doc.site else None
        spec = site_file.site if site_file else None
        kind = Input.HTML if source.html else Input.TEXT
        literals = DocumentLiterals(self.book.literal_index(doc.site, kind), doc.blocks)
        judgement = (
            Judgement(doc, self.model, self._stage_kind, explain=explain, extraction=source.extraction)
            if classified
            else None
        )
        contexts = [
            StageContext(
                self.book.rules_for(doc.site, stage.name, kind), spec, judgement, source.html, literals, templates
            )
            for stage in self.stages
        ]
        return doc, contexts

    def _apply_rules(self, doc: Document, contexts: list[StageContext]) -> None:
        for stage, context in zip(self.stages, contexts, strict=True):
            if isinstance(stage, RuleStage):
                stage.apply_rules(doc, context)

    def _settle(self, doc: Document, contexts: list[StageContext]) -> None:
        """Judge the kept lines again until nothing changes; after each change the
        stages that follow the stripping ones (dedupe, reflow) see the new neighbours."""
        finishing = [(s, c) for s, c in zip(self.stages, contexts, strict=True)][self._finishing_from :]
        judgement = contexts[0].judgement
        assert judgement is not None
        for _ in range(MAX_SETTLE_ROUNDS):
            if not judgement.judge_again(self._kind_stage):
                return
            for stage, context in finishing:
                stage.apply(doc, context)

    def site_of(self, source: Source) -> str | None:
        # Fingerprints are looked for in the repaired text (mojibake hides them), at its ends.
        return self.resolver.resolve(url=source.url, path=source.path, text=lambda: fix_text(ends(source.text)))

    def clean(self, source: Source) -> str:
        return render(self.process(source), title=self.config.title)


# A site's fingerprints stand in a page's header and footer: of a text longer than twice
# this, the first and last so many characters are searched (a 50 MB text costs no copies).
FINGERPRINT_SPAN = 1 << 20


def ends(text: str) -> str:
    """The text, or of a long one its opening and its end."""
    if len(text) <= 2 * FINGERPRINT_SPAN:
        return text
    return text[:FINGERPRINT_SPAN] + "\n" + text[-FINGERPRINT_SPAN:]


def site_group(site: str | None, source: Source) -> str | None:
    """What a document's template lines are counted under: its site, else its
    URL's host, else its folder; None for a lone document from stdin."""
    if site:
        return site
    host = urlsplit(source.url).hostname if source.url else None
    if host:
        return host.removeprefix("www.")
    return str(PurePath(source.path).parent) if source.path else None
