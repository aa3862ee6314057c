"""Benchmark ingest + clean: documents per second and peak memory.

    .venv/bin/python bench/clean.py [--repeats 5] [--min-docs 1000]

Three workloads, each timed ``--repeats`` times in this one process (the
median is reported, so a noisy neighbour on a shared machine shifts it less):

1. the example corpus (every format), its inputs repeated until at least
   ``--min-docs`` documents come out;
2. the PolNeAR dev texts (``../shared/corpus/polnear-dev/text``), as scraped text;
3. the example corpus's HTML pages, through Corroborator's ingest + clean and,
   as the baseline, through trafilatura's own ``extract`` on the same HTML:
   the ratio of the two rates is the cost of what Corroborator adds.

Peak memory is the largest Python heap seen by ``tracemalloc`` in a separate
pass (tracing slows the code, so it is not timed), and the process's peak
resident size at the end (which counts lxml's C allocations too).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import trafilatura

from corroborator.pipeline import process
from corroborator.records import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
POLNEAR_DEV = ROOT.parent / "shared" / "corpus" / "polnear-dev" / "text"


def run_pipeline(sources: list[str]) -> int:
    return sum(1 for outcome in process(sources) if isinstance(outcome, Document))


def run_trafilatura(pages: list[str]) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sum(1 for html in pages if trafilatura.extract(html) is not None)


def timed(work: Callable[[], int], repeats: int) -> tuple[float, int]:
    """Median documents per second over ``repeats`` runs, and the documents of one run."""
    rates, count = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        count = work()
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates), count


def peak_mib(work: Callable[[], int]) -> float:
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def repeated_until(sources: list[str], min_docs: int) -> list[str]:
    per_pass = run_pipeline(sources)
    passes = -(-min_docs // per_pass)  # ceiling division
    return sources * passes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--min-docs", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    example_inputs = sorted(str(p) for p in EXAMPLES.rglob("*") if p.is_file())
    html_files = sorted(EXAMPLES.rglob("*.html"))
    html_pages = [p.read_text(encoding="utf-8") for p in html_files]
    html_sources = [str(p) for p in html_files]
    workloads: dict[str, Callable[[], int]] = {}
    corpus = repeated_until(example_inputs, args.min_docs)
    workloads["example corpus (all formats), repeated"] = lambda: run_pipeline(corpus)
    if POLNEAR_DEV.exists():
        polnear = sorted(str(p) for p in POLNEAR_DEV.glob("*.txt"))
        workloads["PolNeAR dev texts (scraped text)"] = lambda: run_pipeline(polnear)
    html_repeated = html_sources * 25
    pages_repeated = html_pages * 25
    workloads["HTML pages: corroborator ingest + clean"] = lambda: run_pipeline(html_repeated)
    workloads["HTML pages: trafilatura.extract (baseline)"] = lambda: run_trafilatura(pages_repeated)

    results = {}
    for name, work in workloads.items():
        rate, count = timed(work, args.repeats)
        results[name] = {"documents": count, "docs_per_s": round(rate, 1), "peak_mib": round(peak_mib(work), 1)}
    ours = results["HTML pages: corroborator ingest + clean"]["docs_per_s"]
    baseline = results["HTML pages: trafilatura.extract (baseline)"]["docs_per_s"]

    width = max(map(len, results))
    print(f"{'workload':<{width}}  {'docs':>6}  {'docs/s':>8}  {'peak MiB':>8}")
    for name, row in results.items():
        print(f"{name:<{width}}  {row['documents']:>6}  {row['docs_per_s']:>8}  {row['peak_mib']:>8}")
    print(f"ratio corroborator / trafilatura on the same HTML: {ours / baseline:.2f} (median of {args.repeats})")
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process (all workloads, C libraries included): {max_rss:.0f} MiB")
    if args.json:
        args.json.write_text(
            json.dumps({"results": results, "ratio_vs_trafilatura": round(ours / baseline, 3)}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
