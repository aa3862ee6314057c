"""What a stored document was made by, and what its raw bytes are: the two identities the store compares.

``extractor_version`` names the extractor (package, model, and a digest of the
code and data that turn bytes into records); a stored document whose extractor
differs from the running one is stale. ``raw_hash`` names a raw document (its
bytes and its reader's hints); the same key with the same hash is the same content.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import metadata as package_metadata
from pathlib import Path

from ..records import RawDocument
from ..settings import EXTRACTOR_ENV, PACKAGE_DIR, from_environment
from .rows import dumps

#: What the extractor's identity is made of, beside the version and the model:
#: the code and data that turn bytes into records. Any change to them changes
#: what a document would get, so stored documents become stale for ``reprocess``.
_EXTRACTION_CODE = ("ingest", "clean", "analyze", "extract", "dates.py", "records.py", "data/lexicon", "data/gazetteer")


#: The installed distribution whose version is part of the identity (read from its
#: metadata: importing the package root would import every stage).
PACKAGE = "corroborator"


def extractor_version(model: str) -> str:
    """The identity of what extraction produces: package version, model and its version, code digest."""
    if pinned := from_environment(EXTRACTOR_ENV):
        return pinned
    return f"corroborator {_model_version(PACKAGE)}; {model} {_model_version(model)}; code {_code_digest()}"


@lru_cache(maxsize=8)
def _model_version(model: str) -> str:
    try:
        return package_metadata.version(model)
    except package_metadata.PackageNotFoundError:
        meta = Path(model) / "meta.json"
        if meta.is_file():
            return str(json.loads(meta.read_text(encoding="utf-8")).get("version", "?"))
        return "?"


#: What the cross-check's identity is made of: its code, the parties' data and the gazetteer it reads.
_CROSSCHECK_CODE = ("crosscheck", "data/crosscheck", "data/gazetteer", "records.py")


def crosscheck_version() -> str:
    """The identity of what the cross-check computes: a ledger from another one is stale, its documents are not."""
    return f"corroborator {_model_version(PACKAGE)}; crosscheck {_code_digest(_CROSSCHECK_CODE)}"


@lru_cache(maxsize=4)
def _code_digest(parts: tuple[str, ...] = _EXTRACTION_CODE) -> str:
    package = PACKAGE_DIR
    digest = hashlib.sha256()
    for part in parts:
        path = package / part
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if file.suffix in (".pyc", ".pyo") or "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(package)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def raw_hash(document: RawDocument) -> str:
    """The identity of a raw document: its bytes and what its reader said about them."""
    header = dumps(
        {
            "media_type": document.media_type,
            "encoding": document.encoding,
            "guess_title": document.guess_title,
            "hints": document.hints.to_dict(),
        }
    )
    return hashlib.sha256(header.encode("utf-8") + b"\n" + document.data).hexdigest()


__all__ = ["EXTRACTOR_ENV", "crosscheck_version", "extractor_version", "raw_hash"]
