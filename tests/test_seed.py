"""The user's own example release (../shared/seeds): every record of it must come out right."""
from __future__ import annotations

from pathlib import Path

from prextract.evaluate import evaluate
from prextract.names import org_key

EARLIER_MOUS = {
    "カリフォルニア大学サンディエゴ校": "2016-05", "BIOCOM": "2016-05", "Eurobiomed": "2017-06",
    "京都リサーチパーク": "2017-07", "OneNucleus": "2017-12", "公益財団法人先端医療振興財団": "2018-02",
    "慶應義塾大学先端生命科学研究所": "2018-04", "MedCity": "2018-06", "川崎市": "2018-08",
    "カリフォルニア大学ロサンゼルス校": "2019-06", "横浜市": "2019-08",
    "Oxford University Innovation": "2020-07", "大阪府": "2020-09",
}
LINK_J = "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"


def _agreements(doc):
    return [e for e in doc.events if e.type == "agreement"]


def test_issuer_and_alias(seed):
    assert seed.issuer == LINK_J
    link_j = next(o for o in seed.organizations if o.name == LINK_J)
    assert "LINK-J" in link_j.aliases
    assert link_j.kind == "association"


def test_kanagawa_mou(seed):
    main = [e for e in _agreements(seed) if any(org_key(p) == org_key("神奈川県") for p in e.parties)]
    assert len(main) == 1
    mou = main[0]
    assert mou.agreement_kind == "mou"
    assert mou.date == "2020-09-18"
    assert mou.duration == "P5Y"
    assert mou.ordinal == 14
    assert mou.parties[0] == LINK_J
    assert seed.to_dict()["events"][0]["evidence"]["text"] in seed_text_slices(seed)


def seed_text_slices(seed):
    return {e.evidence.text for e in seed.events}


def test_thirteen_earlier_mous(seed):
    found = {}
    for e in _agreements(seed):
        partners = [p for p in e.parties if p != LINK_J]
        if len(partners) == 1:
            found[org_key(partners[0])] = e.date
    for partner, month in EARLIER_MOUS.items():
        assert found.get(org_key(partner)) == month, partner


def test_people_and_roles(seed):
    people = {p.name: p for p in seed.people}
    assert {"岡野栄之", "植田俊", "首藤健治"} <= set(people)
    names = {o.id: o.name for o in seed.organizations}

    def roles(name):
        return {(r.title, names.get(r.organization)) for r in people[name].roles}

    assert roles("植田俊") == {("理事", LINK_J), ("取締役常務執行役員", "三井不動産")}
    assert roles("首藤健治") == {("副知事", "神奈川県")}
    assert roles("岡野栄之") == {("理事長", LINK_J)}
    assert people["首藤健治"].reading == "スドウケンジ"


def test_evidence_offsets_point_into_text(seed):
    text = (Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "link-j-kanagawa-mou.txt").read_text(encoding="utf-8")
    for e in seed.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
    for d in seed.dates:
        assert text[d.start:d.end] == d.text
    for o in seed.organizations:
        for s, t in o.mentions:
            assert 0 <= s < t <= len(text)


def test_seed_scores_at_least_0_9_everywhere(seed, seed_gold):
    report = evaluate({"link-j-kanagawa-mou": seed_gold}, {"link-j-kanagawa-mou": seed.to_dict()})
    for field, score in report.fields.items():
        if score.tp + score.fp + score.fn:
            assert score.f1 >= 0.9, (field, score, report.to_text(per_doc=True))
