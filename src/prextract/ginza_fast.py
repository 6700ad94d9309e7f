"""The ja_ginza pipeline, same models and same annotations, with two costs of this stack cut.

1. **Matrix products through numpy.** thinc's ``NumpyOps`` multiplies with BLIS; numpy's BLAS
   (OpenBLAS) ran the tok2vec's products about twice as fast on this project's machines
   (measured single-threaded: 141 vs 66 GFLOPS on 8000x768 @ 768x768). thinc has the switch
   itself: ``NumpyOps(use_blis=False)`` sends ``gemm`` to ``numpy.dot``.
2. **The transition parsers' loop in Python.** spaCy's greedy parse runs its step loop in C
   with the GIL released, but the StateC accessors (``B_``, ``safe_get``) that the NER's 758
   ``is_valid`` checks call take the GIL back on every call (a Cython 3 exception check; seen in
   ``perf``/``gdb`` stacks as ``PyGILState_Ensure`` under ``Unit.is_valid``). Driving the same
   steps from Python while holding the GIL (``model.predict(states)`` and
   ``parser.transition_states``, the calls spaCy's own training loop uses) makes the NER about
   3x faster; the parser gains too.

3. **Prediction without training memory.** thinc's ``chain`` keeps every layer's backprop
   closure (and with it the layer's input) until the chain ends, in prediction too: through
   ja_ginza's eight residual encoder blocks that is about 57 KB per token, 310 MB at the peak
   for a batch of eight releases. ``lean_predict`` runs chains (and ``with_array`` around them)
   layer by layer, so each block's arrays are freed when the next starts: the same operations
   in the same order, a fraction of the peak memory.

All three keep the output identical: the same weights, the same greedy decisions (tested on every
release in ``samples/``: tokens, tags, POS, lemmas, heads, labels and entities are equal).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def use_numpy_matmul(nlp: Any) -> Any:
    """Point every thinc model of ``nlp``'s components at ``NumpyOps(use_blis=False)``."""
    for _, component in nlp.pipeline:
        numpy_matmul(component)
    return nlp


def numpy_matmul(component: Any) -> None:
    """Point the thinc model of one component (in a pipeline or not) at ``NumpyOps(use_blis=False)``."""
    from thinc.api import Model, NumpyOps

    model = getattr(component, "model", None)
    if isinstance(model, Model):
        ops = NumpyOps(use_blis=False)
        for node in model.walk():
            node.ops = ops


def greedy_parse(parser: Any, docs: list[Any]) -> list[Any]:
    """The states of a greedy transition-based parse of ``docs`` (``Parser.predict``'s result
    for ``beam_width == 1``), stepped from Python; pass them to ``parser.set_annotations``."""
    import numpy

    if not any(len(doc) for doc in docs):
        return parser.moves.init_batch(docs)
    parser._ensure_labels_are_added(docs)
    batch = parser.moves.init_batch(docs)
    step_model = parser.model.predict(docs)
    try:
        states = [state for state in batch if not state.is_final()]
        while states:
            scores = numpy.ascontiguousarray(step_model.predict(states), dtype="float32")
            states = parser.transition_states(states, scores)
    finally:
        step_model.clear_memory()
    return batch


def lean_predict(model: Any, X: Any) -> Any:
    """``model.predict(X)``, with ``chain`` and list-input ``with_array`` layers unrolled so that
    no intermediate array outlives the layer that needs it."""
    import importlib

    # the modules, not the functions of the same name that thinc.layers exports
    chain_forward = importlib.import_module("thinc.layers.chain").forward
    with_array_forward = importlib.import_module("thinc.layers.with_array").forward
    if model._func is chain_forward:
        for layer in model.layers:
            X = lean_predict(layer, X)
        return X
    if model._func is with_array_forward and isinstance(X, (list, tuple)):
        layer = model.layers[0]
        pad = model.attrs["pad"]
        lengths = layer.ops.asarray1i([len(seq) for seq in X])
        flat = layer.ops.flatten(X, pad=pad)
        del X
        return layer.ops.unflatten(lean_predict(layer, flat), lengths, pad=pad)
    return model.predict(X)


def _tok2vec(component: Any, docs: list[Any]) -> None:
    """``Tok2Vec.predict`` + ``set_annotations``, predicting lean."""
    if any(len(doc) for doc in docs):
        tokvecs = lean_predict(component.model, docs)
    else:
        width = component.model.get_dim("nO")
        tokvecs = [component.model.ops.alloc((0, width)) for _ in docs]
    component.set_annotations(docs, tokvecs)


def _is_greedy_parser(component: Any) -> bool:
    from spacy.pipeline.transition_parser import Parser

    return isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1


def pipe(nlp: Any, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Any]:
    """``nlp.pipe(texts)`` in input order, with the transition parsers stepped by ``greedy_parse``.

    Components run one after the other on each batch; a component reads what the ones before it
    wrote (spaCy's tok2vec listeners read ``doc.tensor`` in prediction, so they need no batch
    bookkeeping). Disabled components are skipped, as ``nlp.pipe`` does.
    """
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == batch_size:
            yield from _run(nlp, batch)
            batch = []
    if batch:
        yield from _run(nlp, batch)


def _run(nlp: Any, texts: list[str]) -> list[Any]:
    from spacy.pipeline import Tok2Vec

    docs = [nlp.make_doc(text) for text in texts]
    for _, component in nlp.pipeline:
        if type(component) is Tok2Vec:
            _tok2vec(component, docs)
        elif _is_greedy_parser(component):
            component.set_annotations(docs, greedy_parse(component, docs))
        elif hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=len(docs)))
        else:
            docs = [component(doc) for doc in docs]
    return docs
