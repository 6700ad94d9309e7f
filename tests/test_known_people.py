"""People an encyclopaedia names: full names JMnedict knows, sovereigns' titles, ring names,
katakana posts glued to a name, a leader's name as the name of the government."""
from __future__ import annotations

import pytest

from prextract import gazetteer, person_names
from prextract.analyse import analyse


def _people(extractor, text: str) -> list[str]:
    return [text[s:e] for p in extractor.extract(text).people for s, e in p.mentions]


def _orgs(extractor, text: str) -> list[str]:
    return [o.name for o in extractor.extract(text).organizations]


@pytest.mark.parametrize("text, name", [
    ("ブランドは、デザイナーの三宅一生が1971年に立ち上げた。", "三宅一生"),       # 三宅|一生: a common word too
    ("旧館の設計は磯崎新によるもので、翌年に改修された。", "磯崎新"),            # 磯崎|新: a place and a suffix
    ("三井高利は松阪の商家に生まれ、のちに江戸へ出た。", "三井高利"),            # 三井|高利: a company's name first
    ("記念碑は佐野常民らの功績を伝えている。", "佐野常民"),
])
def test_a_full_name_the_dictionary_knows_is_a_person(extractor, text, name):
    assert name in _people(extractor, text)
    # and no piece of it is a body or a shorter person
    assert not [o for o in _orgs(extractor, text) if o in name]
    assert [p for p in _people(extractor, text) if p in name and p != name] == []


@pytest.mark.parametrize("text", [
    "隈研吾建築都市設計事務所が設計を担当した。",        # a firm named after a person
    "池田市の安藤百福発明記念館を訪れた。",              # a museum
])
def test_a_known_name_glued_to_a_noun_names_a_thing(extractor, text):
    assert _people(extractor, text) == []


def test_known_person_spans_are_two_words_or_more():
    text = "佐野常民の伝記には新選組も登場する。"
    an = analyse(text)
    # 佐野|常民; 新選組 is one word, which JMnedict lists as a person too
    assert [text[s:e] for s, e in gazetteer.known_person_spans(text, an.tokens)] == ["佐野常民"]


@pytest.mark.parametrize("text, name", [
    ("菅原道真は宇多天皇に重用された。", "宇多"),               # a title after the name is no part of it
    ("後醍醐天皇は鎌倉幕府を倒した。", "後醍醐"),               # one word in UniDic: the title is cut off
    ("ジョン王は大憲章に署名した。", "ジョン"),
    ("乾隆帝の治世に版図は最大となった。", "乾隆"),
])
def test_a_sovereigns_title_is_no_part_of_the_name(extractor, text, name):
    assert name in _people(extractor, text)
    assert not [p for p in _people(extractor, text) if p.startswith(name) and p != name]


def test_a_sovereigns_title_before_a_noun_makes_a_thing():
    text = "広開土王碑は集安市にある。"
    an = analyse(text)
    first = an.token_at(0)
    assert person_names._noun_goes_on(an.tokens, first.i, text)


def test_an_honorific_inside_a_word_stays_in_the_name(extractor):
    text = "後醍醐天皇は楠木正成や足利尊氏らの協力を得た。"
    assert "足利尊氏" in _people(extractor, text)       # 尊氏 is a given name, 氏 no honorific here
    assert "石原" in _people(extractor, "石原氏は会見で述べた。")


def test_a_ring_name_ginza_reads_whole_keeps_its_kanji_surname(extractor):
    text = "1976年には日本武道館でアントニオ猪木が異種格闘技戦に臨んだ。"
    assert _people(extractor, text) == ["アントニオ猪木"]


@pytest.mark.parametrize("text, name", [
    ("ワールドカップでは、ジェイミー・ジョセフヘッドコーチ率いる代表が8強に進んだ。", "ジェイミー・ジョセフ"),
    ("クラブはマイケル・スミスコーチの指導で昇格した。", "マイケル・スミス"),
])
def test_a_katakana_post_glued_to_a_name_ends_it(extractor, text, name):
    assert _people(extractor, text) == [name]


@pytest.mark.parametrize("text", [
    "同年に発足した森川信一内閣で大臣を務めた。",
    "李承晩政権期には土地改革が進められた。",
])
def test_a_leaders_name_before_cabinet_or_administration_names_the_government(extractor, text):
    assert _people(extractor, text) == []


@pytest.mark.parametrize("text", [
    "ミナト出版の小説「ハリー・ポッターと賢者の石」が店頭に並んだ。",     # a name opens the title
    "のちに随筆「藤井先生」でその日々を記した。",                           # a name before a post
    "大河ドラマ「どうする家康」では主演を務めた。",                         # a name ends it
])
def test_a_name_in_a_works_title_is_no_person(extractor, text):
    assert _people(extractor, text) == []


@pytest.mark.parametrize("text, people", [
    # a full name alone in brackets, no kind of work before it: the name itself is spoken of
    ("当初は「佐藤春夫」というペンネームで寄稿していた。", ["佐藤春夫"]),
    ("芸名は師匠の「水谷八重子」の名をもじったものだ。", ["水谷八重子"]),
    # a kind of work or product before the bracket: its title
    ("同社は音声合成ソフト「初音ミク」を2007年に発売した。", []),
])
def test_a_full_name_alone_in_brackets(extractor, text, people):
    assert _people(extractor, text) == people


def test_a_name_in_a_quoted_remark_is_a_person(extractor):
    text = "社長の山田太郎は「佐藤さんに感謝しています。」と語った。"
    assert _people(extractor, text) == ["山田太郎", "佐藤"]


@pytest.mark.parametrize("text, name", [
    ("徳川家光は沢庵に深く帰依した。", "徳川家光"),          # one UniDic word the ensemble reads as a body
    ("ソニーは井深大と盛田昭夫が創業した。", "井深大"),      # 井深|大: GiNZA reads a body, UniDic a surname first
])
def test_a_known_name_outweighs_an_ners_body(extractor, text, name):
    assert name in _people(extractor, text)
    assert name not in _orgs(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("経済学者のJ・M・ケインズは「一般理論」を著した。", "J・M・ケインズ"),
    ("S・K・チャタジーはコルカタ出身の物理学者である。", "S・K・チャタジー"),
    ("J・R・R・トールキンは言語学者でもあった。", "J・R・R・トールキン"),
])
def test_initials_before_a_katakana_name_make_a_person(extractor, text, name):
    assert _people(extractor, text) == [name]
    assert name not in _orgs(extractor, text)


def test_one_initial_before_a_common_word_is_no_person(extractor):
    assert _people(extractor, "J・フロント リテイリングは百貨店を運営する。") == []


def test_a_post_inside_one_word_after_a_katakana_name_is_cut_off(extractor):
    # UniDic holds トランプ大統領 as one word, so no title is found at word bounds
    text = "首脳会談は、ドナルド・トランプ大統領の来日に合わせて開かれた。"
    assert _people(extractor, text) == ["ドナルド・トランプ"]


@pytest.mark.parametrize("text, people", [
    ("一行はジョン・F・ケネディ国際空港に降り立った。", []),                 # a thing named after him
    ("機体はジャン=リュック・ラガルデール工場で組み立てられた。", []),
    ("1853年、マシュー・ペリー提督率いる艦隊が浦賀に来航した。", ["マシュー・ペリー"]),  # a rank GiNZA knows
    ("ピエール・ド・クーベルタン男爵の提唱で大会が始まった。", ["ピエール・ド・クーベルタン"]),
    # a verbal noun that ends the phrase says what the person did: a credit, not a thing
    ("新作はマリア・シェーファー作曲・エミール・ローラン脚本による。", ["マリア・シェーファー"]),
    ("録音はアンドレ・ミシェル指揮パリ室内管弦楽団による。", ["アンドレ・ミシェル"]),
    ("一行はジョン・F・ケネディ記念図書館を訪れた。", []),                   # 記念|図書館 goes on: a thing
])
def test_a_kanji_word_glued_to_a_full_katakana_name_makes_a_thing(extractor, text, people):
    assert _people(extractor, text) == people


@pytest.mark.parametrize("text, name, title", [
    ("捜査一課の綾瀬警部が現場に駆けつけた。", "綾瀬", "警部"),          # police ranks
    ("式典には山岡中将が出席した。", "山岡", "中将"),                    # military ranks
    ("1921年、ハル外相は条約に署名した。", "ハル", "外相"),               # a minister's short form
])
def test_ranks_and_short_posts_are_titles(extractor, text, name, title):
    doc = extractor.extract(text)
    assert any(p.name == name and title in [r.title for r in p.roles] for p in doc.people)


@pytest.mark.parametrize("text", [
    "武田信玄を祀る武田神社は、甲府市にある。",        # a surname glued to a noun names a thing
    "1967年に札幌市で似鳥家具店を開業した。",
])
def test_a_surname_glued_to_a_noun_is_no_person_mention(extractor, text):
    assert [n for n in _people(extractor, text) if len(n) <= 2] == []


@pytest.mark.parametrize("name, expected", [
    ("林文察", True), ("蔣経国", True), ("董建華", True),     # 林, 蔣, 董: frequent Chinese family names
    ("金載昊", True),
    ("国際化", False),                                        # no family name first
])
def test_east_asian_family_names(name, expected):
    assert person_names._east_asian_name(name) is expected
