"""Shared helpers of the bench scripts: corpus samples, RSS sampling, machine info.

Not part of the package; run the scripts from the repository root.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import resource
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DETENTE_SHARED", REPO.parent / "shared"))
BULK = SHARED / "corpus" / "bulk"
CORPORA = {
    "reuters": ("reuters21578.jsonl.gz",),
    "abp": ("abp_us_politics_sample.jsonl.gz",),
    # Reuters and AllSides in the corpus' own proportion (about 5 to 1)
    "mixed": ("reuters21578.jsonl.gz", "abp_us_politics_sample.jsonl.gz"),
}
KEEP = ("id", "title", "text", "date", "source")


def _records(name: str) -> Iterator[dict[str, Any]]:
    with gzip.open(BULK / name, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if (record.get("text") or "").strip():
                yield {k: record.get(k) for k in KEEP}


def write_sample(corpus: str, docs: int, path: Path) -> Path:
    """Write the first ``docs`` non-empty documents of ``corpus`` to ``path`` (JSON Lines).

    ``mixed`` takes one AllSides article after every five Reuters documents.
    """
    if not BULK.exists():
        raise SystemExit(f"corpus not found at {BULK}; set DETENTE_SHARED")
    names = CORPORA[corpus]
    streams = [_records(name) for name in names]
    written = 0
    with path.open("w", encoding="utf-8") as out:
        turn = 0
        while written < docs:
            stream = streams[0] if len(streams) == 1 or turn % 6 else streams[-1]
            turn += 1
            record = next(stream, None)
            if record is None:
                break
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return path


def head(path: Path, docs: int, out: Path) -> Path:
    """Copy the first ``docs`` lines of ``path`` to ``out``."""
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= docs:
                break
            dst.write(line)
    return out


class RssSampler:
    """Peak resident memory of this process and its children, sampled in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self._process = psutil.Process()
        self.interval = interval
        self.peak = 0
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.started = time.perf_counter()

    def current(self) -> int:
        import psutil

        total = self._process.memory_info().rss
        for child in self._process.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                continue
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self.current()
            self.peak = max(self.peak, rss)
            self.samples.append((time.perf_counter() - self.started, rss))
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    """User + system CPU time of this process and its reaped children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def warm_up(pipeline: Any) -> None:
    """Load everything a pipeline loads lazily (so timings exclude it).

    The event coder loads its sentence-embedding model on the first sentence
    it cannot code with the lexicon; load it now when the fallback is on.
    """
    from detente.models import Article

    pipeline(Article(doc_id="warm-up", text="France and Germany signed a treaty in Paris."))
    for stage in pipeline.stages:
        if getattr(stage, "embedding_fallback", False) and getattr(stage, "_fallback", 1) is None:
            from detente._coding_internals.embedding import EmbeddingFallback

            stage._fallback = EmbeddingFallback(stage.ontology, stage.lexicon)
            stage._fallback.classify(["The two governments reached an understanding."])


def max_rss_bytes() -> int:
    """ru_maxrss of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def machine() -> dict[str, Any]:
    """nproc, CPU model, RAM, load and date, for RESULTS.md."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        ram = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except ImportError:
        ram = "unknown"
    return {
        "date": dt.datetime.now().isoformat(timespec="minutes"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": ram,
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
    }


def linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares ``y = a + b x``: returns (a, b, R²)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    b = sxy / sxx if sxx else 0.0
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys, strict=True))
    r2 = 1 - ss_res / ss_tot if ss_tot else 1.0
    return a, b, r2


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"
