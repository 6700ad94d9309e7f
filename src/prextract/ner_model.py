"""prextract's own NER: PERSON / ORGANIZATION / LOCATION, trained on the Stockmark Wikipedia NER
train split (``scripts/train_ner.py``), shipped under ``models/ner/``.

It reads what ja_ginza has already computed for a document: SudachiPy's tokens, tags and
GiNZA's ENE labels (hashed into a small trainable embedding), and token vectors, either
ja_ginza's own ``tok2vec`` output (``doc.tensor``, frozen) or, in the shipped model, a copy of
ja_ginza's ``tok2vec`` fine-tuned for these entities. It never runs SudachiPy again.

The recognizer works on a *shadow* Doc (same words and tensor, the token features hashed, no
entities) because spaCy's entity recognizer respects entities already set on a Doc: on
ja_ginza's Doc it could only repeat GiNZA's ENE spans. ja_ginza's own ``doc.ents`` stay untouched.

The model loads lazily, once per process, offline, from the package data ``prextract.models``.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import ModelError
from .ginza_fast import greedy_parse, lean_predict, numpy_matmul

#: the component's classes; Analysis carries them as ``prx:PERSON`` etc.
LABELS = ("PERSON", "ORGANIZATION", "LOCATION")
LABEL_PREFIX = "prx:"
MODEL_DIR = "ner"           # under the prextract.models package
META_FILE = "meta.json"
COMPONENT_NAME = "prx_ner"
TENSOR_ARCH = "prextract.GinzaTensor.v1"
FEATURES_ARCH = "prextract.GinzaTensorAndHashEmbed.v1"
EMBED_ARCH = "prextract.TokenFeatureEmbed.v1"
GINZA_COPY = "ginza_copy"  # the name of the fine-tuned copy of ja_ginza's tok2vec
OWN_TOK2VEC = "prx_own_tok2vec"  # model attr: the copy, lifted out for inference
FEATURES_KEY = "prx_features"  # shadow Doc user_data: uint64 hashes, one row per token
#: the token strings the trainable embedding sees, besides ja_ginza's tensor
FEATURE_NAMES = ("text", "first_char", "last_char", "last_2_chars", "tag", "ene", "char_classes", "pos_dep")


@dataclass(frozen=True, slots=True)
class NerSpan:
    """An entity found by the component: character offsets into the Doc's text."""

    start: int
    end: int
    label: str      # one of LABELS (or another label the model was trained with)
    agreement: float = 1.0  # the share of the ensemble's weight that predicted this span
    confirmed: bool = True  # enough of the ensemble predicted it to stand without a sign in the text


# -- architectures ----------------------------------------------------------------------------
# Registered on first use (spaCy is heavy to import), before any config that names them is resolved.

def _register_architectures() -> None:
    from spacy.util import registry

    if TENSOR_ARCH in registry.architectures:
        return

    @registry.architectures(TENSOR_ARCH)
    def ginza_tensor(width: int):
        """ja_ginza's tok2vec output, read from ``doc.tensor``: a frozen input, no gradient."""
        from thinc.api import Model

        def forward(model, docs, is_train: bool):
            ops = model.ops
            out = []
            for doc in docs:
                tensor = doc.tensor
                if tensor is None or getattr(tensor, "size", 0) == 0 or tensor.shape[0] != len(doc):
                    if len(doc) == 0:
                        out.append(ops.alloc2f(0, width))
                        continue
                    raise ValueError("the Doc carries no ja_ginza tok2vec tensor: run ja_ginza first")
                out.append(ops.asarray2f(tensor))
            return out, lambda d_out: []

        return Model("ginza_tensor", forward, dims={"nO": width})

    def ginza_tok2vec_copy(width: int):
        """A model of ja_ginza's own tok2vec (spacy.Tok2Vec.v2: ORTH and SHAPE hashes with the
        static vectors, an 8-layer window CNN), run on the shadow Doc; ``GINZA_COPY`` names it."""
        from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed, build_Tok2Vec_model

        model = build_Tok2Vec_model(
            MultiHashEmbed(width=width, attrs=["ORTH", "SHAPE"], rows=[5000, 2500], include_static_vectors=True),
            MaxoutWindowEncoder(width=width, depth=8, window_size=1, maxout_pieces=3))
        model.name = GINZA_COPY
        return model

    @registry.architectures(EMBED_ARCH)
    def token_feature_embed(width: int, rows: list[int]):
        """Hashed embeddings of the token strings of FEATURE_NAMES (see ``token_features``),
        read from the shadow Doc, concatenated and mixed by a Maxout layer."""
        from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

        if len(rows) != len(FEATURE_NAMES):
            raise ValueError(f"rows: {len(rows)} values for {len(FEATURE_NAMES)} features")

        def read(model, docs, is_train: bool):
            return [model.ops.asarray(doc.user_data[FEATURES_KEY], dtype="uint64") for doc in docs], \
                lambda d_out: []

        embeddings = [HashEmbed(width, n, column=i, seed=11 + i, dropout=0.0) for i, n in enumerate(rows)]
        return chain(Model("prx_token_features", read), list2ragged(), with_array(concatenate(*embeddings)),
                     with_array(Maxout(width, width * len(rows), nP=3, dropout=0.0, normalize=True)),
                     ragged2list())

    @registry.architectures(FEATURES_ARCH)
    def ginza_tensor_and_hash_embed(tensor_width: int, width: int, embed, encode_depth: int,
                                    window_size: int = 1, maxout_pieces: int = 3,
                                    ginza_copy: bool = False):
        """ja_ginza's tok2vec output beside a small trainable embedding of the token itself,
        mixed by a Maxout layer and a shallow CNN. The tok2vec output is ja_ginza's frozen
        tensor, or with ``ginza_copy`` a copy of ja_ginza's tok2vec that the training starts from
        ja_ginza's weights and fine-tunes for these entities (scripts/train_ner.py)."""
        from spacy.ml.models.tok2vec import MaxoutWindowEncoder
        from thinc.api import Maxout, chain, concatenate, with_array

        tensor = ginza_tok2vec_copy(tensor_width) if ginza_copy else ginza_tensor(tensor_width)
        mix = Maxout(width, nP=maxout_pieces, normalize=True)  # input width inferred at init
        layers = [concatenate(tensor, embed), with_array(mix)]
        if encode_depth > 0:
            layers.append(with_array(MaxoutWindowEncoder(width=width, depth=encode_depth,
                                                         window_size=window_size,
                                                         maxout_pieces=maxout_pieces),
                                     pad=window_size * encode_depth))
        model = chain(*layers)
        model.set_dim("nO", width)
        return model


# -- building and loading ---------------------------------------------------------------------

def component_config(hidden_width: int = 64, width: int = 128, encode_depth: int = 2,
                     embed_width: int = 64, embed_rows: Sequence[int] = (5000, 2000, 2000, 4000, 500, 500, 200, 1000),
                     tensor_width: int = 256, ginza_copy: bool = False) -> dict[str, Any]:
    """The spaCy config of the component (an ``ner`` whose tok2vec is FEATURES_ARCH)."""
    return {
        "model": {
            "@architectures": "spacy.TransitionBasedParser.v2",
            "state_type": "ner",
            "extra_state_tokens": False,
            "hidden_width": hidden_width,
            "maxout_pieces": 2,
            "use_upper": True,
            "tok2vec": {
                "@architectures": FEATURES_ARCH,
                "tensor_width": tensor_width,
                "width": width,
                "encode_depth": encode_depth,
                **({"ginza_copy": True} if ginza_copy else {}),
                "embed": {
                    "@architectures": EMBED_ARCH,
                    "width": embed_width,
                    "rows": list(embed_rows),
                },
            },
        },
        "update_with_oracle_cut_size": 100,
    }


def create_component(nlp, config: dict[str, Any]):
    """A fresh, untrained recognizer bound to ``nlp``'s vocab (not added to its pipeline)."""
    _register_architectures()
    return nlp.create_pipe("ner", name=COMPONENT_NAME, config=config)


def shadow_doc(doc, vocab=None):
    """A copy of ``doc`` with its words, spaces, tags, tok2vec tensor and the hashed token
    features, and no entities."""
    import numpy
    from spacy.strings import hash_string
    from spacy.tokens import Doc

    if len(doc) and (doc.tensor is None or getattr(doc.tensor, "size", 0) == 0):
        # the token features (tags, GiNZA's ENE labels, dependencies) exist only after ja_ginza ran
        raise ValueError("the Doc carries no ja_ginza tok2vec tensor: run ja_ginza first")
    shadow = Doc(vocab or doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    shadow.tensor = doc.tensor
    shadow.user_data[FEATURES_KEY] = numpy.array(
        [[hash_string(f"{i}:{value}") for i, value in enumerate(row)] for row in token_features(doc)],
        dtype="uint64").reshape(len(doc), len(FEATURE_NAMES))
    return shadow


def _char_class(ch: str) -> str:
    o = ord(ch)
    if 0x3040 <= o <= 0x309F:
        return "h"
    if 0x30A0 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9D:
        return "k"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or ch in "々〆ヶ":
        return "K"
    if ch.isdigit():
        return "d"
    if ch.isalpha():
        return "A" if ch.isupper() else "a"
    return ch if not ch.isspace() else "s"


def token_features(doc) -> list[tuple[str, ...]]:
    """Per token, the strings of FEATURE_NAMES: the surface, its first and last characters (社,
    省, 郎, 子 mark kinds of names), SudachiPy's tag, GiNZA's ENE label with its IOB position, the
    run of character classes (kanji, hiragana, katakana, Latin, digits) and POS with the
    dependency label."""
    rows = []
    for t in doc:
        text = t.text
        ene = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O"
        rows.append((text, text[:1], text[-1:], text[-2:], t.tag_, ene, char_classes(text),
                     f"{t.pos_}|{t.dep_}"))
    return rows


def char_classes(text: str, limit: int = 4) -> str:
    """The runs of character classes of a word, at most ``limit``: トヨタ自動車 -> ``kK``."""
    classes: list[str] = []
    for ch in text:
        c = _char_class(ch)
        if not classes or classes[-1] != c:
            classes.append(c)
    return "".join(classes[:limit])


def _model_path() -> Path:
    root = resources.files("prextract.models").joinpath(MODEL_DIR)
    # the package is installed as plain files (setuptools wheel or editable install): a real path
    return Path(str(root))


def read_meta(path: Path | None = None) -> dict[str, Any]:
    path = path or _model_path()
    try:
        return json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"prextract's NER model is missing: {path / META_FILE} not found") from exc


class Recognizer:
    """The loaded members: ``find(docs)`` gives each ja_ginza Doc's entities.

    The shipped model is a small ensemble (``meta["members"]``), each member with a weight
    (``weight``, default 1). A span (start, end, label) is kept when the members that predict it
    exactly weigh at least ``vote``: the members' errors differ more than their hits, so a
    weighted majority cuts false entities with few lost (measured on a held-out part of train,
    see models/ner/README.md). A kept span is *confirmed* when they weigh at least ``confirm``
    (default: all members); the rules take a confirmed span with less evidence from the text.
    """

    def __init__(self, components: Sequence[Any], meta: dict[str, Any], vote: float = 1,
                 weights: Sequence[float] | None = None, confirm: float | None = None) -> None:
        if not components:
            raise ModelError("prextract's NER model has no members")
        self.components = list(components)
        self.meta = meta
        self.weights = [float(w) for w in weights] if weights is not None else [1.0] * len(self.components)
        if len(self.weights) != len(self.components):
            raise ModelError(f"prextract's NER model has {len(self.components)} members but "
                             f"{len(self.weights)} weights")
        total = sum(self.weights)
        self.vote = min(float(vote), total)
        self.confirm = total if confirm is None else min(float(confirm), total)
        # a member's own copy of ja_ginza's tok2vec, run before its parse (see ``ready_for_inference``)
        self.own_tok2vecs = [_own_tok2vec(c) for c in self.components]

    def find(self, docs: Sequence[Any]) -> list[list[NerSpan]]:
        """Each Doc's spans (they do not depend on the other Docs of the batch: see ``_pad_windows``)."""
        shadows = [shadow_doc(d) for d in docs]
        if not shadows:
            return []
        votes: list[Counter[tuple[int, int, str]]] = [Counter() for _ in shadows]
        texts = [s.text for s in shadows]  # Doc.text joins every token again on each read: once per Doc
        ginza_tensors = [s.tensor for s in shadows]
        for component, weight, own in zip(self.components, self.weights, self.own_tok2vecs):
            for s, tensor in zip(shadows, ginza_tensors):
                s.ents = []
                # the member reads its own tok2vec's output where the others read ja_ginza's
                s.tensor = lean_predict(own, [s])[0] if own is not None and len(s) else tensor
            component.set_annotations(shadows, greedy_parse(component, shadows))
            for s, text, counts in zip(shadows, texts, votes):
                for e in s.ents:
                    cut = trim_span(text, e.start_char, e.end_char)
                    if cut is not None:
                        counts[(cut[0], cut[1], e.label_)] += weight
        total = sum(self.weights)
        return [[NerSpan(start, end, label, w / total, w >= self.confirm)
                 for (start, end, label), w in sorted(counts.items()) if w >= self.vote]
                for counts in votes]


def _own_tok2vec(component):
    """The copy of ja_ginza's tok2vec that ``ready_for_inference`` lifted out of a member, or None."""
    model = getattr(component, "model", None)
    return model.attrs.get(OWN_TOK2VEC) if model is not None and hasattr(model, "attrs") else None


def _lift_own_tok2vec(component) -> None:
    """Take a member's copy of ja_ginza's tok2vec out of its model and read its output from the
    Doc's tensor instead, as the frozen members read ja_ginza's (``Recognizer.find`` runs the
    copy first). The output is the same; the memory is not: inside spaCy's parser model the
    tok2vec keeps every layer's activations until the parse ends (about 57 KB a token through the
    copy's eight encoder blocks), where ``lean_predict`` frees each block's as the next starts."""
    from spacy.util import registry

    model = component.model
    for node in model.walk():
        # concatenate(tensor source, token features): the source is the copy unless it reads
        # ja_ginza's tensor (the copy took ja_ginza's layer names with its weights, so its own
        # name GINZA_COPY is gone from a trained member)
        if len(node.layers) == 2 and node.layers[1].name.startswith("prx_token_features"):
            source = node.layers[0]
            if source.name != "ginza_tensor":
                node.layers[0] = registry.architectures.get(TENSOR_ARCH)(source.get_dim("nO"))
                model.attrs[OWN_TOK2VEC] = source
            return


def _pad_windows(component, config: dict[str, Any]) -> None:
    """Pad between the Docs of a batch before the CNN's windows (the ``pad`` of its with_array).

    The batch is flattened into one array there: without padding rows a window reads the
    neighbouring Doc's tokens, and a release's spans depended on what it was batched with. The
    attribute is restored from the saved model (members saved before the fix carry pad 0), so it
    is set again after loading."""
    tok2vec = config["model"]["tok2vec"]
    pad = tok2vec.get("window_size", 1) * tok2vec.get("encode_depth", 0)
    for node in component.model.walk():
        if node.name.startswith("with_array(with_array(residual(expand_window"):
            node.attrs["pad"] = pad


_EDGE_PUNCT = " \t\u3000、。，,:：;；・「」『』【】〔〕［］[]\"'“”‘’"
_OPENERS = "(（"


@lru_cache(maxsize=1)
def _bracketed_legal_forms() -> tuple[str, ...]:
    """Legal forms written in brackets, (株) and （株）, which belong to a name."""
    from .resources import load_tsv
    return tuple(r["form"] for r in load_tsv("legal_forms.tsv") if r["form"][:1] in _OPENERS)


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A predicted span without what cannot be part of a name: an opening bracket and what
    follows (``BIOCOM(`` , ``Oxford University Innovation(OUI)``: an abbreviation or reading in
    brackets is a second name) unless it opens a legal form (``三井不動産(株)``), and punctuation
    or space (a line break too) at either end. None if nothing is left, if the span runs out of a
    bracket, or if it runs over a line break (``川村　直樹\n　管理本部``: a misread, not a name cut short)."""
    forms = _bracketed_legal_forms()
    while start < end and text[start].isspace():
        start += 1
    if "\n" in text[start:end].rstrip():
        return None
    for i in range(start + 1, end):
        if text[i] in _OPENERS and not any(text.startswith(f, i) for f in forms):
            end = i
            break
    for i in range(start + 1, end - 1):
        if text[i] in ")）" and not any(text.endswith(f, start, i + 1) for f in forms):
            return None  # John Smith）最高技術責任者: the span runs out of a bracket into the text
    while start < end and text[start] in _EDGE_PUNCT + ")）":
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT + _OPENERS or text[end - 1].isspace()):
        end -= 1  # 臼井　正道\n: the line's end is no part of the name
    if end > start and text[end - 1] in ")）" and not any(text.endswith(f, start, end) for f in forms):
        end -= 1  # a closing bracket whose opening one is outside the span
        while end > start and text[end - 1] in _EDGE_PUNCT:
            end -= 1
    return (start, end) if end > start else None


def load_recognizer_from(nlp, path: Path) -> Recognizer:
    """Load the members saved at ``path`` onto ``nlp`` (ja_ginza, whose tok2vec they read)."""
    meta = read_meta(path)
    _check_versions(nlp, meta)
    components = []
    for member, config in members(meta):
        component = create_component(nlp, config)
        try:
            component.from_disk(path / member, exclude=["vocab"])
        except (FileNotFoundError, OSError) as exc:
            raise ModelError(f"prextract's NER model is incomplete: {path / member} cannot be read ({exc})") from exc
        components.append(ready_for_inference(component, config))
    return Recognizer(components, meta, vote=float(meta.get("vote", 1)),
                      weights=[float(m.get("weight", 1)) for m in _listed_members(meta)],
                      confirm=meta.get("confirm"))


def ready_for_inference(component, config: dict[str, Any]):
    """``component`` set up to predict as the shipped members do (padded windows, numpy matrix
    products as for ja_ginza's own components); returned for chaining."""
    _pad_windows(component, config)
    numpy_matmul(component)
    _lift_own_tok2vec(component)
    return component


def members(meta: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The folder and config of each of the ensemble's members (a model of one member has only
    ``component``); a member's own ``component_config`` wins over the model's."""
    return [(m["dir"], m.get("component_config", meta["component_config"])) for m in _listed_members(meta)]


def _listed_members(meta: dict[str, Any]) -> list[dict[str, Any]]:
    """``meta["members"]``, or the one member of a model that lists none."""
    return meta.get("members") or [{"dir": "component"}]


@lru_cache(maxsize=1)
def load_recognizer() -> Recognizer:
    """The shipped component on ja_ginza's pipeline, loaded once per process."""
    from .analyse import load_nlp

    return load_recognizer_from(load_nlp(), _model_path())


def _check_versions(nlp, meta: dict[str, Any]) -> None:
    """The tensor the component reads must come from the ja_ginza it was trained on."""
    want = meta.get("requires", {}).get("ja_ginza")
    have = nlp.meta.get("version")
    if nlp.meta.get("name") == "ginza" and want and have != want:
        raise ModelError(f"prextract's NER model was trained on ja_ginza {want}, but {have} is "
                         "installed: install ja-ginza=={want} or retrain with scripts/train_ner.py")


def entities_of(docs: Sequence[Any], recognizer: Recognizer | None = None,
                labels: Iterable[str] = LABELS) -> list[list[NerSpan]]:
    """Entities with a label in ``labels`` for each Doc (offsets into that Doc's text)."""
    rec = recognizer or load_recognizer()
    wanted = set(labels)
    return [[s for s in spans if s.label in wanted] for spans in rec.find(docs)]


def prefixed(label: str) -> str:
    return LABEL_PREFIX + label

