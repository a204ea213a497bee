"""detente: news about international relations in, coded events and analysis out.

The public API is listed in ``__all__``; names are imported on first use so that
``import detente`` stays fast (the NLP stack loads only when needed).

Examples
--------
>>> import detente                                                   # doctest: +SKIP
>>> detente.code_text("Beijing and Moscow refused the US demand.", date="2020-07-15")
"""

from __future__ import annotations

import importlib
from typing import Any

from .about import __version__ as __version__  # re-exported

_EXPORTS: dict[str, str] = {
    "Actor": "models",
    "ActorDictionary": "actors",
    "ActorMention": "models",
    "ActorResolver": "actors",
    "AnalysisError": "errors",
    "Article": "models",
    "ConfigError": "errors",
    "DataFileError": "errors",
    "DateMention": "models",
    "DateResolver": "dates",
    "DetenteError": "errors",
    "Event": "models",
    "EventCoder": "coding",
    "InputError": "errors",
    "NlpParser": "nlp",
    "OntologyError": "errors",
    "Pipeline": "pipeline",
    "PipelineError": "errors",
    "RunSummary": "api",
    "Skipped": "ingest",
    "Store": "store",
    "StoreError": "errors",
    "ToneScorer": "tone",
    "code_article": "api",
    "code_files": "api",
    "code_text": "api",
    "evaluate": "evaluation",
    "explain": "ontology",
    "export_events": "export",
    "extract": "ingest",
    "get_ontology": "ontology",
    "import_events": "export",
    "iter_articles": "ingest",
    "load_nlp": "nlp",
    "unresolved_report": "actors",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
