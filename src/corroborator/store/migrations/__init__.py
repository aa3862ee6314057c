"""Versioned migrations (Alembic), shipped inside the package and run by the store itself.

``upgrade`` in ``engine.py`` calls ``run_upgrade`` whenever a database is not at
``SCHEMA_REVISION``; nobody needs an ``alembic.ini``. To add a migration, write
``versions/NNNN_what.py`` (``down_revision`` the previous one), change
``schema.py`` to match, and raise ``SCHEMA_REVISION``; ``tests/store/test_schema.py``
checks that the migrated database equals the metadata on both engines.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

SCRIPT_LOCATION = "corroborator.store:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for this package's migrations, bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def run_upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate the database behind ``connection`` to ``revision`` in one transaction, and commit."""
    command.upgrade(alembic_config(connection), revision)
    connection.commit()


def run_downgrade(connection: Connection, revision: str) -> None:
    """Migrate down to ``revision`` ("base" for an empty database), and commit."""
    command.downgrade(alembic_config(connection), revision)
    connection.commit()
