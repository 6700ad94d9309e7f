"""Shared fixtures: the NLP pipeline loads once per test session, and each sample release is
extracted at most once."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seeds" / "link-j-kanagawa-mou.txt"
SEED_GOLD = SHARED / "seeds" / "link-j-kanagawa-mou.gold.json"


@pytest.fixture(scope="session")
def extractor():
    from prextract import Extractor
    return Extractor()


@lru_cache(maxsize=None)
def _extract_file(path: str):
    from prextract.api import extract_file
    return extract_file(path, source=Path(path).name)


@pytest.fixture(scope="session")
def extract_cached():
    """extract_file, memoised for the session: golden tests and seed tests share results."""
    return _extract_file


@pytest.fixture(scope="session")
def seed(extract_cached):
    if not SEED_TEXT.exists():
        pytest.skip("../shared/seeds is not available")
    return extract_cached(str(SEED_TEXT))


@pytest.fixture(scope="session")
def seed_gold():
    if not SEED_GOLD.exists():
        pytest.skip("../shared/seeds is not available")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def _sigint_as_in_a_terminal() -> None:
    """(in the child) SIGINT back to its default action. A shell starts background jobs with
    SIGINT ignored, and a Python started so keeps ignoring it: the Ctrl-C tests then failed when
    the suite itself ran in the background."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_run(src: Path, out: Path, *options: str, documents: int = 1):
    """``prextract run src -o out --quiet OPTIONS`` in a subprocess, returned once ``documents``
    documents are in ``out/records.jsonl`` (and still running, so that a test can stop it)."""
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-m", "prextract", "run", str(src), "-o", str(out), "--quiet",
                             *options], stderr=subprocess.PIPE, preexec_fn=_sigint_as_in_a_terminal)
    records = out / "records.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if records.exists() and records.read_bytes().count(b"\n") >= documents:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be stopped"
    return proc


@pytest.fixture
def start_run():
    """Start a folder run in a subprocess and wait for its first document (see ``_start_run``)."""
    return _start_run
