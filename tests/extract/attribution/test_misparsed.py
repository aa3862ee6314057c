"""Claims read from parses gone wrong, built by hand so that the test does not hang on one model's mistakes."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from corroborator.extract.attribution.lexicon import Lexicon
from corroborator.extract.claims import find_claims

#: (word, lemma, pos, tag, head, dep) for each token.
Token = tuple[str, str, str, str, int, str]


def parsed(tokens: list[Token]) -> Doc:
    words = [t[0] for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", "."} for i in range(len(words))]
    return Doc(
        English().vocab,
        words=words,
        spaces=spaces,
        lemmas=[t[1] for t in tokens],
        pos=[t[2] for t in tokens],
        tags=[t[3] for t in tokens],
        heads=[t[4] for t in tokens],
        deps=[t[5] for t in tokens],
    )


def test_a_report_the_parser_hung_on_a_later_verb_runs_to_the_end_of_its_sentence():
    # "The army said it hit a depot belonging to the group Fano, a day after the truce began.", with the
    # group read as the subject of 'began' and the report as that verb's clause
    doc = parsed(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("army", "army", "NOUN", "NN", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 18, "ccomp"),
            ("it", "it", "PRON", "PRP", 4, "nsubj"),
            ("hit", "hit", "VERB", "VBD", 2, "ccomp"),
            ("a", "a", "DET", "DT", 6, "det"),
            ("depot", "depot", "NOUN", "NN", 4, "dobj"),
            ("belonging", "belong", "VERB", "VBG", 6, "acl"),
            ("to", "to", "ADP", "IN", 7, "prep"),
            ("the", "the", "DET", "DT", 11, "det"),
            ("group", "group", "NOUN", "NN", 11, "compound"),
            ("Fano", "Fano", "PROPN", "NNP", 18, "nsubj"),
            (",", ",", "PUNCT", ",", 11, "punct"),
            ("a", "a", "DET", "DT", 14, "det"),
            ("day", "day", "NOUN", "NN", 11, "appos"),
            ("after", "after", "ADP", "IN", 14, "prep"),
            ("the", "the", "DET", "DT", 17, "det"),
            ("truce", "truce", "NOUN", "NN", 15, "pobj"),
            ("began", "begin", "VERB", "VBD", 18, "ROOT"),
            (".", ".", "PUNCT", ".", 18, "punct"),
        ]
    )
    (claim,) = find_claims(doc, Lexicon.default())
    assert claim.content == "it hit a depot belonging to the group Fano, a day after the truce began"
