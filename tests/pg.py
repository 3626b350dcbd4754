"""A real, throwaway PostgreSQL server for the tests and the benchmarks.

Plain functions (``find_bindir``, ``start_server``) so ``bench/`` can start a
server without pytest, plus two fixtures (``tests/conftest.py`` loads this
module as a plugin, so every test can ask for them by name):
``pg_server`` (one server per test session) and ``pg_url`` (a fresh, empty
database per test, dropped afterwards, so tests never see each other's rows).

The server runs from a temporary folder, listens on a free loopback port
only, keeps its unix socket in that folder (never ``/var/run/postgresql``),
and runs with fsync off: these databases are disposable by design. initdb
refuses to run as root, so under root every server binary runs as the
``postgres`` OS user and the folder is handed to that user.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.ci import serve

SKIP_MESSAGE = "PostgreSQL server binaries not found (install Debian's postgresql package)"
USER = "kiosk"
_counter = itertools.count()


class PgUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine, or the server would not start."""


def find_bindir() -> Path | None:
    """Return the folder holding ``initdb`` and ``pg_ctl``, or None when not installed.

    ``pg_config --bindir`` first (it names the client's version), then Debian's
    versioned folders, newest first, then PATH.
    """
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            )
            candidates.append(Path(out.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass
    versioned = glob.glob("/usr/lib/postgresql/*/bin")
    versioned.sort(key=lambda p: _version_key(Path(p).parent.name), reverse=True)
    candidates.extend(Path(p) for p in versioned)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).parent)
    for candidate in candidates:
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    return None


def _version_key(name: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in name.split("."))
    except ValueError:
        return (0,)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user() -> list[str]:
    """The command prefix that runs a server binary as a user initdb accepts."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--"]
    raise PgUnavailable("running as root and runuser is missing; cannot start PostgreSQL")


@dataclass
class PgServer:
    """A running PostgreSQL server in a temporary folder; ``stop()`` removes it all."""

    bindir: Path
    root: Path
    port: int
    user: str = USER
    _stopped: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of ``database`` on this server, over loopback TCP."""
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.user, dbname="postgres", autocommit=True
        )

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database (a unique name unless given); return its name."""
        name = name or f"t_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:8]}"
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> None:
        """Drop ``name``, ending any connection a test left open to it."""
        with self._admin() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder. Safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        subprocess.run(
            [*_as_server_user(), str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data_dir)]
            + ["-m", "immediate", "-w"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(bindir: Path | None = None, *, attempts: int = 3) -> PgServer:
    """initdb a fresh cluster in a temp folder and start it on a free loopback port.

    Raises PgUnavailable when the binaries are missing or the server will not start.
    """
    bindir = bindir or find_bindir()
    if bindir is None:
        raise PgUnavailable(SKIP_MESSAGE)
    prefix = _as_server_user()
    # Not under pytest's tmp_path: that is private to the test user, and the
    # server may run as another user. /tmp keeps the socket path short too.
    root = Path(tempfile.mkdtemp(prefix="p2p-pg-"))
    (root / "sock").mkdir()
    if prefix:
        for path in (root, root / "sock"):
            shutil.chown(path, user="postgres", group="postgres")
    data = root / "data"
    init = subprocess.run(
        [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", USER]
        + ["--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise PgUnavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    last_error = ""
    for _ in range(attempts):
        port = _free_port()
        options = (
            f"-p {port} -k {root / 'sock'} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        started = subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60"]
            + ["-l", str(root / "server.log"), "-o", options],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
        if started.returncode == 0:
            server = PgServer(bindir=bindir, root=root, port=port)
            _wait_ready(server)
            atexit.register(server.stop)  # a crashed session still leaves no server behind
            return server
        last_error = (root / "server.log").read_text(errors="replace")[-500:]
    shutil.rmtree(root, ignore_errors=True)
    raise PgUnavailable(f"PostgreSQL did not start: {last_error}")


def _wait_ready(server: PgServer, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with server._admin():
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL server for the whole session (skips, or fails under CI, if absent)."""
    yield from serve(start_server, PgUnavailable, needs="a PostgreSQL server")


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A SQLAlchemy URL to a fresh, empty PostgreSQL database, dropped after the test."""
    name = pg_server.create_database()
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)
