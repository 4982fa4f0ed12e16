"""The rule book of a run: the defaults and every site file, loaded and checked once.

Rule folders are read in order; a site file in a later folder replaces the
file of the same name in an earlier one (so `--rules DIR` overrides the shipped
rules). Compiled rule sets are built on first use and kept for the run.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from pathlib import Path

import regex

from ..cache import cache_dir, cached
from ..errors import RuleFileError
from . import gate as gates
from . import workbound
from .gate import gate_for
from .literals import LiteralIndex
from .loader import load_rule_file
from .matcher import RuleSet, SwitchedOff
from .model import Input, Rule, RuleFile


class RuleBook:
    def __init__(self, files: Iterable[RuleFile], *, site_rules: bool = True) -> None:
        files = list(files)
        self.defaults = tuple(rule for f in files if f.site is None for rule in f.rules)
        self.sites = {f.site.name: f for f in files if f.site is not None} if site_rules else {}
        self._domains = {domain: name for name, f in self.sites.items() for domain in f.site.domains}  # type: ignore[union-attr]
        self._compiled: dict[tuple[str | None, str, Input], RuleSet] = {}
        self._literal_indexes: dict[tuple[str | None, Input], LiteralIndex] = {}
        self.switched_off = SwitchedOff()  # rules that ran past their time-out: off for the rest of the run
        self._check_unique_ids(files)

    @classmethod
    def load(cls, folders: Iterable[Path], known_stages: Collection[str], *, site_rules: bool = True) -> RuleBook:
        chosen: dict[str, Path] = {}
        for folder in folders:
            if not folder.is_dir():
                raise RuleFileError(str(folder), "not a folder of rule files; check the --rules path")
            for name in sorted(os.listdir(folder)):
                if name.endswith(".toml"):
                    chosen[name] = folder / name  # a later folder overrides an earlier one
        paths = [path for _, path in sorted(chosen.items())]
        salt = repr(sorted(known_stages))
        files = cached("rules", paths, salt, lambda: [load_rule_file(path, known_stages) for path in paths])
        patterns = (rule.pattern for f in files for rule in f.rules)
        gates.known(cached("gates", [*paths, Path(gates.__file__)], salt, lambda: gates.gates_of(patterns)))
        if cache_dir() is not None:  # without a cache, a pattern's bound is read when a line first meets it
            searched = (pattern for f in files for rule in f.rules for pattern in _searched(rule))
            bounds = cached("workbounds", [*paths, Path(workbound.__file__)], f"{salt} regex {regex.__version__}",
                            lambda: workbound.bounds_of(searched))  # fmt: skip
            workbound.known(bounds)
        return cls(files, site_rules=site_rules)

    def site_for_host(self, host: str) -> str | None:
        """The site whose domain is the host or a parent of it (www.x.com -> x.com)."""
        labels = host.lower().rstrip(".").split(".")
        for start in range(len(labels) - 1):
            site = self._domains.get(".".join(labels[start:]))
            if site:
                return site
        return None

    def rules_for(self, site: str | None, stage: str, source: Input = Input.TEXT) -> RuleSet:
        key = (site, stage, source)
        ruleset = self._compiled.get(key)
        if ruleset is None:
            rules = [r for r in self.all_rules(site) if r.stage == stage and source in r.inputs]
            ruleset = RuleSet(rules, self.switched_off)
            self._compiled[key] = ruleset
        return ruleset

    def literal_index(self, site: str | None, source: Input = Input.TEXT) -> LiteralIndex:
        """One automaton of the literals of every gated rule that applies to the site's documents."""
        key = (site, source)
        index = self._literal_indexes.get(key)
        if index is None:
            gated = [(rule, gate.literals) for rule in self.all_rules(site) if source in rule.inputs
                     for gate in [gate_for(rule.pattern)] if gate.literals is not None]  # fmt: skip
            index = self._literal_indexes[key] = LiteralIndex(gated)
        return index

    def all_rules(self, site: str | None) -> list[Rule]:
        site_file = self.sites.get(site) if site else None
        return [*self.defaults, *(site_file.rules if site_file else ())]

    def every_rule(self) -> list[Rule]:
        return [*self.defaults, *(rule for f in self.sites.values() for rule in f.rules)]

    def _check_unique_ids(self, files: list[RuleFile]) -> None:
        owner: dict[str, RuleFile] = {}
        for rule_file in files:
            for rule in rule_file.rules:
                first = owner.setdefault(rule.id, rule_file)
                if first is not rule_file:
                    raise RuleFileError(
                        rule.source.rsplit(":", 1)[0],
                        f"id already used in {first.path}; rule ids must be unique across rule files",
                        line=int(rule.source.rsplit(":", 1)[1]),
                        rule_id=rule.id,
                    )


def _searched(rule: Rule) -> list[str]:
    """The patterns a rule searches lines with."""
    return [pattern for pattern in (rule.pattern, rule.end, rule.while_, rule.neighbour_unless) if pattern is not None]
