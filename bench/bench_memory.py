"""Memory stays flat: code a large generated JSON Lines file and watch the RSS.

Generates ``--docs`` short synthetic diplomatic news items (default 5,000;
``--docs 100000`` or ``1000000`` for the real thing) from templates written
for this script (no corpus text), codes them with ``code_files`` into a
temporary DuckDB store, and samples the resident memory of the process and
its workers every second. Prints RSS at each tenth of the run, the peak, the
growth over the second half (MiB per 100k documents) and what that growth
would mean for 1M documents.

Usage (from the repository root)::

    .venv/bin/python bench/bench_memory.py                       # 5,000 docs
    .venv/bin/python bench/bench_memory.py --docs 100000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import RssSampler, linear_fit, machine, mib, warm_up  # noqa: E402

COUNTRIES = [
    ("China", "Chinese", "Beijing"), ("Russia", "Russian", "Moscow"),
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Japan", "Japanese", "Tokyo"), ("India", "Indian", "New Delhi"),
    ("Brazil", "Brazilian", "Brasilia"), ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"), ("Kenya", "Kenyan", "Nairobi"),
    ("Iran", "Iranian", "Tehran"), ("Poland", "Polish", "Warsaw"),
]
TEMPLATES = [
    "{A} and {B} held talks in {cityA} on {day}.",
    "The {adjA} foreign minister met his {adjB} counterpart to discuss trade.",
    "{A} condemned the attack and accused {B} of violating the ceasefire.",
    "{A} pledged aid to {B} after the floods.",
    "{A} imposed new sanctions on {B} on {day}.",
    "The {adjA} president visited {cityB} and praised the partnership with {B}.",
    "{A} threatened to expel {adjB} diplomats.",
    "{B} rejected the accusation and called for negotiations.",
    "Officials from {A} and {B} signed an agreement on energy cooperation.",
    "{A} urged {B} to release the detained journalists.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(path: Path, docs: int, seed: int = 7) -> Path:
    """Write ``docs`` unique synthetic articles (2-4 sentences) to ``path``."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(docs):
            a, b = rng.sample(COUNTRIES, 2)
            fields = {
                "A": a[0], "adjA": a[1], "cityA": a[2],
                "B": b[0], "adjB": b[1], "cityB": b[2],
                "day": rng.choice(DAYS),
            }
            sentences = [t.format(**fields) for t in rng.sample(TEMPLATES, rng.randint(2, 4))]
            record = {
                "id": f"gen-{i:07d}",
                "title": f"{a[0]} and {b[0]}",
                "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "source": "Generated",
                "text": " ".join(sentences) + f" (item {i})",
            }
            out.write(json.dumps(record) + "\n")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)

    from detente.api import code_files, get_pipeline

    info = machine()
    print(f"# bench_memory — {info['date']}, {info['nproc']} cores, {info['cpu']}, {info['ram']} RAM, load {info['loadavg_1m']}")
    if args.jobs == 1:
        warm_up(get_pipeline())
    done = {"n": 0}
    marks: list[tuple[int, int]] = []  # (docs done, RSS) at every 1% of the run

    with tempfile.TemporaryDirectory() as tmp:
        source = generate(Path(tmp) / "generated.jsonl", args.docs)
        print(f"generated {args.docs} docs, {source.stat().st_size / 2**20:.1f} MiB; jobs {args.jobs}")
        step = max(args.docs // 100, 1)
        with RssSampler(interval=1.0) as rss:

            def on_article(_article: object) -> None:
                done["n"] += 1
                if done["n"] % step == 0:
                    marks.append((done["n"], rss.current()))

            baseline = rss.current()
            started = time.perf_counter()
            summary = code_files(
                [str(source)],
                db=str(Path(tmp) / "memory.duckdb"),
                jobs=args.jobs,
                batch_size=args.batch_size,
                on_article=on_article,
            )
            seconds = time.perf_counter() - started
        db_size = (Path(tmp) / "memory.duckdb").stat().st_size

    print(f"coded {summary.coded} docs, {summary.events} events in {seconds:.0f} s ({summary.coded / seconds:.1f} docs/s); store {db_size / 2**20:.0f} MiB")
    print(f"RSS before coding (model loaded): {mib(baseline)}; peak during the run: {mib(rss.peak)}")
    print(f"{'docs done':>10} {'RSS':>10}")
    for n, value in marks[9::10]:
        print(f"{n:>10} {mib(value):>10}")
    second_half = [(n, v) for n, v in marks if n >= args.docs // 2]
    result = {"machine": info, "docs": summary.coded, "seconds": seconds, "peak_rss": rss.peak,
              "baseline_rss": baseline, "marks": marks, "db_bytes": db_size}
    if len(second_half) >= 3:
        _, slope, r2 = linear_fit([n for n, _ in second_half], [v for _, v in second_half])
        per_100k = slope * 100_000
        at_1m = rss.peak + slope * max(1_000_000 - args.docs, 0)
        result.update(growth_per_100k=per_100k, projected_1m=at_1m)
        print(f"growth over the second half: {per_100k / 2**20:+.1f} MiB per 100k docs (R² {r2:.2f})")
        print(f"projected peak RSS at 1M docs (linear extrapolation): {mib(int(at_1m))}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
