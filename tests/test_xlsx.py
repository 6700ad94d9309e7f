"""The Excel workbook, read back with pandas (and openpyxl for what pandas does not show)."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from openpyxl import load_workbook
from test_report import build_sample_run, release_doc

from prextract.errors import OutputError
from prextract.output import OutputWriter, documents_to_frames, table_columns
from prextract.xlsx import SHEETS, WORKBOOK_FILE, display_width, excel_date, load_frames, main, write_workbook


@pytest.fixture(scope="module")
def sample_workbook(tmp_path_factory, extract_cached):
    _, out_dir = build_sample_run(tmp_path_factory.mktemp("xlsx-run"), extract_cached)
    return out_dir, write_workbook(out_dir, out_dir / WORKBOOK_FILE)


def test_workbook_of_the_samples_reads_back_with_pandas(sample_workbook):
    out_dir, path = sample_workbook
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == list(SHEETS)
    docs = [json.loads(line) for line in (out_dir / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    frames = documents_to_frames(docs)
    for name in ("events", "people", "organizations", "dates", "money"):
        assert list(sheets[name].columns) == list(frames[name].columns)
        assert len(sheets[name]) == len(frames[name]) > 0
    # the same rows in the same order (by source) as the CSV table: every event with its evidence
    csv_events = pd.read_csv(out_dir / "events.csv", encoding="utf-8-sig", keep_default_na=False)
    events = sheets["events"].fillna("")
    for column in ("source", "type", "parties", "evidence", "evidence_start", "evidence_end"):
        assert list(events[column]) == list(csv_events[column]), column
    errors = sheets["errors"]
    assert sorted(errors["source"]) == ["blank.md", "scan.txt"]
    assert set(errors["error_type"]) == {"BinaryInputError", "EmptyInputError"}


def test_full_dates_are_excel_dates_and_the_rest_stays_text(sample_workbook):
    _, path = sample_workbook
    sheets = pd.read_excel(path, sheet_name=None)
    csv_events = pd.read_csv(sample_workbook[0] / "events.csv", encoding="utf-8-sig", keep_default_na=False)
    for written, shown in zip(csv_events["date"], sheets["events"]["date"], strict=True):
        if excel_date(written) is not None:
            assert isinstance(shown, dt.datetime) and shown.date().isoformat() == written[:10]
        elif written:
            assert shown == written  # 2024-09, XXXX-09-18, ranges: as written
        else:
            assert pd.isna(shown)
    values = sheets["dates"]["value"]
    assert any(isinstance(v, dt.datetime) for v in values) and any(isinstance(v, str) for v in values)
    book = load_workbook(path)
    cells = [c for c in book["events"]["C"][1:] if isinstance(c.value, dt.datetime)]
    assert cells and all(c.number_format == "yyyy-mm-dd" for c in cells)


def test_sheets_have_header_frozen_panes_filter_and_widths(sample_workbook):
    book = load_workbook(sample_workbook[1])
    assert book.sheetnames == list(SHEETS)
    for name in SHEETS:
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        assert header[:len(table_columns(name))] == table_columns(name)
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "B2"
        assert sheet.auto_filter.ref.startswith("A1:")
        widths = {sheet.cell(1, n).value: sheet.column_dimensions[sheet.cell(1, n).column_letter].width
                  for n in range(1, sheet.max_column + 1)}
        assert all(8 <= w <= 92 for w in widths.values()), widths
    events = book["events"]
    widths = {c.value: events.column_dimensions[c.column_letter].width for c in events[1]}
    assert widths["evidence"] > widths["type"] and widths["evidence"] > 60


def test_text_is_never_a_formula_and_bad_characters_are_dropped(tmp_path):
    doc = release_doc()
    doc["organizations"][0]["name"] = "=HYPERLINK(\"http://example.invalid\",\"x\")"
    doc["events"][0]["parties"] = ["+81-3-0000-0000", "青葉市\x07"]
    path = write_workbook(documents_to_frames([doc]), tmp_path / "w.xlsx")
    book = load_workbook(path)
    org_cell = book["organizations"]["C2"]
    assert org_cell.data_type == "s" and org_cell.value.startswith("=HYPERLINK")
    sheets = pd.read_excel(path, sheet_name=None)
    assert sheets["events"]["parties"][0] == "+81-3-0000-0000 / 青葉市"
    assert sheets["events"]["date"][0] == dt.datetime(2025, 4, 1)


def test_missing_tables_become_header_only_sheets(tmp_path):
    frames = documents_to_frames([release_doc()])
    del frames["money"], frames["errors"]
    sheets = pd.read_excel(write_workbook(frames, tmp_path / "w.xlsx"), sheet_name=None)
    assert list(sheets["money"].columns) == table_columns("money") and sheets["money"].empty
    assert list(sheets["errors"].columns) == table_columns("errors") and sheets["errors"].empty


def test_a_jsonl_only_run_gets_its_errors_from_the_caller(tmp_path):
    with OutputWriter(tmp_path, ("jsonl",)) as writer:  # no errors.csv is written
        writer.write(release_doc())
    errors = [{"source": "scan.txt", "stage": "read", "error_type": "BinaryInputError", "message": "PNG"}]
    assert load_frames(tmp_path)["errors"].empty
    sheets = pd.read_excel(write_workbook(load_frames(tmp_path, errors), tmp_path / "w.xlsx"), sheet_name=None)
    assert sheets["errors"].to_dict("records") == errors
    assert main([str(tmp_path)]) == 0 and (tmp_path / WORKBOOK_FILE).exists()


def test_a_folder_without_records_is_a_plain_error(tmp_path, capsys):
    with pytest.raises(OutputError, match="no records"):
        write_workbook(tmp_path, tmp_path / "w.xlsx")
    assert main([str(tmp_path)]) == 1
    assert not (tmp_path / "w.xlsx").exists()


@pytest.mark.parametrize("value, expected", [
    ("2024-09-27", dt.date(2024, 9, 27)),
    ("2024-09-27T14:30", dt.datetime(2024, 9, 27, 14, 30)),
    ("2024-09-27T14:30:05", dt.datetime(2024, 9, 27, 14, 30, 5)),
    ("2024-09", None), ("XXXX-09-27", None), ("2024-02-30", None),
    ("2024-09-27/2024-09-28", None), ("T14:00", None), ("2025-FY", None), (None, None), (20240927, None),
])
def test_excel_date(value, expected):
    assert excel_date(value) == expected


def test_display_width_counts_full_width_twice():
    assert display_width("abc") == 3
    assert display_width("株式会社\uff21\uff22\uff23") == 8 + 6
    assert display_width("ｱｲｳ") == 3  # half-width katakana
