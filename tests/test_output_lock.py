"""One run writes one output file at a time: a second run given the same --out is refused
at once with the file named, instead of truncating the first run's rows and failing with a
traceback at the final rename; an output folder that does not exist is refused the same way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from banscreen.batch.writer import DecisionWriter
from banscreen.errors import InputError

BANSCREEN = str(Path(sys.executable).with_name("banscreen"))
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "banscreen" / "data" / "samples"


def test_a_second_writer_of_one_output_is_refused_until_the_first_is_done(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out.csv"
    first = DecisionWriter(out, "csv", [])
    with pytest.raises(InputError, match="another run is writing"):
        DecisionWriter(out, "csv", [])
    first.close()
    assert out.exists() and not (tmp_path / "out.csv.lock").exists()
    second = DecisionWriter(out, "csv", [])  # free again
    second.close()


def test_screen_refuses_an_output_another_run_is_writing(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    first = DecisionWriter(out, "csv", [])
    first.write_chunk([["row-of-the-first-run"]])
    result = subprocess.run(
        [BANSCREEN, "screen", str(SAMPLE / "transactions.csv"), "--out", str(out), "--quiet"],
        capture_output=True, text=True,
    )  # fmt: skip
    first.close()
    assert result.returncode == 2, result.stderr
    assert "another run is writing" in result.stderr and "Traceback" not in result.stderr
    assert "row-of-the-first-run" in out.read_text(encoding="utf-8")


def test_screen_refuses_an_output_folder_that_does_not_exist(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "out.csv"
    result = subprocess.run(
        [BANSCREEN, "screen", str(SAMPLE / "transactions.csv"), "--out", str(out), "--quiet"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2 and "cannot write the output there" in result.stderr
    assert "Traceback" not in result.stderr
