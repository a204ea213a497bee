"""Benchmark of the API: paging 1 M stored events, then a bounded load test.

1. Generates N synthetic events (default 1,000,000) with their mentions and
   documents into a fresh DuckDB store by bulk ``INSERT ... SELECT`` over
   ``range()`` (seconds, not the hours the pipeline would take).
2. Times event-list pages in process (the app over httpx's ASGI transport):
   the first page, keyset pages deep into the list, an offset jump, filtered
   lists, a text search and one event with its mentions. Prints median and
   p95 per case against the 200 ms goal.
3. Load test on loopback: starts ``detente serve`` on a free port in a
   subprocess, sends 2,000 requests from 20 concurrent httpx clients, prints
   latency p50/p90/p99 and the error count, and stops the server.

A benchmark prints figures; it is not a timed test. Run::

    .venv/bin/python bench/bench_api.py                  # 1 M events
    .venv/bin/python bench/bench_api.py --events 100000 --requests 500
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

COUNTRIES = [
    "USA", "CHN", "RUS", "IND", "GBR", "FRA", "DEU", "JPN", "IRN", "ISR",
    "UKR", "TUR", "PAK", "BRA", "ZAF", "SAU", "EGY", "KOR", "PRK", "AUS",
    "CAN", "MEX", "NGA", "IDN", "VNM", "PHL", "SYR", "IRQ", "AFG", "IGO",
]  # fmt: skip
CODES = [
    ("036", 4.0, 1, "CONSULT"), ("042", 1.9, 1, "CONSULT"), ("043", 2.8, 1, "CONSULT"),
    ("051", 3.4, 1, "COOPERATE"), ("057", 8.0, 1, "AGREE"), ("061", 6.4, 2, "COOPERATE"),
    ("073", 7.4, 2, "AID"), ("111", -2.0, 3, "DISAPPROVE"), ("112", -2.0, 3, "ACCUSE"),
    ("138", -7.0, 3, "THREATEN"), ("163", -8.0, 4, "SANCTION"), ("190", -10.0, 4, "ASSAULT"),
]  # fmt: skip
GOAL_MS = 200.0


def generate_store(path: Path, events: int) -> float:
    """Write ``events`` synthetic events (+ mentions, documents); return seconds."""
    import duckdb

    from detente.store import Store

    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    Store.open(path, read_only=False).close()  # the schema
    started = time.perf_counter()
    con = duckdb.connect(str(path))
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    codes = "[" + ", ".join(f"'{c[0]}'" for c in CODES) + "]"
    goldstein = "[" + ", ".join(str(c[1]) for c in CODES) + "]"
    quads = "[" + ", ".join(str(c[2]) for c in CODES) + "]"
    plover = "[" + ", ".join(f"'{c[3]}'" for c in CODES) + "]"
    # Event i: mention (doc i // 10, index i % 10); dates spread over ten years
    # and sorted, as a store filled day after day would be.
    con.execute(
        f"""
        CREATE TEMP TABLE gen AS
        SELECT i,
               'd-' || substr(md5(i::VARCHAR), 1, 16) AS event_key,
               DATE '2015-01-01' + CAST(floor(i * 3650.0 / {events}) AS INTEGER) AS event_date,
               {countries}[1 + (hash(i) % {len(COUNTRIES)})::INTEGER] AS src,
               {countries}[1 + ((hash(i) // 1000) % {len(COUNTRIES)})::INTEGER] AS tgt,
               1 + ((hash(i) // 1000000) % {len(CODES)})::INTEGER AS c,
               'b' || (i // 10)::VARCHAR AS doc_id,
               (i % 10)::INTEGER AS mention_index
        FROM range({events}) t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events (dedup_mode, event_key, event_date, source_actor, source_country,
            target_actor, target_country, cameo_code, cameo_root, goldstein, quad_class,
            quad_class_mapping, plover_type, plover_mode, negated, num_mentions,
            num_documents, num_sources, first_seen, last_seen, tone, root_event_id,
            root_doc_id, source_url)
        SELECT 'one-a-day', event_key, event_date,
               CASE WHEN i % 3 = 0 THEN src || 'GOV' ELSE src END, src,
               tgt, tgt, {codes}[c], substr({codes}[c], 1, 2), {goldstein}[c], {quads}[c],
               'gdelt.v1', {plover}[c], '', FALSE, 1, 1, 1, event_date, event_date,
               0.1, 'e' || i::VARCHAR, doc_id, ''
        FROM gen ORDER BY event_date, event_key
        """
    )
    con.execute(
        """
        INSERT INTO event_keys (dedup_mode, event_key, doc_id, mention_index)
        SELECT 'one-a-day', event_key, doc_id, mention_index FROM gen
        """
    )
    con.execute(
        f"""
        INSERT INTO event_mentions (doc_id, mention_index, event_id, sentence_index, sentence,
            span_start, span_end, source_actor, source_country, target_actor, target_country,
            cameo_code, cameo_root, goldstein, quad_class, quad_class_mapping, plover_type,
            plover_mode, event_date, event_date_source, event_date_raw, negated, modality,
            rule, coder, confidence, source_text, source_start, source_end, target_text,
            target_start, target_end, verb_text, verb_start, verb_end, source_name, url,
            tone, schema_version)
        SELECT doc_id, mention_index, 'e' || i::VARCHAR, mention_index,
               src || ' acted towards ' || tgt || ' in report ' || i::VARCHAR || '.',
               0, 40, src, src, tgt, tgt, {codes}[c], substr({codes}[c], 1, 2),
               {goldstein}[c], {quads}[c], 'gdelt.v1', {plover}[c], '', event_date,
               'article', '', FALSE, 'asserted', 'bench', 'lexicon', 1.0,
               src, 0, 3, tgt, 18, 21, 'acted', 4, 9, 'Bench Wire', '', 0.1, '1'
        FROM gen
        """
    )
    con.execute(
        """
        INSERT INTO documents (doc_id, title, date, date_source, date_raw, author, source,
            url, language, origin, input_format, tone, n_sentences, n_events, title_key,
            text_signature, stored_at)
        SELECT doc_id, 'Bench report ' || doc_id, min(event_date), 'metadata', '', '',
               'Bench Wire', '', 'en', 'bench', 'text', 0.1, 10, count(*), '', '',
               TIMESTAMP '2025-01-01 00:00:00'
        FROM gen GROUP BY doc_id
        """
    )
    con.execute("DROP TABLE gen")
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - started


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def time_paging(db: Path, *, repeats: int) -> list[tuple[str, float, float, int]]:
    """Median and p95 (ms) of each paging case, in process over ASGI."""
    from detente.serve import create_app

    app = create_app(str(db))
    transport = httpx.ASGITransport(app=app)
    results = []
    async with httpx.AsyncClient(
        transport=transport, base_url="http://bench"
    ) as client:
        first = (await client.get("/api/events", params={"limit": 100})).json()
        key = first["events"][0]["event_key"]
        # Cursors 10,000 and 59,000 rows deep: keyset pages cost what page 1 does.
        cursor = first["next_cursor"]
        for _ in range(99):
            cursor = (
                await client.get("/api/events", params={"limit": 100, "cursor": cursor})
            ).json()["next_cursor"]
        deep = cursor
        for _ in range(49):
            deep = (
                await client.get("/api/events", params={"limit": 1000, "cursor": deep})
            ).json()["next_cursor"]
        cases: list[tuple[str, str, dict[str, object]]] = [
            ("first page (100)", "/api/events", {"limit": 100}),
            ("page 1000 (max)", "/api/events", {"limit": 1000}),
            ("keyset page 101", "/api/events", {"limit": 100, "cursor": cursor}),
            ("offset 1,000 (max)", "/api/events", {"limit": 100, "offset": 1_000}),
            ("keyset row 59,000", "/api/events", {"limit": 100, "cursor": deep}),
            ("actor=USA", "/api/events", {"limit": 100, "actor": "USA"}),
            ("dyad USA,CHN", "/api/events", {"limit": 100, "dyad": "USA,CHN"}),
            (
                "quad 4 + one year",
                "/api/events",
                {
                    "limit": 100,
                    "quad_class": 4,
                    "date_from": "2020-01-01",
                    "date_to": "2020-12-31",
                },
            ),
            ("count=true", "/api/events", {"limit": 100, "count": "true"}),
            ("text q=report 99999", "/api/events", {"limit": 100, "q": "report 99999"}),
            ("one event + mentions", f"/api/events/{key}", {}),
            ("documents page", "/api/documents", {"limit": 100}),
        ]
        for name, path, params in cases:
            timings: list[float] = []
            rows = 0
            for _ in range(repeats):
                started = time.perf_counter()
                response = await client.get(path, params=params)
                timings.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
                body = response.json()
                rows = len(
                    body.get("events", body.get("documents", body.get("mentions", [])))
                )
            results.append(
                (name, statistics.median(timings), _percentile(timings, 95), rows)
            )
    app.state.detente.queries.close()
    return results


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def load_test(
    db: Path, *, requests: int, concurrency: int
) -> tuple[list[float], int, float]:
    """Run the server in a subprocess and hit it; return latencies, errors, seconds."""
    port = _free_port()
    detente = Path(sys.executable).with_name("detente")
    command = [str(detente), "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30) as probe:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if (await probe.get("/api/version")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(
                        "the server did not start: " + server.stderr.read().decode()
                    )
                await asyncio.sleep(0.2)
            first = (await probe.get("/api/events", params={"limit": 50})).json()
        keys = [e["event_key"] for e in first["events"]]
        rng = random.Random(7)

        def pick() -> tuple[str, dict[str, object]]:
            roll = rng.random()
            if roll < 0.35:
                return "/api/events", {"limit": 50}
            if roll < 0.55:
                return "/api/events", {"limit": 50, "actor": rng.choice(COUNTRIES)}
            if roll < 0.65:
                return "/api/events", {"limit": 50, "cursor": first["next_cursor"]}
            if roll < 0.75:
                year = rng.randint(2015, 2024)
                return "/api/events", {
                    "limit": 50,
                    "date_from": f"{year}-01-01",
                    "date_to": f"{year}-03-31",
                    "quad_class": 4,
                }
            if roll < 0.9:
                return f"/api/events/{rng.choice(keys)}", {}
            return "/api/documents", {"limit": 50}

        plan = [pick() for _ in range(requests)]
        latencies: list[float] = []
        errors = 0
        queue: asyncio.Queue[tuple[str, dict[str, object]]] = asyncio.Queue()
        for item in plan:
            queue.put_nowait(item)

        async def worker() -> None:
            nonlocal errors
            async with httpx.AsyncClient(base_url=base, timeout=30) as client:
                while True:
                    try:
                        path, params = queue.get_nowait()
                    except asyncio.QueueEmpty:
                        return
                    started = time.perf_counter()
                    try:
                        response = await client.get(path, params=params)
                        if response.status_code != 200:
                            errors += 1
                    except httpx.HTTPError:
                        errors += 1
                    latencies.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
        return latencies, errors, elapsed
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--db", type=Path, default=None, help="store path (default: temp)"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it exists")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()

    workdir = None
    if args.db is None:
        workdir = tempfile.TemporaryDirectory(prefix="detente-bench-")
        db = Path(workdir.name) / "api_bench.duckdb"
    else:
        db = args.db
    if args.reuse and db.exists():
        print(f"reusing {db}")
    else:
        seconds = generate_store(db, args.events)
        size = db.stat().st_size / 1e6
        print(
            f"generated {args.events:,} events into {db} in {seconds:.1f} s ({size:.0f} MB)"
        )

    print(
        f"\nevent paging in process (median / p95 of {args.repeats}; goal < {GOAL_MS:.0f} ms)"
    )
    print(f"{'case':28} {'median ms':>10} {'p95 ms':>10} {'rows':>6}  goal")
    for name, median, p95, rows in asyncio.run(time_paging(db, repeats=args.repeats)):
        verdict = "ok" if median < GOAL_MS else "SLOW"
        print(f"{name:28} {median:10.1f} {p95:10.1f} {rows:6d}  {verdict}")

    if not args.skip_load:
        latencies, errors, elapsed = asyncio.run(
            load_test(db, requests=args.requests, concurrency=args.concurrency)
        )
        print(
            f"\nload test: {len(latencies)} requests, {args.concurrency} concurrent clients, "
            f"uvicorn on loopback (1 worker)"
        )
        print(
            f"latency ms p50 {_percentile(latencies, 50):.1f}  p90 "
            f"{_percentile(latencies, 90):.1f}  p99 {_percentile(latencies, 99):.1f}  "
            f"max {max(latencies):.1f}"
        )
        print(f"throughput {len(latencies) / elapsed:.0f} req/s; errors {errors}")
        if errors:
            return 1
    if workdir is not None:
        workdir.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
