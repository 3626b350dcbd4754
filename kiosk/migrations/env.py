"""Alembic environment for the kiosk store.

The kiosk passes its own open connection in ``config.attributes["connection"]``
so migrations run with the same SQLite settings (WAL, foreign keys) as the app.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from kiosk.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    # render_as_batch: SQLite cannot ALTER most columns in place; batch mode
    # copies the table, so a column change stays an ordinary migration.
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        _run(conn)
