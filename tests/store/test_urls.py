"""URLs: stored as fetched, unchanged pages skipped after the fetch, and reprocessed without fetching again."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from corroborator.pipeline import storing as storing_module
from corroborator.pipeline.storing import ingest, reprocess
from corroborator.store import iter_documents
from corroborator.store.schema import inputs

pytestmark = pytest.mark.network

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Drones downed overnight</title></head>
<body><article><h1>Drones downed overnight</h1>
<p>Air defence units shot down 40 of the 52 drones launched overnight, the air force said on Tuesday.</p>
<p>Debris damaged two houses in the region, the governor said in a statement.</p></article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.requests += 1  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.requests = 0  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_stored_checked_by_hash_and_reprocessed_without_fetching(store, nlp, server, monkeypatch):
    url = f"http://127.0.0.1:{server.server_port}/news/drones"
    assert ingest(store, [url], nlp=nlp).added == 1
    (document,) = iter_documents(store)
    assert (document.input, document.metadata.title, document.metadata.url) == (url, "Drones downed overnight", url)
    with store.engine.connect() as connection:
        stored = connection.execute(select(inputs.c.media_type, inputs.c.charset, inputs.c.url)).one()
    assert tuple(stored) == ("text/html", "utf-8", url)

    again = ingest(store, [url], nlp=nlp)
    assert (again.inputs_unchanged, again.added) == (1, 0) and server.requests == 2

    monkeypatch.setattr(storing_module, "extractor_version", lambda model: "a newer extractor")
    assert reprocess(store, nlp=nlp).updated == 1
    assert server.requests == 2
    assert [d.to_dict() for d in iter_documents(store)] == [document.to_dict()]
