"""Overview blocks, schedules and winner lists: labelled rows (商品名／価格／発売日, 会期／会場／主催,
合併効力発生日 …; models/event_fields.tsv) fill what the sentences leave open, and the bodies listed
under a 受賞 heading and a prize line (【大賞】) get one award each.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .analyse import Sentence
from .event_drafts import _NAME_FIELD, Draft, _before, _dates_agree, _key, _similar
from .event_frames import _QUOTED, _Doc, _clean_name, _date_value, _ends_with_head, _place, _unique
from .resources import load_tsv

_PLAN_MARK = re.compile(r"予定|見込")
_ROW = re.compile(
    r"^[ \t\u3000]*(?:[(（][0-9０-９]+[)）]|[0-9０-９]+[.．、]|[①-⑳]|[・･●○◆◇■□※-])?[ \t\u3000]*"
    r"(?P<label>[^\s：:\t\u3000](?:[ \u3000]+[^\s：:\t\u3000]){1,3}(?=[ \u3000]*[：:]|[ \u3000])|[^\s：:\t\u3000]{1,24}?)"
    r"(?P<note>[（(][^）)]{1,20}[）)])?"
    r"(?:[ \t\u3000]*[：:][ \t\u3000]*|\t+[ \t\u3000]*|[ \u3000]{2,}|\u3000(?=[0-9０-９令平]))(?P<value>\S.*)$")
# １　日時 / ２．会場 / ■開催日 / ・引受先（第三者割当増資）: a short numbered or marked heading that is a row label
_LABEL_HEADING = re.compile(r"^[ \t\u3000]*(?:[0-9０-９]{1,2}[.．、]?[ \t\u3000]+|[0-9０-９]{1,2}[.．、]|[■□◆◇●○【・]|[(（][0-9０-９]+[)）])"
                            r"[ \t\u3000]*(?P<label>[^\s【】（(：:]{1,6})】?(?:[（(][^）)\n]{1,20}[）)])?[：:]?[ \t\u3000]*$")
_HEADING = re.compile(r"^[ \t\u3000]*(?:[■□◆◇●○【]|[0-9０-９]+[.．、]|[(（][0-9０-９]+[)）]|[一二三四五六七八九十]+[、．.])")
# 【知事賞】, ■優秀賞, 【知事賞】（副賞　100万円）: a bracket note after the prize is allowed
#: the prize cell that opens a row of a winners table (大賞　　　株式会社三峰化成　…)
_PRIZE_CELL = re.compile(r"^[ \t\u3000]*(?P<prize>[^\s、。「」【】]{0,14}(?:賞|グランプリ))[ \t\u3000]+")
_PRIZE_LINE = re.compile(r"^[ \t\u3000]*[【\[［■◆〈《]([^】\]］〉》]{1,30}?(?:賞|グランプリ|部門))[】\]］〉》]?"
                         r"[ \t\u3000]*(?:[（(][^）)\n]{0,30}[）)])?[ \t\u3000]*$")


@lru_cache(maxsize=1)
def _field_labels() -> tuple[tuple[str, str, str], ...]:
    rows = [(r["label"], r["type"], r["field"]) for r in load_tsv("event_fields.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


# -- overview blocks and schedules ---------------------------------------------------------------

@dataclass
class Row:
    label: str
    note: str
    value: str
    start: int          # of the value
    end: int
    fields: list[tuple[str, str]]   # (type, field)
    subject: str = ""   # the item a sub-heading names for the lines under it: （１）ぎふ木の技術展2026


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
    # the block under a label heading, then (its label, its fields, the sub-item its lines speak of)
    under_label: list = [None, ("", [], "")]
    lines = list(re.finditer(r"(?m)^.*$", doc.text))
    for m in lines:
        line = m.group()
        if not line.strip():
            current = None
            continue
        rm = _ROW.match(line)
        if rm and not line.strip().endswith("。"):
            # 日　時 / 場　所: a short label spaced out one character at a time
            label, note = re.sub(r"[ \u3000]", "", rm.group("label")), rm.group("note") or ""
            fields = _row_fields(label, note)
            if current is None:
                current = Block(heading, [], m.start(), m.end())
                blocks.append(current)
            current.rows.append(Row(label, note, rm.group("value"), m.start() + rm.start("value"), m.end(), fields))
            current.end = m.end()
            continue
        sub = _HEADING.match(line)
        if current is not None and current is under_label[0] and "。" not in line and \
                (line[:1] in " \t\u3000" or sub is not None and sub.group().strip()[:1] in "(（"):
            label, fields, subject = under_label[1]
            if sub is not None:
                under_label[1] = (label, fields, line[sub.end():].strip(" \t\u3000"))
            else:
                current.rows.append(Row(label, "", line.strip(), m.start(), m.end(), fields, subject))
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
            lm = _LABEL_HEADING.match(line)
            fields = _row_fields(lm.group("label"), "") if lm else []
            if fields:
                # １　日時 / （１）ぎふ木の技術展2026 / 　　令和8年2月6日: a label heading over its values
                current = Block(heading, [], m.start(), m.end())
                under_label = [current, (lm.group("label"), fields, "")]
                blocks.append(current)
    return blocks


def _in_row_label(doc: _Doc, pos: int) -> bool:
    line_start = doc.text.rfind("\n", 0, pos) + 1
    line_end = doc.text.find("\n", pos)
    m = _ROW.match(doc.text[line_start:line_end if line_end >= 0 else len(doc.text)])
    return m is not None and line_start + m.start("label") <= pos < line_start + m.start("value")


def _row_date(doc: _Doc, row: Row) -> str | None:
    ds = [d for d in doc.dates if row.start <= d.start < row.end]
    return _date_value(ds[0]) if ds else None


def _first_date_cell(doc: _Doc, row: Row) -> str:
    """The cell of the row's first date, up to the gap before the next column (発売日　2025年3月12日
    　2025年4月下旬（予定）: the mark is the second product's)."""
    ds = [d for d in doc.dates if row.start <= d.start < row.end]
    if not ds:
        return row.value
    gap = re.compile(r"\u3000|[ \t]{2,}").search(doc.text, ds[0].end, row.end)
    return doc.text[row.start:gap.start() if gap else row.end]


def _row_start_date(doc: _Doc, row: Row) -> str | None:
    v = _row_date(doc, row)
    if v and "/" in v:
        return v.split("/")[0]
    return v


def _row_orgs(doc: _Doc, row: Row) -> list[str]:
    return _unique(doc.name(o) for o in doc.orgs if row.start <= o.start < row.end)


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
                if type_ == "establishment" and block_name in _unique(p for d in drafts for p in d.all_parties()) \
                        and not any(_similar(block_name, d.fields.get(key)) for d in cands):
                    continue                    # a profile of a party (会社概要), not what was founded
                block_date = next((_row_date(doc, r) for r in b.rows if (type_, "date") in r.fields), None)
                scored = [(_name_score(b, block_name, d, key), d)
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
                    _fill_rows(doc, b.rows, d)
            else:
                if type_ == "establishment" and any(p in b.heading for d in drafts for p in d.all_parties() if p):
                    continue                    # 【蒼海化成株式会社の概要】: a party's profile
                # a past event of the type dated otherwise (2021年10月には…を子会社化) is not the
                # one the schedule is about
                if any(r.subject for r in b.rows):
                    _fill_by_subject(doc, b, cands, key)
                    continue
                block_dates = [v for r in b.rows if (type_, "date") in r.fields for v in [_row_date(doc, r)] if v]
                cands = [d for d in cands if all(_dates_agree(d.date, v) for v in block_dates)]
                current = [d for d in cands if not _before_release(doc, d)]
                if current:
                    cands = current     # the overview is of the deal at hand, not one the text recalls
                named = {_key(d) for d in cands if not d.anaphoric and _key(d)}
                if len(named) > 1:
                    # the headline's event among others the text recalls (シリーズBラウンド beside
                    # a past シリーズA) is what the block is about; organiser and venue rows also
                    # go to the other events announced together, none of them past
                    in_title = {_key(d) for d in cands if d.in_title and _key(d)}
                    for d in cands:
                        if _key(d) in in_title:
                            _fill_rows(doc, b.rows, d)
                        elif not _before_release(doc, d):
                            _fill_rows(doc, b.rows, d, ("organiser", "venue"))
                    continue
                for d in cands:
                    _fill_rows(doc, b.rows, d)


# ■新製品発表会「ENEPORT DAY 2025」: a heading that names an event by its kind and its own name
_NAMED_EVENT_HEADING = re.compile(r"(?P<kind>[^\s「」『』]{2,12})[「『](?P<name>[^」』]{2,40})[」』][ \t\u3000]*$")


def _block_events_held(doc: _Doc, blocks: list[Block], drafts: list[Draft]) -> list[Draft]:
    """A block headed by an event's kind and quoted name, with its date in a row (■新製品発表会
    「ENEPORT DAY 2025」 / 日時：2025年3月5日…): an event held even where no sentence holds it;
    the rows then fill it (``_fill_from_blocks``)."""
    out = []
    for b in blocks:
        heading = _NAMED_EVENT_HEADING.search(b.heading)
        if heading is None or b.get("event_held", "date") is None or not _ends_with_head(heading.group("kind"), "event"):
            continue
        name = _clean_name(heading.group("name"))
        if any(d.type == "event_held" and _similar(d.fields.get("name"), name) for d in drafts + out):
            continue
        sent = Sentence(b.start, b.end, doc.text[b.start:b.end])
        d = Draft("event_held", "hold", False, sent, "done", actor=doc.issuer)
        d.fields["name"], d.named = name, True
        out.append(d)
    return out


#: 新会社の概要, 合弁会社の概要, 設立する子会社の概要: the heading of the body being founded
_NEW_BODY_HEADING = re.compile(r"新会社|合弁会社|子会社|新法人|現地法人|新設会社|設立(?:する|予定の)")


def _name_score(b: Block, block_name: str, d: Draft, key: str) -> float:
    """How much a block's name (and heading) is like a draft's: shared character pairs; a
    founding named only by its kind (合弁会社の設立) is the one a 新会社の概要 block describes."""
    name = d.fields.get(key)
    if d.type == "establishment" and not d.named and _NEW_BODY_HEADING.search(b.heading) and \
            _NEW_BODY_HEADING.search(name or ""):
        return 1.0
    return _dice(block_name, name) + 0.5 * _dice(b.heading, name)


def _fill_by_subject(doc: _Doc, b: Block, drafts: list[Draft], key: str | None) -> None:
    """Lines under a sub-heading naming one item （１）ぎふ木の技術展2026 fill the draft of that name."""
    for subject in _unique(r.subject for r in b.rows if r.subject):
        scored = [(_dice(subject, d.fields.get(key)), d) for d in drafts if key and d.fields.get(key)]
        scored = [(sc, d) for sc, d in scored if sc >= 0.5]
        if scored:
            best = max(scored, key=lambda x: x[0])[1]
            _fill_rows(doc, [r for r in b.rows if r.subject == subject], best)


def _before_release(doc: _Doc, d: Draft) -> bool:
    """A draft dated before the release (令和7年2月に開催した第4回フォーラム): a past one."""
    return _before(d.date, doc.ctx.release_date)


def _fill_rows(doc: _Doc, rows: list[Row], d: Draft, only: tuple[str, ...] | None = None) -> None:
    for r in rows:
        for t, fld in r.fields:
            if t != d.type or only is not None and fld not in only:
                continue
            if fld == "date":
                row_date = _row_date(doc, r)
                if row_date and (d.date is None or not d.date_from_row and len(d.date) < 10
                                 and row_date.startswith(d.date)):
                    value = _row_start_date(doc, r) if d.type == "product_launch" else row_date
                    d.date, d.date_from_row = value, True
                    if (_PLAN_MARK.search(_first_date_cell(doc, r)) or _PLAN_MARK.search(r.label)) \
                            and d.status == "done":
                        d.status = "planned"   # 効力発生日 2025年4月1日（予定）, 設立予定日 2027年1月
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
        cell = _PRIZE_CELL.match(line)      # 大賞　　株式会社三峰化成　　代表取締役社長　…: a table row
        if prize is None and cell is None:
            continue
        row_start = m.start() + (cell.end() if cell else 0)
        orgs = [o for o in doc.orgs if row_start <= o.start < m.end()]
        if not orgs:
            continue
        o = orgs[0]
        if doc.text[row_start:o.start].strip(" \u3000・") != "":
            continue
        start = m.start() + len(line) - len(line.lstrip(" \u3000"))
        d = Draft("award", "receive", False, Sentence(start, m.end(), doc.text[start:m.end()]), "done",
                  actor=doc.name(o), actor_in_text=True)
        giver = doc.issuer if doc.issuer != d.actor else None
        d.parties = [giver] if giver else []
        d.fields = {"award": award_name, "prize": cell.group("prize") if cell else prize, "giver": giver}
        out.append(d)
    return out


# 助成対象者一覧, 採択者, 交付先: the heading of a list of grant recipients
_GRANT_LIST = re.compile(r"(?:助成|採択|交付)(?:対象者|対象|先|者|決定者|テーマ|課題)")
_GRANT_ORDINAL = re.compile(r"第([0-9０-９]{1,3})回[^\n。]{0,20}?(?:助成|奨励|研究費)")


def _grant_list_drafts(doc: _Doc) -> list[Draft]:
    """Under a heading about grant recipients (■助成対象者一覧), each row naming a person and a
    body (１　大宅 千晶　湘南臨海病院　臨床研究部長　300万円) is one grant of the issuer to that
    person, with the row's amount; the grant's round (第36回) is the one the release names."""
    if doc.issuer is None:
        return []
    ordinal = next((int(m.group(1)) for m in _GRANT_ORDINAL.finditer(doc.text)), None)   # int() reads ３６ too
    out: list[Draft] = []
    in_list = False
    for m in re.finditer(r"[^\n]+", doc.text):
        line = m.group()
        if _GRANT_LIST.search(line) and len(line) < 40 and _HEADING.match(line):
            in_list = True
            continue
        if not in_list:
            continue
        if _HEADING.match(line):
            break
        people = [p for p in doc.ctx.people if m.start() <= p.start < m.end()]
        orgs = [o for o in doc.orgs if m.start() <= o.start < m.end() and (not people or o.start > people[0].end)]
        if len(people) != 1 or not orgs:
            continue
        start = m.start() + len(line) - len(line.lstrip(" \u3000"))
        d = Draft("funding", "grant", False, Sentence(start, m.end(), doc.text[start:m.end()]), "done",
                  actor=doc.issuer, actor_in_text=True)
        d.parties = [people[0].name, doc.name(orgs[0])]
        money = doc.money_in(m.start(), m.end())
        d.fields = {"amount": money[-1].text if money else None, "recipient": people[0].name}
        d.ordinal = ordinal
        out.append(d)
    return out


# 大賞には、…北陸運輸株式会社（富山市）が選ばれた / …株式会社A（…）と、…B株式会社の2社が優秀賞に選ばれた
_PRIZE_FIRST = re.compile(r"^[ \t\u3000]*(?P<prize>[^、。「」\s]{0,12}(?:賞|グランプリ))(?:に|には)[、，]?")
_PRIZE_AFTER = re.compile(r"が(?P<prize>[^、。「」\s]{0,12}(?:賞|グランプリ))(?:に|を)(?:選ばれ|選出され|決ま|輝い|受賞)")
_SELECTED = re.compile(r"(?:の[0-9０-９一二三四五六七八九十]+(?:社|団体|者|校|件))?が(?:選ばれ|選出され|決ま|輝い|受賞)")
_WINNER_JOIN = re.compile(r"と[、，]|[、，]|及び|および|並びに|ならびに")


def _prize_selection_drafts(doc: _Doc, drafts: list[Draft]) -> list[Draft]:
    """Winners named in a sentence with the prize: ``大賞には、…X社が選ばれた``, ``X社とY社の2社が
    優秀賞に選ばれた``. The award is the one the release names (its quoted name); the bodies are
    those at the top level of the sentence that the selection verb takes, with those joined to
    them by と、 or 、 (a body inside a modifier, 〇〇との共同配送, is not a winner)."""
    award_name = _document_award_name(doc, drafts)
    if award_name is None:
        return []
    taken = {(d.actor, d.fields.get("prize")) for d in drafts if d.type == "award"}
    out: list[Draft] = []
    for sent in doc.ctx.sentences:
        first = _PRIZE_FIRST.match(sent.text)
        after = _PRIZE_AFTER.search(sent.text)
        selected = _SELECTED.search(sent.text, first.end()) if first else None
        if first and selected:
            prize, verb_at = first.group("prize"), sent.start + selected.start()
        elif after:
            prize, verb_at = after.group("prize"), sent.start + after.start()
        else:
            continue
        if prize == award_name or not prize:
            continue
        base = doc.base_paren(sent.start)
        orgs = doc.orgs_in(sent.start, verb_at, base_depth=base)
        winners = []
        for k in range(len(orgs) - 1, -1, -1):
            o = orgs[k]
            gap = _strip_gap(doc.text[o.end:verb_at if not winners else winners[-1].start])
            if not winners:
                if gap:  # the last body must be the one the verb takes
                    break
                winners.append(o)
            elif _WINNER_JOIN.match(gap):
                winners.append(o)
        giver = doc.issuer
        for o in reversed(winners):
            name = doc.name(o)
            if name is None or (name, prize) in taken or name == giver:
                continue
            d = Draft("award", "receive", False, sent, "done", actor=name, actor_in_text=True)
            d.parties = [giver] if giver else []
            d.fields = {"award": award_name, "prize": prize, "giver": giver}
            out.append(d)
    return out


def _strip_gap(gap: str) -> str:
    """What stands between a body and the next word once its bracket (所在地) is left out."""
    gap = re.sub(r"^[ \u3000]*[（(][^（）()]{0,40}[）)]", "", gap)
    return gap.strip(" \u3000")


def _document_award_name(doc: _Doc, drafts: list[Draft]) -> str | None:
    for d in drafts:
        if d.type == "award" and d.fields.get("award") and not d.anaphoric:
            return d.fields["award"]
    for m in _QUOTED.finditer(doc.text):
        if _ends_with_head(m.group(1), "award"):
            return _clean_name(m.group(1))
    return None
