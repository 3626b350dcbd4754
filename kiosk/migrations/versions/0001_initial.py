"""The first kiosk store: events, sign-ups, export batches, settings."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "export_batches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "signups",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("first_name", sa.Text, nullable=False),
        sa.Column("last_name", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("postal_code", sa.String(32), nullable=False),
        sa.Column("wlf_choice", sa.String(20), nullable=False),
        sa.Column("email_group_opt_in", sa.Boolean, nullable=False),
        sa.Column("advocacy_pledge", sa.Boolean, nullable=False),
        sa.Column("contact_consent", sa.Boolean, nullable=False),
        sa.Column("consent_version", sa.String(64), nullable=False),
        sa.Column("locale", sa.String(16), nullable=False),
        sa.Column("export_batch_id", sa.Integer, sa.ForeignKey("export_batches.id"), nullable=True),
    )
    op.create_index("ix_signups_created_at", "signups", ["created_at"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_index("ix_signups_created_at", "signups")
    op.drop_table("signups")
    op.drop_table("export_batches")
    op.drop_table("events")
