"""Mine the nouns that name people who speak or hold a stance, from the PolNeAR training split's gold sources.

    .venv/bin/python bench/mine_speaker_nouns.py ../shared/corpus/polnear-train/train.gold.jsonl [--write]

Reads only the gold file of the *training* split (strings, no parse): polnear-dev is the report set and never
shapes this list. For each gold claim it takes the head word of its source as written (the last word before
an apposition, a relative clause or a prepositional phrase: 'senior advisers to the campaign' -> 'advisers'),
keeps the lower-case words (a name is the linker's business) and counts them. A word named the source of at
least ``MIN_COUNT`` gold claims is a speaker noun, less the words that are not nouns of people
(``NOT_PEOPLE``: pronouns, quantifiers, documents and polls, which speak only through somebody).

With ``--write`` the list, with its counts, goes to ``src/corroborator/data/lexicon/speaker_nouns.json``. The
claims component reads it to decide that a subject such as 'economists' or 'his advisers' can hold a stance
('economists believe ...') and can speak ('strategists cautioned that ...'), as 'officials' always could.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "corroborator" / "data" / "lexicon" / "speaker_nouns.json"

#: A word must head this many gold sources to count (fewer is noise: 'watchers', 'developers').
MIN_COUNT = 5
#: Where a source's head ends: an apposition, a relative clause, a prepositional phrase.
HEAD_END = re.compile(r",| who | which | whose | of | in | at | from | for | with | to | on ")
WORD = re.compile(r"[A-Za-z’'-]+")
#: Heads that are not nouns of people: pronouns and determiners ('they', 'some', 'many'), a participle that
#: ends a description ('people familiar', 'those surveyed'), quantities ('percent', 'majority', 'half'),
#: and things that speak only through somebody: documents, polls, messages, records.
NOT_PEOPLE = {
    "they", "them", "their", "that", "which", "whose", "some", "many", "most", "both", "another", "others",
    "those", "these", "several", "everyone", "anyone", "said", "familiar", "involved", "surveyed", "self",
    "percent", "majority", "half", "number", "two-thirds", "average", "results", "poll", "polls", "polling",
    "survey", "report", "reports", "analysis", "records", "statement", "email", "letter", "video", "lawsuit",
    "data", "filings", "website", "tweet", "release", "message", "account", "editorial", "week", "media",
    "newspaper", "public", "left", "side", "sides", "states", "countries", "court", "board", "panel", "camp",
    "office", "agency", "party", "government", "administration", "company", "group", "groups", "organization",
    "organizations", "campaign", "campaigns", "unions", "police", "staff", "team", "crowd", "audience",
    "close", "figures", "emails", "outlets", "establishment", "none", "month", "himself", "precedents",
    "article", "third", "majorities", "each", "documents", "country", "page", "much", "paper", "three",
    "review", "surveys", "base", "department", "book", "debate", "summary", "leadership", "head", "ones",
}  # fmt: skip


def source_head(source: str) -> str | None:
    """The last word of a source's head, lower-case only ('the senior aides' -> 'aides'; 'Mr. Ruiz' -> None)."""
    words: list[str] = WORD.findall(HEAD_END.split(source, maxsplit=1)[0])
    if not words or not words[-1].islower() or len(words[-1]) <= 3:
        return None
    return words[-1]


def mine(gold_path: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        for claim in json.loads(line)["claims"]:
            names = claim["source"].get("any") or []
            head = source_head(names[0]) if names else None
            if head is not None:
                counts[head] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, help="train.gold.jsonl of the PolNeAR training split")
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    if "dev" in args.gold.name:
        parser.error("polnear-dev is the report set: mine the training split only")
    counts = mine(args.gold)
    kept = {w: n for w, n in counts.most_common() if n >= MIN_COUNT and w not in NOT_PEOPLE}
    print(f"{len(kept)} speaker nouns: {', '.join(kept)}")
    if args.write:
        data = {
            "about": "Lower-case heads of gold sources in the PolNeAR training split, with how many gold claims "
            f"each heads (at least {MIN_COUNT}); made by bench/mine_speaker_nouns.py. Nouns of people who can "
            "speak or hold a stance ('economists believe ...').",
            "corpus": "PolNeAR train (shared/corpus/polnear-train/train.gold.jsonl)",
            "min_count": MIN_COUNT,
            "nouns": kept,
        }
        OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
