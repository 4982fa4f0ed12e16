"""Gradient-boosted trees evaluated with numpy: every tree over every line at once.

A forest is five flat arrays over all its nodes. A leaf points to itself with
an infinite threshold, so walking every tree a fixed number of steps (the
deepest tree's depth) leaves each line on its leaf in every tree: a handful of
array operations per document, whatever the number of lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import compiled


@dataclass(frozen=True, slots=True)
class Forest:
    """Trees of one model, flattened. ``value`` holds leaf outputs (and node means, for explanations)."""

    feature: np.ndarray  # int32, the feature a node splits on (0 at leaves)
    threshold: np.ndarray  # float64, go left when feature <= threshold (+inf at leaves)
    left: np.ndarray  # int32, child node indexes (a leaf's own index at leaves)
    right: np.ndarray
    value: np.ndarray  # float64
    roots: np.ndarray  # int32, the root node of each tree
    depth: int  # the deepest leaf's depth
    base: float = 0.0  # added to every score
    packed: list[bytes] = field(default_factory=list, compare=False, repr=False)  # the compiled walk's copy

    def leaves(self, features: np.ndarray) -> np.ndarray:
        """The leaf each line (row of ``features``) reaches in each tree: shape (lines, trees).

        Each step reads every (line, tree)'s feature from the flattened table and its
        child from the children laid out in pairs (left, right): flat `take`s, faster than
        two-dimensional indexing. NaN goes right, as in the compiled walk."""
        lines, columns = features.shape
        flat = np.ascontiguousarray(features).ravel()
        children = np.stack((self.left, self.right), axis=1).ravel()
        node = np.broadcast_to(self.roots, (lines, len(self.roots))).copy()
        row_start = (np.arange(lines) * columns)[:, None]
        for _ in range(self.depth):
            right = ~(flat.take(row_start + self.feature.take(node)) <= self.threshold.take(node))
            node = children.take(node * 2 + right)
        return node

    def raw(self, features: np.ndarray) -> np.ndarray:
        """The summed tree outputs (log-odds) of each line."""
        if compiled.CORE is None or features.shape[0] == 0:
            return self.raw_python(features)
        out = np.empty(features.shape[0])
        compiled.CORE.forest_raw(
            np.ascontiguousarray(features, dtype=np.float64), self._packed(), self.value, self.base, out
        )
        return out

    def _packed(self) -> bytes:
        """The forest as the compiled walk reads it, built on first use."""
        if not self.packed:
            arrays = (self.feature, self.threshold, self.left, self.right, self.roots)
            self.packed.append(compiled.CORE.forest_pack(*(np.ascontiguousarray(a) for a in arrays)))
        return self.packed[0]

    def raw_python(self, features: np.ndarray) -> np.ndarray:
        """`raw` with numpy: the trees' outputs added in tree order (a cumulative sum adds
        one after another, as the compiled loop does; a plain sum adds pairwise)."""
        if features.shape[0] == 0 or not len(self.roots):
            return np.full(features.shape[0], self.base)
        return np.cumsum(self.value[self.leaves(features)], axis=1)[:, -1] + self.base

    def probability(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(features)))

    def contributions(self, row: np.ndarray) -> np.ndarray:
        """How much each feature moved one line's log-odds: the change of node value at
        each split on its path, summed per feature (the Saabas attribution)."""
        out = np.zeros(int(self.feature.max()) + 1 if len(self.feature) else 0)
        for root in self.roots.tolist():
            node = root
            while self.left[node] != node:
                feature = int(self.feature[node])
                child = int(self.left[node] if row[feature] <= self.threshold[node] else self.right[node])
                out[feature] += self.value[child] - self.value[node]
                node = child
        return out

    def arrays(self) -> dict[str, np.ndarray]:
        """The forest as named arrays, for a model file."""
        return {
            "feature": self.feature,
            "threshold": self.threshold,
            "left": self.left,
            "right": self.right,
            "value": self.value,
            "roots": self.roots,
            "shape": np.array([self.depth], dtype=np.int64),
            "base": np.array([self.base]),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Forest:
        return cls(
            feature=arrays["feature"].astype(np.int32),
            threshold=arrays["threshold"].astype(np.float64),
            left=arrays["left"].astype(np.int32),
            right=arrays["right"].astype(np.int32),
            value=arrays["value"].astype(np.float64),
            roots=arrays["roots"].astype(np.int32),
            depth=int(arrays["shape"][0]),
            base=float(arrays["base"][0]),
        )
