"""JSON Lines batches: one document a line, keyed by its 1-based line number; bad lines skipped alone."""

from __future__ import annotations

import json

TEXT = "Officials said on Monday that 12 people were injured in the overnight strike on the city."
PAGE = "<html><body><article><p>" + TEXT + "</p></article></body></html>"


def write_lines(tmp_path, *lines, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**fields):
    return json.dumps(fields, ensure_ascii=False)


def test_each_line_is_keyed_by_its_line_number_counting_blank_lines(tmp_path, ingest):
    batch = write_lines(tmp_path, line(text=TEXT), "", "   ", line(text=TEXT + " Two."), line(text=TEXT + " Three."))

    result = ingest(batch)

    assert result.keys == [f"{batch}#1", f"{batch}#4", f"{batch}#5"]
    assert result.skipped == []


def test_text_and_html_lines(tmp_path, ingest):
    batch = write_lines(tmp_path, line(text=TEXT), line(html=PAGE))

    plain, page = ingest(batch).documents

    assert (plain.media_type, plain.text()) == ("text/plain", TEXT)
    assert (page.media_type, page.text()) == ("text/html", PAGE)


def test_optional_fields_become_metadata(tmp_path, ingest):
    record = line(
        text=TEXT,
        url="https://paper.example/a/1",
        title="  Twelve hurt in   strike ",
        published="2024-11-08T09:30:00+02:00",
        outlet="The Paper",
        authors=["Anna Kovalenko", "Ivan Petrenko"],
        tags=["Strikes"],
    )
    batch = write_lines(tmp_path, record)

    (document,) = ingest(batch).documents

    hints = document.hints
    assert hints.url == "https://paper.example/a/1"
    assert hints.title == "Twelve hurt in strike"
    assert hints.published == "2024-11-08"
    assert hints.outlet == "The Paper"
    assert hints.authors == ("Anna Kovalenko", "Ivan Petrenko")
    assert hints.tags == ("Strikes",)


def test_authors_may_be_one_string(tmp_path, ingest):
    batch = write_lines(tmp_path, line(text=TEXT, authors="Anna Kovalenko"))

    assert ingest(batch).documents[0].hints.authors == ("Anna Kovalenko",)


def test_broken_line_is_skipped_and_the_others_are_read(tmp_path, ingest):
    batch = write_lines(tmp_path, line(text=TEXT), '{"text": "cut short', line(text=TEXT + " Three."))

    result = ingest(batch)

    assert result.keys == [f"{batch}#1", f"{batch}#3"]
    assert result.reasons == {f"{batch}#2": "malformed-json"}


def test_line_that_is_not_an_object_is_malformed(tmp_path, ingest):
    batch = write_lines(tmp_path, '["a", "list"]', line(text=TEXT))

    result = ingest(batch)

    assert result.keys == [f"{batch}#2"]
    assert result.reasons == {f"{batch}#1": "malformed-json"}


def test_line_without_text_or_html_has_no_text(tmp_path, ingest):
    batch = write_lines(tmp_path, line(title="Only a title"), line(text="   "), line(text=TEXT))

    result = ingest(batch)

    assert result.keys == [f"{batch}#3"]
    assert result.reasons == {f"{batch}#1": "no-text", f"{batch}#2": "no-text"}


def test_unicode_line_separators_inside_strings_do_not_split_a_line(tmp_path, ingest):
    text = "First sentence.\u2028Second sentence.\u0085Third\u000csentence."
    batch = write_lines(tmp_path, line(text=text), line(text=TEXT))

    result = ingest(batch)

    assert result.keys == [f"{batch}#1", f"{batch}#2"]
    assert result.document(f"{batch}#1").text() == text


def test_windows_line_endings(tmp_path, ingest):
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(f"{line(text=TEXT)}\r\n\r\n{line(text=TEXT)}\r\n".encode())

    assert ingest(batch).keys == [f"{batch}#1", f"{batch}#3"]


def test_deeply_nested_line_is_malformed_not_a_crash(tmp_path, ingest):
    batch = write_lines(tmp_path, "[" * 100_000 + "]" * 100_000, line(text=TEXT))

    result = ingest(batch)

    assert result.keys == [f"{batch}#2"]
    assert result.reasons == {f"{batch}#1": "malformed-json"}


def test_json_lines_are_sniffed_without_the_extension(tmp_path, ingest):
    batch = write_lines(tmp_path, line(text=TEXT), line(text=TEXT), name="export")

    assert ingest(batch).keys == [f"{batch}#1", f"{batch}#2"]


def test_batch_in_a_legacy_encoding_is_decoded(tmp_path, ingest):
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(line(text="Le café a été fermé, l’armée l’a dit.").encode("cp1252") + b"\n")

    assert ingest(batch).documents[0].text() == "Le café a été fermé, l’armée l’a dit."
