"""The store's tables, written once in SQL both DuckDB and PostgreSQL accept.

``docs/schema.md`` describes every column; keep the two in step (a test
compares them). Column lists here are the single source for inserts.
"""

from __future__ import annotations

#: Bumped when a table changes; stored in ``meta`` and checked on open.
SCHEMA_VERSION = "1"

TEXT = "TEXT"
FLOAT = "DOUBLE PRECISION"

#: table -> ordered (column, SQL type) pairs.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "meta": (
        ("key", "TEXT PRIMARY KEY"),
        ("value", TEXT),
    ),
    "documents": (
        ("doc_id", "TEXT PRIMARY KEY"),
        ("title", TEXT),
        ("date", "DATE"),
        ("date_source", TEXT),
        ("date_raw", TEXT),
        ("author", TEXT),
        ("source", TEXT),
        ("url", TEXT),
        ("language", TEXT),
        ("origin", TEXT),
        ("input_format", TEXT),
        ("tone", FLOAT),
        ("n_sentences", "INTEGER"),
        ("n_events", "INTEGER"),
        ("title_key", TEXT),
        ("text_signature", TEXT),
        ("stored_at", "TIMESTAMP"),
    ),
    "sentences": (
        ("doc_id", TEXT),
        ("sentence_index", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("text", TEXT),
        ("tone", FLOAT),
    ),
    "actor_mentions": (
        ("doc_id", TEXT),
        ("mention_index", "INTEGER"),
        ("sentence_index", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("token_start", "INTEGER"),
        ("token_end", "INTEGER"),
        ("text", TEXT),
        ("resolved", "BOOLEAN"),
        ("actor_code", TEXT),
        ("actor_country", TEXT),
        ("actor_name", TEXT),
        ("actor_role", TEXT),
        ("actor_role_label", TEXT),
        ("actor_kind", TEXT),
        ("actor_entry_id", TEXT),
        ("state_affiliated", "BOOLEAN"),
        ("rule", TEXT),
        ("country_guess", TEXT),
        ("label", TEXT),
        ("head", "INTEGER"),
    ),
    "event_mentions": (
        ("doc_id", TEXT),
        ("mention_index", "INTEGER"),
        ("event_id", TEXT),
        ("sentence_index", "INTEGER"),
        ("sentence", TEXT),
        ("span_start", "INTEGER"),
        ("span_end", "INTEGER"),
        ("source_actor", TEXT),
        ("source_country", TEXT),
        ("target_actor", TEXT),
        ("target_country", TEXT),
        ("cameo_code", TEXT),
        ("cameo_root", TEXT),
        ("goldstein", FLOAT),
        ("quad_class", "INTEGER"),
        ("quad_class_mapping", TEXT),
        ("plover_type", TEXT),
        ("plover_mode", TEXT),
        ("event_date", "DATE"),
        ("event_date_source", TEXT),
        ("event_date_raw", TEXT),
        ("negated", "BOOLEAN"),
        ("modality", TEXT),
        ("rule", TEXT),
        ("coder", TEXT),
        ("confidence", FLOAT),
        ("source_text", TEXT),
        ("source_start", "INTEGER"),
        ("source_end", "INTEGER"),
        ("target_text", TEXT),
        ("target_start", "INTEGER"),
        ("target_end", "INTEGER"),
        ("verb_text", TEXT),
        ("verb_start", "INTEGER"),
        ("verb_end", "INTEGER"),
        ("source_name", TEXT),
        ("url", TEXT),
        ("tone", FLOAT),
        ("schema_version", TEXT),
    ),
    # Which de-duplicated event each mention belongs to, per mode. No unique
    # constraint: story merges delete and re-insert rows, and DuckDB checks
    # unique indexes eagerly inside a transaction.
    "event_keys": (
        ("dedup_mode", TEXT),
        ("event_key", TEXT),
        ("doc_id", TEXT),
        ("mention_index", "INTEGER"),
    ),
    # The de-duplicated events, one row per (dedup_mode, event_key),
    # recomputed from event_mentions whenever a mention joins the key.
    "events": (
        ("dedup_mode", TEXT),
        ("event_key", TEXT),
        ("event_date", "DATE"),
        ("source_actor", TEXT),
        ("source_country", TEXT),
        ("target_actor", TEXT),
        ("target_country", TEXT),
        ("cameo_code", TEXT),
        ("cameo_root", TEXT),
        ("goldstein", FLOAT),
        ("quad_class", "INTEGER"),
        ("quad_class_mapping", TEXT),
        ("plover_type", TEXT),
        ("plover_mode", TEXT),
        ("negated", "BOOLEAN"),
        ("num_mentions", "INTEGER"),
        ("num_documents", "INTEGER"),
        ("num_sources", "INTEGER"),
        ("first_seen", "DATE"),
        ("last_seen", "DATE"),
        ("tone", FLOAT),
        ("root_event_id", TEXT),
        ("root_doc_id", TEXT),
        ("source_url", TEXT),
    ),
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "sentences": ("doc_id", "sentence_index"),
    "actor_mentions": ("doc_id", "mention_index"),
    "event_mentions": ("doc_id", "mention_index"),
}

#: Indexes created on PostgreSQL only: DuckDB scans columnar data fast and
#: its indexes slow down bulk inserts.
POSTGRES_INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS event_keys_key ON event_keys (dedup_mode, event_key)",
    "CREATE INDEX IF NOT EXISTS event_keys_mention ON event_keys (doc_id, mention_index)",
    "CREATE INDEX IF NOT EXISTS events_mode_date ON events (dedup_mode, event_date)",
    "CREATE INDEX IF NOT EXISTS events_key ON events (dedup_mode, event_key)",
    "CREATE INDEX IF NOT EXISTS event_mentions_dyad ON event_mentions "
    "(source_actor, target_actor, cameo_code)",
)


def columns(table: str) -> tuple[str, ...]:
    """The column names of ``table``, in order."""
    return tuple(name for name, _ in TABLES[table])


def create_statements() -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` statements for every table."""
    statements = []
    for table, cols in TABLES.items():
        parts = [f"{name} {sql_type}" for name, sql_type in cols]
        if table in PRIMARY_KEYS:
            parts.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[table])})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(parts)})")
    return statements
