"""Event records other than agreements and appointments: product launches, acquisitions, mergers,
establishments, funding rounds, events held and awards.

``extract_events(ctx)`` is the one call. A trigger from models/event_triggers.tsv, outside brackets
and not the first half of a longer noun (発売日, 受賞企業), not a row label (発売日：…), opens a
frame over GiNZA's bunsetsu dependencies. The predicate is the trigger's bunsetsu, widened through
support verbs (発売を開始, 合併することを決議 — models/event_support_words.tsv); its arguments are
the phrases that depend on it, read by their case particle: は/が the actor, と the partner, を the
object, に the target or place, で the venue, から/まで/より a range, の a modifier. Where GiNZA
merges two phrases into one bunsetsu (「X」を、2024年6月1日に) the case-marked phrases of the
clause are read off the surface instead. The actor may be the topic of a higher clause, and a
reporting verb (と発表した) lends its subject, never its date; the press (日本経済新聞が報じた)
lends neither. A date counts when no other predicate stands between it and the trigger, so
2024年5月10日開催の取締役会において does not date what the board decided. An adnominal trigger
(開催予定の第78回定時株主総会) names the noun it modifies.

Each type has its own builder (what its object must be: shares or control for 取得, a facility
or a body for 設立, a named event for 開催, an award name for 受賞 …). Overview blocks and
schedules (商品名／価格／発売日, 会期／会場／主催, 合併効力発生日 …; models/event_fields.tsv) fill
what the sentences leave open, and a list of winners under a 受賞 heading gives one award each.

Status: the status cue nearest after the trigger within its predicate (models/status_cues.tsv),
a news headline's 〜へ, and a schedule row marked 予定. Drafts of one event (the headline, the
body, 本研究所の開所) are merged, keeping the most informative date, name and fields.

Confidence starts at 0.9 and is lowered by what makes a record less certain: a weak trigger
(−0.15), an actor taken from the issuer rather than the sentence (−0.1), no date (−0.1), no
object, name or amount (−0.1), only a headline as evidence (−0.05); a date from a schedule row
raises it (+0.05). It stays within [0.3, 0.95].
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicons
from .analyse import Sentence, Token
from .context import DocumentContext
from .orgs import OrgMention
from .status import status_of
from .records import DateMention, Event, Evidence, MoneyMention
from .resources import load_tsv

EVENT_TYPES = ("product_launch", "acquisition", "merger", "establishment", "funding", "event_held", "award")

_OPEN = "「『（(【〔［[〈《"
_CLOSE = "」』）)】〕］]〉》"
_QUOTED = re.compile(r"[「『]([^「」『』]+)[」』]")
_PARTICLES_ONLY = re.compile(r"[\s　「」『』、，,・はがをにでとのもへやからまでよりおいて対しっ共]*")
_ORDINAL = re.compile(r"第\s*([0-9０-９]+)\s*回")
_ANAPHOR = re.compile(r"^(?:本|同|今回の?|当該|この|今般の?|上記の?)")
_HEADLINE_FUTURE = re.compile(r"^へ(?:[\s　、。]|$)")
_PERCENT_ALL = re.compile(r"全株式|全株|全ての株式|すべての株式|全部")
_SHARES = re.compile(r"株式|株|持分|議決権")
_BUSINESS = re.compile(r"事業|部門")
_CONTROL = re.compile(r"子会社化|子会社と|子会社に|傘下|グループ入り|経営権|買収")
_HOLDING = re.compile(r"保有|所有")
_PLAN_MARK = re.compile(r"予定|見込")
_LIST_JOIN = re.compile(r"^\s*(?:（[^）]*）|\([^)]*\))?\s*(?:、|，|,|・|及び|および|並びに|ならびに|と|や)\s*$")
_ROW = re.compile(
    r"^[ \t\u3000]*(?:[(（][0-9０-９]+[)）]|[0-9０-９]+[.．、]|[①-⑳]|[・･●○◆◇■□※-])?[ \t\u3000]*"
    r"(?P<label>[^\s：:\t\u3000]{1,24}?)(?P<note>[（(][^）)]{1,20}[）)])?"
    r"(?:[ \t\u3000]*[：:][ \t\u3000]*|\t+[ \t\u3000]*|[ \u3000]{2,}|\u3000(?=[0-9０-９令平]))(?P<value>\S.*)$")
_HEADING = re.compile(r"^[ \t\u3000]*(?:[■□◆◇●○【]|[0-9０-９]+[.．、]|[(（][0-9０-９]+[)）]|[一二三四五六七八九十]+[、．.])")
_PRIZE_LINE = re.compile(r"^[ \t\u3000]*[【\[［■◆〈《]([^】\]］〉》]{1,30}?(?:賞|グランプリ|部門))[】\]］〉》]?[ \t\u3000]*$")
_PLACE_TAG = re.compile(r"地名")
_PLACE_ENT = ("Province", "City", "County", "GPE_Other", "Country")


# -- lexicons ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    type: str
    subtype: str
    weak: bool


@lru_cache(maxsize=1)
def triggers() -> dict[str, Trigger]:
    """The triggers of the event types this module builds, by word."""
    out = {}
    for r in load_tsv("event_triggers.tsv"):
        if r["type"] in EVENT_TYPES:
            out[r["trigger"]] = Trigger(r["trigger"], r["type"], r["subtype"], r.get("note", "").startswith("weak"))
    return out


@lru_cache(maxsize=1)
def _trigger_pattern() -> re.Pattern[str]:
    words = sorted(triggers(), key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words))


@lru_cache(maxsize=None)
def _support_words(role: str) -> frozenset[str]:
    return frozenset(r["word"] for r in load_tsv("event_support_words.tsv") if r["role"] == role)


@lru_cache(maxsize=None)
def _heads(kind: str) -> tuple[str, ...]:
    words = [r["word"] for r in load_tsv("event_heads.tsv") if r["kind"] == kind]
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _round_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r['pattern']})" for r in load_tsv("event_funding_rounds.tsv")))


@lru_cache(maxsize=1)
def _field_labels() -> tuple[tuple[str, str, str], ...]:
    rows = [(r["label"], r["type"], r["field"]) for r in load_tsv("event_fields.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _ends_with_head(name: str, kind: str) -> bool:
    name = name.rstrip("」』）) 　")
    return any(name.endswith(w) for w in _heads(kind))


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
    if nxt.start != end or parse.unit_of.get(nxt.i) != parse.unit_of.get(_last_before(tokens, end).i):
        return False
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


# -- drafts --------------------------------------------------------------------------------------

@dataclass
class Draft:
    type: str
    subtype: str
    weak: bool
    sentence: Sentence
    status: str
    actor: str | None = None
    actor_in_text: bool = False
    parties: list[str] = field(default_factory=list)
    fields: dict[str, str | None] = field(default_factory=dict)
    date: str | None = None
    date_from_row: bool = False
    ordinal: int | None = None
    in_title: bool = False
    anaphoric: bool = False
    name_start: int | None = None
    named: bool = False             # the name is a proper one: quoted, or from an overview block

    def all_parties(self) -> list[str]:
        out = [self.actor] if self.actor else []
        return out + [p for p in self.parties if p and p not in out]


class _Doc:
    """Lookups over one document's mentions, built once per call."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.tokens = list(ctx.analysis.tokens)
        self.orgs = sorted(ctx.orgs, key=lambda o: o.start)
        self.dates = [d for d in ctx.dates if d.kind in ("date", "range", "datetime") and d.value]
        self.money = list(ctx.money)
        self.issuer = ctx.issuer_name
        self._parses: dict[int, Parse] = {}
        self.depth = _bracket_depths(self.text)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if t.start >= start and t.end <= end]

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


def extract_events(ctx: DocumentContext) -> list[Event]:
    """The product launches, acquisitions, mergers, establishments, funding rounds, events held and
    awards of a document, one record per event."""
    doc = _Doc(ctx)
    drafts: list[Draft] = []
    for sent in ctx.sentences:
        drafts.extend(_sentence_drafts(doc, sent))
    _resolve_award_anaphora(drafts)
    drafts.extend(_award_list_drafts(doc, drafts))
    blocks = _blocks(doc)
    drafts.extend(_block_launches(doc, blocks, drafts))
    _fill_from_blocks(doc, blocks, drafts)
    for d in drafts:
        if d.type == "event_held" and not d.all_parties():
            d.actor = doc.issuer      # 開催予定の第78回定時株主総会: the issuer's own, unless a row names the organiser
    drafts = _without_lone_weak(drafts)
    merged = _merge(drafts)
    for d in merged:
        if d.type == "acquisition" and d.fields.get("target") and not d.fields.get("stake_before"):
            d.fields["stake_before"] = _stake_held(doc, d.fields["target"])
    return [_to_event(doc, d) for d in merged if _complete(d)]


def _short_form_in(name: str, text: str) -> bool:
    """A body's short name is a head of its name without the legal form (ホクト樹脂工業株式会社 ->
    ホクト樹脂)."""
    core = name
    for form in sorted(lexicons.legal_form_texts(), key=len, reverse=True):
        core = core.replace(form, "")
    core = core.strip(" \u3000()（）")
    return len(core) >= 4 and core[:max(4, len(core) - 3)] in text


def _stake_held(doc: _Doc, target: str) -> str | None:
    """The share already held before an acquisition: a sentence naming the target with a
    percentage and 保有/所有 (ホクト樹脂の発行済み株式の33.4%を保有する筆頭株主)."""
    for sent in doc.ctx.sentences:
        if not _HOLDING.search(sent.text):
            continue
        if not any(doc.name(o) == target for o in doc.orgs_in(sent.start, sent.end)) and \
                not _short_form_in(target, sent.text):
            continue
        for m in doc.money_in(sent.start, sent.end, "percent"):
            after = doc.text[m.end:m.end + 8]
            if re.match(r"\s*(?:を|の株式を)?(?:保有|所有)", after):
                return m.text
    return None


def _sentence_drafts(doc: _Doc, sent: Sentence) -> list[Draft]:
    out: list[Draft] = []
    text = sent.text
    hits = list(_trigger_pattern().finditer(text))
    if not hits:
        return out
    parse = doc.parse(sent)
    tokens = [t for u in parse.units for t in u.tokens]
    if not tokens:
        return out
    for m in hits:
        start, end = sent.start + m.start(), sent.start + m.end()
        if doc.depth[start][0] > doc.base(sent.start):
            continue                     # inside a quote, a name or a bracket
        if _is_compound_noun(parse, tokens, end):
            continue
        if _in_row_label(doc, start) or start > 0 and doc.text[start - 1] in "■【":
            continue                     # a row label or a heading (設立：2019年8月, ■設立の背景)
        trig = triggers()[m.group()]
        frame = _frame(doc, parse, tokens, start, end, trig)
        if frame is None:
            continue
        draft = _BUILDERS[trig.type](doc, frame)
        if draft is not None:
            draft.in_title = doc.in_title(sent)
            out.append(draft)
    return out


def _in_row_label(doc: _Doc, pos: int) -> bool:
    line_start = doc.text.rfind("\n", 0, pos) + 1
    line_end = doc.text.find("\n", pos)
    m = _ROW.match(doc.text[line_start:line_end if line_end >= 0 else len(doc.text)])
    return m is not None and line_start + m.start("label") <= pos < line_start + m.start("value")


def _new_draft(doc: _Doc, f: Frame) -> Draft:
    tail = doc.text[f.end:f.clause_end]
    status = status_of(tail)
    if _HEADLINE_FUTURE.match(tail):
        status = "planned"          # a news headline's 〜へ: 完全子会社化へ
    return Draft(f.trigger.type, f.trigger.subtype, f.trigger.weak, f.sentence, status)


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
    return s


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
    pick = ranges[0] if ranges else min(cands, key=lambda d: abs(d.start - f.start))
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


# -- builders per type -----------------------------------------------------------------------------

def _base(doc: _Doc, f: Frame) -> Draft:
    d = _new_draft(doc, f)
    actors, in_text = _actor(doc, f)
    if actors:
        d.actor, d.parties, d.actor_in_text = actors[0], actors[1:], in_text
    d.date = _frame_date(doc, f)
    return d


def _object(f: Frame) -> Arg | None:
    """The を phrase of the trigger: the nearest before it, else one of its support verb's."""
    objs = f.arg("を")
    before = [a for a in objs if a.end <= f.start]
    if before:
        return before[-1]
    return objs[0] if objs else None


def _build_launch(doc: _Doc, f: Frame) -> Draft | None:
    d = _base(doc, f)
    product = None
    obj = _object(f)
    if obj is not None:
        product = _arg_text(doc, f, obj)
    if product is None:
        for a in f.arg("の") + f.topics:
            if _head_org(doc, f, a) is None and not _is_date_only(doc, a):
                name = _arg_text(doc, f, a)
                if name[0]:
                    product = name
                    break
    if product is None and f.head_noun is not None:
        product = _arg_text(doc, f, f.head_noun)
    if product is not None and product[0]:
        d.fields["product"] = product[0]
        d.name_start = product[1]
        d.named = _is_quoted(doc, product[1])
        d.anaphoric = bool(_ANAPHOR.match(product[0]))
    elif not f.trigger.weak:
        product = _paragraph_topic(doc, f.sentence)
        if product:
            d.fields["product"] = product
        d.anaphoric = True
    if f.trigger.weak:
        name = d.fields.get("product") or ""
        quoted = obj is not None and _quoted(doc, obj.start, obj.outer) is not None
        if not name or not (quoted or _ends_with_head(name, "product")):
            return None
        if f.trigger.word == "発表" and doc.text[f.start - 1:f.start] == "と":
            return None
    price = _first_money(doc, f)
    if price:
        d.fields["price"] = price
    if d.actor is None:
        d.actor = doc.issuer
    return d


def _is_date_only(doc: _Doc, a: Arg) -> bool:
    ds = doc.dates_in(a.start, a.end)
    rest = doc.text[a.start:a.end]
    for d in ds:
        rest = rest.replace(d.text, "")
    return bool(ds) and len(rest.strip(" 　、の")) <= 2


def _paragraph_topic(doc: _Doc, sent: Sentence) -> str | None:
    """The nearest quoted name in the sentence or the line before it: what an undated 発売以来
    speaks about."""
    line_start = doc.text.rfind("\n", 0, sent.start) + 1
    window_start = doc.text.rfind("\n", 0, max(0, line_start - 1)) + 1
    found = None
    for m in _QUOTED.finditer(doc.text, window_start, sent.end):
        found = _clean_name(m.group(1))
    return found


def _first_money(doc: _Doc, f: Frame) -> str | None:
    for a in f.args:
        ms = doc.money_in(a.start, a.outer)
        if ms:
            return ms[0].text
    return None


def _build_acquisition(doc: _Doc, f: Frame) -> Draft | None:
    d = _base(doc, f)
    sub = f.trigger.subtype
    obj = _object(f)
    target = None
    if sub == "divest":
        for a in f.arg("に"):
            o = _head_org(doc, f, a)
            if o is not None and doc.name(o) != d.actor:
                d.fields["acquirer"] = doc.name(o)    # 譲渡先: X社に譲渡 names the buyer
    for a in ([obj] if obj is not None else []) + f.arg("に", "の"):
        orgs = [o for o in _arg_orgs(doc, f, a) if doc.name(o) not in (d.actor, d.fields.get("acquirer"))]
        if orgs:
            target = doc.name(orgs[-1])
            break
    if target is None:
        # ゆうあい介護の株式取得: the body named inside the trigger's own bunsetsu
        u = f.parse.units[f.units[0]]
        orgs = [o for o in doc.orgs_in(u.start, f.start) if doc.name(o) != d.actor]
        target = doc.name(orgs[-1]) if orgs else None
    stake = _stake_in(doc, obj)
    if f.trigger.weak:
        obj_text = doc.text[obj.start:obj.end] if obj is not None else ""
        if f.trigger.word == "取得" and not _SHARES.search(obj_text):
            return None
        if f.trigger.word == "譲渡" and not (_SHARES.search(obj_text) or _BUSINESS.search(obj_text)):
            return None
        if f.trigger.word == "取得" and not (_CONTROL.search(f.sentence.text) or _controlling(stake)):
            return None        # a minority stake is an investment, not an acquisition
        if f.trigger.word == "傘下" and not re.match(r"に(?:収め|入|加わ)", doc.text[f.end:f.end + 4]):
            return None
        if f.trigger.word == "M&A":
            return None
    if sub == "divest":
        seller = d.actor or doc.issuer
        d.fields["seller"] = seller
        d.actor = d.fields.get("acquirer")
        # a company sold names the company; a business sold (事業を譲渡) names its seller
        d.parties = [target] if target else ([seller] if seller else [])
        if not d.actor and not target:
            return None
        if obj is not None and not target:
            d.fields["target"] = _arg_text(doc, f, obj)[0]
    else:
        if d.actor is None:
            d.actor = doc.issuer
        d.fields["acquirer"] = d.actor
        d.parties = [target] if target and target != d.actor else []
    if target:
        d.fields["target"] = target
    else:
        d.anaphoric = True
    if stake:
        d.fields["stake_after"] = stake
    price = _first_money(doc, f)
    if price:
        d.fields["price"] = price
    return d


def _stake_in(doc: _Doc, obj: Arg | None) -> str | None:
    if obj is None:
        return None
    ps = doc.money_in(obj.start, obj.end, "percent")
    if ps:
        return ps[-1].text
    m = _PERCENT_ALL.search(doc.text, obj.start, obj.end)
    return m.group() if m else None


def _controlling(stake: str | None) -> bool:
    if not stake:
        return False
    if _PERCENT_ALL.search(stake):
        return True
    m = re.search(r"([0-9.]+)", stake.translate(str.maketrans("０１２３４５６７８９．", "0123456789.")))
    return bool(m) and float(m.group(1)) > 50


def _build_merger(doc: _Doc, f: Frame) -> Draft | None:
    d = _base(doc, f)
    others: list[str] = []
    for a in f.arg("を", "と", ""):
        others += [doc.name(o) for o in _orgs_of(doc, f, a)]
    # 連結子会社（A及びB）の吸収合併, AとBの経営統合: the bodies named in the modifier
    for a in f.arg("の"):
        others += [doc.name(o) for o in doc.orgs_in(a.start, a.outer)]
    roles = _merger_roles(doc, f)
    others += [n for n in roles.values() if n]
    parties = _unique(([d.actor] if d.actor else []) + d.parties + others)
    if f.trigger.weak and len(parties) < 2:
        return None
    if roles.get("surviving"):
        d.fields["surviving"] = roles["surviving"]
    elif f.trigger.subtype == "absorb" and d.actor and _object(f) is not None:
        d.fields["surviving"] = d.actor
    if not parties:
        d.anaphoric = True
    if d.actor is None and parties:
        d.actor = parties[0]
    d.parties = [p for p in parties if p != d.actor]
    return d


_MERGER_ROLE = re.compile(r"^\s*を(?:吸収)?(?:合併)?(存続会社|消滅会社)")


def _merger_roles(doc: _Doc, f: Frame) -> dict[str, str]:
    """Xを存続会社とし、Yを消滅会社とする吸収合併: the roles named in the clause before the trigger."""
    out: dict[str, str] = {}
    for o in doc.orgs_in(f.sentence.start, f.start, base_depth=doc.base_paren(f.sentence.start)):
        m = _MERGER_ROLE.match(_strip_brackets(doc.text[o.end:o.end + 40]))
        if m:
            out["surviving" if m.group(1) == "存続会社" else "absorbed"] = doc.name(o)
    return out


def _build_establishment(doc: _Doc, f: Frame) -> Draft | None:
    d = _base(doc, f)
    name = None
    obj = _object(f)
    if obj is not None:
        name = _arg_text(doc, f, obj)
    if name is None:
        # 第2工場は…稼働を予定: a topic that is a place, not a body
        for a in f.topics + f.arg("の", "が"):
            if _head_org(doc, f, a) is None:
                n = _arg_text(doc, f, a)
                if n[0] and _ends_with_head(n[0], "facility"):
                    name = n
                    break
    if name is None and f.head_noun is not None:
        name = _arg_text(doc, f, f.head_noun)
    if name is None or not name[0]:
        return None
    if f.trigger.weak and d.date is None:
        return None           # 設置, 立ち上げ, 稼働 without a date of their own: an arrangement, not a founding
    name_end = name[1] + len(name[0])
    founded_org = next((o for o in doc.orgs if name[1] <= o.start <= name[1] + 1 and o.end >= name_end - 1), None)
    if _ends_with_head(name[0], "award") or not (founded_org is not None or _ends_with_head(name[0], "facility")):
        return None           # an award, a system or a project is not an establishment
    d.fields["name"] = name[0]
    d.name_start = name[1]
    d.named = _is_quoted(doc, name[1]) or founded_org is not None
    d.anaphoric = bool(_ANAPHOR.match(name[0]))
    founded = doc.name(founded_org) if founded_org is not None else None
    if founded:
        d.parties = [p for p in d.parties if p != founded]
        if d.actor == founded:
            d.actor = None
    for a in f.arg("に", "で"):
        place = _place(doc, a.start, a.end)
        if place:
            d.fields["location"] = place
            break
    if d.actor is None:
        if d.parties:
            d.actor, d.parties = d.parties[0], d.parties[1:]
        else:
            d.actor = doc.issuer
    return d


def _build_funding(doc: _Doc, f: Frame) -> Draft | None:
    d = _base(doc, f)
    sub = f.trigger.subtype
    s0 = f.sentence.start
    amount = None
    for a in f.arg("を", "の", "", "で"):
        ms = doc.money_in(a.start, a.outer)
        if ms:
            amount = ms[-1].text
    if f.trigger.word == "ラウンド":
        # 2022年7月のシードラウンド（3.8億円）: the amount sits in the bracket after the round
        after = re.match(r"[（(]([^）)]*)[）)]", doc.text[f.end:f.end + 30])
        if after:
            ms = doc.money_in(f.end, f.end + after.end())
            amount = amount or (ms[0].text if ms else None)
        rnd = _round_pattern().search(doc.text, max(s0, f.start - 12), f.end)
    else:
        rnd = _round_pattern().search(f.sentence.text)
    if rnd:
        d.fields["round"] = rnd.group()
    if f.trigger.weak:
        if f.trigger.word == "ラウンド" and not (rnd and (amount or d.date)):
            return None
        if f.trigger.word in ("調達", "クラウドファンディング") and not amount:
            return None
        if f.trigger.word in ("投資", "助成"):
            return None
    if amount:
        d.fields["amount"] = amount
    raiser = None
    investors: list[str] = []
    if sub == "invest":
        # XはYに出資: Y raises; XはYから出資を受け: X raises
        targets = [doc.name(o) for a in f.arg("に") for o in _orgs_of(doc, f, a)]
        sources = [doc.name(o) for a in f.arg("から", "より") for o in _orgs_of(doc, f, a)]
        received = "受け" in doc.text[f.end:f.end + 6]
        actor = d.actor or doc.issuer
        if received or sources:
            raiser, investors = actor, sources
        elif targets:
            raiser, investors = targets[0], [actor]
        else:
            return None
    else:
        # ハコブネが実施する第三者割当増資を引き受け: the が of the clause that modifies the trigger raises
        for a in f.arg("が"):
            o = _head_org(doc, f, a)
            if o is not None:
                raiser = doc.name(o)
        if raiser is None:
            for a in f.args:
                if a.unit is None:
                    continue
                for c in f.parse.children.get(a.unit, []):
                    if f.parse.units[c].particle == "が" and _predicative(f.parse.units[a.unit]):
                        o = _head_org(doc, f, _unit_arg(f.parse, c))
                        if o is not None:
                            raiser = doc.name(o)
        if raiser is not None and d.actor and raiser != d.actor:
            investors = [d.actor]
        else:
            raiser = d.actor or doc.issuer
            investors = list(d.parties)
            # A、Bから総額3億円の資金調達: the bodies the money comes from
            investors += [doc.name(o) for a in f.arg("から", "より") for o in _orgs_of(doc, f, a)]
        # Aをリード投資家とし、B及びCを引受先とする: bodies named beside investor words
        investors += [doc.name(o) for o in doc.orgs_in(s0, f.start, base_depth=doc.base_paren(s0))
                      if doc.name(o) != raiser and _investor_mark(doc, o, f.start)]
    d.actor = raiser
    d.parties = _unique([p for p in investors if p != raiser])
    return d


_INVESTOR_WORD = re.compile(r"を(?:リード)?(?:投資家|引受先|割当先|出資者)|から(?:の)?(?:出資|投資)")


def _investor_mark(doc: _Doc, o: OrgMention, limit: int) -> bool:
    """The body is named (alone or in a list) before an investor word: Aをリード投資家とし."""
    after = doc.text[o.end:limit]
    m = _INVESTOR_WORD.search(after)
    if not m:
        return False
    gap = _strip_brackets(after[:m.start()])
    later = [x for x in doc.orgs if o.end <= x.start and x.end <= o.end + m.start()]
    for x in later:
        gap = gap.replace(x.text, "")
    return re.fullmatch(r"(?:[、，・\s]|及び|および|並びに|ならびに|と)*", gap) is not None


def _build_event_held(doc: _Doc, f: Frame) -> Draft | None:
    d = _base(doc, f)
    sub = f.trigger.subtype
    name = None
    if sub in ("exhibit", "speak"):
        for a in f.arg("に", "で"):
            name = _arg_text(doc, f, a)
            break
    elif f.head_noun is not None:
        name = _arg_text(doc, f, f.head_noun)
        # a held event named by the noun it modifies: its organiser is not the main clause's topic
        d.actor, d.parties, d.actor_in_text = None, [], False
        for a in f.arg("が", "は"):
            o = _head_org(doc, f, a)
            if o is not None:
                d.actor, d.actor_in_text = doc.name(o), True
    else:
        obj = _object(f)
        if obj is not None:
            name = _arg_text(doc, f, obj)
        else:
            for a in f.topics + f.arg("が"):
                if _head_org(doc, f, a) is None:
                    name = _arg_text(doc, f, a)
                    break
    if name is None or not name[0]:
        return None
    if sub == "support" or (sub in ("host", "co_host") and _object(f) is None):
        return None          # X主催の…: an organiser, not an event of its own
    if _ends_with_head(name[0], "award"):
        return None          # an award is given, not held
    if not _event_name_ok(doc, name[0], name[1]):
        return None
    if f.trigger.weak and not _ends_with_head(name[0], "event"):
        return None          # キャンペーンを実施: a measure carried out, not an event held
    d.fields["name"] = name[0]
    d.name_start = name[1]
    d.named = _is_quoted(doc, name[1]) or bool(_ORDINAL.search(name[0]))
    d.anaphoric = bool(_ANAPHOR.match(name[0]))
    m = _ORDINAL.search(name[0])
    if m:
        d.ordinal = int(m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if sub not in ("exhibit", "speak"):
        for a in f.arg("で"):
            if _head_org(doc, f, a) is None and not _is_date_only(doc, a) and not \
                    re.search(r"共催|主催|協力|連携", doc.text[a.start:a.outer]):
                d.fields["venue"] = _arg_text(doc, f, a)[0]
                break
    if sub in ("exhibit", "speak"):
        if d.actor is None:
            d.actor = doc.issuer
        d.fields["participant"] = d.actor
    else:
        co = []
        for a in f.arg("で", "と", "の"):
            # Bとの共催により: the co-organiser
            if re.search(r"共催|主催", doc.text[a.start:a.outer]):
                co += [doc.name(o) for o in doc.orgs_in(a.start, a.outer)]
        d.parties = _unique(d.parties + co)
        if d.actor is None and f.head_noun is None:
            d.actor = doc.issuer
    if "毎年" in f.sentence.text or "毎回" in f.sentence.text:
        d.date = None                # 毎年開催している: the series, not this edition
    return d


def _event_name_ok(doc: _Doc, name: str, start: int) -> bool:
    """A held event has a name: quoted, numbered (第78回), or a proper name ending in an event
    word; routine decision meetings (取締役会) are the setting of a decision, not an event."""
    if any(name.endswith(w) for w in _heads("meeting")) and not _ORDINAL.search(name):
        return False
    if _ORDINAL.search(name) or _ANAPHOR.match(name):
        return True
    quoted = start > 0 and doc.text[start - 1] in "「『"
    return quoted or (_ends_with_head(name, "event") and len(name) > 4)


def _build_award(doc: _Doc, f: Frame) -> Draft | None:
    d = _base(doc, f)
    sub = f.trigger.subtype
    tail = doc.text[f.end:f.end + 8]
    passive = bool(re.match(r"(?:さ|を受け)", tail)) or sub == "receive"
    award = None
    prize = None
    obj = _object(f)
    if obj is not None:
        q = _quoted(doc, obj.start, obj.outer)
        if q is not None:
            award = q
            close = doc.text.find("」", q[1], obj.outer)
            prize = _tail_noun(doc, f, close + 1 if close >= 0 else q[1] + len(q[0]), obj.end) or None
        else:
            award = _arg_text(doc, f, obj)
    for a in f.arg("で", "に", "の", ""):
        q = _quoted(doc, a.start, a.outer)
        if q is not None and _ends_with_head(q[0], "award"):
            if award is not None and award[0] != q[0]:
                prize = prize or award[0]
            award = q
            break
        text_ = _arg_text(doc, f, a)[0]
        if text_ and _ANAPHOR.match(text_) and _ends_with_head(text_, "award"):
            if award is not None:
                prize = prize or award[0]
            award = (text_, a.start)
            break
    if award is None or not award[0]:
        return None
    if not (_ends_with_head(award[0], "award") or _ends_with_head(prize or "", "award")):
        return None
    d.fields["award"] = award[0]
    d.name_start = award[1]
    if prize:
        d.fields["prize"] = prize
    d.anaphoric = bool(_ANAPHOR.match(award[0]))
    giver = _award_giver(doc, f)
    if sub == "confer" and not passive:
        giver = d.actor or doc.issuer
        recipient = None
        for a in f.arg("に", "を"):
            o = _head_org(doc, f, a)
            if o is not None:
                recipient = doc.name(o)
        if recipient is None:
            return None
    else:
        # 「X（製品）」が受賞: the product's maker, the issuer, when the sentence names no body
        recipient = d.actor or doc.issuer
    d.actor = recipient
    d.parties = [giver] if giver and giver != recipient else []
    if giver:
        d.fields["giver"] = giver
    if d.date is None:
        d.date = _ceremony_date(doc, f.sentence)
    return d


def _award_giver(doc: _Doc, f: Frame) -> str | None:
    """The body that gives the award: X主催の「…賞」, Xから表彰, or Xが主催する."""
    s, e = f.sentence.start, f.start
    for o in doc.orgs_in(s, e, base_depth=doc.base_paren(s)):
        if re.search(r"(?:主催|共催)$", o.text):
            return doc.name(o)        # the mention took the 主催 in (…財団主催の「…賞」)
    for m in re.finditer(r"主催|から|より", doc.text[s:e]):
        pos = s + m.start()
        before = doc.orgs_in(s, pos, base_depth=doc.base_paren(s))
        if before:
            o = before[-1]
            gap = _strip_brackets(doc.text[o.end:pos]).strip(" 　")
            if gap in ("", "の", "が"):
                return doc.name(o)
    return None


def _ceremony_date(doc: _Doc, sent: Sentence) -> str | None:
    """An award stated without a date takes the date of its ceremony, told in the next sentences."""
    following = [s for s in doc.ctx.sentences if s.start >= sent.end][:2]
    for s in following:
        if any(w in s.text for w in _support_words("ceremony")):
            ds = doc.dates_in(s.start, s.end)
            if ds:
                return _date_value(ds[0])
    return None


_BUILDERS = {
    "product_launch": _build_launch,
    "acquisition": _build_acquisition,
    "merger": _build_merger,
    "establishment": _build_establishment,
    "funding": _build_funding,
    "event_held": _build_event_held,
    "award": _build_award,
}


def _resolve_award_anaphora(drafts: list[Draft]) -> None:
    """同賞で審査員特別賞を受賞: the award named before, given again (its own event, its own
    prize and date)."""
    named: Draft | None = None
    for d in sorted(drafts, key=lambda x: x.sentence.start):
        if d.type != "award":
            continue
        if not d.anaphoric:
            named = d
        elif named is not None and d.fields.get("prize"):
            d.fields["award"] = named.fields.get("award")
            giver = named.fields.get("giver")
            if giver and not d.fields.get("giver"):
                d.fields["giver"] = giver
                d.parties = _unique(d.parties + [giver])
            d.anaphoric = False


# -- lists of winners ----------------------------------------------------------------------------

def _award_list_drafts(doc: _Doc, drafts: list[Draft]) -> list[Draft]:
    """Under a heading about winners (受賞企業, 受賞者), prize lines (【大賞】) and the bodies below
    them give one award each."""
    out: list[Draft] = []
    lines = list(re.finditer(r"[^\n]+", doc.text))
    award_name = _document_award_name(doc, drafts)
    in_list = False
    prize = None
    for m in lines:
        line = m.group()
        if re.search(r"受賞(?:者|企業|団体|作品|校)|表彰(?:者|企業|団体)|入賞(?:者|企業)", line) and len(line) < 40:
            in_list, prize = True, None
            continue
        if not in_list:
            continue
        pm = _PRIZE_LINE.match(line)
        if pm:
            prize = pm.group(1)
            continue
        if _HEADING.match(line) and not pm:
            if prize is not None:
                in_list = False
            continue
        if prize is None:
            continue
        orgs = [o for o in doc.orgs if m.start() <= o.start < m.end()]
        if not orgs:
            continue
        o = orgs[0]
        if doc.text[m.start():o.start].strip(" \u3000・") != "":
            continue
        start = m.start() + len(line) - len(line.lstrip(" \u3000"))
        d = Draft("award", "receive", False, Sentence(start, m.end(), doc.text[start:m.end()]), "done",
                  actor=doc.name(o), actor_in_text=True)
        giver = doc.issuer if doc.issuer != d.actor else None
        d.parties = [giver] if giver else []
        d.fields = {"award": award_name, "prize": prize, "giver": giver}
        out.append(d)
    return out


def _document_award_name(doc: _Doc, drafts: list[Draft]) -> str | None:
    for d in drafts:
        if d.type == "award" and d.fields.get("award") and not d.anaphoric:
            return d.fields["award"]
    for m in _QUOTED.finditer(doc.text):
        if _ends_with_head(m.group(1), "award"):
            return _clean_name(m.group(1))
    return None


# -- overview blocks and schedules ---------------------------------------------------------------

@dataclass
class Row:
    label: str
    note: str
    value: str
    start: int          # of the value
    end: int
    fields: list[tuple[str, str]]   # (type, field)


@dataclass
class Block:
    heading: str
    rows: list[Row]
    start: int
    end: int

    def get(self, type_: str, field_: str) -> Row | None:
        return next((r for r in self.rows if (type_, field_) in r.fields), None)


def _row_fields(label: str, note: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key in (label, note.strip("（）()")):
        if not key:
            continue
        matched = None
        for lab, type_, fld in _field_labels():
            if key.endswith(lab) or (lab in ("異動前", "異動後") and key.startswith(lab)):
                if matched is None or len(lab) == len(matched):
                    matched = lab
                    out.append((type_, fld))
    return out


def _blocks(doc: _Doc) -> list[Block]:
    blocks: list[Block] = []
    heading = ""
    current: Block | None = None
    lines = list(re.finditer(r"(?m)^.*$", doc.text))
    for m in lines:
        line = m.group()
        if not line.strip():
            current = None
            continue
        rm = _ROW.match(line)
        if rm and not line.strip().endswith("。"):
            label, note = rm.group("label"), rm.group("note") or ""
            fields = _row_fields(label, note)
            if current is None:
                current = Block(heading, [], m.start(), m.end())
                blocks.append(current)
            current.rows.append(Row(label, note, rm.group("value"), m.start() + rm.start("value"), m.end(), fields))
            current.end = m.end()
            continue
        if current is not None and current.rows and re.match(r"^[ \t\u3000]{2,}\S", line) and "。" not in line:
            # a continuation line of the previous row (取得価額 … / 合計 …)
            r = current.rows[-1]
            current.rows.append(Row(r.label, r.note, line.strip(), m.start(), m.end(), []))
            continue
        current = None
        if len(line.strip()) <= 40 and "。" not in line:
            heading = line.strip()
    return blocks


def _row_date(doc: _Doc, row: Row) -> str | None:
    ds = [d for d in doc.dates if row.start <= d.start < row.end]
    return _date_value(ds[0]) if ds else None


def _row_start_date(doc: _Doc, row: Row) -> str | None:
    v = _row_date(doc, row)
    if v and "/" in v:
        return v.split("/")[0]
    return v


def _row_orgs(doc: _Doc, row: Row) -> list[str]:
    return _unique(doc.name(o) for o in doc.orgs if row.start <= o.start < row.end)


def _similar(a: str | None, b: str | None) -> bool:
    """Two names of one thing: one contains the other, or most of the shorter one's character
    pairs occur in the longer one (食べ比べセット / 食べ比べ6種セット)."""
    if not a or not b:
        return False
    a, b = re.sub(r"[\s　「」『』]", "", a), re.sub(r"[\s　「」『』]", "", b)
    if a in b or b in a:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    pairs = [short[i:i + 2] for i in range(len(short) - 1)]
    return bool(pairs) and sum(p in long_ for p in pairs) / len(pairs) >= 0.7


def _block_name(block: Block, type_: str) -> Row | None:
    return next((r for r in block.rows if (type_, "product" if type_ == "product_launch" else "name") in r.fields),
                None)


def _block_launches(doc: _Doc, blocks: list[Block], drafts: list[Draft]) -> list[Draft]:
    """A product's overview block that gives its launch date (商品名／価格／発売日) states a
    launch even where no sentence names that product."""
    out = []
    for b in blocks:
        name_row = _block_name(b, "product_launch")
        date_row = b.get("product_launch", "date")
        if name_row is None or date_row is None:
            continue
        name = _clean_name(name_row.value)
        if any(d.type == "product_launch" and _similar(d.fields.get("product"), name) for d in drafts):
            continue
        sent = Sentence(b.start, b.end, doc.text[b.start:b.end])
        d = Draft("product_launch", "release", False, sent, "done", actor=doc.issuer)
        d.fields["product"] = name
        out.append(d)
    return out


_NAME_FIELD = {"product_launch": "product", "event_held": "name", "establishment": "name"}


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[\s　「」『』（）()]", "", s or "")
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def _dice(a: str | None, b: str | None) -> float:
    x, y = _bigrams(a or ""), _bigrams(b or "")
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _fill_from_blocks(doc: _Doc, blocks: list[Block], drafts: list[Draft]) -> None:
    """Fields the sentences leave open, from the blocks that speak of the same thing.

    A block with a name row (商品名, 名称, 会社名) goes to the drafts whose name is most like it
    (name and heading, by shared character pairs), never to a draft its own date contradicts;
    a block without one (a schedule) speaks of the document's one event of each type."""
    for b in blocks:
        for type_ in _unique(t for r in b.rows for t, _ in r.fields):
            cands = [d for d in drafts if d.type == type_]
            key = _NAME_FIELD.get(type_)
            name_row = _block_name(b, type_) if key else None
            if name_row is not None:
                block_name = _clean_name(name_row.value)
                if type_ == "establishment" and block_name in _unique(p for d in drafts for p in d.all_parties()):
                    continue                    # a profile of a party (会社概要), not what was founded
                block_date = next((_row_date(doc, r) for r in b.rows if (type_, "date") in r.fields), None)
                scored = [(_dice(block_name, d.fields.get(key)) + 0.5 * _dice(b.heading, d.fields.get(key)), d)
                          for d in cands if d.fields.get(key) and _dates_agree(d.date, block_date)
                          or d.fields.get(key) and d.date_from_row]
                scored = [(sc, d) for sc, d in scored if sc >= 0.3]
                if not scored:
                    continue
                best = max(sc for sc, _ in scored)
                chosen = [d for sc, d in scored if abs(sc - best) < 1e-9]
                for d in chosen:
                    d.fields[key] = block_name     # the overview's name is the official one
                    d.named = True
                    _fill_rows(doc, b, d)
            else:
                named = {_key(d) for d in cands if not d.anaphoric and _key(d)}
                if len(named) > 1:
                    continue
                for d in cands:
                    _fill_rows(doc, b, d)


def _fill_rows(doc: _Doc, b: Block, d: Draft) -> None:
    for r in b.rows:
        for t, fld in r.fields:
            if t != d.type:
                continue
            if fld == "date":
                row_date = _row_date(doc, r)
                if row_date and (d.date is None or not d.date_from_row and len(d.date) < 10
                                 and row_date.startswith(d.date)):
                    value = _row_start_date(doc, r) if d.type == "product_launch" else row_date
                    d.date, d.date_from_row = value, True
                    if _PLAN_MARK.search(r.value) and d.status == "done":
                        d.status = "planned"   # 効力発生日 2025年4月1日（予定）
            elif fld == "organiser":
                d.parties = _unique(d.parties + [o for o in _row_orgs(doc, r) if o != d.actor])
                if d.actor is None and d.parties:
                    d.actor, d.parties = d.parties[0], d.parties[1:]
            elif fld in ("price", "amount") and not d.fields.get(fld):
                ms = [m for m in doc.money if r.start <= m.start < r.end and m.kind == "money"]
                if ms:
                    d.fields[fld] = ms[0].text
            elif fld in ("stake_before", "stake_after") and not d.fields.get(fld):
                ps = [m for m in doc.money if r.start <= m.start < r.end and m.kind == "percent"]
                if ps:
                    d.fields[fld] = ps[-1].text
            elif fld == "location" and not d.fields.get(fld):
                d.fields[fld] = _place(doc, r.start, r.end) or _clean_name(r.value)
            elif fld == "venue" and not d.fields.get(fld):
                d.fields[fld] = _clean_name(r.value)


# -- merging -------------------------------------------------------------------------------------

def _without_lone_weak(drafts: list[Draft]) -> list[Draft]:
    """A weak trigger makes an event of its own only where no strong trigger of its type does;
    beside one, it counts only as another statement of that event (取得し、子会社化)."""
    strong = [d for d in drafts if not d.weak]
    return [d for d in drafts if not d.weak or d.subtype == "round"
            or not any(s.type == d.type for s in strong) or any(_same_event(s, d) for s in strong)]


def _key(d: Draft) -> str | None:
    return {"product_launch": d.fields.get("product"), "event_held": d.fields.get("name"),
            "establishment": d.fields.get("name"), "award": d.fields.get("prize") or d.fields.get("award"),
            "acquisition": d.fields.get("target"), "funding": d.fields.get("round")}.get(d.type)


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a == b or a.startswith(b) or b.startswith(a) or a.split("/")[0] == b.split("/")[0]


def _same_event(a: Draft, b: Draft) -> bool:
    if a.type != b.type or not _dates_agree(a.date, b.date):
        return False
    ka, kb = _key(a), _key(b)
    if a.type == "award":
        if a.actor and b.actor and a.actor != b.actor:
            return False
        if a.fields.get("prize") and b.fields.get("prize") and a.fields["prize"] != b.fields["prize"]:
            return False
        return a.date == b.date or a.date is None or b.date is None
    if a.type == "funding" and ka and kb and ka != kb:
        return False
    if a.anaphoric or b.anaphoric:
        return True
    if ka and kb and not _similar(ka, kb) and a.named == b.named:
        return False              # two names; a generic word (点鼻薬) may stand for a quoted name
    pa, pb = set(a.all_parties()), set(b.all_parties())
    return bool(pa & pb) or not pa or not pb or bool(ka and kb)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """Drafts that state one event (the headline and the body, 本研究所の開所) become one.
    Drafts with a name of their own go first; anaphoric ones join them or are dropped."""
    order = sorted(drafts, key=lambda d: (d.weak, d.anaphoric, d.in_title))
    out: list[Draft] = []
    for d in order:
        target = next((o for o in out if _same_event(o, d)), None)
        if target is None:
            if d.anaphoric and any(o.type == d.type for o in out):
                continue
            if d.anaphoric and not d.fields and not d.all_parties():
                continue
            out.append(d)
            continue
        _absorb(target, d)
    return out


def _absorb(target: Draft, d: Draft) -> None:
    if target.date is None or (d.date and len(d.date) > len(target.date) and d.date.startswith(target.date)):
        if d.date and not (target.anaphoric is False and d.anaphoric and target.date):
            target.date, target.date_from_row = d.date, d.date_from_row
    if target.actor is None or (not target.actor_in_text and d.actor_in_text and d.actor):
        if d.actor and d.actor != target.actor:
            if target.actor:
                target.parties.insert(0, target.actor)
            target.actor = d.actor
            target.actor_in_text = d.actor_in_text
    if not d.anaphoric or len(target.all_parties()) < 2:
        # a draft that only refers back (今回の買収, TOBが成立すれば) adds no parties to a full event
        target.parties = _unique([p for p in target.parties + d.all_parties() if p != target.actor])
    key = _NAME_FIELD.get(target.type)
    if key and d.named and not target.named and d.fields.get(key):
        target.fields[key], target.named = d.fields[key], True
    for k, v in d.fields.items():
        if v and not target.fields.get(k):
            target.fields[k] = v
    if target.ordinal is None:
        target.ordinal = d.ordinal
    if target.status == "done" and d.status != "done" and (not d.anaphoric or target.in_title):
        target.status = d.status   # a headline drops its verb ending; the body says 予定 or 決議
    if target.in_title and not d.in_title:
        target.sentence, target.in_title = d.sentence, False
    target.weak = target.weak and d.weak


def _complete(d: Draft) -> bool:
    return bool(d.all_parties())


def _confidence(d: Draft) -> float:
    c = 0.9
    if d.weak:
        c -= 0.15
    if not d.actor_in_text:
        c -= 0.1
    if d.date is None:
        c -= 0.1
    key = _key(d) if d.type not in ("funding", "merger") else (d.fields.get("amount") or d.all_parties()[1:2])
    if not key:
        c -= 0.1
    if d.in_title:
        c -= 0.05
    if d.date_from_row:
        c += 0.05
    return max(0.3, min(0.95, c))


_FIELD_ORDER = {
    "product_launch": ("product", "price"),
    "acquisition": ("acquirer", "target", "seller", "stake_before", "stake_after", "price"),
    "merger": ("surviving",),
    "establishment": ("name", "location"),
    "funding": ("amount", "round"),
    "event_held": ("name", "venue", "participant"),
    "award": ("award", "prize", "giver"),
}


def _to_event(doc: _Doc, d: Draft) -> Event:
    attrs = tuple(sorted((k, d.fields.get(k)) for k in _FIELD_ORDER[d.type]))
    return Event(type=d.type, date=d.date, parties=tuple(d.all_parties()),
                 evidence=Evidence(d.sentence.start, d.sentence.end, d.sentence.text),
                 confidence=_confidence(d), status=d.status, ordinal=d.ordinal, attributes=attrs)
