"""Title mentions: the posts of the title lexicon and their compounds (代表取締役社長執行役員,
経営企画部長), without the body or the person written before a department word and never inside
another word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from . import lexicons

if TYPE_CHECKING:  # titles are found in the text alone; only the without_* steps read tokens
    from .analyse import Analysis, Entity, Token


@dataclass(frozen=True, slots=True)
class TitleMention:
    start: int
    end: int
    text: str


_KATA = "\u30A1-\u30FA\u30FC"


def find_titles(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[TitleMention]:
    """Title mentions: lexicon posts and their compounds, and department heads (経営企画部長).

    A department part never swallows the body before it: ``当社経営企画部長`` gives
    ``経営企画部長`` (当社 is an organisation mention), ``潮見市環境部長`` gives ``環境部長``.
    """
    skip = list(skip)
    out = []
    for m in lexicons.title_pattern().finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        start = _after_time_word(text, m.start() + _body_prefix_length(m.group()), m.end())
        faculty = lexicons.faculty_post_pattern().fullmatch(text, start, m.end())
        if faculty and start > m.start():
            start = faculty.start("post")   # 東都大学医学部|教授: after a body's name the faculty is its part
        if start < m.end() and _ends_a_prefecture(text, start):
            start += 1      # 京都府|知事: the 府 of 府知事 closes the prefecture's name
        if start >= m.end() or _inside_word(text, start, m.end()):
            continue
        if any(text.startswith(w, m.end()) for w in lexicons.title_parts("word_tail")) and \
                not lexicons.title_pattern().match(text, m.end()):
            continue        # 取締役会, 代表者, 経営陣: the title begins another word
        if lexicons.name_suffix_start_pattern().match(text, m.end()):
            continue        # 日本取締役協会, 日本CFO協会: a word of a body's name
        post = text[start:m.end()]
        if any(len(w) > len(post) and w.startswith(post) and text.startswith(w, start)
               for w in (*lexicons.org_suffixes(), *lexicons.legal_form_texts())):
            continue        # 八木橋公認会計士事務所, 税理士法人みどり会計: the profession names the body, no post
        out.extend(_split_at_dots(text, start, m.end()))
    out += [t for t in _spaced_labels(text) if not any(s <= t.start < e for s, e in skip)]
    return sorted((_with_area_in_charge(text, _with_department_path(text, _with_spaced_unit(text, t, skip), skip), skip)
                   for t in out), key=lambda t: t.start)


@lru_cache(maxsize=1)
def _spaced_label() -> re.Pattern[str]:
    short = sorted((t for t in lexicons.titles() if 2 <= len(t) <= 4), key=len, reverse=True)
    return re.compile(r"^[ \u3000]*(?:[・●■◆◇○□][ \u3000]*)?"
                      rf"({lexicons.spaced_words(*short)})(?=[ \u3000]{{2,}}|\t)", re.M)


def _spaced_labels(text: str) -> list[TitleMention]:
    """``院　　長　　桐山 直樹``, ``副 院 長``: a short post spaced out to align a table's first
    column, as the post without its spaces."""
    out = []
    for m in _spaced_label().finditer(text):
        if re.search(r"[ \u3000]", m.group(1)):
            out.append(TitleMention(m.start(1), m.end(1), re.sub(r"[ \u3000]", "", m.group(1))))
    return out


# the area a post is in charge of, before 担当 (アジア太平洋地域|担当バイスプレジデント, 営業|担当取締役):
# after a space, a bracket, a comma or の (a company's word before it is cut off: ハルデン社)
_AREA_BEFORE = re.compile(r"(?:(?<=[\s\u3000【（(「、の])|^)[\u4E00-\u9FFF\u30A0-\u30FF・]{2,24}$", re.M)


def _with_area_in_charge(text: str, t: TitleMention, skip: list[tuple[int, int]]) -> TitleMention:
    """``アジア太平洋地域担当バイスプレジデント``: a post in charge of an area is one post with it."""
    if not t.text.startswith("担当") or t.text in lexicons.titles():
        return t
    m = _AREA_BEFORE.search(text, max(0, t.start - 24), t.start)
    if m is None or any(s < t.start and m.start() < e for s, e in skip):
        return t
    start = m.start() + max((len(w) for w in lexicons.org_anaphora() if m.group().startswith(w)), default=0)
    company = re.search(r"[\u30A0-\u30FFA-Za-z]社", text[start:t.start])
    if company:
        start += company.end()      # ハルデン社|北欧地域担当…: the company's word, not the area
    if not 2 <= t.start - start <= 15:
        return t        # 当社|担当取締役: the body's word, no area
    return TitleMention(start, t.end, text[start:t.start] + t.text)


def _with_spaced_unit(text: str, t: TitleMention, skip: list[tuple[int, int]]) -> TitleMention:
    """``商品開発部 部長``: the head of a unit written a space after the unit's name, the unit word
    repeated (部 … 部長, 本部 … 本部長), is one post ``商品開発部部長`` as the gold writes it."""
    unit = t.text[:-1]
    if not t.text.endswith("長") or unit not in lexicons.title_parts("company_unit"):
        return t
    pos = t.start
    while pos > 0 and text[pos - 1] in " \u3000":
        pos -= 1
    if pos == t.start or not text.endswith(unit, 0, pos):
        return t
    line_start = text.rfind("\n", 0, pos) + 1
    m = _DEPARTMENT_BEFORE.search(text[line_start:pos])
    if m is None or not m.group().endswith(unit) or len(m.group()) <= len(unit):
        return t
    start = line_start + m.start()
    if any(s < pos and start < e for s, e in skip):
        return t
    return TitleMention(start, t.end, m.group() + t.text)


def _with_department_path(text: str, t: TitleMention, skip: list[tuple[int, int]]) -> TitleMention:
    """``営業本部 東日本営業部長``, ``技術開発本部 設計部 設計第一課長``: a head's post written after
    the units above it, one space between each, is one post with its path, as the gold writes it.
    Only one space: a wider gap separates the cells of a table."""
    if not t.text.endswith("長") or t.text in lexicons.titles() and not t.text.endswith(_UNIT_HEADS):
        return t
    m = _DEPARTMENT_PATH.search(text, max(0, t.start - 60), t.start)
    if m is None or any(s < t.start and m.start() < e for s, e in skip):
        return t
    own = next((w for w in lexicons.issuer_words() if m.group().startswith(w)), "")
    start = m.start() + len(own)     # 当社|開発本部 商品企画部長: the issuer's word is no unit
    post = re.sub(r"[ \u3000]", "", text[start:m.end()]) + t.text
    if _body_prefix_length(post):
        return t        # 栃木県県土整備部　道路整備課長: a body heads the path; the post is the head's
    return TitleMention(start, t.end, post)


_UNIT_HEADS = ("部長", "課長", "室長", "支店長", "工場長", "センター長")
# units above a post, each named (2+ characters before the unit word) and followed by one space,
# from the start of a line, a space or bracket run, or a 現/新/旧 mark
_DEPARTMENT_PATH = re.compile(
    r"(?:(?<=[\s\u3000（(【「])|(?<=^)|(?<=[現新旧]))"
    r"(?:[\u4E00-\u9FFF\u30A0-\u30FFA-Za-z0-9・]{2,15}(?:本部|事業部|統括部|部門|部|室|課|支店|工場|センター)[ \u3000])+$",
    re.M)


# the department word before a spaced head: after a space, a bracket or the line's start
_DEPARTMENT_BEFORE = re.compile(r"(?:(?<=[\s\u3000【（(「])|^)[\u4E00-\u9FFF\u30A0-\u30FFA-Za-z・]{2,20}$")


def _split_at_dots(text: str, start: int, end: int) -> list[TitleMention]:
    """理事・産学連携本部長 is two posts (a department word may hold ・, so the pattern ran over it):
    split where every piece is a title of its own; グローバル・マーケティング部長 stays one."""
    pieces, pos = [], start
    for m in re.finditer("・", text[start:end]):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    if len(pieces) > 1 and all(lexicons.title_pattern().fullmatch(text, a, b) for a, b in pieces):
        return [TitleMention(a, b, text[a:b]) for a, b in pieces]
    return [TitleMention(start, end, text[start:end])]


def _ends_a_prefecture(text: str, start: int) -> bool:
    """The 県 of 県知事 closes the prefecture's name before it: a known one (京都府|知事) or any
    name in kanji (青嶺県|知事); not after a word that stands for the prefecture (同県知事, 前県知事)."""
    if text[start] not in "都道府県":
        return False
    if any(text.startswith(name, start + 1 - len(name)) for name in lexicons.prefectures() if len(name) <= start + 1):
        return True
    return start > 0 and "\u4E00" <= text[start - 1] <= "\u9FFF" and text[start - 1] not in _STANDS_FOR_PREFECTURE \
        and text.startswith("知事", start + 1)      # not the 県 of 栃木県|県土整備部長


# kanji before 県知事 that do not name the prefecture: anaphora and words of time
_STANDS_FOR_PREFECTURE = "同本当前元現新旧各全"


_WORD_CHAR = {"kata": re.compile(rf"[{_KATA}・]"), "latin": re.compile(r"[A-Za-z0-9]")}


def _script(ch: str) -> str | None:
    if re.match(rf"[{_KATA}]", ch):
        return "kata"
    if re.match(r"[A-Za-z]", ch):
        return "latin"
    return None


def _inside_word(text: str, start: int, end: int) -> bool:
    """A katakana or Latin title glued to more of its script is part of another word
    (パートナー in エムズ・パートナーズ, CEO in CEOs)."""
    first, last = _script(text[start]), _script(text[end - 1])
    if first and start > 0 and _WORD_CHAR[first].match(text[start - 1]):
        return True
    return bool(last and end < len(text) and _WORD_CHAR[last].match(text[end]) and text[end] != "・")


def _after_time_word(text: str, start: int, end: int) -> int:
    """Past a word of time the department pattern read as a unit's name (新センター長, 現センター
    長): where the lexicon post after it starts."""
    when = next((w for w in lexicons.title_parts("temporal") if text.startswith(w, start)), None)
    return start + len(when) if when and text[start + len(when):end] in lexicons.titles() else start


def _body_prefix_length(title: str) -> int:
    """How many leading characters of a matched title name a body rather than the post."""
    if title in lexicons.titles():
        return 0
    best = 0
    for word in lexicons.org_anaphora():
        if title.startswith(word) and len(title) > len(word) + 1:
            best = max(best, len(word))
    # a place or body ending before a department word: 潮見市|環境部長, 東都大学|医学部長
    # (not the 社 of 社会 or the 市 of 市場: 人文社会科学部長 is one post)
    for m in re.finditer(r"(?:都|道|府|県|市|区|町|村|省|庁|大学|株式会社|社)(?![会場民員内])", title):
        if m.group() == "道" and not title.endswith("北海", 0, m.start()):
            continue    # 整備局道路部長: the 道 of 道路, not of 北海道
        if m.start() >= 1 and title[m.start() - 1] in ("都" if m.group() == "市" else m.group()[-1]):
            continue    # 都市整備部長: the 市 of 都市; 栃木県|県土整備部長: the 県 that starts the department
        rest = title[m.end():]
        if m.start() >= 1 and len(rest) >= 3 and lexicons.title_pattern().fullmatch(rest):
            best = max(best, m.end())
    return best


#: 代表 after a place is a team (日本代表, 茨城県代表), not a representative's post
TEAM_WORD = "代表"


def without_names_ahead(titles: list[TitleMention], analysis: Analysis) -> list[TitleMention]:
    """Titles that begin with a person's name lose it: the department part of a compound title
    (up to 20 characters before 部長, 局長 …) reads on over a name glued before it
    (``山田太郎営業部長`` -> ``営業部長``, ``荒賀泰太薬務局長`` -> ``薬務局長``). A lone surname is
    cut only when the text also writes it as a full name (``山田営業部長は`` after ``山田太郎``):
    a branch or a plant is often named by a place that is also a surname (松本工場長)."""
    out = []
    for t in titles:
        cut = _name_ahead(t, analysis)
        if cut > t.start and lexicons.title_pattern().fullmatch(analysis.text, cut, t.end):
            cut = _after_time_word(analysis.text, cut, t.end)
            t = TitleMention(cut, t.end, analysis.text[cut:t.end])
        out.append(t)
    return out


def without_pieces_of_names(titles: list[TitleMention], analysis: Analysis) -> list[TitleMention]:
    """No title starts or ends inside a word the dictionary reads as a person's name, where an NER
    reads a person there too: the 部長 of 岡部|長介 is a surname's end and a given name's start
    (not the 市長 of 瀬之|浦市|長, a surname to UniDic alone)."""
    people = [e for e in analysis.entities if e.label in ("Person", "prx:PERSON")]
    names = [t for t in analysis.tokens if t.is_person_name and len(t.text) >= 2
             and any(e.start <= t.start and t.end <= e.end for e in people)]
    return [t for t in titles if not any(n.start < t.start < n.end or n.start < t.end < n.end for n in names)]


def without_bodies_ahead(titles: list[TitleMention], analysis: Analysis) -> list[TitleMention]:
    """Titles that begin with a body the NER ensemble confirms lose it: the department part of a
    compound title reads on over a body's name glued before it (``ユネスコ事務局長`` -> ``事務局長``,
    ``元NHK放送総局長`` -> ``放送総局長``), which then stands as an organisation of its own
    (``_body_prefix_length`` knows only bodies that end in 県, 大学, 社 …)."""
    if not titles:
        return titles
    bodies = [e for e in analysis.entities if e.label == "prx:ORGANIZATION" and e.confirmed]
    out = []
    for t in titles:
        body = next((e for e in bodies if t.start <= e.start < e.end < t.end
                     and all(c in "元前現旧" for c in analysis.text[t.start:e.start])), None)
        if body is not None and t.text not in lexicons.titles() and t.end - body.end >= 2 \
                and lexicons.title_pattern().fullmatch(analysis.text, body.end, t.end):
            t = TitleMention(body.end, t.end, analysis.text[body.end:t.end])
        out.append(t)
    return out


def _name_ahead(title: TitleMention, analysis: Analysis) -> int:
    """Where a person's name at the start of the title ends (the title's start if none does)."""
    if title.text in lexicons.titles():
        return title.start
    toks = analysis.tokens_in(title.start, title.end)
    if len(toks) < 2 or toks[0].start != title.start:
        return title.start
    before = analysis.tokens[toks[0].i - 1] if toks[0].i > 0 else None
    # 西村|浩一品質保証部長: the body-prefix cut at 村 left the given name at the title's start;
    # 小松原 智課長: the given name written a space after the surname
    after_surname = before is not None and before.tag.endswith("人名-姓") and (
        before.end == title.start or before.end + 1 == title.start and analysis.text[before.end] in " \u3000")
    read = _person_read_ahead(title, toks, analysis)
    if read is not None:
        return read
    if not (toks[0].tag.endswith("人名-姓") or after_surname):
        return title.start
    given = 0 if after_surname else 1
    while given < len(toks) and toks[given].tag.endswith("人名-名") and \
            (given == 0 or toks[given].start == toks[given - 1].end):
        given += 1
    if after_surname or given > 1:
        return toks[given - 1].end if given else title.start
    surname, tokens, text = toks[0].text, analysis.tokens, analysis.text
    written_in_full = any(  # 山田太郎 or 山田 太郎 elsewhere in the text
        tok.text == surname and tok.i != toks[0].i and tok.i + 1 < len(tokens)
        and tokens[tok.i + 1].tag.endswith("人名-名") and text[tok.end:tokens[tok.i + 1].start] in ("", " ", "\u3000")
        for tok in tokens)
    return toks[0].end if written_in_full else title.start


def _person_read_ahead(title: TitleMention, toks: tuple[Token, ...], analysis: Analysis) -> int | None:
    """Where a full name the trained NER confirms at the title's start ends (徐平|副部長: UniDic
    reads 平 as a common noun, so the token rule above misses it), if the rest is a title. A name
    of one word is left to that rule (a surname is often a place: 松本|工場長) unless every reader
    agrees on a person (山田|部長)."""
    ginza_people = {(e.start, e.end) for e in analysis.entities if e.label == "Person"}
    for e in analysis.entities:
        if e.label == "prx:PERSON" and e.confirmed and e.start == title.start and e.end < title.end \
                and any(t.end == e.end for t in toks) \
                and lexicons.title_pattern().fullmatch(analysis.text, e.end, title.end) \
                and (sum(1 for t in toks if t.end <= e.end) >= 2 or _surname_all_read(toks[0], e, ginza_people)):
            return e.end
    return None


def _surname_all_read(tok: Token, ent: Entity, ginza_people: set[tuple[int, int]]) -> bool:
    """One word that UniDic reads as a surname, the ensemble confirms as a person and GiNZA reads
    as one with the same bounds (山田|部長): every reader agrees on a person, not a place."""
    return (tok.start, tok.end) == (ent.start, ent.end) and tok.tag.endswith("人名-姓") \
        and (ent.start, ent.end) in ginza_people


def without_team_words(titles: list[TitleMention], analysis: Analysis) -> list[TitleMention]:
    """The titles without a 代表 glued to a place name before it (a country's or a prefecture's
    team: orgs reads 日本代表 as a body through its suffix); a post after the team word stays
    (イングランド代表|監督), unless the two make a post of the lexicon (代表取締役)."""
    out = []
    for t in titles:
        before = analysis.tokens_in(max(0, t.start - 12), t.start)
        if t.text.startswith(TEAM_WORD) and before and before[-1].end == t.start and "地名" in before[-1].tag:
            rest = t.start + len(TEAM_WORD)
            if t.text == TEAM_WORD:
                continue
            if t.text not in lexicons.titles() and lexicons.title_pattern().fullmatch(analysis.text, rest, t.end):
                t = TitleMention(rest, t.end, analysis.text[rest:t.end])
        out.append(t)
    return out
