"""The issuer: the body a release speaks for."""
from __future__ import annotations


def _issuer(extractor, text: str) -> str | None:
    return extractor.extract(text).issuer


def test_the_body_that_calls_itself_tousha_is_the_issuer(extractor):
    # PR-wire layout: headline first, the sender below it; an investor defines a short name first
    text = ("配送ロボットのミライ搬送、シリーズAで10億円を調達\n\n株式会社ミライ搬送\n2025年5月1日 10時00分\n\n"
            "　株式会社ミライ搬送（本社：愛知県名古屋市、代表取締役：岡田 修、以下「当社」）は、"
            "東海キャピタル株式会社（以下「東海キャピタル」）が運営するファンドをリード投資家として、"
            "総額10億円の資金調達を実施しました。\n")
    assert _issuer(extractor, text) == "株式会社ミライ搬送"


def test_a_self_reference_outranks_an_earlier_topic(extractor):
    text = ("2025年6月2日\n\n共同研究契約締結のお知らせ\n\n"
            "北浜化成株式会社（以下「北浜化成」）と共同で研究を進めてきた国立大学法人南陵大学"
            "（学長：森 由紀、以下「本学」）は、新素材の共同研究契約を締結しました。\n")
    assert _issuer(extractor, text) == "国立大学法人南陵大学"


def test_without_a_self_reference_the_topic_that_defines_a_short_name(extractor):
    text = ("2025年6月2日\n\n業務提携のお知らせ\n\n"
            "株式会社サクラ精工（以下「サクラ精工」）は、株式会社ミドリ物流と業務提携契約を締結しました。\n")
    assert _issuer(extractor, text) == "株式会社サクラ精工"


def test_a_government_office_speaks_for_its_prefecture(extractor):
    # 記者発表資料 is no headline; the office line and the contact line above the headline are the sender
    text = ("記者発表資料\n\n令和7年11月27日\n青森県 商工労働部 産業振興課\nものづくり振興担当（担当：佐々木、板垣）\n\n"
            "「第12回あおもりものづくり大賞」の受賞企業決定について\n\n　県では、県内企業の優れた製品を表彰しています。\n")
    doc = extractor.extract(text)
    assert doc.title == "「第12回あおもりものづくり大賞」の受賞企業決定について"
    assert doc.issuer == "青森県"
    assert {"青森県", "青森県商工労働部産業振興課"} <= {o.name for o in doc.organizations}
    assert not doc.people  # surnames of contacts are no people


def test_an_office_of_a_town_named_in_the_text_speaks_for_the_town(extractor):
    text = ("報道発表資料\n令和7年11月6日\n桐ヶ谷町 企画財政課\n\n桐ヶ谷町と北嶺信用金庫が包括連携協定を締結しました\n\n"
            "　桐ヶ谷町（町長：野上 智之）と北嶺信用金庫は、包括連携協定を締結しました。\n")
    assert extractor.extract(text).issuer == "桐ヶ谷町"


def test_a_sender_line_that_names_the_paper_after_the_body(extractor):
    text = ("令和7年1月10日\n水城市記者発表資料\n\n「第5回 水城流域治水シンポジウム」を水城工科大学と共同開催します\n\n"
            "　水城市と公立大学法人水城工科大学（以下「水城工大」）は、令和7年2月8日（土）にシンポジウムを共同で開催します。\n"
            "　本市と水城工大は、平成30年10月に締結した包括連携協定に基づき、毎年このシンポジウムを開催しています。\n")
    doc = extractor.extract(text)
    assert doc.issuer == "水城市" and doc.title.startswith("「第5回"), (doc.issuer, doc.title)
    # 本市 then stands for the city: the earlier agreement has both parties
    assert [(e.date, set(e.parties)) for e in doc.events if e.type == "agreement"] == [
        ("2018-10", {"水城市", "公立大学法人水城工科大学"})]
