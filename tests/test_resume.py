"""A batch killed with SIGKILL at a random point resumes without losing or repeating rows."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

HEADER = ["id", "date", "category", "counterparty_name", "counterparty_country",
          "counterparty_identifiers", "us_nexus", "text", "amount"]  # fmt: skip
NAMES = ["Tenpay Payment Technology Co., Ltd.", "腾讯控股有限公司", "Riot Games, Inc.", "VMware, Inc.",
         "ZHUHAI KINGSOFT OFFICE SOFTWARE CO LTD", "Alipay", "Tencnet Holdings"]  # fmt: skip
BANSCREEN = str(Path(sys.executable).with_name("banscreen"))


def write_input(path: Path, rows: int) -> None:
    rng = random.Random(200_000)
    pool = [*NAMES, *(f"Trading Partner {k} LLC" for k in range(rows // 20))]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for i in range(rows):
            day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if i % 9973 == 0:
                day = "2021-02-30"  # malformed rows stay in place as ERROR rows
            writer.writerow([f"T{i:07d}", day, "payment", rng.choice(pool), "", "",
                             rng.choice(["true", "unknown"]), "", f"{rng.uniform(1, 9999):.2f}"])  # fmt: skip


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_kill_and_resume(tmp_path: Path) -> None:
    rows = 200_000
    source = tmp_path / "in.csv"
    write_input(source, rows)

    reference = tmp_path / "reference.csv"
    started = time.perf_counter()
    subprocess.run(
        [BANSCREEN, "screen", str(source), "--out", str(reference), "--quiet"], check=True
    )
    duration = time.perf_counter() - started

    out = tmp_path / "out.csv"
    partial = tmp_path / "out.csv.partial"
    checkpoint = tmp_path / "out.csv.partial.checkpoint"
    command = [BANSCREEN, "screen", str(source), "--out", str(out), "--quiet"]
    process = subprocess.Popen(command)
    deadline = time.perf_counter() + duration * 3
    while not checkpoint.exists() and time.perf_counter() < deadline:
        time.sleep(0.05)
    assert checkpoint.exists(), "the run wrote no checkpoint"
    time.sleep(random.uniform(0.0, duration * 0.5))
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert not out.exists(), "a killed run must not leave a file that looks complete"
    assert partial.exists()

    subprocess.run([*command, "--resume"], check=True)
    assert out.exists() and not partial.exists() and not checkpoint.exists()

    expected = read_rows(reference)
    resumed = read_rows(out)
    ids = [r["id"] for r in resumed]
    assert len(ids) == rows and len(set(ids)) == rows, "every input id exactly once"
    assert resumed == expected, "the same decisions as an uninterrupted run"


def test_resume_refuses_another_input(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    write_input(source, 30_000)
    out = tmp_path / "out.csv"
    process = subprocess.Popen([BANSCREEN, "screen", str(source), "--out", str(out), "--quiet"])
    checkpoint = tmp_path / "out.csv.partial.checkpoint"
    deadline = time.perf_counter() + 60
    while not checkpoint.exists() and time.perf_counter() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    write_input(source, 30_001)  # the input changed since the checkpoint
    result = subprocess.run(
        [BANSCREEN, "screen", str(source), "--out", str(out), "--quiet", "--resume"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2 and "another input" in result.stderr


def test_ctrl_c_says_how_to_resume_and_resume_finishes(tmp_path: Path) -> None:
    """SIGINT (Ctrl-C) exits 130 and says --resume continues; the resumed run then gives
    exactly what an uninterrupted run gives."""
    src = tmp_path / "in.csv"
    write_input(src, 150_000)
    full, cut = tmp_path / "full.csv", tmp_path / "cut.csv"
    subprocess.run([BANSCREEN, "screen", str(src), "--out", str(full), "--quiet"], check=True)
    checkpoint = cut.with_name(cut.name + ".partial.checkpoint")
    process = subprocess.Popen(
        [BANSCREEN, "screen", str(src), "--out", str(cut), "--quiet"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not any(tmp_path.glob("cut.csv.partial*checkpoint*")) and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "--resume" in stderr and "Traceback" not in stderr
    assert not cut.exists()
    subprocess.run(
        [BANSCREEN, "screen", str(src), "--out", str(cut), "--quiet", "--resume"], check=True
    )
    assert read_rows(cut) == read_rows(full)
    assert not checkpoint.exists()
