"""Amounts of money and percentages in Japanese (and English) release text.

    text                      kind     value          currency  tax / approximate / modifier
    10億円                    money    1000000000     JPY
    1,250百万円               money    1250000000     JPY
    3億4500万円               money    345000000      JPY
    12,345千円                money    12345000       JPY
    税別480円                 money    480            JPY       tax excluded
    5,000円（税込）           money    5000           JPY       tax included (text: 5,000円)
    税込3,980円               money    3980           JPY       tax included
    480円+税                  money    480            JPY       tax excluded
    US$1.2 million            money    1200000        USD
    1.2億ドル                 money    120000000      USD       (ドル alone is the US dollar)
    約3億円                   money    300000000      JPY       approximate
    1億円超                   money    100000000      JPY       modifier MORE_THAN
    500万ユーロ               money    5000000        EUR
    ▲3億円                    money    -300000000     JPY       (▲/△: a loss, as financial tables write it)
    1,482  under （単位：百万円） money 1482000000  JPY       (a table's bare numbers, in its unit)
    61.2% / 61.2％            percent  61.2
    3割 / 3割5分              percent  30 / 35        (割 is a tenth, 分 a hundredth: read as percent)

``value`` is an exact number in units of the currency (an ``int`` when whole, else a ``float``).
Prefixes (約, 税込, 最大) are part of the mention's text; suffix notes (程度, （税込）, 超) are not.
Vague amounts (数億円, 十数億円) have no value and are left out; so is 一円 (関東一円: "all over").
Currency words, scale words, qualifiers and tax notes are data under ``models/money_*.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from prextract.normalize import NormalizedText, fold, parse_decimal
from prextract.records import MoneyMention
from prextract.lexicons import alternation as _alternation
from prextract.resources import load_tsv

__all__ = ["extract_money"]

# the tail after the leading number starts with a separator or a kanji numeral, so a long run of
# digits is read one way only (no backtracking over every split of it)
_AMOUNT = r"(?:\d[\d,]*(?:\.\d+)?|[〇一二三四五六七八九十百千])(?:[,.〇一二三四五六七八九十百千万億兆][\d,.〇一二三四五六七八九十百千万億兆]*)?"
# 円 that begins a word of its own after a number (円滑, 円形 …) is not the currency
_NOT_YEN = "(?!滑|形|周|陣|盤|卓|熟|柱|満|環|錐|筒|弧)"
_URL = re.compile(r"https?://[!-~]+|www\.[!-~]+")


def _folded(word: str) -> str:
    return fold(word).text


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    percent: re.Pattern[str]
    suffix_note: re.Pattern[str]
    currency: dict[tuple[str, str], str]     # (folded word, position) -> ISO code
    scale: dict[str, Decimal]
    qualifier: dict[tuple[str, str], tuple[bool, str | None]]
    tax: dict[tuple[str, str], str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    currency = {(_folded(r["word"]), r["position"]): r["iso"] for r in load_tsv("money_currencies.tsv")}
    scale = {r["word"]: Decimal(r["factor"]) for r in load_tsv("money_scales.tsv")}
    qualifier = {(_folded(r["word"]), r["position"]): (r["approximate"] == "1", r["modifier"] or None)
                 for r in load_tsv("money_qualifiers.tsv")}
    tax = {(_folded(r["word"]), r["position"]): r["tax"] for r in load_tsv("money_tax_words.tsv")}

    def words(table: dict[tuple[str, str], object], position: str) -> str:
        return _alternation(w for w, p in table if p == position)

    scales = _alternation(scale)
    pattern = rf"""
        (?:(?P<taxpre>{words(tax, "prefix")})\s?)?
        (?:(?P<qualpre>{words(qualifier, "prefix")})\s?)?
        (?P<sign>[▲△])?
        (?:
            (?P<curpre>{words(currency, "prefix")})\s?(?P<amount1>{_AMOUNT})
                (?:\s?(?P<scale1>{scales})(?![A-Za-z]))?
          | (?<![\d.,])(?P<amount2>{_AMOUNT})\s?(?:(?P<scale2>{scales})\s)?
                (?P<cursuf>{words(currency, "suffix")})(?![A-Za-z])
        )
    """
    percent = rf"""
        (?:(?P<qualpre>{words(qualifier, "prefix")})\s?)?
        (?:
            (?<![\d.,])(?P<number>\d[\d,]*(?:\.\d+)?)\s?(?:%|パーセント)
          | (?<![\d.,])(?P<wari>\d{{1,2}}|十|[一二三四五六七八九])割(?:(?P<bu>\d|[一二三四五六七八九])分)?(?!合)
        )
    """
    suffix_note = rf"""
        \s?(?:
            \(?(?P<tax>{words(tax, "suffix")})\)?(?![\d¥$])
          | (?P<qual>{words(qualifier, "suffix")})
        )
    """
    return _Lexicon(re.compile(pattern, re.VERBOSE), re.compile(percent, re.VERBOSE),
                    re.compile(suffix_note, re.VERBOSE), currency, scale, qualifier, tax)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: str
    value: Decimal
    currency: str | None
    tax: str | None
    approximate: bool
    modifier: str | None


def _qualify(lex: _Lexicon, word: str | None, position: str) -> tuple[bool, str | None]:
    return lex.qualifier.get((word, position), (False, None)) if word else (False, None)


def _read_suffix(lex: _Lexicon, text: str, end: int, found: _Found) -> _Found:
    """Fold a tax note or a qualifier written right after the amount into the record."""
    for _ in range(2):                                   # 5,000円（税込）程度: both may follow
        m = lex.suffix_note.match(text, end)
        if m is None:
            break
        if m.group("tax") and found.tax is None:
            found = _replace(found, tax=lex.tax[(m.group("tax"), "suffix")])
        elif m.group("qual"):
            approximate, modifier = lex.qualifier[(m.group("qual"), "suffix")]
            found = _replace(found, approximate=found.approximate or approximate,
                             modifier=found.modifier or modifier)
        else:
            break
        end = m.end()
    return found


def _replace(found: _Found, **changes: object) -> _Found:
    fields = {name: getattr(found, name) for name in _Found.__slots__}  # type: ignore[attr-defined]
    fields.update(changes)
    return _Found(**fields)  # type: ignore[arg-type]


def _money(lex: _Lexicon, m: re.Match[str]) -> _Found | None:
    written = m.group("amount1") or m.group("amount2")
    written = written.rstrip(",.")
    amount = parse_decimal(written)
    if amount is None or (amount == 1 and not any(c.isdigit() for c in written)):
        return None                                          # 一円 (関東一円) is not an amount
    scale_word = m.group("scale1") or m.group("scale2")
    if scale_word:
        amount *= lex.scale[scale_word]
    if m.group("cursuf") == "円" and not re.match(_NOT_YEN, m.string[m.end():]):
        return None
    currency = (lex.currency[(m.group("curpre"), "prefix")] if m.group("curpre")
                else lex.currency[(m.group("cursuf"), "suffix")])
    if m.group("sign"):
        amount = -amount
    approximate, modifier = _qualify(lex, m.group("qualpre"), "prefix")
    tax = lex.tax[(m.group("taxpre"), "prefix")] if m.group("taxpre") else None
    end = m.start("amount1") + len(written) if m.group("amount1") and not scale_word and \
        written != m.group("amount1") else m.end()
    return _Found(m.start(), end, "money", amount, currency, tax, approximate, modifier)


def _percent(lex: _Lexicon, m: re.Match[str]) -> _Found | None:
    if m.group("number"):
        value = parse_decimal(m.group("number"))
    else:
        tenths, hundredths = parse_decimal(m.group("wari")), parse_decimal(m.group("bu") or "0")
        value = None if tenths is None or hundredths is None else tenths * 10 + hundredths
    if value is None:
        return None
    approximate, modifier = _qualify(lex, m.group("qualpre"), "prefix")
    return _Found(m.start(), m.end(), "percent", value, None, None, approximate, modifier)


def _number(value: Decimal) -> float:
    return int(value) if value == value.to_integral_value() else float(value)


# （単位：百万円）over a financial table: the bare numbers of its rows are amounts in that unit
_UNIT_NOTE = re.compile(r"[(（]?\s*単位\s*[:：]\s*(?P<unit>[千百万億兆]*)(?P<cur>円|ドル|米ドル|ユーロ)\s*[)）]?")
_CELL_NUMBER = re.compile(r"(?<=[ \t])(?P<sign>[▲△-])?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=[ \t]|$)", re.M)
_UNIT_CURRENCY = {"円": "JPY", "ドル": "USD", "米ドル": "USD", "ユーロ": "EUR"}


def _table_amounts(folded: str) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Amounts written as bare numbers in the rows of a table under a unit note, and the notes'
    spans (百万円 in the note is a unit, not an amount). The table runs to the first blank line."""
    found: list[_Found] = []
    notes: list[tuple[int, int]] = []
    for note in _UNIT_NOTE.finditer(folded):
        notes.append((note.start(), note.end()))
        scale = parse_decimal("1" + note.group("unit")) if note.group("unit") else Decimal(1)
        if scale is None:
            continue
        end = folded.find("\n\n", note.end())
        end = len(folded) if end < 0 else end
        line_end = folded.find("\n", note.end())
        for m in _CELL_NUMBER.finditer(folded, line_end if 0 <= line_end < end else end, end):
            written = m.group(0).lstrip("▲△-")
            value = parse_decimal(written)
            if value is None:
                continue
            value = value * scale * (-1 if m.group("sign") else 1)
            found.append(_Found(m.start(), m.end(), "money", value, _UNIT_CURRENCY[note.group("cur")],
                                None, False, None))
    return found, notes


def extract_money(text: str) -> list[MoneyMention]:
    """Every amount of money and percentage in ``text``, sorted by start (see the module docstring)."""
    lex = _lexicon()
    nt = NormalizedText.fold(text)
    folded = nt.text
    urls = [(u.start(), u.end()) for u in _URL.finditer(folded)]
    found, unit_notes = _table_amounts(folded)
    urls += unit_notes          # nothing inside a unit note is an amount
    for m in lex.pattern.finditer(folded):
        hit = _money(lex, m)
        if hit is not None:
            found.append(_read_suffix(lex, folded, hit.end, hit))
    for m in lex.percent.finditer(folded):
        hit = _percent(lex, m)
        if hit is not None:
            found.append(_read_suffix(lex, folded, hit.end, hit))
    mentions = []
    last_end = -1
    for hit in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if hit.start < last_end or any(s <= hit.start < e for s, e in urls):
            continue
        last_end = hit.end
        start, end = nt.to_original(hit.start, hit.end)
        mentions.append(MoneyMention(nt.original[start:end], start, end, hit.kind, _number(hit.value),
                                     hit.currency, hit.tax, hit.approximate, hit.modifier))
    return mentions
