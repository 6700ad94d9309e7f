"""The personnel lists of a release: sections under a personnel heading, tables with a header
row, one block of labelled fields per person, lines with a current post in brackets, career
tables. Each gives entries (see ``personnel_doc.Entry``)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import lexicons
from .orgs import OrgMention
from .people import body_heading
from .person_names import PersonMention
from .personnel_doc import (SPACES, Entry, Note, PersonnelDoc, Post, Section, cue, cue_words, cues,
                            later_than_release, skip_spaces)
from .personnel_prose import gloss_end, is_change_predicate

#: Ⅰ．/ Ⅱ．or I．/ II． : the top level of a disclosure's 記 list
_ROMAN = r"(?:[\u2160-\u216B\u2170-\u217B](?:\s*[．.、]|[ \u3000])|[IVX]{1,4}\s*[．.])"
_HEADING_MARK = re.compile(
    r"^[\s\u3000]*(?:[0-9０-９]{1,2}(?:\s*[．.、)）]|\u3000(?=[^\s\u3000]))|[（(][0-9０-９]{1,2}[）)]|[■□●○◆◇▼▽【＜<〈≪]|"
    rf"[①-⑳]|第[0-9０-９一二三四五六七八九十]+|{_ROMAN})")
#: a top-level heading (１．, ■, 【…】): not a numbered item ``(3)`` inside a table
_TOP_HEADING = re.compile(
    rf"^[\s\u3000]*(?:[0-9０-９]{{1,2}}(?:\s*[．.、]|\u3000(?=[^\s\u3000]))|[■□●○◆◇▼▽【]|第[0-9０-９一二三四五六七八九十]+|{_ROMAN})")
#: the level of a heading's mark, outermost first: Ⅰ．/第1, then １．, (1), ①, then bullets
_MARK_LEVELS = tuple(re.compile(r"^[\s\u3000]*" + p) for p in (
    rf"(?:{_ROMAN}|第[0-9０-９一二三四五六七八九十]+)", r"[0-9０-９]{1,2}(?:\s*[．.、)）]|\u3000(?=[^\s\u3000]))",
    r"[（(][0-9０-９]{1,2}[）)]", r"[①-⑳]"))
_CELL_SPLIT = re.compile(r"\t+|\s*[|｜]\s*|[ \u3000]{2,}")


# -- sections -----------------------------------------------------------------------------------

def personnel_sections(doc: PersonnelDoc) -> list[Section]:
    """Personnel sections: a heading with a personnel cue, up to a blank line or the next heading.

    A heading without a date of its own (``１．新任取締役候補者``) takes the date, and a planned
    status, of the personnel heading it stands under (``Ⅱ．取締役の異動（2025年6月20日付）``), else
    the date of a term of office written under it, else that of the personnel heading right
    before it at its level (``◆新役員体制（2026年5月28日付）`` then ``◆退任役員``)."""
    lines = doc.lines()
    default_status = _document_status(doc)
    default_date = _change_day(doc, lines)
    out: list[Section] = []
    # open headings, outermost first: (level, status or None, date), the last one the innermost
    parents: list[tuple[tuple[int, int], str | None, str | None]] = []
    for k, (s, e) in enumerate(lines):
        line = doc.text[s:e]
        personnel = _is_personnel_heading(doc, s, e, line)
        heading = personnel or _is_heading_line(doc, s, e, line)
        if not heading:
            continue
        level = _heading_level(line)
        sibling = None      # the heading just before at this level: ◆新役員体制（…付） over ◆退任役員
        while parents and parents[-1][0] >= level:
            sibling = parents.pop()
        # a sub-heading of a personnel heading (２．人事異動 > （1）部長級) heads a list of its own
        personnel = personnel or bool(parents and parents[-1][1] is not None and _group_label(doc, s, e, line))
        if not personnel:
            parents.append((level, None, None))
            continue
        parent = parents[-1] if parents else None
        change = "retirement" if cue("section_change", line) == "retirement" else "appointment"
        status = "planned" if cue("planned", line) or (parent and parent[1] == "planned") else default_status
        end = e
        rest = lines[k + 1:]
        for n, (s2, e2) in enumerate(rest):
            body = doc.text[s2:e2]
            if not body.strip(SPACES):
                # a blank line ends the list unless more of it follows (blocks of one person each,
                # a blank line after the heading)
                following = next(((a, b) for a, b in rest[n + 1:] if doc.text[a:b].strip(SPACES)), None)
                if following is None or not _continues_list(doc, *following):
                    break
                continue
            if _HEADING_MARK.match(body) and not body.lstrip(SPACES).startswith("※") \
                    and _fields(doc, s2, e2) is None and not _continues_list(doc, s2, e2) \
                    and _body_heading(doc, s2, e2) is None:
                break
            end = e2
        # a term in the heading (任期：令和8年4月1日～令和10年3月31日) starts on the day of the change
        heading_day = doc.date_value(s, e)
        date = (heading_day.split("/")[0] if heading_day else None) or _term_start(doc, e, end) or (parent[2] if parent else None) or \
            (sibling[2] if sibling and sibling[0] == level else None) or default_date
        if later_than_release(date, doc.ctx.release_date):
            status = "planned"  # 代表取締役の異動（2026年4月1日付）in a release of February: still to come
        parents.append((level, status, date))
        if end == e:
            continue
        out.append(Section(s, end, (s, e), change, status, date, _is_roster(line)))
    return out


def _is_roster(heading: str) -> bool:
    """役員一覧（2025年8月1日現在）: a list of the posts held now, with no word of change in it."""
    if not any(w in heading for w in cue_words("roster")):
        return False
    holders = set(cue_words("holders"))
    changes = [w for w in cue_words("section") if w not in holders] + list(cue_words("trigger"))
    return not any(w in heading for w in changes)


def _term_start(doc: PersonnelDoc, s: int, e: int) -> str | None:
    """任期はいずれも2027年4月1日〜2030年3月31日です: a term of office written in a section whose
    heading has no date begins on the day its posts are taken."""
    for a, b in doc.lines(s, e):
        if "任期" in re.sub(f"[{SPACES}]", "", doc.text[a:b]) and not doc.people_in(a, b):   # 任　　期 too
            value = doc.date_value(a, b)
            return value.split("/")[0] if value else None
    return None


def _group_label(doc: PersonnelDoc, s: int, e: int, line: str) -> bool:
    """A short label that names a group of a list (（1）部長級, （2）関係会社), not an item with a
    value (``(1) 名称　　株式会社…``, ``(5) 資本金　3,000万円``)."""
    label = _HEADING_MARK.sub("", line).strip(SPACES)
    if re.search(r"問い?合わ?せ|問合せ|連絡先", label):
        return False          # 【問い合わせ先】 under the last list heads the contact, no list
    return 0 < len(label) <= 12 and not re.search(f"[{SPACES}:：0-9０-９]", label) \
        and not any(s <= o.start and o.end <= e for o in doc.orgs)



_CHANGE_DAY = re.compile(r"[\s\u3000]*(?:[0-9０-９]{1,2}\s*[．.、)）][\s\u3000]*)?(?:異動|就任|退任|発令|選任)(?:予定)?(?:日|年月日)"
                         r"[\s\u3000]*[:：]?[\s\u3000]*")


def _change_day(doc: PersonnelDoc, lines: list[tuple[int, int]]) -> str | None:
    """１．異動日　2025年6月24日, or ３．就任予定日 with the date on the line below: a line of its own
    that gives the date of the lists in the release."""
    for k, (s, e) in enumerate(lines):
        label = _CHANGE_DAY.match(doc.text, s, e)
        if label is None:
            continue
        if label.end() < e:
            value = doc.date_value(s, e)
        else:
            below = next(((a, b) for a, b in lines[k + 1:] if doc.text[a:b].strip(SPACES)), None)
            value = doc.date_value(*below) if below and len(doc.text[below[0]:below[1]].strip(SPACES)) <= 20 else None
        if value:
            return value
    return None


def _continues_list(doc: PersonnelDoc, s: int, e: int) -> bool:
    """A row of a personnel list: labelled fields (＜新＞ …), a table's header row, or a name with
    no sentence around it (■ 増田 恭介（ますだ きょうすけ）)."""
    return _fields(doc, s, e) is not None or _header_labels(doc.text[s:e]) is not None \
        or (bool(doc.people_in(s, e)) and "。" not in doc.text[s:e])


def _body_heading(doc: PersonnelDoc, s: int, e: int) -> OrgMention | None:
    """■秋津野市立第一中学校: a marked line that names one body alone heads the rows of its people."""
    if _HEADING_MARK.match(doc.text[s:e]) is None:
        return None
    return body_heading(doc.text, s, e, doc.orgs)


def _is_heading_line(doc: PersonnelDoc, s: int, e: int, line: str) -> bool:
    """A marked heading of any subject (``２．会社概要``): it closes the headings at its level."""
    return bool(_HEADING_MARK.match(line)) and "。" not in line and not doc.people_in(s, e) \
        and _fields(doc, s, e) is None


def _heading_level(line: str) -> tuple[int, int]:
    """(indentation, rank of the mark): a deeper indent or a lesser mark is a sub-heading."""
    indent = len(line) - len(line.lstrip(SPACES))
    rank = next((n for n, p in enumerate(_MARK_LEVELS) if p.match(line)), len(_MARK_LEVELS))
    return indent, rank


def _is_personnel_heading(doc: PersonnelDoc, s: int, e: int, line: str) -> bool:
    stripped = line.strip(SPACES)
    if not stripped or "。" in stripped or len(stripped) > 50:
        return False
    if doc.people_in(s, e):
        return False
    # the cue must stand outside the titles: 役員 in 執行役員 makes a title line, not a heading
    outside = list(line)
    for t in doc.titles_in(s, e):
        outside[t.start - s:t.end - s] = " " * (t.end - t.start)
    if not any(w in "".join(outside) for w in cue_words("section")):
        return bool(doc.titles_in(s, e)) and _dated_post_heading("".join(outside))
    return bool(_HEADING_MARK.match(line)) or len(stripped) <= 20


def _dated_post_heading(outside: str) -> bool:
    """``１．評議員（令和7年6月18日付、敬称略）``, ``２．理事及び監事（4月1日付）``: a marked heading
    that names only posts (``outside``: the line with its titles blanked) and, in its bracket, the
    day they take effect or their term (``２．副学長（任期：令和8年4月1日～…）``) heads the list of
    the people given those posts."""
    mark = _HEADING_MARK.match(outside)
    bracket = re.search(r"[（(]([^（）()]*)[）)]", outside)
    if mark is None or bracket is None or not re.search(r"日付|月付|任期", bracket.group(1)):
        return False
    rest = outside[mark.end():bracket.start()] + outside[bracket.end():]
    return not re.sub(r"及び|並びに|[、・】＞>\s\u3000]", "", rest)


def _document_status(doc: PersonnelDoc) -> str:
    """内定 in the sentence that announces the decision makes the whole list planned."""
    for sent in doc.ctx.sentences:
        if any(w in sent.text for w in cue_words("decision")) and cue("planned_decision", sent.text):
            return "planned"
    return "done"



def entries_from_section(doc: PersonnelDoc, sec: Section) -> tuple[list[Entry], list[Note]]:
    lines = [ln for ln in doc.lines(sec.heading[1] + 1, sec.end) if doc.text[ln[0]:ln[1]].strip(SPACES)]
    header: list[str] | None = None
    pending: list[Post] = []
    pending_span: tuple[int, int] | None = None
    entries: list[Entry] = []
    notes: list[Note] = []
    # the person whose labelled fields (新：…, 旧：…) follow: a ＜氏名＞ line, or a line with a
    # name and no post
    block: Entry | None = None
    # １　選任する副市長 / ２　退任する副市長: a heading naming one post gives it to the people
    # listed under it without one; 就任日　令和8年1月1日: a day field dates the section
    heading_posts = _posts(doc, *sec.heading)
    heading_post = heading_posts if len(heading_posts) == 1 and \
        not _career_label().search(doc.text[sec.heading[0]:sec.heading[1]]) else []   # not 新任取締役候補者の略歴
    day = sec.date or _field_day(doc, lines)
    heading_body: OrgMention | None = None     # ■秋津野市立南中学校 over its people's rows
    for s, e in lines:
        line = doc.text[s:e]
        if (named_body := _body_heading(doc, s, e)) is not None:
            heading_body = named_body
            continue
        if line.lstrip(SPACES).startswith("※"):
            if block is not None:
                notes.append(Note(s, e, block.person, block.evidence[0]))
            continue                                      # notes are read as prose
        fields = _fields(doc, s, e)
        if fields is not None:
            closed, block = _read_fields(doc, sec, fields, block)
            entries += [x for x in (_finished(_with_post(c, heading_post)) for c in closed) if x is not None]
            continue
        if block is not None and (_header_labels(line) is not None or _person_of_line(doc, s, e, header)):
            entries += [x for x in [_finished(_with_post(block, heading_post))] if x is not None]
            block = None
        labels = _header_labels(line)
        if labels is not None:
            header = labels
            pending = []
            continue
        person = _person_of_line(doc, s, e, header)
        if person is not None and _is_prose_line(doc, s, e):
            notes.append(Note(s, e, person, s))  # a sentence in the list: the prose reader reads it
            continue
        if person is None:
            posts = _posts(doc, s, e)
            if posts and _only_posts(doc, s, e):
                pending, pending_span = posts, (s, e)
            continue
        after_span = (person.end, e)
        new, previous, held = _split_by_header(doc, line, s, person, header)
        if new is None:
            new, previous = _posts_and_marked_previous(doc, s, person.start)
            previous += _previous_posts(doc, *after_span)
            ev_start = s
            if not new and pending:
                new = pending
                ev_start = pending_span[0] if pending_span else s
        else:
            ev_start = s
        entry = Entry(person, list(new), list(previous), sec.change, sec.status, day,
                       (ev_start, e), 0.9 if header else 0.85, held)
        if not entry.new and not entry.previous and header is None and _only_name(doc, person, s, e):
            block = entry                                 # its posts are on the labelled lines below
            continue
        if not entry.previous and _REAPPOINTED.search(doc.text, person.end, e):
            entry.previous = list(entry.new)            # 副会長　戸川 修　※再任: the same post again
        if sec.change == "retirement":
            if header is not None and "new" in header and entry.new:
                # 顧問	草間 一郎	取締役 常務執行役員 under 退任予定: the person leaves the post of the
                # previous column and takes the one of the new column
                entries.append(replace(entry, change="appointment", previous=list(entry.previous)))
            else:
                entry.previous = entry.new + entry.previous
            entry.new = []
        if not re.search(r"[\u3041-\u309F]", re.sub(r"[（(][^（）()]*[）)]", "", doc.text[person.end:e])):
            entry = _with_post(entry, heading_post)     # a list line, not a sentence (…が…に就任)
        if heading_body is not None:
            entry = _at_heading_body(doc, entry, heading_body)
        if sec.roster:      # the posts are held, none taken or left
            entry.held, entry.new, entry.previous = entry.held + entry.new + entry.previous, [], []
        if entry.new or entry.previous or (sec.roster and entry.held):
            entries.append(entry)
    if block is not None:
        entries += [x for x in [_finished(_with_post(block, heading_post))] if x is not None]
    return entries, notes


def _at_heading_body(doc: PersonnelDoc, entry: Entry, body: OrgMention) -> Entry:
    """Under ■BODY, a new post that names no body is at that body, and so is a previous one
    written 同校 / 同社 (the same body)."""
    entry.new = [p if p.org is not None else Post(p.title, body) for p in entry.new]
    entry.previous = [Post(p.title, body) if p.org is None
                      and _SAME_BODY_BEFORE.search(doc.text, max(0, p.title.start - 12), p.title.start)
                      else p for p in entry.previous]
    return entry


_SAME_BODY_BEFORE = re.compile(r"同(?:校|社|園|院|館|所|局|部|会)?[ \u3000]*$")


def _with_post(entry: Entry, heading_post: list[Post]) -> Entry:
    """The post of the section's heading for an entry that names none of its own: the post
    taken in a list of appointments, the post left in a list of people leaving. Only a dated
    entry (the section's day, a 就任日 field): a bare name line under a long heading may be a
    profile's (一ノ瀬 彩（いちのせ あや） over a career)."""
    if entry.date is None:
        return entry
    if entry.change == "retirement":
        if not entry.new and not entry.previous:
            entry.previous = list(heading_post)
    elif not entry.new:
        entry.new = list(heading_post)
    return entry


def _field_day(doc: PersonnelDoc, lines: list[tuple[int, int]]) -> str | None:
    """The date of the first day field (就任日, 退任日 …) among a section's lines."""
    for s, e in lines:
        for kind, a, b in _fields(doc, s, e) or ():
            if kind == "date" and doc.date_value(a, b):
                return doc.date_value(a, b)
    return None


def _is_prose_line(doc: PersonnelDoc, s: int, e: int) -> bool:
    """A whole sentence with a verb of change (…会長を退任し、同日付で当協会顧問に就任しました。),
    not a row of a list."""
    if not doc.text[s:e].rstrip(SPACES).endswith("。"):
        return False
    triggers = dict(cues().get("trigger", ()))
    tokens = doc.ctx.analysis.tokens
    return any((triggers.get(t.lemma) or triggers.get(t.text)) and is_change_predicate(tokens, t)
               for t in tokens if s <= t.start and t.end <= e)


def _finished(block: Entry) -> Entry | None:
    """A person's block once all its lines are read: in a list of people leaving, every post
    written is a post left."""
    if block.change == "retirement":
        block.previous, block.new = block.new + block.previous, []
    return block if block.new or block.previous else None


# -- one block per person: ＜氏名＞ / 新： / 旧： lines ------------------------------------------------

@lru_cache(maxsize=1)
def _field_label() -> re.Pattern[str]:
    """A field label: a label word in brackets (＜氏名＞, 【新役職】, （新）) or before a colon (旧：).
    The characters of a word may be spaced out (氏　名：)."""
    words = sorted(cue_words("field"), key=len, reverse=True)
    alt = "|".join(r"[ \u3000]*".join(re.escape(c) for c in w) for w in words)
    # without a colon: a day's label before its date (就任日　令和8年1月1日), and a label of two
    # characters or more spaced out as a table aligns it (氏　　名　　瀬川　大輔, 新 役 職　　…)
    days = "|".join(re.escape(c) for c, v in sorted(cues().get("field", ()), key=lambda r: -len(r[0])) if v == "date")
    aligned = "|".join(r"[ \u3000]*".join(re.escape(c) for c in w) for w in words if len(w) >= 2)
    return re.compile(rf"(?:[＜<〈《≪【\[［（(][ \u3000]*({alt})[ \u3000]*[＞>〉》≫】\]］）)]|({alt})[ \u3000]*[:：]|"
                      rf"({days})[ \u3000\t]+(?=[0-9０-９明大昭平令])|({aligned})(?:[ \u3000]{{2,}}|\t))"
                      r"[ \u3000\t]*")


_FIELD_SEPARATOR = re.compile(r"[ \u3000\t／/、]")


def _fields(doc: PersonnelDoc, s: int, e: int) -> list[tuple[str, int, int]] | None:
    """The labelled fields of a line that starts with a label (``＜氏名＞大沼 英樹``, ``新：取締役``,
    ``氏名：山田 太郎　新役職：取締役``): (kind, start, end) of each value; None for other lines."""
    text = doc.text
    if _header_labels(text[s:e]) is not None:
        return None                 # 新役職　　氏名　　旧役職: a table's header row
    pos = s
    while pos < e and text[pos] in SPACES + "・-－":
        pos += 1
    label = _field_label()
    m = label.match(text, pos, e)
    if m is None:
        return None
    found = []
    while m is not None:
        nxt = m.end()
        later = None
        while True:
            later = label.search(text, nxt, e)
            if later is None or _FIELD_SEPARATOR.match(text, later.start() - 1):
                break
            nxt = later.start() + 1
        kind = _field_kind(m.group(1) or m.group(2) or m.group(3) or m.group(4))
        found.append((kind, m.end(), later.start() if later else e))
        m = later
    return [(k, a, b) for k, a, b in found if k is not None]


def _field_kind(word: str) -> str | None:
    word = re.sub(r"[ \u3000]", "", word)
    return next((v for c, v in cues().get("field", ()) if c == word), None)


def _read_fields(doc: PersonnelDoc, sec: Section, fields: list[tuple[str, int, int]],
                 block: Entry | None) -> tuple[list[Entry], Entry | None]:
    """Fill the open block from one line of fields: the blocks the line closes (a name field
    opens a new one) and the block left open."""
    closed: list[Entry] = []
    for kind, a, b in fields:
        if kind == "name":
            if block is not None:
                closed.append(block)
            person = _field_person(doc, a, b)
            block = None if person is None else Entry(person, [], [], sec.change, sec.status, sec.date,
                                                       (a, b), 0.85)
            continue
        if block is None:
            continue
        block.evidence = (block.evidence[0], max(block.evidence[1], b))
        if kind == "new":
            block.new += _posts(doc, a, b)
        elif kind == "previous":
            block.previous += _posts(doc, a, b)
        elif kind == "date":
            block.date = doc.date_value(a, b) or block.date
        if kind in ("new", "previous"):
            # a date of its own on the post's line: 新：代表取締役会長（2025年6月20日付）
            block.date = doc.date_value(a, b, effective_only=True) or block.date
    return closed, block


def _field_person(doc: PersonnelDoc, a: int, b: int) -> PersonMention | None:
    """The person of a name field: ``大沼 英樹（おおぬま ひでき）``, ``ヘンリク・ノルダール（Henrik Nordahl）``."""
    found = doc.people_in(a, b)
    if found:
        return found[0]
    person = doc.add_person((a, b))
    if person is None:
        bracket = re.search(r"[（(]", doc.text[a:b])
        if bracket:
            person = doc.add_person((a, a + bracket.start()))
    return person


def _only_name(doc: PersonnelDoc, person: PersonMention, s: int, e: int) -> bool:
    """Nothing but the name (and its reading in brackets, an honorific) on the line."""
    before = re.sub(r"^[\s\u3000]*[■□●○◆◇▼▽・]", "", doc.text[s:person.start])  # ■ 増田 恭介: a list mark
    rest = (before + doc.text[person.end:e]).strip(SPACES)
    rest = re.sub(r"^(?:氏|様)", "", rest)
    return not rest or bool(re.fullmatch(r"[（(][^）)]*[）)]", rest))


def _header_labels(line: str) -> list[str] | None:
    """The column labels of a header row (``新役職	氏名	旧役職``, ``新　職　　　氏　名``), or None."""
    cells = [re.sub(f"[{SPACES}]", "", c) for c in _CELL_SPLIT.split(line.strip(SPACES))]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return None
    labels = [cue("column", c) if len(c) <= 8 else None for c in cells]
    if "name" not in labels or any(lab is None for lab in labels):
        return _spaced_header_labels(line)
    return [lab for lab in labels if lab]


def _spaced_header_labels(line: str) -> list[str] | None:
    """``新　　職　　　　氏　　名　　　　旧　　職``: labels spaced out as wide as their gaps, read
    as the row without spaces cut into column words (the longest first)."""
    compact = re.sub(f"[{SPACES}]", "", line)
    words = sorted(cue_words("column"), key=len, reverse=True)
    labels, pos = [], 0
    while pos < len(compact):
        word = next((w for w in words if compact.startswith(w, pos)), None)
        if word is None:
            return None
        labels.append(cue("column", word))
        pos += len(word)
    return labels if len(labels) >= 2 and "name" in labels else None


def _cells(doc: PersonnelDoc, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for m in _CELL_SPLIT.finditer(doc.text, s, e):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < e:
        out.append((pos, e))
    return [(a, b) for a, b in out if doc.text[a:b].strip(SPACES)]


def _person_of_line(doc: PersonnelDoc, s: int, e: int, header: list[str] | None) -> PersonMention | None:
    if header is not None:
        cells = _cells(doc, s, e)
        if len(cells) == len(header):
            return doc.add_person(cells[header.index("name")])
    found = doc.people_in(s, e)
    if found:
        return found[0]
    # a name between the posts and a bracket or the end: 代表取締役社長　桑原　一樹　（現　専務取締役）
    titles = doc.titles_in(s, e)
    if not titles:
        return None  # 生年月日	1971年2月8日: a label, not a name
    start = titles[0].end if titles and titles[0].start - s <= 2 else s
    while start < e and doc.text[start] in SPACES:
        start += 1
    end = start
    while end < e and doc.text[end] not in "（(\t" and not doc.text.startswith("現", end):
        end += 1
    if end > start and not doc.titles_in(start, end):
        return doc.add_person((start, end))
    return None


def _split_by_header(doc: PersonnelDoc, line: str, s: int, person: PersonMention,
                     header: list[str] | None) -> tuple[list[Post] | None, list[Post], list[Post]]:
    """Posts by column when the row has as many cells as the header has labels: (new, previous,
    held). An affiliation column (所属・役職) holds posts kept through the change, except one
    marked 前 (（新任／前副会長）)."""
    if header is None:
        return None, [], []
    cells = _cells(doc, s, s + len(line))
    if len(cells) == len(header) - 1:
        cells = _name_cell_apart(doc, cells, person)
    if len(cells) != len(header):
        # one space only between the name and a post (日比野　隆之　営業部長): with one column on
        # each side of the name, the posts before it and after it are those columns
        k = header.index("name") if "name" in header else -1
        if len(header) != 3 or k != 1:
            return None, [], []
        sides = {header[0]: _posts(doc, s, person.start), header[2]: _posts(doc, person.end, s + len(line))}
        return sides.get("new", []), sides.get("previous", []), sides.get("affiliation", [])
    new: list[Post] = []
    previous: list[Post] = []
    held: list[Post] = []
    for label, (a, b) in zip(header, cells):
        if label == "new":
            posts, left = _posts_and_marked_previous(doc, a, b)
            new += posts
            previous += left
        elif label == "previous":
            previous += _posts(doc, a, b)
        elif label == "affiliation":
            left = _previous_posts(doc, a, b)
            previous += left
            held += [p for p in _posts(doc, a, b) if p not in left]
    return new, previous, held


def _name_cell_apart(doc: PersonnelDoc, cells: list[tuple[int, int]], person: PersonMention) -> list[tuple[int, int]]:
    """A row whose name is one space from the cell before it (``理事・副学長　寒河江 誠（さがえ・まこと）``):
    the name (with its reading in brackets) becomes a cell of its own."""
    out = []
    for a, b in cells:
        if not (a <= person.start and person.end <= b) or (a, b) == (person.start, person.end):
            out.append((a, b))
            continue
        reading = re.match(r"[ \u3000]*[（(][^）)]*[）)]", doc.text[person.end:b])
        name_end = person.end + (reading.end() if reading else 0)
        out += [(x, y) for x, y in ((a, person.start), (person.start, name_end), (name_end, b))
                if doc.text[x:y].strip(SPACES)]
    return out


def _posts(doc: PersonnelDoc, s: int, e: int) -> list[Post]:
    """The titles in [s, e) with their organisations; titles joined by 兼 share one written before."""
    out: list[Post] = []
    inherited: OrgMention | None = None
    last_end = s
    for t in doc.titles_in(s, e):
        if out and gloss_end(doc.text, last_end) > t.start and not any(
                last_end <= o.start < t.end for o in doc.orgs):
            continue        # COO（Chief Operating Officer）: the bracket glosses the post before it
        org = doc.org_of(t)
        between = doc.text[last_end:t.start]
        if org is not None:
            inherited = org
        elif "兼" not in between and "・" not in between and (not out or between.strip(SPACES)):
            inherited = None    # 当社 執行役員 事業開発部長: posts a space apart share the body
        unresolved = org is None and _unexplained(doc, last_end, t.start)
        if unresolved:
            inherited = None
        out.append(Post(t, org or inherited, unresolved and inherited is None))
        last_end = t.end
    return out


#: the end of a word that names a body: X社, a Latin or katakana name, a legal form
_BODY_WORD_END = re.compile(r"(?:社|[A-Za-z.]|[\u30A1-\u30FA\u30FC]{2,}|法人|組合)$")


def _unexplained(doc: PersonnelDoc, s: int, e: int) -> bool:
    """The word right before a post names a body the organisation finder did not recognise
    (``ノルド・ケミカル社 CEO``, ``Acme Corp. CTO``): then the post's organisation is unknown."""
    seg = doc.text[s:e].rstrip(" \u3000")
    if len(seg) < e - s - 1:
        return False                    # a wide gap: the word before belongs to another field
    m = re.search(r"[^\s\u3000\t（(：:、]+$", seg)
    if not m or any(o.start <= s + m.start() < o.end for o in doc.orgs):
        return False
    word = m.group()
    return bool(_BODY_WORD_END.search(word) or lexicons.org_suffix_pattern().search(word)) and \
        word not in ("当社", "同社", "弊社", "会社")


def _only_posts(doc: PersonnelDoc, s: int, e: int) -> bool:
    """A line with nothing but posts, organisations and joiners (the title line of a block)."""
    rest = list(doc.text[s:e])
    for x in doc.titles_in(s, e) + [o for o in doc.orgs if s <= o.start and o.end <= e]:
        for i in range(x.start - s, x.end - s):
            rest[i] = " "
    leftover = "".join(rest)
    for w in ("兼務", "兼任", "兼", "・", "／", "/", "、"):
        leftover = leftover.replace(w, "")
    return not leftover.strip(SPACES)


def _previous_posts(doc: PersonnelDoc, s: int, e: int) -> list[Post]:
    """Posts after 現 / 旧 / 前 (in or out of brackets) in [s, e), or before から昇任."""
    out: list[Post] = []
    for m in re.finditer(r"(?:現|旧|前)(?:職|役職)?[\s\u3000:：]*", doc.text[s:e]):
        start = s + m.end()
        stop = e
        close = doc.text.find("）", start, e)
        if close >= 0:
            stop = close
        out += _posts(doc, start, stop)
        break
    # ※副会長から昇任: the post a person moves up from
    return out or [p for p in _posts(doc, s, e) if _PROMOTED_FROM.match(doc.text, p.title.end)]


#: a mark after the name that the person keeps the post (再任, 重任, 留任)
_REAPPOINTED = re.compile(r"[※（(\s\u3000]\s*(?:再任|重任|留任)[）)]?\s*$")


def _posts_and_marked_previous(doc: PersonnelDoc, s: int, e: int) -> tuple[list[Post], list[Post]]:
    """The posts in [s, e) and, apart, those in a bracket marked 現 / 旧 / 前 among them: the post
    held before (``営業本部 東日本営業部長（現 西日本営業部長）``, a column 新職（現職）)."""
    mark = _CURRENT_BRACKET.search(doc.text, s, e)
    if mark is None:
        return _posts(doc, s, e), []
    return _posts(doc, s, mark.start()), _previous_posts(doc, mark.start(), e)


_PROMOTED_FROM = re.compile(r"[ \u3000]*(?:から|より)(?:昇任|昇格|昇進)")


# -- lines with a current post outside the lists --------------------------------------------------

_CURRENT_BRACKET = re.compile(r"[（(][ \u3000]*(?:現|旧|前)[ \u3000:：]")


def entries_from_current_marks(doc: PersonnelDoc, taken: list[tuple[int, int]]) -> list[Entry]:
    """``代表取締役社長　藤原 健（現 マルトク 代表取締役社長）`` in a profile of a body to come:
    a post taken by someone who holds another now (the bracket may stand on the cell's next
    line). The heading above gives status and date, else the founding row of its section. A
    sentence that introduces the list (``本合併後の丸岡精機の役員体制（2026年10月1日付）は以下の
    とおりです。``) names the body of its posts and their day."""
    out: list[Entry] = []
    heading: tuple[int, int] | None = None
    intro: tuple[int, int] | None = None
    lines = doc.lines()
    for k, (s, e) in enumerate(lines):
        line = doc.text[s:e]
        if _TOP_HEADING.match(line) and not doc.people_in(s, e):
            heading, intro = (s, e), None
        if _LIST_INTRO.search(line):
            intro = (s, e)
        if any(a <= s < b for a, b in taken):
            continue
        next_line = lines[k + 1] if k + 1 < len(lines) else (e, e)
        for person in doc.people_in(s, e):
            at = skip_spaces(doc.text, person.end)
            bracket_end = e
            if at == e and e < len(doc.text):
                at, bracket_end = skip_spaces(doc.text, next_line[0]), next_line[1]
            m = _CURRENT_BRACKET.match(doc.text, at, bracket_end)
            if not m:
                continue
            new = _posts(doc, _line_field_start(doc, s, person.start), person.start)
            close = doc.text.find("）", m.end(), bracket_end)
            previous = _posts(doc, m.end(), close if close >= 0 else bracket_end)
            if not new or not previous:
                continue
            head = doc.text[heading[0]:heading[1]] if heading else ""
            status = "planned" if cue("planned", head) else _document_status(doc)
            date = doc.date_value(*heading, effective_only=True) if heading else None
            if intro is not None:
                date = date or doc.date_value(*intro, effective_only=True)
                body = _intro_body(doc, intro)
                new = [replace(p, org=body) if p.org is None and not p.unresolved else p for p in new]
            if date is None and heading is not None:
                date = _founding_day(doc, lines, heading)
            if later_than_release(date, doc.ctx.release_date):
                status = "planned"
            out.append(Entry(person, new, previous, "appointment", status, date, (s, bracket_end), 0.75))
    return out


#: the sentence over a list of officers: …の役員体制（2026年10月1日付）は以下のとおり
_LIST_INTRO = re.compile(r"(?:役員体制|役員構成|経営体制|新体制|役員人事)[^。]{0,30}?(?:以下|次)の?とおり")


def _intro_body(doc: PersonnelDoc, intro: tuple[int, int]) -> OrgMention | None:
    """The body an introducing sentence names before its 役員体制: the last one written there."""
    m = _LIST_INTRO.search(doc.text, intro[0], intro[1])
    named = [o for o in doc.orgs if intro[0] <= o.start and o.end <= m.start()] if m else []
    return named[-1] if named else None


# (6) 設 立 年 月 日　2026年7月1日（予定） / 合併の効力発生日: the day a body described in a section begins
_FOUNDING_ROW = re.compile(r"^[\s\u3000]*(?:[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}[．.])?[\s\u3000]*(?:[^\s\u3000:：]{1,4}の)?"
                           rf"(?:{lexicons.spaced_words('設立年月日', '設立予定日', '設立日', '効力発生日')})")


def _founding_day(doc: PersonnelDoc, lines: list[tuple[int, int]], heading: tuple[int, int]) -> str | None:
    """The founding (or effective) day a row of the heading's section gives."""
    for s, e in lines:
        if s <= heading[0]:
            continue
        if _TOP_HEADING.match(doc.text[s:e]):
            break
        if _FOUNDING_ROW.match(doc.text[s:e]):
            return doc.date_value(s, e)
    return None



def _line_field_start(doc: PersonnelDoc, s: int, person_start: int) -> int:
    """Where the posts before a name begin: after a label cell (``(3) 代表者　``) or the previous name."""
    start = s
    for p in doc.people_in(s, person_start):
        start = max(start, p.end)
    return start


# -- career tables ------------------------------------------------------------------------------

_CAREER_ROW = re.compile(r"^[\s\u3000]*(?:[0-9０-９]{4}|[明大昭平令][和成治正]?[0-9０-９元]{1,2})年[0-9０-９]{1,2}月?")


@lru_cache(maxsize=1)
def _career_label() -> re.Pattern[str]:
    """略歴 / 経歴, also spaced out to align a table (■略　歴)."""
    return re.compile(lexicons.spaced_words(*cue_words("career")))


#: 同 / 同センター / 同社 before a row's posts: the body of the row above
_SAME_BODY = re.compile(r"[\s\u3000]*同(?:[\u4E00-\u9FFF\u30A0-\u30FF]{0,6})?[\s\u3000]*$")


def entries_from_careers(doc: PersonnelDoc) -> list[Entry]:
    """``2021年6月	当社 取締役`` rows under a 略歴 heading: posts taken on those dates. The person is
    the one whose name line stands above the heading (氏名：…) or above the rows; blocks of
    several people follow one another, each opened by its name line."""
    out: list[Entry] = []
    lines = doc.lines()
    for k, (s, e) in enumerate(lines):
        line = doc.text[s:e]
        label = _career_label().search(line)
        if label is None or len(line.strip(SPACES)) > 40:
            continue
        # 略歴	1999年4月	…: a label cell that holds the first row, under 氏名	北條 さおり
        label_end = s + label.end()
        first_row = _CAREER_ROW.match(doc.text[label_end:e].lstrip("\t"))
        # ４　三好玲子氏の略歴: the heading names whose career it is
        posts = doc.titles_in(s, e)
        person = next(iter(doc.people_in(s, e)), None) or \
            (_named_above(doc, lines[max(0, k - 30):k], posts[-1].text) if posts else None) or \
            _named_above(doc, lines[max(0, k - 12):k])
        rows = ([(label_end, e)] if first_row else []) + lines[k + 1:]
        last_body: OrgMention | None = None
        read_any = False
        for n, (s2, e2) in enumerate(rows):
            body = doc.text[s2:e2]
            if not body.strip(SPACES):
                following = next(((a, b) for a, b in rows[n + 1:] if doc.text[a:b].strip(SPACES)), None)
                if read_any and (following is None or not _is_name_line(doc, *following)):
                    break               # the list ends, unless the next person's block follows
                continue
            if _HEADING_MARK.match(body):
                break
            read_any = True
            if not _CAREER_ROW.match(body):
                if _is_name_line(doc, s2, e2):
                    person, last_body = doc.people_in(s2, e2)[0], None
                elif person is not None and all(p.name == person.name for p in doc.people_in(s2, e2)):
                    # a sentence naming someone else is the prose reader's (桑原一樹は…に就任)
                    found, last_body = _career_prose(doc, s2, e2, person, last_body)
                    out += found
                continue
            date = doc.date_value(s2, e2)
            posts = _posts(doc, s2, e2)
            if posts and posts[0].org is None and last_body is not None:
                lead = doc.text[s2:posts[0].title.start]
                if _SAME_BODY.search(_CAREER_ROW.sub("", lead)):   # 2007年4月　同 教授
                    posts = [replace(p, org=last_body) if p.org is None else p for p in posts]
            last_body = next((p.org for p in reversed(posts) if p.org is not None), last_body)
            if posts and date and person is not None:
                out.append(Entry(person, posts, [], "appointment", "done", date, (s2, e2), 0.75))
    return out


# what may follow a post taken in a career sentence: 2017年に理事に就任し / 学長を務めている
_TAKEN = re.compile(r"[\s\u3000]*(?:$|に(?:就任|着任|昇任|昇格|選任)|を務め|として)")


def _career_prose(doc: PersonnelDoc, s: int, e: int, person: PersonMention,
                  last_body: OrgMention | None) -> tuple[list[Entry], OrgMention | None]:
    """A career told in sentences under a 略歴 heading (``2003年に沿岸環境機構へ移り、2011年に
    上席研究員、2017年に理事に就任し``): each clause that opens with a date and ends with a post
    is that post taken then, at the body it names or the last one the career named."""
    out: list[Entry] = []
    start = s
    for m in re.finditer(r"[、。]|$", doc.text[s:e]):
        a, b = start, s + m.start()
        start = s + m.end()
        while a < b and doc.text[a] in SPACES:
            a += 1
        dates = doc.dates_in(a, b)
        bodies = [o for o in doc.orgs if a <= o.start and o.end <= b]
        titles = doc.titles_in(a, b)
        if bodies:
            last_body = bodies[-1]
        if not dates or dates[0].start != a or dates[0].value is None or len(titles) != 1 \
                or not _TAKEN.match(doc.text[titles[0].end:b]):
            continue
        org = doc.org_of(titles[0]) or (bodies[-1] if bodies else last_body)
        out.append(Entry(person, [Post(titles[0], org)], [], "appointment", "done", dates[0].value, (a, b), 0.7))
    return out, last_body


def _is_name_line(doc: PersonnelDoc, s: int, e: int) -> bool:
    """A line that names a person and is no sentence: ``赤羽　竜也（あかはね　たつや）``, ``氏名：…``."""
    return bool(doc.people_in(s, e)) and "。" not in doc.text[s:e] and not _CAREER_ROW.match(doc.text[s:e])


def _named_above(doc: PersonnelDoc, lines: list[tuple[int, int]], post: str | None = None) -> PersonMention | None:
    """The person of the last name line above a career heading; with the ``post`` the heading
    names (３．新任代表取締役社長の略歴), the last one whose block gives that post as the new one
    (新 役 職　　代表取締役社長), None if no block does."""
    blocks: list[tuple[PersonMention, str]] = []
    for s, e in lines:
        if _is_name_line(doc, s, e):
            blocks.append((doc.people_in(s, e)[-1], doc.text[s:e]))
        elif blocks:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + "\n" + doc.text[s:e])
    if post is None:
        return blocks[-1][0] if blocks else None
    new_post = re.compile(rf"(?m)^[\s\u3000]*新[\s\u3000]*(?:役[\s\u3000]*職|職)?[\s\u3000:：]*{re.escape(post)}[\s\u3000]*$")
    return next((p for p, block in reversed(blocks) if new_post.search(block)), None)
