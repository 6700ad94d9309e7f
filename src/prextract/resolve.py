"""One record per organisation: mentions grouped by name key and alias, ids assigned, the issuer
found, and 当社/同社/本学… resolved to the body they stand for."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import lexicons
from .aliases import AliasDefinition, find_self_reference
from .names import normalize_name, org_key
from .orgs import RELEASE_PAPER_WORDS, OrgMention, kind_of
from .records import Organization

_KIND_STRENGTH = {"other": 0, "company": 1, "association": 1, "research": 1, "university": 1, "government": 1}
_LATIN_WORD = re.compile(r"[A-Z][A-Za-z0-9]+")
_TOPIC_AFTER = re.compile(r"\s*(?:[（(][^）)\n]{0,300}[）)])?\s*(?:は|が)")


@dataclass
class OrgIndex:
    organizations: list[Organization]
    id_by_span: dict[tuple[int, int], str] = field(default_factory=dict)
    issuer: str | None = None
    #: 当社/同社… occurrences, each registered in id_by_span under the body it stands for
    anaphora: list[OrgMention] = field(default_factory=list)

    def id_of(self, mention: OrgMention | None) -> str | None:
        if mention is None:
            return None
        return self.id_by_span.get((mention.start, mention.end))

    def name_of(self, org_id: str | None) -> str | None:
        for o in self.organizations:
            if o.id == org_id:
                return o.name
        return None


def resolve_organizations(text: str, mentions: list[OrgMention], definitions: list[AliasDefinition],
                          title_span: tuple[int, int] | None) -> OrgIndex:
    # group keys: a mention's key, joined with its alias's key where an alias is defined
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    mentions = mentions + _bodies_of_offices(mentions)
    full_names = _full_names(text, mentions)
    mentions = [replace(m, text=full_names[(m.start, m.end)]) if (m.start, m.end) in full_names else m
                for m in mentions]
    for d in definitions:
        union(org_key(d.org.text), org_key(d.alias))
    # a part named without its parent is the same body (海洋環境研究所 after 南洋海洋大学海洋環境研究所)
    keys = {org_key(m.text) for m in mentions if m.source not in ("alias", "anaphor")}
    for short in keys:
        for long in keys:
            if len(short) >= 3 and long != short and long.endswith(short):
                head = long[:-len(short)]
                if lexicons.org_suffix_pattern().search(head) or head in lexicons.prefectures():
                    union(long, short)
    # 独Kessler社 after Kessler Medizintechnik GmbH: the press writes a foreign body by its first
    # word and 社, or by the first word alone where the full name has its legal form (Nordwind
    # after Nordwind Systems AB)
    for m in mentions:
        if m.source == "foreign_sha" or _LATIN_WORD.fullmatch(m.text):
            longer = {org_key(o.text) for o in mentions if o.text.startswith(m.text + " ")
                      and (m.source == "foreign_sha" or lexicons.legal_form_pattern().search(o.text))}
            if len(longer) == 1:
                union(longer.pop(), org_key(m.text))
    # 四国みらいFG after 四国みらいフィナンシャルグループ: a name's last words abbreviated the press's way
    for key in keys:
        for long in _with_suffix_spelt_out(key):
            if long in keys:
                union(long, key)
    groups: dict[str, list[OrgMention]] = {}
    order: list[str] = []
    for m in sorted(mentions, key=lambda m: m.start):
        root = find(org_key(m.text))
        if root not in groups:
            groups[root] = []
            order.append(root)
        groups[root].append(m)
    alias_keys = {org_key(d.alias) for d in definitions}

    index = OrgIndex([])
    for n, root in enumerate(order, start=1):
        ms = groups[root]
        full = [m for m in ms if org_key(m.text) not in alias_keys] or ms
        name = max((normalize_name(m.text) for m in full), key=lambda s: (len(s), s))
        key = org_key(name)
        aliases = sorted({normalize_name(m.text) for m in ms if org_key(m.text) != key} |
                         {normalize_name(d.alias) for d in definitions if find(org_key(d.alias)) == root})
        kind = _best_kind([m.kind for m in ms] + [kind_of(name, "other")])
        org_id = f"O{n}"
        index.organizations.append(Organization(
            id=org_id, name=name, kind=kind, aliases=tuple(a for a in aliases if a != name),
            mentions=tuple((m.start, m.end) for m in ms), org_key=key))
        for m in ms:
            index.id_by_span[(m.start, m.end)] = org_id
    index.issuer = _find_issuer(text, mentions, definitions, title_span, index)
    index.anaphora = _add_anaphora(text, mentions, index)
    return index


# the parts of a university that are named after it: 大学院工学研究科, 医学部, 理工学研究科
_UNIVERSITY_PART = re.compile(r"(?:大学院|[^\s]{1,10}?(?:研究科|学部|研究院|学群)|[^\s]{1,16}?(?:研究室|研究センター)$)")


def _full_names(text: str, mentions: list[OrgMention]) -> dict[tuple[int, int], str]:
    """The full names of parts named through their body: ``本学大学院工学研究科`` (the issuer's own
    word for itself, then the part) and ``白鷺大学 大学院工学研究科`` (a space between the
    university and its part, as table cells and signature lines write it). Offsets are not
    changed: only the name the part is known by."""
    out: dict[tuple[int, int], str] = {}
    names = [m for m in mentions if m.source not in ("alias", "anaphor")]
    declared = find_self_reference(text, names)
    university = _the_one_university(names)
    own_words = lexicons.issuer_words()
    for m in names:
        word = next((w for w in own_words if m.text.startswith(w)), None)
        # 本学 is a university's word for itself even where the release never defines it
        itself = declared or (university if word in _UNIVERSITY_OWN_WORDS else None)
        if word is not None and itself is not None:
            rest = m.text[len(word):]
            if _UNIVERSITY_PART.match(rest) or lexicons.department_words().search(rest):
                out[(m.start, m.end)] = itself.text + rest
    for body in names:
        if kind_of(body.text, "other") != "university":
            continue
        for part in names:
            if part.start == body.end + 1 and text[body.end] in " \u3000" and _UNIVERSITY_PART.match(part.text):
                out[(part.start, part.end)] = body.text + part.text
    if university is not None:
        # 大学院工学研究科 alone, in a release that names one university: a part of that one
        for part in names:
            if (part.start, part.end) not in out and _BARE_PART.fullmatch(part.text):
                # the part as the release writes it in full elsewhere (出羽大学大学院農学研究科)
                full = [n.text for n in names if n.text != part.text and n.text.endswith(part.text) and "大学" in n.text]
                out[(part.start, part.end)] = max(full, key=len) if full else university.text + part.text
    return out


#: a university's part named without its university (大学院工学研究科, 農学部)
_BARE_PART = re.compile(r"(?:大学院)?[^\s大]{1,10}?(?:研究科|学部|研究院)|大学院")


_UNIVERSITY_OWN_WORDS = frozenset({"本学", "当大学", "本大学"})


def _the_one_university(names: list[OrgMention]) -> OrgMention | None:
    """The university a release names, when it names one only (its parts aside): 本学 of a
    release that never says ``以下「本学」`` is that one (a company does not call itself 本学)."""
    bodies = [m for m in names if kind_of(m.text, "other") == "university" and not _UNIVERSITY_PART.search(m.text)]
    if len({org_key(m.text) for m in bodies}) != 1:
        return None
    return max(bodies, key=lambda m: len(m.text))


_OFFICE_BODY = re.compile(r"[^\s\u3000]{1,6}?(?:都|道|府|県|市|区|町|村)(?=[\s\u3000])")


def _bodies_of_offices(mentions: list[OrgMention]) -> list[OrgMention]:
    """The prefecture or town of an office the text names only through it (山形県 of 山形県
    産業労働部 産業創造振興課): a body of its own, its mention the office's first word."""
    keys = {org_key(m.text) for m in mentions}
    out = []
    for m in mentions:
        body = _OFFICE_BODY.match(m.text) if m.source == "office" else None
        if body is not None and org_key(body.group()) not in keys:
            keys.add(org_key(body.group()))
            out.append(OrgMention(m.start, m.start + body.end(), body.group(), "government", "office_body"))
    return out


def _body_of_office(sender: OrgMention, mentions: list[OrgMention], index: OrgIndex) -> str | None:
    """A government office sends the release (桐ヶ谷町 企画財政課) for its town: the town's record
    (named elsewhere in the text, or through the office: ``_bodies_of_offices``)."""
    if sender.source != "office":
        return None
    m = _OFFICE_BODY.match(sender.text)
    if m is None:
        return None
    key = org_key(m.group())
    return next((index.id_of(o) for o in mentions if o is not sender and org_key(o.text) == key), None)


def _best_kind(kinds: list[str]) -> str:
    counts: dict[str, int] = {}
    for k in kinds:
        counts[k] = counts.get(k, 0) + 1
    return max(counts, key=lambda k: (_KIND_STRENGTH.get(k, 0), counts[k]))


def _find_issuer(text: str, mentions: list[OrgMention], definitions: list[AliasDefinition],
                 title_span: tuple[int, int] | None, index: OrgIndex) -> str | None:
    """The body a release speaks for: the one that calls itself 当社 (``以下「当社」``), else the
    sender named alone above the headline, else the one that defines its short name
    (``以下「X」``) and is the topic (は/が) of its sentence, else the first topic in the body, else
    the first in the title."""
    body_start = title_span[1] if title_span else 0
    itself = find_self_reference(text, [m for m in mentions if m.source not in ("alias", "anaphor")])
    if itself is not None:
        return index.id_of(itself)
    sender = _sender(text, mentions, title_span)
    if sender is not None:
        return _body_of_office(sender, mentions, index) or index.id_of(sender)
    for d in sorted(definitions, key=lambda d: d.org.start):
        if d.org.start >= body_start and _TOPIC_AFTER.match(text, d.org.end):
            return index.id_of(d.org)
    for m in mentions:
        if m.start >= body_start and _TOPIC_AFTER.match(text, m.end):
            return index.id_of(m)
    for m in mentions:
        if _TOPIC_AFTER.match(text, m.end):
            return index.id_of(m)
    if title_span:
        for m in mentions:
            if title_span[0] <= m.start < title_span[1]:
                return index.id_of(m)
    return None


_SENDER_LABEL = re.compile(r"^[\s\u3000]*(?:(?:上場)?会\s*社\s*名|発\s*信\s*元|発表者|団体名|法人名)?[\s\u3000:：]*")


def _sender(text: str, mentions: list[OrgMention], title_span: tuple[int, int] | None) -> OrgMention | None:
    """The body named alone on a line above the headline (the sender block of a release or a
    disclosure: 会社名　株式会社グランフォート, ㈱ナカノ製作所　総務部)."""
    if title_span is None:
        return None
    for m in mentions:
        if m.start >= title_span[0] or m.source in ("alias", "anaphor"):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:m.start]
        after = text[m.end:line_end].strip(" \u3000\t")
        if _SENDER_LABEL.fullmatch(before) and (not after or lexicons.is_department_tail(after)
                                                 or RELEASE_PAPER.fullmatch(after)):
            return m
    return None


#: 水城市記者発表資料, 〇〇県報道発表: what a sender line calls the paper after the sender's name
RELEASE_PAPER = re.compile(RELEASE_PAPER_WORDS + "$")


_PART_AFTER_ANAPHOR = re.compile(r"(?:大学院)?[\u4E00-\u9FFF\u30A0-\u30FF]{0,10}?(?:研究科|学部|研究院)")


#: 子会社「株式会社湖月アグリサポート」: a body introduced as the one founded
_FOUNDED_BEFORE = re.compile(r"(?:子会社|新会社|合弁会社|新法人|新設会社)[「『]?$")


def _add_anaphora(text: str, mentions: list[OrgMention], index: OrgIndex) -> list[OrgMention]:
    """当社, 弊社, 本学 -> the issuer; 同社, 同大学 -> the last body of that kind named before;
    新会社 -> the last body introduced as a new or subsidiary company."""
    words = lexicons.org_anaphora()
    found: list[OrgMention] = []
    if not words:
        return found
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    taken = [(m.start, m.end) for m in mentions]
    kind_by_id = {o.id: o.kind for o in index.organizations}
    extra: dict[str, list[tuple[int, int]]] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for hit in pattern.finditer(text):
        s, e = hit.start(), hit.end()
        if any(a < e and s < b for a, b in taken):
            continue
        refers = words[hit.group()]
        target = None
        if refers == "issuer":
            target = index.issuer
        elif refers == "founded":
            # 新会社は…: the body the text introduced as a new or subsidiary company (子会社「X」を設立)
            target = next((index.id_of(m) for m in reversed([m for m in ordered if m.end <= s])
                           if _FOUNDED_BEFORE.search(text, max(0, m.start - 8), m.start)), None)
        else:
            for m in reversed([m for m in ordered if m.end <= s]):
                oid = index.id_of(m)
                if oid and (refers == "any" or kind_by_id.get(oid) == refers):
                    target = oid
                    break
        part = _PART_AFTER_ANAPHOR.match(text, e) if refers == "university" else None
        if part and not any(a < part.end() and e < b for a, b in taken):
            e = part.end()  # 同大学経営学部 教授: the part of the body the word stands for
        if target:
            extra.setdefault(target, []).append((s, e))
            found.append(OrgMention(s, e, text[s:e], kind_by_id.get(target, "other"), "anaphor"))
            index.id_by_span[(s, e)] = target
    if extra:
        index.organizations = [
            Organization(o.id, o.name, o.kind, o.aliases, tuple(sorted(o.mentions + tuple(extra.get(o.id, ())))), o.org_key)
            for o in index.organizations]
    return found


def _with_suffix_spelt_out(key: str) -> list[str]:
    """The keys ``key`` would have with its abbreviated last words written out (四国みらいfg ->
    四国みらいフィナンシャルグループ), with and without a ・ before them; none where a Latin
    letter comes before the abbreviation (it is then part of a Latin word)."""
    out = []
    for short, full in lexicons.org_suffix_abbreviations().items():
        short = short.casefold()
        if len(key) > len(short) and key.endswith(short) and not re.match(r"[a-z0-9]", key[-len(short) - 1]):
            stem = key[:-len(short)]
            out.extend((stem + org_key(full), stem + "・" + org_key(full)))
    return out

