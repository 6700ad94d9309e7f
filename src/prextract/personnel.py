"""Personnel changes: who takes (or leaves) which post, from when, and what they held before.

Releases announce officer changes in a few layouts, all read here as *entries* (a person, the posts
they take, the posts they held, the kind of change, the effective date, planned or done):

- tables under a header row ``新役職 / 氏名 / 旧役職`` (cells split by tabs, ``|`` or wide spaces),
- lines ``代表取締役社長　山田 太郎（現 専務取締役）``,
- ``■就任予定者`` / ``■退任予定者`` blocks with the titles on one line and the names on the next,
- one block per person (適時開示 style): a labelled name line (``＜氏名＞大沼 英樹（おおぬま ひでき）``,
  ``氏名：…``, ``【氏名】…``, or a line with just a name) and the posts on labelled lines below it
  (``新：…`` / ``新役職：…``, ``旧：…`` / ``現：…`` / ``現役職：…``); a ``※`` note under the block
  (``※退任後は、当社顧問に就任する予定です。``) speaks of its person,
- career tables (``2021年6月　当社 取締役``) under a heading with 略歴 / 経歴,
- prose (``山田太郎は4月1日付で代表取締役社長に就任しました``, ``…が退任し、…が就任``, ``…に昇格``),
  read through GiNZA's dependencies: the post is the title marked by に, the person the name
  marked by は/が.

A section heading (``１．新任役員（２０２５年４月１日付）``) gives its lines the kind of change
(退任 -> retirement), the status (予定, 予定者, 内定, 候補者 -> planned) and the effective date;
a sub-heading without a date (``　１．新任取締役候補者``) takes those of the heading it stands under
(``Ⅱ．取締役の異動（2025年6月20日付）``).
In the issuer's own list a title without an organisation is a post at the issuer.

``extract_personnel`` returns the people found only in these lists, the settled role links of the
whole document, and one ``appointment`` event per change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicons
from .analyse import Token
from .context import DocumentContext
from .orgs import OrgMention
from .people import RoleLink, settle_roles
from .person_names import PersonMention, name_in_span
from .records import DateMention, Event, Evidence
from .resources import load_tsv
from .titles import TitleMention


@dataclass(frozen=True)
class PersonnelResult:
    #: person mentions found only in personnel lists and tables (not among ``ctx.people``)
    people: tuple[PersonMention, ...] = ()
    #: every role link of the document: ``ctx.roles`` with implicit organisations settled, plus
    #: the posts read from lists; use it in place of ``ctx.roles``
    roles: tuple[RoleLink, ...] = ()
    #: one ``appointment`` event per change
    events: tuple[Event, ...] = ()


# -- vocabulary ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """personnel_cues rows grouped by kind: (cue, value) pairs, longest cue first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in load_tsv("personnel_cues.tsv"):
        out.setdefault(row["kind"], []).append((row["cue"], row["value"]))
    return {k: tuple(sorted(v, key=lambda cv: -len(cv[0]))) for k, v in out.items()}


def _cue(kind: str, text: str) -> str | None:
    """The value of the longest cue of ``kind`` found in ``text``."""
    for cue, value in _cues().get(kind, ()):
        if cue in text:
            return value
    return None


def _cue_words(kind: str) -> tuple[str, ...]:
    return tuple(c for c, _ in _cues().get(kind, ()))


_SPACES = " \u3000\t"
#: Ⅰ．/ Ⅱ．or I．/ II． : the top level of a disclosure's 記 list
_ROMAN = r"(?:[\u2160-\u216B\u2170-\u217B](?:\s*[．.、]|[ \u3000])|[IVX]{1,4}\s*[．.])"
_HEADING_MARK = re.compile(
    r"^[\s\u3000]*(?:[0-9０-９]{1,2}\s*[．.、)）]|[（(][0-9０-９]{1,2}[）)]|[■□●○◆◇▼▽【＜<〈≪]|"
    rf"[①-⑳]|第[0-9０-９一二三四五六七八九十]+|{_ROMAN})")
#: a top-level heading (１．, ■, 【…】): not a numbered item ``(3)`` inside a table
_TOP_HEADING = re.compile(
    rf"^[\s\u3000]*(?:[0-9０-９]{{1,2}}\s*[．.、]|[■□●○◆◇▼▽【]|第[0-9０-９一二三四五六七八九十]+|{_ROMAN})")
#: the level of a heading's mark, outermost first: Ⅰ．/第1, then １．, (1), ①, then bullets
_MARK_LEVELS = tuple(re.compile(r"^[\s\u3000]*" + p) for p in (
    rf"(?:{_ROMAN}|第[0-9０-９一二三四五六七八九十]+)", r"[0-9０-９]{1,2}\s*[．.、)）]",
    r"[（(][0-9０-９]{1,2}[）)]", r"[①-⑳]"))
_CELL_SPLIT = re.compile(r"\t+|\s*[|｜]\s*|[ \u3000]{2,}")
_PREVIOUS_MARK = re.compile(r"(?:現|旧|前|元)(?:職|役職)?\s*[:：]?\s*$")
_EFFECTIVE = re.compile(r"\s*(?:付|付け|をもって|から|より)")


# -- entries ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Post:
    title: TitleMention
    org: OrgMention | None
    #: words before the title name a body that was not recognised: its organisation is unknown
    unresolved: bool = False


@dataclass
class _Entry:
    person: PersonMention
    new: list[_Post] = field(default_factory=list)
    previous: list[_Post] = field(default_factory=list)
    change: str = "appointment"
    status: str = "done"
    date: str | None = None
    evidence: tuple[int, int] = (0, 0)
    confidence: float = 0.8


@dataclass(frozen=True)
class _Section:
    start: int
    end: int
    heading: tuple[int, int]
    change: str
    status: str
    date: str | None


class _Doc:
    """Indexes of one document's mentions by position, for the layout readers."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.titles = sorted(ctx.titles, key=lambda t: t.start)
        self.orgs = sorted(ctx.orgs, key=lambda o: o.start)
        self.people = sorted(ctx.people, key=lambda p: p.start)
        self.extra_people: list[PersonMention] = []
        self.dates = sorted(ctx.dates, key=lambda d: d.start)
        self.linked_org = {(r.title.start, r.title.end): r.org for r in ctx.roles if r.org is not None}

    def lines(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each line in [start, end), without the line break."""
        end = len(self.text) if end is None else end
        out = []
        for line in self.text[start:end].split("\n"):
            out.append((start, start + len(line)))
            start += len(line) + 1
        return out

    def titles_in(self, s: int, e: int) -> list[TitleMention]:
        return [t for t in self.titles if s <= t.start and t.end <= e]

    def people_in(self, s: int, e: int) -> list[PersonMention]:
        return [p for p in self.people + self.extra_people if s <= p.start and p.end <= e]

    def dates_in(self, s: int, e: int) -> list[DateMention]:
        return [d for d in self.dates if s <= d.start and d.end <= e]

    def org_before(self, pos: int) -> OrgMention | None:
        """The organisation written right before ``pos``: ``ORG TITLE``, ``ORGの TITLE``, ``ORG・TITLE``."""
        p = _back(self.text, pos, " \u3000")       # not across a tab: that is another cell
        for glue in ("の", "・"):
            if self.text[:p].endswith(glue):
                q = _back(self.text, p - len(glue), " \u3000")
                hit = next((o for o in self.orgs if o.end == q), None)
                if hit is not None:
                    return hit
        return next((o for o in self.orgs if o.end == p), None)

    def org_of(self, title: TitleMention) -> OrgMention | None:
        """The organisation of a title: written right before it, else the one its role link found
        (a bracket owner, a labelled block)."""
        org = self.org_before(title.start)
        if org is not None:
            return org
        return self.linked_org.get((title.start, title.end))

    def add_person(self, span: tuple[int, int]) -> PersonMention | None:
        """A person mention for a table cell or list line whose name the finders missed."""
        found = self.people_in(*span)
        if found:
            return found[0]
        p = name_in_span(self.text, span[0], span[1])
        if p is not None and not any(t.start < p.end and p.start < t.end for t in self.titles):
            self.extra_people.append(p)
        return p

    def date_value(self, s: int, e: int, effective_only: bool = False) -> str | None:
        """The value of the (first) date in [s, e); with ``effective_only`` one followed by 付."""
        for d in self.dates_in(s, e):
            if d.kind not in ("date", "range") or d.value is None:
                continue
            if effective_only and not _EFFECTIVE.match(self.text, d.end):
                continue
            return d.value
        return None


def _back(text: str, pos: int, chars: str = _SPACES) -> int:
    while pos > 0 and text[pos - 1] in chars:
        pos -= 1
    return pos


# -- sections -----------------------------------------------------------------------------------

def _sections(doc: _Doc) -> list[_Section]:
    """Personnel sections: a heading with a personnel cue, up to a blank line or the next heading.

    A heading without a date of its own (``１．新任取締役候補者``) takes the date, and a planned
    status, of the personnel heading it stands under (``Ⅱ．取締役の異動（2025年6月20日付）``)."""
    lines = doc.lines()
    default_status = _document_status(doc)
    default_date = _change_day(doc, lines)
    out: list[_Section] = []
    # open headings, outermost first: (level, status or None, date), the last one the innermost
    parents: list[tuple[tuple[int, int], str | None, str | None]] = []
    for k, (s, e) in enumerate(lines):
        line = doc.text[s:e]
        personnel = _is_personnel_heading(doc, s, e, line)
        heading = personnel or _is_heading_line(doc, s, e, line)
        if not heading:
            continue
        level = _heading_level(line)
        while parents and parents[-1][0] >= level:
            parents.pop()
        # a sub-heading of a personnel heading (２．人事異動 > （1）部長級) heads a list of its own
        personnel = personnel or bool(parents and parents[-1][1] is not None and _group_label(doc, s, e, line))
        if not personnel:
            parents.append((level, None, None))
            continue
        parent = parents[-1] if parents else None
        change = "retirement" if _cue("section_change", line) == "retirement" else "appointment"
        status = "planned" if _cue("planned", line) or (parent and parent[1] == "planned") else default_status
        date = doc.date_value(s, e) or (parent[2] if parent else None) or default_date
        if _after(date, doc.ctx.release_date):
            status = "planned"  # 代表取締役の異動（2026年4月1日付）in a release of February: still to come
        parents.append((level, status, date))
        end = e
        rest = lines[k + 1:]
        for n, (s2, e2) in enumerate(rest):
            body = doc.text[s2:e2]
            if not body.strip(_SPACES):
                # a blank line ends the list unless more of it follows (blocks of one person each,
                # a blank line after the heading)
                following = next(((a, b) for a, b in rest[n + 1:] if doc.text[a:b].strip(_SPACES)), None)
                if following is None or not _continues_list(doc, *following):
                    break
                continue
            if _HEADING_MARK.match(body) and not body.lstrip(_SPACES).startswith("※") \
                    and _fields(doc, s2, e2) is None and not _continues_list(doc, s2, e2):
                break
            end = e2
        if end == e:
            continue
        out.append(_Section(s, end, (s, e), change, status, date))
    return out


def _group_label(doc: _Doc, s: int, e: int, line: str) -> bool:
    """A short label that names a group of a list (（1）部長級, （2）関係会社), not an item with a
    value (``(1) 名称　　株式会社…``, ``(5) 資本金　3,000万円``)."""
    label = _HEADING_MARK.sub("", line).strip(_SPACES)
    return 0 < len(label) <= 12 and not re.search(f"[{_SPACES}:：0-9０-９]", label) \
        and not any(s <= o.start and o.end <= e for o in doc.orgs)


def _after(date: str | None, release_date: str | None) -> bool:
    """A date certainly later than the release's own (ISO strings; a year not known is no date)."""
    if not date or not release_date or "X" in date[:4] or "X" in release_date[:4]:
        return False
    return date.split("/")[0] > release_date


_CHANGE_DAY = re.compile(r"[\s\u3000]*(?:[0-9０-９]{1,2}\s*[．.、)）][\s\u3000]*)?(?:異動|就任|退任|発令|選任)(?:予定)?(?:日|年月日)"
                         r"[\s\u3000]*[:：]?[\s\u3000]*")


def _change_day(doc: _Doc, lines: list[tuple[int, int]]) -> str | None:
    """１．異動日　2025年6月24日, or ３．就任予定日 with the date on the line below: a line of its own
    that gives the date of the lists in the release."""
    for k, (s, e) in enumerate(lines):
        label = _CHANGE_DAY.match(doc.text, s, e)
        if label is None:
            continue
        if label.end() < e:
            value = doc.date_value(s, e)
        else:
            below = next(((a, b) for a, b in lines[k + 1:] if doc.text[a:b].strip(_SPACES)), None)
            value = doc.date_value(*below) if below and len(doc.text[below[0]:below[1]].strip(_SPACES)) <= 20 else None
        if value:
            return value
    return None


def _continues_list(doc: _Doc, s: int, e: int) -> bool:
    """A row of a personnel list: labelled fields (＜新＞ …), a table's header row, or a name with
    no sentence around it (■ 増田 恭介（ますだ きょうすけ）)."""
    return _fields(doc, s, e) is not None or _header_labels(doc.text[s:e]) is not None \
        or (bool(doc.people_in(s, e)) and "。" not in doc.text[s:e])


def _is_heading_line(doc: _Doc, s: int, e: int, line: str) -> bool:
    """A marked heading of any subject (``２．会社概要``): it closes the headings at its level."""
    return bool(_HEADING_MARK.match(line)) and "。" not in line and not doc.people_in(s, e) \
        and _fields(doc, s, e) is None


def _heading_level(line: str) -> tuple[int, int]:
    """(indentation, rank of the mark): a deeper indent or a lesser mark is a sub-heading."""
    indent = len(line) - len(line.lstrip(_SPACES))
    rank = next((n for n, p in enumerate(_MARK_LEVELS) if p.match(line)), len(_MARK_LEVELS))
    return indent, rank


def _is_personnel_heading(doc: _Doc, s: int, e: int, line: str) -> bool:
    stripped = line.strip(_SPACES)
    if not stripped or "。" in stripped or len(stripped) > 50:
        return False
    if doc.people_in(s, e):
        return False
    # the cue must stand outside the titles: 役員 in 執行役員 makes a title line, not a heading
    outside = list(line)
    for t in doc.titles_in(s, e):
        outside[t.start - s:t.end - s] = " " * (t.end - t.start)
    if not any(w in "".join(outside) for w in _cue_words("section")):
        return False
    return bool(_HEADING_MARK.match(line)) or len(stripped) <= 20


def _document_status(doc: _Doc) -> str:
    """内定 in the sentence that announces the decision makes the whole list planned."""
    for sent in doc.ctx.sentences:
        if any(w in sent.text for w in _cue_words("decision")) and _cue("planned_decision", sent.text):
            return "planned"
    return "done"


# -- lists and tables ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Note:
    """A ``※`` line inside a person's block: its sentences speak of that person without naming
    them (``※退任後は、当社顧問に就任する予定です。``)."""
    start: int
    end: int
    person: PersonMention
    block_start: int


def _entries_from_section(doc: _Doc, sec: _Section) -> tuple[list[_Entry], list[_Note]]:
    lines = [ln for ln in doc.lines(sec.heading[1] + 1, sec.end) if doc.text[ln[0]:ln[1]].strip(_SPACES)]
    header: list[str] | None = None
    pending: list[_Post] = []
    pending_span: tuple[int, int] | None = None
    entries: list[_Entry] = []
    notes: list[_Note] = []
    # the person whose labelled fields (新：…, 旧：…) follow: a ＜氏名＞ line, or a line with a
    # name and no post
    block: _Entry | None = None
    for s, e in lines:
        line = doc.text[s:e]
        if line.lstrip(_SPACES).startswith("※"):
            if block is not None:
                notes.append(_Note(s, e, block.person, block.evidence[0]))
            continue                                      # notes are read as prose
        fields = _fields(doc, s, e)
        if fields is not None:
            closed, block = _read_fields(doc, sec, fields, block)
            entries += [x for x in map(_finished, closed) if x is not None]
            continue
        if block is not None and (_header_labels(line) is not None or _person_of_line(doc, s, e, header)):
            entries += [x for x in [_finished(block)] if x is not None]
            block = None
        labels = _header_labels(line)
        if labels is not None:
            header = labels
            pending = []
            continue
        person = _person_of_line(doc, s, e, header)
        if person is not None and _is_prose_line(doc, s, e):
            notes.append(_Note(s, e, person, s))  # a sentence in the list: the prose reader reads it
            continue
        if person is None:
            posts = _posts(doc, s, e)
            if posts and _only_posts(doc, s, e):
                pending, pending_span = posts, (s, e)
            continue
        before = _posts(doc, s, person.start)
        after_span = (person.end, e)
        new, previous = _split_by_header(doc, line, s, person, header)
        if new is None:
            new = before
            previous = _previous_posts(doc, *after_span)
            ev_start = s
            if not new and pending:
                new = pending
                ev_start = pending_span[0] if pending_span else s
        else:
            ev_start = s
        entry = _Entry(person, list(new), list(previous), sec.change, sec.status, sec.date,
                       (ev_start, e), 0.9 if header else 0.85)
        if not entry.new and not entry.previous and header is None and _only_name(doc, person, s, e):
            block = entry                                 # its posts are on the labelled lines below
            continue
        if sec.change == "retirement":
            entry.previous = entry.new + entry.previous
            entry.new = []
        if entry.new or entry.previous:
            entries.append(entry)
    if block is not None:
        entries += [x for x in [_finished(block)] if x is not None]
    return entries, notes


def _is_prose_line(doc: _Doc, s: int, e: int) -> bool:
    """A whole sentence with a verb of change (…会長を退任し、同日付で当協会顧問に就任しました。),
    not a row of a list."""
    if not doc.text[s:e].rstrip(_SPACES).endswith("。"):
        return False
    triggers = dict(_cues().get("trigger", ()))
    tokens = doc.ctx.analysis.tokens
    return any((triggers.get(t.lemma) or triggers.get(t.text)) and _is_predicate(tokens, t)
               for t in tokens if s <= t.start and t.end <= e)


def _finished(block: _Entry) -> _Entry | None:
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
    words = sorted(_cue_words("field"), key=len, reverse=True)
    alt = "|".join(r"[ \u3000]*".join(re.escape(c) for c in w) for w in words)
    return re.compile(rf"(?:[＜<〈《≪【\[［（(][ \u3000]*({alt})[ \u3000]*[＞>〉》≫】\]］）)]|({alt})[ \u3000]*[:：])"
                      r"[ \u3000\t]*")


_FIELD_SEPARATOR = re.compile(r"[ \u3000\t／/、]")


def _fields(doc: _Doc, s: int, e: int) -> list[tuple[str, int, int]] | None:
    """The labelled fields of a line that starts with a label (``＜氏名＞大沼 英樹``, ``新：取締役``,
    ``氏名：山田 太郎　新役職：取締役``): (kind, start, end) of each value; None for other lines."""
    text = doc.text
    pos = s
    while pos < e and text[pos] in _SPACES + "・-－":
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
        kind = _field_kind(m.group(1) or m.group(2))
        found.append((kind, m.end(), later.start() if later else e))
        m = later
    return [(k, a, b) for k, a, b in found if k is not None]


def _field_kind(word: str) -> str | None:
    word = re.sub(r"[ \u3000]", "", word)
    return next((v for c, v in _cues().get("field", ()) if c == word), None)


def _read_fields(doc: _Doc, sec: _Section, fields: list[tuple[str, int, int]],
                 block: _Entry | None) -> tuple[list[_Entry], _Entry | None]:
    """Fill the open block from one line of fields: the blocks the line closes (a name field
    opens a new one) and the block left open."""
    closed: list[_Entry] = []
    for kind, a, b in fields:
        if kind == "name":
            if block is not None:
                closed.append(block)
            person = _field_person(doc, a, b)
            block = None if person is None else _Entry(person, [], [], sec.change, sec.status, sec.date,
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


def _field_person(doc: _Doc, a: int, b: int) -> PersonMention | None:
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


def _only_name(doc: _Doc, person: PersonMention, s: int, e: int) -> bool:
    """Nothing but the name (and its reading in brackets, an honorific) on the line."""
    before = re.sub(r"^[\s\u3000]*[■□●○◆◇▼▽・]", "", doc.text[s:person.start])  # ■ 増田 恭介: a list mark
    rest = (before + doc.text[person.end:e]).strip(_SPACES)
    rest = re.sub(r"^(?:氏|様)", "", rest)
    return not rest or bool(re.fullmatch(r"[（(][^）)]*[）)]", rest))


def _header_labels(line: str) -> list[str] | None:
    """The column labels of a header row (``新役職	氏名	旧役職``, ``新　職　　　氏　名``), or None."""
    cells = [re.sub(f"[{_SPACES}]", "", c) for c in _CELL_SPLIT.split(line.strip(_SPACES))]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return None
    labels = [_cue("column", c) if len(c) <= 8 else None for c in cells]
    if "name" not in labels or any(lab is None for lab in labels):
        return None
    return [lab for lab in labels if lab]


def _cells(doc: _Doc, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for m in _CELL_SPLIT.finditer(doc.text, s, e):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < e:
        out.append((pos, e))
    return [(a, b) for a, b in out if doc.text[a:b].strip(_SPACES)]


def _person_of_line(doc: _Doc, s: int, e: int, header: list[str] | None) -> PersonMention | None:
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
    while start < e and doc.text[start] in _SPACES:
        start += 1
    end = start
    while end < e and doc.text[end] not in "（(\t" and not doc.text.startswith("現", end):
        end += 1
    if end > start and not doc.titles_in(start, end):
        return doc.add_person((start, end))
    return None


def _split_by_header(doc: _Doc, line: str, s: int, person: PersonMention,
                     header: list[str] | None) -> tuple[list[_Post] | None, list[_Post]]:
    """Posts by column when the row has as many cells as the header has labels."""
    if header is None:
        return None, []
    cells = _cells(doc, s, s + len(line))
    if len(cells) != len(header):
        # one space only between the name and a post (日比野　隆之　営業部長): with one column on
        # each side of the name, the posts before it and after it are those columns
        k = header.index("name") if "name" in header else -1
        if len(header) != 3 or k != 1:
            return None, []
        sides = {header[0]: _posts(doc, s, person.start), header[2]: _posts(doc, person.end, s + len(line))}
        return sides.get("new", []), sides.get("previous", [])
    new: list[_Post] = []
    previous: list[_Post] = []
    for label, (a, b) in zip(header, cells):
        if label == "new":
            new += _posts(doc, a, b)
        elif label == "previous":
            previous += _posts(doc, a, b)
    return new, previous


def _posts(doc: _Doc, s: int, e: int) -> list[_Post]:
    """The titles in [s, e) with their organisations; titles joined by 兼 share one written before."""
    out: list[_Post] = []
    inherited: OrgMention | None = None
    last_end = s
    for t in doc.titles_in(s, e):
        org = doc.org_of(t)
        between = doc.text[last_end:t.start]
        if org is not None:
            inherited = org
        elif "兼" not in between and "・" not in between:
            inherited = None
        unresolved = org is None and _unexplained(doc, last_end, t.start)
        if unresolved:
            inherited = None
        out.append(_Post(t, org or inherited, unresolved and inherited is None))
        last_end = t.end
    return out


#: the end of a word that names a body: X社, a Latin or katakana name, a legal form
_BODY_WORD_END = re.compile(r"(?:社|[A-Za-z.]|[\u30A1-\u30FA\u30FC]{2,}|法人|組合)$")


def _unexplained(doc: _Doc, s: int, e: int) -> bool:
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


def _only_posts(doc: _Doc, s: int, e: int) -> bool:
    """A line with nothing but posts, organisations and joiners (the title line of a block)."""
    rest = list(doc.text[s:e])
    for x in doc.titles_in(s, e) + [o for o in doc.orgs if s <= o.start and o.end <= e]:
        for i in range(x.start - s, x.end - s):
            rest[i] = " "
    leftover = "".join(rest)
    for w in ("兼務", "兼任", "兼", "・", "／", "/", "、"):
        leftover = leftover.replace(w, "")
    return not leftover.strip(_SPACES)


def _previous_posts(doc: _Doc, s: int, e: int) -> list[_Post]:
    """Posts after 現 / 旧 / 前 (in or out of brackets) in [s, e), or before から昇任."""
    out: list[_Post] = []
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


_PROMOTED_FROM = re.compile(r"[ \u3000]*(?:から|より)(?:昇任|昇格|昇進)")


# -- lines with a current post outside the lists --------------------------------------------------

_CURRENT_BRACKET = re.compile(r"[（(][ \u3000]*(?:現|旧|前)[ \u3000:：]")


def _entries_from_current_marks(doc: _Doc, taken: list[tuple[int, int]]) -> list[_Entry]:
    """``代表取締役社長　藤原 健（現 マルトク 代表取締役社長）`` in a profile of a body to come:
    a post taken by someone who holds another now (the bracket may stand on the cell's next
    line). The heading above gives status and date, else the founding row of its section."""
    out: list[_Entry] = []
    heading: tuple[int, int] | None = None
    lines = doc.lines()
    for k, (s, e) in enumerate(lines):
        line = doc.text[s:e]
        if _TOP_HEADING.match(line) and not doc.people_in(s, e):
            heading = (s, e)
        if any(a <= s < b for a, b in taken):
            continue
        next_line = lines[k + 1] if k + 1 < len(lines) else (e, e)
        for person in doc.people_in(s, e):
            at = _skip(doc.text, person.end)
            bracket_end = e
            if at == e and e < len(doc.text):
                at, bracket_end = _skip(doc.text, next_line[0]), next_line[1]
            m = _CURRENT_BRACKET.match(doc.text, at, bracket_end)
            if not m:
                continue
            new = _posts(doc, _line_field_start(doc, s, person.start), person.start)
            close = doc.text.find("）", m.end(), bracket_end)
            previous = _posts(doc, m.end(), close if close >= 0 else bracket_end)
            if not new or not previous:
                continue
            head = doc.text[heading[0]:heading[1]] if heading else ""
            status = "planned" if _cue("planned", head) else _document_status(doc)
            date = doc.date_value(*heading, effective_only=True) if heading else None
            if date is None and heading is not None:
                date = _founding_day(doc, lines, heading)
                if _after(date, doc.ctx.release_date):
                    status = "planned"
            out.append(_Entry(person, new, previous, "appointment", status, date, (s, bracket_end), 0.75))
    return out


# (6) 設 立 年 月 日　2026年7月1日（予定） / 合併の効力発生日: the day a body described in a section begins
_FOUNDING_ROW = re.compile(r"^[\s\u3000]*(?:[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}[．.])?[\s\u3000]*(?:[^\s\u3000:：]{1,4}の)?"
                           rf"(?:{lexicons.spaced_words('設立年月日', '設立予定日', '設立日', '効力発生日')})")


def _founding_day(doc: _Doc, lines: list[tuple[int, int]], heading: tuple[int, int]) -> str | None:
    """The founding (or effective) day a row of the heading's section gives."""
    for s, e in lines:
        if s <= heading[0]:
            continue
        if _TOP_HEADING.match(doc.text[s:e]):
            break
        if _FOUNDING_ROW.match(doc.text[s:e]):
            return doc.date_value(s, e)
    return None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    return pos


def _line_field_start(doc: _Doc, s: int, person_start: int) -> int:
    """Where the posts before a name begin: after a label cell (``(3) 代表者　``) or the previous name."""
    start = s
    for p in doc.people_in(s, person_start):
        start = max(start, p.end)
    return start


# -- career tables ------------------------------------------------------------------------------

_CAREER_ROW = re.compile(r"^[\s\u3000]*(?:[0-9０-９]{4}|[明大昭平令][和成治正]?[0-9０-９元]{1,2})年[0-9０-９]{1,2}月?")


def _entries_from_careers(doc: _Doc, sections: list[_Section]) -> list[_Entry]:
    """``2021年6月	当社 取締役`` rows under a 略歴 heading: posts taken on those dates."""
    out: list[_Entry] = []
    lines = doc.lines()
    for k, (s, e) in enumerate(lines):
        line = doc.text[s:e]
        if not any(w in line for w in _cue_words("career")) or len(line.strip(_SPACES)) > 40:
            continue
        # 略歴	1999年4月	…: a label cell that holds the first row, under 氏名	北條 さおり
        cue = next(w for w in _cue_words("career") if w in line)
        label_end = s + line.index(cue) + len(cue)
        first_row = _CAREER_ROW.match(doc.text[label_end:e].lstrip("\t"))
        person = None
        if first_row:
            above = [p for a, b in lines[max(0, k - 3):k] for p in doc.people_in(a, b)]
            person = above[-1] if above else None
        rows = ([(label_end, e)] if first_row else []) + lines[k + 1:]
        for s2, e2 in rows:
            body = doc.text[s2:e2]
            if not body.strip(_SPACES) or _HEADING_MARK.match(body):
                break
            if person is None:
                found = doc.people_in(s2, e2)
                if found:
                    person = found[0]
                continue
            if not _CAREER_ROW.match(body.lstrip("\t")):
                continue
            date = doc.date_value(s2, e2)
            posts = _posts(doc, s2, e2)
            if posts and date:
                out.append(_Entry(person, posts, [], "appointment", "done", date, (s2, e2), 0.75))
    return out


# -- prose --------------------------------------------------------------------------------------

def _entries_from_prose(doc: _Doc, taken: list[tuple[int, int]],
                       notes: tuple[_Note, ...] | list[_Note] = ()) -> list[_Entry]:
    """Sentences with a verb of change (就任, 昇格, 退任 …), read clause by clause. A sentence of a
    note in a person's block without a subject of its own speaks of that person."""
    out: list[_Entry] = []
    tokens = doc.ctx.analysis.tokens
    triggers = dict(_cues().get("trigger", ()))
    last_date: str | None = None
    for sent in doc.ctx.sentences:
        if any(a <= sent.start < b for a, b in taken) and not doc.text[sent.start:sent.end].lstrip(_SPACES).startswith("※") \
                and not any(n.start <= sent.start < n.end for n in notes):
            continue
        toks = [t for t in tokens if sent.start <= t.start and t.end <= sent.end]
        clause_start = sent.start
        for t in toks:
            change = triggers.get(t.lemma) or triggers.get(t.text)
            if change is None or not _is_predicate(tokens, t):
                continue
            note = next((n for n in notes if n.start <= sent.start < n.end), None)
            found = _prose_entries(doc, (sent.start, sent.end), clause_start, toks, t, change, last_date, note)
            out += found
            last_date = next((x.date for x in reversed(found) if x.date), last_date)
            clause_start = t.end
    return out


def _is_predicate(tokens: tuple[Token, ...], t: Token) -> bool:
    """就任 as a verb (就任し, 就任する) or a verbal noun closing a phrase (社長就任以来), not 就任式."""
    nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
    return nxt is None or not nxt.tag.startswith("名詞") or nxt.text in ("以来", "後", "予定", "前")


def _prose_entries(doc: _Doc, sentence: tuple[int, int], clause_start: int, toks: list[Token], trig: Token,
                   change: str, last_date: str | None, note: _Note | None = None) -> list[_Entry]:
    text = doc.text
    s, e = sentence
    named = _named_after_posts(doc, clause_start, trig.start)
    person = _subject_person(doc, toks, trig, clause_start)
    if person is None and note is not None:
        person = note.person
        s = note.block_start                  # the evidence reaches back to the name
    if named:
        # 新会長に松岡義昭氏、副会長に堤由紀子氏及び戸川修氏が選任: each post names its own people
        status = _prose_status(doc, trig, toks, text[clause_start:trig.start])
        when = doc.date_value(clause_start, trig.start, effective_only=True) or \
            doc.date_value(s, trig.start, effective_only=True)
        kind = change if change != "retirement" else "appointment"
        return [_Entry(p, [_Post(t, doc.org_of(t))], [], kind, status, when, (s, e), 0.7 if when else 0.6)
                for t, people in named for p in people]
    if person is None:
        return []
    # the subject's own posts (現代表取締役社長の村井誠は, 専務取締役の藤川直美が): what they hold now
    own = _own_posts(doc, person, clause_start)
    own_spans = {(p.title.start, p.title.end) for p in own}
    titles = [t for t in doc.titles_in(clause_start, trig.start + len(trig.text))
              if (t.start, t.end) not in own_spans and t.end <= trig.start + len(trig.text)]
    new: list[tuple[list[_Post], str | None]] = []
    left: list[_Post] = [p for p in own]
    seg_start = clause_start
    chain: list[_Post] = []      # posts a space apart (常務執行役員 生産本部長): one change
    chain_date: str | None = None
    for k, t in enumerate(titles):
        after = text[t.end:t.end + 3]
        # the date of a post is written in its own comma-delimited segment (…、2019年6月に当社取締役、…)
        seg_start = max(seg_start, text.rfind("、", seg_start, t.start) + 1)
        if not chain:
            chain_date = doc.date_value(seg_start, t.start)
        chain.append(_Post(t, doc.org_of(t)))
        seg_start = t.end
        nxt = titles[k + 1] if k + 1 < len(titles) else None
        if nxt is not None and text[t.end:nxt.start] and not text[t.end:nxt.start].strip(_SPACES):
            continue
        if after.startswith("から") or (change == "retirement" and after[:1] in ("を", "の")):
            left += chain
        elif after[:1] in ("に", "、") or after.startswith("へ") or t.end == trig.start:
            new.append((chain, chain_date))
        chain = []
    status = _prose_status(doc, trig, toks, text[clause_start:trig.start])
    clause = text[clause_start:trig.start]
    shared_date = doc.date_value(clause_start, trig.start, effective_only=True) or \
        doc.date_value(s, trig.start, effective_only=True)
    if shared_date is None and re.search(r"同日(?:付|をもって)", clause):
        shared_date = last_date
    meeting = _MEETING_DECIDES.search(clause)
    if shared_date is None and meeting is not None:
        # 2026年6月開催予定の第71回定時株主総会の終結の時をもって: the change takes effect that day
        held = [d for d in doc.dates_in(clause_start, clause_start + meeting.start()) if d.value]
        shared_date = held[-1].value if held else None
    if change == "retirement" and not new:
        if not left:
            return []
        return [_Entry(person, [], left, "retirement", status, shared_date, (s, e), 0.65)]
    out: list[_Entry] = []
    for posts, date in new:
        kind = change if change != "retirement" else "appointment"
        when = date or shared_date
        out.append(_Entry(person, posts, left, kind, status, when, (s, e), 0.7 if when else 0.6))
    return out


_MEETING_DECIDES = re.compile(r"開催(?:予定)?の[^、。]{0,16}?株主総会(?:での|の|において)?(?:承認|決議|終結|選任)")
_LISTED_NEXT = re.compile(r"[ \u3000]*(?:氏|様|さん)?[ \u3000]*(?:及び|および|並びに|ならびに|と|、)[ \u3000]*")


def _named_after_posts(doc: _Doc, s: int, e: int) -> list[tuple[TitleMention, list[PersonMention]]]:
    """``TITLEにNAME氏`` between s and e: the post, then the people given it (a list joined by 及び,
    と or 、 runs on until the next post)."""
    starts = {p.start: p for p in doc.people_in(s, e)}
    out = []
    for t in doc.titles_in(s, e):
        pos = _skip(doc.text, t.end)
        if doc.text[pos:pos + 1] != "に":
            continue
        people = []
        person = starts.get(_skip(doc.text, pos + 1))
        while person is not None:
            people.append(person)
            joiner = _LISTED_NEXT.match(doc.text, person.end)
            person = starts.get(joiner.end()) if joiner else None
        if people:
            out.append((t, people))
    return out


def _own_posts(doc: _Doc, person: PersonMention, floor: int) -> list[_Post]:
    """Titles written before the name as its apposition: ``(現)TITLEのNAME``, ``ORG TITLE NAME``."""
    out: list[_Post] = []
    pos = _back(doc.text, person.start)
    if doc.text[:pos].endswith("の"):
        pos = _back(doc.text, pos - 1)
    while pos > floor:
        t = next((x for x in doc.titles if x.end == pos), None)
        if t is None:
            break
        out.insert(0, _Post(t, doc.org_of(t)))
        pos = _back(doc.text, t.start)
        for j in ("兼", "・"):
            if doc.text[:pos].endswith(j):
                pos = _back(doc.text, pos - len(j))
                break
        else:
            break
    return out


def _subject_person(doc: _Doc, toks: list[Token], trig: Token, clause_start: int) -> PersonMention | None:
    """The person marked by は or が whose phrase depends on the trigger in GiNZA's parse; else
    the nearest such person in the trigger's own clause."""
    tokens = doc.ctx.analysis.tokens
    sent_start = toks[0].start if toks else clause_start
    candidates = []
    for p in doc.people_in(sent_start, trig.start):
        after = p.end
        title = next((t for t in doc.titles if t.start == after), None)
        if title is not None:               # 青木真由美取締役（48）が
            after = title.end
        if _TOPIC.match(doc.text[after:trig.start]):
            candidates.append(p)
    for p in reversed(candidates):
        if _depends_on(tokens, p, trig):
            return p
    in_clause = [p for p in candidates if p.start >= clause_start]
    if in_clause:
        return in_clause[-1]
    # a topic (は) reaches over the later clauses of its sentence: 長谷川は、退任後、顧問に就任する
    topics = [p for p in candidates if _topic_marker(doc, p, trig) == "は"]
    return topics[-1] if topics else None


def _topic_marker(doc: _Doc, p: PersonMention, trig: Token) -> str:
    after = p.end
    title = next((t for t in doc.titles if t.start == after), None)
    m = _TOPIC.match(doc.text[title.end if title else after:trig.start])
    return m.group()[-1] if m else ""


_TOPIC = re.compile(r"[ \u3000]*(?:氏|様|さん|先生)?(?:[（(][^）)]{0,40}[）)])?(?:は|が)")


def _depends_on(tokens: tuple[Token, ...], p: PersonMention, trig: Token) -> bool:
    """The name's last token reaches the trigger through its heads, not through another verb of change."""
    last = next((t for t in tokens if t.start < p.end <= t.end), None)
    k = last.i if last else None
    for _ in range(16):
        if k is None:
            return False
        if k == trig.i:
            return True
        nxt = tokens[k].head
        if nxt == k:
            return False
        k = nxt
    return False


def _prose_status(doc: _Doc, trig: Token, toks: list[Token], before: str) -> str:
    """Read from the verb's own endings: 予定/内定 -> planned; a past た (就任しました) or 以来 ->
    done; a plain non-past (就任します, 昇格する人事) -> planned. A continuative ending
    (就任し、…) takes the status of the sentence's last predicate."""
    tokens = doc.ctx.analysis.tokens
    if _cue("planned", before[-6:]):
        return "planned"
    k = trig.i + 1
    last = toks[-1].i if toks else trig.i
    while k <= last:
        t = tokens[k]
        if _cue("planned", t.text) or t.lemma in ("予定", "内定", "見込み"):
            return "planned"
        if t.text in ("以来", "後") and k == trig.i + 1:
            return "done"
        if t.pos in ("AUX", "VERB", "SCONJ") or t.tag.startswith("助動詞") or t.tag.startswith("動詞-非自立") \
                or t.tag.startswith("助詞-接続助詞"):
            if t.text == "た" or t.lemma == "た":
                return "done"
            k += 1
            continue
        if t.text == "、" and tokens[k - 1].text in ("し", "て", "り", "き"):
            return _final_status(tokens, k, last)
        break
    return "planned"


def _final_status(tokens: tuple[Token, ...], start: int, last: int) -> str:
    """The status of a sentence's last predicate: past (た) -> done, 予定 -> planned, else planned."""
    for t in tokens[last:start:-1]:
        if t.lemma in ("予定", "内定") or t.text in ("予定",):
            return "planned"
        if t.text == "た" and (t.tag.startswith("助動詞") or t.pos == "AUX"):
            return "done"
    return "planned"


# -- building the records -----------------------------------------------------------------------

def extract_personnel(ctx: DocumentContext) -> PersonnelResult:
    """People, role links and appointment events from the personnel lists and sentences of a document."""
    doc = _Doc(ctx)
    sections = _sections(doc)
    entries: list[_Entry] = []
    notes: list[_Note] = []
    for sec in sections:
        found, sec_notes = _entries_from_section(doc, sec)
        entries += found
        notes += sec_notes
    entries += _entries_from_current_marks(doc, [(sec.start, sec.end) for sec in sections])
    entries += _entries_from_careers(doc, sections)
    entries += _entries_from_prose(doc, [(sec.start, sec.end) for sec in sections], notes)
    entries = _without_undated_repeats(doc, entries)
    _fill_previous(entries)
    roles = _roles(doc, entries)
    events = _events(doc, entries)
    return PersonnelResult(tuple(doc.extra_people), tuple(roles), tuple(events))


def _without_undated_repeats(doc: _Doc, entries: list[_Entry]) -> list[_Entry]:
    """A change told twice, once in the lead without a date (新会長に松岡義昭氏が選任) and once in
    the dated list (■新役員（2025年6月12日付）), is one change: the dated telling stays. The lead
    may name the post more loosely than the list (初代本部長 for 品質保証本部長, 執行役員 for
    執行役員 東日本営業部長): the two agree on the person, the kind of change and the posts, or on
    the bodies and the head word of each post (退任後、当社特別顧問に is another change)."""
    def same_posts(e: _Entry) -> tuple:
        return e.person.name, e.change, tuple(p.title.text for p in e.new)

    def same_bodies(e: _Entry) -> tuple:
        return e.person.name, e.change, frozenset(_org_id(doc, p) for p in e.new)

    dated = [e for e in entries if e.date and e.new]
    told = {same_posts(e) for e in dated}
    heads: dict[tuple, set[str]] = {}
    for e in dated:
        heads.setdefault(same_bodies(e), set()).update(_head_word(p.title.text) for p in e.new)

    def repeated(e: _Entry) -> bool:
        return same_posts(e) in told or all(_head_word(p.title.text) in heads.get(same_bodies(e), ()) for p in e.new)
    return [e for e in entries if e.date or not e.new or not repeated(e)]


def _head_word(title: str) -> str:
    """The lexicon post a title ends in (品質保証本部長 -> 本部長, 初代本部長 -> 本部長)."""
    titles = lexicons.titles()
    return next((title[k:] for k in range(len(title)) if title[k:] in titles), title)


def _fill_previous(entries: list[_Entry]) -> None:
    """A post taken after a retirement (退任後、顧問に就任) was preceded by the post left."""
    left = {e.person.name: e.previous for e in entries if e.change == "retirement" and e.previous}
    for e in entries:
        if e.change != "retirement" and not e.previous and e.person.name in left:
            e.previous = list(left[e.person.name])


def _roles(doc: _Doc, entries: list[_Entry]) -> list[RoleLink]:
    issuer = doc.ctx.issuer_id
    links = list(doc.ctx.roles)
    for entry in entries:
        for post in entry.new + entry.previous:
            implicit = None if post.org is not None or post.unresolved else issuer
            links.append(RoleLink(entry.person, post.title, post.org, org_id=implicit,
                                  unresolved_org=post.unresolved))
    return settle_roles(doc.text, list(doc.ctx.people) + doc.extra_people, links, issuer,
                        id_of=doc.ctx.index.id_of)


def _org_id(doc: _Doc, post: _Post) -> str | None:
    if post.org is not None:
        return doc.ctx.index.id_of(post.org)
    return None if post.unresolved else doc.ctx.issuer_id


def _events(doc: _Doc, entries: list[_Entry]) -> list[Event]:
    out: list[Event] = []
    seen: set[tuple] = set()
    for entry in entries:
        groups: dict[str | None, list[_Post]] = {}
        for post in entry.new:
            groups.setdefault(_org_id(doc, post), []).append(post)
        prev_groups: dict[str | None, list[_Post]] = {}
        for post in entry.previous:
            prev_groups.setdefault(_org_id(doc, post), []).append(post)
        if entry.change == "retirement" or not groups:
            for org_id, posts in prev_groups.items():
                out += _event(doc, entry, org_id, [], posts, seen)
            continue
        used: set[str | None] = set()
        for k, (org_id, posts) in enumerate(groups.items()):
            prev = prev_groups.get(org_id, [])
            if prev:
                used.add(org_id)
            elif k == 0:
                other = [oid for oid in prev_groups if oid not in groups]
                prev = prev_groups[other[0]] if other else []
            out += _event(doc, entry, org_id, posts, prev, seen)
    return out


def _joined(posts: list[_Post]) -> str | None:
    return "兼".join(dict.fromkeys(p.title.text for p in posts)) or None  # 会長を務め…会長を退任: one post


def _event(doc: _Doc, entry: _Entry, org_id: str | None, posts: list[_Post], previous: list[_Post],
           seen: set[tuple]) -> list[Event]:
    org_name = doc.ctx.index.name_of(org_id)
    title = _joined(posts)
    change = entry.change
    if change == "appointment" and title and previous and all(p.title.text != title for p in previous):
        change = "appointment"
    key = (entry.person.name, title, org_name, entry.date, change)
    if key in seen:
        return []
    seen.add(key)
    s, e = entry.evidence
    attrs = {"person": entry.person.name, "title": title, "organization": org_name,
             "previous_title": _joined(previous), "change": change}
    parties = tuple(x for x in (entry.person.name, org_name) if x)
    return [Event(type="appointment", date=entry.date, parties=parties,
                  evidence=Evidence(s, e, doc.text[s:e]), confidence=entry.confidence,
                  status=entry.status, attributes=tuple(sorted(attrs.items())))]
