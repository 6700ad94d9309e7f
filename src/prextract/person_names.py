"""Person mentions: where a name is written, and the full name a surname stands for.

Names come from
- UniDic/Sudachi 人名 tags: a 姓 with a given name (tagged 名, or any short word after a space:
  ``堀内 正和``, ``新井 大地``), cut where a longer noun goes on;
- GiNZA ``Person`` entities, trimmed to the name (GiNZA glues titles and companies to names);
- the words before an honorific (``氏``, ``様``, ``さん``, ``先生``) and after a title
  (``代表取締役社長：島 健太郎``), foreign names in katakana with ``・`` and Latin names there too.
A title or an organisation is never (part of) a person, an honorific never part of a name. A
surname (``植田は``, ``石原氏``) or the last part of a foreign name (``ファン・ダイク氏``) that
follows a full name is a mention of that person. A kana reading in brackets right after a name
(``松永 幸一（まつなが こういち）``) is the name's reading, never a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

from . import gazetteer, lexicons
from .analyse import (Analysis, Entity, Token, common_words_only, in_dictionary, named_in_own_words,
                      ginza_reads_person, one_unidic_word, person_name_parts)
from .names import INITIALS_NAME, normalize_name
from .orgs import ORG_LABELS, PLACE_LABELS, OrgMention
from .resources import load_column, load_tsv
from .titles import _KATA, TitleMention


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    text: str
    name: str       # display form: no spaces, no honorific; a surname mention carries the full name
    #: katakana reading written beside the name (``（まつなが こういち）``), if any
    reading: str | None = None


_SPACES = " \u3000\t"
_JOINERS = ("・", "=", "＝")
#: how sure a name candidate is: a full name; a short one (a surname) that must join a full name
#: or stand before an honorific; a short one GiNZA and UniDic agree on, kept on its own
FULL, SHORT, AGREED = 2, 1, 0
# 々 〆 ヶ count as kanji in names, and so do the variant forms of surnames (山﨑, 𠮷田)
_KANJI = "\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0002FFFF\u3005\u3006\u30F6"
_HIRA = "\u3041-\u309F"
_KANA_NAME = re.compile(rf"[{_KATA}]{{2,}}(?:[・=＝](?:[A-Z]\.?|[{_KATA}]+))*[・=＝][{_KATA}]+|[{_KATA}]{{2,}}")
#: given name, an optional initial, family name (John A. Smith); a third capitalised word is not
#: taken, so that an English title before the name stays out (Research Director Anna Berg)
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![A-Za-z])")
#: a Japanese name written with a space between family and given name: 堀内 正和, 高倉　のぞみ
_SPACED_NAME = re.compile(rf"[{_KANJI}]{{1,4}}[ \u3000][{_KANJI}{_HIRA}{_KATA}]{{1,4}}")
_READING = re.compile(rf"[（(][ \u3000]*([{_HIRA}{_KATA}][{_HIRA}{_KATA} \u3000・]*)[）)]")
#: a contact label: the surname after it names a desk, not a person the release is about
# the label of a contact's surname, with the surnames listed before this one (担当：佐々木、板垣)
_CONTACT_LABEL = re.compile(r"(?:担当|担当者|窓口|連絡先|問い?合わせ先?)[ \u3000]*[:：]?[ \u3000]*(?:[^、：:\n]{1,6}、)*$")
_REGNAL = re.compile(r"(?<=[^\s0-9０-９一二三四五六七八九十])(?:[0-9０-９]+|[IVXⅠ-Ⅻ]+|[一二三四五六七八九十]+)世$")  # ルイ15世, ジョゼ1世, ルイ十四世: the number is part of the name
# 事　業　内　容 / 設 立 年 月 日: a row label spaced out one character at a time (its last two
# characters are no spaced name)
_LETTER_SPACED_LABEL = re.compile(r"(?<![^\s）)】．.：:])[^\s](?P<sep>[ \u3000])(?:[^\s](?P=sep))+[^\s](?![^\s：:])")
# a short bracketed phrase without a sentence's punctuation: the title of a work, a product or
# a term (「ミナトの冒険」), not a quoted remark (「山田さんに感謝しています。」, 「佐藤選手、行け!」)
_SHORT_BRACKET = re.compile(r"[「『]([^「」『』。、！？!?\n]{1,20})[」』]")
_NAME_CHARS = re.compile(rf"^[{_KANJI}{_HIRA}{_KATA}・=＝A-Za-z. \u3000]+$")


def find_person_mentions(analysis: Analysis, titles: list[TitleMention], orgs: list[OrgMention],
                         skip: Iterable[tuple[int, int]] = ()) -> list[PersonMention]:
    """Person mentions in text order; short mentions (surnames) carry the full name they stand for."""
    text = analysis.text
    titles = list(titles)
    blocked = [(t.start, t.end) for t in titles] + [(o.start, o.end) for o in orgs] + list(skip)
    readings = _reading_brackets(text)
    blocked += [(s, e) for s, e, _ in readings]
    honorific_at = _honorific_positions(analysis)
    labels = [m.span() for m in _LETTER_SPACED_LABEL.finditer(text)]
    titles_of_works = [m.span(1) for m in _SHORT_BRACKET.finditer(text)]
    candidates: list[tuple[int, int, int]] = []      # (start, end, FULL / SHORT / AGREED)
    candidates += _names_from_tokens(analysis)
    candidates += _names_from_entities(analysis)
    candidates += _names_from_trained_ner(analysis)
    known = _known_full_names(analysis)
    candidates += known
    known = {(s, e) for s, e, _ in known}
    lone = _lone_surnames(analysis)
    candidates += [(s, e, AGREED) for s, e in lone]
    candidates += _names_before_honorifics(analysis, honorific_at)
    candidates += _names_after_titles(analysis, titles)
    candidates += _foreign_names(analysis, titles, honorific_at)
    candidates += _names_before_spaced_readings(text)
    candidates = [_whole_katakana_name(analysis, c) for c in candidates]
    candidates = [part for c in candidates if c is not None for part in _listed_names(text, c)]
    agreed = {(s, e) for s, e, strength in candidates if strength == AGREED}
    candidates = [(s, e, max(strength, SHORT)) for s, e, strength in candidates]
    title_starts = {t.start for t in titles}
    chosen: list[tuple[int, int, int]] = []
    for start, end, strength in sorted(set(candidates), key=lambda c: (-c[2], -(c[1] - c[0]), c[0])):
        cut_start, cut_end = _cut_blocked(start, end, blocked)
        if (start, end) in known and (cut_start, cut_end) != (start, end):
            continue        # 三井|高利 where 三井 is read as a body: no piece of the known name is one
        if (cut_end < end and text[cut_end - 1:cut_end] in _JOINERS) or \
                (start < cut_start < end and text[cut_start:cut_start + 1] in _JOINERS):
            continue        # マルクス=|レーニン主義研究所: the name is part of the body's
        start, end = _trim_name(analysis, cut_start, cut_end)
        if end in title_starts and end - start > 2 and text[end - 1] in lexicons.title_parts("temporal"):
            end -= 1        # 真鍋新院長: the new post's 新, not a given name
        if end - start < 1 or not _NAME_CHARS.match(_REGNAL.sub("", text[start:end])):
            continue
        if any(start < e and s < end for s, e, _ in chosen) or any(start < e and s < end for s, e in labels):
            continue
        if strength == FULL and len(normalize_name(text[start:end])) < 2:
            continue
        if _suffix_makes_a_thing(analysis, end) or _names_a_body(text, start, end) \
                or text.startswith(_exclusions_of("government"), end):
            continue        # 田中義一内閣, 李承晩政権: the government the person leads
        if start > 0 and text[start - 1] in "「『" and text[end:end + 1] in "」』" \
                and (_noun_before(analysis, start - 1) or not _spelled_as_a_full_name(analysis, start, end, known)):
            # 小説「ミラージュ」, ソフト「歌声ミナト」: a bracket alone around it titles a work or a
            # product; a name the dictionaries spell in full, with no such noun before it, stays a
            # name (…は「内田康夫」というペンネームで)
            continue
        if any(s < start and end <= e or s <= start and end < e for s, e in titles_of_works):
            continue        # 「ミナトの冒険」, 随筆「恩師川辺先生」: a name in a work's title
        chosen.append((start, end, strength))
    chosen.sort()
    full = [PersonMention(s, e, text[s:e], normalize_name(text[s:e]), _reading_after(text, e, readings))
            for s, e, strength in chosen if strength == FULL]
    full = [_as_longer_name(p, full) for p in full]
    out = list(full)
    # 柏川の暮らし beside 柏川市: a bare word that names a city or prefecture of the text is that place
    place_stems = {o.text[:-1] for o in orgs if o.source == "place" and o.text[-1:] in "都道府県市区町村"}
    for s, e, strength in chosen:
        if strength == FULL:
            continue
        short = normalize_name(text[s:e])
        target = _full_name_for(short, full, s)
        if target is not None:
            out.append(PersonMention(s, e, text[s:e], target))
        elif e in honorific_at and len(short) >= 2 and not _only_given_name(analysis, s, e):
            out.append(PersonMention(s, e, text[s:e], short))
        elif (s, e) in agreed and (len(short) >= 2 or (s, e) in lone) and not _CONTACT_LABEL.search(text, max(0, s - 24), s) \
                and short not in place_stems:
            out.append(PersonMention(s, e, text[s:e], short))
    out += _surnames_of_named_people(analysis, full, chosen, blocked)
    out.sort(key=lambda p: p.start)
    return out


def _surnames_of_named_people(analysis: Analysis, full: list[PersonMention], chosen: list[tuple[int, int, int]],
                              blocked: list[tuple[int, int]]) -> list[PersonMention]:
    """A surname standing alone after the text has named the person in full (荒川強啓 … 荒川より),
    where the ensemble confirms a person there: the dictionaries may read the word as a place
    (荒川, 千葉) or a thing, but the full name before it tells whom it stands for."""
    out = []
    for ent in analysis.entities:
        if ent.label != "prx:PERSON" or not ent.confirmed \
                or any(ent.start < e and s < ent.end for s, e, _ in chosen) \
                or any(ent.start < e and s < ent.end for s, e in blocked):
            continue
        toks = analysis.tokens_in(ent.start, ent.end)
        if len(toks) != 1 or (toks[0].start, toks[0].end) != (ent.start, ent.end) \
                or not _KANJI_SURNAME.fullmatch(ent.text) or _noun_goes_on(analysis.tokens, toks[0].i, analysis.text):
            continue
        # the full name opens with this very word (荒川|強啓), not merely with its characters
        named = {f.name for f in full if f.start < ent.start
                 and (first := analysis.token_at(f.start)) is not None and first.text == ent.text}
        if len(named) == 1:
            out.append(PersonMention(ent.start, ent.end, ent.text, named.pop()))
    return out


def _noun_before(analysis: Analysis, pos: int) -> bool:
    """The word that ends at ``pos`` is a noun (ソフト「…」: the kind of thing the bracket names)."""
    tok = analysis.token_ending_at(pos)
    return tok is not None and tok.tag.startswith(("名詞", "接尾辞"))


def _spelled_as_a_full_name(analysis: Analysis, start: int, end: int, known: set[tuple[int, int]]) -> bool:
    """UniDic reads a family and a given name there, or JMnedict knows the span as a person's name."""
    return {"姓", "名"} <= person_name_parts(analysis.tokens_in(start, end)) or (start, end) in known


def _names_a_body(text: str, start: int, end: int) -> bool:
    """クラウス=マッファイ社, 北斗精機株式会社: a company's or shrine's name, never a person's,
    whether 社 is inside the span or right after it (but 田中|社長: a post)."""
    if text[end - 1] == "社" or lexicons.legal_form_pattern().search(text, start, end):
        return True
    return text.startswith("社", end) and not lexicons.title_pattern().match(text, end)


def _listed_names(text: str, cand: tuple[int, int, int]) -> list[tuple[int, int, int]]:
    """鈴木・田中の両名: a ・ between kanji joins two names (it joins the parts of one name only in
    katakana: ジョン・スミス)."""
    start, end, strength = cand
    cuts = [i for i in range(start + 1, end - 1) if text[i] == "・"
            and _KANJI_CHAR.match(text[i - 1]) and _KANJI_CHAR.match(text[i + 1])]
    if not cuts:
        return [cand]
    bounds = [start] + [i + 1 for i in cuts]
    ends = cuts + [end]
    return [(s, e, strength) for s, e in zip(bounds, ends) if e > s]


_KATAKANA_CHARS = frozenset(chr(c) for c in range(0x30A1, 0x30FD))
_KANJI_CHAR = re.compile(rf"[{_KANJI}]")


_KATAKANA_CHAIN = re.compile(rf"(?:(?<![A-Za-z])[A-Z]\.?[・=＝])*[{_KATA}]+(?:[・=＝](?:[A-Z]\.?|[{_KATA}]+))*")


def _read_as_person_at(analysis: Analysis, pos: int) -> bool:
    """The trained ensemble reads a person over the character at ``pos``."""
    return any(e.label == "prx:PERSON" and e.start <= pos < e.end for e in analysis.entities)


def _whole_katakana_name(analysis: Analysis, cand: tuple[int, int, int]) -> tuple[int, int, int] | None:
    """A katakana candidate is the whole ・-joined name it sits in (ロメロ in ロッキー・ロメロ, モリーナ
    in Y・モリーナ), and no piece of a longer katakana word (ビアス in メトロビアス); a chain
    with a body or place word (ギブソン・ギター・コーポレーション) or that ends in two common words
    of the dictionary (ヤマハ・ライト・ミュージック・コンテスト) is no person."""
    text = analysis.text
    s, e, strength = cand
    if not re.fullmatch(rf"[{_KATA}・=＝]+", text[s:e]) and not _KATAKANA_CHAIN.fullmatch(text, s, e):
        return cand         # (a chain with initials goes on: ジョン・F・ケネディ)
    for m in _KATAKANA_CHAIN.finditer(text, max(0, s - 40), min(len(text), e + 40)):
        post = _title_in_chain(analysis, m)
        if m.start() <= s < post < m.end():
            # ジェイミー・ジョセフ|ヘッドコーチ: a katakana post glued on ends the name
            m = _KATAKANA_CHAIN.match(text, m.start(), post)
            e = min(e, post)
        if m.start() <= s and e <= m.end():
            parts = re.split(r"[・=＝]", m.group())
            if any(p in _name_exclusions() for p in parts) or lexicons.org_suffix_pattern().search(m.group()):
                return None
            if len(parts) > 1 and _ends_in_common_words(analysis, m.start(), parts) and not any(
                    e.label == "prx:PERSON" and (e.start, e.end) == m.span() for e in analysis.entities) \
                    and (len(parts) > 2 or not any(t.is_person_name for t in analysis.tokens_in(m.start(), m.end()))):
                # (unless the ensemble reads the whole chain as a person: ハインツ・フォン・ブラウエル;
                # two common words are a name where UniDic reads one as a name: ジャック・ナイト)
                return None
            chain = analysis.tokens_in(m.start(), m.end())
            last = chain[-1] if chain else None
            if len(parts) > 1 and last is not None and last.end == m.end() \
                    and _noun_goes_on(analysis.tokens, last.i, text) \
                    and (not _read_as_person_at(analysis, m.start()) or _kanji_word_after(analysis, last)):
                # ロバート・ハミル|事件, …・ケネディ|国際空港: a thing named after the chain (a word of
                # kanji glued on makes one even where the ensemble reads the person in it)
                return None
            if len(parts) > 1:
                return (m.start(), m.end(), FULL)
            if (m.start(), m.end()) != (s, e):
                return None   # ビアス in メトロビアス: a piece of a longer katakana word
            return cand
    return cand


def _kanji_word_after(analysis: Analysis, tok: Token) -> bool:
    """The token after ``tok`` is a common noun of two kanji or more glued to it (…ケネディ|国際),
    and no post or rank GiNZA reads as one or into the person (…ミュラー|外相, …クーベルタン|男爵),
    nor a verbal noun that ends the phrase: what the person did (…シェン|作曲・, …ドラティ|指揮, not
    …ケネディ|記念|図書館)."""
    tokens = analysis.tokens
    nxt = tokens[tok.i + 1] if tok.i + 1 < len(tokens) else None
    if nxt is None or nxt.start != tok.end or not nxt.tag.startswith("名詞-普通名詞") \
            or re.fullmatch(rf"[{_KANJI}]{{2,}}", nxt.text) is None or nxt.ent in ("Position_Vocation", "Person"):
        return False
    after = tokens[nxt.i + 1] if nxt.i + 1 < len(tokens) else None
    return not (nxt.tag.startswith("名詞-普通名詞-サ変") and (
        after is None or after.start != nxt.end or not after.tag.startswith(("名詞-普通名詞", "接尾辞"))))


def _title_in_chain(analysis: Analysis, chain: re.Match[str]) -> int:
    """Where a post that ends a katakana chain starts (…ジョセフ|ヘッドコーチ), or the chain's end."""
    for tok in analysis.tokens_in(chain.start(), chain.end()):
        if tok.start > chain.start() and lexicons.title_pattern().fullmatch(analysis.text, tok.start, chain.end()):
            return tok.start
    return chain.end()


@lru_cache(maxsize=1)
def _name_exclusions() -> frozenset[str]:
    return load_column("name_exclusions.tsv", "word")


def _cut_blocked(start: int, end: int, blocked: list[tuple[int, int]]) -> tuple[int, int]:
    """Cut a candidate at titles, organisations and readings: keep the part before the first
    blocked span inside it, or the part after one that covers its start."""
    for s, e in sorted(blocked):
        if e <= start or s >= end:
            continue
        if s <= start:
            start = e
        else:
            end = s
        if start >= end:
            break
    return start, end


def _family_name_in_cell(text: str, prev: Token, given: Token) -> bool:
    """大門　雅史 in a table cell: a short kanji word one space before a given name, at the start
    of its line or cell (after a tab or two spaces), is the family name UniDic read as a noun."""
    if text[prev.end:given.start] not in (" ", "\u3000") or not re.fullmatch(rf"[{_KANJI}]{{1,2}}", prev.text):
        return False
    lead = text[text.rfind("\n", 0, prev.start) + 1:prev.start]
    return not lead.strip(" \u3000") or bool(re.search(r"(?:\t|[ \u3000]{2})$", lead))


def _trim_name(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """The name without spaces or ・ at its edges, without an honorific that is a word of its
    own (石原|氏; not the 氏 of 足利尊氏, one word), a post after a katakana name or a sovereign's
    title."""
    text = analysis.text
    while start < end and text[start] in _SPACES + "・":
        start += 1
    while end > start and text[end - 1] in _SPACES + "・":
        end -= 1
    for h in sorted(lexicons.honorifics(), key=len, reverse=True):
        if text[start:end].endswith(h) and end - len(h) - start >= 2 and analysis.token_at(end - len(h)) is not None:
            end -= len(h)
            while end > start and text[end - 1] in _SPACES:
                end -= 1
            break
    for i in range(start + 2, end):
        if text[i - 1] in _KATAKANA_CHARS and text[i] not in _KATAKANA_CHARS \
                and lexicons.title_pattern().fullmatch(text, i, end):
            return start, i     # ドナルド・トランプ大統領, one word in UniDic: the post is no part of the name
    for title in sorted(_sovereign_titles(), key=len, reverse=True):
        if text.endswith(title, start, end) and end - len(title) - start >= 2:
            return start, end - len(title)      # 後醍醐天皇, one word: the name is 後醍醐
    return start, end


def _honorific_positions(analysis: Analysis) -> set[int]:
    """Offsets where an honorific starts (after an optional space), keyed by the end of the word before."""
    text = analysis.text
    out = set()
    hon = sorted(lexicons.honorifics(), key=len, reverse=True)
    for tok in analysis.tokens:
        for h in hon:
            if text.startswith(h, tok.start) and not _continues_word(text, tok.start + len(h), h):
                end = tok.start
                out.add(end)
                if end > 0 and text[end - 1] in " \u3000":
                    out.add(end - 1)
                break
    return out


def _continues_word(text: str, pos: int, honorific: str) -> bool:
    """様 in 様々 / 氏名, さん in さんま: the honorific glyphs are the start of another word."""
    nxt = text[pos:pos + 1]
    if not nxt:
        return False
    if honorific in ("氏", "様", "殿", "君") and re.match(rf"[{_KANJI}]", nxt):
        return True
    return honorific in ("さん", "さま", "くん", "ちゃん") and re.match(rf"[{_HIRA}]", nxt) is not None and nxt not in "はがのにをともへ"


def _is_given_token(tok: Token) -> bool:
    return tok.tag.endswith("人名-名") and tok.text not in _name_exclusions()


def _is_family_token(tok: Token) -> bool:
    return tok.tag.endswith("人名-姓")


def _nameish(tok: Token) -> bool:
    """A short noun that can stand as (part of) a given name after a space: 正和, 大地, 遼, のぞみ."""
    if not tok.tag.startswith("名詞") or len(tok.text) > 4 or "地名" in tok.tag:
        return False        # 場|所　山形|県庁: a place is no given name
    return re.fullmatch(rf"[{_KANJI}{_HIRA}{_KATA}]+", tok.text) is not None


def _names_from_tokens(analysis: Analysis) -> list[tuple[int, int, int]]:
    """姓 + given name; a lone 姓 is a short candidate (a surname mention). A word UniDic knows as a
    whole person's name (人名-一般: 石田三成, ゲイリー) is a full name when it has three kanji or more,
    else a short one kept on its own unless GiNZA reads it as something else."""
    text = analysis.text
    toks = analysis.tokens
    out = []
    for tok in toks:
        if tok.tag.endswith("人名-一般") and not _noun_goes_on(toks, tok.i, text) and \
                (tok.i == 0 or not toks[tok.i - 1].is_person_name or toks[tok.i - 1].end < tok.start):
            if re.fullmatch(rf"[{_KANJI}]{{3,6}}", tok.text):
                out.append((tok.start, tok.end, FULL))
            elif re.fullmatch(rf"[{_KANJI}]{{2}}|[{_KATA}]{{2,}}", tok.text) and not _other_entity(tok.ent):
                out.append((tok.start, tok.end, AGREED))
    for k, tok in enumerate(toks):
        if not _is_family_token(tok) or (k > 0 and _is_family_token(toks[k - 1]) and toks[k - 1].end == tok.start):
            continue
        if len(tok.text) == 1 and _in_spaced_label(text, tok.start):
            continue        # 場　所, 開 設 日: a character of a label spaced out to align a table
        j = k
        while j + 1 < len(toks) and _is_family_token(toks[j + 1]) and toks[j + 1].start == toks[j].end \
                and not _is_given_token(toks[j + 1]):
            j += 1          # 李 明 華: a second 姓-tagged piece written on
            if toks[j].end - tok.start >= 3:
                break
        given_end = _given_name_end(toks, j, text)
        if given_end is not None and _noun_goes_on(toks, given_end, text) \
                and not _read_as_person_at(analysis, tok.start):
            continue        # 北園寛次郎|記念館: the name of a thing after a person, the ensemble reads no person
        if given_end is not None:
            out.append((tok.start, toks[given_end].end, FULL))
        elif not _noun_goes_on(toks, j, text):
            out.append((tok.start, toks[j].end, SHORT))     # (not 武田|神社: a thing named after a family)
    return out


#: single kanji one space apart at a line's start: a label spaced out (場　所　…, 開 設 日　…)
_SPACED_LABEL = re.compile(rf"(?m)^[ \t\u3000]*(?:[(（]?[0-9０-９]{{1,2}}[)）．.]?[ \t\u3000]*)?[・■]?"
                           rf"[{_KANJI}](?:[ \u3000][{_KANJI}]){{1,3}}(?=[ \u3000]|$)")


def _in_spaced_label(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    m = _SPACED_LABEL.match(text, line_start)
    return m is not None and pos < m.end()


def _given_name_end(toks: tuple[Token, ...], j: int, text: str) -> int | None:
    """The index of the last token of the given name after a family name ending at token ``j``.

    With one space between (``堀内 正和``, ``新井 大地``, ``高倉　のぞみ``): up to two short words,
    tagged 名 or not. Written on (``松下幸之助``): only words tagged 名. The name must end there:
    an untagged word glued to a further noun (田中 工業所) is no given name.
    """
    nxt = j + 1
    if nxt >= len(toks):
        return None
    gap = text[toks[j].end:toks[nxt].start]
    spaced = gap in (" ", "\u3000")
    if gap and not spaced:
        return None
    end, length, tagged = None, 0, False
    for g in range(nxt, min(nxt + 2, len(toks))):
        t = toks[g]
        if g > nxt and t.start != toks[g - 1].end or length >= 4:
            break
        if _is_given_token(t):
            tagged = True
        elif not (spaced and _nameish(t)):
            break
        length += len(t.text)
        end = g
    if end is None or (not tagged and _noun_goes_on(toks, end, text)):
        return None
    return end


def _suffix_makes_a_thing(analysis: Analysis, end: int) -> bool:
    """A noun suffix glued to the name makes it a temple, ward, unit or school of thought
    (西念寺, 閔行区, 藤堂隊): the name is a part of another word. Honorifics and plural
    markers (氏, さん, ら, たち) follow people and do not count."""
    tok = analysis.token_at(end)
    if tok is None or tok.start != end or not tok.tag.startswith("接尾辞-名詞的"):
        return False
    return tok.text not in lexicons.honorifics() and tok.text not in _people_suffixes() \
        and not lexicons.title_pattern().match(analysis.text, end) \
        and not _post_of_a_body_after(analysis.tokens, tok.i, analysis.text)


@lru_cache(maxsize=None)
def _exclusions_of(*kinds: str) -> tuple[str, ...]:
    """The words of name_exclusions.tsv of these kinds."""
    return tuple(r["word"] for r in load_tsv("name_exclusions.tsv") if r["kind"] in kinds)


@lru_cache(maxsize=1)
def _people_suffixes() -> frozenset[str]:
    """Words that follow people's names: plurals (田中ら) and kin (佐藤夫妻)."""
    return frozenset(_exclusions_of("not_given", "follows_people"))


def _other_entity(label: str) -> bool:
    """GiNZA reads the word as a body, a place or a thing (not as a person or nothing)."""
    return bool(label) and label != "Person" and (
        label in ORG_LABELS or label in PLACE_LABELS or label.startswith(("Product", "Facility", "Location"))
        or label in ("Country", "GPE", "Brand", "Food_Other", "Name_Other"))


def _noun_goes_on(toks: tuple[Token, ...], g: int, text: str) -> bool:
    """The given-name candidate is glued to a further noun (田中 工業所): not a name."""
    if g + 1 >= len(toks):
        return False
    t = toks[g + 1]
    if t.start != toks[g].end:
        return False
    if t.text in _sovereign_titles():
        return _noun_goes_on(toks, g + 1, text)     # 宇多|天皇 ends the name; 広開土|王|碑 is a thing
    if t.text in lexicons.honorifics() or t.text in _people_suffixes() or lexicons.title_pattern().match(text, t.start):
        return False        # 氏, 兄弟 (パスケル兄弟), 社長: the name ends before them
    if _post_of_a_body_after(toks, g + 1, text):
        return False        # 蔣介石|国民党総裁, ティラーソン|米国務長官: the post of the person's body
    return t.tag.startswith("名詞") and not t.tag.startswith("名詞-固有名詞-人名")


def _post_of_a_body_after(toks: tuple[Token, ...], k: int, text: str) -> bool:
    """From token ``k`` on, a short body or country and a post that ends the noun phrase (NAME ORG
    TITLE: 国民|党|総裁, 米|国務|長官, ソ連|書記長, 海軍|参謀総長). The body's words are proper
    nouns, noun suffixes (党, 米) or words GiNZA reads into a body, a place or a post."""
    end = toks[k].start
    for j in range(k, min(k + 3, len(toks))):
        tok = toks[j]
        if tok.start != end or tok.end - toks[k].start > 8:
            return False
        if j > k:
            post = lexicons.title_pattern().match(text, tok.start)
            if post and any(t.end == post.end() for t in toks[j:j + 4]):
                after = next((t for t in toks[j:] if t.start >= post.end()), None)
                return after is None or after.start != post.end() or not after.tag.startswith(("名詞", "接尾辞"))
        if not (tok.tag.startswith(("名詞-固有名詞", "接尾辞-名詞的")) or (tok.tag.startswith("名詞") and tok.ent
                                                                    and tok.ent != "Person")):
            return False
        end = tok.end
    return False


# the particle は or が after the word: it acts or is spoken of, as a person does (メイウェザーは, ライスが)
_ACTS_AFTER = frozenset("はが")


def _names_from_trained_ner(analysis: Analysis) -> list[tuple[int, int, int]]:
    """prextract's own NER (models/ner) proposes names; one is taken where the dictionary
    agrees: two or more words with a 人名 word among them, or a katakana name written with ・,
    is a full name; a single word UniDic reads as a person's name, or GiNZA reads as a Person
    with the same bounds (伏見, レイトナー), or a span the ensemble confirms with a 人名 word in it
    (ワトソン), is a short one kept on its own. (Trained on Wikipedia, the model
    alone reads too many release words as names.)"""
    out = []
    text = analysis.text
    # the last parts of the foreign names written in full (カルロス・ゴーン -> ゴーン), read once
    last_parts = {parts[-1] for m in _KATAKANA_CHAIN.finditer(text)
                  if len(parts := re.split("[・=＝]", m.group())) > 1}
    for ent in analysis.entities:
        if ent.label != "prx:PERSON" or len(ent.text.strip()) < 2:
            continue  # one kanji: see _lone_surnames
        toks = analysis.tokens_in(ent.start, ent.end)
        if len(toks) >= 2 and (toks[-1].text in _people_suffixes() or (
                _word_after_a_name(toks[-2], toks[-1])
                and not ginza_reads_person(analysis, ent.start, ent.end))):
            # (a word GiNZA reads into the same person stays: アントニオ|猪木, a ring name's kanji surname)
            # 進藤|本人, 草彅|一人, 太田|派, 田中義一|内閣, アンドロポフ|ソ連: the word after the name is no part of it
            toks = toks[:-1]
            ent = replace(ent, end=toks[-1].end, text=text[ent.start:toks[-1].end])
        body = next((i for i in range(1, len(toks)) if toks[i - 1].is_person_name
                     and _post_of_a_body_after(analysis.tokens, toks[i].i, text)), None)
        if body is not None:
            # 周恩来|国務院|総理: the body of the post after the name is no part of it
            toks = toks[:body]
            ent = replace(ent, end=toks[-1].end, text=text[ent.start:toks[-1].end])
        kind = _trained_name_kind(analysis, ent, toks)
        regnal = _REGNAL.search(ent.text)
        if kind is None and regnal and len(toks) >= 2 and toks[-1].end == ent.end:
            # ジャヤ・パラメーシュヴァラヴァルマン2世: the name before the regnal number decides
            base = [t for t in toks if t.end <= ent.start + regnal.start()]
            if base and base[-1].end == ent.start + regnal.start():
                kind = _trained_name_kind(analysis, replace(ent, end=base[-1].end, text=text[ent.start:base[-1].end]),
                                          tuple(base))
        if kind is None and _read_as_a_name(analysis, ent, toks):
            kind = AGREED
        if kind is None and ent.text in last_parts and re.fullmatch(rf"[{_KATA}]{{2,}}", ent.text):
            kind = SHORT    # ラウル・ベスネール … ベスネールは: the last part of a foreign name written in full
        if kind is not None:
            out.append((ent.start, ent.end, kind))
    return out


@lru_cache(maxsize=1)
def _sovereign_titles() -> frozenset[str]:
    return frozenset(_exclusions_of("sovereign"))


def _known_full_names(analysis: Analysis) -> list[tuple[int, int, int]]:
    """Whole words of kanji that JMnedict knows as a person's full name, and only as that (石田三成,
    三宅一生, 磯崎新): the famous people an encyclopaedia or a release names, whom the taggers split
    into a surname and a common word or a company. Not where GiNZA reads a body, place or thing
    over them or a noun goes on after them (文豪賞, 研吾建築都市設計: a thing named after a person)."""
    out = []
    for start, end in gazetteer.known_person_spans(analysis.text, analysis.tokens):
        inside = analysis.tokens_in(start, end)
        # GiNZA's reading of a body or thing counts unless UniDic reads a surname first (井深|大)
        if (inside[0].tag.endswith("人名-姓") or not any(_other_entity(t.ent) for t in inside)) \
                and not _noun_goes_on(analysis.tokens, inside[-1].i, analysis.text):
            out.append((start, end, FULL))
    return out


def _read_as_a_name(analysis: Analysis, ent: Entity, toks: tuple[Token, ...]) -> bool:
    """A span a majority of the five-member ensemble reads as a person, where neither dictionary
    knows the name (ネブラー, 汐見直道, ヴォルカン四世): taken when its words are not all common ones or
    Latin, none is a word GiNZA reads as a body, place or thing (金沢市), no noun goes on after it
    and no bracket closes round it (「ボウスキー」と呼ばれる: a term)."""
    return named_in_own_words(toks, frozenset(_JOINERS)) \
        and not any(_other_entity(t.ent) for t in toks) \
        and not _noun_goes_on(analysis.tokens, toks[-1].i, analysis.text) \
        and not (analysis.text[ent.start - 1:ent.start] in "「『" and ent.start > 0)


# a particle after a lone surname (菅は, 銭も, 菅の): it is spoken of as a person is
_PARTICLE_AFTER = frozenset("はがもをのと")


def _particle_after(analysis: Analysis, end: int, particles: frozenset[str]) -> bool:
    """The word after ``end`` is one of these particles as UniDic reads it (ピール|は|この, not
    はじめ or がある: the tokeniser tells a particle from the start of a word)."""
    tok = analysis.token_at(end)
    return tok is not None and tok.tag.startswith("助詞") and tok.text in particles


def _lone_surnames(analysis: Analysis) -> set[tuple[int, int]]:
    """One-kanji spans the ensemble confirms as a person: surnames standing alone (菅は, 銭も)
    where UniDic reads that very word as a surname and a particle closes it."""
    out = set()
    for ent in analysis.entities:
        if ent.label != "prx:PERSON" or not ent.confirmed or len(ent.text) != 1:
            continue
        toks = analysis.tokens_in(ent.start, ent.end)
        if len(toks) == 1 and (toks[0].start, toks[0].end) == (ent.start, ent.end) and "人名-姓" in toks[0].tag \
                and not _other_entity(toks[0].ent) and _particle_after(analysis, ent.end, _PARTICLE_AFTER):
            out.add((ent.start, ent.end))
    return out


def _word_after_a_name(name_end: Token, last: Token) -> bool:
    """The span's last word follows a name and is none of it: a prefix (秋篠宮|御), a country
    (アンドロポフ|ソ連), or a common noun of kanji after a given or foreign name (田中義一|内閣;
    not after a surname: 田中|正義 is a name)."""
    if last.tag.startswith("接頭辞"):
        return True
    if not name_end.is_person_name:
        return False
    return last.tag.startswith("名詞-固有名詞-地名-国") or (
        last.tag.startswith("名詞-普通名詞") and re.fullmatch(rf"[{_KANJI}]{{2,}}", last.text) is not None
        and not name_end.tag.endswith("人名-姓"))


def _trained_name_kind(analysis: Analysis, ent: Entity, toks: tuple[Token, ...]) -> int | None:
    """FULL or AGREED where the dictionary or GiNZA agrees with a trained-NER person span (the
    rules of ``_names_from_trained_ner``), None where nothing does."""
    text = analysis.text
    ginza_person_from_start = any(e.label == "Person" and e.start == ent.start for e in analysis.entities)
    ginza_person_alike = ginza_reads_person(analysis, ent.start, ent.end)
    if (len(toks) >= 2 and any(t.is_person_name for t in toks)) or \
            (re.fullmatch(r"[\u30A0-\u30FF]+(?:[・=＝][\u30A0-\u30FF]+)+", ent.text)
             and (ginza_person_from_start or not common_words_only(toks, frozenset(_JOINERS)))):
        return FULL  # not リンゴ・ブドウ・モモ, words GiNZA reads as things
    if ent.confirmed and ginza_person_from_start and 2 <= len(toks) <= 4 \
            and re.fullmatch(rf"[{_KANJI}]{{3,5}}", ent.text) and "地名" in toks[0].tag:
        # a surname SudachiPy knows only as a place, with a given name it does not know as
        # one (梶原|一騎, 中野|雅|至): the ensemble confirms and GiNZA reads a person from there
        return FULL
    if ent.confirmed and ginza_person_alike \
            and 2 <= len(toks) <= 4 and toks[0].start == ent.start and toks[-1].end == ent.end \
            and re.fullmatch(rf"[{_KANJI}]{{2,3}}(?:[{_KANJI}]{{1,2}}|[{_HIRA}]{{2,3}})", ent.text) \
            and not _noun_goes_on(analysis.tokens, toks[-1].i, text):
        # both NERs draw the same full name where UniDic knows its words only as common nouns
        # (小前|亮, 宮内|あすか): the ensemble's confirmation and GiNZA's bounds agree
        return FULL
    if ent.confirmed and _east_asian_name(ent.text) and toks[0].start == ent.start and toks[-1].end == ent.end \
            and not any("地名" in t.tag for t in toks) and not _noun_goes_on(analysis.tokens, toks[-1].i, text):
        # 金載昊, 薄熙来: a Chinese or Korean family name and a given name UniDic does not know
        return FULL
    if len(toks) == 1 and not _noun_goes_on(analysis.tokens, toks[0].i, text) and (
            (toks[0].is_person_name and not _other_entity(toks[0].ent)) or
            ginza_person_alike):
        return AGREED  # UniDic or GiNZA agrees: 伏見, レイトナー
    if ent.confirmed and any(t.is_person_name for t in toks):
        # the ensemble confirms it and UniDic agrees, whatever GiNZA says: ワトソン, 徳三郎
        return AGREED
    if ent.confirmed and len(toks) == 1 and re.fullmatch(rf"[{_KATA}]{{3,}}", ent.text) \
            and (((not in_dictionary(ent.text) or not one_unidic_word(ent.text)) and not _other_entity(toks[0].ent))
                 or (_particle_after(analysis, ent.end, _ACTS_AFTER) and toks[0].ent not in ORG_LABELS
                     and toks[0].ent not in PLACE_LABELS)) \
            and not _noun_goes_on(analysis.tokens, toks[0].i, text) and text[ent.start - 1:ent.start] != "「":
        # a katakana word confirmed as a person that the dictionary does not know (ボウスキー,
        # カラマンリス) or that acts (メイウェザーは; a loanword GiNZA calls a thing): a surname
        return AGREED
    return None


@lru_cache(maxsize=None)
def _east_asian_surnames() -> frozenset[str]:
    return load_column("east_asian_surnames.tsv", "surname")


def _east_asian_name(name: str) -> bool:
    """Three kanji after a one-character Chinese or Korean family name (金載昊), or four after a
    two-character one (欧陽修之)."""
    return bool(re.fullmatch(rf"[{_KANJI}]{{3,4}}", name)) and name[:len(name) - 2] in _east_asian_surnames()


def _names_from_entities(analysis: Analysis) -> list[tuple[int, int, int]]:
    """GiNZA Person entities that hold a 人名 token, from that token to the entity's end.

    Strength 2 (a full name): two name words, one of them a given name or with a space between,
    a family name with a short given name GiNZA and UniDic agree on (徐平, 楊秀麗), or a katakana
    name with ``・``. A proper noun glued before a given name inside the entity is the family
    name UniDic read as a place (兵庫慎司). Strength 1 (short) otherwise; a short one where GiNZA
    and UniDic agree (the entity is exactly 人名 words: 伏見, 菊栄, ラウリー) is marked 0 and kept by
    ``find_person_mentions`` even without a full name to join.
    """
    out = []
    text = analysis.text
    tokens = analysis.tokens
    prx_people = {e.start: e.end for e in analysis.entities if e.label == "prx:PERSON"}
    for ent in analysis.entities:
        if ent.label != "Person":
            continue
        toks = analysis.tokens_in(ent.start, ent.end)
        first = next((t for t in toks if t.is_person_name), None)
        if first is not None:
            # no name runs over a line break (幸雄\n・常勤監査役 from a list of posts and names)
            line_start = text.rfind("\n", ent.start, first.start) + 1
            line_end = text.find("\n", first.end, ent.end)
            toks = [t for t in toks if t.start >= line_start and (line_end < 0 or t.end <= line_end)]
        if first is None:
            # a katakana word GiNZA alone reads as a person (ホーネッカー): kept on its own
            if toks and re.fullmatch(rf"[{_KATA}]{{3,}}", ent.text) and not _noun_goes_on(tokens, toks[-1].i, text) \
                    and all(t.tag.startswith("名詞-固有名詞") and "地名" not in t.tag for t in toks):
                out.append((ent.start, ent.end, AGREED))
            continue
        if _is_given_token(first) and first.i > 0:
            prev = tokens[first.i - 1]
            if prev.start >= ent.start and prev.end == first.start and prev.tag.startswith("名詞-固有名詞") \
                    and re.fullmatch(rf"[{_KANJI}]{{1,3}}", prev.text):
                first = prev
            elif _family_name_in_cell(text, prev, first):
                out.append((prev.start, first.end, FULL))
                continue
        names = [t for t in toks if t.start >= first.start]
        while len(names) > 1 and names[-1].text in _people_suffixes():
            names = names[:-1]      # 進藤|本人, 太田|派: GiNZA takes the word after the name in
        glued_in = False
        while len(names) > 1 and not names[-1].is_person_name and _is_given_token(names[-2]) \
                and names[-1].tag.startswith(("名詞-普通名詞", "接尾辞-名詞的")):
            names, glued_in = names[:-1], True      # 沢木透|賞: GiNZA takes the thing named after him in
        kinds = person_name_parts(names)
        span = text[first.start:names[-1].end]
        katakana = re.fullmatch(rf"[{_KATA}]+(?:[・=＝][{_KATA}]+)+", span)
        glued = glued_in or _noun_goes_on(tokens, names[-1].i, text)
        if glued and not _read_as_person_at(analysis, first.start):
            continue    # ロバート・ハミル|事件, 沢木透|賞: a name glued to a noun the ensemble reads no person in
        if katakana or (len(names) >= 2 and ("名" in kinds or " " in ent.text or "\u3000" in ent.text) and
                        not (glued and "名" not in kinds)):
            out.append((first.start, names[-1].end, FULL))
        elif len(names) >= 2 and _is_family_token(names[0]) and not glued and \
                re.fullmatch(rf"[{_KANJI}]{{1,2}}", span[len(names[0].text):]) and len(names) <= 3 \
                and (prx_people.get(first.start) == names[-1].end or any(t.is_person_name for t in names[1:])):
            # 徐平, 楊秀麗: a short given name, where prextract's NER reads the same name or UniDic
            # knows it as one (not 長塚|古墳, 岩崎|山砦: a tomb or a fort named after a family)
            out.append((first.start, names[-1].end, FULL))
        elif all(t.is_person_name for t in names) and not glued:
            out.append((first.start, names[-1].end, AGREED))       # agreed short name: kept on its own
        else:
            out.append((first.start, first.end, SHORT))
    return out


def _names_before_honorifics(analysis: Analysis, honorific_at: set[int]) -> list[tuple[int, int, int]]:
    """The name words right before 氏/様/さん…: 人名 or proper-noun tokens, one space allowed."""
    text = analysis.text
    toks = analysis.tokens
    by_end = {t.end: t for t in toks}
    out = []
    for pos in sorted(honorific_at):
        end = pos
        if end not in by_end:
            continue
        k = by_end[end].i
        start = None
        n = 0
        has_name = False
        while k >= 0 and n < 3:
            t = toks[k]
            if not (t.is_person_name or t.pos == "PROPN" or (n > 0 and _nameish(t) and has_name)):
                break
            if t.tag.startswith("名詞-普通名詞") and not t.is_person_name and n == 0 and t.ent != "Person":
                break
            has_name = has_name or t.is_person_name or t.ent == "Person"
            start = t.start
            n += 1
            if k > 0 and toks[k - 1].end < t.start and text[toks[k - 1].end:t.start] not in (" ", "\u3000"):
                break
            k -= 1
        if start is None or not has_name:
            continue
        m = _SPACED_NAME.fullmatch(text, start, end)
        strength = 2 if (m or n >= 2) else 1
        out.append((start, end, strength))
    return out


def _names_after_titles(analysis: Analysis, titles: list[TitleMention]) -> list[tuple[int, int, int]]:
    """``TITLE NAME`` / ``TITLE：NAME``: a spaced name, a 人名 run, or a foreign name right after a title."""
    text = analysis.text
    out = []
    starts = {t.start: t for t in analysis.tokens}
    title_starts = {t.start for t in titles}
    for title in titles:
        pos = title.end
        while pos < len(text) and text[pos] in _SPACES + ":：":
            pos += 1
        if pos in title_starts:
            continue  # 執行役員 総務部長　羽田野 聡子: the next post's name is read after that post
        end = _spaced_name_end(text, pos)
        if end is not None:
            out.append((pos, end, FULL))
            continue
        m = _KANA_NAME.match(text, pos) or _LATIN_NAME.match(text, pos)
        if m and not _ends_name(text, m.end()):
            m = None
        if m and "・" in m.group() or (m and _LATIN_NAME.fullmatch(m.group())):
            out.append((m.start(), m.end(), FULL))
            continue
        tok = starts.get(pos)
        if tok is None or not tok.is_person_name:
            continue
        run_end = tok.end
        k = tok.i + 1
        while k < len(analysis.tokens) and analysis.tokens[k].is_person_name and \
                analysis.tokens[k].start - run_end <= 1:
            run_end = analysis.tokens[k].end
            k += 1
        if run_end > tok.end:
            out.append((pos, run_end, FULL))
    return out


def _spaced_name_end(text: str, pos: int) -> int | None:
    """The end of a spaced name at ``pos`` (大川　正憲): the shortest given name after which a name
    can end, so that a particle is not read as its last kana (大川　正憲|は)."""
    m = _SPACED_NAME.match(text, pos)
    if m is None:
        return None
    given_start = m.start() + max(m.group().find(" "), m.group().find("\u3000")) + 1
    return next((e for e in range(given_start + 1, m.end() + 1) if _ends_name(text, e)), None)


def _ends_name(text: str, pos: int) -> bool:
    """A name ends at a space, punctuation, bracket, honorific, particle or the line's end."""
    if pos >= len(text):
        return True
    ch = text[pos]
    if ch in " \u3000\t\n、。，,（(「【）)：:・/／":
        return True
    if any(text.startswith(h, pos) for h in lexicons.honorifics()):
        return True
    if lexicons.title_pattern().match(text, pos):
        return True
    return ch in "はがのにをとも" and not re.match(rf"[{_HIRA}]", text[pos - 1])


def _foreign_names(analysis: Analysis, titles: list[TitleMention],
                   honorific_at: set[int]) -> list[tuple[int, int, int]]:
    """Katakana names joined by ・ and Latin names next to an honorific or after a title, or
    anywhere when a part of the katakana name is a UniDic 人名 word (ビル・クリントン); a single
    katakana word before an honorific is a short mention (グリーン氏). A ・-name that is the end
    of a longer one (ファン・ダイク氏) is joined to it later. A katakana name after two initials
    or more is a full name wherever it stands (J・K・ローリング)."""
    text = analysis.text
    out = []
    title_ends = {t.end for t in titles}
    name_tokens = {(t.start, t.end) for t in analysis.tokens if t.is_person_name}
    other = [(t.start, t.end) for t in analysis.tokens if _other_entity(t.ent)]
    # a Latin name where prextract's NER confirms a person with the same bounds (Theodor Szanto)
    confirmed = {(e.start, e.end) for e in analysis.entities if e.label == "prx:PERSON" and e.confirmed}
    for rx in (_KANA_NAME, _LATIN_NAME):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            before = s
            while before > 0 and text[before - 1] in _SPACES + ":：":
                before -= 1
            near_title = ((before in title_ends or _glossed_title_ends(text, before, title_ends)) and _ends_name(text, e)) \
                or _post_in_bracket_after(text, e, title_ends)
            near_honorific = e in honorific_at
            joined = "・" in m.group() or rx is _LATIN_NAME
            # (a family name closes it: not a word of the dictionary, ヤマハ・ライト・ミュージック・コンテスト)
            tagged = joined and rx is _KANA_NAME and _ends_name(text, e) and \
                any(s <= a and b <= e for a, b in name_tokens) and not any(s <= a and b <= e for a, b in other) \
                and not _common_word_last(analysis, s, e)
            named = rx is _LATIN_NAME and (s, e) in confirmed
            if joined and (near_title or near_honorific or tagged or named):
                out.append((s, e, FULL))
            elif near_honorific:
                out.append((s, e, SHORT))
    out += [(m.start(), m.end(), FULL) for m in INITIALS_NAME.finditer(text)]
    return out


def _ends_in_common_words(analysis: Analysis, start: int, parts: list[str]) -> bool:
    """The last two parts of a ・-chain starting at ``start`` are each a common word (…ステート・シアター)."""
    pos, spans = start, []
    for part in parts:
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return all(_common_word_last(analysis, a, b) and len(analysis.tokens_in(a, b)) == 1 for a, b in spans[-2:])


def _common_word_last(analysis: Analysis, start: int, end: int) -> bool:
    """The last word of the span is a common word of the dictionary, not a name (…コンテスト, …シアター)."""
    toks = analysis.tokens_in(start, end)
    return bool(toks) and not toks[-1].is_person_name and common_words_only(toks[-1:])


def _glossed_title_ends(text: str, pos: int, title_ends: set[int]) -> bool:
    """CEO（Chief Executive Officer）|: a bracket that glosses a post ends at ``pos``."""
    if pos == 0 or text[pos - 1] not in ")）":
        return False
    opening = max(text.rfind("(", max(0, pos - 34), pos), text.rfind("（", max(0, pos - 34), pos))
    return opening > 0 and opening in title_ends and not re.search(r"[（()）\n]", text[opening + 1:pos - 1])


_BRACKET_AFTER = re.compile(r"[ \u3000]*[（(]([^（）()\n]{1,80})[）)]")


def _post_in_bracket_after(text: str, end: int, title_ends: set[int]) -> bool:
    """John Miller（Bellwood Therapeutics, Inc. CEO）: a bracket right after the name that ends
    with a post says whose post it is."""
    m = _BRACKET_AFTER.match(text, end)
    return m is not None and m.end(1) in title_ends


# 大門 沙織（だいもん さおり）: family and given name, each read in kana, a space between both times
_NAME_READ_IN_PARTS = re.compile(
    rf"(?<![{_KANJI}])([{_KANJI}]{{1,4}})[ \u3000]([{_KANJI}{_HIRA}]{{1,4}})[ \u3000]*"
    rf"[（(][ \u3000]*[{_HIRA}]{{1,8}}[ \u3000][{_HIRA}]{{1,8}}[ \u3000]*[）)]")


def _names_before_spaced_readings(text: str) -> list[tuple[int, int, int]]:
    """A name the dictionaries do not know as one (大門 is also a gate) is still a name where the
    release spells out both its parts."""
    return [(m.start(1), m.end(2), FULL) for m in _NAME_READ_IN_PARTS.finditer(text)]


def _reading_brackets(text: str) -> list[tuple[int, int, str]]:
    """Kana-only brackets right after a name-like word: (start, end, katakana reading)."""
    out = []
    for m in _READING.finditer(text):
        before = text[max(0, m.start() - 1):m.start()]
        if before and re.match(rf"[{_KANJI}{_HIRA}{_KATA}]", before):
            kana = re.sub(r"[ \u3000・]", "", m.group(1))
            out.append((m.start(), m.end(), _to_katakana(kana)))
    return out


def _to_katakana(kana: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in kana)


def _reading_after(text: str, end: int, readings: list[tuple[int, int, str]]) -> str | None:
    pos = end
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    return next((r for s, _, r in readings if s == pos), None)


def _full_name_for(short: str, full: list[PersonMention], pos: int) -> str | None:
    """The full name a surname (or the last part of a foreign name) stands for, nearest before first."""
    def fits(f: PersonMention) -> bool:
        if f.name == short or len(f.name) <= len(short):
            return False
        if f.name.startswith(short):
            return True
        parts = re.split(r"[・=＝ ]", f.name)
        return len(parts) > 1 and ("・".join(parts[1:]) == short or parts[-1] == short or
                                   f.name.endswith("・" + short) or f.name.endswith(" " + short))
    before = [f for f in full if f.start < pos and fits(f)]
    if before:
        return before[-1].name
    after = [f for f in full if fits(f)]
    names = {f.name for f in after}
    return after[0].name if len(names) == 1 else None


def _as_longer_name(p: PersonMention, full: list[PersonMention]) -> PersonMention:
    """``ファン・ダイク氏`` after ``マリーケ・ファン・ダイク``: the last parts of a foreign name;
    ``真鍋頭取`` after ``真鍋孝雄頭取``: a surname after the one full name it starts."""
    if "・" in p.name:
        longer = [f for f in full if f.name != p.name and f.name.endswith("・" + p.name)]
    elif _KANJI_SURNAME.fullmatch(p.name):
        longer = [f for f in full if f.start < p.start and f.name != p.name and f.name.startswith(p.name)]
    else:
        return p
    return replace(p, name=longer[0].name) if len({f.name for f in longer}) == 1 else p


_KANJI_SURNAME = re.compile(rf"[{_KANJI}]{{1,3}}")


def _only_given_name(analysis: Analysis, s: int, e: int) -> bool:
    toks = analysis.tokens_in(s, e)
    return bool(toks) and all(_is_given_token(t) for t in toks)


def name_in_span(text: str, start: int, end: int) -> PersonMention | None:
    """A person mention for a table cell or list field that holds just a name (and maybe its
    reading in brackets): ``桑原　一樹``, ``李 明華（り めいか）``, ``トーマス・グリーン``."""
    while start < end and text[start] in _SPACES:
        start += 1
    reading = None
    m = _READING.search(text, start, end)
    if m:
        reading = _to_katakana(re.sub(r"[ \u3000・]", "", m.group(1)))
        end = m.start()
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    raw = text[start:end]
    if not raw or len(raw) > 12:
        return None
    if not (_SPACED_NAME.fullmatch(raw) or re.fullmatch(rf"[{_KANJI}]{{2,5}}", raw) or
            re.fullmatch(_KANA_NAME.pattern, raw) and "・" in raw or _LATIN_NAME.fullmatch(raw)):
        return None
    if lexicons.title_pattern().search(raw) or normalize_name(raw) in _name_exclusions():
        return None
    return PersonMention(start, end, raw, normalize_name(raw), reading)
