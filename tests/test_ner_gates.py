"""The gates through which the trained NER's spans become organisations and people: what a
confirmed span may skip, and the shapes no span passes (lists of words, a field of study, the
spelling of a person's name, a piece of a longer name). The spans are set by hand, so each test
pins the rule, not the model."""
from __future__ import annotations

from dataclasses import replace

import pytest

from prextract import orgs, person_names
from prextract.analyse import Entity, analyse, common_words_only, in_dictionary, named_in_own_words, one_unidic_word
from prextract.orgs import OrgMention
from prextract.resolve import resolve_organizations


def _with_span(text: str, word: str, label: str, *, confirmed: bool, extra: tuple[Entity, ...] = (), nth: int = 0,
               ginza: bool = True):
    """The analysis of ``text`` with one NER span on the ``nth`` ``word`` (and ``extra`` entities;
    GiNZA's own entities unless ``ginza`` is False)."""
    an = analyse(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    ent = Entity(start, start + len(word), label, word, 1.0 if confirmed else 0.6, confirmed)
    kept = tuple(e for e in an.entities if ginza and not e.label.startswith("prx:"))
    return replace(an, entities=tuple(sorted(kept + (ent,) + extra, key=lambda e: e.start))), ent


def test_the_dictionary_knows_loanwords_not_new_names():
    assert in_dictionary("イノベーション") and in_dictionary("ネットワーク")
    assert not in_dictionary("ボウスキー")


@pytest.mark.parametrize("text, word, is_list", [
    ("播磨臨海部には製鉄・化学・エネルギー関連の事業所が集積している。", "製鉄・化学・エネルギー関連", True),
    ("ウェスタン・デジタルは記憶装置の大手である。", "ウェスタン・デジタル", False),  # katakana only: a name
])
def test_a_list_of_common_words_is_no_body(text, word, is_list):
    an, ent = _with_span(text, word, "prx:ORGANIZATION", confirmed=True)
    assert orgs._list_of_common_words(word, an.tokens_in(ent.start, ent.end)) is is_list
    assert orgs.trusted_prx_org(ent, an) is not is_list


@pytest.mark.parametrize("text, word, field", [
    ("研究は北辰大学の三橋准教授（海洋生態学）が率いる。", "海洋生態学", True),
    ("研究は三橋准教授（北辰大学）が率いる。", "北辰大学", False),
])
def test_a_field_in_brackets_after_an_academic_is_no_body(text, word, field):
    an, ent = _with_span(text, word, "prx:ORGANIZATION", confirmed=True)
    assert orgs._field_of_study(ent, text) is field
    assert orgs.trusted_prx_org(ent, an) is not field


def test_the_latin_spelling_of_a_katakana_name_is_no_body():
    text = "同社CEOのアンナ・リンドクヴィスト（Anna Lindqvist）は次のように述べた。"
    an, ent = _with_span(text, "Anna Lindqvist", "prx:ORGANIZATION", confirmed=True)
    assert orgs._latin_spelling_of_name(ent, text) and not orgs.trusted_prx_org(ent, an)
    company = "北欧のノルドリス・エナジー（Nordlys Energy Solutions）と提携した。"  # three words, two parts
    an, ent = _with_span(company, "Nordlys Energy Solutions", "prx:ORGANIZATION", confirmed=True)
    assert not orgs._latin_spelling_of_name(ent, company)


def test_a_piece_of_a_longer_dotted_name_is_no_body_of_its_own():
    text = ("一般社団法人グリーン・モビリティ・フォーラムは設立5周年を迎えた。"
            "同フォーラムはグリーン・モビリティの普及を進めている。")
    an, ent = _with_span(text, "グリーン・モビリティ", "prx:ORGANIZATION", confirmed=False, nth=1)
    assert orgs._part_of_a_dotted_name(ent, an) and not orgs.trusted_prx_org(ent, an)
    # confirmed by the ensemble, the span stands: the text gives no sign against it
    an, ent = _with_span(text, "グリーン・モビリティ", "prx:ORGANIZATION", confirmed=True, nth=1)
    assert orgs.trusted_prx_org(ent, an)


def test_a_persons_surname_alone_is_no_body():
    text = "開発を率いたのはCTOのエミリー・ハートウェルです。ハートウェルは農業ロボットの専門家です。"
    person = Entity(text.index("エミリー"), text.index("です"), "prx:PERSON", "エミリー・ハートウェル")
    an, ent = _with_span(text, "ハートウェル", "prx:ORGANIZATION", confirmed=False, extra=(person,), nth=1)
    assert orgs._part_of_a_dotted_name(ent, an) and not orgs.trusted_prx_org(ent, an)


def test_a_name_that_opens_with_a_given_name_ginza_reads_as_a_person_is_no_body():
    text = "新CEOにヘンリク・ソールバッケンが就任する。"
    start = text.index("ヘンリク")
    ginza = Entity(start, start + len("ヘンリク・ソール"), "Person", "ヘンリク・ソール")
    an, ent = _with_span(text, "ヘンリク・ソールバッケン", "prx:ORGANIZATION", confirmed=False, extra=(ginza,))
    toks = an.tokens_in(ent.start, ent.end)
    assert orgs._first_name_first(ent, toks, an)
    an_without, ent = _with_span(text, "ヘンリク・ソールバッケン", "prx:ORGANIZATION", confirmed=False)
    assert not orgs._first_name_first(ent, toks, replace(an_without, entities=tuple(
        e for e in an_without.entities if e.label != "Person")))


@pytest.mark.parametrize("text, word, kept", [
    ("元厚生労働省の官僚である中野氏が講演した。", "元厚生労働省", "厚生労働省"),
    ("現三井情報株式会社に社名を改めた。", "現三井情報株式会社", "三井情報株式会社"),
    ("ちなみにフジテレビの見解は異なる。", "ちなみにフジテレビ", "フジテレビ"),
    ("元町商店街振興組合が主催する。", "元町商店街振興組合", "元町商店街振興組合"),  # 元町: one word
])
def test_a_name_starts_after_a_word_of_time_or_a_particle(text, word, kept):
    an = analyse(text)
    start = text.index(word)
    m = orgs._without_lead_words(OrgMention(start, start + len(word), word, "other", "suffix"), an)
    assert m.text == kept == text[m.start:m.end]


def test_a_confirmed_proper_noun_stays_a_body_before_a_noun():
    text = "東宝映画の新作が公開された。"
    an, ent = _with_span(text, "東宝", "prx:ORGANIZATION", confirmed=True, ginza=False)
    assert orgs.trusted_prx_org(ent, an)
    an, ent = _with_span(text, "東宝", "prx:ORGANIZATION", confirmed=False, ginza=False)
    assert not orgs.trusted_prx_org(ent, an)  # a modifier inside the compound, unconfirmed


def test_a_confirmed_common_noun_stays_a_body_before_a_noun():
    # 空軍|大佐: the ensemble confirms a body that is no proper noun; a majority alone does not
    text = "1961年、空軍大佐で退役した後に帰国した。"
    an, ent = _with_span(text, "空軍", "prx:ORGANIZATION", confirmed=True, ginza=False)
    assert orgs.trusted_prx_org(ent, an)
    an, ent = _with_span(text, "空軍", "prx:ORGANIZATION", confirmed=False, ginza=False)
    assert not orgs.trusted_prx_org(ent, an)


def test_a_confirmed_name_before_a_generic_head_is_a_body():
    text = "東インド会社は3州で租税徴収権を獲得した。"
    word = "東インド会社"
    an, _ = _with_span(text, word, "prx:ORGANIZATION", confirmed=True)
    m = OrgMention(0, len(word), word, "company", "prx")
    assert orgs._plausible(m, an)
    an, _ = _with_span(text, word, "prx:ORGANIZATION", confirmed=False)
    assert not orgs._plausible(m, an)


def _names(text: str, word: str, *, confirmed: bool, extra: tuple[Entity, ...] = ()):
    an, _ = _with_span(text, word, "prx:PERSON", confirmed=confirmed, extra=extra)
    return [(text[s:e], strength) for s, e, strength in person_names._names_from_trained_ner(an)]


def test_words_of_the_dictionary_joined_by_dots_are_no_person():
    text = "リンゴ・ブドウ・モモの分光データをもとに開発した。"
    assert common_words_only(analyse(text).tokens_in(0, 10))
    assert _names(text, "リンゴ・ブドウ・モモ", confirmed=False) == []


def test_a_confirmed_katakana_word_the_dictionary_does_not_know_is_a_surname():
    text = "しかしボウスキーは同業者と取引を続けた。"
    assert _names(text, "ボウスキー", confirmed=True) == [("ボウスキー", person_names.AGREED)]
    # a majority of the ensemble alone keeps it as a short name (see test_a_majority_reading...)
    assert _names(text, "ボウスキー", confirmed=False) == [("ボウスキー", person_names.AGREED)]
    quoted = "この唱法は「ボウスキー」と呼ばれる。"
    assert _names(quoted, "ボウスキー", confirmed=True) == []


def test_a_surname_known_as_a_place_with_an_unknown_given_name():
    text = "原作は梶原一騎の劇画である。"
    start = text.index("梶原")
    ginza = Entity(start, start + 2, "Person", "梶原")
    assert _names(text, "梶原一騎", confirmed=True, extra=(ginza,)) == [("梶原一騎", person_names.FULL)]
    # unconfirmed it is kept by the majority rule, but not as a full name
    assert _names(text, "梶原一騎", confirmed=False, extra=(ginza,)) == [("梶原一騎", person_names.AGREED)]


def test_a_word_after_a_name_is_no_part_of_it():
    text = "進藤本人はこの件について語らなかった。"
    assert _names(text, "進藤本人", confirmed=True) == [("進藤", person_names.AGREED)]


def test_a_foreign_body_named_by_its_first_word_is_one_record():
    text = "Kestrel Robotics ABは日本法人を設立した。Kestrelにとって日本は重要な市場である。"
    long_start, short_start = 0, text.index("Kestrelにとって")
    mentions = [OrgMention(long_start, long_start + 19, "Kestrel Robotics AB", "company", "latin"),
                OrgMention(short_start, short_start + 7, "Kestrel", "other", "prx")]
    index = resolve_organizations(text, mentions, [], None)
    assert [(o.name, o.aliases) for o in index.organizations] == [("Kestrel Robotics AB", ("Kestrel",))]
    # without a legal form the first word may be a body of its own (Google, Google Cloud)
    plain = [replace(mentions[0], text="Kestrel Robotics", end=16), mentions[1]]
    assert len(resolve_organizations(text, plain, [], None).organizations) == 2


def test_a_confirmed_katakana_loanword_that_acts_is_a_surname():
    acting = "2012年、メイウェザーは王座を守った。"
    assert _names(acting, "メイウェザー", confirmed=True) == [("メイウェザー", person_names.AGREED)]
    assert _names(acting, "メイウェザー", confirmed=False) == [("メイウェザー", person_names.AGREED)]
    thing = "当店のライスの量は選べます。"  # a loanword the dictionary knows, not acting
    assert _names(thing, "ライス", confirmed=True) == []


def test_a_confirmed_full_name_ends_the_run_of_nouns_before_a_body():
    text = "式典には山下健一郎経済産業省製造産業局長が出席した。"
    an, _ = _with_span(text, "山下健一郎", "prx:PERSON", confirmed=True)
    mentions = orgs.find_org_mentions(an, [])
    assert mentions and not any("山下" in m.text for m in mentions)
    assert "山下健一郎" in [p.text for p in person_names.find_person_mentions(an, [], mentions)]
    # only a name the ensemble confirms cuts the run
    an, _ = _with_span(text, "山下健一郎", "prx:PERSON", confirmed=False)
    assert any(m.text.startswith("山下健一郎") for m in orgs.find_org_mentions(an, []))


@pytest.mark.parametrize("text, word, names, unconfirmed", [
    ("両社の交渉には金載昊社長が当たった。", "金載昊", [("金載昊", person_names.FULL)], [("金載昊", person_names.AGREED)]),
    ("式典は許炯俊理事長のあいさつで始まった。", "許炯俊", [("許炯俊", person_names.FULL)], [("許炯俊", person_names.AGREED)]),
    ("大会は金沢市で開かれる。", "金沢市", [], []),      # a place, whatever the NER says
])
def test_a_chinese_or_korean_family_name_with_a_given_name(text, word, names, unconfirmed):
    assert _names(text, word, confirmed=True) == names
    # unconfirmed: a short name by the majority rule, never a full one
    assert _names(text, word, confirmed=False) == unconfirmed


def test_a_latin_name_the_ensemble_confirms_is_a_person():
    text = "ピアノ独奏はWiebke Harmsが務める。"
    an, _ = _with_span(text, "Wiebke Harms", "prx:PERSON", confirmed=True, ginza=False)
    assert [p.text for p in person_names.find_person_mentions(an, [], [])] == ["Wiebke Harms"]
    an, _ = _with_span(text, "Wiebke Harms", "prx:PERSON", confirmed=False, ginza=False)
    assert person_names.find_person_mentions(an, [], []) == []


def test_a_name_joined_to_a_body_is_no_person():
    text = "ソ連共産党マルクス=レーニン主義研究所が編集した全集を寄贈した。"
    an, _ = _with_span(text, "マルクス=レーニン", "prx:PERSON", confirmed=True)
    start = text.index("レーニン主義研究所")
    institute = OrgMention(start, start + 9, "レーニン主義研究所", "research", "suffix")
    assert [p.text for p in person_names.find_person_mentions(an, [], [institute])] == []


def test_a_word_for_kin_after_a_name_lets_it_end_there():
    text = "創業者のハーゲンドルフ兄弟が設立した工房である。"
    assert _names(text, "ハーゲンドルフ", confirmed=True) == [("ハーゲンドルフ", person_names.AGREED)]


def test_a_katakana_name_unidic_cuts_into_pieces_is_a_surname():
    assert one_unidic_word("イノベーション") and not one_unidic_word("ダリューゲ")
    text = "交渉の場でダリューゲはこれを拒んだ。"     # SudachiPy knows it, as a common noun
    assert in_dictionary("ダリューゲ")
    assert _names(text, "ダリューゲ", confirmed=True) == [("ダリューゲ", person_names.AGREED)]
    assert _names(text, "ダリューゲ", confirmed=False) == [("ダリューゲ", person_names.AGREED)]


def test_a_confirmed_hiragana_head_joins_the_legal_name():
    text = "ゆいまーる観光株式会社は、那覇市に本社を置く旅行会社です。"
    an, _ = _with_span(text, "ゆいまーる観光株式会社", "prx:ORGANIZATION", confirmed=True)
    assert [m.text for m in orgs.find_org_mentions(an, [])][0] == "ゆいまーる観光株式会社"
    # unconfirmed, the head read as a filler and a copula stays out
    an, _ = _with_span(text, "ゆいまーる観光株式会社", "prx:ORGANIZATION", confirmed=False)
    assert [m.text for m in orgs.find_org_mentions(an, [])][0] == "観光株式会社"


def _org_texts(text: str) -> list[str]:
    return [m.text for m in orgs.find_org_mentions(analyse(text), [])]


def _org_kept(text: str, word: str, *, confirmed: bool) -> bool:
    """Whether ``word``, one prextract-NER organisation span, comes out as an organisation mention."""
    an, _ = _with_span(text, word, "prx:ORGANIZATION", confirmed=confirmed)
    return word in [m.text for m in orgs.find_org_mentions(an, [])]


def test_a_word_with_its_particle_is_no_head_of_a_name():
    assert _org_texts("ちなみに東雲放送株式会社も同じ方針である。") == ["東雲放送株式会社"]
    # a hiragana name ending in の stays whole
    assert _org_texts("・むさしの未来創生ファンド投資事業有限責任組合") == ["むさしの未来創生ファンド投資事業有限責任組合"]


def test_a_verbal_noun_after_a_legal_name_is_no_part_of_it():
    assert _org_texts("1998年に株式会社青葉造園設計事務所設立。") == ["株式会社青葉造園設計事務所"]
    # after a weak suffix (電子) the verbal noun may be the name's own last word
    assert _org_texts("当社は株式会社中部電子計測と契約した。") == ["株式会社中部電子計測"]


def test_a_latin_legal_form_opens_no_name():
    assert _org_texts("同社は無線LAN製品やPLCアダプタ製品を展開する。") == []
    assert _org_texts("英Acme Holdings PLCは日本法人を設立した。") == ["Acme Holdings PLC"]


def test_a_dotted_chain_ending_in_two_common_words_is_no_person():
    text = "今年は第5回ミナト・ライト・ミュージック・コンテストに出場した。"   # ライト: a given name in UniDic
    assert person_names.find_person_mentions(analyse(text), [], []) == []
    named = "研究を率いたエミリー・ハートウェルが説明した。"
    assert [p.text for p in person_names.find_person_mentions(analyse(named), [], [])] == ["エミリー・ハートウェル"]


def test_a_word_for_the_person_after_a_ginza_name_is_no_part_of_it():
    text = "一方、村井本人はこの件について何も語っていない。"
    an = analyse(text)
    start = text.index("村井")
    ginza = Entity(start, start + 4, "Person", "村井本人")
    an = replace(an, entities=(ginza,))
    assert [(text[s:e], k) for s, e, k in person_names._names_from_entities(an)] == [("村井", person_names.AGREED)]


def test_a_short_given_name_after_a_family_name_needs_a_second_reader():
    tomb = "長塚古墳は丘陵の南東に位置する。"
    an = replace(analyse(tomb), entities=(Entity(0, 4, "Person", "長塚古墳"),))
    assert ("長塚古墳", person_names.FULL) not in [(tomb[s:e], k) for s, e, k in person_names._names_from_entities(an)]
    text = "中国側からは楊秀麗が出席した。"
    start = text.index("楊秀麗")
    ginza, prx = Entity(start, start + 3, "Person", "楊秀麗"), Entity(start, start + 3, "prx:PERSON", "楊秀麗")
    found = [(text[s:e], k) for s, e, k in person_names._names_from_entities(replace(analyse(text), entities=(ginza, prx)))]
    assert found == [("楊秀麗", person_names.FULL)]


@pytest.mark.parametrize("text, word", [
    ("同日、韓国国防部は新型潜水艦の配備計画を発表した。", "韓国国防部"),
    ("中国商務部は反ダンピング調査を開始すると発表した。", "中国商務部"),
])
def test_a_country_and_its_ministry_confirmed_is_a_body(text, word):
    assert _org_kept(text, word, confirmed=True)
    # unconfirmed, 国名+部 reads as a company's unit for that country (中国事業部)
    assert not _org_kept(text, word, confirmed=False)


def test_a_confirmed_full_name_before_a_post_leaves_it():
    from prextract.titles import find_titles, without_names_ahead
    text = "中華人民共和国公安部の徐平副部長は記者会見で述べた。"   # UniDic: 徐|平 (a common noun)|副部長
    an, _ = _with_span(text, "徐平", "prx:PERSON", confirmed=True)
    assert [t.text for t in without_names_ahead(find_titles(text), an)] == ["副部長"]
    an, _ = _with_span(text, "徐平", "prx:PERSON", confirmed=False)
    assert [t.text for t in without_names_ahead(find_titles(text), an)] == ["徐平副部長"]
    # a name of one word may be the place a plant is named by
    plant = "当社の松本工場長は述べた。"
    an, _ = _with_span(plant, "松本", "prx:PERSON", confirmed=True)
    assert [t.text for t in without_names_ahead(find_titles(plant), an)] == ["松本工場長"]


def test_a_foreign_name_dotted_before_its_group_word_is_a_body():
    text = "同年、ユナイテッドヘルス・グループの売上高は過去最高となった。"
    assert _org_kept(text, "ユナイテッドヘルス・グループ", confirmed=True)
    assert not _org_kept(text, "ユナイテッドヘルス・グループ", confirmed=False)
    # no dot: a team inside the company
    unit = "同年、デジタルソリューショングループの人員を倍増した。"
    assert not _org_kept(unit, "デジタルソリューショングループ", confirmed=True)


def test_an_honorary_post_after_a_company_is_no_part_of_its_name():
    from prextract.titles import find_titles
    # 社友: the status a company gives its former officers (titles.tsv)
    text = "2018年より北辰スチール社友。"
    an, _ = _with_span(text, "北辰スチール社友", "prx:ORGANIZATION", confirmed=True)
    title_spans = [(t.start, t.end) for t in find_titles(text)]
    assert [m.text for m in orgs.find_org_mentions(an, title_spans)] == ["北辰スチール"]


def test_an_army_the_ensemble_confirms_is_one_body():
    text = "1863年、南軍はゲティスバーグで敗れた。"   # GiNZA reads 南軍 as a post
    assert _org_kept(text, "南軍", confirmed=True)
    assert not _org_kept(text, "南軍", confirmed=False)
    # another one-word kind of body stays a kind, confirmed or not
    station = "火災の通報を受けて消防署が出動した。"
    assert not _org_kept(station, "消防署", confirmed=True)


def test_an_unconfirmed_span_over_a_layout_space_is_no_body():
    text = "連携事項\n　　ウ　大学・研究機関間の人材交流及び共同研究の促進"   # ウ: an item's letter
    assert not _org_kept(text, "ウ　大学", confirmed=False)
    # a legal form written a space before the name opens it
    body = "主催：一般社団法人　みなと海洋未来協会"
    an, _ = _with_span(body, "一般社団法人　みなと海洋未来協会", "prx:ORGANIZATION", confirmed=False)
    assert [m.text for m in orgs.find_org_mentions(an, [])] == ["一般社団法人　みなと海洋未来協会"]


def test_a_regnal_number_after_a_name_is_part_of_it():
    text = "ジャヤ・パラメーシュヴァラヴァルマン2世は寺院を建てた。"
    assert _names(text, "ジャヤ・パラメーシュヴァラヴァルマン2世", confirmed=False) == [
        ("ジャヤ・パラメーシュヴァラヴァルマン2世", person_names.FULL)]
    # the name before the number still has to pass: dictionary words do not
    things = "リンゴ・ブドウ2世の苗を植えた。"
    assert _names(things, "リンゴ・ブドウ2世", confirmed=False) == []


def test_a_legal_name_with_kana_ends_before_a_particle_or_a_verb():
    assert _org_texts("本製品は株式会社ひばり工房よりリリースされている知育玩具です。") == ["株式会社ひばり工房"]
    assert _org_texts("株式会社ひばり工房から発売された。") == ["株式会社ひばり工房"]


def test_a_legal_name_ends_with_the_confirmed_name_inside_it():
    text = "当会は「一般社団法人北斗地域医療協会倫理規程」を改定した。"
    assert _org_kept(text, "北斗地域医療協会", confirmed=True) is False   # the legal form stays on
    an, _ = _with_span(text, "北斗地域医療協会", "prx:ORGANIZATION", confirmed=True)
    assert [m.text for m in orgs.find_org_mentions(an, [])] == ["一般社団法人北斗地域医療協会"]
    # a confirmed name closed by no strong suffix does not cut the legal name
    m = OrgMention(0, 16, "株式会社電通国際情報サービス", "company", "legal")
    an, _ = _with_span("株式会社電通国際情報サービスは発表した。", "電通国際情報", "prx:ORGANIZATION", confirmed=True)
    assert orgs._without_words_past_name(m, an) == m


def test_a_descriptor_set_apart_by_a_dot_is_no_part_of_the_name():
    text = "新潟県の酒造会社・越後白嶺酒造と共同で開発した。"
    an, _ = _with_span(text, "越後白嶺酒造", "prx:ORGANIZATION", confirmed=True)
    start = text.index("酒造会社")
    m = OrgMention(start, start + 11, "酒造会社・越後白嶺酒造", "company", "suffix")
    assert orgs._without_descriptor(m, an).text == "越後白嶺酒造"
    text = "シーグラス・ベンチャーズ株式会社と提携した。"     # katakana before the ・: a name's own
    an, _ = _with_span(text, "ベンチャーズ株式会社", "prx:ORGANIZATION", confirmed=True)
    m = OrgMention(0, 16, "シーグラス・ベンチャーズ株式会社", "company", "suffix")
    assert orgs._without_descriptor(m, an) == m


def test_a_former_name_starts_after_its_dot():
    text = "旧・北洋相互銀行の系列企業が参入した。"
    m = OrgMention(0, 8, "旧・北洋相互銀行", "company", "suffix")
    assert orgs._without_lead_words(m, analyse(text)).text == "北洋相互銀行"


@pytest.mark.parametrize("text, word, confirmed, lone", [
    ("会見に臨んだ菅は、次のように述べた。", "菅", True, True),
    ("会見に臨んだ菅は、次のように述べた。", "菅", False, False),   # the ensemble must confirm it
    ("改札を出た駅は、次のように混んでいた。", "駅", True, False),    # UniDic reads no surname
])
def test_a_lone_one_kanji_surname(text, word, confirmed, lone):
    an, ent = _with_span(text, word, "prx:PERSON", confirmed=confirmed)
    assert ((ent.start, ent.end) in person_names._lone_surnames(an)) is lone
    people = [p.text for p in person_names.find_person_mentions(an, [], [])]
    assert (word in people) is lone


def test_a_full_name_both_ners_draw_alike_stands_without_the_dictionary():
    text = "監修は編集者の小前亮が務めた。"                 # UniDic: 小前|亮, two common nouns
    start = text.index("小前亮")
    person = Entity(start, start + 3, "Person", "小前亮")
    an, _ = _with_span(text, "小前亮", "prx:PERSON", confirmed=True, extra=(person,), ginza=False)
    assert person_names._names_from_trained_ner(an) == [(start, start + 3, person_names.FULL)]
    an, _ = _with_span(text, "小前亮", "prx:PERSON", confirmed=True, ginza=False)   # GiNZA sees no person
    assert person_names._names_from_trained_ner(an) == []


@pytest.mark.parametrize("text, piece", [
    ("1970年に始まったポートランド・ジャズ&ブルース・フェスティバルは有名だ。", "ポートランド・ジャズ&"),
    ("シーサイド・アート＆ミュージック祭が開かれた。", "シーサイド・アート＆"),
])
def test_a_span_cut_after_a_joiner_is_no_name(text, piece):
    start = text.index(piece)
    assert not orgs._plausible(OrgMention(start, start + len(piece), piece, "other", "ner"), analyse(text))


@pytest.mark.parametrize("text, word, whole", [
    ("決勝点は捕手J・ロドリゲスの二塁打だった。", "ロドリゲス", "J・ロドリゲス"),   # an initial before the name
    ("路線はノルテビアスが運行している。", "ビアス", None),                   # a piece of a longer word
    ("主演のロッキー・ロメロが登壇した。", "ロメロ", "ロッキー・ロメロ"),
])
def test_a_katakana_name_is_the_whole_chain_it_sits_in(text, word, whole):
    an = analyse(text)
    start = text.index(word)
    found = person_names._whole_katakana_name(an, (start, start + len(word), person_names.AGREED))
    assert (text[found[0]:found[1]] if found else None) == whole


@pytest.mark.parametrize("text, word, name", [
    ("同年に発足した森川信一内閣で大臣を務めた。", "森川信一内閣", "森川信一"),      # a noun after the given name
    ("式典には高円宮御夫妻が臨席された。", "高円宮御", "高円宮"),                  # a prefix
    ("当日はカルポフソ連代表が演説した。", "カルポフソ連", "カルポフ"),             # a country
    ("投手の田中正義が先発した。", "田中正義", "田中正義"),                        # 正義 after a surname: a given name
])
def test_a_word_after_a_name_is_cut_from_the_span(text, word, name):
    assert [n for n, _ in _names(text, word, confirmed=True)] == [name]


# -- the five-member ensemble's majority (session 17) --------------------------------------------

def test_a_majority_reading_of_unknown_words_is_a_short_name():
    # neither dictionary knows the name; a majority of the ensemble reads a person there
    text = "ヘルムート・ネブラーは翌年に引退した。"
    assert _names(text, "ネブラー", confirmed=False) == [("ネブラー", person_names.AGREED)]
    # common words, a quoted term and a word GiNZA reads as a place are not names on a majority
    assert _names("当店ではブドウを使ったパンを焼いています。", "ブドウ", confirmed=False) == []
    assert _names("この唱法は「ボウスキー」と呼ばれる。", "ボウスキー", confirmed=False) == []
    assert _names("リンゴ・ブドウ2世の苗を植えた。", "リンゴ・ブドウ2世", confirmed=False) == []


@pytest.mark.parametrize("words, named", [
    (["クラヴィンケル", "染色"], True),          # a name the dictionary does not know, and a common noun
    (["Europe", "Intermodal"], None),           # Latin words: only as a phrase, for bodies
    (["TOB"], False),                           # one Latin word: a product or a term in a release
    (["オープン", "価格"], False),                # common words only
    (["(", "3"], False),                        # a bracket's piece
])
def test_named_in_own_words(words, named):
    an = analyse((" " if words[0].isascii() else "").join(words))
    if named is None:
        assert not named_in_own_words(an.tokens) and named_in_own_words(an.tokens, latin_phrase=True)
    else:
        assert named_in_own_words(an.tokens) is named


def test_a_majority_reading_of_a_body_in_its_own_words_is_kept():
    text = "ヴェーザーブルクにはクラヴィンケル染色の工場がある。"
    an, _ = _with_span(text, "クラヴィンケル染色", "prx:ORGANIZATION", confirmed=False, ginza=False)
    assert "クラヴィンケル染色" in [m.text for m in orgs.find_org_mentions(an, [])]
    # common words stay out on a majority alone
    text = "価格はオープン価格とする。"
    an, _ = _with_span(text, "オープン価格", "prx:ORGANIZATION", confirmed=False, ginza=False)
    assert "オープン価格" not in [m.text for m in orgs.find_org_mentions(an, [])]

