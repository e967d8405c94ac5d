"""Coverage-guided fuzzing of every parser and the normaliser with atheris (a bench, not a test).

    pip install atheris
    python bench/fuzz.py --all --seconds 60        # every harness, one after another
    python bench/fuzz.py --all --only ftm,csl-csv  # some of them
    python bench/fuzz.py HARNESS [libFuzzer flags]  # one harness, e.g. -max_total_time=60

Each harness feeds fuzzer-made input to one parser and allows only the errors that parser is
meant to raise for bad input (InputError, FieldError, IdentifierError); anything else is a
crash, which libFuzzer saves as crash-* for a regression test. Seeds come from the test
fixtures and the hostile-input corpus. The summary prints executions per harness.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT / "tests" / "corpus"
SEEDS: dict[str, list[Path]] = {
    "normalise": [],
    "compare": [],
    "identifier": [],
    "row": [],
    "csv": [*CORPUS.glob("*.csv"), ROOT / "src/banscreen/data/samples/transactions.csv"],
    "payments": [*FIXTURES.glob("payments/*.xml"), CORPUS / "billion-laughs.xml"],
    "cyclonedx": [*FIXTURES.glob("sbom/*cyclonedx*"), CORPUS / "sbom-truncated.cdx.json"],
    "npm": [FIXTURES / "sbom/package-lock.json"],
    "podfile": [FIXTURES / "sbom/Podfile.lock"],
    "gradle": [FIXTURES / "sbom/gradle-dependencies.txt"],
    "domains": [FIXTURES / "domains/customers.txt"],
    "inventory": [FIXTURES / "apps/mdm-export.csv", FIXTURES / "apps/mdm-export.json"],
    "ofac-xml": [FIXTURES / "lists/sdn_advanced.xml", FIXTURES / "lists/sdn.xml"],
    "ofac-csv": [FIXTURES / "lists/ofac_csv/sdn.csv"],
    "csl-csv": [FIXTURES / "lists/consolidated.csv"],
    "csl-json": [FIXTURES / "lists/consolidated.json"],
    "ftm": [FIXTURES / "lists/opensanctions.ftm.json"],
}


def _harnesses() -> dict[str, Callable[[bytes], None]]:
    import atheris

    with atheris.instrument_imports():
        from banscreen.batch import Pipeline
        from banscreen.engine import Screener, ScreenOptions
        from banscreen.errors import FieldError, InputError
        from banscreen.match import IdentifierError, normalise
        from banscreen.model import IDENTIFIER_KINDS
        from banscreen.registry import load_registry
        from banscreen.sources import read_list
        from banscreen.sources.entities import VersionInfo, imported_data
        from banscreen.surfaces.apps import read_inventory
        from banscreen.surfaces.domains import read_domains
        from banscreen.surfaces.payments import read_payments
        from banscreen.surfaces.rows import INPUT_COLUMNS, parse_row
        from banscreen.surfaces.sbom import read_sbom
        from banscreen.surfaces.scan import ScanOptions
        from banscreen.surfaces.tabular import TransactionFile

    screener = Screener(load_registry())
    matcher = screener.matcher
    options = ScreenOptions(as_of=date(2021, 3, 15))
    scan_options = ScanOptions(as_of=date(2021, 3, 15))
    workdir = Path(tempfile.mkdtemp(prefix="banscreen-fuzz-"))

    def as_file(data: bytes, name: str) -> Path:
        path = workdir / name
        path.write_bytes(data)
        return path

    def normalise_text(data: bytes) -> None:
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(200)
        key = matcher.normaliser.key(text)
        assert matcher.normaliser.key(key) == key, (text, key)
        matcher.match_name(text)

    def compare(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        a, b = provider.ConsumeUnicodeNoSurrogates(80), provider.ConsumeUnicodeNoSurrogates(80)
        ab, ba = matcher.compare(a, b)[0], matcher.compare(b, a)[0]
        assert abs(ab - ba) < 1e-9 and 0.0 <= ab <= 1.0, (a, b, ab, ba)

    def identifier(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        kind = provider.PickValueInList(list(IDENTIFIER_KINDS))  # every kind, new ones too
        with contextlib.suppress(IdentifierError):
            normalise(kind, provider.ConsumeUnicodeNoSurrogates(120))

    def row(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        raw = {column: provider.ConsumeUnicode(60) for column in INPUT_COLUMNS}
        with contextlib.suppress(FieldError):
            screener.decide(parse_row(raw), options)

    def csv_file(data: bytes) -> None:
        try:
            source = TransactionFile(as_file(data, "in.csv"))
            source.open_header()
            list(Pipeline(screener, options).decisions(source.rows()))
        except InputError:
            pass

    def reader(name: str, read: Callable[[Path], object]) -> Callable[[bytes], None]:
        def harness(data: bytes) -> None:
            with contextlib.suppress(InputError):
                list(Pipeline(screener, options).scanned(read(as_file(data, name))))  # type: ignore[arg-type]

        return harness

    def list_reader(name: str, fmt: str) -> Callable[[bytes], None]:
        """A list file: parsed and turned into registry data, or refused with a ListError."""

        def harness(data: bytes) -> None:
            with contextlib.suppress(InputError):
                content = read_list(as_file(data, name), fmt)
                info = VersionInfo("fuzz", "fuzz", fmt, "fuzz")
                imported_data(info, content, screener.registry.entities, matcher.normaliser.key)

        return harness

    return {
        "normalise": normalise_text,
        "compare": compare,
        "identifier": identifier,
        "row": row,
        "csv": csv_file,
        "payments": reader("pay.xml", lambda p: read_payments(p, scan_options)),
        "cyclonedx": reader("bom.json", lambda p: read_sbom(p, "cyclonedx", scan_options)),
        "npm": reader("package-lock.json", lambda p: read_sbom(p, "npm", scan_options)),
        "podfile": reader("Podfile.lock", lambda p: read_sbom(p, "cocoapods", scan_options)),
        "gradle": reader("deps.txt", lambda p: read_sbom(p, "gradle", scan_options)),
        "domains": reader("hosts.txt", lambda p: read_domains(p, scan_options)),
        "inventory": reader("mdm.csv", lambda p: read_inventory(p, scan_options)),
        "ofac-xml": list_reader("sdn.xml", "ofac-xml"),
        "ofac-csv": list_reader("sdn.csv", "ofac-csv"),
        "csl-csv": list_reader("csl.csv", "csl-csv"),
        "csl-json": list_reader("csl.json", "csl-json"),
        "ftm": list_reader("entities.ftm.json", "ftm"),
    }


def run_one(name: str, flags: list[str]) -> None:
    import atheris

    harness = _harnesses()[name]
    atheris.Setup([sys.argv[0], *flags], harness)
    atheris.Fuzz()


def run_all(seconds: int, only: list[str] | None = None) -> int:
    rows = []
    crashed = 0
    for name in only or list(SEEDS):
        corpus = Path(tempfile.mkdtemp(prefix=f"seeds-{name}-"))
        for i, seed in enumerate(p for p in SEEDS[name] if p.is_file()):
            shutil.copy(seed, corpus / f"seed-{i}")
        artifacts = ROOT / "bench" / "out" / "fuzz" / name
        artifacts.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, __file__, name, f"-max_total_time={seconds}", "-print_final_stats=1",
            "-rss_limit_mb=4096", f"-artifact_prefix={artifacts}{os.sep}", str(corpus),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True)
        execs = re.search(r"stat::number_of_executed_units:\s*(\d+)", done.stderr)
        ok = done.returncode == 0
        crashed += not ok
        rows.append((name, int(execs.group(1)) if execs else 0, "ok" if ok else "CRASH"))
        if not ok:
            print(done.stderr[-3000:], file=sys.stderr)
        shutil.rmtree(corpus, ignore_errors=True)
    print(f"{'harness':<12}{'seconds':>9}{'executions':>13}{'execs/s':>10}  result")
    for name, execs, result in rows:
        print(f"{name:<12}{seconds:>9}{execs:>13,}{execs / seconds:>10,.0f}  {result}")
    return crashed


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in SEEDS:
        run_one(sys.argv[1], sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="run every harness")
    parser.add_argument("--only", default="", help="comma-separated harnesses (with --all)")
    parser.add_argument("--seconds", type=int, default=60, help="time per harness")
    args = parser.parse_args()
    if not args.all:
        parser.error(f"name a harness ({', '.join(SEEDS)}) or --all")
    only = [n for n in args.only.split(",") if n]
    unknown = [n for n in only if n not in SEEDS]
    if unknown:
        parser.error(f"unknown harnesses {unknown}; known: {', '.join(SEEDS)}")
    sys.exit(1 if run_all(args.seconds, only) else 0)


if __name__ == "__main__":
    main()
