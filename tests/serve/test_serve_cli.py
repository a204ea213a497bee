"""``detente serve``: options, one-line errors, and a real server process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_serve_help_lists_its_options():
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--allow-write"):
        assert option in result.output


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (["--db", "{missing}"], {}, "no store at"),
        (["--db", "{sample}", "--allow-write"], {"DETENTE_TOKEN": ""}, "DETENTE_TOKEN"),
    ],
    ids=["missing-store", "write-without-token"],
)
def test_serve_errors_are_one_line_and_exit_2(tmp_path, sample_db, args, env, words):
    filled = [
        a.format(missing=tmp_path / "missing.duckdb", sample=sample_db) for a in args
    ]
    result = runner.invoke(app, ["serve", *filled], env=env)
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_serve_runs_a_server_that_answers(sample_db: Path):
    port = _free_port()
    command = [
        sys.executable, "-m", "detente", "serve", "--db", str(sample_db), "--port", str(port),
    ]  # fmt: skip
    server = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/version", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("detente serve did not start")
                time.sleep(0.2)
        assert response.json()["ok"] is True
        events = httpx.get(
            f"http://127.0.0.1:{port}/api/events?limit=3", timeout=5
        ).json()
        assert len(events["events"]) == 3
        assert (
            httpx.post(
                f"http://127.0.0.1:{port}/api/documents", json={}, timeout=5
            ).status_code
            == 403
        )
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output, _ = server.communicate(timeout=15)
    assert b"serving" in output and b"read-only" in output
