"""The throwaway PostgreSQL server the tests and benchmarks use (tests/pg.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, inspect, text

from tests.ci import skip_or_fail
from tests.pg import PgServer, PgUnavailable, start_server


@pytest.fixture
def server(request: pytest.FixtureRequest) -> PgServer:
    """The session's server (tests/pg.py), skipped without PostgreSQL binaries."""
    server = request.getfixturevalue("pg_server")
    assert isinstance(server, PgServer)
    return server


@pytest.fixture
def fresh_url(request: pytest.FixtureRequest) -> str:
    """A fresh database on it, dropped after the test."""
    return str(request.getfixturevalue("pg_url"))


def test_missing_binaries_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PgUnavailable, match="initdb"):
        start_server(tmp_path / "no-such-bin")


@pytest.mark.parametrize("ci", ["true", "1"])
def test_under_ci_a_missing_server_fails_the_run(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="CI=true needs a PostgreSQL server"):
        skip_or_fail("PostgreSQL server binaries not found", needs="a PostgreSQL server")


def test_on_a_developer_machine_a_missing_server_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="binaries not found"):
        skip_or_fail("PostgreSQL server binaries not found", needs="a PostgreSQL server")


def _one(row: tuple[Any, ...] | None) -> Any:
    assert row is not None
    return row[0]


@pytest.mark.postgres
def test_server_listens_on_loopback_only_with_its_socket_in_tmp(server: PgServer) -> None:
    with psycopg.connect(
        host="127.0.0.1", port=server.port, user=server.user, dbname="postgres"
    ) as conn:
        settings = {
            name: _one(conn.execute(f"SHOW {name}").fetchone())
            for name in ("listen_addresses", "unix_socket_directories", "fsync")
        }
    assert settings["listen_addresses"] == "127.0.0.1"
    assert settings["unix_socket_directories"] == str(server.socket_dir)
    assert settings["fsync"] == "off"
    assert list(server.socket_dir.glob(f".s.PGSQL.{server.port}"))


@pytest.mark.postgres
@pytest.mark.parametrize("round_", [1, 2])
def test_each_test_gets_a_fresh_empty_database(fresh_url: str, round_: int) -> None:
    engine = create_engine(fresh_url)
    try:
        assert inspect(engine).get_table_names() == []
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE leftover (id int)"))
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_stop_removes_the_server_folder() -> None:
    server = start_server()
    root = server.root
    assert (root / "data" / "PG_VERSION").exists()
    server.stop()
    server.stop()  # twice is harmless
    assert not root.exists()
