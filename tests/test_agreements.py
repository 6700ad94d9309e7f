"""Agreement events: kind, parties, date, duration, ordinal, status, lists of past agreements."""
from __future__ import annotations

import pytest

from prextract.names import org_key

REF = "2024-06-10"
CASES = [
    ("mou-topic-partner-date",
     "株式会社あおば電機は、6月3日、北斗市と脱炭素に関する覚書を締結しました。",
     dict(kind="mou", partner="北斗市", date="2024-06-03")),
    ("comprehensive",
     "みなと電装株式会社と潮見市は、地域の防災力向上に向けた包括連携協定を締結しました。",
     dict(kind="comprehensive", partner="潮見市", date=None)),
    ("business-alliance-headline",
     "ファミリーデイズ、グリーンバスケット株式会社と業務提携契約を締結",
     dict(kind="business_alliance", partner="グリーンバスケット株式会社", date=None)),
    ("capital-alliance",
     "株式会社ネクストロジは5月20日、株式会社はこぶね運輸と資本業務提携契約を締結いたしました。",
     dict(kind="capital_alliance", partner="株式会社はこぶね運輸", date="2024-05-20")),
    ("joint-research",
     "北斗科学技術大学は、株式会社アクアセンスと共同研究契約を締結しました。",
     dict(kind="joint_research", partner="株式会社アクアセンス", date=None)),
    ("license",
     "セイラン製薬株式会社は、Bellwood Therapeutics, Inc.とライセンス契約を締結しました。",
     dict(kind="license", partner="Bellwood Therapeutics, Inc.", date=None)),
    ("news-verb-musunda",
     "越前市と、ドローンを使った点検サービスを手がけるミライエアロ（福井市）は6月20日、包括連携協定を結んだ。",
     dict(kind="comprehensive", partner="ミライエアロ", date="2024-06-20")),
    ("news-verb-kawashita",
     "北斗市と株式会社あおば電機は5月8日、脱炭素に関する覚書を交わした。",
     dict(kind="mou", partner="株式会社あおば電機", date="2024-05-08")),
    ("planned",
     "一般社団法人日本スマート農業推進協会は、台湾スマート農業協会との覚書締結を目指して協議を進めています。",
     dict(kind="mou", partner="台湾スマート農業協会", status="planned")),
]


@pytest.mark.parametrize("text,expect", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_agreement(extractor, text, expect):
    doc = extractor.extract(text, reference_date=REF)
    events = [e for e in doc.events if e.type == "agreement"]
    assert events, doc.to_dict()["events"]
    match = [e for e in events if any(org_key(p) == org_key(expect["partner"]) for p in e.parties)]
    assert match, [e.parties for e in events]
    e = match[0]
    assert e.agreement_kind == expect["kind"]
    if "date" in expect:
        assert e.date == expect["date"]
    assert e.status == expect.get("status", "done")
    assert doc.to_dict()["events"][0]["evidence"]["text"] in doc.events[0].evidence.text


def test_duration_and_ordinal_from_nearby_sentences(extractor):
    text = ("株式会社あおば電機は、6月3日、北斗市と包括連携協定を締結しました。自治体との協定締結は5例目となります。"
            "協定期間は3年間です。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert (e.duration, e.ordinal) == ("P3Y", 5)


def test_ordinal_from_a_later_sentence_about_the_same_kind(extractor):
    text = ("株式会社みずほ台信用金庫（以下「当金庫」）は、2月3日、株式会社ミライデリバリーと資本業務提携契約を"
            "締結しました。\n出資額は5,000万円です。\n当金庫は取引先の物流効率化を支援します。\n"
            "なお、当金庫がスタートアップと資本業務提携を行うのは、今回が3件目となります。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert (e.agreement_kind, e.ordinal) == ("capital_alliance", 3)


def test_the_earlier_agreements_a_count_names_are_listed(extractor):
    text = ("2025年3月1日\n港北市\n\n港北市、デンマークの海洋クラスターと覚書\n\n"
            "港北市は、3月1日、Nordic Ocean Cluster（本部：デンマーク王国オーフス市）と覚書を締結しました。\n"
            "本市が海外の団体と覚書を締結するのは、2022年7月のPacific Harbour Alliance（シンガポール）、"
            "2024年2月のMekong Port Suppliers Association（ベトナム）に続き、3件目です。\n")
    events = extractor.extract(text, reference_date=REF).events
    assert sorted((e.date, e.parties, e.ordinal) for e in events if e.type == "agreement") == [
        ("2022-07", ("港北市", "Pacific Harbour Alliance"), None),
        ("2024-02", ("港北市", "Mekong Port Suppliers Association"), None),
        ("2025-03-01", ("港北市", "Nordic Ocean Cluster"), 3)]


def test_a_later_count_of_another_kind_is_not_the_ordinal(extractor):
    text = ("株式会社みずほ台信用金庫は、2月3日、株式会社ミライデリバリーと資本業務提携契約を締結しました。\n"
            "出資額は5,000万円です。\n当金庫は取引先の物流効率化を支援します。\n"
            "当金庫が自治体と包括連携協定を結ぶのは4件目です。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events
             if e.type == "agreement" and e.agreement_kind == "capital_alliance")
    assert e.ordinal is None


def test_first_time_is_ordinal_one(extractor):
    text = "一般社団法人日本スマート農業推進協会は、海外団体と初めてとなる覚書をオランダのAgriTech Delta Foundationと締結しました。"
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert e.ordinal == 1


@pytest.mark.parametrize("later, ordinal", [
    ("同社が大学と共同研究を行うのは、今回が初めてとなります。", 1),
    ("当社が自治体・企業と三者で協定を結ぶのは、創業以来初めてです。", 1),
    ("同社は2019年に初めて海外に拠点を設けました。", None),        # a first of something else
    ("当社の大学との研究契約は本件で7件目となります。", 7),           # counted by 本件
])
def test_a_later_sentence_that_says_this_one_is_the_first(extractor, later, ordinal):
    text = ("株式会社あおば電機は、6月3日、国立大学法人北斗大学と共同研究契約を締結しました。\n"
            "研究期間は3年間です。\n両者は蓄電池の劣化診断の手法を開発します。\n" + later)
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert e.ordinal == ordinal


def test_dated_list_of_past_agreements_gives_one_event_each(extractor):
    text = ("株式会社あおば電機はこれまで、2019年4月に東雲市、2021年10月に高森市、2023年2月には南坂町と"
            "連携協定を締結しており、今回で4例目となります。")
    events = {e.parties[-1]: e.date for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement"}
    assert events == {"東雲市": "2019-04", "高森市": "2021-10", "南坂町": "2023-02"}


def test_headline_and_body_state_one_agreement(extractor):
    text = ("あおば電機、北斗市と覚書を締結\n\n"
            "株式会社あおば電機（以下「あおば電機」）は、6月3日、北斗市と覚書を締結しました。")
    events = [e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement"]
    assert len(events) == 1 and events[0].date == "2024-06-03"


@pytest.mark.parametrize("text", [
    "当社は地域との連携を大切にしています。",
    "契約者数は前年比で増加しました。",
    "今般の提携について、副知事は次のように述べています。",
])
def test_no_agreement(extractor, text):
    assert not [e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement"]


def test_news_report_date_is_the_announcement_not_the_deed(extractor):
    text = "コンビニ大手の株式会社ファミリーデイズは12日、グリーンバスケット株式会社と業務提携契約を締結したと発表した。"
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert e.date is None


def test_signing_date_from_the_overview_row(extractor):
    text = ("東雲市は、東雲工業大学と連携協定を締結します。\n\n1　締結式\n（1）日時　令和6年6月20日（木）午前10時30分～11時\n"
            "（2）場所　東雲市役所\n")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert e.date == "2024-06-20"


def test_signing_date_from_a_spaced_out_row_label(extractor):
    text = ("白嶺県は、白嶺通運株式会社と連携協定を締結します。\n\n１　締結式\n　・日　時　令和7年11月18日（火）午後2時から\n"
            "　・場　所　白嶺県庁 本館3階 特別会議室\n")
    doc = extractor.extract(text, reference_date=REF)
    e = next(e for e in doc.events if e.type == "agreement")
    assert e.date == "2025-11-18"
    # the venue row names a building, not a party
    assert "白嶺県庁" not in {o.name for o in doc.organizations}


def test_a_renewal_period_is_not_the_term(extractor):
    text = ("株式会社あおば電機は、6月3日、北斗市と包括連携協定を締結しました。"
            "期間満了までに申出がないときは、1年間更新するものとします。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert e.duration is None


def test_talk_in_a_quote_is_no_agreement(extractor):
    text = "当社代表取締役の青葉太一は、「北斗市との協業をさらに深めてまいります」と述べています。"
    assert not [e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement"]


def test_bodies_listed_before_their_count_sign_together(extractor):
    text = ("医療法人社団ひだまり会（所在地：札幌市中央区、理事長：吉岡 康弘）、医療機器メーカーの北斗メディカル株式会社"
            "（本社：札幌市北区）及びフィンランドのNorrvik Health Oy（本社：ヘルシンキ）の3者は、6月3日に共同研究契約を締結しました。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert set(e.parties) == {"医療法人社団ひだまり会", "北斗メディカル株式会社", "Norrvik Health Oy"}
    assert (e.date, e.agreement_kind) == ("2024-06-03", "joint_research")


def test_counted_towns_and_the_body_after_them_sign_together(extractor):
    text = ("桐ヶ谷町（町長：野上 智之）、青柳町（町長：加賀谷 隆）、星見村（村長：仁科 千代子）の3町村と北嶺信用金庫"
            "（本店：桐ヶ谷町、理事長：宍戸 邦彦）は、令和6年6月3日（月）、包括連携協定を締結しました。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert set(e.parties) == {"桐ヶ谷町", "青柳町", "星見村", "北嶺信用金庫"}
    assert (e.date, e.agreement_kind) == ("2024-06-03", "comprehensive")


def test_a_descriptor_between_listed_partners_and_a_headline_naming_fewer(extractor):
    text = ("北斗科学技術大学、ミナト精工と三者で共同研究契約を締結\n\n"
            "北斗科学技術大学は、株式会社アクアセンス（本社：札幌市）および精密機器メーカーのミナト精工株式会社"
            "（本社：小樽市）と、共同研究契約を6月3日付で締結しました。")
    events = [e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement"]
    assert [set(e.parties) for e in events] == [{"北斗科学技術大学", "株式会社アクアセンス", "ミナト精工株式会社"}]
    assert events[0].date == "2024-06-03"


def test_both_companies_as_the_actor(extractor):
    text = ("株式会社あおば電機（以下「あおば電機」）は、北斗ガス株式会社と合弁会社を設立します。"
            "両社は2023年2月に再生可能エネルギー分野での業務提携に関する覚書を締結し、事業化の検討を進めてきました。"
            "北斗ガス株式会社は地域の都市ガス事業者です。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert set(e.parties) == {"株式会社あおば電機", "北斗ガス株式会社"}
    assert (e.date, e.status, e.agreement_kind) == ("2023-02", "done", "mou")


def test_schedule_rows_of_the_pair(extractor):
    text = ("株式会社あおば電機（以下「あおば電機」）と北斗ガス株式会社（以下「北斗ガス」）は、資本業務提携に向けた協議を開始しました。\n"
            "3．日程\n"
            "　最終契約締結（両社）　　　2025年2月（予定）\n"
            "　取締役会決議（両社）　　　2024年9月2日\n")
    events = [e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement"]
    assert [(e.date, e.status) for e in events] == [("2025-02", "planned")]
    assert set(events[0].parties) == {"株式会社あおば電機", "北斗ガス株式会社"}


def test_scope_items_listed_with_circled_numbers(extractor):
    text = ("株式会社あおば電機は、6月3日、北斗市と包括連携協定を締結しました。"
            "本協定により、①防災に関すること、②環境学習に関すること、③地域産業の振興などにおいて連携します。")
    e = next(e for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert e.attribute("scope") == ("防災に関すること", "環境学習に関すること", "地域産業の振興")


def test_an_earlier_agreement_named_with_its_count(extractor):
    text = ("株式会社山陰みらい銀行（以下「当行」）は、島根県と、令和7年11月20日に「第2次包括連携協定」を締結することとなりました。\n"
            "　当行と島根県は、令和元年8月26日に「地方創生に関する包括連携協定」（以下「第1次協定」）を締結し、"
            "県内企業の事業承継支援に共同で取り組んでまいりました。本協定は当行と県との包括連携協定としては2件目となります。\n")
    found = sorted((e.date, e.ordinal) for e in extractor.extract(text, reference_date=REF).events if e.type == "agreement")
    assert found == [("2019-08-26", 1), ("2025-11-20", 2)], found


def test_the_new_company_signs_on_its_own(extractor):
    text = ("2026年1月15日\n湖月フーズ株式会社\n\n子会社の設立に関するお知らせ\n\n"
            "　当社は、子会社「株式会社湖月アグリサポート」を2026年1月8日に設立いたしました。"
            "なお、新会社は同日、東三河さくら農業協同組合との間で、栽培指導に関する業務提携契約を締結しております。\n")
    found = [(e.date, set(e.parties)) for e in extractor.extract(text).events if e.type == "agreement"]
    assert found == [("2026-01-08", {"株式会社湖月アグリサポート", "東三河さくら農業協同組合"})], found
