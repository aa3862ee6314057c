"""Score the claims component quickly on a cached corpus, and show its errors.

    .venv/bin/python scripts/claims_eval.py /tmp/claims_cache/train \\
        --gold ../shared/corpus/polnear-train/train.gold.jsonl [--errors 30] [--pred out.jsonl]

Runs only ``corroborator_entities`` and ``corroborator_claims`` over the Docs that
``claims_cache.py`` parsed once, then scores with ``shared/eval/score.py`` (the same
matching as the project's scorer). Use it on the training split while developing; score
polnear-dev only through the CLI, for the report.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from corroborator.analyze import entities  # noqa: F401  (registers the factory)
from corroborator.analyze.extensions import install_extensions
from corroborator.extract import claims as claims_module  # noqa: F401  (registers the factory)
from corroborator.pipeline import process
from corroborator.records import Document
from corroborator.settings import DEFAULT_MODEL

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cache", type=Path, help="stem written by claims_cache.py, or a CLI export (.jsonl)")
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--pred", type=Path, help="write predictions as JSON Lines")
    parser.add_argument("--errors", type=int, default=0, help="print this many missed and spurious claims")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-merge", action="store_true", help="do not merge quotes that continue")
    parser.add_argument("--no-filter", action="store_true", help="the rules alone, without the trained filter")
    args = parser.parse_args()

    score = load_scorer(SCORER)
    gold = {g["input"]: g for g in map(json.loads, args.gold.read_text(encoding="utf-8").splitlines())}
    if args.cache.suffix == ".jsonl":
        preds = [json.loads(line) for line in args.cache.read_text(encoding="utf-8").splitlines()]
        for pred in preds:
            pred["input"] = score.key_of(pred)
        report(score, preds, gold, args, 0.0, len(preds))
        return
    nlp = spacy.load(DEFAULT_MODEL)
    config = {"merge_quote_continuations": not args.no_merge, "use_filter": not args.no_filter}
    if args.cache.is_dir():
        # A corpus folder: clean it as the CLI does and run the model with our two components only.
        nlp.add_pipe("corroborator_entities")
        nlp.add_pipe("corroborator_claims", config=config)
        documents = [d for d in process([str(args.cache)]) if isinstance(d, Document)]
        preds = [
            {"input": score.key_of({"input": d.input}), "text": doc.text, "claims": [c.to_dict() for c in doc._.claims]}
            for d, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True)
        ]
        if args.pred:
            args.pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        report(score, preds, gold, args, 0.0, len(preds))
        return
    install_extensions()
    linker = nlp.add_pipe("corroborator_entities")
    extractor = nlp.add_pipe("corroborator_claims", config=config)
    docs = list(DocBin().from_disk(args.cache.with_suffix(".spacy")).get_docs(nlp.vocab))
    inputs = [os.path.basename(p) for p in json.loads(args.cache.with_suffix(".inputs.json").read_text())]
    if args.limit:
        docs, inputs = docs[: args.limit], inputs[: args.limit]

    elapsed = 0.0
    preds = []
    for doc, key in zip(docs, inputs, strict=True):
        doc = linker(doc)
        started = time.perf_counter()
        doc = extractor(doc)
        elapsed += time.perf_counter() - started
        preds.append({"input": key, "text": doc.text, "claims": [c.to_dict() for c in doc._.claims]})
    if args.pred:
        args.pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    report(score, preds, gold, args, elapsed, len(docs))


def report(score, preds: list[dict], gold: dict[str, dict], args: argparse.Namespace, elapsed: float, n: int) -> None:

    tp = npred = ngold = cues = 0
    missed, spurious = [], []
    for pred in preds:
        g = gold.get(pred["input"])
        if g is None:
            continue
        result = score.score_doc(g, pred)
        tp += result["claims"]["tp"]
        npred += result["claims"]["pred"]
        ngold += result["claims"]["gold"]
        cues += result["cue_correct"]
        pairs = score.match_claims(g["claims"], pred["claims"])
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        missed += [(pred["input"], c) for i, c in enumerate(g["claims"]) if i not in matched_gold]
        spurious += [(pred["input"], c) for i, c in enumerate(pred["claims"]) if i not in matched_pred]
    p, r, f = score.prf(tp, npred, ngold)
    print(f"claims P={p} R={r} F1={f} (tp={tp} pred={npred} gold={ngold}) cue_accuracy={cues / max(tp, 1):.3f}")
    if elapsed:
        print(f"claims component: {elapsed / max(n, 1) * 1000:.2f} ms/doc over {n} docs")
    rng = random.Random(args.seed)
    for title, rows in (("MISSED", missed), ("SPURIOUS", spurious)):
        for key, claim in rng.sample(rows, min(args.errors, len(rows))) if args.errors >= 0 else rows:
            source = claim["source"]
            shown = source.get("any") if "any" in source else (source.get("text"), source.get("name"))
            print(f"{title} {key[:40]} | {shown} | {claim['cue']} | {claim['content'][:160]}")


if __name__ == "__main__":
    main()
