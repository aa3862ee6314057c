"""What real scrapes carry around the body beyond ``patterns``: comment sections, CMS credits, source notes.

Pages scraped from blogs, aggregators and broadcasters' sites end in a comment
section (``comments``: "Be part of the conversation", the house rules, "Leave a Reply"), the
CMS's own lines ("Source link", "By admin", "Powered by ..."), a credit for the
agencies the story drew on ("(With inputs from agencies.)"), "Read more" stubs,
and teasers for other stories cut off mid-word ("... security a…"). Some print
the outlet's name alone over the story ("Associated Press").

The evidence comes in two strengths, and the rules here keep them apart:

- a line of a known prompt shape is furniture wherever it stands (``line_rule``);
- a line that only reads like furniture (a comment-policy sentence, a teaser cut
  off with "…", an outlet's name) is dropped only in the trailing block after the
  body's last sentence (``tail_rule``), where a body sentence cannot stand.

Every shape is an outlet-independent form of words; no rule names one site.
"""

from __future__ import annotations

import re

from ..dates import Stamp, parse_stamp
from .comments import COMMENT_HEADING, REPORTED, is_house_rule
from .headlines import looks_like_headline, words
from .patterns import DASHED_AGENCY, GLUED_AGENCY, LINK_BLOCK_HEADING, RELATED_HEADING, SENTENCE_END
from .people import split_authors

_I = re.IGNORECASE

#: A prompt line (subscribe, read more, a CMS credit) is this short; a longer line is prose that mentions one.
_PROMPT_MAX_WORDS = 15
#: A comment-policy paragraph is a few sentences at most.
_POLICY_MAX_WORDS = 60
#: An outlet's name alone is this short ("BBC News", "The Kyiv Independent", "Daily Sun - News").
_OUTLET_MAX_WORDS = 4
#: A line this long that ends with a stop is a sentence.
_SENTENCE_MIN_WORDS = 8
#: A lead-in ("According to NY Times:") is this short.
_LEAD_IN_MAX_WORDS = 8
#: An agency credit ("(With inputs from PTI and ANI.)") is this short; a longer line is a sentence.
_CREDIT_MAX_WORDS = 10

#: "Source link", "Original source: UNHCR.": the CMS's pointer to where the story came from.
_SOURCE_LINK = re.compile(
    r"^(?:source\s+(?:link|url|from|via)|original\s+(?:source|article|story|post)(?:\s*:\s*[^.!?]{1,60})?|view\s+source"
    r"|(?:read|view)\s+(?:the\s+)?original(?:\s+(?:article|story|post))?)\s*[:.]?$",
    _I,
)

#: The sources an agency credit names: agencies, or names in capitals ("PTI, ANI and IANS", "the Harbour News Agency");
#: "residents" or "the front, the army retreated" is a sentence's.
_CREDITED = (
    r"(?:agencies|agency|wires?|news\s+agencies|(?:the\s+)?(?-i:[A-Z][\w.&/'’-]*)"
    r"(?:(?:\s*,\s*|\s+(?:and|&)\s+|\s+)(?-i:[A-Z][\w.&/'’-]*))*)"
)
#: "(With inputs from agencies.)", "With inputs from PTI", "(With agency inputs)", "Based on materials from TASS",
#: "-- With AFP": the agencies a desk rewrote its story from.
_AGENCY_INPUTS = re.compile(
    rf"^[(\[]?\s*(?:[-–—]+\s*)?(?:with\s+(?:additional\s+)?inputs?\s+(?:from|by)\s+{_CREDITED}"
    r"|with\s+(?:agency|agencies|wire|news\s+agency|(?-i:[A-Z]{2,5}))\s+inputs?"
    rf"|inputs?\s+(?:from|by)\s+{_CREDITED}"
    rf"|based\s+on\s+(?:materials?|reports?|information|reporting)\s+(?:from|by|of)\s+{_CREDITED}"
    r"|with\s+(?:agencies|agency\s+reports?|wires|(?-i:[A-Z]{2,7})(?:\s*(?:,|and|&)\s*(?-i:[A-Z][\w]{1,10}))*))"
    r"[\s.)\]]*$",
    _I,
)

#: "By admin", "Posted by webmaster": the CMS account that posted a copied story, no person.
_CMS_BYLINE = re.compile(
    r"^(?:by|posted\s+by|written\s+by|published\s+by|author\s*:?)\s+(?:site\s*)?(?:admin|administrator|webmaster"
    r"|webadmin|superadmin|moderator|editor|user\d*|guest|author|wpadmin|root)\d*\s*$",
    _I,
)

_CMS_NAMES = (
    r"wordpress|joomla|drupal|wix|squarespace|blogspot|blogger|wordfence|malcare|sucuri|jetpack|elementor|cloudflare"
    r"|siteground|godaddy|bluehost|hostinger|hostgator|dreamhost|wp\s*engine|kinsta|pantheon|acquia|netlify|digitalocean"
)
#: What names a CMS's maker or a web host ("Hosted by SiteGround", "Designed by Harbour Digital"); "Designed by Iran"
#: and "Protected by Iron Dome" name none.
_WEB_MAKER = (
    rf"(?:{_CMS_NAMES}|hosting|host|servers?|web|digital|design|designs|media|solutions|studios?|labs|technologies"
    r"|tech|software|themes?|interactive|creative|[\w-]+\.(?:com|net|org|io|co))"
)
#: "Powered by WordPress", "Malcare WordPress Security", "Website designed by ...": the CMS and its makers. A name
#: ends the line: a clause after a comma makes a headline ("Hosted by Qatar, ceasefire talks resume"); and no verb
#: stands before a CMS's name ("Russia throttles Cloudflare").
_CMS_CREDIT = re.compile(
    r"^(?:(?:proudly\s+)?powered\s+by\s+[^,;:!?]{1,40}|(?:wordpress\s+)?theme(?:\s+by|\s*:)\s+[^,;:!?]{1,40}"
    r"|(?:(?:web\s*)?site|web\s+design)(?:\s+(?:designed|developed|built|maintained|hosted))?\s+by\s+[^,;:!?]{1,40}"
    r"|(?:design(?:ed)?(?:\s+and\s+developed)?|developed|hosted|maintained|protected|secured)"
    rf"(?:\s+(?:designed|developed|built|maintained|hosted))?\s+by\s+(?=[^,;:!?]{{0,40}}\b{_WEB_MAKER}\b)[^,;:!?]{{1,40}}"
    r"|performance\s+(?:&|and)\s+security\s+by\s+cloudflare"
    rf"|(?:(?:{_CMS_NAMES})\s+){{0,2}}(?:{_CMS_NAMES})"
    r"(?:\s+(?:security|firewall|protection|plugin|theme|hosting|cdn|site|website|vip|\.com|ray\s+id\b.*))*)$",
    _I,
)

#: Subscription and paywall prompts: "Subscribe now to keep reading ...", "Discover more from X", "Share to Spread",
#: "Are you already a subscriber?", "Click to log in!".
_SUBSCRIBE = re.compile(
    r"^\W{0,3}(?:(?:subscribe|sign\s*up|signup|register|log\s*in)"
    r"(?=\s*$|[^\w\s]|\s+(?:now|today|for|to|here|free|and|or|with|in|below|via|on|at|using)\b).*"
    r"|discover\s+more\s+from\s+.{1,40}|share\s+to\s+spread|spread\s+the\s+love|(?:are\s+you\s+)?already\s+(?:a\s+)?"
    r"(?:subscriber|member|registered)\b.*|click\s+(?:here\s+)?to\s+(?:log\s*in|sign\s*in|subscribe|continue)\b.*)$",
    _I,
)

#: A quotation's opening mark: a prompt is never quoted.
_OPENING_QUOTE = re.compile(r"^[\"“‘'«„]")
#: What makes a sentence that opens with "Subscribe" or "Sign up" a prompt rather than a report.
_PROMPT_WORDS = re.compile(
    r"\b(?:now|today|free|here|newsletters?|archive|inbox|notifications?|access|account|email|alerts?|updates)\b", _I
)

_PHOTO_WORD = r"(?:photo|image|picture|photograph|handout|frame\s+grab|screengrab|video\s+grab)(?![\w-])"
#: Captions as agencies write them: "In this photo taken from video ...", "In this still from video ...", "This image
#: released by ... shows". A caption says what the photo shows; "This photo published by the ministry was later
#: deleted" is a report, and "In this town still reeling" or "In this picture-perfect village" a sentence.
_CAPTION_OPENING = re.compile(
    rf"^(?:in\s+this\s+(?:still\s+(?=image|photo|from\b)|(?:[\w-]+\s+){{0,2}}{_PHOTO_WORD})"
    rf"|this\s+(?:[\w-]+\s+){{0,2}}{_PHOTO_WORD}\s+(?:shows|from|courtesy\b"
    r"|(?:released|taken|provided|made|distributed|obtained|posted|published)\b(?=.*\b(?:shows?|showing|depicts?)\b)))",
    _I,
)
#: A caption's credit at its end: "(Russian Defence Ministry Press Service via AP)", "(Andrew Roe/PA) (PA Archive)",
#: a photographer's full name, an agency after the slash, or a credit set off after the caption's stop ("... (2015).
#: (SVP/Global Risk Insights.)"; "... claiming the attack (Hamas/Islamic Jihad)" names the parties to a claim),
#: "... on Tuesday. Photo courtesy MSC".
_CAPTION_CREDIT_END = re.compile(
    r"\(\s*[^()]{1,80}?\s+via\s+(?:ap|afp|reuters|getty(?:\s+images)?|epa|anadolu|ap\s+photo|dpa|tass)\s*\)\s*$"
    r"|\(\s*(?:(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*/\s*(?-i:[A-Z][\w&.'’ -]{1,40})"
    r"|(?-i:[A-Z][\w.'’-]*)\s*/\s*(?:getty(?:\s+images)?|reuters|afp|ap|epa|pa|anadolu|shutterstock|alamy|sipa|dpa))\s*\)"
    r"|(?<=[.!?”\"]\s)\(\s*(?-i:[A-Z][\w.'’-]*)\s*/\s*(?-i:[A-Z][\w&.'’ -]{1,40})\s*\)"
    r"(?:\s*\([^()]{1,30}\))?\s*$"
    r"|[.!?]\s+(?:photo|picture|image|video)s?\s+(?:courtesy(?:\s+of)?|by)\s+(?-i:[A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,4})"
    r"\s*$",
    _I,
)
#: "Credit...Jane Roe for The Daily Example", "... on Tuesday.Credit…Evgeny Roe/Sputnik": a credit as a page prints it
#: under a photo; "ImageSmoke rises ...": a caption glued to its label.
_PRINTED_CREDIT = re.compile(
    r"(?:^|[\w.)”’\"])Credits?\s*(?:\.{2,}|…)\s*\S.{0,100}$|^(?:Image|Photo|Video)(?=[A-Z“‘\"]|$)"
)
#: A video's lower third, the speaker over their office: "Jane Roe / Harbour Party".
_LOWER_THIRD = re.compile(
    r"^(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+/\s+(?-i:[A-Z][\w&'’.-]*)(?:\s+[\w&'’.-]+){0,5}$"
)
#: A caption is a sentence or two.
_CAPTION_MAX_WORDS = 60

#: Lines a live page prints around its posts: "4 minutes ago" ("Published: 2 hours ago": no date to read), "Pinned",
#: "icon to expand image".
_PAGE_WIDGET = re.compile(
    r"^(?:(?:(?:published|posted|updated|last\s+updated)\s*:?\s*)?\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?"
    r"|weeks?)\s+ago|just\s+now|pinned(?:\s+post)?|(?:icon\s+to\s+)?(?:expand|enlarge|zoom)"
    r"(?:\s+(?:image|photo|picture))?|click\s+to\s+(?:expand|enlarge)(?:\s+(?:image|photo))?|(?:view|open)\s+(?:image\s+)?gallery)"
    r"\s*$",
    _I,
)

#: "Reporting from Istanbul": a live post's place; over the body, with no headline under it, a headline.
_REPORTING_FROM = re.compile(r"^reporting\s+from\s+(?-i:[A-Z][\w'’.-]*(?:[\s,]+[A-Z][\w'’.-]*){0,3})\s*$", _I)

#: The house rules a comment form prints, which need no reader addressed: "The email will not be published."
_FORM_NOTICE = re.compile(
    r"^\W{0,3}(?:(?:the|your)\s+)?(?:email|e-mail)(?:\s+address)?\s+will\s+not\s+be\s+(?:published|shared|displayed).{0,80}"
    r"|^\W{0,3}required\s+fields\s+are\s+marked.{0,20}|^\W{0,3}save\s+my\s+name,?\s+email.{0,120}",
    _I,
)

#: The end of a wire story or release ("ENDS", "Enditem", "-30-", "###"), a disclaimer, a release's pointer to its
#: site ("To learn more about X's work, please visit https://..."), a file to download instead of the text.
_END_MATTER = re.compile(
    r"^\W*(?:ends?|enditem|end\s+of\s+(?:story|article|transcript|release|text)|(?:-\s*)?30\s*-|#{3})\W*$"
    r"|^\W*disclaimer\s*(?:[:–—-].{0,400})?$"
    r"|^(?:to\s+learn\s+more|for\s+more\s+(?:information|details|news)|more\s+information|to\s+find\s+out\s+more)\b.{0,100}"
    r"(?:https?://|www\.)\S+\s*$"
    r"|^please\s+refer\s+to\s+the\s+attached\s+(?:file|document|report|pdf)s?\.?$"
    r"|^download\s+(?:the\s+)?(?:full\s+)?(?:pdf|report|document|file|statement)\b.{0,40}$",
    _I,
)

#: What a wire desk leaves at a story's foot: its editors' initials ("pll/mgt/ebr", "(T/RE1/P2)"), its own
#: abbreviation ("NAN", "KUNA").
_DESK_CODES = re.compile(
    r"^\(?(?:[a-z]{2,4}(?:/[a-z]{2,4}){1,5}|[A-Z0-9]{1,4}(?:/[A-Z0-9]{1,4}){1,5})\)?$|^[A-Z]{2,6}$"
    r"|^\([A-Z]{2,8}(?:\s*[,;]\s*[A-Z]{1,8}){0,4}\)$"  # "(WAFA, PC)": the agency and the desk's initials
)

#: A stamp's label as some pages word it ("Originally published: 3 Mar 2025") and a link glued after it.
_STAMP_EXTRAS = re.compile(r"^originally\s+(?=published)|\s+(?:view|read)\s+original\s*$", _I)
#: "Originally published by UNHCR on 8 February 2019": the source a reprint names between the label and the date.
_REPRINT_SOURCE = re.compile(r"^originally\s+published\s+(?:by|in|at)\s+[^.:|]{1,50}?\s+(?=on\s+\S*\d)", _I)

#: A reaction bar, a word a line: "Like", "Angry", "Sad".
_REACTION = re.compile(
    r"^(?:like|dislike|love|angry|sad|funny|pray|wow|haha|happy|surprised|shocked|upset|excited|care|insightful"
    r"|informative|inspiring|useful|not\s+useful)\s*$",
    _I,
)

#: "This audio is created with AI assistance", "This article was translated using machine translation".
_AI_NOTICE = re.compile(
    r"^(?:this\s+(?:audio|article|story|summary|text|translation|page|content)\s+(?:is|was|has\s+been)\s+(?:created|generated"
    r"|produced|translated|summari[sz]ed|written|narrated|read)\s+(?:with|by|using)\s+(?:the\s+help\s+of\s+)?(?:an?\s+)?"
    r"(?:ai|artificial\s+intelligence|machine|automated|text-to-speech)\b.{0,80})$",
    _I,
)

#: "…read more", "Read More full article", "Credit-Read More", "To Read The Full Story": a stub where the link was.
_READ_MORE = re.compile(
    r"^\W*(?:credit\W+|source\W+)?read\s+more\b(?:\W+\w+){0,3}\W*$"
    r"|^\W*(?:to\s+|click\s+(?:here\s+)?to\s+)?read\s+(?:the\s+)?full\s+(?:article|story|report|text|post)\b.{0,40}$"
    r"|^\W*read\s+(?:more\s+|it\s+|the\s+story\s+)?(?:at|on)\s+(?:https?://)?[\w.-]+\.[a-z]{2,}\S*\W*$",
    _I,
)

#: "According to NY Times:", "As reported by Reuters:": a lead-in whose quote (an embed) the scrape lost.
_LEAD_IN = re.compile(
    r"^(?:according\s+to|as\s+(?:reported|quoted|cited|noted)\s+(?:by|in)|(?:reports?|reported|writes?|wrote"
    r"|quoting|citing)\s+(?:by\s+)?)\s*(?P<source>[\w .&'’-]{1,50}):$",
    _I,
)
#: A source by its name ("NY Times", "The Harbour Times", "@JaneRoe"): whose post or article an embed quoted.
_NAMED_SOURCE = re.compile(r"^(?:the\s+)?(?-i:[A-Z@][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*|of|and|&))*$", _I)
#: What opens a quotation under a lead-in.
_QUOTE_OPENING = re.compile(r"^[\"“‘'«„–—-]")

#: A teaser for another story, cut off mid-word or mid-sentence: "... security a…", "... with [...]".
_CUT_TEASER = re.compile(r"(?:[^\W\d_]\s?(?:…|\.\.\.)|\[(?:…|\.\.\.)\]|(?:…|\.\.\.)\s*read\s+more)$", _I)
#: A cut the page marked as one ("[…]", "… Read more"), not a sentence trailing off.
_MARKED_CUT = re.compile(r"(?:\[(?:…|\.\.\.)\]|(?:…|\.\.\.)\s*read\s+more)$", _I)

#: News agencies and broadcasters printed alone over or under a story they carry.
_OUTLET_NAME = re.compile(
    r"^(?:the\s+)?(?:associated\s+press|reuters|agence\s+france[\s-]presse|afp|bbc(?:\s+(?:news|world\s+service))?"
    r"|cnn|al\s+jazeera(?:\s+english)?|xinhua(?:\s+news\s+agency)?|tass|ria\s+novosti|interfax|ukrinform"
    r"|yonhap(?:\s+news\s+agency)?|anadolu(?:\s+agency)?|kyodo(?:\s+news)?|united\s+press\s+international|upi"
    r"|voice\s+of\s+america|voa|france\s*24|dw(?:\s+news)?|deutsche\s+welle|sky\s+news|(?:nbc|cbs|abc|fox)\s+news"
    r"|radio\s+free\s+europe(?:\s*/\s*radio\s+liberty)?|rfe/rl|press\s+trust\s+of\s+india|asian\s+news\s+international"
    r"|indo-asian\s+news\s+service)\s*$",
    _I,
)
#: The last word of a masthead ("Sudan Tribune", "Daily Sun - News", "The Kyiv Independent").
_MASTHEAD_END = frozenset(
    "news press times post tribune herald gazette journal telegraph chronicle monitor observer independent "
    "agency wire online tv radio daily express guardian star standard mirror courier dispatch insider desk".split()
)

#: A headline's verb in the present ("Meets", "Hits", "Says"); a masthead's words end otherwise ("Business", "Gulf").
_VERB_S = re.compile(r"^[A-Z][a-z]+[^s\W]s$")
#: How a headline opens: a word, a number, a quotation, a bracket, a hashtag, a currency.
_WORDLIKE_START = re.compile(r"^[\w\"“‘'(\[«¿¡#@$£€]")
#: A page's reading time or age: "·2 min read", "Estimated read time 3 min", "4 hours ago".
_READ_TIME = re.compile(
    r"^\W*(?:\d+\s*(?:min(?:ute)?s?)\s+read|(?:estimated\s+)?read(?:ing)?\s+time\b.{0,20}"
    r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)\W*$",
    _I,
)
#: The abbreviation after an outlet's name.
_ABBREVIATION = re.compile(r"\s*\([A-Z]{2,8}\)$")

#: "Jane Roe 1 minute ago Sun 16th May 2021 | 04:00 PM": a name (perhaps with a handle, "(@JaneRoe)"), how long ago,
#: and the date.
_NAME_AGO = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})(?:\s+\(@\w{1,30}\))?\s+\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?"
    r"|days?|weeks?)\s+ago\b\s*(?P<rest>.*)$"
)


_DATE_TIME = r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}),?\s+\d{1,2}:\d{2}"
_VIEWS = r"\s*[-–—|•]\s*(?:\[\w{1,20}\]|\d+(?:\s+(?:views?|comments?))?)"
#: A teaser for another story with its date and time glued on, as a link prints it in the body: "Ship comes under
#: fire in the Red Sea12.12.23, 08:00 - [views_0]". Set off by a space, the date is a teaser's only with its views
#: after it: "The new curfew starts on 24.02.2024, 22:00" is a schedule.
_DATED_TEASER = re.compile(
    rf"^(?=.*[^\W\d_]{{3}}).{{10,200}}?[^.!?\s](?:(?<!\d){_DATE_TIME}(?:{_VIEWS})?|\s{_DATE_TIME}{_VIEWS})\s*$"
)
#: Widgets in other languages and a few more share buttons: "Condividi su Facebook", "Читать дальше...",
#: "Pin It on Pinterest".
_MORE_WIDGETS = re.compile(
    r"^\W*(?:(?:condividi|partager|teilen|compartir|compartilhar|поделиться|поширити|udostępnij|delen)"
    r"(?:\s+(?:su|sur|auf|en|em|в|на|op|via)\s+\w+)?\s*)+\W*$"
    r"|^\W*(?:читать\s+(?:дальше|далее|также|полностью)|читайте\s+також|читайте\s+также|leer\s+m[aá]s|lire\s+(?:la\s+suite|aussi)"
    r"|weiterlesen|mehr\s+lesen|lesen\s+sie\s+auch|leggi\s+(?:anche|tutto|di\s+più)|per\s+maggiori\s+informazioni"
    r"|pour\s+plus\s+d['’]informations|para\s+m[aá]s\s+informaci[oó]n|pin\s+it(?:\s+on\s+pinterest)?)\W*$",
    _I,
)
#: A footer's label whose links are gone: "Tags", "Topics:", "Теги:", "Etiquetas".
_BARE_LABEL = re.compile(
    r"^(?:tags?|topics?|keywords?|related\s+topics|теги|метки|ключові\s+слова|ключевые\s+слова|etiquetas|schlagwörter"
    r"|mots[-\s]clés|tag)\s*:?$",
    _I,
)
#: A release's contacts: "For more information on this topic, please contact:", "Media contacts:".
_CONTACT_HEADING = re.compile(
    r"^(?:for\s+(?:more|further)\s+(?:information|details)(?:\s+on\s+this\s+\w+)?,?\s+(?:please\s+)?contact"
    r"|(?:for\s+)?(?:media|press)\s+(?:contacts?|enquiries|inquiries)|contacts?)\s*:?$",
    _I,
)
#: A contact's line: an e-mail address ("[email protected]" where the page hid it) or a phone number.
_CONTACT_LINE = re.compile(r"[\w.+-]+@[\w-]+\.\w|\[email\s+protected\]|(?:\+|\btel\.?:?\s*)\d[\d\s().-]{7,}\d", _I)
#: A contact's sentence asks the reader: "Send tips to jane@example.org.", "Please call +1 555 0100."
_CONTACT_ASK = re.compile(r"^\W{0,3}(?:please\s+)?(?:send|contact|call|e-?mail|write|reach|text|phone|dm)\b", _I)
#: A contact line is short.
_CONTACT_MAX_WORDS = 25
#: "Also Read India seized ... Are cases rising?": a run of headlines under a label, in one paragraph.
_READ_ALSO_RUN = re.compile(r"^(?-i:Also Read|ALSO READ|Read Also|READ ALSO|Also read)\s+(?=[A-Z0-9‘'\"“])")
#: "... on Monday. Also Read: Strikes hit port": a link's label and headline glued to a paragraph's end.
_GLUED_READ_ALSO = re.compile(
    r"(?<=[.!?”\"’])\s*(?-i:Also\s+Read|ALSO\s+READ|Read\s+Also|READ\s+ALSO|Also\s+read|Read\s+More|READ\s+MORE)"
    r"\s*[:|–—-]\s*(?P<headline>[^\n]{3,160})$"
)
#: "Middle East correspondent, in Beirut": a live page's reporter's title, under their name. A title opens with no
#: article ("An analyst at BlackRock said ..."), and the place glued to a post ends with three small letters
#: ("BeirutToday's"; "MacDill", "McAllen" are names).
_REPORTER_ROLE = re.compile(
    r"^(?!(?:A|An|The)\s)(?:[A-Z][\w'’-]*\s+){0,4}(?i:(?:chief\s+|senior\s+|international\s+)?(?:correspondent|editor|reporter|analyst"
    r"|producer|presenter))(?:,?\s+(?:in|at|reporting\s+from)\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}?)?(?P<glued>(?<=[a-z]{3})"
    r"(?=[A-Z][a-z’']))?"
)


def line_rule(line: str) -> str | None:
    """The rule for a line of a prompt shape, furniture wherever it stands; None for any other line."""
    if not any(c.isalnum() for c in line):
        return "punctuation"  # "[", "***", "|": what a link bar leaves once its links are gone
    if _SOURCE_LINK.match(line):
        return "source-link"
    n = len(words(line))
    if n <= _CREDIT_MAX_WORDS and _AGENCY_INPUTS.match(line):
        return "wire-credits"
    if _CMS_BYLINE.match(line):
        return "cms-byline"
    short = n <= _PROMPT_MAX_WORDS
    if short and not SENTENCE_END.search(line) and _CMS_CREDIT.match(line):
        return "cms-credit"
    if COMMENT_HEADING.match(line):
        return "comment-section"
    if _REACTION.match(line):
        return "reactions"
    if _FORM_NOTICE.match(line):
        return "comment-section"
    if _END_MATTER.match(line):
        return "end-matter"
    if _PAGE_WIDGET.match(line) or _REPORTING_FROM.match(line):
        return "page-widget"
    if n <= _CAPTION_MAX_WORDS and is_caption(line):
        return "caption"
    if _AI_NOTICE.match(line):
        return "ai-notice"
    prompt = short and not _OPENING_QUOTE.match(line) and not REPORTED.search(line)  # "“Register now,” he said."
    if prompt and _SUBSCRIBE.match(line) and (not is_sentence(line) or _PROMPT_WORDS.search(line)):
        return "subscribe"  # "Sign up sheets were handed out at the shelter." is a report
    if prompt and _READ_MORE.match(line) and not RELATED_HEADING.match(line):  # a bare "Read more" heads the tail
        return "read-more"
    if short and _MORE_WIDGETS.match(line):
        return "share-widget"
    if _CONTACT_HEADING.match(line):
        return "end-matter"
    if _DATED_TEASER.match(line):
        return "teaser"
    return None


def tail_rule(line: str) -> str | None:
    """The rule for a line that reads like furniture, to be dropped only after the body's last sentence."""
    if rule := line_rule(line):
        return rule
    n = len(words(line))
    if n <= _POLICY_MAX_WORDS and is_house_rule(line):
        return "comment-section"
    if _CUT_TEASER.search(line.rstrip()):
        return "teaser"
    if _DESK_CODES.match(line):
        return "wire-credits"
    if _BARE_LABEL.match(line):
        return "tags"
    if n <= _CONTACT_MAX_WORDS and _CONTACT_LINE.search(line) and (not is_sentence(line) or _CONTACT_ASK.match(line)):
        return "contact"  # "The demand came from darkside@proton.me, investigators said." is a report
    if _READ_ALSO_RUN.match(line):
        return "read-also"
    if is_outlet_name(line):
        return "outlet"
    return None


def end_rules(lines: list[str]) -> dict[int, str]:
    """The rules for positions of ``lines`` (the kept lines in order): the trailing block's furniture, and lead-ins
    ("According to NY Times:") whose quotation is gone."""
    found = {len(lines) - 1 - k: rule for k, rule in enumerate(trailing_rules(lines))}
    for position in range(len(lines) - 1):
        if is_reporter(lines[position], lines[position + 1]):
            found[position] = "byline"  # a live page's post signed by its reporter
            if (role := _REPORTER_ROLE.match(lines[position + 1])) and role.end() == len(lines[position + 1]):
                found[position + 1] = "byline"
    kept = [i for i in range(len(lines)) if i not in found]
    for n, position in enumerate(kept):
        following = lines[kept[n + 1]] if n + 1 < len(kept) else None
        if is_dangling_lead_in(lines[position], following):
            found[position] = "lead-in"
    return found


def trailing_rules(lines: list[str]) -> list[str]:
    """The rules for the trailing block of ``lines`` (the kept lines in order), from the last line up.

    The block runs up from the end while each line reads like furniture. A line that trails off ("... they
    said...") may end a body too: it counts as a teaser only beside another one, or where the page marked the cut.
    """
    rules: list[str] = []
    for position in range(len(lines) - 1, -1, -1):
        rule = tail_rule(lines[position])
        if rule == "teaser" and not _MARKED_CUT.search(lines[position]):
            beside = [lines[i] for i in (position - 1, position + 1) if 0 <= i < len(lines)]
            rule = rule if any(_CUT_TEASER.search(line.rstrip()) for line in beside) else None
        if rule is None:
            break
        rules.append(rule)
    return rules


def is_read_time(line: str) -> bool:
    """A line that times the page's reading or tells its age: "·2 min read", "4 hours ago"."""
    return bool(_READ_TIME.match(line))


def stamp_text(line: str) -> str:
    """A stamp line as ``dates.parse_stamp`` reads it: "Originally published: 3 Mar 2025 View original" -> "published:
    3 Mar 2025"."""
    return _STAMP_EXTRAS.sub("", _REPRINT_SOURCE.sub("published ", line))


def is_caption(line: str) -> bool:
    """A photo's caption or credit by the shapes agencies and pages print them (see ``_CAPTION_OPENING``)."""
    if _CAPTION_OPENING.match(line) or _PRINTED_CREDIT.search(line) or _LOWER_THIRD.match(line):
        return True
    return bool(_CAPTION_CREDIT_END.search(line)) and not re.search(r"\bsaid\b", line)  # a report cites its poll so


def is_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line)) and len(words(line)) >= _SENTENCE_MIN_WORDS


def head_rule(line: str, outlet: str | None, following: str | None = None) -> str | None:
    """The rule for a first line that is no headline: a prompt, or the outlet's name (the one the container gave).

    A line that only reads like a masthead ("Hard Times", "Sudan Tribune") or a live post's place ("Reporting from
    Gaza") is furniture only over another headline (``following``); over the body it is the headline.
    """
    headline_follows = following is not None and looks_like_headline(following)
    if reads_as_headline(line, following):
        return None
    if rule := line_rule(line):
        return rule
    if not _WORDLIKE_START.match(line):
        return "page-widget"  # ": :in Kyiv (EET)", a clock's remains: no headline opens with punctuation
    if LINK_BLOCK_HEADING.match(line):
        return "link-block"  # "Trending" over the story: a menu's heading, its links gone
    named = outlet is not None and " ".join(words(line)).lower() == " ".join(words(outlet)).lower()
    if named or _OUTLET_NAME.match(line.strip(" .-–—!")):
        return "outlet"
    # "Trump and the Press", "Russia's Fake News": a headline's words, which no masthead over a headline has
    headline_words = re.search(r"\band\s+the\b|\w['’]s\b", line, _I)
    return "outlet" if headline_follows and not headline_words and is_outlet_name(line) else None


def reads_as_headline(line: str, following: str | None) -> bool:
    """A first line that a live page prints over a post ("Reporting from Gaza"), with no headline under it: the
    headline."""
    return bool(_REPORTING_FROM.match(line)) and not (following is not None and looks_like_headline(following))


def is_outlet_name(line: str) -> bool:
    """An agency's or a masthead's name alone: "Associated Press", "BBC News", "Sudan Tribune"."""
    line = _ABBREVIATION.sub("", line.strip(" .-–—!"))  # "Border News Agency (BNA)", "Gaza News Desk!!!"
    if _OUTLET_NAME.match(line):
        return True
    tokens = words(line)
    return (
        0 < len(tokens) <= _OUTLET_MAX_WORDS
        and tokens[-1].lower() in _MASTHEAD_END
        and all(t[0].isupper() or t.lower() in ("of", "the", "and") for t in tokens)
        and not any(
            _VERB_S.match(t) and t.lower() not in _MASTHEAD_END for t in tokens[:-1]
        )  # "Zelensky Meets the Press" is a headline
        and not any(c.isdigit() for c in line)
        and not re.search(r"[.,:;!?]", line)
    )


def is_dangling_lead_in(line: str, following: str | None) -> bool:
    """ "According to NY Times:" with no quotation after it (the embed the scrape lost): nothing, or a paragraph of its
    own. A source the body describes ("According to the UN agency:", "Citing the ministry:") leads in the paragraph
    under it; only with nothing after it is it left dangling."""
    lead_in = _LEAD_IN.match(line)
    if lead_in is None or len(words(line)) > _LEAD_IN_MAX_WORDS:
        return False
    if following is None:
        return True
    # a list under it ("40 killed", "- in Gaza City") is what it attributes
    named = _NAMED_SOURCE.match(lead_in["source"].strip()) is not None
    return named and not _QUOTE_OPENING.match(following) and following[:1].isupper()


def name_and_stamp(line: str) -> tuple[list[str], Stamp | None] | None:
    """The author and date of "Jane Roe 1 minute ago Sun 16th May 2021 | 04:00 PM", or None for another line."""
    match = _NAME_AGO.match(line)
    if match is None:
        return None
    names = split_authors(match["name"])
    if not names:
        return None
    return names, parse_stamp(match["rest"]) if match["rest"] else None


def is_reporter(line: str, following: str) -> bool:
    """A reporter's name alone over their title ("Jane Roe" over "Middle East correspondent, in Beirut"), as live
    pages sign a post; the title may be glued to the post ("... in BeirutToday's attack ...")."""
    role = _REPORTER_ROLE.match(following)
    if role is None or not (role.end() == len(following) or role["glued"] is not None):
        return False
    names = split_authors(line)
    return len(names) == 1 and " ".join(words(names[0])) == " ".join(words(line))


def glued_end(line: str, last: bool = False) -> tuple[int, str] | None:
    """Where furniture glued to a paragraph's end starts, and its rule: a link's label and headline ("... on Monday.
    Also Read: Strikes hit port") or an agency's name ("...in 14 months.AGENCIES"; "... - XINHUA" only on the ``last``
    paragraph)."""
    if (read := _GLUED_READ_ALSO.search(line)) and not re.search(r"[.!?]\s+[A-Z]", read["headline"]):
        return read.start(), "read-also"  # one headline, not a paragraph going on after a link
    if agency := GLUED_AGENCY.search(line) or (DASHED_AGENCY.search(line) if last else None):
        return agency.start(), "wire-credits"
    return None


def glued_role(line: str) -> int | None:
    """Where a reporter's title glued to a post ends ("Middle East correspondent, in BeirutToday's ..."), or None."""
    role = _REPORTER_ROLE.match(line)
    return role.end() if role and role["glued"] is not None else None
