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
whole document, and one ``appointment`` event per change. The layouts are read in
``personnel_lists``, the sentences in ``personnel_prose``; ``personnel_doc`` holds what both share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import lexicons
from .context import DocumentContext
from .people import RoleLink, settle_roles
from .person_names import PersonMention
from .personnel_doc import Entry, Note, PersonnelDoc, Post
from .personnel_lists import entries_from_careers, entries_from_current_marks, entries_from_section, personnel_sections
from .personnel_prose import entries_from_prose
from .records import Event, Evidence


@dataclass(frozen=True)
class PersonnelResult:
    #: person mentions found only in personnel lists and tables (not among ``ctx.people``)
    people: tuple[PersonMention, ...] = ()
    #: every role link of the document: ``ctx.roles`` with implicit organisations settled, plus
    #: the posts read from lists; use it in place of ``ctx.roles``
    roles: tuple[RoleLink, ...] = ()
    #: one ``appointment`` event per change
    events: tuple[Event, ...] = ()


# -- building the records -----------------------------------------------------------------------

def extract_personnel(ctx: DocumentContext) -> PersonnelResult:
    """People, role links and appointment events from the personnel lists and sentences of a document."""
    doc = PersonnelDoc(ctx)
    sections = personnel_sections(doc)
    entries: list[Entry] = []
    notes: list[Note] = []
    for sec in sections:
        found, sec_notes = entries_from_section(doc, sec)
        entries += found
        notes += sec_notes
    entries += entries_from_current_marks(doc, [(sec.start, sec.end) for sec in sections])
    entries += entries_from_careers(doc)
    entries += entries_from_prose(doc, [(sec.start, sec.end) for sec in sections], notes)
    entries = _without_undated_repeats(doc, entries)
    _fill_previous(entries)
    roles = _roles(doc, entries)
    events = _events(doc, entries)
    return PersonnelResult(tuple(doc.extra_people), tuple(roles), tuple(events))


def _without_undated_repeats(doc: PersonnelDoc, entries: list[Entry]) -> list[Entry]:
    """A change told twice, once in the lead without a date (新会長に松岡義昭氏が選任) and once in
    the dated list (■新役員（2025年6月12日付）), is one change: the dated telling stays. The lead
    may name the post more loosely than the list (初代本部長 for 品質保証本部長, 執行役員 for
    執行役員 東日本営業部長): the two agree on the person, the kind of change and the posts, or on
    the bodies and the head word of each post (退任後、当社特別顧問に is another change)."""
    def same_posts(e: Entry) -> tuple:
        return e.person.name, e.change, tuple(p.title.text for p in e.new)

    def same_bodies(e: Entry) -> tuple:
        return e.person.name, e.change, frozenset(_org_id(doc, p) for p in e.new)

    dated = [e for e in entries if e.date and e.new]
    told = {same_posts(e) for e in dated}
    heads: dict[tuple, set[str]] = {}
    for e in dated:
        heads.setdefault(same_bodies(e), set()).update(_head_word(p.title.text) for p in e.new)

    def repeated(e: Entry) -> bool:
        return same_posts(e) in told or all(_head_word(p.title.text) in heads.get(same_bodies(e), ()) for p in e.new)
    return [e for e in entries if e.date or not e.new or not repeated(e)]


def _head_word(title: str) -> str:
    """The lexicon post a title ends in (品質保証本部長 -> 本部長, 初代本部長 -> 本部長)."""
    titles = lexicons.titles()
    return next((title[k:] for k in range(len(title)) if title[k:] in titles), title)


def _fill_previous(entries: list[Entry]) -> None:
    """A post taken after a retirement (退任後、顧問に就任) was preceded by the post left; not a
    post of the person's career before it (2017年に理事に就任)."""
    left = {e.person.name: e for e in entries if e.change == "retirement" and e.previous}
    for e in entries:
        retired = left.get(e.person.name)
        if e.change != "retirement" and not e.previous and retired is not None \
                and not (e.date and retired.date and e.date < retired.date):
            e.previous = list(retired.previous)


def _roles(doc: PersonnelDoc, entries: list[Entry]) -> list[RoleLink]:
    issuer = doc.home_id
    links = list(doc.ctx.roles)
    for entry in entries:
        for post in entry.new + entry.previous + entry.held:
            implicit = None if post.org is not None or post.unresolved else issuer
            links.append(RoleLink(entry.person, post.title, post.org, org_id=implicit,
                                  unresolved_org=post.unresolved))
    return settle_roles(doc.text, list(doc.ctx.people) + doc.extra_people, links, issuer,
                        id_of=doc.ctx.index.id_of)


def _org_id(doc: PersonnelDoc, post: Post) -> str | None:
    if post.org is not None:
        return doc.ctx.index.id_of(post.org)
    return None if post.unresolved else doc.home_id


def _events(doc: PersonnelDoc, entries: list[Entry]) -> list[Event]:
    seen: dict[tuple, Event] = {}     # each change once, by key: the event as it stands
    for entry in entries:
        groups: dict[str | None, list[Post]] = {}
        for post in entry.new:
            groups.setdefault(_org_id(doc, post), []).append(post)
        prev_groups: dict[str | None, list[Post]] = {}
        for post in entry.previous:
            prev_groups.setdefault(_org_id(doc, post), []).append(post)
        if entry.change == "retirement" or not groups:
            for org_id, posts in prev_groups.items():
                _add_event(doc, entry, org_id, [], posts, seen)
            continue
        used: set[str | None] = set()
        for k, (org_id, posts) in enumerate(groups.items()):
            prev = prev_groups.get(org_id, [])
            if prev:
                used.add(org_id)
            elif k == 0:
                other = [oid for oid in prev_groups if oid not in groups]
                prev = prev_groups[other[0]] if other else []
            _add_event(doc, entry, org_id, posts, prev, seen)
    return list(seen.values())


def _joined(posts: list[Post]) -> str | None:
    return "兼".join(dict.fromkeys(p.title.text for p in posts)) or None  # 会長を務め…会長を退任: one post


def _add_event(doc: PersonnelDoc, entry: Entry, org_id: str | None, posts: list[Post], previous: list[Post],
               seen: dict[tuple, Event]) -> None:
    """The entry's event for one body into ``seen``, unless the same change is there already."""
    org_name = doc.ctx.index.name_of(org_id)
    title = _joined(posts)
    change = entry.change
    key = (entry.person.name, title, org_name, entry.date, change)
    ordinal = _ordinal(doc, posts) if change == "appointment" else None
    if key in seen:
        # the same change told twice (a list and a sentence): the sentence may count it (第11代学長)
        earlier = seen[key]
        if earlier.ordinal is None and ordinal is not None:
            seen[key] = replace(earlier, ordinal=ordinal)
        return
    s, e = entry.evidence
    attrs = {"person": entry.person.name, "title": title, "organization": org_name,
             "previous_title": _joined(previous), "change": change}
    parties = tuple(x for x in (entry.person.name, org_name) if x)
    event = Event(type="appointment", date=entry.date, parties=parties,
                  evidence=Evidence(s, e, doc.text[s:e]), confidence=entry.confidence,
                  status=entry.status, ordinal=ordinal, attributes=tuple(sorted(attrs.items())))
    seen[key] = event


#: 第11代学長, 初代センター長: the holder's place in the line of holders of the post
_SUCCESSION = re.compile(r"第([0-9０-９]{1,3})代[ \u3000]*$|初代[ \u3000]*$")


def _ordinal(doc: PersonnelDoc, posts: list[Post]) -> int | None:
    """The post's succession number written before it (第11代学長, 初代所長), or 1 where a
    sentence says the body fills the post for the first time (社外取締役を迎えるのは今回が初めて)."""
    if not posts:
        return None
    start = posts[0].title.start
    m = _SUCCESSION.search(doc.text, max(0, start - 8), start)
    if m:
        return lexicons.ordinal_number(m.group(1)) if m.group(1) else 1
    return 1 if any(p.title.text in doc.first_time_titles for p in posts) else None
