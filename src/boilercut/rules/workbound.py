"""How long a line a pattern can search without its time-out: a bound read from its parse tree.

The time-out guards against catastrophic backtracking, but asking the regex
module for one costs more per search (clock reads, over a microsecond) than
most searches take. So each pattern gets a length up to which its search
provably cannot run long, and lines that short are searched without it.

The bound counts the steps of a naive backtracking matcher over the pattern as
the regex module parses it, before its optimiser merges and prunes (which only
ever removes work): at each start position, every way the pattern can split
the line, a step for each node or character. A lookaround is counted as if its
inside could be tried on every path, an atomic or possessive repeat as if it
were greedy: more than the truth, never less. What the analysis cannot bound
(backreferences, conditionals, fuzzy matching, graphemes, full case folding)
gives no untimed length: that pattern always runs under the time-out.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from regex import _regex_core

# The regex module's own parser: private, and left out of its type stubs.
core: Any = _regex_core

# Steps a search may take untimed. A step of the regex module takes well under
# 100 ns, so this is at most a tenth of the one-second time-out: a search within
# the bound cannot reach the time-out, and timing it would only cost the clock reads.
STEP_BUDGET = 1_000_000
# Lines longer than this are always searched timed, however simple the pattern.
LONGEST_UNTIMED = 1 << 20

ONE_STEP = (core.Any, core.Character, core.SetBase, core.Property, core.ZeroWidthBase)
REPEATS = (core.GreedyRepeat,)  # lazy and possessive repeats are subclasses


class Unbounded(Exception):
    """The pattern holds something whose cost the analysis does not bound."""


@dataclass(frozen=True, slots=True)
class Cost:
    """Steps of matching a piece then a continuation of cost c: `own + paths * c`."""

    own: float
    paths: float

    def then(self, continuation: float) -> float:
        return self.own + self.paths * continuation


# Reading a pattern's tree with the regex module's parser takes milliseconds, a
# quarter of a second for the default rules: a rule book keeps the bounds of its
# patterns between runs (`bounds_of`) and gives them here (`known`).
_KNOWN: dict[str, int] = {}


def bounds_of(patterns: Iterable[str]) -> dict[str, int]:
    """The untimed length of each pattern: what a rule book keeps between runs (see `known`)."""
    return {pattern: untimed_length(pattern) for pattern in patterns}


def known(bounds: Mapping[str, int]) -> None:
    """Take ``bounds`` (from `bounds_of`, kept between runs) instead of reading those patterns again."""
    _KNOWN.update(bounds)


def untimed_length(pattern: str) -> int:
    """The longest line the pattern can search within STEP_BUDGET steps; 0 if its cost cannot be bounded."""
    bound = _KNOWN.get(pattern)
    if bound is None:
        bound = _KNOWN[pattern] = _bound(pattern)
    return bound


def _bound(pattern: str) -> int:
    try:
        tree = parse(pattern)
        steps = search_steps(tree)
    except Unbounded:
        return 0
    except Exception:  # the regex module's own parser, private: whatever goes wrong, stay timed
        return 0
    if not _within_budget(steps, 0):
        return 0
    low, high = 0, LONGEST_UNTIMED  # the steps grow with the length: bisect for the longest within budget
    if _within_budget(steps, high):
        return high
    while high - low > 1:
        middle = (low + high) // 2
        if _within_budget(steps, middle):
            low = middle
        else:
            high = middle
    return low


def parse(pattern: str) -> Any:
    """The pattern's tree as regex.compile parses it, before optimisation."""
    flags = 0
    while True:  # as regex.compile: a flag set inline for the whole pattern restarts the parse
        source = core.Source(pattern)
        info = core.Info(flags, source.char_type, {})
        source.ignore_space = bool(info.flags & core.VERBOSE)
        try:
            tree = core._parse_pattern(source, info)
        except core._UnscopedFlagSet:
            flags = info.global_flags
            continue
        if not source.at_end():
            raise ValueError("unbalanced parenthesis")
        return tree


def _within_budget(steps: Callable[[int], float], length: int) -> bool:
    try:
        return steps(length) <= STEP_BUDGET
    except Unbounded:
        return False


def search_steps(tree: Any) -> Callable[[int], float]:
    """Steps of a search over a line of a given length: a match tried at each start position."""
    attempt = _plan(tree)
    first = tree.items[0] if isinstance(tree, core.Sequence) and tree.items else tree
    anchored = isinstance(first, core.StartOfString)

    def steps(length: int) -> float:
        once = _evaluate(attempt, length).then(1)
        # Anchored at the line's start: past the first position an attempt fails on the anchor, in one step.
        return once + length if anchored else once * (length + 1)

    return steps


# The cost of a piece: fixed, or growing with the line's length (it holds a repeat).
# Fixed costs are folded together once, so that the bisection re-evaluates only the repeats.
Plan = Cost | Callable[[int], Cost]


def _evaluate(plan: Plan, length: int) -> Cost:
    return plan if isinstance(plan, Cost) else plan(length)


def _lift(combine: Callable[..., Cost], *plans: Plan) -> Plan:
    """`combine` applied to the plans' costs: now if they are fixed, else at each length."""
    if all(isinstance(plan, Cost) for plan in plans):
        return combine(*plans)
    return lambda length: combine(*(_evaluate(plan, length) for plan in plans))


def _plan(node: Any) -> Plan:
    if isinstance(node, (core.Character, core.String)) and node.case_flags & core.FULLCASE:
        raise Unbounded("full case folding: one character may match several")
    if isinstance(node, core.Failure):
        return Cost(1, 0)
    if isinstance(node, ONE_STEP):
        return Cost(1, 1)
    if isinstance(node, core.String):
        return Cost(len(node.characters), 1)
    if isinstance(node, core.Sequence):
        return _sequence([_plan(item) for item in node.items])
    if isinstance(node, core.Branch):
        return _lift(_either, *(_plan(branch) for branch in node.branches))
    if isinstance(node, (core.Group, core.Atomic)):
        return _lift(lambda inner: Cost(1 + inner.own, inner.paths), _plan(node.subpattern))
    if isinstance(node, core.LookAround):  # run to its end at most once per path through it
        return _lift(lambda inner: Cost(1 + inner.then(1), 1), _plan(node.subpattern))
    if isinstance(node, REPEATS):
        return _repeat_plan(node)
    raise Unbounded(type(node).__name__)  # backreferences, conditionals, fuzzy matching, graphemes...


def _sequence(parts: list[Plan]) -> Plan:
    folded: list[Plan] = []
    for part in parts:
        if isinstance(part, Cost) and folded and isinstance(folded[-1], Cost):
            folded[-1] = _then(folded[-1], part)
        else:
            folded.append(part)
    return _lift(lambda *costs: functools.reduce(_then, costs, Cost(0, 1)), *folded)


def _then(first: Cost, second: Cost) -> Cost:
    return Cost(first.own + first.paths * second.own, first.paths * second.paths)


def _either(*branches: Cost) -> Cost:
    return Cost(1 + sum(b.own for b in branches), sum(b.paths for b in branches))


def _repeat_plan(node: Any) -> Plan:
    narrowest = _min_width(node.subpattern)
    if narrowest == 0 and node.max_count is None:
        raise Unbounded("a repeat that may match nothing, unbounded")
    body = _plan(node.subpattern)

    def at(length: int) -> Cost:
        most = length // narrowest if narrowest else node.max_count
        if node.max_count is not None:
            most = min(most, node.max_count)
        return _repeat(node.min_count, most, _evaluate(body, length))

    return at


def _repeat(least: int, most: int, body: Cost) -> Cost:
    """A repeat tried with every count from `most` down, each count's continuation run."""
    if least > most:
        return Cost(1, 0)
    if body.paths <= 1:
        # One way through the body: `most` rounds, then each count from most down to least meets the rest.
        return Cost(1 + most * (1 + body.own), most - least + 1)
    # Several ways through the body: they multiply round by round.
    own, paths = 1.0, 1.0  # after the last round: only the continuation
    for rounds in range(most - 1, -1, -1):
        own, paths = 1 + body.own + body.paths * own, body.paths * paths + (1 if rounds >= least else 0)
        if own > STEP_BUDGET or paths > STEP_BUDGET:
            raise Unbounded("paths multiply past the budget")
    return Cost(own, paths)


def _min_width(node: Any) -> int:
    """The fewest characters the node can match."""
    if isinstance(node, core.ZeroWidthBase | core.LookAround):
        return 0
    if isinstance(node, ONE_STEP):
        return 1
    if isinstance(node, core.String):
        return len(node.characters)
    if isinstance(node, core.Sequence):
        return sum(_min_width(item) for item in node.items)
    if isinstance(node, core.Branch):
        return min((_min_width(branch) for branch in node.branches), default=0)
    if isinstance(node, (core.Group, core.Atomic)):
        return _min_width(node.subpattern)
    if isinstance(node, REPEATS):
        return int(node.min_count) * _min_width(node.subpattern)
    return 0
