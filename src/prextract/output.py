"""Write prextract/1 documents (the plain dicts of ``Extraction.to_dict()``) to files and tables.

- ``records.jsonl``: one document per line, appended and fsync'ed as each document finishes, so
  a crash loses at most the document being written (a cut last line is dropped on resume).
- ``json/<name>.json``: one pretty document per input file, written atomically.
- CSV tables (``events``, ``people``, ``organizations``, ``dates``, ``money``, ``errors``) in
  ``utf-8-sig`` for Excel, written atomically at the end from ``records.jsonl``, so memory
  stays flat however many documents a run has; rows are sorted by ``source``.

Every file is either appended line by line with fsync or written to a temporary file in the
same folder and moved into place with ``os.replace``: an interrupted run never leaves a
half-written CSV or JSON file.
"""
from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePath
from typing import IO, Any

from .errors import OutputError

log = logging.getLogger(__name__)

LIST_SEPARATOR = " / "
FORMATS = ("csv", "jsonl", "json")
TABLES = ("events", "people", "organizations", "dates", "money")
RECORDS_FILE = "records.jsonl"
JSON_DIR = "json"
_TEMP_PREFIX = ".prextract-"
_TEMP_SUFFIX = ".tmp"

#: fixed column order per table; ``events`` gets the other keys of its event dicts appended, sorted
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("source", "type", "date", "parties", "status", "confidence", "evidence",
               "evidence_start", "evidence_end", "agreement_kind", "duration", "ordinal"),
    "people": ("source", "person_id", "name", "reading", "title", "organization", "organization_id",
               "title_start", "title_end", "mentions"),
    "organizations": ("source", "id", "name", "org_key", "kind", "aliases", "mentions"),
    "dates": ("source", "text", "start", "end", "kind", "value", "year_inferred", "modifier", "frequency"),
    "money": ("source", "text", "start", "end", "kind", "value", "currency", "tax", "approximate",
              "modifier"),
    "errors": ("source", "stage", "error_type", "message"),
}
# event keys with a fixed column (``evidence`` is spread over three)
_EVENT_FIXED_KEYS = frozenset(TABLE_COLUMNS["events"]) | {"evidence"}
_INTEGER_COLUMNS = frozenset({"start", "end", "evidence_start", "evidence_end", "title_start",
                              "title_end", "ordinal"})
_BOOLEAN_COLUMNS = frozenset({"year_inferred", "approximate"})


# --------------------------------------------------------------------------------------------
# documents -> table rows

def _scalar(value: Any) -> Any:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _cell(value: Any) -> Any:
    """A value for one cell: lists joined with `` / ``, nested structures as JSON, None kept."""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join("" if v is None else str(_scalar(v)) for v in value)
    return _scalar(value)


def _spans(mentions: Iterable[Iterable[int]] | None) -> str:
    return LIST_SEPARATOR.join(f"{start}-{end}" for start, end in (mentions or ()))


def _event_row(source: str | None, event: Mapping[str, Any]) -> dict[str, Any]:
    evidence = event.get("evidence") or {}
    row = {
        "source": source,
        "type": event.get("type"),
        "date": event.get("date"),
        "parties": _cell(event.get("parties") or []),
        "status": event.get("status"),
        "confidence": event.get("confidence"),
        "evidence": evidence.get("text"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "agreement_kind": event.get("agreement_kind"),
        "duration": event.get("duration"),
        "ordinal": event.get("ordinal"),
    }
    for key in sorted(k for k in event if k not in _EVENT_FIXED_KEYS):
        row[key] = _cell(event[key])
    return row


def _people_rows(source: str | None, person: Mapping[str, Any],
                 org_names: Mapping[str, str]) -> list[dict[str, Any]]:
    base = {"source": source, "person_id": person.get("id"), "name": person.get("name"),
            "reading": person.get("reading")}
    mentions = _spans(person.get("mentions"))
    roles = person.get("roles") or [{}]  # a person with no role still gets a row
    rows = []
    for role in roles:
        org_id = role.get("organization")
        rows.append({**base, "title": role.get("title"),
                     "organization": org_names.get(org_id) if org_id is not None else None,
                     "organization_id": org_id, "title_start": role.get("start"),
                     "title_end": role.get("end"), "mentions": mentions})
    return rows


def document_tables(doc: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The table rows of one prextract/1 document, keyed by table name (see ``TABLE_COLUMNS``)."""
    source = doc.get("source")
    organizations = doc.get("organizations") or []
    org_names = {o.get("id"): o.get("name") for o in organizations}
    return {
        "events": [_event_row(source, e) for e in doc.get("events") or []],
        "people": [row for p in doc.get("people") or [] for row in _people_rows(source, p, org_names)],
        "organizations": [
            {"source": source, "id": o.get("id"), "name": o.get("name"), "org_key": o.get("org_key"),
             "kind": o.get("kind"), "aliases": _cell(o.get("aliases") or []),
             "mentions": _spans(o.get("mentions"))}
            for o in organizations
        ],
        "dates": [
            {"source": source, "text": d.get("text"), "start": d.get("start"), "end": d.get("end"),
             "kind": d.get("kind"), "value": d.get("value"), "year_inferred": d.get("year_inferred"),
             "modifier": d.get("modifier"), "frequency": d.get("frequency")}
            for d in doc.get("dates") or []
        ],
        "money": [
            {"source": source, "text": m.get("text"), "start": m.get("start"), "end": m.get("end"),
             "kind": m.get("kind"), "value": m.get("value"), "currency": m.get("currency"),
             "tax": m.get("tax"), "approximate": bool(m.get("approximate", False)),
             "modifier": m.get("modifier")}
            for m in doc.get("money") or []
        ],
    }


def event_extra_keys(doc: Mapping[str, Any]) -> set[str]:
    """Type-specific event keys of a document (``person``, ``venue`` …), beyond the fixed columns."""
    return {key for event in doc.get("events") or [] for key in event if key not in _EVENT_FIXED_KEYS}


def table_columns(table: str, extra_event_keys: Iterable[str] = ()) -> list[str]:
    """Column order of a table: ``TABLE_COLUMNS``, plus the extra event keys sorted for events."""
    columns = list(TABLE_COLUMNS[table])
    if table == "events":
        columns += sorted(set(extra_event_keys) - set(columns))
    return columns


def _error_row(error: Mapping[str, Any]) -> dict[str, Any]:
    return {column: error.get(column) for column in TABLE_COLUMNS["errors"]}


def documents_to_frames(docs: Iterable[Mapping[str, Any]],
                        errors: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """pandas DataFrames ``events``, ``people``, ``organizations``, ``dates``, ``money``, ``errors``.

    Rows keep the input order. Offsets are nullable integers (``Int64``), flags ``boolean``.
    """
    import pandas as pd

    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    extra: set[str] = set()
    for doc in docs:
        extra |= event_extra_keys(doc)
        for table, table_rows in document_tables(doc).items():
            rows[table].extend(table_rows)
    rows["errors"] = [_error_row(e) for e in errors]

    frames = {}
    for table, table_rows in rows.items():
        frame = pd.DataFrame(table_rows, columns=table_columns(table, extra))
        for column in frame.columns:
            if column in _INTEGER_COLUMNS:
                frame[column] = frame[column].astype("Int64")
            elif column in _BOOLEAN_COLUMNS:
                frame[column] = frame[column].astype("boolean")
        frames[table] = frame
    return frames


# --------------------------------------------------------------------------------------------
# durable file writes

def _fsync_dir(directory: Path) -> None:
    """Make a rename durable; not every platform can open a folder, which is then fine to skip."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temporary_file(path: str | os.PathLike[str]) -> tuple[int, str]:
    """``(fd, name)`` of a new temporary file beside ``path``, to be moved over it when complete.

    mkstemp creates it readable by its owner only; it gets the mode a plain ``open`` would have
    given ``path`` (0666 less the umask), so that a finished output is as readable as any file.
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f"{_TEMP_PREFIX}{path.name}.", suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        with contextlib.suppress(OSError):  # some filesystems have no modes: keep what mkstemp gave
            os.fchmod(fd, 0o666 & ~umask)
    except BaseException:  # Ctrl-C between creating the file and handing it over
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return fd, name


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], *, encoding: str = "utf-8",
                newline: str | None = None) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` complete or not at all.

    Written to a temporary file in the same folder, fsync'ed and moved over ``path`` with
    ``os.replace`` when the block ends without an exception; removed otherwise.
    """
    path = Path(path)
    fd, temp_name = temporary_file(path)
    try:
        with open(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_dir(path.parent)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (temporary file + ``os.replace``)."""
    try:
        with atomic_open(path, encoding=encoding, newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the file ({exc.strerror or exc})") from exc


def _json_line(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False) + "\n"


def write_json(path: str | os.PathLike[str], doc: Mapping[str, Any]) -> None:
    """One document as pretty JSON (UTF-8, not ASCII-escaped), written atomically."""
    atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(path: str | os.PathLike[str], docs: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> None:
    """A JSON Lines file of one document or many, written atomically."""
    if isinstance(docs, Mapping):
        docs = [docs]
    try:
        with atomic_open(path, encoding="utf-8", newline="") as handle:
            for doc in docs:
                handle.write(_json_line(doc))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the file ({exc.strerror or exc})") from exc


def append_jsonl(handle: IO[str], doc: Mapping[str, Any]) -> int:
    """Append one document as one line to an open JSON Lines file, and fsync it; the line's
    length in UTF-8 bytes."""
    line = _json_line(doc)
    handle.write(line)
    handle.flush()
    os.fsync(handle.fileno())
    return len(line.encode("utf-8"))


def _parse_line(raw: bytes, path: Path, number: int) -> dict[str, Any] | None:
    """The record on a line; None for a blank line; ValueError when it is not a JSON object."""
    if not raw.strip():
        return None
    record = json.loads(raw.decode("utf-8"))
    if not isinstance(record, dict):
        raise ValueError(f"{path}:{number}: the line is not a JSON object")
    return record


def _iter_lines(path: Path) -> Iterator[tuple[int, int, bytes, bool]]:
    """``(line number, byte offset, raw line, is last)`` for each line of a file."""
    with open(path, "rb") as handle:
        offset, previous, number = 0, None, 0
        for raw in handle:
            if previous is not None:
                yield number, previous[0], previous[1], False
            number += 1
            previous = (offset, raw)
            offset += len(raw)
        if previous is not None:
            yield number, previous[0], previous[1], True


def _iter_indexed_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(byte offset, record)`` of each line; a broken last line (a cut write) is skipped."""
    for number, offset, raw, last in _iter_lines(path):
        try:
            record = _parse_line(raw, path, number)
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            if last:
                log.warning("%s: line %d is incomplete (an interrupted write); skipped", path, number)
                return
            raise OutputError(f"{path}: line {number} is not a JSON document ({exc})") from None
        if record is not None:
            yield offset, record


def iter_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The documents of a JSON Lines file, one at a time; a broken last line is skipped."""
    for _, record in _iter_indexed_records(Path(path)):
        yield record


def read_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """All documents of a JSON Lines file; a broken last line (an interrupted write) is skipped.

    A broken line anywhere else is not ours to guess about: OutputError.
    """
    return list(iter_records(path))


def repair_jsonl(path: str | os.PathLike[str]) -> bool:
    """Cut a broken last line off a JSON Lines file (in place); True if something was cut.

    A last line that is complete JSON but lacks its newline gets the newline instead.
    """
    path = Path(path)
    if not path.exists():
        return False
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        start = _last_line_start(handle, size)
        handle.seek(start)
        tail = handle.read()
        if not tail or tail.endswith(b"\n"):
            return False
        try:
            _parse_line(tail, path, 0)
        except ValueError:
            handle.truncate(start)
            log.warning("%s: dropped an incomplete last line (%d bytes)", path, len(tail))
            cut = True
        else:
            handle.write(b"\n")
            cut = False
        handle.flush()
        os.fsync(handle.fileno())
    return cut


def _last_line_start(handle: IO[bytes], size: int, chunk: int = 65536) -> int:
    """Byte offset just after the last newline before the end (0 if there is none)."""
    end = size
    while end > 0:
        start = max(0, end - chunk)
        handle.seek(start)
        block = handle.read(end - start)
        # a newline as the very last byte ends the last line, it does not start one
        search_end = len(block) - 1 if end == size else len(block)
        index = block.rfind(b"\n", 0, search_end)
        if index >= 0:
            return start + index + 1
        end = start
    return 0


# --------------------------------------------------------------------------------------------
# a folder run

_UNSAFE_NAME_CHARS = re.compile(r'[<>:"|?*\\\x00-\x1f]')


class OutputWriter:
    """Writes the results of a folder run to ``out_dir`` as documents arrive.

    Use as a context manager; ``write(doc)`` per document, ``error(...)`` per failed file.
    ``input_root`` makes absolute ``source`` paths relative for the JSON file names.
    ``resume=True`` keeps an existing ``records.jsonl`` (dropping a cut last line) and appends;
    ``done_sources``, ``is_done(source, sha256)`` and ``record_with_hash(sha256)`` then tell
    which inputs are finished. Otherwise the run starts afresh.
    ``compact=True`` rewrites ``records.jsonl`` at close (atomically) sorted by source, one
    document per source (the last one written), none for a source that failed in this run: a
    run whose documents arrive in any order, or that resumed after a crash, ends the same.
    One writer per folder at a time.
    """

    def __init__(self, out_dir: str | os.PathLike[str], formats: Iterable[str] = FORMATS, *,
                 input_root: str | os.PathLike[str] | None = None, resume: bool = False,
                 compact: bool = False) -> None:
        self.formats = tuple(formats)
        unknown = set(self.formats) - set(FORMATS)
        if unknown:
            raise ValueError(f"unknown output format(s) {sorted(unknown)}; use {', '.join(FORMATS)}")
        self.out_dir = Path(out_dir)
        self.input_root = Path(input_root) if input_root is not None else None
        self.resume = resume
        self.compact = compact
        # the documents stream to records.jsonl; without that format, to a hidden file the CSV
        # tables are built from and which is removed at close
        name = RECORDS_FILE if "jsonl" in self.formats else f"{_TEMP_PREFIX}records.partial.jsonl"
        self.records_path = self.out_dir / name
        self._handle: IO[str] | None = None
        self._errors: list[dict[str, Any]] = []
        self._json_names: set[str] = set()
        self._done: set[str] = set()
        self._done_keys: set[tuple[str | None, str | None]] = set()   # (source, sha256)
        self._offset_of_hash: dict[str, int] = {}   # sha256 -> byte offset of its record
        self._size = 0                              # bytes in the records file
        self._written = 0
        self._closed = False

    # -- lifecycle ------------------------------------------------------------------------
    def open(self) -> OutputWriter:
        if self._handle is not None:
            return self
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            if "json" in self.formats:
                (self.out_dir / JSON_DIR).mkdir(exist_ok=True)
            self._remove_stale_temp_files()
            if self.resume and self.records_path.exists():
                repair_jsonl(self.records_path)
                for offset, record in _iter_indexed_records(self.records_path):
                    self._remember(record, offset)
                self._handle = open(self.records_path, "a", encoding="utf-8", newline="")
                self._size = self.records_path.stat().st_size
            else:
                self._handle = open(self.records_path, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise OutputError(f"{self.out_dir}: cannot prepare the output folder ({exc.strerror or exc})") from exc
        return self

    def __enter__(self) -> OutputWriter:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        # the tables are written from the documents finished so far, even after an error
        self.close()

    def _remove_stale_temp_files(self) -> None:
        """Temporary files a killed run of ours left behind (never anything else)."""
        for folder in (self.out_dir, self.out_dir / JSON_DIR):
            if folder.is_dir():
                for leftover in folder.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
                    leftover.unlink(missing_ok=True)

    @property
    def done_sources(self) -> frozenset[str]:
        """Sources whose documents are in the records (from an earlier run when resuming)."""
        return frozenset(self._done)

    def is_done(self, source: str | None, sha256: str | None) -> bool:
        """Whether the records hold a document of ``source`` made from content ``sha256``."""
        return (source, sha256) in self._done_keys

    def record_with_hash(self, sha256: str) -> dict[str, Any] | None:
        """A document already in the records that was made from content ``sha256``, or None."""
        offset = self._offset_of_hash.get(sha256)
        if offset is None:
            return None
        with open(self.records_path, "rb") as records:
            records.seek(offset)
            return json.loads(records.readline().decode("utf-8"))

    def _remember(self, doc: Mapping[str, Any], offset: int) -> None:
        source = doc.get("source")
        if source is not None:
            self._done.add(source)
        meta = doc.get("meta")
        sha256 = meta.get("sha256") if isinstance(meta, Mapping) else None
        self._done_keys.add((source, sha256))
        if sha256 is not None:
            self._offset_of_hash.setdefault(sha256, offset)

    # -- per document ---------------------------------------------------------------------
    def write(self, doc: Mapping[str, Any]) -> None:
        """Write ``doc``'s JSON file, then append it to the records (durably).

        In that order, a run killed between the two leaves a JSON file without its record, which
        a resumed run writes again, never a record whose JSON file is missing.
        """
        if self._handle is None:
            self.open()
        assert self._handle is not None
        source = doc.get("source")
        if "json" in self.formats:
            write_json(self.out_dir / JSON_DIR / self._json_name(source), doc)
        try:
            length = append_jsonl(self._handle, doc)
        except OSError as exc:
            raise OutputError(f"{self.records_path}: cannot append ({exc.strerror or exc})") from exc
        self._written += 1
        self._remember(doc, self._size)
        self._size += length

    def error(self, source: str | None, stage: str, error_type: str, message: str) -> None:
        """Record an input that could not be processed (a row of ``errors.csv``)."""
        self._errors.append({"source": source, "stage": stage, "error_type": error_type,
                             "message": message})

    def error_from_exception(self, source: str | None, exc: BaseException) -> None:
        """``error()`` from an exception: its class name, its ``stage`` if it has one, its message."""
        self.error(source, getattr(exc, "stage", "extract"), type(exc).__name__, str(exc))

    def _json_name(self, source: str | None) -> str:
        """``sub/a.html`` -> ``sub__a.html.json``: unique per input, the extension kept."""
        if source is None:
            stem = f"document-{self._written + 1:06d}"  # this document's number
        else:
            path = PurePath(source)
            if self.input_root is not None and path.is_absolute():
                for root in (self.input_root, self.input_root.resolve()):
                    if path.is_relative_to(root):
                        path = path.relative_to(root)
                        break
            parts = [p for p in path.parts if p not in (path.anchor, "")]
            stem = _UNSAFE_NAME_CHARS.sub("_", "__".join(parts)) or "document"
        name, n = f"{stem}.json", 1
        while name in self._json_names:  # two sources that map to one name
            n += 1
            name = f"{stem}~{n}.json"
        self._json_names.add(name)
        return name

    # -- at the end -----------------------------------------------------------------------
    def close(self) -> None:
        """Close the records and write the CSV tables (once)."""
        if self._closed:
            return
        self._closed = True
        if self._handle is None:
            self.open()
        assert self._handle is not None
        self._handle.close()
        try:
            if self.compact:
                self._compact_records()
            if "csv" in self.formats:
                self._write_tables()
        finally:
            if "jsonl" not in self.formats:
                self.records_path.unlink(missing_ok=True)
            # a write cut short by Ctrl-C in the instant before its own cleanup could run
            self._remove_stale_temp_files()

    def _compact_records(self) -> None:
        """Rewrite the records sorted by source, the last document of each source only, none of
        a source that failed in this run (see the class docstring); atomically."""
        failed = {e["source"] for e in self._errors if e["source"] is not None}
        last: dict[str, tuple[int, int]] = {}
        unnamed: list[tuple[int, int]] = []
        for seq, (offset, doc) in enumerate(_iter_indexed_records(self.records_path)):
            source = doc.get("source")
            if source is None:
                unnamed.append((seq, offset))
            elif source not in failed:
                last[source] = (seq, offset)
        order = [offset for _, (_, offset) in sorted(last.items())] + [offset for _, offset in unnamed]
        try:
            with open(self.records_path, "rb") as records, \
                    atomic_open(self.records_path, encoding="utf-8", newline="") as handle:
                for offset in order:
                    records.seek(offset)
                    handle.write(records.readline().decode("utf-8").rstrip("\n") + "\n")
        except OSError as exc:
            raise OutputError(f"{self.records_path}: cannot rewrite ({exc.strerror or exc})") from exc

    def _write_tables(self) -> None:
        # Pass 1: the order (by source) and the event columns, keeping only offsets in memory.
        index: list[tuple[bool, str, int, int]] = []
        extra: set[str] = set()
        for seq, (offset, doc) in enumerate(_iter_indexed_records(self.records_path)):
            source = doc.get("source")
            index.append((source is None, source or "", seq, offset))
            extra |= event_extra_keys(doc)
        index.sort()

        # Pass 2: one document at a time into every table's temporary file.
        try:
            with contextlib.ExitStack() as stack:
                writers = {}
                for table in TABLES:
                    handle = stack.enter_context(
                        atomic_open(self.out_dir / f"{table}.csv", encoding="utf-8-sig", newline=""))
                    writers[table] = csv.DictWriter(handle, fieldnames=table_columns(table, extra))
                    writers[table].writeheader()
                errors_handle = stack.enter_context(
                    atomic_open(self.out_dir / "errors.csv", encoding="utf-8-sig", newline=""))
                errors_writer = csv.DictWriter(errors_handle, fieldnames=table_columns("errors"))
                errors_writer.writeheader()
                errors = sorted(self._errors, key=lambda e: (e["source"] is None, e["source"] or ""))
                errors_writer.writerows(_error_row(e) for e in errors)

                with open(self.records_path, "rb") as records:
                    for _, _, _, offset in index:
                        records.seek(offset)
                        doc = json.loads(records.readline().decode("utf-8"))
                        for table, rows in document_tables(doc).items():
                            writers[table].writerows(rows)
        except OSError as exc:
            raise OutputError(f"{self.out_dir}: cannot write the CSV tables ({exc.strerror or exc})") from exc
