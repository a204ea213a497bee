"""The ``detente`` command line: a thin shell over the Python API.

Each command lives in ``cli/<command>.py`` and defines ``register(app)``, which
adds a ``<command>_cli`` function that parses options and calls the plain
function of the same name from the package. Modules are discovered here, so
adding a command never touches this file.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="detente",
    help="Code news about international relations into events and analyse them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    from ._common import set_debug

    set_debug(debug)


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main() -> None:
    """Entry point of the ``detente`` console script."""
    app()
