"""Training a model from labeled pages (needs the `train` extra: scikit-learn, LightGBM).

Three learners, stacked: a linear model of each line's hashed tokens (the
lexical score), a first forest over each line's features (the lexical score
among them), and a second forest over the first's probabilities in context.
Each learner after the first is trained on what the ones before it say about
pages they were *not* trained on (out-of-fold, pages of a site kept together),
as it will meet new sites in use. Last, the page model (`classify.gate`) learns
from what the three, trained without them, make of the pages, their heads of
chrome and their openings as short articles (`training.gate`). Every page weighs the same in total, shared
among its lines by their number of words, as the benchmark's metric weighs pages.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..classify import context, glossary, lexicon
from ..classify.feature_names import FIRST_FEATURES, SECOND_FEATURES
from ..classify.features import matrix, token_counts
from ..classify.measure import measure
from ..classify.model import Model
from ..classify.trees import Forest
from .augment import fold_pages
from .foreign import disguise
from .gate import page_rows
from .pages import Page, clean_copies

PAGE_WEIGHT = 1000.0  # each page's lines share this weight (scale only matters to the learners' minima)
COPY_WEIGHT = 0.2  # a clean copy of a page weighs a fifth of the page
FOREIGN_WEIGHT = 0.5  # a page shown in words the lexicon does not know (`foreign`) weighs half the page
ARTICLE = "article"  # the page type boilercut is for


@dataclass(frozen=True, slots=True)
class Settings:
    """How a model is trained; the defaults made the shipped model."""

    seed: int = 0
    inner_folds: int = 3
    trees: int = 300
    learning_rate: float = 0.05
    leaves: int = 31
    max_depth: int = 8
    min_child_samples: int = 20
    subsample: float = 0.8
    colsample: float = 0.8
    lexicon_c: float = 1.0  # inverse regularisation of the lexical model
    threshold: float = 0.5
    # The page model: a page it gives less than this is emptied (0: no page model).
    # Cross-validated (docs/quality-log.md, "Pages without an article").
    page_threshold: float = 0.01
    page_trees: int = 200
    page_leaves: int = 15
    # A page whose type is given and is not an article (a forum, product or listing
    # page of wcxb) weighs this much: boilercut cleans articles, and what such a page
    # keeps (lists of links, short items) is what an article page must drop.
    # Cross-validated (docs/quality-log.md): 1 -> 0.4 raised every figure; 0.4 -> 0.2
    # raised scrapinghub (+0.006 text, +0.010 HTML) and wcxb's articles (+0.003),
    # and lowered wcxb's other types (-0.003 text, -0.006 HTML).
    other_types_weight: float = 0.2
    # What each long article made in an inner fold (`augment`) weighs, in pages (0: none made).
    long_weight: float = 3.0


@dataclass(slots=True)
class Prepared:
    """Per-page work done once: measurements, token vectors, labels, weights.

    ``pages`` holds the labeled pages first (``originals`` of them), then the
    clean copies of those read from text (see `pages.clean_copies`), then each
    labeled page again in disguise (see `foreign`): a model trained on a page
    learns from its copies too; only the labeled pages are judged and scored."""

    pages: list[Page]
    originals: int = 0
    copies: dict[int, list[int]] = field(default_factory=dict)  # labeled page -> its copies
    foreign: set[int] = field(default_factory=set)  # the copies in disguise (`foreign`)
    made: set[int] = field(default_factory=set)  # long articles made by `augment` (not in the lexicon)
    columns: list[dict[str, np.ndarray]] = field(default_factory=list)
    tokens: list[np.ndarray] = field(default_factory=list)
    vectors: list[list[tuple[list[int], list[float]]]] = field(default_factory=list)
    words: list[np.ndarray] = field(default_factory=list)  # `lexicon.word_buckets` of each page
    languages: list[str | None] = field(default_factory=list)  # the language guessed for each page
    weights: list[np.ndarray] = field(default_factory=list)

    @classmethod
    def of(cls, pages: Sequence[Page], progress: Callable[[int], None] | None = None, copies: bool = True) -> Prepared:
        prepared = cls(list(pages), originals=len(pages))
        for i, page in enumerate(pages):
            extra = clean_copies(page) if copies and page.html_file is None else []
            prepared.copies[i] = list(range(len(prepared.pages), len(prepared.pages) + len(extra)))
            prepared.pages.extend(extra)
        for number, page in enumerate(prepared.pages):
            share = PAGE_WEIGHT if number < prepared.originals else PAGE_WEIGHT * COPY_WEIGHT
            prepared._add(page, *(measure(page.view) if page.lines else ({}, None)), share, disguised=False)
            if progress and number < prepared.originals:
                progress(number + 1)
        if copies:
            prepared.add_foreign_copies()
        return prepared

    def add_foreign_copies(self) -> None:
        """Each labeled page once more, its words unknown to the lexicon (see `foreign`)."""
        for i in range(self.originals):
            self.copies.setdefault(i, []).append(len(self.pages))
            self.foreign.add(len(self.pages))
            self.pages.append(self.pages[i])
            self._add(self.pages[i], self.columns[i], self.languages[i], PAGE_WEIGHT * FOREIGN_WEIGHT, disguised=True)

    def _add(
        self, page: Page, columns: dict[str, np.ndarray], language: str | None, share: float, disguised: bool
    ) -> None:
        """The per-page work for ``page`` (its lexical inputs glossed as in `features.first_columns`,
        and in disguise if ``disguised``)."""
        lines = glossary.gloss(page.lines, language)
        lines = [disguise(text) for text in lines] if disguised else lines
        tokens = token_counts(page.lines)
        self.columns.append(columns)
        self.languages.append(language)
        self.tokens.append(tokens)
        self.vectors.append([lexicon.line_vector(text) for text in lines])
        self.words.append(lexicon.word_buckets(lines))
        self.weights.append((tokens + 1) / (tokens.sum() + len(tokens)) * share)

    def with_long_articles(
        self, inner: Sequence[Sequence[int]], settings: Settings
    ) -> tuple[Prepared, list[list[int]]]:
        """A copy holding also the pages `augment` makes of each inner fold's labeled pages,
        and the folds with those pages added (this one is left as it is)."""
        extended = replace(
            self,
            pages=list(self.pages),
            columns=list(self.columns),
            tokens=list(self.tokens),
            vectors=list(self.vectors),
            words=list(self.words),
            languages=list(self.languages),
            weights=list(self.weights),
            made=set(self.made),
        )
        folds = []
        for number, fold in enumerate(inner):
            start = len(extended.pages)
            for page in fold_pages([self.pages[i] for i in fold if i < self.originals], settings.seed + number):
                extended.made.add(len(extended.pages))
                extended.pages.append(page)
                extended._add(page, *measure(page.view), PAGE_WEIGHT * settings.long_weight, disguised=False)
            folds.append([*fold, *range(start, len(extended.pages))])
        return extended, folds

    def with_copies(self, indexes: Sequence[int]) -> list[int]:
        """The labeled pages at ``indexes`` and their copies (clean, and in disguise)."""
        return list(indexes) + [j for i in indexes for j in self.copies.get(i, [])]


def site_folds(pages: Sequence[Page], indexes: Sequence[int], k: int, seed: int) -> list[list[int]]:
    """``indexes`` split into k folds, all pages of a site in one, folds about equal in lines."""
    by_site: dict[str, list[int]] = {}
    for i in indexes:
        by_site.setdefault(pages[i].site, []).append(i)
    sites = sorted(by_site)
    random.Random(seed).shuffle(sites)
    folds: list[list[int]] = [[] for _ in range(k)]
    sizes = [0] * k
    for site in sorted(sites, key=lambda s: -sum(len(pages[i].lines) for i in by_site[s])):
        smallest = sizes.index(min(sizes))
        folds[smallest] += by_site[site]
        sizes[smallest] += sum(len(pages[i].lines) for i in by_site[site])
    return [sorted(fold) for fold in folds]


def fit(prepared: Prepared, indexes: Sequence[int], settings: Settings, info: dict[str, Any] | None = None) -> Model:
    """A model trained on the pages at ``indexes`` of ``prepared``."""
    indexes = [i for i in prepared.with_copies(indexes) if prepared.pages[i].lines]
    inner = site_folds(prepared.pages, indexes, settings.inner_folds, settings.seed)
    if settings.long_weight > 0:
        prepared, inner = prepared.with_long_articles(inner, settings)
        indexes = [*indexes, *sorted(prepared.made)]
    # 1. The lexical score and the share of each page's words the lexicon knows, out of
    # fold, then on all pages. The lexicon learns from pages in their own words only.
    lexical: dict[int, np.ndarray] = {}
    known_share: dict[int, float] = {}
    inner_lexicons = []
    for held in inner:
        rest = [i for i in indexes if i not in set(held)]
        weights, intercept, known = _fit_lexicon(prepared, rest, settings)
        inner_lexicons.append((weights, intercept, known))
        for i in held:
            lexical[i] = _lexical(prepared, i, weights, intercept)
            known_share[i] = lexicon.coverage(prepared.words[i], known)
    weights, intercept, known = _fit_lexicon(prepared, indexes, settings)
    # 2. The first forest, out of fold, then on all pages.
    firsts = {i: context.first_stage(_first_columns(prepared, i, lexical[i], known_share[i])) for i in indexes}
    x1 = {i: matrix(firsts[i], FIRST_FEATURES) for i in indexes}
    p1: dict[int, np.ndarray] = {}
    inner_firsts = []
    for held in inner:
        rest = [i for i in indexes if i not in set(held)]
        forest = _fit_forest(prepared, rest, x1, settings)
        inner_firsts.append(forest)
        for i in held:
            p1[i] = forest.probability(x1[i])
    first = _fit_forest(prepared, indexes, x1, settings)
    # 3. The second forest, on the first's out-of-fold probabilities.
    x2 = {i: matrix(context.second_stage(firsts[i], p1[i], prepared.tokens[i]), SECOND_FEATURES) for i in indexes}
    second = _fit_forest(prepared, indexes, x2, settings)
    # 4. The page model, on what each inner fold's models make of its held-out pages.
    page = None
    if settings.page_threshold > 0:
        rows: list[tuple[np.ndarray, bool, float]] = []
        for held, (w, b, k), forest in zip(inner, inner_lexicons, inner_firsts, strict=True):
            rest = [i for i in indexes if i not in set(held)]
            judge = _model(w, b, k, forest, _fit_forest(prepared, rest, x2, settings), settings)
            rows += [row for i in held if i < prepared.originals for row in page_rows(prepared.pages[i], judge)]
        if len({holds for _, holds, _ in rows}) == 2:  # pages with an article and without one
            page = _fit_page_model(rows, settings)
    return _model(weights, intercept, known, first, second, settings, page, info)


def _model(
    lexicon_weights: np.ndarray,
    intercept: float,
    known: np.ndarray,
    first: Forest,
    second: Forest,
    settings: Settings,
    page: Forest | None = None,
    info: dict[str, Any] | None = None,
) -> Model:
    return Model(
        lexicon=lexicon_weights,
        lexicon_intercept=intercept,
        first=first,
        second=second,
        first_features=FIRST_FEATURES,
        second_features=SECOND_FEATURES,
        known=known,
        threshold=settings.threshold,
        page=page,
        page_threshold=settings.page_threshold if page is not None else 0.0,
        info=dict(info or {}),
    )


def _fit_page_model(rows: Sequence[tuple[np.ndarray, bool, float]], settings: Settings) -> Forest:
    """The page model: whether a page holds an article, from weighted `gate.page_row`s."""
    x = np.vstack([row for row, _, _ in rows])
    y = np.array([holds for _, holds, _ in rows], dtype=np.int32)
    w = np.array([weight for _, _, weight in rows])
    return _train_forest(x, y, w, settings, trees=settings.page_trees, leaves=settings.page_leaves)


def _labels(prepared: Prepared, indexes: Sequence[int], settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    y = np.concatenate([prepared.pages[i].keep for i in indexes]).astype(np.int32)
    w = np.concatenate([prepared.weights[i] * _type_weight(prepared.pages[i], settings) for i in indexes])
    return y, w


def _type_weight(page: Page, settings: Settings) -> float:
    """How much a page weighs for its type (an untyped page counts as an article)."""
    return 1.0 if page.kind in ("", ARTICLE) else settings.other_types_weight


def _first_columns(prepared: Prepared, i: int, lexical: np.ndarray, known_share: float) -> dict[str, np.ndarray]:
    return prepared.columns[i] | {"lexical": lexical, "lexicon_coverage": np.full(len(lexical), known_share)}


def _fit_lexicon(
    prepared: Prepared, indexes: Sequence[int], settings: Settings
) -> tuple[np.ndarray, float, np.ndarray]:
    """The lexicon's weights and intercept, and the words it knows, from the pages at
    ``indexes`` in their own words (the copies in disguise left out)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    indexes = [i for i in indexes if i not in prepared.foreign and i not in prepared.made]
    rows, cols, values = [], [], []
    row = 0
    for i in indexes:
        for index, vals in prepared.vectors[i]:
            rows += [row] * len(index)
            cols += index
            values += vals
            row += 1
    x = csr_matrix((values, (rows, cols)), shape=(row, 1 << lexicon.BITS))
    y, w = _labels(prepared, indexes, settings)
    model = LogisticRegression(C=settings.lexicon_c, solver="liblinear", max_iter=300, random_state=settings.seed)
    model.fit(x, y, sample_weight=w)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0]), _known(prepared, indexes)


def _known(prepared: Prepared, indexes: Sequence[int]) -> np.ndarray:
    """The words (buckets) of the pages at ``indexes`` that two sites or more use."""
    by_site: dict[str, list[np.ndarray]] = {}
    for i in indexes:
        by_site.setdefault(prepared.pages[i].site, []).append(prepared.words[i])
    return lexicon.known_words([np.concatenate(arrays) for arrays in by_site.values()])


def _lexical(prepared: Prepared, i: int, weights: np.ndarray, intercept: float) -> np.ndarray:
    return np.array([intercept + float(np.dot(weights[index], vals)) for index, vals in prepared.vectors[i]])


def _fit_forest(prepared: Prepared, indexes: Sequence[int], x: dict[int, np.ndarray], settings: Settings) -> Forest:
    y, w = _labels(prepared, indexes, settings)
    return _train_forest(np.vstack([x[i] for i in indexes]), y, w, settings)


def _train_forest(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, settings: Settings, trees: int = 0, leaves: int = 0
) -> Forest:
    """A LightGBM forest of binary labels ``y`` (weights ``w``); ``trees`` and ``leaves``
    default to the line forests' settings."""
    import lightgbm

    booster = lightgbm.train(
        {
            "objective": "binary",
            "learning_rate": settings.learning_rate,
            "num_leaves": leaves or settings.leaves,
            "max_depth": settings.max_depth,
            "min_child_samples": settings.min_child_samples,
            "bagging_fraction": settings.subsample,
            "bagging_freq": 1,
            "feature_fraction": settings.colsample,
            "seed": settings.seed,
            "deterministic": True,
            "num_threads": 1,  # the same model on any machine; OpenMP threads spin on a busy one
            "force_row_wise": True,
            "verbosity": -1,
        },
        lightgbm.Dataset(x, label=y, weight=w),
        num_boost_round=trees or settings.trees,
    )
    return forest_of(booster.dump_model())


def forest_of(dump: dict[str, Any]) -> Forest:
    """A LightGBM model dump as a Forest (numerical splits, `<=` to the left, no missing values)."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0

    def add(node: dict[str, Any], level: int) -> int:
        nonlocal depth
        index = len(feature)
        feature.append(0)
        threshold.append(float("inf"))
        left.append(index)
        right.append(index)
        if "leaf_value" in node:
            value.append(float(node["leaf_value"]))
            depth = max(depth, level)
            return index
        if node.get("decision_type") != "<=":
            raise ValueError(f"unsupported split {node.get('decision_type')!r}")
        value.append(float(node.get("internal_value", 0.0)))
        feature[index] = int(node["split_feature"])
        threshold[index] = float(node["threshold"])
        left[index] = add(node["left_child"], level + 1)
        right[index] = add(node["right_child"], level + 1)
        return index

    for tree in dump["tree_info"]:
        roots.append(add(tree["tree_structure"], 0))
    return Forest(
        feature=np.array(feature, dtype=np.int32),
        threshold=np.array(threshold, dtype=np.float64),
        left=np.array(left, dtype=np.int32),
        right=np.array(right, dtype=np.int32),
        value=np.array(value, dtype=np.float64),
        roots=np.array(roots, dtype=np.int32),
        depth=depth,
    )
