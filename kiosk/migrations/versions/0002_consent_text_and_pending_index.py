"""Keep the exact consent text with each sign-up; index the export's pending scan.

Sign-ups made before this revision stored only the consent version; their
text is left empty rather than guessed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    with op.batch_alter_table("signups") as batch:
        batch.add_column(sa.Column("consent_text", sa.Text, nullable=False, server_default=""))
    op.create_index("ix_signups_pending", "signups", ["export_batch_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_signups_pending", "signups")
    with op.batch_alter_table("signups") as batch:
        batch.drop_column("consent_text")
