"""Aliases of organisations: where the text defines one, and where it is used.

Definitions: ``ORG（…、以下「X」）``, ``ORG（以下、X）``, an abbreviation or a reading in the bracket
right after the name (``カリフォルニア大学サンディエゴ校（UCSD）``, ``Eurobiomed（ユーロバイオメッド、…）``),
``略称：X``. Uses: every later occurrence of X, which then counts as a mention of ORG.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicons
from .orgs import OrgMention

_IKA = re.compile(r"以下[、,，\s]*[「『“\"]?([^」』”\"、，,）)]{1,30}?)[」』”\"]?\s*(?:[、，,）)]|という|と(?:いう|称)|$)")
_RYAKU = re.compile(r"略称[：:\s]*[「『]?([^」』、，,）)\s]{1,20})")
_ABBREV = re.compile(r"[A-Z][A-Za-z0-9&.\-]{0,14}")
# up to the bracket's end or a full-width comma (a Latin name has none: Co., Ltd. uses Latin ones)
_ENGLISH_NAME = re.compile(r"[ \u3000]*(?:英文|英語)(?:社名|商号|名称|名|表記)[ \u3000]*[：:][ \u3000]*(\S(?:[^、]*[^、\s\u3000])?)[ \u3000]*(?=、|$)")
_KATAKANA = re.compile(r"[\u30A0-\u30FF・]{2,30}")
#: あさなぎ沿岸レジリエンス研究センター（Asanagi Coastal Resilience Research Center）: the name in English
_ENGLISH_TRANSLATION = re.compile(r"[A-Z][A-Za-z&.'-]*(?: (?:[A-Z][A-Za-z&.'-]*|of|and|for|the|on|in)){2,9}")


@dataclass(frozen=True, slots=True)
class AliasDefinition:
    alias: str
    start: int        # offsets of the alias text where it is defined
    end: int
    org: OrgMention


def _bracket_after(text: str, org: OrgMention, next_line: bool = False) -> tuple[int, str] | None:
    """(offset, inner text) of the bracket that directly follows a mention, if any; with
    ``next_line`` also one that opens the next line (a table cell's second line)."""
    pos = org.end
    if text[pos:pos + 1] in ("」", "』") and org.start > 0 and text[org.start - 1] in "「『":
        pos += 1        # 「…研究センター」（以下「H2SIセンター」）: the quoted name's bracket
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    if next_line and text.startswith("\n", pos):
        pos += 1
        while pos < len(text) and text[pos] in " \u3000\t":
            pos += 1
    if pos >= len(text) or text[pos] not in "（(":
        return None
    close = _matching_close(text, pos)
    return None if close is None else (pos + 1, text[pos + 1:close])


def find_self_reference(text: str, orgs: list[OrgMention]) -> OrgMention | None:
    """The first body whose bracket names the release's own word for itself
    (``株式会社X（本社：…、以下「当社」）``): the issuer, said in so many words."""
    issuer_words = set(lexicons.issuer_words())
    for org in orgs:
        bracket = _bracket_after(text, org)
        m = _IKA.search(bracket[1]) if bracket else None
        if m and m.group(1).strip() in issuer_words:
            return org
    return None


def find_alias_definitions(text: str, orgs: list[OrgMention]) -> list[AliasDefinition]:
    out: list[AliasDefinition] = []
    for org in orgs:
        english = _bracket_after(text, org, next_line=True)
        m = _ENGLISH_NAME.match(english[1]) if english else None
        if m:
            # 北陵精機メディカル株式会社（英文名：Hokuryo Seiki Medical Co., Ltd.）: the same body
            out.append(AliasDefinition(m.group(1), english[0] + m.start(1), english[0] + m.end(1), org))
            # and a short name after it: （英文名：…K.K.、以下「ノルドヴィック・ジャパン」）
            ika = _IKA.search(english[1], m.end(1))
            if ika and ika.group(1).strip() not in lexicons.org_anaphora():
                alias = ika.group(1).strip()
                out.append(AliasDefinition(alias, english[0] + ika.start(1), english[0] + ika.start(1) + len(alias), org))
            continue
        # a table cell's second line may hold the bracket: ・名　称　…センター / （Asanagi …、略称：ACReC）
        bracket = _bracket_after(text, org) or _bracket_after(text, org, next_line=True)
        if bracket is None:
            continue
        inner_start, inner = bracket
        m = _IKA.search(inner) or _RYAKU.search(inner)
        if m:
            alias = m.group(1).strip()
            # （以下「当社」）names the issuer's own word for itself: an anaphor, not an alias
            if alias and alias != org.text and alias not in lexicons.org_anaphora():
                out.append(AliasDefinition(alias, inner_start + m.start(1), inner_start + m.start(1) + len(alias), org))
        # the bracket's first item may be a short name or a reading even where 以下「…」 follows:
        # Kessler Medizintechnik GmbH（ケスラー・メディツィンテクニク、本社：…、以下「ケスラー社」）
        first = re.split(r"[、，,;；]", inner, maxsplit=1)[0].strip()
        offset = inner_start + inner.find(first) if first else inner_start
        if m and first == m.group(1).strip():
            continue
        if _is_abbreviation_of(first, org.text) or _is_short_form_of(first, org.text) or (
                _KATAKANA.fullmatch(first) and _is_latin(org.text) and _could_be_reading(first, org.text)) or (
                (_ENGLISH_TRANSLATION.fullmatch(first) or _is_latin_legal_name(first)) and not _is_latin(org.text)):
            out.append(AliasDefinition(first, offset, offset + len(first), org))
    return out


def _is_latin_legal_name(s: str) -> bool:
    """株式会社ノキシタ（Nokishita Inc.）: a Latin name with its legal form, the body's English name."""
    core = lexicons.without_legal_form(s).strip(" ,")
    return _is_latin(s) and bool(re.search(r"[A-Za-z]{2}", core)) and len(core) < len(s.strip())


def _could_be_reading(kana: str, latin: str) -> bool:
    """Katakana in brackets after a Latin name reads it (Eurobiomed（ユーロバイオメッド）) only when
    it is about as long as the name sounds: a short word after a long name is something else,
    such as its country (Saigon Maritime Suppliers Association（ベトナム）)."""
    letters = sum(1 for c in latin if c.isalpha())
    return len(kana) >= 0.35 * letters


def _is_latin(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9&.,'’\- ]+", s))


def _is_abbreviation_of(candidate: str, name: str) -> bool:
    if not _ABBREV.fullmatch(candidate) or len(candidate) < 2:
        return False
    caps = sum(1 for c in candidate if c.isupper())
    if caps < 2 and not _is_latin(name):
        return False
    if _is_latin(name):
        # initials of the Latin name, loosely: OUI for Oxford University Innovation
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())
        return candidate.upper() == initials.upper() or candidate.upper() in name.upper().replace(" ", "")
    return True


_SHORT_FORM = re.compile(r"[\u4E00-\u9FFF\u30A0-\u30FF々]{2,8}")


def _is_short_form_of(candidate: str, name: str) -> bool:
    """A Japanese short form made of the name's own characters, in order, from its first one:
    中小企業基盤整備機構（中小機構）, 産業技術総合研究所（産総研）, 東京大学（東大）."""
    core = lexicons.without_legal_form(name)
    if not _SHORT_FORM.fullmatch(candidate) or len(candidate) >= len(core) or candidate[0] != core[:1]:
        return False
    if candidate in lexicons.prefectures() or re.search(r"[都道府県市区町村国]$", candidate):
        return False  # 中国電力（中国）: where the body is, not its short name
    rest = iter(core)
    return all(ch in rest for ch in candidate)  # a subsequence: each character found after the last


def _matching_close(text: str, open_pos: int) -> int | None:
    depth = 0
    for i in range(open_pos, min(len(text), open_pos + 300)):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth == 0:
                return i
        elif ch == "\n":
            return None
    return None


def alias_mentions(text: str, definitions: list[AliasDefinition]) -> list[OrgMention]:
    """Every occurrence of a defined alias (Latin aliases as whole words), as an org mention."""
    out: list[OrgMention] = []
    for d in definitions:
        for m in re.finditer(re.escape(d.alias), text):
            s, e = m.start(), m.end()
            if _is_latin(d.alias) and ((s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) or
                                       (e < len(text) and text[e].isascii() and text[e].isalnum())):
                continue
            out.append(OrgMention(s, e, d.alias, d.org.kind, "alias"))
    return out
