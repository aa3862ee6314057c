"""Fetching a URL: http and https only, with a timeout, a size cap and a redirect cap."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import SkipInput, SkipReason
from ..settings import Settings


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str | None  # the media type the server declared, without parameters
    charset: str | None


def is_url(source: str) -> bool:
    """Anything with a scheme and a host is taken for a URL (and refused unless http or https)."""
    parts = urlsplit(source)
    return bool(parts.scheme and parts.netloc) and len(parts.scheme) > 1


def fetch(url: str, settings: Settings) -> Fetched:
    """Download ``url`` into memory, refusing bodies larger than ``settings.max_input_bytes``."""
    if urlsplit(url).scheme.lower() not in {"http", "https"}:
        raise SkipInput(url, SkipReason.UNSUPPORTED_URL, "only http and https URLs can be fetched")
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8"}
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
            if response.status_code >= 400:
                raise SkipInput(url, SkipReason.FETCH_FAILED, f"the server answered HTTP {response.status_code}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > settings.max_input_bytes:
                raise _too_large(url, settings)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > settings.max_input_bytes:
                    raise _too_large(url, settings)
            media_type, _, params = response.headers.get("content-type", "").partition(";")
            charset = params.partition("charset=")[2].strip(" \"'") or None
            return Fetched(str(response.url), bytes(body), media_type.strip().lower() or None, charset)
    except httpx.TooManyRedirects:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"more than {settings.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"no answer within {settings.fetch_timeout:g} s") from None
    except httpx.ConnectError as error:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"unreachable ({_reason(error)})") from None
    except httpx.HTTPError as error:
        raise SkipInput(url, SkipReason.FETCH_FAILED, f"fetch failed ({_reason(error)})") from None


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.split("] ", 1)[-1]  # "[Errno 111] Connection refused" -> "Connection refused"


def _too_large(url: str, settings: Settings) -> SkipInput:
    limit = settings.max_input_bytes / 2**20
    return SkipInput(url, SkipReason.TOO_LARGE, f"response larger than the {limit:g} MB limit; raise it with --max-bytes")
