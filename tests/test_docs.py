"""Every command and reason code is documented in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from banscreen.cli import app
from banscreen.decide import reasons

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert commands
    for name in commands:
        assert f"banscreen {name}" in README, name


def test_every_reason_code_is_documented() -> None:
    assert len(set(reasons.ALL)) == len(reasons.ALL) >= 20
    for code in reasons.ALL:
        assert f"`{code}`" in README, code


def test_every_matching_setting_is_documented() -> None:
    import yaml

    from banscreen.registry import shipped_data_dir

    doc = (Path(__file__).resolve().parents[1] / "docs" / "matching.md").read_text("utf-8")
    settings = yaml.safe_load((shipped_data_dir() / "matching.yaml").read_text("utf-8"))
    for key, value in settings.items():
        names = [f"{key}.{sub}" for sub in value] if key == "thresholds" else [key]
        for name in names:
            assert f"`{name}`" in doc, name


def test_reason_codes_from_data_are_documented() -> None:
    from banscreen.registry import load_registry

    registry = load_registry()
    codes = {p.enforcement_reason for p in registry.programs.values()}
    codes |= {
        i.reason for e in registry.entities.values() for i in e.identifiers if i.reason is not None
    }
    for code in codes:
        assert f"`{code}`" in README, code


def test_every_list_program_reason_is_documented() -> None:
    from banscreen.sources.programs import load_list_programs

    config = load_list_programs()
    for code in {p.reason for p in config.programs} | {config.unmapped.reason}:
        assert f"`{code}`" in README, code
    for fmt in ("ofac-xml", "ofac-csv", "csl-csv", "csl-json", "ftm"):
        assert f"`{fmt}`" in README, fmt


def _blocks(opening: str) -> list[tuple[str, str]]:
    """(opening line, body) of each fenced README block whose opening starts so."""
    out, lines, head = [], [], None
    for line in README.splitlines():
        if head is None and line.startswith(opening):
            head, lines = line, []
        elif head is not None and line.startswith("```"):
            out.append((head, "\n".join(lines)))
            head = None
        elif head is not None:
            lines.append(line)
    return out


def test_the_readme_examples_are_what_banscreen_prints(tmp_path: Path) -> None:
    """Every `$ banscreen …` example in the README runs on the files the README gives
    (```csv title=NAME blocks) and prints exactly what is shown: they cannot go stale."""
    import shlex

    from typer.testing import CliRunner

    files = {head.split("=", 1)[1].strip(): body for head, body in _blocks("```csv title=")}
    assert files, "the README gives its example input"
    for name, text in files.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    examples = [body for _, body in _blocks("```text") if body.startswith("$ banscreen ")]
    assert len(examples) >= 2
    runner = CliRunner()
    for block in examples:
        command, *expected = block.splitlines()
        args = [str(tmp_path / a) if a in files else a for a in shlex.split(command)[2:]]
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), (command, result.output)
        assert result.stdout.splitlines() == expected, command
