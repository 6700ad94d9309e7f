"""The HTML review report, read as data: every event with its evidence, marks, the timeline,
the summary, the reasons a text is not shown, escaping, and that nothing leaves the machine.

The browser test (test_report_browser.py) checks what a person sees; these check the contents.
``build_sample_run`` is also used by test_xlsx.py and test_report_browser.py.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from prextract.errors import InputError
from prextract.output import OutputWriter
from prextract.read import iter_input_files, read_file
from prextract.report import (
    RUN_INFO_FILE,
    build_report,
    event_details,
    main,
    misplaced_quotes,
    parse_event_date,
    read_run_info,
    release_text,
    text_marks,
    timeline_key,
    timeline_svg,
    write_run_info,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "link-j-kanagawa-mou.txt"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
ENTITY_KINDS = {"org", "person", "title", "date", "money"}


def release_files() -> list[Path]:
    """samples/ (top level) and, when the shared folder is there, the user's seed release."""
    files = [p for p in iter_input_files(SAMPLES) if p.parent == SAMPLES]
    return files + ([SEED_TEXT] if SEED_TEXT.exists() else [])


def build_sample_run(base: Path, extract: Callable[[str], Any]) -> tuple[Path, Path]:
    """``(input folder, output folder)`` as ``prextract run`` leaves them for samples/ plus the
    seed and two files that cannot be read, with ``run.json``. ``extract`` is the session's
    memoised ``extract_file``, so the releases are extracted once per test session."""
    input_dir, out_dir = base / "input", base / "out"
    input_dir.mkdir(parents=True)
    with OutputWriter(out_dir, ("jsonl", "csv"), input_root=input_dir) as writer:
        for path in release_files():
            shutil.copyfile(path, input_dir / path.name)
            writer.write(extract(str(path)).to_dict())
        for name, data in (("scan.txt", PNG_BYTES), ("blank.md", b"")):
            (input_dir / name).write_bytes(data)
            try:
                read_file(input_dir / name)
            except InputError as exc:
                writer.error_from_exception(name, exc)
            else:  # pragma: no cover - the files are made to fail
                raise AssertionError(f"{name} was expected not to be readable")
    write_run_info(out_dir, input_dir)
    return input_dir, out_dir


_SCRIPT_JSON = re.compile(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', re.S)


def page_data(page: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The report's index and its per-release data, as the page's script reads them."""
    blobs = {name: json.loads(raw) for name, raw in _SCRIPT_JSON.findall(page)}
    index = blobs.pop("report-index")
    return index, [blobs[f"doc-{i}"] for i in range(len(index["releases"]))]


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, extract_cached):
    return build_sample_run(tmp_path_factory.mktemp("report-run"), extract_cached)


@pytest.fixture(scope="module")
def sample_page(sample_run):
    return build_report(sample_run[1])


# --------------------------------------------------------------------------------------------
# the samples and the seed

def test_every_event_is_shown_with_its_evidence_in_its_text(sample_run, sample_page):
    input_dir, out_dir = sample_run
    docs = [json.loads(line) for line in (out_dir / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    index, blobs = page_data(sample_page)
    assert len(index["releases"]) == len(docs) == len(release_files())
    assert len(index["events"]) == sum(len(d["events"]) for d in docs) > 0
    for row in index["events"]:
        blob = blobs[row["doc"]]
        start, end = row["ev"]
        assert [start, end, row["id"]] in blob["evidence"]
        assert blob["text"][start:end] == row["evidence"], row
        assert row["id"] in blob["events"]
    for doc, release, blob in zip(sorted(docs, key=lambda d: d["source"]), index["releases"], blobs, strict=True):
        assert release["source"] == doc["source"] and release["text"] is True
        assert blob["problem"] is None
        assert blob["text"] == read_file(input_dir / doc["source"]).text


def test_the_marks_are_the_records_mentions(sample_page, sample_run):
    lines = (sample_run[1] / "records.jsonl").read_text(encoding="utf-8").splitlines()
    docs = sorted((json.loads(line) for line in lines), key=lambda d: d["source"])
    _, blobs = page_data(sample_page)
    kinds = set()
    for doc, blob in zip(docs, blobs, strict=True):
        kinds |= {m[2] for m in blob["marks"]}
        org_marks = sorted((s, e, key) for s, e, kind, key in blob["marks"] if kind == "org")
        assert org_marks == sorted((s, e, o["id"]) for o in doc["organizations"] for s, e in o["mentions"])
        assert all(0 <= s < e <= len(blob["text"]) for s, e, _, _ in blob["marks"])
    assert kinds == ENTITY_KINDS


def test_the_timeline_links_every_dated_event(sample_page):
    index, _ = page_data(sample_page)
    dated = {row["id"] for row in index["events"] if parse_event_date(row["date"])}
    linked = set(re.findall(r'<a class="tl-dot" href="#(e\d+)" data-ev="\1">', sample_page))
    assert dated and linked == dated
    undated = len(index["events"]) - len(dated)
    if undated:
        assert f"{undated} 件は図になく" in sample_page


def test_summary_counts_files_records_and_errors_with_reasons(sample_page, sample_run):
    index, _ = page_data(sample_page)
    n_docs = len(index["releases"])

    def card(label: str) -> int:
        match = re.search(r'<div class="card-value">([\d,]+)</div><div class="card-label">' + label, sample_page)
        assert match, label
        return int(match.group(1).replace(",", ""))

    assert card("読み込んだファイル") == n_docs + 2
    assert card("抽出できたリリース") == n_docs
    assert card("エラー") == 2
    assert card("イベント") == len(index["events"])
    errors = sample_page.split('id="errors"', 1)[1].split("</table>", 1)[0]
    assert "scan.txt" in errors and "BinaryInputError" in errors and "PNG image" in errors
    assert "blank.md" in errors and "EmptyInputError" in errors
    for kind in {row["type"] for row in index["events"]}:
        assert f'data-type="{kind}"' in sample_page  # a bar per event type present


def test_the_page_needs_no_network(sample_page):
    assert "Content-Security-Policy" in sample_page and "default-src 'none'" in sample_page
    # the releases' own texts may quote addresses: they are data, shown as text, never loaded
    markup = _SCRIPT_JSON.sub("", sample_page).replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", markup, re.I)
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b|<script[^>]*\bsrc=|@import|@font-face|url\(",
                         markup, re.I)


def test_report_finds_the_texts_through_run_json(sample_run):
    input_dir, out_dir = sample_run
    assert read_run_info(out_dir)["input"] == str(input_dir.resolve())
    index, blobs = page_data(build_report(out_dir))
    assert all(b["text"] is not None for b in blobs)


# --------------------------------------------------------------------------------------------
# a release of our own, with every kind of record

TEXT = ("2025年4月1日\n株式会社ひばり精機\n"
        "株式会社ひばり精機と青葉市は、脱炭素の推進に関する連携協定を締結しました。\n"
        "締結式には代表取締役社長の山本一郎が出席しました。初年度の事業費は総額3億円です。\n")


def at(part: str, text: str = TEXT) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def release_doc(text: str = TEXT, data: bytes | None = None, source: str = "hibari.txt") -> dict[str, Any]:
    data = text.encode("utf-8") if data is None else data
    evidence = "株式会社ひばり精機と青葉市は、脱炭素の推進に関する連携協定を締結しました。"
    return {
        "schema": "prextract/1", "source": source, "title": "株式会社ひばり精機", "release_date": "2025-04-01",
        "issuer": "株式会社ひばり精機",
        "organizations": [
            {"id": "O1", "name": "株式会社ひばり精機", "aliases": [], "kind": "company", "org_key": "ひばり精機",
             "mentions": [at("株式会社ひばり精機"), at(evidence)[:1] + [at(evidence)[0] + 9]]},
            {"id": "O2", "name": "青葉市", "aliases": [], "kind": "government", "org_key": "青葉市",
             "mentions": [at("青葉市")]},
        ],
        "people": [{"id": "P1", "name": "山本一郎", "reading": None, "mentions": [at("山本一郎")],
                    "roles": [{"title": "代表取締役社長", "organization": "O1",
                               "start": at("代表取締役社長")[0], "end": at("代表取締役社長")[1]}]}],
        "dates": [{"text": "2025年4月1日", "start": 0, "end": 9, "kind": "date", "value": "2025-04-01",
                   "year_inferred": False}],
        "money": [{"text": "総額3億円", "start": at("総額3億円")[0], "end": at("総額3億円")[1], "kind": "money",
                   "value": 300000000, "currency": "JPY"}],
        "events": [{"type": "agreement", "agreement_kind": "comprehensive", "date": "2025-04-01",
                    "parties": ["株式会社ひばり精機", "青葉市"], "status": "done",
                    "evidence": {"start": at(evidence)[0], "end": at(evidence)[1], "text": evidence},
                    "confidence": 0.9}],
        "warnings": [],
        "meta": {"encoding": "utf-8", "format": "text", "sha256": hashlib.sha256(data).hexdigest()},
    }


def write_out(out_dir: Path, docs: list[dict[str, Any]]) -> Path:
    with OutputWriter(out_dir, ("jsonl",)) as writer:
        for doc in docs:
            writer.write(doc)
    return out_dir


def test_text_marks_of_each_kind_with_their_record_keys():
    marks = text_marks(release_doc(), len(TEXT))
    assert [m[2:] for m in marks] == [["date", "D0"], ["org", "O1"], ["org", "O1"], ["org", "O2"],
                                      ["title", "P1"], ["person", "P1"], ["money", "M0"]]
    assert all(TEXT[s:e] for s, e, _, _ in marks)
    assert TEXT[marks[-1][0]:marks[-1][1]] == "総額3億円"


def test_marks_outside_the_text_are_dropped():
    doc = release_doc()
    doc["organizations"][1]["mentions"].append([len(TEXT) - 2, len(TEXT) + 5])
    assert len(text_marks(doc, len(TEXT))) == 7


def test_release_text_checks_file_hash_and_offsets(tmp_path):
    path = tmp_path / "hibari.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert release_text(release_doc(), tmp_path).text == TEXT
    assert "--input" in release_text(release_doc(), None).problem
    assert "見つかりません" in release_text(release_doc(source="gone.txt"), tmp_path).problem

    path.write_text(TEXT.replace("3億円", "4億円"), encoding="utf-8")
    assert "SHA-256" in release_text(release_doc(), tmp_path).problem

    shifted = "はじめに\n" + TEXT  # same records, a text whose offsets moved, no hash to compare
    path.write_text(shifted, encoding="utf-8")
    doc = release_doc()
    del doc["meta"]["sha256"]
    assert misplaced_quotes(doc, shifted) == 3
    assert "位置が原文と合いません" in release_text(doc, tmp_path).problem


def test_release_text_uses_the_recorded_encoding(tmp_path):
    data = TEXT.encode("cp932")
    (tmp_path / "hibari.txt").write_bytes(data)
    doc = release_doc(data=data)
    doc["meta"]["encoding"] = "cp932"
    assert release_text(doc, tmp_path).text == TEXT


def test_a_release_without_its_text_is_shown_from_its_records(tmp_path):
    out = write_out(tmp_path / "out", [release_doc()])
    page = build_report(out)  # no --input and no run.json
    index, blobs = page_data(page)
    assert blobs[0]["text"] is None and blobs[0]["marks"] == [] and "--input" in blobs[0]["problem"]
    assert index["events"][0]["evidence"].startswith("株式会社ひばり精機と青葉市は")
    assert "原文を表示できないリリース" in page and "hibari.txt" in page


def test_input_option_wins_over_run_json(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hibari.txt").write_text(TEXT, encoding="utf-8")
    out = write_out(tmp_path / "out", [release_doc()])
    (out / RUN_INFO_FILE).write_text(json.dumps({"input": str(tmp_path / "elsewhere")}), encoding="utf-8")
    assert page_data(build_report(out))[1][0]["text"] is None
    assert page_data(build_report(out, input_dir=tmp_path / "in"))[1][0]["text"] == TEXT


def test_text_that_looks_like_markup_stays_text(tmp_path):
    text = TEXT.replace("脱炭素", "</script><img src=x onerror=alert(1)>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hibari.txt").write_text(text, encoding="utf-8")
    doc = release_doc(text)
    evidence = ("株式会社ひばり精機と青葉市は、</script><img src=x onerror=alert(1)>"
                "の推進に関する連携協定を締結しました。")
    doc["events"][0]["evidence"] = {"start": at(evidence, text)[0], "end": at(evidence, text)[1], "text": evidence}
    doc["title"] = "<b>見出し</b>"
    for org in doc["organizations"]:
        org["mentions"] = [at(org["name"], text)]
    doc["people"][0]["mentions"] = [at("山本一郎", text)]
    doc["people"][0]["roles"][0].update(zip(("start", "end"), at("代表取締役社長", text), strict=True))
    doc["money"][0].update(zip(("start", "end"), at("総額3億円", text), strict=True))
    page = build_report(write_out(tmp_path / "out", [doc]), input_dir=tmp_path / "in")
    assert "<img" not in page and "<b>見出し" not in page
    index, blobs = page_data(page)
    assert blobs[0]["text"] == text and index["releases"][0]["title"] == "<b>見出し</b>"


def test_event_details_are_labelled_in_reading_order():
    event = {"type": "appointment", "date": "2025-04-01", "parties": [], "status": "planned",
             "title": "代表取締役社長", "person": "山本一郎", "change": "appointment",
             "previous_title": "専務取締役", "organization": "株式会社ひばり精機", "venue": None,
             "evidence": {}, "confidence": 0.8}
    assert event_details(event) == [["人物", "山本一郎"], ["役職", "代表取締役社長"], ["前職", "専務取締役"],
                                    ["組織", "株式会社ひばり精機"], ["異動", "就任"]]
    assert event_details({"type": "agreement", "agreement_kind": "mou", "duration": "P5Y"}) == [
        ["種別", "覚書 (MOU)"], ["期間", "P5Y"]]


# --------------------------------------------------------------------------------------------
# the timeline

@pytest.mark.parametrize("value, expected", [
    ("2024-09-27", ("2024-09-27", "day", None)),
    ("2024-09", ("2024-09-15", "month", None)),
    ("2025", ("2025-07-01", "year", None)),
    ("2025-FY", ("2025-07-01", "year", None)),
    ("2025-02-08/2025-02-09", ("2025-02-08", "day", "2025-02-09")),
    ("2025-02-08T10:00/2025-02-09T17:00", ("2025-02-08", "day", "2025-02-09")),
    ("XXXX-09-18", None),
    ("2024-02-30", None),
    ("P5Y", None),
    (None, None),
])
def test_parse_event_date(value, expected):
    parsed = parse_event_date(value)
    if expected is None:
        assert parsed is None
    else:
        day, precision, end = parsed
        assert (day.isoformat(), precision, end and end.isoformat()) == expected


def timeline_rows(dates: list[str | None], kind: str = "agreement") -> list[dict[str, Any]]:
    return [{"id": f"e{n}", "type": kind, "date": d, "parties": ["青葉市"]} for n, d in enumerate(dates)]


def test_timeline_draws_one_dot_per_dated_event():
    rows = timeline_rows(["2024-09-27", "2024-09", None, "XXXX-01-01"]) + [
        {"id": "e9", "type": "award", "date": "2023-03-01/2023-03-31", "parties": []}]
    svg = timeline_svg(rows)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert re.findall(r'data-ev="(e\d+)"', svg) == ["e9", "e1", "e0"]  # in date order
    assert svg.count('fill="#fff"') == 1  # the month-only date is hollow
    assert svg.count('class="range"') == 1
    assert "提携・協定" in svg and "受賞" in svg and "人事" not in svg
    assert "2023年" in svg and "2024年" in svg


def test_timeline_of_many_events_draws_monthly_circles():
    rows = timeline_rows(["2024-01-05"] * 30 + ["2024-03-10"] * 10)
    svg = timeline_svg(rows, max_dots=20)
    assert "tl-dot" not in svg
    assert svg.count('class="tl-bin"') == 2
    assert "2024年1月　提携・協定　30件" in svg
    assert "円の面積" in timeline_key(40, max_dots=20) and "月・年のみ" in timeline_key(10, max_dots=20)


def test_timeline_without_dated_events_says_so():
    assert "日付のわかるイベントはありません" in timeline_svg(timeline_rows([None, "XXXX-09-18"]))


# --------------------------------------------------------------------------------------------
# the command

def test_main_writes_the_report(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hibari.txt").write_text(TEXT, encoding="utf-8")
    out = write_out(tmp_path / "out", [release_doc()])
    assert main([str(out), "--input", str(tmp_path / "in")]) == 0
    assert (out / "report.html").exists()
    target = tmp_path / "review" / "r.html"
    target.parent.mkdir()
    assert main([str(out), "-o", str(target), "--input", str(tmp_path / "in")]) == 0
    assert page_data(target.read_text(encoding="utf-8"))[1][0]["text"] == TEXT
    assert "report written to" in capsys.readouterr().err


def test_main_without_records_is_a_plain_error(tmp_path, capsys):
    assert main([str(tmp_path)]) == 1
    assert "no records to report on" in capsys.readouterr().err
