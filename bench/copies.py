"""Measure the copy detector's thresholds on real news texts: copies found, distinct stories kept apart.

    .venv/bin/python bench/copies.py [--corpus ../shared/corpus/polnear-train/text] [--limit 400]

The texts are real political news (PolNeAR: several outlets on the same
2016 campaign, so distinct stories share names and phrases). Each text gets
three copies of the shapes syndication makes:

- *furniture*: the same story between another outlet's header and footer
  lines (a credit, "Share this", a related-links line);
- *added*: a sentence added at the end and one in the middle;
- *cut*: the first 60% of its paragraphs, with a closing paragraph of its own
  (a regional outlet trimming a wire story).

Recall is the share of copies joined to their original; false joins are
pairs of distinct originals put in one cluster. Run for each candidate
threshold (MinHash LSH) and each shared-sentence share, with the shipped
values marked.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from pathlib import Path

from corroborator.crosscheck import copies
from corroborator.records import Document, Metadata

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "polnear-train" / "text"


def variants(text: str, rng: random.Random) -> dict[str, str]:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    sentences = [s for p in paragraphs for s in p.split(". ") if s]
    added = list(paragraphs)
    added.insert(len(added) // 2, "A spokesperson for the campaign did not answer a request for comment on Tuesday.")
    added.append("This story has been updated with additional reporting from our correspondents.")
    keep = max(1, int(len(paragraphs) * 0.6))
    cut = [*paragraphs[:keep], "Our own reporters could not confirm the account independently by the time of writing."]
    furniture = [
        f"Breaking | Politics | {rng.randrange(1000)} comments",
        *paragraphs,
        "Share this: Facebook Twitter Email",
        "Related: " + (sentences[-1][:60] if sentences else "more news"),
    ]
    return {"furniture": "\n".join(furniture), "added": "\n".join(added), "cut": "\n".join(cut)}


def run(texts: list[str], candidate: float, shared: float) -> tuple[dict[str, float], int]:
    copies.CANDIDATE_JACCARD, copies.SHARED_SENTENCES = candidate, shared
    rng = random.Random(3)
    documents, origin = [], {}
    for index, text in enumerate(texts):
        original = Document(input=f"o{index}", text=text, metadata=Metadata())
        documents.append(original)
        origin[original.doc_id] = (index, "original")
        for kind, copied in variants(text, rng).items():
            document = Document(input=f"o{index}-{kind}", text=copied, metadata=Metadata())
            documents.append(document)
            origin[document.doc_id] = (index, kind)
    clusters = copies.copy_clusters(documents)
    found: dict[str, list[bool]] = {"furniture": [], "added": [], "cut": []}
    originals_by_cluster: dict[str, set[int]] = {}
    for doc_id, (index, kind) in origin.items():
        if kind == "original":
            originals_by_cluster.setdefault(clusters[doc_id], set()).add(index)
    original_cluster = {index: clusters[d] for d, (index, kind) in origin.items() if kind == "original"}
    for doc_id, (index, kind) in origin.items():
        if kind != "original":
            found[kind].append(clusters[doc_id] == original_cluster[index])
    false_pairs = sum(len(list(itertools.combinations(members, 2))) for members in originals_by_cluster.values())
    return {kind: sum(hits) / len(hits) for kind, hits in found.items()}, false_pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))[: args.limit]]
    shipped = (copies.CANDIDATE_JACCARD, copies.SHARED_SENTENCES)
    pairs = len(texts) * (len(texts) - 1) // 2
    print(f"{len(texts)} originals, {3 * len(texts)} copies; false joins among {pairs:,} pairs")
    print("candidate  shared  furniture  added  cut   false joins")
    for candidate, shared in itertools.product((0.2, 0.3, 0.5), (0.3, 0.5, 0.7)):
        recall, false_pairs = run(texts, candidate, shared)
        mark = "  <- shipped" if (candidate, shared) == shipped else ""
        print(
            f"{candidate:9.1f}  {shared:6.1f}  {recall['furniture']:9.3f}  {recall['added']:5.3f}  "
            f"{recall['cut']:5.3f} {false_pairs:6d}{mark}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
