"""People and the posts they hold: name mentions, title mentions, and the links between them.

Names come from UniDic/Sudachi 人名 tags (姓/名 runs), GiNZA ``Person`` entities that contain a
人名 token, and words next to an honorific or after a title. A title is never a person, an
honorific is never part of a name. Links follow the layouts releases use (see ``link_roles``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from . import lexicons
from .analyse import Analysis, Token
from .names import normalize_name
from .orgs import OrgMention


@dataclass(frozen=True, slots=True)
class TitleMention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    text: str
    name: str       # display form: no spaces, no honorific


@dataclass(frozen=True, slots=True)
class RoleLink:
    person: PersonMention
    title: TitleMention
    org: OrgMention | None
    #: the body's id when no mention names it next to the title (a personnel list of the issuer)
    org_id: str | None = None


_SPACES = " \u3000\t"
_KANA_NAME = re.compile(r"[\u30A0-\u30FF]+(?:[・=＝][\u30A0-\u30FF]+)+|[A-Z][a-z]+(?: [A-Z]\.?)?(?: [A-Z][a-z]+)+")
_KANJI_NAME = re.compile(r"[\u4E00-\u9FFF々]{1,4}[ \u3000]?[\u4E00-\u9FFF々\u3040-\u309F]{1,4}")


def find_titles(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[TitleMention]:
    skip = list(skip)
    out = []
    for m in lexicons.title_pattern().finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        out.append(TitleMention(m.start(), m.end(), m.group()))
    return out


def find_person_mentions(analysis: Analysis, titles: list[TitleMention], orgs: list[OrgMention],
                         skip: Iterable[tuple[int, int]] = ()) -> list[PersonMention]:
    text = analysis.text
    spans: list[tuple[int, int]] = []
    spans.extend(_name_token_runs(analysis.tokens, text))
    spans.extend(_person_entities(analysis))
    spans.extend(_names_before_honorifics(text))
    spans.extend(_names_after_titles(analysis, titles))
    blocked = [(t.start, t.end) for t in titles] + [(o.start, o.end) for o in orgs] + list(skip)
    out: list[PersonMention] = []
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        start, end = _trim_name(text, start, end)
        if end - start < 2 or _overlaps(start, end, blocked):
            continue
        if any(not (end <= p.start or start >= p.end) for p in out):
            continue
        raw = text[start:end]
        out.append(PersonMention(start, end, raw, normalize_name(raw)))
    out.sort(key=lambda p: p.start)
    return _add_surname_mentions(analysis, out, blocked)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(not (end <= s or start >= e) for s, e in spans)


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    for h in sorted(lexicons.honorifics(), key=len, reverse=True):
        if text[start:end].endswith(h) and end - len(h) - start >= 2:
            end -= len(h)
            while end > start and text[end - 1] in _SPACES:
                end -= 1
            break
    return start, end


def _name_token_runs(tokens: tuple[Token, ...], text: str) -> list[tuple[int, int]]:
    """姓 + 名 runs (a space between them allowed); a lone 姓 or 名 only before an honorific."""
    out = []
    k = 0
    while k < len(tokens):
        if not tokens[k].is_person_name:
            k += 1
            continue
        j = k
        while j + 1 < len(tokens) and tokens[j + 1].is_person_name and \
                text[tokens[j].end:tokens[j + 1].start].strip(_SPACES) == "" and \
                tokens[j + 1].start - tokens[j].end <= 1:
            j += 1
        tags = {t.tag.rsplit("-", 1)[-1] for t in tokens[k:j + 1]}
        nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
        if ("姓" in tags and "名" in tags) or nxt in lexicons.honorifics():
            out.append((tokens[k].start, tokens[j].end))
        k = j + 1
    return out


def _person_entities(analysis: Analysis) -> list[tuple[int, int]]:
    out = []
    by_start = {t.start: t for t in analysis.tokens}
    for ent in analysis.entities:
        if ent.label != "Person":
            continue
        toks = [t for t in analysis.tokens if ent.start <= t.start and t.end <= ent.end]
        names = [t for t in toks if t.is_person_name]
        if not names:
            continue
        # keep the 人名 run only: GiNZA glues titles and companies to names (三井不動産取締役)
        out.append((names[0].start, names[-1].end))
    del by_start
    return out


def _names_before_honorifics(text: str) -> list[tuple[int, int]]:
    out = []
    hon = "|".join(re.escape(h) for h in sorted(lexicons.honorifics(), key=len, reverse=True))
    for m in re.finditer(rf"({_KANA_NAME.pattern}|{_KANJI_NAME.pattern})[ \u3000]?(?:{hon})(?![\u4E00-\u9FFF])", text):
        out.append((m.start(1), m.end(1)))
    return out


def _names_after_titles(analysis: Analysis, titles: list[TitleMention]) -> list[tuple[int, int]]:
    """`TITLE NAME` / `TITLE：NAME`: the 人名 tokens or a foreign name right after a title."""
    text = analysis.text
    out = []
    starts = {t.start: t for t in analysis.tokens}
    for title in titles:
        pos = title.end
        while pos < len(text) and text[pos] in _SPACES + ":：":
            pos += 1
        m = _KANA_NAME.match(text, pos)
        if m:
            out.append((m.start(), m.end()))
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
        out.append((pos, run_end))
    return out


def _add_surname_mentions(analysis: Analysis, people: list[PersonMention],
                          blocked: list[tuple[int, int]]) -> list[PersonMention]:
    """A surname alone (植田は…) after a full name is a mention of that person."""
    surnames: dict[str, str] = {}
    for p in people:
        first = next((t for t in analysis.tokens if t.start == p.start and t.tag.endswith("人名-姓")), None)
        if first is not None and first.end < p.end:
            surnames.setdefault(first.text, p.name)
    if not surnames:
        return people
    taken = [(p.start, p.end) for p in people] + blocked
    extra = []
    for t in analysis.tokens:
        if t.text in surnames and t.tag.endswith("人名-姓") and not _overlaps(t.start, t.end, taken):
            nxt = analysis.tokens[t.i + 1] if t.i + 1 < len(analysis.tokens) else None
            if nxt is not None and nxt.is_person_name:
                continue
            extra.append(PersonMention(t.start, t.end, t.text, surnames[t.text]))
    return sorted(people + extra, key=lambda p: p.start)


# -- linking ------------------------------------------------------------------------------------------

def link_roles(text: str, people: list[PersonMention], titles: list[TitleMention],
               orgs: list[OrgMention]) -> list[RoleLink]:
    """Titles and organisations written next to a name, in the layouts releases use:

    - ``ORG TITLE NAME 氏``, ``ORGのTITLEのNAME``, ``ORG・TITLE NAME`` (title before the name)
    - ``ORG1 TITLE1／ORG2 TITLE2 NAME``: several posts, each with its own organisation
    - ``TITLE兼TITLE NAME``: posts joined by 兼 or ・ share the organisation written before them
    - ``ORG（…、TITLE：NAME、…）``: a title inside an organisation's bracket belongs to it
    - ``NAME（ORG TITLE）``, ``NAME・TITLE``, ``NAME ORG TITLE`` (title after the name)
    """
    title_by_end = {t.end: t for t in titles}
    title_by_start = {t.start: t for t in titles}
    org_by_end = {o.end: o for o in orgs}
    org_by_start = {o.start: o for o in orgs}
    links: list[RoleLink] = []
    for p in people:
        found = _roles_before(text, p, title_by_end, org_by_end, orgs)
        if not found:
            found = _roles_after(text, p, title_by_start, org_by_start)
        links.extend(found)
    return links


def _skip_back(text: str, pos: int, chars: str = _SPACES) -> int:
    while pos > 0 and text[pos - 1] in chars:
        pos -= 1
    return pos


def _roles_before(text: str, p: PersonMention, title_by_end, org_by_end, orgs) -> list[RoleLink]:
    pos = _skip_back(text, p.start)
    for glue in ("である", "の", "：", ":"):
        if text[:pos].endswith(glue) and (pos - len(glue)) in title_by_end:
            pos -= len(glue)
            break
    pos = _skip_back(text, pos)
    chain: list[tuple[TitleMention, OrgMention | None, str]] = []   # (title, org, joiner before it)
    while pos in title_by_end:
        title = title_by_end[pos]
        pos = _skip_back(text, title.start)
        if text[:pos].endswith("の") and (pos - 1) in org_by_end:
            pos -= 1
        org = org_by_end.get(pos) or org_by_end.get(_skip_back(text, pos, _SPACES + "・"))
        if org is not None:
            pos = org.start
        joiner = ""
        back = _skip_back(text, pos)
        if back > 0 and text[back - 1] in "兼・/／、":
            joiner = text[back - 1]
            pos = _skip_back(text, back - 1)
        chain.append((title, org, joiner))
        if not joiner or joiner == "、" and org is None:
            break
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
        if use is None:
            use = _bracket_owner(text, title.start, orgs)
        links.append(RoleLink(p, title, use))
        if joiner in ("/", "／"):
            inherited = None
    return links


def _bracket_owner(text: str, pos: int, orgs: list[OrgMention]) -> OrgMention | None:
    """The organisation whose bracket encloses ``pos``: ORG（本社：…、代表取締役：NAME）."""
    line_start = text.rfind("\n", 0, pos) + 1
    depth = 0
    for i in range(pos - 1, line_start - 1, -1):
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                end = _skip_back(text, i)
                return next((o for o in orgs if o.end == end), None)
            depth -= 1
    return None


def _roles_after(text: str, p: PersonMention, title_by_start, org_by_start) -> list[RoleLink]:
    pos = p.end
    for h in sorted(lexicons.honorifics(), key=len, reverse=True):
        if text.startswith(h, pos):
            pos += len(h)
            break
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    closing = ""
    if pos < len(text) and text[pos] in "（(・":
        closing = "）)" if text[pos] in "（(" else ""
        pos += 1
    links = []
    while pos < len(text):
        while pos < len(text) and text[pos] in _SPACES:
            pos += 1
        org = org_by_start.get(pos)
        if org is not None:
            pos = org.end
            while pos < len(text) and text[pos] in _SPACES + "の":
                pos += 1
        title = title_by_start.get(pos)
        if title is None:
            break
        links.append(RoleLink(p, title, org))
        pos = title.end
        if pos < len(text) and text[pos] in "兼・/／、":
            pos += 1
            continue
        break
    if closing and links and not (pos < len(text) and text[pos] in closing):
        return []
    return links
