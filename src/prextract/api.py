"""The library's front door: one call for a text, one for a file, one for a folder."""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from .errors import PrextractError
from .extractor import Extractor
from .read import SourceText, iter_input_files, read_file
from .records import Extraction


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, *, source: str | None = None,
            reference_date: _dt.date | str | None = None) -> Extraction:
    """Extract the records of one release text.

    ``reference_date`` fills the year of partial dates (9月18日) when the text has no dateline of
    its own. Raises ``prextract.errors.EmptyInputError`` for an empty text.
    """
    return default_extractor().extract(text, source=source, reference_date=reference_date)


def source_meta(src: SourceText) -> dict[str, Any]:
    meta: dict[str, Any] = {"encoding": src.encoding, "format": src.format, "sha256": src.sha256}
    if src.html_extractor:
        meta["html_extractor"] = src.html_extractor
    return meta


def extract_file(path: str | os.PathLike[str], *, encoding: str | None = None,
                 reference_date: _dt.date | str | None = None, source: str | None = None) -> Extraction:
    """Read a release file (.txt, .md, .html; UTF-8, CP932, EUC-JP …) and extract its records."""
    src = read_file(path, encoding=encoding)
    return default_extractor().extract(src.text, source=source or str(path), reference_date=reference_date,
                                       meta=source_meta(src))


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be processed, and why (a row of errors.csv)."""

    source: str
    stage: str
    error_type: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "stage": self.stage, "error_type": self.error_type,
                "message": self.message}


@dataclass(frozen=True)
class Batch:
    """The documents of a folder and the files that failed, in source order."""

    documents: tuple[Extraction, ...] = field(default=())
    errors: tuple[FileError, ...] = field(default=())

    def to_frames(self) -> dict[str, Any]:
        """pandas DataFrames: events, people, organizations, dates, money, errors."""
        from .output import documents_to_frames
        return documents_to_frames((d.to_dict() for d in self.documents), (e.to_dict() for e in self.errors))


def iter_folder(root: str | os.PathLike[str], *, encoding: str | None = None,
                reference_date: _dt.date | str | None = None,
                skip: Callable[[str], bool] | None = None) -> Iterator[Extraction | FileError]:
    """Extract every release under ``root``, yielding a document or a FileError per file, in
    sorted order. ``source`` is the path relative to ``root`` (POSIX separators)."""
    root = Path(root)
    extractor = default_extractor()
    for path in iter_input_files(root):
        source = path.relative_to(root).as_posix() if root.is_dir() else path.name
        if skip is not None and skip(source):
            continue
        stage = "read"
        try:
            src = read_file(path, encoding=encoding)
            stage = "extract"
            yield extractor.extract(src.text, source=source, reference_date=reference_date,
                                    meta=source_meta(src))
        except PrextractError as exc:
            yield FileError(source, exc.stage, type(exc).__name__, str(exc))
        except Exception as exc:  # a bug in one file's reading or extraction must not stop the run
            yield FileError(source, stage, type(exc).__name__, str(exc) or repr(exc))


def extract_folder(root: str | os.PathLike[str], *, encoding: str | None = None,
                   reference_date: _dt.date | str | None = None) -> Batch:
    """Extract every .txt/.md/.html release under ``root`` (recursively) into a Batch."""
    docs: list[Extraction] = []
    errors: list[FileError] = []
    for item in iter_folder(root, encoding=encoding, reference_date=reference_date):
        (errors if isinstance(item, FileError) else docs).append(item)
    return Batch(tuple(docs), tuple(errors))
