"""Analyses of coded events: dyads, signed networks, balance, blocs, polarity,
the strategic-triangle VAR, change points, sensitivity, and claim reports.

Every function takes an *events frame* (a pandas DataFrame of de-duplicated
events, see :mod:`detente.analysis.frames`), as ``Store.events_frame()``
returns it. Formulas and their sources are in each module's docstring.
"""

from __future__ import annotations

import importlib
from typing import Any

from .balance import BalanceResult, balance, frustration_partition
from .blocs import BlocChanges, BlocResult, bloc_changes, blocs
from .changes import ChangePoint, change_points
from .dyads import dyad_series
from .frames import (
    DEDUP_MODES,
    EVENT_COLUMNS,
    QUAD_CLASS_MAPPINGS,
    prepare_events,
    read_events_file,
    store_loader,
)
from .network import (
    network_summary,
    network_to_json,
    signed_digraph,
    signed_network,
    write_graphml,
)
from .polarity import polarity, polarity_index
from .sensitivity import SensitivityResult, sensitivity
from .triangle import TriangleResult, VarResult, fit_var, reciprocity, triangle

# Claims and reports pull in matplotlib and jinja2; load them on first use so
# that `import detente.analysis` stays light for the API server.
_LAZY = {
    "Claim": "claims",
    "list_claims": "claims",
    "load_claim": "claims",
    "run_claim": "claims",
    "Report": "report",
    "build_report": "report",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BalanceResult",
    "BlocChanges",
    "BlocResult",
    "ChangePoint",
    "Claim",
    "DEDUP_MODES",
    "EVENT_COLUMNS",
    "QUAD_CLASS_MAPPINGS",
    "Report",
    "SensitivityResult",
    "TriangleResult",
    "VarResult",
    "balance",
    "bloc_changes",
    "blocs",
    "build_report",
    "change_points",
    "dyad_series",
    "fit_var",
    "frustration_partition",
    "list_claims",
    "load_claim",
    "network_summary",
    "network_to_json",
    "polarity",
    "polarity_index",
    "prepare_events",
    "read_events_file",
    "reciprocity",
    "run_claim",
    "sensitivity",
    "signed_digraph",
    "signed_network",
    "store_loader",
    "triangle",
    "write_graphml",
]
