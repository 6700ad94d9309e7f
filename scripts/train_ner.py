"""Train prextract's NER component (PERSON / ORGANIZATION / LOCATION) and save it to models/ner/.

Data: the train split of the Stockmark Wikipedia NER dataset (``int(curid) % 5 != 0``; the test
split is never read here), CC-BY-SA 3.0. Its types are merged into three classes as in
scripts/eval_ner.py: 人名 -> PERSON; 法人名, 政治的組織名, その他の組織名 -> ORGANIZATION;
地名 -> LOCATION; facilities, products and events are not entities for this model.

The component reads ja_ginza's tok2vec output and SudachiPy's tokens (see
src/prextract/ner_model.py), so every sentence is first parsed by ja_ginza (about 3 minutes on
two cores; ``--cache`` keeps the parsed Docs for the next run). Then a transition-based entity
recognizer with a small hashed embedding and CNN of its own is trained with Adam and parameter
averaging; the averaged parameters are saved.

    python scripts/train_ner.py ../shared/data/ner-wikipedia/ner.json --epochs 12 --synthetic 400 --seed 0 --ginza-copy
    python scripts/train_ner.py PATH/ner.json --dev --dev-fold 3 --epochs 12 --synthetic 400 --ginza-copy   # tuning run

``--ginza-copy`` gives the component a copy of ja_ginza's tok2vec, started from ja_ginza's weights
and fine-tuned with it, instead of ja_ginza's frozen tensor (``--ginza-copy-seeds`` with
``--seeds``: only some members). The shipped model joins three frozen members (``--seeds 0,1,2``)
and the fine-tuned one of the first command in a weighted vote, by ``scripts/compose_ner.py``;
models/ner/README.md gives the commands and what each part gained.
``--synthetic N`` adds N press-release-like sentences composed from
models/ner/synthetic_releases.json (see ``ReleaseSentences``).

``--dev`` holds out the train sentences with ``int(curid) % 10 == 1`` (``--dev-fold K``: ``== K``,
a second held-out part once the rules have been tuned on the first) and prints their scores
after each epoch (for choosing settings); without it every train sentence is used and the
model is written. ``--dev --dev-out DIR`` also saves the held-out model to DIR, so that the
rules reading the model (orgs.py, person_names.py) can be tuned on sentences it never saw.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_ner import GOLD_CLASSES, Item, Score, load_split  # noqa: E402  (a sibling script)

DEFAULT_OUT = ROOT / "models" / "ner"
DATA_LICENSE = "CC-BY-SA-3.0"


# -- synthetic release sentences ----------------------------------------------------------------

SYNTHETIC_PARTS = ROOT / "models" / "ner" / "synthetic_releases.json"
_SLOT = re.compile(r"\{([A-Z_0-9]+)\}")
Segment = tuple[str, "str | None"]  # text, class or None


class ReleaseSentences:
    """Composes press-release-like sentences with gold spans from the parts and templates in
    models/ner/synthetic_releases.json and the lexicons under models/ (all written for prextract)."""

    def __init__(self, rng: random.Random) -> None:
        from prextract.resources import load_tsv

        self.rng = rng
        self.parts = json.loads(SYNTHETIC_PARTS.read_text(encoding="utf-8"))
        self.prefectures = [r["name"] for r in load_tsv("prefectures.tsv")]
        self.cities = [(r["name"], r["prefecture"]) for r in load_tsv("designated_cities.tsv")]
        rows = load_tsv("titles.tsv")
        self.titles = [r["title"] for r in rows if r.get("domain") in ("company", "")] or [r["title"] for r in rows]
        forms = [r for r in load_tsv("legal_forms.tsv") if not re.search(r"[A-Za-z]", r["form"])]
        self.company_prefix = [r["form"] for r in forms if r.get("kind") == "company" and r["position"] in ("prefix", "either")]
        self.company_suffix = [r["form"] for r in forms if r.get("kind") == "company" and r["position"] in ("suffix", "either")]

    def pick(self, key: str) -> str:
        return self.rng.choice(self.parts[key])

    def company(self) -> tuple[str, str]:
        """(full name, short name)."""
        short = self.pick("company_heads") + self.pick("company_tails")
        r = self.rng.random()
        if r < 0.45 and self.company_prefix:
            return self.rng.choice(self.company_prefix) + short, short
        if r < 0.8 and self.company_suffix:
            return short + self.rng.choice(self.company_suffix), short
        return short, short

    def latin(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.4:
            name = f"{self.pick('latin_parts')}-{self.pick('latin_tails')}"
            return name, name
        short = f"{self.pick('latin_parts')} {self.pick('latin_words')}"
        if r < 0.7:
            return f"{short} {self.pick('latin_forms')}", short
        return short, short

    def university(self) -> str:
        head = self.rng.choice([p[:-1] if p[-1] in "県府都" else p for p in self.prefectures] +
                               self.parts["company_heads"][:15])
        name = head + self.pick("university_kinds")
        r = self.rng.random()
        return ("国立大学法人" + name) if r < 0.15 else ("学校法人" + name) if r < 0.25 else name

    def association(self) -> tuple[str, str]:
        pref = self.rng.choice(self.prefectures)
        short = self.pick("association_names").replace("{FIELD}", self.pick("fields")).replace("{PREF}", pref)
        return self.pick("association_forms") + short, short

    def government(self) -> str:
        if self.rng.random() < 0.4:
            return self.pick("ministries")
        body = self.rng.choice(self.prefectures + [c for c, _ in self.cities])
        return body + self.pick("government_tails")

    def person(self) -> str:
        if self.rng.random() < 0.1:
            return self.pick("foreign_names")
        sep = self.rng.choices(["", " ", "\u3000"], weights=[7, 2, 1])[0]
        return self.pick("surnames") + sep + self.pick("given_names")

    def place(self) -> str:
        pref = self.rng.choice(self.prefectures)
        cities = [c for c, p in self.cities if p == pref]
        return pref + self.rng.choice(cities) if cities and self.rng.random() < 0.5 else pref

    def sentence(self) -> tuple[str, set[tuple[int, int, str]]]:
        template = self.pick("templates")
        alias = None
        segments: list[Segment] = []
        pos = 0
        for m in _SLOT.finditer(template):
            segments.append((template[pos:m.start()], None))
            slot = m.group(1)
            if slot in ("ORG", "ORG2"):
                full, short = self.company()
                alias = alias or short
                segments.append((full, "ORGANIZATION"))
            elif slot == "ASSOC":
                full, short = self.association()
                alias = alias or short
                segments.append((full, "ORGANIZATION"))
            elif slot == "LATIN":
                full, short = self.latin()
                alias = alias or short
                segments.append((full, "ORGANIZATION"))
            elif slot == "ALIAS":
                name = alias or self.latin()[1]
                if self.rng.random() < 0.3:
                    name = self.latin()[1] if "-" not in name else name
                segments.append((name, "ORGANIZATION"))
            elif slot == "UNIV":
                segments.append((self.university(), "ORGANIZATION"))
            elif slot == "GOV":
                segments.append((self.government(), "ORGANIZATION"))
            elif slot in ("PERSON", "PERSON2"):
                segments.append((self.person(), "PERSON"))
            elif slot == "FOREIGN":
                segments.append((self.pick("foreign_names"), "PERSON"))
            elif slot == "PLACE":
                segments.append((self.place(), "LOCATION"))
            elif slot == "ADDRESS":
                segments.append((self.place(), "LOCATION"))
                segments.append((f"{self.pick('company_heads')}町{self.rng.randint(1, 5)}-{self.rng.randint(1, 30)}", None))
            elif slot in ("TITLE", "TITLE2"):
                segments.append((self.rng.choice(self.titles), None))
            elif slot == "TITLE_GOV":
                segments.append((self.pick("government_titles"), None))
            elif slot == "TITLE_LATIN":
                segments.append((self.pick("latin_titles"), None))
            elif slot == "HONORIFIC":
                segments.append((self.pick("honorifics"), None))
            elif slot == "DATE":
                segments.append((f"2025年{self.pick('months')}{self.rng.randint(1, 28)}日", None))
            elif slot == "CODE":
                segments.append((str(self.rng.randint(1300, 9999)), None))
            elif slot == "FIELD_TEXT":
                segments.append((self.pick("fields"), None))
            elif slot == "UNIV_PART":
                segments.append((self.pick("university_parts"), None))
            else:
                raise ValueError(f"unknown slot {{{slot}}} in {SYNTHETIC_PARTS.name}")
            pos = m.end()
        segments.append((template[pos:], None))
        text, gold, at = "", set(), 0
        for seg, label in segments:
            if label:
                gold.add((at, at + len(seg), label))
            text += seg
            at += len(seg)
        return text, gold


def synthetic_items(n: int, seed: int) -> list[Item]:
    maker = ReleaseSentences(random.Random(seed))
    out = []
    for i in range(n):
        text, gold = maker.sentence()
        out.append(Item(-1 - i, text, gold))
    return out


def parse(nlp, texts: list[str], cache: Path | None):
    """ja_ginza Docs of the texts (with their tok2vec tensors), from the cache when it matches."""
    key = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    if cache and cache.exists():
        stored_key, stored = pickle.loads(cache.read_bytes())
        if stored_key == key:
            print(f"parsed Docs from {cache}", file=sys.stderr)
            return stored
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    print(f"parsed {len(texts)} sentences with ja_ginza in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    if cache:
        cache.write_bytes(pickle.dumps((key, docs)))
    return docs


def examples_of(nlp, docs, items):
    from spacy.training import Example

    from prextract.ner_model import shadow_doc

    out = []
    for doc, item in zip(docs, items):
        ents = sorted(item.gold)
        out.append(Example.from_dict(shadow_doc(doc, nlp.vocab), {"entities": ents}))
    return out


def misaligned(docs, items) -> int:
    """Gold entities whose boundary falls inside a SudachiPy token: the model cannot learn them."""
    return sum(1 for doc, it in zip(docs, items) for s, e, _ in it.gold if doc.char_span(s, e) is None)


def evaluate(component, nlp, docs, items) -> Score:
    from prextract.ner_model import shadow_doc

    score = Score()
    shadows = [shadow_doc(d, nlp.vocab) for d in docs]
    component.set_annotations(shadows, component.predict(shadows))
    for shadow, item in zip(shadows, items):
        score.add(item.gold, {(e.start_char, e.end_char, e.label_) for e in shadow.ents})
    return score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="ner.json of the Stockmark Wikipedia NER dataset")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dev", action="store_true", help="hold out curid %% 10 == 1 and report; write nothing")
    ap.add_argument("--dev-fold", type=int, default=1, choices=(1, 2, 3, 4, 6, 7, 8, 9),
                    help="with --dev, hold out curid %% 10 == K instead (0 and 5 are the test split)")
    ap.add_argument("--dev-out", type=Path, default=None,
                    help="with --dev, save the held-out model there (never to models/ner): for tuning "
                         "the rules that read the model on sentences it has not seen")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--learn-rate", type=float, default=0.001)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--encode-depth", type=int, default=2)
    ap.add_argument("--hidden-width", type=int, default=64)
    ap.add_argument("--embed-width", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--seeds", type=lambda v: [int(x) for x in v.split(",")], default=None,
                    help="train an ensemble: one member per seed (e.g. 0,1,2), saved side by side")
    ap.add_argument("--vote", type=int, default=2,
                    help="with --seeds: how many members must predict a span for it to count")
    ap.add_argument("--synthetic", type=int, default=0,
                    help="add N press-release-like sentences composed from models/ner/synthetic_releases.json")
    ap.add_argument("--ginza-copy", action="store_true",
                    help="fine-tune a copy of ja_ginza's tok2vec inside the component instead of reading its tensor")
    ap.add_argument("--ginza-copy-seeds", type=lambda v: [int(x) for x in v.split(",") if x], default=None,
                    help="with --seeds: only the members of these seeds fine-tune the copy (e.g. 0)")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the parsed Docs (re-used when the texts match)")
    args = ap.parse_args(argv)

    import spacy
    import thinc
    from spacy.util import fix_random_seed, minibatch
    from thinc.api import Adam

    import prextract
    from prextract import ner_model
    from prextract.analyse import load_nlp

    started = time.perf_counter()
    nlp = load_nlp()
    items = load_split(args.path, "train")
    docs = parse(nlp, [it.text for it in items], args.cache)
    print(f"{misaligned(docs, items)} of {sum(len(it.gold) for it in items)} gold entities cross a "
          "token boundary", file=sys.stderr)
    if args.dev:
        dev_idx = [i for i, it in enumerate(items) if it.curid % 10 == args.dev_fold]
        train_idx = [i for i, it in enumerate(items) if it.curid % 10 != args.dev_fold]
    else:
        dev_idx, train_idx = [], list(range(len(items)))
    base_train = examples_of(nlp, [docs[i] for i in train_idx], [items[i] for i in train_idx])

    seeds = args.seeds or [args.seed]
    # the members that fine-tune a copy of ja_ginza's tok2vec; the others read its frozen tensor
    copy_seeds = set(args.ginza_copy_seeds if args.ginza_copy_seeds is not None else seeds if args.ginza_copy else [])
    configs = {seed: ner_model.component_config(hidden_width=args.hidden_width, width=args.width,
                                                encode_depth=args.encode_depth, embed_width=args.embed_width,
                                                ginza_copy=seed in copy_seeds) for seed in seeds}
    member_dirs = ["component"] + [f"component-{k}" for k in range(1, len(seeds))]
    if args.dev and args.dev_out is None:
        out = None
    else:
        out = args.dev_out if args.dev else args.out
        out.mkdir(parents=True, exist_ok=True)
    dev_docs, dev_items = [docs[i] for i in dev_idx], [items[i] for i in dev_idx]
    trained = []
    for seed, member in zip(seeds, member_dirs):
        # each member exactly as a single run with --seed trains its model
        fix_random_seed(seed)
        rng = random.Random(seed)
        train = list(base_train)
        if args.synthetic:
            made = synthetic_items(args.synthetic, seed)
            train += examples_of(nlp, list(nlp.pipe([it.text for it in made], batch_size=64)), made)
            print(f"{len(made)} synthetic release sentences, e.g. {made[0].text}", file=sys.stderr)
        config = configs[seed]
        component = ner_model.create_component(nlp, config)
        component.initialize(lambda: train, nlp=nlp)
        if seed in copy_seeds:  # the copy starts from ja_ginza's own weights
            copy_node = next(n for n in component.model.walk() if n.name == ner_model.GINZA_COPY)
            copy_node.from_bytes(nlp.get_pipe("tok2vec").model.to_bytes())
        optimizer = Adam(args.learn_rate, use_averages=True)
        for epoch in range(args.epochs):
            rng.shuffle(train)
            losses: dict[str, float] = {}
            for batch in minibatch(train, size=args.batch_size):
                component.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
            line = f"seed {seed} epoch {epoch + 1}: loss {losses.get(ner_model.COMPONENT_NAME, 0):.0f}"
            if dev_idx:
                with component.model.use_params(optimizer.averages):
                    score = evaluate(component, nlp, dev_docs, dev_items)
                line += "  dev F1 " + " ".join(f"{c} {score.prf((c,))[2]:.3f}" for c in ("PERSON", "ORGANIZATION", "LOCATION"))
            print(f"{line}  ({time.perf_counter() - started:.0f}s)", file=sys.stderr, flush=True)
        with component.model.use_params(optimizer.averages):
            if out is not None:
                component.to_disk(out / member, exclude=["vocab"])
            if dev_idx and len(seeds) > 1:  # a copy of the averaged member, for the vote below
                copy = ner_model.create_component(nlp, config)
                copy.from_bytes(component.to_bytes(exclude=["vocab"]), exclude=["vocab"])
                trained.append(ner_model.ready_for_inference(copy, config))
    if trained:  # the ensemble scored by the Recognizer that prextract runs
        score = Score()
        recognizer = ner_model.Recognizer(trained, {}, vote=args.vote)
        for item, spans in zip(dev_items, recognizer.find(dev_docs)):
            score.add(item.gold, {(s.start, s.end, s.label) for s in spans})
        print(f"ensemble of {len(trained)}, vote {args.vote}: dev F1 " +
              " ".join(f"{c} {score.prf((c,))[2]:.3f}" for c in ("PERSON", "ORGANIZATION", "LOCATION")), file=sys.stderr)
    if out is None:
        return 0
    args.out = out

    data_sha = hashlib.sha256(args.path.read_bytes()).hexdigest()
    meta = {
        "name": "prextract-ner",
        "labels": list(component.labels),
        "component_config": configs[seeds[-1]],
        "members": [{"dir": d, "seed": seed,
                     **({"component_config": configs[seed]} if configs[seed] != configs[seeds[-1]] else {})}
                    for d, seed in zip(member_dirs, seeds)],
        "vote": min(args.vote, len(seeds)),
        "requires": {"ja_ginza": nlp.meta.get("version"), "spacy": spacy.__version__,
                     "thinc": thinc.__version__},
        "trained_with": {"prextract": prextract.__version__, "spacy": spacy.__version__,
                         "thinc": thinc.__version__, "ja_ginza": nlp.meta.get("version")},
        "training": {
            "data": "Stockmark ner-wikipedia-dataset v2.0, train split (int(curid) % 5 != 0)"
                    + (f" without the dev part (int(curid) % 10 == {args.dev_fold})" if args.dev else ""),
            "data_sha256": data_sha, "data_license": DATA_LICENSE,
            "sentences": len(base_train) + args.synthetic, "synthetic_sentences": args.synthetic,
            "synthetic_source": "models/ner/synthetic_releases.json (written for prextract)" if args.synthetic else None,
            "epochs": args.epochs, "batch_size": args.batch_size,
            "learn_rate": args.learn_rate, "dropout": args.dropout, "seeds": seeds,
            "gold_classes": GOLD_CLASSES,
            "seconds": round(time.perf_counter() - started),
        },
    }
    (args.out / ner_model.META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n",
                                                encoding="utf-8")
    print(f"saved to {args.out} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
