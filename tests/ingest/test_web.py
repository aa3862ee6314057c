"""URLs, fetched from a real HTTP server on 127.0.0.1: pages read, limits kept, failures skipped."""

from __future__ import annotations

import gzip
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from corroborator.pipeline import process
from corroborator.records import Document

pytestmark = pytest.mark.network

PARAGRAPH = "Air defence units shot down 40 of the 52 drones launched overnight, the air force said on Tuesday."
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Drones downed overnight</title></head>
<body><article><h1>Drones downed overnight</h1><p>{PARAGRAPH}</p>
<p>Debris damaged two houses in the region, the governor said in a statement.</p></article></body></html>"""
FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>w-1</guid><title>Drones</title><description>{PARAGRAPH}</description></item></channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    """Each path is one case; see ROUTES."""

    def do_GET(self):
        redirect = re.fullmatch(r"/redirect/(\d+)", self.path)
        if redirect:
            hops = int(redirect.group(1))
            return self.answer(302, b"", location="/page" if hops == 1 else f"/redirect/{hops - 1}")
        route = ROUTES.get(self.path)
        if route is None:
            return self.answer(404, b"not here", "text/plain")
        status, body, content_type, length = route
        self.answer(status, body, content_type, length=length)

    def answer(self, status, body, content_type="text/html", location=None, length=True):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if location:
            self.send_header("Location", location)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output quiet
        pass


GREEK = "ΠΟΛΕΜΟΣ ΣΤΗΝ ΟΥΚΡΑΝΙΑ"
BIG = b"<p>" + b"x" * 200_000 + b"</p>"
ROUTES = {
    "/page": (200, PAGE.encode(), "text/html; charset=utf-8", True),
    "/page-as-text": (200, PAGE.encode(), "text/plain", True),
    "/feed": (200, FEED.encode(), "application/rss+xml", True),
    "/big": (200, BIG, "text/html", True),
    "/big-unannounced": (200, BIG, "text/html", False),  # no Content-Length: the body itself is counted
    # Greek capitals read as well in cp1251 as in cp1253: only the header can tell.
    "/greek": (200, GREEK.encode("cp1253"), 'text/plain; Charset="windows-1253"; format=flowed', True),
    "/story.txt.gz": (200, gzip.compress(PARAGRAPH.encode()), "application/gzip", True),
    "/lost-redirect": (302, b"", "text/html", True),
    "/empty": (200, b"", "text/html", True),
    "/server-error": (500, b"oops", "text/plain", True),
}


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the with block ends: nothing listens there


def test_html_page_is_fetched_and_extracted(server):
    url = f"{server}/page"

    (document,) = process([url])

    assert isinstance(document, Document)
    assert document.input == url
    assert PARAGRAPH in document.text
    assert document.metadata.title == "Drones downed overnight"


def test_fetched_page_keeps_its_url(server, ingest):
    (raw,) = ingest(f"{server}/page").documents

    assert (raw.key, raw.hints.url, raw.media_type) == (f"{server}/page", f"{server}/page", "text/html")


def test_html_served_as_text_plain_is_read_as_html(server, ingest):
    (raw,) = ingest(f"{server}/page-as-text").documents

    assert raw.media_type == "text/html"


def test_feed_url_gives_one_document_per_item(server, ingest):
    assert ingest(f"{server}/feed").keys == [f"{server}/feed#w-1"]


def test_redirects_up_to_the_cap_are_followed(server, ingest):
    (raw,) = ingest(f"{server}/redirect/5").documents

    assert raw.key == f"{server}/redirect/5"
    assert raw.hints.url == f"{server}/page"


def test_redirect_chain_longer_than_the_cap_is_refused(server, ingest):
    result = ingest(f"{server}/redirect/6")

    assert result.documents == []
    (skip,) = result.skipped
    assert (skip.input, skip.reason) == (f"{server}/redirect/6", "fetch-failed")
    assert "more than 5 redirects" in skip.message


def test_redirect_without_a_location_is_refused(server, ingest):
    assert ingest(f"{server}/lost-redirect").reasons == {f"{server}/lost-redirect": "fetch-failed"}


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_body_larger_than_the_limit_is_refused(server, ingest, path):
    result = ingest(f"{server}{path}", max_bytes=100_000)

    assert result.documents == []
    assert result.reasons == {f"{server}{path}": "too-large"}


def test_body_under_a_raised_limit_is_read(server, ingest):
    assert ingest(f"{server}/big", max_bytes=300_000).keys == [f"{server}/big"]


@pytest.mark.parametrize(("path", "status"), [("/missing", "404"), ("/server-error", "500")])
def test_error_status_is_refused(server, ingest, path, status):
    (skip,) = ingest(f"{server}{path}").skipped

    assert (skip.input, skip.reason) == (f"{server}{path}", "fetch-failed")
    assert f"HTTP {status}" in skip.message


def test_empty_body_is_empty(server, ingest):
    assert ingest(f"{server}/empty").reasons == {f"{server}/empty": "empty"}


def test_charset_from_the_header_is_used(server, ingest):
    (raw,) = ingest(f"{server}/greek").documents

    assert raw.text() == GREEK


def test_gzip_file_served_as_bytes_is_unpacked(server, ingest):
    (raw,) = ingest(f"{server}/story.txt.gz").documents

    assert raw.text() == PARAGRAPH
    assert raw.key == f"{server}/story.txt"


def test_unreachable_url_is_skipped_as_fetch_failed(closed_port, ingest):
    url = f"http://127.0.0.1:{closed_port}/page"

    (skip,) = ingest(url).skipped

    assert (skip.input, skip.reason) == (url, "fetch-failed")
    assert "unreachable" in skip.message


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file.txt", "file:///etc/hostname", "gopher://127.0.0.1/x"])
def test_other_schemes_are_refused(ingest, url):
    assert ingest(url).reasons == {url: "unsupported-url"}


@pytest.mark.parametrize("url", ["http://[::1", "http://xn--.example/", "http:///no-host"])
def test_invalid_url_is_skipped_not_a_crash(ingest, url):
    assert ingest(url).reasons == {url: "unsupported-url"}
