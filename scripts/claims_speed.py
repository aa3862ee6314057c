"""Documents per second of the full pipeline against the bare model, on the same texts.

    .venv/bin/python scripts/claims_speed.py ../shared/corpus/polnear-train/text --limit 200

The full pipeline (``extract.load_pipeline``: the model plus Corroborator's components) must keep
at least 0.8 of the bare model's speed. Both run ``nlp.pipe`` with the same batch size, after a
warm-up batch, in turns (bare, full, bare, full, ...), and the best of the rounds counts: a shared
machine's other load then weighs on neither side. The ratio is printed last.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from corroborator.extract import BATCH_SIZE, load_pipeline
from corroborator.settings import DEFAULT_MODEL


def rate(nlp, texts: list[str]) -> float:
    list(nlp.pipe(texts[:BATCH_SIZE], batch_size=BATCH_SIZE))  # warm-up: lazy loading, caches
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of .txt files")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))[: args.limit]]

    bare_nlp = spacy.load(DEFAULT_MODEL)
    full_nlp = load_pipeline(DEFAULT_MODEL)
    bare = full = 0.0
    for _ in range(args.rounds):
        bare = max(bare, rate(bare_nlp, texts))
        full = max(full, rate(full_nlp, texts))
    print(f"{len(texts)} documents, best of {args.rounds} rounds: bare model {bare:.2f} docs/s, full pipeline")
    print(f"{full:.2f} docs/s ({', '.join(full_nlp.pipe_names)})")
    print(f"ratio full / bare = {full / bare:.3f}")


if __name__ == "__main__":
    main()
