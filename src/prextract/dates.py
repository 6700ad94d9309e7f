"""Dates, times, durations and sets in Japanese text, with TIMEX3 / ISO 8601 values.

Pure Python and regular expressions: it runs on raw text. The text is folded for matching
(:mod:`prextract.normalize`: full-width digits, Kangxi radicals, range marks) through an offset map,
so every mention's ``start``/``end`` point into the text as given.

Pipeline: taggers per expression type (calendar points — absolute, era, partial, relative and
period words share one grammar —, numeric dates, times, durations, sets, decades, weekdays,
elided ranges, and the blockers of things that only look like dates) -> one overlap rule
(earliest start, then longest, then kind in the order block, point/range, duration, set) ->
points joined into time ranges, date ranges, datetimes and mixed ranges -> modifiers read after
each mention -> values built in text order against the reference and the dates in force.

Reference: the release's own dateline (:func:`find_release_date`), else ``reference_date``; with
neither, a partial date takes the document's latest written year reported as past (a year followed
by まで/目標/予定/計画/見込み/以降 is a target, not a report). A partial date's year is the one near
the reference that fits the sentence's tense: a past report (…しました) lies before the
reference, a plan (…します, 予定) after it, otherwise the nearest; a written weekday that fits only
one candidate year decides. Every filled year sets ``year_inferred=True``; what cannot be filled
stays ``X``. Words anchored on the text (同年, 同月, 同日, 翌年, 前年) follow the date last mentioned.

Values (``kind``: value written as)::

    text                         kind      value                      note
    2020年9月18日, 2020/9/18,     date      2020-09-18
      2020.9.18, 2020-09-18,
      令和2年9月18日, R2.9.18,
      二〇二〇年九月十八日,
      令和2年(2020年)9月18日
    2016年5月, 2016-05           date      2016-05
    1990年, 令和元年              date      1990, 2019                 a number without 年 is no year
    9月18日 (no reference)       date      XXXX-09-18
    9月18日 (reference 2020)     date      2020-09-18                 year_inferred
    18日 (month in force: 9)     date      2020-09-18 / XXXX-09-18    the last month mentioned
    18日 (nothing known)         date      XXXX-XX-18
    2月末日                       date      2024-02-29                 the calendar's last day
    本日 / 同日 / 翌日            date      2020-09-23, or XXXX-XX-XX  unresolved without anchor
    今月 / 来月 / 同月            date      2020-10, or XXXX-XX
    今年 / 昨年 / 同年 / 翌年     date      2020, or XXXX
    翌年3月 / 来年4月1日          date      2021-03 / 2021-04-01
    今週 / 来週                   date      2020-W39, or XXXX-WXX      ISO week
    2025年度 / 今年度 / 今期      date      2025-FY, or XXXX-FY        fiscal year (April start)
    2025年度第1四半期             date      2025-FY-Q1
    2025年第2四半期 / 第2四半期   date      2025-Q2 / XXXX-Q2          bare: the year in force
    2025年上期 / 下半期           date      2025-H1 / XXXX-H2
    2025年度上期                  date      2025-FY-H1
    2021年春 / 来春 / 今秋        date      2021-SP, 2021-FA           SP SU FA WI
    2025年3月期                   date      2025-03                    modifier FY_END: the fiscal
                                                                       period ending that month
    9月末 / 2025年末 / 年度末     date      2020-09 / 2025 / 2025-FY   modifier END (初め: START)
    9月上旬 / 中旬 / 下旬         range     XXXX-09-01/XXXX-09-10      modifier START / MID / END;
                                            2020-09-21/2020-09-30      the last day by the calendar
                                            XXXX-02-21/XXXX-02-XX      (February without a year)
    月曜日                        date      XXXX-WXX-1                 Monday = 1
    1990年代 / 21世紀 / 紀元前660年 date    199X / 20XX / BC0660
    前年同期                      date      2024-Q2 (the period in force, a year earlier), or 2024
    14:30 / 14時30分 / 午後2時    time      T14:30 / T14:30 / T14:00   kanji hours need 午前/午後
    正午 / 10時半                 time      T12:00 / T10:30
    2024年11月6日14時             datetime  2024-11-06T14:00
    11月6日～8日, 11月6～8日      range     2024-11-06/2024-11-08      also から…まで, -, ~, 〜, －, ―
    4月～6月, 2024年4～6月        range     2024-04/2024-06
    2021年~2025年, 2021～2025年度 range     2021/2025, 2021-FY/2025-FY
    12月28日～1月5日              range     2024-12-28/2025-01-05      the end rolls over the year
    9:00～17:00                   range     T09:00/T17:00
    2024年11月6日 10:00～17:00    range     2024-11-06T10:00/2024-11-06T17:00
    11月6日～8日 10:00～17:00     range ×2  …-11-06/…-11-08 and T10:00/T17:00 (hours of each day)
    5年間 / 今後5年間 / 30年に亘って duration P5Y / P5Y / P30Y     the text is 30年 (the trailer is a cue)
    3か月 3ヶ月 3カ月 3ケ月(間)  duration  P3M
    2週間 / 10日間 / 半年 / 1年半 duration  P2W / P10D / P6M / P1.5Y
    1年6か月 / 1時間30分 / 数年間 duration P1Y6M / PT1H30M / PXY
    約3年間 / 3日以内             duration  P3Y APPROX / P3D EQUAL_OR_LESS
    毎週 / 毎月 / 毎年 / 毎日     set       P1W / P1M / P1Y / P1D      frequency 1
    隔週                          set       P2W                        frequency 1
    年2回 / 月1回 / 週3回 / 1日2回 set      P1Y / P1M / P1W / P1D      frequency 2 / 1 / 3 / 2
    毎週月曜日 / 毎月15日         set       XXXX-WXX-1 / XXXX-XX-15    frequency 1

A date that cannot exist (2023年2月29日) keeps its text with value None, and a warning says why;
so does a weekday that does not match its date (the value is kept) and an era year past its era.

Modifiers (``modifier``): APPROX (頃, ごろ, 前後; 約 before a duration), AFTER (以降, 以後, から, より,
an open ``～``), BEFORE (まで, までに, 以前), START / MID / END (上旬 / 中旬 / 下旬, 初め, 末, 年初, 年末),
FY_END (N月期), EQUAL_OR_LESS (以内, 最長), EQUAL_OR_MORE (以上), LESS_THAN (未満), MORE_THAN (超).
A suffix cue sets the modifier but is not part of the mention's text; a prefix (今後, 約) is.

Not dates: anniversaries (創業100年, 100周年), ages (65歳), N年ぶり, N年連続, N日目, 週休2日, counts,
names (毎日新聞), 一時的, 24時間365日 and 年末年始 (set phrases), phone numbers, postal codes, URLs,
e-mail addresses, file names, model and version numbers, durations written as ranges (1～2日程度).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from collections.abc import Iterator

from prextract.normalize import NormalizedText, parse_kanji_number, parse_number
from prextract.records import DateMention
from prextract.lexicons import alternation as _alternation
from prextract.resources import load_tsv

__all__ = ["FISCAL_YEAR_START_MONTH", "DateAnalysis", "analyze_dates", "extract_dates",
           "extract_dates_with_warnings", "find_release_date"]

#: Japanese fiscal years (年度) start in April (government, schools and most companies).
FISCAL_YEAR_START_MONTH = 4

_WEEKDAYS = "月火水木金土日"           # ISO order: Monday = 1
_KAN = "[〇○零一二三四五六七八九十]"
_NUM2 = rf"(?:\d{{1,2}}|{_KAN}{{1,3}})"
_RANGE_CONNECTOR = re.compile(r"\s*(?:~|-|から|より)\s*")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[。、！？!?\n]")
_FILE_EXTENSIONS = "png|jpe?g|gif|bmp|svg|webp|pdf|docx?|xlsx?|pptx?|zip|csv|txt|html?|mp[34]|mov"
_NOUN_START = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z]")


# ---------------------------------------------------------------------------------------------
# Lexicons (models/*.tsv), read once
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Era:
    name: str
    abbr: str
    start: date
    end: date | None

    def year(self, number: int) -> int:
        return self.start.year + number - 1


@dataclass(frozen=True, slots=True)
class _Rel:
    """A relative word: move ``offset`` units from the reference or from the date in force."""

    unit: str          # day, week, month, year, fiscal_year, season, same_period
    offset: int
    anchor: str        # ref or context
    season: str | None = None
    edge: str | None = None     # START / END: 年初, 年末, 月末


@dataclass(frozen=True, slots=True)
class _Part:
    part: str          # half, quarter, season, tenday, edge
    value: str
    modifier: str | None


@lru_cache(maxsize=1)
def _eras() -> dict[str, _Era]:
    eras = {}
    for row in load_tsv("eras.tsv"):
        era = _Era(row["era"], row["abbr"], date.fromisoformat(row["start"]),
                   date.fromisoformat(row["end"]) if row["end"] else None)
        eras[era.name] = era
        eras[era.abbr] = era
    return eras


@lru_cache(maxsize=1)
def _relatives() -> dict[str, _Rel]:
    words = {}
    for row in load_tsv("date_relative.tsv"):
        rel = _Rel(row["unit"], int(row["offset"]), row["anchor"], row["season"] or None, row["edge"] or None)
        words[row["word"]] = rel
        if rel.unit == "year" and row["word"].endswith("年"):     # 今年 -> 今年度
            words[row["word"] + "度"] = _Rel("fiscal_year", rel.offset, rel.anchor)
    return words


@lru_cache(maxsize=1)
def _parts() -> dict[tuple[str, str], _Part]:
    return {(row["word"], row["applies"]): _Part(row["part"], row["value"], row["modifier"] or None)
            for row in load_tsv("date_parts.tsv")}


@lru_cache(maxsize=1)
def _modifier_cues() -> tuple[re.Pattern[str], dict[tuple[str, str], str]]:
    rows = load_tsv("date_modifiers.tsv")
    cues = sorted({row["cue"] for row in rows if row["applies"] != "duration_prefix"}, key=len, reverse=True)
    pattern = re.compile(r"\s?(?:" + "|".join(re.escape(c) for c in cues) + ")")
    return pattern, {(row["cue"], row["applies"]): row["modifier"] for row in rows}


@lru_cache(maxsize=1)
def _tense_cues() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    rows = load_tsv("date_tense_cues.tsv")
    table = {row["cue"]: (row["tense"], row["target"] == "1") for row in rows}
    pattern = re.compile("|".join(re.escape(c) for c in sorted(table, key=len, reverse=True)))
    return pattern, table


# ---------------------------------------------------------------------------------------------
# Patterns, compiled once on first use
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Patterns:
    point: re.Pattern[str]
    numeric: re.Pattern[str]
    time: re.Pattern[str]
    duration: re.Pattern[str]
    set: re.Pattern[str]
    epoch: re.Pattern[str]
    weekday: re.Pattern[str]
    blocked: re.Pattern[str]
    elided: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    eras = _alternation(e.name for e in _eras().values())
    rel = _relatives()
    rel_year = _alternation(w for w, r in rel.items() if r.unit in ("year", "fiscal_year", "season", "same_period"))
    rel_month = _alternation(w for w, r in rel.items() if r.unit == "month")
    rel_day = _alternation(w for w, r in rel.items() if r.unit in ("day", "week"))
    parts = _alternation(word for word, _ in _parts())
    era_number = rf"(?:元|\d{{1,2}}|{_KAN}{{1,3}})"
    weekday = rf"\s?\((?:(?P<wd>[{_WEEKDAYS}])(?:曜日?)?(?:[・･,、]?(?:祝|祭|休)日?)?|(?:祝|祭|休)日?)\)"
    first_chars = "".join(sorted({w[0] for w in rel} | {e.name[0] for e in _eras().values()}
                                 | set("第上下前後末年月") | set("〇○零一二三四五六七八九十")))
    point = rf"""
        (?=[\d{first_chars}])
        (?:
            (?P<yp>
                (?P<era>{eras})\s?(?P<eranum>{era_number})\s?年
              | (?<![\d.,])(?P<wyear>\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s?年
              | (?P<relyear>{rel_year})
            )
            (?P<altp>\s?\((?:(?P<altera>{eras})\s?(?P<alteranum>{era_number})\s?年?
                      |(?P<altwyear>\d{{4}})\s?年?)\))?
            (?P<fy>度)?
        )?
        (?(yp)\s?)
        (?P<mp>
            (?<![\d.,])(?P<month>{_NUM2})\s?月(?!間|目|ぶり|振り|連続|以内)
          | (?P<relmonth>{rel_month})
        )?
        (?P<fyend>期(?![間限待日首中生]))?
        (?(mp)\s?)
        (?P<dp>
            (?<![\d.,])(?P<day>{_NUM2})\s?日
                (?!間|目|前(?!後)|後|以内|以上|以下|未満|ぶり|振り|連続|おき|当たり|当り|あたり|分|程度|超|余|時(?!点))
          | (?P<lastday>末日)
          | (?P<relday>{rel_day})
        )?
        (?P<part>{parts})?
        (?P<weekday>{weekday})?
    """
    numeric = rf"""
        (?<![0-9A-Za-z_./\-])(?<!\d:)          # not inside a word, number, path or clock time
        (?:
            (?P<nera>[MTSHR])(?P<neyear>\d{{1,2}})(?P<nesep>[./])(?P<nemonth>\d{{1,2}})(?P=nesep)(?P<neday>\d{{1,2}})
          | (?P<nyear>\d{{4}})(?P<nsep>[/.\-])(?P<nmonth>\d{{1,2}})(?:(?P=nsep)(?P<nday>\d{{1,2}}))?
          | (?P<smonth>\d{{1,2}})/(?P<sday>\d{{1,2}})(?=\s?\((?:[{_WEEKDAYS}]|祝))
        )
        (?:T(?P<nh>\d{{2}}):(?P<nmi>\d{{2}})(?::(?P<ns>\d{{2}}))?)?
        (?P<weekday>{weekday})?
        (?![0-9A-Za-z_/]|[.\-:]\d)
    """
    time = rf"""
        (?:(?P<ampm>午前|午後|AM|PM|am|pm|a\.m\.|p\.m\.)\s?)?
        (?:
            (?<![\d.])(?<!\d:)(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?(?![\d:])
          | (?<![\d.])(?P<kh>\d{{1,2}}|{_KAN}{{1,3}})時
                (?!間|点|期|代|刻|限|給|速|差|事|効|計|系|中|流|価|局|機|的|半[期ば])
                (?:(?P<kmi>\d{{1,2}}|{_KAN}{{1,3}})分(?!間|の)|(?P<khalf>半))?
                (?:(?P<ks>\d{{1,2}})秒)?
          | (?P<noon>正午)
        )
        (?:\s?(?P<ampm2>AM|PM|am|pm|a\.m\.|p\.m\.)(?![A-Za-z]))?
    """
    months = "(?:か|ヶ|カ|ケ|ヵ|箇|个)月"
    duration_prefixes = _alternation(row["cue"] for row in load_tsv("date_modifiers.tsv")
                                     if row["applies"] == "duration_prefix")
    trailer = "(?=にわた|に亘|に渡|以内|以上|未満|超|余り|程度|ほど|前後)"
    num = rf"(?:\d+(?:\.\d+)?|{_KAN}{{1,4}}|数)"
    # bare 48分 (without 間) is a duration only in digits (十分 is "enough") and before a particle,
    # punctuation or a word of change: 5分野, 3分の1 and 1割5分 are not
    bare_minutes_end = (r"(?:[、。，．,.）)」』\s]|で|に|を|が|は|と|も|から|まで|ほど|程度|前後|以内|以上|未満"
                        r"|超|弱|強|余り|短縮|延長|早|遅|です|でした|の(?![\d０-９一二三四五六七八九十]))")
    duration = rf"""
        (?P<pre>{duration_prefixes})?
        (?<![\d.,第])
        (?:
            (?P<y>{num})年(?:(?P<ym>{num}){months})?(?:(?P<yhalf>半)|間|{trailer})
          | (?P<y2>{num})年(?P<ym2>{num}){months}間?
          | (?P<mo>{num}){months}(?P<mohalf>半)?(?:間|{trailer})?
          | (?P<w>{num})週(?:間|{trailer})
          | (?P<d>{num})日(?:間|{trailer})
          | (?P<h>{num})時間(?:(?P<hm>{num})分|(?P<hhalf>半))?(?:間)?
          | (?P<mi>{num})分(?:間|{trailer})
          | (?<![時割])(?P<mi2>\d+)分(?={bare_minutes_end})
          | (?P<s>{num})秒(?:間|{trailer})
          | (?P<halfyear>半年)間?
          | (?P<halfday>半日)
          | (?P<quartercentury>四半世紀)
          | (?P<halfcentury>半世紀)
        )
    """
    set_pattern = rf"""
        毎週(?P<sweek>[{_WEEKDAYS}]曜日?)?
      | 毎月(?:(?P<smonthday>{_NUM2})日)?
      | 毎年(?:(?P<syearmonth>{_NUM2})月(?:(?P<syearday>{_NUM2})日)?)?
      | 毎日
      | 隔(?P<salt>週|月|年)
      | (?<![\d{_KAN[1:-1]}])(?P<sper>年|月|週|日)に?(?P<scount>\d{{1,2}}|{_KAN}{{1,2}})(?:回|度)(?!目)
      | (?P<sone>1|一)日に?(?P<sdaycount>\d{{1,2}}|{_KAN}{{1,2}})(?:回|度)(?!目)
    """
    epoch = rf"""
        (?<![\d.,])(?P<decade>\d{{3}}0)年代
      | (?<![\d.,])(?P<century>\d{{1,2}}|{_KAN}{{1,3}})世紀
      | 紀元前(?P<bc>\d{{1,4}})年
    """
    weekday_alone = rf"(?<![毎\d])(?P<wd>[{_WEEKDAYS}])曜日?"
    elided = r"""
        (?<![\d.,:])(?P<a>\d{1,4})\s?[~\-]\s?(?P<b>\d{1,4})\s?
        (?P<unit>年度|年(?!間|ぶり|連続|目)|月期|月(?!間|目)|日(?!間|目|程度|以内|前|後|分))
    """
    not_dates = load_tsv("date_not_dates.tsv")
    phrases = _alternation(r["word"] for r in not_dates if r["position"] == "phrase")
    before = _alternation(r["word"] for r in not_dates if r["position"] == "before_number")
    after = _alternation(r["word"] for r in not_dates if r["position"] == "after_number")
    unit = rf"(?:年度?|{months}|週間?|日|時間)?"
    blocked = rf"""
        https?://[!-~]+ | www\.[!-~]+
      | (?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{{2,}}
      | (?<![A-Za-z0-9_\-])[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\.(?:{_FILE_EXTENSIONS})(?![A-Za-z0-9])
      | (?<!\d)\(?0\d{{1,4}}\)?[\-\s]?\d{{1,4}}-\d{{3,4}}(?!\d)
      | 〒\s?\d{{3}}-?\d{{4}}
      | (?<![A-Za-z])[Vv]er(?:sion)?\.?\s?\d+(?:\.\d+)*
      | {phrases}
      | (?:{before})\s?(?<![\d.,])(?:\d{{1,3}}|{_KAN}{{1,4}}){unit}(?:間|目)?
      | (?<![\d.,])(?:\d+|{_KAN}{{1,4}}){unit}(?:{after})(?![標指途処的])
    """
    flags = re.VERBOSE
    return _Patterns(
        point=re.compile(point, flags), numeric=re.compile(numeric, flags),
        time=re.compile(time, flags), duration=re.compile(duration, flags),
        set=re.compile(set_pattern, flags), epoch=re.compile(epoch, flags),
        weekday=re.compile(weekday_alone), blocked=re.compile(blocked, flags),
        elided=re.compile(elided, flags),
    )


# ---------------------------------------------------------------------------------------------
# What taggers find: points (calendar dates, times), durations, sets, blocked spans
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Point:
    """A calendar point as written; relative and missing fields are filled when values are built."""

    year: int | None = None            # written (Gregorian; an era year converted)
    era: str | None = None
    rel_year: _Rel | None = None       # 今年, 翌年, 来春, 今年度 …
    fiscal: bool = False
    month: int | None = None
    rel_month: _Rel | None = None
    day: int | None = None
    last_day: bool = False             # 末日
    rel_day: _Rel | None = None        # 本日, 同日, 今週 …
    part: _Part | None = None          # 上期, 第2四半期, 春, 上旬, 末 …
    fy_end: bool = False               # 2025年3月期
    same_period: bool = False          # 前年同期
    weekday: int | None = None         # 1 = Monday
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    decade: int | None = None          # 199 for 1990年代
    century: int | None = None
    bc_year: int | None = None
    warning: str | None = None

    @property
    def has_date(self) -> bool:
        return any(v is not None for v in (
            self.year, self.rel_year, self.month, self.rel_month, self.day, self.rel_day, self.part,
            self.decade, self.century, self.bc_year, self.weekday)) or \
            self.same_period or self.last_day or self.fiscal

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def has_day(self) -> bool:
        return self.day is not None or self.last_day or (self.rel_day is not None and self.rel_day.unit == "day")


_KIND_RANK = {"block": 0, "point": 1, "range": 1, "duration": 2, "set": 3}


@dataclass(slots=True)
class _Hit:
    start: int                         # offsets into the folded text
    end: int
    kind: str                          # block, point, duration, set, range
    point: _Point | None = None
    end_point: _Point | None = None    # for ranges
    value: str | None = None           # durations and sets carry their value from the tagger
    frequency: str | None = None
    modifier: str | None = None
    elided: bool = False               # a range whose ends share one written unit (4～6月)


def _num(written: str | None) -> int | None:
    return None if written is None else parse_kanji_number(written)


def _weekday_of(match: re.Match[str]) -> int | None:
    wd = match.group("wd")
    return _WEEKDAYS.index(wd) + 1 if wd else None


def _tag_points(text: str) -> Iterator[_Hit]:
    """Calendar points written with 年/月/日, eras, relative words and period words."""
    for m in _patterns().point.finditer(text):
        if m.end() > m.start():
            hit = _point_from_match(m)
            if hit is not None:
                yield hit


def _point_from_match(m: re.Match[str]) -> _Hit | None:
    """Read one calendar match; drop the trailing components that do not fit what precedes them."""
    fields: dict[str, object] = {}
    end = m.start()
    warning = None
    if m.group("yp"):
        if m.group("era"):
            era = _eras()[m.group("era")]
            number = _era_number(m.group("eranum"))
            if not number:
                return None
            fields.update(year=era.year(number), era=era.name)
        elif m.group("wyear"):
            year = _num(m.group("wyear"))
            if year is None or not 1000 <= year <= 2999:
                return None
            fields["year"] = year
        else:
            rel = _relatives()[m.group("relyear")]
            fields.update(rel_year=rel, fiscal=rel.unit == "fiscal_year", same_period=rel.unit == "same_period")
        end = m.end("yp")
        if m.group("altp"):
            alt = (_num(m.group("altwyear")) if m.group("altwyear") else
                   _eras()[m.group("altera")].year(_era_number(m.group("alteranum")) or 0))
            if fields.get("year") is not None and alt != fields["year"]:
                warning = f"the two years written together disagree: {m.group(0).strip()}"
            end = m.end("altp")
        if m.group("fy"):
            if m.group("relyear"):                           # 今年度: the lexicon has the fiscal word
                fields["rel_year"] = _relatives().get(m.group("relyear") + "度", fields["rel_year"])
            fields["fiscal"] = True
            end = m.end("fy")
    has_year = bool(fields)

    if m.group("month"):
        month = _num(m.group("month"))
        if month is None or not 1 <= month <= 12:
            return _shortened(m, fields, end, warning)
        fields["month"] = month
        end = m.end("mp")
    elif m.group("relmonth"):
        if has_year:
            return _shortened(m, fields, end, warning)
        fields["rel_month"] = _relatives()[m.group("relmonth")]
        end = m.end("mp")
    has_month = "month" in fields or "rel_month" in fields

    if m.group("fyend"):
        if "month" not in fields or m.group("dp"):
            return _shortened(m, fields, end, warning)
        fields["fy_end"] = True
        return _hit(m.start(), m.end("fyend"), fields, warning)
    if m.group("day"):
        day = _num(m.group("day"))
        lone_kanji = not has_month and not has_year and not m.group("day").isdigit()
        if day is None or not 1 <= day <= 31 or (lone_kanji and len(m.group("day")) < 2):
            return _shortened(m, fields, end, warning)
        fields["day"] = day
        end = m.end("dp")
    elif m.group("lastday"):
        if not has_month:
            return _shortened(m, fields, end, warning)
        fields["last_day"] = True
        end = m.end("dp")
    elif m.group("relday"):
        if has_year or has_month:
            return _shortened(m, fields, end, warning)
        fields["rel_day"] = _relatives()[m.group("relday")]
        end = m.end("dp")
    has_day = "day" in fields or "last_day" in fields or "rel_day" in fields

    if m.group("part"):
        if has_day:
            return _shortened(m, fields, end, warning)
        word = m.group("part")
        part = (_parts().get((word, "month")) if has_month else
                _parts().get((word, "year")) or _parts().get((word, "any")) if has_year else
                _parts().get((word, "any")))
        if part is None or (fields.get("fiscal") and part.part in ("season",)):
            return _shortened(m, fields, end, warning)
        fields["part"] = part
        end = m.end("part")
    if m.group("weekday") and has_day and end == m.start("weekday"):
        fields["weekday"] = _weekday_of(m)
        end = m.end("weekday")
    return _hit(m.start(), end, fields, warning)


def _era_number(written: str) -> int | None:
    return 1 if written == "元" else _num(written)


def _shortened(m: re.Match[str], fields: dict[str, object], end: int, warning: str | None) -> _Hit | None:
    """What is left of a match once a component that does not fit is dropped."""
    return _hit(m.start(), end, fields, warning) if end > m.start() and fields else None


def _hit(start: int, end: int, fields: dict[str, object], warning: str | None = None) -> _Hit | None:
    point = _Point(warning=warning, **fields)  # type: ignore[arg-type]
    return _Hit(start, end, "point", point) if point.has_date else None


def _tag_numeric(text: str) -> Iterator[_Hit]:
    """Dates written with separators: 2020/9/18, 2020.9.18, 2020-09-18, 2016-05, R2.9.18, 9/18(金)."""
    for m in _patterns().numeric.finditer(text):
        fields: dict[str, object] = {}
        if m.group("nera"):
            era = _eras()[m.group("nera")]
            fields.update(year=era.year(int(m.group("neyear"))), era=era.name,
                          month=int(m.group("nemonth")), day=int(m.group("neday")))
        elif m.group("nyear"):
            year, month = int(m.group("nyear")), m.group("nmonth")
            if not 1800 <= year <= 2199:
                continue
            if m.group("nday") is None and m.group("nsep") in ".-" and len(month) != 2:
                continue
            fields.update(year=year, month=int(month))
            if m.group("nday"):
                fields["day"] = int(m.group("nday"))
        else:
            fields.update(month=int(m.group("smonth")), day=int(m.group("sday")))
        if not 1 <= int(fields["month"]) <= 12 or not 1 <= int(fields.get("day", 1)) <= 31:  # type: ignore[call-overload]
            continue
        if m.group("nh"):
            fields.update(hour=int(m.group("nh")), minute=int(m.group("nmi")),
                          second=int(m.group("ns")) if m.group("ns") else None)
        end = m.end()
        if m.group("weekday"):
            fields["weekday"] = _weekday_of(m)
        yield _Hit(m.start(), end, "point", _Point(**fields))  # type: ignore[arg-type]


def _tag_times(text: str) -> Iterator[_Hit]:
    """Clock times: 14:30, 14時30分, 午後2時, 10時半, 正午."""
    for m in _patterns().time.finditer(text):
        if m.group("noon"):
            hour, minute, second = 12, 0, None
        elif m.group("h"):
            hour, minute = int(m.group("h")), int(m.group("mi"))
            second = int(m.group("s")) if m.group("s") else None
        else:
            kanji_hour = not m.group("kh").isdigit()
            if kanji_hour and not (m.group("ampm") or m.group("ampm2")):
                continue                                   # 一時的, 同時: kanji hours need 午前/午後
            hour = _num(m.group("kh"))
            minute = 30 if m.group("khalf") else (_num(m.group("kmi")) if m.group("kmi") else 0)
            second = int(m.group("ks")) if m.group("ks") else None
        if hour is None or minute is None or hour > 30 or minute > 59 or (second or 0) > 59:
            continue
        marker = (m.group("ampm") or m.group("ampm2") or "").lower()
        if marker in ("午後", "pm", "p.m.") and hour < 12:
            hour += 12
        elif marker in ("午前", "am", "a.m.") and hour == 12:
            hour = 0
        yield _Hit(m.start(), m.end(), "point", _Point(hour=hour, minute=minute, second=second))


def _number_text(written: str) -> str | None:
    """A duration amount as written in a value: 5, 1.5, X (数)."""
    if written == "数":
        return "X"
    value = parse_number(written)
    if value is None:
        return None
    return str(value)


def _half_more(amount: str) -> str:
    return "X" if amount == "X" else _trim(float(amount) + 0.5)


def _trim(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _tag_durations(text: str) -> Iterator[_Hit]:
    """Lengths of time: 5年間, 今後5年間, 30年(に亘って), 3か月, 2週間, 10日間, 1時間30分, 半年, 1年半."""
    for m in _patterns().duration.finditer(text):
        value = _duration_value(m)
        if value is None:
            continue
        prefix = m.group("pre")
        modifier = _modifier_cues()[1].get((prefix, "duration_prefix")) or None if prefix else None
        yield _Hit(m.start(), m.end(), "duration", value=value, modifier=modifier)


def _duration_value(m: re.Match[str]) -> str | None:
    g = m.group
    if g("y") or g("y2"):
        years = _number_text(g("y") or g("y2"))
        months = _number_text(g("ym") or g("ym2")) if (g("ym") or g("ym2")) else None
        if years is None or (years != "X" and float(years) >= 1000):
            return None                                  # 2020年 is a year, not 2020 years
        if g("yhalf"):
            return f"P{_half_more(years)}Y"
        return f"P{years}Y{months}M" if months else f"P{years}Y"
    if g("mo"):
        months = _number_text(g("mo"))
        return None if months is None else f"P{_half_more(months) if g('mohalf') else months}M"
    for group, unit in (("w", "W"), ("d", "D")):
        if g(group):
            amount = _number_text(g(group))
            return None if amount is None else f"P{amount}{unit}"
    if g("h"):
        hours = _number_text(g("h"))
        if hours is None:
            return None
        minutes = "30" if g("hhalf") else _number_text(g("hm")) if g("hm") else None
        return f"PT{hours}H{minutes}M" if minutes else f"PT{hours}H"
    for group, unit in (("mi", "M"), ("mi2", "M"), ("s", "S")):
        if g(group):
            amount = _number_text(g(group))
            return None if amount is None else f"PT{amount}{unit}"
    fixed = {"halfyear": "P6M", "halfday": "P0.5D", "quartercentury": "P25Y", "halfcentury": "P50Y"}
    return next((value for group, value in fixed.items() if g(group)), None)


_SET_PERIODS = {"年": "P1Y", "月": "P1M", "週": "P1W", "日": "P1D"}


def _tag_sets(text: str) -> Iterator[_Hit]:
    """Recurring times: 毎週, 毎月15日, 毎年4月, 毎日, 隔週, 年2回, 週に3回, 1日2回."""
    for m in _patterns().set.finditer(text):
        g = m.group
        word = g(0)
        value, frequency = None, "1"
        if word.startswith("毎週"):
            value = f"XXXX-WXX-{_WEEKDAYS.index(g('sweek')[0]) + 1}" if g("sweek") else "P1W"
        elif word.startswith("毎月"):
            day = _num(g("smonthday"))
            value = f"XXXX-XX-{day:02d}" if day and day <= 31 else "P1M" if not g("smonthday") else None
        elif word.startswith("毎年"):
            month, day = _num(g("syearmonth")), _num(g("syearday"))
            if g("syearmonth") and not (month and month <= 12):
                continue
            value = "P1Y" if not month else f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        elif word == "毎日":
            value = "P1D"
        elif g("salt"):
            value = "P2" + _SET_PERIODS[g("salt")][-1]
        elif g("sper"):
            value, frequency = _SET_PERIODS[g("sper")], str(_num(g("scount")))
        elif g("sdaycount"):
            value, frequency = "P1D", str(_num(g("sdaycount")))
        if value is not None and frequency != "None":
            yield _Hit(m.start(), m.end(), "set", value=value, frequency=frequency)


def _tag_epochs(text: str) -> Iterator[_Hit]:
    """Decades, centuries and years before the common era: 1990年代, 21世紀, 紀元前660年."""
    for m in _patterns().epoch.finditer(text):
        if m.group("decade"):
            point = _Point(decade=int(m.group("decade")) // 10)
        elif m.group("century"):
            century = _num(m.group("century"))
            if not century or century > 30:
                continue
            point = _Point(century=century)
        else:
            point = _Point(bc_year=int(m.group("bc")))
        yield _Hit(m.start(), m.end(), "point", point)


def _tag_weekdays(text: str) -> Iterator[_Hit]:
    """A weekday named on its own: 月曜日 -> XXXX-WXX-1."""
    for m in _patterns().weekday.finditer(text):
        yield _Hit(m.start(), m.end(), "point", _Point(weekday=_weekday_of(m)))


def _tag_elided_ranges(text: str) -> Iterator[_Hit]:
    """Ranges that write the unit once: 4～6月, 2021～2025年度, (11月)6～8日, 10～12月期."""
    for m in _patterns().elided.finditer(text):
        a, b, unit = int(m.group("a")), int(m.group("b")), m.group("unit")
        if unit.startswith("年"):
            if not (1000 <= a <= 2999 and 1000 <= b <= 2999 and a < b):
                continue
            fiscal = unit == "年度"
            ends = _Point(year=a, fiscal=fiscal), _Point(year=b, fiscal=fiscal)
        elif unit.startswith("月"):
            if not (1 <= a <= 12 and 1 <= b <= 12):
                continue
            ends = _Point(month=a), _Point(month=b, fy_end=unit == "月期")
        else:
            if not (1 <= a < b <= 31):
                continue
            ends = _Point(day=a), _Point(day=b)
        yield _Hit(m.start(), m.end(), "range", ends[0], ends[1], elided=True)


def _tag_blocked(text: str) -> Iterator[_Hit]:
    """Spans that only look like dates: URLs, file names, phone numbers, anniversaries, ages …"""
    for m in _patterns().blocked.finditer(text):
        yield _Hit(m.start(), m.end(), "block")


_TAGGERS = (_tag_blocked, _tag_points, _tag_numeric, _tag_times, _tag_durations, _tag_sets,
            _tag_epochs, _tag_weekdays, _tag_elided_ranges)


# ---------------------------------------------------------------------------------------------
# One overlap rule, then points joined into datetimes and ranges, then modifiers
# ---------------------------------------------------------------------------------------------

def _resolve_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits: earliest start first, then the longest, then by kind
    (block, point, duration, set). Blocked spans win their ground and are dropped afterwards."""
    kept: list[_Hit] = []
    last_end = -1
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), _KIND_RANK[h.kind])):
        if hit.start >= last_end:
            kept.append(hit)
            last_end = hit.end
    return [h for h in kept if h.kind != "block"]


def _is_time(hit: _Hit) -> bool:
    return hit.kind == "point" and hit.point is not None and hit.point.has_time and not hit.point.has_date


def _join_time_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Two clock times joined by a range mark are one time range (9:00～17:00), before any date
    claims the first of them: 11月6日～8日 10:00～17:00 is a range of days and a range of hours."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and _is_time(prev) and _is_time(hit)
                and _RANGE_CONNECTOR.fullmatch(text[prev.end:hit.start])):
            end = hit.point
            # 午後2時～3時: the end written without its 午後 shares the start's
            if prev.point.hour >= 12 and 0 < end.hour < 12 and end.hour + 12 > prev.point.hour \
                    and not re.search(r"午前|[AaPp]\.?[Mm]", text[hit.start:hit.end]):
                end = replace(end, hour=end.hour + 12)
            out[-1] = _Hit(prev.start, hit.end, "range", prev.point, end)
        else:
            out.append(hit)
    return out


def _join_datetimes(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A single date followed by a clock time or a range of hours (spaces or nothing between) is
    one datetime, or one range within that day (2024年11月6日 10:00～17:00). A range of days
    followed by hours stays two mentions: the hours hold on each day."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        time_range = hit.kind == "range" and hit.point is not None and not hit.point.has_date
        if (prev is not None and prev.kind == "point" and prev.point is not None and hit.point is not None
                and prev.point.has_day and not prev.point.has_time and (_is_time(hit) or time_range)
                and text[prev.end:hit.start].strip(" \t") == "" and hit.start - prev.end <= 2):
            start = replace(prev.point, hour=hit.point.hour, minute=hit.point.minute, second=hit.point.second)
            if time_range and hit.end_point is not None:
                out[-1] = _Hit(prev.start, hit.end, "range", start, hit.end_point)
            else:
                out[-1] = _Hit(prev.start, hit.end, "point", start)
        else:
            out.append(hit)
    return out


def _join_elided_prefixes(hits: list[_Hit]) -> list[_Hit]:
    """A point written right before an elided range gives both ends its coarser fields:
    2024年 + 4～6月, 11月 + 6～8日."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "point" and prev.point is not None and hit.elided
                and prev.end == hit.start and hit.point is not None and hit.end_point is not None
                and _coarser_prefix(prev.point, hit.point)):
            fields = {"year": prev.point.year, "era": prev.point.era, "rel_year": prev.point.rel_year,
                      "fiscal": prev.point.fiscal, "month": prev.point.month, "rel_month": prev.point.rel_month}
            # the end inherits from the start when values are built (and rolls over: 2024年12～1月)
            start = replace(hit.point, **{k: v for k, v in fields.items() if getattr(hit.point, k) in (None, False)})
            out[-1] = _Hit(prev.start, hit.end, "range", start, hit.end_point)
        else:
            out.append(hit)
    return out


def _coarser_prefix(prefix: _Point, first: _Point) -> bool:
    """Whether ``prefix`` is just the coarser part of ``first``: a year before months, a month before days."""
    if prefix.has_time or prefix.has_day or prefix.part or prefix.weekday or prefix.same_period:
        return False
    has_year = prefix.year is not None or prefix.rel_year is not None
    has_month = prefix.month is not None or prefix.rel_month is not None
    if first.month is not None:
        return has_year and not has_month and not prefix.fiscal
    if first.day is not None:
        return has_month
    return False


def _join_ranges(text: str, hits: list[_Hit], *, dates_only: bool = False) -> list[_Hit]:
    """Two points joined by ～ 〜 ~ － - から より are one range (11月6日～8日, 11月6日10:00～8日17:00).
    With ``dates_only``, only points without a clock time are joined (the pass before times join dates)."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "point" and hit.kind == "point" and prev.point and hit.point
                and not (dates_only and (prev.point.has_time or hit.point.has_time))
                and _RANGE_CONNECTOR.fullmatch(text[prev.end:hit.start])
                and _compatible_endpoints(prev.point, hit.point)):
            out[-1] = _Hit(prev.start, hit.end, "range", prev.point, hit.point)
        else:
            out.append(hit)
    return out


def _compatible_endpoints(a: _Point, b: _Point) -> bool:
    """Whether two points can be the ends of one range: both clock times, or dates of which the
    second is no coarser than the first is known to be (11月6日～8日, but not 9月～2025年度)."""
    if a.has_time and not a.has_date:
        return b.has_time and not b.has_date
    if not a.has_date or not b.has_date:
        return a.has_date and b.has_time and not b.has_date
    if (a.weekday and not a.has_day) or (b.weekday and not b.has_day):
        return False
    if a.fiscal != b.fiscal or a.decade or b.decade or a.century or b.century:
        return False
    if b.day is not None and b.month is None and b.rel_month is None:
        return a.month is not None or a.rel_month is not None
    return True


def _attach_modifiers(text: str, hits: list[_Hit]) -> None:
    """Read the cue right after each mention (頃, 以降, まで, 以内 …) into its modifier."""
    pattern, table = _modifier_cues()
    for hit in hits:
        if hit.kind == "range" and text.startswith(("まで", "迄"), hit.end):
            continue                              # …から…まで closes the range: no modifier
        m = pattern.match(text, hit.end)
        if m is None:
            continue
        applies = "duration" if hit.kind == "duration" else "point"
        modifier = table.get((m.group().strip(), applies))
        if modifier and hit.modifier is None and not (hit.point and hit.point.part and hit.point.part.modifier):
            hit.modifier = modifier


# ---------------------------------------------------------------------------------------------
# Values: the reference, the document's context, and the resolution of every point
# ---------------------------------------------------------------------------------------------

def _fiscal_year(day: date) -> int:
    return day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


@dataclass(slots=True)
class _Context:
    """What values are built against: the reference, and the dates in force as the text goes on."""

    reference: date | None
    document_year: int | None = None             # the latest past year, used when no reference
    year: int | None = None                      # the year in force (同年)
    month: tuple[int | None, int] | None = None  # the month in force (同月, 18日)
    month_of_day: bool = False                   # …set by a date with a day
    month_for_day: bool = False                  # a bare 18日 may read it: set by a day, or by a month
                                                 # alone in the same sentence (9月に締結し、18日に)
    day: date | None = None                      # the day in force (同日, 翌日)
    partial_day: tuple[int | None, int | None, int] | None = None   # …when its year or month is unknown
    period: tuple[int, str] | None = None        # the period in force for 前年同期: (year, "-Q2")
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A point with its year, month and day filled as far as the context allows."""

    year: int | None
    month: int | None
    day: int | None
    inferred: bool
    week: int | None = None                      # ISO week (今週), None when unknown
    suffix: str = ""                             # -FY, -Q2, -H1, -SP, -FY-Q1


def _tense_after(text: str, end: int) -> tuple[str | None, bool]:
    """The tense of the first predicate after ``end`` in its sentence, and whether a target cue
    (まで, 予定, 目標 …) stands in the clause right after it."""
    pattern, table = _tense_cues()
    stop = _SENTENCE_END.search(text, end)
    sentence_end = stop.start() if stop else len(text)
    clause = _CLAUSE_END.search(text, end)
    clause_end = clause.start() if clause else len(text)
    tense = None
    target = False
    for m in pattern.finditer(text, end, sentence_end):
        cue_tense, cue_target = table[m.group()]
        if m.group().endswith("する") and _NOUN_START.match(text, m.end()):
            continue                                  # 開発する技術: describes the noun
        if cue_target and m.start() < clause_end:
            target = True
        if cue_tense != "none" and tense is None:
            tense = cue_tense
        if tense is not None and (target or m.start() >= clause_end):
            break
    return tense, target


def _pick_year(month: int, day: int | None, anchor: date, tense: str | None, weekday: int | None) -> int:
    """The year for a month (and day) written without one: the nearest to the anchor that fits
    the tense (a past report lies before the reference, a plan after it) and the weekday."""
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    if weekday and day:
        fitting = [y for y in candidates if _valid(y, month, day) and date(y, month, day).isoweekday() == weekday]
        if len(fitting) == 1:
            return fitting[0]
    anchor_key = (anchor.year, anchor.month, anchor.day if day else 0)
    keys = {y: (y, month, day or 0) for y in candidates}
    if tense == "past":
        before = [y for y in candidates if keys[y] <= anchor_key]
        if before:
            return max(before)
    elif tense == "future":
        after = [y for y in candidates if keys[y] >= anchor_key]
        if after:
            return min(after)
    distance = {y: abs((y * 12 + month) - (anchor.year * 12 + anchor.month)) for y in candidates}
    return min(candidates, key=lambda y: (distance[y], y != anchor.year))


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _resolve(point: _Point, ctx: _Context, tense: str | None) -> _Resolved:
    """Fill the year, month and day of ``point`` from what it says, the context and the reference."""
    ref = ctx.reference
    if point.rel_day is not None:
        return _resolve_relative_day(point.rel_day, ctx)
    year, inferred = point.year, False
    suffix = ""
    if point.rel_year is not None:
        year = _relative_year(point.rel_year, point.fiscal, ctx)
        inferred = year is not None
    month = point.month
    if point.rel_month is not None:
        base = ctx.month if point.rel_month.anchor == "context" and ctx.month else (
            (ref.year, ref.month) if ref else None)
        if base is not None and base[0] is not None:
            year, month = _add_months(base[0], base[1], point.rel_month.offset)
            inferred = True
        elif base is not None and point.rel_month.offset == 0:
            month = base[1]
    day = point.day
    if point.same_period:
        if ctx.period is not None:
            return _Resolved(ctx.period[0] - 1, None, None, True, suffix=ctx.period[1])
        base_year = ctx.year if ctx.year is not None else ref.year if ref else None
        return _Resolved(None if base_year is None else base_year - 1, None, None, base_year is not None)
    if year is None and point.rel_year is None and point.rel_month is None:
        if month is not None:
            year = _infer_year(month, day, point.weekday, ctx, tense)
            inferred = year is not None
        elif day is not None and ctx.month is not None and ctx.month_for_day:
            year, month = ctx.month
            inferred = year is not None
        elif day is not None and ref is not None:
            pick = _pick_year_month(day, ref, tense, point.weekday)
            year, month, inferred = pick[0], pick[1], True
        elif point.part is not None and point.part.part in ("half", "quarter"):
            year = ctx.year if ctx.year is not None else ref.year if ref else ctx.document_year
            inferred = year is not None
    if point.last_day and month is not None:
        day = calendar.monthrange(year, month)[1] if year is not None else None
    if point.fiscal:
        suffix = "-FY"
    if point.rel_year is not None and point.rel_year.season:
        suffix += f"-{point.rel_year.season}"
    if point.part is not None and point.part.part in ("half", "quarter", "season"):
        suffix += f"-{point.part.value}"
    return _Resolved(year, month, day, inferred, suffix=suffix)


def _relative_year(rel: _Rel, fiscal: bool, ctx: _Context) -> int | None:
    ref = ctx.reference
    if rel.anchor == "context" and ctx.year is not None:
        return ctx.year + rel.offset
    if ref is None:
        return None
    base = _fiscal_year(ref) if fiscal or rel.unit == "fiscal_year" else ref.year
    return base + rel.offset


def _infer_year(month: int, day: int | None, weekday: int | None, ctx: _Context, tense: str | None) -> int | None:
    if ctx.reference is not None:
        return _pick_year(month, day, ctx.reference, tense, weekday)
    return ctx.document_year


def _pick_year_month(day: int, ref: date, tense: str | None, weekday: int | None) -> tuple[int, int]:
    """The month for a day written alone when no month is in force: the nearest fitting the tense."""
    options = [_add_months(ref.year, ref.month, offset) for offset in (-1, 0, 1)]
    options = [(y, m) for y, m in options if _valid(y, m, day)]
    if weekday:
        fitting = [(y, m) for y, m in options if date(y, m, day).isoweekday() == weekday]
        if len(fitting) == 1:
            return fitting[0]
    if tense == "past":
        before = [o for o in options if date(o[0], o[1], day) <= ref]
        if before:
            return max(before)
    elif tense == "future":
        after = [o for o in options if date(o[0], o[1], day) >= ref]
        if after:
            return min(after)
    return (ref.year, ref.month) if (ref.year, ref.month) in options else options[0]


def _resolve_relative_day(rel: _Rel, ctx: _Context) -> _Resolved:
    if rel.anchor == "context" and ctx.partial_day is not None and rel.offset == 0 and rel.unit == "day":
        year, month, day = ctx.partial_day                # 12日、… 同日: the same (partly known) day
        return _Resolved(year, month, day, year is not None)
    anchor = ctx.day if rel.anchor == "context" and ctx.day is not None else ctx.reference
    if rel.unit == "week":
        if anchor is None:
            return _Resolved(None, None, None, False)
        year, week, _ = (anchor + timedelta(weeks=rel.offset)).isocalendar()
        return _Resolved(year, None, None, True, week=week)
    if anchor is None:
        return _Resolved(None, None, None, False)
    day = anchor + timedelta(days=rel.offset)
    return _Resolved(day.year, day.month, day.day, True)


def _format(res: _Resolved, point: _Point, *, end: bool = False) -> str:
    """The TIMEX3 value of a resolved point (``end`` picks the last day of a 旬 range)."""
    if point.decade is not None:
        return f"{point.decade:03d}X"
    if point.century is not None:
        return f"{point.century - 1:02d}XX"
    if point.bc_year is not None:
        return f"BC{point.bc_year:04d}"
    year = "XXXX" if res.year is None else f"{res.year:04d}"
    month = "XX" if not res.month else f"{res.month:02d}"
    if point.rel_day is not None and point.rel_day.unit == "week":
        value = "XXXX-WXX" if res.week is None else f"{year}-W{res.week:02d}"
    elif point.weekday and not point.has_day:
        value = f"XXXX-WXX-{point.weekday}"
    elif point.part is not None and point.part.part == "tenday":
        first, last = point.part.value.split("-")
        day = (_month_end(res.year, res.month) if last == "end" else f"{int(last):02d}") if end else f"{int(first):02d}"
        value = f"{year}-{month}-{day}"
    elif res.day is not None or point.has_day:
        value = f"{year}-{month}-{'XX' if res.day is None else f'{res.day:02d}'}"
    elif res.month is not None or point.month is not None or point.rel_month is not None:
        value = f"{year}-{month}"
    else:
        value = year + res.suffix
    if point.has_time:
        clock = f"T{point.hour:02d}:{point.minute:02d}" + (f":{point.second:02d}" if point.second is not None else "")
        value = clock if not point.has_date else value + clock
    return value


def _month_end(year: int | None, month: int | None) -> str:
    """The last day of a month by the calendar; XX when it depends on an unknown year (February)."""
    if month is None or (year is None and month == 2):
        return "XX"
    return f"{calendar.monthrange(year or 2001, month)[1]:02d}"


def _point_kind(point: _Point) -> str:
    if point.part is not None and point.part.part == "tenday":
        return "range"
    if point.has_time:
        return "datetime" if point.has_date else "time"
    return "date"


def _inherit(a: _Point, a_res: _Resolved, b: _Point) -> tuple[_Context, _Point]:
    """The context in which a range's second end is read: the first end's date is in force."""
    start = date(a_res.year, a_res.month, a_res.day) if (a_res.year and a_res.month and a_res.day
                                                         and _valid(a_res.year, a_res.month, a_res.day)) else None
    ctx = _Context(reference=None, document_year=a_res.year,
                   year=a_res.year, month=(a_res.year, a_res.month) if a_res.month else None, day=start,
                   month_of_day=a_res.day is not None, month_for_day=True)
    if b.has_time and not b.has_date and a.has_date:        # 11月6日 10:00～17:00
        b = replace(a, hour=b.hour, minute=b.minute, second=b.second, weekday=a.weekday)
    return ctx, b


def _update_context(ctx: _Context, res: _Resolved, point: _Point) -> None:
    if point.decade is not None or point.century is not None or point.bc_year is not None:
        return
    if res.year is not None:
        ctx.year = res.year
    if point.fy_end:
        return          # 2025年12月期 names a fiscal year, not a month the next 16日 falls in
    if res.month:
        ctx.month, ctx.month_of_day, ctx.month_for_day = (res.year, res.month), res.day is not None, True
    if res.year and res.month and res.day and _valid(res.year, res.month, res.day):
        ctx.day, ctx.partial_day = date(res.year, res.month, res.day), None
    elif res.day:
        ctx.day, ctx.partial_day = None, (res.year, res.month, res.day)
    if res.year is not None and res.suffix:
        ctx.period = (res.year, res.suffix)


def _check(point: _Point, res: _Resolved, raw: str, warnings: list[str]) -> bool:
    """Warn about a weekday that does not match, an impossible day, or an era year out of its era.
    Returns False when the date cannot exist (its value is then None)."""
    if point.warning:
        warnings.append(point.warning)
    if res.year and res.month and res.day:
        if not _valid(res.year, res.month, res.day):
            warnings.append(f"no such date: {raw} ({res.year}-{res.month:02d}-{res.day:02d})")
            return False
        the_day = date(res.year, res.month, res.day)
        if point.weekday and the_day.isoweekday() != point.weekday:
            warnings.append(f"weekday does not match the date: {raw} is a "
                            f"{_WEEKDAYS[the_day.isoweekday() - 1]}曜日 ({the_day.isoformat()})")
        if point.era:
            era = _eras()[point.era]
            if the_day < era.start or (era.end is not None and the_day > era.end):
                warnings.append(f"date outside the era {era.name}: {raw} ({the_day.isoformat()})")
    elif point.era and res.year is not None:
        era = _eras()[point.era]
        if era.end is not None and res.year > era.end.year:
            warnings.append(f"year outside the era {era.name}: {raw} ({res.year})")
    return True


# ---------------------------------------------------------------------------------------------
# The release date (dateline) and the document's own year
# ---------------------------------------------------------------------------------------------

_LABEL_BEFORE = re.compile(r"(?:^|[\s:|(\[【/])$|(?:発表|公開|掲載|配信|更新|発行|リリース)日時?\s?:?\s?$")
_AFTER_DATELINE = re.compile(r"(?:\s*$|\s|[|)\]】/])")
_NOTE_AFTER = re.compile(r"(?:発表|付|公開|配信|掲載)\s?\)")
_BODY_CUES = re.compile(r"[。、]|ました|します|です")
_TOP_LINES = 10
_TITLE_WINDOW = 30
_TITLE_MIN_CHARS = 8


def _full_written_date(hit: _Hit) -> bool:
    p = hit.point
    return (hit.kind == "point" and p is not None and p.year is not None and p.month is not None
            and p.day is not None and _valid(p.year, p.month, p.day))


def _find_dateline(text: str, hits: list[_Hit]) -> _Hit | None:
    """The release date among ``hits`` (see :func:`find_release_date`)."""
    lines = _non_empty_lines(text)
    if not lines:
        return None
    top_end = lines[min(_TOP_LINES, len(lines)) - 1][1]
    notes: list[_Hit] = []
    after_title: list[_Hit] = []
    for hit in hits:
        if not _full_written_date(hit):
            continue
        line_start = text.rfind("\n", 0, hit.start) + 1
        line_end = text.find("\n", hit.end)
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:hit.start], text[hit.end:line_end]
        if before.rstrip().endswith("(") and _NOTE_AFTER.match(after.lstrip()):
            notes.append(hit)
            continue
        if not _LABEL_BEFORE.search(before) or not _AFTER_DATELINE.match(after) or _BODY_CUES.search(after):
            continue
        if hit.start <= top_end:
            return hit
        if not before.strip() and not after.strip() and _after_title(text, lines, line_start):
            after_title.append(hit)
    return (notes or after_title or [None])[0]


def _non_empty_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _after_title(text: str, lines: list[tuple[int, int]], line_start: int) -> bool:
    """Whether the line at ``line_start`` lies in the title window right after a title-like line
    (a heading of some length that is not a sentence)."""
    for index, (start, _end) in enumerate(lines[:_TITLE_WINDOW]):
        if start == line_start and index > 0:
            previous = text[lines[index - 1][0]:lines[index - 1][1]].strip()
            return len(previous) >= _TITLE_MIN_CHARS and not previous.endswith(("。", ".", "、"))
    return False


def _document_year(text: str, hits: list[_Hit]) -> int | None:
    """The latest written year the text reports as past (not a target: まで, 予定, 目標 …)."""
    years = []
    for hit in hits:
        if hit.kind != "point" or hit.point is None or hit.point.year is None:
            continue
        _tense, target = _tense_after(text, hit.end)
        if not target and hit.modifier not in ("AFTER", "BEFORE"):
            years.append(hit.point.year)
    return max(years) if years else None


# ---------------------------------------------------------------------------------------------
# The public API
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DateAnalysis:
    """Everything the date extractor found in one text."""

    mentions: tuple[DateMention, ...]
    warnings: tuple[str, ...]
    #: the dateline as :func:`find_release_date` gives it (the date alone, even where ``mentions``
    #: joins it with a time into a datetime)
    release_date: DateMention | None
    #: the date partial dates were read against, and where it came from: "dateline" (the text's
    #: release date), "argument" (``reference_date``), "document" (only a year: the latest past
    #: year of the text) or None
    reference: date | None
    reference_source: str | None
    document_year: int | None


def _coerce_reference(reference_date: date | str | None) -> date | None:
    if reference_date is None or isinstance(reference_date, date):
        return reference_date
    try:
        return date.fromisoformat(reference_date.strip())
    except ValueError:
        pass
    nt = NormalizedText.fold(reference_date)
    full = [h for h in (*_tag_points(nt.text), *_tag_numeric(nt.text)) if _full_written_date(h)]
    if len(full) == 1 and full[0].point is not None:
        p = full[0].point
        return date(p.year, p.month, p.day)  # type: ignore[arg-type]
    raise ValueError(f"reference_date is not a date: {reference_date!r} (use YYYY-MM-DD)")


def _find_hits(folded: str) -> list[_Hit]:
    hits = [hit for tagger in _TAGGERS for hit in tagger(folded)]
    return _resolve_overlaps(hits)


def analyze_dates(text: str, *, reference_date: date | str | None = None) -> DateAnalysis:
    """Find every temporal expression in ``text`` and build its value (see the module docstring)."""
    nt = NormalizedText.fold(text)
    folded = nt.text
    atoms = _find_hits(folded)
    release = _release_mention(nt, _find_dateline(folded, atoms))
    hits = _join_time_ranges(folded, _join_elided_prefixes(atoms))
    hits = _join_ranges(folded, _join_datetimes(folded, _join_ranges(folded, hits, dates_only=True)))
    _attach_modifiers(folded, hits)
    reference = _coerce_reference(reference_date)
    source = "argument" if reference is not None else None
    if release is not None and release.value is not None:
        reference, source = date.fromisoformat(release.value), "dateline"
    document_year = None
    if reference is None:
        document_year = _document_year(folded, hits)
        source = "document" if document_year is not None else None
    ctx = _Context(reference=reference, document_year=document_year)
    mentions = []
    previous_end = 0
    for hit in hits:
        if not ctx.month_of_day and re.search(r"[。\n]", folded[previous_end:hit.start]):
            # 2027年4月をめどに…。15日に開いた会見で: a month alone holds only in its sentence
            ctx.month_for_day = False
        mentions.append(_build(hit, nt, ctx))
        previous_end = hit.end
    return DateAnalysis(tuple(mentions), tuple(ctx.warnings), release, reference, source, document_year)


def _build(hit: _Hit, nt: NormalizedText, ctx: _Context) -> DateMention:
    """The record of one hit, its value built against the context (which it then updates)."""
    start, end = nt.to_original(hit.start, hit.end)
    raw = nt.original[start:end]
    if hit.kind in ("duration", "set"):
        return DateMention(raw, start, end, hit.kind, hit.value, modifier=hit.modifier, frequency=hit.frequency)
    assert hit.point is not None
    tense, _target = _tense_after(nt.text, hit.end)
    res = _resolve(hit.point, ctx, tense)
    valid = _check(hit.point, res, raw, ctx.warnings)
    modifier = hit.modifier or _point_modifier(hit.point)
    if hit.kind == "range" and hit.end_point is not None:
        sub_ctx, b = _inherit(hit.point, res, hit.end_point)
        b_res = _resolve(b, sub_ctx, None)
        if b.year is None and b_res.year is not None and res.year is not None and not b.rel_year:
            b_res = _roll_forward(res, b_res)
        valid = _check(b, b_res, raw, ctx.warnings) and valid
        value = f"{_format(res, hit.point)}/{_format(b_res, b, end=True)}" if valid else None
        _update_context(ctx, res, hit.point)
        return DateMention(raw, start, end, "range", value, res.inferred, modifier)
    value = None
    if valid:
        value = _format(res, hit.point)
        if _point_kind(hit.point) == "range":
            value += "/" + _format(res, hit.point, end=True)
    _update_context(ctx, res, hit.point)
    return DateMention(raw, start, end, _point_kind(hit.point), value, res.inferred, modifier)


def _roll_forward(a: _Resolved, b: _Resolved) -> _Resolved:
    """A range's end written without a year lies after its start: 12月28日～1月5日 crosses the year."""
    a_key = (a.year, a.month or 0, a.day or 0)
    b_key = (b.year, b.month or 0, b.day or 0)
    if b.month and a.month and b_key < a_key:
        return replace(b, year=(b.year or 0) + 1)
    return b


def _point_modifier(point: _Point) -> str | None:
    if point.part is not None and point.part.modifier:
        return point.part.modifier
    if point.fy_end:
        return "FY_END"
    for rel in (point.rel_year, point.rel_month):
        if rel is not None and rel.edge:
            return rel.edge
    return None


def extract_dates(text: str, *, reference_date: date | str | None = None) -> list[DateMention]:
    """Every date, time, range, duration and set in ``text``, sorted by start.

    Partial and relative dates are resolved against the text's release date, else against
    ``reference_date`` (a ``date`` or ``YYYY-MM-DD``); see the module docstring for the values.
    """
    return list(analyze_dates(text, reference_date=reference_date).mentions)


def extract_dates_with_warnings(text: str, *, reference_date: date | str | None = None
                                ) -> tuple[list[DateMention], list[str]]:
    """:func:`extract_dates` and the warnings met on the way (a weekday that does not match its
    date, a day that does not exist, an era year past the era's end)."""
    analysis = analyze_dates(text, reference_date=reference_date)
    return list(analysis.mentions), list(analysis.warnings)


def find_release_date(text: str) -> DateMention | None:
    """The release date of a press release: a dateline near the top, or a (…発表) note.

    A dateline is a full written date (2020年9月23日, 2020.09.23, 2020/9/23, 令和2年9月23日, full-width
    digits) standing on a line of its own or beside a label (報道発表資料 2020年9月23日, 発表日：…)
    within the first ten non-empty lines; or a date-only line right after a title-like line within
    the first thirty; or a note such as （2020年9月23日発表）. A date inside a sentence
    (2020年9月23日に締結) is not one. The mention covers the date only (a time after it is left out),
    and its value is the ISO date.
    """
    nt = NormalizedText.fold(text)
    return _release_mention(nt, _find_dateline(nt.text, _find_hits(nt.text)))


def _release_mention(nt: NormalizedText, dateline: _Hit | None) -> DateMention | None:
    if dateline is None or dateline.point is None:
        return None
    start, end = nt.to_original(dateline.start, dateline.end)
    p = dateline.point
    return DateMention(nt.original[start:end], start, end, "date", f"{p.year:04d}-{p.month:02d}-{p.day:02d}")
