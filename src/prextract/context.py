"""Everything the extractors have found in one document, handed to the record builders.

Built once per document by ``extractor._extract`` after the mention finders ran (dates, money,
titles, organisations with aliases and 当社/同社, people and their role links); the event and
personnel builders read it and return records. It is read-only by convention.
"""
from __future__ import annotations

from dataclasses import dataclass

from .analyse import Analysis, Sentence
from .orgs import OrgMention
from .people import RoleLink
from .person_names import PersonMention
from .records import DateMention, MoneyMention
from .resolve import OrgIndex
from .titles import TitleMention


@dataclass(frozen=True)
class DocumentContext:
    text: str
    analysis: Analysis
    sentences: tuple[Sentence, ...]
    #: lines of page furniture (Menu, pagetop, image names): nothing is extracted from them
    boilerplate: tuple[tuple[int, int], ...]
    #: the headline line, if found
    title_span: tuple[int, int] | None
    release_date: str | None
    dates: tuple[DateMention, ...]
    money: tuple[MoneyMention, ...]
    titles: tuple[TitleMention, ...]
    #: organisation mentions in text order, including alias uses and 当社/同社 (source "anaphor")
    orgs: tuple[OrgMention, ...]
    index: OrgIndex
    people: tuple[PersonMention, ...]
    roles: tuple[RoleLink, ...]
    warnings: tuple[str, ...] = ()

    @property
    def issuer_id(self) -> str | None:
        return self.index.issuer

    @property
    def issuer_name(self) -> str | None:
        return self.index.name_of(self.index.issuer)

    def org_name(self, mention: OrgMention | None) -> str | None:
        """The canonical name of the body a mention stands for."""
        return self.index.name_of(self.index.id_of(mention))

    def in_sentence(self, items, sentence: Sentence):
        """The mentions (anything with start/end) that lie inside a sentence."""
        return [x for x in items if sentence.start <= x.start and x.end <= sentence.end]
