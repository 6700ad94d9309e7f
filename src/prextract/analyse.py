"""The NLP analysis of a text: GiNZA tokens, dependencies and ENE entities, in document offsets.

The spaCy pipeline loads once per process, on first use, and runs through ``ginza_fast`` (the
same annotations, a fraction of the time; ``PREXTRACT_PLAIN_PIPELINE=1`` runs spaCy's own loop
instead, for comparison). Long texts are cut into pieces under SudachiPy's input limit (49,149
UTF-8 bytes) at paragraph, then sentence boundaries; the pieces of a batch of texts go through the
pipeline together, and every offset is shifted back, so callers only ever see offsets into the
whole text.

The parser reads each piece with the radicals and compatibility ideographs that pages carry
folded to the ideographs they stand for (``⽉`` -> ``月``) and lone surrogates, which no encoder
accepts, as U+FFFD: the model sees the characters it was trained on. The fold keeps every
character's place (a ``NormalizedText`` whose map back is the identity); token texts are cut from
the text as given.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from .errors import AnalysisError, ModelError
from .ner_model import NerSpan, entities_of, prefixed
from .normalize import NormalizedText, replace_lone_surrogates

MODEL_NAME = "ja_ginza"
# SudachiPy rejects longer input; keep a margin for its own bookkeeping.
MAX_PIECE_BYTES = 40_000


@dataclass(frozen=True, slots=True)
class Token:
    i: int              # index in the document's token list
    text: str
    start: int
    end: int
    tag: str            # UniDic-style POS from SudachiPy, e.g. 名詞-固有名詞-人名-姓
    pos: str            # Universal POS
    dep: str
    head: int           # document-level index of the head token
    lemma: str
    reading: str
    ent: str            # fine ENE label of the entity the token belongs to, or ""
    bunsetu_start: bool  # token opens a bunsetsu (GiNZA's bunsetu_recognizer)

    @property
    def is_person_name(self) -> bool:
        return "人名" in self.tag


def person_name_parts(tokens: Iterable[Token]) -> set[str]:
    """The kinds of person-name word among the tokens, as UniDic tags them: 姓 (family), 名
    (given), 一般 (a whole name). ``{"姓", "名"} <= parts`` spells a full name."""
    return {t.tag.rsplit("-", 1)[-1] for t in tokens if t.is_person_name}


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str
    text: str
    agreement: float = 1.0  # prx: labels: the share of the NER ensemble's weight that found it
    confirmed: bool = True  # prx: labels: enough of the ensemble found it (ner_model.Recognizer)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    sentences: tuple[Sentence, ...]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens inside ``[start, end)``, found by bisection: tokens are in text order and
        do not overlap (the rules ask for them once per candidate, so a scan of the whole
        document each time added up on long releases)."""
        tokens = self.tokens
        k = bisect_left(tokens, start, key=_token_start)
        out = []
        while k < len(tokens) and tokens[k].start < end:
            if tokens[k].end <= end:
                out.append(tokens[k])
            k += 1
        return out

    def token_at(self, offset: int) -> Token | None:
        """The token that starts at ``offset``, if one does."""
        k = bisect_left(self.tokens, offset, key=_token_start)
        return self.tokens[k] if k < len(self.tokens) and self.tokens[k].start == offset else None

    def token_ending_at(self, offset: int) -> Token | None:
        """The token that ends at ``offset``, if one does."""
        k = bisect_left(self.tokens, offset, key=_token_end)
        return self.tokens[k] if k < len(self.tokens) and self.tokens[k].end == offset else None

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


def ginza_reads_person(analysis: Analysis, start: int, end: int) -> bool:
    """GiNZA reads a Person with exactly these bounds."""
    return any(e.label == "Person" and (e.start, e.end) == (start, end) for e in analysis.entities)


def _token_start(token: Token) -> int:
    return token.start


def _token_end(token: Token) -> int:
    return token.end


def _plain_pipeline() -> bool:
    return os.environ.get("PREXTRACT_PLAIN_PIPELINE") == "1"


@lru_cache(maxsize=1)
def load_nlp():
    """Load ja_ginza once per process. Raises ModelError with a plain message if it is missing."""
    try:
        import spacy
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelError(f"the spaCy model {MODEL_NAME!r} is not installed: pip install ja-ginza ({exc})") from exc
    except ImportError as exc:
        raise ModelError(f"spaCy or GiNZA is not installed: {exc}") from exc
    if not _plain_pipeline():
        from . import ginza_fast
        ginza_fast.use_numpy_matmul(nlp)
    return nlp


@lru_cache(maxsize=1)
def model_version() -> str:
    """``ja_ginza-5.x.y``; cached (``nlp.meta`` builds a fresh dict, milliseconds, on every read)."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'ja')}_{nlp.meta.get('name', 'ginza')}-{nlp.meta.get('version', '?')}"


# -- sentences ---------------------------------------------------------------------------------

_OPEN = "「『（(【〔［[｛{〈《"
_CLOSE = "」』）)】〕］]｝}〉》"
_ENDERS = "。！？!?"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences by rule: a line break ends one; 。！？ end one only outside brackets and quotes.

    GiNZA's parser-based sentences break quotes 「…。…」 and file names apart (ginza#248);
    releases quote executives, so the rule keeps a quote inside its sentence.
    """
    out: list[Sentence] = []
    for m in re.finditer(r"[^\n]+", text):
        line_start = m.start()
        line = m.group()
        depth = 0
        start = 0
        for i, ch in enumerate(line):
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif ch in _ENDERS and depth == 0:
                # keep a closing bracket or further enders with this sentence
                _append(out, text, line_start + start, line_start + i + 1)
                start = i + 1
        _append(out, text, line_start + start, line_start + len(line))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


# -- long texts ---------------------------------------------------------------------------------

def _utf8_len(text: str) -> int:
    # a lone surrogate counts as the 3 bytes of the U+FFFD the parser will read instead
    return len(text.encode("utf-8", "surrogatepass"))


def split_for_parser(text: str, max_bytes: int = MAX_PIECE_BYTES) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) under max_bytes UTF-8, at paragraph, then sentence, then any
    boundary. Short texts come back whole."""
    if _utf8_len(text) <= max_bytes:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    _cut(text, 0, max_bytes, pieces, (r"\n\s*\n", r"\n", r"(?<=[。！？!?])"))
    return pieces


def _cut(text: str, base: int, max_bytes: int, out: list[tuple[int, str]], seps: tuple[str, ...]) -> None:
    if _utf8_len(text) <= max_bytes:
        if text:
            out.append((base, text))
        return
    if not seps:  # no boundary left: cut by characters (at most 3 bytes each in the BMP, 4 beyond)
        step = max_bytes // 4
        for i in range(0, len(text), step):
            out.append((base + i, text[i:i + step]))
        return
    bounds = [m.end() for m in re.finditer(seps[0], text)]
    if not bounds:
        _cut(text, base, max_bytes, out, seps[1:])
        return
    start = 0
    current = 0
    for b in bounds + [len(text)]:
        if _utf8_len(text[start:b]) > max_bytes:
            if current > start:
                _cut(text[start:current], base + start, max_bytes, out, seps[1:])
                start = current
            if _utf8_len(text[start:b]) > max_bytes:
                _cut(text[start:b], base + start, max_bytes, out, seps[1:])
                start = b
        current = b
    if start < len(text):
        _cut(text[start:], base + start, max_bytes, out, seps[1:])


# -- analysis -------------------------------------------------------------------------------------

def analyse(text: str) -> Analysis:
    return next(iter(analyse_many([text])))


def analyse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]:
    """Analyse texts in order: the pieces of ``batch_size`` texts at a time go through the
    pipeline together (one batch for the parsers' matrix products and transition loop)."""
    group: list[str] = []
    for text in texts:
        group.append(text)
        if len(group) == batch_size:
            yield from _analyse_group(group)
            group = []
    if group:
        yield from _analyse_group(group)


def _analyse_group(texts: list[str]) -> Iterator[Analysis]:
    nlp = load_nlp()
    cuts = [split_for_parser(text) for text in texts]
    folded = [[(offset, parser_input(piece)) for offset, piece in pieces] for pieces in cuts]
    inputs = [nt.text for pieces in folded for _, nt in pieces]
    try:
        if _plain_pipeline():
            docs = list(nlp.pipe(inputs, batch_size=max(1, len(inputs))))
        else:
            from . import ginza_fast
            docs = list(ginza_fast.pipe(nlp, inputs, batch_size=max(1, len(inputs))))
    except Exception as exc:  # spaCy/Sudachi errors are not typed; report them as analysis errors
        raise AnalysisError(f"GiNZA failed on the text: {type(exc).__name__}: {exc}") from exc
    prx_spans = _prx_entities(docs)
    k = 0
    for text, pieces in zip(texts, folded):
        n = len(pieces)
        yield _build(text, [(offset, doc) for (offset, _), doc in zip(pieces, docs[k:k + n])],
                     prx_spans[k:k + n], [nt for _, nt in pieces])
        k += n


@lru_cache(maxsize=1)
def _parser_fold_table() -> dict[int, str]:
    """Kangxi radicals, CJK radicals and CJK compatibility ideographs -> the ideograph they stand
    for (NFKC, one character each): ``⽉`` -> ``月``. Nothing else: full-width ASCII, ideographic
    spaces and brackets are ordinary Japanese typography that GiNZA was trained on (folding them
    too made the samples worse: 信用金庫 and 想定小売価格 read as organisations)."""
    import unicodedata

    table: dict[int, str] = {}
    for low, high in ((0x2E80, 0x2FE0), (0xF900, 0xFB00), (0x2F800, 0x2FA20)):
        for code in range(low, high):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


def parser_input(piece: str) -> NormalizedText:
    """What the parser reads for ``piece`` (see the module docstring), with the way back; one
    character for one, so the map is the identity."""
    folded = replace_lone_surrogates(piece).translate(_parser_fold_table())
    return NormalizedText(piece, folded)


def _prx_entities(docs) -> list[list[NerSpan]]:
    """prextract's own NER (models/ner/, labels prx:PERSON, prx:ORGANIZATION, prx:LOCATION) on
    the Docs ja_ginza has just made: it reads their tensors and tokens, no second parse."""
    try:
        return entities_of(docs)
    except ModelError:
        raise
    except Exception as exc:  # thinc/spaCy errors are not typed; report them as analysis errors
        raise AnalysisError(f"prextract's NER failed on the text: {type(exc).__name__}: {exc}") from exc


def _build(text: str, docs, prx_spans: list[list[NerSpan]] | None = None,
           folds: list[NormalizedText] | None = None) -> Analysis:
    """An Analysis of ``text`` from the Docs of its pieces (``(offset, doc)``), each Doc parsed
    from the piece's fold in ``folds`` (or from the piece itself): offsets go back to ``text``."""
    tokens: list[Token] = []
    entities: list[Entity] = []
    for k, (offset, doc) in enumerate(docs):
        fold = folds[k] if folds else None

        def span(start: int, end: int) -> tuple[int, int]:
            if fold is not None:
                start, end = fold.to_original(start, end)
            return offset + start, offset + end

        first = len(tokens)
        bunsetu_heads = _bunsetu_starts(doc)
        ent_of = {}
        for ent in doc.ents:
            start, end = span(ent.start_char, ent.end_char)
            entities.append(Entity(start, end, ent.label_, text[start:end]))
            for t in ent:
                ent_of[t.i] = ent.label_
        for found in (prx_spans[k] if prx_spans else ()):
            start, end = span(found.start, found.end)
            entities.append(Entity(start, end, prefixed(found.label), text[start:end], found.agreement,
                                   found.confirmed))
        for t in doc:
            if t.is_space:
                continue
            reading = t.morph.get("Reading")
            start, end = span(t.idx, t.idx + len(t.text))
            tokens.append(Token(
                i=len(tokens), text=text[start:end], start=start, end=end,
                tag=t.tag_, pos=t.pos_, dep=t.dep_, head=first + t.head.i, lemma=t.lemma_,
                reading=reading[0] if reading else "", ent=ent_of.get(t.i, ""),
                bunsetu_start=t.i in bunsetu_heads))
        # token indices in this doc count whitespace tokens; remap heads to the kept tokens
        _remap_heads(tokens, first, doc)
    entities.sort(key=lambda e: e.start)  # stable: GiNZA's entities keep their order
    return Analysis(text, tuple(tokens), tuple(entities), tuple(split_sentences(text)))


def _bunsetu_starts(doc) -> set[int]:
    try:
        import ginza
        return {span.start for span in ginza.bunsetu_spans(doc)}
    except Exception:  # bunsetu_recognizer missing from a custom pipeline: no bunsetsu starts
        return set()


def _remap_heads(tokens: list[Token], first: int, doc) -> None:
    kept = [t.i for t in doc if not t.is_space]
    index = {doc_i: first + k for k, doc_i in enumerate(kept)}
    for k in range(first, len(tokens)):
        tok = tokens[k]
        head_doc_i = tok.head - first
        new_head = index.get(head_doc_i, tok.i)
        if new_head != tok.head:
            tokens[k] = Token(tok.i, tok.text, tok.start, tok.end, tok.tag, tok.pos, tok.dep, new_head,
                              tok.lemma, tok.reading, tok.ent, tok.bunsetu_start)


def common_words_only(tokens: Iterable[Token], joiners: frozenset[str] = frozenset("・")) -> bool:
    """Every word (``joiners`` aside) is a common noun or suffix SudachiPy's dictionary knows, none
    Latin or a number, and UniDic reads each katakana word as one word: リンゴ・ブドウ・モモ,
    製鉄・化学・エネルギー関連 are words, not a name (ビル・ロマス is one: ロマス is no word of UniDic)."""
    words = [t for t in tokens if t.text not in joiners]
    return bool(words) and all(
        t.tag.startswith(("名詞-普通名詞", "接尾辞")) and not re.search(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]", t.text)
        and in_dictionary(t.text) and (not _KATAKANA.match(t.text) or one_unidic_word(t.text)) for t in words)


_LETTER = re.compile(r"[\u3040-\u30FF\u4E00-\u9FFF々A-Za-z]")


def named_in_own_words(tokens: Iterable[Token], joiners: frozenset[str] = frozenset("・"),
                       latin_phrase: bool = False) -> bool:
    """A word (kana, kanji or Latin) opens the span, and its words (``joiners`` aside) are neither
    all common ones (``common_words_only``) nor all Latin (with ``latin_phrase``: nor one Latin
    word alone): what a trained NER's span needs to be taken as a name where only a majority of
    the ensemble reads it (クラヴィンケル染色, 第12狙撃師団, Nordhafen Logistik with ``latin_phrase``;
    not (3, 排出量, nor TOB, which in a release is a product, a technique or a spelling)."""
    tokens = [t for t in tokens if t.text not in joiners and t.text.strip()]
    words = [t for t in tokens if _LETTER.search(t.text)]  # numbers and signs are no words (リンゴ・ブドウ2世)
    latin = [t for t in words if re.fullmatch(r"[A-Za-z0-9&.'’-]+", t.text)]
    return bool(words) and _LETTER.match(tokens[0].text) is not None \
        and not common_words_only(words, joiners) \
        and (len(latin) < len(words) or (latin_phrase and sum(t.text[0].isalpha() for t in latin) >= 2))


@lru_cache(maxsize=8192)
def in_dictionary(word: str) -> bool:
    """Whether SudachiPy's dictionary knows every part of ``word`` (read alone): a katakana word it
    does not know (ボウスキー, カラマンリス) is a new name more likely than a loanword (イノベーション)."""
    morphemes = load_nlp().tokenizer.tokenizer.tokenize(word)
    return len(morphemes) > 0 and not any(m.is_oov() for m in morphemes)


@lru_cache(maxsize=8192)
def one_unidic_word(word: str) -> bool:
    """Whether UniDic (fugashi) reads ``word`` alone as one known word: it cuts a katakana name it
    does not know into pieces (ダリューゲ → ダリュー|ゲ) where SudachiPy, which knows many names as
    common nouns, may keep it whole."""
    words = _tagger()(word)
    return len(words) == 1 and not words[0].is_unk


# -- readings -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _tagger():
    import fugashi
    import unidic_lite
    return fugashi.Tagger(f"-d {unidic_lite.DICDIR}")


_KATAKANA = re.compile(r"^[\u30A0-\u30FF]+$")


def reading_of(name: str) -> str | None:
    """Katakana reading of a name from UniDic (fugashi + unidic-lite), or None if a part is unknown."""
    parts: list[str] = []
    for word in _tagger()(name):
        if word.surface.isspace():
            continue
        kana = getattr(word.feature, "kana", None) or getattr(word.feature, "pron", None)
        if not kana or kana == "*":
            if _KATAKANA.match(word.surface):
                kana = word.surface
            else:
                return None
        parts.append(kana)
    return "".join(parts) or None


_PLACE_LEVELS = frozenset("都道府県市区町村郡")


@lru_cache(maxsize=4096)
def place_levels(name: str, prefectures: frozenset[str] = frozenset()) -> int:
    """How many levels of place a name strings together, read from UniDic's short words:
    東京|都|中央|区 and 北海道|札幌|市 are two, 宇都宮|市, 町田|市 and 京都|府 one (a level
    character inside a place's own word is no level), 十|日|町|市 one (町 after a counter).
    A word that is a whole prefecture (北海道) counts as its level."""
    levels, prev = 0, None
    for word in _tagger()(name):
        if word.surface in prefectures:
            levels += 1
        elif word.surface in _PLACE_LEVELS and prev is not None \
                and prev.feature.pos1 == "名詞" and prev.feature.pos2 != "数詞":
            levels += 1
        prev = word
    return levels


def unidic_person_spans(text: str) -> list[tuple[int, int]]:
    """Runs of UniDic 人名 (姓/名) words in text, as offsets: a second opinion beside GiNZA."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for word in _tagger()(text):
        start = text.find(word.surface, pos)
        if start < 0:
            continue
        end = start + len(word.surface)
        pos = end
        f = word.feature
        if getattr(f, "pos2", "") == "固有名詞" and getattr(f, "pos3", "") == "人名":
            if spans and text[spans[-1][1]:start].strip(" \u3000") == "" and start - spans[-1][1] <= 1:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans
