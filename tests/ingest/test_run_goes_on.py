"""A whole run over hostile inputs: every good document beside them is written by `extract` and kept by the store.

One folder holds each shape that once ended a run or lost items (generated
here): the run ends with exit 0, the documents are those the inputs hold, and
the store keeps each item as its own current document, on every re-run.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "Artillery fire struck a grain depot outside the port city late on Sunday, the regional governor said."
OTHER = "Rescue teams searched the rubble of two apartment blocks for survivors through the night, officials said."


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [{"text": GOOD}, {"text": f"Shelling \ud800 hit. {OTHER}"}, {"text": OTHER, "n": "DIGITS"}]
    (folder / "batch.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines).replace('"DIGITS"', "9" * 5000) + "\n"
    )
    messages = [
        {"id": 5, "type": "message", "text": GOOD},
        {"id": 5, "type": "message", "text": f"{OTHER} \udc00"},
        {"id": "five", "type": "message", "text": f"{GOOD} Later."},
    ]
    (folder / "result.json").write_text(json.dumps({"name": "Channel", "messages": messages}))
    items = [
        f"<item><guid>same</guid><description>{GOOD}</description></item>",
        f"<item><guid>same</guid><description>&#xD800; {OTHER}</description></item>",
        "<item><link>https://example.org/x</link><description>Troops &amp; tanks left the town.</description></item>",
        f"<item><link>https://example.org/x</link><description>&lt;p&gt;{OTHER}&lt;/p&gt;</description></item>",
    ]
    (folder / "feed.xml").write_text(f'<rss version="2.0"><channel><title>Wire</title>{"".join(items)}</channel></rss>')
    (folder / "map.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>Front line</text></svg>')
    (folder / "one.html").write_text(f"<p>{OTHER}</p>")
    members = b"".join(gzip.compress(f"{word} ".encode()) for word in (GOOD + " " + OTHER).split() * 50)
    (folder / "many.txt.gz").write_bytes(members)
    return folder


def expected_keys(folder: Path) -> set[str]:
    keys = {f"{folder}/batch.jsonl#{n}" for n in (1, 2, 3)}
    keys |= {f"{folder}/result.json#{item}" for item in ("5", "5~2", "five")}
    keys |= {
        f"{folder}/feed.xml#{item}" for item in ("same", "same~2", "https://example.org/x", "https://example.org/x~2")
    }
    return keys | {f"{folder}/one.html", f"{folder}/many.txt"}


def test_extract_writes_every_good_document_beside_the_hostile_ones(cli, hostile, tmp_path):
    result = cli("extract", hostile, "-o", tmp_path / "out.jsonl", "--skipped-report", tmp_path / "skipped.json")

    assert result.code == 0, result.stderr
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {record["input"] for record in written} == expected_keys(hostile)
    assert len(written) == len(expected_keys(hostile))
    skipped = json.loads((tmp_path / "skipped.json").read_text())["skipped"]
    assert [(s["input"], s["reason"]) for s in skipped] == [(f"{hostile}/map.svg", "not-an-article")]
    # No library's log line and no traceback reaches the user: one skip line, then the summary.
    assert result.stderr.splitlines()[:-1] == [
        f"skipped {hostile}/map.svg: an SVG image, not an article (not-an-article)"
    ]


def test_the_store_keeps_each_item_as_its_own_current_document(cli, hostile, tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"

    for run in (1, 2):
        assert cli("ingest", hostile, "--db", db, "--quiet").code == 0
        exported = cli("export", "-f", "jsonl", "-o", tmp_path / f"export{run}", "--db", db)
        assert exported.code == 0, exported.stderr
        lines = (tmp_path / f"export{run}" / "documents.jsonl").read_text().splitlines()
        assert sorted(json.loads(line)["input"] for line in lines) == sorted(expected_keys(hostile)), run


LOGGING = """
import logging, sys
from corroborator.cli.common import configure_logging
configure_logging(debug=sys.argv[1] == "debug")
logging.getLogger("trafilatura.utils").error("parsed tree length: 0, wrong data type or not valid HTML")
logging.getLogger("another.library").warning("a message\\nover two lines")
logging.getLogger("another.library").info("said only with --debug")
"""


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("quiet", ["warning: another.library: a message over two lines"]),
        (
            "debug",
            [
                "error: trafilatura.utils: parsed tree length: 0, wrong data type or not valid HTML",
                "warning: another.library: a message over two lines",
                "info: another.library: said only with --debug",
            ],
        ),
    ],
)
def test_library_log_lines_are_one_line_each_and_the_chatty_ones_need_debug(mode, expected):
    # A fresh interpreter: pytest's own log handlers would keep logging.basicConfig from acting.
    done = subprocess.run([sys.executable, "-c", LOGGING, mode], capture_output=True, text=True, check=True)

    assert done.stderr.splitlines() == expected
