"""Turn input files into text: decode the bytes, reduce HTML to its article text, or say why not.

Offsets everywhere in prextract refer to ``SourceText.text``: the text *after* decoding, newline
normalisation (``\\r\\n`` and ``\\r`` become ``\\n``) and, for HTML, extraction of the article
text. Nothing else is changed here (no NFKC, no width folding): analysis folds widths through an
offset map so that every offset still points into this text.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import lexicons
from .errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedFormatError,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: far above any release, below a mistaken dump

#: file extension -> format
FORMAT_BY_EXTENSION = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",  # needs the optional extra prextract[pdf] (see pdf.py)
}
FORMATS = ("text", "markdown", "html", "pdf")

HTML_EXTRACTOR_MAIN = "trafilatura"
HTML_EXTRACTOR_FALLBACK = "beautifulsoup-body"


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded input: the text every offset refers to, and how it was obtained."""

    text: str
    path: str | None
    encoding: str
    format: str
    sha256: str
    html_extractor: str | None = None


# --------------------------------------------------------------------------------------------
# bytes -> str

_BOMS = (  # UTF-32 first: its LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of files that are certainly not text (from the formats' specifications).
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document (give it the extension .pdf to read its text)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.pptx file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_UTF_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                  "utf-32-be")


def _encoding_label(name: str) -> str:
    """Python's codec name as it is usually written (``euc_jp`` -> ``euc-jp``)."""
    try:
        name = codecs.lookup(name).name
    except LookupError:
        pass
    return name.replace("_", "-").lower()


def _detect_bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit only in every other byte and the text is plausible."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul, odd_nul = data[0::2].count(0), data[1::2].count(0)
    for codec, nuls, other in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if nuls and not other:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return codec
    return None


# Scripts and symbol blocks a Japanese press release is written in (beside ASCII).
# Scripts and symbol blocks a Japanese press release is written in (beside ASCII); the common
# blocks come first because they are tested in order.
_JAPANESE_RANGES = (
    (0x3000, 0x33FF),                                       # CJK symbols, kana, enclosed CJK, compatibility
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF),   # ideographs
    (0xFF00, 0xFFEF),                                       # full-width and half-width forms
    (0x2000, 0x2BFF),                                       # punctuation, letterlike, arrows, math, boxes, symbols
    (0x00A0, 0x00BF), (0x00D7, 0x00D7), (0x00F7, 0x00F7),   # Latin-1 signs, × ÷
    (0x0370, 0x03FF),                                       # Greek (α, β, μ in science releases)
    (0x2E80, 0x2FDF),                                       # CJK radicals
    (0xFE00, 0xFE0F), (0xFE30, 0xFE4F),                     # variation selectors, CJK compatibility forms
    (0x1F000, 0x1FAFF),                                     # emoji and pictographs
    (0x20000, 0x3FFFF), (0xE0100, 0xE01EF),                 # ideograph extensions, ideographic variation selectors
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def _is_japanese_char(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _JAPANESE_RANGES)


def _plausible(text: str) -> bool:
    """Whether a decoding looks like Japanese/ASCII text rather than a wrong guess.

    Wrong guesses show up as control characters, private-use or unassigned code points,
    replacement characters, or non-ASCII letters from other scripts (mojibake such as ``Ã©``).
    """
    if not text:
        return True
    bad = foreign = non_ascii = 0
    for ch in text:
        if ch < "\x80":
            if ch < " " and ch not in _ALLOWED_CONTROLS or ch == "\x7f":
                bad += 1
            continue
        non_ascii += 1
        if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"):
            bad += 1
        elif not _is_japanese_char(ch):
            foreign += 1
    if bad > len(text) // 1000:
        return False
    return non_ascii == 0 or foreign / non_ascii <= 0.05


def _kana_count(text: str) -> int:
    """Full-width hiragana and katakana: plenty in Japanese prose, none in EUC-JP read as CP932."""
    return sum(1 for ch in text if "\u3041" <= ch <= "\u30fa")


def _decode_strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding used)``; newlines become ``\\n``.

    Without ``encoding``: a BOM (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8 (ISO-2022-JP
    if its escape sequences are present), strict CP932, strict EUC-JP, and last the
    charset-normalizer detector, whose guess is used only when it reads as Japanese/ASCII.
    CP932 wins over EUC-JP unless both decode and EUC-JP gives more kana (EUC-JP bytes often
    decode as CP932 half-width katakana). ``encoding`` forces one codec, strictly.

    Raises DecodingError when nothing decodes cleanly. Binary and empty inputs are checked by
    ``read_bytes``, not here.
    """
    if encoding is not None:
        return _normalise_newlines(_decode_forced(data, encoding)), _encoding_label(encoding)

    bom = _detect_bom(data)
    if bom is not None:
        codec, _ = bom
        try:
            return _normalise_newlines(data.decode(codec)), codec
        except UnicodeDecodeError as exc:
            raise DecodingError(f"the bytes start with a {codec} byte-order mark but are not valid "
                                f"{codec} (byte {exc.start})") from None

    text = _decode_strict(data, "utf-8")
    if text is not None:
        if "\x1b" in text and re.search(r"\x1b\$[@B]", text):
            jis = _decode_strict(data, "iso2022_jp")
            if jis is not None:
                return _normalise_newlines(jis), "iso-2022-jp"
        return _normalise_newlines(text), "utf-8"

    candidates = []
    for codec in ("cp932", "euc_jp"):
        decoded = _decode_strict(data, codec)
        if decoded is not None and _plausible(decoded):
            candidates.append((codec, decoded))
    if candidates:
        codec, decoded = max(candidates, key=lambda c: _kana_count(c[1]))  # max keeps the first on ties
        return _normalise_newlines(decoded), _encoding_label(codec)

    return _detect_with_charset_normalizer(data)


def _decode_forced(data: bytes, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DecodingError(f"unknown encoding {encoding!r}") from None
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodingError(f"the input is not valid {_encoding_label(encoding)}: cannot decode "
                            f"byte {exc.start} ({exc.reason})") from None


def _detect_with_charset_normalizer(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only needed for the rare undecided input

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _plausible(text):
            return _normalise_newlines(text), _encoding_label(best.encoding)
    raise DecodingError("the bytes are not valid UTF-8, CP932 (Shift_JIS) or EUC-JP, and no other "
                        "encoding gives Japanese text; pass the encoding explicitly if you know it")


# --------------------------------------------------------------------------------------------
# HTML -> article text

# Lines that are page furniture wherever they stand alone (menu toggles, back-to-top links,
# share buttons); matched after stripping, case-insensitively.
_IMAGE_FILE_LINE = re.compile(r"[\w.\-/]+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|avif)", re.IGNORECASE)
_CJK = r"\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# A source line break between two Japanese characters is not a space (CSS Text 3 segment breaks).
_CJK_LINE_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r]*\n[ \t\r\n]*(?=[{_CJK}])")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_SEPARATORS = re.compile(r"\s+[|｜\-–—/／:]\s+|[|｜]")
_SPACES = re.compile(r"\s+")

_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})
# not <form>: ASP.NET pages wrap the whole body in one
_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                 "iframe", "svg", "canvas", "button", "select")


def _is_boilerplate_line(line: str) -> bool:
    # one list of page furniture for the whole project: models/boilerplate.tsv
    return lexicons.is_boilerplate_line(line) or _IMAGE_FILE_LINE.fullmatch(line) is not None


def _clean_lines(text: str) -> list[str]:
    lines = (line.strip() for line in text.split("\n"))
    return [line for line in lines if line and not _is_boilerplate_line(line)]


def _render_trafilatura_xml(element: Any, parts: list[str]) -> None:
    """Trafilatura's XML (p, head, list/item, table/row/cell, lb …) as lines of text."""
    tag = element.tag
    if tag in ("comments", "graphic"):
        pass
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_SPACES.sub(" ", _cell_text(cell)).strip() for cell in row.findall("cell")]
            parts.append("\n" + "\t".join(cells).rstrip("\t") + "\n")
    elif tag == "lb":
        parts.append("\n")
    else:
        block = tag in ("doc", "main", "p", "head", "list", "item", "quote", "code", "div")
        if block:
            parts.append("\n")
        parts.append(element.text or "")
        for child in element:
            _render_trafilatura_xml(child, parts)
        if block:
            parts.append("\n")
    if element.tail and tag not in ("doc", "main", "comments"):
        parts.append(element.tail)


def _cell_text(element: Any) -> str:
    """A table cell's text on one line: a line break in the cell (two people, a name and its
    post; trafilatura turns ``<br>`` there into a paragraph) becomes a space, as in the fallback's ``get_text(" ")``, so that the words on either
    side do not run together into one name."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag in ("p", "head", "list", "item", "quote"):  # trafilatura's reading of <br>
            parts.append(f" {_cell_text(child)} ")
        else:
            parts.append(_cell_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@lru_cache(maxsize=1)
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # The default 250 characters is sized for English; a short Japanese release says as much in
    # far fewer. Below this size trafilatura dumps the whole page instead (its "baseline").
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    return config


def _extract_with_trafilatura(html: str, furniture: list[str]) -> list[str]:
    """Article lines by trafilatura; [] when it found no main text.

    "No main text" includes trafilatura's last resort, a dump of the whole page, and an output
    that kept a site menu or footer (``furniture``): on short pages it keeps everything.
    """
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        html, output_format="xml", include_comments=False, include_tables=True, favor_recall=True,
        include_images=False, include_links=False, include_formatting=False, with_metadata=False,
        deduplicate=False, config=_trafilatura_config(),
    )
    if not xml:
        return []
    tree = etree.fromstring(xml)
    main = tree.find("main")
    found = _compact("".join(main.itertext())) if main is not None else ""
    if found == _compact(trafilatura.html2txt(html)) or any(block in found for block in furniture):
        return []
    parts: list[str] = []
    _render_trafilatura_xml(tree, parts)
    return _clean_lines("".join(parts))


def _render_soup(node: Any, parts: list[str]) -> None:
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, Tag):
            if child.name == "tr":
                cells = [_SPACES.sub(" ", c.get_text(" ")).strip()
                         for c in child.find_all(["td", "th"], recursive=False)]
                parts.append("\n" + "\t".join(cells).rstrip("\t") + "\n")
            elif child.name == "br":
                parts.append("\n")
            elif child.name in _BLOCK_TAGS:
                parts.append("\n")
                _render_soup(child, parts)
                parts.append("\n")
            else:
                _render_soup(child, parts)
        elif type(child) is NavigableString:  # not Comment, CData, Doctype …
            parts.append(_SPACES.sub(" ", str(child)))


def _extract_with_beautifulsoup(html: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    root = soup.body or soup
    for tag in root.find_all(_DROPPED_TAGS):
        tag.decompose()
    parts: list[str] = []
    _render_soup(root, parts)
    return _clean_lines("".join(parts))


_SITE_FURNITURE_TAGS = frozenset({"header", "nav", "footer", "aside"})
_SITE_FURNITURE_NAME = re.compile(r"logo|header|masthead|site-?(?:name|title)|brand", re.IGNORECASE)


def _is_site_heading(element: Any) -> bool:
    """An ``<h1>`` that carries the site's logo or name rather than the article's headline."""
    for node in (element, *element.iterancestors()):
        if node.tag in _SITE_FURNITURE_TAGS:
            return True
        if _SITE_FURNITURE_NAME.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def _parse_page(html: str) -> Any:
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return None


def _site_furniture(tree: Any) -> list[str]:
    """Texts of the site's menus and footers (outside the article), spaces removed."""
    texts = []
    for element in tree.iter("nav", "footer"):
        if any(a.tag in ("article", "main", "nav", "footer") for a in element.iterancestors()):
            continue
        text = _compact(element.text_content())
        if len(text) >= 4:  # a lone "▲" or "TOP" may well coincide with article text
            texts.append(text)
    return texts


def _page_headline(tree: Any) -> str | None:
    """The article's ``<h1>``, else the longest segment of ``<title>`` (the site name cut off)."""
    for h1 in tree.iter("h1"):
        text = _SPACES.sub(" ", h1.text_content()).strip()
        if text and not _is_boilerplate_line(text) and not _is_site_heading(h1):
            return text
    title = tree.find(".//title")
    if title is None:
        return None
    segments = [s.strip() for s in _TITLE_SEPARATORS.split(title.text_content()) if s.strip()]
    return _SPACES.sub(" ", max(segments, key=len)) if segments else None


def _page_date(tree: Any) -> str | None:
    """The text of the article's ``<time>`` (its publication date), outside site menus, footers
    and side columns: extractors keep it as metadata, not as text, and a release's date line
    is part of what it says."""
    for element in tree.iter("time"):
        if any(a.tag in ("nav", "footer", "aside") for a in element.iterancestors()):
            continue
        text = _SPACES.sub(" ", element.text_content()).strip()
        if re.search(r"\d", text) and len(text) <= 40:
            return text
    return None


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


def html_to_text(html: str) -> tuple[str, str]:
    """The article text of an HTML page and the extractor that produced it.

    Trafilatura finds the main text (boilerplate, navigation and share widgets dropped); when it
    finds none (nothing, the whole page, or text with the site's menu or footer in it), the
    fallback is the text of ``<body>`` without script, style, nav, header, footer and aside. Paragraphs, headings and list items become lines; a table row becomes one
    line with its cells joined by tabs. The page headline (``<h1>`` or ``<title>``) becomes the
    first line when the text does not already contain it, and the article's ``<time>`` the line
    above it when the first lines do not already start with it.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    html = _CJK_LINE_BREAK.sub("", html)
    tree = _parse_page(html)
    headline = _page_headline(tree) if tree is not None else None
    dateline = _page_date(tree) if tree is not None else None
    furniture = _site_furniture(tree) if tree is not None else []
    lines = _extract_with_trafilatura(html, furniture)
    extractor = HTML_EXTRACTOR_MAIN
    if not lines or (headline is not None and lines == [headline]):
        lines = _extract_with_beautifulsoup(html)
        extractor = HTML_EXTRACTOR_FALLBACK
    if lines and headline and _compact(headline) not in _compact("".join(lines)):
        lines.insert(0, headline)
    if lines and dateline and not any(line.startswith(dateline) for line in lines[:3]):
        lines.insert(0, dateline)
    return "\n".join(lines), extractor


# --------------------------------------------------------------------------------------------
# files -> SourceText

def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format of a file from its extension; UnsupportedFormatError for any other."""
    suffix = Path(path).suffix.lower()
    try:
        return FORMAT_BY_EXTENSION[suffix]
    except KeyError:
        supported = ", ".join(FORMAT_BY_EXTENSION)
        raise UnsupportedFormatError(
            f"{path}: unsupported file type {suffix or '(no extension)'!r}; supported: {supported}"
        ) from None


def _sniff_format(text: str) -> str:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return "html"
    return "text"


def read_bytes(
    data: bytes,
    *,
    path: str | os.PathLike[str] | None = None,
    format: str | None = None,
    encoding: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> SourceText:
    """Decode and, for HTML, extract the text of ``data``.

    ``format`` is ``text``, ``markdown`` or ``html``; by default it comes from ``path``'s
    extension, or, without a path, HTML is recognised by its opening tags. ``max_bytes=None``
    lifts the size limit. Raises the InputError subclasses of ``prextract.errors``.
    """
    where = f"{path}: " if path is not None else ""
    if format is None:
        format = format_for_path(path) if path is not None else None
    elif format not in FORMATS:
        raise UnsupportedFormatError(f"{where}unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(f"{where}{len(data):,} bytes is more than the limit of {max_bytes:,} bytes")
    if not data:
        raise EmptyInputError(f"{where}the input is empty (0 bytes)")
    if format == "pdf" or (format is None and data.startswith(b"%PDF-")):
        return _read_pdf(data, path, where)

    kind = _binary_kind(data)
    if kind is not None:
        raise BinaryInputError(f"{where}this is {kind}, not a text release")
    if encoding is None:
        bom = _detect_bom(data)
        wide_unicode = bom is not None and bom[0] in ("utf-16", "utf-32")
        if b"\x00" in data and not wide_unicode:
            utf16 = _utf16_without_bom(data) if bom is None else None
            if utf16 is None:
                raise BinaryInputError(f"{where}the input contains NUL bytes: it is binary data, not text")
            encoding = utf16
    elif b"\x00" in data and _encoding_label(encoding) not in _UTF_ENCODINGS:
        raise BinaryInputError(f"{where}the input contains NUL bytes, which {encoding} text cannot contain")

    try:
        text, used = decode_bytes(data, encoding=encoding)
    except DecodingError as exc:
        raise DecodingError(f"{where}{exc}") from None
    if not text.strip():
        raise EmptyInputError(f"{where}the input holds only white space")
    if format is None:
        format = _sniff_format(text)

    extractor = None
    if format == "html":
        text, extractor = html_to_text(text)
        if not text.strip():
            raise EmptyInputError(f"{where}the HTML page has no text outside navigation and page furniture")
    return SourceText(
        text=text,
        path=None if path is None else str(path),
        encoding=used,
        format=format,
        sha256=hashlib.sha256(data).hexdigest(),
        html_extractor=extractor,
    )


def _read_pdf(data: bytes, path: str | os.PathLike[str] | None, where: str) -> SourceText:
    from .pdf import PDF_TEXT_ENCODING, pdf_to_text

    if not data.startswith(b"%PDF-"):
        kind = _binary_kind(data)
        raise DecodingError(f"{where}this is not a PDF document" + (f" but {kind}" if kind else ""))
    try:
        text = _normalise_newlines(pdf_to_text(data))
    except InputError as exc:
        raise type(exc)(f"{where}{exc}") from None
    if not text.strip():
        raise EmptyInputError(f"{where}the PDF has no text layer (a scanned image?): nothing to read")
    return SourceText(text=text, path=None if path is None else str(path), encoding=PDF_TEXT_ENCODING,
                      format="pdf", sha256=hashlib.sha256(data).hexdigest())


def read_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> SourceText:
    """Read one release file (.txt, .md, .markdown, .html, .htm, .xhtml; .pdf with the extra
    ``prextract[pdf]``) into a SourceText."""
    format = format_for_path(path)
    try:
        # O_NONBLOCK: a FIFO named like a release must not block the run waiting for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{path}: not a regular file (a folder, pipe, socket or device)")
            size = info.st_size
            if max_bytes is not None and size > max_bytes:
                raise InputTooLargeError(f"{path}: {size:,} bytes is more than the limit of {max_bytes:,} bytes")
            # read one byte past the limit so a file that grew since fstat is still caught
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except InputError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(f"{path}: cannot open the file ({reason})") from exc
    return read_bytes(data, path=path, format=format, encoding=encoding, max_bytes=max_bytes)


def iter_input_files(root: str | os.PathLike[str]) -> Iterator[Path]:
    """Supported files under ``root``, recursively, in sorted order.

    Hidden files and folders (name starting with ``.``) are skipped; so are other extensions.
    A ``root`` that is a file is yielded as it is, so that an unsupported file named on purpose
    gets its error from ``read_file`` instead of vanishing.
    """
    root = Path(root)
    if root.is_file():
        yield root
        return
    if not root.is_dir():
        raise InputError(f"{root}: no such file or folder")
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(
            Path(dirpath) / name for name in filenames
            if not name.startswith(".") and Path(name).suffix.lower() in FORMAT_BY_EXTENSION
        )
    # sorted by path components, so a/z.txt comes before b.txt whatever the walk order
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)
