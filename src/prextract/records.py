"""The records prextract returns: frozen dataclasses whose ``to_dict()`` is schema ``prextract/1``.

Every record keeps the raw text or the offsets it came from, so a reviewer can check it.
Offsets are character offsets into the text the extractor read, half-open ``[start, end)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "prextract/1"

DATE_KINDS = ("date", "time", "datetime", "range", "duration", "set")
ORG_KINDS = ("company", "government", "university", "research", "association", "other")
EVENT_TYPES = (
    "agreement", "appointment", "product_launch", "acquisition", "merger", "establishment",
    "funding", "event_held", "award", "other",
)
AGREEMENT_KINDS = (
    "mou", "comprehensive", "business_alliance", "capital_alliance", "joint_research", "license", "other",
)
EVENT_STATUSES = ("done", "planned", "negated")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression: raw text, offsets and its TIMEX3 / ISO 8601 value."""

    text: str
    start: int
    end: int
    kind: str
    value: str | None
    year_inferred: bool = False
    # APPROX (頃), AFTER (以降), BEFORE (まで), START/MID/END (上旬…), ANNIVERSARY …
    modifier: str | None = None
    # for kind == "set": how often per period, e.g. "1" for 毎週 (value P1W)
    frequency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end,
                               "kind": self.kind, "value": self.value}
        if self.kind != "duration":
            out["year_inferred"] = self.year_inferred
        if self.modifier is not None:
            out["modifier"] = self.modifier
        if self.frequency is not None:
            out["frequency"] = self.frequency
        return out


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """An amount of money or a percentage, with the number as written and as a value."""

    text: str
    start: int
    end: int
    kind: str                 # "money" or "percent"
    value: float
    currency: str | None = None   # ISO 4217 (JPY, USD, …); None for percentages
    tax: str | None = None        # "included" / "excluded" where the text says so
    approximate: bool = False     # 約, 程度, 超 …
    modifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end,
                               "kind": self.kind, "value": self.value, "currency": self.currency}
        if self.tax is not None:
            out["tax"] = self.tax
        if self.approximate:
            out["approximate"] = True
        if self.modifier is not None:
            out["modifier"] = self.modifier
        return out


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    # batch-wide key: the name without legal-form words, NFKC, no spaces (三井不動産㈱ -> 三井不動産)
    org_key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases), "kind": self.kind,
                "mentions": [list(m) for m in self.mentions], "org_key": self.org_key}


@dataclass(frozen=True, slots=True)
class Role:
    """A post a person holds; ``organization`` is the id of an Organization, or None."""

    title: str
    organization: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    reading: str | None
    roles: tuple[Role, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "reading": self.reading,
                "roles": [r.to_dict() for r in self.roles],
                "mentions": [list(m) for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened (or is planned): the common fields, then type-specific ones.

    ``attributes`` holds the type-specific fields of DESIGN.md (``person``, ``title``,
    ``product``, ``venue`` …) as sorted ``(name, value)`` pairs, so the record stays hashable.
    """

    type: str
    date: str | None
    parties: tuple[str, ...]
    evidence: Evidence
    confidence: float
    status: str = "done"
    agreement_kind: str | None = None
    duration: str | None = None
    ordinal: int | None = None
    attributes: tuple[tuple[str, Any], ...] = ()

    def attribute(self, name: str, default: Any = None) -> Any:
        for key, value in self.attributes:
            if key == name:
                return value
        return default

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        if self.type == "agreement":
            out["agreement_kind"] = self.agreement_kind
        out["date"] = self.date
        out["parties"] = list(self.parties)
        if self.duration is not None:
            out["duration"] = self.duration
        if self.ordinal is not None:
            out["ordinal"] = self.ordinal
        out["status"] = self.status
        for key, value in self.attributes:
            out[key] = list(value) if isinstance(value, tuple) else value
        out["evidence"] = self.evidence.to_dict()
        out["confidence"] = round(self.confidence, 3)
        return out


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document; ``to_dict()`` is exactly one prextract/1 object."""

    source: str | None
    title: str | None
    release_date: str | None
    issuer: str | None
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    dates: tuple[DateMention, ...] = ()
    money: tuple[MoneyMention, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    # how the text was obtained and analysed: encoding, sha256, versions (an extension of prextract/1)
    meta: tuple[tuple[str, Any], ...] = field(default=())

    def organization(self, org_id: str) -> Organization | None:
        return next((o for o in self.organizations if o.id == org_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "title": self.title,
            "release_date": self.release_date,
            "issuer": self.issuer,
            "organizations": [o.to_dict() for o in self.organizations],
            "people": [p.to_dict() for p in self.people],
            "dates": [d.to_dict() for d in self.dates],
            "money": [m.to_dict() for m in self.money],
            "events": [e.to_dict() for e in self.events],
            "warnings": list(self.warnings),
            "meta": dict(self.meta),
        }
