"""Organisation mentions: where in the text a body is named, and what kind it is.

Signals, each general and data-driven (lexicons under models/):
- legal forms before or after a name (一般社団法人…, …株式会社, （株）…),
- organisation suffixes ending a compound noun (…大学, …研究所, …協会, …省),
- a proper noun directly before a title (三井不動産 + 取締役),
- public bodies from a lexicon (経済産業省, 理化学研究所 …),
- prefectures and municipalities when they act (神奈川県と, 川崎市は, 神奈川県 副知事), not as addresses,
- Latin-script names in organisation positions (BIOCOM（…団体）, 推進団体MedCity, … University …),
- GiNZA's fine ENE labels (Company, School, Government, …).
Overlaps are settled by one rule (see ``settle_overlaps``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Sequence

from . import gazetteer, lexicons
from .analyse import (Analysis, Entity, Token, common_words_only, ginza_reads_person, named_in_own_words,
                      person_name_parts, place_levels)
from .names import INITIALS_NAME
from .normalize import parse_kanji_number

#: GiNZA ENE labels that name organisations
ORG_LABELS = {
    "Company": "company", "Company_Group": "company", "Corporation_Other": "other",
    "Government": "government", "School": "university", "Research_Institute": "research",
    "Public_Institution": "other", "International_Organization": "other",
    "Political_Party": "other", "Political_Organization_Other": "other",
    "Organization_Other": "other", "Show_Organization": "other", "Military": "government",
    "Sports_Organization_Other": "other", "Pro_Sports_Organization": "other",
    # prextract's own NER (models/ner), trained on Wikipedia sentences and release-like ones
    "prx:ORGANIZATION": "other",
}
PLACE_LABELS = {"Province", "City", "County"}

# which signal a mention came from; lower settles overlaps first at equal length
SOURCE_RANK = {"legal": 0, "lexicon": 1, "suffix": 2, "title_prefix": 3, "latin": 4, "place": 5, "office": 5, "list": 5,
               "foreign_sha": 5, "repeat": 5, "part": 5, "news_hq": 5, "original_name": 5,
               "prx": 6, "dictionary": 7, "ner": 8, "headline": 9}

_CONNECTORS = {"・", "ー", "-", "－", "&", "＆", ".", "'", "’", "･"}
_BAD_INSIDE = re.compile(r"[、。,，:：;；「」『』【】\n]")
_LATIN_END = r"(?![A-Za-z0-9_@/-])"
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9_.@/\\-])"
    r"[A-Z][A-Za-z0-9]*(?:[&.'’-][A-Za-z0-9]+)*"
    r"(?:[ ](?:of|and|for|the|de|du|la|&|[A-Z][A-Za-z0-9]*(?:[&.'’-][A-Za-z0-9]+)*))*"
    + _LATIN_END)
_BRACKET_AFTER_PLACE = re.compile(r"[（(](?:[^（）()\n]{0,10}?(?:長|知事)|代表)[：:\s　][^（）()\n]{1,20}[）)]")
_HEAD_BRACKET = re.compile(r"[（(](?:市長|区長|町長|村長|知事)[：:]")
_LATIN_BRACKET = re.compile(r"\s?\([A-Za-z .&'-]+\)")
_KANA_ONLY = re.compile(r"[\u3041-\u309F\u30A0-\u30FF\s\u3000・]+")
_KATAKANA_NAME = re.compile(r"[\u30A0-\u30FF]+(?:・[\u30A0-\u30FF]+)+")
_LATIN_PERSON_AFTER = re.compile(r"[（(][A-Z][a-z]+(?:[ \-][A-Z]\.?)?(?:[ \-][A-Z][a-z]+)+[）)]")
# ideographs a municipality's name may start with: not a date unit, a level of an address or a
# determiner (本市, 同市, 各市, 全市, 両市)
_PLACE_NAME_CHAR = re.compile(r"[\u4E00-\u9FFF々ヶケノ](?<![年月日時分都道府県市区町村郡本同各全両当])")
# a name never opens with a year or an event's number (2002年…, 第87回…); a unit's does (第5軍団)
_DATED_START = re.compile(r"(?:[0-9０-９]{2,4}年|第[0-9０-９一二三四五六七八九十百]+回)")
# suffixes after a body that leave it a body: 東芝|戦 (a match against it), アストラ|製, 政府|側
_POINTING = re.compile(r"[同当本弊貴両各全]")
_FORMER = frozenset({"元", "前", "現", "旧", "新"})
_ACTOR_SUFFIXES = frozenset({"戦", "製", "側", "系", "傘下", "様", "殿", "内", "間"})
# words glued after a body that say what it does here, never the end of its name (…流通経由, …主催)
_RELATION_WORDS = frozenset({"経由", "主催", "共催", "後援", "協賛", "監修", "協力"})
# what is left of 株式会社化した once the form is taken away: a suffix, no name
_NOT_A_NAME_REST = re.compile(r"[化的等系]?[\u3040-\u309F]*")
_GENERATION_AT = re.compile(r"(?:第?[0-9０-９一二三四五六七八九十]+代目?|初代)")
_GENERATION = re.compile(_GENERATION_AT.pattern + "$")
_COUNTED = re.compile(r"[0-9０-９]+(?:社|者|団体|校|機関|件|名)$")
# a country word written before a Latin name (米国Bellwood Therapeutics社) says where the body is
# (the press's one-kanji form before a katakana name too: 独シーメンス社; not 台湾スマート農業協会 or
# ドイツテレコム, where the country is part of the name)
@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Where the press writes a body's country before its name (models/countries.tsv): regex
    alternations by form."""
    rows = lexicons.country_words()
    alt = {form: "|".join(re.escape(r["word"]) for r in sorted(rows, key=lambda r: -len(r["word"])) if r["form"] == form)
           for form in ("kanji", "short", "katakana")}
    return alt


@lru_cache(maxsize=1)
def _country_before_latin() -> re.Pattern[str]:
    """米国Bellwood Therapeutics社, タイ・Siam Lotus Polymer社."""
    w = _country_words()
    return re.compile(rf"(?:{w['kanji']}|{w['short']})(?=[A-Za-z])|(?:{w['katakana']})・?(?=[A-Za-z])")


@lru_cache(maxsize=1)
def _country_before_name() -> re.Pattern[str]:
    """The above, and 独シーメンス社, ドイツ・ダイムラー社 before a katakana name."""
    w = _country_words()
    return re.compile(rf"{_country_before_latin().pattern}|(?:{w['short']})(?=[\u30A1-\u30FA])"
                      rf"|(?:{w['katakana']})・(?=[\u30A1-\u30FA])")


_FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|html?|docx?|xlsx?|pptx?)$", re.I)
#: Latin words that make a Latin-script name an organisation
_LATIN_ORG_WORDS = re.compile(
    r"\b(?:University|College|Institute|Institution|Foundation|Association|Society|Agency|Bank|Group|"
    r"Holdings|Inc|Ltd|LLC|Corp|Corporation|Company|Partners|Capital|Ventures|Labs?|Laboratory|"
    r"Council|Center|Centre|Hospital|Ministry|Organi[sz]ation|Federation|Alliance|Consortium|"
    r"Fund|Trust|Authority|Commission|Committee|Network|School|Academy|GmbH|AG|plc|PLC|"
    r"Cluster|Hub|Chamber|Union|Bureau|League|Cooperative|Industries|Technologies)\b")
#: nouns that, in a bracket after a Latin name or directly before it, say "this is a body"
_ORG_HEADS = re.compile(
    r"(?:団体|企業|会社|大学|機関|組織|財団|協会|研究所|法人|メーカー|スタートアップ|ベンチャー|"
    r"銀行|ファンド|病院|政府|省|庁|連盟|学会|コンソーシアム|クラスター)")
_ACTING_AFTER = re.compile(
    # (not 秋田県が地盤の…銀行, 山形県を拠点とする: the place a body is based in)
    r"^(?:\s*)(?:は|が(?!地盤|本拠|拠点)|と|も|との|とは|では?なく|"
    # 東雲市、高森市、南坂町の3市町と: a list summed up by a count of bodies
    r"の[0-9０-９一二三四五六七八九十]+(?:都道府県|市区町村|市町村|市町|府県|市|町|村|県|区|自治体|団体)(?:と|が|は|で|の間))")
_ADDRESS_LABEL = re.compile(r"(?:本社|本店|所在地|住所|本部|事務所|所在)\s*[:：]?\s*$")
_PLACE_NAME = re.compile(r"[\u3041-\u309F\u4E00-\u9FFF\u30A0-\u30FFヶ]{1,6}(?:都|道|府|県|市|区|町|村)")
# 東雲市・東雲工業大学・東雲信用金庫の三者: a place in a list of bodies counted as parties
_LIST_OF_BODIES = re.compile(
    r"(?:[・、](?:[^、。・\sはがとのをにでも]{2,30}))+?"
    r"の[0-9０-９一二三四五六七八九十]+(?:者|社|団体|機関|市町村|市町)(?:は|が|と|で|に|による|の)")
_DATE_SLOT_BEFORE = re.compile(r"(?:年|月|日|度)(?:に|には|にも)\s*$")
#: a line that lists venues: 4．実施場所　本学青葉キャンパス、… (every name on it is a place)
_VENUE_LINE = re.compile(r"[\s\u3000・]*(?:[0-9０-９]+[．.)）][\s\u3000]*)?"
                         rf"(?:{lexicons.spaced_words('実施場所', '開催場所', '場所', '会場', '開催地')})"
                         r"[\s\u3000]*[:：]?[\s\u3000]+[^。\n]*$")
#: a web address or a mail address (pr@minato-denso.example.jp): no body's name is inside one
_URL = re.compile(r"(?:https?://|www\.)[^\s<>「」（）()、。]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_VENUE_LABEL = re.compile(rf"(?:{lexicons.spaced_words('場所', '会場', '開催場所', '開催地', '所在地', '住所', '本社', '本店')})"
                          r"\s*[:：]?\s*$")
_MEDIA = re.compile(r"(?:新聞|新聞社|通信|通信社|放送|テレビ|新報|日報|タイムズ|ジャーナル)$")
_CITED = re.compile(r"\s*(?:（電子版）|\(電子版\))?\s*(?:によると|によれば|の報道|の取材|"
                    r"[がは][^。、\n]{0,12}?報じ|"  # 日本経済新聞が7日に一部を報じていた
                    r"(?:で|にて|に)も?(?:紹介|掲載|報道|報じ|取り上げ))")  # 北越産業新聞でも紹介されました
_ACTING_ACRONYM = re.compile(r"[A-Z]{3,6}")
_ACTOR_AFTER = re.compile(r"(?:は|が|とは|との|から|によ)")
#: what follows a product or a price, not a body: …を発売, …の価格, …円
_PRODUCT_AFTER = re.compile(r"[」』]?(?:を発売|の発売|を販売|の販売|を搭載|の価格|価格|[0-9０-９]|円|シリーズ)")


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    text: str
    kind: str
    source: str     # legal, lexicon, suffix, title_prefix, latin, place, office, list, foreign_sha, repeat,
    #                 prx, ner, headline, alias, anaphor


def find_org_mentions(analysis: Analysis, title_spans: list[tuple[int, int]],
                      skip: list[tuple[int, int]] = (), headline: tuple[int, int] | None = None) -> list[OrgMention]:
    """All organisation mentions in the text, overlaps settled, boilerplate lines skipped."""
    text = analysis.text
    candidates: list[OrgMention] = []
    # a title counts only where it is whole words: ベンチャーパートナー inside ミライ・ベンチャーパートナーズ is none
    starts = {t.start for t in analysis.tokens}
    ends = {t.end for t in analysis.tokens}
    title_spans = [(s, e) for s, e in title_spans if s in starts and e in ends]
    title_starts = {s for s, _ in title_spans}
    known_people = gazetteer.known_person_spans(text, analysis.tokens)
    full_names = _full_names_of_people(analysis, known_people)
    chunks = _split_after_people(noun_chunks(analysis.tokens, text), full_names)
    # spans that an NER reads as a body: a list of them joined with ・ is no single name
    bodies = {(e.start, e.end) for e in analysis.entities if e.label in ORG_LABELS or e.label == "prx:ORGANIZATION"}
    for chunk in chunks:
        candidates.extend(_from_chunk(chunk, text, title_starts, bodies))
    candidates.extend(_from_lexicon(analysis))
    candidates.extend(_from_known_names(analysis))
    candidates.extend(_from_latin(text))
    candidates.extend(_from_foreign_sha(analysis))
    candidates.extend(_from_headquarters_bracket(analysis))
    candidates.extend(_from_legal_prefix_text(text))
    candidates.extend(_from_association_prefix_text(text))
    candidates.extend(_from_entities(analysis, title_spans, chunks, bodies, known_people, full_names))
    candidates.extend(_from_places(analysis, title_spans, chunks))
    candidates.extend(_from_office_lines(text))
    candidates.extend(_from_paper_of_a_place(text))
    candidates.extend(_from_name_label_lines(text))
    candidates.extend(_from_letter_spaced(text))
    candidates.extend(_from_kana_inside_names(text))
    candidates.extend(_from_names_with_branch_place(analysis))
    candidates.extend(_from_university_parts(analysis, candidates))
    candidates.extend(_from_original_name_bracket(analysis, candidates))
    if headline is not None:
        candidates.extend(_from_headline(analysis, headline))
    candidates = [_without_title_at_end(_without_descriptor(_without_country(_with_kana_start(
        _without_lead_words(_without_words_past_name(_without_verbal_noun(c, analysis), analysis), analysis),
        analysis), text), analysis), title_spans)
        for c in candidates]
    kept = [c for c in candidates if _plausible(c, analysis) and not _inside(c, skip)
            and not _overlaps_title(c, title_spans) and not _joins_bodies(c, bodies)
            and not _in_listing_code(c, text) and not _place_of_origin(c, analysis)
            and not (c.source in ("ner", "prx", "suffix") and _in_business_row(c, text))
            and not (c.source in ("ner", "prx") and _CONTACT_NAME_BEFORE.search(text, max(0, c.start - 8), c.start))
            and not lexicons.funding_round_pattern().fullmatch(c.text)]      # シリーズAのリード投資家
    # the trained NER corrects GiNZA's spans, never the rule-found names (legal forms, suffixes,
    # places, lexicon): where it overlaps one of those, the rule wins
    # (except a suffix name that the ensemble, confirmed, reads on to a longer name)
    kept, longer = _confirmed_names_past_suffixes(kept, analysis)
    # where both NERs see a body, the trained one draws its bounds (GiNZA glues on branch and
    # department words: みずほ銀行赤坂支店, 昭和シェル石油全店; posts: 米国製造業評議会政策顧問),
    # also where a rule-found name then stands for the trained one; where both draw the same
    # bounds, GiNZA's span stays and may outrun a rule-found name cut short (一般社団法人真砂スタートアップ|・…機構)
    trained = [c for c in kept if c.source == "prx"]
    ruled = [c for c in kept if SOURCE_RANK.get(c.source, 9) < SOURCE_RANK["prx"]]
    kept = [c for c in kept if c.source != "prx" or (c.start, c.end) in longer
            or not any(r.start < c.end and c.start < r.end for r in ruled)]
    kept = [c for c in kept if c.source != "ner" or not any(p.start < c.end and c.start < p.end and
                                                              (p.start, p.end) != (c.start, c.end) for p in trained)]
    # GiNZA runs over an abbreviation's bracket into the next noun (日本学術振興会（JSPS）科学研究費助成事業):
    # the rule-found name before the bracket stands
    kept = [c for c in kept if c.source != "ner" or not re.search(r"[（(]", c.text)
            or not any(r.start < c.end and c.start < r.end for r in ruled)]
    # a GiNZA body whose name does not say so (no legal form or suffix) is kept only where the
    # trained NER also sees a body or the text introduces it with a bracket (京都リサーチパーク(…)):
    # GiNZA calls events, places and people companies (ロサンゼルス暴動, 川崎DF奈良竜樹, 長野県道64号)
    kept = [c for c in kept if c.source != "ner" or _kind_from_name(c.text) or text[c.end:c.end + 1] in "(（"
            or any(e.start < c.end and c.start < e.end and e.label == "prx:ORGANIZATION" for e in analysis.entities)]
    kept = _started_as_named_elsewhere(kept, text)
    settled = _without_company_labs(settle_overlaps(_split_counted_lists(kept, text, chunks, skip)), text)
    return sorted(settled + _short_names_repeated(settled, analysis, skip), key=lambda m: m.start)


def _started_as_named_elsewhere(mentions: list[OrgMention], text: str) -> list[OrgMention]:
    """A mention whose first characters the tokenizer gave to the word before (秋|津野市議会: 秋
    read as autumn; 青嵐ベンチャー|パートナーズ株式会社: its head read as a person's name) starts
    where a name found elsewhere in the text (秋津野市, 青嵐ベンチャーパートナーズ株式会社) starts,
    when that name runs into the mention and only ideographs or kana stand between."""
    names = {m.text for m in mentions if len(m.text) >= 3}
    out = []
    for m in mentions:
        for back in range(1, 9):
            start = m.start - back
            if start < 0 or not re.fullmatch(r"[\u3041-\u30FF\u4E00-\u9FFF々]+", text[start:m.start]):
                break
            name = next((n for n in names if text.startswith(n, start) and m.start < start + len(n) <= m.end
                         and not re.search(r"\s", text[start + len(n):m.end])), None)
            if name is not None:
                m = replace(m, start=start, text=text[start:m.end])
                break
        out.append(m)
    return out


def _without_company_labs(mentions: list[OrgMention], text: str) -> list[OrgMention]:
    """A company's own lab or centre written after its name (株式会社ルミナス　先端診断研究所) is a
    part of the company, no body (a university's institute is one)."""
    by_end = {m.end: m for m in mentions}
    out = []
    for m in mentions:
        gap = m.start
        while gap > 0 and text[gap - 1] in " \u3000":
            gap -= 1
        owner = by_end.get(gap)
        if owner is not None and gap < m.start and owner.kind == "company" and m.source != "legal" \
                and lexicons.COMPANY_LAB.search(m.text):
            continue
        out.append(m)
    return out


#: 担当：桑原: the surname of the desk to call, read by an NER as a body
_CONTACT_NAME_BEFORE = re.compile(r"(?:担当|担当者|窓口)[ \u3000]*[:：][ \u3000]*$")
_LISTING_CODE = re.compile(r"(?:コード番号|証券コード|銘柄コード)[^\n）)]*$")


# 事業内容：LPガス・都市ガスの供給 / 農産加工食品の製造・販売: what a body does, not who
_BUSINESS_ROW = re.compile(r"^[ \t\u3000]*(?:[(（][0-9０-９]{1,2}[)）])?[ \t\u3000]*"
                           rf"(?:{lexicons.spaced_words('事業内容', '事業概要', '主な事業内容', '主な事業', '主要事業', '業務内容')})"
                           r"[ \t\u3000]*[：:\t\u3000]")


def _in_business_row(m: OrgMention, text: str) -> bool:
    """An NER's name in a profile's 事業内容 row: a line of goods and services."""
    return _BUSINESS_ROW.match(text[text.rfind("\n", 0, m.start) + 1:m.start]) is not None


def _in_listing_code(m: OrgMention, text: str) -> bool:
    """（コード番号：6487　東証スタンダード市場）: the market a sender's shares trade on, not a party."""
    return _LISTING_CODE.search(text, text.rfind("\n", 0, m.start) + 1, m.start) is not None


def _short_names_repeated(mentions: list[OrgMention], analysis: Analysis,
                          skip: Iterable[tuple[int, int]]) -> list[OrgMention]:
    """A body named once with its legal form is named again without it (グリーンバスケット株式会社 …
    グリーンバスケットの宅配サービス): each use of the bare name, on word bounds and outside other
    mentions, is a mention of it (one sense per document), a news headline's before the full name too."""
    text = analysis.text
    starts = {t.start for t in analysis.tokens}
    ends = {t.end for t in analysis.tokens}
    taken = [(m.start, m.end) for m in mentions] + list(skip)
    out: list[OrgMention] = []
    for m in mentions:
        if m.source != "legal":
            continue
        core = lexicons.without_legal_form(m.text)
        if len(core) < 3 or not _has_name(core, []) or core in lexicons.org_generic_words():
            continue
        for hit in re.finditer(re.escape(core), text):
            s, e = hit.start(), hit.end()
            if s not in starts or e not in ends or any(a < e and s < b for a, b in taken):
                continue
            toks = analysis.tokens_in(s, e)
            if len(toks) == 1 and toks[0].tag.startswith("名詞-普通名詞"):
                continue  # 株式会社データ … データ: one word of the dictionary, not the name
            out.append(OrgMention(s, e, core, m.kind, "repeat"))
            taken.append((s, e))
    return out


def _joins_bodies(m: OrgMention, bodies: set[tuple[int, int]]) -> bool:
    """An NER's span over a list whose parts an NER reads as bodies one by one (ソニー・パナソニック,
    海軍・郵政庁): those bodies, not one name."""
    if m.source not in ("ner", "prx") or "・" not in m.text:
        return False
    starts = [m.start] + [m.start + i + 1 for i, ch in enumerate(m.text) if ch == "・"]
    ends = [m.start + i for i, ch in enumerate(m.text) if ch == "・"] + [m.end]
    return sum(1 for part in zip(starts, ends) if part in bodies) >= 2


def _split_counted_lists(mentions: list[OrgMention], text: str, chunks: list[list[Token]],
                         skip: Iterable[tuple[int, int]]) -> list[OrgMention]:
    """A list joined with ・ or 、 and closed by its count (日本郵船・商船三井・川崎汽船の3社,
    海軍・郵政庁の両組織) is that many bodies: a mention running across a ・ of it gives way to
    the listed names, each a mention (``list_counters.tsv`` gives the kind their form does not)."""
    for k, chunk in enumerate(chunks):
        cue = lexicons.list_count_pattern().match(text, chunk[-1].end)
        if cue is None or any(s <= chunk[0].start and chunk[-1].end <= e for s, e in skip):
            continue
        first = k  # back over the items before it, joined by 、 alone (JR東日本、東京メトロ、東急電鉄の3社)
        while first > 0 and text[chunks[first - 1][-1].end:chunks[first][0].start] in ("、", "，", ","):
            first -= 1
        parts = [(p[0].start, p[-1].end) for c in chunks[first:k + 1] for p in _split_at_dots(c)]
        count = 2 if cue.group("n") == "両" else parse_kanji_number(unicodedata.normalize("NFKC", cue.group("n")))
        if len(parts) < 2 or len(parts) != count:
            continue
        mentions = [m for m in mentions if not (m.start < parts[-1][1] and parts[0][0] < m.end)
                    or any(s <= m.start and m.end <= e for s, e in parts)]
        kind = lexicons.list_counters()[cue.group("counter")]
        # a listed body of no kind of its own takes the count's (JR東日本、東京メトロ…の3社: companies)
        mentions = [replace(m, kind=kind) if m.kind == "other" and any(s <= m.start and m.end <= e for s, e in parts)
                    else m for m in mentions]
        for s, e in parts:
            name = text[s:e]
            if not any(s <= m.start and m.end <= e for m in mentions) and len(name) >= 2 \
                    and name not in lexicons.org_generic_words():
                mentions.append(OrgMention(s, e, name, kind_of(name, kind), "list"))
    return mentions


def _without_title_at_end(m: OrgMention, title_spans: list[tuple[int, int]]) -> OrgMention:
    """A name that runs on into a title (株式会社みどり商事|代表: the hiragana name is read from the
    text up to a particle) ends before it; a title word inside a name (日本取締役協会) stays."""
    for ts, te in title_spans:
        if m.start < ts and te == m.end:
            end = ts
            while end > m.start and m.text[end - m.start - 1] in " \u3000・":
                end -= 1
            return replace(m, end=end, text=m.text[:end - m.start])
    return m


def _confirmed_names_past_suffixes(mentions: list[OrgMention], analysis: Analysis
                                   ) -> tuple[list[OrgMention], set[tuple[int, int]]]:
    """Where the ensemble confirms a longer name from the start of a suffix name
    (日本労働組合|総同盟, 維新政府|軍, 中国交通建設|集団有限公司), or one that starts before a
    legal-form name where GiNZA read the head as a person's name and so cut the chunk
    (青嵐ベンチャー|パートナーズ株式会社), the rule-found name gives way and the longer one takes
    its kind. Returns the mentions and the spans of the longer names."""
    suffix = [m for m in mentions if m.source == "suffix"]
    legal = [m for m in mentions if m.source == "legal"]
    confirmed = _confirmed_org_spans(analysis)
    text = analysis.text
    out, longer, shorter = [], set(), set()
    for m in mentions:
        inside = [r for r in suffix if r.start == m.start and r.end < m.end]
        inside += [r for r in legal if r.end == m.end and m.start < r.start
                   and _NAME_CHARS.fullmatch(text, m.start, r.start)
                   and any(e.label == "Person" and m.start <= e.start < r.start for e in analysis.entities)]
        if m.source == "prx" and (m.start, m.end) in confirmed and inside:
            longer.add((m.start, m.end))
            shorter.update((r.start, r.end) for r in inside)
            if m.kind == "other":
                m = replace(m, kind=inside[0].kind)
        out.append(m)
    return [m for m in out if m.source not in ("suffix", "legal") or (m.start, m.end) not in shorter], longer


_NAME_CHARS = re.compile(r"[\u30A1-\u30FF\u4E00-\u9FFF々A-Za-z0-9]+")


_HARD_BOUNDARY = "\n 　・「『（(：:"  # not 、 or 。: an adverb may follow them (、さらにみどり商事株式会社と)
_PARTICLE_CHARS = "はがのをにへとでもや"
_DEMONSTRATIVES = ("この", "その", "あの", "どの", "これ", "それ", "あれ")
_NOT_IN_A_NAME = ("副詞", "接続詞", "動詞", "助動詞", "形容詞", "連体詞")


def _with_kana_start(m: OrgMention, analysis: Analysis) -> OrgMention:
    """しおさいベンチャーズ株式会社, 子会社のあさなぎキャピタル株式会社: the tokenizer leaves a name's
    hiragana head out of the chunk. The hiragana run before a name that ends in a legal form or
    suffix joins it where the run starts at a boundary (a line start, ・, 「, ：, a space), or after
    the の of a noun with no other particle inside it."""
    text = analysis.text
    if m.source not in ("legal", "suffix") or not m.start or not re.match(r"[\u3041-\u309F]", text[m.start - 1]) \
            or lexicons.legal_form_pattern().match(text, m.start):
        return m
    start = _hiragana_run_start(text, m.start)
    run = text[start:m.start]
    if start == 0 or text[start - 1] in _HARD_BOUNDARY:
        pass                                      # ・むさしの未来創生ファンド…: the whole run
    elif run[0] == "の" and re.match(r"[\u4E00-\u9FFF\u30A1-\u30FA]", text[start - 1]) \
            and not any(c in _PARTICLE_CHARS for c in run[1:]):
        start, run = start + 1, run[1:]           # 子会社の|あさなぎキャピタル株式会社 (not であ|る…)
    else:
        return m
    head = run + re.match(r"[\u3041-\u309F]*", m.text).group()  # the run may go on inside the mention (あ|さなぎ)
    if len(head) < 2 or head.startswith(_DEMONSTRATIVES):
        return m
    run_tokens = analysis.tokens_in(start, m.start)
    if (any(t.tag.startswith(_NOT_IN_A_NAME + ("名詞-普通名詞-副詞可能",)) for t in run_tokens)
            or (len(run_tokens) >= 2 and run_tokens[-1].tag.startswith("助詞") and run_tokens[-1].text != "の")) \
            and (start, m.end) not in _confirmed_org_spans(analysis):
        return m  # こうして|東京横浜電鉄, もともと|トヨタグループ, ちなみに|フジテレビ, のほか|南洋大学: an adverb, a verb or a word
        # with its particle, not a name
        # (unless the ensemble confirms the whole: てぃーだ観光株式会社, its だ read as a copula)
    return replace(m, start=start, text=text[start:m.end])


def _hiragana_run_start(text: str, pos: int) -> int:
    """Where the run of hiragana that ends at ``pos`` starts (``pos`` if none does); a long-vowel
    mark after hiragana is part of it (てぃーだ観光株式会社)."""
    while pos > 0 and (re.match(r"[\u3041-\u309F]", text[pos - 1]) or (
            text[pos - 1] == "ー" and pos > 1 and re.match(r"[\u3041-\u309F]", text[pos - 2]))):
        pos -= 1
    return pos


def _without_country(m: OrgMention, text: str) -> OrgMention:
    """米Microsoft Corporation, 独シーメンス社: a country word before a Latin or katakana name
    says where the body is."""
    country = _country_before_name().match(text, m.start)
    if country is None or country.end() >= m.end:
        return m
    return replace(m, start=country.end(), text=text[country.end():m.end])


def _without_verbal_noun(m: OrgMention, analysis: Analysis) -> OrgMention:
    """A verbal noun glued to a body's name is no part of it (環境庁|入庁, 三住商事|設立,
    株式会社大塚造園設計事務所|設立). An NER's span gives way where the words before the verbal
    noun name a body; a rule-found one only where they end in a legal form or a strong suffix, or
    the ensemble confirms them as a name (not 株式会社電通国際情報|サービス, 株式会社中部電子|計測)."""
    inside = analysis.tokens_in(m.start, m.end)
    last = inside[-1] if inside else None
    if last is None or last.end != m.end or last.start <= m.start or "サ変" not in last.tag:
        return m
    before = analysis.text[m.start:last.start]
    if m.source in ("ner", "prx"):
        named = bool(_kind_from_name(before))
    else:
        suffix = lexicons.org_suffix_pattern().search(before)
        named = before.endswith(tuple(lexicons.legal_form_texts())) \
            or (suffix is not None and suffix.group() not in lexicons.weak_org_suffixes()) \
            or (m.start, last.start) in _confirmed_org_spans(analysis)
    if not named:
        return m
    return replace(m, end=last.start, text=analysis.text[m.start:last.start])


def _without_lead_words(m: OrgMention, analysis: Analysis) -> OrgMention:
    """A name starts after a word of time before it (元|厚生労働省の官僚, 現|三井情報株式会社,
    旧・|山一証券) and after a hiragana word with its particle (ちなみに|フジテレビ): neither is ever
    part of a name."""
    toks = analysis.tokens_in(m.start, m.end)
    start = m.start
    if len(toks) >= 2 and toks[0].text in ("元", "現", "前") and len(toks[1].text) >= 2:
        start = toks[1].start
    elif len(toks) >= 3 and toks[0].text in ("元", "現", "前", "旧") and toks[1].text == "・":
        start = toks[2].start
    elif len(toks) >= 3 and re.fullmatch(r"[\u3041-\u309F]+", toks[0].text) and toks[1].tag.startswith("助詞"):
        start = toks[2].start
    return m if start == m.start else replace(m, start=start, text=analysis.text[start:m.end])


def _without_words_past_name(m: OrgMention, analysis: Analysis) -> OrgMention:
    """A legal form's name that runs on past a name the ensemble confirms, closed by a strong
    suffix (公益社団法人日本女子プロ将棋協会|棋士規程), ends with that name: the nouns after it
    name a thing of the body, not the body."""
    if m.source != "legal":
        return m
    text = analysis.text
    for start, end in _confirmed_org_spans(analysis):
        if not (m.start <= start and end < m.end) or not _on_token_bounds(analysis, start, end):
            continue
        lead = text[m.start:start].strip(" \u3000")
        suffix = lexicons.org_suffix_pattern().search(text[start:end])
        if (lead and lead not in lexicons.legal_form_texts()) or suffix is None \
                or suffix.group() in lexicons.weak_org_suffixes() \
                or lexicons.legal_form_pattern().search(text, end, m.end):
            continue
        if not lead and not lexicons.legal_form_pattern().match(text, start):
            continue  # the legal form must stay inside the name that remains
        return replace(m, end=end, text=text[m.start:end])
    return m


def _without_descriptor(m: OrgMention, analysis: Analysis) -> OrgMention:
    """A rule-found name that runs over common nouns before the name an NER sees (母体|大阪産業大学,
    映像企画制作企業|フューチャー・プラネット株式会社) starts where the NER's name starts; a legal
    form before the name stays (株式会社|みどり商事), and so does a body whose part the NER reads
    (東嶺理科大学|生命科学部), and so does a hiragana head, which no descriptor is written in
    (しおさい|ベンチャーズ株式会社)."""
    if m.source not in ("legal", "suffix") or _is_name_row_value(m, analysis.text):
        return m        # 会 社 名　疾風ロジテック株式会社: a name row holds the name and nothing else
    for e in analysis.entities:
        if e.end != m.end or not m.start < e.start or not (e.label in ORG_LABELS or e.label == "prx:ORGANIZATION"):
            continue
        lead = analysis.tokens_in(m.start, e.start)
        # 酒造会社・|賀茂鶴酒造: a ・ sets a descriptor of kanji words apart, whatever word closes it
        # (not シーグラス・|ベンチャーズ株式会社: katakana words before a ・ are a name's)
        set_apart = len(lead) >= 2 and lead[-1].text == "・" \
            and re.fullmatch(r"[\u4E00-\u9FFF々]+", analysis.text[m.start:lead[-1].start]) is not None
        words = lead[:-1] if set_apart else lead
        forms = lexicons.legal_form_pattern().finditer(analysis.text, m.start, m.end)
        if lead and lead[-1].end == e.start and all(t.tag.startswith("名詞-普通名詞") for t in words) \
                and not re.fullmatch(r"[\u3041-\u309F]+", analysis.text[m.start:e.start]) \
                and not any(f.start() < e.start for f in forms) \
                and (set_apart or not lexicons.org_suffix_pattern().search(analysis.text[m.start:e.start])) \
                and any(_name_like(t) for t in analysis.tokens_in(e.start, e.end)):  # not …投資事業|有限責任組合
            return replace(m, start=e.start, text=analysis.text[e.start:m.end])
    return m


def settle_overlaps(mentions: Iterable[OrgMention]) -> list[OrgMention]:
    """Keep the longest mention where mentions overlap; at equal length the stronger signal
    (SOURCE_RANK), then the earlier start. Returned in text order."""
    chosen: list[OrgMention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), SOURCE_RANK.get(m.source, 9), m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


# -- noun chunks -------------------------------------------------------------------------------------

def _is_nominal(tok: Token) -> bool:
    if tok.tag.startswith(("形状詞", "記号-文字")) and re.fullmatch(r"[\u30A0-\u30FFA-Za-z]+", tok.text):
        return True  # スマート, グローバル inside names (日本スマート農業推進協会); アルファ, read as a letter
    if tok.tag.startswith("接尾辞") and tok.tag.endswith("副詞可能") and re.fullmatch(r"[\u3041-\u309F]+", tok.text):
        return False  # 波瀬市|とも: the particle とも, tagged a suffix
    if tok.tag.startswith(("名詞", "接頭辞", "接尾辞")):
        return tok.tag != "名詞-普通名詞-副詞可能" or tok.text in ("本部",)
    return tok.text in lexicons.legal_form_texts()


def _fragments_before(tokens: list[Token], k: int) -> int:
    """The index where a name that the tokenizer cut into one-ideograph pieces starts, for a name
    word at ``tokens[k]``: back over the adjacent one-ideograph tokens (at most four) when one
    of them is read as a particle or another non-noun (瀬|之|浦市), else ``k``."""
    first = k
    while first > 0 and k - first < 4:
        tok = tokens[first - 1]
        if len(tok.text) != 1 or tok.end != tokens[first].start or not _PLACE_NAME_CHAR.fullmatch(tok.text):
            break
        first -= 1
    return first if any(not _is_nominal(t) for t in tokens[first:k]) else k


def _name_fragment(tok: Token, current: list[Token]) -> bool:
    """A one-ideograph token right after another, both pieces of a name the tokenizer does not
    know (瀬|之|浦市: 之 read as a particle)."""
    return bool(current) and len(tok.text) == 1 and len(current[-1].text) == 1 \
        and current[-1].end == tok.start and bool(_PLACE_NAME_CHAR.fullmatch(tok.text)) \
        and bool(_PLACE_NAME_CHAR.fullmatch(current[-1].text))


_ENUMERATOR = re.compile(r"[\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]+")


def noun_chunks(tokens: tuple[Token, ...], text: str) -> list[list[Token]]:
    """Maximal runs of nominal tokens (connectors such as ・ and - allowed inside); a space
    breaks a run except between Latin words."""
    chunks: list[list[Token]] = []
    current: list[Token] = []
    for tok in tokens:
        if not current and _ENUMERATOR.fullmatch(tok.text):
            continue  # ②みさき低温物流の…: the item's number, tagged a numeral noun
        ok = _is_nominal(tok) or (tok.text in _CONNECTORS and current) or _name_fragment(tok, current)
        if ok and current:
            gap = text[current[-1].end:tok.start]
            if gap and not (gap == " " and _latin(current[-1].text) and _latin(tok.text)):
                ok = False
                chunks.append(current)
                current = []
                if _is_nominal(tok) and not _ENUMERATOR.fullmatch(tok.text):
                    current = [tok]
                continue
        if ok:
            current.append(tok)
        else:
            if current:
                chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    # a run never ends on a connector
    out = []
    for c in chunks:
        while c and c[-1].text in _CONNECTORS:
            c = c[:-1]
        if c:
            out.append(c)
    return out


def _split_after_people(chunks: list[list[Token]], full_names: list[tuple[int, int]]) -> list[list[Token]]:
    """伊野本孝一|ら高校, 太田耐造|司法省刑事局, フランク・ノックス|海軍長官, 蔣介石|国民党総裁: a
    person's full name (``_full_names_of_people``) ends the run of nouns, so that no body's name
    takes in the person standing before it."""
    ends = {end for _, end in full_names}
    out = []
    for chunk in chunks:
        k = 0
        for i, tok in enumerate(chunk[:-1]):
            if tok.end in ends:
                out.append(chunk[k:i + 1])
                k = i + 1
        out.append(chunk[k:])
    return out


def _full_names_of_people(analysis: Analysis, known_people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans prextract's NER reads as a person where the dictionaries spell a full name: a family
    and a given name, katakana name words joined by ・ (or a ・-name GiNZA also reads as a person
    with the same bounds), a name JMnedict knows as a person's (金正恩), or one UniDic word that is
    a person's whole name (蔣介石). The NER must confirm it, but for the dictionaries' own full
    names, and must not read a body over it."""
    bodies = [e for e in analysis.entities if e.label == "prx:ORGANIZATION"]
    known = set(known_people)
    out = []
    for ent in analysis.entities:
        if ent.label != "prx:PERSON" or any(b.start < ent.end and ent.start < b.end for b in bodies):
            continue
        words = [t for t in analysis.tokens_in(ent.start, ent.end) if t.text not in _CONNECTORS]
        one_name_word = len(words) == 1 and words[0].tag.endswith("人名-一般") and len(ent.text) >= 3 \
            and (words[0].start, words[0].end) == (ent.start, ent.end)
        if one_name_word or (ent.start, ent.end) in known:
            out.append((ent.start, ent.end))
            continue
        if not ent.confirmed:
            continue
        kinds = person_name_parts(words)
        if len(words) >= 2 and ({"姓", "名"} <= kinds or (_KATAKANA_NAME.fullmatch(ent.text) and (
                ginza_reads_person(analysis, ent.start, ent.end) or all(t.is_person_name for t in words)))):
            out.append((ent.start, ent.end))
    return out


def _split_at_dots(chunk: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for tok in chunk:
        if tok.text in ("・", "･"):
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _latin(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9&.'’-]+", s))


def _from_chunk(chunk: list[Token], text: str, title_starts: set[int], bodies: set[tuple[int, int]] = frozenset(),
                *, in_list: bool = False) -> list[OrgMention]:
    parts = _split_at_dots(chunk) if not in_list else [chunk]
    if len(parts) > 1:
        found = [_from_chunk(p, text, title_starts, in_list=True) for p in parts]
        # a part is a body by its own form (a suffix), as a place, or as an NER reads it (海軍・郵政庁)
        listed = sum(1 for f, p in zip(found, parts)
                     if f or _is_place_name(text[p[0].start:p[-1].end], p) or (p[0].start, p[-1].end) in bodies)
        if listed >= 2:  # a list of bodies, not one name with ・ inside
            return [m for f in found for m in f]
    out: list[OrgMention] = []
    start = chunk[0].start
    # cut the chunk at the first title that starts inside it (三井不動産|取締役常務執行役員)
    cut = len(chunk)
    for k, tok in enumerate(chunk):
        if k > 0 and tok.start in title_starts:
            cut = k
            break
    head = chunk[:cut]
    while len(head) > 1 and head[-1].text in _RELATION_WORDS:
        head = head[:-1]
    lead = 0
    while lead < len(head) - 1 and _COUNT_WORD.fullmatch(head[lead].text):
        lead += 1
    if lead and not _COUNT_WORD.fullmatch(head[lead].text):
        head = head[lead:]              # 令和7年第4回|鷹ノ原市議会: a date or a count before the name
        start = head[0].start
    if not head:
        return out
    end = head[-1].end
    span_text = text[start:end]
    # 日本貿易振興機構（ジェトロ）: a dictionary word that holds its own short name in brackets; the
    # bracket is the alias, read after the name
    bracket = re.search(r"[（(]", span_text)
    if bracket and bracket.start() > 0 and span_text.endswith(("）", ")")) and \
            not lexicons.legal_form_pattern().search(span_text[bracket.start():]):   # 東海ガス（株）
        end = start + bracket.start()
        span_text = text[start:end]
    # legal form at either end
    legal = _legal_form_match(span_text)
    if legal:
        out.append(OrgMention(start, end, span_text, legal, "legal"))
        return out
    # an organisation suffix ending at a token boundary: the rightmost one wins
    for k in range(len(head) - 1, -1, -1):
        sub_end = head[k].end
        sub = text[start:sub_end]
        m = lexicons.org_suffix_pattern().search(sub)
        if m and start + m.start() > head[k].start and "サ変" in head[k].tag:
            continue  # the suffix is the end of a verbal noun (環境庁|入庁, 本社|入社), not of a name
        if m and m.start() > 0 and _is_place_name(sub, head[:k + 1]):
            break  # prefectures and cities are bodies only when they act: see _from_places
        if m and m.start() > 0:
            stem = sub[:m.start()]
            stem_toks = [t for t in head[:k + 1] if t.end <= start + m.start()]
            weak = m.group() in lexicons.weak_org_suffixes() and not _kana_name_at_boundary(stem, text, start)
            weak = weak or _splits_a_word(head[:k + 1], start + m.start(), start + m.end())
            # in a list of bodies (東雲市・東雲信用金庫) the list itself says these are names
            # a proper noun of the dictionary that ends in the suffix is a name (東京証券取引所), where
            # no NER reads a body of other bounds there
            whole_proper = head[k].start < start + m.start() and head[k].tag.startswith("名詞-固有名詞") \
                and "地名" not in head[k].tag and not head[k].is_person_name \
                and not any(s < head[-1].end and start < e for s, e in bodies)
            if weak and not in_list and not _has_proper(stem_toks) and not whole_proper:
                continue  # 冷凍食品, 温室効果ガス, カスタマーサポートセンター: a category, not a name
            # a hiragana name only where the suffix ends the chunk (not ものづくり|省|エネ大賞)
            named = _has_name(stem, head[:k + 1]) or k == len(head) - 1 and _hiragana_name(stem, head[:k + 1])
            if re.fullmatch(r"[\u4E00-\u9FFF]+・", stem) and m.group() in lexicons.org_generic_words():
                named = False   # 市民・大学・行政: a list of kinds of people and bodies, no name
            if named and sub not in lexicons.org_generic_words():
                out.append(OrgMention(start, sub_end, sub, lexicons.org_suffixes()[m.group()], "suffix"))
                return out
    # a proper noun right before a title: 三井不動産 + 取締役; not the 元 of 元社長 or the 人 of
    # アルゼンチン人選手
    while head and head[0].text in _FORMER | _CONNECTORS:
        head = head[1:]
    while head and (head[-1].text in _FORMER | _CONNECTORS | {"人"}):
        if head[-1].text == "人":
            return out
        head = head[:-1]
    if not head:
        return out
    start, end = head[0].start, head[-1].end
    ordinal = _GENERATION.search(text, start, end)
    if ordinal and ordinal.start() > start:
        end = ordinal.start()   # 北辰|第3代社長: the generation counts the post's holders
    ordinal = next((g for g in _GENERATION_AT.finditer(text, max(0, start - 5), end) if g.start() <= start < g.end()), None)
    if ordinal and ordinal.end() < end:
        start = ordinal.end()   # 第4代|北洋鉄道総裁: so it does before the body
    span_text = text[start:end]
    if cut < len(chunk) and any(t.tag.startswith("名詞-固有名詞") and "人名" not in t.tag for t in head):
        if not all("地名" in t.tag for t in head) and span_text not in lexicons.org_generic_words():
            out.append(OrgMention(start, end, span_text, "company", "title_prefix"))
    return out


def _has_proper(toks: Iterable[Token]) -> bool:
    """A proper noun (not a bare place word) or a Latin word among the tokens: the mark of a name."""
    return any((t.tag.startswith("名詞-固有名詞")) or re.fullmatch(r"[A-Za-z][A-Za-z0-9&.'-]*", t.text)
               for t in toks)


def _is_place_name(name: str, toks: list[Token]) -> bool:
    if not _PLACE_NAME.fullmatch(name):
        return False
    if len(toks) > 1 and toks[-1].text in _PLACE_SUFFIX_WORDS:
        toks = toks[:-1]  # 東雲|市: the place's name, then its level
    # 若葉|川|市: a place word and one-ideograph pieces the tokenizer split off it
    return name in lexicons.prefectures() or all("地名" in t.tag for t in toks) or (
        "地名" in toks[0].tag and all(len(t.text) == 1 for t in toks[1:]))


_PLACE_SUFFIX_WORDS = frozenset("都道府県市区町村")


def _kana_name_at_boundary(stem: str, text: str, start: int) -> bool:
    """（みなと法律事務所, a line that starts さくら通り法律事務所: a hiragana name where a name
    may begin (a category word would be written in kanji or follow another word)."""
    head = _hiragana_run_start(text, start)     # 「あ|さなぎ沿岸…センター: the tokenizer may leave a kana out
    return bool(re.match(r"[\u3041-\u309F]{2}", text[head:start] + stem)) and (head == 0 or text[head - 1] in _HARD_BOUNDARY)


def _has_name(stem: str, toks: list[Token]) -> bool:
    """The part before a suffix names something: a proper noun, katakana/Latin, or 2+ kanji."""
    stem = stem.strip("・ー-")
    if not stem or stem in lexicons.org_generic_words():
        return False
    if all(p in lexicons.org_suffixes() or _COUNT_OF_UNITS.fullmatch(p) for p in stem.split("・") if p):
        return False  # 学部・研究科, 5学部・6研究科, 計11社・1大学: kinds and counts of bodies, no name
    if stem[0] in "同当本各両全他諸" and len(stem) <= 2:
        return False
    if any(t.tag.startswith("名詞-固有名詞") for t in toks):
        return True
    if re.search(r"[\u30A0-\u30FFA-Za-z]", stem):
        return True
    return len(re.findall(r"[\u4E00-\u9FFF]", stem)) >= 2


def _hiragana_name(stem: str, toks: list[Token]) -> bool:
    """みなと|法律事務所, さくら通り|法律事務所: a name that starts with a hiragana word (a noun of
    its own, not a particle or adverb the chunk starts with) and is made of nouns."""
    head = [t for t in toks if t.start < toks[0].start + len(stem)]
    return bool(re.match(r"[\u3041-\u309F]{2}", stem)) and "".join(t.text for t in head) == stem and \
        head[0].tag.startswith("名詞-普通名詞-一般") and re.fullmatch(r"[\u3041-\u309F]{2,}", head[0].text) is not None \
        and all(t.tag.startswith("名詞") for t in head)


@lru_cache(maxsize=1)
def _legal_form_positions() -> dict[str, str]:
    return {r["form"]: r["position"] for r in lexicons.legal_forms()}


def _legal_form_match(span_text: str) -> str | None:
    for m in lexicons.legal_form_pattern().finditer(span_text):
        if re.match(r"[A-Za-z]", m.group()) and (_ascii_alnum(span_text, m.start() - 1) or _ascii_alnum(span_text, m.end())):
            continue  # AS in NASA, SE in SEGA: letters of a word, not a legal form
        if re.match(r"[A-Za-z]", m.group()) and _legal_form_positions().get(m.group()) == "suffix" \
                and span_text[m.end():].strip(" .,"):
            continue  # PLC|アダプタ製品: a Latin form closes a name, it opens none
        rest = (span_text[:m.start()] + span_text[m.end():]).strip(" ・")
        if rest and not _NOT_A_NAME_REST.fullmatch(rest):
            return lexicons.legal_form_kind(m.group()) or "company"
    return None


_NAME_PART_TAGS = ("名詞", "接頭辞", "接尾辞", "記号", "補助記号-一般")
_NAME_GLUE = set("・=＝-－")


def _from_known_names(analysis: Analysis) -> list[OrgMention]:
    """Companies and organisations JMnedict knows, whole tokens (セガ, エールフランス, 日本たばこ産業):
    names the text gives no legal form or suffix for."""
    text = analysis.text
    out = []
    runs: list[list[tuple[int, int]]] = [[]]
    for t in analysis.tokens:  # names are made of nouns, affixes and symbols (・, ＆), not particles or verbs
        if t.tag.startswith(_NAME_PART_TAGS) and (not runs[-1] or runs[-1][-1][1] == t.start):
            runs[-1].append((t.start, t.end))
        elif t.tag.startswith(_NAME_PART_TAGS):
            runs.append([(t.start, t.end)])
        elif runs[-1]:
            runs.append([])
    for start, end, mask in gazetteer.known_org_spans(text, runs):
        name = text[start:end]
        if _latin(name) and _latin_neighbour(text, start, end):
            continue
        if text[start - 1:start] in _NAME_GLUE or text[end:end + 1] in _NAME_GLUE or _compound_goes_on(analysis, end):
            continue  # part of a longer name or compound (ルイス・シボレー, ヤマハ・ライト…, アタリショック)
        toks = analysis.tokens_in(start, end)
        if len(toks) == 1 and not toks[0].tag.startswith("名詞-固有名詞"):
            continue  # a word that is also a company's name (レベル, サーブ)
        kind = _kind_from_name(name) or ("company" if mask & gazetteer.COMPANY else "other")
        out.append(OrgMention(start, end, name, kind, "dictionary"))
    return out


def _ascii_alnum(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()


# -- other signals ---------------------------------------------------------------------------------

_NAME_RUN = r"[\u3040-\u309F\u30A0-\u30FF\u4E00-\u9FFF々A-Za-z0-9・ー&＆]"


# words that join two names (株式会社蒼嶺モビリティ及び北浦工科大学): a name ends before them
_CONJUNCTIONS = "(?:及び|および|並びに|ならびに|又は|または)"


# particles of two kana and verb endings, which no name holds (株式会社タミヤ|よりリリースされている…)
_VERBAL_STOPS = "(?:より|から|まで|など|さ[れせ]|し[たてま]|する)"


@lru_cache(maxsize=1)
def _legal_prefix_regex() -> re.Pattern[str]:
    forms = sorted((r["form"] for r in lexicons.legal_forms()
                    if r["position"] in ("prefix", "either") and not re.search(r"[A-Za-z]", r["form"])),
                   key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    # the name runs to the first particle-like stop; used where the tokenizer cut a name that
    # holds hiragana (株式会社よつば製菓 -> 株式会社|よ|つば製菓)
    return re.compile(rf"(?<![\u30A0-\u30FF\u4E00-\u9FFFA-Za-z0-9])(?:{alternation})\s?(?![はがとのをにもへでや及])({_NAME_RUN}+?)(?=[はがとのをにもへでや]|{_CONJUNCTIONS}|{_VERBAL_STOPS}|[、。，．（(「」）)\s:：]|$)")


@lru_cache(maxsize=1)
def _association_name_regex() -> re.Pattern[str]:
    forms = sorted((r["form"] for r in lexicons.legal_forms()
                    if r["kind"] == "association" and r["position"] in ("prefix", "either")), key=len, reverse=True)
    heads = "会|協会|連合会|協議会|基金|財団|機構|センター|クラブ|ネットワーク|フォーラム"
    # the name may hold particles (日本の森を守る会, びわ湖エネルギー市民の会): it runs to the
    # first association head that a particle, a bracket or punctuation follows
    return re.compile(rf"(?:{'|'.join(map(re.escape, forms))})\s?([^、。，．（(「」）)\s]{{1,30}}?(?:{heads}))"
                      rf"(?=[はがとのをにもへでや]|[、。，．（(「」）)\s:：]|$)")


def _from_association_prefix_text(text: str) -> list[OrgMention]:
    """Associations whose names hold particles, after their legal form (NPO法人…市民の会)."""
    out = []
    for m in _association_name_regex().finditer(text):
        if re.search(r"[のをがとに]", m.group(1)):
            out.append(OrgMention(m.start(), m.end(), m.group(), "association", "legal"))
    return out


def _from_legal_prefix_text(text: str) -> list[OrgMention]:
    out = []
    for m in _legal_prefix_regex().finditer(text):
        if re.search(r"[\u3040-\u309F]", m.group(1)) and not _NOT_A_NAME_REST.fullmatch(m.group(1)):
            kind = lexicons.legal_form_kind(text[m.start():m.start(1)].strip()) or "company"
            out.append(OrgMention(m.start(), m.end(), m.group(), kind, "legal"))
    return out


def _from_lexicon(analysis: Analysis) -> list[OrgMention]:
    """Names of org_lexicon.tsv where they are whole words, not the head of a longer compound
    (連合 in 連合国軍, NHK in NHK紅白歌合戦, 国際オリンピック委員会 in …委員会総会)."""
    text = analysis.text
    out = []
    for name, (kind, aliases) in lexicons.known_orgs().items():
        for form in (name,) + aliases:
            # str.find, not re.finditer: hundreds of forms would churn re's cache of compiled
            # patterns and recompile every one of them for every text
            start = text.find(form)
            while start >= 0:
                end = start + len(form)
                if not (_latin(form) and _latin_neighbour(text, start, end)) \
                        and _on_token_bounds(analysis, start, end) and not _compound_goes_on(analysis, end):
                    out.append(OrgMention(start, end, form, kind, "lexicon"))
                start = text.find(form, end)
    return out


def _on_token_bounds(analysis: Analysis, start: int, end: int) -> bool:
    toks = analysis.tokens_in(start, end)
    return bool(toks) and toks[0].start == start and toks[-1].end == end


def _latin_neighbour(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()) or \
        (end < len(text) and text[end].isascii() and text[end].isalnum())


@lru_cache(maxsize=1)
def _latin_legal_regex() -> re.Pattern[str]:
    forms = sorted((r["form"] for r in lexicons.legal_forms() if re.match(r"[A-Za-z]", r["form"])),
                   key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace("\\ ", "\\s?") for f in forms)
    # Tokiwa Precision (Thailand) Co., Ltd.: a country or region in brackets before the form; the
    # form may be written in capitals (USAMI PLASTICS VIETNAM CO., LTD.)
    return re.compile(rf"{_LATIN_NAME.pattern[:-len(_LATIN_END)]}(?:\s?\([A-Z][A-Za-z .&'-]*\))?,?\s(?i:{alternation})"
                      r"(?![A-Za-z])")


def _from_latin(text: str) -> list[OrgMention]:
    out = [OrgMention(m.start(), m.end(), m.group(), "company", "legal") for m in _latin_legal_regex().finditer(text)]
    stop = lexicons.latin_stopwords()
    for m in _LATIN_NAME.finditer(text):
        name = m.group()
        if name.casefold() in stop or _FILE_NAME.search(name) or len(name) < 3:
            continue
        if all(w.casefold() in stop for w in name.split()):
            continue
        after = text[m.end():m.end() + 40]
        before = text[max(0, m.start() - 12):m.start()]
        org_like = bool(_LATIN_ORG_WORDS.search(name))
        bracket = re.match(r"\s*[（(]([^）)]{1,40})[）)]", after)
        if bracket and (_ORG_HEADS.search(bracket.group(1)) or re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", bracket.group(1))
                        or re.match(r"(?:本部|本社|所在地|本拠地?)[：:]", bracket.group(1))):
            org_like = True  # …（本部：ノルウェー王国ベルゲン市、以下「BFMC」）: where a body sits
        # 海事産業クラスターであるBlue Fjord Maritime Cluster: an apposition to a body word
        if _ORG_HEADS.search(before[-9:]) and re.search(
                r"(?:団体|企業|会社|機関|組織|財団|協会|大学|ファンド|クラスター|コンソーシアム)(?:である)?$", before):
            org_like = True
        if org_like:
            out.append(OrgMention(m.start(), m.end(), name, "other", "latin"))
    return out


_FOREIGN_WORD = re.compile(r"[\u30A1-\u30FAー・=＝A-Za-z0-9&.'’-]+")


# 北星運輸（札幌市）, クロスリンク・テクノロジーズ（東京・港）: the press names a company with the
# place of its head office in brackets; the name runs back to a particle or punctuation
@lru_cache(maxsize=1)
def _headquarters_pattern() -> re.Pattern[str]:
    cities = lexicons.alternation(lexicons.head_office_cities())
    return re.compile(
        r"(?:(?<=[のとはが、。「（\n\u3000 ・])|^)(?P<name>(?!・)[\u30A0-\u30FF\u4E00-\u9FFFA-Za-z0-9＆&]{2,24})"
        rf"[（(](?P<place>(?:{cities})・[\u4E00-\u9FFF]{{1,4}}|[\u4E00-\u9FFF]{{1,6}}[都道府県市区町村])[）)]", re.M)


# ホテルグランヴェール東京（東京都港区）にて表彰式を: the place of an event, not a body
_VENUE_AFTER = re.compile(r"にて|で(?:開催|開く|開かれ|行|実施)")


def _past_place_bracket(text: str, pos: int) -> int:
    """Past a bracket right at ``pos`` that gives a place (（横浜市中区）), else ``pos``."""
    m = re.match(r"[（(][^（）()]{1,20}[都道府県市区町村][^（）()]{0,12}[）)]", text[pos:pos + 36])
    return pos + m.end() if m else pos


def _from_headquarters_bracket(analysis: Analysis) -> list[OrgMention]:
    """A name right before its head office's place in brackets, the news's way of introducing a
    company; the name must hold more than a place (長岡（新潟県） is a town's gloss)."""
    out = []
    for m in _headquarters_pattern().finditer(analysis.text):
        name = m.group("name")
        toks = analysis.tokens_in(m.start("name"), m.end("name"))
        if re.search(r"[都道府県市区町村]$", name) or name in lexicons.org_generic_words() or \
                lexicons.org_generic_heads().search(name) or \
                all("地名" in t.tag for t in toks) or any(
                    e.label in PLACE_LABELS and e.start == m.start("name") and e.end == m.end("name")
                    for e in analysis.entities) or _VENUE_AFTER.match(analysis.text, m.end()):
            continue
        out.append(OrgMention(m.start("name"), m.end("name"), name, kind_of(name, "company"), "news_hq"))
    return out


def _from_foreign_sha(analysis: Analysis) -> list[OrgMention]:
    """ヘンリー・シュミット社, 仏ルノー社, 米OpenAI社: a katakana or Latin name and 社 as a word of
    its own is a company (the press's way of writing foreign ones; 本社, 3社 are other words)."""
    out = []
    tokens = analysis.tokens
    for k, tok in enumerate(tokens):
        if tok.text != "社" or k == 0:
            continue
        first = k
        while first > 0 and _FOREIGN_WORD.fullmatch(tokens[first - 1].text) and (
                tokens[first - 1].end == tokens[first].start  # or Latin words a space apart
                or analysis.text[tokens[first - 1].end:tokens[first].start] == " " and _latin(tokens[first - 1].text)):
            if tokens[first - 1].text in _CONNECTORS and first > 1 and "地名" in tokens[first - 2].tag:
                break  # ドイツ・|ダイムラー社: the country, then the name
            first -= 1
        while first < k and tokens[first].text in _CONNECTORS:
            first += 1
        start = tokens[first].start if first < k else tok.start
        # after a country word a Latin name is the one written elsewhere without 社 (米国Bellwood
        # Therapeutics社 -> Bellwood Therapeutics), as in _from_entities; BSA社 stays
        country = _country_before_latin().search(analysis.text, max(0, start - 4), start + 1)
        end = tok.start if country and country.end() == start and _latin(
            analysis.text[start:tok.start].replace(" ", "")) else tok.end
        name = analysis.text[start:end]
        if len(name) >= 3 and re.search(r"[\u30A1-\u30FAA-Za-z]", name) and not re.fullmatch(r"[0-9０-９]+社", name):
            # its own source: an alias written the same way (以下「アクアセンス」) wins over it
            out.append(OrgMention(start, end, name, "company", "foreign_sha"))
    return out


def _from_entities(analysis: Analysis, title_spans: list[tuple[int, int]],
                   chunks: list[list[Token]], bodies: set[tuple[int, int]],
                   people: list[tuple[int, int]], full_names: list[tuple[int, int]]) -> list[OrgMention]:
    """NER bodies; ``people``: the spans JMnedict knows as persons' names, ``full_names``: those
    of ``_full_names_of_people``."""
    out = []
    text = analysis.text
    chunk_of = {t.start: c for c in chunks for t in c}
    body_ends = {end for _, end in bodies}
    name_end_at = dict(full_names)
    for ent in analysis.entities:
        kind = ORG_LABELS.get(ent.label)
        if kind is None:
            continue
        source = "prx" if ent.label.startswith("prx:") else "ner"
        if source == "prx" and not trusted_prx_org(ent, analysis):
            continue
        if any(s <= ent.start and ent.end <= e for s, e in people) \
                and not _named_by_its_end(ent.text, analysis.tokens_in(ent.start, ent.end)):
            continue        # 三井 of 三井高利, 井深大: a name the dictionary knows as a person's, no sign of a body
        if INITIALS_NAME.fullmatch(ent.text):
            continue        # S・K・チャタジー: a person's name
        start, end = ent.start, ent.end
        if source == "ner" and start < name_end_at.get(start, start) < end:
            start = name_end_at[start]   # 黄基鉄|海軍参謀総長: GiNZA's body starts after the person before it
        # GiNZA often starts a name one word late (共栄会 for マルトク共栄会): take in the
        # katakana, Latin or proper-noun words of the same noun chunk right before it
        chunk = chunk_of.get(start)
        if chunk is not None and source == "ner":  # the trained NER draws its own bounds (Jリーグ・|FC東京)
            k = next(i for i, t in enumerate(chunk) if t.start == start)
            k = _fragments_before(chunk, k)
            # not over a ・ after another body (ソニー・|パナソニック: a list)
            while k > 0 and _name_like(chunk[k - 1]) and not (
                    chunk[k - 1].text in _CONNECTORS and chunk[k - 1].start in body_ends):
                k -= 1
            while chunk[k].text in _CONNECTORS and chunk[k].start < start:
                k += 1  # 離党・民主党入り: a name never starts with ・
            start = chunk[k].start
        country = _country_before_latin().match(text, start)
        if country and country.end() < end:
            start = country.end()
            if text[end - 1] == "社" and re.fullmatch(r"[A-Za-z][A-Za-z0-9&.,' -]+", text[start:end - 1]):
                end -= 1  # 米国Bellwood Therapeutics社: the Latin name, as the text names it elsewhere
        # a title glued to the end (…株式会社代表取締役社長) is not part of the name
        for ts, te in title_spans:
            if start < ts < end:
                end = ts
                break
        if any(ts == end for ts, _ in title_spans) and end - 1 > start and text[end - 1] in _FORMER:
            end -= 1  # 大隅新|センター長: the word of time belongs to the post
        while end > start and text[end - 1] in " \u3000\t":
            end -= 1
        name = text[start:end]
        if not name or _BAD_INSIDE.search(name) or (_is_place_body_name(name) and not _long_suffix(name)):
            continue  # prefectures and cities are bodies only when they act: see _from_places
        out.append(OrgMention(start, end, name, _kind_from_name(name) or kind, source))
    return out


def trusted_prx_org(ent: Entity, analysis: Analysis) -> bool:
    """Whether a span of the trained NER (Wikipedia-trained) is taken as an organisation: where
    GiNZA also sees a body there, or where the span reads as a body's name by itself (a legal
    form or an organisation suffix ends it, an acronym that acts, the ensemble confirms it, or,
    unless a noun continues the compound, it is a proper name of proper nouns and katakana),
    never in a product's or price's context or alone in 「」. On its own the model
    reads too many release words (製品名, 価格, 体験会) as organisations."""
    if _place_of_origin(ent, analysis) or _latin_spelling_of_name(ent, analysis.text) \
            or (not ent.confirmed and _part_of_a_dotted_name(ent, analysis)):
        return False
    if any(e.start < ent.end and ent.start < e.end and e.label in ORG_LABELS
           and not e.label.startswith("prx:") for e in analysis.entities):
        return True
    toks = analysis.tokens_in(ent.start, ent.end)
    text = analysis.text
    if not toks or _PRODUCT_AFTER.match(text, ent.end) or _names_an_event(ent.text):
        return False
    if _named_by_its_end(ent.text, toks):
        return True
    # a name in brackets is a product's or a work's title (「TH-Vision」, 「火星のオデッセイ」) unless
    # the word before says a body is named (制作会社「…」, NGO「…」)
    if text[ent.start - 1:ent.start] in "「『" and text[ent.end:ent.end + 1] in "」』" and ent.start > 0 \
            and not _ORG_HEADS.search(text[max(0, ent.start - 7):ent.start - 1]):
        return False
    # an acronym that acts (IPICは, LKABが): a body; a Latin word elsewhere is a product or technique
    if _ACTING_ACRONYM.fullmatch(ent.text) and _ACTOR_AFTER.match(text, ent.end):
        return True
    # not a list of common words (製鉄・化学・エネルギー関連) nor a professor's field (教授（農業水利学）)
    if _list_of_common_words(ent.text, toks) or _field_of_study(ent, text):
        return False
    # where the ensemble confirms a body (NBA, 大倉組, 第17軍, 天満屋|女子陸上部, 空軍|大佐) its
    # precision is high enough to stand without a sign in the name (models/ner/README.md)
    if ent.confirmed:
        return True
    # otherwise a noun glued after makes the span a modifier: a body owns or qualifies the noun
    # (東宝|映画, 大林組|傘下)
    if _compound_goes_on(analysis, ent.end):
        return False
    # a majority of the ensemble (not all of it): a proper name, or words that are not all common
    # ones the dictionary knows (クラヴィンケル染色, 第12狙撃師団, 民政党山形県連, Nordhafen Logistik); not
    # one Latin word, which in releases is a product or a technique (TOB, LTE-M), nor a bracket's or
    # a number's piece
    return (_proper_name(toks) or named_in_own_words(toks, frozenset(_CONNECTORS), latin_phrase=True)) \
        and not _first_name_first(ent, toks, analysis)


# エリカ・ショーストレム（Erika Sjöström）: a katakana name spelt out in Latin letters in brackets
# (the katakana side: _LATIN_PERSON_AFTER in _plausible)
_KATAKANA_NAME_BRACKET = re.compile(_KATAKANA_NAME.pattern + r"[（(]$")


def _latin_spelling_of_name(ent: Entity, text: str) -> bool:
    """A Latin span in brackets right after a katakana name of as many parts spells that name."""
    before = _KATAKANA_NAME_BRACKET.search(text, max(0, ent.start - 40), ent.start)
    return before is not None and bool(re.fullmatch(r"[A-Za-zÀ-ɏ.'’ -]+", ent.text)) \
        and len(ent.text.split()) == before.group().count("・") + 1


def _part_of_a_dotted_name(ent: Entity, analysis: Analysis) -> bool:
    """A katakana span that is a piece of a longer name written with ・: the text elsewhere goes
    on from it with ・ (ライフサイエンス・イノベーション|・ネットワーク・ジャパン), or it ends a person's
    name a NER reads there (エミリー・ハートウェル … ハートウェルは)."""
    if "・" in ent.text and ent.text + "・" in analysis.text:
        return True
    return any(e.label in ("Person", "prx:PERSON") and e.text.endswith("・" + ent.text) for e in analysis.entities)


def _first_name_first(ent: Entity, toks: Sequence[Token], analysis: Analysis) -> bool:
    """A katakana name with ・ that opens with a given name SudachiPy knows, where GiNZA reads a
    person from the same start (ヘンリク・ソールバッケン; not ワーナー・ブラザース): a person's name."""
    return len(toks) >= 3 and toks[1].text == "・" and toks[0].is_person_name \
        and bool(re.fullmatch(r"[\u30A1-\u30FA\u30FC]+", toks[0].text)) \
        and any(e.label == "Person" and e.start == ent.start for e in analysis.entities)


def _list_of_common_words(name: str, toks: Sequence[Token]) -> bool:
    """Words joined by ・ that are all common nouns or suffixes SudachiPy's dictionary knows, some
    of them kanji (no Latin, no numbers): a list of fields or goods, not a name. (Katakana words
    joined by ・ are often a foreign body's name: ウェスタン・デジタル.)"""
    return "・" in name and re.search(r"[\u4E00-\u9FFF]", name) is not None \
        and common_words_only(toks, frozenset(_CONNECTORS))


# 教授（農業水利学）, 准教授（分子生物学）: the bracket after an academic's title gives the field
_FIELD_AFTER_TITLE = re.compile(r"(?:教授|准教授|助教|講師|研究員|博士)[（(]$")


def _field_of_study(ent: Entity, text: str) -> bool:
    return ent.text.endswith("学") and not ent.text.endswith("大学") \
        and bool(_FIELD_AFTER_TITLE.search(text, max(0, ent.start - 4), ent.start))


def _place_of_origin(span: OrgMention | Entity, analysis: Analysis) -> bool:
    """山形|発の食品 (GiNZA: 山形発): a place name before 発 says where a thing comes from; it
    acts as no body."""
    toks = list(analysis.tokens_in(span.start, span.end))
    if toks and toks[-1].text == "発":
        toks, suffix = toks[:-1], toks[-1]
    else:
        suffix = analysis.token_at(span.end)
        if suffix is not None and suffix.start != span.end:
            suffix = None
    return bool(toks) and all("地名" in t.tag for t in toks) and suffix is not None \
        and suffix.text == "発" and suffix.tag.startswith("接尾辞")


def _names_an_event(name: str) -> bool:
    """工場見学会, 新製品発表会, …イノベーション大賞: an event's or an award's word ends the name,
    longer than any organisation suffix that ends it too (日本医学会 is a body: 学会 is both), and
    no legal form is there."""
    head = next((w for w in lexicons.event_heads("event") + lexicons.event_heads("award") if name.endswith(w)), None)
    if head is None or _legal_form_match(name):
        return False
    suffix = lexicons.org_suffix_pattern().search(name)
    return suffix is None or len(suffix.group()) < len(head)


def _compound_goes_on(analysis: Analysis, end: int) -> bool:
    """A noun or suffix glued right after the span (ゼロエミッション|船, BSA社|工場) makes it a modifier
    inside a compound; a title after a body (大倉組|副頭取) does not."""
    after = analysis.token_at(end)
    if after is None or lexicons.title_pattern().match(analysis.text, end):
        return False
    if after.tag.startswith("接尾辞-名詞的"):
        return after.text not in _ACTOR_SUFFIXES
    # a verbal noun after a body makes it the actor (NASA|設立, マッキンゼー|入社), not a modifier
    return after.tag.startswith("名詞-普通名詞-一般")


def _named_by_its_end(name: str, toks: tuple[Token, ...]) -> bool:
    """A legal form, or an organisation suffix after a name (三井化学, 北斗交響楽団, BLW社)."""
    if _legal_form_match(name):
        return True
    m = lexicons.org_suffix_pattern().search(name)
    if m is None or m.start() == 0:
        return False
    # the model has read a body here: any name before the suffix will do, weak suffix or not
    # (救国党, 国際興業); a bare category (冷凍食品) is left to the filters of ``_plausible``
    stem_toks = [t for t in toks if t.end <= toks[0].start + m.start()]
    if _splits_a_word(toks, toks[0].start + m.start(), toks[0].start + m.end()):
        return _has_proper(stem_toks)
    return _has_name(name[:m.start()], stem_toks)


def _splits_a_word(toks: Iterable[Token], start: int, end: int) -> bool:
    """A suffix that starts inside one word and ends in the next (工場見学|会 read as …|学会) is
    one only after a name (日本|医学|会); inside one word it is the word's own end (民主党)."""
    return any(t.start < start < t.end < end for t in toks)


def _proper_name(toks: tuple[Token, ...]) -> bool:
    """Proper nouns and katakana nouns (タカタ, アムトラック, ヴィッセル神戸, RBライプツィヒ); not a place
    alone, not a person's name alone (ロジャーズ, W・エドワーズ・デミング), not Latin words alone
    (in releases those are products and techniques: TH-Vision, LTE-M; Latin bodies come from
    ``_from_latin``), not a short katakana common noun (コク)."""
    words = [t for t in toks if t.text not in _CONNECTORS]
    if not words or all("地名" in t.tag for t in words):
        return False
    if all(t.is_person_name or re.fullmatch(r"[A-Z]\.?", t.text) for t in words):
        return False
    if all(re.fullmatch(r"[A-Za-z0-9&.'’ -]+", t.text) for t in words):
        return False
    for k, t in enumerate(words):
        if t.tag.startswith("名詞-固有名詞"):
            continue
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9&.'’-]*", t.text) and t.tag.startswith("名詞"):
            continue
        if re.fullmatch(r"[\u30A0-\u30FF]{3,}" if k == 0 else r"[\u30A0-\u30FF]{2,}", t.text) and (
                t.tag == "名詞-普通名詞-一般" or (k > 0 and "形状詞" in t.tag)):
            continue
        return False
    return True


def _long_suffix(name: str) -> bool:
    """An organisation suffix of two characters or more ends the name: サザン鉄道 is no place in 道."""
    m = lexicons.org_suffix_pattern().search(name)
    return m is not None and len(m.group()) >= 2


def _name_like(tok: Token) -> bool:
    return tok.tag.startswith("名詞-固有名詞") or bool(re.fullmatch(r"[A-Za-z0-9\u30A0-\u30FF・&-]+", tok.text))


def _from_headline(analysis: Analysis, headline: tuple[int, int]) -> list[OrgMention]:
    """``ファミリーデイズ、…と業務提携`` : a headline opens with its actor's short name and a comma."""
    text = analysis.text
    if text[headline[0]:headline[1]].rstrip().endswith("。"):
        return []  # a sentence, not a headline (a text of one line)
    m = re.match(r"[\s\u3000]*([^、，,\s「」（）()]{2,20})[、，,]", text[headline[0]:headline[1]])
    if m is None:
        return []
    start, end = headline[0] + m.start(1), headline[0] + m.end(1)
    toks = analysis.tokens_in(start, end)
    if not toks or toks[0].start != start or toks[-1].end != end:
        return []
    if not all(_name_like(t) or t.tag.startswith("名詞") for t in toks) or not any(_name_like(t) for t in toks):
        return []
    if any(t.tag.startswith("名詞-数詞") for t in toks):
        return []  # 同年12月、… / 2024年4月、…: a date opens the line, not an actor
    return [OrgMention(start, end, text[start:end], _kind_from_name(text[start:end]) or "company", "headline")]


def _from_places(analysis: Analysis, title_spans: list[tuple[int, int]],
                 chunks: list[list[Token]]) -> list[OrgMention]:
    """Prefectures and municipalities that act as bodies, not addresses."""
    text = analysis.text
    title_starts = {s for s, _ in title_spans}
    spans = {(e.start, e.end) for e in analysis.entities if e.label in PLACE_LABELS}
    # the place that heads an office line (鷲ノ沢市 総務部秘書課) is a body wherever it is named
    office_heads = {re.split(r"[ \u3000]", m.group("office"), maxsplit=1)[0] for m in _office_line().finditer(text)}
    for name in set(lexicons.prefectures()) | office_heads:
        for m in re.finditer(re.escape(name), text):
            spans.add((m.start(), m.end()))
    headed: set[tuple[int, int]] = set()
    for part in (p for chunk in chunks for p in _split_at_dots(chunk)):
        # 東雲市, 南坂町: a name word and a municipality suffix
        name = text[part[0].start:part[-1].end]
        pieces = len(part) <= 3 or _fragments_before(part, len(part) - 1) == 0  # 霧|之|崎|市
        if pieces and _PLACE_NAME.fullmatch(name) and not re.search(r"[0-9０-９]", name) \
                and not all(t.is_person_name for t in part):
            spans.add((part[0].start, part[-1].end))  # not 木村, 中村: surnames ending in 村
        for k in range(1, len(part)):  # a place before its head's title acts: 横浜|市長, 愛知|県知事, 北斗市|長
            prev = part[k - 1]
            # 若葉|川|市|長, 若葉|川|市長: a place name the tokenizer does not know, then the level
            # (a word of its own) or the head's title
            if not any("地名" in t.tag for t in part[:k]):
                continue
            level_after_place = prev.text in ("市", "区", "町", "村") and any("地名" in t.tag for t in part[:k - 1])
            if part[k].text in ("市長", "区長", "町長", "村長", "都知事", "道知事", "府知事", "県知事") and not level_after_place:
                headed.add((part[0].start, part[k].start + 1))
            elif part[k].text == "長" and prev.text[-1] in "市区町村":
                headed.add((part[0].start, prev.end))
    spans |= headed
    headed_ends = {end for _, end in headed}
    spans = {(_place_name_start(analysis, start, end), end) for start, end in spans}
    out = []
    acting_ends: set[int] = set()
    for start, end in sorted(spans, reverse=True):
        name = text[start:end]
        if not re.search(r"(?:都|道|府|県|市|区|町|村)$", name) or len(name) < 2 or name.endswith("地区"):
            continue    # 関西地区: a region of a sales plan, no ward
        if not _prefecture_suffix_fits(name):
            continue
        if _is_address(text, start, end):
            continue
        after = text[end:end + 6]
        # 瀬之浦市（市長：大島誠司）は: the bracket says who heads it; the particle after it decides
        bracket = _BRACKET_AFTER_PLACE.match(text, end)
        acting = bool(_ACTING_AFTER.match(text[bracket.end():bracket.end() + 6])) if bracket else False
        # 桐ヶ谷町（町長：野上 智之）、…: a bracket naming the place's own head makes it a body
        acting = acting or bool(bracket and _HEAD_BRACKET.match(bracket.group()))
        acting = acting or bool(_ACTING_AFTER.match(after)) or bool(
            re.match(r"では[、,]", after) and not name.endswith(("町", "村", "区")))
        if _LIST_OF_BODIES.match(text, end) or _listed_with_a_body(text, end) or _after_a_party_label(text, start):
            acting = True
        # 2019年4月に東雲市、…: a body in a dated list (the list's verb decides; places there are parties)
        if _DATE_SLOT_BEFORE.search(text, max(0, start - 4), start) and re.match(r"\s*[、と]", text[end:end + 2]):
            acting = True
        nxt = end + (len(after) - len(after.lstrip(" \u3000")))
        if nxt in title_starts or end in headed_ends:
            acting = True
        # a list of places ending in an acting one (東雲市、高森市、南坂町と) acts as a whole
        joiner = re.match(r"\s*(?:、|・|および|及び|並びに|ならびに|や)\s*", text[end:end + 8])
        if joiner and any(end + joiner.end() == s for s in acting_ends):
            acting = True
        if acting:
            acting_ends.add(start)
            out.append(OrgMention(start, end, name, "government", "place"))
    # one sense per document: a place that acts once as a body is that body wherever it is
    # named outside an address (2018年8月には川崎市、… after 川崎市および横浜市と)
    acting_names = {m.text for m in out} | office_heads
    taken = {(m.start, m.end) for m in out}
    for start, end in sorted(spans):
        name = text[start:end]
        if name in acting_names and (start, end) not in taken and not _is_address(text, start, end):
            out.append(OrgMention(start, end, name, "government", "place"))
    return out


_PARTY_LABEL = re.compile(r"(?:主催|共催|後援|協賛|特別協力|協力|運営|事務局)[\s\u3000]*[:：][\s\u3000]*"
                          r"(?:[^\n、。:：はがをにで]{1,40}[、・,，][\s\u3000]*)*$")


def _after_a_party_label(text: str, start: int) -> bool:
    """主催：…、後援：東京都、横浜市: a place named under an organiser's or sponsor's label is a body."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_PARTY_LABEL.search(text, line_start, start))


_LIST_ITEM = re.compile(r"[・、]([^、。・\s はがとのをにでもや]{2,30})")


def _listed_with_a_body(text: str, end: int) -> bool:
    """A place first in a list of parties with a body named by its suffix (札幌市・北海道大学と,
    潮見市、北斗商工会議所が): the list acts, so the place does too."""
    items = []
    while (item := _LIST_ITEM.match(text, end)) is not None:
        items.append(item.group(1))
        end = item.end()
    return bool(items) and bool(_ACTING_AFTER.match(text[end:end + 6])) and any(
        _kind_from_name(i) not in (None, "company") or _legal_form_match(i) for i in items)


@lru_cache(maxsize=1)
def _office_line() -> re.Pattern[str]:
    """A line that starts with a prefecture or municipality and its units, spaced as sender and
    contact blocks write them: 岡山県 産業労働部 労働雇用政策課 (the office is one body)."""
    prefectures = "|".join(sorted(map(re.escape, lexicons.prefectures()), key=len, reverse=True))
    unit = r"[^\s\u3000、。（(：:]{1,14}?(?:部|局|課|室|係|班|センター|事務所)"
    # a prefecture the list does not hold (北浦県) is written the same way: any name of 1-5
    # characters, not a word that stands for a body named before (同県, 本市)
    return re.compile(rf"(?m)^[ \t\u3000]*(?P<office>(?:{prefectures}|(?![同本当])[\u4E00-\u9FFF々ヶケノ]{{1,5}}(?:都|府|県|市|区|町|村))"
                      rf"(?:[ \u3000]+{unit}){{1,3}})(?=[ \t\u3000]*(?:[（(]|$))")


#: what a sender line calls the paper after the sender's name (水城市記者発表資料)
RELEASE_PAPER_WORDS = r"(?:(?:記者|報道)?発表資料|報道(?:発表|資料)|記者発表|(?:プレス|ニュース)リリース)"
# 水城市記者発表資料, 北浦県報道発表資料: a sender line of a prefecture or municipality, the
# paper's word glued after its name
_PAPER_OF_A_PLACE = re.compile(r"(?m)^[ \t\u3000]*(?P<office>(?![同本当])[\u4E00-\u9FFF々ヶケノ]{1,5}(?:都|府|県|市|区|町|村))"
                               rf"[ \u3000]*{RELEASE_PAPER_WORDS}[ \t\u3000]*$")


def _from_paper_of_a_place(text: str) -> list[OrgMention]:
    return [OrgMention(m.start("office"), m.end("office"), m.group("office"), "government", "office")
            for m in _PAPER_OF_A_PLACE.finditer(text)]


# 会 社 名　株 式 会 社 金 城 パ ッ ク: a sender block may space out every character of a name
# (one kind of space throughout, so that the spaced label before it stays out)
_LETTER_SPACED = re.compile(r"(?m)(?<=[ \t\u3000])[^\s](?P<sep>[ \u3000])(?:[^\s](?P=sep)){2,}[^\s](?=[ \t\u3000]*$)")


def _from_letter_spaced(text: str) -> list[OrgMention]:
    """A name written one character at a time with a space between, to the end of its line;
    only one with a legal form, so that a spaced label (会 社 名) or heading is none."""
    out = []
    for m in _LETTER_SPACED.finditer(text):
        name = re.sub(r"[ \u3000]", "", m.group())
        form = lexicons.legal_form_pattern().search(name)
        if form is not None and len(name) > len(form.group()) + 1:
            out.append(OrgMention(m.start(), m.end(), m.group(), kind_of(name), "legal"))
    return out


# 「越後うおぬま信用金庫」 / a line 越後うおぬま信用金庫（えちご…）: a name written alone in brackets or on
# its line, with kana inside that the tokenizer reads as words of their own (う|お|ぬま)
_ALONE_NAME = re.compile(r"(?:(?<=[「『])|(?<=^)|(?<=^[ \u3000]))"
                         r"([\u4E00-\u9FFF々]{1,8}[\u3041-\u309F]{2,8}[\u4E00-\u9FFF\u30A1-\u30FFー々]{2,12})"
                         r"(?=[」』]|[ \u3000]*[（(]|[ \u3000]*$)", re.M)


def _from_kana_inside_names(text: str) -> list[OrgMention]:
    """A name alone in 「」 or on its line that ends with a body's suffix and has a run of
    hiragana inside; not a weak suffix, except a company word of three characters or more
    (信用金庫, 製作所), which no common noun ends with."""
    out = []
    for m in _ALONE_NAME.finditer(text):
        name = m.group(1)
        suffix = lexicons.org_suffix_pattern().search(name)
        if suffix is None or suffix.start() < 3 or (
                suffix.group() in lexicons.weak_org_suffixes() and len(suffix.group()) < 3):
            continue
        if not re.search(r"[\u3041-\u309F]", name[:suffix.start()]):
            continue
        out.append(OrgMention(m.start(1), m.end(1), name, lexicons.org_suffixes()[suffix.group()], "suffix"))
    return out


# a name written whole in 「」: the finders below read one that goes on past its body word
_WHOLE_IN_BRACKETS = re.compile(r"「([^「」\s、。（）()]{4,40})」")


def _from_names_with_branch_place(analysis: Analysis) -> list[OrgMention]:
    """A clinic's, hospital's or office's name that ends with the place of its branch after the
    body word, written whole in 「」 or on a name row (すいこう内科クリニック|天神,
    わかば整形外科クリニック|梅田): the suffix finder stops at the body word, where such a name
    goes on. The words after the suffix are place names only, the words before it name the body."""
    text = analysis.text
    spans = [(m.start(1), m.end(1)) for m in _WHOLE_IN_BRACKETS.finditer(text)]
    spans += [(m.start("name"), m.end("name")) for m in _NAME_LABEL_LINE.finditer(text)]
    out = []
    for start, end in spans:
        toks = analysis.tokens_in(start, end)
        if len(toks) < 3 or toks[0].start != start or toks[-1].end != end:
            continue
        for k in range(len(toks) - 2, 0, -1):
            tail = toks[k + 1:]
            if not all("地名" in t.tag for t in tail):
                break
            sub = text[start:toks[k].end]
            suffix = lexicons.org_suffix_pattern().search(sub)
            if suffix is None or suffix.group() in lexicons.weak_org_suffixes() or suffix.start() == 0:
                continue
            stem = sub[:suffix.start()]
            if _has_name(stem, toks[:k + 1]) or re.match(r"[\u3041-\u309F]{2}", stem):
                out.append(OrgMention(start, end, text[start:end], lexicons.org_suffixes()[suffix.group()], "suffix"))
            break
    return out


_FACULTY_WORD = re.compile(r"[\u4E00-\u9FFF]{1,8}(?:学部|研究科|研究院)")


# the katakana before the bracket: katakana words joined by ・ or a space
_KATAKANA_BEFORE_BRACKET = re.compile(r"(?:[\u30A1-\u30FA\u30FC]+[・･\u3000 ]?)*[\u30A1-\u30FA\u30FC]+$")


def _from_original_name_bracket(analysis: Analysis, candidates: list[OrgMention]) -> list[OrgMention]:
    """A katakana name right before a bracket that opens with a Latin name and its legal form
    (ハルツベルク・オプティック（Harzberg Optik GmbH、独イエナ）): the press's way of writing a foreign
    company, its original name given in brackets; ``aliases`` then joins the two."""
    text = analysis.text
    out = []
    for c in candidates:
        if c.source != "legal" or c.start == 0 or text[c.start - 1] not in "（(" \
                or not re.fullmatch(r"[A-Za-z0-9&.,'’ -]+", c.text):
            continue
        m = _KATAKANA_BEFORE_BRACKET.search(text, max(0, c.start - 41), c.start - 1)
        if m is None or len(m.group().replace("・", "")) < 3:
            continue
        toks = analysis.tokens_in(m.start(), m.end())
        if not toks or toks[0].start != m.start() or common_words_only(toks, frozenset(_CONNECTORS)):
            continue  # the whole first word, and a name, not a loanword (メーカー（…GmbH）)
        out.append(OrgMention(m.start(), m.end(), m.group(), "company", "original_name"))
    return out


def _from_university_parts(analysis: Analysis, candidates: list[OrgMention]) -> list[OrgMention]:
    """A faculty the dictionary knows as one word (農学部, 医学部), alone a kind of body, is the
    university's part when the university's own word is glued before it (本学農学部) or its name
    stands a space before it (雪嶺大学 農学部, as lists and signature lines write it);
    ``resolve`` names it after the university."""
    text = analysis.text
    own = set(lexicons.issuer_words())
    university_ends = {c.end for c in candidates if kind_of(c.text, "other") == "university"}
    out = []
    for tok in analysis.tokens:
        if not _FACULTY_WORD.fullmatch(tok.text):
            continue
        before = analysis.tokens[tok.i - 1] if tok.i > 0 else None
        if before is not None and before.end == tok.start and before.text in own:
            out.append(OrgMention(before.start, tok.end, text[before.start:tok.end], "university", "part"))
        elif tok.start >= 1 and text[tok.start - 1] in " \u3000" and tok.start - 1 in university_ends:
            out.append(OrgMention(tok.start, tok.end, tok.text, "university", "part"))
    # 東海農生命大学 発酵食品学研究室: a laboratory a space after the university's own name;
    # 東都芸術大学 デザイン学部: a faculty of words the dictionary reads apart (デザイン|学部)
    found_ends = {o.end for o in out}
    for c in candidates:
        if not c.text.endswith("大学"):
            continue
        m = _PART_AFTER_SPACE.match(text, c.end)
        if m and m.end(1) not in found_ends:
            out.append(OrgMention(m.start(1), m.end(1), m.group(1), "university", "part"))
            found_ends.add(m.end(1))
    return out


# a laboratory, faculty, graduate school or research centre a space after a university's name
_PART_AFTER_SPACE = re.compile(r"[ \u3000]([\u4E00-\u9FFF\u30A1-\u30FFー]{1,16}?研究室"
                               r"|[\u4E00-\u9FFF\u30A1-\u30FFー・]{1,14}?(?:学部|研究科|研究院|学群|研究センター))"
                               r"(?![\u4E00-\u9FFF])")


# 会 社 名　疾風ロジテック株式会社: the value of a name row, the whole of it up to a bracket
_NAME_LABEL_LINE = re.compile(rf"(?m)^[ \t\u3000]*(?:[(（][0-9０-９]{{1,2}}[)）]|[・●■◆◇○□])?[ \t\u3000]*"
                              rf"(?:{lexicons.spaced_words(*lexicons.NAME_LABELS)})[ \t\u3000]*[:：]?[ \t\u3000]*"
                              r"(?P<name>[^\s\u3000（(：:、。]{2,60})[ \t\u3000]*(?=[（(]|$)")


def _is_name_row_value(m: OrgMention, text: str) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    row = _NAME_LABEL_LINE.match(text, line_start)
    return row is not None and row.start("name") == m.start


def _from_name_label_lines(text: str) -> list[OrgMention]:
    """The body a name row names, where a legal form says it is one (a label alone tells no
    name from a product's or a plan's): a name the finders would start late, at a word the
    dictionary knows (疾風|ロジテック株式会社)."""
    out = []
    for m in _NAME_LABEL_LINE.finditer(text):
        kind = _legal_form_match(m.group("name"))
        if kind is not None:
            out.append(OrgMention(m.start("name"), m.end("name"), m.group("name"), kind, "legal"))
    return out


def _from_office_lines(text: str) -> list[OrgMention]:
    return [OrgMention(m.start("office"), m.end("office"), m.group("office"), "government", "office")
            for m in _office_line().finditer(text)]


def _place_name_start(analysis: Analysis, start: int, end: int) -> int:
    """Where a municipality's name really starts (see ``_fragments_before``)."""
    if not re.search(r"(?:市|区|町|村)$", analysis.text[start:end]):
        return start
    first = analysis.token_at(start)
    if first is None or first.i == 0:
        return start
    run = list(analysis.tokens[max(0, first.i - 4):first.i + 1])
    return run[_fragments_before(run, len(run) - 1)].start


def _is_address(text: str, start: int, end: int) -> bool:
    name = text[start:end]
    # two levels in one span (東京都中央区, 山形県鶴岡市) or followed by more address (…町1-2-3, …区日本橋)
    if not name.endswith("県庁") and place_levels(name, lexicons.prefectures()) >= 2:
        return True
    if re.match(r"[\u4E00-\u9FFF]{0,6}(?:区|町|村|市)|[0-9０-９一二三四五六七八九十]+(?:丁目|番|-|－)", text[end:end + 8]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    bracket = max(text.rfind("（", line_start, start), text.rfind("(", line_start, start))
    prefix = text[max(line_start, bracket + 1 if bracket >= 0 else line_start):start]
    if _ADDRESS_LABEL.search(prefix):
        return True
    # a place alone in a bracket after a name says where the body is: 瀬戸内精工株式会社（倉敷市）
    if bracket >= 0 and not text[bracket + 1:start].strip(" \u3000"):
        rest = text[end:text.find("\n", end) if "\n" in text[end:] else len(text)]
        if re.match(r"[\s\u3000]*[）)、]", rest):
            return True
        # （倉敷市　代表取締役社長　三宅 雅人）: the place, then the body's head -> an address
        if re.match(r"[\s\u3000]+\S+[\s\u3000]+[^）)\s]", rest):
            return True
    return False


def _kind_from_name(name: str) -> str | None:
    legal = _legal_form_match(name)
    if legal:
        return legal
    m = lexicons.org_suffix_pattern().search(name)
    if m:
        return lexicons.org_suffixes()[m.group()]
    return None


def kind_of(name: str, fallback: str = "other") -> str:
    if name in lexicons.known_orgs():
        return lexicons.known_orgs()[name][0]
    if re.search(r"(?:都|道|府|県|市|区|町|村)$", name) and (
            name in lexicons.prefectures() or len(name) <= 5):
        return "government"
    return _kind_from_name(name) or fallback


# -- filters ------------------------------------------------------------------------------------------

def _surname_of_a_named_person(name: str, analysis: Analysis, not_before: str = "") -> bool:
    """The name is the surname of a person the text names in full (大隅 千尋 -> 大隅); not a body
    GiNZA read into a person with the post after it (三井不動産取締役). ``not_before``: characters
    that may not follow the surname in the full name (the 市 of 北斗市, which GiNZA calls a person)."""
    if len(name) > 4:
        return False
    rest = rf"[^{not_before}\s]" if not_before else ""
    full = re.compile(re.escape(name) + rf"[ \u3000]?(?={rest})[\u4E00-\u9FFF\u3041-\u309F\u30A1-\u30FA]{{1,4}}")
    return any(e.label in ("Person", "prx:PERSON") and full.fullmatch(e.text.strip()) for e in analysis.entities)


#: 5学部, 計11社, 6: a count of units in a list of counts
_COUNT_OF_UNITS = re.compile(r"[計約]?[0-9０-９]+[\u4E00-\u9FFF]{0,3}")
#: the words of a date or a count (令和, 7, 年, 第, 4, 回)
_COUNT_WORD = re.compile(r"[0-9０-９]+|令和|平成|昭和|大正|明治|第|年|月|日|年度|度|回|期|号|次")
#: 第4回, 4回: a numbered occurrence, which names an event
_NUMBERED_SESSION = re.compile(r"第?[0-9０-９]+回")
#: 入庁, 入社, 入行: the verbal noun of joining a body, glued to the body's name in a career row
_JOINING = re.compile(r"(?:入庁|入社|入行|入省|入所|入局|入職|入団|入会)$")
#: IR課, PR室: a company's department named by a Latin abbreviation
_LATIN_DEPARTMENT = re.compile(r"[A-Za-z]{1,5}(?:課|室|係|班)")


# a copula: the text says what something is (…を前身とする私立薬科大学である)
_PREDICATE_AFTER = re.compile(r"(?:である|であり|であった|だった|だ。|です|でした|の一つ|のひとつ)")


def _described_as_a_kind(m: OrgMention, analysis: Analysis) -> bool:
    """A name of common words only, said after の or a verb and before a copula, where the trained
    NER sees no body, is what a body is (…を前身とする私立薬科大学である, …の日本事務局である): a
    kind of body, not a name."""
    toks = analysis.tokens_in(m.start, m.end)
    if not toks or toks[0].i == 0 or _PREDICATE_AFTER.match(analysis.text, m.end) is None:
        return False
    before = analysis.tokens[toks[0].i - 1]
    # after の or a clause that ends in a verb (…を前身とする|私立薬科大学である)
    return (before.text == "の" or before.tag.startswith(("動詞", "助動詞", "形容詞"))) and before.end == m.start \
        and all(t.tag.startswith(("名詞-普通名詞", "接頭辞", "接尾辞")) for t in toks) \
        and not any(e.label == "prx:ORGANIZATION" and e.start < m.end and m.start < e.end for e in analysis.entities)


def _plausible(m: OrgMention, analysis: Analysis) -> bool:
    name = m.text.strip()
    if "@" in name or "$" in name or name.casefold() in lexicons.latin_stopwords():
        return False
    if name in lexicons.legal_form_texts():
        return False  # PLC, GmbH alone: a legal form names no body
    if name.endswith(("&", "＆", "・")):
        return False  # ニューオーリンズ・ジャズ&|ヘリテッジ…: a piece of a longer name, cut after its joiner
    if _LATIN_DEPARTMENT.fullmatch(name):
        return False  # 広報IR課: a department, not a body
    form = lexicons.legal_form_pattern().match(name)
    if form and name.endswith(("法", "法律")) and len(name) - form.end() <= 4:
        return False  # 国立大学法人法, 独立行政法人通則法: a law
    if name.endswith("庁") and analysis.text[m.end:m.end + 1] == "舎":
        return False  # 鶴沼市役所本庁舎: a building
    if _JOINING.search(name):
        return False  # 栃木県入庁, 当行入行: joining a body, not its name
    if m.source in ("ner", "prx") and (_names_an_event(name) or _NUMBERED_SESSION.match(name)):
        return False  # 4回鷹ノ原市議会定例会: a numbered session, an event
    if m.source in ("prx", "ner", "title_prefix") and _surname_of_a_named_person(name, analysis):
        return False  # 川端主任研究員 after 川端 優斗: the person, not a body
    if m.source == "place" and name[-1] in "市区町村" and analysis.text.startswith("長", m.end) \
            and _surname_of_a_named_person(name[:-1], analysis, not_before=name[-1]):
        return False  # 堀之内市長 after 堀之内正和市長: the mayor by surname, not a city
    text = analysis.text
    if re.match(r"-?[0-9]", text[m.end:m.end + 2]) and re.fullmatch(r"[A-Z]{2,}", name):
        return False  # BWT-207: a product code
    if re.fullmatch(r"[A-Z0-9-]+", name) and sum(c.isdigit() for c in name) >= 4:
        return False  # JP24K01357: a grant or product number
    if _MEDIA.search(name) and _CITED.match(text, m.end):
        return False  # 日本経済新聞によると: a source cited, not a party
    if m.source != "legal" and _KANA_ONLY.fullmatch(name) and text[m.start - 1:m.start] in "（(" \
            and text[m.end:m.end + 1] in "）)":
        return False  # 藤代 まゆみ（ふじしろ まゆみ）: a reading in brackets
    if m.source != "legal" and "・" in name and _KATAKANA_NAME.fullmatch(name) \
            and _LATIN_PERSON_AFTER.match(text, m.end):
        return False  # ヘンリク・ノルダール（Henrik Nordahl）: a foreign person and the spelling of the name
    if m.source in ("ner", "prx", "suffix", "title_prefix") and _is_address_name(name):
        return False
    if m.source in ("ner", "prx", "suffix") and _VENUE_AFTER.match(text, _past_place_bracket(text, m.end)):
        return False  # ホテルミナトベイ横浜（横浜市中区）にて表彰式を: where an event is held, no party
    if _POINTING.match(name) and lexicons.org_suffix_pattern().fullmatch(name, 1):
        return False  # 同省, 同委員会, 本協会: a body named before, not a name (anaphors: org_anaphora.tsv)
    if name.endswith("省") and m.source != "lexicon" and _is_province(analysis.tokens_in(m.start, m.end)):
        return False  # 福建省, 河北省: a province (a ministry's name is common nouns: 外務省, 中国商務省)
    if m.source == "title_prefix" and any(e.start < m.end and m.start < e.end and e.label in ("Person", "prx:PERSON")
                                          for e in analysis.entities):
        return False  # デイヴィッド・リンチ監督, マリ・キュリー教授: a person before the title
    if m.source == "title_prefix" and not any(e.start < m.end and m.start < e.end <= m.end and (
            e.label in ORG_LABELS or e.label == "prx:ORGANIZATION") for e in analysis.entities):
        return False  # 駐ラオス常駐|代表, 女子カーリング|選手: a title alone makes no body of the words
        # before it; an NER must read a body there that ends before the title
    line_start = text.rfind("\n", 0, m.start) + 1
    if (_VENUE_LABEL.search(text[line_start:m.start]) or _VENUE_LINE.match(text, line_start, m.start)) \
            and m.source != "legal":
        return False  # 場所 岡山県庁 3階, 実施場所　本学キャンパス、…ラボ: a venue or an address, not a party
    if any(u.start() < m.end and m.start < u.end() for u in _URL.finditer(text, max(0, line_start), m.end + 200)):
        return False  # www.smart-factory-japan.example.jp, pr@…example.jp: part of an address on the web
    if re.search(r"[^\sA-Za-z][\s\u3000]+[^\sA-Za-z]", name) and (m.source == "ner" or (
            m.source == "prx" and (m.start, m.end) not in _confirmed_org_spans(analysis)
            and not lexicons.legal_form_pattern().match(name))):
        return False  # an NER ran over the spaces of a layout line (岡山県 産業労働部 …, ウ　大学・…)
    if m.source == "ner" and ("・" in name or "、" in name):
        parts = re.split(r"[・、]", name)
        if sum(1 for p in parts if lexicons.org_suffix_pattern().search(p) or _PLACE_NAME.fullmatch(p)) >= 2:
            return False  # a list of bodies read as one
    if len(name) < 2 or name in lexicons.org_generic_words():
        return False
    if _COUNTED.search(name):
        return False  # 奨励賞1社, 協力企業3団体: a count of bodies
    if _DATED_START.match(name):
        return False  # 2002年UFJインターナショナル, 第87回全国高等学校(サッカー選手権大会): a date or an event's number opens it
    if m.source in ("suffix", "ner") and _described_as_a_kind(m, analysis):
        return False  # …を前身とする私立薬科大学である, 最初の附属研究所である: what a body is, not its name
    generic_head = lexicons.org_generic_heads().search(name)
    if m.source in ("ner", "prx", "suffix") and generic_head and not _legal_form_match(name) \
            and not (m.source == "prx" and _named_before_generic_head(m, generic_head, analysis)):
        return False  # ライフサイエンス団体, 医療機器産業; a name before an industry word is kept (日本たばこ産業)
    if m.source in ("ner", "prx", "suffix", "title_prefix") and not _legal_form_match(name):
        toks = analysis.tokens_in(m.start, m.end)
        if len(toks) == 1 and toks[0].start == m.start and toks[0].end == m.end \
                and toks[0].tag.startswith("名詞-普通名詞") and re.fullmatch(r"[\u4E00-\u9FFF]+", name) \
                and lexicons.org_suffix_pattern().search(name, 1) and not name.endswith(("省", "庁")) \
                and not _one_body_by_both_ners(m, analysis) \
                and not (name.endswith("軍") and (m.start, m.end) in _confirmed_org_spans(analysis)):
            return False  # 消防署, 放送局, 公立中学校, 労働組合: one word of the dictionary, a kind of body
            # (a ministry's word names the one body: 文部省; an army the ensemble confirms, one army: 南軍)
        dept = lexicons.department_words().search(name)
        # a department of a city or prefecture is a government office (東雲市企画政策部デジタル戦略課)
        government_office = bool(re.match(r"[^\s]{1,6}?(?:都|道|府|県|市|区|町|村)(?!立)", name)) and dept
        # a university's faculty is a named body of its own (東嶺理科大学生命科学部)
        faculty = bool(dept) and "大学" in name[:dept.start()] and bool(_FACULTY_END.search(name)) \
            and not _POINTING.match(name)  # 同大学経営学部: the university named before, and its part
        # 「あさなぎ沿岸レジリエンス研究センター」（以下「センター」）: a name the text introduces
        # (there or anywhere else in the text)
        introduced = re.search(f"「{re.escape(name)}」[（(]以下", text) is not None
        # ボストン・コンサルティング・グループ: a foreign name written out word by word, the group
        # word its last (a unit's name does not dot its word off: デジタルソリューショングループ)
        foreign_group = bool(dept) and dept.group() == "グループ" and name[dept.start() - 1:dept.start()] == "・" \
            and _KATAKANA_NAME.fullmatch(name) is not None and (m.start, m.end) in _confirmed_org_spans(analysis)
        if dept and not government_office and not faculty and not introduced and not foreign_group \
                and not _named_before(toks, m.start + dept.start(), analysis.text):
            return False  # 広報部, 総務企画部広報課, 第2工場: part of a body, not a body
        if dept and not government_office and not faculty and dept.group() in _UNIT_WORDS \
                and _only_places_before(toks, m.start + dept.start()) \
                and not _state_ministry(toks, m, dept.start(), analysis):
            return False  # 東日本営業部, 大阪支店, 岡崎工場: a unit named by where it works
        if m.source == "ner" and not _has_proper(toks) and not lexicons.org_suffix_pattern().search(name):
            return False  # 電気自動車, 発行済株式総数: GiNZA calls common nouns companies
    latin_core = _LATIN_BRACKET.sub("", name).replace(" ", "").replace(",", "")
    if _BAD_INSIDE.search(name.replace(", ", " ") if _latin(latin_core) else name):
        return False  # a comma belongs to a Latin legal form (Co., Ltd.) only
    if _FILE_NAME.search(name):
        return False
    if re.fullmatch(r"[0-9０-９年月日.\-/]+", name):
        return False
    return True


def _named_before_generic_head(m: OrgMention, head: re.Match[str], analysis: Analysis) -> bool:
    """The trained NER reads a body whose words before its generic head (会社, グループ, 産業) name
    it: a proper noun before an organisation suffix (日本たばこ|産業), or, where the ensemble
    confirms the span, a proper noun or a katakana word before any head (東インド|会社,
    ザパタ石油|会社) or two words or more (世界|保健|機関)."""
    before = [t for t in analysis.tokens_in(m.start, m.end) if t.end <= m.start + head.start()]
    if head.group() in lexicons.org_suffixes() and _has_proper(before):
        return True
    return (m.start, m.end) in _confirmed_org_spans(analysis) and (len(before) >= 2 or any(
        t.tag.startswith("名詞-固有名詞") or re.fullmatch(r"[\u30A1-\u30FA\u30FC]{3,}", t.text) for t in before))


_FACULTY_END = re.compile(r"(?:学部|研究科|研究院|学群|学域)$")
#: department words of a company's own units; a place before one names the unit, not a body
_UNIT_WORDS = frozenset({"部", "課", "室", "係", "班", "支店", "支社", "営業所", "事業所", "事業部", "事業本部",
                         "工場", "部署", "部門"})


def _only_places_before(toks: Iterable[Token], pos: int) -> bool:
    """The proper nouns before ``pos`` are all place names (東日本|営業部, 大阪|支店)."""
    proper = [t for t in toks if t.end <= pos and (t.tag.startswith("名詞-固有名詞") or re.search(r"[A-Za-z]", t.text))]
    return bool(proper) and all("地名" in t.tag for t in proper)


def _state_ministry(toks: tuple[Token, ...], m: OrgMention, dept_start: int, analysis: Analysis) -> bool:
    """A country and the ministry's own words before 部 (韓国|国防|部, 中国|商務|部), read as one
    body by the ensemble: a state's ministry, not a company's unit for that country (中国|事業部,
    which the ensemble does not confirm)."""
    proper = [t for t in toks if t.end <= m.start + dept_start and t.tag.startswith("名詞-固有名詞")]
    return bool(proper) and all(t.tag.startswith("名詞-固有名詞-地名-国") for t in proper) \
        and (m.start, m.end) in _confirmed_org_spans(analysis)


_ONE_BODY_LABELS = frozenset({"Military", "Government", "Political_Organization_Other", "Political_Party"})


def _named_before(toks: tuple[Token, ...], pos: int, text: str) -> bool:
    """A name before a department word at ``pos``: a proper noun among the words before it, or
    inside the proper noun it ends a katakana or Latin name or one the dictionary knows
    (ソフトバンク|グループ, 日立|グループ as one word; not 物流|センター, which Sudachi also calls
    a proper noun)."""
    if _has_proper([t for t in toks if t.end <= pos]):
        return True
    holder = next((t for t in toks if t.start < pos < t.end), None)
    if holder is None or not holder.tag.startswith("名詞-固有名詞"):
        return False
    stem = text[holder.start:pos]
    return bool(re.search(r"[\u30A1-\u30FAA-Za-z]", stem)) or gazetteer.shipped().lookup([stem])[0] != 0


def _one_body_by_both_ners(m: OrgMention, analysis: Analysis) -> bool:
    """GiNZA reads the word as a state body (海軍, 幕府) and the ensemble confirms it:
    the one body the text is about, not a kind of body (消防署, 放送局)."""
    return any((e.start, e.end) == (m.start, m.end) and e.label in _ONE_BODY_LABELS for e in analysis.entities) \
        and (m.start, m.end) in _confirmed_org_spans(analysis)


def _confirmed_org_spans(analysis: Analysis) -> set[tuple[int, int]]:
    """The organisation spans the trained NER ensemble confirms (``NerSpan.confirmed``)."""
    return {(e.start, e.end) for e in analysis.entities if e.label == "prx:ORGANIZATION" and e.confirmed}


def _is_place_body_name(name: str) -> bool:
    """A prefecture or municipality by the look of its name (kanji or katakana before the suffix)."""
    return bool(_PLACE_NAME.fullmatch(name)) and _prefecture_suffix_fits(name)


def _prefecture_suffix_fits(name: str) -> bool:
    """都, 道 and 府 end only 東京都, 北海道, 大阪府 and 京都府 (not 上水道, 幕府, 古都)."""
    return not name.endswith(("都", "道", "府")) or name in lexicons.prefectures()


def _is_province(toks: list[Token]) -> bool:
    """A name ending in 省 whose words are all proper nouns (福建省, 河北|省)."""
    stem = [t for t in toks if t.text != "省"]
    return bool(toks) and all(t.tag.startswith("名詞-固有名詞") for t in (stem or toks))


def _is_address_name(name: str) -> bool:
    """東京都中央区, 潮見市港町, 米国マサチューセッツ州ボストン: places strung together."""
    if lexicons.org_suffix_pattern().search(name) and not _PLACE_NAME.fullmatch(name):
        return False
    levels = place_levels(name, lexicons.prefectures()) + name.count("州")
    return levels >= 2 or bool(re.match(r"(?:米国|英国|中国|韓国|アメリカ|イギリス|フランス|ドイツ)", name) and levels)


def _inside(m: OrgMention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _overlaps_title(m: OrgMention, title_spans: list[tuple[int, int]]) -> bool:
    """A mention that is all title (理事長) or starts inside a title is no organisation."""
    for ts, te in title_spans:
        if ts <= m.start < te:
            return True
    return False
