"""Analyses of coded events: dyads, signed networks, balance, blocs, polarity,
the strategic-triangle VAR, change points, sensitivity, and claim reports.

Every function takes an *events frame* (a pandas DataFrame of de-duplicated
events, see :mod:`detente.analysis.frames`), as ``Store.events_frame()``
returns it. Formulas and their sources are in each module's docstring.
"""

from __future__ import annotations

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

__all__ = [
    "DEDUP_MODES",
    "EVENT_COLUMNS",
    "QUAD_CLASS_MAPPINGS",
    "BalanceResult",
    "BlocChanges",
    "BlocResult",
    "ChangePoint",
    "SensitivityResult",
    "TriangleResult",
    "VarResult",
    "balance",
    "bloc_changes",
    "blocs",
    "change_points",
    "dyad_series",
    "fit_var",
    "frustration_partition",
    "network_summary",
    "network_to_json",
    "polarity",
    "polarity_index",
    "prepare_events",
    "read_events_file",
    "reciprocity",
    "sensitivity",
    "signed_digraph",
    "signed_network",
    "store_loader",
    "triangle",
    "write_graphml",
]
