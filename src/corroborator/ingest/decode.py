"""Bytes to text: the encoding is detected, never assumed.

Order of evidence: a byte-order mark, then strict UTF-8 (which almost never
decodes text in another encoding by accident), then a charset declared by
the page or the server, then detection: the common single-byte encodings are
scored by how plausible their reading is, and statistical detection is the
fallback. Text that decodes to control characters is binary junk and is refused.
"""

from __future__ import annotations

import codecs
import re
from itertools import pairwise

from charset_normalizer import from_bytes

from ..errors import SkipInput, SkipReason
from ..settings import MAX_CONTROL_CHAR_RATIO

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")

#: Where a page's own charset declaration must appear (the HTML standard says 1024 bytes;
#: real pages put it later, after long comments or scripts).
_DECLARATION_WINDOW = 4096

#: Labels that pages declare and browsers read as the Windows superset (the WHATWG
#: Encoding Standard): a page "in ISO-8859-1" has its curly quotes at 0x91-0x94.
_WEB_SUPERSETS = {"iso8859-1": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874"}

#: Single-byte encodings tried when a text is neither UTF-8 nor declared, most
#: common first: on a tie (a text that reads the same in several), the first wins.
#: Western (cp1252, which latin-1 text also decodes as), Cyrillic (Windows and
#: KOI8-R), Central European and Greek cover the news this project reads.
_SINGLE_BYTE = ("cp1252", "cp1251", "koi8_r", "cp1250", "cp1253")

#: The five bytes cp1252 leaves undefined are read as latin-1 reads them, as
#: browsers do, so that latin-1 text holding one still decodes as cp1252.
_CP1252_UNDEFINED = {0xDC00 + byte: byte for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}

#: How much of a file is scored to choose its encoding; the winner decodes the whole.
_DETECT_SAMPLE = 1 << 16

#: Share of its non-ASCII words a single-byte reading may get wrong before it is
#: taken for no reading at all, and statistical detection (multi-byte CJK
#: encodings and the rest) is asked instead.
_MAX_IMPLAUSIBLE_SHARE = 0.5

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
#: Latin-1 symbols that real words never hold between two letters, and that a
#: misread letter becomes (Polish "mo\u00bfe" for "może" read as cp1252). Dashes,
#: apostrophes, the soft hyphen and the Catalan middle dot are left out: words hold them.
_BETWEEN_LETTERS = re.compile(
    r"(?<=[^\W\d_])[\u00a2-\u00a9\u00ab\u00ac\u00ae-\u00b4\u00b6\u00b8\u00b9\u00bb-\u00bf\u00d7\u00f7](?=[^\W\d_])"
)
#: Box drawing, blocks and math signs: what KOI8-R's upper half holds besides letters,
#: and what multi-byte text (GBK, Shift_JIS) read as KOI8-R is full of. No news text is.
_DRAWING = re.compile(r"[\u2190-\u25ff\u2320\u2321]")
_SUPERSCRIPT_BY_LETTER = re.compile(
    r"[^\W\d_][\u00b2\u00b3\u00b9\u00bc-\u00be]|[\u00b2\u00b3\u00b9\u00bc-\u00be][^\W\d_]"
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares about itself, if it is a known codec."""
    head = data[:_DECLARATION_WINDOW]
    match = _XML_DECLARATION.match(head) or _DECLARED_CHARSET.search(head)
    if not match:
        return None
    return _known_codec(match.group(1).decode("ascii", "ignore"))


def _known_codec(name: str | None) -> str | None:
    """The codec a declared charset names, if it is a text encoding that can decode at all."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
        # A text encoding turns bytes into text: "base64" and "rot13" do not, "undefined" refuses everything.
        # (Incrementally, so that a multi-byte codec is not refused for a lone byte.)
        text_encoding = isinstance(codecs.getincrementaldecoder(codec)().decode(b"a"), str)
    except (LookupError, ValueError, TypeError):  # an unknown name; a NUL or a lone surrogate; "base64"
        return None
    return codec if text_encoding else None


def decode(data: bytes, input: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise SkipInput for binary junk."""
    text, encoding = _decode(data, declared)
    _refuse_binary(text, input)
    return text, encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _known_codec(declared)
    if declared and declared not in {"utf-8", "ascii"}:
        for codec in (_WEB_SUPERSETS.get(declared), declared):
            if codec:
                try:
                    return _decode_as(data, codec), codec
                except UnicodeDecodeError:
                    pass  # the declaration lies; detect instead
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    # Statistical detection (charset-normalizer) picks among dozens of codecs and is
    # often wrong on short text: "Déjà vu" in cp1252 comes out as cp1006, "Привет, мир"
    # in cp1251 as cp1125. Each likely single-byte reading is scored instead, by how
    # much of it looks like words of one script; detection is the fallback.
    sample = data[:_DETECT_SAMPLE]
    readings = []
    for rank, codec in enumerate(_SINGLE_BYTE):
        try:
            text = _decode_as(sample, codec)
        except UnicodeDecodeError:
            continue
        readings.append((_implausible_words(text), rank, codec))
    readings.sort()
    if readings:
        mistakes = readings[0][0]
        non_ascii_words = sum(1 for word in _WORD.findall(sample.decode("latin-1")) if not word.isascii())
        if mistakes <= _MAX_IMPLAUSIBLE_SHARE * max(non_ascii_words, 1):
            for _, _, codec in readings:
                try:
                    return _decode_as(data, codec), codec
                except UnicodeDecodeError:
                    continue  # a byte past the sample that this codec lacks
    best = from_bytes(data).best()
    if best is not None and best.encoding is not None:
        return str(best), best.encoding
    if b"\x00" not in data:
        return data.decode("latin-1"), "latin-1"  # every byte is a character; the check for junk follows
    return data.decode("utf-8", errors="replace"), "utf-8"


def _decode_as(data: bytes, codec: str) -> str:
    if codec == "cp1252":
        return data.decode(codec, errors="surrogateescape").translate(_CP1252_UNDEFINED)
    return data.decode(codec)


def _implausible_words(text: str) -> int:
    """How many words of ``text`` read wrongly: signs of a text decoded with the wrong codec.

    A word mixes two alphabets (Latin and Cyrillic); a Latin word is made only of
    accented letters (Cyrillic or Greek read as cp1252); a capital follows a small
    letter inside a word (KOI8-R read as cp1251, Greek read as Cyrillic); a symbol
    or a superscript sits among letters (Polish "by³o" for "było"); box drawing
    stands in a text (anything read as KOI8-R that is not).
    """
    mistakes = sum(len(pattern.findall(text)) for pattern in (_BETWEEN_LETTERS, _SUPERSCRIPT_BY_LETTER, _DRAWING))
    for word in _WORD.findall(text):
        if not word.isascii():
            mistakes += _misread(word)
    return mistakes


def _misread(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    scripts = {_script(c) for c in letters}
    if len(scripts) > 1:
        return True
    if scripts == {"latin"} and len(letters) > 1 and not any(c.isascii() for c in letters):
        return True
    return any(a.islower() and b.isupper() for a, b in pairwise(letters))


def _script(letter: str) -> str:
    if letter.isascii() or "\u00c0" <= letter <= "\u024f":
        return "latin"
    if "\u0400" <= letter <= "\u04ff":
        return "cyrillic"
    if "\u0370" <= letter <= "\u03ff":
        return "greek"
    return "other"


def _refuse_binary(text: str, input: str) -> None:
    if "\x00" in text:
        raise SkipInput(input, SkipReason.BINARY, "binary data (NUL bytes); not a text, HTML or JSON file")
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > MAX_CONTROL_CHAR_RATIO:
        raise SkipInput(input, SkipReason.BINARY, "binary data (control characters); not a text, HTML or JSON file")
    if "\ufffd" in sample and sample.count("\ufffd") / len(sample) > MAX_CONTROL_CHAR_RATIO:
        raise SkipInput(input, SkipReason.UNDECODABLE, "the encoding could not be detected; save the file as UTF-8")
