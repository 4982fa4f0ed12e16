"""Words and phrases that mark page furniture, one data file per language, checked when loaded.

``load()`` reads the shipped files once; ``load(folder)`` reads another folder of them.
"""

from .loader import load
from .model import COMMON, LANGUAGES, TABLES, Vocabulary, Words

__all__ = ["COMMON", "LANGUAGES", "TABLES", "Vocabulary", "Words", "load"]
