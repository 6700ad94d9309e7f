"""Event records other than agreements and appointments: product launches, acquisitions, mergers,
establishments, funding rounds, events held and awards.

``extract_events(ctx)`` is the one call. A trigger from models/event_triggers.tsv, outside brackets
and not the first half of a longer noun (発売日, 受賞企業), not a row label (発売日：…), opens a
frame over GiNZA's bunsetsu dependencies (event_frames reads the predicate, its arguments, the
actor and the date).

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

This module holds the builders per type and the pipeline: frames come from event_frames, rows and
winner lists from event_overview, the draft record and its merging from event_drafts.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import lexicons
from .analyse import Sentence
from .context import DocumentContext
from .event_drafts import Draft, _before, _key, _merge, _without_lone_weak
from .event_frames import (_QUOTED, Arg, Frame, Trigger, _Doc, _actor, _arg_orgs, _arg_text, _clean_name,
                           _date_value, _ends_with_head, _frame, _frame_date, _head_org, _is_compound_noun,
                           _is_quoted, _orgs_of, _place, _predicative, _quoted, _strip_brackets, _support_words,
                           _tail_noun, _unique, _unit_arg)
from .event_overview import (Block, _award_list_drafts, _block_events_held, _block_launches, _blocks,
                             _fill_from_blocks, _grant_list_drafts, _in_row_label, _prize_selection_drafts,
                             _row_start_date)
from .orgs import OrgMention
from .status import status_of
from .records import Event, Evidence
from .resources import load_tsv

EVENT_TYPES = ("product_launch", "acquisition", "merger", "establishment", "funding", "event_held", "award")

_ORDINAL = re.compile(r"第\s*([0-9０-９]+)\s*(?:回|期)")  # 第9回, 第82期 (a shareholders meeting counts terms)
_ANAPHOR = re.compile(r"^(?:本|同|今回の?|当該|この|今般の?|上記の?)")
_HEADLINE_FUTURE = re.compile(r"^へ(?:[\s　、。]|$)")
_PERCENT_ALL = re.compile(r"全株式|全株|全ての株式|すべての株式|全部")
_SHARES = re.compile(r"株式|株|持分|議決権")
_BUSINESS = re.compile(r"事業|部門")
_CONTROL = re.compile(r"子会社化|子会社と|子会社に|傘下|グループ入り|経営権|買収")
_HOLDING = re.compile(r"保有|所有")


# -- lexicons ------------------------------------------------------------------------------------

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


# -- drafts --------------------------------------------------------------------------------------

def extract_events(ctx: DocumentContext) -> list[Event]:
    """The product launches, acquisitions, mergers, establishments, funding rounds, events held and
    awards of a document, one record per event."""
    doc = _Doc(ctx)
    drafts: list[Draft] = []
    for sent in ctx.sentences:
        drafts.extend(_sentence_drafts(doc, sent))
    _resolve_award_anaphora(drafts)
    drafts.extend(_award_list_drafts(doc, drafts))
    drafts.extend(_grant_list_drafts(doc))
    drafts.extend(_prize_selection_drafts(doc, drafts))
    blocks = _blocks(doc)
    drafts.extend(_block_launches(doc, blocks, drafts))
    drafts.extend(_block_events_held(doc, blocks, drafts))
    _fill_from_blocks(doc, blocks, drafts)
    _awards_from_ceremony(doc, blocks, drafts)
    _ordinals_from_names(drafts)
    for d in drafts:
        if d.type == "event_held" and not d.all_parties():
            d.actor = doc.issuer      # 開催予定の第78回定時株主総会: the issuer's own, unless a row names the organiser
    drafts = _without_lone_weak(drafts, ctx.release_date)
    merged = _merge(drafts)
    _count_this_deal(doc, merged)
    for d in merged:
        if d.type == "acquisition" and d.fields.get("target") and not d.fields.get("stake_before"):
            d.fields["stake_before"] = _stake_held(doc, d.fields["target"])
    return [_to_event(doc, d) for d in merged if _complete(d)]


_CEREMONY = re.compile(r"表彰式|授賞式|贈呈式|授与式")


def _awards_from_ceremony(doc: _Doc, blocks: list[Block], drafts: list[Draft]) -> None:
    """Awards presented at the ceremony a block announces (２　表彰式 / (1) 日時 令和7年12月8日…)
    are dated that day."""
    for b in blocks:
        # ■2026年度…表彰　農林水産大臣賞 / 表彰式：2026年10月22日: the ceremony of the award named above
        row = next((r for r in b.rows if _CEREMONY.fullmatch(r.label)), None)
        value = _row_start_date(doc, row) if row is not None else None
        named = [d for d in drafts if d.type == "award" and d.date is None and d.fields.get("award")
                 and _clean_name(d.fields["award"]) in b.heading]
        if value and len(named) == 1:
            named[0].date = value.split("T")[0]
    for b in blocks:
        if not _CEREMONY.search(b.heading):
            continue
        row = next((r for r in b.rows if ("event_held", "date") in r.fields), None)
        value = _row_start_date(doc, row) if row is not None else None
        if not value:
            continue
        day = value.split("T")[0]      # 令和7年12月8日（月）午後2時～: the day
        for d in drafts:
            if d.type == "award" and d.date is None:
                d.date = day
    # …受賞企業6社を決定し、2025年6月12日（木）15時～、…にて表彰式を行いました: the one day a sentence
    # holds the ceremony on
    undated = [d for d in drafts if d.type == "award" and d.date is None]
    days = set()
    for sent in doc.ctx.sentences if undated else ():
        words = [sent.text.find(w) for w in _support_words("ceremony") if w in sent.text]
        if not words:
            continue
        before = [x for x in doc.dates_in(sent.start, sent.start + min(words)) if _date_value(x)]
        if before:
            days.add(_date_value(before[-1]).split("/")[0])
    if len(days) == 1:
        day = days.pop()
        for d in undated:
            d.date = day


def _ordinals_from_names(drafts: list[Draft]) -> None:
    """An award or event named with its count (第12回…大賞, an overview's 名称：第6回 …EXPO) has
    that ordinal."""
    for d in drafts:
        key = {"award": "award", "event_held": "name"}.get(d.type)
        m = _ORDINAL.search(d.fields.get(key) or "") if key else None
        if m and d.ordinal is None:
            d.ordinal = lexicons.ordinal_number(m.group(1))


# 本件は、当社にとって2件目のM&Aとなります / 今回の出資は3件目: the count of the release's own deal
_THIS_DEAL = re.compile(r"^[\s\u3000]*(?:本件|今回の[^\s、。は]{1,8})(?:は|が|により)")
@lru_cache(maxsize=1)
def _counted_for_issuer() -> re.Pattern[str]:
    """当法人2院目, 当社にとって3件目: a count of the issuer's own deals; group 1 is the number."""
    return re.compile(rf"(?:{'|'.join(lexicons.issuer_words())})(?:にとって|として)?の?"
                      + lexicons.ordinal_pattern().pattern)


_COUNTED_TYPES = ("acquisition", "merger", "establishment", "funding", "product_launch")


def _count_this_deal(doc: _Doc, drafts: list[Draft]) -> None:
    """A sentence about 本件 that counts it gives the ordinal of the release's one current deal
    (not one dated before the release: 2021年10月には…を子会社化)."""
    current = [d for d in drafts if d.type in _COUNTED_TYPES and d.ordinal is None
               and not _before(d.date, doc.ctx.release_date)]
    if len(current) != 1:
        return
    name = current[0].fields.get("name") or current[0].fields.get("product") or ""
    sentences = doc.ctx.sentences
    for k, sent in enumerate(sentences):
        # 本件は…2件目, or a sentence about the new thing by its name (はるか台クリニックは…4施設目)
        if _THIS_DEAL.match(sent.text) or (len(name) >= 2 and re.match(
                rf"[\s\u3000]*「?{re.escape(name)}」?(?:は|が)", sent.text)):
            hits = lexicons.ordinal_pattern().findall(sent.text)
            if hits:
                current[0].ordinal = lexicons.ordinal_number(hits[-1])
                return
        # the sentence right after the deal's, counting it for the issuer (…に続く、当法人2院目の
        # 医療機関となります)
        if k and sentences[k - 1].start == current[0].sentence.start:
            hit = _counted_for_issuer().search(sent.text)
            if hit:
                current[0].ordinal = lexicons.ordinal_number(hit.group(1))
                return


def _short_form_in(name: str, text: str) -> bool:
    """A body's short name is a head of its name without the legal form (ホクト樹脂工業株式会社 ->
    ホクト樹脂)."""
    core = name
    for form in sorted(lexicons.legal_form_texts(), key=len, reverse=True):
        if core.startswith(form):    # only at either end: AB or SE inside a name stay
            core = core[len(form):]
        elif core.endswith(form):
            core = core[:-len(form)]
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
            out.extend(_each_award(doc, frame, draft) if draft.type == "award" else
                       _each_product(doc, frame, draft))
    return out


# 「2026年度…表彰」において最高賞である農林水産大臣賞を、また…「第14回…大賞」において大賞を受賞
_AWARD_SEGMENT = re.compile(r"「(?P<award>[^「」]+)」(?:において|で)(?:[^、。を「」]{0,16}?である)?"
                            r"(?P<prize>[^、。を「」]{2,15}?)を")


def _each_award(doc: _Doc, f: Frame, d: Draft) -> list[Draft]:
    """Two awards received in one sentence, each 「AWARD」において PRIZE を: one award each, its
    giver the body that hosts it (Xが主催する「…」)."""
    segments = list(_AWARD_SEGMENT.finditer(doc.text, f.sentence.start, f.start))
    if len(segments) < 2 or d.fields.get("giver") is None and not d.actor:
        return [d]
    out = []
    previous_end = f.sentence.start
    for m in segments:
        hosts = [o for o in doc.orgs_in(previous_end, m.start()) if re.match(
            r"(?:（[^）]*）)?(?:が|の)?主催", doc.text[o.end:m.start()])]
        giver = doc.name(hosts[-1]) if hosts else None
        fields = {k: v for k, v in d.fields.items() if k != "giver"}
        fields.update(award=_clean_name(m.group("award")), prize=m.group("prize").strip())
        if giver:
            fields["giver"] = giver
        c = replace(d, parties=[giver] if giver and giver != d.actor else [], fields=fields, ordinal=None,
                    anaphoric=False, name_start=m.start("award"), named=True)
        out.append(c)
        previous_end = m.end()
    return out


_COORDINATED = re.compile(r"[ \u3000]*(?:と|、|，|及び|および|並びに|ならびに|や)")


def _each_product(doc: _Doc, f: Frame, d: Draft) -> list[Draft]:
    """「A」と、専用端末「B」を発売: products launched together, one launch each."""
    obj = _object(f)
    if d.type != "product_launch" or obj is None or d.name_start is None:
        return [d]
    found = list(_QUOTED.finditer(doc.text, f.sentence.start, obj.outer))
    names = [m for m in found if m.start(1) <= d.name_start]
    if not names or names[-1].start(1) != d.name_start:
        return [d]
    chain = [names[-1]]
    for m in reversed(names[:-1]):      # back from the product over 「X」と、… links
        if not _COORDINATED.match(doc.text, m.end()) or "。" in doc.text[m.end():chain[0].start()]:
            break
        if any(doc.orgs_in(m.end(), chain[0].start())) or doc.money_in(m.end(), chain[0].start()):
            break
        chain.insert(0, m)
    if len(chain) < 2:
        return [d]
    out = []
    for m in chain:
        out.append(replace(d, parties=list(d.parties), fields={**d.fields, "product": _clean_name(m.group(1))},
                           name_start=m.start(1), named=True))
    return out


# 「ENEPORT 1500」は…に発売し、「ENEPORT 600 mini」は…発売する予定です: the verb's conjunctive
# form, then a parallel clause with a topic of its own and the same verb; the end of the sentence
# speaks of that one (not so …を設立し、両行はその完全子会社となる予定: one plan)
_NEXT_TOPIC_CLAUSE = re.compile(r"^(?:いたし|し)(?:て)?、(?=[^、。]{1,30}?(?:」|）)?は)")


def _new_draft(doc: _Doc, f: Frame) -> Draft:
    tail = doc.text[f.end:f.clause_end]
    own = _NEXT_TOPIC_CLAUSE.match(tail)
    if own and f.trigger.word in tail[own.end():]:
        tail = tail[:own.end()]
    status = status_of(tail)
    if _HEADLINE_FUTURE.match(tail):
        status = "planned"          # a news headline's 〜へ: 完全子会社化へ
    return Draft(f.trigger.type, f.trigger.subtype, f.trigger.weak, f.sentence, status)


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
        if _ends_with_head(name, "award"):
            return None              # 「…大賞」の受賞団体を発表: an award's results, not a launch
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
        for a in f.arg("から"):
            o = _head_org(doc, f, a)
            if o is not None and doc.name(o) not in (d.actor, target):
                d.fields["seller"] = doc.name(o)      # X社から譲り受け: the seller is a party
                d.parties.append(doc.name(o))
    if target:
        d.fields["target"] = target
    elif not (sub == "divest" and d.actor and d.fields.get("seller")):
        d.anaphoric = True      # (a business sold by a named seller to a named buyer is a deal of its own)
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


_NOT_IN_NAME = re.compile(r"[、。，,「」『』（）()\s\u3000]")


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
    # the body whose name the argument is; it may start a few words earlier where the parser
    # leaves a kana word out of the argument (「すい|こう|内科クリニック」)
    founded_org = next((o for o in doc.orgs if o.end >= name_end - 1 and (
        name[1] <= o.start <= name[1] + 1
        or o.start < name[1] <= o.start + 8 and not _NOT_IN_NAME.search(doc.text, o.start, name[1]))), None)
    if _ends_with_head(name[0], "award") or not (founded_org is not None or _ends_with_head(name[0], "facility")):
        return None           # an award, a system or a project is not an establishment
    d.fields["name"] = name[0]
    d.name_start = name[1]
    d.named = _is_quoted(doc, name[1]) or founded_org is not None
    d.anaphoric = bool(_ANAPHOR.match(name[0]))
    founded = doc.name(founded_org) if founded_org is not None else None
    if founded:
        d.fields["name"] = founded        # H2SIセンター (以下「…」): the body's own name
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


# 払込みは2026年1月16日に完了しています: the day the money came in closes the round
_PAID_IN = re.compile(r"払込み?(?:手続き)?(?:は|が)[、\s]*")


def _paid_in_day(doc: _Doc) -> str | None:
    for m in _PAID_IN.finditer(doc.text):
        day = next((d for d in doc.dates_in(m.end(), m.end() + 16) if d.start == m.end() and d.value), None)
        if day is not None and re.match(r"(?:に|で)?完了", doc.text[day.end:day.end + 4]):
            return day.value
    return None


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
        # 2022年7月のシードラウンド（3.8億円）, …ラウンド（引受先：…ほか、調達額8,000万円）: the amount
        # sits in the bracket after the round
        after = re.match(r"[（(]([^）)]*)[）)]", doc.text[f.end:f.end + 80])
        if after:
            ms = doc.money_in(f.end, f.end + after.end())
            amount = amount or (ms[0].text if ms else None)
        rnd = lexicons.funding_round_pattern().search(doc.text, max(s0, f.start - 12), f.end)
        if rnd and d.date is None:
            d.date = _day_before_the_round(doc, s0, rnd.start())
    else:
        rnd = lexicons.funding_round_pattern().search(f.sentence.text)
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
    if d.date is None and not any(x.value for x in doc.dates_in(f.sentence.start, f.sentence.end)):
        d.date = _paid_in_day(doc)      # not for a round its own sentence dates (2023年6月のシード)
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
        if f.trigger.word == "ラウンド":
            # シードラウンド（引受先：A、B、調達額…）: the investors the bracket after the round lists
            after = re.match(r"[（(](?:引受先|割当先|出資者|投資家)[：:]([^）)]*)[）)]", doc.text[f.end:f.end + 80])
            if after:
                investors += [doc.name(o) for o in doc.orgs_in(f.end + after.start(1), f.end + after.end(1))]
    d.actor = raiser
    d.parties = _unique([p for p in investors if p != raiser])
    return d


def _day_before_the_round(doc: _Doc, floor: int, round_start: int) -> str | None:
    """2023年6月に実施したシードラウンド, 2022年7月のシード: the day the clause before the round
    gives it."""
    for x in reversed(doc.dates_in(max(floor, round_start - 16), round_start)):
        if x.value and re.fullmatch(r"(?:に(?:実施|実行|完了)し?た|の)", doc.text[x.end:round_start]):
            return x.value
    return None


_INVESTOR_WORD = re.compile(r"を(?:リード)?(?:投資家|インベスター|引受先|割当先|出資者)|から(?:の)?(?:出資|投資)")


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
        d.ordinal = lexicons.ordinal_number(m.group(1))
    elif lexicons.first_time_pattern().search(doc.text, max(f.sentence.start, name[1] - 12), f.start):
        d.ordinal = 1        # 初めてとなる「…」を開催 / 「…」を初めて開催する
    if sub not in ("exhibit", "speak"):
        for a in f.arg("で"):
            if _head_org(doc, f, a) is None and not _is_date_only(doc, a) and not \
                    re.search(r"共催|主催|協力|連携", doc.text[a.start:a.outer]):
                venue = _arg_text(doc, f, a)[0]
                if not _ANAPHOR.match(venue):      # 同じ会場で: the venue the overview names
                    d.fields["venue"] = venue
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
    if _ends_with_head(name, "meeting") and not _ORDINAL.search(name):
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


# -- records -------------------------------------------------------------------------------------

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
    "funding": ("amount", "round", "recipient"),
    "event_held": ("name", "venue", "participant"),
    "award": ("award", "prize", "giver"),
}


def _to_event(doc: _Doc, d: Draft) -> Event:
    attrs = tuple(sorted((k, d.fields.get(k)) for k in _FIELD_ORDER[d.type]))
    parties = d.all_parties()
    founded = d.fields.get("name") if d.type == "establishment" else None
    if founded and founded not in parties and any(doc.name(o) == founded for o in doc.orgs):
        parties.append(founded)     # the body founded takes part in its founding
    return Event(type=d.type, date=d.date, parties=tuple(parties),
                 evidence=Evidence(d.sentence.start, d.sentence.end, d.sentence.text),
                 confidence=_confidence(d), status=d.status, ordinal=d.ordinal, attributes=attrs)
