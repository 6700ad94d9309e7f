"""Folders at scale: bad files, long documents, workers, streaming, resuming after a kill."""
from __future__ import annotations

import csv
import os
import signal
import time
from pathlib import Path


from prextract import runner
from prextract.cli import main
from prextract.output import read_records
from prextract.runner import Options, Result, WorkItem, iter_results, plan_workers, run_folder

ROOT = Path(__file__).resolve().parents[1]

# Releases of our own writing, in the style of Japanese corporate releases; the template varies
# the bodies, people, dates and kinds of agreement so that each file is its own document.
_COMPANIES = [("株式会社あおば電機", "宮城県仙台市", "青葉 太一"), ("株式会社みなと精工", "神奈川県横浜市", "港 誠"),
              ("株式会社北斗システム", "北海道札幌市", "北村 陽子"), ("ひかり食品株式会社", "静岡県浜松市", "光田 健"),
              ("株式会社しおさい物流", "千葉県千葉市", "潮崎 亮"), ("株式会社やまびこ製薬", "長野県松本市", "山本 恵")]
_PARTNERS = ["北斗市", "国立大学法人東湊大学", "南坂町", "一般社団法人みらい農業協会", "浜風市", "株式会社ソラノテック"]
_KINDS = ["包括連携協定", "共同研究契約", "業務提携契約", "脱炭素の推進に関する連携協定", "資本業務提携契約", "覚書"]


def release(n: int) -> str:
    company, place, boss = _COMPANIES[n % len(_COMPANIES)]
    partner, kind = _PARTNERS[(n + 1) % len(_PARTNERS)], _KINDS[(n + 2) % len(_KINDS)]
    month, day = 1 + n % 12, 1 + (n * 7) % 27
    short = company.replace("株式会社", "")
    return (f"報道関係者各位\n2024年{month}月{day + 1}日\n{company}\n\n"
            f"{short}、{partner}と{kind}を締結\n\n"
            f"{company}（本社：{place}、代表取締役社長：{boss}）は、{month}月{day}日、{partner}と{kind}を締結しました。"
            f"期間は{1 + n % 5}年間です。\n")


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _sources(out: Path) -> list[str]:
    return [r["source"] for r in read_records(out / "records.jsonl")]


# ------------------------------------------------------------------ bad input, nothing lost

def test_every_bad_file_is_one_error_row_and_the_run_goes_on(tmp_path, extractor, monkeypatch):
    src = tmp_path / "in"
    (src / "deep" / "er").mkdir(parents=True)
    (src / "good.txt").write_text(release(0), encoding="utf-8")
    (src / "deep" / "er" / "sjis.txt").write_bytes(release(1).encode("cp932"))
    (src / "empty.md").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (src / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (src / "gone.txt").symlink_to(src / "deleted-before-the-run.txt")  # listed, then not there
    os.mkfifo(src / "pipe.txt")  # would block a plain open() for ever
    (src / "locked.txt").write_text(release(2), encoding="utf-8")
    (src / "raises.txt").write_text(release(3) + "（抽出器を落とす行）\n", encoding="utf-8")
    (src / "folder.txt").mkdir()  # a folder named like a release is walked, not read
    (src / "folder.txt" / "inner.txt").write_text(release(4), encoding="utf-8")

    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):  # chmod 000 does not stop root: simulate it
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    from prextract import extractor as extractor_module
    real_extract = extractor_module._extract

    def fragile_extract(analysis, **kwargs):
        if "抽出器を落とす" in analysis.text:
            raise ZeroDivisionError("a bug in an extractor")
        return real_extract(analysis, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    monkeypatch.setattr(extractor_module, "_extract", fragile_extract)
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--quiet", "--jobs", "1"]) == 1

    assert _sources(out) == ["deep/er/sjis.txt", "folder.txt/inner.txt", "good.txt"]
    errors = {row["source"]: row for row in _csv(out / "errors.csv")}
    assert len(_csv(out / "errors.csv")) == len(errors) == 7
    expected = {"empty.md": ("read", "EmptyInputError"), "binary.txt": ("read", "BinaryInputError"),
                "undecodable.txt": ("read", "DecodingError"), "gone.txt": ("read", "InputError"),
                "pipe.txt": ("read", "InputError"), "locked.txt": ("read", "InputError"),
                "raises.txt": ("extract", "ZeroDivisionError")}
    assert {s: (row["stage"], row["error_type"]) for s, row in errors.items()} == expected
    assert "Permission denied" in errors["locked.txt"]["message"]
    assert "not a regular file" in errors["pipe.txt"]["message"]
    assert all(row["message"] for row in errors.values())
    # the documents of the good files are all there, in every output
    assert sorted(p.name for p in (out / "json").iterdir()) == [
        "deep__er__sjis.txt.json", "folder.txt__inner.txt.json", "good.txt.json"]
    assert {r["source"] for r in _csv(out / "organizations.csv")} == set(_sources(out))


def test_a_failing_batch_is_retried_file_by_file(tmp_path, extractor, monkeypatch):
    from prextract import extractor as extractor_module
    real_extract = extractor_module._extract
    calls = []

    def fragile_extract(analysis, **kwargs):
        calls.append(kwargs["source"])
        if "抽出器を落とす" in analysis.text:
            raise RuntimeError("boom")
        return real_extract(analysis, **kwargs)

    monkeypatch.setattr(extractor_module, "_extract", fragile_extract)
    items = []
    for n, text in enumerate([release(5), release(6) + "抽出器を落とす\n", release(7)]):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        items.append(WorkItem(str(path), path.name))
    results = list(iter_results(items, jobs=1, chunk_size=3))
    assert [r.source for r in results] == ["0.txt", "1.txt", "2.txt"]
    assert [r.error is None for r in results] == [True, False, True]
    assert results[1].error.error_type == "RuntimeError" and results[1].error.stage == "extract"
    assert results[2].document["source"] == "2.txt"


# ------------------------------------------------------------------ long documents

def test_a_300000_character_release_comes_out_whole(extractor):
    """Far over SudachiPy's 49,149-byte limit: cut into pieces, every offset mapped back.

    Facts sit at the start, in the middle and at the end; between them, rule lines (ーーー…: one
    token a line for the parser, so the test stays quick)."""
    parts = ["2024年10月1日\n株式会社あおば電機\n\nあおば電機、北斗市と包括連携協定を締結\n\n"
             "株式会社あおば電機（代表取締役社長：青葉 太一）は、3月28日、北斗市と包括連携協定を締結しました。\n"]
    facts = ["株式会社あおば電機は、5月10日、国立大学法人東湊大学と共同研究契約を締結しました。\n",
             "株式会社あおば電機は、7月1日、南坂町と災害時の電力供給に関する協定を締結しました。\n",
             "株式会社あおば電機は、9月30日、株式会社みなと精工と業務提携契約を締結しました。\n"]
    filler = ("ー" * 999 + "\n") * 95
    for fact in facts:
        parts += [filler, fact]
    text = "".join(parts)
    text += "\n" * (300_000 - len(text))  # and a tail of blank lines
    assert len(text) == 300_000

    doc = extractor.extract(text, source="long.txt").to_dict()
    agreements = [e for e in doc["events"] if e["type"] == "agreement"]
    dates = {e["date"] for e in agreements}
    assert {"2024-03-28", "2024-05-10", "2024-07-01", "2024-09-30"} <= dates
    for event in agreements:
        evidence = event["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert max(e["evidence"]["start"] for e in agreements) > 250_000  # the last piece is there
    for d in doc["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
    for org in doc["organizations"]:
        for start, end in org["mentions"]:
            assert text[start:end].replace(" ", "").replace("\u3000", "")
    names = {o["name"] for o in doc["organizations"]}
    assert {"株式会社みなと精工", "南坂町"} <= names  # organisations from the later pieces


# ------------------------------------------------------------------ streaming and workers

def test_workers_are_planned_by_the_size_of_the_folder():
    assert plan_workers(0, 2) == (1, 8)
    assert plan_workers(3, 2) == (1, 3)          # one task: a second worker would only load the model
    assert plan_workers(10, 2) == (2, 5)         # a fair share each
    assert plan_workers(2_000, 2) == (2, 8)
    assert plan_workers(2_000, 1) == (1, 8)


def test_files_are_taken_lazily(tmp_path):
    """Memory stays flat: the run never takes far more files than it has finished."""
    taken = []

    def items():
        for n in range(10_000):
            taken.append(n)
            yield WorkItem(str(tmp_path / f"missing-{n}.txt"), f"missing-{n}.txt")

    results = iter_results(items(), jobs=1, chunk_size=4)
    for n, result in enumerate(results, start=1):
        assert result.error is not None and result.error.error_type == "InputError"
        assert len(taken) <= n + 4
        if n == 50:
            break
    results.close()


def test_order_and_results_are_the_same_with_one_or_two_workers(tmp_path, extractor):
    src = tmp_path / "in"
    (src / "b").mkdir(parents=True)
    for n in range(5):
        (src / ("b" if n % 2 else ".") / f"r{n}.txt").write_text(release(n), encoding="utf-8")
    (src / "b" / "empty.txt").write_bytes(b"")
    one, two = tmp_path / "one", tmp_path / "two"
    s1 = run_folder(src, one, jobs=1)
    s2 = run_folder(src, two, jobs=2, chunk_size=1)  # 2 worker processes, a task per file
    assert (s1.total, s1.extracted, s1.failed) == (s2.total, s2.extracted, s2.failed) == (6, 5, 1)
    assert _sources(one) == sorted(_sources(one))
    assert (one / "records.jsonl").read_bytes() == (two / "records.jsonl").read_bytes()
    for table in ("events", "people", "organizations", "dates", "money", "errors"):
        assert (one / f"{table}.csv").read_bytes() == (two / f"{table}.csv").read_bytes(), table
    assert sorted(p.name for p in (one / "json").iterdir()) == sorted(p.name for p in (two / "json").iterdir())


def _die_on_crash_file(items: list[WorkItem]) -> list[Result]:
    """A worker task that kills its process on one file, as a crash in native code would."""
    if any(item.source == "crash.txt" for item in items):
        os._exit(3)
    return [Result(item.source, document={"source": item.source}) for item in items]


def test_a_file_that_kills_its_worker_is_reported_and_the_rest_is_done():
    tasks = iter([[WorkItem("a", "a.txt"), WorkItem("b", "crash.txt")], [WorkItem("c", "c.txt")],
                  [WorkItem("d", "d.txt"), WorkItem("e", "e.txt")]])
    results = list(runner._iter_results_in_workers(tasks, 2, Options(), work=_die_on_crash_file))
    by_source = {r.source: r for r in results}
    assert sorted(by_source) == ["a.txt", "c.txt", "crash.txt", "d.txt", "e.txt"]
    assert len(results) == 5
    assert by_source["crash.txt"].error.error_type == "WorkerCrashed"
    assert all(by_source[s].document == {"source": s} for s in ("a.txt", "c.txt", "d.txt", "e.txt"))


# ------------------------------------------------------------------ resumable and safe

def test_resume_skips_by_content_hash(tmp_path, extractor, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"r{n}.txt").write_text(release(n), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    first = {r["source"]: r for r in read_records(out / "records.jsonl")}

    (src / "r0.txt").rename(src / "renamed.txt")                               # same bytes, new name
    (src / "r1.txt").write_text(release(1).replace("締結しました", "締結いたしました"), encoding="utf-8")
    (src / "copy.txt").write_bytes((src / "r2.txt").read_bytes())             # a duplicate
    analysed = []
    from prextract import extractor as extractor_module
    real_extract = extractor_module._extract
    monkeypatch.setattr(extractor_module, "_extract",
                        lambda analysis, **kw: analysed.append(kw["source"]) or real_extract(analysis, **kw))
    assert main(["run", str(src), "-o", str(out), "--quiet", "--jobs", "1", "--resume"]) == 0

    assert analysed == ["r1.txt"]  # only the changed file went through the pipeline again
    records = {r["source"]: r for r in read_records(out / "records.jsonl")}
    # r0.txt was not removed from the records: a resumed run adds, it does not forget
    assert _sources(out) == ["copy.txt", "r0.txt", "r1.txt", "r2.txt", "renamed.txt"]
    assert records["renamed.txt"]["events"] == first["r0.txt"]["events"]
    assert records["copy.txt"]["meta"]["sha256"] == records["r2.txt"]["meta"]["sha256"]
    assert records["r1.txt"]["meta"]["sha256"] != first["r1.txt"]["meta"]["sha256"]


def _long_releases(tmp_path: Path, count: int = 12) -> tuple[Path, list[str]]:
    """A folder of releases long enough that a run can be stopped between two of them."""
    src = tmp_path / "in"
    src.mkdir()
    names = [f"r{n:02d}.txt" for n in range(count)]
    for n, name in enumerate(names):
        (src / name).write_text(release(n) * 3, encoding="utf-8")
    return src, names


def test_killed_midway_then_resumed_every_file_exactly_once(tmp_path, extractor, start_run):
    src, names = _long_releases(tmp_path)
    out = tmp_path / "out"
    proc = start_run(src, out, "--jobs", "1", documents=2)
    records = out / "records.jsonl"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    done_before = len(read_records(records))
    assert 2 <= done_before < len(names)

    assert main(["run", str(src), "-o", str(out), "--quiet", "--jobs", "1", "--resume"]) == 0
    assert _sources(out) == names
    assert sorted(p.name for p in (out / "json").iterdir()) == [f"{n}.json" for n in names]
    for table in ("events", "organizations", "dates"):
        assert {r["source"] for r in _csv(out / f"{table}.csv")} == set(names), table
    assert len({r["source"] for r in _csv(out / "events.csv")}) == len(names)
    assert [r["source"] for r in _csv(out / "errors.csv")] == []
    assert not [p for p in out.rglob("*") if p.name.startswith(".prextract-")]  # no temp files left


def test_blank_lines_after_an_agreement_cost_linear_time(extractor):
    extractor.extract("株式会社あおば電機は北斗市と包括連携協定を締結しました。")  # the model is warm
    text = "株式会社あおば電機は北斗市と包括連携協定を締結しました。\n" + "\n" * 10_000
    start = time.perf_counter()
    doc = extractor.extract(text)
    assert any(e.type == "agreement" for e in doc.events)
    assert time.perf_counter() - start < 2.5  # linear: well under a second here


# ------------------------------------------------------------------ width and Unicode variants

_PLAIN = ("2024年4月1日\n株式会社あおば電機\n\nあおば電機、北斗市と包括連携協定を締結\n\n"
          "株式会社あおば電機（代表取締役社長：青葉 太一、以下「あおば電機」）は、3月28日、北斗市と"
          "包括連携協定を締結しました。協定期間は3年間です。詳細は https://aoba.example.jp/ をご覧ください。\n")
# as pages carry it: Kangxi radicals for 月 and 日, full-width digits and ASCII
_VARIANT = (_PLAIN.replace("月", "\u2f49").replace("日", "\u2f47").replace("3", "３")
            .replace("https://aoba.example.jp/", "ｈｔｔｐｓ：／／ａｏｂａ．ｅｘａｍｐｌｅ．ｊｐ／"))


def _facts(doc: dict, text: str) -> dict:
    """A document without its texts (which are the original characters), each text checked
    against the offsets it comes with."""
    for d in doc["dates"] + doc["money"]:
        assert text[d["start"]:d["end"]] == d["text"]
    for e in doc["events"]:
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
    return {
        "release_date": doc["release_date"], "issuer": doc["issuer"],
        "organizations": [(o["name"], o["kind"], o["mentions"]) for o in doc["organizations"]],
        "people": [(p["name"], [(r["title"], r["organization"], r["start"], r["end"]) for r in p["roles"]],
                    p["mentions"]) for p in doc["people"]],
        "dates": [(d["start"], d["end"], d["kind"], d["value"]) for d in doc["dates"]],
        "money": [(m["start"], m["end"], m["value"]) for m in doc["money"]],
        "events": [(e["type"], e.get("agreement_kind"), e["date"], e["parties"], e.get("duration"),
                    e["evidence"]["start"], e["evidence"]["end"]) for e in doc["events"]],
    }


def test_width_and_radical_variants_give_the_same_records(extractor):
    assert len(_VARIANT) == len(_PLAIN) and "\u2f49" in _VARIANT
    plain = extractor.extract(_PLAIN).to_dict()
    variant = extractor.extract(_VARIANT).to_dict()
    assert _facts(variant, _VARIANT) == _facts(plain, _PLAIN)
    assert variant["events"] and variant["dates"][1]["text"] == "３\u2f4928\u2f47"  # as written


def test_a_dateline_written_with_radicals_is_no_title(extractor):
    assert extractor.extract(_VARIANT).title == extractor.extract(_PLAIN).title


# ------------------------------------------------------------------ only the work needed

def _annotations(docs) -> list:
    return [[(t.text, t.idx, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
             for t in doc] for doc in docs]


def test_the_fast_pipeline_annotates_exactly_like_plain_ja_ginza(extractor):
    """numpy matrix products and the parsers' loop stepped from Python: not one label differs.

    Every third sample release (all formats and layouts among them; the plain pipeline is slow
    here). ``scripts/bench.py --check`` compares the records of every sample."""
    from thinc.api import NumpyOps

    from prextract import ginza_fast
    from prextract.analyse import load_nlp
    from prextract.read import read_file

    texts = [read_file(p).text for p in sorted((ROOT / "samples").glob("*.*"))[::3]]
    nlp = load_nlp()
    nodes = [node for _, c in nlp.pipeline if hasattr(c, "model") for node in c.model.walk()]
    saved = [node.ops for node in nodes]
    try:
        for node in nodes:
            node.ops = NumpyOps()  # spaCy's default: BLIS
        plain = _annotations(nlp.pipe(texts, batch_size=8))
        ginza_fast.use_numpy_matmul(nlp)
        fast = _annotations(ginza_fast.pipe(nlp, texts, batch_size=8))
    finally:
        for node, ops in zip(nodes, saved):
            node.ops = ops
    assert len(plain) == len(texts) >= 8
    assert fast == plain


def test_ctrl_c_stops_cleanly_and_keeps_what_is_done(tmp_path, start_run):
    src, _ = _long_releases(tmp_path)
    out = tmp_path / "out"
    proc = start_run(src, out, "--jobs", "1")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"interrupted" in err
    done = _sources(out)
    assert 1 <= len(done) < 12 and done == sorted(done)  # closed: sorted, every line whole
    assert {r["source"] for r in _csv(out / "organizations.csv")} == set(done)  # tables written
    assert not [p for p in out.rglob("*") if p.name.startswith(".prextract-")]


def test_sigterm_stops_like_ctrl_c_and_resume_completes_the_run(tmp_path, start_run):
    # 24 files: three tasks of 8 for two workers, so that one task is still to come when the first
    # finishes (with 12 files the two workers' only tasks could both finish before the signal)
    src, names = _long_releases(tmp_path, count=24)
    out = tmp_path / "out"
    proc = start_run(src, out, "--jobs", "2")
    proc.send_signal(signal.SIGTERM)  # to the parent only, as a service manager or `kill` sends it
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert b"terminated (SIGTERM)" in err
    done = _sources(out)
    assert 1 <= len(done) < len(names) and done == sorted(done)  # closed: sorted, every line whole
    assert {r["source"] for r in _csv(out / "dates.csv")} == set(done)  # tables written

    assert main(["run", str(src), "-o", str(out), "--quiet", "--jobs", "1", "--resume"]) == 0
    assert _sources(out) == names
    assert {r["source"] for r in _csv(out / "dates.csv")} == set(names)
    assert sorted(p.name for p in (out / "json").iterdir()) == [f"{n}.json" for n in names]
    assert not [p for p in out.rglob("*") if p.name.startswith(".prextract-")]
