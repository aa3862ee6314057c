"""The internals of the ``corroborator_figures`` component (``extract/figures.py``).

Imports run one way, from the component down:

- ``context`` completes readings with the rest of the document (elided subjects,
  pronouns, headings);
- ``syntax`` reads one number in its sentence (counted noun, unit, subject), and asks
- ``measures`` (measure, modality), which asks ``places`` (where), both of which walk
  the parse with ``tree`` (governing words, modifiers, complements, noun phrases);
- ``reading`` holds the data they share (``Reading``, ``DocIndex``);
- ``numbers``, ``filters``, ``dates`` and ``lexicon`` read words and need no parse.
"""
