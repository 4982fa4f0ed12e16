"""A trained model: the lexicon, two line forests, the page forest and how they were trained, in one file.

The file is a numpy ``.npz`` archive holding arrays only (no pickles: the
lexicon's weights, the words it knows as packed bits, the forests) and a JSON
header: the format version, the feature names each forest reads (checked against
this code's features when loaded), the decision threshold, and how the model was
trained (sets, pages, seed, cross-validated figures). The shipped model is
package data, loaded on first use.
"""

from __future__ import annotations

import functools
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from .gate import PAGE_FEATURES
from .trees import Forest

FORMAT = 3  # 2: the lexicon's known words (2026-12-04); 3: the page model (2026-12-06)
READABLE = (2, 3)  # a format-2 file has no page model: every page is taken to hold an article
SHIPPED = "boilercut-text.npz"


@dataclass(frozen=True, slots=True)
class Model:
    """Everything the classifier needs that was learned, not written."""

    lexicon: np.ndarray  # float32 weights of the hashed line tokens
    lexicon_intercept: float
    first: Forest  # keep probability from a line's features
    second: Forest  # keep probability from the first stage's probabilities in context
    first_features: tuple[str, ...]
    second_features: tuple[str, ...]
    known: np.ndarray  # bool per lexicon bucket: a word of two training sites or more hashes there
    threshold: float = 0.5  # a line is kept above this probability (or lower: `decision`, the page's cut)
    page: Forest | None = None  # whether the page holds an article at all (`gate`); None: it always does
    page_threshold: float = 0.0  # a page the page model gives less than this is emptied
    info: dict[str, Any] = field(default_factory=dict)  # how it was trained: files, settings, libraries

    def save(self, path: Path) -> None:
        header = {
            "format": FORMAT,
            "first_features": list(self.first_features),
            "second_features": list(self.second_features),
            "threshold": self.threshold,
            "page_threshold": self.page_threshold,
            "page_features": list(PAGE_FEATURES) if self.page is not None else [],
            "lexicon_intercept": self.lexicon_intercept,
            "info": self.info,
        }
        arrays = {"header": np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8), "lexicon": self.lexicon}
        arrays["known"] = np.packbits(self.known)
        arrays |= {f"first.{k}": v for k, v in self.first.arrays().items()}
        arrays |= {f"second.{k}": v for k, v in self.second.arrays().items()}
        if self.page is not None:
            arrays |= {f"page.{k}": v for k, v in self.page.arrays().items()}
        with path.open("wb") as handle:
            np.savez(handle, **arrays)  # stored, not deflated: it loads in a third of the time, for 0.5 MB more

    @classmethod
    def load(cls, path: Path) -> Model:
        try:
            with np.load(path, allow_pickle=False) as archive:
                arrays = {name: archive[name] for name in archive.files}
            header = json.loads(arrays["header"].tobytes().decode("utf-8"))
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: not a boilercut model file ({error})") from None
        if header.get("format") not in READABLE:
            raise ConfigError(
                f"{path}: model format {header.get('format')!r},"
                f" this boilercut reads {READABLE[0]} to {FORMAT}: retrain it"
            )
        try:
            model = cls(
                lexicon=arrays["lexicon"].astype(np.float32),
                lexicon_intercept=float(header["lexicon_intercept"]),
                first=Forest.from_arrays(_part(arrays, "first")),
                second=Forest.from_arrays(_part(arrays, "second")),
                first_features=tuple(header["first_features"]),
                second_features=tuple(header["second_features"]),
                known=np.unpackbits(arrays["known"]).astype(bool),
                threshold=float(header["threshold"]),
                page=Forest.from_arrays(_part(arrays, "page")) if header.get("page_features") else None,
                page_threshold=float(header.get("page_threshold", 0.0)),
                info=dict(header.get("info", {})),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ConfigError(f"{path}: damaged model file (missing or bad {error})") from None
        _check_features(path, model, tuple(header.get("page_features", ())))
        return model


def _part(arrays: dict[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    return {name.split(".", 1)[1]: value for name, value in arrays.items() if name.startswith(prefix + ".")}


def _check_features(path: Path, model: Model, page_features: tuple[str, ...]) -> None:
    """A model reads features by position: their names must be the ones this code computes."""
    from .feature_names import FIRST_FEATURES, SECOND_FEATURES

    stages = [("first", model.first_features, FIRST_FEATURES), ("second", model.second_features, SECOND_FEATURES)]
    if model.page is not None:
        stages.append(("page", page_features, PAGE_FEATURES))
    for stage, theirs, ours in stages:
        if tuple(theirs) != tuple(ours):
            missing = sorted(set(ours) - set(theirs))[:3]
            raise ConfigError(
                f"{path}: the {stage} stage was trained on other features than this boilercut computes"
                f"{' (it lacks ' + ', '.join(missing) + ')' if missing else ''}: retrain it with `boilercut train`"
            )


def shipped_path() -> Path:
    return Path(__file__).parent / SHIPPED  # as the vocabulary files: importlib.resources costs 5 ms to import


@functools.cache
def shipped() -> Model:
    """The model that ships with boilercut, loaded once."""
    return Model.load(shipped_path())


@functools.cache
def load(path: Path) -> Model:
    """A model file, loaded once per process."""
    return Model.load(path)
