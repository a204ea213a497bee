"""Throughput of `detente code` against the bare spaCy parse, on the same documents.

One run prints, for a sample of the bulk corpus (``--docs``, default 2000):

* the bare parse (``nlp.pipe``, same model and batch size): docs/s,
  sentences/s, words/s;
* ``code_files`` end to end (ingest -> pipeline -> a temporary DuckDB store)
  with ``--jobs`` 1 (and every other value given): the same rates, the ratio
  to the parse, and the speed-up over one job;
* optionally a ``--dask local:N`` run;
* how time grows with the corpus (``--sizes``, 1x to 10x): a least-squares
  line, its slope (s per 1000 docs) and R²;
* peak RSS of each phase (the process and its children).

Each phase runs in a fresh subprocess, so memory peaks and caches do not
carry over; times exclude loading the model (a warm-up runs first), except
that ``--jobs N > 1`` and Dask include starting their workers, reported
separately (the time of a 4-document run).

Usage (from the repository root)::

    .venv/bin/python bench/bench_pipeline.py                  # 2000 mixed docs
    .venv/bin/python bench/bench_pipeline.py --docs 500 --sizes 100,200,500 --jobs 1,2
    .venv/bin/python bench/bench_pipeline.py --dask local:2 --json results.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    RssSampler,
    cpu_seconds,
    head,
    linear_fit,
    machine,
    max_rss_bytes,
    mib,
    warm_up,
    write_sample,
)

# -- phases (each in its own subprocess) ------------------------------------------


def _ingested_texts(path: Path) -> list[str]:
    from detente.ingest import iter_articles

    return [a.text for a in iter_articles([str(path)]) if hasattr(a, "text")]


def phase_parse(path: Path, batch_size: int) -> dict[str, Any]:
    """Bare spaCy: nlp.pipe over the texts ingestion produces."""
    from detente.nlp import load_nlp

    started = time.perf_counter()
    texts = _ingested_texts(path)
    ingest_seconds = time.perf_counter() - started
    nlp = load_nlp()
    list(nlp.pipe(texts[:16], batch_size=batch_size))  # warm-up
    sentences = words = 0
    counting = 0.0
    with RssSampler() as rss:
        cpu = cpu_seconds()
        started = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=batch_size):
            counted = time.perf_counter()
            sentences += sum(1 for _ in doc.sents)
            words += sum(1 for token in doc if not (token.is_punct or token.is_space))
            counting += time.perf_counter() - counted
        # counting sentences and words is not part of the parse
        seconds = time.perf_counter() - started - counting
        cpu = cpu_seconds() - cpu - counting
    return {
        "docs": len(texts),
        "chars": sum(len(t) for t in texts),
        "sentences": sentences,
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "ingest_seconds": ingest_seconds,
        "peak_rss": max(rss.peak, max_rss_bytes()),
        "pipe_names": list(nlp.pipe_names),
    }


def phase_code(
    path: Path, batch_size: int, jobs: int, dask: str | None, profile: Path | None
) -> dict[str, Any]:
    """`detente code` end to end into a fresh DuckDB store."""
    from detente.api import code_files, get_pipeline

    if jobs == 1 and dask is None:
        warm_up(get_pipeline())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        profiler = None
        if profile is not None:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        with RssSampler() as rss:
            cpu = cpu_seconds()
            started = time.perf_counter()
            summary = code_files(
                [str(path)], db=str(db), batch_size=batch_size, jobs=jobs, dask=dask
            )
            seconds = time.perf_counter() - started
            cpu = cpu_seconds() - cpu
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
        db_bytes = db.stat().st_size if db.exists() else 0
    return {
        "docs": summary.coded,
        "events": summary.events,
        "skipped": len(summary.skipped),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss": max(rss.peak, max_rss_bytes()),
        "db_bytes": db_bytes,
    }


def _run_phase(args: list[str]) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"phase {args} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- driver -----------------------------------------------------------------------


def _rates(label: str, run: dict[str, Any], parse: dict[str, Any]) -> str:
    s = run["seconds"]
    return (
        f"{label:<28} {run['docs'] / s:9.1f} {parse['sentences'] / s:11.1f} "
        f"{parse['words'] / s:11.0f} {s:9.1f} {run['cpu_seconds']:9.1f} {mib(run['peak_rss']):>11}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="documents in the sample")
    parser.add_argument("--corpus", choices=("mixed", "reuters", "abp"), default="mixed")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run")
    parser.add_argument("--dask", default=None, help="also run with --dask (e.g. local:2)")
    parser.add_argument("--sizes", default="200,500,1000,2000", help="corpus sizes for the scaling fit ('' to skip)")
    parser.add_argument("--profile", type=Path, default=None, help="write a cProfile of the jobs=1 run here")
    parser.add_argument("--json", type=Path, default=None, help="also write all figures as JSON")
    parser.add_argument("--phase", choices=("parse", "code"), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--one-jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.phase == "parse":
        print(json.dumps(phase_parse(args.input, args.batch_size)))
        return
    if args.phase == "code":
        print(json.dumps(phase_code(args.input, args.batch_size, args.one_jobs, args.dask, args.profile)))
        return

    info = machine()
    print(f"# detente bench_pipeline — {info['date']}")
    print(
        f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram']} RAM, "
        f"load {info['loadavg_1m']} (1 min), Python {info['python']}"
    )
    jobs_list = [int(j) for j in args.jobs.split(",") if j.strip()]
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results: dict[str, Any] = {"machine": info, "args": {k: str(v) for k, v in vars(args).items()}}
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(args.corpus, args.docs, Path(tmp) / "sample.jsonl")
        common = ["--input", str(sample), "--batch-size", str(args.batch_size)]
        parse = _run_phase(["--phase", "parse", *common])
        results["parse"] = parse
        print(
            f"sample: {parse['docs']} docs ({args.corpus}), {parse['sentences']} sentences, "
            f"{parse['words']} words, {parse['chars'] / 1e6:.2f} M chars; "
            f"spaCy components: {', '.join(parse['pipe_names'])}; batch size {args.batch_size}"
        )
        print(f"ingestion alone: {parse['docs'] / parse['ingest_seconds']:.0f} docs/s")
        print()
        print(f"{'run':<28} {'docs/s':>9} {'sentences/s':>11} {'words/s':>11} {'seconds':>9} {'CPU s':>9} {'peak RSS':>11}")
        print(_rates("bare spaCy parse (nlp.pipe)", parse, parse))
        runs: dict[str, dict[str, Any]] = {}
        for jobs in jobs_list:
            extra = ["--profile", str(args.profile)] if args.profile and jobs == 1 else []
            run = _run_phase(["--phase", "code", *common, "--one-jobs", str(jobs), *extra])
            runs[f"jobs={jobs}"] = run
            print(_rates(f"detente code --jobs {jobs}", run, parse))
        if args.dask:
            run = _run_phase(["--phase", "code", *common, "--dask", args.dask])
            runs[f"dask={args.dask}"] = run
            print(_rates(f"detente code --dask {args.dask}", run, parse))
        results["code"] = runs
        tiny = head(sample, 4, Path(tmp) / "tiny.jsonl")
        for name in runs:
            if name == "jobs=1":
                continue
            flag = ["--dask", args.dask] if name.startswith("dask") else ["--one-jobs", name.split("=")[1]]
            startup = _run_phase(["--phase", "code", "--input", str(tiny), "--batch-size", str(args.batch_size), *flag])
            runs[name]["startup_seconds"] = startup["seconds"]
        print()
        base = runs.get("jobs=1")
        for name, run in runs.items():
            ratio = parse["seconds"] / run["seconds"]
            cpu_ratio = parse["cpu_seconds"] / run["cpu_seconds"]
            line = (
                f"{name}: end-to-end / bare parse throughput = {ratio:.0%} (wall), "
                f"{cpu_ratio:.0%} (CPU time)"
            )
            if base is not None and run is not base:
                line += f"; speed-up over jobs=1 = {base['seconds'] / run['seconds']:.2f}x"
            if "startup_seconds" in run:
                line += f" (includes ~{run['startup_seconds']:.1f} s starting workers: the time of a 4-doc run)"
            print(line + f"; {run['events']} events, {run['skipped']} skipped")
        if sizes:
            print()
            print("scaling (jobs=1):")
            xs, ys, cpus = [], [], []
            for size in sizes:
                part = head(sample, size, Path(tmp) / f"head-{size}.jsonl")
                run = _run_phase(
                    ["--phase", "code", "--input", str(part), "--batch-size", str(args.batch_size)]
                )
                xs.append(run["docs"])
                ys.append(run["seconds"])
                cpus.append(run["cpu_seconds"])
                print(
                    f"  {run['docs']:>6} docs: {run['seconds']:7.1f} s wall, {run['cpu_seconds']:7.1f} s CPU, "
                    f"{run['docs'] / run['seconds']:6.1f} docs/s, peak RSS {mib(run['peak_rss'])}"
                )
            a, b, r2 = linear_fit(xs, ys)
            ca, cb, cr2 = linear_fit(xs, cpus)
            results["scaling"] = {
                "docs": xs, "seconds": ys, "cpu_seconds": cpus,
                "intercept": a, "slope": b, "r2": r2, "cpu_slope": cb, "cpu_r2": cr2,
            }
            print(f"  fit (wall): seconds = {a:.2f} + {b * 1000:.2f} per 1000 docs; R² = {r2:.4f}")
            print(f"  fit (CPU):  seconds = {ca:.2f} + {cb * 1000:.2f} per 1000 docs; R² = {cr2:.4f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
