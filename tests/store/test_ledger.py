"""The ledger kept with the store, on both engines: written whole, read back as SPEC JSON, never stale."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select, text

from corroborator.crosscheck import crosscheck
from corroborator.crosscheck.copies import copy_clusters
from corroborator.pipeline import ledger as ledger_module
from corroborator.pipeline.ledger import ledger_records, refresh_ledger
from corroborator.pipeline.storing import ingest
from corroborator.store import (
    Stamp,
    Store,
    iter_documents,
    ledger_stamp,
    read_findings,
    read_sources,
    read_variables,
    write_ledger,
)
from corroborator.store.schema import copy_fingerprints, copy_pairs


def test_the_ledger_round_trips_as_its_json(filled_store):
    ledger = crosscheck(iter_documents(filled_store))
    family_records, source_records = ledger_records(ledger)
    families, sources = list(family_records), list(source_records)
    write_ledger(filled_store, Stamp("test", "now"), iter(families), iter(sources))  # read once
    findings = [finding for family in families for finding in family.findings]
    variables = [variable for family in families for variable in family.variables]
    assert json.loads(json.dumps(read_findings(filled_store))) == json.loads(json.dumps(findings))
    assert sorted(v["id"] for v in read_variables(filled_store)) == sorted(v["id"] for v in variables)
    assert {s["source"] for s in read_sources(filled_store)} == {s["source"] for s in sources}
    assert ledger_stamp(filled_store) == Stamp("test", "now")


def test_the_refresh_streams_the_store_to_the_same_ledger_as_the_corpus_held(filled_store):
    """Two lighter readings of the store, one at a time, give what one whole reading held in memory gives."""
    held = crosscheck(list(iter_documents(filled_store)))
    refresh_ledger(filled_store, force=True)
    assert _as_stored(filled_store) == _as_held(held)
    surveyed = next(iter(ledger_module.StoredDocuments(filled_store).surveyed()))
    read = next(iter(ledger_module.StoredDocuments(filled_store)))
    assert surveyed.figures == [] and surveyed.claims and read.entities == [] and read.figures


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


STORY = (
    "Engineers reopened the river crossing on Friday after three days of repairs to its deck.\n\n"
    "The district administration said the span would carry only light vehicles until the spring.\n\n"
    "Farmers on the far bank had waited in queues of tractors since the first morning of the closure.\n"
)
OTHER = (
    "The port authority said the dredging of the northern channel will finish before the autumn storms.\n\n"
    "Two ferries were moved to the southern pier while the work goes on around the breakwater.\n"
)


def _copy_tables(store: Store) -> tuple[int, set[tuple[str, str]]]:
    with store.engine.connect() as connection:
        prints = connection.execute(select(func.count()).select_from(copy_fingerprints)).scalar_one()
        pairs = {(a, b) for a, b in connection.execute(select(copy_pairs.c.doc_id, copy_pairs.c.copy_of))}
    return prints, pairs


def test_a_new_document_is_fingerprinted_alone_and_matched_to_the_story_it_copies(store, nlp, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "story.txt").write_text("Crossing reopened\n\n" + STORY)
    (first / "other.txt").write_text("Channel dredged\n\n" + OTHER)
    ingest(store, [str(first)], nlp=nlp)
    refresh_ledger(store)
    assert _copy_tables(store) == (2, set())

    (second / "copy.txt").write_text("Bridge open again\n\n" + STORY + "\nA ferry service will stop next week.\n")
    ingest(store, [str(second)], nlp=nlp)
    refresh_ledger(store)

    ids = {document.metadata.title: document.doc_id for document in iter_documents(store)}
    assert _copy_tables(store) == (3, {(ids["Bridge open again"], ids["Crossing reopened"])})


def test_fingerprints_of_another_detector_are_dropped_and_made_again(filled_store):
    refresh_ledger(filled_store, force=True)
    count, pairs = _copy_tables(filled_store)
    with filled_store.engine.begin() as connection:
        connection.execute(text("UPDATE copy_fingerprints SET version = 'an older detector'"))
    refresh_ledger(filled_store, force=True)
    assert _copy_tables(filled_store) == (count, pairs)
    assert count == len({document.doc_id for document in iter_documents(filled_store)})


def test_fingerprints_saved_a_few_at_a_time_find_the_same_copies(store, nlp, tmp_path, monkeypatch):
    """The copy detector saves its new fingerprints in batches to bound its memory; the batches
    must not hide a copy from the story it copies when the two land in different batches."""
    for name, body in {
        "a-story.txt": "Crossing reopened\n\n" + STORY,
        "b-other.txt": "Channel dredged\n\n" + OTHER,
        "c-copy.txt": "Bridge open again\n\n" + STORY + "\nA ferry service will stop next week.\n",
        "d-copy.txt": "Span repaired\n\nThe repairs took three days.\n\n" + STORY,
    }.items():
        (tmp_path / name).write_text(body)
    ingest(store, [str(tmp_path)], nlp=nlp)
    monkeypatch.setattr(ledger_module, "SAVE_EVERY", 1)
    refresh_ledger(store)

    clusters = copy_clusters(iter_documents(store))  # in memory, in one pass
    expected = {(a, b) for a in clusters for b in clusters if a != b and clusters[a] == clusters[b]}
    _, pairs = _copy_tables(store)
    joined = {(a, b) for a, b in pairs} | {(b, a) for a, b in pairs}
    assert joined == expected and len(joined) == 6  # the story and its two copies, every way round


def _as_held(ledger) -> tuple[list, list]:
    """A ledger held in memory as the store reads it back: variables by id, findings in their order."""
    variables = sorted((v.to_dict() for v in ledger.variables), key=lambda v: v["id"])
    return json.loads(json.dumps(variables)), json.loads(json.dumps([f.to_dict() for f in ledger.findings]))


def _as_stored(store: Store) -> tuple[list, list]:
    return sorted(read_variables(store), key=lambda v: v["id"]), read_findings(store)


def _ingest_one_folder_at_a_time(store: Store, nlp, folders: list[Path]) -> list:
    refreshes = []
    for folder in folders:
        ingest(store, [str(folder)], nlp=nlp)
        refreshes.append(refresh_ledger(store))
    return refreshes


def test_a_refresh_reads_only_what_changed_and_ends_where_a_full_recompute_ends(store, nlp, examples):
    """The example corpus, one format at a time: each refresh reads the new documents (and those whose
    reading they moved), recomputes the families they touch, and leaves the ledger a full one would."""
    folders = sorted(p for p in examples.iterdir() if p.is_dir())
    refreshes = _ingest_one_folder_at_a_time(store, nlp, folders)
    documents = list(iter_documents(store))
    assert _as_stored(store) == _as_held(crosscheck(documents))

    whole = refresh_ledger(store, force=True)
    assert whole.documents_read == len({d.doc_id for d in documents})
    for refresh in refreshes[1:]:
        assert 0 < refresh.documents_read < whole.documents_read and 0 < refresh.families < whole.families
    assert _as_stored(store) == _as_held(crosscheck(documents))


SURNAME_ONLY = (
    "Shelling hits border villages\n\n"
    "Marchenko said on Monday that 40 soldiers had been killed near Vovchansk since the start of the month.\n"
)
FULL_NAME = (
    "Drones downed overnight\n\n"
    "Viktor Marchenko, the regional governor, said on Tuesday that 12 drones were shot down over Kharkiv.\n"
)


def test_a_new_document_that_names_a_speaker_in_full_has_the_older_reading_read_again(store, nlp, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "surname.txt").write_text(SURNAME_ONLY)
    (second / "full.txt").write_text(FULL_NAME)
    before, after = _ingest_one_folder_at_a_time(store, nlp, [first, second])

    assert before.documents_read == 1
    assert after.documents_read == 2  # the new one, and the one whose "Marchenko" is now Viktor Marchenko
    sources = {v["source"] for variable in read_variables(store) for v in variable["values"][0]["reports"]}
    assert sources == {"viktor-marchenko"}
    assert _as_stored(store) == _as_held(crosscheck(list(iter_documents(store))))


def test_a_document_replaced_by_its_new_version_leaves_the_ledger_with_it(store, nlp, tmp_path):
    (tmp_path / "report.txt").write_text(SURNAME_ONLY)
    ingest(store, [str(tmp_path)], nlp=nlp)
    refresh_ledger(store)
    (tmp_path / "report.txt").write_text(SURNAME_ONLY.replace("40 soldiers", "45 soldiers"))
    ingest(store, [str(tmp_path)], nlp=nlp)
    refresh = refresh_ledger(store)

    assert refresh.documents_read == 1
    values = [value["value"] for variable in read_variables(store) for value in variable["values"]]
    assert values == [45]
    assert _as_stored(store) == _as_held(crosscheck(list(iter_documents(store))))
