"""Known names (prextract.gazetteer, models/known_names.npz) and the organisations found by them."""
from __future__ import annotations

import pytest

from prextract import gazetteer
from prextract.errors import ModelError
from prextract.gazetteer import CLASSES, MAX_CHARS, Gazetteer


def bit(*classes: str) -> int:
    return sum(1 << CLASSES.index(c) for c in classes)


@pytest.fixture(scope="module")
def small():
    return Gazetteer.build({"山田": {"surname"}, "山田太郎": {"person"}, "ＭＩＮＡＴＯ": {"company"},
                            "東芝": {"company", "surname"}, "大阪": {"place"}, "大阪ガス": {"company"}})


def test_lookup_gives_the_classes_of_known_names_and_nothing_else(small):
    assert small.lookup(["山田", "山田太郎", "東芝", "山田花子", ""]) == \
        [bit("surname"), bit("person"), bit("company", "surname"), 0, 0]
    assert small.lookup([]) == []


def test_names_match_under_nfkc(small):
    assert small.lookup(["MINATO"]) == small.lookup(["ＭＩＮＡＴＯ"]) == [bit("company")]


def test_names_longer_than_the_limit_are_left_out():
    g = Gazetteer.build({"ア" * (MAX_CHARS + 1): {"person"}, "イ" * MAX_CHARS: {"person"}})
    assert len(g) == 1


def test_find_takes_the_longest_known_name_on_token_bounds(small):
    text = "大阪ガスと山田太郎が来た。"
    bounds = [(0, 2), (2, 4), (4, 5), (5, 7), (7, 9), (9, 10), (10, 12), (12, 13)]
    assert small.find(text, [bounds], bit("company", "place")) == [(0, 4, bit("company"))]
    assert small.find(text, [bounds], bit("person", "surname")) == [(5, 9, bit("person"))]
    # a name that does not end on a token bound is not found: 大阪ガ|スと
    assert small.find(text, [[(0, 3), (3, 5)]], bit("company")) == []
    # nor one across two runs: 大阪 | ガス
    assert small.find(text, [[(0, 2)], [(2, 4)]], bit("company")) == []


def test_save_and_load_round_trip(small, tmp_path):
    small.save(tmp_path / "g.npz")
    loaded = Gazetteer.load(tmp_path / "g.npz")
    assert (loaded.hashes == small.hashes).all() and (loaded.masks == small.masks).all()


def test_an_unreadable_gazetteer_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="gazetteer"):
        Gazetteer.load(tmp_path / "missing.npz")
    (tmp_path / "bad.npz").write_bytes(b"not a numpy archive")
    with pytest.raises(ModelError, match="gazetteer"):
        Gazetteer.load(tmp_path / "bad.npz")


def test_the_shipped_names_know_people_companies_and_places():
    g = gazetteer.shipped()
    assert len(g) > 500_000
    person, company, place = g.lookup(["織田信長", "トヨタ", "横浜"])
    assert person & bit("person") and company & bit("company") and place & bit("place")


def test_known_org_spans_are_bodies_only_and_not_too_short():
    text = "東芝とセガと日本たばこ産業と三菱と現代の技術"
    spans = {text[s:e] for s, e, _ in gazetteer.known_org_spans(
        text, [[(0, 2)], [(3, 5)], [(6, 13)], [(14, 16)], [(17, 19), (19, 20), (20, 22)]])}
    # 東芝 is a surname too; 三菱 and 現代 are two kanji, as often a word as a name
    assert spans == {"セガ", "日本たばこ産業"}


@pytest.mark.parametrize("text, name", [
    ("会場ではクリスチャンサイエンスモニターの記者が取材しました。", "クリスチャンサイエンスモニター"),
    ("本製品は日本たばこ産業の工場でも試験導入されています。", "日本たばこ産業"),
])
def test_a_known_company_is_an_organisation_without_a_legal_form(extractor, text, name):
    assert name in [o.name for o in extractor.extract(text).organizations]
