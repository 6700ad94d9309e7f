"""The review report as a person sees it, in headless Chromium (Debian's ``chromium``).

The page is opened from the file, as an analyst would double-click it; the checks read what is
on screen: the summary counts, the events table, the timeline, the marked text; then a real
mouse click on a record and the evidence it highlights; a screenshot is saved. Chromium is
driven over its DevTools pipe (scripts/chromium_cdp.py): nothing is downloaded.

Without chromium the tests are skipped, except in CI (``CI=true``), where they fail: .ci/run
installs it.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from test_report import build_sample_run

from prextract.report import TIMELINE_MAX_DOTS, parse_event_date, write_report, write_run_info

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from chromium_cdp import Chromium, find_chromium  # noqa: E402

LARGE_BATCH = 2000
OPEN_SECONDS = 6.0  # "opens in a few seconds": measured about 1 s for 2,000 releases here


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        message = "chromium is not installed (Debian: apt-get install --no-install-recommends chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI must run the browser test (.ci/run installs chromium)")
        pytest.skip(message)
    with Chromium.launch(executable) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, extract_cached):
    return build_sample_run(tmp_path_factory.mktemp("browser-run"), extract_cached)


@pytest.fixture(scope="module")
def sample_index(sample_run):
    report = write_report(sample_run[1])
    return report, json.loads(_between(report.read_text(encoding="utf-8"),
                                       '<script type="application/json" id="report-index">', "</script>"))


def _between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def open_report(browser, path: Path, *, width: int = 1440, height: int = 1000):
    page = browser.new_page(width=width, height=height)
    seconds = page.goto(path.as_uri())
    page.wait_for("document.body.dataset.ready === '1'")
    return page, seconds


HIGHLIGHTED = "Array.from(document.querySelectorAll('#doc-text .hl')).map(n => n.textContent).join('')"
IN_VIEW = """(() => { const n = document.querySelector('#doc-text .hl'), v = document.getElementById('viewer');
  if (!n) return false; const a = n.getBoundingClientRect(), b = v.getBoundingClientRect();
  return a.top >= Math.max(b.top, 0) && a.top < Math.min(b.bottom, innerHeight); })()"""


def test_the_report_as_a_person_sees_it(browser, sample_index, tmp_path):
    report, index = sample_index
    page, _ = open_report(browser, report)
    events, releases = index["events"], index["releases"]

    # the summary counts
    cards = page.evaluate("Object.fromEntries(Array.from(document.querySelectorAll('.card')).map(c =>"
                          " [c.querySelector('.card-label').textContent, c.querySelector('.card-value').textContent]))")
    assert cards["読み込んだファイル"] == str(len(releases) + 2)
    assert cards["抽出できたリリース"] == str(len(releases))
    assert cards["エラー"] == "2" and cards["イベント"] == str(len(events))
    assert page.evaluate("document.querySelectorAll('#errors tbody tr').length") == 2

    # the events table, paged
    assert page.evaluate("document.getElementById('table-status').textContent").startswith(
        f"{len(events)} 件中 {len(events)} 件")
    assert page.evaluate("document.querySelectorAll('#events-table tbody tr[data-ev]').length") == min(25, len(events))

    # the timeline: a visible SVG with one mark per dated event
    dated = sum(1 for e in events if parse_event_date(e["date"]))
    assert page.evaluate("document.querySelector('svg.timeline').getBoundingClientRect().height") > 150
    assert page.evaluate("document.querySelectorAll('svg.timeline a.tl-dot').length") == dated

    # the first release's text, marked, and unchanged by the marks
    first_text = json.loads(page.evaluate("document.getElementById('doc-0').textContent"))["text"]
    assert page.evaluate("document.getElementById('doc-text').textContent") == first_text
    kinds = page.evaluate("Array.from(new Set(Array.from(document.querySelectorAll('#doc-text .m'))"
                          ".map(n => n.className.match(/m-(org|person|title|date|money)/)[1])))")
    assert {"org", "date"} <= set(kinds)
    org_background = "getComputedStyle(document.querySelector('#doc-text .m-org')).backgroundColor"
    assert page.evaluate(org_background) != "rgba(0, 0, 0, 0)"

    # find an event of another release by typing the start of its evidence, then click its row
    target = next(e for e in reversed(events) if releases[e["doc"]]["source"] != releases[0]["source"])
    page.evaluate("(() => { const f = document.getElementById('f-q');"
                  f" f.value = {json.dumps(target['evidence'][:30])}; f.dispatchEvent(new Event('input')); }})()")
    page.click(f"#events-table tr[data-ev='{target['id']}']")
    page.wait_for(HIGHLIGHTED)
    assert page.evaluate(HIGHLIGHTED) == target["evidence"]
    assert page.evaluate(IN_VIEW), "the evidence is scrolled into the viewer"
    # highlighted in the report's evidence colour once the short flash is over
    page.wait_for("getComputedStyle(document.querySelector('#doc-text .hl')).backgroundColor === 'rgb(255, 230, 128)'")
    assert page.evaluate(f"document.getElementById('row-{target['id']}').classList.contains('is-active')")
    assert page.evaluate("document.getElementById('doc-title').textContent") == (
        releases[target["doc"]]["title"] or releases[target["doc"]]["source"])
    assert page.evaluate("location.hash") == f"#{target['id']}"

    # a person in the release's records highlights the person's mentions and titles
    if page.evaluate("document.querySelector('#doc-records button.rec[data-k^=\"P\"]') !== null"):
        page.click("#doc-records button.rec[data-k^='P']")
        marked = page.evaluate("Array.from(document.querySelectorAll('#doc-text .hl-key')).map(n => n.className)")
        assert marked and all(("m-person" in c or "m-title" in c) for c in marked)
        assert page.evaluate("document.querySelectorAll('#doc-text .hl').length") == 0

    # a dot on the timeline selects its event
    page.evaluate("document.getElementById('f-reset').click()")
    # (a dot that no later dot covers: beyond three near dates in a lane, dots overlap)
    on_top = ("(id => { const c = document.querySelector(`svg.timeline a[data-ev='${id}'] circle`);"
              " if (!c) return false; c.scrollIntoView({block: 'center'});"
              " const r = c.getBoundingClientRect();"
              " const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
              " return !!hit && !!hit.closest('a') && hit.closest('a').dataset.ev === id; })")
    dot = next(e for e in events if parse_event_date(e["date"]) and e["id"] != target["id"]
               and page.evaluate(f"{on_top}({json.dumps(e['id'])})"))
    page.click(f"svg.timeline a[data-ev='{dot['id']}'] circle")
    page.wait_for(f"location.hash === '#{dot['id']}'")
    assert page.evaluate(HIGHLIGHTED) == dot["evidence"]

    # filters and sorting
    kind = max({e["type"] for e in events}, key=lambda t: sum(e["type"] == t for e in events))
    page.evaluate(f"(() => {{ const s = document.getElementById('f-type'); s.value = '{kind}';"
                  " s.dispatchEvent(new Event('change')); })()")
    n_kind = sum(e["type"] == kind for e in events)
    status = page.evaluate("document.getElementById('table-status').textContent")
    assert status.startswith(f"{len(events)} 件中 {n_kind} 件")
    page.click("#events-table th[data-sort='conf'] button")
    assert page.evaluate("document.querySelector(\"th[data-sort='conf']\").getAttribute('aria-sort')") == "ascending"
    shown = page.evaluate("Array.from(document.querySelectorAll('#events-table td.conf'))"
                          ".map(td => Number(td.textContent))")
    assert shown == sorted(shown)

    assert page.errors() == []
    shot = tmp_path / "report.png"
    shot.write_bytes(page.screenshot())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_a_release_without_its_text_shows_the_evidence(browser, sample_run, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shutil.copyfile(sample_run[1] / "records.jsonl", out / "records.jsonl")  # no run.json: no texts
    page, _ = open_report(browser, write_report(out))
    assert "原文を表示できないリリース" in page.evaluate("document.getElementById('summary').textContent")
    page.click("#events-table tbody tr[data-ev]")
    quote = page.wait_for("document.querySelector('#doc-text blockquote.hl')?.textContent")
    row = page.evaluate("document.querySelector('#events-table tr.is-active').dataset.ev")
    evidence = page.evaluate(f"JSON.parse(document.getElementById('report-index').textContent).events"
                             f".find(e => e.id === '{row}').evidence")
    assert quote.endswith(evidence)
    assert page.evaluate("document.getElementById('doc-problem').hidden") is False
    assert page.errors() == []


def test_a_batch_of_2000_releases_opens_in_a_few_seconds(browser, sample_run, tmp_path):
    input_dir, out_dir = sample_run
    docs = [json.loads(line) for line in (out_dir / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    big_in, big_out = tmp_path / "in", tmp_path / "out"
    big_out.mkdir()
    with open(big_out / "records.jsonl", "w", encoding="utf-8") as records:
        for n in range(LARGE_BATCH):
            doc = dict(docs[n % len(docs)])
            source = f"batch{n // 100:02d}/{n:04d}-{doc['source']}"
            (big_in / source).parent.mkdir(parents=True, exist_ok=True)
            (big_in / source).symlink_to(input_dir / doc["source"])
            records.write(json.dumps({**doc, "source": source}, ensure_ascii=False) + "\n")
    write_run_info(big_out, big_in)
    started = time.monotonic()
    report = write_report(big_out)
    built = time.monotonic() - started

    page, seconds = open_report(browser, report)
    n_events = LARGE_BATCH // len(docs) * sum(len(d["events"]) for d in docs) + sum(
        len(d["events"]) for d in docs[:LARGE_BATCH % len(docs)])
    assert page.evaluate("document.getElementById('table-status').textContent").startswith(f"{n_events:,} 件中")
    assert seconds < OPEN_SECONDS, f"the page took {seconds:.1f} s to load ({report.stat().st_size / 1e6:.0f} MB)"
    if n_events > TIMELINE_MAX_DOTS:
        assert page.evaluate("document.querySelectorAll('svg.timeline a.tl-bin').length") > 0
    # one year's events, and the evidence of the first
    page.evaluate("(() => { const s = document.getElementById('f-year'); s.value = s.options[1].value;"
                  " s.dispatchEvent(new Event('change')); })()")
    page.click("#events-table tbody tr[data-ev]")
    assert page.wait_for(HIGHLIGHTED)
    assert page.wait_for(IN_VIEW)  # the page itself may scroll (smoothly) when the text is short
    assert page.errors() == []
    print(f"\n{LARGE_BATCH} releases, {n_events} events: report built in {built:.1f} s, "
          f"{report.stat().st_size / 1e6:.1f} MB, loaded in {seconds:.2f} s")
