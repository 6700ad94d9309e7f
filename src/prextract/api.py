"""The library's front door: one call for a text, one for a file, one for a folder."""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator

from .extractor import Extractor
from .normalize import replace_lone_surrogates
from .read import SourceText, read_file
from .records import Extraction


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, *, source: str | None = None,
            reference_date: _dt.date | str | None = None) -> Extraction:
    """Extract the records of one release text.

    ``reference_date`` fills the year of partial dates (9月18日) when the text has no dateline of
    its own. Raises ``prextract.errors.EmptyInputError`` for an empty text.

    Lone surrogates (``\\ud800``: not characters, a str can hold them but no encoding can write
    them, and the parser refuses them) are read as U+FFFD; offsets are unchanged.
    """
    if isinstance(text, str):
        text = replace_lone_surrogates(text)
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
    sorted order. ``source`` is the path relative to ``root`` (POSIX separators). Files go
    through the NLP pipeline in batches; the folder is read as it goes, never all at once."""
    from .runner import DEFAULT_CHUNK_SIZE, Options, chunks, extract_batch, work_items

    options = Options(encoding=encoding, reference_date=_as_date(reference_date))
    items = (item for item in work_items(root) if skip is None or not skip(item.source))
    for chunk in chunks(items, DEFAULT_CHUNK_SIZE):
        yield from extract_batch(chunk, options)


def _as_date(value: _dt.date | str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if isinstance(value, str) else value


def extract_folder(root: str | os.PathLike[str], *, encoding: str | None = None,
                   reference_date: _dt.date | str | None = None, client: Any = None) -> Batch:
    """Extract every .txt/.md/.html release under ``root`` (recursively) into a Batch.

    ``client`` (a ``distributed.Client``, ``pip install "prextract[dask]"``) extracts the files on
    its Dask cluster, whose workers must be able to read ``root`` (a shared folder or an fsspec
    URL); the Batch is the same.
    """
    docs: list[Extraction] = []
    errors: list[FileError] = []
    if client is not None:
        from .cluster import iter_folder_on_cluster
        from .runner import Options
        found: Iterator[Extraction | FileError] = iter_folder_on_cluster(
            root, client, options=Options(encoding=encoding, reference_date=_as_date(reference_date)))
    else:
        found = iter_folder(root, encoding=encoding, reference_date=reference_date)
    for item in found:
        (errors if isinstance(item, FileError) else docs).append(item)
    return Batch(tuple(docs), tuple(errors))
