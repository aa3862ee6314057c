"""The store's tables, as SQLAlchemy Core metadata: the current schema that the code reads and writes.

The migrations (``migrations/versions``) build this same schema step by step,
and a test checks that they agree. Tables, and what makes a row unique::

    runs            one row per ingest or reprocess run
    skipped         inputs that produced no document, with the reason code
    blobs           bytes as read, zlib-compressed, stored once               sha256 of the bytes
    inputs          files and URLs as read: their bytes and how to re-split   (source, sha256)
    raw             one document's raw bytes, item key and reader's hints     (key, sha256)
    documents       a clean, extracted document: one row per version          (input, version), (input, raw_id)
    removed_lines   the cleaner's audit                                       (document, position)
    entities        entities a document mentions, linked to stable ids        (document, position)
    mentions        where each entity is mentioned                            (document, entity, position)
    sources         who says or relays claims, across all documents           key: kind|entity|name
    claims          attributed statements                                     (document, position)
    claim_via       who passed a claim on, nearest first                      (document, claim, position)
    figures         reported numbers with their variable columns              (document, position)
    search          full-text rows of documents, claims and figures (indexed by SQLite FTS5 / PostgreSQL tsvector)
    ledger          the cross-check's stamp: which documents and which cross-check code it was computed from
    ledger_variables what several figures measure, with low / best / high                   (id)
    ledger_values   each variable's values: independent sources, grade, interested party  (variable, position)
    ledger_findings agreements, disagreements, updates, parts above their whole, misquotes  (position)
    ledger_sources  each speaker under its one key across documents                        (key)
    ledger_documents what the cross-check read of each document: its notes, and the signature of its reading (doc_id)
    ledger_reports  each document's figures as the cross-check reads them (a cache)         (doc_id, position)
    copy_fingerprints each document text's hashes for finding copies (a cache)            (doc_id)
    copy_bands      the LSH band keys of each fingerprint                                 (band, doc_id)
    copy_pairs      confirmed copies: the later document and the one it copies             (doc_id, copy_of)

Lists (entities, claims, ...) keep their order in ``position``. JSON values
(authors, tags, parents, hints) are stored as JSON text, the same on both
engines and readable in Datasette. ``extra`` columns hold any field a record
grows that the schema does not know yet, so an export loses nothing.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

#: The Alembic revision this code writes; ``upgrade`` brings older databases to it.
SCHEMA_REVISION = "0006"

#: Constraint names that Alembic can find again on both engines.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

SHA256 = String(64)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("command", String(16), nullable=False),  # ingest | reprocess
    Column("extractor", Text, nullable=False),
    Column("sources", Text),  # JSON list of what the command was given
    Column("status", String(16), nullable=False),  # running | done | failed | interrupted
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("inputs", Integer, nullable=False, default=0),
    Column("inputs_unchanged", Integer, nullable=False, default=0),
    Column("documents_added", Integer, nullable=False, default=0),
    Column("documents_updated", Integer, nullable=False, default=0),
    Column("documents_unchanged", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("host", Text),
    Column("pid", Integer),
)

skipped = Table(
    "skipped",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("input", Text, nullable=False),
    Column("reason", Text, nullable=False, index=True),  # a SkipReason value, or "store-failed"
    Column("message", Text, nullable=False),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", SHA256, primary_key=True),  # of the bytes before compression
    Column("size", Integer, nullable=False),
    Column("compression", String(8), nullable=False),  # "zlib"
    Column("data", LargeBinary, nullable=False),
)

inputs = Table(
    "inputs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),  # the path or URL as given
    Column("name", Text, nullable=False),  # the input key that items extend with "#item"
    Column("sha256", SHA256, ForeignKey("blobs.sha256"), nullable=False),
    Column("media_type", Text),  # as the server declared (URLs)
    Column("charset", Text),
    Column("url", Text),  # after redirects
    Column("extractor", Text),  # set when every item was stored with this extractor
    Column("current", Boolean, nullable=False, default=False),  # the source's latest bytes
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("read_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "sha256"),
    Index(None, "source", "current"),
)

raw = Table(
    "raw",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False),  # the contract's input key: "page.html", "feed.xml#guid"
    Column("sha256", SHA256, nullable=False),  # of the bytes and the reader's hints together
    Column("source", Text, nullable=False),  # the file or URL the reader opened
    Column("input_id", Integer, ForeignKey("inputs.id"), index=True),  # the bytes it was split from
    Column("data_sha256", SHA256, ForeignKey("blobs.sha256"), nullable=False, index=True),
    Column("media_type", Text, nullable=False),
    Column("encoding", Text, nullable=False),
    Column("hints", Text, nullable=False),  # JSON: what the container said (Metadata)
    Column("guess_title", Boolean, nullable=False),
    UniqueConstraint("key", "sha256"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("input", Text, nullable=False),
    Column("version", Integer, nullable=False),  # 1, 2, ... as new content arrives under the same input
    Column("current", Boolean, nullable=False),  # the version in force for this input
    Column("raw_id", Integer, ForeignKey("raw.id"), nullable=False, index=True),
    Column("doc_id", SHA256, nullable=False, index=True),  # sha256 of the clean text
    Column("title", Text),
    Column("authors", Text, nullable=False),  # JSON list
    Column("published", Text),
    Column("published_at", Text),  # the same moment with its time of day, where the source gives one
    Column("outlet", Text),
    Column("url", Text),
    Column("language", Text),
    Column("tags", Text, nullable=False),  # JSON list
    Column("relayed_from", Text),
    Column("dateline", Text),  # the place a story was filed from, as its dateline gives it
    Column("text", Text, nullable=False),
    Column("extractor", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("input", "version"),
    UniqueConstraint("input", "raw_id"),
    Index(None, "current", "extractor"),
)


def _document_fk() -> Column[int]:
    return Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


removed_lines = Table(
    "removed_lines",
    metadata,
    _document_fk(),
    Column("position", Integer, primary_key=True),
    Column("line", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("rule", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    _document_fk(),
    Column("position", Integer, primary_key=True),
    Column("entity", Text, nullable=False, index=True),  # the stable id: "kursk-oblast"
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("kind", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("parents", Text, nullable=False),  # JSON list, nearest first
    Column("role", Text),
    Column("extra", Text),
)

mentions = Table(
    "mentions",
    metadata,
    _document_fk(),
    Column("entity_position", Integer, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("entity", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    ForeignKeyConstraint(
        ["document_id", "entity_position"],
        ["entities.document_id", "entities.position"],
        ondelete="CASCADE",
        name="fk_mentions_entity_entities",
    ),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # kind|entity|name: NULLs never make duplicates
    Column("name", Text),
    Column("entity", Text, index=True),
    Column("kind", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    _document_fk(),
    Column("position", Integer, primary_key=True),
    Column("claim", Text, nullable=False),  # the record's id: "c1"
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("source_text", Text),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_role", Text),
    Column("cue", Text, nullable=False),
    Column("certainty", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("channel", Text),
    Column("quote", Text, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("parent", Text),
    Column("extra", Text),
)

claim_via = Table(
    "claim_via",
    metadata,
    _document_fk(),
    Column("claim_position", Integer, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("text", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("role", Text),
    ForeignKeyConstraint(
        ["document_id", "claim_position"],
        ["claims.document_id", "claims.position"],
        ondelete="CASCADE",
        name="fk_claim_via_claim_claims",
    ),
)

figures = Table(
    "figures",
    metadata,
    _document_fk(),
    Column("position", Integer, primary_key=True),
    Column("figure", Text, nullable=False),  # the record's id: "f1"
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("low", Float, nullable=False),
    Column("high", Float, nullable=False),
    Column("qualifier", Text, nullable=False),
    Column("unit", Text),
    Column("subject_text", Text),
    Column("subject_entity", Text, index=True),
    Column("subject_start", Integer),
    Column("subject_end", Integer),
    Column("subject_parents", Text),  # JSON list, null when there is no subject
    Column("measure", Text, nullable=False, index=True),
    Column("location_text", Text),
    Column("location_entity", Text, index=True),
    Column("location_start", Integer),
    Column("location_end", Integer),
    Column("location_parents", Text),
    Column("as_of", Text),
    Column("modality", Text, nullable=False),
    Column("claim", Text),  # the carrying claim's id in the same document
    Column("part_of", Text),
    Column("vague", Boolean, nullable=False),
    Column("extra", Text),
)

#: The full-text index: one row per document (title and text), claim (speaker and
#: content) and figure (number and its sentence), for every version; searches
#: keep the current ones. ``title``, ``body`` and ``terms`` are indexed, in that
#: order of weight; ``body`` is the text a reader sees, that snippets are cut
#: from; ``terms`` find a row without being shown (a figure's measure, subject and
#: place; a claim's wording of its speaker and who relayed it); ``heading`` is
#: what a hit is shown as (a document's title, or its first words and outlet).
#: The migrations add the engine's own index: an FTS5 table kept in step by
#: triggers on SQLite (``search_fts``), a generated ``tsv`` column with a GIN
#: index on PostgreSQL.
search = Table(
    "search",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),  # document | claim | figure
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("item", Text),  # the claim's or figure's id; null for the document itself
    Column("title", Text),
    Column("body", Text, nullable=False),
    Column("terms", Text),
    Column("heading", Text),
)

#: Tables in the order an export writes them (parents first); blobs and the index are left out.
EXPORT_TABLES = (
    runs,
    skipped,
    inputs,
    raw,
    documents,
    removed_lines,
    entities,
    mentions,
    sources,
    claims,
    claim_via,
    figures,
)


# The cross-check's ledger: computed from the current documents (``pipeline.ledger``)
# and replaced whole when they change; rows carry the JSON of SPEC section 2 beside
# the columns that Datasette filters and sorts on.

ledger = Table(
    "ledger",
    metadata,
    Column("id", Integer, primary_key=True),  # one row
    Column("crosscheck", Text, nullable=False),  # the cross-check code and data it was computed with
    Column("documents", Text, nullable=False),  # the state of the current documents it was computed from
    Column("computed_at", DateTime(timezone=True), nullable=False),
    Column("variables", Integer, nullable=False),
    Column("findings", Integer, nullable=False),
)

ledger_variables = Table(
    "ledger_variables",
    metadata,
    Column("id", Text, primary_key=True),  # subject|measure|place|unit|modality
    Column("subject", Text, nullable=False),
    Column("measure", String(32), nullable=False),
    Column("location", Text),
    Column("unit", Text),
    Column("modality", String(16), nullable=False),
    Column("subject_name", Text),
    Column("location_name", Text),
    Column("low", Float),
    Column("best", Float),
    Column("high", Float),
    Column("value_count", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),  # the most behind one value
    Column("grades", Text),
    Column("data", Text, nullable=False),  # the variable as `corroborator variables --format json` gives it
    Column("family", Text, index=True),  # the variables a refresh recomputes together (``VariableKey.family``)
)

ledger_values = Table(
    "ledger_values",
    metadata,
    Column("variable", Text, ForeignKey("ledger_variables.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("value", Float, nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("as_of", String(32)),
    Column("independent_sources", Integer, nullable=False),
    Column("grade", String(16), nullable=False),
    Column("interested_party", Boolean, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of speaker keys
    Column("figures", Text, nullable=False),  # JSON list of {doc_id, figure}
)

ledger_findings = Table(
    "ledger_findings",
    metadata,
    Column("position", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("variable", Text, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of speaker keys
    Column("figures", Text, nullable=False),  # JSON list of {doc_id, figure}
    Column("data", Text, nullable=False),  # the finding as `corroborator findings --format json` gives it
    Column("family", Text, index=True),  # findings are listed by family, then by rank within it
    Column("rank", Integer),
    Index(None, "variable"),
    Index(None, "kind"),
)

ledger_sources = Table(
    "ledger_sources",
    metadata,
    Column("key", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("names", Text, nullable=False),  # JSON list
    Column("relays", Text, nullable=False),  # JSON list
    Column("party_to_fighting", Text),
    Column("claims", Integer, nullable=False),
)


# The copy detector's work, kept so that a new document is compared with the corpus through
# the band index instead of the corpus being fingerprinted again: a cache keyed on the clean
# text (doc_id), valid for one ``version`` of the detector's parameters.

copy_fingerprints = Table(
    "copy_fingerprints",
    metadata,
    Column("doc_id", Text, primary_key=True),
    Column("version", Text, nullable=False),
    Column("shingles", LargeBinary, nullable=False),  # 64-bit hashes of the word 3-grams, packed
    Column("sentences", LargeBinary, nullable=False),  # 64-bit hashes of the sentences, packed
)

copy_bands = Table(
    "copy_bands",
    metadata,
    Column("band", BigInteger, primary_key=True),
    Column("doc_id", Text, ForeignKey("copy_fingerprints.doc_id", ondelete="CASCADE"), primary_key=True),
)

copy_pairs = Table(
    "copy_pairs",
    metadata,
    Column("doc_id", Text, ForeignKey("copy_fingerprints.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("copy_of", Text, primary_key=True),
)


# What the cross-check read of each current document, kept so that a refresh reads again only the
# documents that changed or whose reading the corpus changed (``pipeline.ledger``): a cache keyed on
# the clean text (doc_id), valid for the stored row it was read from and one cross-check version.

ledger_documents = Table(
    "ledger_documents",
    metadata,
    Column("doc_id", Text, primary_key=True),
    Column("document_id", Integer, nullable=False, index=True),  # the stored row read (documents.id)
    Column("extracted", DateTime(timezone=True), nullable=False),  # that row's updated_at when it was read
    Column("version", Text, nullable=False),  # the cross-check's
    Column("notes", Text, nullable=False),  # JSON: the document's speakers and entities, no text
    Column("signature", Text),  # what the corpus lent the reading of its reports; null: not read yet
)

ledger_reports = Table(
    "ledger_reports",
    metadata,
    Column("doc_id", Text, ForeignKey("ledger_documents.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("family", Text, nullable=False, index=True),
    Column("speaker", Text, nullable=False),
    Column("data", Text, nullable=False),  # JSON: the report, every field
)
