"""Folder runs on a Dask cluster: the same outputs as a local run, faults, resume, the library.

One LocalCluster of two single-threaded worker processes serves the whole module (each worker
loads the GiNZA model once, ~1 GB); only the CLI test starts a cluster of its own (local:2).
"""
from __future__ import annotations

import builtins
import csv
import filecmp
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from prextract import cluster as cluster_module  # noqa: E402
from prextract.api import extract_folder  # noqa: E402
from prextract.cli import main  # noqa: E402
from prextract.cluster import (  # noqa: E402
    PARTS_DIR,
    connect,
    describe,
    list_work_items,
    plan_task_size,
    plan_tasks,
    run_folder_on_cluster,
    run_task,
    task_id,
    worker_settings,
)
from prextract.errors import ClusterError  # noqa: E402
from prextract.output import read_records  # noqa: E402
from prextract.runner import Options, WorkItem, run_folder  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("events.csv", "people.csv", "organizations.csv", "dates.csv", "money.csv", "errors.csv")

# Releases of our own writing; each a different kind of news so that documents differ.
RELEASES = {
    "2024/aoba-hokuto-mou.txt": (
        "報道関係者各位\n2024年5月20日\n株式会社あおば電機\n\n"
        "あおば電機、北斗市と脱炭素の推進に関する連携協定を締結\n\n"
        "株式会社あおば電機（本社：宮城県仙台市、代表取締役社長：青葉 太一）は、5月17日、北斗市と"
        "脱炭素の推進に関する連携協定を締結しました。期間は3年間です。\n"),
    "2024/minato-officers.txt": (
        "2024年6月3日\n株式会社みなと精工\n\n役員人事に関するお知らせ\n\n"
        "当社は、2024年6月27日付で下記のとおり役員の異動を行いますのでお知らせいたします。\n"
        "代表取締役社長　港 誠（現 取締役専務執行役員）\n常務取締役　浜田 里美（現 執行役員経営企画部長）\n"),
    "2024/hikari-launch.md": (
        "# ひかり食品、静岡県産みかんの新ジュースを発売\n\n2024年9月2日\nひかり食品株式会社\n\n"
        "ひかり食品株式会社（本社：静岡県浜松市）は、9月10日から「まるごと遠州みかん」を全国で発売します。"
        "希望小売価格は1本298円（税込）です。\n"),
    "2025/shiosai-series-a.txt": (
        "2025年1月15日\n株式会社しおさい物流\n\nしおさい物流、シリーズAで総額5億円の資金調達を実施\n\n"
        "株式会社しおさい物流（本社：千葉県千葉市、代表取締役：潮崎 亮）は、第三者割当増資により"
        "総額5億円の資金調達を実施しました。調達した資金は倉庫の自動化に充てます。\n"),
    "2025/yamabiko-joint-research.html": (
        "<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>共同研究開始のお知らせ</title></head>"
        "<body><nav><a href='/'>トップ</a></nav><main><article><h1>やまびこ製薬、東湊大学と共同研究を開始</h1>"
        "<p>2025年2月4日</p><p>株式会社やまびこ製薬（本社：長野県松本市、代表取締役社長：山本 恵）は、"
        "国立大学法人東湊大学と、希少疾患の新しい治療薬に関する共同研究契約を2月1日に締結しました。"
        "研究期間は2年間を予定しています。</p></article></main><footer>Copyright</footer></body></html>"),
    "2025/sorano-award.txt": (
        "2025年3月11日\n株式会社ソラノテック\n\nソラノテック、「グッドデザイン賞2024」を受賞\n\n"
        "株式会社ソラノテックの見守りセンサー「みまもるん」が、公益財団法人日本デザイン振興会の主催する"
        "「2024年度グッドデザイン賞」を受賞しました。\n"),
    "minami-expo.txt": (
        "2025年4月7日\n南坂町\n\n南坂町、「みなみさか農業フェア2025」を開催\n\n"
        "南坂町は、5月24日から5月25日まで、町民体育館で「みなみさか農業フェア2025」を開催します。"
        "入場は無料です。\n"),
    "sjis/kita-acquisition.txt": (
        "2025年6月30日\n株式会社北斗システム\n\n北斗システム、株式会社みらい計測の全株式を取得\n\n"
        "株式会社北斗システム（本社：北海道札幌市、代表取締役社長：北村 陽子）は、本日開催の取締役会において、"
        "株式会社みらい計測の全株式を取得し、子会社化することを決議しました。株式譲渡日は7月31日の予定です。\n"),
}


def write_corpus(folder: Path, *, bad: bool = True) -> list[str]:
    """Our releases under ``folder`` (one in CP932), plus an empty and a binary file; their sources."""
    for source, text in RELEASES.items():
        path = folder / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("cp932" if source.startswith("sjis/") else "utf-8"))
    if bad:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def assert_same_outputs(expected: Path, actual: Path) -> None:
    """records.jsonl, every CSV and every JSON file, byte for byte; no parts left behind."""
    for name in ("records.jsonl",) + TABLES:
        assert filecmp.cmp(expected / name, actual / name, shallow=False), name
    names = sorted(p.name for p in (expected / "json").iterdir())
    assert names == sorted(p.name for p in (actual / "json").iterdir())
    _, mismatch, errors = filecmp.cmpfiles(expected / "json", actual / "json", names, shallow=False)
    assert not mismatch and not errors
    assert not (actual / PARTS_DIR).exists()
    assert not [p for p in actual.rglob("*") if p.name.startswith(".prextract-")]


@pytest.fixture(scope="module")
def client():
    with connect("local:2") as client:
        client.wait_for_workers(2)
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus") / "in"
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory):
    """The reference: a local ``--jobs 1`` run over the corpus."""
    out = tmp_path_factory.mktemp("local") / "out"
    summary = run_folder(corpus, out, jobs=1)
    assert summary.failed == 2 and summary.extracted == len(RELEASES)
    return out


# ------------------------------------------------------------------ planning, ids, parts

def test_tasks_are_several_per_worker_and_bounded():
    assert plan_task_size(10, 2) == 3            # a small folder: two tasks or more per worker
    assert plan_task_size(2000, 2) == 32         # a large one: bounded tasks
    assert plan_task_size(1_000_000, 128) == 32
    assert plan_task_size(100, 2) == 16
    assert plan_task_size(1, 8) == 1


def test_the_last_files_go_in_small_tasks_so_that_no_worker_waits_long_at_the_end():
    items = [WorkItem(f"/in/{n}.txt", f"{n}.txt") for n in range(200)]
    sizes = [len(task) for task in plan_tasks(iter(items), files=200, threads=2, size=32)]
    assert sizes == [32] * 4 + [8] * 9
    assert [i for task in plan_tasks(iter(items), files=200, threads=2, size=32) for i in task] == items
    # fewer files than announced (a resumed run skips some): all of them, none twice
    assert sum(len(t) for t in plan_tasks(iter(items[:50]), files=200, threads=2, size=32)) == 50
    # without a size, plan_task_size's: 2,000 files on 2 threads in tasks of 32, the last 64 in 8s
    sizes = [len(task) for task in plan_tasks(iter(range(2000)), files=2000, threads=2)]
    assert sizes[0] == 32 and sizes[-8:] == [8] * 8 and sum(sizes) == 2000


def test_a_task_id_depends_on_its_sources_only():
    a = [WorkItem("/x/a.txt", "a.txt"), WorkItem("/x/b.txt", "b.txt")]
    assert task_id(a) == task_id([WorkItem("/elsewhere/a.txt", "a.txt"), WorkItem("/y/b.txt", "b.txt")])
    assert task_id(a) != task_id(a[:1])
    assert task_id(a) != task_id(list(reversed(a)))


def test_a_rerun_task_overwrites_its_own_part(tmp_path, corpus):
    items = [item for item in list_work_items(corpus) if item.source.startswith("2024/")]
    parts = tmp_path / "parts"
    with pytest.raises(ClusterError, match="parts folder is gone"):  # a task of a stopped run
        run_task(items[:1], Options(), str(parts))
    parts.mkdir()
    first = run_task(items, Options(), str(parts))
    second = run_task(items, Options(), str(parts))  # what Dask does when the worker died
    assert first == second and first.documents == len(items) and not first.errors
    assert [p.name for p in parts.iterdir()] == [f"task-{first.task_id}.jsonl"]
    assert [r["source"] for r in read_records(first.part)] == [i.source for i in items]


def test_a_part_written_while_the_parts_are_removed_is_removed_too(tmp_path, monkeypatch):
    """A task that was already writing when its run stopped adds its part in the middle of the
    removal: the folder must still be gone afterwards."""
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "task-a.jsonl").write_text("{}\n")
    real_rmtree, calls = shutil.rmtree, []

    def rmtree_raced_by_a_worker(path, ignore_errors=False):
        calls.append(path)
        real_rmtree(path, ignore_errors=ignore_errors)
        if len(calls) == 1:  # the worker's part lands between the listing and the rmdir
            Path(path).mkdir()
            (Path(path) / "task-b.jsonl").write_text("{}\n")

    monkeypatch.setattr(cluster_module.shutil, "rmtree", rmtree_raced_by_a_worker)
    cluster_module._remove_tree(str(parts))
    assert not parts.exists() and len(calls) == 2


def test_urls_are_listed_like_local_folders(corpus):
    local = list_work_items(corpus)
    remote = list_work_items(corpus.as_uri())
    assert [i.source for i in remote] == [i.source for i in local]
    assert all(i.path.startswith("file://") for i in remote)


# ------------------------------------------------------------------ the same outputs

def test_local_workers_run_without_the_profiler_and_the_malloc_trim_setting(client):
    # both cost the extraction ~30 % more CPU on a worker (see cluster.LOCAL_WORKER_CONFIG)
    assert set(client.run(worker_settings).values()) == {(False, None)}
    assert "profiler" not in describe(client)


def test_the_cluster_line_warns_of_workers_with_dasks_defaults():
    import distributed
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        assert "some workers run Dask's profiler" in describe(client)


def test_cluster_run_gives_the_same_outputs_as_a_local_run(client, corpus, local_run, tmp_path):
    lines: list[str] = []
    seen = []
    out = tmp_path / "out"
    summary = run_folder(corpus, out, client=client, on_cluster=lines.append, on_file=seen.append)
    assert (summary.total, summary.extracted, summary.failed) == (len(RELEASES) + 2, len(RELEASES), 2)
    assert sorted(summary.failed_sources) == ["empty.txt", "scan.txt"]
    assert len(seen) == summary.total
    assert "2 workers" in lines[0] and "dashboard" in lines[0]
    assert_same_outputs(local_run, out)
    assert [r["error_type"] for r in _csv(out / "errors.csv")] == ["EmptyInputError", "BinaryInputError"]


def test_a_url_input_and_output_give_the_same_records(client, corpus, local_run, tmp_path):
    out = tmp_path / "out"
    with cluster_module.staged_output(out.as_uri()) as staged:
        assert staged != out
        run_folder(corpus.as_uri(), staged, client=client, parts_dir=f"{out.as_uri()}/{PARTS_DIR}")
    assert filecmp.cmp(local_run / "records.jsonl", out / "records.jsonl", shallow=False)
    assert filecmp.cmp(local_run / "events.csv", out / "events.csv", shallow=False)
    # the errors name the files as the run was told them: by URL here
    messages = [r["message"] for r in _csv(out / "errors.csv")]
    assert [m.startswith(f"{corpus.as_uri()}/{name}: ") for m, name in zip(messages, ["empty.txt", "scan.txt"])] \
        == [True, True]
    assert not (out / PARTS_DIR).exists()


def test_extract_folder_on_a_cluster_returns_the_same_batch(client, corpus):
    local = extract_folder(corpus)
    remote = extract_folder(corpus, client=client)
    assert remote.documents == local.documents and remote.errors == local.errors
    local_frames, remote_frames = local.to_frames(), remote.to_frames()
    for name, frame in local_frames.items():
        assert remote_frames[name].equals(frame), name


# ------------------------------------------------------------------ resume, interruption

def test_an_interrupted_cluster_run_resumes_with_every_file_once(client, corpus, local_run, tmp_path):
    out = tmp_path / "out"
    finished = []

    def stop_after_first_task(result):
        finished.append(result)
        if len(finished) == 2:  # a task of several files is half merged: stop now
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_folder_on_cluster(corpus, out, client=client, task_files=3, on_file=stop_after_first_task)
    done = [r["source"] for r in read_records(out / "records.jsonl")]
    assert 1 <= len(done) < len(RELEASES) and done == sorted(done)
    assert not (out / PARTS_DIR).exists()

    summary = run_folder(corpus, out, client=client, resume=True)
    assert summary.skipped == len(done) and summary.extracted == len(RELEASES) - len(done)
    assert_same_outputs(local_run, out)


def test_resume_across_cluster_runs_skips_by_content_hash(client, tmp_path):
    src = tmp_path / "in"
    write_corpus(src, bad=False)
    out = tmp_path / "out"
    run_folder(src, out, client=client)
    first = {r["source"]: r for r in read_records(out / "records.jsonl")}

    shutil.copy(src / "minami-expo.txt", src / "minami-expo-copy.txt")    # same bytes, new name
    changed = src / "2024/hikari-launch.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("298円", "320円"), encoding="utf-8")
    summary = run_folder(src, out, client=client, resume=True)
    # the copy comes from the records, only the changed file goes to the cluster
    assert (summary.skipped, summary.extracted, summary.failed) == (len(RELEASES) - 1, 2, 0)
    records = {r["source"]: r for r in read_records(out / "records.jsonl")}
    assert sorted(records) == sorted([*RELEASES, "minami-expo-copy.txt"])
    assert records["minami-expo-copy.txt"]["events"] == first["minami-expo.txt"]["events"]
    assert [m["value"] for m in records["2024/hikari-launch.md"]["money"]] == [320]

    fresh = tmp_path / "fresh"
    run_folder(src, fresh, jobs=1)
    assert_same_outputs(fresh, out)


# ------------------------------------------------------------------ without Dask

def test_without_dask_the_error_says_how_to_install_it(monkeypatch, corpus, tmp_path, capsys):
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(ClusterError, match=r'pip install "prextract\[dask\]"'):
        run_folder(corpus, tmp_path / "out", scheduler="local:2")
    assert main(["run", str(corpus), "-o", str(tmp_path / "out"), "--scheduler", "local:2", "--quiet"]) == 1
    assert 'pip install "prextract[dask]"' in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv", [["--scheduler", "local:0"], ["--scheduler", "local:x"],
                                  ["--scheduler", "local:2", "--jobs", "2"]])
def test_scheduler_usage_errors_exit_2(argv, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(tmp_path), "-o", str(tmp_path / "out"), *argv])
    assert exit_info.value.code == 2


def test_a_url_without_a_cluster_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "s3://bucket/releases", "-o", str(tmp_path / "out")])
    assert exit_info.value.code == 2


# ------------------------------------------------------------------ the command line

def test_cli_runs_on_a_local_cluster_of_its_own(corpus, local_run, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["run", str(corpus), "-o", str(out), "--scheduler", "local:2", "--quiet",
                 "--format", "csv,jsonl,json,xlsx"])
    assert code == 1  # two files failed, as in the local run
    err = capsys.readouterr().err
    assert "dashboard: http" in err and "8 of 10 files extracted" in err
    assert_same_outputs(local_run, out)
    from openpyxl import load_workbook
    assert main(["run", str(corpus), "-o", str(tmp_path / "local"), "--jobs", "1", "--quiet",
                 "--format", "csv,jsonl,json,xlsx"]) == 1
    for sheet in load_workbook(tmp_path / "local" / "records.xlsx").worksheets:
        cluster_sheet = load_workbook(out / "records.xlsx")[sheet.title]
        assert [[c.value for c in row] for row in cluster_sheet.iter_rows()] == \
            [[c.value for c in row] for row in sheet.iter_rows()], sheet.title


def test_sigterm_stops_a_cluster_run_and_resume_completes_it(client, tmp_path, start_run):
    """A run on an existing scheduler (this module's), terminated, then resumed."""
    src = tmp_path / "in"
    for n in range(4):  # 32 releases, several tasks of 2 files
        for source, text in RELEASES.items():
            path = src / f"copy{n}" / source
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.replace("2024年", f"{2020 + n}年") * 2, encoding="utf-8")
    names = sorted(p.relative_to(src).as_posix() for p in src.rglob("*.*") if p.is_file())
    out = tmp_path / "out"
    address = client.scheduler.address
    proc = start_run(src, out, "--scheduler", address)
    records = out / "records.jsonl"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert b"terminated" in err
    done = [r["source"] for r in read_records(records)]
    assert 1 <= len(done) < len(names) and done == sorted(done)

    assert main(["run", str(src), "-o", str(out), "--quiet", "--scheduler", address, "--resume"]) == 0
    assert [r["source"] for r in read_records(records)] == names
    assert {r["source"] for r in _csv(out / "dates.csv")} == set(names)  # every release has dates
    assert not (out / PARTS_DIR).exists()


# ------------------------------------------------------------------ faults (last: it kills a worker)

def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client, corpus, local_run, tmp_path):
    pids_before = set(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_a_busy_worker(result):
        if killed:
            return
        busy = [worker for worker, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    out = tmp_path / "out"
    summary = run_folder_on_cluster(corpus, out, client=client, task_files=2, on_file=kill_a_busy_worker)
    assert killed, "no task was running when the first one finished"
    assert (summary.extracted, summary.failed) == (len(RELEASES), 2)
    assert_same_outputs(local_run, out)
    client.wait_for_workers(2, timeout=120)  # the nanny started a new worker process
    pids_after = set(client.run(os.getpid).values())
    assert killed[0] in pids_before and killed[0] not in pids_after


def _die_on_poison(items: list[WorkItem]) -> list[str]:
    """(on a worker) Kill this worker process when the task holds the poison file."""
    if any(item.source == "poison.txt" for item in items):
        os.kill(os.getpid(), signal.SIGKILL)
    return [item.source for item in items]


def test_a_file_that_keeps_killing_workers_is_reported_and_its_neighbours_are_done():
    """A cluster of its own that gives up on a task at its first dead worker (no model loads)."""
    import cloudpickle
    from distributed import Client, LocalCluster

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import tests
    try:
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                          scheduler_kwargs={"allowed_failures": 0}) as cluster, Client(cluster) as client:
            task = [WorkItem(f"/in/{name}", name) for name in ("a.txt", "poison.txt", "b.txt")]
            outcomes = list(cluster_module.run_tasks(client, iter([task]), _die_on_poison, (), window=2))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    done = sorted(source for _, value, _ in outcomes if value for source in value)
    failures = [f for _, _, failed in outcomes for f in failed]
    assert done == ["a.txt", "b.txt"]  # the task was split, its other files extracted once
    assert [(f.source, f.error_type) for f in failures] == [("poison.txt", "WorkerCrashed")]
