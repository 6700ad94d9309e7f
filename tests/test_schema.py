"""The prextract/1 JSON Schema: it accepts what Extraction.to_dict() writes and nothing looser."""
from __future__ import annotations

import copy
from typing import Any, Callable

import pytest
from jsonschema import Draft202012Validator

from prextract import records
from prextract.records import (
    DateMention, Event, Evidence, Extraction, MoneyMention, Organization, Person, Role,
)
from prextract.schema_check import SchemaValidationError, load_schema, validate_document


def built_document() -> dict[str, Any]:
    """A document made through the record classes, so the test follows to_dict() as it is."""
    text_org = Organization("O1", "株式会社ハルカ電機", "company", aliases=("ハルカ",),
                            mentions=((0, 9), (40, 43)), org_key="ハルカ電機")
    city = Organization("O2", "青葉市", "government", mentions=((12, 15),), org_key="青葉市")
    mayor = Person("P1", "川口誠", "カワグチマコト", roles=(Role("市長", "O2", 60, 62), Role("顧問", None, 70, 72)),
                   mentions=((62, 65),))
    return Extraction(
        source="releases/harka.txt", title="ハルカ電機、青葉市と包括連携協定を締結", release_date="2024-09-30",
        issuer="株式会社ハルカ電機", organizations=(text_org, city), people=(mayor,),
        dates=(DateMention("10月1日", 20, 25, "date", "2024-10-01", year_inferred=True),
               DateMention("3年間", 30, 33, "duration", "P3Y"),
               DateMention("毎週", 80, 82, "set", "P1W", frequency="1"),
               DateMention("9月上旬", 90, 94, "range", "2024-09-01/2024-09-10", modifier="START")),
        money=(MoneyMention("約2億円", 100, 105, "money", 2e8, "JPY", approximate=True),
               MoneyMention("15%", 110, 113, "percent", 15.0, tax=None)),
        events=(Event("agreement", "2024-10-01", ("株式会社ハルカ電機", "青葉市"), Evidence(0, 50, "…締結しました。"),
                      0.8765, agreement_kind="comprehensive", duration="P3Y", ordinal=2),
                Event("appointment", None, ("川口誠",), Evidence(55, 75, "…"), 0.5, status="planned",
                      attributes=(("person", "P1"), ("title", "顧問"), ("previous_titles", ("市長",))))),
        warnings=("title taken from the first line",),
        meta=(("encoding", "utf-8"), ("ginza", "5.2.0")),
    ).to_dict()


def design_example() -> dict[str, Any]:
    """DESIGN.md's example document, with the keys to_dict() always writes added (org_key,
    role offsets, event status, meta)."""
    return {
        "schema": "prextract/1",
        "source": "releases/2020-09-kanagawa.txt",
        "title": "…first heading line…",
        "release_date": "2020-09-23",
        "issuer": "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン",
        "organizations": [
            {"id": "O1", "name": "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン",
             "aliases": ["LINK-J"], "kind": "association", "mentions": [[151, 185], [213, 219]],
             "org_key": "ライフサイエンス・イノベーション・ネットワーク・ジャパン"}
        ],
        "people": [
            {"id": "P1", "name": "植田俊", "reading": "ウエダシュン",
             "roles": [{"title": "理事", "organization": "O1", "start": 400, "end": 402},
                       {"title": "取締役常務執行役員", "organization": "O3", "start": 390, "end": 399}],
             "mentions": [[408, 411]]}
        ],
        "dates": [
            {"text": "9月18日", "start": 251, "end": 256, "kind": "date", "value": "2020-09-18",
             "year_inferred": True},
            {"text": "今後5年間", "start": 913, "end": 918, "kind": "duration", "value": "P5Y"}
        ],
        "money": [],
        "events": [
            {"type": "agreement", "agreement_kind": "mou", "date": "2020-09-18",
             "parties": ["一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン", "神奈川県"],
             "duration": "P5Y", "ordinal": 14, "status": "done",
             "evidence": {"start": 97, "end": 312, "text": "日本橋を拠点に、…MOU(提携に関する覚書)を締結しました。"},
             "confidence": 0.92}
        ],
        "warnings": [],
        "meta": {},
    }


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("definition, prop, values", [
    ("date", "kind", records.DATE_KINDS),
    ("organization", "kind", records.ORG_KINDS),
    ("event", "type", records.EVENT_TYPES),
    ("event", "status", records.EVENT_STATUSES),
])
def test_enums_follow_records(definition: str, prop: str, values: tuple[str, ...]) -> None:
    assert load_schema()["$defs"][definition]["properties"][prop]["enum"] == list(values)


def test_agreement_kinds_follow_records() -> None:
    enum = load_schema()["$defs"]["event"]["properties"]["agreement_kind"]["enum"]
    assert enum == [*records.AGREEMENT_KINDS, None]


def test_top_level_keys_are_those_of_to_dict() -> None:
    schema = load_schema()
    doc = built_document()
    assert set(schema["required"]) == set(doc) == set(schema["properties"])


def test_built_document_passes() -> None:
    validate_document(built_document())


def test_design_example_passes() -> None:
    validate_document(design_example())


def test_empty_extraction_passes() -> None:
    validate_document(Extraction(source=None, title=None, release_date=None, issuer=None).to_dict())


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


BROKEN = {
    "wrong schema string": (_set(("schema",), "prextract/2"), "$.schema"),
    "negative date offset": (_set(("dates", 0, "start"), -1), "$.dates[0].start"),
    "negative mention offset": (_set(("organizations", 0, "mentions", 1, 0), -5), "$.organizations[0].mentions[1][0]"),
    "negative evidence offset": (_set(("events", 0, "evidence", "end"), -1), "$.events[0].evidence.end"),
    "float offset": (_set(("money", 0, "start"), 1.5), "$.money[0].start"),
    "span of three": (_set(("people", 0, "mentions", 0), [1, 2, 3]), "$.people[0].mentions[0]"),
    "end before start": (_set(("dates", 1, "end"), 10), "$.dates[1]"),
    "unknown date kind": (_set(("dates", 0, "kind"), "week"), "$.dates[0].kind"),
    "unknown org kind": (_set(("organizations", 1, "kind"), "city"), "$.organizations[1].kind"),
    "unknown event type": (_set(("events", 0, "type"), "partnership"), "$.events[0].type"),
    "unknown agreement kind": (_set(("events", 0, "agreement_kind"), "nda"), "$.events[0].agreement_kind"),
    "unknown status": (_set(("events", 1, "status"), "maybe"), "$.events[1].status"),
    "confidence above 1": (_set(("events", 0, "confidence"), 1.5), "$.events[0].confidence"),
    "missing top-level key": (_drop(("warnings",)), "$"),
    "missing org id": (_drop(("organizations", 0, "id")), "$.organizations[0]"),
    "missing role offsets": (_drop(("people", 0, "roles", 0, "start")), "$.people[0].roles[0]"),
    "missing event evidence": (_drop(("events", 0, "evidence")), "$.events[0]"),
    "missing agreement kind": (_drop(("events", 0, "agreement_kind")), "$.events[0]"),
    "missing year_inferred": (_drop(("dates", 0, "year_inferred")), "$.dates[0]"),
    "year_inferred on a duration": (_set(("dates", 1, "year_inferred"), False), "$.dates[1]"),
    "unknown top-level key": (_set(("extra",), 1), "$"),
    "unknown date key": (_set(("dates", 0, "confidence"), 1), "$.dates[0]"),
    "empty organisation name": (_set(("organizations", 0, "name"), ""), "$.organizations[0].name"),
    "money value as text": (_set(("money", 0, "value"), "2億"), "$.money[0].value"),
}


@pytest.mark.parametrize("change, path", BROKEN.values(), ids=BROKEN.keys())
def test_broken_documents_fail(change: Callable[[dict[str, Any]], None], path: str) -> None:
    doc = copy.deepcopy(built_document())
    change(doc)
    with pytest.raises(ValueError) as info:
        validate_document(doc)
    assert isinstance(info.value, SchemaValidationError)
    assert any(p == path for p, _ in info.value.problems), info.value.problems
    assert path in str(info.value)


def test_events_may_carry_type_specific_fields() -> None:
    doc = built_document()
    doc["events"][0]["venue"] = "青葉市役所"
    doc["events"][0]["products"] = ["省エネ照明"]
    validate_document(doc)


def test_non_agreement_events_need_no_agreement_kind() -> None:
    doc = built_document()
    assert "agreement_kind" not in doc["events"][1]
    validate_document(doc)
