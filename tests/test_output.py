"""Writing documents: table rows, CSV for Excel, JSON / JSON Lines, durability."""
from __future__ import annotations

import codecs
import csv
import json
import os
import stat
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from prextract.errors import OutputError
from prextract.output import (
    TABLE_COLUMNS,
    OutputWriter,
    atomic_open,
    atomic_write_text,
    document_tables,
    documents_to_frames,
    read_records,
    repair_jsonl,
    table_columns,
    write_json,
    write_jsonl,
)
from prextract.records import (
    DateMention,
    Event,
    Evidence,
    Extraction,
    MoneyMention,
    Organization,
    Person,
    Role,
)

TEXT = ("2024年6月3日\n株式会社みなと精工と北斗大学は包括連携協定を締結しました。"
        "協定期間は3年間です。取締役の青木誠、学長の村上彩が出席しました。")


def make_doc(source: str | None = "releases/minato.txt", *, with_extra: bool = True) -> dict[str, Any]:
    """A prextract/1 document as Extraction.to_dict() gives it."""
    organizations = (
        Organization("O1", "株式会社みなと精工", "company", aliases=("みなと精工", "MINATO"),
                     mentions=((10, 19), (60, 65)), org_key="みなと精工"),
        Organization("O2", "北斗大学", "university", mentions=((20, 24),), org_key="北斗大学"),
    )
    people = (
        Person("P1", "青木誠", "アオキマコト",
               roles=(Role("取締役", "O1", 53, 56), Role("技術本部長", None, 70, 75)),
               mentions=((57, 60), (90, 93))),
        Person("P2", "村上彩", None, roles=(), mentions=((63, 66),)),
    )
    events = [
        Event("agreement", "2024-06-03", ("株式会社みなと精工", "北斗大学"),
              Evidence(10, 38, "株式会社みなと精工と北斗大学は包括連携協定を締結しました。"), 0.91234,
              agreement_kind="comprehensive", duration="P3Y", ordinal=2),
    ]
    if with_extra:
        events.append(Event("appointment", None, ("株式会社みなと精工",), Evidence(40, 60, "取締役の青木誠"), 0.7,
                            status="planned",
                            attributes=(("person", "青木誠"), ("title", "取締役"),
                                        ("previous_titles", ("執行役員", "部長")))))
    return Extraction(
        source=source, title="包括連携協定の締結", release_date="2024-06-03", issuer="株式会社みなと精工",
        organizations=organizations, people=people,
        dates=(DateMention("2024年6月3日", 0, 9, "date", "2024-06-03"),
               DateMention("3年間", 45, 48, "duration", "P3Y"),
               DateMention("毎週", 80, 82, "set", "P1W", frequency="1")),
        money=(MoneyMention("約1,200万円", 95, 102, "money", 12_000_000.0, "JPY", tax="excluded",
                            approximate=True),),
        events=tuple(events),
        meta=(("encoding", "utf-8"),),
    ).to_dict()


# ---------------------------------------------------------------- rows

def test_people_rows_one_per_role_and_one_for_no_role() -> None:
    people = document_tables(make_doc())["people"]
    assert [(r["name"], r["title"], r["organization"], r["organization_id"]) for r in people] == [
        ("青木誠", "取締役", "株式会社みなと精工", "O1"),
        ("青木誠", "技術本部長", None, None),
        ("村上彩", None, None, None),
    ]
    first = people[0]
    assert list(first) == list(TABLE_COLUMNS["people"])
    assert first["source"] == "releases/minato.txt"
    assert first["person_id"] == "P1"
    assert first["reading"] == "アオキマコト"
    assert (first["title_start"], first["title_end"]) == (53, 56)
    assert first["mentions"] == "57-60 / 90-93"


def test_organization_rows() -> None:
    rows = document_tables(make_doc())["organizations"]
    assert list(rows[0]) == list(TABLE_COLUMNS["organizations"])
    assert rows[0] == {"source": "releases/minato.txt", "id": "O1", "name": "株式会社みなと精工",
                       "org_key": "みなと精工", "kind": "company", "aliases": "みなと精工 / MINATO",
                       "mentions": "10-19 / 60-65"}
    assert rows[1]["aliases"] == ""


def test_date_and_money_rows() -> None:
    tables = document_tables(make_doc())
    dates = tables["dates"]
    assert list(dates[0]) == list(TABLE_COLUMNS["dates"])
    assert [(d["text"], d["value"], d["kind"], d["year_inferred"]) for d in dates] == [
        ("2024年6月3日", "2024-06-03", "date", False), ("3年間", "P3Y", "duration", None),
        ("毎週", "P1W", "set", False)]
    assert dates[2]["frequency"] == "1"
    money = tables["money"][0]
    assert list(money) == list(TABLE_COLUMNS["money"])
    assert (money["value"], money["currency"], money["tax"], money["approximate"]) == (12_000_000.0, "JPY", "excluded", True)


def test_event_rows_common_columns_then_extras_sorted() -> None:
    agreement, appointment = document_tables(make_doc())["events"]
    assert list(agreement) == list(TABLE_COLUMNS["events"])
    assert agreement["parties"] == "株式会社みなと精工 / 北斗大学"
    assert agreement["evidence"] == "株式会社みなと精工と北斗大学は包括連携協定を締結しました。"
    assert (agreement["evidence_start"], agreement["evidence_end"]) == (10, 38)
    assert (agreement["agreement_kind"], agreement["duration"], agreement["ordinal"]) == ("comprehensive", "P3Y", 2)
    assert agreement["confidence"] == 0.912
    assert list(appointment)[len(TABLE_COLUMNS["events"]):] == ["person", "previous_titles", "title"]
    assert appointment["previous_titles"] == "執行役員 / 部長"
    assert appointment["status"] == "planned"
    assert table_columns("events", ["venue", "person"])[-2:] == ["person", "venue"]


def test_frames_have_stable_columns_even_when_empty() -> None:
    frames = documents_to_frames([], errors=[])
    assert set(frames) == {"events", "people", "organizations", "dates", "money", "errors"}
    for table, frame in frames.items():
        assert list(frame.columns) == list(TABLE_COLUMNS[table])
        assert len(frame) == 0


def test_frames_from_documents_and_errors() -> None:
    docs = [make_doc("b.txt"), make_doc("a.html", with_extra=False)]
    frames = documents_to_frames(docs, errors=[{"source": "c.pdf", "stage": "read",
                                                "error_type": "UnsupportedFormatError", "message": "no"}])
    events = frames["events"]
    assert list(events.columns) == list(TABLE_COLUMNS["events"]) + ["person", "previous_titles", "title"]
    assert list(events["source"]) == ["b.txt", "b.txt", "a.html"]  # input order
    assert str(frames["people"]["title_start"].dtype) == "Int64"
    assert frames["people"]["title_start"].isna().sum() == 2
    assert frames["errors"].to_dict("records") == [
        {"source": "c.pdf", "stage": "read", "error_type": "UnsupportedFormatError", "message": "no"}]


# ---------------------------------------------------------------- a folder run

def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]


def test_writer_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputWriter(out) as writer:
        writer.write(make_doc("sub/b.txt"))
        writer.write(make_doc("a.txt", with_extra=False))
        writer.write(make_doc("a.html", with_extra=False))
        writer.error("c.pdf", "read", "UnsupportedFormatError", "c.pdf: unsupported file type '.pdf'")
        writer.error("bad.txt", "read", "DecodingError", "bad.txt: cannot decode")

    names = sorted(p.name for p in (out / "json").iterdir())
    assert names == ["a.html.json", "a.txt.json", "sub__b.txt.json"]
    assert json.loads((out / "json" / "sub__b.txt.json").read_text(encoding="utf-8"))["source"] == "sub/b.txt"
    assert [r["source"] for r in read_records(out / "records.jsonl")] == ["sub/b.txt", "a.txt", "a.html"]
    assert "株式会社みなと精工" in (out / "records.jsonl").read_text(encoding="utf-8")  # not \\u-escaped

    for table in ("events", "people", "organizations", "dates", "money", "errors"):
        path = out / f"{table}.csv"
        assert path.read_bytes().startswith(codecs.BOM_UTF8), table
        frame = pd.read_csv(path, encoding="utf-8-sig")
        assert list(frame.columns) == table_columns(table, ["person", "previous_titles", "title"]), table

    people = _csv_rows(out / "people.csv")
    assert [r["source"] for r in people] == ["a.html"] * 3 + ["a.txt"] * 3 + ["sub/b.txt"] * 3  # sorted
    assert people[0]["organization"] == "株式会社みなと精工"
    assert people[2]["title"] == ""  # the person with no role
    events = _csv_rows(out / "events.csv")
    assert [r["source"] for r in events] == ["a.html", "a.txt", "sub/b.txt", "sub/b.txt"]
    assert events[0]["parties"] == "株式会社みなと精工 / 北斗大学"
    assert events[3]["previous_titles"] == "執行役員 / 部長"
    assert [r["source"] for r in _csv_rows(out / "errors.csv")] == ["bad.txt", "c.pdf"]
    assert _leftovers(out) == []


def test_errors_csv_is_header_only_without_errors(tmp_path: Path) -> None:
    with OutputWriter(tmp_path, formats=("csv",)) as writer:
        writer.write(make_doc())
    assert (tmp_path / "errors.csv").read_bytes() == codecs.BOM_UTF8 + b"source,stage,error_type,message\r\n"
    # neither records.jsonl nor json/ was asked for, and the hidden stream file is gone
    assert not (tmp_path / "records.jsonl").exists()
    assert not (tmp_path / "json").exists()
    assert _leftovers(tmp_path) == []
    assert len(_csv_rows(tmp_path / "events.csv")) == 2


def test_error_from_exception(tmp_path: Path) -> None:
    from prextract.errors import BinaryInputError

    with OutputWriter(tmp_path, formats=("csv",)) as writer:
        writer.error_from_exception("photo.txt", BinaryInputError("photo.txt: this is a PNG image"))
    assert _csv_rows(tmp_path / "errors.csv") == [
        {"source": "photo.txt", "stage": "read", "error_type": "BinaryInputError",
         "message": "photo.txt: this is a PNG image"}]


def test_json_names_for_absolute_sources_and_collisions(tmp_path: Path) -> None:
    root = tmp_path / "in"
    out = tmp_path / "out"
    with OutputWriter(out, formats=("json",), input_root=root) as writer:
        writer.write(make_doc(str(root / "x" / "a.md")))
        writer.write(make_doc("x/a.md"))
        writer.write(make_doc(None))
    assert sorted(p.name for p in (out / "json").iterdir()) == ["document-000003.json", "x__a.md.json",
                                                                "x__a.md~2.json"]
    assert not (out / "events.csv").exists()


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="xml"):
        OutputWriter("unused", formats=("csv", "xml"))


def test_tables_are_written_from_finished_documents_when_the_run_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        with OutputWriter(tmp_path) as writer:
            writer.write(make_doc("a.txt"))
            raise RuntimeError("interrupted")
    assert [r["source"] for r in _csv_rows(tmp_path / "organizations.csv")] == ["a.txt", "a.txt"]


# ---------------------------------------------------------------- durability

def test_read_records_skips_a_broken_last_line(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    good = json.dumps(make_doc("a.txt"), ensure_ascii=False)
    cut = json.dumps(make_doc("b.txt"), ensure_ascii=False).encode("utf-8")[:-40]
    path.write_bytes((good + "\n" + good + "\n").encode("utf-8") + cut)
    assert [r["source"] for r in read_records(path)] == ["a.txt", "a.txt"]


def test_read_records_skips_a_last_line_cut_inside_a_character(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    line = json.dumps({"source": "a.txt", "title": "提携"}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(line + b"\n" + line[:-4])  # ends in the middle of 携
    assert read_records(path) == [{"source": "a.txt", "title": "提携"}]


def test_read_records_refuses_a_broken_middle_line(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text('{"source": "a"}\n{"sour\n{"source": "b"}\n', encoding="utf-8")
    with pytest.raises(OutputError, match="line 2"):
        read_records(path)


def test_repair_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(b'{"source": "a"}\n{"source": "b"}')  # complete, only the newline missing
    assert repair_jsonl(path) is False
    assert path.read_bytes() == b'{"source": "a"}\n{"source": "b"}\n'
    path.write_bytes(b'{"source": "a"}\n{"source": "b"}\n{"sou')
    assert repair_jsonl(path) is True
    assert path.read_bytes() == b'{"source": "a"}\n{"source": "b"}\n'
    assert repair_jsonl(path) is False


def test_resume_keeps_finished_documents(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    first = json.dumps(make_doc("b.txt"), ensure_ascii=False)
    records.write_text(first + "\n" + first[:100], encoding="utf-8")  # killed while writing
    (tmp_path / ".prextract-events.csv.abc.tmp").write_text("half", encoding="utf-8")

    with OutputWriter(tmp_path, resume=True) as writer:
        assert writer.done_sources == {"b.txt"}
        writer.write(make_doc("a.txt"))
    assert [r["source"] for r in read_records(records)] == ["b.txt", "a.txt"]
    assert [r["source"] for r in _csv_rows(tmp_path / "dates.csv")] == ["a.txt"] * 3 + ["b.txt"] * 3
    assert _leftovers(tmp_path) == []


def test_a_fresh_run_replaces_old_records(tmp_path: Path) -> None:
    (tmp_path / "records.jsonl").write_text(json.dumps({"source": "old.txt"}) + "\n", encoding="utf-8")
    with OutputWriter(tmp_path, formats=("jsonl",)) as writer:
        writer.write(make_doc("new.txt"))
    assert [r["source"] for r in read_records(tmp_path / "records.jsonl")] == ["new.txt"]


def test_atomic_write_leaves_old_file_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    atomic_write_text(path, "old\n", "utf-8-sig")
    with pytest.raises(RuntimeError):
        with atomic_open(path, encoding="utf-8-sig") as handle:
            handle.write("half of a new ")
            raise RuntimeError("killed")
    assert path.read_text(encoding="utf-8-sig") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_atomic_writes_get_the_mode_of_a_plain_open(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        atomic_write_text(tmp_path / "events.csv", "x\n")
        with OutputWriter(tmp_path / "out", formats=("csv", "jsonl")) as writer:
            writer.write(make_doc())
    finally:
        os.umask(old)
    expected = 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / "events.csv").stat().st_mode) == expected
    assert stat.S_IMODE((tmp_path / "out" / "people.csv").stat().st_mode) == expected


def test_atomic_write_reports_an_unwritable_place(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        atomic_write_text(tmp_path / "missing" / "a.csv", "x")


def test_write_json_and_jsonl_helpers(tmp_path: Path) -> None:
    doc = make_doc()
    write_json(tmp_path / "a.json", doc)
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == doc
    assert "\n  " in (tmp_path / "a.json").read_text(encoding="utf-8")  # pretty
    write_jsonl(tmp_path / "one.jsonl", doc)
    write_jsonl(tmp_path / "two.jsonl", [doc, make_doc("other.txt")])
    assert read_records(tmp_path / "one.jsonl") == [doc]
    assert [r["source"] for r in read_records(tmp_path / "two.jsonl")] == [doc["source"], "other.txt"]
    assert _leftovers(tmp_path) == []


def test_closing_removes_a_temporary_file_a_cut_write_left(tmp_path: Path) -> None:
    # Ctrl-C can land after a JSON file's temporary is created and before its own cleanup runs;
    # the writer's close (which runs on Ctrl-C too) leaves no such file behind
    out = tmp_path / "out"
    with OutputWriter(out, formats=("json", "jsonl")) as writer:
        leftover = out / "json" / ".prextract-r05.txt.json.gl2wgp6z.tmp"
        leftover.write_text("{", encoding="utf-8")
        assert writer.done_sources == frozenset()
    assert not leftover.exists()
