"""People and the posts they hold: the links between a person mention, a title mention and an
organisation mention.

Links follow the layouts releases use (see ``link_roles``); ``settle_roles`` then gives a post
without a written organisation the one the document implies.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from . import lexicons
from .names import org_key
from .orgs import OrgMention
from .person_names import _KANJI, _SPACES, PersonMention
from .titles import _KATA, TitleMention


@dataclass(frozen=True, slots=True)
class RoleLink:
    person: PersonMention
    title: TitleMention
    org: OrgMention | None
    #: the body's id when no mention names it next to the title (a personnel list of the issuer)
    org_id: str | None = None
    #: a body is written beside the title but was not recognised (``ノルド・ケミカル社 CEO``): the
    #: organisation stays unknown rather than implied
    unresolved_org: bool = False
    #: a post at another body, given in a bracket after the post the text is about
    #: (``長谷部 光男議長（株式会社長谷部酒造 代表取締役会長）``): it lends its body to no bare post
    aside: bool = False


# -- linking ------------------------------------------------------------------------------------

def link_roles(text: str, people: list[PersonMention], titles: list[TitleMention],
               orgs: list[OrgMention]) -> list[RoleLink]:
    """Titles and organisations written next to a name, in the layouts releases use:

    - ``ORG TITLE NAME 氏``, ``ORGのTITLEであるNAME``, ``ORG・TITLE NAME`` (title before the name)
    - ``ORG1 TITLE1／ORG2 TITLE2 NAME``: several posts, each with its own organisation
    - ``TITLE兼TITLE NAME``: posts joined by 兼 or ・ share the organisation written before them
    - ``ORG（…、TITLE：NAME、…）``: a title inside an organisation's bracket belongs to it
    - ``NAME（ORG TITLE）``, ``NAME・TITLE``, ``NAME ORG TITLE`` (title after the name)
    - ``ORGのNAME TITLE`` (``同社の岡本沙織社長``)
    - ``東雲市長 NAME``: a 市長/区長/町長/村長 whose first character ends the body's name
    - ``TITLEを務めたORGのNAME``: a post served in, its body unknown
    - labelled blocks: ``会社名　ORG`` then ``代表者名　TITLE NAME`` (column by column in a
      two-body table)
    A title that the text gives by an alias (``LINK-J理事``) links through the alias mention.
    """
    title_by_end = {t.end: t for t in titles}
    title_by_start = {t.start: t for t in titles}
    org_by_end: dict[int, OrgMention] = {}
    for o in orgs:
        org_by_end.setdefault(o.end, o)
    org_by_start = {o.start: o for o in orgs}
    name_starts = {p.start for p in people}
    name_ends = {p.end for p in people}
    blocks = _labelled_blocks(text, orgs, set(title_by_start))
    links: list[RoleLink] = []
    for p in people:
        found = _roles_before(text, p, title_by_end, org_by_end, orgs, name_ends)
        after = _roles_after(text, p, title_by_start, org_by_start, org_by_end, name_starts)
        if found and re.match(r"[ \u3000\t]*\n?[ \u3000\t]*[（(]", text[p.end:p.end + 40]):
            # 評議員　浅野 早苗（東海みらい信用金庫　理事長）: the post before the name is the one the
            # text is about; the bracket tells where the person comes from
            after = [replace(lk, aside=True) for lk in after]
        found += after + _rows_continued(text, p, after, title_by_start, org_by_start, name_starts)
        found += _post_served(text, p, title_by_end, org_by_end)
        seen = set()
        for link in found:
            key = (link.title.start, link.title.end)
            if key in seen:
                continue
            seen.add(key)
            if link.org is None:
                link = replace(link, org=_block_org(blocks, link, text) or _org_of_the_row_above(text, link, titles, orgs)
                               or _the_one_local_government(link, orgs))
            links.append(_at_the_unit_headed(link, orgs))
    taken = {(lk.title.start, lk.title.end) for lk in links}
    links += [lk for lk in _posts_held_by_topic(text, people, titles, org_by_end)
              if (lk.title.start, lk.title.end) not in taken]
    return links


_HELD = re.compile(r"を(?:務め|つとめ|兼務し|兼任し)")
_SAME_PERSON = re.compile(r"(?:同氏|同人)(?:は|が)")


def _posts_held_by_topic(text: str, people: list[PersonMention], titles: list[TitleMention],
                         org_by_end: dict[int, OrgMention]) -> list[RoleLink]:
    """``大峯勝利氏は…、現在は同社の取締役会長を務めております`` (or ``同氏は…``): a post the
    sentence's topic holds at the body written before it."""
    out = []
    for t in titles:
        if not _HELD.match(text, t.end):
            continue
        pos = _skip_back(text, t.start)
        org = org_by_end.get(pos - 1) if text[:pos].endswith("の") else None
        if org is None:
            continue
        start = max(text.rfind("。", 0, t.start), text.rfind("\n", 0, t.start)) + 1
        topic = None
        for p in people:
            if start <= p.start and p.end <= t.start and re.match(r"(?:氏|さん)?は", text[p.end:p.end + 2]):
                topic = p
        same = _SAME_PERSON.search(text, start, t.start)
        if topic is None and same is not None:
            before = [p for p in people if p.end <= start and len(p.name) >= 3]
            topic = before[-1] if before else None
        if topic is not None:
            out.append(RoleLink(topic, t, org))
    return out


_SERVED = re.compile(r"を(?:務め|つとめ)(?:た|る|ている|ていた|てきた|られた)$")


def _post_served(text: str, p: PersonMention, title_by_end, org_by_end) -> list[RoleLink]:
    """審査委員長を務めた城北経済大学の長岡真弓教授: the post is the person's, at a body the text
    does not name (the body after it is that of the person's own post), or at the one written
    before it (三ツ森産機でロボット事業部長を務めた高峰 彩)."""
    pos = _skip_back(text, p.start)
    org = org_by_end.get(pos - 1) if text[:pos].endswith("の") else None
    if org is not None:
        pos = org.start
    served = _SERVED.search(text, max(0, pos - 12), pos)
    title = title_by_end.get(served.start()) if served else None
    if title is None:
        return []
    # 三ツ森産機でロボット事業部長を務めた高峰 彩: the body the post was served at is written before it
    at = org_by_end.get(title.start - 1) if text[title.start - 1:title.start] in ("で", "の") else None
    if at is not None:
        return [RoleLink(p, title, at)]
    return [RoleLink(p, title, None, unresolved_org=True)]


#: the head of a local government and the level of the body they head
_LOCAL_HEADS = {"知事": "都道府県", "副知事": "都道府県", "市長": "市", "副市長": "市", "区長": "区", "副区長": "区",
                "町長": "町", "副町長": "町", "村長": "村", "副村長": "村"}


def _the_one_local_government(link: RoleLink, orgs: list[OrgMention]) -> OrgMention | None:
    """知事 with no body written: the one prefecture the release names (a city for 市長 …)."""
    levels = _LOCAL_HEADS.get(link.title.text)
    if levels is None:
        return None
    one = _the_one_named(orgs, levels, prefectures_only=levels == "都道府県")
    if one is None and levels != "都道府県":
        # 高柳雅彦市長 in an article on 越前市 that also recalls 鯖江市: the city named first
        # is the one the text is about
        cities = [o for o in _named_of_levels(orgs, levels, prefectures_only=False) if o.start < link.title.start]
        one = min(cities, key=lambda o: o.start) if cities else None
    return one


def _the_one_named(orgs: list[OrgMention], levels: str, *, prefectures_only: bool) -> OrgMention | None:
    """The first mention of the one body of these levels (都道府県, 市 …) the release names, if it
    names exactly one."""
    named = _named_of_levels(orgs, levels, prefectures_only=prefectures_only)
    return named[0] if len({o.text for o in named}) == 1 else None


def _named_of_levels(orgs: list[OrgMention], levels: str, *, prefectures_only: bool) -> list[OrgMention]:
    """The mentions of bodies of these levels: a prefecture of the 47, or a government body
    ending in the level."""
    return [o for o in orgs if o.source != "anaphor" and len(o.text) >= 2 and o.text[-1] in levels
            and (o.text in lexicons.prefectures() if prefectures_only else o.kind == "government")]


# what lies between the cells of a line: spaces, and the dashes some tables draw between them
# (北浦運輸株式会社　―　代表取締役社長　―　國分 正樹)
_GAP = _SPACES + "―—"


def _skip_back(text: str, pos: int, chars: str = _GAP) -> int:
    while pos > 0 and text[pos - 1] in chars:
        pos -= 1
    return pos


def _org_ending_at(text: str, pos: int, org_by_end: dict[int, OrgMention], orgs: list[OrgMention],
                   title: TitleMention | None = None) -> OrgMention | None:
    """The organisation mention that ends at ``pos`` (spaces or ・ between allowed). For
    ``東雲市長`` the body's last character is the title's first: a mention of 東雲市 elsewhere in
    the text whose name ends at ``pos + 1`` stands for it."""
    org = org_by_end.get(pos) or org_by_end.get(_skip_back(text, pos, _GAP + "・"))
    if org is None and title is not None and re.match(r"[市区町村]長|[都道府県]知事", title.text):
        org = next((o for o in orgs if o.source != "anaphor" and len(o.text) >= 2
                    and text[pos + 1 - len(o.text):pos + 1] == o.text), None)
        if org is None and not re.match(rf"[{_KANJI}{_KATA}]", text[pos - 1:pos]):
            # 県知事 on its own: the one prefecture the release names (愛知県と…。県知事の大村秀章氏)
            org = _the_one_named(orgs, title.text[0], prefectures_only=True)
    return org


def _roles_before(text: str, p: PersonMention, title_by_end, org_by_end, orgs,
                  name_ends: set[int] = frozenset()) -> list[RoleLink]:
    pos = _skip_back(text, p.start)
    for glue in ("である", "の", "：", ":"):
        back = _skip_back(text, pos - len(glue)) if text[:pos].endswith(glue) else -1
        qualifier = _QUALIFIER_BEFORE.search(text, max(0, back - 16), back) if back > 0 else None
        if qualifier and _skip_back(text, qualifier.start()) in title_by_end:
            back = _skip_back(text, qualifier.start())  # 副学長（研究・産学連携担当）の村瀬敬子
        if back in title_by_end:
            pos = back
            break
    else:
        qualifier = _QUALIFIER_BEFORE.search(text, max(0, pos - 16), pos)
        if qualifier and _skip_back(text, qualifier.start()) in title_by_end:
            pos = _skip_back(text, qualifier.start())  # 社外取締役（独立役員）　中西 由紀子
    chain: list[tuple[TitleMention, OrgMention | None, str]] = []   # (title, org, joiner before it)
    while pos in title_by_end:
        title = title_by_end[pos]
        pos = _skip_back(text, title.start)
        if text[:pos].endswith("の") and (pos - 1) in org_by_end:
            pos -= 1
        org = _org_ending_at(text, pos, org_by_end, orgs, title)
        place = _PLACE_BRACKET_BEFORE.search(text, max(0, pos - 14), pos) if org is None else None
        if place is not None and place.start() in org_by_end and _starts_a_field(text, title.start):
            org = org_by_end[place.start()]  # 羽州織物株式会社（米沢市）　代表取締役社長　遠藤 真理子
        if org is not None:
            pos = min(org.start, pos)
        joiner = ""
        back = _skip_back(text, pos)
        for j in ("兼務", "兼任", "兼", "・", "/", "／", "、"):
            if text[:back].endswith(j):
                joiner = j
                pos = _skip_back(text, back - len(j))
                break
        else:
            before = title_by_end.get(back)
            if org is None and back < title.start and before is not None and _starts_a_field(text, before.start):
                joiner = " "  # 取締役 専務執行役員　営業本部長: posts one after another, spaces between
        chain.append((title, org, joiner))
        if not joiner or joiner == "、" and org is None:
            break
        if joiner == "、" and (pos not in title_by_end or _skip_back(text, title_by_end[pos].start) in name_ends):
            break  # …水谷 晴香 助教、同研究科大学院生の佐野 航: the post before 、 is another person's
    if not chain:
        return []
    # posts joined by 兼/・ without their own organisation share the one written before them
    links: list[RoleLink] = []
    inherited: OrgMention | None = None
    for title, org, joiner in reversed(chain):
        if org is not None:
            inherited = org
        elif joiner in ("/", "／", "、"):
            inherited = None
        use = org or inherited
        group = False
        if use is None:
            use = _bracket_owner(text, title.start, orgs)
            group = use is None and _bracket_of_a_group(text, title.start)
        links.append(RoleLink(p, title, use, unresolved_org=group))
        if joiner in ("/", "／"):
            inherited = None
    return links


#: a place in brackets between a body and the post of its person: ORG（米沢市）　TITLE NAME
_PLACE_BRACKET_BEFORE = re.compile(r"[（(][^（）()\n、。：:]{1,10}?[都道府県市区町村][）)][ \u3000]*$")
#: a short bracket between a post and the name that qualifies the post (監査等委員, 非常勤, 独立役員)
_QUALIFIER_BEFORE = re.compile(r"[（(][^（）()\n、。]{1,12}[）)]$")


def _starts_a_field(text: str, pos: int) -> bool:
    """Nothing glued before ``pos``: a line start, a space or punctuation (not 問合せ先|責任者)."""
    return pos == 0 or text[pos - 1] in _SPACES + "\n、。：:（(「"


def _bracket_owner(text: str, pos: int, orgs: list[OrgMention]) -> OrgMention | None:
    """The organisation whose bracket encloses ``pos``: ORG（本社：…、代表取締役：NAME）."""
    end = _bracket_owner_end(text, pos)
    return None if end is None else next((o for o in orgs if o.end == end), None)


def _bracket_of_a_group(text: str, pos: int) -> bool:
    """The bracket enclosing ``pos`` follows a group that is no organisation (経済訪問団（団長：
    宮本 雅美 副市長）): the post is the group's, not the body of the person's other posts."""
    end = _bracket_owner_end(text, pos)
    return end is not None and bool(_GROUP_WORD.search(text, max(0, end - 8), end))


_GROUP_WORD = re.compile(r"(?:団|隊|班|チーム|ミッション|プロジェクト)$")


def _bracket_owner_end(text: str, pos: int) -> int | None:
    """Where the words before the bracket that encloses ``pos`` end (None: no bracket on the line)."""
    line_start = text.rfind("\n", 0, pos) + 1
    depth = 0
    for i in range(pos - 1, line_start - 1, -1):
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return _skip_back(text, i, _SPACES + "」』")
            depth -= 1
    return None


def _roles_after(text: str, p: PersonMention, title_by_start, org_by_start, org_by_end,
                 name_starts: set[int]) -> list[RoleLink]:
    """Titles written after the name: ``NAME（ORG TITLE・TITLE）``, ``NAME・TITLE``,
    ``NAME ORG TITLE``, ``ORGのNAME TITLE``; a ``（現 ORG TITLE）`` bracket too."""
    pos = p.end
    spelling = _LATIN_SPELLING.match(text, pos)  # ジョン・スミス（John Smith）最高技術責任者
    if spelling:
        pos = spelling.end()
    name_end = pos
    for h in sorted(lexicons.honorifics(), key=len, reverse=True):
        if text.startswith(h, _skip_forward(text, pos)):
            pos = _skip_forward(text, pos) + len(h)
            break
    direct = pos == name_end and pos in title_by_start
    spaced_pos = _skip_forward(text, pos)
    if not direct and pos == name_end and text[pos:spaced_pos] in (" ", "\u3000") and spaced_pos in title_by_start:
        # ORGのNAME TITLE with one space before the title (理学研究科の北見 遼平 准教授、)
        # (■東海農生命大学 発酵食品学研究室　村瀬 由紀子 教授のコメント: the body a space before)
        back = _skip_back(text, p.start)
        if text[:back].endswith("の") and _skip_back(text, back - 1) in org_by_end or \
                back < p.start and back in org_by_end:
            direct, pos = True, spaced_pos
    if text.startswith("\n", spaced_pos) and pos == name_end:
        # 代表取締役社長　宇佐美 隆之 / 　　（現 当社執行役員）: the bracket of a table cell's next line
        q = _skip_forward(text, spaced_pos + 1)
        if text[q:q + 1] in ("（", "(") and (text[q + 1:q + 2] in ("現", "前", "元") or _opens_with_a_body(text, q, org_by_start)):
            spaced_pos = q      # …　宇佐美 健吾 / 　（当社 執行役員 兼 農業事業推進部長）
    closing = ""
    if spaced_pos < len(text) and text[spaced_pos] in "（(":
        closing = "）)"
        pos = _past_time_mark(text, spaced_pos + 1)
    elif spaced_pos < len(text) and text[spaced_pos] == "・" and spaced_pos == pos:
        pos = spaced_pos + 1
    elif not direct:
        pos = spaced_pos
    links: list[RoleLink] = []
    inherited: OrgMention | None = None
    if direct:
        # ORGのNAME TITLE / ORG NAME TITLE: the body is written before the name
        back = _skip_back(text, p.start)
        if text[:back].endswith("の"):
            back = _skip_back(text, back - 1)
        inherited = org_by_end.get(back) or _org_by_short_name(text, back, org_by_end)
    while pos < len(text):
        pos = _skip_forward(text, pos)
        org = org_by_start.get(pos)
        if org is not None:
            pos = _skip_forward(text, org.end)
            # 東都芸術大学 デザイン学部 教授: a body and then its part, the post at the part
            part = org_by_start.get(pos)
            if part is not None:
                org, pos = part, _skip_forward(text, part.end)
            if text.startswith("の", pos):
                pos = _skip_forward(text, pos + 1)
            inherited = org
        title = title_by_start.get(pos)
        if title is None:
            break
        if not closing and not direct and _name_follows(text, title.end, name_starts):
            break       # the title belongs to the next name: 代表取締役社長　坂口 修平　　代表取締役　水野 香織
        links.append(RoleLink(p, title, org or inherited))
        pos = title.end
        for j in ("兼務", "兼任", "兼", "・", "/", "／", "、"):
            q = _skip_forward(text, pos)
            if text.startswith(j, q) and (j != "、" or closing):  # outside a bracket 、 ends the name's posts
                pos = q + len(j)
                if j in ("/", "／", "、"):
                    inherited = None
                break
        else:
            break
    if closing and links and not (pos < len(text) and text[_skip_forward(text, pos)] in closing):
        return []
    if not closing and not direct and links and not _line_end_or_break(text, pos):
        return []
    if direct and links and _opens_with_a_body(text, _skip_forward(text, pos), org_by_start):
        # 長谷部 光男議長（株式会社長谷部酒造 代表取締役会長）: the bracket after the post is read
        # as the bracket after a name is
        after = _roles_after(text, replace(p, end=pos), title_by_start, org_by_start, org_by_end, name_starts)
        links += [replace(lk, person=p, aside=True) for lk in after]
    return links


def _at_the_unit_headed(link: RoleLink, orgs: list[OrgMention]) -> RoleLink:
    """``北浦工科大学 副学長・地域共創センター長`` where the release names 北浦工科大学地域共創センター:
    the head of a unit is a post at that unit, the body the text names, not at its parent."""
    if link.org is None or not link.title.text.endswith("長") or len(link.title.text) < 4:
        return link
    unit = link.title.text[:-1]
    parent = lexicons.without_legal_form(link.org.text)
    for o in orgs:
        if o.source != "anaphor" and o.text.endswith(unit) and o.text != link.org.text and \
                lexicons.without_legal_form(o.text).startswith(parent) and len(o.text) > len(parent) + 1:
            return replace(link, org=o)
    return link


def _opens_with_a_body(text: str, pos: int, org_by_start) -> bool:
    """A bracket at ``pos`` whose content starts with an organisation (after 現/前/元)."""
    if text[pos:pos + 1] not in ("（", "("):
        return False
    return _skip_forward(text, _past_time_mark(text, _skip_forward(text, pos + 1))) in org_by_start


def _past_time_mark(text: str, pos: int) -> int:
    """Past a 現/前/元 that opens a bracket's posts (（現 当社執行役員）)."""
    return pos + 1 if text[pos:pos + 1] in ("現", "前", "元") else pos


_LATIN_SPELLING = re.compile(r"[\s\u3000]*[（(][A-Za-z][A-Za-z .'’-]*[)）]")


def _org_by_short_name(text: str, end: int, org_by_end: dict[int, OrgMention]) -> OrgMention | None:
    """``ホクト樹脂の福田真一社長``: a word that begins exactly one named body's name stands for it."""
    m = re.search(rf"[{_KANJI}{_KATA}A-Za-z]{{3,}}$", text[max(0, end - 20):end])
    if not m:
        return None
    word = m.group()
    hits = {}
    for o in org_by_end.values():
        key = org_key(o.text)
        if o.source != "anaphor" and key.startswith(word.casefold()):
            hits.setdefault(key, o)
    return next(iter(hits.values())) if len(hits) == 1 else None


def _skip_forward(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    return pos


def _name_follows(text: str, pos: int, name_starts: set[int]) -> bool:
    q = pos
    while q < len(text) and text[q] in _SPACES + ":：":
        q += 1
    return q in name_starts and q > pos - 1 and (q != pos or text[pos - 1:pos] in ":：")


def _line_end_or_break(text: str, pos: int) -> bool:
    """After ``NAME ORG TITLE`` the field ends: a line end, a bracket, punctuation or wide space."""
    rest = text[pos:pos + 2]
    return not rest or rest[0] in "\n\t、。）)」" or rest.startswith("\u3000") or rest.startswith("  ") or \
        rest[0] in "はがのにをとも" or rest in ("から", "より")  # 真柴 和雄 知事から…授与


# -- labelled blocks ----------------------------------------------------------------------------

_NAME_LABEL = re.compile(r"^[\s\u3000]*(?:[(（][0-9０-９]{1,2}[)）]|[・●■◆◇○□])?[\s\u3000]*"
                         rf"(?:{lexicons.spaced_words(*lexicons.NAME_LABELS)})"
                         r"[\s\u3000]*[:：]?")
_PERSON_LABEL = re.compile(r"^[\s\u3000]*(?:[(（][0-9０-９]{1,2}[)）]|[・●■◆◇○□])?[\s\u3000]*"
                           rf"(?:{lexicons.spaced_words('代表者')}(?:名|の役職(?:・|及び|および)?氏名|役職(?:・|及び)?氏名)?|代表|問合せ先|問い合わせ先|"
                           rf"{lexicons.spaced_words('役員構成', '役員体制', '役員')}|"   # a new company's officers, row by row
                           r"お問い?合わせ先|連絡先|責任者|担当者?)[\s\u3000]*[:：]?")


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    orgs: tuple[OrgMention, ...]     # the bodies named on the name line, in column order
    person_lines: tuple[tuple[int, int], ...]


def _labelled_blocks(text: str, orgs: list[OrgMention], title_starts: set[int] = frozenset()) -> list[_Block]:
    """``会社名 ORG`` / ``名称 ORG1 ORG2`` lines and the ``代表者…`` lines of the same block, or
    lines that start with a post (``取締役　高峰 彩``, ``院　　長　　桐山 直樹``); and a
    body alone on its line over indented ``TITLE NAME`` lines (a research group's members:
    ``雪嶺大学 農学部`` / ``　准教授　　野々村 聡``)."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"(?m)^.*$", text)]     # blank lines too: they close
    blocks: list[_Block] = []
    current: tuple[int, int, tuple[OrgMention, ...]] | None = None
    under_heading = False
    person_lines: list[tuple[int, int]] = []

    def close() -> None:
        nonlocal current, person_lines
        if current:
            blocks.append(_Block(current[0], current[1], current[2], tuple(person_lines)))
        current, person_lines = None, []

    for s, e in lines:
        line = text[s:e]
        label = _NAME_LABEL.match(line)
        profile = None if label else _profile_heading(text, s, e, orgs)
        heading = None if label or profile else body_heading(text, s, e, orgs)
        if label or profile or heading is not None:
            close()
            found = (heading,) if heading is not None else (profile,) if profile else tuple(
                o for o in orgs if s + label.end() <= o.start and o.end <= e and o.source != "anaphor")
            current = (s, e, found) if found else None
            under_heading = heading is not None
            continue
        if current is None:
            continue
        if under_heading:
            if not line.startswith((" ", "\u3000", "\t")) or not line.strip(_SPACES):
                close()
                continue
            unit = body_heading(text, s, e, orgs, indented=True)
            if unit is not None and not person_lines:
                current = (s, e, (unit,))     # 　大学院工学研究科　知能情報学専攻: a unit of the body above
                continue
            if unit is not None:
                close()
                current, under_heading = (s, e, (unit,)), True
                continue
            person_lines.append((s, e))
        elif not line.strip(_SPACES) or line.strip(_SPACES) in ("以上", "以　上"):
            close()
            continue
        elif _PERSON_LABEL.match(line) or _skip_forward(text, s) in title_starts or \
                person_lines and person_lines[-1][1] == s - 1 and \
                _indent(line) > _indent(text[person_lines[0][0]:person_lines[0][1]]) and not re.search(r"[:：]", line):
            person_lines.append((s, e))      # and its next lines, indented deeper (the second representative)
        current = (current[0], e, current[2])
    close()
    return blocks


def _rows_continued(text: str, p: PersonMention, after: list[RoleLink], title_by_start, org_by_start,
                    name_starts: set[int]) -> list[RoleLink]:
    """``宮路 紘子　　宮路・大庭法律事務所 パートナー弁護士`` over ``　　　　　　　株式会社カナメ精工 社外監査役``:
    lines below a ``NAME ORG TITLE`` row that start in its post column and hold only ``ORG TITLE``
    are more posts of the same person."""
    if not after or after[0].org is None:
        return []
    line_start = text.rfind("\n", 0, p.start) + 1
    column = after[0].org.start - line_start
    if text[line_start:p.start].strip(_SPACES) or column <= p.end - line_start:
        return []
    out: list[RoleLink] = []
    pos = text.find("\n", after[-1].title.end)
    while pos != -1:
        start, end = pos + 1, text.find("\n", pos + 1)
        end = len(text) if end == -1 else end
        q = _skip_forward(text, start)
        org = org_by_start.get(q)
        if q - start != column or org is None:
            break
        title = title_by_start.get(_skip_forward(text, org.end))
        if title is None or text[title.end:end].strip(_SPACES) or q in name_starts:
            break
        out.append(RoleLink(p, title, org))
        pos = text.find("\n", title.end)
    return out


def _display_width(s: str) -> int:
    """Columns as a table is drawn: a full-width character takes two, a half-width one one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _org_of_the_row_above(text: str, link: RoleLink, titles: list[TitleMention],
                          orgs: list[OrgMention]) -> OrgMention | None:
    """``島根県　　知事　　　大國 寛治`` over ``　　　　　　商工労働部長　吉岡 里美``: a row whose body
    column is left blank holds a post at the body of the row above, where the posts stand in one
    column (rows of blank bodies between them inherit it too)."""
    line_start = text.rfind("\n", 0, link.title.start) + 1
    if text[line_start:link.title.start].strip(_SPACES):
        return None
    column = _display_width(text[line_start:link.title.start])
    end = line_start - 1
    for _ in range(6):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        above = next((t for t in titles if start <= t.start < end
                      and _display_width(text[start:t.start]) == column), None)
        if above is None:
            return None
        body = [o for o in orgs if start <= o.start and o.end <= above.start]
        if body:
            return body[-1]
        if text[start:above.start].strip(_SPACES):
            return None
        end = start - 1
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(_SPACES))


_PROFILE_HEADING = re.compile(r"[ \t\u3000]*(?:の)?(?:会社|企業|法人|団体|大学|組合)?概要[ \t\u3000]*[】＞>］]?[ \t\u3000]*$")


def _profile_heading(text: str, s: int, e: int, orgs: list[OrgMention]) -> OrgMention | None:
    """【北越エナジー株式会社 会社概要】 / ■ORGの概要: a heading naming the body its rows describe."""
    on_line = [o for o in orgs if s <= o.start and o.end <= e and o.source not in ("anaphor", "alias")]
    if len(on_line) != 1 or text[s:on_line[0].start].strip(_SPACES + "【■◆●□◇＜<［") or \
            not _PROFILE_HEADING.match(text, on_line[0].end, e):
        return None
    return on_line[0]


def body_heading(text: str, s: int, e: int, orgs: list[OrgMention], indented: bool = False) -> OrgMention | None:
    """The body a line names alone, flush left (or ``indented``, a unit under it) after at most
    a bullet: its names (a university and its part) and at most a department word after them
    (ミナセ化成株式会社 研究開発本部, ■株式会社ルミナス 先端診断研究所); the last, most specific name."""
    line = text[s:e]
    if not line or (line[0] in _SPACES) != indented or "。" in line or "、" in line:
        return None
    on_line = [o for o in orgs if s <= o.start and o.end <= e and o.source not in ("anaphor", "alias")]
    if not on_line or text[s:on_line[0].start].strip(_SPACES + _BULLETS):
        return None
    rest = text[on_line[-1].end:e].strip(_SPACES)
    between = "".join(text[a.end:b.start] for a, b in zip(on_line, on_line[1:]))
    if between.strip(_SPACES) or (rest and not lexicons.is_department_tail(rest)):
        return None
    return on_line[-1]


_BULLETS = "■□◆◇●○・"


def _block_org(blocks: list[_Block], link: RoleLink, text: str) -> OrgMention | None:
    pos = link.title.start
    for b in blocks:
        for s, e in b.person_lines:
            if not (s <= pos < e):
                continue
            if len(b.orgs) == 1:
                return b.orgs[0]
            aligned = _body_above_in_column(text, b.orgs, pos)
            if aligned is not None:
                return aligned
            # several columns: the k-th title group on the line belongs to the k-th body
            column = next((k for k, (a, z) in enumerate(_columns(text, s, e)) if a <= pos < z), None)
            if column is None:
                return None
            return b.orgs[column] if column < len(b.orgs) else None
    return None


def _body_above_in_column(text: str, orgs: tuple[OrgMention, ...], pos: int) -> OrgMention | None:
    """名称　　堀江テクノ化成株式会社　　　株式会社高浜ポリマー over 代表者　　代表取締役社長　堀江 修平
    　代表取締役社長　高浜 由紀子: where the bodies stand on one line, the post belongs to the body
    whose column (as the table is drawn) it starts in; the cells of the post's line may be one
    space apart, too close to tell by gaps."""
    line_start = text.rfind("\n", 0, orgs[0].start) + 1
    if any(text.rfind("\n", 0, o.start) + 1 != line_start for o in orgs):
        return None
    columns = [_display_width(text[line_start:o.start]) for o in orgs]
    if len(set(columns)) != len(columns):
        return None
    column = _display_width(text[text.rfind("\n", 0, pos) + 1:pos])
    before = [(c, o) for c, o in zip(columns, orgs) if c <= column + 1]
    return max(before, key=lambda x: x[0])[1] if before else None


def _columns(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The column spans of a table line after its label: cells separated by 2+ spaces or tabs,
    a TITLE + NAME pair kept in one column."""
    label = _PERSON_LABEL.match(text[s:e])
    pos = s + label.end() if label else s
    cells = []
    for m in re.finditer(r"[^\t]+?(?=[ \u3000]{2,}|\t|$)", text[pos:e]):
        if m.group().strip(_SPACES):
            cells.append((pos + m.start(), pos + m.end()))
    # merge a title cell with the name cell after it: 代表取締役社長　坂口 修平
    merged: list[tuple[int, int]] = []
    for a, z in cells:
        cell = text[a:z].strip(_SPACES)
        if merged and not lexicons.title_pattern().fullmatch(cell) and \
                lexicons.title_pattern().fullmatch(text[merged[-1][0]:merged[-1][1]].strip(_SPACES)):
            merged[-1] = (merged[-1][0], z)
        else:
            merged.append((a, z))
    return merged


# -- settling the organisation of a post ------------------------------------------------------------

def settle_roles(text: str, people: list[PersonMention], links: list[RoleLink],
                 issuer_id: str | None, id_of=None) -> list[RoleLink]:
    """Give posts without a written organisation the one the document implies, and drop repeats.

    - A post written elsewhere with its organisation (``■代表取締役 CEO 桐生 遼のコメント`` after
      ``株式会社メディスコープ（代表取締役CEO：桐生 遼）``) is that post: the bare repeat goes.
    - A post of a meeting (大会長) is at the issuer, which holds it.
    - Releases write their own people without an honorific and outsiders with one (氏, 様): a
      bare post of a person never given an honorific is at the body of their other posts when
      those are all at one, else at the issuer. An outsider's bare post stays without a body.
    ``id_of`` maps a mention to its organisation id, so that two mentions of one body agree.
    """
    def org_key(link: RoleLink):
        if link.org is not None:
            return ("m", id_of(link.org)) if id_of else ("m", link.org.start, link.org.end)
        return ("id", link.org_id)

    by_person: dict[str, list[RoleLink]] = {}
    for link in links:
        by_person.setdefault(link.person.name, []).append(link)
    honoured = {p.name for p in people if _has_honorific(text, p)}
    out: list[RoleLink] = []
    for name, person_links in by_person.items():
        placed = [lk for lk in person_links if (lk.org is not None or lk.org_id is not None) and not lk.aside]
        titles_placed = {lk.title.text for lk in placed}
        bodies = {org_key(lk) for lk in placed}
        for link in person_links:
            if link.org is None and link.org_id is None:
                if link.title.text in titles_placed or \
                        any(_short_form_of(link.title.text, t, lexicons.titles()) for t in titles_placed):
                    continue      # 佐久間社長 beside her two 代表取締役社長 posts: one of them
                if link.title.text in lexicons.event_titles() and issuer_id is not None:
                    link = replace(link, org_id=issuer_id)   # 大会長: of the meeting the issuer holds
                elif name not in honoured and not link.unresolved_org:
                    if len(bodies) == 1 and placed:
                        ref = placed[0]
                        link = replace(link, org=ref.org, org_id=ref.org_id)
                    elif not placed and issuer_id is not None:
                        link = replace(link, org_id=issuer_id)
            out.append(link)
    return _without_short_forms(out, org_key)


def _without_short_forms(links: list[RoleLink], org_key) -> list[RoleLink]:
    """``大庭社長`` beside ``代表取締役社長 大庭誠一``: 社長 is the short form of the same post (the
    longer title is a board title + the shorter), not a second one. 専務取締役 and 取締役 stay two."""
    held: dict[tuple, set[str]] = {}
    for link in links:
        held.setdefault((link.person.name, org_key(link)), set()).add(link.title.text)
    # 堀雅彦取締役生産本部長 beside the list's 取締役 生産本部長: the posts written together, not a third
    joined = {key: {t for t in posts if _joins_posts(t, posts - {t})} for key, posts in held.items()}
    titles = lexicons.titles()
    out = []
    for link in links:
        t = link.title.text
        key = (link.person.name, org_key(link))
        longer = held[key] - joined[key]
        if t in joined[key] or any(_short_form_of(t, lt, titles) for lt in longer):
            continue
        out.append(link)
    return out


def _joins_posts(title: str, posts: set[str]) -> bool:
    """The title is two or more of ``posts`` written one after another (取締役 + 生産本部長)."""
    def split(rest: str, pieces: int) -> bool:
        if not rest:
            return pieces >= 2
        return any(rest.startswith(p) and split(rest[len(p):], pieces + 1) for p in posts if p)
    return split(title, 0)


def _short_form_of(short: str, long: str, titles: frozenset[str]) -> bool:
    """社長 in 代表取締役社長 or 代表取締役社長執行役員: a board title before it, a title or nothing after."""
    if len(long) <= len(short):
        return False
    for m in re.finditer(re.escape(short), long):
        before, after = long[:m.start()], long[m.end():]
        if len(before) >= 3 and before in titles and (not after or after in titles):
            return True
    return False


def _has_honorific(text: str, p: PersonMention) -> bool:
    pos = p.end
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    return any(text.startswith(h, pos) for h in lexicons.honorifics())
