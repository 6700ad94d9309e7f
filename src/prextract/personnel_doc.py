"""The document as the personnel readers see it: their vocabulary, the entries they build (a
person, the posts taken and left, the kind of change, status and date) and indexes of the
document's mentions by position."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicons
from .context import DocumentContext
from .orgs import OrgMention
from .person_names import PersonMention, name_in_span
from .records import DateMention
from .resources import load_tsv
from .titles import TitleMention

# -- vocabulary ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """personnel_cues rows grouped by kind: (cue, value) pairs, longest cue first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in load_tsv("personnel_cues.tsv"):
        out.setdefault(row["kind"], []).append((row["cue"], row["value"]))
    return {k: tuple(sorted(v, key=lambda cv: -len(cv[0]))) for k, v in out.items()}


def cue(kind: str, text: str) -> str | None:
    """The value of the longest cue of ``kind`` found in ``text``."""
    for word, value in cues().get(kind, ()):
        if word in text:
            return value
    return None


def cue_words(kind: str) -> tuple[str, ...]:
    return tuple(c for c, _ in cues().get(kind, ()))


SPACES = " \u3000\t"
_EFFECTIVE = re.compile(r"\s*(?:付|付け|をもって|から|より)")


# -- entries ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Post:
    title: TitleMention
    org: OrgMention | None
    #: words before the title name a body that was not recognised: its organisation is unknown
    unresolved: bool = False


@dataclass
class Entry:
    person: PersonMention
    new: list[Post] = field(default_factory=list)
    previous: list[Post] = field(default_factory=list)
    change: str = "appointment"
    status: str = "done"
    date: str | None = None
    evidence: tuple[int, int] = (0, 0)
    confidence: float = 0.8
    #: posts the person holds through the change (an affiliation column): roles, no change
    held: list[Post] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    heading: tuple[int, int]
    change: str
    status: str
    date: str | None
    #: a list of who holds the posts now (役員一覧（2025年8月1日現在）): roles, no change
    roster: bool = False


class PersonnelDoc:
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
        self.home_id = self._home_id()
        #: posts a sentence says the body fills for the first time (社外取締役を迎えるのは今回が初めて)
        self.first_time_titles = {t.text for sent in ctx.sentences if lexicons.first_time_pattern().search(sent.text)
                                  for t in self.titles if sent.start <= t.start < sent.end}

    def _home_id(self) -> str | None:
        """The body whose posts the lists give without naming one: the issuer, or the body a
        personnel headline opens with (``みなみ台中央病院　院長交代のお知らせ`` from the
        corporation that runs the hospital)."""
        issuer = self.ctx.issuer_id
        span = self.ctx.title_span
        if span is None:
            return issuer
        start = span[0] + len(self.text[span[0]:span[1]]) - len(self.text[span[0]:span[1]].lstrip(" \u3000【■"))
        first = next((o for o in self.orgs if o.start == start and o.end <= span[1]), None)
        if first is None or not any(w in self.text[first.end:span[1]] for w in cue_words("section") + ("交代",)):
            return issuer
        return self.ctx.index.id_of(first) or issuer

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
        """The organisation written right before ``pos``: ``ORG TITLE``, ``ORGの TITLE``, ``ORG・TITLE``,
        also over a word of time (``ORGの現TITLE``)."""
        p = back_over(self.text, pos, " \u3000")       # not across a tab: that is another cell
        if p > 0 and self.text[p - 1] in "現前元新":
            p -= 1
        for glue in ("の", "・"):
            if self.text[:p].endswith(glue):
                q = back_over(self.text, p - len(glue), " \u3000")
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


def back_over(text: str, pos: int, chars: str = SPACES) -> int:
    while pos > 0 and text[pos - 1] in chars:
        pos -= 1
    return pos


def skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in SPACES:
        pos += 1
    return pos


def later_than_release(date: str | None, release_date: str | None) -> bool:
    """A date certainly later than the release's own (ISO strings; a year not known is no date)."""
    if not date or not release_date or "X" in date[:4] or "X" in release_date[:4]:
        return False
    return date.split("/")[0] > release_date


@dataclass(frozen=True)
class Note:
    """A ``※`` line inside a person's block: its sentences speak of that person without naming
    them (``※退任後は、当社顧問に就任する予定です。``)."""
    start: int
    end: int
    person: PersonMention
    block_start: int

