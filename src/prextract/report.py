"""The review report: one self-contained HTML file to check a run's records against their text.

``prextract report OUT [-o OUT/report.html] [--input DIR]`` reads ``OUT/records.jsonl`` and
``OUT/errors.csv`` and writes a page that needs no network and no external font: a summary, a
timeline of the events (SVG drawn here), a sortable and filterable table of the events, and each
release's text with its organisations, people, titles, dates and money marked; choosing a record
highlights its evidence in the text.

The records hold offsets, not text. The text is read back from the input files with
``read_file`` (the recorded encoding forced, so the decoding is the one the offsets refer to) and
is used only when the file's SHA-256 is the one recorded at extraction and the texts the records
quote (evidence, dates, money) stand at their offsets. Otherwise the release is shown from its
records alone, with the reason. The input folder comes from ``--input`` or ``OUT/run.json``.

Large batches: each release's text and marks sit in their own JSON script element that the page
parses only when the release is opened; the events table is paged; past ``TIMELINE_MAX_DOTS``
dated events the timeline draws one circle per type and month instead of one per event.
"""
from __future__ import annotations

import argparse
import csv
import datetime as _dt
import html
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from .errors import OutputError, PrextractError

REPORT_FILE = "report.html"
RUN_INFO_FILE = "run.json"
RECORDS_FILE = "records.jsonl"
ERRORS_FILE = "errors.csv"
TIMELINE_MAX_DOTS = 1500
# event keys shown in their own column or not at all; the others are the type-specific details
_EVENT_COMMON_KEYS = frozenset({"type", "date", "parties", "status", "evidence", "confidence",
                                "agreement_kind"})
# event fields whose values name an organisation (searched by the organisation filter)
_ORG_FIELDS = ("organization", "acquirer", "target", "seller", "giver", "surviving", "organiser")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


# --------------------------------------------------------------------------------------------
# assets

def _asset_text(name: str) -> str:
    return resources.files("prextract").joinpath("report_assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    """Display labels and colours (``report_assets/labels.json``)."""
    return json.loads(_asset_text("labels.json"))


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no ``</script``, no ``<!--``."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


# --------------------------------------------------------------------------------------------
# the run's files

def write_run_info(out_dir: str | Path, input_dir: str | Path) -> Path:
    """Record the input folder of a run in ``OUT/run.json`` so that the report finds the texts."""
    from . import __version__
    from .output import atomic_write_text

    path = Path(out_dir) / RUN_INFO_FILE
    info = {"input": str(Path(input_dir).resolve()), "prextract": __version__,
            "written": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
    atomic_write_text(path, json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    return path


def read_run_info(out_dir: str | Path) -> dict[str, Any]:
    """``OUT/run.json`` as a dict; empty when the run did not write one or it is unreadable."""
    try:
        info = json.loads((Path(out_dir) / RUN_INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def read_errors(out_dir: str | Path) -> list[dict[str, str]]:
    """The rows of ``OUT/errors.csv`` (none when the file is absent)."""
    path = Path(out_dir) / ERRORS_FILE
    if not path.exists():
        return []
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return [dict(row) for row in csv.DictReader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise OutputError(f"{path}: cannot read the error list ({exc})") from exc


# --------------------------------------------------------------------------------------------
# the text of a release

@dataclass(frozen=True, slots=True)
class ReleaseText:
    """The text a release's offsets refer to, or why it cannot be shown (a Japanese sentence)."""

    text: str | None
    problem: str | None = None


def locate_source(source: str, input_dir: Path | None) -> Path | None:
    """The file a record's ``source`` names: absolute, or relative to the input folder (or to
    the folder of an input that was a single file)."""
    path = Path(source)
    if path.is_absolute():
        return path if path.is_file() else None
    if input_dir is None:
        return None
    root = input_dir if input_dir.is_dir() else input_dir.parent
    candidate = root / path
    return candidate if candidate.is_file() else None


def misplaced_quotes(doc: Mapping[str, Any], text: str) -> int:
    """How many quoted texts of a record (evidence, dates, money) are not at their offsets, plus
    mentions that fall outside the text."""
    quoted = [e.get("evidence") or {} for e in doc.get("events") or []]
    quoted += list(doc.get("dates") or []) + list(doc.get("money") or [])
    bad = sum(1 for q in quoted if q.get("text") is not None
              and text[q.get("start", 0):q.get("end", 0)] != q["text"])
    spans = [m for o in doc.get("organizations") or [] for m in o.get("mentions") or []]
    spans += [m for p in doc.get("people") or [] for m in p.get("mentions") or []]
    bad += sum(1 for s, e in spans if not 0 <= s < e <= len(text))
    return bad


def release_text(doc: Mapping[str, Any], input_dir: Path | None) -> ReleaseText:
    """Read a release's text back from its source file and check that it is the text extracted."""
    from .read import read_file

    source = doc.get("source")
    if not source:
        return ReleaseText(None, "記録に元ファイル名 (source) がありません。")
    path = locate_source(source, input_dir)
    if path is None:
        if input_dir is None:
            return ReleaseText(None, "入力フォルダが分からないため原文を表示できません"
                                     "（prextract report OUT --input DIR で指定してください）。")
        return ReleaseText(None, f"原文ファイルが見つかりません: {input_dir / source}")
    meta = doc.get("meta") or {}
    try:
        src = read_file(path, encoding=meta.get("encoding"))
    except PrextractError as exc:
        return ReleaseText(None, f"原文を読めません: {exc}")
    if meta.get("sha256") and src.sha256 != meta["sha256"]:
        return ReleaseText(None, "原文ファイルが抽出後に変更されています（SHA-256 が記録と異なります）。"
                                 "もう一度 prextract run を実行してください。")
    bad = misplaced_quotes(doc, src.text)
    if bad:
        return ReleaseText(None, f"記録の位置が原文と合いません（{bad} 件）。抽出時と異なる方法で"
                                 "テキスト化された可能性があります。")
    return ReleaseText(src.text)


def text_marks(doc: Mapping[str, Any], length: int) -> list[list[Any]]:
    """``[start, end, kind, key]`` of every mention to colour: organisations (key = their id),
    people and their titles (key = the person's id), dates (``D<n>``) and money (``M<n>``)."""
    marks: list[list[Any]] = []
    for org in doc.get("organizations") or []:
        marks += [[s, e, "org", org.get("id")] for s, e in org.get("mentions") or []]
    for person in doc.get("people") or []:
        marks += [[s, e, "person", person.get("id")] for s, e in person.get("mentions") or []]
        marks += [[r["start"], r["end"], "title", person.get("id")] for r in person.get("roles") or []
                  if r.get("start") is not None and r.get("end") is not None]
    for n, date in enumerate(doc.get("dates") or []):
        marks.append([date.get("start"), date.get("end"), "date", f"D{n}"])
    for n, money in enumerate(doc.get("money") or []):
        marks.append([money.get("start"), money.get("end"), "money", f"M{n}"])
    return sorted((m for m in marks if isinstance(m[0], int) and isinstance(m[1], int)
                   and 0 <= m[0] < m[1] <= length), key=lambda m: (m[0], -m[1]))


# --------------------------------------------------------------------------------------------
# events

def _value_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value if v is not None)
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def event_details(event: Mapping[str, Any]) -> list[list[str]]:
    """``[label, value]`` pairs of an event's type-specific fields, labelled in Japanese."""
    lab = labels()
    fields, out = lab["fields"], []
    if event.get("agreement_kind"):
        kind = event["agreement_kind"]
        out.append([fields["agreement_kind"], lab["agreement_kinds"].get(kind, kind)])
    order = {key: n for n, key in enumerate(fields)}  # labels.json lists the fields in reading order
    for key in sorted(event, key=lambda k: (order.get(k, len(order)), k)):
        value = event[key]
        if key in _EVENT_COMMON_KEYS or value in (None, "", [], ()):
            continue
        if key == "change":
            value = lab["changes"].get(value, value)
        out.append([fields.get(key, key), _value_text(value)])
    return out


def event_year(date: str | None) -> str:
    """The year of an event date (``2024-09-27`` -> ``2024``); empty when the year is unknown."""
    match = _ISO_DATE.match(date or "")
    return match.group(1) if match else ""


def _event_row(event_id: str, doc_index: int, event: Mapping[str, Any]) -> dict[str, Any]:
    evidence = event.get("evidence") or {}
    parties = [str(p) for p in event.get("parties") or [] if p]
    orgs = parties + [str(event[k]) for k in _ORG_FIELDS if isinstance(event.get(k), str)]
    return {
        "id": event_id, "doc": doc_index, "type": event.get("type") or "other",
        "date": event.get("date"), "year": event_year(event.get("date")),
        "parties": parties, "orgs": sorted(set(orgs)), "details": event_details(event),
        "status": event.get("status"), "conf": event.get("confidence"),
        "evidence": evidence.get("text") or "",
        "ev": [evidence.get("start"), evidence.get("end")],
    }


# --------------------------------------------------------------------------------------------
# the timeline (SVG written directly: the browser's own fonts draw the Japanese labels, and each
# mark is a link to its record)

def parse_event_date(value: str | None) -> tuple[_dt.date, str, _dt.date | None] | None:
    """``(date, precision, range end)`` of an event date with a known year, else None.

    Precision is ``day``, ``month`` or ``year``; a month is drawn at its 15th, a year (also
    ``2025-FY``, ``2025-Q2``) at 1 July. A range ``a/b`` is drawn from a to b.
    """
    if not value:
        return None
    first, _, second = value.partition("/")
    match = _ISO_DATE.match(first)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            start, precision = _dt.date(int(year), int(month), int(day)), "day"
        elif month:
            start, precision = _dt.date(int(year), int(month), 15), "month"
        else:
            start, precision = _dt.date(int(year), 7, 1), "year"
    except ValueError:
        return None
    end = None
    if second:
        parsed_end = parse_event_date(second)
        if parsed_end is not None and parsed_end[0] > start:
            end = parsed_end[0]
    return start, precision, end


@dataclass(frozen=True, slots=True)
class _Axis:
    start: _dt.date
    end: _dt.date
    left: float
    right: float

    def x(self, day: _dt.date) -> float:
        span = (self.end - self.start).days or 1
        return self.left + (day - self.start).days / span * (self.right - self.left)


def _axis_ticks(axis: _Axis) -> list[tuple[_dt.date, str, bool]]:
    """``(date, label, major)``: every year; quarters (labelled) when the span is short."""
    years = axis.end.year - axis.start.year
    step = 1 if years <= 12 else math.ceil(years / 12)
    ticks = [(_dt.date(y, 1, 1), f"{y}年", True)
             for y in range(axis.start.year, axis.end.year + 1) if (y - axis.start.year) % step == 0]
    if years <= 3:
        ticks += [(_dt.date(y, m, 1), f"{m}月", False)
                  for y in range(axis.start.year, axis.end.year) for m in (4, 7, 10)]
    return sorted(t for t in ticks if axis.start <= t[0] <= axis.end)


def timeline_svg(events: Sequence[Mapping[str, Any]], *, width: int = 1500,
                 max_dots: int = TIMELINE_MAX_DOTS) -> str:
    """An SVG of the events with a known year: one lane per event type, time across.

    ``events`` are the report's event rows (``id``, ``type``, ``date``). Up to ``max_dots`` dated
    events each get a dot linking to the event (hollow when only the month or year is known, a
    bar for a range); beyond that, one circle per type and month, its area the count.
    """
    lab = labels()["event_types"]
    dated = [(row, parsed) for row in events if (parsed := parse_event_date(row.get("date")))]
    if not dated:
        return '<p class="empty">日付のわかるイベントはありません。</p>'
    types = [t for t in lab if any(row["type"] == t for row, _ in dated)]
    types += sorted({row["type"] for row, _ in dated} - set(types))
    lane_h, top, axis_h, label_w = 30, 6, 28, 150
    height = top + lane_h * len(types) + axis_h
    first = min(p[0] for _, p in dated)
    last = max((p[2] or p[0]) for _, p in dated)
    axis = _Axis(_dt.date(first.year, 1, 1), _dt.date(last.year + 1, 1, 1), label_w + 10, width - 30)
    lane_y = {t: top + lane_h * i + lane_h / 2 for i, t in enumerate(types)}
    counts = Counter(row["type"] for row, _ in dated)

    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="tl-title" xmlns="http://www.w3.org/2000/svg" '
             f'preserveAspectRatio="xMinYMin meet">',
             '<title id="tl-title">イベントのタイムライン（種類別・日付順）</title>']
    for i, t in enumerate(types):  # lanes
        y0 = top + lane_h * i
        info = lab.get(t, {"ja": t, "color": "#8C8C8C"})
        parts.append(f'<rect class="lane{" odd" if i % 2 else ""}" x="0" y="{y0}" width="{width}" height="{lane_h}"/>')
        parts.append(f'<rect x="8" y="{y0 + lane_h / 2 - 5:.1f}" width="10" height="10" rx="2" '
                     f'fill="{info["color"]}"/>')
        parts.append(f'<text class="lane-label" x="24" y="{y0 + lane_h / 2 + 4.5:.1f}">{_e(info["ja"])}'
                     f'<tspan class="lane-count" dx="6">{counts[t]}</tspan></text>')
    for day, text, major in _axis_ticks(axis):  # grid and axis labels
        x = axis.x(day)
        parts.append(f'<line class="{"grid-major" if major else "grid-minor"}" x1="{x:.1f}" x2="{x:.1f}" '
                     f'y1="{top}" y2="{height - axis_h + 4}"/>')
        parts.append(f'<text class="{"tick-major" if major else "tick-minor"}" x="{x:.1f}" '
                     f'y="{height - axis_h + 20}" text-anchor="middle">{text}</text>')

    if len(dated) <= max_dots:
        parts += _timeline_dots(dated, axis, lane_y, lab)
    else:
        parts += _timeline_bins(dated, axis, lane_y, lab)
    parts.append("</svg>")
    return "".join(parts)


def timeline_key(n_dated: int, *, max_dots: int = TIMELINE_MAX_DOTS) -> str:
    """The legend of the timeline's marks, which depend on how many dated events it draws."""
    if n_dated > max_dots:
        return ('<span class="legend-shapes"><span class="dot full"></span>種類・月ごとの件数'
                '（円の面積）。円を押すと表をその種類と年で絞り込みます</span>')
    return ('<span class="legend-shapes"><span class="dot full"></span>日付 <span class="dot hollow">'
            '</span>月・年のみ <span class="bar-key"></span>期間</span>')


def _dot_title(row: Mapping[str, Any], type_label: str) -> str:
    who = "、".join(row.get("parties") or [])[:80]
    return f"{row.get('date')}　{type_label}　{who}"


def _timeline_dots(dated, axis: _Axis, lane_y: Mapping[str, float], lab) -> list[str]:
    parts: list[str] = []
    offsets = (0.0, -7.5, 7.5)  # three rows per lane so that dots on near dates stay apart
    last_x: dict[tuple[str, int], float] = {}
    for row, (day, precision, end) in sorted(dated, key=lambda item: item[1][0]):
        info = lab.get(row["type"], {"ja": row["type"], "color": "#8C8C8C"})
        x = axis.x(day)
        free = [k for k in range(3) if x - last_x.get((row["type"], k), -1e9) >= 11]
        k = free[0] if free else min(range(3), key=lambda n: last_x.get((row["type"], n), -1e9))
        last_x[(row["type"], k)] = axis.x(end) if end else x
        y = lane_y[row["type"]] + offsets[k]
        color = info["color"]
        shape = []
        if end is not None:
            shape.append(f'<line class="range" x1="{x:.1f}" x2="{axis.x(end):.1f}" y1="{y:.1f}" '
                         f'y2="{y:.1f}" stroke="{color}"/>')
        fill = color if precision == "day" else "#fff"
        shape.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{fill}" stroke="{color}"/>')
        parts.append(f'<a class="tl-dot" href="#{row["id"]}" data-ev="{row["id"]}">'
                     f'<title>{_e(_dot_title(row, info["ja"]))}</title>{"".join(shape)}</a>')
    return parts


def _timeline_bins(dated, axis: _Axis, lane_y: Mapping[str, float], lab) -> list[str]:
    bins = Counter((row["type"], day.year, day.month) for row, (day, _, _) in dated)
    biggest = max(bins.values())
    parts = []
    for (kind, year, month), n in sorted(bins.items()):
        info = lab.get(kind, {"ja": kind, "color": "#8C8C8C"})
        x = axis.x(_dt.date(year, month, 15))
        r = 2.5 + 11 * math.sqrt(n / biggest)
        parts.append(f'<a class="tl-bin" href="#events" data-type="{_e(kind)}" data-year="{year}">'
                     f'<title>{year}年{month}月　{_e(info["ja"])}　{n}件</title>'
                     f'<circle cx="{x:.1f}" cy="{lane_y[kind]:.1f}" r="{r:.1f}" fill="{info["color"]}" '
                     f'fill-opacity="0.75" stroke="{info["color"]}"/></a>')
    return parts


# --------------------------------------------------------------------------------------------
# summary

def _count_card(value: int, label: str, note: str = "", tone: str = "") -> str:
    return (f'<div class="card {tone}"><div class="card-value">{value:,}</div>'
            f'<div class="card-label">{label}</div>'
            + (f'<div class="card-note">{note}</div>' if note else "") + "</div>")


def summary_html(docs: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]],
                 errors: Sequence[Mapping[str, str]], problems: Sequence[tuple[str, str]]) -> str:
    """Counts of files, records and errors, events by type, the error list with reasons, and
    the releases whose text cannot be shown."""
    lab = labels()
    n_orgs = sum(len(d.get("organizations") or []) for d in docs)
    distinct_orgs = len({o.get("org_key") or o.get("name") for d in docs for o in d.get("organizations") or []})
    n_people = sum(len(d.get("people") or []) for d in docs)
    distinct_people = len({p.get("name") for d in docs for p in d.get("people") or []})
    n_dates = sum(len(d.get("dates") or []) for d in docs)
    n_money = sum(len(d.get("money") or []) for d in docs)
    cards = [
        _count_card(len(docs) + len(errors), "読み込んだファイル", "Files"),
        _count_card(len(docs), "抽出できたリリース", "Releases"),
        _count_card(len(errors), "エラー", "Errors", "bad" if errors else "good"),
        _count_card(len(rows), "イベント", "Events"),
        _count_card(n_orgs, "組織", f"異なる組織 {distinct_orgs:,}"),
        _count_card(n_people, "人物", f"異なる人物 {distinct_people:,}"),
        _count_card(n_dates, "日付・期間", "Dates"),
        _count_card(n_money, "金額・比率", "Money"),
    ]
    by_type = Counter(r["type"] for r in rows)
    top = max(by_type.values(), default=1)
    bars = []
    for kind, info in lab["event_types"].items():
        if by_type[kind]:
            share = 100 * by_type[kind] / top
            bars.append(f'<li><button type="button" class="bar-row" data-type="{kind}" '
                        f'title="{_e(info["ja"])}のイベントを表で見る">'
                        f'<span class="bar-label">{_e(info["ja"])}</span>'
                        f'<span class="bar-track"><span class="bar" style="width:{share:.1f}%;'
                        f'background:{info["color"]}"></span></span>'
                        f'<span class="bar-value">{by_type[kind]}</span></button></li>')
    bars_html = f'<ul class="bars">{"".join(bars)}</ul>' if bars else '<p class="empty">イベントはありません。</p>'

    if errors:
        stages = lab["error_stages"]
        body = "".join(
            f"<tr><td class=\"mono\">{_e(err.get('source'))}</td>"
            f"<td>{_e(stages.get(err.get('stage') or '', err.get('stage')))}</td>"
            f"<td class=\"mono\">{_e(err.get('error_type'))}</td><td>{_e(err.get('message'))}</td></tr>"
            for err in errors)
        errors_html = ('<table class="plain errors"><thead><tr><th>ファイル</th><th>段階</th>'
                       f'<th>種類</th><th>理由</th></tr></thead><tbody>{body}</tbody></table>')
    else:
        errors_html = '<p class="ok">すべてのファイルを読み込めました。</p>'
    if problems:
        items = "".join(f'<li><span class="mono">{_e(src)}</span> — {_e(why)}</li>' for src, why in problems)
        texts_html = (f'<div class="notice" role="note"><strong>原文を表示できないリリース '
                      f'{len(problems)} 件</strong>（記録と根拠の文は表示されます）<ul>{items}</ul></div>')
    elif docs:
        texts_html = (f'<p class="ok">{len(docs):,} 件すべての原文を読み直し、記録の位置と一致することを'
                      '確認しました（ファイルの SHA-256 と引用文の照合）。</p>')
    else:
        texts_html = '<p class="empty">リリースがありません。</p>'
    return (f'<div class="cards">{"".join(cards)}</div>'
            f'<div class="summary-grid"><div class="panel"><h3>イベントの種類 <small>Events by type</small></h3>'
            f'{bars_html}</div><div class="panel" id="errors"><h3>エラー <small>Errors</small>'
            f' <span class="count">{len(errors)}</span></h3>{errors_html}'
            f'<h3 class="h-texts">原文との照合 <small>Source texts</small></h3>{texts_html}</div></div>')


# --------------------------------------------------------------------------------------------
# the page

def _doc_blob(doc: Mapping[str, Any], text: ReleaseText, event_ids: list[str]) -> dict[str, Any]:
    """What the page needs to show one release: its text, marks, evidence spans and records."""
    org_names = {o.get("id"): o.get("name") for o in doc.get("organizations") or []}
    events = doc.get("events") or []
    length = len(text.text) if text.text is not None else 0
    return {
        "text": text.text,
        "problem": text.problem,
        "marks": text_marks(doc, length) if text.text is not None else [],
        "evidence": [[(e.get("evidence") or {}).get("start"), (e.get("evidence") or {}).get("end"), eid]
                     for e, eid in zip(events, event_ids, strict=True)] if text.text is not None else [],
        "events": event_ids,
        "orgs": [{"k": o.get("id"), "name": o.get("name"), "kind": o.get("kind"),
                  "aliases": o.get("aliases") or [], "n": len(o.get("mentions") or [])}
                 for o in doc.get("organizations") or []],
        "people": [{"k": p.get("id"), "name": p.get("name"), "reading": p.get("reading"),
                    "roles": [{"title": r.get("title"), "org": org_names.get(r.get("organization"))}
                              for r in p.get("roles") or []]}
                   for p in doc.get("people") or []],
        "dates": [{"k": f"D{n}", "text": d.get("text"), "value": d.get("value"), "kind": d.get("kind")}
                  for n, d in enumerate(doc.get("dates") or [])],
        "money": [{"k": f"M{n}", "text": m.get("text"), "value": m.get("value"),
                   "currency": m.get("currency"), "kind": m.get("kind")}
                  for n, m in enumerate(doc.get("money") or [])],
    }


def _resolve_input(out_dir: Path, input_dir: str | Path | None) -> Path | None:
    if input_dir is not None:
        return Path(input_dir)
    recorded = read_run_info(out_dir).get("input")
    return Path(recorded) if recorded else None


def _run_versions(docs: Iterable[Mapping[str, Any]]) -> str:
    versions = Counter((str((d.get("meta") or {}).get("prextract", "?")), str((d.get("meta") or {}).get("model", "?")))
                       for d in docs)
    return "、".join(f"prextract {p} / {m}" for (p, m), _ in versions.most_common(3))


def build_report(out_dir: str | Path, *, input_dir: str | Path | None = None) -> str:
    """The HTML of the review report of a run's output folder.

    ``input_dir`` is the folder the run read; by default the one ``OUT/run.json`` records.
    Raises OutputError when ``OUT/records.jsonl`` is missing or broken.
    """
    from .output import iter_records

    out = Path(out_dir)
    records = out / RECORDS_FILE
    if not records.exists():
        raise OutputError(f"{records}: no records to report on (run `prextract run DIR -o {out}` "
                          "with the jsonl format first)")
    root = _resolve_input(out, input_dir)
    docs = sorted(iter_records(records), key=lambda d: (d.get("source") is None, d.get("source") or ""))
    errors = read_errors(out)

    rows: list[dict[str, Any]] = []
    blobs: list[str] = []
    index: list[dict[str, Any]] = []
    problems: list[tuple[str, str]] = []
    for i, doc in enumerate(docs):
        event_ids = [f"e{len(rows) + n}" for n in range(len(doc.get("events") or []))]
        rows += [_event_row(eid, i, ev) for eid, ev in zip(event_ids, doc.get("events") or [], strict=True)]
        text = release_text(doc, root)
        if text.problem:
            problems.append((doc.get("source") or f"#{i + 1}", text.problem))
        index.append({"source": doc.get("source"), "title": doc.get("title"),
                      "date": doc.get("release_date"), "issuer": doc.get("issuer"),
                      "events": len(event_ids), "text": text.text is not None})
        blobs.append(f'<script type="application/json" id="doc-{i}">'
                     f'{_script_json(_doc_blob(doc, text, event_ids))}</script>')

    lab = labels()
    orgs = sorted({o.get("name") for d in docs for o in d.get("organizations") or [] if o.get("name")})
    years = sorted({r["year"] for r in rows if r["year"]}, reverse=True)
    page_data = {"releases": index, "events": rows, "orgs": orgs, "years": years,
                 "labels": {k: lab[k] for k in ("event_types", "statuses", "entities", "org_kinds")}}
    undated = sum(1 for r in rows if parse_event_date(r["date"]) is None)
    generated = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    script = _asset_text("report.js")
    if "</script" in script.lower():  # an inline script must not close its own element
        raise OutputError("report.js contains '</script'")
    return Template(_asset_text("report.html")).substitute(
        page_title=_e(f"prextract レビュー — {out.resolve().name}"),
        css=_asset_text("report.css"),
        script=script,
        generated=_e(generated),
        out_dir=_e(str(out.resolve())),
        input_dir=_e(str(root) if root else "（不明）"),
        versions=_e(_run_versions(docs)),
        summary=summary_html(docs, rows, errors, problems),
        timeline=timeline_svg(rows),
        timeline_note=_e(f"日付のないイベント・年の分からないイベント {undated} 件は図になく、表にあります。"
                         if undated else "すべてのイベントを表示しています。"),
        timeline_key=timeline_key(sum(1 for r in rows if parse_event_date(r["date"]) is not None)),
        legend="".join(f'<span class="legend-item"><span class="swatch" style="background:{i["color"]}">'
                       f'</span>{_e(i["ja"])}</span>' for t, i in lab["event_types"].items()
                       if any(r["type"] == t for r in rows)),
        entity_legend="".join(f'<span class="m m-{k} legend-mark">{_e(v["ja"])}</span>'
                              for k, v in lab["entities"].items()),
        data=_script_json(page_data),
        documents="\n".join(blobs),
    )


def write_report(out_dir: str | Path, path: str | Path | None = None, *,
                 input_dir: str | Path | None = None) -> Path:
    """Build the report and write it (atomically) to ``path`` (default ``OUT/report.html``)."""
    from .output import atomic_write_text

    target = Path(path) if path is not None else Path(out_dir) / REPORT_FILE
    atomic_write_text(target, build_report(out_dir, input_dir=input_dir))
    return target


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prextract report",
        description="Write a self-contained HTML review report of a run's output folder.")
    parser.add_argument("out", type=Path, metavar="OUT", help="output folder of `prextract run`")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="HTML",
                        help=f"the report file (default: OUT/{REPORT_FILE})")
    parser.add_argument("--input", type=Path, default=None, metavar="DIR",
                        help=f"folder of the releases the run read (default: the one in OUT/{RUN_INFO_FILE})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        path = write_report(args.out, args.output, input_dir=args.input)
    except PrextractError as exc:
        print(f"prextract: {exc}", file=sys.stderr)
        return 1
    print(f"prextract: report written to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
