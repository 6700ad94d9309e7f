"""People, titles and the person–title–organisation links, one table per concern.

The texts are short releases and release fragments written for these tests. Title finding needs
no NLP model; everything else shares the session's pipeline (the ``extractor`` fixture).
"""
from __future__ import annotations

import pytest

from prextract.names import org_key
from prextract.person_names import name_in_span
from prextract.personnel import extract_personnel
from prextract.titles import find_titles


def _capture_context(extractor, text, monkeypatch=None):
    """The extraction and the DocumentContext it was built from (for the role links as found)."""
    return extractor.extract(text), extractor.context(text)


def _names(doc) -> set[str]:
    return {p.name for p in doc.people}


def _triples(doc) -> set[tuple[str, str, str | None]]:
    """(person, title, organisation key) for every role of a document record; organisations
    compare by ``org_key`` as in the evaluator (株式会社 and edge punctuation ignored)."""
    out = set()
    for p in doc.people:
        for r in p.roles:
            org = doc.organization(r.organization) if r.organization else None
            out.add((p.name, r.title, org_key(org.name) if org else None))
    return out


def _keyed(triples):
    return {(p, t, org_key(o) if o else None) for p, t, o in triples}


def _settled_triples(extractor, text, monkeypatch) -> set[tuple[str, str, str | None]]:
    """Triples of the settled role links (what personnel hands back to the record builder)."""
    _, ctx = _capture_context(extractor, text, monkeypatch)
    out = set()
    for link in extract_personnel(ctx).roles:
        org_id = ctx.index.id_of(link.org) if link.org is not None else link.org_id
        out.add((link.person.name, link.title.text, ctx.index.name_of(org_id)))
    return out


# -- titles (lexicon and composition; no model) -----------------------------------------------------

TITLE_CASES = [
    ("compound-with-ken-is-two", "代表取締役社長兼CEO", ["代表取締役社長", "CEO"]),
    ("spaced-ken-is-two", "常務執行役員 兼 技術開発本部長", ["常務執行役員", "技術開発本部長"]),
    ("one-compound-post", "取締役副社長執行役員", ["取締役副社長執行役員"]),
    ("board-and-officer", "取締役常務執行役員", ["取締役常務執行役員"]),
    ("department-head", "経営企画部長", ["経営企画部長"]),
    ("road-department-of-a-bureau", "北陸地方整備局道路部長", ["北陸地方整備局道路部長"]),
    ("word-of-time-before-a-unit-head", "現センター長", ["センター長"]),
    ("new-in-a-department-name-stays", "新規事業開発部長", ["新規事業開発部長"]),
    ("profession-registered-is-no-post", "2001年10月　弁護士登録", []),
    ("long-katakana-department", "コーポレートコミュニケーション部長", ["コーポレートコミュニケーション部長"]),
    ("anaphor-before-department", "当社経営企画部長", ["経営企画部長"]),
    ("city-before-department", "潮見市環境部長", ["環境部長"]),
    ("vice-governor", "神奈川県副知事", ["副知事"]),
    ("academic", "大学院工学研究科 准教授", ["准教授"]),
    ("association", "専務理事 兼 事務局長", ["専務理事", "事務局長"]),
    ("katakana-title-inside-company-name", "株式会社エムズ・パートナーズ", []),
    ("board-meeting-is-not-a-post", "本日開催の取締役会において", []),
    ("post-word-inside-an-association-name", "日本取締役協会と日本CFO協会の共催", []),
    ("label-is-not-a-post", "代表者名", []),
    ("latin-title", "Bellwood社CEOのトーマス・グリーン氏", ["CEO"]),
    ("ken-glued-between-posts", "執行役員兼営業統括部長", ["執行役員", "営業統括部長"]),
    ("ken-glued-before-a-department-head", "地域創生部副部長兼産学連携室長", ["地域創生部副部長", "産学連携室長"]),
    # the unit word repeated a space before its head: one post, written without the space
    ("department-spaced-from-its-head", "株式会社千歳堂フーズ 商品開発部 部長　蔵本 亮", ["商品開発部部長"]),
    ("institute-spaced-from-its-head-stays-apart", "海洋環境研究所 所長・教授", ["所長", "教授"]),
    # units above a head, one space between each: one post with its path
    ("department-path-before-a-head", "　販売本部 関東販売部長（現 関西販売部長）　　　　吉村 健太",
     ["販売本部関東販売部長", "関西販売部長"]),
    ("two-units-before-a-head", "（現 開発本部 機構設計部 第二設計課長）", ["開発本部機構設計部第二設計課長"]),
    ("a-wide-gap-is-another-cell", "生産本部　　　　品質保証部長", ["品質保証部長"]),
    # a department of a prefecture that starts with the prefecture's 県; the 市 of 都市
    ("prefecture-department-starting-with-ken", "後任として栃木県県土整備部長の三好玲子氏を選任", ["県土整備部長"]),
    ("city-planning-department", "本市の都市整備部長も務めた", ["都市整備部長"]),
    ("a-body-heading-a-spaced-path-is-no-path", "　　平成25年4月　 栃木県県土整備部　道路整備課長", ["道路整備課長"]),
    # the 県 of 県知事 closes a prefecture's name the lexicon does not hold
    ("prefecture-name-before-governor", "白嶺県知事　　真鍋 修", ["知事"]),
    ("governor-after-same-prefecture-word", "同県知事の談話", ["県知事"]),
    # a post word that begins a legal form names the body, not a post
    ("profession-legal-form-is-no-post", "税理士法人あかね会計 代表社員", ["代表社員"]),
    # a teaching post written with its faculty is one post; after the university's name the
    # faculty is the university's part, and the post is the teaching post alone
    ("faculty-and-teaching-post", "星ヶ丘大学 教育学部准教授", ["教育学部准教授"]),
    ("faculty-after-its-university", "星ヶ丘大学教育学部准教授の沖田", ["准教授"]),
    ("faculty-post-and-another", "薬学研究科教授・学部長補佐", ["薬学研究科教授", "学部長補佐"]),
    # the area a post is in charge of, before 担当, is part of the post; not the body's own word
    ("area-in-charge", "ハルデン社北欧地域担当バイスプレジデントの", ["北欧地域担当バイスプレジデント"]),
    ("anaphor-before-area-in-charge", "当社品質担当取締役", ["品質担当取締役"]),
    # a short post spaced out to align a table's first column
    ("spaced-label", "所　　長　　大熊 英司\n副 所 長　　井出 まどか", ["所長", "副所長"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in TITLE_CASES], ids=[c[0] for c in TITLE_CASES])
def test_titles(text, expected):
    assert [t.text for t in find_titles(text)] == expected


def test_title_offsets_point_into_the_text():
    text = "当社経営企画部長の三浦 裕子"
    (title,) = find_titles(text)
    assert text[title.start:title.end] == title.text == "経営企画部長"


# -- names --------------------------------------------------------------------------------------------

NAME_CASES = [
    ("spaced-name-after-title", "本日の会見には、代表取締役社長の堀内 正和が出席しました。", {"堀内正和"}),
    ("given-name-not-tagged", "問合せ先　管理本部長　森 崇", {"森崇"}),
    ("new-before-a-post-is-no-given-name", "真鍋 智史が就任しました。真鍋新院長は「地域に尽くす」と話しました。", {"真鍋智史"}),
    ("list-of-posts-and-names-over-lines",
     "４．退任予定取締役\n　・取締役専務執行役員 生産本部長　　　中沢　幸雄\n　・常勤監査役　　　　　　　　　　　　青柳　孝一\n",
     {"中沢幸雄", "青柳孝一"}),
    ("name-with-honorific-shi", "開発を担当した新井 大地氏は、次のように述べています。", {"新井大地"}),
    ("name-with-honorific-sama", "審査委員長　平松 剛様より講評をいただきました。", {"平松剛"}),
    ("name-with-honorific-san", "商品開発部の清水 遥さんは「試作は80回を超えました」と話しています。", {"清水遥"}),
    ("katakana-foreign-name", "基調講演はケアラ・オーシャン研究所のエミリー・ナカムラ氏が行います。", {"エミリー・ナカムラ"}),
    ("katakana-with-initial", "CEO　ジョン・A・スミスは、日本市場への期待を語りました。", {"ジョン・A・スミス"}),
    ("latin-name", "登壇者：Research Director　Anna Berg 氏", {"Anna Berg"}),
    ("hiragana-given-name", "常務取締役　高倉　のぞみ", {"高倉のぞみ"}),
    # a one-kanji given name a space after the surname, glued to a department head
    ("no-person-in-a-spaced-day-label", "　・開 設 日　2026年4月1日（予定）\n　・設置場所　白鷺大学 研究棟A", set()),
    ("no-person-in-a-spaced-venue-label", "　(2) 場　所　白嶺県庁　講堂（白嶺市松波二丁目8-1）", set()),
    ("given-name-glued-to-a-section-head", "白嶺市防災課の小野寺 誠課長によると、備蓄は十分だという。", {"小野寺誠"}),
    ("no-people-in-honorific-phrases", "地域の皆様と患者さんのために、報道関係者各位へお知らせします。", set()),
    ("no-people-board-meeting", "本日開催の取締役会において、下記のとおり決議いたしました。", set()),
    ("title-glued-to-company", "三井不動産取締役常務執行役員の植田 俊は、式典で挨拶しました。", {"植田俊"}),
    # a noun suffix glued to a name makes it a temple or a ward; kin words follow people
    ("name-part-of-a-temple", "創業の地に近い西念寺では、毎年秋に地域の祭りが開かれます。", set()),
    ("name-part-of-a-ward", "同社は上海市閔行区に新工場を建設します。", set()),
    ("regnal-number-is-part-of-the-name", "展示ではルイ15世の時代の調度品を紹介します。", {"ルイ15世"}),
    ("surname-before-hakase", "当日はエッケナー博士が開発の経緯を説明しました。", {"エッケナー"}),
    ("variant-kanji-in-a-surname", "・山﨑 由美（北斗大学 准教授）", {"山﨑由美"}),
    ("latin-name-before-a-bracketed-post", "・John Miller（Bellwood Therapeutics, Inc. CEO）", {"John Miller"}),
    ("company-named-like-a-person", "当社は、ヘンリー・シュミット社と販売契約を締結しました。", set()),
    ("surnames-listed-with-a-dot", "当日は、鈴木・田中の両名が説明を担当します。", {"鈴木", "田中"}),
    ("surname-with-kin-word", "当日は佐藤 健一氏ご夫妻も来場し、佐藤夫妻は記念植樹を行いました。", {"佐藤健一"}),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in NAME_CASES], ids=[c[0] for c in NAME_CASES])
def test_names(extractor, text, expected):
    assert _names(extractor.extract(text)) == expected


def test_surname_mentions_join_the_full_name(extractor):
    doc = extractor.extract(
        "株式会社グランフォートの営業本部長、石原 みどりは会見に臨みました。石原は「地域に根差した介護を"
        "続けます」と述べ、石原氏の後任は未定です。")
    (person,) = doc.people
    assert person.name == "石原みどり"
    assert len(person.mentions) == 3


def test_a_surname_with_a_title_joins_the_full_name_before_it(extractor):
    doc = extractor.extract("社長には讃岐中央銀行の真鍋孝雄頭取が就く予定だ。\n\n記者会見した真鍋頭取は「力は大きくなる」と述べた。")
    assert _names(doc) == {"真鍋孝雄"}


@pytest.mark.parametrize("text, name", [
    # the dictionaries read the surname alone as a place (荒川, 千葉): the full name before tells
    ("番組の司会は荒川強啓が務めた。後任には荒川より若い世代のパーソナリティが起用された。", "荒川強啓"),
    ("主演は千葉真一である。千葉は撮影前から殺陣の稽古を重ねた。", "千葉真一"),
])
def test_a_surname_alone_after_the_full_name_is_the_same_person(extractor, text, name):
    (person,) = extractor.extract(text).people
    assert person.name == name
    assert [text[s:e] for s, e in person.mentions] == [name, name[:2]]


def test_foreign_surname_joins_the_full_name(extractor):
    doc = extractor.extract(
        "オランダのAgriTech Delta Foundation（CEO：マリーケ・ファン・ダイク氏）と覚書を締結しました。"
        "ファン・ダイク氏は「日本から学ぶことは多い」と応じました。")
    assert _names(doc) == {"マリーケ・ファン・ダイク"}


def test_reading_in_brackets_is_the_reading_not_a_person(extractor, monkeypatch):
    text = "■就任予定者\n　専務執行役員\n　　松永 幸一（まつなが こういち）　現 常務執行役員\n"
    doc, ctx = _capture_context(extractor, text, monkeypatch)
    assert _names(doc) == {"松永幸一"}
    (mention,) = [p for p in ctx.people if p.name == "松永幸一"]
    assert mention.reading == "マツナガコウイチ"


def test_reading_from_unidic_is_katakana(extractor):
    (person,) = extractor.extract("代表取締役社長の佐藤 健一は、次のように述べています。").people
    assert person.reading == "サトウケンイチ"


@pytest.mark.parametrize("cell,name,reading", [
    ("桑原　一樹", "桑原一樹", None),
    ("李 明華（り めいか）", "李明華", "リメイカ"),
    ("ジョン・A・スミス", "ジョン・A・スミス", None),
], ids=["wide-space", "with-reading", "katakana-initial"])
def test_name_in_table_cell(cell, name, reading):
    mention = name_in_span(cell, 0, len(cell))
    assert mention is not None and (mention.name, mention.reading) == (name, reading)
    assert cell[mention.start:mention.end].replace(" ", "").replace("\u3000", "") == name


@pytest.mark.parametrize("cell", ["代表取締役社長", "現 常務取締役", "2025年4月1日", ""],
                         ids=["title", "current-title", "date", "empty"])
def test_not_a_name_in_table_cell(cell):
    assert name_in_span(cell, 0, len(cell)) is None


# -- links: person -> title -> organisation -------------------------------------------------------

LINK_CASES = [
    ("org-title-name-shi",
     "■引受先からのコメント\n株式会社ホクセイ化学　代表取締役社長　北原 誠 氏\n「今回の出資を機に連携を深めます。」",
     {("北原誠", "代表取締役社長", "株式会社ホクセイ化学")}),
    ("org-nakaguro-title-name",
     "式典には東和精密株式会社・代表取締役 吉村 真司 氏が出席しました。",
     {("吉村真司", "代表取締役", "東和精密株式会社")}),
    ("name-then-org-title-in-brackets",
     "研究報告「潮見湾の漂着ごみ調査」\n真壁 浩（南洋海洋大学海洋環境研究所 所長・教授）",
     {("真壁浩", "所長", "南洋海洋大学海洋環境研究所"), ("真壁浩", "教授", "南洋海洋大学海洋環境研究所")}),
    ("name-then-org-title",
     "選考委員長：井原 早苗 岡山中央大学経営学部教授",
     {("井原早苗", "教授", "岡山中央大学経営学部")}),
    ("second-representative-on-an-indented-line",
     "◆新会社の概要\n（1）名称　　　ひばりケミカルズ株式会社\n（3）代表者　　代表取締役社長　宮本 一郎\n"
     "　　　　　　　　取締役副社長　　村田 次郎（現 あおば商事 営業本部長）\n（4）事業内容　化学品の販売\n",
     {("宮本一郎", "代表取締役社長", "ひばりケミカルズ株式会社"), ("村田次郎", "取締役副社長", "ひばりケミカルズ株式会社")}),
    ("bulleted-profile-rows-under-a-name-row",
     "2026年3月2日\n株式会社しののめデータ\n\n■新会社の概要\n・名称　　　SHINONOME DATA MALAYSIA SDN. BHD.\n"
     "・所在地　　マレーシア クアラルンプール\n・代表者　　General Director　高瀬 真一\n",
     {("高瀬真一", "General Director", "SHINONOME DATA MALAYSIA SDN. BHD.")}),
    ("bare-mayor-in-news-on-the-city-named-first",
     "越前市とミライエアロは20日、包括連携協定を結んだ。同社は昨年、鯖江市とも協定を結んでいる。"
     "締結式には高柳雅彦市長と同社の藤堂美咲社長が出席した。",
     {("高柳雅彦", "市長", "越前市"), ("藤堂美咲", "社長", "ミライエアロ")}),
    ("post-then-a-bracket-with-a-post-at-another-body",
     "2026年5月1日\n一般社団法人日本ロボット協会\n\n　一般社団法人日本ロボット協会の山田 太郎会長（株式会社北斗機械 "
     "代表取締役社長）は、「ふさわしい」と述べています。",
     {("山田太郎", "会長", "一般社団法人日本ロボット協会"), ("山田太郎", "代表取締役社長", "株式会社北斗機械")}),
    # the bracket's body is lent to no bare post: 会長 stays the issuer's
    ("bare-post-then-a-bracket-with-another-body",
     "2026年5月1日\n一般社団法人日本ロボット協会\n\n　山田 太郎会長（株式会社北斗機械 代表取締役社長）は、"
     "「ふさわしい」と述べています。",
     {("山田太郎", "会長", "一般社団法人日本ロボット協会"), ("山田太郎", "代表取締役社長", "株式会社北斗機械")}),
    ("name-then-office-of-a-profession-and-head",
     "監事　　　　八木沢 陽平　八木沢公認会計士事務所 所長\n",
     {("八木沢陽平", "所長", "八木沢公認会計士事務所")}),
    ("title-colon-name-in-org-bracket",
     "株式会社よつば製菓（本社：埼玉県川越市、代表取締役社長：吉川 奈津子）は、新商品を発売いたします。",
     {("吉川奈津子", "代表取締役社長", "株式会社よつば製菓")}),
    ("two-posts-two-orgs",
     "写真左から、一般社団法人日本包装技術振興会理事／三葉商事株式会社取締役常務執行役員 田村 航、"
     "同振興会事務局長 大川 里美",
     {("田村航", "理事", "一般社団法人日本包装技術振興会"),
      ("田村航", "取締役常務執行役員", "三葉商事株式会社")}),
    ("org-no-title-dearu-name",
     "東雲工業大学の学長である吉岡 昌平は、協定の意義を説明しました。",
     {("吉岡昌平", "学長", "東雲工業大学")}),
    ("org-no-name-title",
     "ファミリーデイズ株式会社は12日、提携を発表した。ファミリーデイズの村上健司社長は同日の会見で"
     "「新しい食卓を届けたい」と述べた。",
     {("村上健司", "社長", "ファミリーデイズ株式会社")}),
    ("alias-as-org",
     "一般社団法人関西バイオ連携機構（以下「KBA」）は、京都府と覚書を締結しました。"
     "写真はKBA理事 植村 聡。",
     {("植村聡", "理事", "一般社団法人関西バイオ連携機構")}),
    ("city-mayor-glued",
     "東雲市は、地元企業と連携協定を締結します。\n【東雲市長　石黒 智也】\n「市民の暮らしを支えます。」",
     {("石黒智也", "市長", "東雲市")}),
    ("mayor-in-city-bracket",
     "株式会社みなと電装は、潮見市（市長：小野寺 和彦）と包括連携協定を締結しました。潮見市は沿岸部の都市です。",
     {("小野寺和彦", "市長", "潮見市")}),
    ("labelled-header-block",
     "2024年5月10日\n各　位\n会 社 名　株式会社グランフォート\n代表者名　代表取締役社長執行役員　神田 雄一郎\n"
     "問合せ先　管理本部長　森 崇\n\n子会社の設立に関するお知らせ\n",
     {("神田雄一郎", "代表取締役社長執行役員", "株式会社グランフォート"), ("森崇", "管理本部長", "株式会社グランフォート")}),
    ("mayor-glued-to-a-city-in-a-list",
     "写真左から、株式会社アオバ 代表取締役社長 山田太郎、北斗市長 石川一郎",
     {("山田太郎", "代表取締役社長", "株式会社アオバ"), ("石川一郎", "市長", "北斗市")}),
    # the tokenizer writes 愛知|県知事 and 京都府|知事; either way the level belongs to the place
    # posts joined by ・ are two roles, though a department word may hold a ・ of its own
    ("two-posts-joined-by-a-dot", "阿武隈大学 理事・産学連携本部長　小早川 直美",
     {("小早川直美", "理事", "阿武隈大学"), ("小早川直美", "産学連携本部長", "阿武隈大学")}),
    # the head of a local government with no body written: the one the release names
    ("governor-named-before-the-title-in-a-sentence", "当社は滋賀県と協定を締結しました。\n\n真柴 和雄 知事から表彰状を授与されました。",
     {("真柴和雄", "知事", "滋賀県")}),
    # the name after the last of two spaced posts, not the second post and the surname
    ("name-after-two-spaced-posts", "問合せ先　執行役員 総務部長　羽田野 聡子",
     {("羽田野聡子", "執行役員", None), ("羽田野聡子", "総務部長", None)}),
    # ORGのNAME TITLE with a space before the title; 、 closes one person's posts; 同研究科
    ("research-group-members",
     "安曇野大学大学院理学研究科の北見 遼平 准教授、同研究科の水谷 晴香 助教、同研究科大学院生の佐野 航らの研究グループは発表した。",
     {("北見遼平", "准教授", "安曇野大学大学院理学研究科"), ("水谷晴香", "助教", "安曇野大学大学院理学研究科"),
      ("佐野航", "大学院生", "安曇野大学大学院理学研究科")}),
    ("governor-after-the-prefecture", "愛知県知事の大村秀章氏が出席しました。", {("大村秀章", "知事", "愛知県")}),
    ("governor-after-a-prefecture-in-one-word", "京都府知事 西脇隆俊は次のように述べました。",
     {("西脇隆俊", "知事", "京都府")}),
    ("governor-of-the-one-prefecture-named",
     "当社は、愛知県と包括連携協定を締結しました。締結式には県知事の大村秀章氏が出席しました。",
     {("大村秀章", "県知事", "愛知県")}),
    ("mayor-title-holds-the-city-level",
     "横浜市長の山中竹春氏が挨拶しました。", {("山中竹春", "市長", "横浜市")}),
    ("group-company-named-once",
     "さらに、筆頭株主であるソフトバンクグループの孫正義会長兼社長も出席した。",
     {("孫正義", "会長", "ソフトバンクグループ"), ("孫正義", "社長", "ソフトバンクグループ")}),
    ("group-named-by-a-known-name",
     "日立グループの日立製作所と連携します。日立グループの東原敏昭会長が出席しました。",
     {("東原敏昭", "会長", "日立グループ")}),
    ("post-served-before-the-body-of-another",
     "審査委員長を務めた北斗経済大学の長岡真弓教授は、受賞企業を講評した。",
     {("長岡真弓", "審査委員長", None), ("長岡真弓", "教授", "北斗経済大学")}),
    ("captain-is-a-post",
     "2005年は小田船長と末永船長が交互に乗船した。", {("小田", "船長", None), ("末永", "船長", None)}),
    ("post-with-a-qualifier-in-brackets",
     "株式会社ミライズ 取締役（監査等委員）　林 和夫", {("林和夫", "取締役", "株式会社ミライズ")}),
    ("english-post-in-full",
     "Bellwood Therapeutics, Inc. Chief Executive Officer　Sarah Johnson",
     {("Sarah Johnson", "Chief Executive Officer", "Bellwood Therapeutics, Inc.")}),
    ("head-of-a-delegation-in-its-bracket",
     "潮見市は、本市の経済訪問団（団長：宮本 雅美 副市長）がベルゲン市を訪れたと発表しました。",
     {("宮本雅美", "団長", None), ("宮本雅美", "副市長", "潮見市")}),
    ("posts-one-after-another-spaced",
     "株式会社ミライズ　取締役 常務執行役員　経営企画本部長　山田 太郎",
     {("山田太郎", "取締役", "株式会社ミライズ"), ("山田太郎", "常務執行役員", "株式会社ミライズ"),
      ("山田太郎", "経営企画本部長", "株式会社ミライズ")}),
    ("latin-spelling-between-name-and-title",
     "株式会社ミライズのジョン・スミス（John Smith）最高技術責任者が登壇します。",
     {("ジョン・スミス", "最高技術責任者", "株式会社ミライズ")}),
    # a department title reads on over a name glued before it; the name is the person's
    ("name-glued-before-a-department-title",
     "株式会社ミライズは新工場を開設しました。同社の山田太郎営業部長は「地域に根ざします」と述べました。",
     {("山田太郎", "営業部長", "株式会社ミライズ")}),
    ("post-with-a-charge-in-brackets-before-no",
     "国立大学法人雪嶺大学\n\n本学理事・副学長（研究・産学連携担当）の村瀬敬子は「本学らしい成果です」と述べています。",
     {("村瀬敬子", "理事", "国立大学法人雪嶺大学"), ("村瀬敬子", "副学長", "国立大学法人雪嶺大学")}),
    # a body alone on its line over indented posts: the members of a research group
    ("members-under-their-body",
     "国立大学法人雪嶺大学\n\n【研究グループ】\n雪嶺大学 大学院理工学研究科\n　教授　　　高村 直樹\n　助教　　　桜井 航\n"
     "雪嶺大学 農学部\n　准教授　　野々村 聡\nミナセ化成株式会社 研究開発本部\n　主任研究員　岩佐 友里\n",
     {("高村直樹", "教授", "雪嶺大学大学院理工学研究科"), ("桜井航", "助教", "雪嶺大学大学院理工学研究科"),
      ("野々村聡", "准教授", "雪嶺大学農学部"), ("岩佐友里", "主任研究員", "ミナセ化成株式会社")}),
    # bulleted bodies over indented units and members; a company's lab is the company
    ("members-under-bulleted-bodies-and-units",
     "国立大学法人白鷺大学\n\n【研究グループ】\n■国立大学法人白鷺大学\n　大学院医学系研究科　救急医学分野\n"
     "　　教授　　　　　中条 恒一\n　大学院工学研究科　知能情報学専攻\n　　特任助教　　　柚原 拓真\n"
     "■株式会社ミナセ診断　先端診断研究所\n　　主任研究員　　早坂 隆\n",
     {("中条恒一", "教授", "白鷺大学大学院医学系研究科"), ("柚原拓真", "特任助教", "白鷺大学大学院工学研究科"),
      ("早坂隆", "主任研究員", "株式会社ミナセ診断")}),
    # 本学 + a faculty the dictionary knows as one word: the university's part
    ("own-word-and-a-faculty-word", "国立大学法人雪嶺大学\n\n本学農学部の野々村聡准教授が担当しました。",
     {("野々村聡", "准教授", "雪嶺大学農学部")}),
    ("place-in-brackets-between-body-and-post",
     "【優秀賞】\n　奥入瀬織物株式会社（十和田市）　代表取締役社長　遠藤 真理子\n　株式会社八甲田精機（弘前市）　代表取締役　斎藤 雅之\n",
     {("遠藤真理子", "代表取締役社長", "奥入瀬織物株式会社"), ("斎藤雅之", "代表取締役", "株式会社八甲田精機")}),
    # the officers row of a new company's profile, each with the post held elsewhere in brackets
    ("officers-row-of-a-profile",
     "２．設立する子会社の概要\n（１）名　　　　称　　あずみのアグリ株式会社\n"
     "（８）役 員 構 成　　代表取締役社長　宇津木 健吾\n"
     "　　　　　　　　　　　取締役　　　　　宮越 徹（有限会社穂高ファーム 代表取締役）\n"
     "　　　　　　　　　　　非常勤監査役　　芦屋 由紀子（当社 常勤監査役）\n",
     {("宇津木健吾", "代表取締役社長", "あずみのアグリ株式会社"), ("宮越徹", "取締役", "あずみのアグリ株式会社"),
      ("宮越徹", "代表取締役", "有限会社穂高ファーム"), ("芦屋由紀子", "非常勤監査役", "あずみのアグリ株式会社")}),
    # the representative's posts at the parent in a bracket on the next line
    ("representative-with-parent-posts-on-the-next-line",
     "２．設立する子会社の概要\n（１）名　　　　称　　あずみのアグリ株式会社\n"
     "（３）代表者の役職・氏名　代表取締役社長　宇津木 健吾\n　　　　　　　　　　　　　（株式会社穂高フーズ 執行役員 兼 農業事業部長）\n",
     {("宇津木健吾", "代表取締役社長", "あずみのアグリ株式会社"), ("宇津木健吾", "執行役員", "株式会社穂高フーズ"),
      ("宇津木健吾", "農業事業部長", "株式会社穂高フーズ")}),
    ("president-of-a-country", "来日したジョン・ミラー大統領が視察しました。", {("ジョン・ミラー", "大統領", None)}),
    # a list of posts at the issuer, each name followed by the person's own affiliation
    ("post-before-name-and-affiliation-in-brackets",
     "一般財団法人みずほ台科学振興会\n\n２．理事（2026年6月20日付）\n"
     "　理事長　　田丸 功（株式会社田丸電工　代表取締役会長）　　再任\n"
     "　理事　　　早瀬 千晶（あおば総合法律事務所　弁護士）　　　新任\n",
     {("田丸功", "理事長", "一般財団法人みずほ台科学振興会"), ("田丸功", "代表取締役会長", "株式会社田丸電工"),
      ("早瀬千晶", "理事", "一般財団法人みずほ台科学振興会"), ("早瀬千晶", "弁護士", "あおば総合法律事務所")}),
    # signatories drawn as a table with dashes between the cells
    ("dashes-between-cells",
     "白嶺県は、白嶺通運株式会社と協定を締結しました。\n２　協定締結者\n　・白嶺県　　　　　　―　知事　　　　　―　真鍋 修\n"
     "　・白嶺通運株式会社　―　代表取締役社長　―　久米 和也\n",
     {("真鍋修", "知事", "白嶺県"), ("久米和也", "代表取締役社長", "白嶺通運株式会社")}),
    # the head of a unit the release names as a body is a post at that unit
    ("unit-head-at-the-named-unit",
     "白嶺工業大学は、白嶺工業大学産学共創センターを開設しました。\n"
     "出席者　白嶺工業大学 副学長・産学共創センター長　黒田 由香\n",
     {("黒田由香", "副学長", "白嶺工業大学"), ("黒田由香", "産学共創センター長", "白嶺工業大学産学共創センター")}),
    ("two-column-profile-table",
     "3．合併当事会社の概要\n(1) 名称　　　　　　アルテホーム株式会社　　　　アルテリフォーム株式会社\n"
     "(2) 代表者の役職・氏名　代表取締役社長　坂口 修平　　代表取締役　水野 香織\n",
     {("坂口修平", "代表取締役社長", "アルテホーム株式会社"), ("水野香織", "代表取締役", "アルテリフォーム株式会社")}),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in LINK_CASES], ids=[c[0] for c in LINK_CASES])
def test_link_layouts(extractor, text, expected):
    assert _keyed(expected) <= _triples(extractor.extract(text))


def test_a_surname_glued_before_a_department_title_is_the_person_named_in_full(extractor, monkeypatch):
    _, ctx = _capture_context(extractor, "営業部長の山田 太郎が登壇します。\n山田営業部長は「地域に根ざします」と述べました。",
                              monkeypatch)
    assert {(lk.person.text, lk.person.name, lk.title.text) for lk in ctx.roles} >= {("山田", "山田太郎", "営業部長")}


def test_a_plant_named_by_a_place_keeps_its_place(extractor, monkeypatch):
    # 松本 is a surname too, but no 松本 of the text is a person: the plant is the Matsumoto plant
    _, ctx = _capture_context(extractor, "松本工場長の佐藤 次郎は次のように述べました。", monkeypatch)
    assert {(lk.person.name, lk.title.text) for lk in ctx.roles} == {("佐藤次郎", "松本工場長")}


def test_a_name_before_a_department_title_is_no_title(extractor, monkeypatch):
    _, ctx = _capture_context(extractor, "この方針について、荒賀泰太薬務局長は説明した。", monkeypatch)
    assert [t.text for t in ctx.titles] == ["薬務局長"]
    assert [p.name for p in ctx.people] == ["荒賀泰太"]


def test_a_label_ending_in_a_post_word_is_no_post(extractor):
    # 問合せ先責任者 labels the contact; the posts are the ones after it
    doc = extractor.extract("常盤精密工業株式会社\n問合せ先責任者　取締役 兼 管理本部長　矢島 克也\n")
    assert {"取締役", "管理本部長"} == {t for _, t, _ in _triples(doc)}, _triples(doc)


def test_mayor_of_a_city_named_once(extractor):
    text = "株式会社みなと電装は、潮見市（市長：小野寺 和彦）と包括連携協定を締結しました。"
    assert _keyed({("小野寺和彦", "市長", "潮見市")}) <= _triples(extractor.extract(text))


def test_name_then_title_with_nakaguro(extractor, monkeypatch):
    _, ctx = _capture_context(extractor, "本件は山田 一郎・取締役常務執行役員が担当します。", monkeypatch)
    assert {(lk.person.name, lk.title.text) for lk in ctx.roles} == {("山田一郎", "取締役常務執行役員")}


def test_title_of_the_next_name_is_not_taken(extractor):
    triples = _triples(extractor.extract(
        "(1) 名称　　アルテホーム株式会社　　アルテリフォーム株式会社\n"
        "(2) 代表者の役職・氏名　　代表取締役社長　坂口 修平　　代表取締役　水野 香織\n"))
    assert {t[:2] for t in triples if t[0] == "坂口修平"} == {("坂口修平", "代表取締役社長")}


# -- settling the organisation of a bare post ----------------------------------------------------------

ISSUER_RELEASE = (
    "2024年11月1日\n株式会社タカミネロボティクス\n\n展示会出展のお知らせ\n\n"
    "　株式会社タカミネロボティクス（本社：長野県諏訪市、代表取締役：高嶺 翔太）は、展示会に出展いたします。\n"
    "　技術開発部長の宮坂 亮は次のように述べています。\n"
    "■審査講評\n審査委員長　平松 剛様（東都工業大学 名誉教授）\n"
    "■代表取締役 高嶺 翔太のコメント\n「ぜひご来場ください。」\n")


def test_bare_post_of_own_staff_is_at_the_issuer(extractor, monkeypatch):
    triples = _settled_triples(extractor, ISSUER_RELEASE, monkeypatch)
    assert ("宮坂亮", "技術開発部長", "株式会社タカミネロボティクス") in triples


def test_bare_post_of_an_outsider_stays_without_org(extractor, monkeypatch):
    triples = _settled_triples(extractor, ISSUER_RELEASE, monkeypatch)
    assert ("平松剛", "審査委員長", None) in triples
    assert ("平松剛", "名誉教授", "東都工業大学") in triples


def test_repeated_bare_post_is_the_placed_one(extractor, monkeypatch):
    triples = _settled_triples(extractor, ISSUER_RELEASE, monkeypatch)
    assert {t for t in triples if t[0] == "高嶺翔太"} == {("高嶺翔太", "代表取締役", "株式会社タカミネロボティクス")}


def test_short_form_of_a_post_is_not_a_second_role(extractor, monkeypatch):
    text = ("日進マテリアル株式会社（本社：東京都中央区、代表取締役社長執行役員：五十嵐 聡）は、研究所を開所しました。"
            "式典で五十嵐社長は「連携を深めたい」と挨拶しました。")
    triples = _settled_triples(extractor, text, monkeypatch)
    assert {t for t in triples if t[0] == "五十嵐聡"} == {("五十嵐聡", "代表取締役社長執行役員", "日進マテリアル株式会社")}


@pytest.mark.parametrize("text,name", [
    ("その後、ワトソンは研究チームを率いて新しい測定法を確立した。", "ワトソン"),
    ("翌年、モーゼスは港湾局の改革に着手した。", "モーゼス"),
])
def test_a_surname_every_ner_member_and_unidic_read_as_a_person_is_taken(extractor, text, name):
    """No title, no honorific, no given name: the trained NER's members all agree and UniDic
    has the word as a person's name."""
    assert name in [p.name for p in extractor.extract(text).people]


def test_a_row_label_spaced_out_is_no_name(extractor):
    # 事　業　内　容 / 人 的 関 係: the last two characters are no spaced name (内容, 関係)
    text = ("2026年5月14日\n北陵精機工業株式会社\n子会社の設立に関するお知らせ\n"
            "（4）事　業　内　容　医療機器用精密部品の設計、製造\n"
            "　　人 的 関 係　当社の取締役1名が新会社の取締役を兼任する予定です。\n"
            "（6）設 立 年 月 日　2026年7月1日（予定）\n")
    assert _names(extractor.extract(text)) == set()


def test_a_blank_line_closes_a_profile_block(extractor):
    # 【大学概要】 名称：… / blank / 【…会社概要】 代表者：…: the company's head is not the university's
    text = ("2026年3月2日\n国立大学法人越後みなと大学\n包括連携協定の締結について\n"
            "　本学は、北越エナジー株式会社と包括連携協定を締結します。\n\n"
            "【大学概要】\n名称：国立大学法人越後みなと大学\n学長：三ツ矢 博之\n\n"
            "【北越エナジー株式会社 会社概要】\n代表者：代表取締役社長　相馬 隆一\n")
    assert _triples(extractor.extract(text)) >= {("相馬隆一", "代表取締役社長", "北越エナジー")}
    assert not {t for t in _triples(extractor.extract(text)) if t[0] == "相馬隆一" and "大学" in (t[2] or "")}


def test_a_bare_place_word_of_the_text_is_no_surname(extractor):
    # 柏川の暮らし beside 柏川市: UniDic and the trained NER read a surname
    text = ("2026年3月2日\n北越エナジー株式会社\nお知らせ\n　当社は柏川市と協定を締結しました。\n"
            "　相馬社長は「創業以来、柏川の暮らしにエネルギーをお届けしてきました」と話しています。\n")
    assert "柏川" not in _names(extractor.extract(text))


@pytest.mark.parametrize("topic", ["同氏は", "大峯勝利氏は"])
def test_a_post_the_topic_holds_at_a_body_named_before_it(extractor, topic):
    # 同氏 is the person last named in full; 同社 the body last named
    text = ("2026年5月1日\n株式会社タチバナ計装\nお知らせ\n"
            "当社は株式会社大峯システム工業（以下「大峯システム」）の株式を取得します。\n（1）氏名　　大峯 勝利\n"
            f"なお、{topic}大峯システムの創業者であり、現在は同社の取締役会長を務めております。\n")
    assert ("大峯勝利", "取締役会長", "大峯システム工業") in _triples(extractor.extract(text))


def test_a_spaced_name_after_a_title_ends_before_its_particle(extractor):
    doc = extractor.extract("　霞ヶ浦市長　渡瀬 康弘は、2月18日に記者会見を開きました。")
    assert [p.name for p in doc.people] == ["渡瀬康弘"]


def test_the_post_of_a_meeting_is_at_the_body_that_holds_it(extractor):
    text = ("2025年9月1日\n一般社団法人日本港湾防災学会\n\n第30回年次大会の開催について\n\n"
            "　今大会の大会長は、汐見海洋大学大学院工学研究科の浜岡 理沙教授が務めます。\n"
            "大会長　　浜岡 理沙（汐見海洋大学大学院工学研究科 教授）\n")
    doc = extractor.extract(text)
    (hamaoka,) = [p for p in doc.people if p.name == "浜岡理沙"]
    posts = {(r.title, doc.organization(r.organization).name) for r in hamaoka.roles}
    assert ("大会長", "一般社団法人日本港湾防災学会") in posts
    assert ("大会長", "汐見海洋大学大学院工学研究科") not in posts


def test_a_post_served_at_a_body_written_before_it(extractor):
    doc = extractor.extract("また、取締役CTOには、株式会社みなと精機で開発本部長を務めた小島 玲が就任しました。")
    (person,) = [p for p in doc.people if p.name == "小島玲"]
    orgs = {o.id: o.name for o in doc.organizations}
    assert ("開発本部長", "株式会社みなと精機") in {(r.title, orgs.get(r.organization)) for r in person.roles}


def test_posts_spaced_out_in_a_profile_block_are_at_its_body(extractor):
    doc = extractor.extract(
        "2025年9月1日\n医療法人社団みさと会\n\nみさと台クリニック開院のお知らせ\n\n"
        "　医療法人社団みさと会は、2025年10月1日にみさと台クリニックを開院いたします。\n\n"
        "■みさと台クリニック　概要\n名　　称　　みさと台クリニック\n所 在 地　　埼玉県三郷市みさと台1-2-3\n"
        "院　　長　　榎本 悠真\n副 院 長　　秋月 真央\n")
    orgs = {o.id: o.name for o in doc.organizations}
    roles = {(p.name, r.title, orgs.get(r.organization)) for p in doc.people for r in p.roles}
    assert {("榎本悠真", "院長", "みさと台クリニック"), ("秋月真央", "副院長", "みさと台クリニック")} <= roles
    assert [(e.type, e.date) for e in doc.events] == [("establishment", "2025-10-01")]



def test_a_university_name_row_under_the_corporation_row_heads_the_posts_below(extractor):
    doc = extractor.extract("2026年4月1日\nみさと大学\n\nみさと大学、新学部を開設\n\n　みさと大学は、本日、情報学部を開設しました。\n\n"
                            "【大学概要】\n法人名　：学校法人みさと学園\n大学名　：みさと大学\n学長　　：堀口 哲也\n")
    orgs = {o.id: o.name for o in doc.organizations}
    roles = {(p.name, r.title, orgs.get(r.organization)) for p in doc.people for r in p.roles}
    assert ("堀口哲也", "学長", "みさと大学") in roles
    assert ("堀口哲也", "学長", "学校法人みさと学園") not in roles


def test_a_table_row_with_its_body_left_blank_holds_a_post_at_the_body_above(extractor):
    text = ("■締結式\n"
            "　出 席 者　　島根県　　　　　　知事　　　　　　　　大國 寛治\n"
            "　　　　　　　　　　　　　　　　商工労働部長　　　　吉岡 里美\n"
            "　　　　　　　山陰みらい銀行　　取締役頭取　　　　　宍戸 正和\n"
            "　　　　　　　　　　　　　　　　取締役常務執行役員　松浦 健太\n")
    roles = _triples(extractor.extract(text))
    assert {("吉岡里美", "商工労働部長", org_key("島根県")),
            ("松浦健太", "取締役常務執行役員", org_key("山陰みらい銀行"))} <= roles, roles


def test_posts_of_a_two_column_outline_go_by_the_column_they_start_in(extractor):
    # the 代表者 cells are one full-width space apart: too close to tell the columns by gaps
    text = ("４．合併当事会社の概要\n"
            "　　　　　　　　　存続会社　　　　　　　　　　消滅会社\n"
            "名称　　　　　　　堀江テクノ化成株式会社　　　株式会社高浜ポリマー\n"
            "代表者　　　　　　代表取締役社長　堀江 修平　代表取締役社長　高浜 由紀子\n")
    roles = _triples(extractor.extract(text))
    assert roles == {("堀江修平", "代表取締役社長", org_key("堀江テクノ化成株式会社")),
                     ("高浜由紀子", "代表取締役社長", org_key("株式会社高浜ポリマー"))}, roles


def test_a_unit_path_after_the_issuers_own_word(extractor):
    text = ("2025年2月18日\n碧洋パワーシステムズ株式会社\n\n新製品発表会の開催について\n"
            "　登壇：当社代表取締役社長　汐田 和臣\n　　　　当社開発本部 商品企画部長　西園寺 遥\n")
    assert ("西園寺遥", "開発本部商品企画部長", org_key("碧洋パワーシステムズ株式会社")) in _triples(extractor.extract(text))


def test_a_doctor_addressed_as_such_after_the_name_holds_no_post_by_it(extractor):
    text = "院長には、大濠中央病院で副院長を務める桐谷 亮医師が、同日付で就任いたします。"
    triples = _triples(extractor.extract(text))
    assert not any(title == "医師" for _, title, _ in triples), triples
    assert ("桐谷亮", "副院長", org_key("大濠中央病院")) in triples, triples


def test_a_body_glued_before_a_department_head_is_the_post_s_body(extractor):
    # the department part of 放送総局長 reads on over the body before it; the ensemble confirms NHK
    doc = extractor.extract("元NHK放送総局長の田村健一氏が、当社の顧問に就任した。")
    assert "NHK" in [o.name for o in doc.organizations]
    assert ("田村健一", "放送総局長", org_key("NHK")) in _triples(doc)


@pytest.mark.parametrize("text", [
    "作家の沢木透は、1990年に長編小説「キャリー」でデビューした。",             # a work's title in brackets
    "同社は2007年に、音声合成ソフト「初音ミク」を発売した。",                  # a product's
    "関西国際空港とハーツフィールド・ジャクソン・アトランタ国際空港を結ぶ便が就航した。",  # an airport named after people
    "沢木透賞は、1995年に創設された文学賞である。",                            # an award named after one
])
def test_names_of_things_are_no_people(extractor, text):
    doc = extractor.extract(text)
    names = [p.name for p in doc.people]
    assert not any(n in ("キャリー", "初音ミク") or "アトランタ" in n or n.endswith("賞") for n in names), names


def test_the_last_part_of_a_foreign_name_is_that_person(extractor):
    # ゴーン alone is no word UniDic knows as a name; the full name before it is
    text = "1999年、ルノーはカルロス・ゴーンを送り込んだが、ゴーンは2018年に逮捕された。"
    person = next(p for p in extractor.extract(text).people if p.name == "カルロス・ゴーン")
    assert [text[s:e] for s, e in person.mentions] == ["カルロス・ゴーン", "ゴーン"]


@pytest.mark.parametrize("text, name", [
    # the ensemble reads the whole chain, though its last two parts are common words (フォン, ジーメンス)
    ("1847年、ヴェルナー・フォン・ジーメンスはベルリンに電信機の工房を開いた。", "ヴェルナー・フォン・ジーメンス"),
    # 部長 inside 岡部|長泰 is no post
    ("営業部長の岡部長泰氏が説明した。", "岡部長泰"),
])
def test_names_the_dictionary_or_the_titles_cut_stay_whole(extractor, text, name):
    assert name in [p.name for p in extractor.extract(text).people]


@pytest.mark.parametrize("text, name, title", [
    ("説明会では、山田部長が新制度の概要を説明した。", "山田", "部長"),     # every reader agrees on a person
    ("当日は田中館長があいさつした。", "田中", "館長"),
])
def test_a_lone_surname_glued_before_a_post_is_that_person(extractor, text, name, title):
    doc = extractor.extract(text)
    assert [(p.name, [r.title for r in p.roles]) for p in doc.people] == [(name, [title])]


def test_a_plant_named_by_a_place_keeps_its_head_title(extractor):
    # 松本 is a surname and a place: the readers do not all agree on a person
    assert extractor.extract("同社の松本工場長は増産を指示した。").people == ()
