"""Analyze: what every extractor reads before it runs.

The paragraph component (``corroborator_paragraphs``: a paragraph break starts
a sentence), the entity component (``corroborator_entities``: gazetteer ruler
and linking), the Doc extensions they share, and the base class of
Corroborator's spaCy components. The whole pipeline is put together by
``corroborator.extract.load_pipeline``, above the components it registers.
"""

from __future__ import annotations

from .extensions import install_extensions

__all__ = ["install_extensions"]
