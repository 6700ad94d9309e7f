"""Normalised forms of names: what is shown (``normalize_name``) and what is compared (the keys).

Display names drop the spaces that Japanese text puts inside names (``首藤 健治`` -> ``首藤健治``)
and fold full-width ASCII; keys go further so that every spelling of one body or person compares
equal: ``org_key`` drops legal-form words (``株式会社``, ``㈱``, ``Inc.``), ``person_key`` drops
honorifics. Both are cached: the extractors call them for every mention.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from prextract.resources import load_tsv

#: honorifics written after a person's name; only the last one is removed
HONORIFICS = ("先生", "さん", "様", "氏", "殿")

# Unicode white space (with ``re``'s str patterns ``\s`` includes the ideographic space U+3000)
# plus the zero-width characters that copy-paste from web pages leaves inside names.
_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
# A space is kept only inside Latin-script text ("Oxford University Innovation"), where it
# separates words; between Japanese characters, or Japanese and Latin, it is layout.
_LATIN_SPACE = re.compile(r"(?<=[!-~]) (?=[!-~])")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
#: two initials or more before a katakana name: a person's, never a body's (J・K・ローリング,
#: S・K・チャタジー); one initial is a body too (J・フロント)
INITIALS_NAME = re.compile(r"(?<![A-Za-z・=＝])(?:[A-Z]\.?[・=＝]){2,}[\u30A1-\u30FA\u30FC]{2,}(?![\u30A1-\u30FC・=＝])")


def normalize_name(name: str) -> str:
    """A name as prextract shows it: NFKC, no white space except one space between Latin words."""
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", name)).strip()
    return _LATIN_SPACE.sub("\0", text).replace(" ", "").replace("\0", " ")


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PZ"


def _trim_once(text: str) -> str:
    """Drop one punctuation or space character from each end (one at a time, so that a bracket
    that belongs to a legal form such as ``(株)`` is seen by the form patterns first)."""
    if text and _is_edge_junk(text[0]):
        text = text[1:]
    if text and _is_edge_junk(text[-1]):
        text = text[:-1]
    return text


def _form_regex(form: str) -> str:
    # Any white space may stand between the characters ("Co., Ltd." = "Co.,Ltd.", "株式 会社");
    # a Latin form must be a whole word, so "Zinc" keeps its "Inc" and "Kansas" its "SAS";
    # a final abbreviation dot may be left out ("Co.,Ltd" for "Co.,Ltd.").
    optional_dot = len(form) > 1 and form.endswith(".") and bool(_ASCII_ALNUM.match(form[-2]))
    core = form[:-1] if optional_dot else form
    body = r"\s*".join(re.escape(c) for c in core)
    if _ASCII_ALNUM.match(core[0]):
        body = r"(?<![A-Za-z0-9])" + body
    if _ASCII_ALNUM.match(core[-1]):
        body += r"(?![A-Za-z0-9])"
    if optional_dot:
        body += r"\.?"
    return body


@lru_cache(maxsize=1)
def _legal_form_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(prefix pattern, suffix pattern) built from models/legal_forms.tsv, longest forms first.

    Japanese forms are removed at either end whatever their ``position`` says (株式会社 and
    一般社団法人 are both written before and after names); Latin forms only where the table puts
    them, because Latin words such as "AG" or "SAS" also begin real names (SAS Institute).
    """
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for row in load_tsv("legal_forms.tsv"):
        form = _compact(unicodedata.normalize("NFKC", row["form"]))
        if not form:
            continue
        position = row.get("position") or "either"
        latin = bool(_ASCII_ALNUM.search(form))
        if not latin or position in ("prefix", "either"):
            prefixes.add(form)
        if not latin or position in ("suffix", "either"):
            suffixes.add(form)

    def alternation(forms: set[str]) -> str:
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        return "|".join(_form_regex(f) for f in ordered)

    prefix = re.compile(r"^\s*(?:" + alternation(prefixes) + ")", re.IGNORECASE)
    suffix = re.compile(r"(?:" + alternation(suffixes) + r")\s*$", re.IGNORECASE)
    return prefix, suffix


@lru_cache(maxsize=16384)
def org_key(name: str) -> str:
    """The batch-wide key of an organisation: one value for every spelling of one body.

    NFKC, legal-form words removed at either end (``株式会社 三井不動産``, ``三井不動産㈱`` and
    ``（株）三井不動産`` all give ``三井不動産``), punctuation trimmed from the ends, no white
    space, Latin letters casefolded (``Acme Co., Ltd.`` and ``ACME Inc.`` give ``acme``).
    A name that is nothing but a legal form keeps its text.
    """
    prefix, suffix = _legal_form_patterns()
    full = _SPACE.sub(" ", unicodedata.normalize("NFKC", name)).strip()
    text = full
    while True:
        before = text
        text = prefix.sub("", text, count=1)
        text = suffix.sub("", text, count=1)
        if text == before:
            text = _trim_once(text)
            if text == before:
                break
    key = _compact(text).casefold()
    return key or _compact(full).casefold()


@lru_cache(maxsize=16384)
def person_key(name: str) -> str:
    """The key of a person: the name without spaces or a trailing honorific, Latin casefolded."""
    key = _compact(unicodedata.normalize("NFKC", name)).casefold()
    for honorific in HONORIFICS:
        if key.endswith(honorific) and len(key) > len(honorific):
            return key[: -len(honorific)]
    return key
