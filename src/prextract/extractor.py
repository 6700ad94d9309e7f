"""The extraction of one document, end to end: text -> analysis -> mentions -> records.

``Extractor`` owns the lazily loaded NLP pipeline; ``extract`` and ``pipe`` are its two calls.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Iterable, Iterator

from . import __version__, lexicons
from .aliases import alias_mentions, find_alias_definitions
from .analyse import Analysis, analyse_many, model_version, reading_of
from .dates import analyze_dates
from .context import DocumentContext
from .errors import EmptyInputError
from .event_types import extract_events
from .events import extract_agreements
from .personnel import extract_personnel
from .money import extract_money
from .normalize import fold
from .orgs import SOURCE_RANK, OrgMention, find_org_mentions
from .people import RoleLink, link_roles
from .person_names import PersonMention, find_person_mentions
from .records import Extraction, Person, Role
from .resolve import RELEASE_PAPER, OrgIndex, resolve_organizations
from .titles import find_titles, without_bodies_ahead, without_names_ahead, without_pieces_of_names, without_team_words

_HEADER_LINE = re.compile(
    r"^(?:ニュース(?:リリース)?|プレスリリース|報道(?:関係者)?各位|報道発表(?:資料)?|記者発表(?:資料)?|報道資料|"
    r"資料提供|お知らせ|各位|"
    r"NEWS\s*RELEASE|PRESS\s*RELEASE|News|Press\s*Release|ニュース一覧)$", re.I)
_DATE_ONLY_LINE = re.compile(r"^[\d０-９年月日.\-/／()（）月火水木金土日令和平成\s]+(?:発表|更新)?$")
# the sender block of a disclosure: 会社名 …, 代表者名 …, 問合せ先 …, (TEL …)
_SENDER_LINE = re.compile(
    r"^(?:[（(]|(?:上場)?会\s*社\s*名|代\s*表\s*者\s*名?|問\s*合\s*せ\s*先|問い合わせ先|お問い?合わせ|"
    r"所\s*在\s*地|本社|TEL|ＴＥＬ|担当|コード番号|URL|E-?mail)")
# a line that only names a body (株式会社ナカノ製作所　総務部): no particle, no punctuation of a sentence
_NAME_ONLY_LINE = re.compile(r"^[^、。，「」をがとにはでもや]{2,40}$")
# a government sender block: 山形県 産業労働部 産業創造振興課 / ものづくり振興担当（担当：佐々木）/ 電話：…
_OFFICE_END = re.compile(r"(?:部|課|室|局|係|班|センター)$")
_CONTACT_IN_LINE = re.compile(r"担当\s*[:：]|電話\s*[:：]|内線")


def _reference(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(value)


class Extractor:
    """Extracts prextract/1 records from Japanese release texts.

    The GiNZA pipeline is loaded on the first call, once per process; constructing an Extractor
    is cheap. Texts go through ``nlp.pipe`` in batches in ``pipe``.
    """

    def __init__(self, *, batch_size: int = 16) -> None:
        self.batch_size = batch_size

    def extract(self, text: str, *, source: str | None = None,
                reference_date: _dt.date | str | None = None,
                meta: dict[str, Any] | None = None) -> Extraction:
        return next(self.pipe([text], sources=[source], reference_date=reference_date,
                              metas=[meta or {}]))

    def context(self, text: str, *, reference_date: _dt.date | str | None = None) -> DocumentContext:
        """The mentions found in a text before records are built (for debugging and tests)."""
        _check_texts([text])
        return build_context(next(analyse_many([text])), _reference(reference_date))

    def pipe(self, texts: Iterable[str], *, sources: Iterable[str | None] | None = None,
             reference_date: _dt.date | str | None = None,
             metas: Iterable[dict[str, Any]] | None = None) -> Iterator[Extraction]:
        """Extract many texts, in input order."""
        texts = list(texts)
        _check_texts(texts)
        sources = list(sources) if sources is not None else [None] * len(texts)
        metas = list(metas) if metas is not None else [{} for _ in texts]
        ref = _reference(reference_date)
        analyses = analyse_many(texts, batch_size=self.batch_size)
        for text, source, meta, analysis in zip(texts, sources, metas, analyses):
            yield _extract(analysis, source=source, reference_date=ref, meta=meta)


def _check_texts(texts: list[str]) -> None:
    for t in texts:
        if not isinstance(t, str):
            raise TypeError(f"extract() takes str, not {type(t).__name__}")
        if not t.strip():
            raise EmptyInputError("the text is empty")


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Lines of page furniture (Menu, pagetop, image names, share buttons): they yield nothing."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if lexicons.is_boilerplate_line(m.group()):
            spans.append((m.start(), m.end()))
    return spans


def find_title(text: str, skip: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first heading line: the first line that is neither furniture, a header word, nor a dateline."""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip(" \u3000\t")
        if not line or any(s <= m.start() < e for s, e in skip):
            continue
        folded = fold(line).text  # a dateline written with radicals (2024年4⽉1⽇) is still one
        if _HEADER_LINE.match(line) or _DATE_ONLY_LINE.match(folded) or len(line) < 6 or _SENDER_LINE.match(line):
            continue
        if _NAME_ONLY_LINE.match(line) and (lexicons.legal_form_pattern().search(line) or _OFFICE_END.search(line)
                                            or RELEASE_PAPER.search(line)):
            continue    # a sender line: 株式会社…, …部 …課, 水城市記者発表資料
        if _CONTACT_IN_LINE.search(line):
            continue
        start = m.start() + (len(m.group()) - len(m.group().lstrip(" \u3000\t")))
        return start, start + len(line)
    return None


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


def build_context(analysis: Analysis, reference_date: _dt.date | None = None) -> DocumentContext:
    """Find every mention in an analysed text: the read -> analyse -> mentions half of extraction.

    The record builders (events, personnel) read the context it returns; so can a developer
    who wants to see what was found before records are built (``Extractor.context``).
    """
    text = analysis.text
    skip = boilerplate_spans(text)
    title_span = find_title(text, skip)

    temporal = analyze_dates(text, reference_date=reference_date)
    release = temporal.release_date
    release_date = release.value if release is not None else (reference_date.isoformat() if reference_date else None)
    dates = sorted((d for d in temporal.mentions if not _inside(d.start, skip)), key=lambda d: d.start)
    money = [m for m in extract_money(text) if not _inside(m.start, skip)]

    titles = without_bodies_ahead(without_names_ahead(without_team_words(find_titles(text, skip), analysis), analysis),
                                  analysis)
    titles = without_pieces_of_names(titles, analysis)
    title_spans = [(t.start, t.end) for t in titles]
    mentions = find_org_mentions(analysis, title_spans, skip, headline=title_span)
    definitions = find_alias_definitions(text, mentions)
    mentions = _with_aliases(mentions, alias_mentions(text, definitions), skip)
    index = resolve_organizations(text, mentions, definitions, title_span)
    all_mentions = sorted(mentions + index.anaphora, key=lambda m: m.start)

    people_mentions = find_person_mentions(analysis, titles, all_mentions, skip)
    links = link_roles(text, people_mentions, titles, all_mentions)
    return DocumentContext(
        text=text, analysis=analysis,
        sentences=tuple(s for s in analysis.sentences if not _inside(s.start, skip)),
        boilerplate=tuple(skip), title_span=title_span, release_date=release_date,
        dates=tuple(dates), money=tuple(money), titles=tuple(titles), orgs=tuple(all_mentions),
        index=index, people=tuple(people_mentions), roles=tuple(links),
        # a weekday that does not fit its date, an impossible date
        warnings=tuple(temporal.warnings))


def _extract(analysis: Analysis, *, source: str | None, reference_date: _dt.date | None,
             meta: dict[str, Any]) -> Extraction:
    ctx = build_context(analysis, reference_date)
    index = ctx.index
    personnel = extract_personnel(ctx)
    # personnel lists add people and settle every role link of the document (posts written
    # without a body belong to the issuer's list), so its roles replace the plain links
    people = _people_records(sorted(list(ctx.people) + list(personnel.people), key=lambda p: p.start),
                             list(personnel.roles), index)
    events = extract_agreements(ctx) + extract_events(ctx) + list(personnel.events)

    full_meta = {"prextract": __version__, "model": model_version()}
    full_meta.update(meta)
    title = ctx.text[ctx.title_span[0]:ctx.title_span[1]] if ctx.title_span else None
    return Extraction(
        source=source, title=title, release_date=ctx.release_date, issuer=ctx.issuer_name,
        organizations=tuple(index.organizations), people=tuple(people), dates=ctx.dates,
        money=ctx.money, events=tuple(events), warnings=ctx.warnings,
        meta=tuple(sorted(full_meta.items())),
    )


def _with_aliases(mentions: list[OrgMention], aliases: list[OrgMention],
                  skip: list[tuple[int, int]]) -> list[OrgMention]:
    """Alias uses win over overlapping mentions from weaker signals (GiNZA cuts LINK-J into
    LINK and J「); a legal-form or suffix name that contains the alias keeps its place."""
    strong = {"legal", "lexicon", "suffix"}
    kept = list(mentions)
    # シーグラス・ベンチャーズ パートナー beside シーグラス・ベンチャーズ株式会社 (以下「シーグラス」): a
    # longer mention that is a legal name without its form is that name, not the alias and more
    full_names = {m.text for m in mentions if m.source == "legal"}
    for a in aliases:
        if _inside(a.start, skip):
            continue
        clash = [m for m in kept if m.start < a.end and a.start < m.end]
        if any(m.start <= a.start and a.end <= m.end and (m.source in strong or m.end - m.start > a.end - a.start
               and any(m.text in name for name in full_names)) for m in clash):
            continue
        if any(m.start == a.start and m.end == a.end for m in clash):
            continue
        kept = [m for m in kept if m not in clash]
        kept.append(a)
    return sorted(kept, key=lambda m: (m.start, SOURCE_RANK.get(m.source, 9)))


def _people_records(mentions: list[PersonMention], links: list[RoleLink], index: OrgIndex) -> list[Person]:
    by_name: dict[str, list[PersonMention]] = {}
    for p in mentions:
        by_name.setdefault(p.name, []).append(p)
    roles: dict[str, list[Role]] = {}
    for link in links:
        role = Role(title=link.title.text, organization=index.id_of(link.org) or link.org_id,
                    start=link.title.start, end=link.title.end)
        have = roles.setdefault(link.person.name, [])
        if all((r.title, r.organization) != (role.title, role.organization) for r in have):
            have.append(role)
    people = []
    for n, (name, ms) in enumerate(by_name.items(), start=1):
        # a reading written in brackets (松永 幸一（まつなが こういち）) wins over UniDic's guess
        reading = next((m.reading for m in ms if m.reading), None) or reading_of(name)
        people.append(Person(id=f"P{n}", name=name, reading=reading,
                             roles=tuple(roles.get(name, ())),
                             mentions=tuple((m.start, m.end) for m in ms)))
    return people

