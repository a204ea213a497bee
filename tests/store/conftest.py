"""Store fixtures: DuckDB files in tmp, and a PostgreSQL server for the parity tests.

PostgreSQL: ``DETENTE_TEST_POSTGRES`` (a ``postgresql://`` URL of a server
where we may create databases, e.g. from ``scripts/ci/start_postgres.sh``).
When unset, a throwaway server is started with ``initdb`` + ``pg_ctl`` in a
temporary folder if the binaries exist; else the tests skip, except when
``CI`` is set, where a missing server fails them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.store import Store


def _find_pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_db_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}; run scripts/ci/start_postgres.sh")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server (its maintenance database)."""
    url = os.environ.get("DETENTE_TEST_POSTGRES")
    if url:
        yield url
        return
    initdb, pg_ctl = _find_pg_bin("initdb"), _find_pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        _unavailable("DETENTE_TEST_POSTGRES is unset and initdb/pg_ctl were not found")
    assert initdb is not None and pg_ctl is not None
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _unavailable("running as root without runuser")
    # pytest's tmp folders are private to the user (0700); as root the server
    # runs as `postgres`, which needs a folder it can reach.
    base = Path(tempfile.mkdtemp(prefix="detente-pg-"))
    base.chmod(0o755)
    data = base / "data"
    data.mkdir(mode=0o700)
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    port = _free_port()
    try:
        subprocess.run(
            _as_db_user(
                [initdb, "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8"]
            ),
            check=True,
            capture_output=True,
        )
        subprocess.run(
            _as_db_user(
                [
                    pg_ctl,
                    "-D",
                    str(data),
                    "-l",
                    str(data / "server.log"),
                    "-w",
                    "-o",
                    f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as e:
        shutil.rmtree(base, ignore_errors=True)
        _unavailable(f"could not start a throwaway server: {e.stderr.decode()[-500:]}")
    try:
        yield f"postgresql://{user}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_db_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server (dropped afterwards)."""
    import psycopg

    name = "detente_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base, _, _ = postgres_server.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def duckdb_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(duckdb_path: Path) -> Iterator[Store]:
    with Store.open(duckdb_path) as opened:
        yield opened


@pytest.fixture(params=["duckdb", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same test on both backends."""
    if request.param == "duckdb":
        url: str = str(tmp_path / "events.duckdb")
    else:
        url = request.getfixturevalue("postgres_url")
    with Store.open(url) as opened:
        yield opened
