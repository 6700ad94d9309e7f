"""Event records other than agreements and appointments (prextract.event_types): short releases
of our own, in the wordings releases and news use, and texts that must not give an event.

Each case extracts one text with the session's extractor and calls ``extract_events`` on the
document context, so the tests do not depend on how the extractor wires the module in.
"""
from __future__ import annotations

import pytest

from prextract import event_types

DATELINE = "2024年9月2日\n{org}\n\n"


@pytest.fixture(scope="module")
def events_of(extractor):
    """text -> the events of this module's types (the context is captured from the extractor)."""
    import prextract.extractor as ex

    cache: dict[str, list] = {}

    def run(text: str) -> list:
        if text not in cache:
            seen = {}
            original = ex.DocumentContext

            def capture(**fields):
                seen["ctx"] = original(**fields)
                return seen["ctx"]

            ex.DocumentContext = capture
            try:
                extractor.extract(text)
            finally:
                ex.DocumentContext = original
            cache[text] = event_types.extract_events(seen["ctx"])
        return cache[text]
    return run


def _release(org: str, body: str, title: str = "") -> str:
    head = f"{title}\n\n" if title else ""
    return head + DATELINE.format(org=org) + body


def _one(events, type_: str):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [e.to_dict() for e in events]
    return found[0]


def _check(event, *, date=..., status="done", parties=(), **fields):
    d = event.to_dict()
    if date is not ...:
        assert d["date"] == date, d
    assert d["status"] == status, d
    for p in parties:
        assert any(p in q for q in d["parties"]), (p, d["parties"])
    for key, value in fields.items():
        assert d.get(key) == value, (key, d)
    assert 0.0 <= d["confidence"] <= 1.0
    start, end = event.evidence.start, event.evidence.end
    assert end > start


# -- product_launch ------------------------------------------------------------------------------

LAUNCHES = [
    pytest.param(
        _release("株式会社ミドリ食品",
                 "株式会社ミドリ食品（本社：東京都港区、代表取締役社長：森 一郎）は、2024年10月1日（火）より、"
                 "新商品「ごろっと野菜カレー」を全国のスーパーマーケットで発売します。"),
        dict(date="2024-10-01", parties=["ミドリ食品"], product="ごろっと野菜カレー"),
        id="actor-topic-date-before-object"),
    pytest.param(
        _release("アオバ電機株式会社",
                 "2024年11月15日、アオバ電機株式会社はワイヤレスイヤホン「AB-200」の販売を開始しました。"),
        dict(date="2024-11-15", parties=["アオバ電機"], product="AB-200"),
        id="date-first-no-object-particle"),
    pytest.param(
        _release("サクラ製薬株式会社", "サクラ製薬株式会社は、花粉症の症状を和らげる点鼻薬を発売します。",
                 title="サクラ製薬、点鼻薬「ハナクリアEX」を10月10日に発売"),
        dict(date="2024-10-10", parties=["サクラ製薬"], product="ハナクリアEX"),
        id="headline-with-date"),
    pytest.param(
        _release("株式会社ヤマブキ", "新型の電動アシスト自転車「ヤマブキ e-Ride」は、2025年春の発売を予定しています。"),
        dict(date="2025-SP", status="planned", parties=["ヤマブキ"], product="ヤマブキ e-Ride"),
        id="planned-nominal"),
]


@pytest.mark.parametrize("text, expected", LAUNCHES)
def test_product_launch(events_of, text, expected):
    _check(_one(events_of(text), "product_launch"), **expected)


def test_launch_price_from_overview_block(events_of):
    text = _release("株式会社ミドリ食品",
                    "株式会社ミドリ食品は、レトルト食品「まるごと豚汁」を発売いたします。\n\n"
                    "■商品概要\n商品名：まるごと豚汁\n価格：税込398円\n発売日：2024年11月5日（火）\n")
    e = _one(events_of(text), "product_launch")
    _check(e, date="2024-11-05", parties=["ミドリ食品"], product="まるごと豚汁")
    assert e.attribute("price") and "398" in e.attribute("price")


def test_news_report_of_launch_is_planned_and_keeps_no_report_date(events_of):
    text = ("文具大手の山吹文具株式会社は12日、消せるボールペン「ケシペン」を来春発売すると発表した。"
            "価格は1本220円を予定している。")
    e = _one(events_of(text), "product_launch")
    assert e.status == "planned"
    assert e.date is None or "12" not in e.date
    assert any("山吹文具" in p for p in e.parties)


def test_postponed_launch_is_not_done(events_of):
    text = _release("株式会社ミドリ食品",
                    "株式会社ミドリ食品は、10月1日に予定していた「ごろっと野菜カレー」の発売を延期いたします。")
    assert all(e.status != "done" for e in events_of(text) if e.type == "product_launch")


def test_weak_trigger_alone_is_no_launch(events_of):
    text = _release("株式会社ミドリ食品", "当社は、2024年度第1四半期の決算説明資料を当社ウェブサイトで公開しました。")
    assert [e for e in events_of(text) if e.type == "product_launch"] == []


def test_launch_date_row_label_is_no_event(events_of):
    text = _release("株式会社ミドリ食品", "■会社概要\n会社名：株式会社ミドリ食品\n設立：1987年4月\n発売日：未定\n")
    assert events_of(text) == []


# -- acquisition -----------------------------------------------------------------------------------

ACQUISITIONS = [
    pytest.param(
        _release("株式会社北斗ホールディングス",
                 "株式会社北斗ホールディングスは、2024年8月1日付で株式会社南風システムの全株式を取得し、"
                 "同社を完全子会社化いたしました。"),
        dict(date="2024-08-01", parties=["北斗ホールディングス", "南風システム"], target="株式会社南風システム"),
        id="shares-and-subsidiary"),
    pytest.param(
        _release("株式会社青葉ソフト",
                 "当社は、本日開催の取締役会において、株式会社みどりデータの発行済株式の70%を取得し、"
                 "子会社化することを決議いたしました。",
                 title="株式会社みどりデータの株式取得（子会社化）に関するお知らせ"),
        dict(date=None, status="planned", parties=["みどりデータ"], stake_after="70%"),
        id="board-resolution-planned"),
    pytest.param(
        "電子部品大手の東光電子株式会社は3日、半導体検査装置の株式会社ミカサ精工を買収すると発表した。"
        "買収額は約120億円の見通し。",
        dict(date=None, status="planned", parties=["東光電子", "ミカサ精工"]),
        id="news-announced-buyout"),
]


@pytest.mark.parametrize("text, expected", ACQUISITIONS)
def test_acquisition(events_of, text, expected):
    _check(_one(events_of(text), "acquisition"), **expected)


def test_divestment_names_the_buyer(events_of):
    text = _release("株式会社カエデホールディングス",
                    "当社は、2024年10月1日付で、連結子会社である株式会社カエデ物流の全株式を"
                    "株式会社ツバメ運輸に譲渡いたしました。")
    e = _one(events_of(text), "acquisition")
    _check(e, date="2024-10-01", parties=["ツバメ運輸", "カエデ物流"])
    assert e.attribute("acquirer") and "ツバメ運輸" in e.attribute("acquirer")


def test_business_transfer_names_seller_and_buyer(events_of):
    text = _release("株式会社ハヤテ物流",
                    "当社は、2024年10月1日付で、当社の倉庫事業を株式会社ミナミ倉庫に譲渡することを決定いたしました。")
    _check(_one(events_of(text), "acquisition"), date="2024-10-01", status="planned",
           parties=["ミナミ倉庫", "ハヤテ物流"])


def test_news_dateline_is_not_the_event_date(events_of):
    text = ("家電量販大手のミライ電機株式会社は15日、同業の株式会社ホシノ電器を買収したと発表した。"
            "ミライ電機はホシノ電器の全株式を既存株主から取得した。")
    _check(_one(events_of(text), "acquisition"), date=None, parties=["ミライ電機", "ホシノ電器"])


def test_minority_stake_is_no_acquisition(events_of):
    text = _release("株式会社ミナト商事", "当社は、株式会社ハルカゼの株式の5%を取得し、業務提携を進めてまいります。")
    assert [e for e in events_of(text) if e.type == "acquisition"] == []


SHARE_PURCHASE = _release(
    "株式会社ミナト商事",
    "当社は、本日開催の取締役会において、株式会社ハルカゼ食品の発行済株式の全てを取得し、子会社化することについて決議し、"
    "同日付で株式譲渡契約を締結いたしました。\n"
    "　当社は2021年10月に株式会社アオバ容器を子会社化しております。本件は、当社にとって2件目のM&Aとなります。\n\n"
    "5．日程\n（1）取締役会決議日　　2026年8月25日\n（2）契約締結日　　　　2026年8月25日\n"
    "（3）株式譲渡実行日　　2026年10月1日（予定）\n")


def test_a_schedule_dates_the_current_deal_not_a_past_one(events_of):
    acquisitions = {e.to_dict()["target"]: e for e in events_of(SHARE_PURCHASE) if e.type == "acquisition"}
    _check(acquisitions["株式会社ハルカゼ食品"], date="2026-10-01", status="planned")
    _check(acquisitions["株式会社アオバ容器"], date="2021-10", status="done")


def test_a_count_of_this_deal_is_its_ordinal(events_of):
    acquisitions = {e.to_dict()["target"]: e for e in events_of(SHARE_PURCHASE) if e.type == "acquisition"}
    assert acquisitions["株式会社ハルカゼ食品"].ordinal == 2
    assert acquisitions["株式会社アオバ容器"].ordinal is None


def test_the_share_purchase_contract_is_no_agreement(extractor):
    assert [e for e in extractor.extract(SHARE_PURCHASE).events if e.type == "agreement"] == []


# -- merger ----------------------------------------------------------------------------------------

def test_absorption_merger_with_effective_date_row(events_of):
    text = _release("株式会社アサヒ設計",
                    "当社は、本日開催の取締役会において、当社の完全子会社である株式会社アサヒ測量を"
                    "吸収合併することを決議いたしました。\n\n"
                    "1．合併の日程\n合併決議取締役会　　2024年9月2日\n合併効力発生日　　2025年1月1日（予定）\n")
    _check(_one(events_of(text), "merger"), date="2025-01-01", status="planned", parties=["アサヒ測量"])


def test_merger_of_equals_agreed(events_of):
    text = _release("株式会社ヒカリ銀行",
                    "株式会社ヒカリ銀行と株式会社ミライ信託銀行は、2026年4月1日を目途に合併することで合意しました。")
    _check(_one(events_of(text), "merger"), date="2026-04-01", status="planned",
           parties=["ヒカリ銀行", "ミライ信託銀行"])


def test_merger_roles_in_the_modifying_clause(events_of):
    text = _release("株式会社フタバ技研",
                    "当社は、本日開催の取締役会において、株式会社フタバ精密を消滅会社とし、当社を存続会社とする"
                    "吸収合併を行うことを決議いたしました。\n\n1．合併の日程\n合併の効力発生日　2025年1月1日（予定）\n")
    e = _one(events_of(text), "merger")
    _check(e, date="2025-01-01", status="planned", parties=["フタバ技研", "フタバ精密"])
    assert "フタバ技研" in e.attribute("surviving")


def test_system_integration_is_no_merger(events_of):
    text = _release("株式会社ヒカリ銀行", "当社は、顧客管理システムと会計システムを統合しました。")
    assert [e for e in events_of(text) if e.type == "merger"] == []


# -- establishment ---------------------------------------------------------------------------------

ESTABLISHMENTS = [
    pytest.param(
        _release("株式会社ハルカ製作所",
                 "株式会社ハルカ製作所（本社：愛知県刈谷市）は、2024年10月1日、愛知県豊田市に"
                 "「豊田テクニカルセンター」を開設しました。"),
        dict(date="2024-10-01", parties=["ハルカ製作所"], name="豊田テクニカルセンター", location="愛知県豊田市"),
        id="opened-with-place"),
    pytest.param(
        _release("株式会社ハルカ製作所", "当社は、シンガポールに現地法人「Haruka Asia Pte. Ltd.」を設立いたしました。"),
        dict(date=None, parties=["ハルカ製作所"]),
        id="subsidiary-founded-undated"),
    pytest.param(
        _release("株式会社ハルカ製作所", "当社は熊本県菊陽町に新工場を建設しています。新工場は2026年4月の稼働を予定しています。"),
        dict(date="2026-04", status="planned", parties=["ハルカ製作所"], name="新工場"),
        id="plant-starts-planned"),
    # the date before the verb, not one of the next clause
    pytest.param(
        _release("株式会社ハルカ製作所", "当社は、ハルカ・アジア株式会社を2025年9月1日に設立し、10月1日より営業を開始しました。"),
        dict(date="2025-09-01", parties=["ハルカ製作所"]),
        id="founded-then-opened-for-business"),
    pytest.param(
        _release("医療法人社団ハルカ会", "当法人は、2025年11月1日に「はるか台クリニック」を開院いたします。"
                 "はるか台クリニックは当法人として4施設目の医療機関となります。"),
        dict(date="2025-11-01", ordinal=4),
        id="clinic-opened-and-counted"),
]


@pytest.mark.parametrize("text, expected", ESTABLISHMENTS)
def test_establishment(events_of, text, expected):
    _check(_one(events_of(text), "establishment"), **expected)


def test_award_created_is_no_establishment(events_of):
    text = _release("株式会社ハルカ製作所", "当社は、若手技術者を表彰する「ハルカ技術賞」を2020年に創設しました。")
    assert [e for e in events_of(text) if e.type == "establishment"] == []


# -- funding ---------------------------------------------------------------------------------------

def test_series_round_with_investors(events_of):
    text = _release("株式会社ネクスケア",
                    "株式会社ネクスケア（本社：東京都渋谷区）は、みらいキャピタル株式会社をリード投資家とし、"
                    "株式会社あおば銀行を引受先とする第三者割当増資により、シリーズBラウンドで総額12億円の"
                    "資金調達を実施しました。")
    e = _one(events_of(text), "funding")
    _check(e, parties=["ネクスケア", "みらいキャピタル", "あおば銀行"], amount="12億円", round="シリーズB")


def test_a_round_is_dated_by_its_paid_in_day(events_of):
    text = _release("株式会社ノードリンク",
                    "株式会社ノードリンクは、シリーズAラウンドにおいて総額8億円の資金調達を実施しました。"
                    "払込みは2026年1月16日に完了しています。2023年6月に実施したシードラウンド（2億円）とあわせ、"
                    "累計調達額は10億円となりました。")
    rounds = {e.to_dict().get("round"): e for e in events_of(text) if e.type == "funding"}
    assert rounds["シリーズA"].date == "2026-01-16"
    assert rounds.get("シード") is None or rounds["シード"].date != "2026-01-16"


def test_headline_funding(events_of):
    text = _release("株式会社ステラリンク", "株式会社ステラリンク（本社：東京都中央区）は、人工衛星データの解析サービスを開発しています。",
                    title="宇宙ベンチャーのステラリンク、シリーズAで20億円を調達")
    _check(_one(events_of(text), "funding"), parties=["ステラリンク"], amount="20億円", round="シリーズA")


def test_investment_into_another_company(events_of):
    text = _release("株式会社ツバサ商事", "当社は、2024年9月30日に株式会社グリーンテックへ5億円を出資しました。"
                    "これにより株式会社グリーンテックとの関係を強化します。")
    text = text.replace("グリーンテックへ", "グリーンテックに")
    e = _one(events_of(text), "funding")
    _check(e, date="2024-09-30", parties=["グリーンテック", "ツバサ商事"])
    assert e.parties[0].endswith("グリーンテック")


def test_procurement_is_no_funding(events_of):
    text = _release("株式会社ツバサ商事", "原材料の調達コストが上昇しているため、一部商品の価格を改定します。")
    assert [e for e in events_of(text) if e.type == "funding"] == []


# -- event_held ------------------------------------------------------------------------------------

def test_event_with_range_and_venue(events_of):
    text = _release("株式会社ミヤビ",
                    "株式会社ミヤビ（本社：京都府京都市）は、2024年11月16日（土）～17日（日）の2日間、"
                    "京都市勧業館で「京都クラフトフェア2024」を開催します。")
    _check(_one(events_of(text), "event_held"), date="2024-11-16/2024-11-17", parties=["ミヤビ"],
           name="京都クラフトフェア2024", venue="京都市勧業館")


def test_event_planned_with_ordinal(events_of):
    text = _release("一般社団法人日本ロボット教育協会",
                    "「第10回 全国ジュニアロボットコンテスト」は、2024年12月7日に名古屋市で開催される予定です。")
    e = _one(events_of(text), "event_held")
    _check(e, date="2024-12-07", status="planned", parties=["日本ロボット教育協会"])
    assert e.ordinal == 10


@pytest.mark.parametrize("sentence", [
    "当協会は、2026年2月10日から12日まで、幕張メッセで「スマート物流展2026」を初めて開催します。",
    "当協会は、2026年2月10日から12日まで、初めてとなる「スマート物流展2026」を幕張メッセで開催します。",
])
def test_an_event_held_for_the_first_time_is_the_first(events_of, sentence):
    e = _one(events_of(_release("一般社団法人日本スマート物流協会", sentence)), "event_held")
    assert e.ordinal == 1


def test_a_shareholders_meeting_counted_by_term(events_of):
    text = _release("常盤精密工業株式会社", "当社は、2025年6月20日に第82期定時株主総会を開催いたします。")
    e = _one(events_of(text), "event_held")
    assert (e.date, e.ordinal) == ("2025-06-20", 82)


def test_a_meeting_named_before_the_approval_it_gives(events_of):
    # GiNZA hangs 開催予定の on 承認, past the meeting it names
    text = _release("北条ケミカル株式会社", "なお、取締役の選任につきましては、2026年6月19日開催予定の"
                    "第64回定時株主総会での承認を経て、正式に決定される予定です。")
    e = _one(events_of(text), "event_held")
    _check(e, date="2026-06-19", status="planned", parties=["北条ケミカル"], name="第64回定時株主総会")
    assert e.ordinal == 64


def test_event_organiser_from_overview_block(events_of):
    text = _release("株式会社タカセ機工",
                    "当社は、2024年11月20日（水）～22日（金）に開催される展示会「九州ものづくりフェア2024」に出展します。"
                    "\n\n■展示会概要\n名称：九州ものづくりフェア2024\n会場：西日本総合展示場\n"
                    "主催：一般社団法人九州産業振興会\n")
    e = _one(events_of(text), "event_held")
    _check(e, date="2024-11-20/2024-11-22", parties=["タカセ機工", "九州産業振興会"],
           name="九州ものづくりフェア2024", venue="西日本総合展示場")


TWO_EVENTS = (
    "令和8年1月13日\n長野県産業労働部\n\n「第3回 信州ものづくり未来フォーラム」及び「信州技術展2026」を開催します\n\n"
    "　長野県は、「第3回 信州ものづくり未来フォーラム」を開催します。あわせて、展示会「信州技術展2026」を同じ会場で開催します。\n"
    "　令和7年2月に開催した第2回フォーラムには約300名が参加しました。\n\n記\n\n"
    "１　日時\n（１）信州技術展2026\n　　令和8年2月6日（金）～7日（土）　各日10時～17時\n"
    "（２）第3回 信州ものづくり未来フォーラム\n　　令和8年2月6日（金）13時30分～17時00分\n\n"
    "２　会場\n　松本市総合展示場（松本市中央3丁目1番地）\n\n"
    "３　主催等\n　主催：長野県\n　共催：松本市、一般社団法人信州産業振興会\n")


def test_label_headings_date_each_event_named_above_its_lines(events_of):
    # １　日時 / （１）NAME / 　　DATE: each sub-item's date is its event's; 主催 and 共催 are both events'
    held = {e.to_dict()["name"]: e.to_dict() for e in events_of(TWO_EVENTS) if e.type == "event_held"}
    forum, fair = held["第3回 信州ものづくり未来フォーラム"], held["信州技術展2026"]
    assert (forum["date"], fair["date"]) == ("2026-02-06", "2026-02-06/2026-02-07"), held
    for e in (forum, fair):
        assert e["venue"].startswith("松本市総合展示場") and len(e["parties"]) == 3, e
    past = held["第2回フォーラム"]
    assert (past["date"], past["parties"]) == ("2025-02", ["長野県"]), past


def test_two_products_launched_together_are_two_launches(events_of):
    # 「A」と、…端末「B」を発売; B's overview (製 品 名：, 価　　格：, 販　　売：) gives its price and seller
    text = _release("株式会社ソラノ計測", "当社は、クラウド型点検サービス「ソラノ点検」と、同サービス専用の"
                    "測定端末「ソラノメーター S-2」を、2026年12月1日に発売します。\n\n"
                    "■「ソラノメーター S-2」の概要\n　製 品 名：ソラノメーター S-2\n"
                    "　価　　格：49,800円（税抜）\n　販　　売：ソラノ計測、株式会社港北通信\n")
    launches = {e.to_dict()["product"]: e.to_dict() for e in events_of(text) if e.type == "product_launch"}
    assert set(launches) == {"ソラノ点検", "ソラノメーター S-2"}, launches
    meter = launches["ソラノメーター S-2"]
    assert (meter["date"], meter["price"]) == ("2026-12-01", "49,800円"), meter
    assert any("港北通信" in p for p in meter["parties"]), meter
    assert launches["ソラノ点検"]["date"] == "2026-12-01"


def test_an_event_named_with_its_count_in_the_overview_has_that_ordinal(events_of):
    text = _release("一般社団法人日本スマート物流協会", "当協会は、専門展示会「スマート物流展」を下記のとおり開催いたします。\n"
                    "　名　称：第6回 スマート物流展 2027\n　会　期：2027年2月17日（水）～19日（金）\n")
    e = _one(events_of(text), "event_held")
    assert (e.ordinal, e.date) == (6, "2027-02-17/2027-02-19"), e.to_dict()


SERIES_B = (
    "2026年10月7日\n株式会社ルリカケ・ロジクス\n\n"
    "ルリカケ・ロジクス、シリーズBラウンドで総額18億円の資金調達を実施\n\n"
    "　当社は、シリーズBラウンドにおいて総額18億円の資金調達を実施しました。"
    "これにより、2024年3月のシリーズAラウンド（8億円）を含む累計調達額は27.5億円となりました。\n\n"
    "■ 資金調達の概要\n・調達総額：18億円\n・払込完了日：2026年9月30日\n"
    "・引受先（第三者割当増資）\n　　シーグラス3号投資事業有限責任組合\n　　株式会社アオバ冷蔵\n"
    "・借入先\n　　株式会社博多湾銀行\n\n"
    "　なお、2026年10月下旬に開催予定の臨時株主総会での承認を経て、社外取締役を選任する予定です。\n")


def test_an_overview_of_investors_fills_the_round_of_the_headline(events_of):
    # ・引受先（…） / indented names: the investors and lenders; not the past シリーズA the text recalls
    rounds = {e.to_dict()["date"]: e.to_dict() for e in events_of(SERIES_B) if e.type == "funding"}
    now = rounds["2026-09-30"]
    assert {"シーグラス3号投資事業有限責任組合", "株式会社アオバ冷蔵", "株式会社博多湾銀行"} <= set(now["parties"]), now
    assert rounds["2024-03"]["parties"] == ["株式会社ルリカケ・ロジクス"], rounds


def test_an_unnumbered_extraordinary_meeting_is_no_event(events_of):
    assert [e.to_dict() for e in events_of(SERIES_B) if e.type == "event_held"] == []


def test_a_business_sold_now_and_one_bought_long_ago_are_two_acquisitions(events_of):
    # 事業譲渡契約 is the instrument of the sale, no agreement of its own; the 日程's 譲渡期日 dates it
    text = ("2026年5月14日\n宇津木化成株式会社\n\n農業用フィルム事業の譲渡に関するお知らせ\n\n"
            "　当社は、本日開催の取締役会において、当社の農業用フィルム事業（以下「本事業」）を"
            "玉置パッケージング株式会社（以下「TPK社」）に譲渡することを決議し、同日付で事業譲渡契約を締結いたしました。\n"
            "　本事業は、2009年10月に葛城樹脂工業株式会社から譲り受けて以来、鴻巣工場で製造してまいりました。\n\n"
            "4．日程\n（1）契約締結日　　　　2026年5月14日\n（2）事業譲渡期日　　　2026年8月1日（予定）\n")
    events = [e.to_dict() for e in events_of(text)]
    got = sorted((e["date"], e["status"], sorted(e["parties"])) for e in events if e["type"] == "acquisition")
    assert got == [("2009-10", "done", ["宇津木化成株式会社", "葛城樹脂工業株式会社"]),
                   ("2026-08-01", "planned", ["宇津木化成株式会社", "玉置パッケージング株式会社"])], events


def test_a_centre_founded_under_its_alias_is_one_establishment(events_of):
    # the headline's 開所 and the body's 設置 of 「…」（以下「H2SIセンター」）; 設置日 dates it
    text = ("2026年10月9日\n芦原学院大学\n\n芦原学院大学「水素エネルギー社会実装研究センター」を開所\n\n"
            "　芦原学院大学（以下「本学」）は、2026年10月1日付で「芦原学院大学水素エネルギー社会実装研究センター」"
            "（以下「H2SIセンター」）を設置しました。\n\n【センターの概要】\n"
            "名称　　：芦原学院大学水素エネルギー社会実装研究センター\n設置日　：2026年10月1日\n")
    e = _one(events_of(text), "establishment")
    assert e.date == "2026-10-01", e.to_dict()


def test_a_joint_venture_named_by_its_kind_takes_the_new_company_overview(events_of):
    # 合弁会社の設立 in the sentence; ◆新会社の概要 names it and gives 設立予定日: planned, and the
    # body founded is a party of its founding; its 量産開始 is no product launch
    text = ("2026年9月30日\n白浜化成株式会社\n\n白浜化成と長浜通商、再生樹脂の合弁会社設立で合意\n\n"
            "　白浜化成株式会社（以下「白浜化成」）と長浜通商株式会社（以下「長浜通商」）は、2026年9月29日、"
            "再生樹脂の製造を行う合弁会社の設立に関する合弁契約を締結しました。新会社は2027年10月から量産を開始する予定です。\n\n"
            "◆新会社の概要\n　（1）名称　　　白浜ナガハマ・ポリマー株式会社\n　（2）所在地　　愛知県東海市新宝町507番地2\n"
            "　（3）資本金　　4億円\n　（4）設立予定日　2027年1月\n\n"
            "【白浜化成株式会社の概要】\n　所在地：東京都中央区日本橋本町二丁目4番6号\n　設立年月日：1951年3月1日\n")
    events = events_of(text)
    e = _one(events, "establishment")
    _check(e, date="2027-01", status="planned", parties=["白浜化成", "長浜通商", "白浜ナガハマ・ポリマー"],
           name="白浜ナガハマ・ポリマー株式会社")
    assert e.to_dict()["location"].startswith("愛知県東海市"), e.to_dict()
    assert [x for x in events if x.type == "product_launch"] == []


def test_the_profile_of_a_founded_company_that_is_party_elsewhere_dates_its_founding(events_of):
    text = ("2025年9月1日\n国立大学法人阿賀野大学\n\n阿賀野大学発ベンチャー「株式会社ファイバーワークス」を設立\n\n"
            "　本学の研究成果を活用する株式会社ファイバーワークスが設立されました。本学は同社と特許の実施許諾契約を"
            "2025年8月20日付で締結しています。\n\n■会社概要\n会社名：株式会社ファイバーワークス\n"
            "所在地：新潟県新潟市中央区1番地\n設立日：2025年8月1日\n")
    _check(_one(events_of(text), "establishment"), date="2025-08-01", parties=["ファイバーワークス"])


def test_two_awards_received_in_one_sentence_are_two(events_of):
    # each 「AWARD」において PRIZE を with its host; the ■ block's 表彰式 row dates the first only
    text = ("2026年11月5日\n株式会社ハルモ農機\n\n"
            "　当社の草刈機「のらかぜ ER-30」が、農林水産省が主催する「2026年度スマート農業技術表彰」において"
            "最高賞である農林水産大臣賞を、また一般社団法人日本アグリ機器協会が主催する「第14回日本アグリテック大賞」"
            "において大賞を受賞しました。\n\n"
            "■2026年度スマート農業技術表彰　農林水産大臣賞\n　主催：農林水産省\n"
            "　表彰式：2026年10月22日（木）14:00～16:00\n\n"
            "■第14回日本アグリテック大賞　大賞\n　結果発表：2026年10月30日（金）\n")
    got = sorted((e.to_dict()["prize"], e.date, e.ordinal, tuple(e.to_dict()["parties"]))
                 for e in events_of(text) if e.type == "award")
    assert got == [("大賞", None, 14, ("株式会社ハルモ農機", "一般社団法人日本アグリ機器協会")),
                   ("農林水産大臣賞", "2026-10-22", None, ("株式会社ハルモ農機", "農林水産省"))], got


def test_campaign_carried_out_is_no_event(events_of):
    text = _release("株式会社カスミ草", "当社は、6月30日まで「初夏のプレゼントキャンペーン」を実施しております。")
    assert [e for e in events_of(text) if e.type == "event_held"] == []


def test_board_meeting_is_no_event(events_of):
    text = _release("株式会社ミヤビ", "当社は、2024年9月2日開催の取締役会において、新たな中期経営計画を決議しました。")
    assert [e for e in events_of(text) if e.type == "event_held"] == []


def test_survey_carried_out_is_no_event(events_of):
    text = _release("株式会社ミヤビ", "当社は、全国の20代から60代の男女1,000名を対象にアンケート調査を実施しました。")
    assert [e for e in events_of(text) if e.type == "event_held"] == []


# -- award -----------------------------------------------------------------------------------------

def test_product_wins_award(events_of):
    text = _release("株式会社ハナミズキ",
                    "株式会社ハナミズキ（本社：大阪府大阪市）は、当社の除湿機「カラッと DH-1」が、"
                    "公益財団法人日本デザイン振興財団が主催する「2024年度グッドデザイン賞」を受賞したことを"
                    "お知らせいたします。")
    _check(_one(events_of(text), "award"), parties=["ハナミズキ", "日本デザイン振興財団"],
           award="2024年度グッドデザイン賞")


def test_award_conferred_on_another_body(events_of):
    text = _release("一般社団法人全国環境経営協会",
                    "当協会は、2024年8月30日、株式会社イロハ製紙に「環境経営優秀賞」を授与しました。")
    e = _one(events_of(text), "award")
    _check(e, date="2024-08-30", parties=["イロハ製紙", "全国環境経営協会"], award="環境経営優秀賞")
    assert "イロハ製紙" in e.parties[0]


def test_a_winners_table_gives_one_award_per_row(events_of):
    text = _release("公益社団法人日本エコ設計推進協会",
                    "当協会は、「第8回 エコ設計大賞」の受賞者を決定しました。\n\n■受賞者一覧（敬称略）\n"
                    "　賞　　　　　　　　受賞団体　　　　　　　　代表者\n"
                    "　大賞　　　　　　　株式会社みつみね化成　　代表取締役社長　大江 篤志\n"
                    "　審査委員会特別賞　有限会社ひばり工房　　　代表取締役　宮下 一樹\n")
    prizes = {(e.parties[0], e.to_dict().get("prize")) for e in events_of(text) if e.type == "award"}
    assert prizes == {("株式会社みつみね化成", "大賞"), ("有限会社ひばり工房", "審査委員会特別賞")}


def test_earlier_award_by_anaphor(events_of):
    text = _release("株式会社ハナミズキ",
                    "当社は、「関西ものづくり大賞」で最優秀賞を受賞しました。当社は2019年にも、同賞で奨励賞を受賞しています。")
    awards = [e for e in events_of(text) if e.type == "award"]
    assert sorted(e.attribute("prize") for e in awards) == ["奨励賞", "最優秀賞"]
    assert {e.attribute("award") for e in awards} == {"関西ものづくり大賞"}
    assert "2019" in [e.date for e in awards]


def test_winners_named_in_a_sentence_with_their_prize(events_of):
    text = ("「第5回 みちのく観光まちづくり大賞」の受賞団体が決まった\n\n"
            "　一般社団法人東北観光推進協議会（仙台市）は12日、地域の観光振興に優れた成果を上げた団体を表彰する"
            "「第5回 みちのく観光まちづくり大賞」の受賞団体を発表した。"
            "大賞には、温泉街の空き店舗を宿泊施設に改修した株式会社なるこ再生機構（宮城県大崎市）が選ばれた。"
            "優秀賞には、地元の酒蔵と連携した株式会社ゆざわ旅行社（秋田県湯沢市）と、"
            "廃線跡を遊歩道に整備したNPO法人大館フットパス協会（秋田県大館市）の2団体が選ばれた。\n")
    awards = [e for e in events_of(text) if e.type == "award"]
    assert [(e.parties[0], e.attribute("prize")) for e in awards] == [
        ("株式会社なるこ再生機構", "大賞"), ("株式会社ゆざわ旅行社", "優秀賞"), ("NPO法人大館フットパス協会", "優秀賞")]
    assert {e.attribute("award") for e in awards} == {"第5回 みちのく観光まちづくり大賞"}
    assert all("一般社団法人東北観光推進協議会" in e.parties for e in awards)
    assert [e for e in events_of(text) if e.type == "product_launch"] == []  # 「…大賞」の受賞団体を発表


def test_a_partner_inside_the_winners_modifier_is_no_winner(events_of):
    text = ("「第2回 北陸ものづくり大賞」の結果について\n\n"
            "　北陸ものづくり振興会（以下「当会」）は、「第2回 北陸ものづくり大賞」の受賞企業を発表しました。"
            "大賞には、株式会社カガ精機との共同開発で部品点数を半減した株式会社ノト工業（石川県七尾市）が選ばれました。\n")
    awards = [e for e in events_of(text) if e.type == "award"]
    assert [e.parties[0] for e in awards] == ["株式会社ノト工業"]


def test_winner_list(events_of):
    text = _release("千葉県 商工労働部",
                    "「ちば働き方改革大賞」の受賞企業を決定しましたので、お知らせします。\n\n"
                    "1　受賞企業\n【大賞】\n株式会社ナノハナ（千葉市）\n【奨励賞】\n株式会社ミズホ運輸（船橋市）\n"
                    "株式会社ボウソウ食品（館山市）\n\n2　表彰式\n")
    awards = [e for e in events_of(text) if e.type == "award"]
    assert [(e.parties[0], e.attribute("prize")) for e in awards] == [
        ("株式会社ナノハナ", "大賞"), ("株式会社ミズホ運輸", "奨励賞"), ("株式会社ボウソウ食品", "奨励賞")]


# -- documents -------------------------------------------------------------------------------------

def test_headline_and_body_give_one_event(events_of):
    text = _release("株式会社ハルカ製作所",
                    "株式会社ハルカ製作所は、2024年10月1日、愛知県豊田市に「豊田テクニカルセンター」を開所しました。"
                    "本センターの開所により、試作から評価までを一貫して行えるようになります。",
                    title="ハルカ製作所、愛知県豊田市に「豊田テクニカルセンター」を開所")
    e = _one(events_of(text), "establishment")
    assert e.date == "2024-10-01"
    assert e.evidence.text.startswith("株式会社ハルカ製作所は")


def test_text_without_events(events_of):
    text = _release("株式会社ミドリ食品", "年末年始の営業についてお知らせいたします。12月29日から1月3日まで休業いたします。")
    assert events_of(text) == []


def test_evidence_offsets_point_into_the_text(events_of):
    text = LAUNCHES[0].values[0]
    e = _one(events_of(text), "product_launch")
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text
PREFECTURE_AWARD = (
    "記者発表資料\n\n令和7年11月27日\n青森県 商工労働部 産業振興課\nものづくり振興担当（担当：佐々木、板垣）\n"
    "電話：017-000-0000（直通）\n\n「第12回あおもりものづくり大賞」の受賞企業決定及び表彰式の開催について\n\n"
    "　県では、県内企業が開発した優れた製品を表彰しています。12回目となる今回は、計2件の受賞が決定しましたので、お知らせします。\n\n"
    "１　受賞企業\n\n【知事賞】（副賞　100万円）\n　株式会社八甲田精機（弘前市）　代表取締役　斎藤 雅之\n"
    "【優秀賞】（副賞　各30万円）\n　奥入瀬織物株式会社（十和田市）　代表取締役社長　遠藤 真理子\n\n"
    "２　表彰式\n　(1) 日　時　令和7年12月8日（月）午後2時～午後3時30分\n　(2) 場　所　青森県庁　講堂\n"
    "　(3) 内　容　表彰状の授与\n"
)


def test_prize_lines_with_a_note_and_a_ceremony_block_give_dated_awards(events_of):
    awards = [e.to_dict() for e in events_of(PREFECTURE_AWARD) if e.type == "award"]
    assert {(a["prize"], a["date"], a["ordinal"]) for a in awards} == {("知事賞", "2025-12-08", 12),
                                                                         ("優秀賞", "2025-12-08", 12)}, awards
    # the prefecture an office speaks for gives the awards
    assert all("青森県" in a["parties"] for a in awards), awards


def test_each_row_of_a_grant_recipients_list_is_one_grant(extractor):
    text = ("2026年2月24日\n公益財団法人汐風記念医学振興財団\n\n2026年度（第21回）汐風記念研究助成　助成対象者決定のお知らせ\n\n"
            "　公益財団法人汐風記念医学振興財団は、第21回汐風記念研究助成の助成対象者3名を決定しました。\n\n"
            "■助成対象者一覧（敬称略）\n"
            "１　　柏木 遥　　　浜辺医科大学医学部　講師　　　　300万円\n"
            "２　　江藤 誠司　　北陵大学大学院薬学研究科　准教授　500万円\n"
            "３　　南雲 里美　　国立研究開発法人湾岸臨床研究所　主任研究員　300万円\n\n"
            "■贈呈式\n　2026年4月10日に執り行います。\n")
    grants = [e for e in extractor.extract(text).events if e.type == "funding"]
    assert sorted((e.parties[1], e.attribute("amount"), e.ordinal) for e in grants) == [
        ("南雲里美", "300万円", 21), ("柏木遥", "300万円", 21), ("江藤誠司", "500万円", 21)]
    assert all(e.parties[0] == "公益財団法人汐風記念医学振興財団" for e in grants)


def test_a_meeting_named_twice_with_its_number_and_days_is_one_event(extractor):
    text = ("2025年7月1日\n一般社団法人日本河川環境学会\n\n第19回日本河川環境学会年次大会を松江市で開催\n\n"
            "　一般社団法人日本河川環境学会は、2025年9月10日（水）から12日（金）までの3日間、松江市の"
            "くにびき国際会議場において、第19回年次大会（JRES 2025 松江大会）を開催いたします。\n\n"
            "■開催概要\n名　称　　第19回日本河川環境学会年次大会（JRES 2025 松江大会）\n"
            "会　期　　2025年9月10日（水）～12日（金）\n")
    held = [e for e in extractor.extract(text).events if e.type == "event_held"]
    assert [(e.date, e.ordinal) for e in held] == [("2025-09-10/2025-09-12", 19)]
    assert "（" not in held[0].attribute("name") and "(" not in held[0].attribute("name")


def test_awards_of_a_list_take_the_day_of_the_ceremony_told_in_prose(events_of):
    text = _release("一般社団法人日本スマート物流協会",
                    "当協会は、「第5回スマート物流大賞」の受賞企業2社を決定し、2025年6月12日（木）15時～16時30分、"
                    "東京都港区の会場にて表彰式を行いました。\n\n■受賞企業一覧\n【大賞】\n"
                    "　株式会社みなみ運輸（大阪府東大阪市）　代表取締役社長　西岡 亮介\n【優秀賞】\n"
                    "　・北星ロジ株式会社（北海道江別市）　代表取締役　菅原 千春\n")
    awards = [e for e in events_of(text) if e.type == "award"]
    assert awards and {e.date for e in awards} == {"2025-06-12"}, [(e.date, e.parties) for e in awards]



CLINIC = ("2026年2月10日\n医療法人社団翠光会\n\n「すいこう内科クリニック博多」開院のお知らせ\n\n"
          "　医療法人社団翠光会は、2026年4月1日（水）、福岡市博多区に「すいこう内科クリニック博多」を開院いたします。"
          "2013年に開院した「すいこう内科クリニック天神」に続く、当法人2院目の医療機関となります。\n")


def test_a_clinic_opened_is_counted_in_the_next_sentence(extractor):
    # the parser leaves すい|こう out of the argument; the body's name still starts there
    opened = [e for e in extractor.extract(CLINIC).events if e.type == "establishment" and e.date == "2026-04-01"]
    assert [(e.parties, e.ordinal, e.status) for e in opened] == [
        (("医療法人社団翠光会", "すいこう内科クリニック博多"), 2, "done")], [e.to_dict() for e in opened]


def test_a_count_for_the_issuer_two_sentences_on_is_not_this_deals():
    from prextract.event_types import _counted_for_issuer
    assert _counted_for_issuer().search("に続く、当法人2院目の医療機関となります").group(1) == "2"
    assert _counted_for_issuer().search("当社にとって3件目のM&Aです").group(1) == "3"
    assert _counted_for_issuer().search("同社として2件目") is None


def test_a_headed_section_of_a_planned_founding_states_the_one_it_tells(extractor):
    text = ("2026年1月15日\n湖月フーズ株式会社\n\n子会社の設立に関するお知らせ\n\n"
                    "　当社は、子会社「株式会社湖月アグリサポート」を2026年1月8日に設立いたしましたので、お知らせいたします。\n\n"
                    "３．第二の子会社の設立予定について\n"
                    "　当社は、2026年7月1日を目途に物流子会社「湖月ロジスティクス株式会社」（仮称）を設立する予定です。\n")
    founded = sorted((e.date, e.status) for e in extractor.extract(text).events if e.type == "establishment")
    assert founded == [("2026-01-08", "done"), ("2026-07-01", "planned")]


def test_a_past_round_told_in_a_clause_with_its_investors_in_brackets(extractor):
    text = ("2025年10月7日\n株式会社ノキシタ\n\n"
            "　株式会社ノキシタは、北辰キャピタル株式会社をリードインベスターとして、シリーズAラウンドにおいて"
            "総額5億円の資金調達を実施しました。これにより、2023年6月に実施したシードラウンド（引受先：千早ベンチャーズ株式会社"
            "ほか、調達額8,000万円）を含む累計調達額は5.8億円となります。\n")
    rounds = {e.attribute("round"): e for e in extractor.extract(text).events if e.type == "funding"}
    assert set(rounds) == {"シリーズA", "シード"}, [e.to_dict() for e in rounds.values()]
    assert (rounds["シード"].date, rounds["シード"].attribute("amount")) == ("2023-06", "8,000万円")
    assert "千早ベンチャーズ株式会社" in rounds["シード"].parties
    assert "北辰キャピタル株式会社" in rounds["シリーズA"].parties


def test_two_launches_in_parallel_clauses_and_a_two_column_table(extractor):
    text = ("2025年2月18日\n碧洋パワーシステムズ株式会社\n\nポータブル電源に大容量モデルと小型モデルを同時投入\n\n"
            "　当社は、大容量モデル「ENEPORT 1500」と小型モデル「ENEPORT 600 mini」の2機種を発表します。"
            "「ENEPORT 1500」は2025年3月12日（水）に発売し、「ENEPORT 600 mini」は同年4月下旬に発売する予定です。\n\n"
            "■製品概要\n"
            "　製品名　　　　　ENEPORT 1500　　　　　　ENEPORT 600 mini\n"
            "　発売日　　　　　2025年3月12日　　　　　 2025年4月下旬（予定）\n")
    launches = {e.attribute("product"): (e.date, e.status) for e in extractor.extract(text).events
                if e.type == "product_launch"}
    assert launches == {"ENEPORT 1500": ("2025-03-12", "done"),
                        "ENEPORT 600 mini": ("2025-04-21/2025-04-30", "planned")}, launches


def test_an_event_named_in_a_heading_with_its_rows(extractor):
    text = ("2025年2月18日\n碧洋パワーシステムズ株式会社\n\nポータブル電源の新製品を発表\n\n"
            "　当社は、ポータブル電源の新製品を発表します。\n\n"
            "■新製品発表会「ENEPORT DAY 2025」\n"
            "　日時：2025年3月5日（水）14:00～16:00\n"
            "　会場：東京・有明 ガーデンシティホール\n\n"
            "■製品の特長「大容量と軽さ」\n"
            "　容量：1,536Wh\n")
    held = [e for e in extractor.extract(text).events if e.type == "event_held"]
    assert [(e.attribute("name"), e.date, e.parties) for e in held] == [
        ("ENEPORT DAY 2025", "2025-03-05", ("碧洋パワーシステムズ株式会社",))], [e.to_dict() for e in held]
