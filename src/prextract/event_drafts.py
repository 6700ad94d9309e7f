"""Event drafts: the record a builder fills from one statement of an event, and the merging of
the drafts that state one event (the headline, the body, 本研究所の開所) into one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analyse import Sentence
from .event_frames import _unique


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


_NAME_FIELD = {"product_launch": "product", "event_held": "name", "establishment": "name"}


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


# -- merging -------------------------------------------------------------------------------------

def _without_lone_weak(drafts: list[Draft], release_date: str | None = None) -> list[Draft]:
    """A weak trigger makes an event of its own only where no strong trigger of its type does;
    beside one, it counts only as another statement of that event (取得し、子会社化). A strong
    one dated before the release is another, past event (2009年10月に…から譲り受けて以来)."""
    strong = [d for d in drafts if not d.weak and not _before(d.date, release_date)]
    return [d for d in drafts if not d.weak or d.subtype == "round"
            or not any(s.type == d.type for s in strong) or any(_same_event(s, d) for s in strong)]


def _before(day: str | None, release_date: str | None) -> bool:
    """A date (ISO, maybe partial, maybe a range: its start) certainly before the release's."""
    if not day or not release_date or "X" in day[:4]:
        return False
    start = day.split("/")[0]
    return start[:len(release_date)] < release_date[:len(start)]


def _key(d: Draft) -> str | None:
    return {"product_launch": d.fields.get("product"), "event_held": d.fields.get("name"),
            "establishment": d.fields.get("name"), "award": d.fields.get("prize") or d.fields.get("award"),
            "acquisition": d.fields.get("target"),
            "funding": d.fields.get("round") or d.fields.get("recipient")}.get(d.type)


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
        if a.fields.get("award") and b.fields.get("award") and not _similar(a.fields["award"], b.fields["award"]):
            return False      # two awards named apart (a ministry's 表彰 and an association's 大賞)
        return a.date == b.date or a.date is None or b.date is None
    if a.type == "funding" and ka and kb and ka != kb:
        return False
    if a.type == "event_held" and a.ordinal is not None and a.ordinal == b.ordinal and a.date and a.date == b.date:
        return True       # 第28回年次大会 and 第28回日本沿岸防災工学会年次大会 on the same days: one meeting
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
        matches = [o for o in out if _same_event(o, d)]
        # a heading (３．第二の子会社の設立予定について) states the event its section tells next
        after = [o for o in matches if o.sentence.start > d.sentence.start]
        target = min(after, key=lambda o: o.sentence.start) if len(matches) > 1 and after else \
            next(iter(matches), None)
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
