"""RSS and Atom feeds: one document per item, keyed by guid or link, with the item's metadata."""

from __future__ import annotations

from corroborator.pipeline import process
from corroborator.records import Document

BODY = (
    "<p>Air defence units shot down 40 of the 52 drones launched overnight, the air force said.</p>"
    "<p>Debris damaged two houses in the region, the governor said on Telegram.</p>"
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Conflict Wire</title>
  <link>https://wire.example/</link>
  <language>en</language>
  <item>
    <title>Air defence downs 40 drones</title>
    <link>https://wire.example/2024/11/drones</link>
    <guid isPermaLink="false">wire-10412</guid>
    <pubDate>Mon, 11 Nov 2024 23:30:00 -0500</pubDate>
    <dc:creator>Olena Marchenko</dc:creator>
    <category>Drones</category>
    <category>Air defence</category>
    <description>Short summary.</description>
    <content:encoded><![CDATA[{BODY}]]></content:encoded>
  </item>
  <item>
    <title>Second item with no guid</title>
    <link>https://wire.example/2024/11/second</link>
    <pubDate>Tue, 12 Nov 2024 08:00:00 +0000</pubDate>
    <description>{BODY.replace("<", "&lt;").replace(">", "&gt;")}</description>
  </item>
  <item>
    <title>An item with nothing in it</title>
    <guid>wire-empty</guid>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Front Monitor</title>
  <id>urn:uuid:monitor</id>
  <updated>2024-11-11T10:45:00+02:00</updated>
  <entry>
    <title>Drones over the region</title>
    <id>tag:monitor.example,2024:entry-7</id>
    <link rel="alternate" href="https://monitor.example/entry-7"/>
    <published>2024-11-11T01:10:00+02:00</published>
    <updated>2024-11-11T10:45:00+02:00</updated>
    <author><name>Petro Savchenko</name></author>
    <category term="Drones"/>
    <content type="html">{BODY.replace("<", "&lt;").replace(">", "&gt;")}</content>
  </entry>
</feed>
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_rss_item_is_a_document_keyed_by_guid_else_link(tmp_path, ingest):
    feed = write(tmp_path, "feed.xml", RSS)

    result = ingest(feed)

    assert result.keys == [f"{feed}#wire-10412", f"{feed}#https://wire.example/2024/11/second"]
    assert result.reasons == {f"{feed}#wire-empty": "no-text"}


def test_rss_item_keeps_date_author_link_and_categories(tmp_path, ingest):
    feed = write(tmp_path, "feed.xml", RSS)

    hints = ingest(feed).document(f"{feed}#wire-10412").hints

    assert hints.title == "Air defence downs 40 drones"
    assert hints.published == "2024-11-11"  # as printed, not moved to the next day in UTC
    assert hints.published_at == "2024-11-11T23:30:00-05:00"  # the time of day, with the feed's offset
    assert hints.authors == ("Olena Marchenko",)
    assert hints.url == "https://wire.example/2024/11/drones"
    assert hints.tags == ("Drones", "Air defence")
    assert hints.outlet == "Conflict Wire"
    assert hints.language == "en"


def test_rss_item_body_is_the_fullest_content(tmp_path, ingest):
    feed = write(tmp_path, "feed.xml", RSS)

    document = ingest(feed).document(f"{feed}#wire-10412")

    assert document.media_type == "text/html"
    assert "shot down 40 of the 52 drones" in document.text()
    assert "Short summary" not in document.text()


def test_atom_entry_keeps_id_date_author_link_and_categories(tmp_path, ingest):
    feed = write(tmp_path, "monitor.atom", ATOM)

    (document,) = ingest(feed).documents

    assert document.key == f"{feed}#tag:monitor.example,2024:entry-7"
    assert document.hints.published == "2024-11-11"
    assert document.hints.published_at == "2024-11-11T01:10:00+02:00"
    assert document.hints.authors == ("Petro Savchenko",)
    assert document.hints.url == "https://monitor.example/entry-7"
    assert document.hints.tags == ("Drones",)
    assert document.hints.outlet == "Front Monitor"


def test_feed_items_come_out_of_the_pipeline_clean_with_their_metadata(tmp_path):
    feed = write(tmp_path, "feed.xml", RSS)

    documents = [o for o in process([str(feed)]) if isinstance(o, Document)]

    first = documents[0]
    assert first.input == f"{feed}#wire-10412"
    assert first.text.startswith("Air defence units shot down 40 of the 52 drones")
    assert (first.metadata.published, first.metadata.authors, first.metadata.tags) == (
        "2024-11-11",
        ("Olena Marchenko",),
        ("Drones", "Air defence"),
    )


def test_feed_is_sniffed_without_its_extension(tmp_path, ingest):
    feed = write(tmp_path, "download", ATOM)

    assert ingest(feed).keys == [f"{feed}#tag:monitor.example,2024:entry-7"]


def test_broken_xml_is_one_malformed_xml_skip(tmp_path, ingest):
    feed = write(tmp_path, "broken.xml", "<rss><channel><item><title>Cut sh")

    result = ingest(feed)

    assert result.documents == []
    assert result.reasons == {str(feed): "malformed-xml"}


def test_text_that_is_not_xml_in_an_xml_file_is_malformed(tmp_path, ingest):
    feed = write(tmp_path, "notes.xml", "Just some words, not markup at all.")

    assert ingest(feed).reasons == {str(feed): "malformed-xml"}


def test_well_formed_xml_with_no_items_has_no_text(tmp_path, ingest):
    feed = write(tmp_path, "config.xml", "<config><option name='a'>1</option></config>")

    assert ingest(feed).reasons == {str(feed): "no-text"}


def test_feed_content_naming_a_file_is_not_read_as_that_file(tmp_path, ingest):
    real = write(tmp_path, "real.xml", RSS)
    trap = tmp_path / "trap.xml"
    trap.write_bytes(str(real).encode())  # a path, no newline: what feedparser would open

    result = ingest(trap)

    assert result.documents == []
    assert result.reasons == {str(trap): "malformed-xml"}


def test_feed_in_utf16_is_read(tmp_path, ingest):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(RSS.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))

    assert ingest(feed).keys == [f"{feed}#wire-10412", f"{feed}#https://wire.example/2024/11/second"]


def test_feed_in_a_legacy_encoding_is_read(tmp_path, ingest):
    rss = RSS.replace('encoding="UTF-8"', 'encoding="windows-1251"').replace(
        "Air defence downs 40 drones", "ПВО сбила 40 дронов"
    )
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss.encode("cp1251"))

    assert ingest(feed).document(f"{feed}#wire-10412").hints.title == "ПВО сбила 40 дронов"
