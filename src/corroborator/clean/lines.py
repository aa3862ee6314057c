"""Line rules for scraped plain text (and for what trafilatura leaves of a page).

A scraped article is a column of lines: a header (title, byline, dateline,
section word, photo credits), the body, and a footer (tags, invitations,
related headlines). The cleaner works in three passes:

1. rules that hold anywhere (share widgets, embeds, photo credits, adverts,
   invitations, duplicated captions, lines of whitespace);
2. rules for the header and the footer, which lie before the first and
   after the last paragraph of prose (title, byline, dateline, section, tags);
3. the tail: a "Related news" heading ends the article, a comment section's heading
   ("Be part of the conversation", "Leave a Reply") too, and the trailing block of
   lines after the last sentence loses what only reads like furniture there
   (``furniture``: house rules, "Source link", "By admin", cut-off teasers);
4. the head of the body: a dateline ("KYIV, Feb 23 (Reuters) -") or a capitalised
   byline glued to the first sentence is cut off it, and an agency's name glued
   to a paragraph's end ("...in 14 months.AGENCIES"); the cut is audited too.

Dates come from stamps ("Published: ...", "Updated: 03-02-2025 09:40 IST", a
bare date under the headline, a byline's date): the earliest publication
stamp is the document's date, and a revision stamp ("Updated") only when the
page prints no other.

Every dropped line is kept as a ``RemovedLine`` with its rule's name, and
what a rule reads (tags, authors, date, title) becomes metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..dates import Stamp, parse_stamp
from ..records import Metadata, RemovedLine
from . import furniture as f
from . import patterns as p
from .comments import comment_section_start
from .headlines import fold, headline_of, looks_like_headline, tidy_title, without_final_stop, words
from .people import split_authors
from .stamps import GLUED_BYLINE, date_line_stamps, dateline_of, glued_date, is_date_line, is_known_place

#: A line of prose has at least this many words and ends a sentence...
_PROSE_MIN_WORDS = 8
#: ... or is this long whatever its ending.
_PROSE_LONG_WORDS = 25
#: A section label ("War", "World news") is a few words at most.
_SECTION_MAX_WORDS = 3
#: A dateline holds a date and a few words more ("Updated 5 Nov 2024, 17:54 CET").
_DATELINE_MAX_CHARS = 80
#: Lines searched for a caption's repeat. Captions and pull quotes repeat nearby; a bounded
#: window keeps a many-megabyte text linear rather than quadratic.
_DUPLICATE_LOOKAHEAD = 40
#: A caption repeated in the body is dropped where it first appears, when it has this many words.
_DUPLICATE_MIN_WORDS = 5
#: "Read more" starts the tail only in the last part of the text, past this share of its lines.
_TAIL_START_SHARE = 0.5
#: A plea for support is a line or two; a longer paragraph that mentions one is body.
_APPEAL_MAX_WORDS = 30
#: Captions are a sentence or two.
_CAPTION_MAX_WORDS = 40
#: Lines of headlines read after a "Trending now" heading before prose resumes.
_LINK_BLOCK_MAX_LINES = 12
#: A byline that names no person ("By AFP", "By Horn Review Wire Desk") is this short.
_DESK_BYLINE_MAX_WORDS = 6
#: Names that open a byline but are no desk: "By Tuesday, ...".
_NOT_A_DESK = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august"
    r"|september|october|november|december|then|now|contrast|comparison|the\s+end|far)\b",
    re.IGNORECASE,
)
#: Where a byline's names end and its dates begin: "By AFP - Mar 3,2025 - Last updated at ...".
_BYLINE_PARTS = re.compile(
    r"\s+[|•·]\s+|\s+[–—-]\s+(?=\S*\d|(?:last\s+)?(?:updated|published|posted)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)
#: Words that make a label over the date a topic, not a person: "Gaza Strip", "Red Sea", "Israel-Gaza War".
_TOPIC_WORDS = frozenset(
    """war wars strip sea ocean gulf bank river valley coast border front frontline crisis conflict invasion attack
    attacks ceasefire truce talks summit election elections protests siege occupation live updates news""".split()
)
#: "Updated at 14.39 EDT": a stamp with a time and no date.
_TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$", re.IGNORECASE)

NO_HINTS = Metadata()

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^[\s•·▪►▶|*>-]+")


def normalize(text: str) -> str:
    """NFC, one kind of space, no invisible characters, Unix line ends."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def is_prose(line: str) -> bool:
    n = len(words(line))
    return n >= _PROSE_LONG_WORDS or (n >= _PROSE_MIN_WORDS and bool(p.SENTENCE_END.search(line)))


@dataclass
class Cleaned:
    text: str
    metadata: Metadata
    removed: list[RemovedLine]


@dataclass
class _Page:
    """The lines being cleaned, which of them are still kept, and what was learnt."""

    lines: list[str]
    kept: list[bool] = field(init=False)
    blank_separated: bool = field(init=False)  # are paragraphs separated by blank lines?
    removed: dict[int, str] = field(default_factory=dict)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    dateline: str | None = None
    #: Parts of kept lines cut off them (a dateline, a glued byline): line index, text, rule.
    cuts: list[tuple[int, str, str]] = field(default_factory=list)
    #: Lines that the page printed as a link and nothing else (``html.PageText.link_lines``).
    link_lines: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.kept = [bool(line) for line in self.lines]
        filled = sum(self.kept)
        self.blank_separated = filled > 1 and len(self.lines) - filled >= (filled - 1) / 2

    def drop(self, index: int, rule: str) -> None:
        if self.kept[index]:
            self.kept[index] = False
            self.removed[index] = rule

    def live(self) -> list[int]:
        return [i for i, keep in enumerate(self.kept) if keep]

    def cut(self, index: int, start: int, end: int, rule: str) -> None:
        """Cut ``[start:end]`` off a kept line (a prefix or a suffix), keeping the rest."""
        line = self.lines[index]
        self.cuts.append((index, line[start:end].strip(), rule))
        self.lines[index] = (line[:start] + line[end:]).strip()

    @property
    def published(self) -> str | None:
        """The earliest publication stamp; a revision stamp only when the page prints no other."""
        first = [s.date for s in self.stamps if not s.revision] or [s.date for s in self.stamps]
        return min(first).isoformat() if first else None


def clean_lines(
    text: str, hints: Metadata = NO_HINTS, guess_title: bool = True, link_lines: frozenset[str] = frozenset()
) -> Cleaned:
    """Clean scraped text; ``hints`` is what the container already knows (a feed item's title...).

    ``link_lines`` are lines the page printed as nothing but a link (from the HTML):
    in the body, such a line is a teaser for another article.
    """
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    page = _Page([_BULLET.sub("", line).strip() for line in normalize(text).split("\n")])
    page.link_lines = frozenset(fold(line) for line in link_lines)
    for index, raw in enumerate(raw_lines):
        if raw.strip(" \t") and not page.lines[index]:
            page.removed[index] = "blank"  # whitespace a scraper kept, such as non-breaking spaces
    _glued_date(page)
    _comment_section(page)
    _title(page, hints, guess_title)
    _anywhere(page)
    _header_and_footer(page, hints)
    _tail(page)
    _end_furniture(page)
    _head_of_body(page)
    _glued_credits(page)
    removed = sorted(
        [RemovedLine(i + 1, raw_lines[i].strip() or raw_lines[i], rule) for i, rule in page.removed.items()]
        + [RemovedLine(i + 1, text, rule) for i, text, rule in page.cuts],
        key=lambda r: r.line,
    )
    body = "\n\n".join(page.lines[i] for i in page.live())
    metadata = Metadata(
        title=page.title,
        authors=tuple(dict.fromkeys(page.authors)),
        published=page.published,
        tags=tuple(dict.fromkeys(page.tags)),
        dateline=page.dateline,
    )
    return Cleaned(body, metadata, removed)


def _glued_date(page: _Page) -> None:
    """A scraper's date field glued to the first line (" date 2024-12-16 Gaza rescuers ..."): cut off, and read."""
    live = page.live()
    if live and (glued := glued_date(page.lines[live[0]])):
        page.cut(live[0], 0, glued[0], "date-stamp")
        page.stamps += [glued[1]] if glued[1] else []


def _title(page: _Page, hints: Metadata, guess_title: bool) -> None:
    live = page.live()
    if not live:
        return
    while len(live) > 1 and (rule := f.head_rule(page.lines[live[0]], hints.outlet, page.lines[live[1]])):
        page.drop(live[0], rule)  # "Associated Press", "This audio is created with AI" over the story: no headline
        live = live[1:]
    first = live[0]
    if hints.title:
        page.title = hints.title
    elif guess_title and len(live) > 1:
        live = _past_furniture(page, live)  # a photo credit or a date over the text is no headline; it goes later
        first = live[0]
        if len(live) > 1 and _is_section_label(page, first) and headline_of(page.lines[live[1]], True):
            page.drop(first, "section")  # "World" above the headline is not the headline
            live = _past_furniture(page, live[1:])  # "REUTERS" over the date over the headline
            first = live[0]
        stands_alone = first + 1 >= len(page.lines) or not page.lines[first + 1]
        page.title = headline_of(page.lines[first], stands_alone)
        if page.title:
            page.title = _with_deck(page, first, page.title)
            page.title = tidy_title(page.title, hints.outlet)
    if not page.title:
        return
    # The title, and its copies at the top (scrapers often print it twice), leave the body.
    target = fold(page.title)
    for index in live[:6]:
        line = page.lines[index]
        # As printed, without its final stop, or with the site's name the title lost ("... | World – Daily Post").
        if target in (fold(line), fold(without_final_stop(line)), fold(tidy_title(line, hints.outlet))):
            page.drop(index, "title" if index == first else "repeated-title")


def _past_furniture(page: _Page, live: list[int]) -> list[int]:
    """The lines from the first that may be a headline: past photo credits (while two lines are left) and dates."""
    while len(live) > 1 and (
        is_date_line(page.lines[live[0]])
        or (
            len(live) > 2
            and _furniture_rule(page.lines[live[0]])
            and not f.reads_as_headline(page.lines[live[0]], page.lines[live[1]])
        )
    ):
        live = live[1:]
    return live


def _with_deck(page: _Page, first: int, title: str) -> str:
    """ "Headline; " over its deck on the next line: one title of both ("A falls; B rises")."""
    deck = first + 1
    if not title.endswith(";") or deck >= len(page.lines) or not page.kept[deck]:
        return title
    stands_alone = deck + 1 >= len(page.lines) or not page.lines[deck + 1]
    rest = headline_of(page.lines[deck], stands_alone)
    if rest is None:
        return title
    page.drop(deck, "title")
    return f"{title} {rest}"


def _is_section_label(page: _Page, index: int) -> bool:
    """A section word printed above the headline: a known one, in capitals, or printed again further down."""
    line = page.lines[index]
    if not _is_label(line):
        return False
    folded = fold(line)
    if folded.replace(" ", "-") in p.SECTION_WORDS or (line.isupper() and len(line) > 2):
        return True
    return any(fold(page.lines[i]) == folded for i in page.live() if i > index + 1)


def _anywhere(page: _Page) -> None:
    live = page.live()
    later_text = {i: fold(page.lines[i]) for i in live}
    for position, index in enumerate(live):
        line = page.lines[index]
        rule = _furniture_rule(line, page)
        if rule is None and len(words(line)) >= _DUPLICATE_MIN_WORDS and not is_prose_paragraph_end(line):
            ahead = live[position + 1 : position + 1 + _DUPLICATE_LOOKAHEAD]
            rule = _duplicate_rule(later_text[index], [later_text[j] for j in ahead])
        if rule is None and p.LINK_BLOCK_HEADING.match(line):
            page.drop(index, "link-block")
            _drop_link_block(page, live[position + 1 :])
            continue
        if rule is None and p.RELATED_HEADING.match(line) and _prose_follows_block(page, live[position + 1 :]):
            # "ALSO READ" over a headline in the body: the heading and its headlines, not the rest.
            page.drop(index, "read-also")
            _drop_link_block(page, live[position + 1 :], "read-also", first_is_item=True)
            continue
        if rule is None and _read_stamp_line(page, line):
            rule = "date-stamp"
        if rule:
            page.drop(index, rule)
        if rule == "photo-credit":
            _drop_caption_beside(page, index)


def _prose_follows_block(page: _Page, following: list[int]) -> bool:
    """Does the article go on after the headlines under a "Read more" heading? Then they are a teaser, not the tail."""
    for index in following[: _LINK_BLOCK_MAX_LINES + 1]:
        line = page.lines[index]
        if is_prose(line) and not p.RELATED_HEADING.match(line):
            return True
        if not looks_like_headline(line):
            return False
    return False


def _read_stamp_line(page: _Page, line: str) -> bool:
    """A labelled stamp ("Updated: 03-02-2025 09:40 IST", "Updated at 14.39 EDT"), read into the page's stamps."""
    line = f.stamp_text(line)
    label = p.STAMP_LABEL.match(line)
    if not label or len(line) > _DATELINE_MAX_CHARS:
        return False
    stamp = parse_stamp(line)
    if stamp is not None:
        page.stamps.append(stamp)
        return True
    return bool(_TIME_ONLY.match(line[label.end() :]))


def _drop_caption_beside(page: _Page, credit: int) -> None:
    """The caption a photo credit sits on: the line just above or below it, alone in its block.

    Only where paragraphs are separated by blank lines: in a text without them,
    the line after a credit may as well be the body's first paragraph.
    """
    if not page.blank_separated:
        return
    lines = page.lines
    for neighbour, beyond in ((credit + 1, credit + 2), (credit - 1, credit - 2)):
        if not (0 <= neighbour < len(lines)) or not page.kept[neighbour]:
            continue
        alone = beyond < 0 or beyond >= len(lines) or not lines[beyond]
        if alone and len(words(lines[neighbour])) <= _CAPTION_MAX_WORDS and not p.PHOTO_CREDIT.match(lines[neighbour]):
            page.drop(neighbour, "caption")
            return


def is_prose_paragraph_end(line: str) -> bool:
    """A long paragraph is body, even when a later one repeats it (then the later one is the copy)."""
    return len(words(line)) >= _PROSE_LONG_WORDS


def _furniture_rule(line: str, page: _Page | None = None) -> str | None:
    checks = (
        (p.SHARE_WIDGET, "share-widget"),
        (p.SOCIAL_EMBED, "social-embed"),
        (p.PHOTO_CREDIT, "photo-credit"),
        (p.FURNITURE, "furniture"),
        (p.FEED_FOOTER, "feed-footer"),
        (p.LINK_LINE, "link"),
        (p.CREDIT_LINE, "wire-credits"),
        (p.INVITATION, "invitation"),
        (p.READ_ALSO_LINE, "read-also"),
    )
    for pattern, rule in checks:
        if pattern.match(line) and (rule != "read-also" or not is_prose(line)):
            return rule
    if found := f.line_rule(line):
        return found
    n = len(words(line))
    if n <= _APPEAL_MAX_WORDS and p.APPEAL.search(line):
        return "appeal"
    if n <= _CAPTION_MAX_WORDS and p.CAPTION_WITH_CREDIT.match(line):
        return "caption"
    if page is not None and page.link_lines and looks_like_headline(line) and fold(line) in page.link_lines:
        return "headline-link"
    return None


def _duplicate_rule(folded: str, later: list[str]) -> str | None:
    """A caption or pull quote: its words open, or stand inside, a later paragraph."""
    if any(other != folded and folded in other for other in later):
        return "duplicate"
    return None


def _drop_link_block(page: _Page, following: list[int], rule: str = "link-block", first_is_item: bool = False) -> None:
    """The headlines under a "Trending now" heading: a run of them, up to the prose.

    With ``first_is_item`` the line right under the heading is one of them even when
    prose follows it ("ALSO READ" over a single headline in the body).
    """
    last_item = -2
    for position, index in enumerate(following[:_LINK_BLOCK_MAX_LINES]):
        line = page.lines[index]
        adjacent = index == last_item + 1 or (page.blank_separated and index == last_item + 2)
        in_run = adjacent or (first_is_item and position == 0) or _is_followed_by_headline(page, index, following)
        if p.LINK_BLOCK_HEADING.match(line) or (looks_like_headline(line) and not is_prose(line) and in_run):
            page.drop(index, rule)
            last_item = index
        else:
            return


def _is_followed_by_headline(page: _Page, index: int, following: list[int]) -> bool:
    """A list of links is a run of headlines; a lone headline before prose is a subheading."""
    after = [i for i in following if i > index and page.kept[i]]
    return bool(after) and not is_prose(page.lines[after[0]])


def _header_and_footer(page: _Page, hints: Metadata) -> None:
    live = page.live()
    prose = [i for i in live if is_prose(page.lines[i])]
    if not prose:
        header, footer = live, []
    else:
        header = [i for i in live if i < prose[0]]
        footer = [i for i in live if i > prose[-1]]
    heads = set(header)
    for index in header + footer:
        _metadata_line(page, index, head=index in heads)
    _section_words(page, header, footer)


def _metadata_line(page: _Page, index: int, head: bool) -> None:
    line = page.lines[index]
    if tags := p.TAG_LINE.match(line):
        page.tags += [t.strip(" .#") for t in re.split(r"[,;|•·]", tags["tags"]) if t.strip(" .#")]
        page.drop(index, "tags")
    elif p.HASHTAG_LINE.match(line):
        page.tags += [t.lstrip("#") for t in re.findall(r"#[\w-]+", line)]
        page.drop(index, "tags")
    elif p.LABEL_ALONE.match(line):
        _label_alone(page, index)
    elif (byline := p.BYLINE.match(line)) and _read_byline(page, index, byline["names"]):
        return  # before the stamps: "By Jane Doe | May 5, 2024" names its author
    elif signed := f.name_and_stamp(line):
        page.authors += signed[0]
        page.stamps += [signed[1]] if signed[1] else []
        page.drop(index, "byline")
    elif stamps := date_line_stamps(line, head):
        page.stamps += stamps
        page.drop(index, "date-stamp")
    elif len(line) <= _DATELINE_MAX_CHARS and _read_date(page, line):
        page.drop(index, "date-stamp")


def _read_byline(page: _Page, index: int, byline: str) -> bool:
    """The names and dates of a byline ("By AFP - Mar 3,2025", "By The Irrawaddy 20 December 2021"), if it names
    people or a desk."""
    parts = _BYLINE_PARTS.split(byline)
    if dated := p.TRAILING_DATE.search(parts[0]):
        parts = [parts[0][: dated.start()], dated.group(0), *parts[1:]]
    names = split_authors(parts[0])
    if not names and not _is_desk(parts[0]):
        return False
    page.authors += names
    for part in parts[1:]:
        _read_date(page, part)
    page.drop(index, "byline")
    return True


def _label_alone(page: _Page, index: int) -> None:
    """ "Author:" over a line with the name, "Date:" with nothing: a form's labels, its values on the next line."""
    label = p.LABEL_ALONE.match(page.lines[index])
    of_authors = label is not None and label["label"].lower() in ("author", "authors", "by")
    page.drop(index, "byline" if of_authors else "label")
    following = next((i for i in range(index + 1, len(page.kept)) if page.kept[i]), None)
    if following is None or not of_authors:
        return
    value = page.lines[following]
    names = split_authors(value)
    if names and len(words(value)) <= _DESK_BYLINE_MAX_WORDS:
        page.authors += names
        page.drop(following, "byline")


def _is_desk(names: str) -> bool:
    """A byline that names a desk or an agency ("AFP", "Horn Review Wire Desk", "A STAFF REPORTER", "AP (Associated
    Press)")."""
    names = re.sub(r"\s*\([^()]{1,40}\)", "", names)  # the agency's name spelt out after its initials
    tokens = names.strip(" .,").split()
    return (
        0 < len(tokens) <= _DESK_BYLINE_MAX_WORDS
        and all(t[0].isupper() for t in tokens)
        and not p.SENTENCE_END.search(names.strip())
        and not _NOT_A_DESK.search(names)
    )


def _read_date(page: _Page, text: str) -> bool:
    found = parse_stamp(text)
    if found is None:
        return False
    page.stamps.append(found)
    return True


def _section_words(page: _Page, header: list[int], footer: list[int]) -> None:
    """A short label in the header ("War", "World news"), and its copy closing the page."""
    labels = {fold(page.lines[i]) for i in header if page.kept[i] and _is_label(page.lines[i])}
    for index in header:
        if page.kept[index] and _is_label(page.lines[index]):
            signed = _signature(page, index)
            page.authors += signed
            page.drop(index, "byline" if signed else "section")
    for index in footer:
        if page.kept[index] and fold(page.lines[index]) in labels:
            page.drop(index, "section")


def _signature(page: _Page, index: int) -> list[str]:
    """A person's name alone over the page's reading time or age ("Jane Roe" over "·2 min read"): a byline.

    Over a plain date, a label of two capitalised words is as often the story's topic ("Donald Trump", "Gaza Strip")
    as its author, and a topic over the reading time names a place or a war ("Tel Aviv", "Ukraine War"): none signs.
    """
    line = page.lines[index]
    after = next((page.lines[i] for i in range(index + 1, len(page.lines)) if page.lines[i]), "")
    names = split_authors(line)
    if len(names) != 1 or fold(names[0]) != fold(line) or fold(line).replace(" ", "-") in p.SECTION_WORDS:
        return []
    if is_known_place(line) or any(word in _TOPIC_WORDS for word in re.split(r"[\s-]+", fold(line))):
        return []
    return names if f.is_read_time(after) else []


def _is_label(line: str) -> bool:
    n = len(words(line))
    return 0 < n <= _SECTION_MAX_WORDS and not any(c in line for c in ".!?:;,")


def _head_of_body(page: _Page) -> None:
    """The first paragraph's dateline ("KYIV, Feb 23 (Reuters) -") or glued byline ("BY A STAFF REPORTER:")."""
    prose = [i for i in page.live() if is_prose(page.lines[i])]
    if not prose:
        return
    first = prose[0]
    if glued := GLUED_BYLINE.match(page.lines[first]):
        page.cut(first, 0, glued.end(), "byline")
    if dateline := dateline_of(page.lines[first]):
        page.cut(first, 0, len(dateline.prefix), "dateline")
        page.dateline = dateline.place
        page.stamps += [dateline.stamp] if dateline.stamp else []


def _glued_credits(page: _Page) -> None:
    """An agency's name or a link glued to the end of a paragraph ("...in 14 months.AGENCIES", "... Also Read: X"), and
    a live post's reporter's title to its start ("Middle East correspondent, in BeirutToday's ...")."""
    live = page.live()
    for index in live:
        if glued := f.glued_end(page.lines[index], last=index == live[-1]):
            page.cut(index, glued[0], len(page.lines[index]), glued[1])
        if role_end := f.glued_role(page.lines[index]):
            page.cut(index, 0, role_end, "byline")


def _comment_section(page: _Page) -> None:
    """A comment section's heading ends the article: readers' words and the house rules follow it."""
    live = page.live()
    lines = [page.lines[i] for i in live]
    start = comment_section_start(lines, [is_prose(line) for line in lines], int(len(live) * _TAIL_START_SHARE))
    for index in live[start:] if start is not None else []:
        page.drop(index, "comment-section")


def _end_furniture(page: _Page) -> None:
    """The trailing block's furniture after the last sentence, and lead-ins whose quotation is gone."""
    live = page.live()
    for position, rule in f.end_rules([page.lines[i] for i in live]).items():
        page.drop(live[position], rule)


def _tail(page: _Page) -> None:
    live = page.live()
    start = int(len(live) * _TAIL_START_SHARE)
    for index in live[start:]:
        if p.RELATED_HEADING.match(page.lines[index]):
            for rest in live:
                if rest >= index:
                    page.drop(rest, "related-tail")
            return
