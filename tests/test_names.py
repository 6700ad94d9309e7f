"""Name normalisation: display names, organisation keys and person keys."""
from __future__ import annotations

import pytest

from prextract.names import normalize_name, org_key, person_key


@pytest.mark.parametrize("raw, expected", [
    ("首藤 健治", "首藤健治"),
    ("首藤\u3000健治", "首藤健治"),                 # ideographic space
    ("  高橋\t 美咲 \n", "高橋美咲"),
    ("佐藤\u200b一郎", "佐藤一郎"),                  # zero-width space from a web page
    ("ＡＢＣホールディングス", "ABCホールディングス"),  # full-width ASCII folded
    ("ｻﾝﾌﾟﾙ商事", "サンプル商事"),                    # half-width katakana widened
    ("北海道ﾃﾞｰﾀ", "北海道データ"),
    ("Oxford  University Innovation", "Oxford University Innovation"),  # Latin words keep one space
    ("ＡＣＭＥ　Ｉｎｃ．", "ACME Inc."),
    ("LINK-J 神奈川", "LINK-J神奈川"),
], ids=lambda v: repr(v))
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_normalize_name_keeps_japanese_script() -> None:
    assert normalize_name("ひらがな・カタカナ・漢字") == "ひらがな・カタカナ・漢字"


SAME_BODY = [
    ("三井不動産", "三井不動産株式会社", "三井不動産㈱", "株式会社 三井不動産", "（株）三井不動産",
     "(株)三井不動産", "三井不動産 (株)", "株式会社三井不動産。"),
    ("Acme Co., Ltd.", "ACME Inc.", "Acme Co.,Ltd", "acme Corporation", "ＡＣＭＥ　Ｌｔｄ．", "Acme Pte. Ltd."),
    ("一般社団法人みなと創薬ネットワーク", "みなと創薬ネットワーク"),
    ("国立大学法人東海医科大学", "東海医科大学"),
    ("医療法人社団 青葉会", "青葉会"),
    ("有限会社やまびこ製作所", "(有)やまびこ製作所", "㈲やまびこ製作所"),
    ("Nordlicht Biotech GmbH", "NORDLICHT BIOTECH"),
]


@pytest.mark.parametrize("spellings", SAME_BODY, ids=lambda group: group[0])
def test_org_key_is_one_key_per_body(spellings: tuple[str, ...]) -> None:
    keys = {org_key(name) for name in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("name, key", [
    ("三井不動産㈱", "三井不動産"),
    ("Acme Co., Ltd.", "acme"),
    ("ACME Inc.", "acme"),
    ("「株式会社ミナト」", "ミナト"),
])
def test_org_key_values(name: str, key: str) -> None:
    assert org_key(name) == key


@pytest.mark.parametrize("name", ["株式会社", "（株）", "Inc."])
def test_org_key_of_a_bare_legal_form_keeps_the_text(name: str) -> None:
    assert org_key(name) != ""
    assert org_key(name) == org_key(name.lower())


@pytest.mark.parametrize("a, b", [
    ("Zinc", "Z"),                            # "Inc" inside a word is not a legal form
    ("SAS Institute", "Institute"),           # a Latin suffix form is not removed in front
    ("Arkansas", "Arkan"),
    ("三井不動産", "三井住友"),
    ("生活協同組合こがね", "こがね"),           # 協同組合 in the middle stays
])
def test_org_key_keeps_names_apart(a: str, b: str) -> None:
    assert org_key(a) != org_key(b)


@pytest.mark.parametrize("raw, expected", [
    ("植田 俊", "植田俊"),
    ("植田俊氏", "植田俊"),
    ("高橋 美咲 様", "高橋美咲"),
    ("山本先生", "山本"),
    ("小林さん", "小林"),
    ("総務部長殿", "総務部長"),
    ("John  Smith", "johnsmith"),
    ("氏", "氏"),                                # an honorific alone stays
])
def test_person_key(raw: str, expected: str) -> None:
    assert person_key(raw) == expected


def test_person_key_removes_only_the_last_honorific() -> None:
    assert person_key("田中様様") == "田中様"
