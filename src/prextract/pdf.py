"""PDF releases -> text, behind the optional extra ``pip install "prextract[pdf]"`` (pdfminer.six).

pdfminer.six reads the text layer (embedded fonts' ToUnicode maps and the CJK CMaps it ships) and
returns one text line per printed line. A release typeset in a word processor wraps its
sentences at the column's edge, and prextract reads a line break as the end of a sentence, so
lines are joined back into paragraphs the way a reader does:

- a line that reaches the right edge of the page's text column and does not end a sentence
  continues on the next line (Japanese joins without a space, Latin words with one);
- a vertical gap clearly wider than the page's usual line pitch starts a new paragraph (blank
  line); a new page does too;
- pieces printed on the same row (the cells of a table) are joined by a tab.

A scanned PDF without a text layer gives no text: the caller reports it as empty input.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from .errors import DecodingError, UnsupportedFormatError

#: what ``SourceText.encoding`` records for text taken from a PDF's text layer
PDF_TEXT_ENCODING = "pdf-text-layer"
_SENTENCE_END = "。．！？!?：:」』）)"
_INSTALL_HINT = 'reading PDF needs the optional extra: pip install "prextract[pdf]"'


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float      # distance from the page's top edge
    height: float


def pdf_available() -> bool:
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        return False
    return True


def pdf_to_text(data: bytes) -> str:
    """The text of a PDF's pages, wrapped lines joined into paragraphs (see the module
    docstring). Raises UnsupportedFormatError without the extra, DecodingError for a PDF that
    pdfminer cannot parse (damaged, encrypted)."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextLine
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:
        raise UnsupportedFormatError(_INSTALL_HINT) from None
    pages: list[str] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            lines = [_Line(text, line.x0, line.x1, page.height - line.y1, line.height)
                     for line in _text_lines(page, LTTextLine)
                     if (text := line.get_text().strip())]
            lines.sort(key=lambda line: (round(line.top, 1), line.x0))
            pages.append(_reflow(lines))
    except PDFSyntaxError as exc:
        raise DecodingError(f"the PDF cannot be parsed ({exc})") from exc
    except Exception as exc:  # pdfminer raises many untyped errors for encrypted or broken files
        raise DecodingError(f"the PDF's text cannot be read: {type(exc).__name__}: {exc}") from exc
    return "\n\n".join(page for page in pages if page)


def _text_lines(container, line_type) -> list:
    found = []
    for element in container:
        if isinstance(element, line_type):
            found.append(element)
        elif hasattr(element, "__iter__"):
            found.extend(_text_lines(element, line_type))
    return found


def _reflow(lines: list[_Line]) -> str:
    if not lines:
        return ""
    right_edge = max(line.x1 for line in lines)
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top - a.top >= 0.3 * a.height]
    # the pitch of lines within a paragraph: the lower quartile, as many paragraphs are one line
    usual_pitch = sorted(pitches)[len(pitches) // 4] if pitches else 0.0
    out = [lines[0].text]
    for prev, line in zip(lines, lines[1:]):
        char_width = (prev.x1 - prev.x0) / max(1, len(prev.text))
        reaches_edge = prev.x1 >= right_edge - 1.5 * char_width
        gap = line.top - prev.top
        if gap < 0.3 * prev.height:  # the same printed row: cells of a table
            out.append("\t")
        elif usual_pitch and gap > 1.4 * usual_pitch:
            out.append("\n\n")
        elif reaches_edge and not prev.text.endswith(tuple(_SENTENCE_END)):
            if prev.text[-1].isascii() and line.text[0].isascii():
                out.append(" ")
        else:
            out.append("\n")
        out.append(line.text)
    return "".join(out)
