"""The NLP analysis of a text: GiNZA tokens, dependencies and ENE entities, in document offsets.

The spaCy pipeline loads once per process, on first use. Long texts are cut into pieces under
SudachiPy's input limit (49,149 UTF-8 bytes) at paragraph, then sentence boundaries; each piece is
parsed and its offsets are shifted back, so callers only ever see offsets into the whole text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from .errors import AnalysisError, ModelError
from .ner_model import NerSpan, entities_of, prefixed

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


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str
    text: str


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
        return [t for t in self.tokens if t.start >= start and t.end <= end]

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


@lru_cache(maxsize=1)
def load_nlp():
    """Load ja_ginza once per process. Raises ModelError with a plain message if it is missing."""
    try:
        import spacy
        return spacy.load(MODEL_NAME)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelError(f"the spaCy model {MODEL_NAME!r} is not installed: pip install ja-ginza ({exc})") from exc
    except ImportError as exc:
        raise ModelError(f"spaCy or GiNZA is not installed: {exc}") from exc


def model_version() -> str:
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

def split_for_parser(text: str, max_bytes: int = MAX_PIECE_BYTES) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) under max_bytes UTF-8, at paragraph, then sentence, then any
    boundary. Short texts come back whole."""
    if len(text.encode("utf-8")) <= max_bytes:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    _cut(text, 0, max_bytes, pieces, (r"\n\s*\n", r"\n", r"(?<=[。！？!?])"))
    return pieces


def _cut(text: str, base: int, max_bytes: int, out: list[tuple[int, str]], seps: tuple[str, ...]) -> None:
    if len(text.encode("utf-8")) <= max_bytes:
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
        if len(text[start:b].encode("utf-8")) > max_bytes:
            if current > start:
                _cut(text[start:current], base + start, max_bytes, out, seps[1:])
                start = current
            if len(text[start:b].encode("utf-8")) > max_bytes:
                _cut(text[start:b], base + start, max_bytes, out, seps[1:])
                start = b
        current = b
    if start < len(text):
        _cut(text[start:], base + start, max_bytes, out, seps[1:])


# -- analysis -------------------------------------------------------------------------------------

def analyse(text: str) -> Analysis:
    return next(iter(analyse_many([text])))


def analyse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]:
    """Analyse texts in order, feeding their pieces through ``nlp.pipe``."""
    nlp = load_nlp()
    for text in texts:
        pieces = split_for_parser(text)
        try:
            docs = list(nlp.pipe((p for _, p in pieces), batch_size=batch_size))
        except Exception as exc:  # spaCy/Sudachi errors are not typed; report them as analysis errors
            raise AnalysisError(f"GiNZA failed on the text: {type(exc).__name__}: {exc}") from exc
        prx_spans = _prx_entities(docs)
        yield _build(text, [(offset, doc) for (offset, _), doc in zip(pieces, docs)], prx_spans)


def _prx_entities(docs) -> list[list[NerSpan]]:
    """prextract's own NER (models/ner/, labels prx:PERSON, prx:ORGANIZATION, prx:LOCATION) on
    the Docs ja_ginza has just made: it reads their tensors and tokens, no second parse."""
    try:
        return entities_of(docs)
    except ModelError:
        raise
    except Exception as exc:  # thinc/spaCy errors are not typed; report them as analysis errors
        raise AnalysisError(f"prextract's NER failed on the text: {type(exc).__name__}: {exc}") from exc


def _build(text: str, docs, prx_spans: list[list[NerSpan]] | None = None) -> Analysis:
    tokens: list[Token] = []
    entities: list[Entity] = []
    for k, (offset, doc) in enumerate(docs):
        first = len(tokens)
        bunsetu_heads = _bunsetu_starts(doc)
        ent_of = {}
        for ent in doc.ents:
            entities.append(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_,
                                   text[offset + ent.start_char: offset + ent.end_char]))
            for t in ent:
                ent_of[t.i] = ent.label_
        for span in (prx_spans[k] if prx_spans else ()):
            entities.append(Entity(offset + span.start, offset + span.end, prefixed(span.label),
                                   text[offset + span.start: offset + span.end]))
        for t in doc:
            if t.is_space:
                continue
            reading = t.morph.get("Reading")
            tokens.append(Token(
                i=len(tokens), text=t.text, start=offset + t.idx, end=offset + t.idx + len(t.text),
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
