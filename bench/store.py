"""Benchmark the store: idempotent re-runs, ingest rate against extract-only, and memory as the corpus grows.

    .venv/bin/python bench/store.py [--repeats 5] [--engines sqlite,postgresql] [--memory 1000,10000]

Three measures, each on SQLite and on PostgreSQL (a throwaway server started
here from Debian's binaries, as the tests do, with its default durability):

1. **Re-runs**: the seeds and the example corpus ingested twice into a new
   store; row counts after each run (they must be equal) and the time of each
   (the second must be >= 20x faster). Both runs in this process, with the
   model already loaded, so that neither pays for loading it.
2. **Rate**: documents per second of ``ingest`` into a new store against the
   same documents through ``extract``'s path (read, clean, extract, write JSON
   Lines to a file), alternating, median of ``--repeats``. Documents: the seeds,
   the example corpus and the PolNeAR dev texts.
3. **Memory**: resident memory of a child process that ingests N generated
   documents (distinct texts, words from a fixed vocabulary so that spaCy's
   string store does not grow with N), for each N of ``--memory``: after
   loading the model, the highest while ingesting (sampled twice a second),
   and at the end. (The kernel's peak for the child, ``ru_maxrss``, would
   count the parent's pages from before ``exec``, so it is not used.)
4. **Telegram**: one generated Telegram export of ``--telegram`` short
   messages (one input, many documents), through ``extract``'s path and
   through ``ingest`` into a new store, alternating in this process, median of
   ``--repeats``; the ratio ingest / extract must be >= 0.9 (reported both as the ratio of the medians
   and as the median of each pair's ratio, the steadier on a shared machine). The resident
   memory is sampled during each extract and each ingest (it must stay flat:
   the export's documents are streamed, not collected; both hold the parsed
   export while they read it). The CPU seconds of each (this
   process, all its threads) are reported too: on a shared machine other
   processes' load changes the wall times, much less the CPU each side spends.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from corroborator.export import document_line
from corroborator.extract import load_pipeline
from corroborator.pipeline import process, with_extraction
from corroborator.pipeline.storing import ingest
from corroborator.records import Document
from corroborator.settings import DEFAULT_MODEL, Settings
from corroborator.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "store"))  # the tests' throwaway PostgreSQL server
from throwaway import find_pg_ctl, start_postgres  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = [str(ROOT / "examples" / "corpus"), str(SHARED / "corpus" / "seeds")]
RATE_CORPUS = [*CORPUS, str(SHARED / "corpus" / "polnear-dev" / "text")]
DATA_TABLES = ("blobs", "inputs", "raw", "documents", "removed_lines", "entities", "mentions", "sources", "claims")
DATA_TABLES += ("claim_via", "figures", "search", "skipped")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--memory", default="1000,10000", help="corpus sizes for the memory measure ('' for none)")
    parser.add_argument("--telegram", type=int, default=100_000, help="messages in the generated Telegram export")
    parser.add_argument("--skip", default="", help="measures to leave out: reruns,rate,memory,telegram")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--memory-child", nargs=2, metavar=("FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        return _memory_child(*args.memory_child)

    engines = [e for e in args.engines.split(",") if e]
    skip = set(args.skip.split(","))
    nlp = load_pipeline(DEFAULT_MODEL)
    results: dict[str, object] = {"model": DEFAULT_MODEL, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as scratch, _databases(Path(scratch), engines) as new_db:
        for engine in engines:
            if "reruns" not in skip:
                results[f"reruns {engine}"] = _reruns(new_db(engine), nlp)
            if "rate" not in skip:
                results[f"rate {engine}"] = _rate(engine, lambda engine=engine: new_db(engine), nlp, args.repeats)
            if "telegram" not in skip and args.telegram:
                results[f"telegram {engine}"] = _telegram(
                    engine, lambda engine=engine: new_db(engine), nlp, args.telegram, args.repeats, Path(scratch)
                )
            sizes = [int(n) for n in args.memory.split(",") if n]
            if "memory" not in skip and sizes:
                results[f"memory {engine}"] = _memory(
                    engine, sizes, lambda engine=engine: new_db(engine), Path(scratch)
                )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


# 1. Re-runs


def _reruns(db: str, nlp: object) -> dict[str, object]:
    with Store.open(db) as store:
        timings, counts = [], []
        for _ in range(2):
            start = time.perf_counter()
            summary = ingest(store, CORPUS, nlp=nlp)
            timings.append(time.perf_counter() - start)
            counts.append(_counts(store))
    speedup = timings[0] / timings[1]
    print(f"\n## re-runs, {store.dialect}: seeds + example corpus ingested twice")
    print(f"first run  {timings[0]:7.3f} s   {counts[0]['documents']} documents")
    print(f"second run {timings[1]:7.3f} s   {summary.inputs_unchanged} of {summary.inputs} inputs unchanged")
    print(f"speed-up   {speedup:7.0f}x   row counts identical: {counts[0] == counts[1]}")
    print("rows: " + ", ".join(f"{k} {v}" for k, v in counts[1].items()))
    return {"seconds": timings, "speedup": speedup, "counts": counts, "identical": counts[0] == counts[1]}


def _counts(store: Store) -> dict[str, int]:
    counts = store.counts()
    return {name: counts[name] for name in DATA_TABLES}


# 2. Rate


def _rate(engine: str, new_db: Callable[[], str], nlp: object, repeats: int) -> dict[str, object]:
    settings = Settings()
    scratch = Path(tempfile.mkdtemp(prefix="bench-extract-"))

    def extract_only() -> int:
        count = 0
        with (scratch / "extract.jsonl").open("w", encoding="utf-8") as stream:
            for outcome in with_extraction(process(RATE_CORPUS, settings), nlp):  # type: ignore[arg-type]
                if isinstance(outcome, Document):
                    stream.write(document_line(outcome) + "\n")
                    count += 1
        return count

    def with_store() -> tuple[int, float]:
        with Store.open(new_db()) as store:  # a new, empty store each time; creating it is not timed
            start = time.perf_counter()
            summary = ingest(store, RATE_CORPUS, settings=settings, nlp=nlp)
            return summary.added, time.perf_counter() - start

    extract_only(), with_store()  # warm-up: lazy loading and caches
    rates: dict[str, list[float]] = {"extract only": [], "ingest": []}
    for _ in range(repeats):
        start = time.perf_counter()
        count = extract_only()
        rates["extract only"].append(count / (time.perf_counter() - start))
        stored, seconds = with_store()
        assert stored == count, (stored, count)
        rates["ingest"].append(stored / seconds)
    shutil.rmtree(scratch)
    medians = {name: statistics.median(values) for name, values in rates.items()}
    ratio = medians["ingest"] / medians["extract only"]
    print(f"\n## rate, {engine}: {count} documents, median of {repeats}")
    for name, values in rates.items():
        print(f"{name:<13} {medians[name]:7.1f} docs/s   (runs: {', '.join(f'{v:.1f}' for v in values)})")
    print(f"ratio ingest / extract only: {ratio:.2f}")
    return {"documents": count, "docs_per_s": medians, "runs": rates, "ratio": ratio}


# 3. Memory


#: Words the generated documents are made of: a fixed vocabulary, so that only
#: the store and the stream, not spaCy's string table, could grow with the corpus.
_VOCABULARY = "north south east west river border village market bridge station depot school".split()


def _write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    words = len(_VOCABULARY)
    for n in range(count):
        name = " ".join(_VOCABULARY[(n // words**i) % words] for i in range(4))
        (folder / f"{n:05d}.txt").write_text(
            f"Strikes near the {name}\n\n"
            f"The governor said on Monday that twelve drones were shot down near the {name} overnight.\n\n"
            f"According to the regional council, dozens of residents of the {name} were evacuated.\n",
            encoding="utf-8",
        )
    return folder


def _memory(engine: str, sizes: list[int], new_db: Callable[[], str], scratch: Path) -> dict[str, object]:
    peaks = {}
    for size in sizes:
        folder = _write_corpus(scratch / f"generated-{size}", size)
        start = time.perf_counter()
        child = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(folder), new_db()],
            capture_output=True,
            text=True,
            check=True,
        )
        peaks[size] = json.loads(child.stdout.splitlines()[-1]) | {"seconds": time.perf_counter() - start}
        shutil.rmtree(folder)
    print(f"\n## memory, {engine}: resident memory of a process ingesting N documents (MiB)")
    print("documents  after loading the model  highest while ingesting  at the end  seconds")
    for size, found in peaks.items():
        print(
            f"{size:>9}  {found['rss_after_load_mib']:23.0f}  {found['rss_peak_during_ingest_mib']:23.0f}"
            f"  {found['rss_end_mib']:10.0f}  {found['seconds']:7.0f}"
        )
    return peaks


def _memory_child(folder: str, db: str) -> int:
    nlp = load_pipeline(DEFAULT_MODEL)
    nlp("Warm up: the first call allocates the model's buffers.")
    loaded = _rss_mib()
    highest = [loaded]
    done = threading.Event()

    def sample() -> None:  # the resident size during the ingest, twice a second
        while not done.wait(0.5):
            highest.append(_rss_mib())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    with Store.open(db) as store:
        summary = ingest(store, [folder], nlp=nlp)
    done.set()
    sampler.join()
    found = {
        "rss_after_load_mib": loaded,
        "rss_peak_during_ingest_mib": max(highest),
        "rss_end_mib": _rss_mib(),
        "documents": summary.added,
    }
    print(json.dumps(found))
    return 0


def _rss_mib() -> float:
    """This process's resident size now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# 4. Telegram: one export, many short messages


def _write_telegram(path: Path, count: int) -> Path:
    """A Telegram Desktop export (``result.json``) of ``count`` short, distinct messages."""
    words = len(_VOCABULARY)
    messages = []
    for n in range(count):
        name = " ".join(_VOCABULARY[(n // words**i) % words] for i in range(4))
        messages.append(
            {
                "id": n + 1,
                "type": "message",
                "date": f"2024-11-{n % 28 + 1:02d}T08:{n % 60:02d}:00",
                "from": "Regional news",
                "text": [
                    {"type": "bold", "text": f"Drones over the {name}"},
                    f"\nThe governor said that {n % 40 + 2} drones were shot down near the {name} overnight.",
                ],
            }
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    export = {"name": "Regional news", "type": "public_channel", "id": 1, "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return path


def _telegram(
    engine: str, new_db: Callable[[], str], nlp: object, count: int, repeats: int, scratch: Path
) -> dict[str, object]:
    export = _write_telegram(scratch / f"telegram-{count}" / "result.json", count)
    # An export of 100,000 messages weighs more than the default limit on an input's size (20 MiB).
    settings = Settings(max_input_bytes=max(Settings().max_input_bytes, export.stat().st_size))
    output = scratch / "telegram-extract.jsonl"

    def extract_only() -> int:
        written = 0
        with output.open("w", encoding="utf-8") as stream:
            for outcome in with_extraction(process([str(export)], settings), nlp):  # type: ignore[arg-type]
                if isinstance(outcome, Document):
                    stream.write(document_line(outcome) + "\n")
                    written += 1
        return written

    def with_store() -> int:
        with Store.open(new_db()) as store:  # a new, empty store each time; creating it is not timed
            return ingest(store, [str(export)], settings=settings, nlp=nlp).added

    seconds: dict[str, list[float]] = {"extract": [], "ingest": []}
    cpu: dict[str, list[float]] = {"extract": [], "ingest": []}
    growth: dict[str, list[float]] = {"extract": [], "ingest": []}
    for _ in range(repeats):
        done = {}
        for name, run in (("extract", extract_only), ("ingest", with_store)):
            with _rss_growth() as grew:
                start, used = time.perf_counter(), time.process_time()
                done[name] = run()  # the ingest's CPU includes creating the store: a few milliseconds
                seconds[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - used)
            growth[name].append(grew[0])
        assert done["ingest"] == done["extract"] == count, (done, count)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    ratio = medians["extract"] / medians["ingest"]
    # Each extract and the ingest after it share the machine's load of the moment: their ratio is steadier
    # on a shared machine than the ratio of the two medians, taken from runs minutes apart.
    paired = statistics.median(e / i for e, i in zip(seconds["extract"], seconds["ingest"], strict=True))
    print(f"\n## telegram, {engine}: one export of {count} short messages, median of {repeats}")
    for name, values in seconds.items():
        print(
            f"{name:<8} {medians[name]:8.1f} s  {count / medians[name]:7.1f} docs/s"
            f"   (runs: {', '.join(f'{v:.1f}' for v in values)})"
        )
    print(f"ratio ingest / extract (speed): {ratio:.2f}; median of the pairs' ratios: {paired:.2f}")
    cpu_ratio = cpu_medians["extract"] / cpu_medians["ingest"]
    print(
        f"CPU seconds: extract {cpu_medians['extract']:.1f}, ingest {cpu_medians['ingest']:.1f};"
        f" ratio {cpu_ratio:.2f}   (load average {', '.join(f'{n:.1f}' for n in os.getloadavg())})"
    )
    print(
        f"resident memory growth (highest, MiB): while extracting {max(growth['extract']):.0f},"
        f" while ingesting {max(growth['ingest']):.0f}"
    )
    return {
        "messages": count,
        "seconds": medians,
        "runs": seconds,
        "ratio": ratio,
        "paired_ratio": paired,
        "cpu_seconds": cpu_medians,
        "cpu_runs": cpu,
        "cpu_ratio": cpu_ratio,
        "rss_growth_mib": growth,
    }


@contextmanager
def _rss_growth() -> Iterator[list[float]]:
    """The highest resident memory while the block runs (sampled twice a second) less that before it, in MiB."""
    highest = [_rss_mib()]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            highest.append(_rss_mib())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    grew = [0.0]
    try:
        yield grew
    finally:
        done.set()
        sampler.join()
        highest.append(_rss_mib())
        grew[0] = max(highest) - highest[0]


# Databases: new SQLite files, or new databases on a throwaway PostgreSQL server.


@contextmanager
def _databases(scratch: Path, engines: list[str]) -> Iterator[Callable[[str], str]]:
    counter = iter(range(1_000_000))
    pg_ctl = find_pg_ctl() if "postgresql" in engines else None
    server = start_postgres(pg_ctl, "bench") if pg_ctl else None

    def new_db(engine: str) -> str:
        if engine == "sqlite":
            return f"sqlite:///{scratch / f'bench-{next(counter)}.db'}"
        assert server is not None, "PostgreSQL's server binaries are not installed (make setup postgres)"
        return server.create()

    try:
        yield new_db
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
