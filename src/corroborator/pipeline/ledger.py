"""The ledger kept with the store: the cross-check of the current documents, recomputed when they change.

``refresh_ledger(store)`` compares the stored ledger's stamp (which documents,
which cross-check code) with the store's now; when they differ it reads the
current documents, cross-checks them and writes the ledger whole, in one
transaction. ``ingest`` and ``reprocess`` call it after their runs, the ledger
commands before they read, so that Datasette's ledger views are never stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..crosscheck import Ledger, crosscheck
from ..store import Stamp, Store, documents_stamp, iter_documents, ledger_stamp, write_ledger
from ..store.identity import crosscheck_version

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class LedgerRefresh:
    recomputed: bool
    variables: int
    findings: int


def refresh_ledger(store: Store, *, force: bool = False) -> LedgerRefresh:
    """Bring the stored ledger up to date with the current documents (``force``: recompute regardless)."""
    stamp = Stamp(crosscheck_version(), documents_stamp(store))
    if not force and ledger_stamp(store) == stamp:
        return LedgerRefresh(recomputed=False, variables=-1, findings=-1)
    ledger = crosscheck(iter_documents(store))
    write_ledger(store, stamp, *ledger_records(ledger))
    return LedgerRefresh(recomputed=True, variables=len(ledger.variables), findings=len(ledger.findings))


def ledger_records(ledger: Ledger) -> tuple[list[Record], list[Record], list[Record]]:
    """The ledger as SPEC JSON: variables, findings, and the speakers most quoted first."""
    speakers = sorted(ledger.speakers.values(), key=lambda s: (-s.claims, s.key))
    return (
        [v.to_dict() for v in ledger.variables],
        [f.to_dict() for f in ledger.findings],
        [s.to_dict() for s in speakers],
    )
