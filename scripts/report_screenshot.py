"""Screenshot of the review report as a person sees it after choosing an event (docs/report.png).

    python scripts/report_screenshot.py OUT docs/report.png [--input DIR] [--select TEXT]

Builds OUT's report, opens it in headless Chromium (the system's ``chromium``; nothing is
downloaded), clicks the first row of the events table whose text contains TEXT (default: the
first row), and saves the page from the top with the chosen evidence highlighted.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium_cdp import Chromium  # noqa: E402

from prextract.report import write_report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder of prextract run")
    parser.add_argument("png", type=Path, help="where to save the screenshot")
    parser.add_argument("--input", type=Path, default=None, help="folder the run read (default: OUT/run.json)")
    parser.add_argument("--select", default="", help="click the first event row containing this text")
    parser.add_argument("--org", default="", help="filter the table by this organisation (kept in the picture)")
    parser.add_argument("--newest-first", action="store_true", help="sort the table by date, newest first")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=2300)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        report = write_report(args.out, Path(tmp) / "report.html", input_dir=args.input)
        with Chromium.launch() as browser:
            page = browser.new_page(width=args.width, height=args.height)
            page.goto(report.as_uri())
            page.wait_for("document.body.dataset.ready === '1'")
            for field, value in (("f-org", args.org), ("f-q", args.select)):
                if value:
                    page.evaluate(f"(() => {{ const f = document.getElementById('{field}');"
                                  f" f.value = {json.dumps(value)}; f.dispatchEvent(new Event('input')); }})()")
            if args.newest_first:
                page.click("#events-table th[data-sort='date'] button")  # sorted by date already: reverses
            page.click("#events-table tbody tr[data-ev]")
            if args.select:  # the table without the keyword again, the chosen row still marked
                page.evaluate("(() => { const f = document.getElementById('f-q'); f.value = '';"
                              " f.dispatchEvent(new Event('input')); })()")
            # from the top of the page, choose the same row again so that the viewer brings the
            # evidence into the part of it that is on screen
            # (the viewer is sized to the part of the window it shows, as when one scrolls to it)
            page.evaluate("window.scrollTo({top: 0, behavior: 'instant'});"
                          " const v = document.getElementById('viewer');"
                          " v.style.maxHeight = (innerHeight - v.getBoundingClientRect().top - 24) + 'px';"
                          " document.querySelector('#events-table tr.is-active').click()")
            time.sleep(1.0)  # the highlight's flash animation
            args.png.write_bytes(page.screenshot())
    print(f"screenshot written to {args.png}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
