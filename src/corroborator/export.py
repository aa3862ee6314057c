"""Writing documents out in the export contract (``shared/eval/SPEC.md`` section 1)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .records import Document, Skipped


def document_line(document: Document) -> str:
    """One JSON Lines line (without its newline) for a document."""
    return json.dumps(document.to_dict(), ensure_ascii=False)


def skipped_report(skipped: Iterable[Skipped]) -> str:
    """The ``--skipped-report`` file: a JSON object listing every skipped input and why."""
    items = [s.to_dict() for s in skipped]
    return json.dumps({"skipped": items, "count": len(items)}, ensure_ascii=False, indent=2) + "\n"


def write_skipped_report(skipped: Iterable[Skipped], path: Path) -> None:
    """Write the ``--skipped-report`` file, making its folders as ``-o`` does: one behaviour for every output path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skipped_report(skipped), encoding="utf-8")
