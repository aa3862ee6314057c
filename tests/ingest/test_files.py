"""Files, folders, standard input and gzip: what is read, in which order, and what is refused."""

from __future__ import annotations

import gzip
import os

from corroborator.errors import SkipInput
from corroborator.ingest import list_inputs, read_input
from corroborator.settings import Settings

TEXT = "Air defence shot down 40 of 52 drones launched overnight, the air force said on Tuesday.\n"


def listed(*sources):
    return [
        item if isinstance(item, str) else (item.input, str(item.reason)) for item in list_inputs(map(str, sources))
    ]


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    for name in ["sub/zeta.txt", "b.txt", "sub/alpha.txt", "a.txt", "sub/deeper/c.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(TEXT)

    assert listed(tmp_path) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub/alpha.txt"),
        str(tmp_path / "sub/deeper/c.txt"),
        str(tmp_path / "sub/zeta.txt"),
    ]


def test_hidden_files_and_folders_are_left_out(tmp_path):
    (tmp_path / "visible.txt").write_text(TEXT)
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text(TEXT)

    assert listed(tmp_path) == [str(tmp_path / "visible.txt")]


def test_hidden_file_named_on_the_command_line_is_read(tmp_path, ingest):
    hidden = tmp_path / ".notes.txt"
    hidden.write_text(TEXT)

    assert ingest(hidden).keys == [str(hidden)]


def test_missing_path_is_skipped_as_not_found(tmp_path):
    assert listed(tmp_path / "nope.txt") == [(str(tmp_path / "nope.txt"), "not-found")]


def test_dangling_symlink_is_skipped_naming_its_target(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")

    (skip,) = list_inputs([str(tmp_path)])

    assert isinstance(skip, SkipInput)
    assert (skip.input, skip.reason) == (str(tmp_path / "link.txt"), "broken-symlink")
    assert "gone.txt" in skip.message


def test_symlink_to_itself_is_a_loop(tmp_path):
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")

    assert listed(tmp_path) == [(str(tmp_path / "self.txt"), "symlink-loop")]
    assert listed(tmp_path / "self.txt") == [(str(tmp_path / "self.txt"), "symlink-loop")]


def test_folder_symlink_to_its_parent_is_a_loop_and_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)

    assert listed(tmp_path) == [str(tmp_path / "a.txt"), (str(tmp_path / "sub" / "up"), "symlink-loop")]


def test_symlink_to_a_file_is_followed(tmp_path, ingest):
    (tmp_path / "real.txt").write_text(TEXT)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")

    result = ingest(tmp_path / "alias.txt")

    assert result.keys == [str(tmp_path / "alias.txt")]
    assert result.documents[0].text() == TEXT


def test_folder_where_a_file_is_expected_is_unreadable(tmp_path):
    (skip,) = read_input(str(tmp_path), Settings())

    assert isinstance(skip, SkipInput) and (skip.input, skip.reason) == (str(tmp_path), "unreadable")


def test_empty_and_blank_files_are_skipped_as_empty(tmp_path, ingest):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")

    result = ingest(tmp_path)

    assert result.documents == []
    assert result.reasons == {str(tmp_path / "blank.txt"): "empty", str(tmp_path / "empty.txt"): "empty"}


def test_file_over_the_limit_is_refused(tmp_path, ingest):
    (tmp_path / "big.txt").write_text(TEXT * 100)  # 9 KB
    (tmp_path / "small.txt").write_text(TEXT)

    result = ingest(tmp_path, max_bytes=4096)

    assert result.keys == [str(tmp_path / "small.txt")]
    (skip,) = result.skipped
    assert (skip.input, skip.reason) == (str(tmp_path / "big.txt"), "too-large")
    assert "4 KB limit" in skip.message
    assert "--max-bytes" in skip.message


def test_file_exactly_at_the_limit_is_read(tmp_path, ingest):
    (tmp_path / "exact.txt").write_text(TEXT)

    assert ingest(tmp_path / "exact.txt", max_bytes=len(TEXT)).keys == [str(tmp_path / "exact.txt")]


def test_file_name_that_is_not_utf8_is_shown_printably(tmp_path, ingest):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as stream:
        stream.write(TEXT.encode())

    (document,) = ingest(tmp_path).documents

    assert document.key == str(tmp_path / "caf\ufffd.txt")
    assert document.key.encode("utf-8")  # would raise on the surrogate escape of the raw name
    assert document.text() == TEXT


def test_gzip_file_is_read_transparently_and_keyed_without_gz(tmp_path, ingest):
    (tmp_path / "report.txt.gz").write_bytes(gzip.compress(TEXT.encode()))

    result = ingest(tmp_path)

    assert result.keys == [str(tmp_path / "report.txt")]
    assert result.documents[0].text() == TEXT


def test_gzip_content_sets_the_format_by_the_inner_name(tmp_path, ingest):
    page = f"<html><body><p>{TEXT}</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page.encode()))

    (document,) = ingest(tmp_path).documents

    assert (document.key, document.media_type) == (str(tmp_path / "page.html"), "text/html")


def test_gzip_bomb_is_refused(tmp_path, ingest):
    bomb = gzip.compress(b"\0" * (8 << 20))  # 8 MB of zeros in about 8 KB
    (tmp_path / "bomb.txt.gz").write_bytes(bomb)
    assert len(bomb) < 64 << 10

    result = ingest(tmp_path, max_bytes=1 << 20)

    assert result.documents == []
    assert result.reasons == {str(tmp_path / "bomb.txt.gz"): "too-large"}


def test_gzip_inflating_to_exactly_the_limit_is_read(tmp_path, ingest):
    text = (TEXT * 20).encode()
    (tmp_path / "exact.txt.gz").write_bytes(gzip.compress(text))

    assert ingest(tmp_path, max_bytes=len(text)).keys == [str(tmp_path / "exact.txt")]
    assert ingest(tmp_path, max_bytes=len(text) - 1).reasons == {str(tmp_path / "exact.txt.gz"): "too-large"}


def test_gzip_with_several_members_is_read_whole(tmp_path, ingest):
    first, second = "First part of the report.\n", "Second part of the report.\n"
    (tmp_path / "joined.txt.gz").write_bytes(gzip.compress(first.encode()) + gzip.compress(second.encode()))

    (document,) = ingest(tmp_path).documents

    assert document.text() == first + second


def test_truncated_gzip_is_refused_not_read_in_part(tmp_path, ingest):
    whole = gzip.compress((TEXT * 50).encode())
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])

    result = ingest(tmp_path)

    assert result.documents == []
    assert result.reasons == {str(tmp_path / "cut.txt.gz"): "unreadable"}


def test_standard_input_is_read_for_a_dash(cli):
    result = cli("extract", "-", stdin=TEXT.encode())

    assert result.code == 0
    (record,) = result.jsonl()
    assert record["input"] == "-"
    assert record["text"] == TEXT.strip()


def test_standard_input_may_be_gzipped(cli):
    result = cli("extract", "-", stdin=gzip.compress(TEXT.encode()))

    assert result.code == 0
    assert [r["text"] for r in result.jsonl()] == [TEXT.strip()]


def test_standard_input_over_the_limit_is_refused(cli):
    result = cli("extract", "-", "--max-bytes", "1K", stdin=TEXT.encode() * 20)

    assert result.code == 1
    assert "skipped -: too large" in result.stderr
    assert "(too-large)" in result.stderr
