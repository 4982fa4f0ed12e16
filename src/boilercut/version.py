"""boilercut's version (pyproject.toml says the same): what `--version` prints, and what
caches and model files are stamped with."""

__version__ = "0.1.0"
