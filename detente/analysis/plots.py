"""Plots of the analyses (matplotlib, no pyplot: figures render headless).

Every function returns a :class:`matplotlib.figure.Figure`; :func:`figure_png`
turns one into PNG bytes for reports and ``--plot`` files.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..errors import AnalysisError
from .blocs import BlocResult
from .changes import ChangePoint
from .sensitivity import SensitivityResult
from .triangle import VarResult

COOP = "#2a9d8f"
CONFLICT = "#e76f51"
NEUTRAL = "#8d99ae"
BLOC_COLOURS = (
    "#264653",
    "#e9c46a",
    "#6a4c93",
    "#f4a261",
    "#1982c4",
    "#8ac926",
    "#ff595e",
)


def figure_png(figure: Figure, *, dpi: int = 110) -> bytes:
    """Render a figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def save_figure(figure: Figure, path: str | Path, *, dpi: int = 110) -> Path:
    """Write a figure to ``path`` (format from the suffix: .png, .svg, .pdf)."""
    path = Path(path)
    try:
        figure.savefig(path, dpi=dpi, bbox_inches="tight")
    except (OSError, ValueError) as e:
        raise AnalysisError(
            f"{path}: cannot write the plot ({e}); use .png, .svg or .pdf"
        ) from e
    return path


def _bar_width(index: pd.DatetimeIndex) -> float:
    if len(index) < 2:
        return 20.0
    return (
        float(np.median(np.diff(index.values).astype("timedelta64[D]").astype(float)))
        * 0.8
    )


def plot_dyad(
    series: pd.DataFrame,
    *,
    title: str = "",
    change_points: Sequence[ChangePoint] = (),
) -> Figure:
    """Timeline of a dyad: cooperative/conflictual counts and the Goldstein sum.

    Parameters
    ----------
    series:
        Output of :func:`~detente.analysis.dyad_series`.
    change_points:
        Breaks to mark with vertical lines.
    """
    figure = Figure(figsize=(9, 5.2))
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=[1, 1])
    width = _bar_width(series.index)
    top.bar(
        series.index,
        series["cooperative"],
        width=width,
        color=COOP,
        label="cooperative",
    )
    top.bar(
        series.index,
        -series["conflictual"],
        width=width,
        color=CONFLICT,
        label="conflictual",
    )
    top.axhline(0, color="black", linewidth=0.6)
    top.set_ylabel("events (conflict < 0)")
    top.legend(loc="upper left", fontsize=8, frameon=False)
    bottom.plot(series.index, series["goldstein_sum"], color="#264653", linewidth=1.2)
    bottom.fill_between(
        series.index,
        0,
        series["goldstein_sum"],
        where=series["goldstein_sum"] >= 0,
        color=COOP,
        alpha=0.3,
        step=None,
    )
    bottom.fill_between(
        series.index,
        0,
        series["goldstein_sum"],
        where=series["goldstein_sum"] < 0,
        color=CONFLICT,
        alpha=0.3,
    )
    bottom.axhline(0, color="black", linewidth=0.6)
    bottom.set_ylabel("Goldstein sum")
    for point in change_points:
        for axis in (top, bottom):
            axis.axvline(point.date, color="black", linestyle="--", linewidth=0.9)
        bottom.annotate(
            f"{point.date.date()}",
            (point.date, bottom.get_ylim()[1]),
            fontsize=7,
            rotation=90,
            va="top",
            ha="right",
        )
    top.set_title(title or "dyad timeline")
    figure.autofmt_xdate()
    return figure


def plot_lines(
    frame: pd.DataFrame,
    *,
    title: str = "",
    ylabel: str = "",
    columns: Sequence[str] = (),
) -> Figure:
    """Line plot of some columns of a period-indexed frame."""
    figure = Figure(figsize=(9, 3.8))
    axis = figure.subplots()
    for column in columns or list(frame.columns):
        axis.plot(frame.index, frame[column], linewidth=1.1, label=str(column))
    axis.axhline(0, color="black", linewidth=0.5)
    axis.set_ylabel(ylabel)
    axis.set_title(title)
    axis.legend(loc="best", fontsize=7, frameon=False, ncol=3)
    figure.autofmt_xdate()
    return figure


def plot_network(
    graph: nx.Graph,
    *,
    bloc_result: BlocResult | None = None,
    title: str = "",
    highlight: Sequence[str] = (),
    max_nodes: int = 40,
) -> Figure:
    """The signed network: green positive, red negative edges, nodes coloured by bloc.

    Only the ``max_nodes`` most active actors are drawn.
    """
    figure = Figure(figsize=(7.5, 7))
    axis = figure.subplots()
    axis.set_axis_off()
    axis.set_title(title or "signed network")
    if graph.number_of_nodes() == 0:
        axis.text(0.5, 0.5, "no events", ha="center", va="center")
        return figure
    strength = {
        n: sum(abs(d.get("weight", 0.0)) for _, _, d in graph.edges(n, data=True))
        for n in graph.nodes
    }
    keep = sorted(strength, key=lambda n: (-strength[n], n))[:max_nodes]
    shown = graph.subgraph(keep)
    layout_graph = nx.Graph()
    layout_graph.add_nodes_from(shown.nodes)
    for u, v, data in shown.edges(data=True):
        if data.get("sign", 0) > 0:
            layout_graph.add_edge(
                u, v, weight=1.0 + math.log1p(abs(data.get("weight", 0.0)))
            )
    pos = nx.spring_layout(layout_graph, seed=0, weight="weight")
    biggest = max(
        (abs(d.get("weight", 0.0)) for _, _, d in shown.edges(data=True)), default=1.0
    )
    for u, v, data in shown.edges(data=True):
        sign = data.get("sign", 0)
        colour = COOP if sign > 0 else CONFLICT if sign < 0 else NEUTRAL
        width = 0.5 + 3.5 * abs(data.get("weight", 0.0)) / (biggest or 1.0)
        axis.plot(
            [pos[u][0], pos[v][0]],
            [pos[u][1], pos[v][1]],
            color=colour,
            linewidth=width,
            alpha=0.7,
            linestyle="-" if sign >= 0 else "--",
            zorder=1,
        )
    membership = bloc_result.membership if bloc_result else {}
    top_strength = max(strength[n] for n in keep) or 1.0
    for node in shown.nodes:
        bloc = membership.get(node)
        colour = BLOC_COLOURS[bloc % len(BLOC_COLOURS)] if bloc is not None else NEUTRAL
        size = 80 + 600 * strength[node] / top_strength
        edge = "black" if node in highlight else "white"
        axis.scatter(
            [pos[node][0]],
            [pos[node][1]],
            s=size,
            color=colour,
            edgecolors=edge,
            linewidths=2 if node in highlight else 1,
            zorder=2,
        )
        axis.annotate(
            node,
            pos[node],
            fontsize=8,
            ha="center",
            va="center",
            zorder=3,
            color="white" if bloc is not None else "black",
        )
    return figure


def plot_irf(
    result: VarResult,
    *,
    pairs: Sequence[tuple[str, str]] = (),
    title: str = "",
) -> Figure:
    """Generalized impulse responses of ``effect`` to ``cause`` for each pair.

    By default every pair among the first four variables.
    """
    if not result.sufficient or result.irf is None:
        raise AnalysisError(f"no impulse responses to plot: {result.reason}")
    index = {name: i for i, name in enumerate(result.variables)}
    wanted = [p for p in pairs if p[0] in index and p[1] in index] or [
        (c, e) for c in result.variables[:4] for e in result.variables[:4] if c != e
    ]
    columns = min(3, len(wanted))
    rows = math.ceil(len(wanted) / columns)
    figure = Figure(figsize=(3.3 * columns, 2.5 * rows))
    axes = np.atleast_1d(figure.subplots(rows, columns, squeeze=False)).ravel()
    horizon = np.arange(result.irf.shape[0])
    for axis, (cause, effect) in zip(axes, wanted, strict=False):
        path = result.irf[:, index[effect], index[cause]]
        axis.plot(horizon, path, color="#264653", marker="o", markersize=2.5)
        axis.plot(
            horizon, np.cumsum(path), color="#e9c46a", linestyle="--", linewidth=1
        )
        axis.axhline(0, color="black", linewidth=0.5)
        axis.set_title(f"{effect} ← shock {cause}", fontsize=8)
        axis.tick_params(labelsize=7)
    for axis in axes[len(wanted) :]:
        axis.set_axis_off()
    figure.suptitle(
        title or "impulse responses (solid) and cumulative (dashed)", fontsize=10
    )
    figure.tight_layout()
    return figure


def plot_sensitivity(result: SensitivityResult, *, title: str = "") -> Figure:
    """The estimate under each de-duplication mode × mapping (hollow = not significant)."""
    table = result.table[result.table["error"] == ""]
    figure = Figure(figsize=(7, 0.4 * max(len(result.table), 3) + 1))
    axis = figure.subplots()
    labels = [f"{r.dedup} / {r.mapping}" for r in result.table.itertuples()]
    axis.set_yticks(range(len(labels)), labels, fontsize=7)
    for position, row in enumerate(result.table.itertuples()):
        if row.error:
            axis.text(
                0, position, "  not computed", fontsize=7, va="center", color=NEUTRAL
            )
            continue
        filled = bool(row.significant) if row.significant is not None else True
        colour = COOP if row.estimate >= 0 else CONFLICT
        axis.scatter(
            [row.estimate],
            [position],
            color=colour if filled else "white",
            edgecolors=colour,
            s=40,
            zorder=2,
        )
    axis.axvline(0, color="black", linewidth=0.6)
    axis.invert_yaxis()
    axis.set_title(
        title or "sensitivity to de-duplication and QuadClass mapping", fontsize=9
    )
    if table.empty:
        axis.set_xlim(-1, 1)
    return figure
