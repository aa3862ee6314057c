"""Score an export against gold annotations, as ``shared/eval/SPEC.md`` section 4 defines.

The numbers must equal those of the reference scorer (``shared/eval/score.py``)
on the same files: matching is by text, never by offsets, in the same
greedy order, with the same folding of quotes, case and spaces. A test keeps
the two in agreement on the seeds.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Record = dict[str, Any]

_FOLDED = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2013": "-", "\u2014": "-"}
_UNIT_SYNONYMS = {
    **dict.fromkeys(("persons", "person", "soldiers", "troops", "personnel", "civilians"), "people"),
    **dict.fromkeys(("soldier", "troop", "civilian"), "people"),
    **dict.fromkeys(("kilometres", "kilometers", "kilometre", "kilometer"), "km"),
    **dict.fromkeys(("drone", "uav", "uavs"), "drones"),
    "missile": "missiles",
}
_IRREGULAR_VERBS = {
    "said": "say", "says": "say", "told": "tell", "thought": "think", "wrote": "write", "spoke": "speak",
    "knew": "know", "found": "find", "gave": "give", "saw": "see", "heard": "hear", "felt": "feel",
    "held": "hold", "meant": "mean", "showed": "show", "shown": "show", "believed": "believe",
}  # fmt: skip
_CUE_FILLERS = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "did",
        "does",
        "do",
        "also",
        "not",
        "reportedly",
        "it",
    ]
)
_ATTRIBUTES = ("qualifier", "measure", "unit", "subject", "location", "source", "interval", "modality")


# -- text folding --------------------------------------------------------------------------


def fold(value: object) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    for char, plain in _FOLDED.items():
        text = text.replace(char, plain)
    return re.sub(r"\s+", " ", text).strip().lower()


def _digits(value: str | None) -> str:
    return re.sub(r"[^0-9.]", "", value or "")


def _words(value: object) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(value))


# -- parties (sources, subjects, locations) --------------------------------------------------


def _party_texts(party: object) -> list[str]:
    if not party:
        return []
    if isinstance(party, str):
        return [fold(party)]
    assert isinstance(party, dict)
    return [fold(party.get(k)) for k in ("text", "name", "entity") if party.get(k)]


def _is_unnamed(party: object) -> bool:
    return not party or (isinstance(party, dict) and (party.get("kind") == "unnamed" or not _party_texts(party)))


def _whole_words_in(part: str, whole: str) -> bool:
    return re.search(r"(?<![a-z0-9])" + re.escape(part) + r"(?![a-z0-9])", whole) is not None


def _head(phrase: str) -> str:
    """A name before its apposition: "kenneth baer, a former official who ..." -> "kenneth baer"."""
    return re.split(r",| who | which ", phrase, maxsplit=1)[0]


def accepts(spec: Record, party: object) -> bool:
    """Does a gold ``{"any": [...], "unnamed": bool}`` accept a predicted party?"""
    options = [fold(a) for a in spec.get("any", [])]
    texts = _party_texts(party)
    for option in options:
        for text in texts:
            if (
                option
                and text
                and (
                    _whole_words_in(option, text)
                    or (_whole_words_in(text, option) and len(text) >= 0.5 * len(_head(option)))
                )
            ):
                return True
    if spec.get("unnamed") and _is_unnamed(party):
        return True
    return not options and not spec.get("unnamed") and not texts


# -- matching ------------------------------------------------------------------------------------


def _greedy_pairs(
    golds: list[Record], preds: list[Record], same: Callable[[Record, Record], bool]
) -> list[tuple[int, int]]:
    """Each gold takes the first unused prediction that matches it, in order."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for g, gold in enumerate(golds):
        for p, pred in enumerate(preds):
            if p not in used and same(gold, pred):
                pairs.append((g, p))
                used.add(p)
                break
    return pairs


def _same_figure(gold: Record, pred: Record) -> bool:
    number, printed = _digits(gold["number"]), _digits(pred.get("text"))
    shown = number in printed if number else fold(gold["number"]) in fold(pred.get("text"))
    value = gold["value"]
    has_value = any(
        isinstance(pred.get(k), (int, float)) and abs(pred[k] - value) < 1e-6 for k in ("value", "low", "high")
    )
    return shown and has_value


def content_matches(gold: str, pred: object) -> bool:
    """At least half of the words shared, seen from both sides (boundaries may differ)."""
    g, p = _words(gold), _words(pred)
    if not g or not p:
        return False
    pool, common = list(p), 0
    for word in g:
        if word in pool:
            pool.remove(word)
            common += 1
    return common >= 0.5 * len(g) and common >= 0.5 * len(p)


def _same_claim(gold: Record, pred: Record) -> bool:
    return content_matches(gold["content"], pred.get("content")) and accepts(gold["source"], pred.get("source"))


def cue_stem(cue: str) -> str:
    """The first content word of a cue, crudely stemmed: "said", "says" and "say" agree."""
    words = [w for w in _words(cue) if w not in _CUE_FILLERS] or _words(cue)
    if not words:
        return ""
    word = _IRREGULAR_VERBS.get(words[0], words[0])
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def cue_matches(gold: str, pred: str | None) -> bool:
    g, p = cue_stem(gold), cue_stem(pred or "")
    n = min(4, len(g), len(p))
    return bool(n) and g[:n] == p[:n]


# -- one document ---------------------------------------------------------------------------------


def score_document(gold: Record, pred: Record | None) -> Record:
    """The per-document part of the report."""
    found = pred is not None
    pred = pred or {}
    result: Record = {"input": gold["input"], "found": found}
    _score_figures(gold, pred, result)
    _score_claims(gold, pred, result)
    text = fold(pred.get("text"))
    checks = [fold(s) in text for s in gold.get("must_contain", [])]
    checks += [bool(text) and fold(s) not in text for s in gold.get("must_not_contain", [])]
    result["boilerplate"] = [sum(checks), len(checks)]
    result["metadata"] = _score_metadata(gold, pred)
    return result


def _score_figures(gold: Record, pred: Record, result: Record) -> None:
    golds = gold.get("figures", [])
    preds = (pred.get("figures") or []) if "figures" in gold else []
    pairs = _greedy_pairs(golds, preds, _same_figure)
    optional = sum(1 for g, _ in pairs if golds[g].get("optional"))
    result["figures"] = {
        "tp": len(pairs) - optional,
        "pred": len(preds) - optional,
        "gold": sum(1 for g in golds if not g.get("optional")),
    }
    claims = {c.get("id"): c for c in pred.get("claims") or []}
    tally = {k: [0, 0] for k in _ATTRIBUTES}
    for g, p in pairs:
        if golds[g].get("optional"):
            continue
        for attribute, correct in _figure_attributes(golds[g], preds[p], claims).items():
            tally[attribute][0] += correct
            tally[attribute][1] += 1
    result["figure_attributes"] = tally
    result["not_figures_reported"] = [
        n for n in gold.get("not_figures", []) for p in preds if fold(p.get("text")) == fold(n)
    ]
    result["figure_pairs"] = pairs


def _figure_attributes(gold: Record, pred: Record, claims: dict[Any, Record]) -> dict[str, bool]:
    """Each attribute the gold figure names, scored (the interval when it names low and high)."""
    unit = fold(pred.get("unit"))
    unit = _UNIT_SYNONYMS.get(unit, unit)
    source = pred.get("source") or (claims.get(pred.get("claim")) or {}).get("source")
    checks: dict[str, Callable[[], bool]] = {
        "qualifier": lambda: fold(pred.get("qualifier")) == gold["qualifier"],
        "measure": lambda: fold(pred.get("measure")) == gold["measure"],
        "unit": lambda: unit == gold["unit"],
        "subject": lambda: accepts(gold["subject"], pred.get("subject")),
        "location": lambda: accepts(gold["location"], pred.get("location")),
        "source": lambda: accepts(gold["source"], source),
        "interval": lambda: pred.get("low") == gold["low"] and pred.get("high") == gold["high"],
        "modality": lambda: fold(pred.get("modality")) == gold["modality"],
    }
    named = {k for k in checks if (k == "interval" and "low" in gold) or (k != "interval" and k in gold)}
    return {k: check() for k, check in checks.items() if k in named}


def _score_claims(gold: Record, pred: Record, result: Record) -> None:
    golds = gold.get("claims", [])
    preds = (pred.get("claims") or []) if "claims" in gold else []
    pairs = _greedy_pairs(golds, preds, _same_claim)
    optional = sum(1 for g, _ in pairs if golds[g].get("optional"))
    result["claims"] = {
        "tp": len(pairs) - optional,
        "pred": len(preds) - optional,
        "gold": sum(1 for g in golds if not g.get("optional")),
    }
    result["cue_correct"] = sum(
        1 for g, p in pairs if not golds[g].get("optional") and cue_matches(golds[g]["cue"], preds[p].get("cue"))
    )
    result["not_claims_reported"] = [
        n for n in gold.get("not_claims", []) for p in preds if fold(n) in fold(p.get("content"))
    ]
    result["claim_pairs"] = pairs


def _score_metadata(gold: Record, pred: Record) -> list[int]:
    checks = []
    if "title" in gold:
        checks.append(fold(pred.get("title")) == fold(gold["title"]))
    if "authors" in gold:
        checks.append(sorted(map(fold, pred.get("authors") or [])) == sorted(map(fold, gold["authors"] or [])))
    if "published" in gold:
        checks.append((pred.get("published") or None) == (gold["published"] or None))
    if gold.get("tags"):
        checks.append(sorted(map(fold, pred.get("tags") or [])) == sorted(map(fold, gold["tags"])))
    return [sum(checks), len(checks)]


# -- the whole report -------------------------------------------------------------------------------


def input_key(record: Record) -> str:
    """A document's key for matching: the input's file name, plus ``#item`` for a contained item."""
    path, sep, item = str(record.get("input", "")).partition("#")
    return os.path.basename(path) + sep + item


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score(golds: list[Record], preds: Iterable[Record]) -> Record:
    """The full report: totals and ``per_document``, in the reference scorer's shape."""
    by_key = {input_key(p): p for p in preds}
    docs = [score_document(g, by_key.get(input_key(g))) for g in golds]
    public = [{k: v for k, v in d.items() if not k.endswith("_pairs")} for d in docs]

    def total(part: str) -> tuple[int, int, int]:
        return tuple(sum(d[part][k] for d in docs) for k in ("tp", "pred", "gold"))

    ftp, fpred, fgold = total("figures")
    ctp, cpred, cgold = total("claims")
    attributes = {}
    for name in _ATTRIBUTES:
        right = sum(d["figure_attributes"][name][0] for d in docs)
        scored = sum(d["figure_attributes"][name][1] for d in docs)
        attributes[name] = _ratio(right, scored)
    boilerplate = [sum(d["boilerplate"][i] for d in docs) for i in (0, 1)]
    metadata = [sum(d["metadata"][i] for d in docs) for i in (0, 1)]
    return {
        "documents": len(golds),
        "documents_found": sum(d["found"] for d in docs),
        "figures": dict(
            zip(("precision", "recall", "f1"), _prf(ftp, fpred, fgold), strict=True), tp=ftp, pred=fpred, gold=fgold
        ),
        "figure_attributes": attributes,
        "claims": dict(
            zip(("precision", "recall", "f1"), _prf(ctp, cpred, cgold), strict=True), tp=ctp, pred=cpred, gold=cgold
        ),
        "cue_accuracy": _ratio(sum(d["cue_correct"] for d in docs), ctp),
        "boilerplate": _ratio(*boilerplate),
        "metadata": _ratio(*metadata),
        "not_figures_reported": [x for d in docs for x in d["not_figures_reported"]],
        "not_claims_reported": [x for d in docs for x in d["not_claims_reported"]],
        "per_document": public,
    }


def summary_line(report: Record) -> str:
    """The reference scorer's last line: ``figures_f1=… claims_f1=… attributes=… boilerplate=… metadata=…``."""
    scored = [v for v in report["figure_attributes"].values() if v is not None]
    attributes = round(sum(scored) / len(scored), 4) if scored else None
    line = (
        f"figures_f1={report['figures']['f1']} claims_f1={report['claims']['f1']} attributes={attributes} "
        f"boilerplate={report['boilerplate']} metadata={report['metadata']}"
    )
    if "findings" in report:
        line += f" findings={report['findings']['found']}/{report['findings']['gold']}"
        line += f" rejected={report['findings']['rejected']}"
    if "independence" in report:
        line += f" independence={report['independence']['right']}/{report['independence']['gold']}"
    return line


# -- the cross-check: findings and independent-source counts (SPEC section 2) -------------------------


def _figure_values(documents: Iterable[Record]) -> dict[tuple[Any, Any], Any]:
    return {(d.get("doc_id"), f.get("id")): f.get("value") for d in documents for f in d.get("figures") or []}


def _numbers(figures: Iterable[Record], values: dict[tuple[Any, Any], Any]) -> set[Any]:
    return {values.get((r.get("doc_id"), r.get("figure"))) for r in figures or []}


def score_findings(gold: Record | list[Record], findings: list[Record], documents: list[Record]) -> Record:
    """Findings found (kind and a superset of the gold's figure numbers) and findings a careful reader rejects."""
    if isinstance(gold, list):
        gold = {"findings": gold}
    values = _figure_values(documents)
    predicted = [(f.get("kind"), _numbers(f.get("figures") or [], values)) for f in findings]

    def hit(expected: Record) -> bool:
        return any(kind == expected["kind"] and set(expected["numbers"]) <= numbers for kind, numbers in predicted)

    rejected = [n for n in gold.get("not_findings", []) if hit(n)]
    return {
        "found": sum(hit(g) for g in gold.get("findings", [])),
        "gold": len(gold.get("findings", [])),
        "predicted": len(findings),
        "rejected": len(rejected),
        "rejected_findings": rejected,
    }


def _variable_matches(spec: Record | None, variable: Record, key: str) -> bool:
    """A gold ``{"any": [...]}`` against a variable's field (an entity id) or its name."""
    if not spec:
        return True
    got = variable.get(key)
    texts = [fold(got)] if isinstance(got, str) else _party_texts(got)
    texts += [fold(variable.get(f"{key}_name"))] if variable.get(f"{key}_name") else []
    wanted = [fold(o) for o in spec.get("any", [])]
    return any(_whole_words_in(o, t) or _whole_words_in(t, o) for o in wanted for t in texts if t)


def score_values(gold_values: list[Record], variables: list[Record], documents: list[Record]) -> Record:
    """Each gold value's independent-source count, against the variables export."""
    values = _figure_values(documents)
    right, wrong = 0, []
    for expected in gold_values:
        counts = [
            value.get("independent_sources")
            for variable in variables
            if not expected.get("measure") or variable.get("measure") == expected["measure"]
            if _variable_matches(expected.get("location"), variable, "location")
            and _variable_matches(expected.get("subject"), variable, "subject")
            for value in variable.get("values") or []
            if expected["number"] in _numbers(value.get("figures") or [], values)
            or value.get("value") == expected["number"]
        ]
        if expected["independent_sources"] in counts:
            right += 1
        else:
            wrong.append(
                {"number": expected["number"], "measure": expected.get("measure"),
                 "expected": expected["independent_sources"], "got": counts}
            )  # fmt: skip
    return {"right": right, "gold": len(gold_values), "wrong": wrong}


def read_jsonl(path: str | Path) -> list[Record]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


# -- what to fix: per-document errors ----------------------------------------------------------------


def _show_party(party: object) -> str:
    if isinstance(party, dict):
        if "any" in party:
            return " | ".join(party["any"]) or ("(unnamed)" if party.get("unnamed") else "(none)")
        return str(party.get("name") or party.get("text") or party.get("kind") or "(none)")
    return str(party or "(none)")


def document_errors(gold: Record, pred: Record | None) -> Record:
    """What one document got wrong, in words a developer can act on."""
    pred = pred or {}
    errors: Record = {"input": gold["input"], "found": bool(pred)}
    golds, preds = gold.get("figures", []), pred.get("figures") or []
    pairs = _greedy_pairs(golds, preds, _same_figure)
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    errors["missed_figures"] = [
        g["number"] for i, g in enumerate(golds) if i not in matched_gold and not g.get("optional")
    ]
    errors["spurious_figures"] = [p.get("text") for i, p in enumerate(preds) if i not in matched_pred]
    claims = {c.get("id"): c for c in pred.get("claims") or []}
    wrong = []
    for g, p in pairs:
        if golds[g].get("optional"):
            continue
        for attribute, correct in _figure_attributes(golds[g], preds[p], claims).items():
            if not correct:
                wrong.append(
                    {
                        "figure": golds[g]["number"],
                        "attribute": attribute,
                        "gold": _gold_value(golds[g], attribute),
                        "predicted": _predicted_value(preds[p], attribute, claims),
                    }
                )
    errors["wrong_attributes"] = wrong
    golds_c, preds_c = gold.get("claims", []), pred.get("claims") or []
    cpairs = _greedy_pairs(golds_c, preds_c, _same_claim)
    matched_gold, matched_pred = {g for g, _ in cpairs}, {p for _, p in cpairs}
    errors["missed_claims"] = [
        f"{_show_party(c['source'])}: {c['content']}"
        for i, c in enumerate(golds_c)
        if i not in matched_gold and not c.get("optional")
    ]
    errors["spurious_claims"] = [
        f"{_show_party(c.get('source'))}: {c.get('content')}" for i, c in enumerate(preds_c) if i not in matched_pred
    ]
    errors["wrong_cues"] = [
        {"gold": golds_c[g]["cue"], "predicted": preds_c[p].get("cue")}
        for g, p in cpairs
        if not golds_c[g].get("optional") and not cue_matches(golds_c[g]["cue"], preds_c[p].get("cue"))
    ]
    text = fold(pred.get("text"))
    errors["text_missing"] = [s for s in gold.get("must_contain", []) if fold(s) not in text]
    errors["text_left_in"] = [s for s in gold.get("must_not_contain", []) if text and fold(s) in text]
    errors["metadata"] = [
        {"field": k, "gold": gold[k], "predicted": pred.get(k)}
        for k in ("title", "authors", "published", "tags")
        if k in gold and (k != "tags" or gold[k]) and not _same_metadata(k, gold[k], pred.get(k))
    ]
    return errors


def _gold_value(gold: Record, attribute: str) -> object:
    if attribute == "interval":
        return [gold.get("low"), gold.get("high")]
    value = gold.get(attribute)
    return _show_party(value) if isinstance(value, dict) else value


def _predicted_value(pred: Record, attribute: str, claims: dict[Any, Record]) -> object:
    if attribute == "interval":
        return [pred.get("low"), pred.get("high")]
    if attribute == "source":
        return _show_party(pred.get("source") or (claims.get(pred.get("claim")) or {}).get("source"))
    value = pred.get(attribute)
    return _show_party(value) if isinstance(value, dict) else value


def _same_metadata(field: str, gold: object, pred: object) -> bool:
    if field in ("authors", "tags"):
        return sorted(map(fold, pred or [])) == sorted(map(fold, gold or []))  # type: ignore[call-overload]
    if field == "published":
        return (pred or None) == (gold or None)
    return fold(pred) == fold(gold)


def errors_by_document(golds: list[Record], preds: Iterable[Record]) -> list[Record]:
    """``document_errors`` for every gold document, keeping only those with something wrong."""
    by_key = {input_key(p): p for p in preds}
    found = [document_errors(g, by_key.get(input_key(g))) for g in golds]
    return [e for e in found if not e["found"] or any(v for k, v in e.items() if k not in ("input", "found"))]
