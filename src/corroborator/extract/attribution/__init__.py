"""The internals of the ``corroborator_claims`` component (``extract/claims.py``).

Imports run one way, from the component down:

- ``cues`` finds the candidates (prepositional, adverbial, nominal, headline and speaker
  cues) and hands the verbal ones to ``verbs``;
- ``links`` links candidates (relays, chained reports, quotes that go on);
- ``parties`` builds and resolves sources ("He" -> the last person who spoke);
- ``spans`` trims contents and tells direct from indirect quotes;
- ``lexicon`` holds the cue lexicon (``data/lexicon/cues.json``); it imports nothing here.
"""
