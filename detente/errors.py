"""The exceptions detente raises.

Every error names the input it is about and says what to do::

    DetenteError
    ├── InputError          an article, file or line we cannot read
    │   └── LanguageError   a document that is not in a supported language
    ├── DataFileError       a bundled or user data file that is missing or malformed
    ├── OntologyError       an unknown event code, type or mapping
    ├── PipelineError       stages assembled wrongly or returning the wrong thing
    ├── StoreError          the event store cannot be opened, read or written
    ├── AnalysisError       too little data or a bad request for an analysis
    └── ConfigError         a bad setting or option value
"""

from __future__ import annotations

from pathlib import Path


class DetenteError(Exception):
    """Base class of all detente errors."""


class InputError(DetenteError):
    """An input that cannot be read: names the file (and line) and the fix.

    Parameters
    ----------
    message:
        What was wrong and what to do.
    path:
        The offending file, if any.
    line:
        The 1-based line number in ``path``, if the problem is on one line.
    """

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(f"{where}{message}")
        self.reason = message


class LanguageError(InputError):
    """A document is not in a language the coder supports (English)."""


class DataFileError(DetenteError):
    """A data file (lexicon, actor dictionary, ontology table) is missing or malformed."""

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(f"{where}{message}")


class OntologyError(DetenteError):
    """An unknown event code, event type or ontology mapping."""


class PipelineError(DetenteError):
    """Pipeline stages are assembled in the wrong order or misbehave."""


class StoreError(DetenteError):
    """The event store cannot be opened, read or written."""


class AnalysisError(DetenteError):
    """An analysis cannot be run (too little data, unknown actor, bad period)."""


class ConfigError(DetenteError):
    """A setting or option has a bad value."""
