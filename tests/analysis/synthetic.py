"""Synthetic event frames with a known answer, for the analysis tests."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd


def event_rows(
    date: pd.Timestamp,
    source: str,
    target: str,
    goldstein: float,
    quad: int,
    count: int = 1,
) -> list[dict]:
    root = {1: "04", 2: "06", 3: "11", 4: "17"}.get(quad, "01")
    return [
        {
            "event_date": date,
            "source_actor": source + "GOV",
            "source_country": source,
            "target_actor": target + "GOV",
            "target_country": target,
            "cameo_code": root + "0",
            "cameo_root": root,
            "goldstein": goldstein,
            "quad_class": quad,
            "num_mentions": 2,
            "num_sources": 2,
            "tone": -1.0 if quad > 2 else 1.0,
            "dedup_mode": "one-a-day",
            "quad_class_mapping": "gdelt.v1",
        }
        for _ in range(count)
    ]


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def triangle_events(
    *,
    weeks: int = 260,
    seed: int = 7,
    a: str = "USA",
    b: str = "CHN",
    c: str = "RUS",
    effect: float = 1.0,
) -> pd.DataFrame:
    """A's conflict toward B raises B's cooperation toward C one week later.

    Every other directed dyad gets independent noise events.
    """
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2015-01-05")  # a Monday
    conflict = rng.poisson(3.0, size=weeks)
    rows: list[dict] = []
    for t in range(weeks):
        monday = start + pd.Timedelta(weeks=t)
        day = monday + pd.Timedelta(days=int(rng.integers(0, 7)))
        rows += event_rows(day, a, b, -5.0, 4, int(conflict[t]))
        lam = 1.0 + (effect * conflict[t - 1] if t > 0 else 0.0)
        rows += event_rows(day, b, c, 3.0, 1, int(rng.poisson(lam)))
        for source, target in itertools.permutations((a, b, c), 2):
            if (source, target) in {(a, b), (b, c)}:
                continue
            for _ in range(int(rng.poisson(2.0))):
                quad = int(rng.choice([1, 2, 3, 4]))
                goldstein = {1: 2.0, 2: 6.0, 3: -2.0, 4: -7.0}[quad]
                rows += event_rows(day, source, target, goldstein, quad)
    return frame(rows)


def bloc_events(
    groups: list[list[str]],
    *,
    date: str = "2020-03-02",
    flip: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Cooperation inside each group, conflict across; ``flip`` turns one pair hostile/friendly."""
    rows: list[dict] = []
    day = pd.Timestamp(date)
    group_of = {actor: i for i, group in enumerate(groups) for actor in group}
    for x, y in itertools.combinations(sorted(group_of), 2):
        friendly = group_of[x] == group_of[y]
        if flip is not None and {x, y} == set(flip):
            friendly = not friendly
        if friendly:
            rows += event_rows(day, x, y, 4.0, 1, 2)
        else:
            rows += event_rows(day, x, y, -6.0, 4, 2)
    return frame(rows)


def level_shift_events(
    *,
    weeks: int = 60,
    shift_week: int = 30,
    seed: int = 3,
    a: str = "CHN",
    b: str = "RUS",
) -> pd.DataFrame:
    """A dyad cooperative for ``shift_week`` weeks, then conflictual."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2019-01-07")
    rows: list[dict] = []
    for t in range(weeks):
        day = start + pd.Timedelta(weeks=t, days=int(rng.integers(0, 7)))
        if t < shift_week:
            rows += event_rows(day, a, b, 4.0, 1, int(rng.poisson(5)) + 1)
        else:
            rows += event_rows(day, a, b, -5.0, 3, int(rng.poisson(5)) + 1)
    return frame(rows)


def withdrawal_events(
    *,
    months: int = 48,
    trigger_months: tuple[int, ...] = (8, 18, 28, 38),
    seed: int = 5,
    effect: bool = True,
) -> pd.DataFrame:
    """Background events among several countries; after each month with USA→IGO
    conflict, two months with much more conflict elsewhere (if ``effect``)."""
    rng = np.random.default_rng(seed)
    countries = ["GBR", "FRA", "DEU", "CHN", "RUS", "IND", "BRA", "JPN"]
    rows: list[dict] = []
    hot = {m + k for m in trigger_months for k in (1, 2)} if effect else set()
    for month in range(months):
        first = pd.Timestamp("2016-01-01") + pd.DateOffset(months=month)
        conflict_p = 0.6 if month in hot else 0.2
        for _ in range(40):
            source, target = rng.choice(countries, size=2, replace=False)
            day = first + pd.Timedelta(days=int(rng.integers(0, 28)))
            if rng.random() < conflict_p:
                rows += event_rows(day, str(source), str(target), -5.0, 4)
            else:
                rows += event_rows(day, str(source), str(target), 3.0, 1)
        if month in trigger_months:
            rows += event_rows(first + pd.Timedelta(days=10), "USA", "IGO", -4.0, 3, 3)
    return frame(rows)
