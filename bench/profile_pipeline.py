"""Where the time of `detente code` goes: per stage, and the hottest functions.

Codes a sample of the bulk corpus once, timing ingestion, each pipeline stage
(the ``nlp`` stage through ``nlp.pipe`` in batches, the others article by
article, as :meth:`Pipeline.pipe` runs them) and the store, then prints the
top functions of a cProfile of the same work. Also times the bare parse with
spaCy components disabled, to size the gain of not running them.

Usage (from the repository root)::

    .venv/bin/python bench/profile_pipeline.py --docs 300
    .venv/bin/python bench/profile_pipeline.py --docs 300 --top 40 --sort cumulative
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import machine, warm_up, write_sample  # noqa: E402


def stage_times(sample: Path, batch_size: int, db: Path) -> tuple[dict[str, float], int, int]:
    """CPU seconds per stage (plus ingest and store), documents, events."""
    from detente.api import get_pipeline
    from detente.ingest import iter_articles
    from detente.models import Article
    from detente.store import Store

    pipeline = get_pipeline()
    times: dict[str, float] = defaultdict(float)
    started = time.process_time()
    articles = [a for a in iter_articles([str(sample)]) if isinstance(a, Article)]
    times["ingest"] = time.process_time() - started
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        for stage in pipeline.stages:
            started = time.process_time()
            if hasattr(stage, "pipe"):
                batch = list(stage.pipe(batch, batch_size=batch_size))
            else:
                batch = [stage(article) for article in batch]
            times[stage.name] += time.process_time() - started
        articles[start : start + batch_size] = batch
    started = time.process_time()
    with Store.open(str(db)) as store:
        adder = getattr(store, "add_articles", None)
        if adder is not None:
            adder(articles)
        else:
            for article in articles:
                store.add_article(article)
    times["store"] = time.process_time() - started
    return dict(times), len(articles), sum(len(a.events) for a in articles)


def parse_variants(sample: Path, batch_size: int) -> dict[str, float]:
    """Seconds of the bare parse with all components, and with some disabled."""
    from detente.ingest import iter_articles
    from detente.models import Article
    from detente.nlp import load_nlp

    texts = [a.text for a in iter_articles([str(sample)]) if isinstance(a, Article)]
    nlp = load_nlp()
    list(nlp.pipe(texts[:8]))
    variants = {
        "all components": [],
        "without lemmatizer": ["lemmatizer"],
        "without lemmatizer, ner": ["lemmatizer", "ner"],
    }
    # CPU time, best of two interleaved rounds: the wall clock of a shared
    # machine measures the other tenants.
    result: dict[str, float] = {}
    for _ in range(2):
        for name, disabled in variants.items():
            disable = [c for c in disabled if c in nlp.pipe_names]
            started = time.process_time()
            with nlp.select_pipes(disable=disable):
                for _doc in nlp.pipe(texts, batch_size=batch_size):
                    pass
            seconds = time.process_time() - started
            result[name] = min(result.get(name, seconds), seconds)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--corpus", choices=("mixed", "reuters", "abp"), default="mixed")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--no-variants", action="store_true", help="skip the disabled-component parses")
    args = parser.parse_args(argv)

    from detente.api import get_pipeline

    warm_up(get_pipeline())  # load everything first
    info = machine()
    print(f"# profile_pipeline — {info['date']}, {info['nproc']} cores, {info['cpu']}, load {info['loadavg_1m']}")
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(args.corpus, args.docs, Path(tmp) / "sample.jsonl")
        times, docs, events = stage_times(sample, args.batch_size, Path(tmp) / "a.duckdb")
        total = sum(times.values())
        print(f"\n{docs} docs, {events} events, {total:.1f} s ({docs / total:.1f} docs/s)")
        print(f"{'step':<12} {'CPU s':>8} {'share':>7} {'ms/doc':>8}")
        for name, seconds in times.items():
            print(f"{name:<12} {seconds:8.2f} {seconds / total:7.1%} {1000 * seconds / docs:8.2f}")

        if not args.no_variants:
            print("\nbare parse, components disabled (CPU seconds, best of 2):")
            for name, seconds in parse_variants(sample, args.batch_size).items():
                print(f"  {name:<28} {seconds:7.2f} s  {docs / seconds:7.1f} docs/s")

        profiler = cProfile.Profile()
        profiler.enable()
        stage_times(sample, args.batch_size, Path(tmp) / "b.duckdb")
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(args.sort).print_stats(args.top)
    print(f"\ncProfile, top {args.top} by {args.sort}:")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:20000])


if __name__ == "__main__":
    main()
