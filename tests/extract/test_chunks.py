"""Long documents are read in pieces and joined: offsets point into the whole text, ids stay unique."""

from __future__ import annotations

from corroborator.extract import load_pipeline
from corroborator.extract import annotate
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
