"""PDF releases (the optional extra prextract[pdf]): text layer, wrapped lines joined back into
sentences, tables, pages, and the errors of PDFs that cannot be read."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pdfminer")
reportlab = pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from prextract.api import extract_file  # noqa: E402
from prextract.errors import DecodingError, EmptyInputError, UnsupportedFormatError  # noqa: E402
from prextract.read import read_bytes, read_file  # noqa: E402

FONT = "HeiseiKakuGo-W5"  # one of the CID fonts every PDF reader knows; no font file needed
SIZE = 10.5
PITCH = 16          # line pitch of a paragraph
PARAGRAPH_GAP = 28  # pitch between paragraphs
COLUMN = 380.0      # width of the text column in points

PARAGRAPHS = [
    "2025年6月2日",
    "株式会社しおさい電機",
    "しおさい電機、北浜工業大学と次世代パワー半導体の共同研究契約を締結",
    "株式会社しおさい電機（本社：兵庫県神戸市、代表取締役社長：藤井 雅人、以下「しおさい電機」）は、"
    "2025年5月30日、国立大学法人北浜工業大学（所在地：大阪府吹田市、学長：村上 直子）と、"
    "次世代パワー半導体の実装技術に関する共同研究契約を締結しました。契約期間は3年間です。",
    "両者は、車載向けインバーターの小型化に向けた評価手法を共同で開発します。",
]
TABLE_ROW = ("所在地", "兵庫県神戸市中央区港島南町1丁目")


def _wrapped(paragraph: str) -> list[str]:
    """Lines as a word processor fills them: as many characters as fit in the column."""
    lines, line = [], ""
    for ch in paragraph:
        if pdfmetrics.stringWidth(line + ch, FONT, SIZE) > COLUMN:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def make_pdf(path: Path, *, second_page: str | None = None, with_table: bool = False) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path))
    pdf.setFont(FONT, SIZE)
    y = 800.0
    for paragraph in PARAGRAPHS:
        for line in _wrapped(paragraph):
            pdf.drawString(56, y, line)
            y -= PITCH
        y -= PARAGRAPH_GAP - PITCH
    if with_table:
        pdf.drawString(56, y, TABLE_ROW[0])
        pdf.drawString(200, y, TABLE_ROW[1])
    if second_page is not None:
        pdf.showPage()
        pdf.setFont(FONT, SIZE)
        pdf.drawString(56, 800, second_page)
    pdf.save()
    return path


def test_wrapped_lines_are_joined_into_paragraphs(tmp_path: Path) -> None:
    src = read_file(make_pdf(tmp_path / "release.pdf"))
    assert src.format == "pdf"
    assert src.encoding == "pdf-text-layer"
    # every printed line of the long paragraph ends at the column's edge: one paragraph again
    assert src.text.split("\n\n") == PARAGRAPHS


def test_pages_and_table_cells(tmp_path: Path) -> None:
    src = read_file(make_pdf(tmp_path / "release.pdf", with_table=True, second_page="■お問い合わせ先"))
    paragraphs = src.text.split("\n\n")
    assert "\t".join(TABLE_ROW) in paragraphs
    assert paragraphs[-1] == "■お問い合わせ先"


def test_a_pdf_release_is_extracted_with_offsets_into_its_text(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "release.pdf")
    doc = extract_file(path)
    text = read_file(path).text
    agreements = [e for e in doc.events if e.type == "agreement"]
    assert [e.date for e in agreements] == ["2025-05-30"]
    assert agreements[0].duration == "P3Y"
    assert {"株式会社しおさい電機", "国立大学法人北浜工業大学"} <= {o.name for o in doc.organizations}
    for org in doc.organizations:
        for start, end in org.mentions:
            assert text[start:end]
    assert doc.to_dict()["meta"]["format"] == "pdf"


def test_pdf_bytes_without_a_path_are_recognised(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "release.pdf").read_bytes()
    assert read_bytes(data).format == "pdf"


def test_a_pdf_without_text_layer_is_empty_input(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(50, 50, 400, 600, fill=1)  # what a scanned page looks like to a text reader
    pdf.save()
    with pytest.raises(EmptyInputError, match="no text layer"):
        read_file(tmp_path / "scan.pdf")


def test_a_damaged_pdf_is_a_decoding_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(DecodingError, match="broken.pdf"):
        read_file(path)


def test_a_file_named_pdf_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    path.write_text("ただのテキストです。", encoding="utf-8")
    with pytest.raises(DecodingError, match="not a PDF"):
        read_file(path)


def test_without_the_extra_the_error_says_how_to_install_it(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_pdf(tmp_path / "release.pdf")
    monkeypatch.setitem(sys.modules, "pdfminer.high_level", None)  # import fails as if not installed
    with pytest.raises(UnsupportedFormatError, match=r'pip install "prextract\[pdf\]"'):
        read_file(path)
