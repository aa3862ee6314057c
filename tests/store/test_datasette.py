"""`datasette corroborator.db` shows the store as it is: views answer, and the shipped metadata fits."""

from __future__ import annotations

import asyncio
import json
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import inspect

from corroborator.store import Store, ingest

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
            answers.append(response.json())
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
