"""Text folding for matching, through an offset map (never in place), and number parsing.

Matching runs on a folded copy of the text: full-width ASCII and digits become half-width, Kangxi
radicals and CJK compatibility ideographs that web pages carry (``⽉`` U+2F49, ``⽇``) become the
ideograph they stand for, half-width katakana become full-width, and every wave dash (``〜 ～ ~``) is
folded to ``~`` and every dash (``－ ― – —``) to ``-``, so that range marks stay visible as marks
(unlike normalisers that delete ``〜``). Japanese script is kept as it is.

Most folds are one character for one character; the few that change the length (``㍻`` -> ``平成``,
``㈱`` -> ``(株)``, ``ｶﾞ`` -> ``ガ``) are recorded as segments, and :meth:`NormalizedText.to_original`
maps any ``[start, end)`` of the folded text back to the original.

Kanji numerals are not rewritten in the text (that would shift offsets for every extractor);
patterns match them as written and :func:`parse_kanji_number` reads them.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from prextract.resources import load_tsv

__all__ = ["KANJI_DIGITS", "NormalizedText", "fold", "parse_decimal", "parse_kanji_number", "parse_number",
           "replace_lone_surrogates"]

#: kanji (and look-alike) digits with their value; ``○`` (a circle) is written for zero in dates
KANJI_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                "七": 7, "八": 8, "九": 9, "壱": 1, "弐": 2, "参": 3}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000, "阡": 1000}
_LARGE_UNITS = {"万": 10 ** 4, "萬": 10 ** 4, "億": 10 ** 8, "兆": 10 ** 12}

# Enclosed CJK letters and CJK compatibility squares whose NFKC form is longer than one character
# (㍻ -> 平成, ㈱ -> (株), ㋀ -> 1月). Circled numbers (①, ㉑, ㊀) are list markers, not numbers: kept.
_MULTI_CHAR_FOLD = re.compile(
    "[\u3200-\u324f\u3260-\u327f\u328a-\u32b0\u32c0-\u33ff]"
    # half-width katakana with a half-width voicing mark, and NFD kana (a kana + combining mark)
    "|[\uff66-\uff9d][\uff9e\uff9f]|[\u3041-\u30ff][\u3099\u309a]"
)


@lru_cache(maxsize=1)
def _one_to_one_table() -> dict[int, str]:
    """The translate table of every one-for-one fold (built once, on first use)."""
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):           # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "                          # ideographic space
    table[0x00A0] = " "                          # no-break space
    ranges = [(0xFFE0, 0xFFE7), (0x2F00, 0x2FD6), (0xF900, 0xFB00), (0x2F800, 0x2FA20), (0xFF61, 0xFF9E)]
    for low, high in ranges:
        for code in range(low, high):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    table[0xFF9E] = "゛"                         # a lone half-width voicing mark: the spacing form
    table[0xFF9F] = "゜"
    for row in load_tsv("date_char_folds.tsv"):
        if len(row["char"]) == 1 and len(row["folded"]) == 1:
            table[ord(row["char"])] = row["folded"]
    return table


def _fold_multi(chunk: str) -> str:
    """Fold one length-changing match (an enclosed square or a kana + voicing mark pair)."""
    if len(chunk) == 2:
        return unicodedata.normalize("NFKC", chunk)
    return unicodedata.normalize("NFKC", chunk).translate(_one_to_one_table())


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A folded copy of ``original`` and the way back from folded offsets to original ones.

    ``segments`` lists, for every fold that changed the length, ``(folded_start, folded_end,
    original_start, original_end)``; everything between segments maps one-to-one.
    """

    original: str
    text: str
    segments: tuple[tuple[int, int, int, int], ...] = ()
    _segment_starts: tuple[int, ...] = ()

    @classmethod
    def fold(cls, original: str) -> NormalizedText:
        table = _one_to_one_table()
        if _MULTI_CHAR_FOLD.search(original) is None:
            return cls(original, original.translate(table))
        pieces: list[str] = []
        segments: list[tuple[int, int, int, int]] = []
        folded_len = 0
        last = 0
        for match in _MULTI_CHAR_FOLD.finditer(original):
            plain = original[last:match.start()].translate(table)
            pieces.append(plain)
            folded_len += len(plain)
            replacement = _fold_multi(match.group())
            pieces.append(replacement)
            if len(replacement) != len(match.group()):
                segments.append((folded_len, folded_len + len(replacement), match.start(), match.end()))
            folded_len += len(replacement)
            last = match.end()
        pieces.append(original[last:].translate(table))
        return cls(original, "".join(pieces), tuple(segments), tuple(s[0] for s in segments))

    def _segment_before(self, index: int, *, inclusive: bool) -> tuple[int, int, int, int] | None:
        """The last segment starting at or before ``index`` (strictly before, for end offsets)."""
        if not self.segments:
            return None
        pos = bisect_right(self._segment_starts, index if inclusive else index - 1)
        return self.segments[pos - 1] if pos else None

    def _map_start(self, index: int) -> int:
        seg = self._segment_before(index, inclusive=True)
        if seg is None:
            return index
        _f_start, f_end, o_start, o_end = seg
        return o_start if index < f_end else index - f_end + o_end

    def _map_end(self, index: int) -> int:
        seg = self._segment_before(index, inclusive=False)
        if seg is None:
            return index
        _f_start, f_end, _o_start, o_end = seg
        return o_end if index <= f_end else index - f_end + o_end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the folded text to the smallest original span that covers it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) lies outside the folded text of length {len(self.text)}")
        if not self.segments:
            return start, end
        o_start = self._map_start(start)
        return (o_start, o_start) if start == end else (o_start, self._map_end(end))

    def original_text(self, start: int, end: int) -> str:
        """The original characters behind ``[start, end)`` of the folded text."""
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end]


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, one character for one (a str can
    hold them, but no encoding can write them and the parser refuses them)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def fold(text: str) -> NormalizedText:
    """Fold ``text`` for matching (see the module docstring); shorthand for ``NormalizedText.fold``."""
    return NormalizedText.fold(text)


_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _parse_section(section: str) -> Decimal | None:
    """Read a number below 10,000 written with 千/百/十 and digits (kanji or Arabic): 千二百, 3千, 二〇二〇."""
    if not section:
        return None
    total = Decimal(0)
    digits = ""
    for char in section:
        if char in _SMALL_UNITS:
            head = _digits_value(digits) if digits else 1
            if head is None:
                return None
            total += head * _SMALL_UNITS[char]
            digits = ""
        else:
            digits += char
    if digits:
        tail = _digits_value(digits)
        if tail is None:
            return None
        total += tail
    return total


def _digits_value(digits: str) -> Decimal | None:
    """A run of digits read positionally: '二〇二〇' -> 2020, '18' -> 18, '1.5' -> 1.5."""
    if _ARABIC.fullmatch(digits):
        return Decimal(digits)
    if all(char in KANJI_DIGITS for char in digits):
        value = 0
        for char in digits:
            value = value * 10 + KANJI_DIGITS[char]
        return Decimal(value)
    return None


def parse_number(written: str) -> int | float | None:
    """Read a Japanese number in any common writing; None when ``written`` is not one.

    Handles Arabic digits with thousands separators (``1,250``), decimals (``1.2``), kanji digits
    read positionally (``二〇二〇``), kanji with units (``三十一``, ``千二百``, ``二千二十``) and the
    large units 万/億/兆 over either (``3億4500万``, ``1.2億``). Full-width digits must be folded first.
    """
    value = parse_decimal(written)
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def parse_decimal(written: str) -> Decimal | None:
    """:func:`parse_number` as an exact ``Decimal`` (amounts of money are computed with it)."""
    text = written.replace(",", "").replace("，", "").strip()
    if not text:
        return None
    total = Decimal(0)
    rest = text
    matched_unit = False
    for unit, factor in sorted(_LARGE_UNITS.items(), key=lambda item: -item[1]):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            value = _parse_section(head) if head else 1
            if value is None:
                return None
            total += value * factor
            matched_unit = True
    if rest:
        value = _parse_section(rest)
        if value is None:
            return None
        total += value
    elif not matched_unit:
        return None
    return total


def parse_kanji_number(written: str) -> int | None:
    """An integer written in kanji numerals (``二〇二〇``, ``十八``, ``三十一``, ``千二百``), or digits.

    Returns None for anything that is not a whole number.
    """
    value = parse_number(written)
    if value is None or isinstance(value, float):
        return None
    return value
