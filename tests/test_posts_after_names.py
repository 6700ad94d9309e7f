"""A person's name written right before their body and post (NAME ORG TITLE, the way news and
encyclopaedias write it: 周恩来国務院総理, ジョン・ケリー米国務長官): the name is a person, the body
and the post are not part of it, and no body takes the name in."""
from __future__ import annotations

import pytest


def _people(extractor, text: str) -> list[str]:
    return [text[s:e] for p in extractor.extract(text).people for s, e in p.mentions]


def _orgs(extractor, text: str) -> list[str]:
    return [o.name for o in extractor.extract(text).organizations]


@pytest.mark.parametrize("text, name", [
    ("周恩来国務院総理は会談後に共同声明を読み上げた。", "周恩来"),          # the NER reads the body into the name
    ("アントニー・ブリンケン米国務長官は声明を出した。", "アントニー・ブリンケン"),  # 米: a noun suffix, no part of the name
    ("会談後、蔣介石国民党総裁は南京へ戻った。", "蔣介石"),                # one UniDic word, a body after it
])
def test_a_name_before_its_body_and_post_is_a_person(extractor, text, name):
    assert _people(extractor, text) == [name]
    assert not [o for o in _orgs(extractor, text) if name in o]


def test_the_body_after_the_name_stands_on_its_own(extractor):
    text = "会談後、蔣介石国民党総裁は南京へ戻った。"
    assert _orgs(extractor, text) == ["国民党"]


@pytest.mark.parametrize("text", [
    "田中工業社長は新工場の計画を説明した。",           # a company named after a family: no person
    "鈴木自動車工業会長の鈴木修氏が出席した。",
])
def test_a_company_named_after_a_family_keeps_its_name(extractor, text):
    assert [o for o in _orgs(extractor, text) if o.startswith(("田中", "鈴木"))]
    assert "田中" not in _people(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("ミラー将軍は部隊に撤退を命じた。", "ミラー"),         # 将軍: a rank, written after the name
    ("グリーンはこの結果に満足していると述べた。", "グリーン"),  # は before この: a particle, not はこ…
])
def test_a_katakana_surname_with_a_rank_or_a_particle(extractor, text, name):
    assert _people(extractor, text) == [name]
    assert _orgs(extractor, text) == []


def test_a_rank_inside_a_compound_makes_no_person(extractor):
    assert _people(extractor, "徳川将軍家の菩提寺として栄えた。") == []


@pytest.mark.parametrize("text", [
    "集会はジャクソン・スクエアで開かれた。",
    "ウェストン・プラザの一角に二号店を開いた。",
    "作品はゴッサム・アワードを受賞した。",
])
def test_a_katakana_chain_ending_in_a_place_or_an_award_is_no_person(extractor, text):
    assert _people(extractor, text) == []


def test_a_unions_secretary_general_is_a_post(extractor):
    text = "日本港湾労働組合連合会の山田花子書記長は、春闘の方針を説明した。"
    (person,) = extractor.extract(text).people
    assert person.name == "山田花子"
    assert [r.title for r in person.roles] == ["書記長"]
