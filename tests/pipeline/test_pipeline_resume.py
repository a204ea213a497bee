"""A `detente code` run killed with SIGKILL resumes to the same database (issue 5)."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

DOCS = 120


@pytest.fixture(scope="module")
def corpus_file(corpus_dir, tmp_path_factory) -> Path:
    """The first DOCS international news snippets of the AG News sample, as JSONL."""
    path = tmp_path_factory.mktemp("resume") / "docs.jsonl"
    with gzip.open(corpus_dir / "articles" / "agnews_world.jsonl.gz", "rt") as source:
        lines = [json.loads(next(source)) for _ in range(DOCS)]
    with path.open("w") as out:
        for record in lines:
            record["date"] = "2004-08-01"
            out.write(json.dumps(record) + "\n")
    return path


def _detente(*args: str) -> list[str]:
    return [sys.executable, "-m", "detente", *args]


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "documents": con.execute(
                "SELECT doc_id FROM documents ORDER BY doc_id"
            ).fetchall(),
            "event_mentions": con.execute(
                "SELECT event_id, doc_id, source_actor, target_actor, cameo_code, event_date "
                "FROM event_mentions ORDER BY event_id"
            ).fetchall(),
            "events": con.execute(
                "SELECT dedup_mode, event_key, num_mentions, num_documents FROM events "
                "ORDER BY dedup_mode, event_key"
            ).fetchall(),
        }


def test_killed_run_resumes_to_the_same_database(corpus_file, tmp_path):
    env = {**os.environ, "DETENTE_EMBEDDING_FALLBACK": "0", "DETENTE_BATCH_SIZE": "8"}
    reference_db = tmp_path / "reference.duckdb"
    subprocess.run(
        _detente(
            "code", str(corpus_file), "--db", str(reference_db), "-q", "--allow-skips"
        ),
        check=True,
        env=env,
        timeout=600,
    )

    db = tmp_path / "killed.duckdb"
    process = subprocess.Popen(
        _detente("code", str(corpus_file), "--db", str(db), "-q", "--allow-skips"),
        env=env,
    )
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 300
    # Wait until some documents are committed (the write-ahead log has data), then kill.
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 50_000:
            break
        time.sleep(0.05)
    assert process.poll() is None, (
        "the run finished before it could be killed; raise DOCS"
    )
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    partial = _snapshot(db)["documents"]
    assert 0 < len(partial) < len(_snapshot(reference_db)["documents"])

    resumed = subprocess.run(
        _detente("code", str(corpus_file), "--db", str(db), "--allow-skips"),
        env=env,
        timeout=600,
        capture_output=True,
        text=True,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"already stored {len(partial)}" in resumed.stderr
    assert _snapshot(db) == _snapshot(reference_db)
