"""The command line, run in-process on folders the tests make (the model loads once per session)."""
from __future__ import annotations

import csv
import json

import pytest

from prextract.cli import main
from prextract.schema_check import validate_document

RELEASE = """報道関係者各位
2024年4月1日
株式会社あおば電機

あおば電機、北斗市と脱炭素の推進に関する包括連携協定を締結

株式会社あおば電機（本社：宮城県仙台市、代表取締役社長：青葉 太一、以下「あおば電機」）は、3月28日、北斗市と脱炭素の推進に関する包括連携協定を締結しました。協定期間は3年間です。
"""


@pytest.fixture()
def folder(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(RELEASE, encoding="utf-8")
    (src / "sub" / "sjis.txt").write_bytes(RELEASE.replace("あおば電機", "みどり電機").encode("cp932"))
    (src / "empty.txt").write_bytes(b"")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (src / "notes.docx").write_bytes(b"PK\x03\x04")  # not a release type: ignored
    return src


def test_run_writes_every_output_and_lists_failures(folder, tmp_path, extractor):
    out = tmp_path / "out"
    code = main(["run", str(folder), "-o", str(out), "--quiet"])
    assert code == 1  # two files failed
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == ["good.txt", "sub/sjis.txt"]
    for r in records:
        validate_document(r)
    assert records[1]["meta"]["encoding"] == "cp932"
    assert (out / "json" / "good.txt.json").exists() and (out / "json" / "sub__sjis.txt.json").exists()
    for table in ("events", "people", "organizations", "dates", "errors"):
        raw = (out / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), table  # utf-8-sig for Excel
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as f:
        errors = {row["source"]: row for row in csv.DictReader(f)}
    assert set(errors) == {"empty.txt", "image.txt"}
    assert errors["empty.txt"]["error_type"] == "EmptyInputError"
    assert errors["image.txt"]["error_type"] == "BinaryInputError"
    with open(out / "events.csv", encoding="utf-8-sig", newline="") as f:
        events = list(csv.DictReader(f))
    assert any(e["type"] == "agreement" and e["date"] == "2024-03-28" and "北斗市" in e["parties"] for e in events)
    assert list(events[0])[:7] == ["source", "type", "date", "parties", "status", "confidence", "evidence"]


def test_run_exit_zero_when_all_read(tmp_path, extractor):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(RELEASE, encoding="utf-8")
    assert main(["run", str(src), "-o", str(tmp_path / "out"), "--format", "jsonl", "--quiet"]) == 0
    assert (tmp_path / "out" / "records.jsonl").exists()
    assert not (tmp_path / "out" / "events.csv").exists()


def test_resume_skips_done_files(folder, tmp_path, extractor):
    out = tmp_path / "out"
    main(["run", str(folder), "-o", str(out), "--quiet"])
    main(["run", str(folder), "-o", str(out), "--quiet", "--resume"])
    sources = [json.loads(line)["source"] for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(sources) == ["good.txt", "sub/sjis.txt"]


def test_extract_prints_one_document(tmp_path, capsys, extractor):
    path = tmp_path / "r.txt"
    path.write_text(RELEASE, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    validate_document(doc)
    assert doc["release_date"] == "2024-04-01"
    assert doc["issuer"] == "株式会社あおば電機"


def test_extract_of_missing_file_is_a_plain_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["run"], ["run", "x"], ["run", "x", "-o", "y", "--format", "xml"], ["frobnicate"]])
def test_usage_errors_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "prextract" in capsys.readouterr().out


def test_evaluate_command(tmp_path, capsys, extractor):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(RELEASE, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({
        "id": "a", "issuer": "株式会社あおば電機",
        "organizations": ["株式会社あおば電機", "北斗市"], "org_aliases": [],
        "people": [{"name": "青葉太一", "roles": [{"title": "代表取締役社長", "org": "あおば電機"}]}],
        "dates": [{"text": "3月28日", "value": "2024-03-28", "kind": "date"}],
        "events": [{"type": "agreement", "agreement_kind": "comprehensive", "parties": ["あおば電機", "北斗市"],
                    "date": "2024-03-28", "duration": "P3Y"}]}, ensure_ascii=False), encoding="utf-8")
    main(["run", str(src), "-o", str(tmp_path / "out"), "--quiet"])
    capsys.readouterr()
    assert main(["evaluate", str(gold), str(tmp_path / "out" / "records.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["fields"]["events"]["f1"] == 1.0
    assert report["fields"]["organizations"]["f1"] == 1.0


def test_run_with_workbook_and_report(tmp_path, extractor):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--format", "json,xlsx", "--report", "--quiet", "--jobs", "1"]) == 0
    import pandas as pd
    events = pd.read_excel(out / "records.xlsx", sheet_name="events")
    assert (events["type"] == "agreement").any()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "北斗市" in html and "<svg" in html
    assert main(["report", str(out), "-o", str(tmp_path / "again.html")]) == 0
    assert (tmp_path / "again.html").exists()
