"""A command imports only what it runs: `match` against cached packs loads neither the list
importers, the YAML reader, pydantic, the batch runtime nor normality's transliterators; the
shortcuts that make that so (the command table, rigour's compiled core called directly)
answer exactly as what they stand in for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rigour.names import org_types
from rigour.text import is_stopword
from rigour.text import normalize as rigour_normalize
from rigour.text.translit import ascii_text as rigour_ascii_text
from typer.main import get_command

from banscreen import cli
from banscreen.match import rigour_core

# What a `match` of a Latin name against cached packs must not import.
_HEAVY = (
    "pydantic",
    "yaml",
    "lxml",
    "normality",
    "pyarrow",
    "fastapi",
    "banscreen.batch",
    "banscreen.api",
    "banscreen.registry.schema",
    "banscreen.sources.formats",
    "banscreen.sources.programs",
    "wordfreq",  # its list takes a tenth of a second to read: asked only when needed
    "icu",  # ICU's lookalike checker: asked by a Cyrillic or Greek letter only
    "multiprocessing",  # for a large list's index build only
    "concurrent.futures",
    "pypinyin",
)
_PROBE = """
import json, sys
sys.argv = ["banscreen", *sys.argv[1:]]
from banscreen.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    env = {**os.environ, "BANSCREEN_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(run.stderr.strip().splitlines()[-1]))


def test_match_imports_only_what_it_runs(tmp_path: Path) -> None:
    args = ["match", "Tencent Holdings", "--json"]
    _modules_loaded_by(args, tmp_path)  # the first run reads the packs and caches them
    loaded = _modules_loaded_by(args, tmp_path)
    heavy = sorted(m for m in loaded if m.startswith(_HEAVY))
    assert not heavy, heavy
    assert "banscreen.cli.names" in loaded and "banscreen.cli.screening" not in loaded


def test_a_cyrillic_name_reads_pinyin_syllables_without_pypinyin(tmp_path: Path) -> None:
    """Palladius' syllables (a Chinese name in Cyrillic) come from the cache once derived:
    importing pypinyin and training its word cutter took a Cyrillic name's `match` from half
    a second to one."""
    args = ["match", "Си Цзиньпин", "--json"]
    _modules_loaded_by(args, tmp_path)
    loaded = _modules_loaded_by(args, tmp_path)
    assert "banscreen.match.palladius" in loaded
    assert not any(m.startswith("pypinyin") for m in loaded)


def test_help_still_lists_every_command(tmp_path: Path) -> None:
    env = {**os.environ, "BANSCREEN_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-m", "banscreen.cli", "--help"], env=env, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    for name in cli.COMMAND_MODULES:
        assert name in run.stdout, name


def test_the_command_table_names_the_module_of_every_command() -> None:
    root = get_command(cli.app)
    commands = getattr(root, "commands", {})
    assert set(commands) == set(cli.COMMAND_MODULES)
    for name, command in commands.items():
        leaves = list(getattr(command, "commands", {}).values()) or [command]
        for leaf in leaves:
            module = leaf.callback.__module__.rsplit(".", 1)[-1]
            assert module in cli.COMMAND_MODULES[name], (name, leaf.name, module)
    assert {m for ms in cli.COMMAND_MODULES.values() for m in ms} == set(cli.MODULES)


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["match", "x"], ("names",)),
        (["--home", "/tmp/h", "match", "x"], ("names",)),
        (["--home=/tmp/h", "lists", "import", "f"], ("lists", "rescreening")),
        (["--help"], cli.MODULES),
        ([], cli.MODULES),
        (["--hom", "x", "match"], cli.MODULES),  # a mistyped option: click says what is wrong
        (["mtach", "x"], cli.MODULES),  # an unknown command: click suggests the right one
    ],
)
def test_a_run_registers_the_named_command_or_all(
    args: list[str], modules: tuple[str, ...]
) -> None:
    assert cli.command_modules(args) == modules


# ------------------------------------------------------------- rigour's core, called directly
def test_the_flags_are_rigours() -> None:
    for ours, theirs in ((rigour_core.Normalize, rigour_normalize.Normalize),
                         (rigour_core.Cleanup, rigour_normalize.Cleanup)):  # fmt: skip
        assert {m.name: m.value for m in ours} == {m.name: m.value for m in theirs}


_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(["Société", "Anonyme", "GmbH", "S.A.", "ООО", "Газпром", "Ltd", "株式会社",
                         "Co.", "LLC", "Holdings", "Müller", "Ἀθῆναι", "東京", "محمد", "Sp. z o.o."]),
        max_size=5,
    ).map(" ".join),
)  # fmt: skip
_FLAGS = [
    rigour_core.Normalize.CASEFOLD,
    rigour_core.Normalize.CASEFOLD | rigour_core.Normalize.NFKD,
]


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(_FLAGS), st.sampled_from(list(rigour_core.Cleanup)), st.booleans())
def test_the_core_answers_as_rigours_wrappers(
    text: str, flags: rigour_core.Normalize, cleanup: rigour_core.Cleanup, generic: bool
) -> None:
    theirs_flags = rigour_normalize.Normalize(int(flags))
    theirs_cleanup = rigour_normalize.Cleanup(int(cleanup))
    assert rigour_core.normalize(text, flags, cleanup) == rigour_normalize.normalize(
        text, theirs_flags, theirs_cleanup
    )
    folded = rigour_normalize.normalize(text, theirs_flags, theirs_cleanup) or ""
    assert rigour_core.remove_org_types(folded, " ", flags, cleanup) == org_types.remove_org_types(
        folded, " ", theirs_flags, theirs_cleanup
    )
    assert rigour_core.extract_org_types(folded, flags, cleanup, generic) == (
        org_types.extract_org_types(folded, theirs_flags, theirs_cleanup, generic)
    )
    assert rigour_core.ascii_text(text) == rigour_ascii_text(text)


def test_the_stopwords_are_rigours() -> None:
    words = rigour_core.stopwords()
    assert "to" in words and "for" in words
    # "&" normalises to nothing in rigour's lookup: no word of a name is it.
    assert all(is_stopword(word, normalize=True) for word in words if word.isalnum())
