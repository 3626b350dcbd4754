"""The master store's password: never shown, and never needed on the command line.

A URL's credentials are masked wherever it is shown (stderr, the office
window's status line), in ``user:password@`` and ``?password=`` alike. The
password can stay out of the URL altogether: PostgreSQL's own PGPASSWORD,
~/.pgpass and PGSERVICE work (tested against a real server that asks for a
password), and ``--into-env VAR`` keeps even the URL out of the process list.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from kiosk.cli import EXIT_FAILED, EXIT_OK
from kiosk.export import export_signups
from kiosk.master import MasterError, open_master, safe_url
from kiosk.office_counts import describe_master
from kiosk.store import Store
from p2p_kiosk.cli import main
from tests.factories import make_record
from tests.pg import PgServer

SECRET = "s3cret-Pa55"
UNREACHABLE = "postgresql+psycopg://bob@127.0.0.1:1/master"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://bob:{SECRET}@db.example.org/master",
        f"postgresql+psycopg://bob@db.example.org/master?password={SECRET}",
        f"postgresql+psycopg://bob@db.example.org/master?sslmode=require&PassWord={SECRET}",
        f"postgresql+psycopg://bob@db.example.org/master?sslpassword={SECRET}&sslmode=require",
        f"postgresql+psycopg:///master?host=db.example.org&token={SECRET}",
        f"postgresql+psycopg://bob@db.example.org/master?password={SECRET}&password=again",
    ],
)
def test_every_credential_in_a_url_is_masked(url: str) -> None:
    shown = safe_url(url)
    assert SECRET not in shown and "again" not in shown
    assert "***" in shown and "db.example.org" in shown
    assert SECRET not in describe_master(url)


def test_harmless_parameters_stay_readable() -> None:
    shown = safe_url("postgresql+psycopg://bob@h/db?sslmode=require&connect_timeout=5")
    assert shown == "postgresql+psycopg://bob@h/db?sslmode=require&connect_timeout=5"


@pytest.mark.parametrize("form", ["user:password@", "?password="])
def test_an_unreachable_server_never_shows_the_password(form: str) -> None:
    url = (
        f"postgresql+psycopg://bob:{SECRET}@127.0.0.1:1/master?connect_timeout=2"
        if form == "user:password@"
        else f"{UNREACHABLE}?password={SECRET}&connect_timeout=2"
    )
    with pytest.raises(MasterError) as failure:
        open_master(url)
    assert SECRET not in str(failure.value)
    assert "127.0.0.1" in str(failure.value)


def test_the_command_line_never_prints_a_password_from_the_query(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "none.csv"
    export.write_text("not read: the store is opened first\n", encoding="utf-8")
    code = main(
        ["--data-dir", str(tmp_path), "import", str(export)]
        + ["--into", f"{UNREACHABLE}?password={SECRET}&connect_timeout=2"]
    )
    out, err = capsys.readouterr()
    assert code == EXIT_FAILED
    assert SECRET not in out + err
    assert "password=***" in err


def test_into_env_reads_the_url_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _export(tmp_path)
    master = tmp_path / "elsewhere.sqlite3"
    monkeypatch.setenv("P2P_MASTER_URL", f"sqlite:///{master}")
    code = main(
        ["--data-dir", str(tmp_path), "import", str(export), "--into-env", "P2P_MASTER_URL"]
    )
    assert code == EXIT_OK, capsys.readouterr()
    assert master.is_file()

    monkeypatch.delenv("P2P_MASTER_URL")
    code = main(
        ["--data-dir", str(tmp_path), "import", str(export), "--into-env", "P2P_MASTER_URL"]
    )
    err = capsys.readouterr().err
    assert code == EXIT_FAILED
    assert err.strip() == (
        "p2p-kiosk: The environment variable P2P_MASTER_URL is not set; "
        "it should hold the master store's URL."
    )


def test_into_and_into_env_cannot_both_be_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["import", "x.csv", "--into", "sqlite://", "--into-env", "X"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def _export(root: Path) -> Path:
    store = Store.open(root / "kiosk")
    try:
        store.insert_records(
            [
                make_record(
                    store.kiosk_id, datetime(2026, 11, 20, 15, 0, tzinfo=UTC), consent_text=""
                )
            ]
        )
        usb = root / "usb"
        usb.mkdir()
        result = export_signups(store, usb)
    finally:
        store.close()
    assert result is not None
    return result.csv_path


# Against a server that asks for a password ---------------------------------------------------

ROLE = "p2p_office"


@pytest.fixture
def password_db(pg_server: PgServer) -> Iterator[str]:
    """A database owned by a role that must give a password (scram), on the test server."""
    with psycopg.connect(
        host="127.0.0.1", port=pg_server.port, user=pg_server.user, dbname="postgres"
    ) as conn:
        conn.autocommit = True
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (ROLE,)).fetchone()
        if not exists:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(ROLE), sql.Literal(SECRET)
                )
            )
        hba = pg_server.data_dir / "pg_hba.conf"
        rule = f"host all {ROLE} 127.0.0.1/32 scram-sha-256\n"
        text = hba.read_text()
        if rule not in text:
            hba.write_text(rule + text)  # before the "trust" lines: first match wins
            conn.execute("SELECT pg_reload_conf()")
        name = pg_server.create_database()
        conn.execute(
            sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                sql.Identifier(name), sql.Identifier(ROLE)
            )
        )
    try:
        yield name
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def no_pg_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("PGPASSWORD", "PGSERVICE", "PGSERVICEFILE", "PGUSER", "PGHOST", "PGPORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


def _import(tmp_path: Path, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    os.environ["P2P_TEST_MASTER"] = url
    try:
        code = main(
            ["--data-dir", str(tmp_path / "office"), "import", str(_export(tmp_path))]
            + ["--into-env", "P2P_TEST_MASTER"]
        )
    finally:
        del os.environ["P2P_TEST_MASTER"]
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    return code, out + err


@pytest.mark.postgres
def test_without_a_password_the_server_refuses_in_one_clear_line(
    pg_server: PgServer,
    password_db: str,
    no_pg_env: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql+psycopg://{ROLE}@127.0.0.1:{pg_server.port}/{password_db}"
    code, output = _import(tmp_path, url, capsys)
    assert code == EXIT_FAILED
    assert "password" in output and "Traceback" not in output


@pytest.mark.postgres
@pytest.mark.parametrize("source", ["PGPASSWORD", "a .pgpass file", "a PGSERVICE entry"])
def test_postgresqls_own_settings_supply_the_password(
    source: str,
    pg_server: PgServer,
    password_db: str,
    no_pg_env: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"postgresql+psycopg://{ROLE}@127.0.0.1:{pg_server.port}/{password_db}"
    if source == "PGPASSWORD":
        monkeypatch.setenv("PGPASSWORD", SECRET)
    elif source == "a .pgpass file":
        pgpass = tmp_path / "pgpass"
        pgpass.write_text(f"127.0.0.1:{pg_server.port}:{password_db}:{ROLE}:{SECRET}\n")
        pgpass.chmod(0o600)  # libpq ignores a .pgpass others can read
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
    else:
        services = tmp_path / "pg_service.conf"
        services.write_text(
            f"[p2p-office]\nhost=127.0.0.1\nport={pg_server.port}\ndbname={password_db}\n"
            f"user={ROLE}\npassword={SECRET}\n"
        )
        services.chmod(0o600)
        monkeypatch.setenv("PGSERVICEFILE", str(services))
        monkeypatch.setenv("PGSERVICE", "p2p-office")
        url = "postgresql+psycopg://"  # everything comes from the service entry
    code, output = _import(tmp_path, url, capsys)
    assert code == EXIT_OK, output
    assert "Sign-ups: 1 new" in output


def test_the_office_names_a_store_that_comes_from_the_environment() -> None:
    assert describe_master("postgresql+psycopg:///?service=office") == "PostgreSQL service office"
    assert describe_master("postgresql+psycopg://") == (
        "PostgreSQL database named by PGSERVICE or PGHOST and PGDATABASE"
    )
