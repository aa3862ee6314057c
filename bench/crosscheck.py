"""Benchmark the cross-check on synthetic corpora: time as the corpus grows, and peak memory.

    .venv/bin/python bench/crosscheck.py [--sizes 10000,100000] [--repeats 3]

Each size N is a corpus of N figures in N/5 documents, generated with a fixed
seed so that every run sees the same corpus:

- variables grow with the corpus (one per 100 figures) over 40 subjects, 6
  measures and 220 places (ten regions inside each of 20 countries, so that
  parts and wholes meet); how often each is reported follows Zipf's law, so
  a few variables are hot (the top one gets a few percent of all figures),
  as one story dominates the news;
- speakers grow with it too (one per 200 figures), a fifth of the claims come
  through a relay, a tenth of the figures are unattributed;
- a fifth of the documents are copies of an earlier one in another outlet,
  with a sentence added; the rest have texts of their own;
- speakers mostly give a variable's true value (a tenth rounded to "about"),
  a tenth give another number (the conflicts), and the true value moves
  once in the year (the updates).

Each size runs in a child process (so that one size's memory does not carry
into the next): the time of ``crosscheck(documents)`` (median of
``--repeats``) and the resident memory before and after it (the documents
themselves, then their cross-check's working set). Ratios between sizes are
printed beside n log n for comparison.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corroborator.crosscheck import crosscheck
from corroborator.records import Claim, Document, Figure, Metadata, Party, Reference

FIGURES_PER_DOCUMENT = 5
COUNTRIES = [f"country-{i}" for i in range(20)]
SUBJECTS = [f"party-{i}" for i in range(40)]
MEASURES = [("present", "people"), ("deployed", "people"), ("killed", "people"), ("wounded", "people"),
            ("intercepted", "drones"), ("launched", "drones")]  # fmt: skip
VOCABULARY = [f"w{i}" for i in range(5000)]


def generate(n_figures: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    n_documents = max(1, n_figures // FIGURES_PER_DOCUMENT)
    variables = [_variable(rng) for _ in range(max(20, n_figures // 100))]
    popularity = [1 / rank for rank in range(1, len(variables) + 1)]  # Zipf
    speakers = [f"speaker-{i}" for i in range(max(10, n_figures // 200))]
    outlets = [f"Outlet {i}" for i in range(max(5, n_figures // 2000))]
    documents: list[Document] = []
    for serial in range(n_documents):
        if documents and rng.random() < 0.2:
            documents.append(_copy(rng.choice(documents[-1000:]), rng, outlets))
            continue
        chosen = rng.choices(variables, weights=popularity, k=FIGURES_PER_DOCUMENT)
        documents.append(_document(serial, rng, chosen, speakers, outlets))
    return documents


def _variable(rng: random.Random) -> dict:  # type: ignore[type-arg]
    country = rng.choice(COUNTRIES)
    region = rng.randrange(11)
    place, parents = (country, []) if region == 10 else (f"{country}-region-{region}", [country])
    measure, unit = rng.choice(MEASURES)
    return {
        "subject": rng.choice(SUBJECTS),
        "measure": measure,
        "unit": unit,
        "place": place,
        "parents": parents,
        "truth": rng.choice([40, 100, 300, 1000, 8000, 11000]),
        "moves_on": rng.randrange(1, 360),  # the day the true value changes
    }


def _document(serial: int, rng: random.Random, chosen: list, speakers: list[str], outlets: list[str]) -> Document:  # type: ignore[type-arg]
    day = 1 + rng.randrange(360)
    published = f"2024-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 30 % 28:02d}"
    claims, figures = [], []
    for index, variable in enumerate(chosen):
        claim_id = None
        if rng.random() > 0.1:
            speaker = rng.choice(speakers)
            via = (
                [Party(text="Relay Agency", name="Relay Agency", entity="relay-agency", kind="media")]
                if rng.random() < 0.2
                else []
            )
            claim_id = f"c{len(claims) + 1}"
            claims.append(
                Claim(
                    claim_id,
                    Party(text=speaker, name=speaker, entity=speaker, kind="person"),
                    "say",
                    "asserted",
                    "…",
                    (0, 1),
                    via=via,
                )
            )
        truth = variable["truth"] * (2 if day >= variable["moves_on"] else 1)
        value, qualifier = _reported(truth, rng)
        figures.append(
            Figure(
                id=f"f{index + 1}",
                text=f"{value:,}",
                span=(0, 1),
                value=value,
                low=value,
                high=value,
                qualifier=qualifier,
                unit=variable["unit"],
                subject=Reference("troops", entity=variable["subject"]),
                measure=variable["measure"],
                location=Reference(variable["place"], entity=variable["place"], parents=variable["parents"]),
                claim=claim_id,
            )
        )  # fmt: skip
    words = " ".join(rng.choice(VOCABULARY) for _ in range(80))
    text = f"Report {serial}. {words}."
    return Document(
        input=f"doc{serial}",
        text=text,
        metadata=Metadata(published=published, outlet=rng.choice(outlets)),
        claims=claims,
        figures=figures,
    )


def _reported(truth: int, rng: random.Random) -> tuple[int, str]:
    roll = rng.random()
    if roll < 0.8:
        return truth, "exact"
    if roll < 0.9:
        return truth, "approximately"
    return round(truth * rng.choice([0.5, 1.5, 3.0])), rng.choice(["exact", "at_least"])


def _copy(original: Document, rng: random.Random, outlets: list[str]) -> Document:
    return Document(
        input=f"{original.input}-copy{rng.randrange(10**6)}",
        text=original.text + " One more sentence was added by the second outlet to its copy.",
        metadata=Metadata(published=original.metadata.published, outlet=rng.choice(outlets)),
        claims=original.claims,
        figures=original.figures,
    )


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure_one(size: int, repeats: int) -> dict:  # type: ignore[type-arg]
    """In this process: generate the corpus, cross-check it ``repeats`` times."""
    documents = generate(size)
    import datasketch  # noqa: F401 - imported on the first fingerprint, with scipy: code, not the cross-check's data

    before = _rss_mib()
    times, ledger = [], None
    for _ in range(repeats):
        ledger = None
        start = time.perf_counter()
        ledger = crosscheck(documents)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert ledger is not None
    return {
        "figures": size,
        "documents": len(documents),
        "variables": len(ledger.variables),
        "findings": len(ledger.findings),
        "seconds": statistics.median(times),
        "rss_corpus_mib": round(before, 1),
        "rss_peak_mib": round(peak, 1),
    }


def _working_set(result: dict) -> float:  # type: ignore[type-arg]
    return float(result["rss_peak_mib"] - result["rss_corpus_mib"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one, args.repeats)))
        return 0
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run(
            [sys.executable, str(Path(__file__)), "--one", str(size), "--repeats", str(args.repeats)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    base = results[0]
    for result in results[1:]:
        growth = result["figures"] / base["figures"]
        nlogn = growth * math.log(result["figures"]) / math.log(base["figures"])
        print(
            f"{base['figures']:,} -> {result['figures']:,} figures: time x{result['seconds'] / base['seconds']:.1f} "
            f"(n x{growth:.0f}, n log n x{nlogn:.1f}); cross-check memory "
            f"{_working_set(base):.0f} -> {_working_set(result):.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
