"""Registries of swappable parts, named with a version.

Built-in stages, ontologies and exporters register here exactly as a user's
would, so a saved configuration naming ``"detente.cameo_coder.v1"`` means the
same thing later::

    from detente.registry import exporters

    @exporters.register("mycorp.stata.v1")
    def export_stata(selection, path, **options) -> list[Path]: ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])


class Registry:
    """A named table of factories or functions, filled by decorators."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, Callable[..., Any]] = {}
        self._aliases: dict[str, str] = {}

    def register(self, name: str, *, aliases: tuple[str, ...] = ()) -> Callable[[F], F]:
        """Decorator: register ``func`` under ``name`` (and short ``aliases``)."""

        def decorate(func: F) -> F:
            self._entries[name] = func
            for alias in aliases:
                self._aliases[alias] = name
            return func

        return decorate

    def get(self, name: str) -> Callable[..., Any]:
        """Return the entry called ``name`` (a full name or an alias)."""
        full = self._aliases.get(name, name)
        if full not in self._entries:
            known = ", ".join(sorted(set(self._entries) | set(self._aliases)))
            raise ConfigError(f"unknown {self.kind} {name!r}; known: {known}")
        return self._entries[full]

    def names(self) -> list[str]:
        return sorted(self._entries)

    def aliases(self) -> dict[str, str]:
        return dict(self._aliases)

    def __contains__(self, name: str) -> bool:
        return self._aliases.get(name, name) in self._entries


#: Pipeline stages: factories ``(settings) -> Stage``.
stages = Registry("pipeline stage")
#: Event exporters: ``(selection, path, **options) -> list[Path]`` (see detente.export).
exporters = Registry("exporter")
#: Event importers: ``(path, **options) -> Iterator[Event]``.
importers = Registry("importer")
#: Ontologies: factories returning an ontology object.
ontologies = Registry("ontology")
#: Article readers, by input format.
readers = Registry("reader")
