"""prextract's trained NER component (models/ner/): loading, the shadow Doc it reads, and the
prx:* entities it adds to an Analysis without touching GiNZA's own."""
from __future__ import annotations

import json
import shutil

import pytest

from prextract import ner_model
from prextract.errors import ModelError

RELEASE = (
    "株式会社みなと精機（本社：大阪府大阪市、代表取締役社長：高橋健一）は、"
    "国立大学法人東北大学と共同研究契約を締結しました。\n"
    "当社取締役の佐藤美咲は「地域の製造業に新しい技術を届けたい」と述べています。"
)


@pytest.fixture(scope="module")
def nlp():
    from prextract.analyse import load_nlp
    return load_nlp()


@pytest.fixture(scope="module")
def recognizer():
    return ner_model.load_recognizer()


def test_meta_pins_versions_and_names_its_data(recognizer):
    meta = recognizer.meta
    assert set(meta["labels"]) == set(ner_model.LABELS)
    assert meta["requires"]["ja_ginza"]
    assert meta["requires"]["spacy"] and meta["requires"]["thinc"]
    assert meta["training"]["data_license"] == "CC-BY-SA-3.0"
    assert "int(curid) % 5 != 0" in meta["training"]["data"]  # never the test split


def test_model_is_small():
    """Three small members (6 MB each) and two with their own copy of ja_ginza's tok2vec (34 MB
    each): about 89 MB, a little more than ja_ginza's own 76 MB, and no more than that."""
    path = ner_model._model_path()
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size < 96 * 1024 * 1024


def test_shadow_doc_keeps_words_and_tensor_but_no_entities(nlp):
    doc = nlp("三井不動産の山田太郎社長が東京都で会見した。")
    assert len(doc.ents) > 0
    shadow = ner_model.shadow_doc(doc)
    assert [t.text for t in shadow] == [t.text for t in doc]
    assert shadow.text == doc.text
    assert shadow.tensor.shape == doc.tensor.shape
    assert len(shadow.ents) == 0
    features = shadow.user_data[ner_model.FEATURES_KEY]
    assert features.shape == (len(doc), len(ner_model.FEATURE_NAMES))
    assert features.dtype.name == "uint64"


@pytest.mark.parametrize("text, classes", [
    ("トヨタ", "k"), ("自動車", "K"), ("トヨタ自動車", "kK"), ("ABCホールディングス", "Ak"),
    ("iPhone", "aAa"), ("2025年", "dK"), ("すぐに", "h"), ("佐々木", "K"), ("Ｎ・Ｔ", "AkA"),  # ・ is in the Katakana block
    ("一二三四五", "K"), ("aB1cあ", "aAda"),
])
def test_char_classes(text, classes):
    assert ner_model.char_classes(text) == classes


def test_token_features_carry_ginza_ene_labels(nlp):
    doc = nlp("山田太郎は大阪府に住んでいる。")
    rows = ner_model.token_features(doc)
    ene = [r[ner_model.FEATURE_NAMES.index("ene")] for r in rows]
    assert any(v.startswith("B-") for v in ene) and "O" in ene


def test_recognizer_finds_people_organisations_and_places(nlp, recognizer):
    doc = nlp("山田太郎氏は2019年に株式会社日立製作所へ入社し、現在は大阪府に住んでいる。")
    found = {(doc.text[s.start:s.end], s.label) for s in recognizer.find([doc])[0]}
    assert ("山田太郎", "PERSON") in found
    assert ("株式会社日立製作所", "ORGANIZATION") in found
    assert ("大阪府", "LOCATION") in found


def test_spans_are_character_offsets_on_token_boundaries(nlp, recognizer):
    docs = list(nlp.pipe([RELEASE, "本日は晴天なり。"]))
    for doc, spans in zip(docs, ner_model.entities_of(docs, recognizer)):
        for s in spans:
            assert 0 <= s.start < s.end <= len(doc.text)
            assert doc.char_span(s.start, s.end) is not None
            assert s.label in ner_model.LABELS


def test_ginza_entities_stay_intact(nlp, recognizer):
    doc = nlp(RELEASE)
    before = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    recognizer.find([doc])
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == before


def test_analysis_carries_prx_entities_beside_ginza_ones(nlp):
    from prextract.analyse import analyse

    analysis = analyse(RELEASE)
    prx = [e for e in analysis.entities if e.label.startswith(ner_model.LABEL_PREFIX)]
    ginza = [e for e in analysis.entities if not e.label.startswith(ner_model.LABEL_PREFIX)]
    assert {e.label for e in prx} <= {ner_model.prefixed(label) for label in ner_model.LABELS}
    assert prx, "the component found nothing in a release with a company, a university and people"
    for e in analysis.entities:
        assert RELEASE[e.start:e.end] == e.text
    assert [(e.start, e.end, e.label) for e in ginza] == \
        [(e.start_char, e.end_char, e.label_) for e in nlp(RELEASE).ents]
    assert [e.start for e in analysis.entities] == sorted(e.start for e in analysis.entities)


def test_offsets_of_later_pieces_are_shifted(nlp, recognizer):
    from prextract.analyse import _build

    first, second = "本日は晴天なり。\n", "山田太郎氏は大阪府に住んでいる。"
    docs = [(0, nlp(first)), (len(first), nlp(second))]
    spans = [recognizer.find([d])[0] for _, d in docs]
    analysis = _build(first + second, docs, spans)
    prx = [e for e in analysis.entities if e.label.startswith(ner_model.LABEL_PREFIX)]
    assert prx and all(e.start >= len(first) for e in prx)
    assert all((first + second)[e.start:e.end] == e.text for e in prx)


def test_empty_doc_gives_no_entities(nlp, recognizer):
    assert recognizer.find([nlp("")]) == [[]]
    assert recognizer.find([]) == []


def test_missing_model_is_a_model_error(nlp, tmp_path):
    with pytest.raises(ModelError):
        ner_model.load_recognizer_from(nlp, tmp_path)


def test_model_for_another_ja_ginza_is_refused(nlp, tmp_path):
    copy = tmp_path / "ner"
    shutil.copytree(ner_model._model_path(), copy)
    meta = json.loads((copy / ner_model.META_FILE).read_text(encoding="utf-8"))
    meta["requires"]["ja_ginza"] = "0.0.1"
    (copy / ner_model.META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="ja_ginza"):
        ner_model.load_recognizer_from(nlp, copy)


def test_doc_without_tensor_is_refused(nlp, recognizer):
    doc = nlp.make_doc("山田太郎氏は大阪府に住んでいる。")  # tokenizer only: no tok2vec tensor
    with pytest.raises(ValueError, match="tensor"):
        recognizer.find([doc])


def test_synthetic_release_sentences_have_consistent_gold():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from train_ner import synthetic_items

    items = synthetic_items(200, seed=3)
    assert len({it.text for it in items}) > 150  # varied, not one sentence repeated
    for it in items:
        spans = sorted(it.gold)
        assert spans, it.text
        for (s, e, label), nxt in zip(spans, spans[1:] + [None]):
            name = it.text[s:e]
            assert name and name == name.strip(), it.text
            assert label in ner_model.LABELS
            assert nxt is None or e <= nxt[0], f"overlapping spans in {it.text}"
    assert synthetic_items(20, seed=3)[5].text == items[5].text  # seeded: reproducible


@pytest.mark.parametrize("name, kept", [
    ("BIOCOM(", "BIOCOM"),
    ("Oxford University Innovation(OUI)", "Oxford University Innovation"),
    ("Eurobiomed（ユーロバイオメッド", "Eurobiomed"),
    ("三井不動産(株)", "三井不動産(株)"),
    ("（株）東雲精機", "（株）東雲精機"),
    ("「みなと精機」", "みなと精機"),
    ("ユーロ）", "ユーロ"),
    ("Helix Ventures Co., Ltd.", "Helix Ventures Co., Ltd."),
    ("、", None),
    ("John Smith）最高技術責任者", None),  # out of a bracket into the text: no name
    ("東雲精機(株)本社", "東雲精機(株)本社"),
    ("川村　直樹\n　管理本部", None),  # over a line break: a misread
    ("\n東雲精機", "東雲精機"),
    ("臼井　正道\n", "臼井　正道"),   # the line's end is no part of the name
    ("東雲精機\u3000", "東雲精機"),
])
def test_trim_span(name, kept):
    text = "前置き" + name + "後書き"
    cut = ner_model.trim_span(text, 3, 3 + len(name))
    assert (text[cut[0]:cut[1]] if cut else None) == kept


def test_the_shipped_model_is_a_weighted_ensemble(recognizer):
    """Three members read ja_ginza's frozen tensor, two (seeds 0 and 1) fine-tune a copy of its
    tok2vec and weigh two each; a span needs 4 of the 7 (both tuned ones, or one and two frozen
    ones, ...), and is confirmed at 6 (both tuned ones and two frozen ones, ...)."""
    meta = recognizer.meta
    assert len(recognizer.components) == len(meta["members"]) == 5
    assert recognizer.weights == [1.0, 1.0, 1.0, 2.0, 2.0]
    assert (recognizer.vote, recognizer.confirm) == (meta["vote"], meta["confirm"]) == (4.0, 6.0)
    tuned = [m for m in meta["members"] if m["component_config"]["model"]["tok2vec"].get(ner_model.GINZA_COPY)]
    assert [m["weight"] for m in tuned] == [2.0, 2.0] and sorted(m["seed"] for m in tuned) == [0, 1]
    for member in meta["members"]:  # each member says how it was trained
        assert member["training"]["data_license"] == "CC-BY-SA-3.0" and member["training"]["epochs"] == 12


class _FixedMember:
    """A stand-in member that predicts fixed token spans on every Doc."""

    def __init__(self, spans):
        self.spans = spans

    def predict(self, docs):
        return None

    def set_annotations(self, docs, _):
        from spacy.tokens import Span
        for doc in docs:
            doc.ents = [Span(doc, s, e, label=label) for s, e, label in self.spans]


def test_a_span_counts_when_enough_members_predict_it(nlp, monkeypatch):
    monkeypatch.setattr(ner_model, "greedy_parse", lambda member, docs: member.predict(docs))
    doc = nlp("山田太郎氏は東北大学の教授です。")
    words = [t.text for t in doc]
    name, univ = (words.index("山田"), words.index("太郎") + 1), (words.index("東北大学"), words.index("東北大学") + 1)
    members = [_FixedMember([(*name, "PERSON"), (*univ, "ORGANIZATION")]),
               _FixedMember([(*name, "PERSON")]),
               _FixedMember([(*name, "PERSON"), (*univ, "LOCATION")])]
    found = ner_model.Recognizer(members, {}, vote=2).find([doc])[0]
    assert [(doc.text[s.start:s.end], s.label, s.agreement) for s in found] == [("山田太郎", "PERSON", 1.0)]
    found = ner_model.Recognizer(members, {}, vote=1).find([doc])[0]
    assert {(doc.text[s.start:s.end], s.label, round(s.agreement, 2)) for s in found} == {
        ("山田太郎", "PERSON", 1.0), ("東北大学", "ORGANIZATION", 0.33), ("東北大学", "LOCATION", 0.33)}


def test_members_vote_with_their_weights_and_a_span_is_confirmed_at_its_level(nlp, monkeypatch):
    monkeypatch.setattr(ner_model, "greedy_parse", lambda member, docs: member.predict(docs))
    doc = nlp("山田太郎氏は東北大学の教授です。")
    words = [t.text for t in doc]
    name, univ = (words.index("山田"), words.index("太郎") + 1), (words.index("東北大学"), words.index("東北大学") + 1)
    heavy = _FixedMember([(*name, "PERSON"), (*univ, "ORGANIZATION")])
    members = [heavy, _FixedMember([(*name, "PERSON")]), _FixedMember([(*name, "PERSON")]),
               _FixedMember([(*univ, "ORGANIZATION")])]
    found = ner_model.Recognizer(members, {}, vote=3, weights=[2, 1, 1, 1], confirm=4).find([doc])[0]
    assert [(doc.text[s.start:s.end], s.label, s.agreement, s.confirmed) for s in found] == [
        ("山田太郎", "PERSON", 0.8, True), ("東北大学", "ORGANIZATION", 0.6, False)]
    alone = ner_model.Recognizer([heavy, *members[1:3]], {}, vote=3, weights=[2, 1, 1]).find([doc])[0]
    assert [(doc.text[s.start:s.end], s.confirmed) for s in alone] == [("山田太郎", True)]  # 東北大学: 2 < 3
    with pytest.raises(ModelError, match="weights"):
        ner_model.Recognizer(members, {}, weights=[1, 1])


def test_compose_ner_joins_trained_models_with_weights(tmp_path):
    import importlib.util
    from pathlib import Path
    script = Path(__file__).resolve().parents[1] / "scripts" / "compose_ner.py"
    spec = importlib.util.spec_from_file_location("compose_ner", script)
    compose_ner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compose_ner)
    base = {"name": "prextract-ner", "labels": ["PERSON"], "component_config": {"a": 1},
            "requires": {"ja_ginza": "5.3.0"}, "trained_with": {},
            "training": {"data": "d", "data_sha256": "x", "data_license": "CC-BY-SA-3.0", "gold_classes": {}}}
    for name, members, config in (("frozen", [{"dir": "component", "seed": 0}, {"dir": "component-1", "seed": 1}], {"a": 1}),
                                  ("tuned", [{"dir": "component", "seed": 0}], {"a": 2})):
        (tmp_path / name).mkdir()
        for m in members:
            (tmp_path / name / m["dir"]).mkdir()
            (tmp_path / name / m["dir"] / "model").write_text(name + m["dir"])
        meta = dict(base, members=members, component_config=config, training=dict(base["training"], seeds=[0]))
        (tmp_path / name / "meta.json").write_text(json.dumps(meta))
    out = tmp_path / "out"
    out.mkdir()
    composed = compose_ner.compose(out, [(tmp_path / "frozen", 1.0), (tmp_path / "tuned", 2.0)], vote=2, confirm=3)
    assert [(m["dir"], m["weight"], m["component_config"]) for m in composed["members"]] == [
        ("component", 1.0, {"a": 1}), ("component-1", 1.0, {"a": 1}), ("component-2", 2.0, {"a": 2})]
    assert (out / "component-2" / "model").read_text() == "tunedcomponent"
    assert json.loads((out / "meta.json").read_text())["confirm"] == 3
    # a member added to a composed ensemble: the old members keep their weights and records
    composed = compose_ner.compose(out, [(out, None), (tmp_path / "tuned", 2.0)], vote=3, confirm=4)
    assert [(m["dir"], m["weight"]) for m in composed["members"]] == [
        ("component", 1.0), ("component-1", 1.0), ("component-2", 2.0), ("component-3", 2.0)]
    assert all(m["training"]["seeds"] == [0] for m in composed["members"])
    assert (out / "component-2" / "model").read_text() == "tunedcomponent"


def test_a_missing_member_is_a_model_error(nlp, tmp_path):
    copy = tmp_path / "ner"
    shutil.copytree(ner_model._model_path(), copy)
    meta = json.loads((copy / ner_model.META_FILE).read_text(encoding="utf-8"))
    shutil.rmtree(copy / meta["members"][-1]["dir"])
    with pytest.raises(ModelError, match="incomplete"):
        ner_model.load_recognizer_from(nlp, copy)


def test_a_doc_gets_the_same_spans_whatever_it_is_batched_with(nlp, recognizer):
    """--jobs, cluster tasks and resumed runs batch releases differently: the spans of a
    release must not depend on its neighbours (they did in spaCy's batched parser)."""
    from pathlib import Path
    samples = sorted(Path(__file__).resolve().parents[1].joinpath("samples").glob("*.txt"))
    docs = list(nlp.pipe([p.read_text(encoding="utf-8", errors="replace") for p in samples]))
    together = recognizer.find(docs)
    assert together == [recognizer.find([doc])[0] for doc in docs]
    assert together[::-1] == recognizer.find(docs[::-1])


def test_a_member_can_fine_tune_a_copy_of_ginza_tok2vec(nlp):
    """train_ner.py --ginza-copy: the copy starts from ja_ginza's weights, so before training it
    gives ja_ginza's own tensor; a member's own config in meta.json wins over the model's."""
    from spacy.training import Example

    config = ner_model.component_config(ginza_copy=True)
    component = ner_model.create_component(nlp, config)
    doc = nlp("神奈川県とLINK-Jは連携協定を締結した。")
    component.initialize(lambda: [Example.from_dict(ner_model.shadow_doc(doc, nlp.vocab), {"entities": []})], nlp=nlp)
    copy = next(n for n in component.model.walk() if n.name == ner_model.GINZA_COPY)
    copy.from_bytes(nlp.get_pipe("tok2vec").model.to_bytes())
    out = copy.predict([ner_model.shadow_doc(doc)])[0]
    assert out.shape == doc.tensor.shape and abs(out - doc.tensor).max() < 1e-4
    meta = {"component_config": ner_model.component_config(),
            "members": [{"dir": "component", "component_config": config}, {"dir": "component-1"}]}
    assert ner_model.members(meta) == [("component", config), ("component-1", meta["component_config"])]


def test_the_tuned_members_tok2vec_runs_apart_with_the_same_spans(nlp, recognizer):
    """ready_for_inference lifts a member's own tok2vec out of its parser model (so that its
    activations are freed layer by layer, not held through the parse): the spans stay the same."""
    from prextract.ginza_fast import greedy_parse
    k = next(i for i, own in enumerate(recognizer.own_tok2vecs) if own is not None)
    member, config = ner_model.members(recognizer.meta)[k]
    whole = ner_model.create_component(nlp, config)
    whole.from_disk(ner_model._model_path() / member, exclude=["vocab"])
    doc = nlp("ノルドリス・エナジー（本社：ノルウェー・オスロ）と東雲精機株式会社は、2026年4月1日付で提携した。"
              "同社CEOのアンナ・リンドクヴィスト氏が来日し、鈴木一郎社長と署名した。")
    shadow = ner_model.shadow_doc(doc)
    whole.set_annotations([shadow], greedy_parse(whole, [shadow]))
    lifted = ner_model.Recognizer([recognizer.components[k]], {}).find([doc])[0]
    assert [(e.start_char, e.end_char, e.label_) for e in shadow.ents] == [(s.start, s.end, s.label) for s in lifted]
    assert lifted
