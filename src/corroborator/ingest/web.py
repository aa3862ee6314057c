"""Fetching a URL: http and https only, with a timeout, a size cap and a redirect cap."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import SkipInput, SkipReason
from ..settings import Settings
from .files import human_size


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str | None  # the media type the server declared, without parameters
    charset: str | None


#: ``scheme://``; a one-letter scheme is a Windows drive ("C://data"), not a URL.
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


def is_url(source: str) -> bool:
    """Anything that starts ``scheme://`` is taken for a URL (and refused unless http or https)."""
    return bool(_URL.match(source))


def fetch(url: str, settings: Settings) -> Fetched:
    """Download ``url`` into memory, refusing bodies larger than ``settings.max_input_bytes``."""
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "http://[::1": an unclosed IPv6 address
        raise SkipInput(url, SkipReason.UNSUPPORTED_URL, f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise SkipInput(url, SkipReason.UNSUPPORTED_URL, "only http and https URLs can be fetched")
    if not parts.hostname:
        raise SkipInput(url, SkipReason.UNSUPPORTED_URL, "not a valid URL (no host)")
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8",
    }
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=settings.max_redirects,
                timeout=settings.fetch_timeout,
                headers=headers,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 300:  # 3xx here: a redirect with no Location to follow
                raise SkipInput(url, SkipReason.FETCH_FAILED, f"the server answered HTTP {response.status_code}")
            declared = response.headers.get("content-length", "").strip()
            if declared.isdigit() and int(declared) > settings.max_input_bytes:
                raise _too_large(url, settings)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > settings.max_input_bytes:
                    raise _too_large(url, settings)
            media_type, _, params = response.headers.get("content-type", "").partition(";")
            charset = _CHARSET.search(params)
            return Fetched(
                str(response.url),
                bytes(body),
                media_type.strip().lower() or None,
                charset.group(1) if charset else None,
            )
    except httpx.TooManyRedirects:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"more than {settings.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"no answer within {settings.fetch_timeout:g} s") from None
    except httpx.ConnectError as error:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"unreachable ({_reason(error)})") from None
    except httpx.HTTPError as error:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"fetch failed ({_reason(error)})") from None
    except (httpx.InvalidURL, UnicodeError) as error:  # a host IDNA refuses ("xn--.com"), a bad port
        raise SkipInput(url, SkipReason.UNSUPPORTED_URL, f"not a valid URL ({_reason(error)})") from None


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.split("] ", 1)[-1]  # "[Errno 111] Connection refused" -> "Connection refused"


def _too_large(url: str, settings: Settings) -> SkipInput:
    limit = human_size(settings.max_input_bytes)
    return SkipInput(url, SkipReason.TOO_LARGE, f"response larger than the {limit} limit; raise it with --max-bytes")
