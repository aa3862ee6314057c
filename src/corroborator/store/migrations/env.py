"""Alembic's environment: migrations run on the connection the store hands over, never from a URL."""

from __future__ import annotations

from alembic import context

from corroborator.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the store runs these migrations
    raise RuntimeError("the store's migrations run through corroborator.store, with a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    transactional_ddl=True,  # both engines roll back a failed migration whole
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
