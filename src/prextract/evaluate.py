"""Score prextract/1 records against hand-checked gold files (``prextract evaluate``).

Each field (organisations, people, roles, dates, money, events) is scored by precision, recall
and F1 over a one-to-one matching between gold items and predicted items of one document; the
totals are micro-averaged over all documents. The matching rules are those of DESIGN.md's gold
format: names compare by ``org_key`` / ``person_key`` (an alias counts as its organisation), a
gold ``XXXX`` year accepts any year, a null gold event date accepts any date, an agreement needs
every party but the issuer and other events one participant.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from prextract.errors import InputError
from prextract.names import normalize_name, org_key, person_key

FIELDS = ("organizations", "people", "roles", "dates", "money", "events")
#: money values match when they differ by at most this share of the gold value
MONEY_TOLERANCE = 0.005
#: the event keys (gold or predicted) whose values are participants of the event
PARTICIPANT_KEYS = ("parties", "subject", "object", "person", "organization")
_GOLD_SUFFIXES = (".gold.json", ".json")


# --------------------------------------------------------------------------- scores

@dataclass(frozen=True, slots=True)
class FieldScore:
    """Counts of one field and the scores they give.

    With nothing to find and nothing found, precision, recall and F1 are 1.0; with nothing
    predicted but something to find, precision is 0.0 (and symmetrically for recall).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        """True when the field had nothing in the gold and nothing predicted."""
        return self.tp == self.fp == self.fn == 0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class FieldResult:
    """One field of one document: its score and what was missed (fn) or spurious (fp)."""

    score: FieldScore
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**self.score.to_dict(), "missed": list(self.missed), "spurious": list(self.spurious)}


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """The scores of one gold document; ``source`` is None when no record had its stem."""

    stem: str
    source: str | None
    fields: Mapping[str, FieldResult]

    @property
    def has_record(self) -> bool:
        return self.source is not None

    @property
    def mean_f1(self) -> float:
        return _mean_f1({name: result.score for name, result in self.fields.items()})

    def to_dict(self) -> dict[str, Any]:
        return {"stem": self.stem, "source": self.source, "mean_f1": round(self.mean_f1, 4),
                "fields": {name: self.fields[name].to_dict() for name in FIELDS}}


def _mean_f1(scores: Mapping[str, FieldScore]) -> float:
    """Mean F1 over the fields that had something in the gold or the prediction (1.0 if none)."""
    used = [s.f1 for s in scores.values() if not s.empty]
    return sum(used) / len(used) if used else 1.0


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Micro-averaged scores per field, the per-document scores and what could not be paired."""

    fields: Mapping[str, FieldScore]
    documents: tuple[DocumentScore, ...]
    missing_records: tuple[str, ...] = ()        # gold stems without a record (scored all-missed)
    records_without_gold: tuple[str, ...] = ()   # record stems without gold (ignored)
    warnings: tuple[str, ...] = ()               # doubtful gold content (e.g. an alias of no listed org)

    @property
    def mean_f1(self) -> float:
        return _mean_f1(self.fields)

    def to_dict(self, per_doc: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fields": {name: self.fields[name].to_dict() for name in FIELDS},
            "mean_f1": round(self.mean_f1, 4),
            "documents": len(self.documents),
            "missing_records": list(self.missing_records),
            "records_without_gold": list(self.records_without_gold),
            "warnings": list(self.warnings),
        }
        if per_doc:
            out["per_doc"] = [doc.to_dict() for doc in self.documents]
        return out

    def to_text(self, per_doc: bool = False) -> str:
        lines = [f"prextract evaluation: {len(self.documents)} gold document(s), "
                 f"{len(self.documents) - len(self.missing_records)} with a record"]
        lines += _score_table(self.fields)
        if self.missing_records:
            lines.append(f"gold without a record (all missed): {', '.join(self.missing_records)}")
        if self.records_without_gold:
            lines.append(f"records without gold (ignored): {len(self.records_without_gold)}")
        for warning in self.warnings:
            lines.append(f"warning: {warning}")
        if per_doc:
            for doc in self.documents:
                lines.append("")
                lines.append(f"== {doc.stem}  ({doc.source or 'no record'})")
                lines += _score_table({name: r.score for name, r in doc.fields.items()})
                for name in FIELDS:
                    result = doc.fields[name]
                    lines += [f"  {name} missed:   {item}" for item in result.missed]
                    lines += [f"  {name} spurious: {item}" for item in result.spurious]
        return "\n".join(lines)


def _score_table(scores: Mapping[str, FieldScore], names: Sequence[str] = FIELDS) -> list[str]:
    header = f"  {'field':<14}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>9}{'f1':>8}"
    rows = [header]
    for name in names:
        s = scores[name]
        if s.empty:         # nothing in the gold, nothing predicted: no score to show
            rows.append(f"  {name:<14}{0:>6}{0:>6}{0:>6}{'-':>11}{'-':>9}{'-':>8}")
            continue
        rows.append(f"  {name:<14}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
                    f"{s.precision:>11.3f}{s.recall:>9.3f}{s.f1:>8.3f}")
    rows.append(f"  {'mean F1':<14}{'':>38}{_mean_f1(scores):>8.3f}")
    return rows


# --------------------------------------------------------------------------- matching

def max_matching(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """A maximum one-to-one matching: gold index -> predicted index.

    ``candidates[g]`` lists the predicted items gold item ``g`` may match, best first; each
    gold item takes its best free candidate, and augmenting paths (BFS) re-seat earlier choices
    only when that lets one more pair match.
    """
    owner: dict[int, int] = {}      # predicted -> gold
    chosen: dict[int, int] = {}     # gold -> predicted
    for start in range(len(candidates)):
        reached_from: dict[int, int] = {}
        queue = deque([start])
        free: int | None = None
        while queue and free is None:
            gold = queue.popleft()
            for pred in candidates[gold]:
                if pred in reached_from:
                    continue
                reached_from[pred] = gold
                if pred not in owner:
                    free = pred
                    break
                queue.append(owner[pred])
        pred = free
        while pred is not None:         # flip the alternating path back to ``start``
            gold = reached_from[pred]
            previous = chosen.get(gold)
            chosen[gold], owner[pred] = pred, gold
            pred = None if gold == start else previous
    return chosen


def _score_pairs(gold: Sequence[Any], pred: Sequence[Any], compatible: Callable[[Any, Any], bool],
                 label_gold: Callable[[Any], str], label_pred: Callable[[Any], str],
                 preference: Callable[[Any, Any], float] | None = None) -> FieldResult:
    candidates = []
    for g in gold:
        fits = [j for j, p in enumerate(pred) if compatible(g, p)]
        if preference is not None:
            fits.sort(key=lambda j: -preference(g, pred[j]))
        candidates.append(fits)
    chosen = max_matching(candidates)
    used = set(chosen.values())
    missed = tuple(label_gold(g) for i, g in enumerate(gold) if i not in chosen)
    spurious = tuple(label_pred(p) for j, p in enumerate(pred) if j not in used)
    return FieldResult(FieldScore(len(chosen), len(spurious), len(missed)), missed, spurious)


# --------------------------------------------------------------------------- entities

@dataclass(frozen=True, slots=True)
class _Org:
    """An organisation as a set of keys: its name and every alias."""

    label: str
    keys: frozenset[str]


class _OrgTable:
    """The organisations of one document, for resolving a written name or an id to its keys."""

    def __init__(self, orgs: Iterable[_Org], ids: Mapping[str, _Org] | None = None) -> None:
        self.orgs = list(orgs)
        self.ids = dict(ids or {})

    def resolve(self, ref: str | None) -> frozenset[str] | None:
        if ref is None:
            return None
        if ref in self.ids:
            return self.ids[ref].keys
        key = org_key(ref)
        found = next((o for o in self.orgs if key in o.keys), None)
        return found.keys if found else frozenset({key})

    def label(self, ref: str | None) -> str:
        if ref is None:
            return "-"
        return self.ids[ref].label if ref in self.ids else ref


def _same_org(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return bool(a & b)


@dataclass(frozen=True, slots=True)
class _Party:
    """A participant of an event: a name that may be an organisation or a person."""

    label: str
    org: frozenset[str]
    person: str

    def matches(self, other: _Party) -> bool:
        return bool(self.org & other.org) or self.person == other.person


def _party(ref: str, orgs: _OrgTable, people_by_id: Mapping[str, str]) -> _Party:
    if ref in people_by_id:         # a predicted person id
        name = people_by_id[ref]
        return _Party(name, frozenset({org_key(name)}), person_key(name))
    return _Party(orgs.label(ref), orgs.resolve(ref) or frozenset(), person_key(orgs.label(ref)))


def _participants(event: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for key in PARTICIPANT_KEYS:
        value = event.get(key)
        values = value if isinstance(value, list) else [value]
        out += [v for v in values if isinstance(v, str) and v.strip()]
    return out


# --------------------------------------------------------------------------- values

_YEAR_UNKNOWN = re.compile(r"(?<![0-9A-Za-z])XXXX(?![0-9A-Za-z])")


@lru_cache(maxsize=4096)
def _value_pattern(gold_value: str) -> re.Pattern[str]:
    """A gold TIMEX value as a pattern: each unknown year ``XXXX`` accepts any year."""
    parts = _YEAR_UNKNOWN.split(gold_value)
    return re.compile("[0-9X]{4}".join(re.escape(p) for p in parts))


def value_matches(gold_value: str | None, predicted: str | None) -> bool:
    """True when a predicted TIMEX value fits a gold one (``XXXX-09-18`` fits ``2020-09-18``,
    also inside ranges); other parts must be equal."""
    if gold_value is None or predicted is None:
        return gold_value == predicted
    return _value_pattern(gold_value).fullmatch(predicted) is not None


def _amount_matches(gold: float, predicted: float) -> bool:
    return math.isclose(gold, predicted, rel_tol=MONEY_TOLERANCE, abs_tol=0.0) or gold == predicted


# --------------------------------------------------------------------------- documents

def _strings(value: Any, where: str, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: '{what}' must be a list of strings")
    return value


def _objects(value: Any, where: str, what: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError(f"{where}: '{what}' must be a list of objects")
    return value


@dataclass
class _GoldDoc:
    orgs: list[_Org]
    table: _OrgTable
    issuer: frozenset[str] | None
    money: list[tuple[str, float, str | None, str]]
    data: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, data: Any, where: str) -> _GoldDoc:
        if not isinstance(data, dict):
            raise InputError(f"{where}: a gold file must hold one JSON object")
        warnings: list[str] = []
        names: list[str] = []
        keys: list[set[str]] = []
        for name in _strings(data.get("organizations"), where, "organizations"):
            key = org_key(name)
            twin = next((i for i, k in enumerate(keys) if key in k), None)
            if twin is not None:
                warnings.append(f"{where}: organizations '{names[twin]}' and '{name}' are one body")
                continue
            names.append(name)
            keys.append({key})
        unlisted: list[_Org] = []
        for entry in _objects(data.get("org_aliases"), where, "org_aliases"):
            alias, canonical = entry.get("alias"), entry.get("canonical")
            if not isinstance(alias, str) or not isinstance(canonical, str):
                raise InputError(f"{where}: each org_aliases entry needs 'alias' and 'canonical' strings")
            target = next((k for k in keys if org_key(canonical) in k), None)
            if target is None:
                warnings.append(f"{where}: alias '{alias}' names '{canonical}', which is not in organizations")
                unlisted.append(_Org(canonical, frozenset({org_key(canonical), org_key(alias)})))
            else:
                target.add(org_key(alias))
        orgs = [_Org(n, frozenset(k)) for n, k in zip(names, keys)]
        table = _OrgTable(orgs + unlisted)
        for what in ("people", "dates", "events"):
            _objects(data.get(what), where, what)
        money = _distinct_money(_objects(data.get("money"), where, "money"), where)
        issuer = data.get("issuer")
        return cls(orgs, table, table.resolve(issuer) if isinstance(issuer, str) else None,
                   money, data, warnings)


@dataclass
class _PredDoc:
    orgs: list[_Org]
    table: _OrgTable
    people_by_id: dict[str, str]
    data: dict[str, Any]

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> _PredDoc:
        orgs: list[_Org] = []
        ids: dict[str, _Org] = {}
        for o in data.get("organizations") or []:
            name = o.get("name") or ""
            org = _Org(name, frozenset({org_key(name)} | {org_key(a) for a in o.get("aliases") or []}))
            orgs.append(org)
            if o.get("id"):
                ids[o["id"]] = org
        people_by_id = {p["id"]: p.get("name") or "" for p in data.get("people") or [] if p.get("id")}
        return cls(orgs, _OrgTable(orgs, ids), people_by_id, dict(data))


def _score_organizations(gold: _GoldDoc, pred: _PredDoc) -> FieldResult:
    return _score_pairs(
        gold.orgs, pred.orgs, lambda g, p: bool(g.keys & p.keys),
        lambda g: g.label, lambda p: p.label,
        preference=lambda g, p: float(org_key(g.label) == org_key(p.label)))


def _score_people(gold: _GoldDoc, pred: _PredDoc) -> FieldResult:
    gold_names = [p.get("name") or "" for p in gold.data.get("people") or []]
    pred_names = [p.get("name") or "" for p in pred.data.get("people") or []]
    return _score_pairs(gold_names, pred_names, lambda g, p: person_key(g) == person_key(p),
                        str, str)


@dataclass(frozen=True, slots=True)
class _Role:
    label: str
    person: str
    title: str
    org: frozenset[str] | None


def _title_key(title: str | None) -> str:
    return normalize_name(title or "").replace(" ", "").casefold()


def _posts_key(title: str | None) -> str:
    """An appointment's post(s), whichever way the text joins several (兼, ・, a space)."""
    return re.sub(r"[兼・]", "", _title_key(title))


def _score_roles(gold: _GoldDoc, pred: _PredDoc) -> FieldResult:
    gold_roles = [
        _Role(f"{p.get('name')} / {r.get('title')} / {r.get('org') or '-'}",
              person_key(p.get("name") or ""), _title_key(r.get("title")), gold.table.resolve(r.get("org")))
        for p in gold.data.get("people") or [] for r in p.get("roles") or []]
    pred_roles = [
        _Role(f"{p.get('name')} / {r.get('title')} / {pred.table.label(r.get('organization'))}",
              person_key(p.get("name") or ""), _title_key(r.get("title")),
              pred.table.resolve(r.get("organization")))
        for p in pred.data.get("people") or [] for r in p.get("roles") or []]
    return _score_pairs(
        gold_roles, pred_roles,
        lambda g, p: g.person == p.person and g.title == p.title and _same_org(g.org, p.org),
        lambda g: g.label, lambda p: p.label)


def _distinct_dates(items: Iterable[Mapping[str, Any]]) -> list[tuple[str | None, str | None, str]]:
    """(value, kind, label) once per distinct (value, kind), in order of first appearance."""
    seen: dict[tuple[str | None, str | None], str] = {}
    for d in items:
        key = (d.get("value"), d.get("kind"))
        seen.setdefault(key, f"{d.get('text', '?')} = {key[0]} ({key[1]})")
    return [(v, k, label) for (v, k), label in seen.items()]


def _score_dates(gold: _GoldDoc, pred: _PredDoc) -> FieldResult:
    return _score_pairs(
        _distinct_dates(gold.data.get("dates") or []), _distinct_dates(pred.data.get("dates") or []),
        lambda g, p: g[1] == p[1] and value_matches(g[0], p[0]),
        lambda g: g[2], lambda p: p[2],
        preference=lambda g, p: float(g[0] == p[0]))


def _distinct_money(items: Iterable[Mapping[str, Any]], where: str) -> list[tuple[str, float, str | None, str]]:
    """(kind, value, currency, label) once per distinct triple; a gold kind defaults to money."""
    seen: dict[tuple[str, float, str | None], str] = {}
    for m in items:
        try:
            value = float(m.get("value"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise InputError(f"{where}: money value {m.get('value')!r} is not a number") from None
        currency = m.get("currency")
        key = (m.get("kind") or "money", value, currency.upper() if isinstance(currency, str) else None)
        seen.setdefault(key, f"{m.get('text', '?')} = {key[0]} {value:g} {key[2] or ''}".rstrip())
    return [(*key, label) for key, label in seen.items()]


def _score_money(gold: _GoldDoc, pred: _PredDoc, stem: str) -> FieldResult:
    return _score_pairs(
        gold.money,
        _distinct_money(pred.data.get("money") or [], f"record {stem}"),
        lambda g, p: g[0] == p[0] and g[2] == p[2] and _amount_matches(g[1], p[1]),
        lambda g: g[3], lambda p: p[3],
        preference=lambda g, p: -abs(g[1] - p[1]))


def _event_label(e: Mapping[str, Any], parties: Sequence[_Party]) -> str:
    kind = f"[{e['agreement_kind']}]" if e.get("agreement_kind") else ""
    extras = "".join(f" {k}={e[k]}" for k in ("duration", "ordinal", "status") if e.get(k) is not None)
    return f"{e.get('type')}{kind} {e.get('date') or '-'}: {', '.join(p.label for p in parties)}{extras}"


@dataclass(frozen=True, slots=True)
class _Event:
    data: Mapping[str, Any]
    parties: tuple[_Party, ...]
    label: str


def _event_fits(gold: _Event, pred: _Event, issuer: frozenset[str] | None) -> bool:
    g, p = gold.data, pred.data
    if g.get("type") != p.get("type"):
        return False
    if g.get("agreement_kind") is not None and g.get("agreement_kind") != p.get("agreement_kind"):
        return False
    if g.get("date") is not None and not value_matches(str(g["date"]), p.get("date")):
        return False
    if g.get("duration") is not None and g.get("duration") != p.get("duration"):
        return False
    if g.get("ordinal") is not None and str(g.get("ordinal")) != str(p.get("ordinal")):
        return False
    if g.get("previous_title") is not None and _posts_key(g["previous_title"]) != _posts_key(p.get("previous_title")):
        return False
    if p.get("status") is not None and (g.get("status") or "done") != p.get("status"):
        return False
    if not gold.parties:
        return True
    found = [any(gp.matches(pp) for pp in pred.parties) for gp in gold.parties]
    if g.get("type") == "agreement":
        required = [ok for gp, ok in zip(gold.parties, found) if not (issuer and gp.org & issuer)]
        if required:            # every party but the issuer; an issuer-only gold needs the issuer
            return all(required)
    return any(found)


def _event_preference(gold: _Event, pred: _Event) -> float:
    """Among fitting predictions, prefer an exact date and more shared parties."""
    shared = sum(any(gp.matches(pp) for pp in pred.parties) for gp in gold.parties)
    spare = len(pred.parties) - shared
    return 10.0 * (gold.data.get("date") == pred.data.get("date")) + shared - 0.1 * spare


def _score_events(gold: _GoldDoc, pred: _PredDoc) -> FieldResult:
    def build(e: Mapping[str, Any], table: _OrgTable, people: Mapping[str, str]) -> _Event:
        parties = tuple(_party(ref, table, people) for ref in _participants(e))
        return _Event(e, parties, _event_label(e, parties))

    gold_events = [build(e, gold.table, {}) for e in gold.data.get("events") or []]
    pred_events = [build(e, pred.table, pred.people_by_id) for e in pred.data.get("events") or []]
    return _score_pairs(gold_events, pred_events, lambda g, p: _event_fits(g, p, gold.issuer),
                        lambda g: g.label, lambda p: p.label, preference=_event_preference)


def _score_document(stem: str, gold: _GoldDoc, record: Mapping[str, Any] | None) -> DocumentScore:
    pred = _PredDoc.parse(record or {})
    fields = {
        "organizations": _score_organizations(gold, pred),
        "people": _score_people(gold, pred),
        "roles": _score_roles(gold, pred),
        "dates": _score_dates(gold, pred),
        "money": _score_money(gold, pred, stem),
        "events": _score_events(gold, pred),
    }
    return DocumentScore(stem, record.get("source") if record is not None else None, fields)


def evaluate(gold: Mapping[str, Mapping[str, Any]], records: Mapping[str, Mapping[str, Any]]) -> EvaluationReport:
    """Score records (stem -> prextract/1 dict) against gold (stem -> gold dict)."""
    documents: list[DocumentScore] = []
    warnings: list[str] = []
    for stem in sorted(gold):
        gold_doc = _GoldDoc.parse(gold[stem], f"gold {stem}")
        warnings += gold_doc.warnings
        try:
            documents.append(_score_document(stem, gold_doc, records.get(stem)))
        except (AttributeError, TypeError, KeyError) as exc:   # a record not shaped as to_dict() writes
            raise InputError(f"record {stem}: not shaped like a prextract/1 document ({exc!r})") from None
    totals = {name: sum((d.fields[name].score for d in documents), FieldScore()) for name in FIELDS}
    return EvaluationReport(
        fields=totals,
        documents=tuple(documents),
        missing_records=tuple(d.stem for d in documents if not d.has_record),
        records_without_gold=tuple(sorted(set(records) - set(gold))),
        warnings=tuple(warnings),
    )


def event_scores_by_type(gold: Mapping[str, Mapping[str, Any]],
                         records: Mapping[str, Mapping[str, Any]]) -> dict[str, FieldScore]:
    """Event scores per event type (agreement, appointment, …): the same matching, one type at a time."""
    types = sorted({e.get("type") for doc in gold.values() for e in doc.get("events") or []} |
                   {e.get("type") for doc in records.values() for e in doc.get("events") or []} - {None})
    out: dict[str, FieldScore] = {}
    for kind in types:
        g = {k: {**v, "events": [e for e in v.get("events") or [] if e.get("type") == kind]} for k, v in gold.items()}
        r = {k: {**v, "events": [e for e in v.get("events") or [] if e.get("type") == kind]} for k, v in records.items()}
        out[kind] = evaluate(g, r).fields["events"]
    return out


# --------------------------------------------------------------------------- files

def gold_stem(path: str | Path) -> str:
    """``foo.gold.json`` and ``foo.json`` -> ``foo``."""
    name = Path(path).name
    for suffix in _GOLD_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def source_stem(source: str) -> str:
    """``sub/foo.html``, ``sub\\foo.html`` and ``foo.txt`` -> ``foo``."""
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return Path(name).stem if "." in name.lstrip(".") else name


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _is_record(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("schema", "")).startswith("prextract/")


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold files by stem: one file, or a folder's ``*.gold.json`` files (if it has any, so that
    other JSON such as expected records can sit beside them), else its ``*.json`` files."""
    root = Path(gold_dir)
    if root.is_file():
        paths = [root]
    elif root.is_dir():
        paths = sorted(p for p in root.iterdir() if p.is_file() and p.name.endswith(".json"))
        marked = [p for p in paths if p.name.endswith(".gold.json")]
        paths = marked or paths
    else:
        raise InputError(f"{root}: no such gold folder or file")
    gold: dict[str, dict] = {}
    for path in paths:
        data = _read_json(path)
        if _is_record(data):
            if root.is_file():
                raise InputError(f"{path}: this is a prextract record, not a gold file")
            continue                          # output written beside the gold is not gold
        _GoldDoc.parse(data, str(path))      # checks the shape, naming the file
        gold[gold_stem(path)] = data
    if not gold:
        raise InputError(f"{root}: no gold files (*.gold.json or *.json)")
    return gold


def load_records(path: str | Path) -> dict[str, dict]:
    """prextract/1 documents by the stem of their ``source``: JSON Lines, or a JSON file holding
    one document or an array of them.

    A document without ``source`` cannot be paired with gold; it is kept under
    ``<file>:<item>`` so that it is counted among the records without gold.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, (list, dict)):
        items = list(enumerate(whole if isinstance(whole, list) else [whole], start=1))
    else:
        items = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {lineno} is not valid JSON ({exc.msg})") from None
    records: dict[str, dict] = {}
    for lineno, doc in items:
        if not isinstance(doc, dict) or doc.get("schema") != "prextract/1":
            raise InputError(f"{path}: item {lineno} is not a prextract/1 document")
        source = doc.get("source")
        stem = source_stem(source) if isinstance(source, str) and source else f"{path.name}:{lineno}"
        if stem in records:
            raise InputError(f"{path}: documents '{records[stem].get('source')}' and '{source}' "
                             f"have the same file stem '{stem}', so gold cannot tell them apart")
        records[stem] = doc
    return records


def evaluate_paths(gold_dir: str | Path, records_path: str | Path) -> EvaluationReport:
    return evaluate(load_gold(gold_dir), load_records(records_path))


def main(argv: list[str] | None = None) -> int:
    """``prextract evaluate GOLD_DIR RECORDS [--per-doc] [--json]``; 2 on unreadable input."""
    parser = argparse.ArgumentParser(
        prog="prextract evaluate",
        description="Score prextract/1 records against hand-checked gold files.")
    parser.add_argument("gold_dir", metavar="GOLD_DIR",
                        help="folder of <stem>.json / <stem>.gold.json gold files (or one gold file)")
    parser.add_argument("records", metavar="RECORDS", help="prextract/1 records, JSON Lines")
    parser.add_argument("--per-doc", action="store_true",
                        help="also score each document and list its missed and spurious items")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--by-type", action="store_true", help="also score events per event type")
    args = parser.parse_args(argv)
    try:
        gold, records = load_gold(args.gold_dir), load_records(args.records)
        report = evaluate(gold, records)
        by_type = event_scores_by_type(gold, records) if args.by_type else {}
    except InputError as exc:
        print(f"prextract evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = report.to_dict(per_doc=args.per_doc)
        if by_type:
            out["events_by_type"] = {k: v.to_dict() for k, v in by_type.items()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(report.to_text(per_doc=args.per_doc))
        if by_type:
            print("\nevents by type")
            print("\n".join(_score_table(by_type, names=sorted(by_type))))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
