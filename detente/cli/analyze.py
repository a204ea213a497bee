"""``detente analyze``: dyads, networks, balance, blocs, polarity, triangles, change points.

Each subcommand loads events from the store (``--db``, or an events file with
``--events``), calls the function of :mod:`detente.analysis` of the same
name, and prints a table, or JSON with ``--json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import typer
from rich.table import Table

from ..analysis import (
    balance,
    bloc_changes,
    blocs,
    change_points,
    dyad_series,
    network_summary,
    network_to_json,
    polarity,
    reciprocity,
    signed_digraph,
    signed_network,
    triangle,
    write_graphml,
)
from ..analysis.frames import json_ready, read_events_file, store_loader
from ..settings import get_setting
from ._common import console, err_console, handle_errors

analyze_app = typer.Typer(
    name="analyze",
    help="Analyse the stored events: dyads, networks, balance, blocs, polarity, triangles, change points.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(analyze_app, name="analyze")


# Options every subcommand takes.
DB = typer.Option(
    None, "--db", help="Store: DuckDB path or postgresql:// URL (default: setting db)."
)
EVENTS = typer.Option(
    None,
    "--events",
    help="Read events from a CSV/TSV/Parquet/JSONL file instead of the store.",
)
FROM = typer.Option(None, "--from", help="First event date (YYYY-MM-DD).")
TO = typer.Option(None, "--to", help="Last event date (YYYY-MM-DD).")
JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
DEDUP = typer.Option(
    None,
    "--dedup",
    help="De-duplication mode: none, one-a-day, story (default: setting dedup).",
)
MAPPING = typer.Option(
    None,
    "--mapping",
    help="QuadClass mapping: gdelt.v1, icews.v1, phoenix.v1 (default: as coded).",
)
LEVEL = typer.Option(
    "country",
    "--level",
    help="Analyse countries (country) or full actor codes (actor).",
)
PLOT = typer.Option(None, "--plot", help="Write a plot here (.png, .svg or .pdf).")


def load_events(
    db: str | None,
    events_file: Path | None,
    *,
    start: str | None,
    end: str | None,
    dedup: str | None,
    mapping: str | None,
) -> pd.DataFrame:
    """The events frame of a command: from ``--events`` or the store."""
    if events_file is not None:
        frame = read_events_file(events_file)
        if dedup or mapping:
            err_console.print(
                "[yellow]note:[/] --dedup/--mapping do not apply to an events file",
                highlight=False,
            )
        from ..analysis.frames import select_dates

        return select_dates(frame, start=start, end=end)
    loader = store_loader(db or str(get_setting("db")), start=start, end=end)
    return loader(dedup or str(get_setting("dedup")), mapping)


def emit_json(data: Any) -> None:
    """Print JSON on stdout, unwrapped and without markup."""
    console.out(
        json.dumps(json_ready(data), ensure_ascii=False, indent=2), highlight=False
    )


def _table(title: str, rows: list[dict[str, Any]], *, limit: int = 60) -> Table:
    table = Table(title=title, show_lines=False)
    if not rows:
        table.add_column("(empty)")
        return table
    for key in rows[0]:
        table.add_column(str(key), overflow="fold")
    for row in rows[:limit]:
        table.add_row(*(_cell(v) for v in row.values()))
    if len(rows) > limit:
        table.caption = f"{len(rows) - limit} more rows; use --json for all"
    return table


def _cell(value: Any) -> str:
    value = json_ready(value)
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)


@analyze_app.command("dyad")
@handle_errors
def dyad_cli(
    a: str = typer.Argument(
        ..., help="First actor (e.g. CHN; patterns like IGO* allowed)."
    ),
    b: str = typer.Argument(..., help="Second actor."),
    period: str = typer.Option(
        "month", "--period", help="day, week, month, quarter or year."
    ),
    directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
    weight: str = typer.Option(
        "events", "--weight", help="events, or sources (weight by num_sources)."
    ),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
    plot: Path | None = PLOT,
) -> None:
    """Per-period series of a dyad: QuadClass counts, Goldstein sum and mean, tone."""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    series = dyad_series(
        events,
        a,
        b,
        directed=directed,
        period=period,
        weight=weight,
        level=level,
        start=start,
        end=end,
    )
    if plot is not None:
        from ..analysis.plots import plot_dyad, save_figure

        arrow = "→" if directed else "–"
        save_figure(plot_dyad(series, title=f"{a}{arrow}{b} by {period}"), plot)
    records = [
        {"period": index, **row}
        for index, row in zip(
            series.index, series.to_dict(orient="records"), strict=True
        )
    ]
    if as_json:
        emit_json(
            {
                "a": a,
                "b": b,
                "directed": directed,
                "period": period,
                "weight": weight,
                "series": records,
            }
        )
        return
    columns = (
        "period",
        "events",
        "cooperative",
        "conflictual",
        "net_cooperation",
        "goldstein_sum",
        "goldstein_mean",
        "tone_mean",
    )
    console.print(
        _table(
            f"{a}{'→' if directed else '–'}{b} by {period}",
            [{k: r[k] for k in columns} for r in records],
            limit=200,
        )
    )


@analyze_app.command("network")
@handle_errors
def network_cli(
    min_events: int = typer.Option(
        1, "--min-events", help="Fewest events for an edge."
    ),
    threshold: float = typer.Option(
        0.0, "--threshold", help="Edges with |Goldstein sum| at most this get sign 0."
    ),
    directed: bool = typer.Option(
        False, "--directed", help="Keep the two directions apart."
    ),
    graphml: Path | None = typer.Option(
        None, "--graphml", help="Also write the network as GraphML."
    ),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
    plot: Path | None = PLOT,
) -> None:
    """The signed network of the period (edge weight = net Goldstein sum)."""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    build = signed_digraph if directed else signed_network
    graph = build(events, level=level, min_events=min_events, threshold=threshold)
    if graphml is not None:
        write_graphml(graph, graphml)
    if plot is not None:
        from ..analysis.plots import plot_network, save_figure

        save_figure(plot_network(graph, title="signed network"), plot)
    if as_json:
        emit_json(network_to_json(graph))
        return
    summary = network_summary(graph)
    console.print(
        f"{summary['nodes']} actors, {summary['edges']} edges "
        f"({summary['positive_edges']} positive, {summary['negative_edges']} negative, "
        f"{summary['neutral_edges']} neutral); density {summary['density']:.3f}",
        highlight=False,
    )
    edges = sorted(graph.edges(data=True), key=lambda e: -abs(e[2]["weight"]))
    console.print(
        _table(
            "strongest edges",
            [
                {
                    "source": u,
                    "target": v,
                    "weight": d["weight"],
                    "sign": d["sign"],
                    "events": d["events"],
                }
                for u, v, d in edges
            ],
            limit=25,
        )
    )


@analyze_app.command("balance")
@handle_errors
def balance_cli(
    min_events: int = typer.Option(
        1, "--min-events", help="Fewest events for an edge."
    ),
    threshold: float = typer.Option(
        0.0, "--threshold", help="Edges with |Goldstein sum| at most this are unsigned."
    ),
    top: int = typer.Option(10, "--top", help="How many unbalanced triads to list."),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
) -> None:
    """Structural balance: triad share, walk index, exact frustration index."""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    graph = signed_network(
        events, level=level, min_events=min_events, threshold=threshold
    )
    result = balance(graph, top=top)
    if as_json:
        emit_json(result.to_dict())
        return
    data = result.to_dict()
    console.print(
        _table(
            "structural balance",
            [
                {"measure": k, "value": data[k]}
                for k in (
                    "signed_edges",
                    "positive_edges",
                    "negative_edges",
                    "triangles",
                    "balanced_triad_share",
                    "walk_balance",
                    "frustration",
                    "frustration_weight",
                    "normalized_frustration",
                )
            ],
        )
    )
    if result.unbalanced_triads:
        console.print(
            _table(
                "most unbalanced triads",
                [
                    {
                        "actors": " ".join(t["nodes"]),
                        "signs": t["signs"],
                        "strength": t["strength"],
                    }
                    for t in result.unbalanced_triads
                ],
            )
        )


@analyze_app.command("blocs")
@handle_errors
def blocs_cli(
    k: int | None = typer.Option(
        None,
        "--k",
        help="Number of blocs (default: chosen by the signed blockmodel error).",
    ),
    min_events: int = typer.Option(
        1, "--min-events", help="Fewest events for an edge."
    ),
    changes: str | None = typer.Option(
        None,
        "--changes",
        help="Also track membership per period: month, quarter or year.",
    ),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
    plot: Path | None = PLOT,
) -> None:
    """Blocs of the signed network (positive inside, negative across) and their cohesion."""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    graph = signed_network(events, level=level, min_events=min_events)
    result = blocs(graph, k=k)
    history = (
        bloc_changes(events, changes, level=level, k=k, min_events=min_events)
        if changes
        else None
    )
    if plot is not None:
        from ..analysis.plots import plot_network, save_figure

        save_figure(
            plot_network(graph, bloc_result=result, title="signed network and blocs"),
            plot,
        )
    if as_json:
        data = result.to_dict()
        if history is not None:
            data["changes"] = history.to_dict()
        emit_json(data)
        return
    console.print(
        _table(
            f"{result.k} bloc(s) by {result.method}; blockmodel error {result.criterion:.4g}",
            [
                {"bloc": i + 1, "cohesion": c, "size": len(bl), "actors": " ".join(bl)}
                for i, (bl, c) in enumerate(
                    zip(result.blocs, result.cohesion, strict=True)
                )
            ],
        )
    )
    if history is not None:
        console.print(_table("bloc moves", history.moves or [{"moves": "none"}]))


@analyze_app.command("polarity")
@handle_errors
def polarity_cli(
    period: str = typer.Option("year", "--period", help="month, quarter or year."),
    min_events: int = typer.Option(
        1, "--min-events", help="Fewest events for an edge."
    ),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
    plot: Path | None = PLOT,
) -> None:
    """Polarity per period: concentration of activity, effective poles, blocs."""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    table = polarity(events, period=period, level=level, min_events=min_events)
    if plot is not None:
        from ..analysis.plots import plot_lines, save_figure

        save_figure(
            plot_lines(
                table,
                columns=[
                    "concentration",
                    "cooperation_concentration",
                    "conflict_concentration",
                    "negative_between_share",
                ],
                title=f"polarity by {period}",
            ),
            plot,
        )
    records = [
        {"period": i, **r}
        for i, r in zip(table.index, table.to_dict(orient="records"), strict=True)
    ]
    if as_json:
        emit_json({"period": period, "polarity": records})
        return
    console.print(
        _table(
            f"polarity by {period}",
            [
                {
                    k: r[k]
                    for k in (
                        "period",
                        "events",
                        "actors",
                        "concentration",
                        "effective_poles",
                        "n_blocs",
                        "negative_between_share",
                        "poles",
                    )
                }
                for r in records
            ],
        )
    )


def _print_var(result: Any, title: str) -> None:
    if not result.sufficient:
        console.print(f"[yellow]{result.reason}[/]", highlight=False)
        return
    console.print(
        f"{title}: {result.nobs} periods, VAR lag {result.lag_order} (AIC, cap {result.max_lag})",
        highlight=False,
    )
    rows = sorted(result.granger, key=lambda g: g["p_value"])
    console.print(
        _table(
            "Granger causality (cause → effect)",
            [
                {
                    "cause": g["cause"],
                    "effect": g["effect"],
                    "p_value": g["p_value"],
                    "f_stat": g["f_stat"],
                    "lag": g["lag"],
                    "cumulative response": result.response(g["cause"], g["effect"])[
                        "cumulative_response"
                    ],
                }
                for g in rows
            ],
            limit=30,
        )
    )
    for note in result.notes:
        console.print(f"[dim]note: {note}[/]", highlight=False)


@analyze_app.command("triangle")
@handle_errors
def triangle_cli(
    a: str = typer.Argument(..., help="First actor (e.g. USA)."),
    b: str = typer.Argument(..., help="Second actor (e.g. CHN)."),
    c: str = typer.Argument(..., help="Third actor (e.g. RUS)."),
    period: str = typer.Option("week", "--period", help="week or month."),
    maxlags: int | None = typer.Option(
        None, "--maxlags", help="Cap on the AIC lag search."
    ),
    min_periods: int = typer.Option(
        30, "--min-periods", help="Fewest periods for a VAR."
    ),
    measure: str = typer.Option(
        "goldstein_sum",
        "--measure",
        help="goldstein_sum, net_cooperation, cooperative or conflictual.",
    ),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
    plot: Path | None = PLOT,
) -> None:
    """Strategic triangle: VAR of the six directed dyads, Granger tests, impulse responses."""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    result = triangle(
        events,
        a,
        b,
        c,
        period=period,
        maxlags=maxlags,
        min_periods=min_periods,
        measure=measure,
        level=level,
    )
    if plot is not None and result.sufficient:
        from ..analysis.plots import plot_irf, save_figure

        save_figure(plot_irf(result), plot)
    if as_json:
        emit_json(result.to_dict())
        return
    _print_var(result, f"triangle {a}–{b}–{c} by {period}")


@analyze_app.command("reciprocity")
@handle_errors
def reciprocity_cli(
    a: str = typer.Argument(..., help="First actor."),
    b: str = typer.Argument(..., help="Second actor."),
    period: str = typer.Option("week", "--period", help="week or month."),
    maxlags: int | None = typer.Option(
        None, "--maxlags", help="Cap on the AIC lag search."
    ),
    min_periods: int = typer.Option(
        30, "--min-periods", help="Fewest periods for a VAR."
    ),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
) -> None:
    """Reciprocity of a dyad: does B→A respond to A→B (VAR of the two directions)?"""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    result = reciprocity(
        events,
        a,
        b,
        period=period,
        maxlags=maxlags,
        min_periods=min_periods,
        level=level,
    )
    if as_json:
        emit_json(result.to_dict())
        return
    _print_var(result, f"reciprocity {a}–{b} by {period}")
    if result.reciprocity:
        console.print(_table("reciprocity", result.reciprocity))


@analyze_app.command("changes")
@handle_errors
def changes_cli(
    a: str = typer.Argument(..., help="First actor."),
    b: str = typer.Argument(..., help="Second actor."),
    period: str = typer.Option(
        "week", "--period", help="day, week, month, quarter or year."
    ),
    method: str = typer.Option("pelt", "--method", help="pelt or binseg."),
    penalty: float | None = typer.Option(
        None, "--penalty", help="Cost of a break (default 2σ²·log n)."
    ),
    measure: str = typer.Option(
        "goldstein_sum",
        "--measure",
        help="Series to segment (goldstein_sum, net_cooperation, events...).",
    ),
    directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
    db: str | None = DB,
    events_file: Path | None = EVENTS,
    start: str | None = FROM,
    end: str | None = TO,
    as_json: bool = JSON,
    dedup: str | None = DEDUP,
    mapping: str | None = MAPPING,
    level: str = LEVEL,
    plot: Path | None = PLOT,
) -> None:
    """Change points in a dyad's series, with the events around each break."""
    events = load_events(
        db, events_file, start=start, end=end, dedup=dedup, mapping=mapping
    )
    found = change_points(
        events,
        a,
        b,
        period=period,
        method=method,
        penalty=penalty,
        measure=measure,
        directed=directed,
        level=level,
        start=start,
        end=end,
    )
    if plot is not None:
        from ..analysis.plots import plot_dyad, save_figure

        series = dyad_series(
            events,
            a,
            b,
            period=period,
            directed=directed,
            level=level,
            start=start,
            end=end,
        )
        save_figure(
            plot_dyad(series, title=f"{a}–{b} by {period}", change_points=found), plot
        )
    if as_json:
        emit_json(
            {
                "a": a,
                "b": b,
                "period": period,
                "method": method,
                "change_points": [p.to_dict() for p in found],
            }
        )
        return
    if not found:
        console.print(f"no change points in {a}–{b} by {period}", highlight=False)
        return
    console.print(
        _table(
            f"change points {a}–{b} ({measure} by {period})",
            [
                {
                    "date": p.date,
                    "mean before": p.mean_before,
                    "mean after": p.mean_after,
                    "direction": p.direction,
                    "events around": len(p.events),
                }
                for p in found
            ],
        )
    )
