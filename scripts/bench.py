#!/usr/bin/env python3
"""Benchmark: plain ja_ginza ``nlp.pipe`` against prextract's full extraction, on corpora made
from samples/, at two sizes, with one and two worker processes; prints a markdown table.

    python scripts/bench.py                      # 100 and 2,000 files (the 2,000 take long here)
    python scripts/bench.py --files 100 --jobs 1 2
    python scripts/bench.py --check              # records of every sample: fast path == plain path
    python scripts/bench.py --files 2000 --jobs 2 --scheduler local:2   # a Dask LocalCluster beside --jobs 2

Every measurement runs in a fresh process, end to end: loading the model, reading the files, and
for prextract the whole ``prextract run DIR -o OUT --jobs N`` command, outputs written (with
``--scheduler local:N``: the same command on a Dask LocalCluster of N worker processes started for
the run, its start-up included; the overhead is its wall time against ``--jobs N``'s). Peak RSS is
that of the largest process of the run (for ``--jobs 2``: a worker). Wall-clock times on a shared
machine vary; the table says when and where it was measured.

The corpus is varied, not one text repeated: each file is the header of one sample (dateline,
sender, headline, first paragraph) followed by paragraphs drawn from other samples, up to 800 to
2,000 characters, chosen with a fixed seed; 80 % are UTF-8 text, 10 % CP932 text, 10 % HTML
pages, in folders of 50 files.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = 20240401


# ------------------------------------------------------------------------------------ corpus

def _paragraphs(text: str) -> list[str]:
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
    if len(blocks) >= 3:
        return blocks
    lines = [line for line in text.split("\n") if line.strip()]  # a sample without blank lines
    return ["\n".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]


def build_corpus(directory: Path, files: int, seed: int = SEED) -> int:
    """Write ``files`` releases under ``directory``; returns their total characters (as text)."""
    from prextract.read import read_file

    samples = [_paragraphs(read_file(p).text) for p in sorted(SAMPLES.glob("*.*"))]
    rng = random.Random(seed)
    total = 0
    for n in range(files):
        own = samples[n % len(samples)]
        parts = own[:2]
        target = rng.randint(800, 2000)  # the length of a typical release
        while sum(map(len, parts)) < target:
            other = rng.choice(samples)
            parts.append(rng.choice(other[1:] or other))
        text = "\n\n".join(parts) + "\n"
        folder = directory / f"batch-{n // 50:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = rng.random()
        if kind < 0.1:
            page = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>\n" for p in text.split("\n\n"))
            (folder / f"r{n:05d}.html").write_text(
                f"<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>{html.escape(own[0][:40])}"
                f" | ニュース</title></head><body><nav><a href='/'>トップ</a> <a href='/news'>ニュース一覧</a></nav>"
                f"<main><article>{page}</article></main><footer>Copyright</footer></body></html>",
                encoding="utf-8")
        elif kind < 0.2:
            try:
                (folder / f"r{n:05d}.txt").write_bytes(text.encode("cp932"))
            except UnicodeEncodeError:
                (folder / f"r{n:05d}.txt").write_text(text, encoding="utf-8")
        else:
            (folder / f"r{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def corpus_chars(directory: Path) -> tuple[int, int]:
    """(files, characters) of a corpus as prextract reads it (HTML reduced to its text)."""
    from prextract.read import iter_input_files, read_file

    files = chars = 0
    for path in iter_input_files(directory):
        files += 1
        chars += len(read_file(path).text)
    return files, chars


# ------------------------------------------------------------------------------ measurement

def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``cmd``; its wall time, and the peak RSS of its largest process (the child's own
    rusage covers the grandchildren it waited for: the workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {code}")
    result = {"wall": wall, "rss_mb": usage.ru_maxrss / 1024}  # Linux: kilobytes
    if out.strip():
        result.update(json.loads(out.decode("utf-8").strip().splitlines()[-1]))
    return result


def plain_ginza(directory: str, batch_size: int) -> None:
    """(child) ja_ginza as shipped, ``nlp.pipe`` over the corpus texts; prints its timings."""
    start = time.perf_counter()
    import spacy

    from prextract.read import iter_input_files, read_file

    nlp = spacy.load("ja_ginza")
    loaded = time.perf_counter()
    texts = (read_file(path).text for path in iter_input_files(directory))
    docs = 0
    for _ in nlp.pipe(texts, batch_size=batch_size):
        docs += 1
    print(json.dumps({"load": loaded - start, "docs": docs}))


def run_prextract(directory: Path, jobs: int | None = None, scheduler: str | None = None) -> dict[str, float]:
    """``prextract run`` over ``directory`` with ``--jobs`` or ``--scheduler``; its measurements."""
    how = ["--jobs", str(jobs)] if scheduler is None else ["--scheduler", scheduler]
    label = f"jobs{jobs}" if scheduler is None else scheduler.replace(":", "").replace("/", "_")
    out = directory.parent / f"out-{directory.name}-{label}"
    cmd = [sys.executable, "-m", "prextract", "run", str(directory), "-o", str(out), *how, "--quiet"]
    result = measure(cmd)
    records = out / "records.jsonl"
    result["docs"] = sum(1 for _ in open(records, encoding="utf-8")) if records.exists() else 0
    return result


# -------------------------------------------------------------------------------------- report

def _row(label: str, files: int, chars: int, r: dict[str, float]) -> str:
    wall = r["wall"]
    return (f"| {label} | {files:,} | {chars / wall:,.0f} | {files / wall:.2f} | {wall / files:.3f} "
            f"| {wall:,.1f} | {r['rss_mb']:,.0f} |")


def bench(sizes: list[int], jobs_list: list[int], batch_size: int, work: Path,
          schedulers: list[str] = (), plain: bool = True) -> None:
    lines = ["| run | files | chars/s | docs/s | s/file | wall s | peak RSS MB (largest process) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    notes = []
    by_size: dict[int, dict[str, dict[str, float]]] = {}
    for size in sizes:
        corpus = work / f"corpus-{size}"
        if not corpus.exists():
            build_corpus(corpus, size)
        files, chars = corpus_chars(corpus)
        print(f"corpus of {files:,} files, {chars:,} characters: {corpus}", file=sys.stderr)
        results: dict[str, dict[str, float]] = {}
        if plain:
            results["plain"] = measure([sys.executable, __file__, "_plain", str(corpus), str(batch_size)])
            lines.append(_row("plain ja_ginza nlp.pipe", files, chars, results["plain"]))
            print(lines[-1], file=sys.stderr)
        for jobs in jobs_list:
            results[f"jobs{jobs}"] = run_prextract(corpus, jobs)
            lines.append(_row(f"prextract run --jobs {jobs}", files, chars, results[f"jobs{jobs}"]))
            print(lines[-1], file=sys.stderr)
        for scheduler in schedulers:
            results[scheduler] = run_prextract(corpus, scheduler=scheduler)
            lines.append(_row(f"prextract run --scheduler {scheduler}", files, chars, results[scheduler]))
            print(lines[-1], file=sys.stderr)
            workers = scheduler.partition(":")[2]
            local = results.get(f"jobs{workers}") if scheduler.startswith("local:") else None
            if local is not None:
                overhead = results[scheduler]["wall"] / local["wall"] - 1
                notes.append(f"{size:,} files: --scheduler {scheduler} took {overhead:+.1%} wall time against "
                             f"--jobs {workers} ({results[scheduler]['wall']:,.1f} s against {local['wall']:,.1f} s); "
                             f"{chars / results[scheduler]['wall'] / int(workers):,.0f} chars/s per worker")
        by_size[size] = results
        if "jobs1" in results and "plain" in results:
            plain_wall = results["plain"]["wall"]
            notes.append(f"{size:,} files: prextract --jobs 1 runs at {plain_wall / results['jobs1']['wall']:.2f}x the "
                         f"chars/s of plain ja_ginza (model load {results['plain']['load']:.1f} s included in both)")
        if "jobs1" in results and "jobs2" in results:
            notes.append(f"{size:,} files: --jobs 2 at {results['jobs1']['wall'] / results['jobs2']['wall']:.2f}x --jobs 1")
    if len(sizes) >= 2:
        small, big = sorted(sizes)[0], sorted(sizes)[-1]
        for key in by_size[small]:
            if key in by_size[big]:
                marginal = (by_size[big][key]["wall"] - by_size[small][key]["wall"]) / (big - small)
                notes.append(f"{key}: {by_size[small][key]['wall'] / small:.3f} s/file at {small:,} files, "
                             f"{by_size[big][key]['wall'] / big:.3f} s/file at {big:,}; marginal cost of a file "
                             f"from {small:,} to {big:,}: {marginal:.3f} s")
    print("\n".join(lines))
    print()
    for note in notes:
        print(f"- {note}")
    print(f"\nMeasured {time.strftime('%Y-%m-%d')} on {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores (shared), Python {platform.python_version()}; "
          f"command: python scripts/bench.py --files {' '.join(map(str, sizes))} --jobs {' '.join(map(str, jobs_list))}"
          + (f" --scheduler {' '.join(schedulers)}" if schedulers else "") + ("" if plain else " --no-plain"))


def check(work: Path) -> int:
    """Records of every sample with the fast pipeline and with the plain one: identical?"""
    outputs = {}
    for name, env in (("fast", {}), ("plain", {"PREXTRACT_PLAIN_PIPELINE": "1"})):
        out = work / f"check-{name}"
        subprocess.run([sys.executable, "-m", "prextract", "run", str(SAMPLES), "-o", str(out), "--jobs", "1",
                        "--quiet", "--format", "jsonl"], env={**os.environ, **env}, check=False)
        outputs[name] = [json.loads(line) for line in open(out / "records.jsonl", encoding="utf-8")]
    same = [a["source"] for a, b in zip(outputs["fast"], outputs["plain"]) if a == b]
    differ = [a["source"] for a, b in zip(outputs["fast"], outputs["plain"]) if a != b]
    print(f"{len(same)} of {len(outputs['fast'])} samples have identical records; differ: {differ or 'none'}")
    return 1 if differ or len(outputs["fast"]) != len(outputs["plain"]) else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_plain"]:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, like one prextract worker
        plain_ginza(argv[1], int(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, nargs="+", default=[100, 2000], help="corpus sizes")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts for prextract")
    parser.add_argument("--scheduler", nargs="*", default=[], metavar="ADDRESS",
                        help="also run on Dask: local:N (a LocalCluster of N processes, compared with --jobs N) "
                             "or a scheduler's address")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain ja_ginza row")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size of plain ja_ginza")
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and outputs (kept)")
    parser.add_argument("--check", action="store_true", help="compare fast and plain records on samples/")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="prextract-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.check:
        return check(work)
    bench(sorted(args.files), args.jobs, args.batch_size, work, args.scheduler, plain=not args.no_plain)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
