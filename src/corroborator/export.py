"""Writing documents out in the export contract (``shared/eval/SPEC.md`` section 1), and what every export shares.

Every JSON this package writes (the export contract, ``--json`` output, the
skipped report) goes through ``json_text``: JSON as ``json.dumps`` writes it,
with the characters a terminal obeys or reorders that JSON may leave raw (DEL,
the C1 controls, bidi controls, the line and paragraph separators) written as
``\\uXXXX`` escapes, so that printing it never sends a control sequence; a
JSON reader reads the same value.

Every CSV cell of text goes through ``csv_cell``, which neutralises a formula
as OWASP advises for CSV injection: a cell that begins with ``=``, ``+``,
``-``, ``@``, a tab, a carriage return, a line feed or NUL (or a fullwidth
``＝ ＋ － ＠``, which some spreadsheets also read as formulas) gets a single
quote in front, which spreadsheets read as "this is text" and do not show.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .records import Document, Skipped

#: What JSON may leave raw that a terminal obeys (DEL, C1) or that reorders or breaks what it shows.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")

#: First characters that make a spreadsheet read a cell as a formula (OWASP's list, NUL from ASVS
#: 1.2.10, a line feed like a carriage return, and the fullwidth forms some spreadsheets take alike).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def json_text(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON (UTF-8 text, not ASCII escapes), safe to print: see the module's docstring."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    # A search first: most texts hold none, and a substitution per character would cost ten times the dump.
    return _JSON_UNSAFE.sub(_json_escape, text) if _JSON_UNSAFE.search(text) else text


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def csv_cell(value: str) -> str:
    """A text cell that a spreadsheet shows as text, never runs as a formula (OWASP, CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def document_line(document: Document) -> str:
    """One JSON Lines line (without its newline) for a document."""
    return json_text(document.to_dict())


def skipped_report(skipped: Iterable[Skipped]) -> str:
    """The ``--skipped-report`` file: a JSON object listing every skipped input and why."""
    items = [s.to_dict() for s in skipped]
    return json_text({"skipped": items, "count": len(items)}, indent=2) + "\n"


def write_skipped_report(skipped: Iterable[Skipped], path: Path) -> None:
    """Write the ``--skipped-report`` file, making its folders as ``-o`` does: one behaviour for every output path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skipped_report(skipped), encoding="utf-8")
