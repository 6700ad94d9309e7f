"""Compose trained NER models (each written by scripts/train_ner.py) into one weighted ensemble.

    python scripts/compose_ner.py models/ner --vote 3 --confirm 4 \
        /tmp/ft:2 /tmp/frozen:1

Each ``DIR:WEIGHT`` is a model folder (its ``meta.json`` and member folders); every member of it
joins the ensemble with that weight, its own ``component_config`` and its training record. A
``DIR`` without a weight keeps each member's own (an ensemble composed before, such as
``models/ner``, to add members to it). A span counts when the members predicting it weigh at
least ``--vote``; it is confirmed (the rules need less evidence for it) at ``--confirm`` (see
``ner_model.Recognizer``). The members are copied into OUT as ``component``, ``component-1``, …;
OUT's old members go first, so OUT may be one of the inputs only if it is the first.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path


def compose(out: Path, inputs: list[tuple[Path, float | None]], vote: float, confirm: float) -> dict:
    metas = [json.loads((path / "meta.json").read_text(encoding="utf-8")) for path, _ in inputs]
    first = metas[0]
    for path, meta in zip(inputs, metas):
        if meta.get("requires") != first.get("requires") or meta["labels"] != first["labels"]:
            raise SystemExit(f"{path[0]}: trained for other versions or labels than {inputs[0][0]}")
    members = []
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp)
        for (path, weight), meta in zip(inputs, metas):
            for member in meta.get("members") or [{"dir": "component"}]:
                name = "component" if not members else f"component-{len(members)}"
                shutil.copytree(path / member["dir"], staged / name)
                members.append({
                    "dir": name, "seed": member.get("seed"),
                    "weight": float(member.get("weight", 1.0)) if weight is None else weight,
                    "component_config": member.get("component_config", meta["component_config"]),
                    "training": member.get("training", meta["training"]),
                })
        for old in [*out.glob("component"), *out.glob("component-*")]:
            shutil.rmtree(old)
        for member in members:
            shutil.copytree(staged / member["dir"], out / member["dir"])
    composed = {key: first[key] for key in ("name", "labels", "component_config", "requires", "trained_with")}
    composed.update(members=members, vote=vote, confirm=confirm,
                    training={key: first["training"][key] for key in
                              ("data", "data_sha256", "data_license", "gold_classes")})
    (out / "meta.json").write_text(json.dumps(composed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return composed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("inputs", nargs="+",
                    help="DIR:WEIGHT, a trained model folder and its members' weight (DIR alone: their own weights)")
    ap.add_argument("--vote", type=float, required=True)
    ap.add_argument("--confirm", type=float, required=True)
    args = ap.parse_args(argv)
    inputs = []
    for spec in args.inputs:
        path, _, weight = spec.rpartition(":")
        inputs.append((Path(path), float(weight)) if path else (Path(spec), None))
    composed = compose(args.out, inputs, args.vote, args.confirm)
    print(f"{len(composed['members'])} members -> {args.out} (vote {args.vote}, confirm {args.confirm})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
