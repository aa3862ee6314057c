"""Claims in a document's title: headlines attribute too ("Graham Says ...", "Pence: ...", "Lawmaker urges ...").

The cleaner keeps the title out of the text, so the components never read it
with the body. Each title goes through the same pipeline as a body, alone
(the claims component already knows a headline's shapes: a capitalised
"Says", a name and a colon); the claims found there join the document's,
after its body's, marked ``in_title``, their offsets into the title
(``Document.metadata.title``), not into the text. A title's figures and
entities are not kept: a title repeats its story's numbers, and a figure's
offsets are into the text.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from ..records import Claim, Document
from .loading import make_doc

#: A title longer than this is no headline (a page that put its first paragraph in <title>): not read.
MAX_TITLE_CHARS = 300


def add_title_claims(documents: list[Document], nlp: Language) -> None:
    """Append to each document's claims those of its title (one ``nlp.pipe`` for the documents' titles)."""
    titled = [d for d in documents if _read_apart(d.metadata.title, d.text)]
    titles = (make_doc(nlp, d.metadata.title or "", d.metadata.published) for d in titled)
    for document, doc in zip(titled, nlp.pipe(titles, batch_size=len(titled) or 1), strict=True):
        document.claims = document.claims + numbered_after(document.claims, list(doc._.claims or []))


def _read_apart(title: str | None, text: str) -> bool:
    """Is the title a headline the body does not already hold (a heading the cleaner kept in the text is read
    there, and would be read twice)?"""
    if not title or len(title) > MAX_TITLE_CHARS:
        return False
    return title.strip() not in text


def numbered_after(body: list[Claim], title: list[Claim]) -> list[Claim]:
    """The title's claims, their ids going on from the body's ("c4", "c5", ...) and marked ``in_title``."""
    ids = {claim.id: f"c{len(body) + n}" for n, claim in enumerate(title, start=1)}
    return [replace(claim, id=ids[claim.id], parent=ids.get(claim.parent or ""), in_title=True) for claim in title]
