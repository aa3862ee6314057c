"""Comment sections: their headings, their house rules, and where one opens under a page's body.

A page's comment section opens under a heading ("Be part of the conversation", "Leave a Reply", "Comments (12)")
with readers' words, the form and the house rules under it. A body shares some of those words: a subheading ("Join
the debate"), a report of a platform's rules ("the posts broke its community guidelines"), a quotation ("'We want a
constructive dialogue,' the envoy said."). The rules here tell them apart by what follows a heading and by whom a
sentence addresses.
"""

from __future__ import annotations

import re

from .headlines import words

_I = re.IGNORECASE

#: A line of prose this long under a comment heading is the body going on, no reader's comment or form.
_BODY_MIN_WORDS = 12

#: Headings that invite comments ("Be part of the conversation", "Leave a Reply"): a comment section opens, with
#: readers' words and the house rules under it, wherever after the body's first sentence one stands. "Have your say"
#: and "Community standards" head a body's paragraphs as often as a comment form, so they are no invitation.
COMMENT_INVITATION = re.compile(
    r"^(?:be\s+part\s+of\s+the\s+(?:conversation|discussion)|(?:join|start)\s+(?:the|our)\s+(?:conversation|discussion|debate)"
    r"|(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)|comment\s+(?:policy|guidelines|rules))"
    r"\s*[:.!?…]*$",
    _I,
)
#: Any heading of a comment section: the invitations, and labels that a share bar prints too ("Comments (12)"),
#: which open the section only in the last part of the text.
COMMENT_HEADING = re.compile(
    rf"{COMMENT_INVITATION.pattern}|^(?:(?:\d+\s+)?(?:comments?|replies)(?:\s*\(\d+\))?"
    r"|(?:show|view|load|hide|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?|loading\s+(?:\d+\s+)?comments?"
    r"|(?:reader|readers['’]?|user)\s+comments?|comments?\s+(?:are\s+)?closed(?:,?\s+but\s+.{1,60})?"
    r"|no\s+comments(?:\s+yet)?(?:\s+on\s+this\s+\w+)?(?:[.!]?\s+(?:please\s+)?(?:log\s*in|sign\s*in|be\s+the\s+first).{0,80})?"
    r"|notify\s+of(?:\s+new\s+.{1,30})?|\d+(?:\s+\d+)*\s+votes?|article\s+rating|inline\s+feedbacks?)\s*[:.!?…]*$",
    _I,
)

#: A sentence of a comment section's house rules: "Please keep your comments respectful and relevant."
_COMMENT_POLICY = re.compile(
    r"\b(?:community\s+(?:guidelines|standards|rules)|comment(?:ing)?\s+(?:policy|guidelines|section|rules)"
    r"|(?:keep|make)\s+(?:your\s+|all\s+)?comments?\s+(?:respectful|civil|relevant|on[\s-]topic|clean)"
    r"|(?:civil|constructive|respectful)\s+(?:and\s+\w+\s+)?(?:conversation|discussion|comments?)"
    r"|required\s+fields\s+are\s+marked|(?:share|submit|send)\s+(?:us\s+)?(?:a|your)\s+(?:story\s+idea|news\s+tip|tip)"
    r"|(?:have|got)\s+a\s+(?:news\s+)?tip|email\s+address\s+will\s+not\s+be\s+published|save\s+my\s+name"
    r"|comments?\s+(?:are|is|will\s+be)\s+(?:moderated|closed|reviewed|pre-?moderated))\b",
    _I,
)

#: Words by which a house rule addresses its readers ("Please keep your comments ...", "We welcome ..."): a report
#: of a platform's rules ("the posts broke its community guidelines") has none.
_ADDRESS = re.compile(r"\b(?:please|your?|we|our|us|here|(?:committed|dedicated)\s+to)\b", _I)
#: A quotation or a report of speech ("'We removed the posts because they broke our community guidelines,' a
#: spokesperson said."): a body's sentence, whatever words a house rule or a prompt shares with it. A quotation closes
#: after its punctuation or with a double mark (a plural's apostrophe, "users' views", closes none).
REPORTED = re.compile(r"[,.!?][”\"’']|[”\"]\s|\b(?:said|says|told|urged|wrote|added)\b", _I)


def is_house_rule(line: str) -> bool:
    """A sentence of a comment section's house rules, addressed to readers and quoting nobody."""
    return bool(_COMMENT_POLICY.search(line) and _ADDRESS.search(line)) and not REPORTED.search(line)


def comment_section_start(lines: list[str], prose: list[bool], last_part: int) -> int | None:
    """Where a comment section opens among ``lines`` (``prose`` says which are prose): an invitation past the first
    sentence, a label ("Comments (12)") only from ``last_part`` on, since share bars print one mid-page.

    A heading over the body's prose opens nothing: a line of 12 words or more that no house rule reads is the
    article going on ("Join the debate" as a subheading), not a reader's name or the form under the heading.
    """
    first_prose = prose.index(True) if True in prose else len(lines)
    for position, line in enumerate(lines):
        invitation = position > first_prose and COMMENT_INVITATION.match(line)
        if (invitation or (position >= last_part and COMMENT_HEADING.match(line))) and not _body_follows(
            lines[position + 1 :], prose[position + 1 :]
        ):
            return position
    return None


def _body_follows(lines: list[str], prose: list[bool]) -> bool:
    """Does the body go on right under a heading: its next line, past the house rules, a long line of prose?"""
    for line, is_prose in zip(lines, prose, strict=True):
        if not is_house_rule(line):
            return is_prose and len(words(line)) >= _BODY_MIN_WORDS
    return False
