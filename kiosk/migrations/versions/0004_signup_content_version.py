"""Remember which content file each sign-up was made under.

``content_version`` is the content's own version followed by the start of
the file's SHA-256 ("2026-11-25.1+3f2a9c1b"), so a sign-up names the texts
shown even after a volunteer installs other content from a USB stick.
Sign-ups made before this revision keep it empty rather than guessed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table("signups") as batch:
        batch.add_column(
            sa.Column("content_version", sa.String(64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("signups") as batch:
        batch.drop_column("content_version")
