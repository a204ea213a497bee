"""Evaluate detente's HTML reading on the shared ground-truth pages.

1. Main text: the Zyte article extraction benchmark pages
   (``corpus/html/zyte_aeb``). Metric as in the benchmark: tokens of the
   extracted and the human-marked body (``\\w+`` words, lower-cased), precision,
   recall and F1 of the multiset overlap, averaged over pages.
2. Publication date: the htmldate evaluation pages (``corpus/html/htmldate``,
   collections ``bbaw`` and ``mediacloud2020``): exact-day accuracy of the date
   detente's HTML reader returns (pages whose truth is ``null`` are left out).

Run::

    .venv/bin/python scripts/eval_html.py [--shared ../shared] [--limit N]

The pages are not shipped with the package.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from detente._ingest_internals.cleanup import TextCleaner  # noqa: E402
from detente._ingest_internals.html import extract_page  # noqa: E402
from detente.dates import parse_date  # noqa: E402

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text or ""))


def prf(predicted: str, truth: str) -> tuple[float, float, float]:
    """Precision, recall, F1 of the token multiset overlap."""
    got, want = tokens(predicted), tokens(truth)
    overlap = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0, 1.0
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def read_index(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def page_bytes(path: Path) -> bytes:
    with gzip.open(path, "rb") as handle:
        return handle.read()


def eval_text(folder: Path, *, limit: int | None, clean: bool) -> dict[str, float]:
    cleaner = TextCleaner.default()
    scores = []
    for record in read_index(folder / "index.jsonl.gz")[:limit]:
        page = extract_page(page_bytes(folder / record["file"]), url=record.get("url"))
        text = page.text
        if clean:
            text = cleaner.clean(text, detect_title=False).text
        scores.append(prf(text, record["text"]))
    return {
        "pages": len(scores),
        "precision": statistics.mean(s[0] for s in scores),
        "recall": statistics.mean(s[1] for s in scores),
        "f1": statistics.mean(s[2] for s in scores),
    }


def eval_dates(folder: Path, collection: str, *, limit: int | None) -> dict[str, float]:
    right = total = missing = 0
    for record in read_index(folder / f"{collection}-index.jsonl.gz")[:limit]:
        if not record.get("date"):
            continue
        total += 1
        page = extract_page(page_bytes(folder / record["file"]), url=record.get("url"))
        found = parse_date(page.date_raw)
        if found is None:
            missing += 1
        elif found.isoformat() == record["date"][:10]:
            right += 1
    return {
        "pages": total,
        "accuracy": right / total if total else 0.0,
        "no_date": missing,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_shared = os.environ.get("DETENTE_SHARED", str(REPO.parent / "shared"))
    parser.add_argument(
        "--shared", default=default_shared, help="the shared data folder"
    )
    parser.add_argument("--limit", type=int, default=None, help="pages per collection")
    parser.add_argument(
        "--no-clean",
        action="store_true",
        help="score trafilatura's text without detente's line clean-up",
    )
    args = parser.parse_args()
    html = Path(args.shared) / "corpus" / "html"

    started = time.perf_counter()
    text = eval_text(html / "zyte_aeb", limit=args.limit, clean=not args.no_clean)
    print(
        f"main text  zyte_aeb        pages={text['pages']:4d}  P={text['precision']:.3f}  "
        f"R={text['recall']:.3f}  F1={text['f1']:.3f}"
    )
    results = {}
    for collection in ("bbaw", "mediacloud2020"):
        results[collection] = eval_dates(
            html / "htmldate", collection, limit=args.limit
        )
        r = results[collection]
        print(
            f"date       {collection:15s} pages={r['pages']:4d}  exact-day accuracy="
            f"{r['accuracy']:.3f}  (no date found: {r['no_date']})"
        )
    pages = sum(r["pages"] for r in results.values())
    overall = sum(r["accuracy"] * r["pages"] for r in results.values()) / pages
    print(
        f"SUMMARY  main-text F1 = {text['f1']:.3f}   date accuracy (all {pages} pages) = {overall:.3f}"
    )
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
