"""Stream a large generated pacs.008 file through `banscreen scan` (a benchmark, not a test).

    python bench/payments_stream.py [--megabytes 1024] [--keep]

Writes a pacs.008.001.08 message of about the given size (counterparties repeating as in
real payment files, some of them covered companies, some names in Chinese), then runs
`banscreen scan payments` on a tenth of it and on all of it, and prints records/s and the
peak resident memory of each run: flat memory means both peaks are about the same.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
<FIToFICstmrCdtTrf>
<GrpHdr><MsgId>BENCH-{n}</MsgId><CreDtTm>2021-03-15T09:00:00Z</CreDtTm><NbOfTxs>{count}</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>
"""
TX = """<CdtTrfTxInf><PmtId><InstrId>I{i}</InstrId><EndToEndId>E2E-{i}</EndToEndId><TxId>TX-{i}</TxId></PmtId><IntrBkSttlmAmt Ccy="USD">{amount}</IntrBkSttlmAmt><IntrBkSttlmDt>2021-03-{day:02d}</IntrBkSttlmDt><ChrgBr>SHAR</ChrgBr><Dbtr><Nm>{debtor}</Nm><PstlAdr><Ctry>US</Ctry></PstlAdr></Dbtr><DbtrAgt><FinInstnId><BICFI>CHASUS33XXX</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>{bic}</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>{creditor}</Nm><PstlAdr><Ctry>{country}</Ctry></PstlAdr></Cdtr><RmtInf><Ustrd>{text}</Ustrd></RmtInf></CdtTrfTxInf>
"""
TAIL = "</FIToFICstmrCdtTrf>\n</Document>\n"
COVERED = ["Tenpay Payment Technology Co., Ltd.", "财付通支付科技有限公司", "ZHUHAI KINGSOFT OFFICE SOFTWARE CO LTD",
           "Riot Games, Inc.", "Alipay (Hangzhou) Information Technology Co., Ltd.", "深圳市腾讯计算机系统有限公司"]  # fmt: skip


def generate(path: Path, megabytes: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    pool = [f"{rng.choice(['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli'])} "
            f"{rng.choice(['Trading', 'Foods', 'Labs', 'Logistics', 'Partners'])} {k} LLC" for k in range(4000)]  # fmt: skip
    pool += COVERED * 20
    target = megabytes * 1024 * 1024
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEAD.format(n=seed, count="0"))
        written = 0
        while written < target:
            creditor = rng.choice(pool)
            chunk = TX.format(
                i=count, amount=f"{rng.uniform(10, 90000):.2f}", day=rng.randint(1, 31),
                debtor="Example Importers Inc", bic=rng.choice(["ICBKCNBJSZN", "DEUTDEFFXXX", "BOFAUS3NXXX"]),
                creditor=creditor, country=rng.choice(["CN", "US", "DE"]), text=f"Invoice {count}",
            )  # fmt: skip
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            count += 1
        fh.write(TAIL)
    return count


def run(path: Path, count: int) -> dict[str, float]:
    banscreen = Path(sys.executable).with_name("banscreen")
    out = path.with_suffix(".decisions.csv")
    # A wrapper process per run, so each run's peak memory is its own.
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [str(banscreen), "scan", "payments", str(path), "--out", str(out), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command], check=True, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    rss = int(done.stdout.strip().splitlines()[-1]) / 1024
    with out.open(encoding="utf-8") as fh:
        rows = sum(1 for _ in fh) - 1
    out.unlink()
    assert rows == count, f"{rows} rows for {count} records"
    return {"records": count, "megabytes": path.stat().st_size / 2**20, "seconds": elapsed,
            "records_per_s": count / elapsed, "peak_rss_mb": rss}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=1024)
    parser.add_argument("--dir", type=Path, default=None, help="where to write the files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        results = []
        for size in (max(1, args.megabytes // 10), args.megabytes):
            path = Path(tmp) / f"pacs008-{size}mb.xml"
            count = generate(path, size)
            results.append(run(path, count))
            path.unlink()
    print(f"{'file MB':>8}{'records':>12}{'seconds':>10}{'records/s':>12}{'peak RSS MB':>13}")
    for r in results:
        print(
            f"{r['megabytes']:>8.0f}{r['records']:>12,.0f}{r['seconds']:>10.1f}{r['records_per_s']:>12,.0f}{r['peak_rss_mb']:>13.0f}"
        )


if __name__ == "__main__":
    main()
