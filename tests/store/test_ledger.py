"""The ledger kept with the store, on both engines: written whole, read back as SPEC JSON, never stale."""

from __future__ import annotations

import json

from sqlalchemy import text

from corroborator.crosscheck import crosscheck
from corroborator.pipeline.ledger import ledger_records, refresh_ledger
from corroborator.store import (
    Stamp,
    iter_documents,
    ledger_stamp,
    read_findings,
    read_sources,
    read_variables,
    write_ledger,
)


def test_the_ledger_round_trips_as_its_json(filled_store):
    ledger = crosscheck(iter_documents(filled_store))
    variables, findings, sources = ledger_records(ledger)
    write_ledger(filled_store, Stamp("test", "now"), variables, findings, sources)
    assert json.loads(json.dumps(read_findings(filled_store))) == json.loads(json.dumps(findings))
    assert sorted(v["id"] for v in read_variables(filled_store)) == sorted(v["id"] for v in variables)
    assert {s["source"] for s in read_sources(filled_store)} == {s["source"] for s in sources}
    assert ledger_stamp(filled_store) == Stamp("test", "now")


def test_refresh_recomputes_only_when_something_changed(filled_store):
    first = refresh_ledger(filled_store, force=True)
    assert first.recomputed and first.variables > 0 and first.findings > 0
    assert not refresh_ledger(filled_store).recomputed
    with filled_store.engine.begin() as connection:  # another cross-check wrote it
        connection.execute(text("UPDATE ledger SET crosscheck = 'an older cross-check'"))
    assert refresh_ledger(filled_store).recomputed


def test_the_views_read_well(filled_store):
    refresh_ledger(filled_store, force=True)
    with filled_store.engine.connect() as connection:
        variables = connection.execute(text("SELECT * FROM variables_view")).mappings().all()
        findings = connection.execute(text("SELECT * FROM findings_view")).mappings().all()
        values = connection.execute(text("SELECT * FROM values_view")).mappings().all()
    kursk = next(v for v in variables if v["variable"] == "north-korea|present|kursk-oblast|people|actual")
    assert kursk["place"] == "Kursk Oblast" and kursk["subject"] == "North Korea"
    assert isinstance(kursk["low"], int) or float(kursk["low"]).is_integer()
    assert {"disagreement", "part_exceeds_whole"} <= {f["kind"] for f in findings}
    assert all(v["grade"] in {"confirmed", "fair", "weak", "contested"} for v in values)
