"""scripts/eval_ner.py: the split, the scores and how prextract's records are classed for the
Wikipedia NER dataset (its scheme, not prextract's)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import eval_ner  # noqa: E402  (a script, not a package)

from prextract.records import Organization, Person  # noqa: E402


def test_the_split_is_by_page_id_and_merges_the_types(tmp_path):
    rows = [{"curid": "10", "text": "山田太郎は東京都にいる。",
             "entities": [{"name": "山田太郎", "span": [0, 4], "type": "人名"},
                          {"name": "東京都", "span": [5, 8], "type": "地名"}]},
            {"curid": "11", "text": "ABC株式会社の製品X。",
             "entities": [{"name": "ABC株式会社", "span": [0, 7], "type": "法人名"},
                          {"name": "製品X", "span": [8, 11], "type": "製品名"}]}]
    path = tmp_path / "ner.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    test = eval_ner.load_split(path, "test")
    train = eval_ner.load_split(path, "train")
    assert [it.curid for it in test] == [10] and [it.curid for it in train] == [11]
    assert test[0].gold == {(0, 4, "PERSON"), (5, 8, "LOCATION")}
    assert train[0].gold == {(0, 7, "ORGANIZATION")}  # products are not entities here


def test_sets_named_otherwise_are_read_whole(tmp_path):
    rows = [{"curid": "h1-1", "text": "北辰精機は岡谷市にある。",
             "entities": [{"name": "北辰精機", "span": [0, 4], "type": "法人名"}]}]
    path = tmp_path / "fresh.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    assert [it.curid for it in eval_ner.load_split(path, "all")] == ["h1-1"]
    assert eval_ner.load_split(path, "test") == [] and eval_ner.load_split(path, "train") == []


def test_the_fresh_set_is_well_formed():
    path = Path(__file__).resolve().parents[1] / "samples" / "ner" / "fresh.json"
    items = eval_ner.load_split(path, "all")
    assert len(items) == 2220 and all(it.text[s:e] for it in items for s, e, _ in it.gold)
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert all(r["text"][e["span"][0]:e["span"][1]] == e["name"] for r in rows for e in r["entities"])


def test_scores_count_exact_spans_only():
    score = eval_ner.Score()
    score.add({(0, 4, "PERSON"), (5, 8, "ORGANIZATION")}, {(0, 4, "PERSON"), (5, 7, "ORGANIZATION")})
    assert score.prf(("PERSON",))[:3] == (1.0, 1.0, 1.0)
    assert score.prf(("ORGANIZATION",))[:3] == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("name, kind, cls", [
    ("神奈川県", "government", "LOCATION"), ("東京都", "government", "LOCATION"),
    ("相模原市", "government", "LOCATION"), ("港区", "government", "LOCATION"),
    ("文部科学省", "government", "ORGANIZATION"), ("日本国政府", "government", "ORGANIZATION"),
    ("大阪府警察", "government", "ORGANIZATION"),
    ("東京都立羽村高等学校", "university", None), ("山形県立中央病院", "other", None), ("森美術館", "other", None),
    ("東北大学", "university", "ORGANIZATION"), ("三井不動産", "company", "ORGANIZATION"),
    ("町田商事", "company", "ORGANIZATION"),
])
def test_records_are_classed_by_the_datasets_scheme(name, kind, cls):
    assert eval_ner.dataset_class(name, kind) == cls


def test_prextract_spans_by_the_scheme_and_as_is():
    text = "神奈川県と三井不動産株式会社（以下「三井不動産」）、当社の山田太郎が参加した。"
    extraction = SimpleNamespace(
        organizations=[Organization("o1", "神奈川県", "government", mentions=((0, 4),)),
                       Organization("o2", "三井不動産株式会社", "company", aliases=("三井不動産",),
                                    mentions=((5, 14), (18, 23), (26, 28)))],
        people=[Person("p1", "山田太郎", None, mentions=((29, 33),))])
    assert text[26:28] == "当社" and text[29:33] == "山田太郎"
    spans = eval_ner.prextract_spans(text, extraction)
    assert spans == {(0, 4, "LOCATION"), (5, 14, "ORGANIZATION"), (18, 23, "ORGANIZATION"), (29, 33, "PERSON")}
    as_is = eval_ner.prextract_spans(text, extraction, scheme=False)
    assert (0, 4, "ORGANIZATION") in as_is and (26, 28, "ORGANIZATION") not in as_is  # 当社 is not a name


@pytest.mark.parametrize("name, spans", [
    ("公益財団法人みなせ科学振興財団", ["みなせ科学振興財団"]),     # a non-company status stands outside
    ("特定非営利活動法人こもれび子ども基金", ["こもれび子ども基金"]),
    ("株式会社みなせ電機", ["株式会社みなせ電機"]),              # a company's legal form stands inside
    ("北嶺大学大学院農学研究科", ["北嶺大学", "大学院農学研究科"]),  # a university and its faculty: two
    ("北嶺大学 農学部", ["北嶺大学", "農学部"]),
    ("北嶺大学医学部附属病院", ["北嶺大学"]),                  # a hospital is a facility, not scored
    ("北嶺大学", ["北嶺大学"]), ("放送大学学園", ["放送大学学園"]), ("北嶺医科大学", ["北嶺医科大学"]),
])
def test_mentions_take_the_datasets_spans(name, spans):
    text = f"{name}が発表した。"
    got = eval_ner.dataset_spans(text, 0, len(name), "ORGANIZATION")
    assert sorted(text[s:e] for s, e, _ in got) == sorted(spans)
    assert eval_ner.dataset_spans(text, 0, 2, "PERSON") == {(0, 2, "PERSON")}
