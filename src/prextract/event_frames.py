"""An event trigger in its sentence: the frame it opens over GiNZA's bunsetsu dependencies, and
that frame's arguments read as bodies, names, dates and places.

The predicate is the trigger's bunsetsu, widened through support verbs (発売を開始, 合併することを決議 —
models/event_support_words.tsv); its arguments are the phrases that depend on it, read by their
case particle: は/が the actor, と the partner, を the object, に the target or place, で the venue,
から/まで/より a range, の a modifier. Where GiNZA merges two phrases into one bunsetsu (「X」を、2024年6月1日に)
the case-marked phrases of the clause are read off the surface instead. The actor may be the topic
of a higher clause, and a reporting verb (と発表した) lends its subject, never its date; the press
(日本経済新聞が報じた) lends neither. A date counts when no other predicate stands between it and the
trigger, so 2024年5月10日開催の取締役会において does not date what the board decided. An adnominal trigger
(開催予定の第78回定時株主総会) names the noun it modifies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .analyse import Sentence, Token
from .lexicons import event_heads
from .context import DocumentContext
from .orgs import OrgMention
from .records import DateMention, MoneyMention
from .resources import load_tsv

_OPEN = "「『（(【〔［[〈《"
_CLOSE = "」』）)】〕］]〉》"
_QUOTED = re.compile(r"[「『]([^「」『』]+)[」』]")
_PARTICLES_ONLY = re.compile(r"[\s　「」『』、，,・はがをにでとのもへやからまでよりおいて対しっ共]*")
_LIST_JOIN = re.compile(r"^\s*(?:（[^）]*）|\([^)]*\))?\s*(?:、|，|,|・|及び|および|並びに|ならびに|と|や)\s*$")
_PLACE_TAG = re.compile(r"地名")
_PLACE_ENT = ("Province", "City", "County", "GPE_Other", "Country")


# -- lexicons ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    type: str
    subtype: str
    weak: bool


@lru_cache(maxsize=None)
def _support_words(role: str) -> frozenset[str]:
    return frozenset(r["word"] for r in load_tsv("event_support_words.tsv") if r["role"] == role)


def _ends_with_head(name: str, kind: str) -> bool:
    name = name.rstrip("」』）) 　")
    return any(name.endswith(w) for w in event_heads(kind))


# -- bunsetsu frames -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Unit:
    """One bunsetsu: its tokens, the bunsetsu it depends on, and its trailing particle."""

    index: int
    tokens: tuple[Token, ...]
    root: Token
    head: int | None
    particle: str
    start: int
    end: int
    content_end: int


_PARTICLE_FOLD = (("において", "で"), ("にて", "で"), ("に対して", "に"), ("に対し", "に"), ("によって", "で"),
                  ("により", "で"), ("とともに", "と"), ("と共に", "と"), ("との間で", "と"), ("との", "と"),
                  ("には", "に"), ("では", "で"), ("とは", "と"), ("からは", "から"), ("までに", "まで"),
                  ("にも", "に"), ("でも", "で"), ("から", "から"), ("より", "より"))


def _fold_particle(p: str) -> str:
    for long, short in _PARTICLE_FOLD:
        if p == long:
            return short
    return "は" if p == "も" else p


class Parse:
    """The bunsetsu of one sentence and their dependencies."""

    def __init__(self, sentence: Sentence, tokens: list[Token]) -> None:
        self.sentence = sentence
        groups: list[list[Token]] = []
        for t in tokens:
            if not groups or t.bunsetu_start:
                groups.append([t])
            else:
                groups[-1].append(t)
        self.unit_of: dict[int, int] = {}
        for n, g in enumerate(groups):
            for t in g:
                self.unit_of[t.i] = n
        self.units: list[Unit] = []
        for n, g in enumerate(groups):
            ids = {t.i for t in g}
            outside = [t for t in g if t.head not in ids or t.head == t.i]
            root = outside[-1] if outside else g[-1]
            head = self.unit_of.get(root.head) if root.head != root.i else None
            if head == n:
                head = None
            tail: list[str] = []
            content_end = g[-1].end
            for t in reversed(g):
                if t.pos == "PUNCT" or t.tag.startswith("補助記号"):
                    content_end = t.start
                    continue
                if t.pos in ("ADP", "SCONJ") or t.dep in ("fixed", "case", "mark") and t.pos != "NOUN":
                    tail.insert(0, t.text)
                    content_end = t.start
                    continue
                break
            self.units.append(Unit(n, tuple(g), root, head, _fold_particle("".join(tail)),
                                   g[0].start, g[-1].end, content_end))
        self.children: dict[int, list[int]] = {}
        for u in self.units:
            if u.head is not None:
                self.children.setdefault(u.head, []).append(u.index)

    def subtree(self, index: int) -> list[int]:
        out, todo = [], [index]
        while todo:
            n = todo.pop()
            out.append(n)
            todo.extend(self.children.get(n, []))
        return sorted(out)

    def span(self, index: int) -> tuple[int, int]:
        """The characters of a bunsetsu with everything that depends on it, without its particle."""
        sub = self.subtree(index)
        return self.units[sub[0]].start, self.units[index].content_end

    def path_up(self, index: int) -> list[int]:
        out, seen = [], set()
        n: int | None = index
        while n is not None and n not in seen:
            seen.add(n)
            out.append(n)
            n = self.units[n].head
        return out


def _predicative(u: Unit) -> bool:
    """A bunsetsu that states an action of its own: a verb or a サ変 noun."""
    return u.root.pos in ("VERB", "ADJ") or "サ変" in u.root.tag


@dataclass(frozen=True, slots=True)
class Arg:
    """An argument phrase of a predicate: the phrase with its modifiers, then its particle."""

    start: int
    end: int            # before the particle
    outer: int          # after the particle and punctuation
    particle: str
    unit: int | None    # the bunsetsu it comes from; None for a phrase read off the surface


@dataclass
class Frame:
    """A trigger in its sentence: the predicate bunsetsu and the arguments around them."""

    sentence: Sentence
    parse: Parse
    start: int                      # trigger offsets in the document
    end: int
    trigger: Trigger
    units: list[int]                # predicate bunsetsu: the trigger's, then support verbs
    args: list[Arg]                 # phrases depending on the predicate
    topics: list[Arg]               # は/が phrases of the predicate and the clauses above it
    head_noun: Arg | None           # the noun an adnominal trigger modifies (開催される展示会)
    clause_end: int                 # where the trigger's clause ends (for status cues)
    report: bool = False            # the clause is the content of a report (…と発表した)

    def arg(self, *particles: str) -> list[Arg]:
        return [a for a in self.args if a.particle in particles]


def _unit_arg(parse: Parse, index: int) -> Arg:
    u = parse.units[index]
    return Arg(parse.span(index)[0], u.content_end, u.end, u.particle, index)


def _is_compound_noun(parse: Parse, tokens: list[Token], end: int) -> bool:
    """The trigger is the first half of a longer noun (発売日, 受賞企業, 資金調達額)."""
    inside = [t for t in tokens if t.start < end < t.end]
    if inside:
        return inside[0].pos in ("NOUN", "PROPN")
    after = [t for t in tokens if t.start >= end]
    if not after:
        return False
    nxt = after[0]
    if nxt.start != end:
        return False
    if parse.unit_of.get(nxt.i) != parse.unit_of.get(_last_before(tokens, end).i):
        # GiNZA sometimes cuts 受賞|企業 into two bunsetsu: a noun right after the trigger, with
        # no particle between, still makes one longer noun
        return nxt.pos in ("NOUN", "PROPN") and nxt.lemma not in _support_words("suffix") \
            and nxt.text not in _support_words("suffix")
    if nxt.pos not in ("NOUN", "PROPN", "NUM") and not nxt.tag.startswith("接尾辞"):
        return False
    return nxt.lemma not in _support_words("suffix") and nxt.text not in _support_words("suffix")


def _last_before(tokens: list[Token], end: int) -> Token:
    cands = [t for t in tokens if t.start < end]
    return cands[-1]


def _is_predicate_token(t: Token, nxt: Token | None) -> bool:
    """A token that heads a clause of its own: a verb, an adjective, or a サ変 noun used as a verb."""
    if t.pos == "VERB" and t.dep not in ("aux", "fixed") and not t.tag.startswith("名詞"):
        return True
    if t.pos == "ADJ" and t.tag.startswith("形容詞"):
        return True
    if "サ変" in t.tag and nxt is not None and nxt.pos == "AUX" and nxt.lemma in ("する", "為る", "できる", "出来る"):
        return True
    return False


def _surface_args(doc: "_Doc", tokens: list[Token], lo: int, limit: int) -> list[Arg]:
    """The case-marked phrases of the clause that ends at limit, read off the surface: the fallback
    where GiNZA's bunsetsu merge two phrases (「X」を、2024年6月1日に) or attach them elsewhere."""
    base = doc.base(lo)
    toks = [t for t in tokens if lo <= t.start and t.end <= limit]
    start_at = 0
    for k, t in enumerate(toks):
        if doc.depth[t.start][0] <= base and _is_predicate_token(t, toks[k + 1] if k + 1 < len(toks) else None):
            start_at = k + 1
    out: list[Arg] = []
    phrase_start: int | None = None
    k = start_at
    while k < len(toks):
        t = toks[k]
        depth_ok = doc.depth[t.start][0] <= base
        if depth_ok and t.pos == "ADP" and t.text != "の" or depth_ok and t.text in ("、", ",", "，"):
            group = [t]
            while k + 1 < len(toks) and (toks[k + 1].pos in ("ADP", "SCONJ") or toks[k + 1].dep == "fixed") \
                    and toks[k + 1].text not in ("の",) or k + 1 < len(toks) and toks[k + 1].text == "の" \
                    and group[-1].text in ("と", "から", "まで", "へ"):
                k += 1
                group.append(toks[k])
            particle = _fold_particle("".join(g.text for g in group if g.pos != "PUNCT"))
            if phrase_start is not None:
                out.append(Arg(phrase_start, group[0].start, group[-1].end, particle, None))
            phrase_start = None
        elif phrase_start is None and t.pos not in ("PUNCT", "AUX", "SCONJ"):
            phrase_start = t.start
        elif phrase_start is None and t.text in _OPEN:
            phrase_start = t.start
        k += 1
    if phrase_start is not None:
        tail = toks[-1] if toks else None
        if tail is not None and tail.text == "の" and tail.start > phrase_start:
            out.append(Arg(phrase_start, tail.start, tail.end, "の", None))
    return out


def _following_noun(doc: "_Doc", tokens: list[Token], pos: int, sent_start: int) -> Arg | None:
    """The noun phrase an adnominal clause modifies: the words right after it, up to the next
    case particle or verb (開催予定の｜第78回定時株主総会｜に)."""
    base = doc.base(sent_start)
    toks = [t for t in tokens if t.start >= pos]
    end = None
    for k, t in enumerate(toks):
        if doc.depth[t.start][0] > base:
            continue
        if t.pos == "ADP" and t.text != "の" or t.text in ("、", "。") or \
                _is_predicate_token(t, toks[k + 1] if k + 1 < len(toks) else None):
            end = t.start
            break
    if end is None:
        end = toks[-1].end if toks else pos
    while end > pos and doc.text[end - 1] in " \u3000":
        end -= 1
    if end <= pos:
        return None
    return Arg(pos, end, end, "", None)


def _frame(doc: "_Doc", parse: Parse, tokens: list[Token], start: int, end: int, trigger: Trigger) -> Frame | None:
    last = _last_before(tokens, end)
    first_unit = parse.unit_of.get(last.i)
    if first_unit is None:
        return None
    units = [first_unit]
    # the trigger's own bunsetsu and those its words span (販売を開始)
    first_tok = next((t for t in tokens if t.end > start), last)
    for n in range(parse.unit_of.get(first_tok.i, first_unit), first_unit):
        units.insert(0, n)
    top = first_unit
    head_noun = None
    report = False
    report_unit = None
    while True:
        u = parse.units[top]
        if u.head is None:
            break
        h = parse.units[u.head]
        lemma = h.root.lemma
        if top == first_unit and u.particle == "の" and h.index > top + 1 and \
                not _predicative(parse.units[top + 1]):
            # 開催予定の｜第71回定時株主総会での｜承認: GiNZA hangs the の-clause on the action
            # after the noun it names; the noun right after it is what was held
            head_noun = _following_noun(doc, tokens, u.end, parse.sentence.start)
            break
        if lemma in _support_words("support") or h.root.text in _support_words("support"):
            units.append(h.index)
            top = h.index
            continue
        if lemma in _support_words("report") or h.root.text in _support_words("report") or \
                lemma in _support_words("media"):
            report = True
            report_unit = h.index
        elif not _predicative(h) and (u.particle in ("の", "") and u.root.dep in ("acl", "nmod", "compound", "amod")
                                      or u.root.dep == "acl"):
            head_noun = _following_noun(doc, tokens, u.end, parse.sentence.start)
        break
    args = [_unit_arg(parse, c) for n in units for c in parse.children.get(n, []) if c not in units]
    # where the parse merged phrases or hung them elsewhere, the surface phrases of the clause
    surface = _surface_args(doc, tokens, parse.sentence.start, start)
    if report_unit is not None:
        # 大和ケミカルは8日、…実施すると発表した: what hangs on the reporting verb is the report's
        surface = [a for a in surface if parse.units[parse.unit_of.get(_last_before(tokens, a.end).i, 0)].head
                   != report_unit]
    kept = []
    for a in args:
        # a bunsetsu with a case particle inside it is two phrases GiNZA merged
        if any(a.start < s.outer <= a.end and s.particle for s in surface):
            continue
        kept.append(a)
    for s in surface:
        if not any(k.start < s.outer and s.start < k.outer for k in kept):
            kept.append(s)
    args = sorted(kept, key=lambda a: a.start)
    topics: list[Arg] = []
    if head_noun is None:
        for n in units[:-1] + parse.path_up(top):
            if parse.units[n].root.lemma in _support_words("media"):
                break             # 日本経済新聞が報じた: the press is no party
            for c in parse.children.get(n, []):
                if c not in units and parse.units[c].particle in ("は", "が"):
                    a = _unit_arg(parse, c)
                    if a not in topics:
                        topics.append(a)
        topics.sort(key=lambda a: a.start)
        if not topics:
            topics = [a for a in _surface_args(doc, tokens, parse.sentence.start, start) if a.particle == "は"][:1]
    # status cues count up to the end of the predicate and its support verbs (発売を予定しています,
    # 合併することを決議いたしました), not in a later clause (…を設置し、…を目指しています)
    clause_end = parse.units[units[-1]].end
    if report:
        clause_end = parse.units[top].end + 12
    return Frame(parse.sentence, parse, start, end, trigger, units, args, topics, head_noun,
                 min(clause_end, parse.sentence.end), report)


# -- document lookups ----------------------------------------------------------------------------

class _Doc:
    """Lookups over one document's mentions, built once per call."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.orgs = sorted(ctx.orgs, key=lambda o: o.start)
        self.dates = [d for d in ctx.dates if d.kind in ("date", "range", "datetime") and d.value]
        self.money = list(ctx.money)
        self.issuer = ctx.issuer_name
        self._parses: dict[int, Parse] = {}
        self.depth = _bracket_depths(self.text)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return self.ctx.analysis.tokens_in(start, end)

    def parse(self, sent: Sentence) -> Parse:
        if sent.start not in self._parses:
            self._parses[sent.start] = Parse(sent, self.tokens_in(sent.start, sent.end))
        return self._parses[sent.start]

    def orgs_in(self, start: int, end: int, *, base_depth: int | None = None) -> list[OrgMention]:
        out = []
        for o in self.orgs:
            if start <= o.start and o.end <= end:
                if base_depth is not None and self.base_paren(o.start) > base_depth:
                    continue
                out.append(o)
        return out

    def paren_depth(self, pos: int) -> int:
        return self.depth[pos][1]

    def base(self, pos: int) -> int:
        """The bracket depth of the text around pos, not counting a bracket that opens at pos."""
        return self.depth[pos][0] - (1 if self.text[pos:pos + 1] in _OPEN else 0)

    def base_paren(self, pos: int) -> int:
        return self.depth[pos][1] - (1 if self.text[pos:pos + 1] in "（(" else 0)

    def name(self, o: OrgMention | None) -> str | None:
        return self.ctx.org_name(o) if o is not None else None

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if d.start < end and start < d.end]

    def money_in(self, start: int, end: int, kind: str = "money") -> list[MoneyMention]:
        return [m for m in self.money if start <= m.start and m.end <= end and m.kind == kind]

    def in_title(self, sent: Sentence) -> bool:
        """The headline, or a line that reads like one (no sentence end): its verb ending is
        dropped, so the body's statement of the same event is the better evidence."""
        span = self.ctx.title_span
        if span is not None and span[0] <= sent.start < span[1]:
            return True
        line_start = self.text.rfind("\n", 0, sent.start) + 1
        line_end = self.text.find("\n", sent.end)
        line = self.text[line_start:line_end if line_end >= 0 else len(self.text)].strip(" \u3000")
        return line == sent.text.strip(" \u3000") and not line.endswith(("。", "」", "）")) and len(line) <= 80


def _bracket_depths(text: str) -> list[tuple[int, int]]:
    """Per character: (depth in any bracket, depth in round brackets only)."""
    out, depth, paren = [], 0, 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
            if ch in "（(":
                paren += 1
        out.append((depth, paren))
        if ch in _CLOSE:
            depth = max(0, depth - 1)
            if ch in "）)":
                paren = max(0, paren - 1)
    out.append((depth, paren))
    return out


# -- arguments -----------------------------------------------------------------------------------

def _arg_orgs(doc: _Doc, f: Frame, a: Arg) -> list[OrgMention]:
    return doc.orgs_in(a.start, a.outer, base_depth=doc.base_paren(f.sentence.start))


def _head_org(doc: _Doc, f: Frame, a: Arg) -> OrgMention | None:
    """The body a phrase names: the last mention before its particle, brackets aside."""
    orgs = [o for o in _arg_orgs(doc, f, a) if o.start < a.end]
    if not orgs:
        return None
    last = orgs[-1]
    between = _strip_brackets(doc.text[last.end:a.outer])
    return last if _PARTICLES_ONLY.fullmatch(between) else None


def _coordinated(doc: _Doc, anchor: OrgMention, lo: int) -> list[OrgMention]:
    """The bodies listed with anchor before it: A（…）、B及びCは -> [A, B, C]."""
    out = [anchor]
    depth = doc.base_paren(anchor.start)
    cands = [o for o in doc.orgs if lo <= o.start and o.end <= anchor.start and doc.base_paren(o.start) == depth]
    cur = anchor
    for o in reversed(cands):
        gap = _strip_brackets(doc.text[o.end:cur.start])
        if gap.strip() and _LIST_JOIN.match(gap):
            out.insert(0, o)
            cur = o
        else:
            break
    return out


def _strip_brackets(s: str) -> str:
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"（[^（）]*）|\([^()]*\)", "", s)
    # 第28回年次大会（JSCDE 2025 高知大会: a bracket the phrase cut before its end
    return re.sub(r"[（(][^（）()]*$", "", s)


def _actor(doc: _Doc, f: Frame) -> tuple[list[str], bool]:
    """The actor(s): the は/が phrase that names a body, with those listed with it and the と
    partners; else a headline's leading 「A（と B）、」; else nothing (the caller may default to
    the issuer)."""
    partners = [doc.name(x) for a in f.arg("と") for x in _orgs_of(doc, f, a)]
    marked = f.topics + [a for a in f.args if a.particle in ("は", "が") and a not in f.topics]
    # the topic (は) before a subject (が) of a clause inside the sentence (当社は、Bが実施する…)
    for a in sorted(marked, key=lambda a: a.particle != "は"):
        o = _head_org(doc, f, a)
        if o is None:
            continue
        names = _unique([doc.name(x) for x in _coordinated(doc, o, a.start)])
        return _unique(names + partners), True
    lead = _headline_lead(doc, f) or _surface_topic(doc, f)
    if lead:
        return _unique(lead + partners), True
    return partners, bool(partners)


def _surface_topic(doc: _Doc, f: Frame) -> list[str]:
    """The sentence's topic read off the surface, where the parse hangs it elsewhere: the bodies
    before the first は/が outside brackets (A（以下「A」）とB（…「両社」）は、…)."""
    base = doc.base(f.sentence.start)
    for t in doc.tokens_in(f.sentence.start, f.start):
        if t.pos == "ADP" and t.text == "は" and doc.depth[t.start][0] <= base:
            orgs = doc.orgs_in(f.sentence.start, t.start, base_depth=doc.base_paren(f.sentence.start))
            if not orgs:
                return []
            gap = _strip_brackets(doc.text[orgs[-1].end:t.start])
            if gap.strip(" \u3000「」"):
                return []
            return _unique(doc.name(o) for o in _coordinated(doc, orgs[-1], f.sentence.start))
    return []


def _headline_lead(doc: _Doc, f: Frame) -> list[str]:
    """A headline's actor: the bodies that open it, followed by 、 (日進マテリアル、…を開所)."""
    s = f.sentence.start
    m = re.search(r"、", doc.text[s:f.start])
    if m is None:
        return []
    comma = s + m.start()
    orgs = [o for o in doc.orgs_in(s, comma) if doc.base_paren(o.start) == doc.base_paren(s)]
    if not orgs or _strip_brackets(doc.text[orgs[-1].end:comma]).strip(" \u3000") != "":
        return _short_name(doc, doc.text[s:comma])
    listed = _coordinated(doc, orgs[-1], s)
    head = doc.text[s:listed[0].start]
    if head.strip(" \u3000") and not re.fullmatch(r"[^、。]{0,20}の", head):
        return []                    # only a short modifier (プラスチック再生の) may come before
    return _unique(doc.name(o) for o in listed)


def _short_name(doc: _Doc, lead: str) -> list[str]:
    """A headline's short name for a body named in full elsewhere (プラスチック再生の｜グリーンループ、)."""
    word = re.split(r"の", lead.strip(" \u3000【】"))[-1].strip(" \u3000")
    if len(word) < 2 or re.search(r"[、。「」]", word):
        return []
    names = _unique(doc.name(o) for o in doc.orgs if word in (doc.name(o) or ""))
    return names[:1] if len(names) == 1 else []


def _orgs_of(doc: _Doc, f: Frame, a: Arg) -> list[OrgMention]:
    o = _head_org(doc, f, a)
    if o is None:
        return []
    return _coordinated(doc, o, a.start)


def _unique(names) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out


def _frame_date(doc: _Doc, f: Frame) -> str | None:
    """A date in an argument of the predicate, with no other predicate between it and the trigger.
    In a report (大和ケミカルは8日、…と発表した) a bare date set off by a comma is the report's."""
    cands: list[DateMention] = []
    for a in f.args:
        if f.report and a.particle == "" and doc.text[a.end:a.outer].startswith("、"):
            continue
        for d in doc.dates_in(a.start, a.outer):
            if _direct(doc, f, d, a):
                cands.append(d)
    for n in f.units:
        u = f.parse.units[n]
        cands += [d for d in doc.dates_in(u.start, u.end) if d.end <= f.start or d.start >= f.end]
    if not cands:
        return None
    ranges = [d for d in cands if d.kind == "range"]
    # an argument stands before its predicate: a date after the trigger is of a later clause
    # (2025年9月1日に設立し、10月1日より営業を開始) unless no date comes before it
    before = [d for d in cands if d.end <= f.start]
    pick = ranges[0] if ranges else min(before or cands, key=lambda d: abs(d.start - f.start))
    return _date_value(pick)


def _direct(doc: _Doc, f: Frame, d: DateMention, a: Arg) -> bool:
    """No other predicate between the date and the trigger (2024年5月10日開催の取締役会において
    dates the board meeting, not what the board decided)."""
    if doc.depth[d.start][0] > doc.base(f.sentence.start):
        return False               # inside a name or a bracket (「2024年度グッドデザイン賞」)
    for t in doc.tokens_in(d.end, a.end):
        if doc.depth[t.start][0] > doc.base(f.sentence.start):
            continue
        if t.pos == "VERB" and t.dep not in ("aux", "fixed") or "サ変" in t.tag:
            return False
    return True


def _date_value(d: DateMention) -> str | None:
    """The date part of a date, datetime or range (events are dated by day)."""
    if d.value is None:
        return None
    parts = [p.split("T")[0] for p in d.value.split("/")]
    if any(not p for p in parts):
        return None
    return "/".join(parts) if len(parts) == 1 or parts[0] != parts[1] else parts[0]


def _quoted(doc: _Doc, s: int, e: int) -> tuple[str, int] | None:
    """The last quoted name in a phrase: the head comes last (除湿機「A」が…「B」を -> B)."""
    found = list(_QUOTED.finditer(doc.text, s, e))
    if not found:
        return None
    return _clean_name(found[-1].group(1)), found[-1].start(1)


def _is_quoted(doc: _Doc, start: int) -> bool:
    return start > 0 and doc.text[start - 1] in "「『"


def _clean_name(name: str) -> str:
    name = _strip_brackets(name)
    return re.sub(r"[ \u3000]+", " ", name).strip(" \u3000、,")


def _arg_text(doc: _Doc, f: Frame, a: Arg) -> tuple[str, int]:
    """What a phrase names: its quoted name, else the noun phrase after its last verb."""
    q = _quoted(doc, a.start, a.outer)
    if q is not None:
        return q
    start = _tail_start(doc, f, a.start, a.end)
    return _clean_name(doc.text[start:a.end]), start


def _tail_start(doc: _Doc, f: Frame, s: int, e: int) -> int:
    start = s
    base = doc.base(f.sentence.start)
    toks = doc.tokens_in(s, e)
    for k, t in enumerate(toks):
        if doc.depth[t.start][0] <= base and (_is_predicate_token(t, toks[k + 1] if k + 1 < len(toks) else None)
                                              or t.pos in ("AUX", "ADP", "VERB") and t.text != "の"
                                              or t.text in ("、",)):
            start = t.end
    while start < e and doc.text[start] in "る、 　":
        start += 1
    return start


def _tail_noun(doc: _Doc, f: Frame, s: int, e: int) -> str:
    """The noun that ends a stretch of text: 最高賞であるグランプリ -> グランプリ."""
    return _clean_name(doc.text[_tail_start(doc, f, s, e):e])


def _place(doc: _Doc, s: int, e: int) -> str | None:
    """The longest run of place-name tokens (茨城県つくば市)."""
    run: list[Token] = []
    best: list[Token] = []
    for t in doc.tokens_in(s, e):
        if _PLACE_TAG.search(t.tag) or t.ent in _PLACE_ENT or (run and t.text in ("県", "府", "都", "市", "区", "町", "村")):
            if run and t.start != run[-1].end:
                run = []
            run.append(t)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    if not best:
        return None
    return doc.text[best[0].start:best[-1].end]
