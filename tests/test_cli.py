"""The command line end to end: bad input is skipped with one line each, and the exit code tells."""

from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path

import pytest

GOOD_TEXT = "Air defence units shot down 40 of the 52 drones launched overnight, the air force said on Tuesday.\n"
GOOD_PAGE = """<!DOCTYPE html><html><head><title>Power restored</title></head><body><article>
<h1>Power restored</h1><p>Regional officials said on Tuesday that repair crews had restored power to most of the city.</p>
<p>The governor told reporters that 23 people were treated in hospital after the strike.</p></article></body></html>"""
UNCLOSED_PAGE = (
    "<html><head><title>Unclosed page</title><body><article><p>Kyiv said on Monday that its forces had repelled "
    "twelve attacks near Pokrovsk overnight, according to the general staff.<p>A second paragraph said the "
    "city had been hit by drones for the third night in a row"
)
LATIN_TEXT = "Le café de la gare a été fermé lundi, a annoncé la mairie. Les frappes ont touché la ville à l'aube.\n"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def skip_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("skipped ")]


@pytest.fixture
def messy_folder(tmp_path):
    """Good files, and beside them every kind of bad input, with the reason each must be skipped for."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT)
    (folder / "good.html").write_text(GOOD_PAGE)
    (folder / "unclosed.html").write_text(UNCLOSED_PAGE)
    (folder / "latin.txt").write_bytes(LATIN_TEXT.encode("latin-1"))

    bad = {
        "junk.bin": os.urandom(64 * 1024),
        "empty.txt": b"",
        "nul.txt": b"A line of text\x00\x00\x00 and NUL bytes\x00 in the middle of it.\n",
        "huge.txt": b"Twenty-five megabytes of words. " * (25 * 2**20 // 32),
        "deep.html": b"<html><body>" + b"<div>" * 20_000 + b"Deep text." + b"</div>" * 20_000 + b"</body></html>",
        "result.json": b'{"name": "Front News", "messages": [{"id": 1, "type": "message", "text": "cut',
        "settings.json": b'{"theme": "dark", "fontSize": 12}',
        "broken.xml": b'<?xml version="1.0"?><rss><channel><item><title>Cut sh',
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    (folder / "dangling.txt").symlink_to(folder / "deleted.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)

    reasons = {
        "junk.bin": "binary",
        "empty.txt": "empty",
        "nul.txt": "binary",
        "huge.txt": "too-large",
        "deep.html": "malformed-html",
        "result.json": "malformed-json",
        "settings.json": "not-telegram-export",
        "broken.xml": "malformed-xml",
        "dangling.txt": "broken-symlink",
        "self.txt": "symlink-loop",
        "sub/up": "symlink-loop",
    }
    return folder, {str(folder / name): reason for name, reason in reasons.items()}


def test_bad_inputs_are_skipped_with_one_line_each_and_good_ones_extracted(cli, messy_folder, tmp_path):
    folder, expected = messy_folder
    unreachable = f"http://127.0.0.1:{closed_port()}/story"
    expected[unreachable] = "fetch-failed"
    report = tmp_path / "skipped.json"

    result = cli("extract", folder, unreachable, "--skipped-report", report)

    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = skip_lines(result.stderr)
    for name, reason in expected.items():
        naming = [line for line in lines if line.startswith(f"skipped {name}: ")]
        assert len(naming) == 1, (name, lines)
        assert naming[0].endswith(f"({reason})")
    assert len(lines) == len(expected)
    (huge,) = [line for line in lines if "huge.txt" in line]
    assert "too large (25 MB > the 20 MB limit); raise it with --max-bytes" in huge
    assert re.search(rf"\b4 documents written\b.*; {len(expected)} inputs skipped", result.stderr)

    skipped = json.loads(report.read_text(encoding="utf-8"))
    assert {item["input"]: item["reason"] for item in skipped["skipped"]} == expected
    assert skipped["count"] == len(expected)

    documents = {record["input"]: record for record in result.jsonl()}
    assert sorted(documents) == sorted(str(folder / n) for n in ["good.txt", "good.html", "unclosed.html", "latin.txt"])
    assert documents[str(folder / "latin.txt")]["text"] == LATIN_TEXT.strip()
    assert "repelled twelve attacks near Pokrovsk" in documents[str(folder / "unclosed.html")]["text"]
    assert "23 people were treated in hospital" in documents[str(folder / "good.html")]["text"]


def test_exit_code_1_when_every_input_is_skipped(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(os.urandom(4096))

    result = cli("extract", tmp_path)

    assert result.code == 1
    assert result.stdout == ""
    assert len(skip_lines(result.stderr)) == 2
    assert "no document could be extracted" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_code_1_when_no_input_is_found(cli, tmp_path):
    (tmp_path / ".hidden.txt").write_text(GOOD_TEXT)

    result = cli("extract", tmp_path)

    assert result.code == 1
    assert "no document could be extracted" in result.stderr


def test_exit_code_1_for_a_missing_path(cli, tmp_path):
    result = cli("extract", tmp_path / "nope.txt")

    assert result.code == 1
    assert skip_lines(result.stderr) == [f"skipped {tmp_path / 'nope.txt'}: no such file or folder (not-found)"]


@pytest.mark.parametrize("value", ["lots", "0", "-5", ""])
def test_exit_code_2_for_a_bad_max_bytes(cli, tmp_path, value):
    (tmp_path / "good.txt").write_text(GOOD_TEXT)

    result = cli("extract", tmp_path, "--max-bytes", value)

    assert result.code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "size" in result.stderr.lower()


def test_exit_code_2_for_a_bad_max_bytes_in_the_environment(cli, tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    monkeypatch.setenv("CORROBORATOR_MAX_BYTES", "plenty")

    result = cli("extract", tmp_path)

    assert result.code == 2
    assert "Traceback" not in result.stderr


def test_exit_code_2_for_an_unknown_option(cli, tmp_path):
    result = cli("extract", tmp_path, "--no-such-option")

    assert result.code == 2
    assert one_error(result).startswith("error: No such option: --no-such-option")
    assert one_error(result).endswith("; see python -m corroborator extract --help")


def test_usage_errors_are_one_line(cli):
    result = cli("export", "--format", "xlsx", "-o", "out")

    assert (result.code, one_error(result)) == (
        2,
        "error: Invalid value for '--format' / '-f': 'xlsx' is not one of 'jsonl', 'csv', 'parquet';"
        " see python -m corroborator export --help",
    )
    assert (
        one_error(cli("extract"))
        == "error: Missing argument 'PATH_OR_URL...'; see python -m corroborator extract --help"
    )


def test_max_bytes_lowers_the_limit(cli, tmp_path):
    (tmp_path / "long.txt").write_text(GOOD_TEXT * 30)  # about 3 KB
    (tmp_path / "short.txt").write_text(GOOD_TEXT * 10)  # about 1 KB

    result = cli("extract", tmp_path, "--max-bytes", "2K")

    assert result.code == 0
    assert [r["input"] for r in result.jsonl()] == [str(tmp_path / "short.txt")]
    assert skip_lines(result.stderr) == [
        f"skipped {tmp_path / 'long.txt'}: too large (2.9 KB > the 2 KB limit); raise it with --max-bytes (too-large)"
    ]


def test_max_bytes_raises_the_limit(cli, tmp_path):
    padded = tmp_path / "padded.txt"
    padded.write_text(GOOD_TEXT + " " * (21 * 2**20))  # over the default 20 MB, cheap to clean

    result = cli("extract", padded, "--max-bytes", "30MB")

    assert result.code == 0
    assert [record["text"] for record in result.jsonl()] == [GOOD_TEXT.strip()]


def test_max_bytes_option_wins_over_the_environment(cli, tmp_path, monkeypatch):
    (tmp_path / "story.txt").write_text(GOOD_TEXT * 30)  # about 3 KB
    monkeypatch.setenv("CORROBORATOR_MAX_BYTES", "1K")

    assert cli("extract", tmp_path, "--max-bytes", "1MB").code == 0


def test_max_bytes_from_the_environment_is_used(cli, tmp_path, monkeypatch):
    (tmp_path / "story.txt").write_text(GOOD_TEXT * 30)
    monkeypatch.setenv("CORROBORATOR_MAX_BYTES", "1K")

    result = cli("extract", tmp_path)

    assert result.code == 1
    assert skip_lines(result.stderr)[0].endswith("(too-large)")


def test_quiet_leaves_out_the_summary_but_not_the_skips(cli, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    (tmp_path / "empty.txt").write_bytes(b"")

    result = cli("extract", tmp_path, "--quiet")

    assert result.code == 0
    assert result.stderr.splitlines() == [f"skipped {tmp_path / 'empty.txt'}: empty file (empty)"]
    assert [r["input"] for r in result.jsonl()] == [str(tmp_path / "good.txt")]


def test_output_file_and_report_are_written_into_folders_made_for_them(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD_TEXT)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    # One behaviour for every output path: missing folders are made.
    out, report = tmp_path / "out" / "docs.jsonl", tmp_path / "reports" / "today" / "skipped.json"

    result = cli("extract", tmp_path / "in", "-o", out, "--skipped-report", report, "--quiet")

    assert result.code == 0
    assert result.stdout == ""
    assert [json.loads(line)["input"] for line in out.read_text().splitlines()] == [str(tmp_path / "in" / "good.txt")]
    assert json.loads(report.read_text())["skipped"] == [
        {"input": str(tmp_path / "in" / "empty.txt"), "reason": "empty", "message": "empty file"}
    ]


def test_file_name_that_is_not_utf8_does_not_break_the_output(cli, tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as stream:
        stream.write(GOOD_TEXT.encode())
    os.symlink(b"gone\xff", os.path.join(folder, b"link\xfe.txt"))
    report = tmp_path / "skipped.json"

    result = cli("extract", tmp_path, "--skipped-report", report)

    assert result.code == 0, result.stderr
    assert [r["input"] for r in result.jsonl()] == [str(tmp_path / "caf\ufffd.txt")]
    assert json.loads(report.read_text(encoding="utf-8"))["skipped"][0]["input"] == str(tmp_path / "link\ufffd.txt")


#: How --help, the README and docs/cli.md spell the --db forms.
DB_FORMS = "sqlite:///FILE or postgresql://USER@HOST:5432/NAME"


def one_error(result) -> str:
    """The single line a failed command printed on stderr."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_output_paths_that_cannot_be_written_stop_the_run_before_any_work(cli, tmp_path):
    """Issue 8: IsADirectoryError for -o, FileNotFoundError for the report after -o was written."""
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    (tmp_path / "a folder").mkdir()
    (tmp_path / "a file").write_text("")
    out = tmp_path / "docs.jsonl"
    cases = [
        (["-o", tmp_path / "a folder"], f"--output {tmp_path / 'a folder'} is a folder: name a file, e.g. "
         f"{tmp_path / 'a folder' / 'documents.jsonl'}"),
        (["-o", out, "--skipped-report", tmp_path / "a folder"],
         f"--skipped-report {tmp_path / 'a folder'} is a folder: name a file, e.g. {tmp_path / 'a folder' / 'skipped.json'}"),
        (["-o", out, "--skipped-report", tmp_path / "a file" / "skipped.json"],
         f"cannot write --skipped-report {tmp_path / 'a file' / 'skipped.json'}: {tmp_path / 'a file'} is a file, not a folder"),
        (["-o", out, "--skipped-report", out], "--output and --skipped-report name the same file: give each its own"),
    ]  # fmt: skip
    for options, message in cases:
        result = cli("extract", tmp_path / "good.txt", *options)

        assert (result.code, one_error(result)) == (2, f"error: {message}")
        assert result.stdout == ""
        assert not out.exists(), "the output was written before the report's path was checked"


def help_texts(cli, monkeypatch) -> dict[str, str]:
    """``corroborator --help`` and ``corroborator COMMAND --help`` of every command, as a user sees them."""
    import typer.main

    monkeypatch.setenv("COLUMNS", "100")  # one width wherever the tests run; help wraps at it

    from corroborator.cli import app

    names = ["", *typer.main.get_command(app).commands]  # type: ignore[attr-defined]
    texts = {}
    for name in names:
        result = cli(*([name] if name else []), "--help")
        assert result.code == 0, result.stderr
        texts[name] = result.stdout
    return texts


def test_help_names_values_not_python_types(cli, monkeypatch):
    """Issue 8: ``--version <bool>``, ``{sources}... <list[str]>``, ``--kind <str>``, ``<int range> [x>=1]``."""
    from corroborator.store.search import KINDS

    texts = help_texts(cli, monkeypatch)

    for name, text in texts.items():
        for leak in ("<bool>", "<list", "<str>", "<int", "<path>", "{", "x>=1"):
            assert leak not in text, f"corroborator {name} --help shows {leak!r}:\n{text}"
    # The child runs as "python -m corroborator", which the usage line names.
    assert re.search(r"extract \[OPTIONS\] PATH_OR_URL\.\.\. *$", texts["extract"], re.MULTILINE)
    assert re.search(r"ingest \[OPTIONS\] PATH_OR_URL\.\.\. *$", texts["ingest"], re.MULTILINE)
    assert re.search(r"search \[OPTIONS\] QUERY *$", texts["search"], re.MULTILINE)
    assert re.search(r"--version +Print the version", texts[""])
    assert re.search(r"--quiet +-q +No progress bar", texts["extract"])
    assert re.search(r"--kind +" + re.escape("|".join(KINDS)) + " ", texts["search"])
    assert "jsonl|csv|parquet" in texts["export"]
    for name in ("export", "reprocess"):  # nothing there is an input that could be skipped
        assert "skipped inputs are still reported" not in texts[name]
    for name in ("ingest", "search", "reprocess", "export"):  # the URL forms of the README and docs/cli.md
        assert DB_FORMS in " ".join(texts[name].replace("│", " ").split()), name


def test_docs_spell_database_urls_as_the_help_does():
    root = Path(__file__).resolve().parent.parent
    for doc in (root / "README.md", root / "docs" / "cli.md"):
        text = doc.read_text(encoding="utf-8")
        assert DB_FORMS in " ".join(text.split()), doc
        # One form for a URL to fill in (examples of real URLs, as in a message, aside).
        forms = {url for url in re.findall(r"postgresql://[^\s`;,)]*", text) if re.search("[A-Z]|user@host", url)}
        assert forms == {"postgresql://USER@HOST:5432/NAME"}, doc


def test_counts_read_as_english(cli, tmp_path):
    """Issue 8: "1 inputs skipped"."""
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    (tmp_path / "empty.txt").write_bytes(b"")

    result = cli("extract", tmp_path)

    assert result.code == 0
    assert result.stderr.splitlines()[-1] == "1 document written (1 claim, 2 figures); 1 input skipped."


# Hostile text stays text: nothing a document, a file name or a query holds reaches the terminal as a command.

ESC = "\x1b"
#: Clear the screen, set the window title, colour, right-to-left override, bell, a C1 CSI, a NUL.
HOSTILE = (f"{ESC}[2J", f"{ESC}]0;owned\x07", f"{ESC}[31m", "\u202e", "\x07", "\x9b", "\x00")
#: Rich markup and an emoji code, which must print as typed.
MARKUP = "[bold red]loud[/] :fire:"


def obeyed(*outputs: str) -> list[str]:
    """The characters in ``outputs`` that a terminal would obey or use to reorder the line."""
    return [c for text in outputs for c in text if c in "\x1b\x07\x00\x9b\u202e\u2066"]


def hostile_record(piece: str) -> dict[str, object]:
    return {
        "text": f"{piece}Crews cleared the rubble from the station on Friday, and Mayor {piece}Tomas{piece} Varga "
        "said the line would reopen within two weeks.",
        "title": f"{piece}Station cleared {MARKUP}{piece}",
        "outlet": f"Rail{piece} Courier",
        "authors": [f"{piece}Dana Ilves"],
        "tags": [f"rail{piece}"],
    }


@pytest.mark.parametrize("piece", HOSTILE)
def test_extract_summary_writes_no_escape_to_the_terminal(cli, tmp_path, piece):
    folder = tmp_path / f"in{piece.strip(chr(0))}box"  # the file name too (a NUL cannot be in one)
    folder.mkdir()
    (folder / "items.jsonl").write_text(json.dumps(hostile_record(piece)) + "\n", encoding="utf-8")

    result = cli("extract", folder, "--summary")

    assert result.code == 0, result.stderr
    assert not obeyed(result.stdout, result.stderr)
    (document,) = result.jsonl()
    assert document["title"] == f"Station cleared {MARKUP}"  # stored clean, not just shown clean
    assert document["outlet"] == "Rail Courier" and document["authors"] == ["Dana Ilves"]
    assert not obeyed(*_strings({k: v for k, v in document.items() if k != "input"}))  # entities, claims too
    assert any(entity["name"].endswith("Varga") for entity in document["entities"])
    assert any(claim["source"]["name"].endswith("Varga") for claim in document["claims"])
    assert "Station cleared [bold red]loud[/] :fire:" in " ".join(result.stderr.split())  # markup printed as typed
    assert "🔥" not in result.stderr


def _strings(value: object) -> list[str]:
    """Every string a JSON value holds, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_a_skip_line_for_a_file_name_with_a_newline_stays_one_line(cli, tmp_path):
    (tmp_path / "empty\nname [bold]x.txt").write_bytes(b"")
    (tmp_path / f"clear{ESC}[2J\u202etxt.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(GOOD_TEXT)

    result = cli("extract", tmp_path)

    assert result.code == 0, result.stderr
    assert sorted(skip_lines(result.stderr)) == [
        f"skipped {tmp_path}/clear\\x1b[2J\\u202etxt.txt: empty file (empty)",
        f"skipped {tmp_path}/empty\\nname [bold]x.txt: empty file (empty)",
    ]
    assert not obeyed(result.stdout, result.stderr)


def test_search_writes_no_escape_to_the_terminal(cli, tmp_path):
    """What a store holds is printed safely even when it came from before the cleaner removed escapes."""
    import sqlite3

    inbox = tmp_path / f"in{ESC}]0;owned\x07box"
    inbox.mkdir()
    for number, piece in enumerate(HOSTILE):
        record = hostile_record(piece) | {"text": f"Ferry {number} {piece}crossed the strait twice on Sunday."}
        (inbox / f"item{number}{piece.strip(chr(0))}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    assert cli("ingest", inbox, "--db", db).code == 0
    with sqlite3.connect(db) as connection:  # as an older store holds them: byte for byte
        connection.execute("UPDATE documents SET title = ?", (f"{ESC}[2JFerry{ESC}]0;owned\x07 \u202ecrossed\x9b",))

    for args in (["ferry"], ["ferry", "--json"], ["ferry", "--kind", "document"]):
        result = cli("search", *args, "--db", db)
        assert result.code == 0, result.stderr
        assert not obeyed(result.stdout, result.stderr), args
    shown = cli("search", "ferry", "--db", db, "--kind", "document").stdout
    assert "(\\x1b[2JFerry\\x1b]0;owned\\x07 \\u202ecrossed\\x9b)" in shown
    hits = [json.loads(line) for line in cli("search", "ferry", "--json", "--db", db).stdout.splitlines()]
    assert f"{ESC}[2JFerry" in hits[0]["title"]  # JSON escapes the characters, and a reader gets them back

    nothing = cli("search", f"{ESC}[;\u202e\x07", "--db", db)  # no word in it: a usage error that quotes it
    assert nothing.code == 2 and "\\x1b" in nothing.stderr and not obeyed(nothing.stdout, nothing.stderr)
    words = cli("search", "\u202eferry\x07", "--db", db)
    assert words.code == 0 and not obeyed(words.stdout, words.stderr)


def test_ledger_output_neither_runs_in_a_spreadsheet_nor_in_a_terminal(cli, tmp_path):
    """A source name as a store written before the cleaner removed escapes may hold it, with a formula in front."""
    import csv
    import io
    import sqlite3

    (tmp_path / "in.jsonl").write_text(json.dumps(hostile_record("")) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    assert cli("ingest", tmp_path / "in.jsonl", "--db", db).code == 0
    formula = f'=HYPERLINK("http://collector.example","Varga"){ESC}[2J\u202e'
    with sqlite3.connect(db) as connection:
        assert connection.execute("UPDATE ledger_sources SET name = ?", (formula,)).rowcount >= 1

    as_csv = cli("sources", "--db", db, "-f", "csv")
    assert as_csv.code == 0, as_csv.stderr
    names = [row["name"] for row in csv.DictReader(io.StringIO(as_csv.stdout))]
    assert '\'=HYPERLINK("http://collector.example","Varga")\\x1b[2J\\u202e' in names
    for output_format in ("table", "json"):
        result = cli("sources", "--db", db, "-f", output_format)
        assert result.code == 0 and "HYPERLINK" in result.stdout, result.stderr
        assert not obeyed(result.stdout, result.stderr), output_format
