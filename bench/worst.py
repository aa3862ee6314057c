"""Benchmark the worst inputs: seconds per MB of text and peak memory through ``extract``'s path.

    .venv/bin/python bench/worst.py [--mb 1] [--telegram 100000] [--repeats 1] [--cases one-line,thousands]

Every input is generated here, into a temporary folder (nothing is shipped):

- ``one-line``: prose sentences with figures and attributions, one line, no paragraph break;
- ``one-line-no-stops``: clauses joined by commas, one line, no sentence end: cut at whitespace;
- ``no-spaces``: words and numbers joined by hyphens, no whitespace at all: cut at the piece limit;
- ``thousands`` and ``numbers``: one vague quantity (``"thousands "``) or one number (``"1,000 "``)
  repeated: sentences the parser cannot structure, each word a figure;
- ``short-paragraphs``: many paragraphs of a few words each;
- ``jsonl``: a JSON Lines file of many short documents;
- ``telegram``: a Telegram Desktop export (``result.json``) of ``--telegram`` short messages (100,000 make
  about 16 MB, under the default 20 MB input limit).

Each text case is ``--mb`` megabytes of text. Each case runs in its own child process, which loads the
model, parses one sentence (the model's buffers), then reads, cleans and extracts the input exactly as
``corroborator extract`` does (``pipeline.process`` then ``pipeline.with_extraction``, one JSON line a
document written to a file). Reported: seconds of that run per MB of input (median of ``--repeats``
child runs), the bare model's own seconds per MB on the same cleaned texts cut into the same pieces (in
the same child, after the run; ``--no-baseline`` leaves it out), and the child's peak resident memory
(``wait4``'s ``ru_maxrss``) less that of a child that only loads the model and parses one sentence.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TEXT_CASES = ("one-line", "one-line-no-stops", "no-spaces", "thousands", "numbers", "short-paragraphs", "jsonl")
CASES = (*TEXT_CASES, "telegram")

#: Words the generated prose is made of: places and numbers vary, so that no two sentences are the same.
_PLACES = "Kharkiv Odesa Sumy Kherson Dnipro Zaporizhzhia Poltava Mykolaiv Chernihiv Lviv".split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text for each text case")
    parser.add_argument("--telegram", type=int, default=100_000, help="messages in the Telegram export")
    parser.add_argument("--repeats", type=int, default=1, help="child runs per case (the median is reported)")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--no-baseline", action="store_true", help="do not time the bare model")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", nargs=3, metavar=("INPUT", "OUTPUT", "BASELINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(*args.child)

    cases = [c for c in args.cases.split(",") if c]
    unknown = set(cases) - set(CASES)
    if unknown:
        print(f"unknown cases: {', '.join(sorted(unknown))} (known: {', '.join(CASES)})", file=sys.stderr)
        return 2
    results: dict[str, object] = {"mb": args.mb, "telegram": args.telegram, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-worst-") as scratch:
        folder = Path(scratch)
        model_peak = _run_child(_write(folder / "model.txt", "One sentence to warm the model up."), folder, False)
        results["model_peak_mib"] = model_peak["peak_mib"]
        print(f"model alone: peak resident memory {model_peak['peak_mib']:.0f} MiB")
        print(f"{'case':<18} {'MB':>6} {'docs':>7} {'s/MB':>7} {'model s/MB':>10} {'ours s/MB':>9} {'peak MiB':>9}")
        for case in cases:
            path = GENERATORS[case](folder, args)
            runs = [_run_child(path, folder, not args.no_baseline) for _ in range(args.repeats)]
            found = _summary(runs, path, model_peak["peak_mib"])
            results[case] = found
            baseline = found["model_s_per_mb"]
            ours = found["s_per_mb"] - baseline if baseline is not None else None
            print(
                f"{case:<18} {found['mb']:6.2f} {found['documents']:7d} {found['s_per_mb']:7.1f}"
                f" {_or_dash(baseline):>10} {_or_dash(ours):>9} {found['peak_above_model_mib']:9.0f}",
                flush=True,
            )
            path.unlink()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def _or_dash(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _summary(runs: list[dict[str, float]], path: Path, model_peak: float) -> dict[str, float]:
    mb = path.stat().st_size / 1e6
    seconds = statistics.median(r["seconds"] for r in runs)
    baselines = [r["model_seconds"] for r in runs if r["model_seconds"] is not None]
    return {
        "mb": mb,
        "documents": int(runs[0]["documents"]),
        "seconds": seconds,
        "runs": [r["seconds"] for r in runs],
        "s_per_mb": seconds / mb,
        "model_s_per_mb": statistics.median(baselines) / mb if baselines else None,
        "peak_mib": max(r["peak_mib"] for r in runs),
        "peak_above_model_mib": max(r["peak_mib"] for r in runs) - model_peak,
    }


def _run_child(path: Path, folder: Path, baseline: bool) -> dict[str, float]:
    """One child process on ``path``; its report, with its peak resident memory from the kernel."""
    output = folder / "out.jsonl"
    command = [sys.executable, __file__, "--child", str(path), str(output), "yes" if baseline else "no"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    report = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"the child on {path.name} failed (exit {child.returncode})")
    found: dict[str, float] = json.loads(report.splitlines()[-1])
    found["peak_mib"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    return found


# -- the child: the extract path, then the bare model on the same pieces ----------------------------------


def _child(source: str, output: str, baseline: str) -> int:
    from corroborator.export import document_line
    from corroborator.extract import load_pipeline
    from corroborator.extract.chunks import pieces
    from corroborator.pipeline import process, with_extraction
    from corroborator.records import Document
    from corroborator.settings import DEFAULT_MODEL, Settings

    nlp = load_pipeline(DEFAULT_MODEL)
    nlp("Warm up: the first call allocates the model's buffers.")
    texts: list[str] = []
    start = time.perf_counter()
    documents = 0
    with open(output, "w", encoding="utf-8") as stream:
        for outcome in with_extraction(process([source], Settings()), nlp):
            if isinstance(outcome, Document):
                stream.write(document_line(outcome) + "\n")
                documents += 1
                if baseline == "yes":
                    texts += [piece for _, piece in pieces(outcome.text)]
    seconds = time.perf_counter() - start
    model_seconds = None
    if baseline == "yes":
        import spacy

        bare = spacy.load(DEFAULT_MODEL)
        bare("Warm up: the first call allocates the model's buffers.")
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=1 if len(texts) < 1_000 else 32):
            pass
        model_seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "documents": documents, "model_seconds": model_seconds}))
    return 0


# -- the inputs ---------------------------------------------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _repeated(size: int, unit: Callable[[int], str], joiner: str = "") -> str:
    """Units ``unit(0)``, ``unit(1)``, ... joined, up to ``size`` characters."""
    parts, total, n = [], 0, 0
    while total < size:
        part = unit(n)
        parts.append(part)
        total += len(part) + len(joiner)
        n += 1
    return joiner.join(parts)[:size]


def _sentence(n: int) -> str:
    place = _PLACES[n % len(_PLACES)]
    return (
        f"The governor of {place} said on Monday that {n % 90 + 2} drones were shot down overnight, "
        f"and {n % 7 + 1} people were wounded near the station."
    )


def _one_line(folder: Path, args: argparse.Namespace) -> Path:
    return _write(folder / "one-line.txt", _repeated(int(args.mb * 1e6), _sentence, " "))


def _one_line_no_stops(folder: Path, args: argparse.Namespace) -> Path:
    def clause(n: int) -> str:
        return f"{n % 40 + 2} shells fell on {_PLACES[n % len(_PLACES)]}"

    return _write(folder / "one-line-no-stops.txt", _repeated(int(args.mb * 1e6), clause, ", "))


def _no_spaces(folder: Path, args: argparse.Namespace) -> Path:
    def words(n: int) -> str:
        return f"the-governor-said-{n % 90 + 2}-drones-fell-on-{_PLACES[n % len(_PLACES)]}"

    return _write(folder / "no-spaces.txt", _repeated(int(args.mb * 1e6), words, "-"))


def _thousands(folder: Path, args: argparse.Namespace) -> Path:
    return _write(folder / "thousands.txt", _repeated(int(args.mb * 1e6), lambda n: "thousands "))


def _numbers(folder: Path, args: argparse.Namespace) -> Path:
    return _write(folder / "numbers.txt", _repeated(int(args.mb * 1e6), lambda n: "1,000 "))


def _short_paragraphs(folder: Path, args: argparse.Namespace) -> Path:
    def paragraph(n: int) -> str:
        return f"{n % 30 + 2} wounded in {_PLACES[n % len(_PLACES)]}."

    return _write(folder / "short-paragraphs.txt", _repeated(int(args.mb * 1e6), paragraph, "\n\n"))


def _jsonl(folder: Path, args: argparse.Namespace) -> Path:
    def line(n: int) -> str:
        record = {"url": f"https://example.org/news/{n}", "title": f"Strikes near {_PLACES[n % 10]} ({n})"}
        return json.dumps(record | {"text": " ".join(_sentence(n + k) for k in range(3))})

    return _write(folder / "long.jsonl", _repeated(int(args.mb * 1e6), line, "\n").rsplit("\n", 1)[0] + "\n")


def _telegram(folder: Path, args: argparse.Namespace) -> Path:
    messages = [
        {
            "id": n + 1,
            "type": "message",
            "date": f"2024-11-{n % 28 + 1:02d}T08:{n % 60:02d}:00",
            "from": "Regional news",
            "text": [{"type": "bold", "text": f"Over {_PLACES[n % 10]}"}, f"\n{n % 90 + 2} drones were shot down."],
        }
        for n in range(args.telegram)
    ]
    export = {"name": "Regional news", "type": "public_channel", "id": 1, "messages": messages}
    (folder / "telegram").mkdir(exist_ok=True)
    return _write(folder / "telegram" / "result.json", json.dumps(export, ensure_ascii=False))


GENERATORS: dict[str, Callable[[Path, argparse.Namespace], Path]] = {
    "one-line": _one_line,
    "one-line-no-stops": _one_line_no_stops,
    "no-spaces": _no_spaces,
    "thousands": _thousands,
    "numbers": _numbers,
    "short-paragraphs": _short_paragraphs,
    "jsonl": _jsonl,
    "telegram": _telegram,
}


if __name__ == "__main__":
    sys.exit(main())
