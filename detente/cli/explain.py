"""``detente explain``: answer "what is 190 / ASSAULT / gdelt.v1?" from the ontology files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..ontology import explain, get_ontology
from ._common import console, handle_errors


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_cli)


@handle_errors
def explain_cli(
    term: str | None = typer.Argument(
        None,
        help="A CAMEO code or root (190, 19), a PLOVER type (ASSAULT) or a QuadClass mapping (gdelt.v1).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    mappings: bool = typer.Option(
        False, "--mappings", help="List the QuadClass mappings."
    ),
    plover: bool = typer.Option(False, "--plover", help="List the PLOVER event types."),
    roots: bool = typer.Option(False, "--roots", help="List the 20 CAMEO root codes."),
    ontology_files: list[Path] = typer.Option(
        [], "--ontology", help="Extra ontology data files (TSV, repeatable)."
    ),
) -> None:
    """Explain a CAMEO code, a PLOVER type or a QuadClass mapping."""
    ontology = get_ontology(user_files=ontology_files)
    if mappings or plover or roots or term is None:
        listing = _listing(
            ontology, mappings=mappings, plover=plover, roots=roots or term is None
        )
        if as_json:
            console.print_json(json.dumps(listing))
        else:
            _print_listing(listing)
        return
    result = explain(term, user_files=ontology_files)
    if as_json:
        console.print_json(json.dumps(result))
        return
    {
        "cameo_code": _print_code,
        "cameo_root": _print_code,
        "plover_type": _print_plover,
        "quad_class_mapping": _print_mapping,
    }[result["kind"]](result)


def _listing(
    ontology: Any, *, mappings: bool, plover: bool, roots: bool
) -> dict[str, Any]:
    listing: dict[str, Any] = {}
    if mappings:
        listing["quad_class_mappings"] = [
            ontology.explain(name) for name in ontology.quad_class_mappings()
        ]
    if plover:
        listing["plover_types"] = [
            {
                "name": p.name,
                "quad": p.quad,
                "default_cameo": p.default_cameo,
                "modes": p.mode_names,
                "legacy_names": sorted(
                    k for k, v in ontology.legacy_plover_names().items() if v == p.name
                ),
                "description": p.description,
            }
            for p in ontology.plover_types()
        ]
    if roots:
        listing["cameo_roots"] = [
            {
                "code": c.code,
                "name": c.name,
                "goldstein": c.goldstein,
                "plover_type": c.plover_type,
            }
            for c in ontology.roots()
        ]
    return listing


def _print_listing(listing: dict[str, Any]) -> None:
    for mapping in listing.get("quad_class_mappings", []):
        _print_mapping(mapping)
    if "plover_types" in listing:
        table = Table(title="PLOVER event types")
        for column in ("type", "quad", "CAMEO", "modes", "0.5b1 names"):
            table.add_column(column, overflow="fold")
        for p in listing["plover_types"]:
            table.add_row(
                p["name"], str(p["quad"]), p["default_cameo"], ", ".join(p["modes"]),
                ", ".join(p["legacy_names"]),
            )  # fmt: skip
        console.print(table)
    if "cameo_roots" in listing:
        table = Table(title="CAMEO root codes (detente explain <root> lists sub-codes)")
        for column in ("root", "name", "Goldstein", "PLOVER"):
            table.add_column(column)
        for root in listing["cameo_roots"]:
            table.add_row(
                root["code"],
                root["name"],
                f"{root['goldstein']:+.1f}",
                root["plover_type"],
            )
        console.print(table)


def _print_code(result: dict[str, Any]) -> None:
    kind = "CAMEO root" if result["kind"] == "cameo_root" else "CAMEO code"
    console.print(
        f"[bold]{kind} {result['code']}[/]: {result['name']}", highlight=False
    )
    if result["description"]:
        console.print(result["description"], highlight=False)
    if result["kind"] == "cameo_code":
        console.print(f"root {result['root']}: {result['root_name']}", highlight=False)
    source = (
        ""
        if result["goldstein_source"] == "gdelt"
        else f" ({result['goldstein_source']})"
    )
    console.print(f"Goldstein {result['goldstein']:+.1f}{source}", highlight=False)
    if result["plover_type"]:
        extra = ", ".join(
            x for x in (result["plover_mode"], result["plover_context"]) if x
        )
        console.print(
            f"PLOVER {result['plover_type']}" + (f" ({extra})" if extra else ""),
            highlight=False,
        )
    else:
        console.print(
            "PLOVER: none (PLOVER does not code CAMEO 01 statements)", highlight=False
        )
    quads = ", ".join(
        f"{name} {q['quad_class']} {q['label']}"
        for name, q in result["quad_class"].items()
    )
    console.print(f"QuadClass: {quads}", highlight=False)
    if result["children"]:
        table = Table(title=f"codes under {result['code']}")
        for column in ("code", "name", "Goldstein"):
            table.add_column(column)
        for child in result["children"]:
            table.add_row(child["code"], child["name"], f"{child['goldstein']:+.1f}")
        console.print(table)


def _print_plover(result: dict[str, Any]) -> None:
    console.print(
        f"[bold]PLOVER {result['name']}[/] (quad {result['quad']})", highlight=False
    )
    if result["legacy"]:
        mode = result["legacy"]["current_mode"]
        console.print(
            f"{result['asked']} is a PLOVER 0.5b1 name: now {result['name']}"
            + (f", mode {mode}" if mode else ""),
            highlight=False,
        )
    console.print(result["description"], highlight=False)
    console.print(f"default CAMEO code: {result['default_cameo']}", highlight=False)
    console.print(f"CAMEO codes: {', '.join(result['cameo_codes'])}", highlight=False)
    table = Table(title="modes")
    table.add_column("mode")
    table.add_column("definition", overflow="fold")
    for mode in result["modes"]:
        table.add_row(mode["mode"] or "-", "; ".join(mode["descriptions"]))
    console.print(table)


def _print_mapping(result: dict[str, Any]) -> None:
    default = " (default)" if result["default"] else ""
    table = Table(title=f"QuadClass mapping {result['name']}{default}")
    for column in ("quad class", "label", "CAMEO roots"):
        table.add_column(column)
    for entry in result["classes"]:
        table.add_row(
            str(entry["quad_class"]), entry["label"], ", ".join(entry["roots"])
        )
    console.print(table)
