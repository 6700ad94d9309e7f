"""Agreement events: who signed what with whom, when, for how long, and the how-manyth it is.

A sentence (or the headline) holding an agreement trigger (締結, 調印, 合意 … from
models/event_triggers.tsv) and an agreement word (覚書, MOU, 包括連携協定 … from
models/agreement_kinds.tsv) gives events. The actor is the body marked by は/が (else the issuer),
partners are the bodies marked by と and those listed with them (A、B及びCと). A sentence that lists
past agreements by date (``2016年5月にA、2017年6月にB、…と…締結しており``) gives one event per
partner with its own date. Duration and ordinal are read from the sentences that speak about the
current agreement. Events that state the same agreement twice (headline and body) are merged.

Confidence: 0.9 for a sentence that names the partner with と and has an actor (は/が, or the
issuer by default); 0.85 for an agreement read from a dated list of past ones; 0.8 when one
sentence lists several partners of past agreements (split into one event each); 0.75 when the
parties come from 両社 or a schedule row (the release's pair, not named in the sentence); 0.7
when no actor can be found. Merging keeps the highest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import lexicons
from .analyse import Sentence
from .context import DocumentContext
from .orgs import OrgMention
from .records import DateMention, Event, Evidence
from .resolve import OrgIndex
from .status import status_of
from .resources import load_tsv

_LIST_JOINERS = re.compile(r"\s*(?:、|，|,|および|及び|ならびに|並びに|や|と)\s*")
_PARTNER_MARK = re.compile(r"\s*(?:と(?:の|は|も|で|が)?|との間で)")
_TOPIC_MARK = re.compile(r"\s*(?:は|が|では|、(?=.{0,40}(?:と|を)))")
_DATE_SLOT = re.compile(r"\s*(?:に(?:は|も)?|、)")
# …に続き3件目 / に次いで2例目: the count of a kind of agreement, after the earlier ones it names
_COUNTED_AFTER = re.compile(r"に(?:続き|続いて|次ぎ|次いで)[、，]?\s*(?:今回が)?")
_PAST_LISTING = re.compile(r"既に|すでに|これまで(?:に)?|過去に")
_BOTH = re.compile(r"両(?:社|者|団体|機関)(?:は|が|で|の間で)")
# A（…）、B（…）及びC（…）の3者は: the bodies listed before their count act together
_COUNTED_GROUP = re.compile(r"の\s*(?:[2-9２-９]|[二三四五六七八九])(?:社|者|団体|機関|市町村|町村|市町|自治体|大学|行)"
                            r"(?:は|が|で|の間で|と)")
# …および農業機械メーカーの最上農機工業: a descriptor between a list's joiner and the next name
_DESCRIPTOR = re.compile(r"[^、。，,（）()「」\s]{1,20}?(?:の|である)\s*")
# a row of a schedule table: what happens (with 両社 in brackets), a wide gap, then when
_SCHEDULE_ROW = re.compile(r"^[\s\u3000・■●]*\S{2,30}?(?:[（(](?:両社|両者|[^）)]{1,20})[）)])?[\s\u3000]{2,}")
_CLAUSE_BREAK = re.compile(r"[、。]")
_CIRCLED = re.compile(r"[①-⑳]")
# one item: the circled number, then text up to the next number, a sentence end or a line end
_CIRCLED_ITEM = re.compile(r"([①-⑳])\s*([^①-⑳。\n]+?)(?=[①-⑳]|。|\n|$)")
# the last item of an inline list runs on into the sentence: ③相互の訪問などにおいて協力し合う
_LIST_TAIL = re.compile(r"(?:など|等)(?:において|において|で|に|を|の)")
_WEAK_AS_VERB = re.compile(r"(?:契約)?(?:し|する|した|して|いた|いたし|を(?:締結|結)|契約を|の(?:覚書|契約|協定)を)")
_WEAK_AS_PLAN = re.compile(r"(?:に向け|について(?:も)?(?:検討|協議)|の(?:検討|協議)|を(?:検討|目指))")
_OTHER_EVENT = re.compile(r"合併|統合|株式交換|株式移転|買収|取得|譲渡|分割")
_REPORTING = re.compile(r"(?:と|を|ことを)(?:発表|公表|明らかに)|が報じ|と報じ")
_ANNOUNCEMENT_DATE_BEFORE = re.compile(r"(?:は|が)\s*$")
# 1年ごと, 1年間更新: a period of renewal, not the agreement's term
_EVERY = re.compile(r"(?:ごと|毎|おき|ずつ|更新|延長|自動更新)")
# within the line only: \s would cross line ends and rescan a run of blank lines from every start
_ROW_START = r"(?m)^[ \t\u3000・■●◆◇○（(0-9０-９)）.．]*"
_DATE_LABEL = re.compile(_ROW_START + r"(?:協定|契約|覚書)?(?:締結日|調印日|締結日時|調印日時)(?:[\s\u3000]*[:：]|[\s\u3000]+)[\s\u3000]*")
# 日時 / 日程 rows count under a heading of the signing (1 締結式 / （1）日時 令和6年6月20日)
_WHEN_LABEL = re.compile(_ROW_START + rf"(?:{lexicons.spaced_words('日時', '日程', '日付')})(?:[\s\u3000]*[:：]|[\s\u3000]+)[\s\u3000]*")
_SIGNING_HEADING = re.compile(r"締結|調印")
_DURATION_CONTEXT = re.compile(r"期間|有効|合意|締結|協定|契約|覚書|MOU|MoU")


@dataclass(frozen=True, slots=True)
class _Draft:
    kind: str | None
    actor: str | None
    partners: tuple[str, ...]
    date: str | None
    sentence: Sentence
    status: str
    confidence: float
    duration: str | None = None
    ordinal: int | None = None
    listed: bool = False          # from a list of past agreements
    scope: tuple[str, ...] = ()   # ①②③ areas of cooperation


@lru_cache(maxsize=1)
def _agreement_words() -> tuple[tuple[str, str], ...]:
    rows = [(r["word"], r["agreement_kind"]) for r in load_tsv("agreement_kinds.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _agreement_triggers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(strong, weak) triggers: 締結/調印 make an event on their own; 提携/連携 are nouns as often
    as verbs and count only when no strong trigger is in the sentence."""
    rows = [r for r in load_tsv("event_triggers.tsv") if r["type"] == "agreement"]
    strong = [r["trigger"] for r in rows if "weak" not in r.get("note", "")]
    weak = [r["trigger"] for r in rows if "weak" in r.get("note", "")]

    def alternation(words: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)")
    return alternation(strong), alternation(weak)


def _is_weak(trigger: str) -> bool:
    return bool(_agreement_triggers()[1].fullmatch(trigger))


def find_trigger(sent: Sentence) -> re.Match[str] | None:
    """The last agreement trigger outside brackets and quotes (the main verb comes last in
    Japanese; a trigger inside an executive's 「…」 is talk, not the deed)."""
    depths = _bracket_depths(sent, "（(「『")
    for pattern in _agreement_triggers():
        hits = [m for m in pattern.finditer(sent.text) if depths[m.start()] == 0]
        if hits:
            return hits[-1]
    return None


def agreement_kind(text: str) -> tuple[str, int] | None:
    """The most specific agreement word in text: (kind, position). A contract that is the
    instrument of a deal of another type (株式譲渡契約, 合併契約: kind ``none``) is no agreement,
    and the words inside it (契約) do not count."""
    words = _agreement_words()
    instruments = [(m.start(), m.end()) for word, kind in words if kind == "none"
                   for m in re.finditer(re.escape(word), text)]
    best = None
    for word, kind in words:
        if kind == "none":
            continue
        for m in re.finditer(re.escape(word), text):
            if any(a <= m.start() and m.end() <= b for a, b in instruments):
                continue
            if best is None or len(word) > best[2]:
                best = (kind, m.start(), len(word))
            break
    return (best[0], best[1]) if best else None


@dataclass
class _Context:
    text: str
    orgs: list[OrgMention]
    index: OrgIndex
    dates: list[DateMention]
    issuer_name: str | None = None
    drafts: list[_Draft] = field(default_factory=list)


def extract_agreements(doc: DocumentContext) -> list[Event]:
    sentences = list(doc.sentences)
    ctx = _Context(doc.text, list(doc.orgs), doc.index, list(doc.dates), doc.issuer_name)
    for sent in sentences:
        trigger = find_trigger(sent)
        kind = agreement_kind(sent.text)
        if kind is not None and _counted_after(sent.text):
            ctx.drafts.extend(_counted_before(ctx, sent, kind[0]))
            continue                     # a sentence that counts agreements states no new one
        if trigger is None or kind is None:
            continue
        ctx.drafts.extend(_drafts_from_sentence(ctx, sent, kind[0], trigger))
    main = next((d for d in ctx.drafts if not d.listed and d.partners and d.status == "done"), None) or \
        next((d for d in ctx.drafts if not d.listed and d.partners), None)
    drafts = [d for d in ctx.drafts if d.partners]
    if main is not None:
        enriched = _with_duration_and_ordinal(ctx, sentences, main)
        drafts = [enriched if d is main else d for d in drafts]
    drafts = [d if d is main or d.ordinal is not None else replace(d, ordinal=_numbered_in_name(d.sentence.text))
              for d in drafts]
    return [_to_event(d) for d in _merge(drafts)]


_CLOSING = {"（": "）", "(": ")", "「": "」", "『": "』"}


def _bracket_depths(sent: Sentence, opening: str = "（(") -> list[int]:
    closing = "".join(_CLOSING[c] for c in opening)
    depth, out = 0, []
    for ch in sent.text:
        if ch in opening:
            depth += 1
        out.append(depth)
        if ch in closing:
            depth = max(0, depth - 1)
    return out


def _after_bracket(text: str, pos: int) -> int:
    """Position after an optional bracket that directly follows a mention."""
    p = pos
    while p < len(text) and text[p] in " \u3000":
        p += 1
    if p < len(text) and text[p] in "（(":
        depth = 0
        for i in range(p, min(len(text), p + 300)):
            if text[i] in "（(":
                depth += 1
            elif text[i] in "）)":
                depth -= 1
                if depth == 0:
                    return i + 1
    return pos


def _drafts_from_sentence(ctx: _Context, sent: Sentence, kind: str, trigger: re.Match[str]) -> list[_Draft]:
    text = ctx.text
    depths = _bracket_depths(sent)
    trig_pos = sent.start + trigger.start()
    mentions = [o for o in ctx.orgs if sent.start <= o.start and o.end <= sent.end
                and depths[o.start - sent.start] == 0 and o.start < trig_pos]
    # the status speaks of the trigger's own clause: 締結し、…検討を進めて is a done signing
    clause_end = _CLAUSE_BREAK.search(text, trigger.end() + sent.start, sent.end)
    status = status_of(text[trig_pos:clause_end.start() if clause_end else sent.end])
    if _is_weak(trigger.group()):
        # 提携 is a verb (提携しました) or a plan's object (提携に向けた協議, 提携について検討);
        # as a plain noun (今般の提携は…) it states nothing
        after = text[sent.start + trigger.end():sent.start + trigger.end() + 12]
        if _WEAK_AS_PLAN.match(after):
            status = "planned"
        elif not _WEAK_AS_VERB.match(after):
            return []
    group = _COUNTED_GROUP.search(text, sent.start, trig_pos)
    listed = _names(ctx, [o for o in mentions if o.end <= group.start()]) if group else []
    if group and group.group().endswith("と"):
        # 桐ヶ谷町、青柳町、星見村の3町村と北嶺信用金庫は: the counted ones and the one after them
        listed += [n for n in _names(ctx, [o for o in mentions if o.start >= group.end()]) if n not in listed]
    if len(listed) >= 2:
        actor_name = ctx.issuer_name if ctx.issuer_name in listed else listed[0]
        return [_Draft(kind, actor_name, tuple(n for n in listed if n != actor_name),
                       _sentence_date(ctx, sent, trig_pos), sent, status, 0.85)]
    both = _BOTH.search(text, sent.start, trig_pos)
    row = _SCHEDULE_ROW.match(sent.text)
    if row and (not re.search(r"(?:締結|調印|署名)\S{0,2}$", _row_label(row)) or _OTHER_EVENT.search(_row_label(row))):
        row = None  # a row about a board meeting or a merger's steps is no agreement of its own
    if row and _instrument_row(ctx.text, _row_label(row)):
        return []   # 契約締結日 in the schedule of a share purchase: the 株式譲渡契約, no agreement
    if (both or row) and not _partners(ctx, [o for o in mentions if not _TOPIC_MARK.match(text, _after_bracket(text, o.end))]):
        # 両社は…締結し / a schedule row 基本合意書締結（両社） 2024年9月2日: the release's own pair
        pair = _pair(ctx)
        if pair is None:
            return []
        date = _sentence_date(ctx, sent, trig_pos) if not row else _row_date(ctx, sent, row)
        if row and "予定" in sent.text[row.end():]:
            status = "planned"
        return [_Draft(kind, pair[0], (pair[1],), date, sent, status, 0.75)]
    if not mentions:
        return []
    actor = None
    for o in mentions:
        if _TOPIC_MARK.match(text, _after_bracket(text, o.end)) and not _PARTNER_MARK.match(text, _after_bracket(text, o.end)):
            actor = o
            break
    actor_name = ctx.index.name_of(ctx.index.id_of(actor)) if actor else ctx.issuer_name
    others = [o for o in mentions if o is not actor]
    slots = [d for d in ctx.dates if sent.start <= d.start and d.end <= trig_pos and d.kind in ("date", "range")
             and depths[d.start - sent.start] == 0 and _DATE_SLOT.match(text, d.end)]
    drafts: list[_Draft] = []
    if len(slots) >= 2:
        # a list of past agreements: each date opens a slot holding its partners
        for n, slot in enumerate(slots):
            end = slots[n + 1].start if n + 1 < len(slots) else trig_pos
            partners = [p for p in _names(ctx, [o for o in others if slot.end <= o.start < end]) if p != actor_name]
            for partner in partners:
                drafts.append(_Draft(kind, actor_name, (partner,), slot.value, sent, status, 0.85, listed=True))
        return drafts
    partners = [p for p in _partners(ctx, others) if p != actor_name]
    if not partners:
        return []
    date = _sentence_date(ctx, sent, trig_pos)
    confidence = 0.9 if actor is not None or ctx.issuer_name else 0.7
    if len(partners) > 1 and _PAST_LISTING.search(sent.text):
        return [_Draft(kind, actor_name, (p,), date, sent, status, confidence - 0.1) for p in partners]
    return [_Draft(kind, actor_name, tuple(partners), date, sent, status, confidence)]


def _counted_after(text: str) -> re.Match[str] | None:
    """``に続き3件目``: where a sentence counts this agreement after earlier ones."""
    for m in _COUNTED_AFTER.finditer(text):
        if lexicons.ordinal_pattern().match(text, m.end()):
            return m
    return None


def _counted_before(ctx: _Context, sent: Sentence, kind: str) -> list[_Draft]:
    """The earlier agreements a count names (…2022年8月の株式会社A、2024年2月のB に続き3件目):
    each dated partner is a past agreement of the same kind, listed."""
    count = _counted_after(sent.text)
    if count is None:
        return []
    end = sent.start + count.start()
    out = []
    for d in ctx.dates:
        if not (sent.start <= d.start and d.end <= end and d.kind == "date" and d.value):
            continue
        of = re.match(r"の[ \u3000]*", ctx.text[d.end:end])
        org = next((o for o in ctx.orgs if of and o.start == d.end + of.end()), None)
        name = next(iter(_names(ctx, [org])), None) if org is not None else None
        if name and name != ctx.issuer_name:
            out.append(_Draft(kind, ctx.issuer_name, (name,), d.value, sent, "done", 0.8, listed=True))
    return out


def _pair(ctx: _Context) -> tuple[str, str] | None:
    """The two bodies a release is about: the issuer and the body named most often besides it."""
    counts = sorted(ctx.index.organizations, key=lambda o: -len(o.mentions))
    first = ctx.issuer_name or (counts[0].name if counts else None)
    second = next((o.name for o in counts if o.name != first), None)
    return (first, second) if first and second else None


def _instrument_row(text: str, label: str) -> bool:
    """A schedule row that names only a bare contract (契約締結日) in a text whose contract is the
    instrument of another deal (株式譲渡契約を締結): the row dates that contract."""
    kind = agreement_kind(label)
    if kind is None or not label.startswith(("契約", "本契約")):
        return False
    return any(k == "none" and w in text for w, k in _agreement_words())


def _row_label(row: re.Match[str]) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", row.group()).strip(" \u3000・■●")


def _row_date(ctx: _Context, sent: Sentence, row: re.Match[str]) -> str | None:
    d = next((d for d in ctx.dates if sent.start + row.end() <= d.start < sent.end and d.value
              and d.kind in ("date", "datetime")), None)
    return d.value if d is not None else None


def _partners(ctx: _Context, mentions: list[OrgMention]) -> list[str]:
    """Bodies marked by と, with those listed before them (A、B及びCと)."""
    text = ctx.text
    marked: list[OrgMention] = []
    for k in range(len(mentions) - 1, -1, -1):
        o = mentions[k]
        after = _after_bracket(text, o.end)
        if _PARTNER_MARK.match(text, after):
            marked.append(o)
        elif marked:
            nxt = marked[-1]
            joiner = _LIST_JOINERS.match(text, after)
            descriptor = _DESCRIPTOR.match(text, joiner.end()) if joiner else None
            if joiner and (joiner.end() == nxt.start or descriptor and descriptor.end() == nxt.start):
                marked.append(o)
    return _names(ctx, sorted(marked, key=lambda o: o.start))


def _names(ctx: _Context, mentions: list[OrgMention]) -> list[str]:
    out: list[str] = []
    for o in mentions:
        name = ctx.index.name_of(ctx.index.id_of(o))
        if name and name not in out:
            out.append(name)
    return out


def _sentence_date(ctx: _Context, sent: Sentence, trig_pos: int) -> str | None:
    """The date nearest before the trigger in its sentence (dates after it are plans' deadlines).

    In a report (…と発表した) the date right after the topic (Xは12日、) is the day of the
    announcement, not of the deed: it is not the event's date."""
    cands = [d for d in ctx.dates if sent.start <= d.start and d.end <= sent.end
             and d.kind in ("date", "datetime", "range") and d.value]
    if _REPORTING.search(ctx.text, trig_pos, sent.end):
        cands = [d for d in cands if not (_ANNOUNCEMENT_DATE_BEFORE.search(ctx.text, max(sent.start, d.start - 3), d.start)
                                          and re.match(r"\s*[、,]", ctx.text[d.end:d.end + 2]))]
    before = [d for d in cands if d.end <= trig_pos]
    pick = before[-1] if before else (cands[0] if cands else None)
    return pick.value if pick else None


def _with_duration_and_ordinal(ctx: _Context, sentences: list[Sentence], main: _Draft) -> _Draft:
    duration = main.duration
    if duration is None:
        for sent in _sentences_from(sentences, main.sentence):
            if not _DURATION_CONTEXT.search(sent.text):
                continue
            d = next((d for d in ctx.dates if sent.start <= d.start and d.end <= sent.end
                      and d.kind == "duration" and d.value and not d.modifier
                      and not _EVERY.match(ctx.text, d.end)), None)
            if d is not None:
                duration = d.value
                break
    date = main.date or _labelled_date(ctx)
    return replace(main, date=date, duration=duration, ordinal=_ordinal(ctx, sentences, main),
                   scope=_scope_items(ctx, main))


def _scope_items(ctx: _Context, main: _Draft) -> tuple[str, ...]:
    """The areas of cooperation a release lists with circled numbers (①…②…③…), inline or one per
    line, in the agreement's sentence or the paragraphs after it, before the next list starts."""
    start = main.sentence.start
    window = ctx.text[start:start + 3000]
    first = _CIRCLED.search(window)
    if first is None:
        return ()
    items: list[str] = []
    for m in _CIRCLED_ITEM.finditer(window, first.start()):
        number = ord(m.group(1)) - ord("①") + 1
        if number != len(items) + 1:
            break  # a second list, or numbers out of order: stop at the first list
        items.append(m.group(2).strip(" \u3000、，,。"))
    if items:
        tail = _LIST_TAIL.search(items[-1])
        if tail:
            items[-1] = items[-1][:tail.start()]
    return tuple(i for i in items if i)


def _labelled_date(ctx: _Context) -> str | None:
    """締結日：令和6年6月20日 — the signing date given as a row of the release's overview."""
    labels = list(_DATE_LABEL.finditer(ctx.text)) + [
        m for m in _WHEN_LABEL.finditer(ctx.text)
        if _SIGNING_HEADING.search(ctx.text, max(0, ctx.text.rfind("\n", 0, max(0, m.start() - 1)) - 60), m.start())]
    for label_match in labels:
        line_end = ctx.text.find("\n", label_match.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        d = next((d for d in ctx.dates if label_match.end() <= d.start < line_end
                  and d.kind in ("date", "datetime", "range") and d.value), None)
        if d is not None:
            # the day of a datetime or of a time range on one day (午前10時30分～11時)
            first = d.value.split("/")[0]
            if d.kind == "range" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+)?", first):
                continue
            return first[:10] if "T" in first else d.value
    return None


def _sentences_from(sentences: list[Sentence], first: Sentence) -> list[Sentence]:
    return [s for s in sentences if s.start >= first.start]


def _ordinal(ctx: _Context, sentences: list[Sentence], main: _Draft) -> int | None:
    """The text's own count: in a sentence naming a partner first, else right after the event,
    else in a later sentence about agreements of the same kind."""
    ordinal, first_time = lexicons.ordinal_pattern(), lexicons.first_time_pattern()
    following = _sentences_from(sentences, main.sentence)
    for sent in following:
        if any(p in sent.text for p in main.partners):
            hits = ordinal.findall(sent.text)
            if hits:
                return lexicons.ordinal_number(hits[-1])
    for sent in following[:2]:
        hits = ordinal.findall(sent.text)
        if hits:
            return lexicons.ordinal_number(hits[-1])
        if first_time.search(sent.text):
            return 1
    # a later sentence that counts agreements of this kind (当社が資本業務提携を行うのは…2件目)
    for sent in following[2:]:
        hits = ordinal.findall(sent.text)
        found = agreement_kind(sent.text)
        if hits and found is not None and found[0] == main.kind:
            return lexicons.ordinal_number(hits[-1])
    # or counts this one by name (…協定校は本件で24校目) or says it is the first
    # (…との共同開発は今回が初めてとなります, 協定を結ぶのは…初めてです)
    for sent in following[2:]:
        hits = ordinal.findall(sent.text)
        if hits and _THIS_ONE.search(sent.text):
            return lexicons.ordinal_number(hits[-1])
        first = first_time.search(sent.text)
        if first and _THIS_TIME_FIRST.search(sent.text, 0, first.start()):
            return 1
    return None


#: 第1次協定, 第2次包括連携協定: an agreement named with its count
_NUMBERED_AGREEMENT = re.compile(r"第([0-9０-９]+)次[^。、「」]{0,12}?(?:協定|契約|提携|合意)")


def _numbered_in_name(sentence: str) -> int | None:
    """The count in the name of a release's other agreement, where its sentence names one
    (「地方創生に関する包括連携協定」（以下「第1次協定」）を締結し)."""
    counts = {lexicons.ordinal_number(m.group(1)) for m in _NUMBERED_AGREEMENT.finditer(sentence)}
    return counts.pop() if len(counts) == 1 else None


#: 本件で / 今回で …: a count in the sentence is of this event (本件で24校目)
_THIS_ONE = re.compile(r"本件(?:で|に|を|は|が)|今回(?:で|が|の)")


#: 今回が / 今回の…は / …のは (a cleft) before 初めて: the sentence speaks of this event
_THIS_TIME_FIRST = re.compile(r"今回(?:が|の)|のは[、，]?[^。「」]{0,20}$")


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """The headline and the body state one agreement: same partners -> one event. An undated
    statement joins a dated one (and one naming more of the partners); two different dates stay
    two events."""
    out: list[_Draft] = []
    for d in drafts:
        same = [o for o in out if _same_parties(o, d) and o.status == d.status]
        target = None
        for o in same:
            if o.date is None or d.date is None or o.date == d.date:
                target = o
                break
        if target is None:
            out.append(d)
            continue
        bigger = d if len(_party_set(d)) > len(_party_set(target)) else target
        merged = replace(
            target if target.date or not d.date else d,
            actor=bigger.actor, partners=bigger.partners,
            kind=_better_kind(target.kind, d.kind),
            duration=target.duration or d.duration,
            ordinal=target.ordinal if target.ordinal is not None else d.ordinal,
            scope=target.scope or d.scope,
            confidence=max(target.confidence, d.confidence),
            listed=target.listed and d.listed)
        out[out.index(target)] = merged
    return out


def _same_parties(a: _Draft, b: _Draft) -> bool:
    """The same partners, or an undated statement naming only some of them (a headline that
    leaves out the third party of the body's 3者)."""
    pa, pb = _party_set(a), _party_set(b)
    return pa == pb or (pa < pb and a.date is None) or (pb < pa and b.date is None)


def _party_set(d: _Draft) -> frozenset[str]:
    """Who signed, whichever side the sentence made the actor (AはBと / BはAと)."""
    return frozenset(d.partners) | ({d.actor} if d.actor else set())


def _better_kind(a: str | None, b: str | None) -> str | None:
    if a in (None, "other"):
        return b or a
    return a


def _to_event(d: _Draft) -> Event:
    parties = tuple(([d.actor] if d.actor else []) + [p for p in d.partners if p != d.actor])
    return Event(type="agreement", date=d.date, parties=parties,
                 evidence=Evidence(d.sentence.start, d.sentence.end, d.sentence.text),
                 confidence=d.confidence, status=d.status, agreement_kind=d.kind or "other",
                 duration=d.duration, ordinal=d.ordinal,
                 attributes=(("scope", d.scope),) if d.scope else ())
