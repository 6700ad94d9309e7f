"""The library's public calls."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import prextract
from prextract.errors import BinaryInputError, EmptyInputError, InputError
from prextract.records import Extraction

TEXT = ("2024年4月1日\n株式会社あおば電機\n\nあおば電機、北斗市と包括連携協定を締結\n\n"
        "株式会社あおば電機（代表取締役社長：青葉 太一、以下「あおば電機」）は、3月28日、北斗市と包括連携協定を締結しました。")


def test_import_is_light():
    code = "import sys, prextract; print('spacy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_python_m_prextract_version():
    out = subprocess.run([sys.executable, "-m", "prextract", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and prextract.__version__ in out.stdout


def test_extract_returns_frozen_records(extractor):
    doc = prextract.extract(TEXT, source="mem")
    assert isinstance(doc, Extraction)
    with pytest.raises(AttributeError):
        doc.title = "x"  # frozen
    d = doc.to_dict()
    assert d["schema"] == "prextract/1" and d["source"] == "mem"
    assert d["release_date"] == "2024-04-01"
    assert d["meta"]["model"].startswith("ja_ginza")


def test_reference_date_fills_partial_dates_without_dateline(extractor):
    doc = prextract.extract("当社は3月28日、北斗市と覚書を締結しました。", reference_date="2024-04-01")
    d = next(d for d in doc.dates if d.text == "3月28日")
    assert (d.value, d.year_inferred) == ("2024-03-28", True)


def test_partial_date_stays_open_without_reference(extractor):
    doc = prextract.extract("当社は3月28日、北斗市と覚書を締結しました。")
    d = next(d for d in doc.dates if d.text == "3月28日")
    assert d.value == "XXXX-03-28"


@pytest.mark.parametrize("bad", ["", "   \n\u3000"])
def test_empty_text_is_a_typed_error(bad):
    with pytest.raises(EmptyInputError):
        prextract.extract(bad)


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError):
        prextract.extract(b"bytes")  # type: ignore[arg-type]


def test_extract_file_and_typed_errors(tmp_path, extractor):
    good = tmp_path / "r.txt"
    good.write_bytes(TEXT.encode("cp932"))
    doc = prextract.extract_file(good)
    assert doc.to_dict()["meta"]["encoding"] == "cp932"
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(BinaryInputError):
        prextract.extract_file(tmp_path / "b.txt")
    with pytest.raises(InputError):
        prextract.extract_file(tmp_path / "missing.txt")


def test_extract_folder_to_frames(tmp_path, extractor):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    batch = prextract.extract_folder(tmp_path)
    assert [d.source for d in batch.documents] == ["a.txt"]
    assert [e.source for e in batch.errors] == ["empty.txt"]
    frames = batch.to_frames()
    assert set(frames) >= {"events", "people", "organizations", "dates", "errors"}
    assert all(isinstance(f, pd.DataFrame) for f in frames.values())
    assert (frames["events"]["type"] == "agreement").any()
    assert frames["errors"].loc[0, "error_type"] == "EmptyInputError"


def test_pipe_keeps_input_order(extractor):
    texts = [TEXT, "株式会社みどり商事は新工場を建設します。", TEXT.replace("北斗市", "南坂町")]
    docs = list(extractor.pipe(texts, sources=["1", "2", "3"]))
    assert [d.source for d in docs] == ["1", "2", "3"]


def test_weekday_mismatch_is_a_warning_not_an_error(extractor):
    doc = prextract.extract("2024年4月1日\n当社は4月2日（月）に新製品を発売します。")
    assert any("weekday" in w for w in doc.warnings)
    assert "2024-04-02" in [d.value for d in doc.dates]
