"""Compile prextract's known names (models/known_names.npz, read by prextract.gazetteer) from JMnedict.

JMnedict is the Japanese names dictionary of the Electronic Dictionary Research and Development
Group (EDRDG), CC BY-SA 3.0 (https://www.edrdg.org/edrdg/licence.html). It is read from the
SQLite database that the PyPI package ``jamdict-data`` ships (``jamdict.db``, or the
``jamdict.db.xz`` inside its source archive), at build time only: prextract reads the compiled
file and never needs the package.

    pip download --no-deps jamdict-data==1.5 && tar xzf jamdict_data-1.5.tar.gz
    python scripts/build_gazetteer.py jamdict_data-1.5/jamdict_data/jamdict.db.xz

Kept: the written forms of the entries whose name types are person, surname, given / fem / masc
(given names), organization / company, place / station, unclass (names of no known kind); the
kana form only of entries written in kana alone (katakana foreign names: a reading of a name
written in kanji would match ordinary hiragana). Works, products and the rest are left out.
"""
from __future__ import annotations

import argparse
import json
import lzma
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "models" / "known_names.npz"

#: JMnedict name types -> the gazetteer's classes (prextract.gazetteer.CLASSES)
TYPE_CLASSES = {"person": "person", "surname": "surname", "given": "given", "fem": "given",
                "masc": "given", "organization": "organization", "company": "company", "place": "place",
                "station": "place", "unclass": "unclass"}


def read_names(db: Path) -> dict[str, set[str]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    kinds: dict[int, set[str]] = defaultdict(set)
    for idseq, name_type in con.execute(
            "SELECT n.idseq, t.text FROM NETranslation n JOIN NETransType t ON t.tid = n.ID"):
        if name_type in TYPE_CLASSES:
            kinds[idseq].add(TYPE_CLASSES[name_type])
    names: dict[str, set[str]] = defaultdict(set)
    written = set()
    for idseq, text in con.execute("SELECT idseq, text FROM NEKanji"):
        if idseq in kinds:
            written.add(idseq)
            names[text] |= kinds[idseq]
    for idseq, text in con.execute("SELECT idseq, text FROM NEKana"):
        if idseq in kinds and idseq not in written:
            names[text] |= kinds[idseq]
    con.close()
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db", type=Path, help="jamdict.db or jamdict.db.xz of the jamdict-data package")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from prextract.gazetteer import CLASSES, Gazetteer

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db.suffix == ".xz":
            db = Path(tmp) / "jamdict.db"
            with lzma.open(args.db) as src, db.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        names = read_names(db)
    gazetteer = Gazetteer.build(names)
    gazetteer.save(args.out)
    counts = Counter(c for classes in names.values() for c in classes)
    print(json.dumps({"names": len(names), "hashes": len(gazetteer),
                      "per_class": {c: counts[c] for c in CLASSES},
                      "bytes": args.out.stat().st_size}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
