"""Reading inputs: encodings, typed errors, HTML article text, folder walking."""
from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

import pytest

from prextract.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from prextract.read import (
    HTML_EXTRACTOR_FALLBACK,
    HTML_EXTRACTOR_MAIN,
    SourceText,
    decode_bytes,
    iter_input_files,
    read_bytes,
    read_file,
)

RELEASE = (
    "2024年6月3日\n"
    "株式会社みなと精工\n"
    "みなと精工、㈱北斗システムと業務提携契約を締結\n"
    "株式会社みなと精工（本社：神奈川県横浜市、代表取締役社長：青木 誠）は、"
    "株式会社北斗システムと、生産設備の遠隔保守に関する業務提携契約を締結しました。\n"
    "①提携の目的　②今後の予定\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- encodings

def test_utf8_file(tmp_path: Path) -> None:
    data = RELEASE.encode("utf-8")
    source = read_file(write(tmp_path, "release.txt", data))
    assert isinstance(source, SourceText)
    assert source.text == RELEASE
    assert source.encoding == "utf-8"
    assert source.format == "text"
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.path == str(tmp_path / "release.txt")
    assert source.html_extractor is None


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    source = read_file(write(tmp_path, "release.md", codecs.BOM_UTF8 + RELEASE.encode("utf-8")))
    assert source.text == RELEASE
    assert source.encoding == "utf-8-sig"
    assert source.format == "markdown"


def test_cp932_with_vendor_characters(tmp_path: Path) -> None:
    # ㈱ and ① exist in CP932 but not in plain Shift_JIS
    source = read_file(write(tmp_path, "release.txt", RELEASE.encode("cp932")))
    assert source.text == RELEASE
    assert source.encoding == "cp932"


def test_euc_jp(tmp_path: Path) -> None:
    text = RELEASE.replace("㈱", "株式会社").replace("①", "1.").replace("②", "2.")
    source = read_file(write(tmp_path, "release.txt", text.encode("euc_jp")))
    assert source.text == text
    assert source.encoding == "euc-jp"


def test_euc_jp_that_also_decodes_as_cp932() -> None:
    # EUC-JP hiragana up to み are pairs of bytes that CP932 reads as half-width katakana
    text = "かきくけこ、あいうえお。さしすせそ。\n"
    data = text.encode("euc_jp")
    assert data.decode("cp932") != text  # the trap: a strict CP932 decode succeeds
    assert decode_bytes(data) == (text, "euc-jp")


@pytest.mark.parametrize("bom_codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, bom_codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if bom_codec.endswith("le") else codecs.BOM_UTF16_BE
    source = read_file(write(tmp_path, "release.txt", bom + RELEASE.encode(bom_codec)))
    assert source.text == RELEASE
    assert source.encoding == "utf-16"


def test_utf16_without_bom_is_recognised() -> None:
    assert decode_bytes("News: 提携のお知らせ\n".encode("utf-16-le")) == ("News: 提携のお知らせ\n", "utf-16-le")


def test_iso2022jp() -> None:
    text = "業務提携のお知らせ\n"
    assert decode_bytes(text.encode("iso2022_jp")) == (text, "iso-2022-jp")


def test_forced_encoding(tmp_path: Path) -> None:
    # bytes that auto-detection reads as EUC-JP are read as CP932 when the caller says so
    data = "かきくけこ。".encode("euc_jp")
    source = read_file(write(tmp_path, "a.txt", data), encoding="cp932")
    assert source.encoding == "cp932"
    assert source.text == data.decode("cp932")


def test_forced_encoding_that_does_not_fit_names_it(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", RELEASE.encode("utf-8"))
    with pytest.raises(DecodingError, match="euc-jp"):
        read_file(path, encoding="euc-jp")


def test_unknown_forced_encoding() -> None:
    with pytest.raises(DecodingError, match="unknown encoding"):
        decode_bytes(b"abc", encoding="no-such-codec")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.txt", bytes([0x80, 0xFF, 0x81, 0xFE]) * 20)
    with pytest.raises(DecodingError, match="not valid UTF-8"):
        read_file(path)


def test_latin1_is_not_taken_for_japanese() -> None:
    with pytest.raises(DecodingError):
        decode_bytes("Ünïcödé façade déjà vu".encode("cp1252") * 3)


def test_newlines_are_normalised_and_nothing_else_changes() -> None:
    text, _ = decode_bytes("２０２４年９月１８日\r\nＡＢＣ株式会社\r締結\n".encode("cp932"))
    assert text == "２０２４年９月１８日\nＡＢＣ株式会社\n締結\n"  # no width folding


# ---------------------------------------------------------------- errors

def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        read_file(write(tmp_path, "empty.txt", b""))


def test_whitespace_only(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError, match="white space"):
        read_file(write(tmp_path, "blank.txt", " \r\n\t\u3000\n".encode("utf-8")))


def test_bom_only_is_empty() -> None:
    with pytest.raises(EmptyInputError):
        read_bytes(codecs.BOM_UTF8)


def test_png_header(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
    with pytest.raises(BinaryInputError, match="PNG"):
        read_file(write(tmp_path, "photo.txt", data))


@pytest.mark.parametrize(("data", "kind"), [
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
])
def test_binary_magic_numbers(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInputError, match=kind):
        read_bytes(data)


def test_pdf_bytes_read_as_text_are_binary(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
    with pytest.raises(BinaryInputError, match=r"PDF document \(give it the extension \.pdf"):
        read_file(write(tmp_path, "release.txt", data))


def test_nul_bytes(tmp_path: Path) -> None:
    data = "提携のお知らせ".encode("utf-8") + b"\x00\x01\x02\x00" + "本文".encode("utf-8")
    with pytest.raises(BinaryInputError, match="NUL"):
        read_file(write(tmp_path, "odd.txt", data))


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", RELEASE.encode("utf-8"))
    with pytest.raises(InputTooLargeError, match="limit of 100 bytes"):
        read_file(path, max_bytes=100)
    with pytest.raises(InputTooLargeError):
        read_bytes(RELEASE.encode("utf-8"), max_bytes=100)
    assert read_file(path, max_bytes=None).text == RELEASE


@pytest.mark.parametrize("name", ["release.docx", "release", "notes.csv"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, RELEASE.encode("utf-8"))
    with pytest.raises(UnsupportedFormatError, match="unsupported file type"):
        read_file(path)


def test_unknown_format_name() -> None:
    with pytest.raises(UnsupportedFormatError):
        read_bytes(b"abc", format="docx")


def test_vanished_path(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(InputError) as info:
        read_file(path)
    assert type(info.value) is InputError
    assert str(path) in str(info.value)
    assert os.strerror(2) in str(info.value)  # "No such file or directory"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "odd.txt").mkdir()
    with pytest.raises(InputError, match="cannot open"):
        read_file(tmp_path / "odd.txt")


# ---------------------------------------------------------------- HTML

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="{charset}">
<title>みなと精工、北斗システムと業務提携 | 株式会社みなと精工</title>
<style>.share {{ color: red }}</style>
<script>var tracker = "ga-analytics-id"; function share() {{ return 1; }}</script>
</head><body>
<header><div class="logo"><img src="/img/logo_minato.png" alt="logo"></div>
<nav><ul><li><a href="/">ホーム</a></li><li><a href="/company/">会社情報</a></li>
<li><a href="/news/">ニュースリリース</a></li><li><a href="/recruit/">採用情報</a></li></ul>
<button class="menu-toggle">Menu</button></nav></header>
<main><article>
<h1>みなと精工、北斗システムと業務提携</h1>
<p class="date">2024年6月3日</p>
<p>株式会社みなと精工（本社：神奈川県横浜市、代表取締役社長：青木 誠）は、株式会社北斗システム（本社：北海道札幌市、代表取締役：村上 彩）と、生産設備の遠隔保守に関する業務提携契約を2024年5月31日に締結しました。</p>
<p>本提携により、両社はセンサーデータを活用した予知保全サービスを共同で開発し、2025年4月の提供開始を目指します。</p>
<p><img src="/news/img/20240603_photo01.jpg" alt="調印式の様子"></p>
<p>20240603_photo01.jpg</p>
<h2>役員人事</h2>
<table>
<tr><th>氏名</th><th>新役職</th><th>現役職</th></tr>
<tr><td>井上 直樹</td><td>常務取締役 生産本部長</td><td>取締役 生産本部長</td></tr>
<tr><td>大西 香織</td><td>執行役員 品質保証部長</td><td>品質保証部長</td></tr>
</table>
<p>【本件に関するお問い合わせ】株式会社みなと精工 広報室</p>
</article></main>
<div class="share-buttons"><ul><li><a href="#">ツイート</a></li><li><a href="#">シェア</a></li><li><a href="#">LINEで送る</a></li></ul></div>
<aside><h3>最新のニュース</h3><ul><li><a href="/news/1">決算説明会の開催について</a></li><li><a href="/news/2">新卒採用エントリー受付開始</a></li></ul></aside>
<footer><p><a href="#top">pagetop</a></p><p>サイトマップ｜プライバシーポリシー</p>
<p>Copyright &copy; 2024 Minato Seiko Co., Ltd. All Rights Reserved.</p></footer>
<script>share();</script>
</body></html>
"""


def _page(charset: str = "utf-8") -> str:
    return ARTICLE_PAGE.format(charset=charset)


def test_html_article_kept_and_boilerplate_dropped(tmp_path: Path) -> None:
    source = read_file(write(tmp_path, "news.html", _page().encode("utf-8")))
    assert source.format == "html"
    assert source.html_extractor == HTML_EXTRACTOR_MAIN
    lines = source.text.split("\n")
    assert lines[0] == "みなと精工、北斗システムと業務提携"
    assert "2024年6月3日" in lines
    assert any(line.startswith("株式会社みなと精工（本社：神奈川県横浜市") and line.endswith("締結しました。")
               for line in lines)
    assert "本提携により、両社はセンサーデータを活用した予知保全サービスを共同で開発し、2025年4月の提供開始を目指します。" in lines
    # table rows are lines, cells joined by tabs
    assert "井上 直樹\t常務取締役 生産本部長\t取締役 生産本部長" in lines
    assert "大西 香織\t執行役員 品質保証部長\t品質保証部長" in lines
    for boilerplate in ("ホーム", "採用情報", "Menu", "pagetop", "ツイート", "シェア", "LINEで送る",
                        "tracker", "function", "color", "Copyright", "プライバシーポリシー",
                        "決算説明会", "20240603_photo01.jpg", "logo_minato"):
        assert boilerplate not in source.text, boilerplate


def test_html_in_cp932(tmp_path: Path) -> None:
    source = read_file(write(tmp_path, "news.htm", _page("Shift_JIS").encode("cp932")))
    assert source.encoding == "cp932"
    assert "井上 直樹\t常務取締役 生産本部長\t取締役 生産本部長" in source.text


def test_html_title_becomes_first_line_without_site_name() -> None:
    page = ("<html><head><title>新型ドローンの受注開始について ｜ 株式会社そらテック</title></head><body>"
            "<header><h1 class='site-logo'>株式会社そらテック</h1></header>"
            "<div class='entry'><p>株式会社そらテックは、物流向けの新型ドローン「ハヤテ」の受注を"
            "2024年7月1日より開始します。価格は1台あたり248万円（税別）です。</p>"
            "<p>初年度は全国の物流事業者から300台の受注を見込んでいます。</p></div></body></html>")
    source = read_bytes(page.encode("utf-8"), format="html")
    lines = source.text.split("\n")
    assert lines[0] == "新型ドローンの受注開始について"
    assert lines[1].startswith("株式会社そらテックは、物流向けの新型ドローン")
    assert lines.count("株式会社そらテック") == 0


ARTICLE_WITH_TABLE = (
    "<html><head><title>共同研究契約を締結 | ニュース | 北浜大学</title></head><body>"
    "<nav><a href='/'>ホーム</a> <a href='/news'>ニュース</a> <a href='/access'>アクセス</a></nav>"
    "<article><h1>北浜大学、みなと化成と共同研究契約を締結</h1>"
    "<p class='meta'><time datetime='2025-02-03'>2025年2月3日</time><span>研究</span></p>"
    "<p>北浜大学（以下「本学」）は、みなと化成株式会社と、植物由来の樹脂に関する共同研究契約を"
    "2025年1月30日付で締結しました。研究期間は2025年4月1日から3年間で、本学の研究室に同社の研究員が常駐します。</p>"
    "<table><tr><th>研究代表者</th><td>北浜大学 工学部 教授　岸田 誠<br>みなと化成株式会社 技術部長　早瀬 綾</td></tr>"
    "<tr><th>研究費</th><td>総額6,000万円</td></tr></table></article>"
    "<aside><h2>関連ニュース</h2><p><time>2025年1月10日</time> 公開講座のお知らせ</p></aside>"
    "<footer>北浜大学 〒000-0000</footer></body></html>")


def test_html_line_breaks_in_a_table_cell_keep_the_words_apart() -> None:
    text = read_bytes(ARTICLE_WITH_TABLE.encode("utf-8"), format="html").text
    row = next(line for line in text.split("\n") if line.startswith("研究代表者"))
    assert row == "研究代表者\t北浜大学 工学部 教授 岸田 誠 みなと化成株式会社 技術部長 早瀬 綾"


def test_html_article_time_becomes_the_date_line() -> None:
    lines = read_bytes(ARTICLE_WITH_TABLE.encode("utf-8"), format="html").text.split("\n")
    assert lines[:2] == ["2025年2月3日", "北浜大学、みなと化成と共同研究契約を締結"]
    assert not any("2025年1月10日" in line for line in lines)  # the side column's dates stay out


def test_html_japanese_source_line_breaks_are_not_spaces() -> None:
    page = ("<html><body><article><p>当社は、地域の医療機関と連携協定を\n    締結しました。"
            "協定期間は2024年4月1日から3年間で、遠隔診療の実証実験を共同で進めます。"
            "対象となるのは県内の12の診療所です。</p></article></body></html>")
    source = read_bytes(page.encode("utf-8"), format="html")
    assert "連携協定を締結しました。" in source.text


def test_html_fallback_when_no_main_text_is_found() -> None:
    # too little text for an article: trafilatura only dumps the page, so the fallback is used
    page = ("<html><head><title>お知らせ</title></head><body>"
            "<header><nav><ul><li>ホーム</li><li>製品情報</li></ul></nav></header>"
            "<div><span>新社長に</span><span>田村 恵が就任</span></div>"
            "<table><tr><td>就任日</td><td>2024年6月27日</td></tr></table>"
            "<footer><p>Copyright 2024</p></footer></body></html>")
    source = read_bytes(page.encode("utf-8"), path="short.html")
    assert source.html_extractor == HTML_EXTRACTOR_FALLBACK
    assert source.text.split("\n") == ["お知らせ", "新社長に田村 恵が就任", "就任日\t2024年6月27日"]


def test_html_with_only_furniture_is_empty() -> None:
    page = "<html><body><nav><a>Menu</a></nav><footer>pagetop</footer></body></html>"
    with pytest.raises(EmptyInputError, match="HTML"):
        read_bytes(page.encode("utf-8"), format="html")


def test_xhtml_with_xml_declaration(tmp_path: Path) -> None:
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>研究成果のお知らせ</title></head>'
            "<body><div><p>北斗大学の研究グループは、新しい触媒の開発に成功しました。</p></div></body></html>")
    source = read_file(write(tmp_path, "result.xhtml", page.encode("utf-8")))
    assert source.text.split("\n") == ["研究成果のお知らせ", "北斗大学の研究グループは、新しい触媒の開発に成功しました。"]


def test_html_is_recognised_without_a_path() -> None:
    source = read_bytes(_page().encode("utf-8"))
    assert source.format == "html"
    assert source.path is None


def test_html_newlines_in_text_file_are_kept_as_text() -> None:
    source = read_bytes("<p>は本文の一部</p>\r\n次の行\r\n".encode("utf-8"), format="text")
    assert source.text == "<p>は本文の一部</p>\n次の行\n"
    assert source.html_extractor is None


# ---------------------------------------------------------------- folders

def test_iter_input_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.html", "a/y.MD", "a/x.pdf", ".hidden.txt", ".git/c.txt",
                 "c/.cache/d.txt", "c/e.htm", "c/f.xhtml", "c/g.markdown", "notes"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("本文", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files(tmp_path)]
    assert found == ["a/x.pdf", "a/y.MD", "a/z.html", "b.txt", "c/e.htm", "c/f.xhtml", "c/g.markdown"]


def test_iter_input_files_on_a_single_file(tmp_path: Path) -> None:
    path = write(tmp_path, "release.pdf", b"%PDF-1.4")
    assert list(iter_input_files(path)) == [path]


def test_iter_input_files_on_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(iter_input_files(tmp_path / "missing"))
