"""The command line: finds files, decodes, writes, shows progress. Everything else is the library.

Exit codes: 0 all files read, 1 some failed (listed in errors.csv), 2 usage error, 130 stopped by
Ctrl-C, 143 stopped by SIGTERM (both keep what is finished; ``--resume`` goes on from there).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import signal
import sys
from pathlib import Path
from typing import Any

from . import __version__

FORMATS = ("csv", "jsonl", "json", "xlsx")
#: the formats a run writes by default; xlsx on request
DEFAULT_FORMATS = ("csv", "jsonl", "json")


def _formats(value: str) -> tuple[str, ...]:
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in items if v not in FORMATS]
    if bad or not items:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(bad) or value!r}; choose from {', '.join(FORMATS)}")
    return items


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes (1 or more): {value!r}")
    return jobs


def _location(value: str) -> Path | str:
    """A local path, or an fsspec URL (``s3://bucket/key``) kept as it is written."""
    return value if "://" in value else Path(value)


def _scheduler(value: str) -> str:
    from .cluster import parse_local_workers  # without importing Dask
    from .errors import ClusterError

    if not value.strip():
        raise argparse.ArgumentTypeError("give a scheduler address (tcp://HOST:8786) or local:N")
    try:
        parse_local_workers(value)
    except ClusterError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


class Terminated(KeyboardInterrupt):
    """SIGTERM, stopping a run as Ctrl-C does (what is finished is closed properly and kept)."""


def _terminate(signum: int, frame: Any) -> None:
    # a second SIGTERM must not cut short the closing of the outputs
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated()


def _date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prextract",
        description="Extract structured records (agreements, appointments, dates, organisations, "
                    "people and their posts) from Japanese press releases.")
    parser.add_argument("--version", action="version", version=f"prextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="extract every release in a folder into OUT (JSONL, JSON, CSV)")
    run.add_argument("input", type=_location, metavar="DIR",
                     help="folder of .txt/.md/.html releases (searched recursively); with --scheduler "
                          "also an fsspec URL such as s3://bucket/releases")
    run.add_argument("-o", "--output", type=_location, required=True, metavar="OUT",
                     help="output folder; with --scheduler also an fsspec URL")
    run.add_argument("--format", type=_formats, default=DEFAULT_FORMATS, metavar="LIST",
                     help="comma-separated outputs: csv,jsonl,json,xlsx (default: csv,jsonl,json)")
    run.add_argument("--report", action="store_true", help="also write OUT/report.html, the review report")
    run.add_argument("--encoding", default=None, help="force an input encoding (default: detect)")
    run.add_argument("--reference-date", type=_date, default=None, metavar="YYYY-MM-DD",
                     help="fills the year of partial dates when a release has no dateline")
    run.add_argument("--resume", action="store_true",
                     help="keep OUT/records.jsonl and skip files whose content is already in it")
    run.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                     help="worker processes, one NLP pipeline each (default: the machine's cores)")
    run.add_argument("--scheduler", type=_scheduler, default=None, metavar="ADDRESS",
                     help="run on a Dask cluster: a scheduler's address (tcp://HOST:8786), or local:N "
                          "for N local worker processes (needs: pip install \"prextract[dask]\")")
    run.add_argument("--quiet", action="store_true", help="no progress bar")

    rep = sub.add_parser("report", help="write the offline HTML review report of a run's output")
    rep.add_argument("out", type=Path, metavar="OUT", help="the output folder of a run")
    rep.add_argument("-o", "--output", type=Path, default=None, metavar="HTML",
                     help="where to write it (default: OUT/report.html)")
    rep.add_argument("--input", type=Path, default=None, metavar="DIR",
                     help="the releases' folder, if it moved since the run (default: OUT/run.json)")

    one = sub.add_parser("extract", help="print one release's prextract/1 JSON to stdout")
    one.add_argument("file", metavar="FILE", help="a .txt/.md/.html release, or - for standard input")
    one.add_argument("--encoding", default=None)
    one.add_argument("--reference-date", type=_date, default=None, metavar="YYYY-MM-DD")

    ev = sub.add_parser("evaluate", help="score records against gold files (precision, recall, F1)")
    ev.add_argument("gold", metavar="GOLD_DIR")
    ev.add_argument("records", metavar="RECORDS.jsonl")
    ev.add_argument("--per-doc", action="store_true", help="scores and misses per document")
    ev.add_argument("--json", action="store_true", help="the report as JSON")
    ev.add_argument("--by-type", action="store_true", help="also score events per event type")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        if args.scheduler is not None and args.jobs is not None:
            parser.error("choose --jobs (local worker processes) or --scheduler (a Dask cluster), not both")
        urls = [str(v) for v in (args.input, args.output) if isinstance(v, str)]
        if urls and args.scheduler is None:
            parser.error(f"{urls[0]}: URLs are read and written by a Dask cluster run (--scheduler)")
    from .errors import PrextractError
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "extract":
            return _extract_one(args)
        if args.command == "report":
            from .report import main as report_main
            return report_main([str(args.out)] + (["-o", str(args.output)] if args.output else [])
                               + (["--input", str(args.input)] if args.input else []))
        if args.command == "evaluate":
            from .evaluate import main as evaluate_main
            flags = [f"--{name.replace('_', '-')}" for name in ("per_doc", "json", "by_type") if getattr(args, name)]
            rest = [args.gold, args.records] + flags
            return evaluate_main(rest)
    except PrextractError as exc:
        print(f"prextract: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        print(f"prextract: {'terminated (SIGTERM)' if terminated else 'interrupted'}; finished documents "
              "are kept (--resume goes on from there)", file=sys.stderr)
        return 128 + signal.SIGTERM if terminated else 130
    return 2


def _extract_one(args: argparse.Namespace) -> int:
    from .api import default_extractor, extract_file
    if args.file == "-":
        from .read import read_bytes
        src = read_bytes(sys.stdin.buffer.read(), encoding=args.encoding)
        doc = default_extractor().extract(src.text, source=None, reference_date=args.reference_date)
    else:
        doc = extract_file(args.file, encoding=args.encoding, reference_date=args.reference_date)
    json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _run(args: argparse.Namespace) -> int:
    # SIGTERM (a service manager, a batch system, kill) stops the run as Ctrl-C does
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _run_folder(args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_folder(args: argparse.Namespace) -> int:
    from .read import iter_input_files
    from .runner import limit_blas_threads, run_folder

    limit_blas_threads()  # before numpy loads: --jobs decides how many cores the run uses
    local_input = isinstance(args.input, Path)
    total = sum(1 for _ in iter_input_files(args.input)) if local_input and args.input.exists() else None
    # the workbook and the report are built from records.jsonl and errors.csv
    formats = [f for f in args.format if f != "xlsx"]
    if "xlsx" in args.format or args.report:
        formats += [f for f in ("jsonl", "csv") if f not in formats]
    progress = _progress(total, quiet=args.quiet)
    cluster: dict[str, Any] = {}
    if args.scheduler is not None:  # the cluster's line goes above the progress bar
        cluster = {"scheduler": args.scheduler,
                   "on_cluster": lambda line: progress.write(f"prextract: {line}", file=sys.stderr)}
        if isinstance(args.output, str):  # the workers write their parts beside the outputs
            from .cluster import PARTS_DIR
            cluster["parts_dir"] = f"{args.output.rstrip('/')}/{PARTS_DIR}"
    with _output_folder(args) as out:
        try:
            summary = run_folder(args.input, out, formats=tuple(formats), jobs=args.jobs,
                                 encoding=args.encoding, reference_date=args.reference_date,
                                 resume=args.resume, on_file=lambda _result: progress.update(1), **cluster)
        finally:
            progress.close()
        from .report import write_report, write_run_info
        if local_input:
            write_run_info(out, args.input)  # lets the report find the texts again
        if "xlsx" in args.format:
            from .xlsx import WORKBOOK_FILE, write_workbook
            write_workbook(out, out / WORKBOOK_FILE)
        if args.report:
            write_report(out)
    done = summary.total - summary.failed
    print(f"prextract: {done} of {summary.total} files extracted into {args.output}"
          + (f" ({summary.skipped} already done)" if summary.skipped else "")
          + (f"; {summary.failed} failed (see errors.csv)" if summary.failed else ""), file=sys.stderr)
    return 1 if summary.failed else 0


def _output_folder(args: argparse.Namespace) -> Any:
    """The local folder the run writes to: OUT itself, or for a URL a local copy uploaded at the end."""
    if isinstance(args.output, Path):
        import contextlib
        return contextlib.nullcontext(args.output)
    from .cluster import staged_output
    return staged_output(args.output, resume=args.resume)


class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def write(self, line: str, file: Any = None) -> None:
        print(line, file=file or sys.stderr)

    def close(self) -> None:
        pass


def _progress(total: int | None, *, quiet: bool):
    """A progress bar on stderr when it is a terminal; silent otherwise (logs, CI, pipes)."""
    if quiet or not sys.stderr.isatty():
        return _NoProgress()
    from tqdm import tqdm
    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)
