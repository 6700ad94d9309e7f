"""Folder runs on a Dask cluster: the same run as ``runner.run_folder``, its tasks on Dask workers.

- The client lists the files (paths or fsspec URLs, never their bytes), decides what ``--resume``
  skips (``runner.pending_items``, by content hash) and cuts the rest into tasks of
  ``plan_task_size`` files, smaller ones at the end (``plan_tasks``). At most a few tasks per
  worker thread are submitted at a time, so the scheduler holds a bounded amount of work however
  large the folder.
- A task runs on a worker: it reads its files itself (plain ``open`` or fsspec), extracts them
  with the worker process's own pipeline (``api.default_extractor()``, loaded on the first task
  and kept), and writes its documents to ``<parts dir>/task-<id>.jsonl`` in one atomic step. The
  id is a hash of the task's sources, so a task that Dask runs again (its worker died) overwrites
  its own part and never adds a second one. Only a small ``TaskSummary`` (counts, sources, the
  rows of errors.csv) travels back through the scheduler.
- The client merges each finished part through the same ``OutputWriter`` as a local run, so
  ``records.jsonl``, the CSV tables, ``errors.csv`` and the workbook are made by the same code
  and come out the same; it removes the parts folder at the end.
- The Japanese tokenizer is not thread-safe: ``local:N`` starts N processes of one thread each,
  and a lock serialises extraction in a worker process started with more threads than that.
- A worker that dies: Dask reruns its tasks elsewhere. A task that keeps killing its workers
  (``KilledWorker``) is split into one task per file, each run alone on the cluster, and a file
  that still kills its worker becomes a ``WorkerCrashed`` row of errors.csv, as in a local run.

Dask, distributed and fsspec come with ``pip install "prextract[dask]"``; they are imported only
here, only when a cluster run starts.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .api import FileError
from .errors import ClusterError, InputError
from .read import DEFAULT_MAX_BYTES, FORMAT_BY_EXTENSION, SourceText, format_for_path, read_bytes
from .runner import (
    DEFAULT_CHUNK_SIZE,
    Options,
    Result,
    RunSummary,
    WorkItem,
    _error,
    chunks,
    extract_batch,
    extract_items,
    is_url,
    open_writer,
    pending_items,
    record_result,
    work_items,
    worker_crashed,
)

#: the folder of the workers' partial outputs, inside the output folder (removed at the end)
PARTS_DIR = ".prextract-parts"
#: files per task: small enough that the last tasks of a run do not leave workers idle for long,
#: large enough that Dask's per-task cost (milliseconds) is nothing beside the extraction (seconds)
MIN_TASK_FILES = 16
MAX_TASK_FILES = 32
#: tasks the scheduler holds per worker thread at a time
TASKS_PER_THREAD = 3
INSTALL_HINT = 'pip install "prextract[dask]"'
WORKER_WAIT_SECONDS = 60
#: Dask settings for the workers of ``local:N`` (the same, in a config file, for an existing
#: cluster: see the README). Measured on 200 releases, two workers: Dask's defaults cost 30 % more
#: CPU than ``--jobs 2``. Its sampling profiler walks the worker's deep spaCy stack every 10 ms;
#: and its nanny sets MALLOC_TRIM_THRESHOLD_, which also fixes glibc's mmap threshold, so every
#: large array the NER members allocate per batch is a fresh mmap, zeroed, then unmapped (the
#: run's sys time: 12.9 s with it, 3.7 s without).
_PROFILER = "distributed.worker.profile.enabled"
_MALLOC_TRIM = "MALLOC_TRIM_THRESHOLD_"
LOCAL_WORKER_CONFIG = {
    _PROFILER: False,
    f"distributed.nanny.pre-spawn-environ.{_MALLOC_TRIM}": None,   # None: not set at all
}
REMOVE_PATIENCE_SECONDS = 5.0  # how long a stopped run waits for a task caught mid-write

# one extraction at a time per worker process, whatever its number of threads
_PIPELINE_LOCK = threading.Lock()


# --------------------------------------------------------------------------------------------
# Dask, lazily

def _distributed() -> Any:
    """The ``distributed`` module, or a ClusterError saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(f"running on a Dask cluster needs Dask, which is not installed "
                           f"({exc.name or exc}): {INSTALL_HINT}") from None
    _fsspec()  # the workers read and write through it
    return distributed


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise ClusterError(f"a cluster run reads and writes through fsspec, which is not installed: "
                           f"{INSTALL_HINT}") from None
    return fsspec


def parse_local_workers(scheduler: str) -> int | None:
    """N of ``local:N``; None for the address of an existing scheduler."""
    if not scheduler.startswith("local:"):
        return None
    try:
        workers = int(scheduler[len("local:"):])
    except ValueError:
        workers = 0
    if workers < 1:
        raise ClusterError(f"{scheduler!r}: write local:N with N worker processes, 1 or more (e.g. local:4)")
    return workers


@contextlib.contextmanager
def connect(scheduler: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler``: ``local:N`` starts a LocalCluster of N
    processes of one thread each for the run (closed at the end); anything else is the address of
    a running scheduler (``tcp://HOST:8786``)."""
    distributed = _distributed()
    workers = parse_local_workers(scheduler)
    if workers is not None:
        import logging

        import dask
        with dask.config.set(LOCAL_WORKER_CONFIG):  # the nannies take their config when made
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, dashboard_address=":0",
                                               silence_logs=logging.ERROR)
        try:
            client = distributed.Client(cluster)
            try:
                yield client
            finally:
                client.close()
        finally:
            cluster.close()
        return
    try:
        client = distributed.Client(scheduler, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    try:
        yield client
    finally:
        client.close()


@contextlib.contextmanager
def _client_for(scheduler: str | None, client: Any) -> Iterator[Any]:
    if client is not None:
        _distributed()
        yield client
    else:
        assert scheduler is not None
        with connect(scheduler) as own:
            yield own


def worker_threads(client: Any, *, wait: float = WORKER_WAIT_SECONDS) -> int:
    """The cluster's worker threads, once at least one worker has joined."""
    try:
        client.wait_for_workers(1, timeout=wait)
    except TimeoutError:
        raise ClusterError(f"no Dask worker joined the scheduler within {wait:.0f} s "
                           "(start some: dask worker tcp://HOST:8786 --nthreads 1)") from None
    return max(1, sum(client.nthreads().values()))


def describe(client: Any) -> str:
    """One line on the cluster: workers, threads, and where its dashboard is."""
    threads = client.nthreads()
    info = client.scheduler_info()
    line = (f"Dask cluster at {info.get('address', '?')}: {len(threads)} workers, "
            f"{sum(threads.values())} threads")
    if "dashboard" in (info.get("services") or {}):
        line += f"; dashboard: {client.dashboard_link}"
    else:
        line += "; no dashboard (pip install bokeh for one)"
    if any(n > 1 for n in threads.values()):
        line += ("; some workers have several threads, which the pipeline cannot use "
                 "(start them with --nthreads 1)")
    try:
        settings = list(client.run(worker_settings).values())
    except Exception:  # a worker that cannot answer now: this line is advice, never a reason to stop
        settings = []
    if any(s != (LOCAL_WORKER_CONFIG[_PROFILER], None) for s in settings):
        line += ("; some workers run Dask's profiler or MALLOC_TRIM_THRESHOLD_, which slow the "
                 "extraction (see the README's Dask section for their config file)")
    return line


def worker_settings() -> tuple[Any, str | None]:
    """(on a worker) Whether Dask's sampling profiler is on, and MALLOC_TRIM_THRESHOLD_: the two
    settings of ``LOCAL_WORKER_CONFIG``."""
    import dask
    return dask.config.get(_PROFILER), os.environ.get(_MALLOC_TRIM)


# --------------------------------------------------------------------------------------------
# files: local paths or fsspec URLs

def list_work_items(root: str | os.PathLike[str]) -> list[WorkItem]:
    """The supported files under ``root`` (a local path or an fsspec URL), sorted as a local run
    sorts them, with their sources (POSIX paths relative to ``root``)."""
    if not is_url(root):
        if not Path(root).exists():
            raise InputError(f"{root}: no such file or folder")
        return list(work_items(root))
    fs, path = _fsspec().core.url_to_fs(str(root))
    path = path.rstrip("/")
    if fs.isfile(path):
        return [WorkItem(str(root), path.rsplit("/", 1)[-1])]
    if not fs.isdir(path):
        raise InputError(f"{root}: no such file or folder")
    found = []
    for name in fs.find(path):
        parts = tuple(name[len(path):].lstrip("/").split("/"))
        suffix = os.path.splitext(parts[-1])[1].lower()
        if not any(p.startswith(".") for p in parts) and suffix in FORMAT_BY_EXTENSION:
            found.append((parts, name))
    found.sort()
    return [WorkItem(fs.unstrip_protocol(name), "/".join(parts)) for parts, name in found]


def count_work_items(root: str | os.PathLike[str]) -> tuple[int, Iterable[WorkItem]]:
    """``(number of files, the files)`` under ``root``: a local folder is listed twice, lazily,
    rather than held; a URL's listing comes whole from its filesystem anyway."""
    if is_url(root) or not Path(root).exists():
        items = list_work_items(root)
        return len(items), items
    return sum(1 for _ in work_items(root)), work_items(root)


def read_url(url: str, *, encoding: str | None = None) -> SourceText:
    """Read one release from an fsspec URL (on a worker), as ``read.read_file`` reads a path."""
    format = format_for_path(url)
    fs, path = _fsspec().core.url_to_fs(url)
    try:
        with fs.open(path, "rb") as handle:
            data = handle.read(DEFAULT_MAX_BYTES + 1)  # one byte past the limit: too large is caught
    except (OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot open the file ({exc})") from exc
    return read_bytes(data, path=url, format=format, encoding=encoding)


def url_content_hash(url: str) -> str | None:
    """sha256 of a file's bytes (a path or a URL), as ``meta.sha256`` records it; None when it
    cannot be read (its task then reports why)."""
    if not is_url(url):
        from .runner import _content_hash
        return _content_hash(url)
    digest = hashlib.sha256()
    try:
        fs, path = _fsspec().core.url_to_fs(url)
        with fs.open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def _join(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}" if is_url(base) else str(Path(base) / name)


def _remove_tree(location: str, *, patience: float = REMOVE_PATIENCE_SECONDS) -> None:
    local = _local_path(location)
    if local is not None:
        # A task the stop could not cancel (it was already writing) may add its part while the
        # folder is being removed, so rmtree leaves the folder: try again until it is gone. New
        # writes cannot start once it is (``write_part`` never creates the folder).
        deadline = time.monotonic() + patience
        shutil.rmtree(local, ignore_errors=True)
        while os.path.lexists(local) and time.monotonic() < deadline:
            time.sleep(0.05)
            shutil.rmtree(local, ignore_errors=True)
        return
    fs, path = _fsspec().core.url_to_fs(location)
    with contextlib.suppress(FileNotFoundError):
        if fs.exists(path):
            fs.rm(path, recursive=True)


# --------------------------------------------------------------------------------------------
# one task, on a worker

@dataclass(frozen=True, slots=True)
class TaskSummary:
    """What a task sends back: where its documents are, and the rows of errors.csv."""

    task_id: str
    part: str | None            # the part file of its documents; None when every file failed
    sources: tuple[str, ...]
    documents: int
    errors: tuple[FileError, ...]


def task_id(items: Iterable[WorkItem]) -> str:
    """A task's id, from its sources: a rerun of the same task has the same id (and part)."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(item.source.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:24]


def _local_path(location: str) -> str | None:
    """The path of ``location`` on this machine's disk (a plain path or a ``file://`` URL), or None."""
    if not is_url(location):
        return location
    fs, path = _fsspec().core.url_to_fs(location)
    return path if "file" in _protocols(fs) else None


def _protocols(fs: Any) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)


def make_parts_dir(location: str) -> None:
    """Create the parts folder (the client does, at the start of a run: see ``write_part``)."""
    local = _local_path(location)
    if local is not None:
        Path(local).mkdir(parents=True, exist_ok=True)
    # an object store has no folders to create


def write_part(location: str, docs: list[dict[str, Any]]) -> None:
    """Write a part file whole or not at all: temp file + rename on a local disk, one ``put``
    (which an object store makes visible complete or not at all) elsewhere.

    The folder is never created here: a task still running when its run was stopped finds the
    folder removed and writes nothing (a ClusterError nobody waits for).
    """
    data = "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs)
    local = _local_path(location)
    if local is None:
        fs, path = _fsspec().core.url_to_fs(location)
        fs.pipe_file(path, data.encode("utf-8"))
        return
    if not Path(local).parent.is_dir():
        raise ClusterError(f"{Path(local).parent}: the parts folder is gone (the run was stopped)")
    from .output import atomic_open
    with atomic_open(local, encoding="utf-8", newline="") as handle:
        handle.write(data)


def read_part(location: str) -> list[dict[str, Any]]:
    """The documents of a part file (on the client)."""
    try:
        if is_url(location):
            fs, path = _fsspec().core.url_to_fs(location)
            raw = fs.cat_file(path)
        else:
            raw = Path(location).read_bytes()
    except FileNotFoundError:
        raise ClusterError(
            f"{location}: a worker wrote this part where this machine cannot read it; the output "
            "folder must be shared by the client and the workers (a network folder, or an fsspec "
            "URL such as s3://bucket/out)") from None
    return [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]


def _in_pipeline_batches(extract: Callable[[list[WorkItem], Options], list[Any]],
                         items: list[WorkItem], options: Options) -> list[Any]:
    """``extract`` over ``items`` in pipeline batches of a local run's size (``DEFAULT_CHUNK_SIZE``):
    a task's 32 files in one batch cost a worker more memory and more time than four of 8."""
    with _PIPELINE_LOCK:
        return [r for batch in chunks(items, DEFAULT_CHUNK_SIZE) for r in extract(batch, options)]


def run_task(items: list[WorkItem], options: Options, parts_dir: str) -> TaskSummary:
    """(on a worker) Extract ``items``, write their documents to the task's part, sum it up."""
    results = _in_pipeline_batches(extract_items, items, options)
    docs = [r.document for r in results if r.document is not None]
    errors = tuple(r.error for r in results if r.error is not None)
    tid = task_id(items)
    part = None
    if docs:
        part = _join(parts_dir, f"task-{tid}.jsonl")
        write_part(part, docs)
    return TaskSummary(tid, part, tuple(item.source for item in items), len(docs), errors)


def extract_task(items: list[WorkItem], options: Options) -> list[Any]:
    """(on a worker) The Extractions and FileErrors of ``items``, for a Batch in memory."""
    return _in_pipeline_batches(extract_batch, items, options)


# --------------------------------------------------------------------------------------------
# tasks on the cluster

def plan_task_size(files: int, threads: int) -> int:
    """Files per task: about four tasks per worker thread, within MIN_TASK_FILES and
    MAX_TASK_FILES, but smaller when the folder is too small to give each thread two tasks."""
    if files <= 0:
        return 1
    size = min(MAX_TASK_FILES, -(-files // (4 * threads)))
    return max(1, size, min(MIN_TASK_FILES, -(-files // (2 * threads))))


def plan_tasks(items: Iterable[WorkItem], *, files: int, threads: int,
               size: int | None = None) -> Iterator[list[WorkItem]]:
    """``items`` (``files`` of them, or fewer) in tasks of ``size`` files (default
    ``plan_task_size``), the last ``threads * size`` in tasks of at most ``DEFAULT_CHUNK_SIZE``:
    the run ends when its last task does, and a large task alone at the end leaves every other
    worker idle for its whole length."""
    size = size or plan_task_size(files, threads)
    tail_from = files - threads * size
    task: list[WorkItem] = []
    for taken, item in enumerate(items, 1):
        task.append(item)
        limit = size if taken < tail_from else min(size, DEFAULT_CHUNK_SIZE)
        if len(task) >= limit or taken == tail_from:
            yield task
            task = []
    if task:
        yield task


def run_tasks(client: Any, tasks: Iterator[list[WorkItem]], function: Callable[..., Any],
              args: tuple[Any, ...], *, window: int) -> Iterator[tuple[list[WorkItem], Any, list[FileError]]]:
    """``(items, value, failures)`` per finished task, in the order they finish: ``value`` is
    ``function(items, *args)`` from a worker, or None with a FileError per file when the task
    failed. ``tasks`` is taken lazily, ``window`` tasks at a time. Unfinished tasks are cancelled
    when this stops.

    A task whose workers keep dying (``KilledWorker``) may be at fault or may have shared a worker
    with the task at fault: its files are retried one at a time, each alone on the cluster, so
    that a file which kills its worker again is known for certain (``WorkerCrashed``).
    """
    distributed = _distributed()
    futures: dict[Any, tuple[list[WorkItem], bool]] = {}   # future -> (its files, ran alone)
    retry: deque[list[WorkItem]] = deque()
    completed = distributed.as_completed()

    def submit(task: list[WorkItem], alone: bool) -> None:
        # a fresh key each time: a rerun of a task within a client must not be taken from the
        # results of an earlier run
        key = f"prextract-task-{task_id(task)}-{uuid.uuid4().hex[:8]}"
        future = client.submit(function, task, *args, key=key, pure=False)
        futures[future] = (task, alone)
        completed.add(future)

    def submit_more() -> None:
        if retry:  # the suspects wait until the cluster is free, then go one by one
            if not futures:
                submit(retry.popleft(), True)
            return
        while len(futures) < window:
            task = next(tasks, None)
            if task is None:
                return
            submit(task, False)

    try:
        submit_more()
        for future in completed:
            task, alone = futures.pop(future)
            try:
                value = future.result()
            except distributed.KilledWorker:
                if alone:
                    yield task, None, [worker_crashed(task[0])]
                else:
                    retry.extend([item] for item in task)
            except Exception as exc:  # the task itself failed, not one file: all of its files
                yield task, None, [_error(item.source, "extract", exc) for item in task]
            else:
                yield task, value, []
            finally:
                future.release()
            submit_more()
    finally:
        if futures:
            client.cancel(list(futures), force=True)


def run_folder_on_cluster(root: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
                          formats: Iterable[str] | None = None, encoding: str | None = None,
                          reference_date: _dt.date | None = None, resume: bool = False,
                          on_file: Callable[[Result | None], None] | None = None,
                          scheduler: str | None = None, client: Any = None,
                          parts_dir: str | None = None, task_files: int | None = None,
                          on_cluster: Callable[[str], None] | None = None) -> RunSummary:
    """``runner.run_folder`` on a Dask cluster (see the module docstring); the same outputs.

    ``scheduler`` is ``local:N`` or a scheduler's address; or pass a connected ``client``.
    ``root`` may be an fsspec URL the workers can read; ``out_dir`` is a local folder (for an
    fsspec output, see ``staged_output``) and ``parts_dir`` (default ``out_dir/.prextract-parts``)
    where the workers write their parts: both must be reachable by the workers and this client.
    ``task_files`` overrides ``plan_task_size``. ``on_cluster`` receives ``describe(client)``.
    Interrupted (Ctrl-C, SIGTERM), the run cancels its tasks, closes its outputs with what is
    finished and raises the KeyboardInterrupt again; ``resume`` then completes it.
    """
    if scheduler is None and client is None:
        raise ValueError("give a scheduler address, local:N, or a distributed.Client")
    count, items = count_work_items(root)  # paths only: the client never holds the corpus
    parts = parts_dir or str(Path(out_dir) / PARTS_DIR)
    options = Options(encoding=encoding, reference_date=reference_date)
    summary = RunSummary()
    with _client_for(scheduler, client) as client:
        threads = worker_threads(client)
        if on_cluster:
            on_cluster(describe(client))
        _remove_tree(parts)  # parts a killed run left behind: never merged, never trusted
        make_parts_dir(parts)
        try:
            with open_writer(out_dir, formats, input_root=root, resume=resume) as writer:
                to_do = pending_items(items, writer, summary, resume=resume, on_file=on_file,
                                      content_hash=url_content_hash)
                tasks = plan_tasks(to_do, files=count, threads=threads, size=task_files)
                finished = run_tasks(client, tasks, run_task, (options, parts),
                                     window=TASKS_PER_THREAD * threads)
                with contextlib.closing(finished):  # stopped: its tasks are cancelled at once
                    for _, value, failures in finished:
                        if value is not None:
                            _merge(writer, summary, value, on_file)
                        for failure in failures:
                            record_result(writer, summary, Result(failure.source, error=failure), on_file)
        finally:
            _remove_tree(parts)
    return summary


def _merge(writer: Any, summary: RunSummary, task: TaskSummary,
           on_file: Callable[[Result | None], None] | None) -> None:
    for doc in read_part(task.part) if task.part else []:
        record_result(writer, summary, Result(doc.get("source"), document=doc), on_file)
    for error in task.errors:
        record_result(writer, summary, Result(error.source, error=error), on_file)


def iter_folder_on_cluster(root: str | os.PathLike[str], client: Any, *, options: Options = Options(),
                           task_files: int | None = None) -> Iterator[Any]:
    """Every release under ``root`` extracted on the cluster of ``client``: an Extraction or a
    FileError per file, in sorted order (``api.extract_folder(root, client=client)``). The
    documents come back to this process, as a Batch in memory needs them."""
    items = list_work_items(root)
    threads = worker_threads(client)
    found: dict[str, Any] = {}
    tasks = plan_tasks(items, files=len(items), threads=threads, size=task_files)
    finished = run_tasks(client, tasks, extract_task, (options,), window=TASKS_PER_THREAD * threads)
    with contextlib.closing(finished):
        for task, value, failures in finished:
            for item, result in zip(task, value or []):
                found[item.source] = result
            for failure in failures:
                found[failure.source] = failure
    for item in items:
        yield found[item.source]


# --------------------------------------------------------------------------------------------
# an output folder behind a URL

@contextlib.contextmanager
def staged_output(destination: str, *, resume: bool = False) -> Iterator[Path]:
    """A local folder standing for ``destination``: the folder itself when it is a local path;
    for an fsspec URL a temporary folder, which gets the destination's ``records.jsonl`` first
    when resuming, and whose files are uploaded to the destination at the end (also after an
    interruption: what is finished is kept)."""
    if not is_url(destination):
        yield Path(destination)
        return
    from .output import RECORDS_FILE

    fs, path = _fsspec().core.url_to_fs(destination)
    path = path.rstrip("/")
    with tempfile.TemporaryDirectory(prefix="prextract-out-") as temp:
        local = Path(temp)
        if resume and fs.exists(f"{path}/{RECORDS_FILE}"):
            fs.get_file(f"{path}/{RECORDS_FILE}", str(local / RECORDS_FILE))
        try:
            yield local
        finally:
            for file in sorted(p for p in local.rglob("*") if p.is_file()):
                target = f"{path}/{file.relative_to(local).as_posix()}"
                fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
                fs.put_file(str(file), target)
