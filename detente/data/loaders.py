"""The one loader of detente's data files.

Knowledge (ontology tables, actor dictionaries, verb lexicons, QuadClass
mappings) lives in files under ``detente/data/<kind>/``; users add their own
files of the same format. Every file is read through this module: one function
per format, each raising :class:`~detente.errors.DataFileError` with the path
and line when a file is missing or malformed.

Formats
-------
- ``.tsv`` / ``.csv``: a header row, then one record a row. In TSV files, lines
  starting with ``#`` are comments (the provenance notice goes there).
- ``.jsonl``: one JSON object a line; ``#`` lines are comments.
- ``.yaml`` / ``.yml``: a list of mappings, or a mapping with one list value.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

Record = dict[str, Any]
DataPath = Path | Traversable


def bundled_dir(kind: str) -> Traversable:
    """Return the package folder that holds bundled data files of ``kind``."""
    return resources.files("detente.data").joinpath(kind)


def bundled_file(kind: str, name: str) -> Traversable:
    """Return a bundled data file, raising :class:`DataFileError` if absent."""
    path = bundled_dir(kind).joinpath(name)
    if not path.is_file():
        raise DataFileError(
            f"bundled data file {kind}/{name} is missing; reinstall detente",
            path=str(path),
        )
    return path


def bundled_files(kind: str, *, suffixes: Iterable[str] = ()) -> list[Traversable]:
    """List the bundled files of ``kind`` (sorted by name), optionally by suffix."""
    folder = bundled_dir(kind)
    if not folder.is_dir():
        return []
    wanted = tuple(suffixes)
    found = [
        entry
        for entry in folder.iterdir()
        if entry.is_file()
        and not entry.name.startswith((".", "_"))
        and entry.name != "README.md"
        and (not wanted or entry.name.endswith(wanted))
    ]
    return sorted(found, key=lambda entry: entry.name)


def _read_text(path: DataPath) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataFileError(
            "data file not found; check the path", path=str(path)
        ) from e
    except UnicodeDecodeError as e:
        raise DataFileError(
            f"data file is not UTF-8 (byte {e.start}); save it as UTF-8", path=str(path)
        ) from e
    except OSError as e:
        raise DataFileError(f"cannot read data file: {e}", path=str(path)) from e


def _uncommented(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def read_table(
    path: DataPath, *, delimiter: str | None = None, required: Iterable[str] = ()
) -> list[Record]:
    """Read a TSV or CSV table with a header row into a list of dicts.

    Parameters
    ----------
    path:
        The file. ``.tsv`` files are tab-separated, others comma-separated,
        unless ``delimiter`` is given.
    required:
        Column names that must be present; a missing one raises
        :class:`DataFileError` naming the file and the columns found.

    Returns
    -------
    list of dict
        One dict per row, keyed by the header, with a ``_line`` key holding
        the row's line number in the file.
    """
    if delimiter is None:
        delimiter = "\t" if str(path).endswith(".tsv") else ","
    numbered = list(_uncommented(_read_text(path)))
    if not numbered:
        raise DataFileError("data file has no header row", path=str(path))
    line_numbers = [n for n, _ in numbered]
    reader = csv.reader(
        io.StringIO("\n".join(line for _, line in numbered)),
        delimiter=delimiter,
        quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL,
    )
    rows = list(reader)
    header = [h.strip() for h in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError(
            f"expected column(s) {', '.join(missing)}; found {', '.join(header)}",
            path=str(path),
            line=line_numbers[0],
        )
    records: list[Record] = []
    for row, number in zip(rows[1:], line_numbers[1:], strict=True):
        if len(row) > len(header):
            raise DataFileError(
                f"row has {len(row)} fields but the header has {len(header)}",
                path=str(path),
                line=number,
            )
        padded = row + [""] * (len(header) - len(row))
        record: Record = {h: v.strip() for h, v in zip(header, padded, strict=True)}
        record["_line"] = number
        records.append(record)
    return records


def read_jsonl(path: DataPath) -> list[Record]:
    """Read a JSON Lines data file; each record gets a ``_line`` key."""
    records: list[Record] = []
    for number, line in _uncommented(_read_text(path)):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataFileError(
                f"invalid JSON: {e.msg}", path=str(path), line=number
            ) from e
        if not isinstance(value, dict):
            raise DataFileError("expected a JSON object", path=str(path), line=number)
        value["_line"] = number
        records.append(value)
    return records


def read_yaml(path: DataPath) -> list[Record]:
    """Read a YAML data file holding a list of mappings (or ``{key: [..]}``)."""
    try:
        value = yaml.safe_load(_read_text(path))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(f"invalid YAML: {e}", path=str(path), line=line) from e
    if value is None:
        return []
    if isinstance(value, dict) and len(value) == 1:
        value = next(iter(value.values()))
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataFileError("expected a list of mappings", path=str(path))
    return value


def read_records(path: DataPath, **kwargs: Any) -> list[Record]:
    """Read any supported data file by its suffix (tsv, csv, jsonl, yaml)."""
    name = str(path)
    if name.endswith((".tsv", ".csv")):
        return read_table(path, **kwargs)
    if name.endswith(".jsonl"):
        return read_jsonl(path)
    if name.endswith((".yaml", ".yml")):
        return read_yaml(path)
    raise DataFileError(
        "unsupported data file type; use .tsv, .csv, .jsonl or .yaml", path=name
    )


def content_hash(paths: Iterable[DataPath]) -> str:
    """A stable hash of the files' contents, for caches derived from them."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(getattr(path, "name", path)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
