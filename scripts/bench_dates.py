"""Characters per second of ``extract_dates`` alone, on one core.

The corpus is every text file under ``samples/`` (``*.txt``, read as UTF-8 or CP932; HTML is left
out: its markup is not what the extractor reads) plus the seed release when ``../shared/seeds`` is
there, each document extracted on its own, repeated until the run lasts long enough to measure.

    python scripts/bench_dates.py [--seconds 3] [--min-rate 100000]

Exits with status 1 when the rate is below ``--min-rate``.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from prextract.dates import extract_dates

ROOT = Path(__file__).resolve().parents[1]


def _read(path: Path) -> str | None:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def corpus() -> list[str]:
    paths = sorted((ROOT / "samples").rglob("*.txt"))
    paths += sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    texts = [text for text in (_read(p) for p in paths) if text]
    if not texts:
        raise SystemExit("no text found under samples/ or ../shared/seeds")
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to run (default 3)")
    parser.add_argument("--min-rate", type=float, default=100_000, help="chars/s below which to fail")
    args = parser.parse_args(argv)
    texts = corpus()
    chars = sum(len(t) for t in texts)
    for text in texts:                       # warm up: lexicons and patterns load once
        extract_dates(text)
    done, mentions = 0, 0
    start = time.perf_counter()
    while True:
        for text in texts:
            mentions += len(extract_dates(text))
        done += chars
        elapsed = time.perf_counter() - start
        if elapsed >= args.seconds:
            break
    rate = done / elapsed
    print(f"{len(texts)} documents, {chars:,} characters, {mentions / (done / chars):.0f} mentions per pass")
    print(f"extract_dates: {rate:,.0f} characters per second ({elapsed:.2f} s)")
    return 0 if rate >= args.min_rate else 1


if __name__ == "__main__":
    sys.exit(main())
