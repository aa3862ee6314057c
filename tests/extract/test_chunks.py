"""Long documents are read in pieces and joined: offsets point into the whole text, ids stay unique."""

from __future__ import annotations

import itertools

from corroborator.extract import _up_to, annotate, load_pipeline
from corroborator.extract.chunks import pieces
from corroborator.records import Document, Metadata

PARAGRAPH = (
    "The regional governor said that 14 people were wounded in Kharkiv overnight. "
    "According to the air force, 40 drones were shot down over the region."
)


def test_pieces_cut_at_paragraph_breaks_and_cover_the_text():
    text = "\n\n".join(f"Paragraph {i} " + "word " * 30 for i in range(20))
    cut = pieces(text, limit=500)
    assert all(len(piece) <= 500 for _, piece in cut)
    assert all(piece.startswith("Paragraph") for _, piece in cut)
    assert "".join(text[offset : offset + len(piece)] for offset, piece in cut).replace("\n", "") == text.replace(
        "\n", ""
    )


def test_a_piece_without_paragraph_breaks_is_cut_between_sentences():
    text = "One sentence here. " * 100
    cut = pieces(text, limit=300)
    assert all(piece.rstrip().endswith(".") for _, piece in cut)


def test_long_document_read_in_pieces_matches_the_whole():
    text = "\n\n".join([PARAGRAPH] * 6)
    whole = Document(input="a.txt", text=text, metadata=Metadata(published="2024-11-05"))
    split = Document(input="a.txt", text=text, metadata=Metadata(published="2024-11-05"))
    nlp = load_pipeline()
    [whole] = annotate([whole], nlp)
    [split] = annotate([split], nlp, max_piece_chars=400)
    assert len(split.figures) == len(whole.figures) == 12
    assert len(split.claims) == len(whole.claims)
    assert [text[slice(*f.span)] for f in split.figures] == [f.text for f in split.figures]
    assert len({f.id for f in split.figures}) == len(split.figures)
    claim_ids = {c.id for c in split.claims}
    assert all(f.claim in claim_ids for f in split.figures if f.claim)
    assert [f.span for f in split.figures] == [f.span for f in whole.figures]
    kharkiv = {e.id: e for e in split.entities}["kharkiv"]
    assert len(kharkiv.mentions) == 6


# -- texts with no paragraph breaks: one line, no sentence ends, no spaces ------------------------------


def _covers(text: str, cut: list[tuple[int, str]]) -> bool:
    """Each piece is the text at its offset, and the pieces, in order, leave out only whitespace."""
    at_offsets = all(text[offset : offset + len(piece)] == piece for offset, piece in cut)
    in_order = all(a + len(p) <= b for (a, p), (b, _) in itertools.pairwise(cut))
    return at_offsets and in_order and "".join(p for _, p in cut).split() == text.split()


def test_a_line_without_sentence_ends_is_cut_at_whitespace():
    text = ", ".join(f"the convoy passed checkpoint {n}" for n in range(400))  # one line, commas only
    cut = pieces(text, limit=700)
    assert len(cut) > 10
    assert all(len(piece) <= 700 for _, piece in cut)
    assert all(text[offset - 1].isspace() for offset, _ in cut[1:])  # no word is split
    assert _covers(text, cut)


def test_a_run_without_whitespace_is_cut_at_the_limit():
    text = "x" * 2_050
    cut = pieces(text, limit=500)
    assert [len(piece) for _, piece in cut] == [500, 500, 500, 500, 50]
    assert _covers(text, cut)


def test_a_document_on_one_line_is_read_in_pieces_and_keeps_its_offsets():
    sentence = "Officials said 14 people were wounded in Kharkiv, and 40 drones were shot down"
    text = "; ".join([sentence] * 40) + "."  # about 3,200 characters, one line, one full stop
    whole = Document(input="line.txt", text=text, metadata=Metadata())
    nlp = load_pipeline()
    [read] = annotate([whole], nlp, max_piece_chars=600)
    assert len(read.figures) == 80
    assert all(text[slice(*f.span)] == f.text for f in read.figures)
    assert [f.id for f in read.figures] == [f"f{n}" for n in range(1, 81)]
    assert all(text[slice(*f.subject.span)] == f.subject.text for f in read.figures if f.subject and f.subject.span)
    assert sorted(f.span for f in read.figures) == [f.span for f in read.figures]


def test_short_documents_go_to_the_parser_in_groups_of_bounded_length():
    texts = [f"Report {n}: " + "word " * (n * 37 % 90) for n in range(40)]
    documents = [Document(input=f"{n}.txt", text=t, metadata=Metadata()) for n, t in enumerate(texts)]
    groups = list(_up_to(documents, 1_000))
    assert [d for group in groups for d in group] == documents
    assert all(sum(len(d.text) for d in group) <= 1_000 for group in groups)
    assert len(groups) > 1


def test_many_short_paragraphs_each_start_a_sentence_and_keep_their_figures():
    lines = [f"{n % 30 + 2} wounded in the port district." for n in range(300)]
    text = "\n\n".join(lines)
    nlp = load_pipeline()
    doc = nlp(text)
    starts = {s.start_char for s in doc.sents}
    offsets = [sum(len(line) + 2 for line in lines[:n]) for n in range(len(lines))]
    assert set(offsets) <= starts
    [read] = annotate([Document(input="p.txt", text=text, metadata=Metadata())], nlp, max_piece_chars=2_000)
    assert len(read.figures) == 300
    assert [f.span[0] for f in read.figures] == offsets
