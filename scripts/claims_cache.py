"""Parse a corpus once with the bare spaCy model and keep the Docs, for mining and quick scoring.

    .venv/bin/python scripts/claims_cache.py ../shared/corpus/polnear-train/text /tmp/claims_cache/train

writes ``train.spacy`` (a DocBin of the model's analyses of the *clean* texts, as the CLI
makes them) and ``train.inputs.json`` (the input key of each Doc, in order). Mining
(``mine_cues.py``) and scoring (``claims_eval.py``) then run in seconds instead of minutes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from corroborator.pipeline import process
from corroborator.records import Document
from corroborator.settings import DEFAULT_MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="a folder or file the CLI can read")
    parser.add_argument("out", help="output stem: writes OUT.spacy and OUT.inputs.json")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()

    documents = [d for d in process([args.corpus]) if isinstance(d, Document)]
    nlp = spacy.load(args.model)
    docbin = DocBin(store_user_data=False)
    for doc in nlp.pipe((d.text for d in documents), batch_size=32):
        docbin.add(doc)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(out.with_suffix(".spacy"))
    out.with_suffix(".inputs.json").write_text(json.dumps([d.input for d in documents]), encoding="utf-8")
    print(f"{len(documents)} documents -> {out.with_suffix('.spacy')}")


if __name__ == "__main__":
    main()
