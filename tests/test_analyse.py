"""Analysis layer: rule sentences, long texts cut under SudachiPy's limit, offsets kept."""
from __future__ import annotations

from prextract.analyse import MAX_PIECE_BYTES, analyse, split_for_parser, split_sentences


def test_sentences_keep_quotes_whole():
    text = "社長は「新工場を建てます。来年稼働します。」と述べました。次の文です。\n見出し"
    assert [s.text for s in split_sentences(text)] == [
        "社長は「新工場を建てます。来年稼働します。」と述べました。", "次の文です。", "見出し"]


def test_sentence_offsets_point_into_text():
    text = "　一文目です。  二文目です！\n\n三行目"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_long_text_is_cut_under_the_limit_and_covers_everything():
    para = "株式会社あおば電機は北斗市と協定を締結しました。" * 40 + "\n\n"
    text = para * 60  # about 170,000 bytes
    pieces = split_for_parser(text)
    assert len(pieces) > 1
    assert all(len(p.encode("utf-8")) <= MAX_PIECE_BYTES for _, p in pieces)
    for offset, piece in pieces:
        assert text[offset:offset + len(piece)] == piece
    covered = sum(len(p) for _, p in pieces)
    assert covered == len(text)


def test_a_line_without_any_boundary_is_cut_by_characters():
    text = "あ" * 100_000
    pieces = split_for_parser(text)
    assert all(len(p.encode("utf-8")) <= MAX_PIECE_BYTES for _, p in pieces)
    assert "".join(p for _, p in pieces) == text


def test_long_release_comes_out_whole(extractor):
    filler = "本資料は参考情報です。" * 800 + "\n\n"  # pushes the agreement past the first piece
    text = "2024年4月1日\n株式会社あおば電機\n\n" + filler * 2 + "株式会社あおば電機は、3月28日、北斗市と覚書を締結しました。\n"
    assert len(text.encode("utf-8")) > 49_149
    doc = extractor.extract(text)
    events = [e for e in doc.events if e.type == "agreement"]
    assert events and events[0].date == "2024-03-28"
    e = events[0]
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text


def test_tokens_in_and_token_at_agree_with_a_scan_of_every_token():
    text = "株式会社みなと精機（本社：大阪府）は、2025年4月1日付で山田 太郎を代表取締役社長に選任しました。\n\n同社は東北大学と提携します。"
    a = analyse(text)
    for start in range(len(text) + 1):
        assert a.token_at(start) == next((t for t in a.tokens if t.start == start), None)
        for end in range(start, len(text) + 1, 3):
            assert a.tokens_in(start, end) == [t for t in a.tokens if t.start >= start and t.end <= end]
