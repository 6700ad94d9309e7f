"""Write tests/golden_gaps.json: what the extractor still misses or adds on samples/, per field.

    python scripts/golden_gaps.py            # rewrite the file from the current extractor
    python scripts/golden_gaps.py --check    # print the differences only

Review the diff before committing it: a gap that appears is a regression to explain.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from prextract.api import extract_file
from prextract.evaluate import FIELDS, evaluate, load_gold
from prextract.read import iter_input_files

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GAPS_FILE = ROOT / "tests" / "golden_gaps.json"


def current_gaps() -> dict:
    releases = {p.stem: p for p in iter_input_files(SAMPLES) if p.parent == SAMPLES}
    records = {stem: extract_file(path, source=path.name).to_dict() for stem, path in releases.items()}
    report = evaluate(load_gold(SAMPLES / "gold"), records)
    gaps: dict = {}
    for doc in report.documents:
        for field in FIELDS:
            r = doc.fields[field]
            if r.missed or r.spurious:
                gaps.setdefault(doc.stem, {})[field] = {"missed": sorted(r.missed), "spurious": sorted(r.spurious)}
    print(report.to_text())
    return gaps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    gaps = current_gaps()
    text = json.dumps(gaps, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.check:
        old = GAPS_FILE.read_text(encoding="utf-8") if GAPS_FILE.exists() else ""
        print("unchanged" if old == text else "changed")
        return 0 if old == text else 1
    GAPS_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
