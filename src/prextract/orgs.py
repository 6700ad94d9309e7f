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
from dataclasses import dataclass
from typing import Iterable

from . import lexicons
from .analyse import Analysis, Token

#: GiNZA ENE labels that name organisations
ORG_LABELS = {
    "Company": "company", "Company_Group": "company", "Corporation_Other": "other",
    "Government": "government", "School": "university", "Research_Institute": "research",
    "Public_Institution": "other", "International_Organization": "other",
    "Political_Party": "other", "Political_Organization_Other": "other",
    "Organization_Other": "other", "Show_Organization": "other", "Military": "government",
    "Sports_Organization_Other": "other", "Pro_Sports_Organization": "other",
}
PLACE_LABELS = {"Province", "City", "County"}

# which signal a mention came from; lower settles overlaps first at equal length
SOURCE_RANK = {"legal": 0, "lexicon": 1, "suffix": 2, "title_prefix": 3, "latin": 4, "place": 5, "ner": 6}

_CONNECTORS = {"・", "ー", "-", "－", "&", "＆", ".", "'", "’", "･"}
_BAD_INSIDE = re.compile(r"[、。,，:：;；「」『』【】\n]")
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9_.@/\\-])"
    r"[A-Z][A-Za-z0-9]*(?:[&.'’-][A-Za-z0-9]+)*"
    r"(?:[ ](?:of|and|for|the|de|du|la|&|[A-Z][A-Za-z0-9]*(?:[&.'’-][A-Za-z0-9]+)*))*"
    r"(?![A-Za-z0-9_@/-])")
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|html?|docx?|xlsx?|pptx?)$", re.I)
#: Latin words that make a Latin-script name an organisation
_LATIN_ORG_WORDS = re.compile(
    r"\b(?:University|College|Institute|Institution|Foundation|Association|Society|Agency|Bank|Group|"
    r"Holdings|Inc|Ltd|LLC|Corp|Corporation|Company|Partners|Capital|Ventures|Labs?|Laboratory|"
    r"Council|Center|Centre|Hospital|Ministry|Organi[sz]ation|Federation|Alliance|Consortium|"
    r"Fund|Trust|Authority|Commission|Committee|Network|School|Academy|GmbH|AG|plc|PLC)\b")
#: nouns that, in a bracket after a Latin name or directly before it, say "this is a body"
_ORG_HEADS = re.compile(
    r"(?:団体|企業|会社|大学|機関|組織|財団|協会|研究所|法人|メーカー|スタートアップ|ベンチャー|"
    r"銀行|ファンド|病院|政府|省|庁|連盟|学会|コンソーシアム|クラスター)")
_ACTING_AFTER = re.compile(r"^(?:\s*)(?:は|が|と|も|および|及び|ならびに|並びに|や|との|とは|では?なく)")
_ADDRESS_LABEL = re.compile(r"(?:本社|本店|所在地|住所|本部|事務所|所在)\s*[:：]?\s*$")
_PLACE_NAME = re.compile(r"[\u4E00-\u9FFF\u30A0-\u30FFヶ]{1,6}(?:都|道|府|県|市|区|町|村)")
_PLACE_LEVEL = re.compile(r"(?:都|道|府|県|市|区|町|村|郡)")


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    text: str
    kind: str
    source: str     # legal, lexicon, suffix, title_prefix, latin, place, ner, alias, anaphor


def find_org_mentions(analysis: Analysis, title_spans: list[tuple[int, int]],
                      skip: list[tuple[int, int]] = ()) -> list[OrgMention]:
    """All organisation mentions in the text, overlaps settled, boilerplate lines skipped."""
    text = analysis.text
    candidates: list[OrgMention] = []
    title_starts = {s for s, _ in title_spans}
    for chunk in noun_chunks(analysis.tokens, text):
        candidates.extend(_from_chunk(chunk, text, title_starts))
    candidates.extend(_from_lexicon(text))
    candidates.extend(_from_latin(text))
    candidates.extend(_from_entities(analysis, title_spans))
    candidates.extend(_from_places(analysis, title_spans))
    kept = [c for c in candidates if _plausible(c) and not _inside(c, skip) and not _overlaps_title(c, title_spans)]
    return settle_overlaps(kept)


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
    if tok.tag.startswith(("名詞", "接頭辞", "接尾辞")):
        return tok.tag != "名詞-普通名詞-副詞可能" or tok.text in ("本部",)
    return tok.text in lexicons.legal_form_texts()


def noun_chunks(tokens: tuple[Token, ...], text: str) -> list[list[Token]]:
    """Maximal runs of nominal tokens (connectors such as ・ and - allowed inside); a space
    breaks a run except between Latin words."""
    chunks: list[list[Token]] = []
    current: list[Token] = []
    for tok in tokens:
        ok = _is_nominal(tok) or (tok.text in _CONNECTORS and current)
        if ok and current:
            gap = text[current[-1].end:tok.start]
            if gap and not (gap == " " and _latin(current[-1].text) and _latin(tok.text)):
                ok = False
                chunks.append(current)
                current = []
                if _is_nominal(tok):
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


def _latin(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9&.'’-]+", s))


def _from_chunk(chunk: list[Token], text: str, title_starts: set[int]) -> list[OrgMention]:
    out: list[OrgMention] = []
    start = chunk[0].start
    # cut the chunk at the first title that starts inside it (三井不動産|取締役常務執行役員)
    cut = len(chunk)
    for k, tok in enumerate(chunk):
        if k > 0 and tok.start in title_starts:
            cut = k
            break
    head = chunk[:cut]
    if not head:
        return out
    end = head[-1].end
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
        if m and m.start() > 0 and _is_place_name(sub, head[:k + 1]):
            break  # prefectures and cities are bodies only when they act: see _from_places
        if m and m.start() > 0:
            stem = sub[:m.start()]
            if _has_name(stem, head[:k + 1]) and sub not in lexicons.org_generic_words():
                out.append(OrgMention(start, sub_end, sub, lexicons.org_suffixes()[m.group()], "suffix"))
                return out
    # a proper noun right before a title: 三井不動産 + 取締役
    if cut < len(chunk) and any(t.tag.startswith("名詞-固有名詞") and "人名" not in t.tag for t in head):
        if not all("地名" in t.tag for t in head) and span_text not in lexicons.org_generic_words():
            out.append(OrgMention(start, end, span_text, "company", "title_prefix"))
    return out


def _is_place_name(name: str, toks: list[Token]) -> bool:
    if not _PLACE_NAME.fullmatch(name):
        return False
    return name in lexicons.prefectures() or all("地名" in t.tag for t in toks)


def _has_name(stem: str, toks: list[Token]) -> bool:
    """The part before a suffix names something: a proper noun, katakana/Latin, or 2+ kanji."""
    stem = stem.strip("・ー-")
    if not stem or stem in lexicons.org_generic_words():
        return False
    if stem[0] in "同当本各両全他諸" and len(stem) <= 2:
        return False
    if any(t.tag.startswith("名詞-固有名詞") for t in toks):
        return True
    if re.search(r"[\u30A0-\u30FFA-Za-z]", stem):
        return True
    return len(re.findall(r"[\u4E00-\u9FFF]", stem)) >= 2


def _legal_form_match(span_text: str) -> str | None:
    for m in lexicons.legal_form_pattern().finditer(span_text):
        rest = (span_text[:m.start()] + span_text[m.end():]).strip(" ・")
        if rest:
            return lexicons.legal_form_kind(m.group()) or "company"
    return None


# -- other signals ---------------------------------------------------------------------------------

def _from_lexicon(text: str) -> list[OrgMention]:
    out = []
    for name, (kind, aliases) in lexicons.known_orgs().items():
        for form in (name,) + aliases:
            for m in re.finditer(re.escape(form), text):
                if _latin(form) and _latin_neighbour(text, m.start(), m.end()):
                    continue
                out.append(OrgMention(m.start(), m.end(), form, kind, "lexicon"))
    return out


def _latin_neighbour(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()) or \
        (end < len(text) and text[end].isascii() and text[end].isalnum())


def _from_latin(text: str) -> list[OrgMention]:
    out = []
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
        if bracket and (_ORG_HEADS.search(bracket.group(1)) or re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", bracket.group(1))):
            org_like = True
        if _ORG_HEADS.search(before[-6:]) and re.search(r"(?:団体|企業|会社|機関|組織|財団|協会|大学|ファンド)$", before):
            org_like = True
        if org_like:
            out.append(OrgMention(m.start(), m.end(), name, "other", "latin"))
    return out


def _from_entities(analysis: Analysis, title_spans: list[tuple[int, int]]) -> list[OrgMention]:
    out = []
    text = analysis.text
    for ent in analysis.entities:
        kind = ORG_LABELS.get(ent.label)
        if kind is None:
            continue
        start, end = ent.start, ent.end
        # a title glued to the end (…株式会社代表取締役社長) is not part of the name
        for ts, te in title_spans:
            if start < ts < end:
                end = ts
                break
        name = text[start:end]
        if not name or _BAD_INSIDE.search(name):
            continue
        out.append(OrgMention(start, end, name, _kind_from_name(name) or kind, "ner"))
    return out


def _from_places(analysis: Analysis, title_spans: list[tuple[int, int]]) -> list[OrgMention]:
    """Prefectures and municipalities that act as bodies, not addresses."""
    text = analysis.text
    title_starts = {s for s, _ in title_spans}
    spans = {(e.start, e.end) for e in analysis.entities if e.label in PLACE_LABELS}
    for pref in lexicons.prefectures():
        for m in re.finditer(re.escape(pref), text):
            spans.add((m.start(), m.end()))
    out = []
    for start, end in sorted(spans):
        name = text[start:end]
        if not re.search(r"(?:都|道|府|県|市|区|町|村)$", name) or len(name) < 2:
            continue
        if _is_address(text, start, end):
            continue
        after = text[end:end + 6]
        acting = bool(_ACTING_AFTER.match(after))
        nxt = end + (len(after) - len(after.lstrip(" \u3000")))
        if nxt in title_starts or any(ts == nxt for ts, _ in title_spans):
            acting = True
        if acting:
            out.append(OrgMention(start, end, name, "government", "place"))
    # one sense per document: a place that acts once as a body is that body wherever it is
    # named outside an address (2018年8月には川崎市、… after 川崎市および横浜市と)
    acting_names = {m.text for m in out}
    taken = {(m.start, m.end) for m in out}
    for start, end in sorted(spans):
        name = text[start:end]
        if name in acting_names and (start, end) not in taken and not _is_address(text, start, end):
            out.append(OrgMention(start, end, name, "government", "place"))
    return out


def _is_address(text: str, start: int, end: int) -> bool:
    name = text[start:end]
    # two levels in one span (東京都中央区, 山形県鶴岡市) or followed by more address (…町1-2-3, …区日本橋)
    levels = [m.start() for m in _PLACE_LEVEL.finditer(name)]
    if len(levels) >= 2 and levels[0] < len(name) - 1 and not name.endswith("県庁"):
        return True
    if re.match(r"[\u4E00-\u9FFF]{0,6}(?:区|町|村|市)|[0-9０-９一二三四五六七八九十]+(?:丁目|番|-|－)", text[end:end + 8]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    bracket = max(text.rfind("（", line_start, start), text.rfind("(", line_start, start))
    prefix = text[max(line_start, bracket + 1 if bracket >= 0 else line_start):start]
    if _ADDRESS_LABEL.search(prefix):
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

def _plausible(m: OrgMention) -> bool:
    name = m.text.strip()
    if len(name) < 2 or name in lexicons.org_generic_words():
        return False
    if m.source in ("ner", "suffix") and lexicons.org_generic_heads().search(name) and not _legal_form_match(name):
        return False
    if _BAD_INSIDE.search(name) or _FILE_NAME.search(name):
        return False
    if re.fullmatch(r"[0-9０-９年月日.\-/]+", name):
        return False
    return True


def _inside(m: OrgMention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _overlaps_title(m: OrgMention, title_spans: list[tuple[int, int]]) -> bool:
    """A mention that is all title (理事長) or starts inside a title is no organisation."""
    for ts, te in title_spans:
        if ts <= m.start < te:
            return True
    return False
