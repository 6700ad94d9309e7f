"""Folder runs at scale: every release under a folder through the extractor, in this process or in
worker processes, each result handed to the writer as soon as it is finished.

- The parent lists the files, decides what ``--resume`` skips (by content hash), and is the only
  writer. Workers read, decode and extract: only paths go to them and finished documents come
  back, so no text crosses a process boundary and the parent never holds the corpus.
- One NLP pipeline per worker process, loaded once, on the worker's first document. Workers are
  started with ``spawn`` (a loaded spaCy model is not fork-safe, and spawn works everywhere).
- Files travel in tasks of ``chunk_size``; each task goes through ``Extractor.pipe`` as one batch.
  At most ``2 * jobs`` tasks are in flight, so memory does not grow with the number of files.
- Results are written in the order they finish; the writer sorts ``records.jsonl`` by source at
  the end (``OutputWriter(compact=True)``), so the outputs are the same for any ``jobs``.
- A file that cannot be read or extracted becomes a ``FileError``; a batch that fails is retried
  file by file, so one bad file never takes its neighbours with it. A worker process that dies
  (a crash in native code, the OOM killer) is replaced and its files are retried one by one; a
  file that kills a worker on its own is reported as ``WorkerCrashed``.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import multiprocessing
import os
import signal
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import FileError, default_extractor, source_meta
from .errors import InputError, PrextractError
from .read import SourceText, iter_input_files, read_file
from .records import Extraction

#: files per task: one ``Extractor.pipe`` batch in a worker
DEFAULT_CHUNK_SIZE = 8
#: environment variables that size the BLAS thread pools (OpenBLAS, OpenMP, MKL, BLIS)
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                         "BLIS_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One input file: where it is, and the ``source`` its records carry."""

    path: str
    source: str


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input: its prextract/1 document, or why there is none."""

    source: str
    document: dict[str, Any] | None = None
    error: FileError | None = None


@dataclass(frozen=True, slots=True)
class Options:
    """What every worker needs to know, sent once when the worker starts."""

    encoding: str | None = None
    reference_date: _dt.date | None = None


@dataclass
class RunSummary:
    """Counts of a folder run."""

    total: int = 0          # input files found
    extracted: int = 0      # documents written in this run (copies of identical content included)
    failed: int = 0         # rows written to errors.csv
    skipped: int = 0        # already in the records (--resume)
    failed_sources: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# one batch of files -> results (in a worker, or in this process for jobs=1)

def limit_blas_threads() -> None:
    """One BLAS thread per pipeline, unless the user chose otherwise.

    ``--jobs`` decides how many cores a run uses; a BLAS pool per worker on top of that would put
    several threads on each core. Effective only before numpy is first imported in the process.
    """
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def work_items(root: str | os.PathLike[str]) -> Iterator[WorkItem]:
    """The supported files under ``root`` in sorted order, with their sources (POSIX paths
    relative to ``root``; the file name when ``root`` is a file)."""
    root = Path(root)
    is_dir = root.is_dir()
    for path in iter_input_files(root):
        source = path.relative_to(root).as_posix() if is_dir else path.name
        yield WorkItem(str(path), source)


def read_item(item: WorkItem, *, encoding: str | None = None) -> SourceText:
    """Read one input: a local path with ``read_file``, an fsspec URL (``s3://…``, a cluster
    run's input) through fsspec."""
    if is_url(item.path):
        from .cluster import read_url
        return read_url(item.path, encoding=encoding)
    return read_file(item.path, encoding=encoding)


def is_url(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an fsspec URL (``s3://bucket/key``, ``file:///tmp/x``), not a plain path."""
    return "://" in str(path)


def _error(source: str, stage: str, exc: BaseException) -> FileError:
    if isinstance(exc, PrextractError):
        stage = exc.stage
    return FileError(source, stage, type(exc).__name__, str(exc) or repr(exc))


def extract_batch(items: Iterable[WorkItem], options: Options = Options()) -> list[Extraction | FileError]:
    """Read and extract ``items``, in order: the readable ones as one ``Extractor.pipe`` batch.

    Never raises for a file's sake: a file that cannot be read or extracted becomes a FileError.
    When the batch fails, its files are extracted again one by one, so that only the file at
    fault is reported.
    """
    items = list(items)
    results: dict[int, Extraction | FileError] = {}
    readable: list[tuple[int, WorkItem, SourceText]] = []
    for n, item in enumerate(items):
        try:
            readable.append((n, item, read_item(item, encoding=options.encoding)))
        except Exception as exc:  # an unexpected failure of one file must not stop the run
            results[n] = _error(item.source, "read", exc)
    if len(readable) > 1:
        try:
            for (n, _, _), doc in zip(readable, _pipe(readable, options)):
                results[n] = doc
        except Exception:
            pass  # some file of the batch is at fault: find it below, one file at a time
    for n, item, src in readable:
        if n not in results:
            try:
                results[n] = next(_pipe([(n, item, src)], options))
            except Exception as exc:
                results[n] = _error(item.source, "extract", exc)
    return [results[n] for n in range(len(items))]


def extract_items(items: Iterable[WorkItem], options: Options = Options()) -> list[Result]:
    """``extract_batch`` as Results, whose documents are plain dicts (they cross processes)."""
    items = list(items)
    return [Result(item.source, error=r) if isinstance(r, FileError)
            else Result(item.source, document=r.to_dict())
            for item, r in zip(items, extract_batch(items, options))]


def _pipe(batch: list[tuple[int, WorkItem, SourceText]], options: Options) -> Iterator[Extraction]:
    return default_extractor().pipe(
        (src.text for _, _, src in batch), sources=[item.source for _, item, _ in batch],
        reference_date=options.reference_date, metas=[source_meta(src) for _, _, src in batch])


# --------------------------------------------------------------------------------------------
# worker processes

_worker_options = Options()


def _init_worker(options: Options) -> None:
    """Runs first in each worker: BLAS to one thread, Ctrl-C left to the parent."""
    global _worker_options
    limit_blas_threads()
    # the terminal sends SIGINT to the whole process group; the parent decides what stops
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options = options


def _work(items: list[WorkItem]) -> list[Result]:
    return extract_items(items, _worker_options)


def worker_crashed(item: WorkItem) -> FileError:
    """The errors.csv row of a file that killed its worker process on its own."""
    return FileError(item.source, "analyse", "WorkerCrashed", "the worker process died while extracting this file")


def chunks(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    """``items`` in lists of ``size`` (the last one shorter), taken lazily."""
    chunk: list[WorkItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def iter_results(items: Iterable[WorkItem], *, jobs: int = 1, options: Options = Options(),
                 chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[Result]:
    """Results for ``items``, each as soon as it is finished (in input order when ``jobs`` is 1).

    ``items`` is consumed lazily: at most ``2 * jobs`` tasks of ``chunk_size`` files are taken
    ahead of the results handed out. ``jobs`` > 1 runs that many worker processes.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        for chunk in chunks(items, chunk_size):
            yield from extract_items(chunk, options)
        return
    yield from _iter_results_in_workers(chunks(items, chunk_size), jobs, options)


def _new_pool(jobs: int, options: Options) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(options,))


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop at once: pending tasks cancelled, running workers terminated (their files are
    neither written nor lost: a resumed run does them)."""
    # the executor has no public way to stop running tasks; its process table is read defensively
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.terminate()
    for process in workers:
        process.join(timeout=5)


def _iter_results_in_workers(tasks: Iterator[list[WorkItem]], jobs: int, options: Options,
                             work: Callable[[list[WorkItem]], list[Result]] = _work) -> Iterator[Result]:
    window = 2 * jobs
    # files of tasks lost with a dead worker; retried one file at a time, alone in the pool, so
    # that a file which kills its worker again is known for certain
    retry: deque[list[WorkItem]] = deque()
    in_flight: dict[Future[list[Result]], tuple[list[WorkItem], bool]] = {}
    pool = _new_pool(jobs, options)
    try:
        exhausted = False
        while True:
            if retry:
                if not in_flight:
                    task = retry.popleft()
                    in_flight[pool.submit(work, task)] = (task, True)
            else:
                while len(in_flight) < window and not exhausted:
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                    else:
                        in_flight[pool.submit(work, task)] = (task, False)
            if not in_flight:
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task, retried = in_flight.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                    if retried:
                        yield Result(task[0].source, error=worker_crashed(task[0]))
                    else:
                        retry.extend([item] for item in task)
                    continue
                except Exception as exc:  # the task itself failed (not one file): all its files
                    yield from (Result(item.source, error=_error(item.source, "extract", exc)) for item in task)
                    continue
                yield from results
            if broken:  # every task still in flight died with the pool
                for task, _ in in_flight.values():
                    retry.extend([item] for item in task)
                in_flight.clear()
                _stop_pool(pool)
                pool = _new_pool(jobs, options)
    finally:
        _stop_pool(pool)


# --------------------------------------------------------------------------------------------
# a folder run: the files, resume, the writer

def plan_workers(files: int, jobs: int, chunk_size: int = DEFAULT_CHUNK_SIZE) -> tuple[int, int]:
    """``(jobs, chunk_size)`` for ``files`` files: a worker only for a full task of files (each
    worker loads the model, seconds of work), and tasks no bigger than a fair share."""
    if files <= 0:
        return 1, chunk_size
    jobs = max(1, min(jobs, -(-files // chunk_size)))
    return jobs, max(1, min(chunk_size, -(-files // jobs)))


def _content_hash(path: str) -> str | None:
    """sha256 of a file's bytes, as ``meta.sha256`` records it; None when it cannot be read
    (the worker then reports why)."""
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb", buffering=0) as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO would block
                return None
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def run_folder(root: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
               formats: Iterable[str] | None = None, jobs: int | None = None,
               encoding: str | None = None, reference_date: _dt.date | None = None,
               resume: bool = False, chunk_size: int = DEFAULT_CHUNK_SIZE,
               on_file: Callable[[Result | None], None] | None = None,
               scheduler: str | None = None, client: Any = None,
               on_cluster: Callable[[str], None] | None = None,
               parts_dir: str | None = None) -> RunSummary:
    """Extract every release under ``root`` into ``out_dir`` (see the module docstring).

    ``jobs`` worker processes (default: the machine's cores; 1 runs in this process), fewer when
    the folder is small (``plan_workers``).
    ``resume`` keeps the documents already in ``out_dir/records.jsonl``: a file whose
    (source, content hash) is there is skipped; a file whose content is there under another
    source gets a copy of that document. ``on_file`` is called once per input file (with None for
    a skipped one), e.g. to move a progress bar. Interrupted (Ctrl-C), the run stops at once and
    closes its outputs with what is finished; the KeyboardInterrupt is raised again after that.

    ``scheduler`` (``tcp://HOST:8786``, or ``local:N`` for a LocalCluster of N processes started
    for the run) or ``client`` (a ``distributed.Client``) runs the files on a Dask cluster
    instead, with the same outputs (``prextract.cluster``; ``root`` may then be an fsspec URL,
    ``on_cluster`` receives a line describing the cluster and its dashboard, ``parts_dir`` is
    where the workers write their partial outputs: default ``out_dir/.prextract-parts``).
    """
    if scheduler is not None or client is not None:
        from .cluster import run_folder_on_cluster
        return run_folder_on_cluster(root, out_dir, formats=formats, encoding=encoding,
                                     reference_date=reference_date, resume=resume, on_file=on_file,
                                     scheduler=scheduler, client=client, on_cluster=on_cluster,
                                     parts_dir=parts_dir)
    if is_url(root):
        raise InputError(f"{root}: a URL input needs a Dask cluster (--scheduler); "
                         "a local run reads local folders")
    root = Path(root)
    if not root.exists():
        raise InputError(f"{root}: no such file or folder")
    jobs, chunk_size = plan_workers(sum(1 for _ in work_items(root)), jobs or os.cpu_count() or 1,
                                    chunk_size)
    options = Options(encoding=encoding, reference_date=reference_date)
    summary = RunSummary()
    with open_writer(out_dir, formats, input_root=root, resume=resume) as writer:
        to_do = pending_items(work_items(root), writer, summary, resume=resume, on_file=on_file)
        for result in iter_results(to_do, jobs=jobs, options=options, chunk_size=chunk_size):
            record_result(writer, summary, result, on_file)
    return summary


def open_writer(out_dir: str | os.PathLike[str], formats: Iterable[str] | None, *,
                input_root: str | os.PathLike[str] | None, resume: bool) -> Any:
    """The ``OutputWriter`` of a folder run (records compacted and sorted by source at close)."""
    from .output import FORMATS, OutputWriter

    root = None if input_root is None or is_url(input_root) else input_root
    return OutputWriter(out_dir, tuple(formats or FORMATS), input_root=root, resume=resume, compact=True)


def pending_items(items: Iterable[WorkItem], writer: Any, summary: RunSummary, *, resume: bool,
                  on_file: Callable[[Result | None], None] | None = None,
                  content_hash: Callable[[str], str | None] | None = None) -> Iterator[WorkItem]:
    """The items still to extract, lazily; counts every item in ``summary.total``.

    With ``resume``, an item whose (source, content hash) is in the writer's records is skipped,
    and one whose content is there under another source gets a copy of that document, written
    here. ``content_hash(path)`` (default: sha256 of a local file) is None for an unreadable file,
    which then goes to the workers to be reported.
    """
    content_hash = content_hash or _content_hash
    for item in items:
        summary.total += 1
        if resume:
            sha256 = content_hash(item.path)
            if sha256 is not None and writer.is_done(item.source, sha256):
                summary.skipped += 1
                if on_file:
                    on_file(None)
                continue
            earlier = writer.record_with_hash(sha256) if sha256 is not None else None
            if earlier is not None:  # the same bytes under another name: same document
                record_result(writer, summary, Result(item.source, document={**earlier, "source": item.source}),
                              on_file)
                continue
        yield item


def record_result(writer: Any, summary: RunSummary, result: Result,
                  on_file: Callable[[Result | None], None] | None) -> None:
    """Hand one result to the writer (a document, or a row of errors.csv) and count it."""
    if result.error is not None:
        e = result.error
        writer.error(e.source, e.stage, e.error_type, e.message)
        summary.failed += 1
        summary.failed_sources.append(e.source)
    else:
        assert result.document is not None
        writer.write(result.document)
        summary.extracted += 1
    if on_file:
        on_file(result)

