"""Access to the data under models/ (installed as the ``prextract.models`` package).

Every lexicon is read once per process: the loaders are cached.
"""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _read_text(name: str) -> str:
    return resources.files("prextract.models").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV lexicon as dicts keyed by its header.

    Lines starting with ``#`` are comments (the source of the facts is noted there).
    """
    lines = [line for line in _read_text(name).splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@lru_cache(maxsize=None)
def load_column(name: str, column: str) -> frozenset[str]:
    """One column of a TSV lexicon as a set of strings."""
    return frozenset(row[column] for row in load_tsv(name) if row.get(column))


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in _read_text(name).splitlines()
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    return json.loads(_read_text(name))
