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
            err_console.print(f"[bold red]error:[/] {e}", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_ERROR) from e

    return wrapper  # type: ignore[return-value]
