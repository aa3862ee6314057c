"""`datasette corroborator.db` shows the store as it is: views answer, and the shipped metadata fits."""

from __future__ import annotations

import asyncio
import json
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from corroborator.pipeline.storing import ingest
from corroborator.store import Store, search

METADATA = json.loads(resources.files("corroborator").joinpath("data/datasette-metadata.json").read_text())


@pytest.fixture
def database(filled_stores) -> Path:
    return Path(filled_stores("sqlite").url.database)


def _get(database: Path, *paths: str) -> list:
    from datasette.app import Datasette

    async def fetch() -> list:
        datasette = Datasette([str(database)], metadata=METADATA)
        await datasette.invoke_startup()
        answers = []
        for path in paths:
            response = await datasette.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            answers.append(response.json() if ".json" in path else response.text)
        return answers

    return asyncio.run(fetch())


def test_datasette_opens_the_store_and_shows_the_views(database):
    claims, figures, documents, database_page, found = _get(
        database,
        "/corroborator/claims_view.json?_shape=objects&_size=5",
        "/corroborator/figures_view.json?_shape=objects&_facet=measure",
        "/corroborator/documents_view.json?_shape=objects",
        "/corroborator.json",
        "/corroborator/search.json?_search=Kursk&_shape=objects",
    )
    assert claims["rows"] and claims["rows"][0]["source_name"] and claims["rows"][0]["document_title"]
    assert {"subject_entity", "measure", "location_entity", "modality"} <= set(figures["columns"])
    assert figures["facet_results"]["measure"]["results"]
    assert len(documents["rows"]) == 22
    tables = {t["name"]: t for t in database_page["tables"]}
    assert tables["search"]["fts_table"] == "search_fts"
    assert tables["blobs"]["hidden"]
    assert found["rows"]


def test_the_metadata_names_only_tables_views_and_columns_that_exist(tmp_path):
    with Store.open(str(tmp_path / "corroborator.db")) as store, store.engine.connect() as connection:
        found = inspect(connection)
        columns = {name: {c["name"] for c in found.get_columns(name)} for name in found.get_table_names()}
        columns |= {name: {c["name"] for c in found.get_columns(name)} for name in found.get_view_names()}
    for name, table in METADATA["databases"]["corroborator"]["tables"].items():
        assert name in columns, name
        named = set(table.get("facets", [])) | set(table.get("columns", {}))
        named |= {table[key] for key in ("label_column", "sort_desc", "sort") if key in table}
        assert named <= columns[name], (name, named - columns[name])


def test_datasette_opens_a_store_no_process_holds(tmp_path, nlp):
    """As after ``make demo``: the writer has exited, the WAL is folded back, Datasette opens the file alone."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(
        "Kyiv says 40 drones downed\n\nThe air force said on Tuesday that 40 of 52 drones were shot down.\n"
    )
    database = tmp_path / "corroborator.db"
    with Store.open(str(database)) as store:
        ingest(store, [str(tmp_path / "in")], nlp=nlp)
    (documents,) = _get(database, "/corroborator/documents_view.json?_shape=objects")
    assert [row["title"] for row in documents["rows"]] == ["Kyiv says 40 drones downed"]


# Written for these tests: an unnamed source, a whole number, an untitled record with authors and tags.
SPOKESPERSON = (
    "Troops moved south\n\n"
    "A State Department spokesperson said that about 3,000 soldiers had been moved to the Zatoka area.\n"
)
UNTITLED = {
    "text": "Air defence units shot down eleven drones over the port overnight, the navy reported on its channel.",
    "outlet": "Coastal Monitor",
    "authors": ["Iryna Koval", "Petro Lys"],
    "tags": ["drones", "air defence"],
}
UNTITLED_TITLE = "Air defence units shot down eleven drones over the port… — Coastal Monitor"


def _fill(store: Store, nlp, folder: Path) -> None:
    folder.mkdir()
    (folder / "spokesperson.txt").write_text(SPOKESPERSON, encoding="utf-8")
    (folder / "batch.jsonl").write_text(json.dumps(UNTITLED) + "\n", encoding="utf-8")
    ingest(store, [str(folder)], nlp=nlp)


def _as_list(value):
    return json.loads(value) if isinstance(value, str) else value


def test_the_views_read_well_on_both_engines(store, nlp, tmp_path):
    _fill(store, nlp, tmp_path / "in")
    with store.engine.connect() as connection:
        (figure,) = connection.execute(text("SELECT * FROM figures_view WHERE text = 'about 3,000'")).mappings().all()
        documents = connection.execute(text("SELECT * FROM documents_view ORDER BY id")).mappings().all()
        (claim,) = connection.execute(text("SELECT * FROM claims_view WHERE outlet IS NULL")).mappings().all()
    # A spokesperson speaks for the body named beside it: the source is the State Department.
    assert figure["source_name"] == claim["source_name"] == "U.S. Department of State"
    assert figure["source_kind"] == "government" and figure["text"] == "about 3,000"
    assert [str(figure[k]) for k in ("value", "low", "high")] == ["3000", "3000", "3000"]
    untitled = next(row for row in documents if row["outlet"] == "Coastal Monitor")
    assert untitled["title"] == UNTITLED_TITLE
    assert _as_list(untitled["authors"]) == ["Iryna Koval", "Petro Lys"]
    assert _as_list(untitled["tags"]) == ["drones", "air defence"]
    titled = next(row for row in documents if row["outlet"] != "Coastal Monitor")
    assert titled["title"] == "Troops moved south" and _as_list(titled["authors"]) == []


def test_datasette_shows_the_views_first_and_readable(tmp_path, nlp):
    database = tmp_path / "corroborator.db"
    with Store.open(str(database)) as store:
        _fill(store, nlp, tmp_path / "in")
    index, page, figures, documents = _get(
        database,
        "/",
        "/corroborator",
        "/corroborator/figures_view.json?_shape=objects",
        "/corroborator/documents_view.json?_shape=objects&_json=authors&_json=tags",
    )
    views = ("claims_view", "figures_view", "documents_view", "entities_view", "sources_view")
    for view in views:
        assert f'href="/corroborator/{view}"' in index
        assert page.index(f'href="/corroborator/{view}"') < page.index('<h2 id="tables">')
    assert page.index('href="/corroborator/ranked_search"') < page.index('<h2 id="tables">')
    (figure,) = [row for row in figures["rows"] if row["text"] == "about 3,000"]
    assert figure["source_name"] == "U.S. Department of State"  # the body its spokesperson speaks for
    assert (figure["value"], figure["low"], figure["high"]) == (3000, 3000, 3000)
    assert all(isinstance(figure[k], int) for k in ("value", "low", "high"))
    untitled = next(row for row in documents["rows"] if row["outlet"] == "Coastal Monitor")
    assert untitled["title"] == UNTITLED_TITLE
    assert untitled["authors"] == ["Iryna Koval", "Petro Lys"] and untitled["tags"] == ["drones", "air defence"]


def test_datasette_ranked_search_is_in_the_order_of_corroborator_search(database, filled_stores):
    (ranked, empty, unbalanced) = _get(
        database,
        "/corroborator/ranked_search.json?q=Blinken+Kursk&_shape=objects",
        "/corroborator/ranked_search.json?q=&_shape=objects",
        "/corroborator/ranked_search.json?q=%22NEAR%28+*&_shape=objects",
    )
    rows = ranked["rows"]
    assert rows and [row["rank"] for row in rows] == sorted((row["rank"] for row in rows), reverse=True)
    hits = search(filled_stores("sqlite"), "Blinken Kursk", limit=100)
    assert [(row["kind"], row["document_id"], row["item"]) for row in rows] == [
        (hit.kind, hit.document_id, hit.item) for hit in hits
    ]
    assert [row["snippet"] for row in rows] == [hit.snippet for hit in hits]
    assert empty["rows"] == [] and "rows" in unbalanced  # Datasette's quoting: no FTS5 syntax error


def test_datasette_shows_the_ledger_views(filled_stores):
    from corroborator.pipeline.ledger import refresh_ledger

    store = filled_stores("sqlite")
    refresh_ledger(store, force=True)
    index, findings, variables, values = _get(
        Path(store.url.database),
        "/",
        "/corroborator/findings_view.json?_shape=objects&_facet=kind",
        "/corroborator/variables_view.json?_shape=objects&_facet=measure",
        "/corroborator/values_view.json?_shape=objects&_facet=grade",
    )
    assert 'href="/corroborator/findings_view"' in index and 'href="/corroborator/variables_view"' in index
    kinds = {row["value"] for row in findings["facet_results"]["kind"]["results"]}
    assert {"disagreement", "part_exceeds_whole"} <= kinds
    kursk = next(
        row for row in variables["rows"] if row["variable"] == "north-korea|present|kursk-oblast|people|actual"
    )
    assert isinstance(kursk["low"], int) and kursk["place"] == "Kursk Oblast"
    assert {row["value"] for row in values["facet_results"]["grade"]["results"]} <= {
        "confirmed",
        "fair",
        "weak",
        "contested",
    }
