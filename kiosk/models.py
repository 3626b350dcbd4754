"""The kiosk store's tables: events, sign-ups, export batches and settings.

Times are stored as naive UTC (SQLite has no time zone type) and converted to
aware UTC at the store's boundary. Schema changes are Alembic migrations in
``kiosk/migrations``; never edit a table here without adding one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of the kiosk store."""


class Event(Base):
    """An outreach event the kiosk has been set up for (name and place)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)

    signups: Mapped[list[Signup]] = relationship(back_populates="event")


class ExportBatch(Base):
    """One export file written to disk; its sign-ups point at it.

    An ``include_all`` batch's file also held every sign-up of the batches
    before it, so the office confirming it confirms those too.
    """

    __tablename__ = "export_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(300))
    rows: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    include_all: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # office's time
    receipt_applied_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Signup(Base):
    """One attendee's sign-up, exactly as validated, with who, when and where."""

    __tablename__ = "signups"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID text
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    first_name: Mapped[str] = mapped_column(Text)
    last_name: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(32), default="")
    postal_code: Mapped[str] = mapped_column(String(32), default="")
    wlf_choice: Mapped[str] = mapped_column(String(20))
    email_group_opt_in: Mapped[bool] = mapped_column(Boolean)
    advocacy_pledge: Mapped[bool] = mapped_column(Boolean)
    contact_consent: Mapped[bool] = mapped_column(Boolean)
    consent_version: Mapped[str] = mapped_column(String(64))
    consent_text: Mapped[str] = mapped_column(Text, server_default="")
    locale: Mapped[str] = mapped_column(String(16))
    # The content file shown (kiosk.content.Content.version_id); "" before revision 0004.
    content_version: Mapped[str] = mapped_column(String(64), server_default="")
    export_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("export_batches.id"), default=None
    )
    # Set when names, email, phone and postal code were blanked after the office confirmed.
    erased_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    event: Mapped[Event] = relationship(back_populates="signups")

    # Export reads "not yet exported" in time order; this keeps it an index scan.
    __table_args__ = (Index("ix_signups_pending", "export_batch_id", "created_at"),)


class Setting(Base):
    """A key/value setting the kiosk keeps between starts (kiosk id, PIN hash, event...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
