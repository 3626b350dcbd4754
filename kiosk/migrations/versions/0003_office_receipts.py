"""Remember what the office confirmed, and which sign-ups lost their personal data.

Export batches learn whether they held every sign-up so far (an export with
"include earlier sign-ups"), when the office confirmed them (the receipt's
time), when this kiosk applied that receipt, and when their sign-ups' names,
email, phone and postal code were erased; sign-ups learn when they were
erased. Batches written before this revision count as holding only their
own sign-ups.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    with op.batch_alter_table("export_batches") as batch:
        batch.add_column(
            sa.Column("include_all", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("confirmed_at", sa.DateTime, nullable=True))
        batch.add_column(sa.Column("receipt_applied_at", sa.DateTime, nullable=True))
        batch.add_column(sa.Column("erased_at", sa.DateTime, nullable=True))
    with op.batch_alter_table("signups") as batch:
        batch.add_column(sa.Column("erased_at", sa.DateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("signups") as batch:
        batch.drop_column("erased_at")
    with op.batch_alter_table("export_batches") as batch:
        for column in ("erased_at", "receipt_applied_at", "confirmed_at", "include_all"):
            batch.drop_column(column)
