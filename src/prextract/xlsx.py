"""One Excel workbook of a run: the sheets events, people, organizations, dates, money, errors.

The columns are those of the CSV tables (``prextract.output.TABLE_COLUMNS``). Each sheet has a
bold header row with a filter, frozen panes below the header and right of ``source``, column
widths from the content (a full-width character counts twice), and full dates (``2024-09-27``,
``2024-09-27T14:00``) in ``events.date`` and ``dates.value`` as real Excel dates; partial and
unknown dates (``2024-09``, ``XXXX-09-18``, ranges) stay text. Every text cell is stored as text,
so a value that starts with ``=`` is never run as a formula.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import OutputError

WORKBOOK_FILE = "records.xlsx"
SHEETS = ("events", "people", "organizations", "dates", "money", "errors")
#: per sheet, the columns whose full ISO dates become Excel dates
DATE_COLUMNS = {"events": ("date",), "dates": ("value",)}
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_MAX_WIDTH = {"evidence": 90, "message": 90, "title": 50}
_DEFAULT_MAX_WIDTH = 48
_WIDTH_SAMPLE = 2000  # rows looked at to size a column
_CELL_LIMIT = 32767   # characters Excel keeps in one cell
_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?")
# characters XML 1.0 (and so .xlsx) cannot hold
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def excel_date(value: Any) -> _dt.date | _dt.datetime | None:
    """A date (or date and time) when ``value`` is a full ISO date, else None."""
    if not isinstance(value, str):
        return None
    match = _FULL_DATE.fullmatch(value)
    if not match:
        return None
    parts = [int(p) if p else 0 for p in match.groups()]
    try:
        if match.group(4) is None:
            return _dt.date(*parts[:3])
        return _dt.datetime(*parts)
    except ValueError:  # 2024-02-30
        return None


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (full-width) characters count as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _read_errors(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def load_frames(out_dir: str | os.PathLike[str],
                errors: Iterable[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The tables of an output folder as DataFrames, from ``records.jsonl`` and ``errors.csv``
    (or ``errors``, the run's error rows, when the folder has no CSV tables). Documents are in
    source order, as in the CSV tables."""
    from .output import RECORDS_FILE, documents_to_frames, iter_records

    out = Path(out_dir)
    records = out / RECORDS_FILE
    if not records.exists():
        raise OutputError(f"{records}: no records to write to a workbook")
    docs = sorted(iter_records(records), key=lambda d: (d.get("source") is None, d.get("source") or ""))
    return documents_to_frames(docs, _read_errors(out / "errors.csv") if errors is None else errors)


def _plain(value: Any) -> Any:
    """A cell value openpyxl writes: None for missing, Python scalars, clean bounded text."""
    if value is None:
        return None
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # lists and other non-scalars
        pass
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:_CELL_LIMIT]
    return value


def _write_sheet(book: Any, name: str, frame: Any) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    columns = [str(c) for c in frame.columns]
    sheet.append(columns)
    header_font = Font(bold=True, color="1F2328")
    header_fill = PatternFill("solid", fgColor="E8EDF3")
    header_border = Border(bottom=Side(style="thin", color="9FB3C8"))
    for cell in sheet[1]:
        cell.font, cell.fill, cell.border = header_font, header_fill, header_border
        cell.alignment = Alignment(vertical="center")

    date_columns = {columns.index(c) for c in DATE_COLUMNS.get(name, ()) if c in columns}
    widths = [display_width(c) for c in columns]
    for row_number, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for col, raw in enumerate(row):
            value = _plain(raw)
            if value is None:  # an empty cell is no cell at all
                continue
            as_date = excel_date(value) if col in date_columns else None
            cell = sheet.cell(row=row_number, column=col + 1, value=as_date if as_date is not None else value)
            if as_date is not None:
                cell.number_format = DATETIME_FORMAT if isinstance(as_date, _dt.datetime) else DATE_FORMAT
            elif isinstance(value, str):
                cell.data_type = "s"  # text stays text: no formula from a leading '='
            if row_number - 2 < _WIDTH_SAMPLE:
                shown = 16 if as_date is not None else display_width(str(value))
                widths[col] = max(widths[col], shown)
    for col, width in enumerate(widths):
        limit = _MAX_WIDTH.get(columns[col], _DEFAULT_MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(col + 1)].width = max(6, min(width, limit)) + 2
    sheet.freeze_panes = "B2" if columns and columns[0] == "source" else "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(frame) + 1)}"


def write_workbook(out_dir_or_frames: str | os.PathLike[str] | Mapping[str, Any],
                   path: str | os.PathLike[str]) -> Path:
    """Write the run's tables to one ``.xlsx`` workbook at ``path`` (atomically) and return it.

    ``out_dir_or_frames`` is an output folder (read from ``records.jsonl`` and ``errors.csv``) or
    the DataFrames of ``documents_to_frames`` / ``Batch.to_frames()``. A missing table becomes
    a sheet with its header only.
    """
    import pandas as pd
    from openpyxl import Workbook

    from .output import table_columns, temporary_file

    frames = (out_dir_or_frames if isinstance(out_dir_or_frames, Mapping)
              else load_frames(out_dir_or_frames))
    book = Workbook()
    book.remove(book.active)
    for name in SHEETS:
        frame = frames.get(name)
        if frame is None:
            frame = pd.DataFrame(columns=table_columns(name))
        _write_sheet(book, name, frame)

    target = Path(path)
    try:
        fd, temp = temporary_file(target)
        os.close(fd)
        try:
            book.save(temp)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the workbook ({exc.strerror or exc})") from exc
    return target


def main(argv: list[str] | None = None) -> int:
    """``python -m prextract.xlsx OUT [WORKBOOK]``: write ``OUT/records.xlsx`` (or WORKBOOK)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 2:
        print("usage: python -m prextract.xlsx OUT [WORKBOOK.xlsx]", file=sys.stderr)
        return 2
    target = args[1] if len(args) == 2 else Path(args[0]) / WORKBOOK_FILE
    try:
        written = write_workbook(args[0], target)
    except OutputError as exc:
        print(f"prextract: {exc}", file=sys.stderr)
        return 1
    print(f"prextract: workbook written to {written}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
