"""The vocabulary data files: the shipped ones load whole, and a bad file is reported exactly."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

import pytest

from boilercut.classify import language, vocabulary
from boilercut.classify.cues import _may_have_cue, cue
from boilercut.classify.lines import measure_all
from boilercut.errors import ConfigError, VocabularyError

SHIPPED = vocabulary.load()
CUE_CASES = Path(__file__).parent / "cue_cases"


def test_every_shipped_file_loads() -> None:
    assert set(SHIPPED.by_file) == {vocabulary.COMMON, *vocabulary.LANGUAGES}
    for name, words in SHIPPED.by_file.items():
        assert any(getattr(words, table) for table in vocabulary.TABLES), name


@pytest.mark.parametrize(
    ("table", "entry", "language"),
    [
        ("boilerplate_lines", "share this article", "en"),
        ("comment_lines", "kommentar schreiben", "de"),
        ("related_prefixes", "à lire aussi", "fr"),
        ("ad_lines", "на правах рекламы", "ru"),
        ("promo_phrases", "pobierz aplikację", "pl"),
        ("months", "mai", "fr"),  # in de and fr: the old list held it once, for both
        ("meta_prefixes", "autor", "pt"),
        ("connectives", "the", "en"),  # Title Case's small words are connectives too
        ("agencies", "getty images", vocabulary.COMMON),
        ("social_networks", "вконтакте", vocabulary.COMMON),
    ],
)
def test_an_entry_is_in_its_language_file_and_in_the_merged_concept(table: str, entry: str, language: str) -> None:
    assert entry in getattr(SHIPPED.by_file[language], table)
    assert entry in getattr(SHIPPED.merged, table)


def test_an_entry_of_one_language_is_not_in_another() -> None:
    assert "kommentar schreiben" not in SHIPPED.by_file["en"].comment_lines
    assert "share this article" not in SHIPPED.by_file["de"].boilerplate_lines


def test_each_language_file_names_a_language_the_classifier_detects() -> None:
    assert set(vocabulary.LANGUAGES.values()) <= set(language.languages())


def test_title_small_words_are_connectives() -> None:
    assert SHIPPED.merged.title_small_words <= SHIPPED.merged.connectives


def test_the_shipped_vocabulary_is_read_once_and_frozen() -> None:
    assert vocabulary.load() is SHIPPED
    with pytest.raises(dataclasses.FrozenInstanceError):
        SHIPPED.merged.months = frozenset()  # type: ignore[misc]


def test_a_folder_of_files_is_merged_by_concept(tmp_path: Path) -> None:
    (tmp_path / "de.toml").write_text('comment_lines = ["kommentare"]\nmonths = ["mai"]\n', encoding="utf-8")
    (tmp_path / "fr.toml").write_text('months = ["mai", "juin"]\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a vocabulary file", encoding="utf-8")
    loaded = vocabulary.load(tmp_path)
    assert loaded.merged.months == {"mai", "juin"}
    assert loaded.merged.comment_lines == {"kommentare"}
    assert loaded.by_file["fr"].comment_lines == frozenset()
    assert set(loaded.by_file) == {"de", "fr"}


def test_a_folder_read_again_comes_from_the_cache_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOILERCUT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "vocab"
    folder.mkdir()
    (folder / "fr.toml").write_text('months = ["mai"]\n', encoding="utf-8")
    read = vocabulary.load.__wrapped__  # past the once-a-run memo: as a new run reads it
    assert read(folder).merged.months == {"mai"}
    entries = list((tmp_path / "cache").glob("vocabulary-*.pickle"))
    assert len(entries) == 1
    assert read(folder).by_file == read(folder).by_file
    assert list((tmp_path / "cache").glob("vocabulary-*.pickle")) == entries
    (folder / "fr.toml").write_text('months = ["mai", "juin"]\n', encoding="utf-8")
    assert read(folder).merged.months == {"mai", "juin"}
    (folder / "fr.toml").write_text('months = ["Mai"]\n', encoding="utf-8")
    with pytest.raises(VocabularyError, match="lower-case"):
        read(folder)


LANGUAGE_CODES = ", ".join(sorted(vocabulary.LANGUAGES))

# (file name, its text, the exact message; the folder is named "vocab")
BAD_FILES = [
    (
        "de.toml",
        'comment_lines = [\n    "kommentare",\n    "kommentar",\n    "leserkommentare",\n    "Kommentare ",\n]\n',
        'vocab/de.toml:5: comment_lines[3]: "Kommentare ": entries must be stripped lower-case text; '
        'write "kommentare"',
    ),
    (
        "de.toml",
        'months = ["mai"]\ncomment_lines = [\n    "kommentare",\n    "",\n]\n',
        'vocab/de.toml:4: comment_lines[1]: "": entries must not be empty',
    ),
    (
        "de.toml",
        'comment_lines = ["  "]\n',
        'vocab/de.toml:1: comment_lines[0]: "  ": entries must not be empty',
    ),
    (
        "fr.toml",
        'related_prefixes = [\n    "lire aussi",\n    "à lire aussi",\n    "lire aussi",\n]\n',
        'vocab/fr.toml:4: related_prefixes[2]: "lire aussi": listed twice in this table (first at [0]); remove one',
    ),
    (
        "en.toml",
        'months = ["may"]\n\ncoment_lines = ["comments"]\n',
        "vocab/en.toml:3: coment_lines: unknown table; did you mean 'comment_lines'?",
    ),
    (
        "en.toml",
        'comment_lines = "comments"\n',
        'vocab/en.toml:1: comment_lines: must be an array of strings, like comment_lines = ["..."]',
    ),
    (
        "en.toml",
        "[comment_lines]\nfirst = 'comments'\n",
        'vocab/en.toml:1: comment_lines: must be an array of strings, like comment_lines = ["..."]',
    ),
    (
        "en.toml",
        'months = [\n    "may",\n    5,\n]\n',
        "vocab/en.toml:1: months[1]: 5: entries must be strings",
    ),
    (
        "sv.toml",
        'months = ["maj"]\n',
        f"vocab/sv.toml: unknown language file: name it common.toml or after a language code ({LANGUAGE_CODES}); "
        "a new language also needs its code in LANGUAGES (boilercut/classify/vocabulary/model.py)",
    ),
    (
        "en.toml",
        'months = ["may"]\nad_lines = [may]\n',
        "vocab/en.toml:2: invalid TOML: Invalid value (at line 2, column 13)",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_FILES)
def test_a_bad_file_is_reported_with_file_line_table_and_entry(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    folder = tmp_path / "vocab"
    folder.mkdir()
    (folder / "common.toml").write_text('agencies = ["afp"]\n', encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as raised:
        vocabulary.load(folder)
    assert str(raised.value) == message


def test_a_folder_without_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no vocabulary files"):
        vocabulary.load(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError) as raised:
        vocabulary.load(tmp_path / "nowhere")
    assert str(raised.value) == f"{tmp_path / 'nowhere'}: cannot read the vocabulary folder: No such file or directory"


def _cue_cases() -> list[Any]:  # pytest.param values
    """Every case of tests/cue_cases/*.toml, named by file and line text."""
    cases = []
    for path in sorted(CUE_CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["cases"]:
            cases.append(pytest.param(case["text"], case["rule"] or None, id=f"{path.stem}: {case['text'][:40]}"))
    return cases


def test_every_language_has_cue_cases() -> None:
    assert {path.stem for path in CUE_CASES.glob("*.toml")} == set(vocabulary.LANGUAGES)


@pytest.mark.parametrize(("text", "rule"), _cue_cases())
def test_furniture_carries_the_cue_of_its_kind(text: str, rule: str | None) -> None:
    """A page's consent, paywall, newsletter, comment and related-list lines carry the cues the
    model learned from English pages' (the benchmark pages are nearly all English), in every
    language with a word list; prose carries none."""
    (line,) = measure_all([text], None).lines
    found = cue(line)
    assert (found.rule if found else None) == rule
    assert _may_have_cue(line) or found is None  # the cheap pre-check does not skip it


@pytest.mark.parametrize("text", ["You may also like…", "You may also like...", "More from Space ..."])
def test_an_ellipsis_does_not_end_a_related_heading(text: str) -> None:
    (line,) = measure_all([text], None).lines
    found = cue(line)
    assert found is not None and found.rule == "G401"


def test_a_sentence_opening_like_a_related_heading_is_none() -> None:
    (line,) = measure_all(["Read more about it later."], None).lines
    found = cue(line)
    assert found is None or found.rule != "G401"
