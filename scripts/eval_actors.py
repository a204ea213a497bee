"""Print the actor resolver's precision and recall on the labelled mention table.

    .venv/bin/python scripts/eval_actors.py [--errors] [TABLE.tsv]

Default table: tests/actors/data/actor_mentions.tsv (hand-labelled mentions in
context, mostly from the shared news corpus).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from detente._actors_internals.evaluate import evaluate_mentions, read_mention_table
from detente.actors import ActorResolver

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO / "tests" / "actors" / "data" / "actor_mentions.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument(
        "--errors", action="store_true", help="list the rows it got wrong"
    )
    args = parser.parse_args()
    rows = read_mention_table(args.table)
    resolver = ActorResolver()
    started = time.perf_counter()
    scores = evaluate_mentions(resolver, rows)
    elapsed = time.perf_counter() - started
    outcomes = Counter(r.outcome for r in scores.rows)
    print(
        f"table:      {args.table} ({len(scores.rows)} rows, {scores.gold} with an actor)"
    )
    print(f"precision:  {scores.precision:.3f}  ({scores.correct}/{scores.predicted})")
    print(f"recall:     {scores.recall:.3f}  ({scores.correct}/{scores.gold})")
    print(f"outcomes:   {dict(sorted(outcomes.items()))}")
    print(
        f"time:       {elapsed:.1f} s (including loading the dictionary and matchers)"
    )
    if args.errors:
        for row in scores.rows:
            if row.outcome != "ok" and not (
                row.outcome == "missed" and not row.expected
            ):
                print(
                    f"- {row.outcome:8} {row.mention!r}: expected {sorted(row.expected) or 'NONE'},"
                    f" got {sorted(row.predicted) or 'nothing'} {row.rules}\n    {row.context[:160]}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
