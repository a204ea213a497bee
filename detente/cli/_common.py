"""What every command shares: the consoles and the error shape.

Our exceptions become one actionable line on stderr and a non-zero exit code;
a traceback only with ``--debug``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from ..errors import DetenteError

console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

_state = {"debug": False}

#: Exit status when a run finished but skipped some inputs.
EXIT_SKIPPED = 3
#: Exit status for errors that stop a command.
EXIT_ERROR = 2


def set_debug(debug: bool) -> None:
    _state["debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING)


def is_debug() -> bool:
    return _state["debug"]


def handle_errors(func: F) -> F:
    """Decorator for ``*_cli`` functions: DetenteError -> one line + exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DetenteError as e:
            if is_debug():
                raise
            err_console.print(
                f"[bold red]error:[/] {e}", highlight=False, soft_wrap=True
            )
            raise typer.Exit(EXIT_ERROR) from e

    return wrapper  # type: ignore[return-value]


def parse_field_options(options: list[str]) -> Any:
    """Turn ``--field text=body --field date=published,date`` into a FieldMap.

    Returns None when no option is given (the reader's defaults apply).
    """
    from dataclasses import fields as dataclass_fields
    from dataclasses import replace

    from ..errors import ConfigError
    from ..ingest import FieldMap

    if not options:
        return None
    known = [f.name for f in dataclass_fields(FieldMap)]
    field_map = FieldMap()
    for option in options:
        name, sep, columns = option.partition("=")
        name = name.strip()
        if not sep or name not in known or not columns.strip():
            raise ConfigError(
                f"--field {option!r}: expected FIELD=COLUMN[,COLUMN...] with FIELD one of "
                f"{', '.join(known)}; e.g. --field text=body"
            )
        names = tuple(c.strip() for c in columns.split(",") if c.strip())
        field_map = replace(field_map, **{name: names})
    return field_map
