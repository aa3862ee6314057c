"""One new document into a stored corpus: the ledger's refresh against a full recompute.

    .venv/bin/python bench/ledger.py [--figures 100000] [--repeats 3]

The corpus is ``bench/crosscheck.py``'s (N figures in N/5 documents, with
copies, relays and conflicts), written into a fresh SQLite store as extracted
documents (no model runs: this measures the cross-check, not extraction).
Then, in this one process:

- **full**: the copy detector's cache emptied and the ledger recomputed, as
  the first refresh of a store (or one after the detector changed) does;
- **reprocess**: the ledger recomputed with the cache kept (``reprocess``);
- **one new document**: a copy of a stored story with a sentence added, stored,
  then the ledger refreshed (``ingest`` of one page into the store).

Each is the median of ``--repeats``; the ratios are against **full**.

Then the peak of Python's allocations (``tracemalloc``; SQLite's own cache is
apart and bounded) during one **reprocess**, against the same cross-check with
the corpus read into a list first, as refreshes did before they streamed the
store twice (``pipeline.ledger.StoredDocuments``): the memory a refresh needs
beyond its reports and ledger is what the comparison shows.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from sqlalchemy import delete

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corroborator.crosscheck import crosscheck
from corroborator.pipeline.ledger import StoredCopies, refresh_ledger
from corroborator.records import Document, RawDocument
from corroborator.store import Run, Store, iter_documents
from corroborator.store.schema import copy_bands, copy_fingerprints, copy_pairs
from crosscheck import generate


def store_documents(store: Store, documents: list[Document]) -> None:
    with Run(store, "ingest", "bench", ["bench"]) as run:
        for document in documents:
            data = document.text.encode("utf-8")
            sha = hashlib.sha256(data).hexdigest()
            raw = RawDocument(source="bench", key=document.input, data=data, media_type="text/plain")
            run.store_document(raw, sha, "bench", None, document)


def peak_mib(action) -> float:  # type: ignore[no-untyped-def]
    """The peak of Python's allocations while ``action`` runs, above what was allocated before it."""
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - base) / 2**20


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def empty_cache(store: Store) -> None:
    with store.engine.begin() as connection:
        for table in (copy_pairs, copy_bands, copy_fingerprints):
            connection.execute(delete(table))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    documents = generate(args.figures)
    with tempfile.TemporaryDirectory() as scratch, Store.open(str(Path(scratch) / "bench.db")) as store:
        start = time.perf_counter()
        store_documents(store, documents)
        print(f"{len(documents):,} documents ({args.figures:,} figures) stored in {time.perf_counter() - start:.0f} s")

        full, reprocess, one, read, families = [], [], [], [], []
        for repeat in range(args.repeats):
            empty_cache(store)
            start = time.perf_counter()
            whole = refresh_ledger(store, force=True)
            full.append(time.perf_counter() - start)
            reprocess.append(timed(lambda: refresh_ledger(store, force=True)))
            original = documents[repeat * 7]
            new = replace(
                original,
                input=f"{original.input}-new{repeat}",
                text=f"{original.text} A sentence only the new page has, number {repeat}.",
            )
            store_documents(store, [new])
            start = time.perf_counter()
            refresh = refresh_ledger(store)
            one.append(time.perf_counter() - start)
            read.append(refresh.documents_read)
            families.append(f"{refresh.families}/{whole.families}")

            streamed = peak_mib(lambda: refresh_ledger(store, force=True))
            held = peak_mib(lambda: crosscheck(list(iter_documents(store)), StoredCopies(store)))

    base = statistics.median(full)
    for name, times in (("full", full), ("reprocess", reprocess), ("one new document", one)):
        median = statistics.median(times)
        print(f"{name:>17}: {median:6.1f} s (median of {len(times)}), x{median / base:.2f} of full")
    print(f"one new document: {read} documents read, families recomputed {families}")
    print(f"peak Python memory of a reprocess: {streamed:,.0f} MiB streamed, {held:,.0f} MiB with the corpus held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
