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
    rf"^(?:(?:share|tweet|send|post)(?:\s+(?:this|the|on|via|to))?(?:\s+(?:article|story|news|post|page|{_NETWORKS}))?"
    rf"|(?:icon[-_])?(?:{_NETWORKS})(?:\s*[|•·/,]?\s*(?:icon[-_])?(?:{_NETWORKS}))*|\d+\s+(?:shares|comments)"
    rf"|share(?:\s+this(?:\s+(?:article|story|post|page))?)?\s*[:|]\s*(?:{_NETWORKS})(?:\s*[|•·/,]?\s*(?:{_NETWORKS}))*)\s*[:!.]?$",
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
_AGENCY = (
    r"(?:getty(?:\s+images)?|reuters|afp|ap|epa(?:-efe)?|shutterstock|anadolu(?:\s+agency)?|tass|ria\s+novosti|yonhap(?:\s+news)?"
    r"|xinhua|efe|dpa|alamy|pexels|unsplash|wikimedia(?:\s+commons)?|ani|pti|ians|wafa|sana|irna|kcna|ukrinform|bernama"
    r"|maxar(?:\s+technologies)?|planet\s+labs(?:\s+pbc)?|ap\s+photo|afp\s+photo|supplied|handout|file(?:\s+photo)?)"
)

#: "Photo: Shutterstock", "Image: AFP/Getty", "(Photo by X/Getty Images)", "© Reuters"
PHOTO_CREDIT = re.compile(
    rf"^(?:\(?\s*{_CREDIT_WORD}(?:\s+(?:credit|by|courtesy(?:\s+of)?))?\s*[:/©|-]\s*.{{1,100}}?\)?"
    rf"|\(?\s*{_CREDIT_WORD}\s+(?:by|courtesy(?:\s+of)?)\s+.{{1,100}}\)?"
    rf"|©\s*.{{1,80}}"
    rf"|.{{0,60}}/\s*{_AGENCY}(?:\s+via\s+.{{1,40}})?"
    rf"|{_AGENCY}(?:\s*/\s*{_AGENCY})*"
    rf"|{_AGENCY}\s*/\s*(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})"  # "REUTERS/Alina Smutko", "AP Photo/Efrem Lukatsky"
    rf"|.{{1,60}}\s+(?:via|for)\s+getty\s+images"
    rf"|image\s+(?:source|caption)\s*,\s*.{{1,300}}|media\s+caption\s*,\s*.{{1,300}}"  # "Image source, Getty Images"
    rf"|\(\s*{_AGENCY}\s+(?:photo|file|image)s?\s*\))$",
    _I,
)

#: A caption that ends with its credit: "Smoke over the port on Monday (AFP photo)", "... Picture: AFP",
#: "... / Supplied", "... (Photo: Jane Doe/Reuters)", "... [Image: Ministry of Defence]".
CAPTION_WITH_CREDIT = re.compile(
    r"^.{8,300}?(?:"
    r"\s[(\[]\s*(?:[\w.'’&-]+\s+){0,4}(?:file\s+)?(?:photo|image|picture|pic|photograph|video\s+grab|screengrab|handout)s?"
    r"(?:\s*(?::|/|by|credit:?|courtesy(?:\s+of)?)\s*[^)\]]{1,80})?\s*[)\]]"
    r"|[\s.](?:photo|picture|image|pic|photograph|credit)s?(?:\s+credit)?\s*:\s*(?-i:[A-Z][\w.'’&/-]*(?:\s+[A-Z][\w.'’&/-]*){0,5})"
    r"|[.)]\s/\s+(?-i:[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})"
    r")\s*\.?$",
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

#: What a "More from ..." heading names: a few words, and no stop after them ("More videos from Bucha emerged on
#: Sunday." is a sentence).
_MORE_OF = r"(?:[^\s.!?:…]+\s+){0,4}[^\s.!?:…]+(?=(?:\s*(?::|…|\.{2,}))*\s*$)"
#: "Related News", "Read more", "More from Europe": where a page's tail of other headlines starts.
RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+(?:news|articles?|stories|story|posts?|coverage|content|reading|topics|links))?"
    r"|read\s+(?:more|also|next)(?:\s+(?:news|stories|articles|on\s+this))?|see\s+also|also\s+read"
    rf"|more\s+(?:news|stories|articles|on\s+this(?:\s+story)?|from\s+{_MORE_OF}"
    rf"|(?:news|stories|articles|posts|videos)\s+(?:from|in|on|about)\s+{_MORE_OF}|like\s+this|in\s+{_MORE_OF})"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)|other\s+(?:news|stories)|further\s+reading"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?)\s*[:.…]*$",
    _I,
)

#: "Read also: <headline>", "READ MORE: <headline>": a single in-body link line.
READ_ALSO_LINE = re.compile(
    r"^(?:read\s+(?:also|more|next)|also\s+read|see\s+also|also\s+see|related(?:\s+(?:news|story|stories|article|coverage))?"
    r"|watch|listen|recommended(?:\s+(?:for\s+you|stories|reading))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)"
    r"|more\s+on\s+this(?:\s+story)?|must\s+read|don'?[’']?t\s+miss|suggested(?:\s+reading)?|in\s+pictures|in\s+depth)"
    r"\s*[:|–—-]\s*\S.*$",
    _I,
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
    r"log\s*in|sign\s*in|back\s+to\s+top(?:\s+button)?|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)|listen\s+to\s+(?:this|the)\s+article.{0,20}|"
    r"\d+\s*(?:min(?:ute)?s?)\s+read|(?:estimated\s+)?read(?:ing)?\s+time\s*:?.{0,20}|loading\.*|close|next|previous|prev|"
    r"(?:copyright\s*)?(?:©|\(c\))\s*.{0,80}all\s+rights\s+reserved\.?|all\s+rights\s+reserved\.?|"
    r"(?:we|this\s+(?:site|website))\s+uses?\s+cookies.{0,300}|accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?|"
    r"manage\s+(?:cookies|preferences|consent|settings)|cookie\s+(?:settings|policy|preferences)|"
    r"follow\s+us|contact\s+us|about\s+us|privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|"
    r"up\s+next|watch\s+(?:now|live)|live\s+updates?|breaking|next\s+story|previous\s+story|share\s+(?:it|post)|new\s+update|"
    r"more\s+to\s+come\W{0,3}|this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?story.{0,80}|comments?\s+\d+|"
    r"leave\s+a\s+(?:comment|reply)|your\s+email\s+address\s+will\s+not\s+be\s+published.{0,80}|"
    r"you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment|exit\s+mobile\s+version|"
    r"(?:read|follow)\s+our\s+live\s*blog.{0,120}|(?:©|\(c\)|copyright)\s*.{0,60}(?:riservat[ae]|reserved|reproduction).{0,40})\s*[:.!]?$",
    _I,
)

#: What blog engines append to feed items: "The post <title> appeared first on <site>."
FEED_FOOTER = re.compile(
    r"^(?:the\s+post\s+.{1,300}\s+appeared\s+first\s+on\s+.{1,100}|(?:continue|keep)\s+reading.{0,80}|read\s+the\s+(?:full|rest).{0,80}|read\s+more\s+(?:on|at|from)\s+.{1,40}|\[(?:…|\.\.\.)\])$",
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
    rf"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|translation|research|graphics?)"
    r"\s+by\s+(?-i:(?:[A-Z][\w'’.-]*|and|in|from|by|with|[Ee]diting|[Ww]riting|[Rr]eporting|additional|[;,&/]|\s)+)\)?\.?$"
    rf"|^\(\s*[\w .&-]{{1,40}}\s+with\s+{_AGENCY}(?:\s*(?:,|&|and)\s*{_AGENCY})*\s*\)$"
    r"|^our\s+standards\s*:.{0,100}$|^\(?\s*this\s+(?:story|article)\s+(?:has\s+been|was)\s+(?:updated|corrected).{0,160}\)?$",
    _I,
)

#: A bare link, perhaps after a short label: "Details: https://...", "www.example.org".
LINK_LINE = re.compile(r"^(?:[\w ]{1,25}[:\-–—]\s*)?(?:https?://|www\.)\S+$", _I)

#: "...14 months.AGENCIES": an agency credit glued to the last sentence of a paragraph.
GLUED_AGENCY = re.compile(r"(?<=[.!?”\"’])\s*(?-i:AGENCIES|AFP|IANS|PTI|ANI|REUTERS|WAM|SPA|APA|TASS|XINHUA)\s*$")
#: "... in Sudan. - BERNAMA-XINHUA": an agency's code after a dash, at the end of the story. After a quotation it names
#: the speaker ("“The operation will continue.” - IDF").
DASHED_AGENCY = re.compile(r"(?<=[.!?])\s+-\s*(?-i:[A-Z]{2,12}(?:[-/][A-Z]{2,12}){0,3})\s*$")

#: The label of a page's own date stamp: "Updated:", "Published on", "Last updated at".
STAMP_LABEL = re.compile(
    r"^(?:first\s+published|published|posted|created|last\s+updated|last\s+modified|updated|modified|edited)"
    r"(?:\s+(?:on|at))?\s*[:\-–—|]?\s*(?=\S*\d)",
    _I,
)

#: Section names that pages print above the headline or glue into the title ("World", "Middle East").
SECTION_WORDS = frozenset(
    """world news world-news latest politics business economy opinion analysis international national local
    region regions middle-east europe asia africa americas uk us u.s. india pakistan world-europe
    world-asia world-africa world-middle-east conflict war defence defense security sport sports
    top-stories breaking-news home nation metro world-affairs global home-news foreign news-world
    international-news world-news-analysis ukraine russia""".split()
)

#: Sentence-final punctuation, allowing closing quotes and brackets after it.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")

#: A form's label on a line of its own: "Author:", "Date:".
LABEL_ALONE = re.compile(r"^(?P<label>authors?|by|date|published|updated|posted|source)\s*:$", _I)

#: A date that ends a byline with no mark before it: "By The Irrawaddy 20 December 2021".
TRAILING_DATE = re.compile(
    r"\s+(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$"
)
