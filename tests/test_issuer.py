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
