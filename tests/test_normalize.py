"""Folding through an offset map, and Japanese number parsing."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prextract.normalize import NormalizedText, fold, parse_kanji_number, parse_number

FOLDS = [
    ("fullwidth-digits", "２０２４年９月１８日", "2024年9月18日"),
    ("fullwidth-latin", "ＬＩＮＫ－Ｊ", "LINK-J"),
    ("fullwidth-colon", "１４：３０", "14:30"),
    ("fullwidth-parens", "（月）", "(月)"),
    ("ideographic-space", "株式会社\u3000サンプル", "株式会社 サンプル"),
    ("kangxi-month", "9⽉18⽇", "9月18日"),
    ("kangxi-person", "1⼈", "1人"),
    ("compat-ideograph", "\uf9dc", "隆"),
    ("radical-supplement-long", "⻑野", "長野"),
    ("wave-dash", "9月18日〜20日", "9月18日~20日"),
    ("fullwidth-tilde", "9月18日～20日", "9月18日~20日"),
    ("ascii-tilde-kept", "9月18日~20日", "9月18日~20日"),
    ("fullwidth-hyphen", "2021年－2025年", "2021年-2025年"),
    ("horizontal-bar", "9:00―17:00", "9:00-17:00"),
    ("en-dash", "9:00–17:00", "9:00-17:00"),
    ("minus-sign", "9:00−17:00", "9:00-17:00"),
    ("halfwidth-katakana", "ｻﾝﾌﾟﾙ", "サンプル"),
    ("halfwidth-katakana-voiced", "ｶﾞｽ", "ガス"),
    ("nfd-kana", "カ\u3099ス", "ガス"),
    ("era-square-heisei", "㍻31年", "平成31年"),
    ("era-square-reiwa", "㋿2年", "令和2年"),
    ("corporation-mark", "㈱サンプル", "(株)サンプル"),
    ("yen-sign", "￥1,000", "¥1,000"),
    ("japanese-kept", "平成三十一年のお知らせ", "平成三十一年のお知らせ"),
    ("long-vowel-kept", "データー", "データー"),
    ("circled-number-kept", "①活動", "①活動"),
    ("kanji-zero-kept", "二〇二〇年", "二〇二〇年"),
    ("empty", "", ""),
]


@pytest.mark.parametrize(("original", "folded"), [c[1:] for c in FOLDS], ids=[c[0] for c in FOLDS])
def test_fold(original: str, folded: str) -> None:
    assert fold(original).text == folded


def test_way_back_on_heisei_kanji_numerals() -> None:
    nt = fold("のは平成三十一年です")
    start = nt.text.index("平成三十一年")
    assert nt.original_text(start, start + 6) == "平成三十一年"
    assert nt.to_original(start, start + 6) == (2, 8)


def test_way_back_on_era_square() -> None:
    nt = fold("㍻三十一年4月")
    assert nt.text == "平成三十一年4月"
    assert nt.to_original(0, 2) == (0, 1)           # both folded characters come from ㍻
    assert nt.to_original(1, 2) == (0, 1)
    assert nt.to_original(2, 6) == (1, 5)           # 三十一年
    assert nt.original_text(0, len(nt.text)) == "㍻三十一年4月"


def test_way_back_on_fullwidth_date() -> None:
    original = "発表：２０２４年９月１８日（水）"
    nt = fold(original)
    start = nt.text.index("2024")
    end = nt.text.index("日") + 1
    assert nt.to_original(start, end) == (3, 13)
    assert nt.original_text(start, end) == "２０２４年９月１８日"


def test_way_back_after_a_shrinking_fold() -> None:
    nt = fold("ｶﾞｽ料金2024年9月")                     # ｶﾞ (2) -> ガ (1)
    start = nt.text.index("2024")
    assert nt.original_text(start, start + 7) == "2024年9月"
    assert nt.to_original(start, start + 7) == (5, 12)


def test_way_back_of_empty_span() -> None:
    nt = fold("㍻元年")
    assert nt.to_original(2, 2) == (1, 1)


def test_span_outside_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        fold("abc").to_original(2, 5)


def test_normalized_text_is_frozen() -> None:
    nt = NormalizedText.fold("２０２４")
    with pytest.raises(AttributeError):
        nt.text = "x"  # type: ignore[misc]


@given(st.text(alphabet=st.sampled_from(list("２０年月日㍻㈱ｶﾞﾟａｂ〜－abc平成三十一 \n⽉")), max_size=40))
def test_every_folded_span_maps_inside_the_original(text: str) -> None:
    nt = fold(text)
    for start in range(len(nt.text) + 1):
        for end in range(start, len(nt.text) + 1):
            o_start, o_end = nt.to_original(start, end)
            assert 0 <= o_start <= o_end <= len(text)
    # the whole folded text maps to the whole original
    assert nt.to_original(0, len(nt.text)) == (0, len(text)) or not text


NUMBERS = [
    ("kanji-year", "二〇二〇", 2020),
    ("kanji-circle-zero", "二○二○", 2020),
    ("kanji-eighteen", "十八", 18),
    ("kanji-ten", "十", 10),
    ("kanji-thirty-one", "三十一", 31),
    ("kanji-twelve-hundred", "千二百", 1200),
    ("kanji-two-thousand-twenty", "二千二十", 2020),
    ("kanji-man", "三万五千", 35000),
    ("arabic", "2024", 2024),
    ("arabic-commas", "1,250", 1250),
    ("mixed-oku-man", "3億4500万", 345000000),
    ("mixed-thousand", "3千", 3000),
    ("kanji-oku", "十億", 1000000000),
    ("cho", "1兆2000億", 1200000000000),
]


@pytest.mark.parametrize(("written", "value"), [c[1:] for c in NUMBERS], ids=[c[0] for c in NUMBERS])
def test_parse_kanji_number(written: str, value: int) -> None:
    assert parse_kanji_number(written) == value


@pytest.mark.parametrize("written", ["", "元", "abc", "十a", "1.5", "年"],
                         ids=["empty", "gen", "latin", "mixed-latin", "decimal", "kanji-word"])
def test_parse_kanji_number_rejects(written: str) -> None:
    assert parse_kanji_number(written) is None


@pytest.mark.parametrize(("written", "value"), [
    ("1.2億", 120_000_000), ("1.5", 1.5), ("0.5万", 5000), ("480", 480), ("4,500万", 45_000_000),
], ids=["decimal-oku", "decimal", "decimal-man", "plain", "commas-man"])
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == value
