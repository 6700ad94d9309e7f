"""Validation of prextract/1 documents against the shipped JSON Schema.

The schema (``prextract/schema/prextract-1.schema.json``, draft 2020-12) is package data;
``jsonschema`` is imported only when a document is first validated.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

SCHEMA_FILE = "prextract-1.schema.json"


class SchemaValidationError(ValueError):
    """A document does not follow prextract/1; ``problems`` holds (path, message) pairs.

    A ``ValueError`` rather than a ``PrextractError``: an invalid document is a bug in the code
    that produced it, not a bad input a user can fix.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        lines = [f"{path}: {message}" for path, message in problems]
        super().__init__("not a valid prextract/1 document:\n  " + "\n  ".join(lines))


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The prextract/1 JSON Schema as a dict (read once per process)."""
    text = resources.files("prextract.schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema())


def _json_path(parts: Any) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _reversed_spans(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Spans whose end lies before their start: a rule JSON Schema cannot state."""
    def check(path: str, start: Any, end: Any) -> Iterator[tuple[str, str]]:
        if isinstance(start, int) and isinstance(end, int) and end < start:
            yield path, f"end {end} is before start {start}"

    for key in ("dates", "money"):
        for i, item in enumerate(doc.get(key) or []):
            yield from check(f"$.{key}[{i}]", item.get("start"), item.get("end"))
    for i, event in enumerate(doc.get("events") or []):
        evidence = event.get("evidence") or {}
        yield from check(f"$.events[{i}].evidence", evidence.get("start"), evidence.get("end"))
    for key in ("organizations", "people"):
        for i, item in enumerate(doc.get(key) or []):
            for j, span in enumerate(item.get("mentions") or []):
                if isinstance(span, list) and len(span) == 2:
                    yield from check(f"$.{key}[{i}].mentions[{j}]", span[0], span[1])
            for j, role in enumerate(item.get("roles") or []):
                yield from check(f"$.{key}[{i}].roles[{j}]", role.get("start"), role.get("end"))


def validate_document(doc: dict[str, Any]) -> None:
    """Check one document against prextract/1 (schema, then end >= start for every span).

    Raises ``SchemaValidationError`` (a ``ValueError``) listing each problem with its JSON
    path, e.g. ``$.dates[0].kind: 'week' is not one of [...]``.
    """
    errors = sorted(_validator().iter_errors(doc), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    problems = [(_json_path(e.absolute_path), e.message) for e in errors]
    if not problems and isinstance(doc, dict):
        problems = list(_reversed_spans(doc))
    if problems:
        raise SchemaValidationError(problems)
