"""Golden tests over samples/: each release against its hand-checked gold.

Known gaps are written down in tests/golden_gaps.json (what is still missed or spurious per
document and field). The comparison is strict both ways, like ``xfail(strict=True)``: a new miss
fails, and so does a gap that got fixed, so that the file is updated and the progress is seen.
Regenerate it with ``python scripts/golden_gaps.py`` after a change that moves the scores.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from prextract.evaluate import FIELDS, evaluate, load_gold
from prextract.read import iter_input_files
from prextract.schema_check import validate_document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GAPS_FILE = Path(__file__).with_name("golden_gaps.json")
RELEASES = {p.stem: p for p in iter_input_files(SAMPLES) if p.parent == SAMPLES}


@pytest.fixture(scope="session")
def sample_report(extract_cached):
    gold = load_gold(SAMPLES / "gold")
    records = {stem: extract_cached(str(path)).to_dict() for stem, path in RELEASES.items()}
    return evaluate(gold, records)


def test_every_sample_has_gold():
    gold = {p.name.removesuffix(".json") for p in (SAMPLES / "gold").glob("*.json")}
    assert set(RELEASES) == gold
    assert len(RELEASES) >= 15


@pytest.mark.parametrize("stem", sorted(RELEASES))
def test_output_is_valid_prextract_1(stem, extract_cached):
    doc = extract_cached(str(RELEASES[stem])).to_dict()
    validate_document(doc)


@pytest.mark.parametrize("stem", sorted(RELEASES))
def test_sample_against_gold_with_known_gaps(stem, sample_report):
    gaps = json.loads(GAPS_FILE.read_text(encoding="utf-8")).get(stem, {})
    doc = next(d for d in sample_report.documents if d.stem == stem)
    for field in FIELDS:
        result = doc.fields[field]
        known = gaps.get(field, {})
        assert sorted(result.missed) == sorted(known.get("missed", [])), (field, "missed")
        assert sorted(result.spurious) == sorted(known.get("spurious", [])), (field, "spurious")


def test_samples_mean_f1(sample_report):
    # the bar for the working core: mean F1 over the fields at least 0.85
    assert sample_report.mean_f1 >= 0.85, sample_report.to_text()
