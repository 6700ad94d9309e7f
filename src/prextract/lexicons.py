"""Compiled views of the lexicons under models/: built once per process, on first use."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from .resources import load_column, load_tsv


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, so 代表取締役社長 wins over 代表取締役."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def ordinal_pattern() -> re.Pattern[str]:
    """A number and the counter word that makes it an ordinal (3件目); group 1 is the number."""
    counters = alternation(r["cue"] for r in load_tsv("ordinal_cues.tsv") if r["kind"] == "counter")
    return re.compile(rf"([0-9０-９]+)\s*(?:{counters})")


@lru_cache(maxsize=None)
def first_time_pattern() -> re.Pattern[str]:
    """Words that say an event is the first of its kind (初めて, 初の)."""
    return re.compile(alternation(r["cue"] for r in load_tsv("ordinal_cues.tsv") if r["kind"] == "first"))


def ordinal_number(digits: str) -> int:
    """The value of a number written in ASCII or full-width digits (３ -> 3)."""
    return int(digits.translate(_FULL_WIDTH_DIGITS))


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@lru_cache(maxsize=None)
def titles() -> frozenset[str]:
    return load_column("titles.tsv", "title")


@lru_cache(maxsize=None)
def event_titles() -> frozenset[str]:
    """Posts of a meeting (大会長, 実行委員長): held at the body that holds it."""
    return frozenset(r["title"] for r in load_tsv("titles.tsv") if r["domain"] == "event")


@lru_cache(maxsize=None)
def title_parts(role: str) -> frozenset[str]:
    return frozenset(r["part"] for r in load_tsv("title_parts.tsv") if r["role"] == role)


@lru_cache(maxsize=None)
def faculty_post_pattern() -> re.Pattern[str]:
    """A teaching post written with its faculty as one word (文学部教授, 工学研究科准教授): the
    faculty words of title_parts.tsv, then an academic post that heads nothing (not …長)."""
    staff = {r["title"] for r in load_tsv("titles.tsv") if r["domain"] == "academia" and not r["title"].endswith("長")}
    return re.compile(rf"(?:(?!兼)[\u4E00-\u9FFF]){{1,12}}?(?:{alternation(title_parts('faculty'))})"
                      rf"(?P<post>{alternation(staff)})")


@lru_cache(maxsize=None)
def title_pattern() -> re.Pattern[str]:
    """One post: lexicon titles concatenated without a joiner (取締役常務執行役員 is one post),
    optionally after a department name of up to 20 characters that ends in a unit word
    (経営企画部 + 長, コーポレートコミュニケーション部 + 長); ``titles.find_titles`` trims a body
    written before the department (当社, 潮見市) itself."""
    atom = alternation(titles())
    prefixes = alternation(title_parts("prefix") - {"元", "前", "現"}) if title_parts("prefix") else ""
    units = alternation(title_parts("unit_suffix")) if title_parts("unit_suffix") else ""
    heads = alternation(title_parts("head") | {"長"}) if title_parts("head") else "長"
    # (never over 兼: 執行役員兼営業統括部長 is two posts)
    # (a department's name may hold a hiragana word: こども未来局長)
    kana = alternation(title_parts("dept_kana")) if title_parts("dept_kana") else "(?!)"
    dept = (rf"(?:(?:(?!兼)(?:[\u4E00-\u9FFF\u30A0-\u30FFA-Za-z]|{kana})){{1,20}}?(?:{units})(?:{heads}))" if units else "")
    one = rf"(?:(?:{prefixes})?(?:{atom}))" if prefixes else rf"(?:{atom})"
    unit = rf"(?:{dept}|{faculty_post_pattern().pattern}|{one})" if dept else one
    return re.compile(rf"{unit}(?:{one})*")


#: the labels of the row that names a body in a profile or a disclosure's sender block (会社名　…)
NAME_LABELS = ("会社名", "社名", "商号", "名称", "団体名", "法人名", "機関名", "組織名", "企業名", "事業者名",
               "大学名", "学校名", "病院名")


def spaced_words(*words: str) -> str:
    """A regex alternation of label words whose characters a table may space out to align its
    columns (名　　　　称, 代 表 者, 事　業　内　容)."""
    return "|".join(r"[ \t\u3000]*".join(map(re.escape, w)) for w in words)


@lru_cache(maxsize=None)
def funding_round_pattern() -> re.Pattern[str]:
    """The names of venture funding rounds (シリーズA, プレシード)."""
    return re.compile("|".join(f"(?:{r['pattern']})" for r in load_tsv("event_funding_rounds.tsv")))


@lru_cache(maxsize=None)
def title_joiners() -> frozenset[str]:
    return title_parts("joiner") or frozenset({"兼", "・", "／", "/"})


@lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    return load_column("honorifics.tsv", "honorific")


@lru_cache(maxsize=None)
def legal_forms() -> tuple[dict[str, str], ...]:
    return load_tsv("legal_forms.tsv")


@lru_cache(maxsize=None)
def legal_form_texts() -> frozenset[str]:
    return frozenset(r["form"] for r in legal_forms())


@lru_cache(maxsize=None)
def legal_form_pattern() -> re.Pattern[str]:
    forms = {r["form"] for r in legal_forms()}
    return re.compile(alternation(forms))


def without_legal_form(name: str) -> str:
    """The name with its legal-form words taken out (株式会社グリーンバスケット -> グリーンバスケット)."""
    return legal_form_pattern().sub("", name).strip(" \u3000")


@lru_cache(maxsize=None)
def legal_form_kind(form: str) -> str | None:
    for row in legal_forms():
        if row["form"] == form:
            return row["kind"]
    return None


@lru_cache(maxsize=None)
def org_suffixes() -> dict[str, str]:
    return {r["suffix"]: r["kind"] for r in load_tsv("org_suffixes.tsv")}


@lru_cache(maxsize=None)
def org_suffix_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(set(org_suffixes()))})$")


@lru_cache(maxsize=None)
def org_suffix_abbreviations() -> dict[str, str]:
    """HD -> ホールディングス, FG -> フィナンシャルグループ: the press's short forms of a name's last words."""
    return {r["abbreviation"]: r["full"] for r in load_tsv("org_suffix_abbreviations.tsv")}


@lru_cache(maxsize=None)
def name_suffix_start_pattern() -> re.Pattern[str]:
    """The suffixes that close an association's or public body's name (協会, 連盟, 審議会), not the
    weak ones, matched where they start: a word right before one is part of that name."""
    strong = {w for w, kind in org_suffixes().items() if kind in ("association", "government")}
    return re.compile(alternation(strong - weak_org_suffixes()))


@lru_cache(maxsize=None)
def list_counters() -> dict[str, str]:
    """Counter words that close a list of bodies (の3社, の両省) -> the kind of a listed body."""
    return {r["counter"]: r["kind"] for r in load_tsv("list_counters.tsv")}


@lru_cache(maxsize=None)
def list_count_pattern() -> re.Pattern[str]:
    """の3社, の両組織, 三社: group ``n`` the count, group ``counter`` the counter word."""
    return re.compile(rf"の?(?P<n>両|[0-9０-９]+|[二三四五六七八九十]+)(?P<counter>{alternation(list_counters())})")


@lru_cache(maxsize=None)
def event_heads(kind: str) -> tuple[str, ...]:
    """The head nouns of ``event_heads.tsv`` of one kind (facility, event, meeting, award,
    product), longest first."""
    words = [r["word"] for r in load_tsv("event_heads.tsv") if r["kind"] == kind]
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def known_orgs() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Public bodies whose names carry no suffix: name -> (kind, aliases)."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for r in load_tsv("org_lexicon.tsv"):
        aliases = tuple(a for a in r.get("aliases", "").split("|") if a)
        out[r["name"]] = (r["kind"], aliases)
    return out


@lru_cache(maxsize=None)
def org_generic_words() -> frozenset[str]:
    return load_column("org_generic_words.tsv", "word")


@lru_cache(maxsize=None)
def weak_org_suffixes() -> frozenset[str]:
    """Suffixes that make a name only after a proper noun: company industry words (食品, ガス)
    and those the lexicon marks weak (センター, 校, グループ)."""
    return frozenset(r["suffix"] for r in load_tsv("org_suffixes.tsv")
                     if r["kind"] == "company" or "weak" in r.get("note", ""))


@lru_cache(maxsize=None)
def department_words() -> re.Pattern[str]:
    """Words that end the name of a part of a body (広報部, 第2工場)."""
    words = {r["word"] for r in load_tsv("org_generic_words.tsv") if r.get("as_head") == "dept"}
    return re.compile(rf"(?:{alternation(words)})$")


#: a company's own lab or centre (株式会社ルミナス　先端診断研究所): a part of the company
COMPANY_LAB = re.compile(r"(?:研究所|研究センター|技術センター|開発センター|イノベーションセンター|ラボ|研究室)$")


def is_department_tail(words: str) -> bool:
    """Words after a body's name that only name one of its departments (総務部, 研究開発本部)
    or its lab: short, no list, ending in a department word."""
    return len(words) <= 20 and "、" not in words and bool(department_words().search(words) or COMPANY_LAB.search(words))


@lru_cache(maxsize=None)
def org_generic_heads() -> re.Pattern[str]:
    """Words that leave a name a category when they end it: …団体, …企業, …産業."""
    words = {r["word"] for r in load_tsv("org_generic_words.tsv") if r.get("as_head") == "yes"}
    return re.compile(rf"(?:{alternation(words)})$")


@lru_cache(maxsize=None)
def org_anaphora() -> dict[str, str]:
    """当社 -> issuer, 同社 -> company … : the word and what it stands for."""
    return {r["word"]: r["refers_to"] for r in load_tsv("org_anaphora.tsv")}


@lru_cache(maxsize=None)
def issuer_words() -> tuple[str, ...]:
    """The release's words for its own issuer (当社, 本学, 当院 …), longest first."""
    return tuple(sorted((w for w, r in org_anaphora().items() if r == "issuer"), key=len, reverse=True))


@lru_cache(maxsize=None)
def prefectures() -> frozenset[str]:
    return load_column("prefectures.tsv", "name")


@lru_cache(maxsize=None)
def head_office_cities() -> frozenset[str]:
    """The cities the press writes before a ward (東京・港, 大阪・北): the designated cities without
    市, and the prefecture of Tokyo's special wards without 都."""
    rows = load_tsv("designated_cities.tsv")
    return frozenset({r["name"][:-1] for r in rows if r["name"].endswith("市")} |
                     {r["prefecture"][:-1] for r in rows if r["name"].endswith("区")})


@lru_cache(maxsize=None)
def country_words() -> tuple[dict[str, str], ...]:
    return load_tsv("countries.tsv")


@lru_cache(maxsize=None)
def latin_stopwords() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_column("latin_stopwords.tsv", "word"))


@lru_cache(maxsize=None)
def boilerplate_rules() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    exact = frozenset(unicodedata.normalize("NFKC", r["pattern"]).casefold()
                      for r in load_tsv("boilerplate.tsv") if r["kind"] == "exact")
    regexes = tuple(re.compile(r["pattern"]) for r in load_tsv("boilerplate.tsv") if r["kind"] == "regex")
    return exact, regexes


def is_boilerplate_line(line: str) -> bool:
    stripped = unicodedata.normalize("NFKC", line.strip()).casefold()
    if not stripped:
        return True
    exact, regexes = boilerplate_rules()
    if stripped in exact:
        return True
    return any(rx.fullmatch(line.strip()) for rx in regexes)

