"""Hostile text stays text: terminal escapes, control characters and bidi overrides out of what is stored.

A document's text, title or author can hold what a terminal obeys or a
reader misreads: ``ESC[2J`` (clear the screen), ``ESC]0;…BEL`` (set the
window title), U+202E (show what follows right to left), NUL. The cleaner
removes them once, here, so that nothing downstream (the store, the exports,
the ledger, the CLI) holds them. Decided for each kind of field:

- the article text (``plain_text``) keeps every character a writer uses: a
  whole escape sequence is removed (removing ESC alone would leave ``[2J`` in
  the text), then the control characters that are not whitespace; tab, line
  feed and carriage return stay, form feed, vertical tab and the Unicode line
  and paragraph separators become line feeds, the other whitespace controls
  spaces. Bidi embeddings, overrides and isolates (U+202A-U+202E,
  U+2066-U+2069) are removed too: they reorder what a terminal or a
  spreadsheet shows, and the names the extractor takes from the text must not
  hold them. The bidi marks (U+200E, U+200F, U+061C), which right-to-left
  writing uses and which reorder nothing beyond themselves, stay.
- metadata and names (``plain_line``): the same, and every line break and
  run of whitespace becomes one space: a title is one line.
- titles and the other metadata read from a container or a page
  (``plain_markup``): also read as HTML text, once: tags are removed (with
  the content of ``<script>`` and ``<style>``) and character references
  decoded by the same parse, so a reference that decodes to markup
  (``&lt;b&gt;``) stays text and is not parsed again.

The input key (a file's path, a URL) is not changed: it names where the bytes
came from and must find them again; the CLI shows it through its own
sanitiser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: An ECMA-48 escape sequence, matched whole: CSI (``ESC[2J``), a string
#: (OSC ``ESC]0;title BEL``, DCS, SOS, PM, APC) ended by BEL or ST on its own
#: line, and the short ones (``ESC c``, ``ESC(B``). An unended string is
#: matched as its ESC and introducer only: what follows is text. Each pattern
#: stops at the next ESC or line end, so the scan is linear.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: parameters, intermediates, final byte
    r"|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)"  # a string ended by BEL or ST
    r"|\x1b[ -/]*[0-~]"  # two-character and nF escapes, and an unended string's introducer
)

#: Metadata fields (a title, an author, an outlet) are cut to this many characters. No
#: headline is this long, and the standard library's HTML tokenizer, which reads them,
#: takes time quadratic in the length of an unclosed tag or comment (``<a b="`` repeated).
MAX_FIELD_CHARS = 1_000

#: Line breaks other than LF and CR, and whitespace controls that are not line breaks.
_BREAKS = dict.fromkeys(map(ord, "\x0b\x0c\x85\u2028\u2029"), "\n")
_SPACES = dict.fromkeys(range(0x1C, 0x20), " ")

#: Control characters that are not tab, line feed or carriage return (C0, DEL, C1), the bidi
#: embeddings, overrides and isolates, and the line breaks above: what ``plain_text`` changes.
_CHANGED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: ... into: a line feed, a space, or nothing.
_REPLACEMENTS = {**_BREAKS, **_SPACES}


def plain_text(text: str) -> str:
    """An article's text without escape sequences, non-whitespace controls and bidi overrides.

    Two scans of the text in C (regular expressions) when it holds none, as most texts do.
    """
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CHANGED.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS.get(ord(match.group()), "")


def plain_line(text: str) -> str:
    """A name or a metadata field as one clean line: ``plain_text`` with all whitespace folded to single spaces."""
    return " ".join(plain_text(text).split())


def plain_markup(text: str) -> str:
    """A title or another metadata field as plain text: tags removed, references decoded (once), one line.

    A field longer than ``MAX_FIELD_CHARS`` is cut first, at a space where there is one.
    """
    if len(text) > MAX_FIELD_CHARS:
        cut = text[:MAX_FIELD_CHARS]
        text = cut.rsplit(None, 1)[0] if " " in cut else cut
    if "<" in text or "&" in text:
        text = _TextOfMarkup.of(text)
    return plain_line(text)


class _TextOfMarkup(HTMLParser):
    """The text of an HTML fragment: the standard library's tolerant tokenizer, which never raises on bad markup.

    Hand-written over the parser rather than lxml: lxml's fragment parser
    raises on an empty or tag-only string and keeps the text of ``<script>``.
    """

    _HIDDEN = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    @classmethod
    def of(cls, markup: str) -> str:
        parser = cls()
        parser.feed(markup)
        parser.close()
        return "".join(parser.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in ("br", "p", "div", "li"):
            self.parts.append(" ")  # a break between words, not a glue

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


__all__ = ["MAX_FIELD_CHARS", "plain_line", "plain_markup", "plain_text"]
