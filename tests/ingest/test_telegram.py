"""Telegram Desktop exports: one document per text message, keyed by message id."""

from __future__ import annotations

import json

import pytest

POST = "Air defence shot down 40 of 52 drones overnight, the air force said."


def export(*messages, name="Front News"):
    return {"name": name, "type": "public_channel", "id": 1001, "messages": list(messages)}


def message(id, text, **fields):
    return {"id": id, "type": "message", "date": "2024-11-08T23:40:00", "from": "Front News", "text": text, **fields}


@pytest.fixture
def write_export(tmp_path):
    def write(data, name="result.json"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


def test_each_text_message_is_a_document_keyed_by_id(write_export, ingest):
    path = write_export(export(message(101, POST), message(102, POST + " Second.")))

    result = ingest(path)

    assert result.keys == [f"{path}#101", f"{path}#102"]
    assert result.document(f"{path}#101").text() == POST


def test_channel_is_the_outlet_and_date_the_published_date(write_export, ingest):
    path = write_export(export(message(101, POST)))

    (document,) = ingest(path).documents

    assert document.hints.outlet == "Front News"
    assert document.hints.published == "2024-11-08"
    assert document.hints.published_at == "2024-11-08T23:40:00"  # the export's own clock, no offset


def test_text_as_a_list_of_strings_and_entities_is_joined(write_export, ingest):
    text = [
        {"type": "bold", "text": "Drones shot down"},
        "\nThe air force said ",
        {"type": "text_link", "text": "in a statement", "href": "https://t.me/x"},
        " that 40 of 52 drones were downed. ",
        {"type": "hashtag", "text": "#Kharkiv"},
    ]
    path = write_export(export(message(7, text)))

    (document,) = ingest(path).documents

    assert document.text() == (
        "Drones shot down\nThe air force said in a statement that 40 of 52 drones were downed. #Kharkiv"
    )
    assert document.hints.title == "Drones shot down"


def test_plain_string_text_has_no_headline(write_export, ingest):
    path = write_export(export(message(7, "Drones shot down\n" + POST)))

    (document,) = ingest(path).documents

    assert document.hints.title is None
    assert document.guess_title is False


def test_service_and_empty_messages_are_passed_over(write_export, ingest):
    path = write_export(
        export(
            {"id": 1, "type": "service", "action": "pin_message", "text": "pinned a message"},
            message(2, ""),
            message(3, [{"type": "bold", "text": "  "}, " \n"]),
            message(4, "", photo="photos/photo_1.jpg"),
            message(5, POST),
        )
    )

    result = ingest(path)

    assert result.keys == [f"{path}#5"]
    assert result.skipped == []


def test_forwarded_from_is_kept_as_relayed_from(write_export, ingest):
    path = write_export(export(message(9, POST, forwarded_from="General Staff of the Armed Forces")))

    (document,) = ingest(path).documents

    assert document.hints.relayed_from == "General Staff of the Armed Forces"


def test_author_signature_is_kept(write_export, ingest):
    path = write_export(export(message(9, POST, author="Olena Marchenko")))

    assert ingest(path).documents[0].hints.authors == ("Olena Marchenko",)


def test_stray_values_in_a_text_list_are_ignored(write_export, ingest):
    path = write_export(export(message(9, ["Forty drones ", 5, None, ["nested"], {"type": "bold"}, "were downed."])))

    (document,) = ingest(path).documents

    assert document.text() == "Forty drones were downed."


def test_export_with_no_text_message_is_skipped_as_no_text(write_export, ingest):
    path = write_export(export({"id": 1, "type": "service", "action": "create_channel"}, message(2, "")))

    result = ingest(path)

    assert result.documents == []
    assert result.reasons == {str(path): "no-text"}


def test_broken_json_is_malformed_json(write_export, ingest):
    path = write_export('{"name": "Front News", "messages": [{"id": 1,')

    result = ingest(path)

    assert result.documents == []
    assert result.reasons == {str(path): "malformed-json"}


@pytest.mark.parametrize("data", [{"foo": 1}, {"messages": "not a list"}, [1, 2, 3], ["a"]])
def test_json_that_is_not_a_telegram_export_is_refused(write_export, ingest, data):
    path = write_export(data)

    assert ingest(path).reasons == {str(path): "not-telegram-export"}


def test_deeply_nested_json_is_malformed_not_a_crash(write_export, ingest):
    path = write_export('{"messages": ' + "[" * 100_000 + "]" * 100_000 + "}")

    assert ingest(path).reasons == {str(path): "malformed-json"}


def test_export_is_sniffed_under_another_name(write_export, ingest):
    path = write_export(json.dumps(export(message(101, POST)), indent=1), name="channel-export")

    assert ingest(path).keys == [f"{path}#101"]
