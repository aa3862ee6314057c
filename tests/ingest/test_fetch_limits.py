"""Fetches that would hang, lie or reach inside the network, against real servers on 127.0.0.1.

Each path of the server below is one way a server misbehaves: it trickles a
byte at a time, sends more or less than its Content-Length, wants a password,
or redirects to an address inside the network.
"""

from __future__ import annotations

import base64
import contextlib
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from corroborator.errors import SkipInput, SkipReason
from corroborator.ingest import read_input, web
from corroborator.pipeline import process
from corroborator.records import Document, RawDocument
from corroborator.settings import Settings

pytestmark = pytest.mark.network

PARAGRAPH = "Two ferries carrying aid reached the island harbour at dawn, the port authority said on Friday."
PAGE = f"<html><head><title>Ferries reach island</title></head><body><p>{PARAGRAPH}</p></body></html>".encode()
USER, PASSWORD = "reader", "s3cret-word"
#: A site that only the test server, as a proxy, knows.
PROXIED = "http://news.invalid"
#: Ends the handlers that trickle or hold a connection, when the module's tests are done.
STOP = threading.Event()


class Misbehaving(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path.removeprefix(PROXIED)  # asked as a proxy is asked: the whole URL
        handler = getattr(self, "route_" + path.strip("/").replace("-", "_"), None)
        if handler is None:
            return self.send_error(404)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up: what the test wants
            handler()

    def head(self, length: int | None, status: int = 200, **headers: str):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if length is not None:
            self.send_header("Content-Length", str(length))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()

    def route_page(self):
        self.head(len(PAGE))
        self.wfile.write(PAGE)

    def route_trickle(self):  # a byte at a time, each well within the per-read timeout
        self.head(len(PAGE))
        for byte in PAGE:
            if STOP.wait(0.05):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def route_trickle_headers(self):  # headers that never end
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        while not STOP.wait(0.05):
            self.wfile.write(b"X")
            self.wfile.flush()

    def route_less_then_hold(self):  # declares more than it sends, and keeps the connection open
        self.head(len(PAGE) + 5000)
        self.wfile.write(PAGE)
        self.wfile.flush()
        STOP.wait(30)

    def route_less_then_close(self):  # declares more than it sends, and closes
        self.head(len(PAGE) + 5000)
        self.wfile.write(PAGE)
        self.close_connection = True

    def route_more_than_declared(self):  # declares 1,000 bytes and sends 5 MB
        self.head(1000, Connection="close")
        self.wfile.write(b"<p>" + b"a" * (5 << 20) + b"</p>")
        self.close_connection = True

    def route_auth(self):
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            return self.head(0, status=401, WWW_Authenticate='Basic realm="news"')
        self.route_page()

    def route_to_metadata(self):  # where cloud machines keep their credentials
        self.head(0, status=302, Location="http://169.254.169.254/latest/meta-data/")

    def route_to_loopback(self):
        port = self.connection.getsockname()[1]
        self.head(0, status=302, Location=f"http://127.0.0.2:{port}/page")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    STOP.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def read(url: str, **settings: object) -> list[RawDocument | SkipInput]:
    return list(read_input(url, Settings(**settings)))  # type: ignore[arg-type]


def only_skip(url: str, **settings: object) -> SkipInput:
    (skip,) = read(url, **settings)
    assert isinstance(skip, SkipInput), skip
    return skip


# A deadline for the whole fetch, beside the per-read timeout.


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers", "/less-then-hold"])
def test_a_fetch_past_its_deadline_is_skipped(server, path):
    started = time.monotonic()

    skip = only_skip(server + path, fetch_deadline=1.0, fetch_timeout=10.0)

    assert (skip.reason, skip.message) == (
        SkipReason.FETCH_FAILED,
        "not fetched within 1 s; raise the limit with --fetch-deadline",
    )
    assert time.monotonic() - started < 8  # the per-read timeout (10 s) never came into it


def test_a_slow_page_within_its_deadline_is_read(server):
    (raw,) = read(server + "/trickle", fetch_deadline=60.0)

    assert isinstance(raw, RawDocument) and raw.data == PAGE


# Truncation detected: a body that ends before or goes on past its Content-Length.


def test_a_body_shorter_than_declared_is_skipped_as_truncated(server):
    skip = only_skip(server + "/less-then-close")

    assert (skip.reason, skip.message) == (SkipReason.FETCH_FAILED, "truncated: the server sent less than it declared")


def test_a_body_longer_than_declared_is_skipped_as_truncated_not_read_in_part(server):
    skip = only_skip(server + "/more-than-declared")

    assert (skip.reason, skip.message) == (
        SkipReason.FETCH_FAILED,
        "truncated: the server sent more than the 1000 bytes it declared",
    )


# Credentials in a URL are used for the fetch, and never stored or printed.


def test_credentials_are_used_and_never_kept(server):
    host = server.removeprefix("http://")
    url = f"http://{USER}:{PASSWORD}@{host}/auth"

    (document,) = process([url])

    assert isinstance(document, Document) and PARAGRAPH in document.text
    assert (document.input, document.metadata.url) == (f"{server}/auth", f"{server}/auth")
    assert PASSWORD not in repr(document) and USER not in repr(document)


def test_a_skipped_url_is_named_without_its_credentials(server):
    host = server.removeprefix("http://")

    skip = only_skip(f"http://{USER}:{PASSWORD}@{host}/absent")

    assert skip.input == f"{server}/absent" and PASSWORD not in str(skip)


def test_without_credentials_leaves_other_urls_alone():
    assert web.without_credentials("https://a:b@example.org:8080/p?q=1#f") == "https://example.org:8080/p?q=1#f"
    assert web.without_credentials("https://example.org/p@q") == "https://example.org/p@q"


# Private addresses: refused after resolution where the setting is on (a server), followed where it is off (the CLI).


def private_urls(server: str) -> list[str]:
    port = server.rpartition(":")[2]
    return [
        f"http://127.0.0.1:{port}/page",
        f"http://127.1:{port}/page",
        f"http://2130706433:{port}/page",
        f"http://[::ffff:127.0.0.1]:{port}/page",
        f"http://localhost:{port}/page",
    ]


def test_private_addresses_are_refused_when_the_setting_is_on(server):
    for url in private_urls(server):
        skip = only_skip(url, refuse_private_addresses=True)
        assert skip.reason is SkipReason.UNSUPPORTED_URL and "private, loopback or link-local" in skip.message, url


def test_private_addresses_are_fetched_from_the_cli_by_default(server):
    for url in private_urls(server)[:3]:  # ::ffff:127.0.0.1 needs an IPv6 socket; localhost may too
        (raw,) = read(url)
        assert isinstance(raw, RawDocument), url


@pytest.mark.parametrize("path", ["/to-metadata", "/to-loopback"])
def test_every_redirect_hop_is_checked(server, path, monkeypatch):
    # The test server stands for the internet: its own address counts as public, no other does.
    monkeypatch.setattr(web, "_is_public", lambda address: address == "127.0.0.1")

    skip = only_skip(server + path, refuse_private_addresses=True)

    assert skip.reason is SkipReason.UNSUPPORTED_URL and "private, loopback or link-local" in skip.message
    assert skip.input == server + path


def test_public_addresses_pass_the_check():
    assert web._is_public("93.184.216.34") and web._is_public("2606:2800:220:1:248:1893:25c8:1946")
    for address in ("10.0.0.1", "192.168.1.1", "169.254.169.254", "::1", "fe80::1%eth0", "::ffff:10.1.1.1", "0.0.0.0"):
        assert not web._is_public(address), address


# A proxy the environment names is used, except where private addresses are refused.


def test_a_proxy_from_the_environment_is_used(server, monkeypatch):
    monkeypatch.setenv("http_proxy", server)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)

    (raw,) = read(f"{PROXIED}/page")

    assert isinstance(raw, RawDocument) and raw.data == PAGE


def test_a_proxy_from_the_environment_is_not_used_where_private_addresses_are_refused(server, monkeypatch):
    monkeypatch.setenv("http_proxy", server)

    skip = only_skip(f"{PROXIED}/page", refuse_private_addresses=True)

    assert skip.reason is SkipReason.FETCH_FAILED and skip.message.startswith("unreachable (news.invalid: ")


# The deadline from the command line and the environment.


def test_the_deadline_is_a_cli_option_and_an_environment_variable(server, cli, monkeypatch):
    result = cli("extract", server + "/trickle", "--fetch-deadline", "1", "--quiet")
    assert result.code == 1
    assert "not fetched within 1 s; raise the limit with --fetch-deadline (fetch-failed)" in result.stderr

    monkeypatch.setenv("CORROBORATOR_FETCH_DEADLINE", "1.5")
    result = cli("extract", server + "/trickle", "--quiet")
    assert "not fetched within 1.5 s" in result.stderr

    result = cli("extract", server + "/page", "--fetch-deadline", "soon")
    assert (result.code, result.stderr.strip()) == (2, "error: not a number of seconds: 'soon' (e.g. 60)")


@pytest.fixture
def stored_with_credentials(server, cli, tmp_path):
    """A store that ingested a URL with credentials (and one that failed), and its CSV export."""
    host = server.removeprefix("http://")
    database = tmp_path / "store.db"
    ingested = cli("ingest", f"http://{USER}:{PASSWORD}@{host}/auth", f"http://{USER}:{PASSWORD}@{host}/absent",
                   "--db", database)  # fmt: skip
    exported = cli("export", "-f", "csv", "-o", tmp_path / "csv", "--db", database)
    assert ingested.code == 0 and exported.code == 0
    return database, tmp_path / "csv", ingested.stderr + ingested.stdout + exported.stderr


def tables_holding(database, text: str) -> list[str]:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return [table for table in tables if text in repr(connection.execute(f'SELECT * FROM "{table}"').fetchall())]


def test_credentials_reach_neither_the_stored_documents_nor_the_terminal(server, stored_with_credentials):
    database, exported, printed = stored_with_credentials

    assert f"skipped {server}/absent: the server answered HTTP 404 (fetch-failed)" in printed
    assert PASSWORD not in printed
    assert not [t for t in tables_holding(database, PASSWORD) if t != "runs"]
    assert not [p.name for p in exported.iterdir() if p.name != "runs.csv" and PASSWORD.encode() in p.read_bytes()]


def test_credentials_reach_no_record_of_the_run(stored_with_credentials):
    database, _, _ = stored_with_credentials

    assert tables_holding(database, PASSWORD) == []
