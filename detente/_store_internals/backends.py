"""Database backends of the store: DuckDB (default) and PostgreSQL (psycopg 3).

Both speak the same small interface, with ``?`` placeholders in our SQL:

- writes: ``transaction()`` (a context manager), ``execute``, ``fetchall``
  and ``insert_rows`` on the one writer connection, under a lock;
- reads: ``read`` / ``read_frame`` on a read connection, and ``query`` for
  user SQL, refused unless it only reads, with a time limit.

DuckDB has no statement timeout, so ``query`` interrupts the cursor from a
timer thread; PostgreSQL uses ``statement_timeout`` and a read-only session.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import StoreError
from ..settings import get_setting
from . import schema

logger = logging.getLogger(__name__)

POSTGRES_SCHEMES = ("postgresql://", "postgres://")

_READ_STATEMENTS = {"SELECT", "EXPLAIN"}


def is_postgres_url(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def redact(url: str) -> str:
    """A URL safe to show in messages (password hidden)."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def _qmark_to_format(sql: str) -> str:
    """Rewrite ``?`` placeholders as ``%s`` (and ``%`` as ``%%``) outside quotes."""
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if quote:
            if char == quote:
                quote = None
            out.append("%%" if char == "%" else char)
        elif char in "'\"":
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    return "".join(out)


class Backend:
    """Shared behaviour; subclasses implement the connection details."""

    kind = "base"

    def __init__(self, url: str, *, read_only: bool) -> None:
        self.url = url
        self.read_only = read_only
        self._write_lock = threading.RLock()
        self._in_transaction = False

    # -- to implement ------------------------------------------------------
    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        raise NotImplementedError

    def fetchall(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        raise NotImplementedError

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        raise NotImplementedError

    def read(
        self, sql: str, params: Sequence[Any] | None = None
    ) -> tuple[list[str], list[tuple]]:
        raise NotImplementedError

    def read_frame(self, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        columns, rows = self.read(sql, params)
        return pd.DataFrame.from_records(rows, columns=columns)

    def query(
        self,
        sql: str,
        params: Sequence[Any] | None,
        *,
        limit: int | None,
        time_limit_ms: int,
    ) -> tuple[list[str], list[tuple]]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- shared ------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction on the writer connection."""
        if self.read_only:
            raise StoreError(
                f"store {self.display} was opened read-only; open it with "
                "read_only=False to write"
            )
        with self._write_lock:
            if self._in_transaction:
                yield
                return
            self._begin()
            self._in_transaction = True
            try:
                yield
            except BaseException:
                self._in_transaction = False
                self._rollback()
                raise
            self._in_transaction = False
            self._commit()

    @property
    def display(self) -> str:
        return redact(self.url)

    def create_schema(self) -> None:
        with self.transaction():
            for statement in schema.create_statements():
                self.execute(statement)
            rows = self.fetchall(
                "SELECT value FROM meta WHERE key = ?", ["schema_version"]
            )
            if not rows:
                self.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    ["schema_version", schema.SCHEMA_VERSION],
                )
            elif rows[0][0] != schema.SCHEMA_VERSION:
                raise StoreError(
                    f"store {self.display} has schema version {rows[0][0]}, this "
                    f"detente writes version {schema.SCHEMA_VERSION}; use a new "
                    "store file or re-import its events (detente export/import)"
                )

    def check_schema(self) -> None:
        try:
            _, rows = self.read("SELECT value FROM meta WHERE key = 'schema_version'")
        except StoreError as e:
            raise StoreError(
                f"{self.display} is not a detente store (no meta table); "
                "create it with `detente code` or Store.open(..., read_only=False)"
            ) from e
        if rows and rows[0][0] != schema.SCHEMA_VERSION:
            raise StoreError(
                f"store {self.display} has schema version {rows[0][0]}, this "
                f"detente reads version {schema.SCHEMA_VERSION}; re-create the store"
            )


class DuckDBBackend(Backend):
    """A DuckDB file (or ``:memory:``)."""

    kind = "duckdb"

    def __init__(self, path: str, *, read_only: bool) -> None:
        super().__init__(path, read_only=read_only)
        import duckdb

        self._duckdb = duckdb
        #: Writable stores refuse non-SELECT statements in ``query`` by parsing
        #: them; read-only stores are also read-only at the database level.
        self.enforced_read_only = False
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(
                f"no store at {path}; create it with `detente code ... --db {path}` "
                "or check the path"
            )
        try:
            if read_only:
                self._con = self._open_read_only(path)
            else:
                # Bound DuckDB's buffer pool (default: 80 % of RAM) so a long
                # `detente code` run keeps a flat memory profile.
                # (SET after connecting: a connect-time config would clash with a
                # read-only connection this process may already hold.)
                self._con = duckdb.connect(path)
                self._con.execute(
                    "SET memory_limit = ?", [str(get_setting("store_memory_limit"))]
                )
        except duckdb.IOException as e:
            raise StoreError(self._lock_message(path, e)) from e
        except duckdb.Error as e:
            raise StoreError(f"cannot open DuckDB store {path}: {e}") from e
        self._read_lock = threading.Lock()

    def _open_read_only(self, path: str) -> Any:
        duckdb = self._duckdb
        try:
            con = duckdb.connect(
                path, read_only=True, config={"enable_external_access": False}
            )
            self.enforced_read_only = True
            return con
        except duckdb.ConnectionException as e:
            if "different configuration" not in str(e):
                raise
            # This process already holds the file open for writing (DuckDB
            # allows one configuration per file per process): share that
            # database; ``query`` still refuses statements that write.
            logger.debug("store %s already open for writing in this process", path)
            return duckdb.connect(path)

    @staticmethod
    def _lock_message(path: str, error: Exception) -> str:
        text = str(error)
        if "lock" in text.lower():
            return (
                f"store {path} is locked by another process ({text.split('Conflicting', 1)[-1].strip()}); "
                "DuckDB allows one writer: stop the other process (e.g. `detente serve` "
                "or another `detente code`), or use a PostgreSQL store for concurrent access"
            )
        return f"cannot open DuckDB store {path}: {text}"

    def _begin(self) -> None:
        self._con.execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._con.execute("COMMIT")

    def _rollback(self) -> None:
        try:
            self._con.execute("ROLLBACK")
        except self._duckdb.Error as e:  # the failed statement may have ended it
            logger.debug("rollback after error: %s", e)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        try:
            self._con.execute(sql, params)
        except self._duckdb.Error as e:
            raise StoreError(f"store {self.display}: {e}") from e

    def fetchall(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        try:
            return self._con.execute(sql, params).fetchall()
        except self._duckdb.Error as e:
            raise StoreError(f"store {self.display}: {e}") from e

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        if not rows:
            return
        name_list = ", ".join(columns)
        if len(rows) * len(columns) <= 2000:
            # Small writes (one document): a VALUES list beats staging Arrow.
            one = "(" + ", ".join("?" * len(columns)) + ")"
            values = [value for row in rows for value in row]
            self.execute(
                f"INSERT INTO {table} ({name_list}) VALUES {', '.join([one] * len(rows))}",
                values,
            )
            return
        import pyarrow as pa

        types = dict(schema.TABLES[table])
        arrays = {}
        for position, name in enumerate(columns):
            values = [row[position] for row in rows]
            arrays[name] = pa.array(values, type=_arrow_type(types[name]))
        staged = pa.table(arrays)
        try:
            self._con.register("_detente_staged", staged)
            try:
                self._con.execute(
                    f"INSERT INTO {table} ({name_list}) SELECT {name_list} FROM _detente_staged"
                )
            finally:
                self._con.unregister("_detente_staged")
        except self._duckdb.Error as e:
            raise StoreError(f"store {self.display}: cannot write {table}: {e}") from e

    def _cursor(self) -> Any:
        # One cursor (a DuckDB connection of its own) per read, so threads
        # (the API's workers) never share one; creating it is serialised.
        with self._read_lock:
            return self._con.cursor()

    def read(
        self, sql: str, params: Sequence[Any] | None = None
    ) -> tuple[list[str], list[tuple]]:
        cursor = self._cursor()
        try:
            result = cursor.execute(sql, params)
            columns = [d[0] for d in result.description or []]
            return columns, result.fetchall()
        except self._duckdb.Error as e:
            raise StoreError(f"store {self.display}: {e}") from e
        finally:
            cursor.close()

    def read_frame(self, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        cursor = self._cursor()
        try:
            return cursor.execute(sql, params).df()
        except self._duckdb.Error as e:
            raise StoreError(f"store {self.display}: {e}") from e
        finally:
            cursor.close()

    def query(
        self,
        sql: str,
        params: Sequence[Any] | None,
        *,
        limit: int | None,
        time_limit_ms: int,
    ) -> tuple[list[str], list[tuple]]:
        cursor = self._cursor()
        try:
            try:
                statements = cursor.extract_statements(sql)
            except self._duckdb.Error as e:
                raise StoreError(f"cannot parse the query: {e}") from e
            if len(statements) != 1:
                raise StoreError(
                    f"send one SQL statement at a time (got {len(statements)})"
                )
            kind = statements[0].type.name
            if kind not in _READ_STATEMENTS:
                raise StoreError(
                    f"the store is read-only here: {kind} statements are refused; "
                    "use SELECT (writes go through `detente code` / `detente import`)"
                )
            timer = threading.Timer(time_limit_ms / 1000, cursor.interrupt)
            timer.start()
            try:
                result = cursor.execute(sql, params)
                columns = [d[0] for d in result.description or []]
                rows = (
                    result.fetchmany(limit) if limit is not None else result.fetchall()
                )
            except self._duckdb.InterruptException as e:
                raise StoreError(
                    f"query stopped after the time limit of {time_limit_ms} ms; narrow "
                    "it (WHERE, LIMIT) or raise DETENTE_SQL_TIME_LIMIT_MS"
                ) from e
            except self._duckdb.Error as e:
                raise StoreError(f"query failed: {e}") from e
            finally:
                timer.cancel()
            return columns, rows
        finally:
            cursor.close()

    def close(self) -> None:
        self._con.close()


def _arrow_type(sql_type: str) -> Any:
    import pyarrow as pa

    base = sql_type.split()[0].upper()
    return {
        "TEXT": pa.string(),
        "INTEGER": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
    }[base]


class PostgresBackend(Backend):
    """A PostgreSQL database reached with psycopg 3."""

    kind = "postgresql"

    def __init__(self, url: str, *, read_only: bool) -> None:
        super().__init__(url, read_only=read_only)
        import psycopg

        self._psycopg = psycopg
        try:
            self._reader = psycopg.connect(url, autocommit=True)
            self._reader.execute("SET default_transaction_read_only = on")
            self._writer = None if read_only else psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL store {self.display}: {str(e).strip()}; "
                "check the URL, that the server runs and that the database exists "
                "(createdb)"
            ) from e
        self._read_lock = threading.Lock()

    def create_schema(self) -> None:
        super().create_schema()
        with self.transaction():
            for statement in schema.POSTGRES_INDEXES:
                self.execute(statement)

    def _begin(self) -> None:
        assert self._writer is not None
        self._writer.execute("BEGIN")

    def _commit(self) -> None:
        assert self._writer is not None
        self._writer.execute("COMMIT")

    def _rollback(self) -> None:
        assert self._writer is not None
        try:
            self._writer.execute("ROLLBACK")
        except self._psycopg.Error as e:
            logger.debug("rollback after error: %s", e)

    def _write_connection(self) -> Any:
        if self._writer is None:
            raise StoreError(f"store {self.display} was opened read-only")
        return self._writer

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        try:
            self._write_connection().execute(
                _qmark_to_format(sql) if params else sql, params
            )
        except self._psycopg.Error as e:
            raise StoreError(f"store {self.display}: {str(e).strip()}") from e

    def fetchall(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        try:
            cursor = self._write_connection().execute(
                _qmark_to_format(sql) if params else sql, params
            )
            return cursor.fetchall()
        except self._psycopg.Error as e:
            raise StoreError(f"store {self.display}: {str(e).strip()}") from e

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        if not rows:
            return
        connection = self._write_connection()
        try:
            with connection.cursor() as cursor:
                with cursor.copy(
                    f"COPY {table} ({', '.join(columns)}) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
        except self._psycopg.Error as e:
            raise StoreError(
                f"store {self.display}: cannot write {table}: {str(e).strip()}"
            ) from e

    def read(
        self, sql: str, params: Sequence[Any] | None = None
    ) -> tuple[list[str], list[tuple]]:
        with self._read_lock:
            try:
                cursor = self._reader.execute(
                    _qmark_to_format(sql) if params else sql, params
                )
                columns = [d.name for d in cursor.description or []]
                return columns, cursor.fetchall()
            except self._psycopg.Error as e:
                raise StoreError(f"store {self.display}: {str(e).strip()}") from e

    def query(
        self,
        sql: str,
        params: Sequence[Any] | None,
        *,
        limit: int | None,
        time_limit_ms: int,
    ) -> tuple[list[str], list[tuple]]:
        psycopg = self._psycopg
        with self._read_lock:
            try:
                with self._reader.transaction():
                    # Explicitly read-only, whatever an earlier query did to
                    # the session defaults (set_config is a SELECT).
                    self._reader.execute("SET TRANSACTION READ ONLY")
                    self._reader.execute(
                        f"SET LOCAL statement_timeout = {int(time_limit_ms)}"
                    )
                    # A prepared statement holds exactly one command, so
                    # "SELECT 1; DELETE ..." cannot slip a second one in.
                    cursor = self._reader.execute(
                        _qmark_to_format(sql) if params else sql, params, prepare=True
                    )
                    columns = [d.name for d in cursor.description or []]
                    rows = (
                        cursor.fetchmany(limit)
                        if limit is not None
                        else cursor.fetchall()
                    )
                    return columns, rows
            except psycopg.errors.ReadOnlySqlTransaction as e:
                raise StoreError(
                    "the store is read-only here: the statement tries to write "
                    f"({str(e).strip()}); use SELECT (writes go through `detente code` / "
                    "`detente import`)"
                ) from e
            except psycopg.errors.SyntaxError as e:
                if "multiple commands" in str(e):
                    raise StoreError(
                        "send one SQL statement at a time (found several separated by ';')"
                    ) from e
                raise StoreError(f"query failed: {str(e).strip()}") from e
            except psycopg.errors.QueryCanceled as e:
                raise StoreError(
                    f"query stopped after the time limit of {time_limit_ms} ms; narrow "
                    "it (WHERE, LIMIT) or raise DETENTE_SQL_TIME_LIMIT_MS"
                ) from e
            except psycopg.Error as e:
                raise StoreError(f"query failed: {str(e).strip()}") from e

    def close(self) -> None:
        self._reader.close()
        if self._writer is not None:
            self._writer.close()


def open_backend(url: str | Path, *, read_only: bool) -> Backend:
    """Open the backend for a DuckDB path or a ``postgresql://`` URL."""
    text = str(url)
    if is_postgres_url(text):
        backend: Backend = PostgresBackend(text, read_only=read_only)
    else:
        backend = DuckDBBackend(text, read_only=read_only)
    try:
        if read_only:
            backend.check_schema()
        else:
            backend.create_schema()
    except StoreError:
        backend.close()
        raise
    return backend
