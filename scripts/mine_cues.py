"""Mine the PolNeAR training split for attribution cues, and refresh the cue lexicon's statistics.

    .venv/bin/python scripts/claims_cache.py ../shared/corpus/polnear-train/text /tmp/claims_cache/train
    .venv/bin/python scripts/mine_cues.py /tmp/claims_cache/train \\
        --gold ../shared/corpus/polnear-train/train.gold.jsonl --write

Only the *training* split is read: polnear-dev is the report set and must never shape the lexicon.

What it does:

1. Aligns every gold claim (source, cue, content: strings only) with the parsed text: the
   content is found first (a quote in several pieces by its first piece), then the cue
   occurrence nearest to it, then the source occurrence nearest to the cue.
2. Counts, per cue lemma and part of speech, how often a token is a gold cue (``gold``)
   against how often the lemma occurs at all (``seen``): ``precision = gold / seen`` is a
   lower bound of a cue's precision (claims that could not be aligned count as misses).
3. Records the dependency shape that leads from the cue to its content (``ccomp``,
   ``dobj``, ``xcomp``, ``prep:for``, a quote ...) and to its source (``nsubj``, ...).
4. With ``--write``, rewrites the ``verbs`` table of ``cues.json``. Candidates are the verbs whose
   gold count and precision clear ``MIN_GOLD`` and ``MIN_PRECISION``, plus the curated verbs
   (``curated_verbs``), less the curated ``not_verbs`` ('accord' is 'according to'; 'decline' and 'refuse' head
   non-statements), each with its certainty class (from the curated ``certainty`` lists), its complements
   (the content shapes that carry at least ``MIN_SHAPE_SHARE`` of its claims) and its counts.
   Then the extractor itself runs with all candidates over the split (less its first
   ``CALIBRATION_SKIP`` documents, kept for checking) and a candidate stays only if the claims it
   makes match gold often enough (``MIN_CLAIM_PRECISION``, ``MIN_CLAIM_TP``); curated verbs stay.

The rest of ``cues.json`` (certainty classes, nominal and adverbial cues, channels, source
words) is curated by hand and left as it is.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span, Token

from corroborator.analyze.extensions import install_extensions
from corroborator.extract.attribution.lexicon import Lexicon
from corroborator.extract.claims import find_claims

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "src" / "corroborator" / "data" / "lexicon" / "cues.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

#: A verb is a candidate with at least this many aligned gold claims (fewer is noise) ...
MIN_GOLD = 5
#: ... and at least this share of its occurrences being gold cues (a lower bound: claims that
#: could not be aligned count as misses).
MIN_PRECISION = 0.1
#: A candidate stays when the claims the extractor makes with it are right this often on the
#: calibration documents. Predictions of precision p raise F1 only while p > F1 / 2; with claim
#: F1 near 0.6 that is 0.3, and the margin above it allows for new text being harder.
MIN_CLAIM_PRECISION = 0.3
#: ... and when it finds at least this many right claims there (fewer says nothing).
MIN_CLAIM_TP = 3
#: The first documents of the split are kept out of calibration, to check the result on.
CALIBRATION_SKIP = 300
#: A content shape is kept for a verb when it carries this share of the verb's aligned claims.
MIN_SHAPE_SHARE = 0.08
#: A cue occurrence further than this (characters) from its content is not the one annotated.
MAX_CUE_DISTANCE = 400

QUOTE_PIECES = re.compile(r"[”\"']{1,2},?\s+[“\"']{1,2}")
CONTENT_POS = {"VERB", "NOUN", "ADV", "ADP", "PROPN", "ADJ", "AUX"}


def load_docs(stem: Path) -> dict[str, Doc]:
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(stem.with_suffix(".spacy")).get_docs(nlp.vocab))
    inputs = json.loads(stem.with_suffix(".inputs.json").read_text(encoding="utf-8"))
    return {os.path.basename(key): doc for key, doc in zip(inputs, docs, strict=True)}


def find_content(text: str, content: str) -> tuple[int, int] | None:
    """Where the gold content is; a quote given as several pieces is found by its first piece."""
    for candidate in (content, QUOTE_PIECES.split(content)[0], content.strip("“”\"' ")):
        candidate = candidate.strip()
        if len(candidate) >= 3 and (start := text.find(candidate)) >= 0:
            return start, start + len(candidate)
    return None


def nearest(text: str, needle: str, anchor: int, limit: int) -> tuple[int, int] | None:
    best = None
    for match in re.finditer(re.escape(needle), text):
        distance = abs(match.start() - anchor)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, match.start(), match.end())
    return best[1:] if best else None


def cue_token(span: Span) -> Token:
    """The token that carries a (possibly multi-word) gold cue: the root when it is a content word."""
    if span.root.pos_ in CONTENT_POS or span.root.text in {":", "—", "―", "-"}:
        return span.root
    return next((t for t in span if t.pos_ in CONTENT_POS), span.root)


def content_root(span: Span) -> Token:
    return next((t for t in span if not (span.start <= t.head.i < span.end) or t.head == t), span.root)


def shape(cue: Token, target: Token) -> str:
    """The first step from the cue towards the target: 'ccomp', 'dobj', 'prep:for', 'quote', '^advcl', ..."""
    if (target.is_punct and target.tag_ in {"``", "''"}) or target.text in {"“", "”", '"'}:
        return "quote"
    path = [target, *target.ancestors]
    if cue in path:
        steps = path[: path.index(cue)]
        first = steps[-1] if steps else target
        if first.dep_ == "prep":
            return f"prep:{first.lower_}"
        return first.dep_
    if target in cue.ancestors:
        return "^" + cue.dep_
    return "other"


def pos_class(token: Token) -> str:
    return "VERB" if token.pos_ in {"VERB", "AUX"} else token.pos_


def mine(docs: dict[str, Doc], gold: list[dict]) -> dict:
    gold_cues: Counter = Counter()
    content_shapes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    source_shapes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    raw_cues: Counter = Counter()
    total = aligned = 0
    for record in gold:
        doc = docs.get(record["input"])
        if doc is None:
            continue
        text = doc.text
        for claim in record["claims"]:
            total += 1
            raw_cues[claim["cue"].lower().strip()] += 1
            where = find_content(text, claim["content"])
            if where is None:
                continue
            cue_at = nearest(text, claim["cue"], where[0], MAX_CUE_DISTANCE)
            cue_span = doc.char_span(*cue_at, alignment_mode="expand") if cue_at else None
            content_span = doc.char_span(*where, alignment_mode="expand")
            if not cue_span or not content_span:
                continue
            aligned += 1
            cue = cue_token(cue_span)
            key = (cue.lemma_.lower(), pos_class(cue))
            gold_cues[key] += 1
            content_shapes[key][shape(cue, content_root(content_span))] += 1
            names = claim["source"].get("any") or []
            source_at = nearest(text, names[0], cue_at[0], 300) if names else None
            source_span = doc.char_span(*source_at, alignment_mode="expand") if source_at else None
            source_shapes[key][shape(cue, source_span.root) if source_span else "none"] += 1
    seen: Counter = Counter((t.lemma_.lower(), pos_class(t)) for doc in docs.values() for t in doc)
    return {
        "total": total,
        "aligned": aligned,
        "gold": gold_cues,
        "seen": seen,
        "content_shapes": content_shapes,
        "source_shapes": source_shapes,
        "raw_cues": raw_cues,
    }


def report(stats: dict, limit: int) -> None:
    print(f"gold claims {stats['total']}, aligned {stats['aligned']} ({stats['aligned'] / stats['total']:.0%})")
    print(f"{'gold':>5} {'seen':>6} {'prec':>5}  cue")
    rows = sorted(stats["gold"].items(), key=lambda kv: -kv[1])[:limit]
    for (lemma, pos), count in rows:
        seen = stats["seen"][(lemma, pos)] or 1
        shapes = ", ".join(f"{s} {n}" for s, n in stats["content_shapes"][(lemma, pos)].most_common(4))
        print(f"{count:5d} {seen:6d} {count / seen:5.2f}  {lemma} {pos}: {shapes}")
    raw = stats["raw_cues"]
    colon = sum(n for cue, n in raw.items() if cue.endswith(":"))
    dash = sum(n for cue, n in raw.items() if cue in {"—", "―", "-", "–"})
    print(f"colon cues {colon}, dash cues {dash}, 'according to' {raw['according to']}, 'citing' {raw['citing']}")


def candidate_verbs(stats: dict, lexicon: dict) -> dict[str, dict]:
    """Verbs worth trying as cues: frequent and precise enough as gold cues, or curated."""
    certainty = {lemma: cls for cls, lemmas in lexicon["certainty"].items() for lemma in lemmas}
    curated = set(lexicon.get("curated_verbs", []))
    not_verbs = set(lexicon.get("not_verbs", {}).get("lemmas", []))
    verbs = {}
    for (lemma, pos), count in stats["gold"].items():
        seen = stats["seen"][(lemma, pos)] or 1
        keep = pos == "VERB" and count >= MIN_GOLD and count / seen >= MIN_PRECISION and lemma.isalpha()
        if lemma in not_verbs or not (keep or (pos == "VERB" and lemma in curated)):
            continue
        shapes = stats["content_shapes"][(lemma, pos)]
        n = sum(shapes.values())
        complements = sorted(s for s, k in shapes.items() if k / n >= MIN_SHAPE_SHARE and not s.startswith("^"))
        verbs[lemma] = {
            "certainty": certainty.get(lemma, "asserted"),
            "complements": complements,
            "gold": count,
            "seen": seen,
            "precision": round(count / seen, 3),
        }
    for lemma in sorted(curated - set(verbs)):
        verbs[lemma] = {"certainty": certainty.get(lemma, "asserted"), "complements": [], "gold": 0, "seen": 0}
    return verbs


def calibrate(verbs: dict[str, dict], lexicon: dict, docs: dict[str, Doc], gold: list[dict]) -> None:
    """Run the extractor with every candidate verb and record, per verb, how many of its claims match gold."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    install_extensions()
    trial = Lexicon({**lexicon, "verbs": verbs})
    tp: Counter = Counter()
    made: Counter = Counter()
    for record in gold[CALIBRATION_SKIP:]:
        doc = docs.get(record["input"])
        if doc is None:
            continue
        claims = [c.to_dict() for c in find_claims(doc, trial)]
        matched = {p for _, p in score.match_claims(record["claims"], claims)}
        for i, claim in enumerate(claims):
            made[claim["cue"]] += 1
            tp[claim["cue"]] += i in matched
    for lemma, entry in verbs.items():
        entry["claims"] = made[lemma]
        entry["claim_precision"] = round(tp[lemma] / made[lemma], 3) if made[lemma] else None
        entry["claim_tp"] = tp[lemma]


def write_lexicon(verbs: dict[str, dict], lexicon: dict, path: Path) -> None:
    curated = set(lexicon.get("curated_verbs", []))
    kept = {
        lemma: entry
        for lemma, entry in verbs.items()
        if lemma in curated
        or (entry.get("claim_tp", 0) >= MIN_CLAIM_TP and (entry.get("claim_precision") or 0) >= MIN_CLAIM_PRECISION)
    }
    dropped = sorted(set(verbs) - set(kept))
    print(f"kept {len(kept)} verbs; dropped after calibration: {', '.join(dropped)}")
    lexicon["verbs"] = dict(sorted(kept.items()))
    path.write_text(json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} verbs to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cache", type=Path, help="stem written by claims_cache.py (the training split)")
    parser.add_argument("--gold", type=Path, required=True, help="train.gold.jsonl")
    parser.add_argument("--write", action="store_true", help="rewrite the verbs table of cues.json")
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    parser.add_argument("--top", type=int, default=120, help="rows of the printed report")
    args = parser.parse_args()
    if "dev" in args.gold.name or "dev" in args.cache.name:
        parser.error("polnear-dev is the report set: mine the training split only")

    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = load_docs(args.cache)
    stats = mine(docs, gold)
    report(stats, args.top)
    if args.write:
        lexicon = json.loads(args.lexicon.read_text(encoding="utf-8"))
        verbs = candidate_verbs(stats, lexicon)
        calibrate(verbs, lexicon, docs, gold)
        write_lexicon(verbs, lexicon, args.lexicon)


if __name__ == "__main__":
    main()
