"""Fetching a URL: http and https only, with a timeout, a deadline, a size cap and a redirect cap.

Every byte a fetch reads goes through ``_Guard``, httpcore's network backend
wrapped: each read waits at most the per-read timeout and never past the
whole fetch's deadline (a server that trickles a byte a second, or never ends
its headers, is cut off), and, where ``Settings.refuse_private_addresses`` is
on (a server mode), each connection (so each redirect hop) is made to an
address checked after DNS resolution, never to a private, loopback or
link-local one. Each request asks the server to close the connection after
its response, so the bytes a connection carried past the declared
Content-Length tell a body the server cut short of what it sent.

Credentials in a URL (``http://user:secret@host/page``) are used for the fetch
and nowhere else: the input's name and the document's url are the URL without
them (``without_credentials``).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import time
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

import httpcore
import httpx

from ..errors import SkipInput, SkipReason
from ..settings import Settings
from .files import human_size


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects, without credentials
    data: bytes
    content_type: str | None  # the media type the server declared, without parameters
    charset: str | None


#: ``scheme://``; a one-letter scheme is a Windows drive ("C://data"), not a URL.
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)
#: Where the status line and headers of a response end.
_HEAD_END = b"\r\n\r\n"
_INFORMATIONAL = re.compile(rb"HTTP/\d(?:\.\d)? 1\d\d\b")
#: Headers longer than h11 accepts are refused before this; past it a stream stops looking.
_MAX_HEAD_BYTES = 1 << 17


def is_url(source: str) -> bool:
    """Anything that starts ``scheme://`` is taken for a URL (and refused unless http or https)."""
    return bool(_URL.match(source))


def without_credentials(url: str) -> str:
    """``http://user:secret@host/page`` -> ``http://host/page``: the URL as it may be stored and printed."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def fetch(url: str, settings: Settings) -> Fetched:
    """Download ``url`` into memory, refusing bodies larger than ``settings.max_input_bytes``.

    A ``SkipInput`` names the URL without its credentials.
    """
    name = without_credentials(url)
    parts = _checked(url, name)
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8",
        "Connection": "close",  # one response per connection: see _GuardedStream.carried_more_than
    }
    guard = _Guard(time.monotonic() + settings.fetch_deadline, settings.refuse_private_addresses, name)
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=settings.max_redirects,
                timeout=settings.fetch_timeout,
                headers=headers,
                transport=_transport(guard, parts, settings),
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _read(response, name, settings)
    except SkipInput:
        raise
    except httpx.TooManyRedirects:
        raise SkipInput(name, SkipReason.FETCH_FAILED, f"more than {settings.max_redirects} redirects") from None
    except httpx.TimeoutException:
        if guard.past_deadline():
            raise _past_deadline(name, settings) from None
        raise SkipInput(name, SkipReason.FETCH_FAILED, f"no answer within {settings.fetch_timeout:g} s") from None
    except httpx.ConnectError as error:
        raise SkipInput(name, SkipReason.FETCH_FAILED, f"unreachable ({_reason(error)})") from None
    except httpx.RemoteProtocolError as error:
        if "incomplete" in str(error) or "complete message body" in str(error):
            raise SkipInput(name, SkipReason.FETCH_FAILED, "truncated: the server sent less than it declared") from None
        raise SkipInput(name, SkipReason.FETCH_FAILED, f"fetch failed ({_reason(error)})") from None
    except httpx.HTTPError as error:
        raise SkipInput(name, SkipReason.FETCH_FAILED, f"fetch failed ({_reason(error)})") from None
    except (httpx.InvalidURL, UnicodeError) as error:  # a host IDNA refuses ("xn--.com"), a bad port
        raise SkipInput(name, SkipReason.UNSUPPORTED_URL, f"not a valid URL ({_reason(error)})") from None


def _checked(url: str, name: str) -> SplitResult:
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "http://[::1": an unclosed IPv6 address
        raise SkipInput(name, SkipReason.UNSUPPORTED_URL, f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise SkipInput(name, SkipReason.UNSUPPORTED_URL, "only http and https URLs can be fetched")
    if not parts.hostname:
        raise SkipInput(name, SkipReason.UNSUPPORTED_URL, "not a valid URL (no host)")
    return parts


def _read(response: httpx.Response, name: str, settings: Settings) -> Fetched:
    """The body, read as it streams: the size cap and the deadline hold whatever the headers say."""
    if response.status_code >= 300:  # 3xx here: a redirect with no Location to follow
        raise SkipInput(name, SkipReason.FETCH_FAILED, f"the server answered HTTP {response.status_code}")
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > settings.max_input_bytes:
        raise _too_large(name, settings)
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > settings.max_input_bytes:
            raise _too_large(name, settings)
    stream = response.extensions.get("network_stream")
    if declared.isdigit() and isinstance(stream, _GuardedStream) and stream.carried_more_than(int(declared)):
        raise SkipInput(
            name, SkipReason.FETCH_FAILED, f"truncated: the server sent more than the {declared} bytes it declared"
        )
    media_type, _, params = response.headers.get("content-type", "").partition(";")
    charset = _CHARSET.search(params)
    return Fetched(
        without_credentials(str(response.url)),
        bytes(body),
        media_type.strip().lower() or None,
        charset.group(1) if charset else None,
    )


def _transport(guard: _Guard, parts: SplitResult, settings: Settings) -> httpx.HTTPTransport:
    """httpx's transport, its connection pool made over ``guard``.

    httpx has no argument for a network backend; httpcore's pool has, and the
    transport keeps its pool in ``_pool`` (httpx 0.28, pinned in the lock). A
    proxy the environment names is kept, except where private addresses are
    refused: there the server's own network decides, not a variable.
    """
    transport = httpx.HTTPTransport()
    proxy = None if settings.refuse_private_addresses else _environment_proxy(parts)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        proxy=httpcore.Proxy(proxy) if proxy else None,
        network_backend=guard,
    )
    return transport


def _environment_proxy(parts: SplitResult) -> str | None:
    proxies = urllib.request.getproxies()
    proxy = proxies.get(parts.scheme.lower())
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


class _Guard(httpcore.NetworkBackend):
    """httpcore's own sockets, with the fetch's deadline on every wait and, if asked, only public addresses."""

    def __init__(self, deadline: float, public_only: bool, name: str) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline
        self._public_only = public_only
        self._name = name

    def past_deadline(self) -> bool:
        return time.monotonic() >= self._deadline

    def bounded(self, timeout: float | None) -> float:
        """The wait allowed now: the per-read timeout, cut to what is left of the deadline."""
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("past the fetch's deadline")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = _public_address(host, port, self._name) if self._public_only else host
        stream = self._backend.connect_tcp(address, port, self.bounded(timeout), local_address, socket_options)
        return _GuardedStream(stream, self)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("Unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, max(self._deadline - time.monotonic(), 0)))


class _GuardedStream(httpcore.NetworkStream):
    """One connection's stream: each wait bounded by the deadline, the bytes it carried counted."""

    def __init__(self, stream: httpcore.NetworkStream, guard: _Guard) -> None:
        self._stream = stream
        self._guard = guard
        self._received = 0
        self._head = bytearray()  # the first bytes, until the end of the response's headers
        self._head_size: int | None = None

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = self._stream.read(max_bytes, self._guard.bounded(timeout))
        self._received += len(data)
        if self._head_size is None and len(self._head) < _MAX_HEAD_BYTES:
            self._head += data
            self._head_size = _head_size(self._head)
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._guard.bounded(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        secure = self._stream.start_tls(ssl_context, server_hostname, self._guard.bounded(timeout))
        return _GuardedStream(secure, self._guard)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)

    def carried_more_than(self, declared: int) -> bool:
        """Did the connection carry bytes past a body of ``declared`` bytes?

        The connection held one response (``Connection: close``), so what came past
        its headers and ``declared`` bytes of body is more body than the server
        declared: what is read is the start of something longer. Bytes still
        waiting in the socket are looked at too, without waiting for more.
        """
        if self._head_size is None:
            return False
        if self._received > self._head_size + declared:
            return True
        sock = self._stream.get_extra_info("socket")
        if not isinstance(sock, socket.socket):
            return False
        try:
            return bool(sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT))
        except (BlockingIOError, InterruptedError, OSError):
            return False


def _head_size(received: bytes | bytearray) -> int | None:
    """Where the response's status line and headers end in the bytes received, once they have.

    Informational responses (``100 Continue``) come before the response itself and are passed over.
    """
    start = 0
    while (end := received.find(_HEAD_END, start)) >= 0:
        if not _INFORMATIONAL.match(received, start):
            return end + len(_HEAD_END)
        start = end + len(_HEAD_END)
    return None


def _public_address(host: str, port: int, name: str) -> str:
    """The first address ``host`` resolves to, when every address it resolves to is public.

    Checked after resolution, and connected to by address, so that a name that
    resolves to a private address (or a second resolution that changes its answer)
    cannot lead the fetch inside the network. ``127.1``, ``2130706433`` and
    ``::ffff:127.0.0.1`` are resolved like any name, and refused.
    """
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise httpcore.ConnectError(f"{host}: {getattr(error, 'strerror', None) or error}") from None
    addresses = [str(info[4][0]) for info in found]
    for address in addresses:
        if not _is_public(address):
            raise SkipInput(
                name, SkipReason.UNSUPPORTED_URL, f"refused: {host} is a private, loopback or link-local address"
            )
    if not addresses:
        raise httpcore.ConnectError(f"{host}: no address")
    return addresses[0]


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is not part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.split("] ", 1)[-1]  # "[Errno 111] Connection refused" -> "Connection refused"


def _too_large(name: str, settings: Settings) -> SkipInput:
    limit = human_size(settings.max_input_bytes)
    return SkipInput(name, SkipReason.TOO_LARGE, f"response larger than the {limit} limit; raise it with --max-bytes")


def _past_deadline(name: str, settings: Settings) -> SkipInput:
    return SkipInput(
        name,
        SkipReason.FETCH_FAILED,
        f"not fetched within {settings.fetch_deadline:g} s; raise the limit with --fetch-deadline",
    )
