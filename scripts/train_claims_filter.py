"""Train the claims filter (``data/model/claims_filter.json``) on the PolNeAR training split.

    .venv/bin/python scripts/claims_cache.py ../shared/corpus/polnear-train/text /tmp/claims_cache/train
    .venv/bin/python scripts/train_claims_filter.py /tmp/claims_cache/train \\
        --gold ../shared/corpus/polnear-train/train.gold.jsonl --write

1. Finds the candidates with loose ones (``CueFinder(loose=True)``): verbs outside the lexicon with a
   subject that can speak and a clause or an object, and the lexicon's *weak* verbs (mined verbs whose
   claims matched gold less than ``WEAK_CLAIM_PRECISION`` of the time); a loose cue inside a sure
   claim's content is left out (``filter.held_by_sure``), as at run time.
2. Labels each loose claim: positive when it matches (content and source, as ``score.py`` matches)
   a gold claim that the sure candidates alone did not find; the features are
   ``filter.candidate_features``.
3. Fits a logistic regression (L2, L-BFGS) on the documents after the first ``--holdout`` (300),
   with features seen at least ``--min-count`` times.
4. Chooses the threshold on the held-out first 300 documents: the lowest that keeps the loose
   claims' precision at or above ``--precision`` (0.5: a new prediction raises F1 only above about
   F1/2 precision, and F1 is near 0.6 here).

polnear-dev is never read. The fit is deterministic (zero start, full batch); ``--seed`` only fixes
NumPy's generator in case a later version samples.

scikit-learn is not installed in this project's environment, so the regression is fitted with NumPy
and SciPy's L-BFGS (both installed with spaCy's stack); at run time the component needs neither:
scoring is a sum of weights and a sigmoid in plain Python.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

import numpy as np
import spacy
from claims_eval import SCORER, load_scorer  # the sibling script's scorer loader (scripts/ is on sys.path)
from scipy import optimize, sparse
from spacy.tokens import DocBin

from corroborator.analyze import entities  # noqa: F401  (registers the factory)
from corroborator.analyze.extensions import install_extensions
from corroborator.extract.attribution.cues import CueFinder
from corroborator.extract.attribution.filter import DEFAULT_FILTER_PATH, candidate_features, held_by_sure
from corroborator.extract.attribution.lexicon import Lexicon
from corroborator.extract.attribution.spans import Layout
from corroborator.extract.claims import ClaimBuilder, Options
from corroborator.settings import DEFAULT_MODEL


def examples(docs, inputs, gold, lexicon, score, base=None):
    """(features, label, document index) for every loose claim of every document. ``base`` collects, per
    document, the sure claims' (right, predicted, gold) counts: what the loose ones add to."""
    out = []
    for n, (doc, key) in enumerate(zip(docs, inputs, strict=True)):
        golds = gold.get(key, {}).get("claims", [])
        layout = Layout(doc)
        candidates = CueFinder(doc, lexicon, layout, loose=True).find()
        # The rules without any loose candidate (verbs outside the lexicon, weak lexicon verbs).
        sure = [c for c in candidates if not c.loose]
        rules = [c.to_dict() for c in ClaimBuilder(doc, lexicon, layout, Options()).build(sure)] if sure else []
        found = {gi for gi, _ in score.match_claims(golds, rules)}
        if base is not None:
            base[n] = (len(found), len(rules), len(golds))
        left = [g for gi, g in enumerate(golds) if gi not in found and not g.get("optional")]
        # Fresh candidates: building claims changes them (relays, cut contents).
        candidates = CueFinder(doc, lexicon, layout, loose=True).find()
        held = held_by_sure(candidates)
        candidates = [c for c in candidates if not c.loose or c.cue_token not in held]
        loose = {
            doc[c.cue_tokens[0]].idx: candidate_features(doc, c, lexicon, layout.quotes) for c in candidates if c.loose
        }
        if not loose:
            continue
        for claim in ClaimBuilder(doc, lexicon, layout, Options()).build(candidates):
            if claim.cue_span is None or claim.cue_span[0] not in loose:
                continue
            pred = claim.to_dict()
            label = any(
                score.content_matches(g["content"], pred["content"]) and score.accepts(g["source"], pred["source"])
                for g in left
            )
            out.append((loose[claim.cue_span[0]], label, n))
    return out


def fit(rows, vocab: dict[str, int], l2: float) -> tuple[np.ndarray, float]:
    x = matrix(rows, vocab)
    y = np.array([float(label) for _, label, _ in rows])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[1:] + w[0]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-12
        value = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + 0.5 * l2 * np.dot(w[1:], w[1:])
        g = p - y
        grad = np.concatenate([[g.sum()], x.T @ g + l2 * w[1:]])
        return float(value), grad

    result = optimize.minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x[1:], float(result.x[0])


def matrix(rows, vocab: dict[str, int]) -> sparse.csr_matrix:
    data, indices, indptr = [], [], [0]
    for features, _, _ in rows:
        seen = sorted({vocab[f] for f in features if f in vocab})
        indices.extend(seen)
        data.extend([1.0] * len(seen))
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cache", type=Path, help="stem written by claims_cache.py for polnear-train")
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--holdout", type=int, default=300, help="the first N documents choose the threshold")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--precision", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--choose",
        choices=("precision", "f1"),
        default="precision",
        help="the lowest threshold at --precision, or the one with the best held-out F1",
    )
    parser.add_argument("--curve", action="store_true", help="print the held-out threshold curve")
    parser.add_argument("--write", action="store_true", help=f"write {DEFAULT_FILTER_PATH}")
    args = parser.parse_args()
    np.random.seed(args.seed)

    score = load_scorer(SCORER)
    gold = {score.key_of(g): g for g in map(json.loads, args.gold.read_text(encoding="utf-8").splitlines())}
    nlp = spacy.load(DEFAULT_MODEL)
    install_extensions()
    linker = nlp.add_pipe("corroborator_entities")
    docs = [linker(d) for d in DocBin().from_disk(args.cache.with_suffix(".spacy")).get_docs(nlp.vocab)]
    inputs = [os.path.basename(p) for p in json.loads(args.cache.with_suffix(".inputs.json").read_text())]
    lexicon = Lexicon.default()

    base: dict[int, tuple[int, int, int]] = {}
    rows = examples(docs, inputs, gold, lexicon, score, base)
    train = [r for r in rows if r[2] >= args.holdout]
    held = [r for r in rows if r[2] < args.holdout]
    counts = Counter(f for features, _, _ in train for f in set(features))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= args.min_count))}
    weights, bias = fit(train, vocab, args.l2)

    probabilities = np.asarray(1.0 / (1.0 + np.exp(-(matrix(held, vocab) @ weights + bias))))
    labels = np.array([label for _, label, _ in held])
    # What the sure claims of the held-out documents score alone: each kept loose claim adds to it.
    tp0, pred0, gold0 = (sum(v[k] for n, v in base.items() if n < args.holdout) for k in range(3))
    curve = []
    for t in np.arange(0.05, 1.0, 0.01):
        mask = probabilities >= t
        kept, right = int(mask.sum()), int(labels[mask].sum())
        f1 = 2 * (tp0 + right) / max(pred0 + kept + gold0, 1)
        curve.append((float(round(t, 2)), kept, right, f1))
    threshold, kept, right, best_f1 = 1.0, 0, 0, 2 * tp0 / max(pred0 + gold0, 1)
    for t, k, r, f1 in curve:
        if args.choose == "precision" and k >= 10 and r / k >= args.precision:
            threshold, kept, right, best_f1 = t, k, r, f1
            break
        if args.choose == "f1" and f1 > best_f1 + 1e-9:
            threshold, kept, right, best_f1 = t, k, r, f1
    kept_precision = right / max(kept, 1)
    if args.curve:
        for t, k, r, f1 in curve[::5]:
            print(f"  threshold {t:.2f}: kept {k}, right {r}, held-out F1 {f1:.4f}")
    print(
        f"loose claims: train {len(train)} ({sum(r[1] for r in train)} right),",
        f"held out {len(held)} ({int(labels.sum())} right)",
    )
    print(
        f"features {len(vocab)}; threshold {threshold}:",
        f"held-out kept {kept}, right {right}, precision {kept_precision:.3f}",
    )

    names = sorted(vocab, key=vocab.get)
    model = {
        "about": (
            "Logistic regression that decides on loose claim candidates (verbs outside the lexicon, weak lexicon"
            " verbs, seemings, nouns and adjectives of stance);"
            " see docs/claims.md."
        ),
        "trained_by": "scripts/train_claims_filter.py",
        "corpus": (
            f"PolNeAR training split (shared/corpus/polnear-train); documents after the first {args.holdout}"
            f" fit the weights, the first {args.holdout} choose the threshold; polnear-dev never read"
        ),
        "seed": args.seed,
        "l2": args.l2,
        "min_count": args.min_count,
        "examples": {"train": len(train), "held_out": len(held)},
        "held_out": {
            "kept": kept,
            "right": right,
            "precision": round(kept_precision, 4),
            "target_precision": args.precision,
        },
        "bias": round(bias, 4),
        "threshold": threshold,
        "weights": {n: round(float(w), 4) for n, w in zip(names, weights, strict=True) if abs(w) >= 1e-3},
    }
    if args.write:
        DEFAULT_FILTER_PATH.parent.mkdir(parents=True, exist_ok=True)
        DEFAULT_FILTER_PATH.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {DEFAULT_FILTER_PATH} ({DEFAULT_FILTER_PATH.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
