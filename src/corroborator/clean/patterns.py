"""What scrapers leave behind, as patterns over single lines.

Each pattern recognises one kind of page furniture by its wording, in the
shapes it takes across outlets (not the wording of any one page). A pattern
matches a whole line, after surrounding whitespace and bullets are stripped.
No library recognises these for scraped plain text (trafilatura and jusText
need the HTML), so they are written here; keep each one narrow and named.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

_NETWORKS = (
    r"facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|messenger|email|e-mail|mail|"
    r"print|copy(?:\s+link)?|flipboard|tumblr|vk|viber|threads|bluesky|sms|link|copied|tweet|share|"
    r"google\s+news|youtube|instagram|tiktok|comments?"
)

#: "Share:", "Share this article", "Facebook Twitter WhatsApp", "Share on X | Email"
SHARE_WIDGET = re.compile(
    rf"^(?:(?:share|tweet|send|post)(?:\s+(?:this|the|on|via|to))?(?:\s+(?:article|story|post|page|{_NETWORKS}))?"
    rf"|(?:{_NETWORKS})(?:\s*[|•·/,]?\s*(?:{_NETWORKS}))*|\d+\s+(?:shares|comments))\s*[:!]?$",
    _I,
)

#: Captions that social-media embeds leave in scraped text.
SOCIAL_EMBED = re.compile(
    r"^(?:a\s+post\s+shared\s+by\b.*"
    r"|view\s+(?:this\s+post|more)\s+on\s+\w+.*"
    r"|.{0,80}\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?"
    r"|(?:[—–-]\s*)?.{0,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}"
    r"|pic\.twitter\.com/\S+"
    r"|watch\s+on\s+youtube|embed\s+from\s+getty\s+images|add\s+a\s+comment\.*|load\s+more\.*"
    r"|@\w{1,30})$",
    _I,
)

_CREDIT_WORD = r"(?:photo|photos|photograph|image|images|picture|pictures|illustration|video|credit|credits|source|foto|graphic|map|file\s+photo)"
_AGENCY = r"(?:getty(?:\s+images)?|reuters|afp|ap|epa|shutterstock|anadolu|tass|ria\s+novosti|yonhap|xinhua|efe|dpa|alamy|pexels|unsplash|wikimedia(?:\s+commons)?)"

#: "Photo: Shutterstock", "Image: AFP/Getty", "(Photo by X/Getty Images)", "© Reuters"
PHOTO_CREDIT = re.compile(
    rf"^(?:\(?\s*{_CREDIT_WORD}(?:\s+(?:credit|by|courtesy(?:\s+of)?))?\s*[:/©|-]\s*.{{1,100}}?\)?"
    rf"|\(?\s*{_CREDIT_WORD}\s+(?:by|courtesy(?:\s+of)?)\s+.{{1,100}}\)?"
    rf"|©\s*.{{1,80}}"
    rf"|.{{0,60}}/\s*{_AGENCY}(?:\s+via\s+.{{1,40}})?"
    rf"|{_AGENCY}(?:\s*/\s*{_AGENCY})*)$",
    _I,
)

#: "Trending Now", "Most read", "Editor's picks": a heading over a block of links.
LINK_BLOCK_HEADING = re.compile(
    r"^(?:trending(?:\s+(?:now|news|stories|today|topics|articles))?|most\s+(?:read|popular|viewed|shared|commented)"
    r"(?:\s+(?:articles|stories|news|today|now))?|popular(?:\s+(?:now|news|stories|today|articles))?"
    r"|editor'?s?[’']?\s+picks?|top\s+(?:stories|news|headlines)|latest(?:\s+(?:news|stories|headlines|articles))?"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|don'?[’']?t\s+miss|must\s+read"
    r"|in\s+(?:other|case\s+you\s+missed|the)\s+news|breaking\s+news|more\s+stories|hot\s+topics|what\s+to\s+read\s+next)\s*:?$",
    _I,
)

#: "Related News", "Read more", "More from Europe": where a page's tail of other headlines starts.
RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+(?:news|articles?|stories|story|posts?|coverage|content|reading|topics|links))?"
    r"|read\s+(?:more|also|next)(?:\s+(?:news|stories|articles|on\s+this))?|see\s+also|also\s+read|more\s+(?:news|stories|articles|on\s+this(?:\s+story)?|from\s+.{1,40}|like\s+this|in\s+.{1,30})"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)|other\s+(?:news|stories)|further\s+reading"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?)\s*[:.…]*$",
    _I,
)

#: "Read also: <headline>", "READ MORE: <headline>": a single in-body link line.
READ_ALSO_LINE = re.compile(
    r"^(?:read\s+(?:also|more|next)|also\s+read|see\s+also|related|watch|listen)\s*[:|–—-]\s*\S.*$", _I
)

#: "Tags: Kazan, Russia, ..." (the list becomes the document's tags).
TAG_LINE = re.compile(
    r"^(?:tags?|tagged(?:\s+(?:with|as))?|topics?|keywords?|filed\s+under|categories|category|themes?)\s*[:|]\s*(?P<tags>.+)$",
    _I,
)

#: A line of hashtags only: "#Kursk #NorthKorea".
HASHTAG_LINE = re.compile(r"^(?:#\w[\w-]*[\s,]*){1,30}$")

#: "Written by Jane Doe", "By Jane Doe and John Roe | 5 Nov 2024", "Author: Jane Doe".
BYLINE = re.compile(
    r"^(?:written\s+by|by|author(?:s|\(s\))?|words\s+by|reported\s+by|story\s+by|posted\s+by|text\s+by|reporting\s+by)"
    r"\s*[:\-–—]?\s+(?P<names>.+)$",
    _I,
)

#: Newsletter, app and messenger-group invitations: imperative and short.
INVITATION = re.compile(
    r"^\W{0,3}(?:join|subscribe|follow|sign\s*up|signup|register|download|get|click|tap|stay\s+(?:informed|updated|tuned)|never\s+miss|"
    r"don'?t\s+miss|want\s+(?:more|to\s+receive)|like\s+us|turn\s+on|enable)\b.{0,140}?\b(?:whatsapp|telegram|newsletters?|channel|group|"
    r"instagram|facebook|twitter|x\.com|google\s+news|youtube|viber|signal|app|notifications?|alerts?|briefing|inbox|updates|"
    r"email|e-mail|podcast|rss|feed|tiktok|threads|us)\b.{0,80}$",
    _I,
)

#: Advertising and page furniture that stands alone on a line.
FURNITURE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|ads|story\s+continues\s+(?:below|after).{0,30}|"
    r"scroll\s+(?:down\s+)?to\s+continue.{0,30}|continue\s+reading.{0,30}|skip\s+to\s+(?:main\s+)?content|skip\s+ad|menu|search|home|"
    r"log\s*in|sign\s*in|back\s+to\s+top|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)|listen\s+to\s+(?:this|the)\s+article.{0,20}|"
    r"\d+\s*(?:min(?:ute)?s?)\s+read|reading\s+time\s*:?.{0,20}|loading\.*|close|next|previous|prev|"
    r"(?:copyright\s*)?(?:©|\(c\))\s*.{0,80}all\s+rights\s+reserved\.?|all\s+rights\s+reserved\.?|"
    r"(?:we|this\s+(?:site|website))\s+uses?\s+cookies.{0,300}|accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?|"
    r"manage\s+(?:cookies|preferences|consent|settings)|cookie\s+(?:settings|policy|preferences)|"
    r"follow\s+us|contact\s+us|about\s+us|privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|"
    r"up\s+next|watch\s+(?:now|live)|live\s+updates?|breaking)\s*[:.!]?$",
    _I,
)

#: What blog engines append to feed items: "The post <title> appeared first on <site>."
FEED_FOOTER = re.compile(
    r"^(?:the\s+post\s+.{1,300}\s+appeared\s+first\s+on\s+.{1,100}|(?:continue|keep)\s+reading.{0,80}|read\s+the\s+(?:full|rest).{0,80}|\[(?:…|\.\.\.)\])$",
    _I,
)

#: Appeals for money or membership, wherever they stand in a (short) line.
APPEAL = re.compile(
    r"\b(?:support\s+(?:our|us|independent)\s+(?:work|journalism|reporting|newsroom|mission)|donate\s+(?:now|today|to\s+us|here)"
    r"|become\s+a\s+(?:member|patron|supporter|subscriber)|patreon|buy\s+(?:me|us)\s+a\s+coffee|reader[- ](?:funded|supported)"
    r"|make\s+a\s+(?:donation|contribution))\b",
    _I,
)

#: Wire-service credits at the foot of a story: "Reporting by X; Editing by Y", "(Additional reporting by Z)".
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|translation|research|graphics?)"
    r"\s+by\s+(?-i:(?:[A-Z][\w'’.-]*|and|in|from|by|with|[Ee]diting|[Ww]riting|[Rr]eporting|additional|[;,&/]|\s)+)\)?\.?$"
    r"|^our\s+standards\s*:.{0,100}$|^\(?\s*this\s+(?:story|article)\s+(?:has\s+been|was)\s+(?:updated|corrected).{0,160}\)?$",
    _I,
)

#: A bare link, perhaps after a short label: "Details: https://...", "www.example.org".
LINK_LINE = re.compile(r"^(?:[\w ]{1,25}[:\-–—]\s*)?(?:https?://|www\.)\S+$", _I)

#: Sentence-final punctuation, allowing closing quotes and brackets after it.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
