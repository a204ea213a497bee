"""CAMEO event codes, Goldstein scores, QuadClass mappings and PLOVER types.

All knowledge here comes from data files (``detente/data/ontology/`` and
``detente/data/quadclass/``, see their README files), read through
:mod:`detente.data.loaders`. The built-in tables are registered in
:data:`detente.registry.ontologies` exactly as a user's would be:

=========================  =====================================================
``detente.cameo.v1``       ``cameo_codes.tsv``: ~310 CAMEO codes, Goldstein,
                           PLOVER type/mode/context of each code
``detente.plover.v1``      ``plover_types.tsv``, ``plover_modes.tsv``,
                           ``plover_legacy_names.tsv``
``detente.quadclass.v1``   ``quadclass/<name>.tsv``: ``gdelt.v1``, ``icews.v1``,
                           ``phoenix.v1``
=========================  =====================================================

Users extend or override them with files of the same format
(``get_ontology(user_files=[...])``); the kind of a file is told by its columns.

Examples
--------
>>> from detente.ontology import get_ontology
>>> ontology = get_ontology()
>>> ontology.cameo("042").goldstein
1.9
>>> ontology.quad_class("163")
4
>>> ontology.current_plover_name("FIGHT")
'ASSAULT'
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .data import loaders
from .errors import DataFileError, OntologyError
from .registry import ontologies
from .settings import get_setting

logger = logging.getLogger(__name__)

#: Registry names of the built-in ontology tables, loaded in this order.
DEFAULT_ONTOLOGIES: tuple[str, ...] = (
    "detente.cameo.v1",
    "detente.plover.v1",
    "detente.quadclass.v1",
)

_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")

_CAMEO_COLUMNS = ("code", "name")
_PLOVER_TYPE_COLUMNS = ("type", "description", "default_cameo")
_PLOVER_MODE_COLUMNS = ("type", "mode", "description")
_LEGACY_COLUMNS = ("legacy_name", "current_name")
_QUAD_COLUMNS = ("root", "quad_class", "label")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code and what the ontology tables say about it.

    ``goldstein_source`` is ``"gdelt"`` or ``"parent:<code>"`` when the code
    borrows its parent's Goldstein value; ``plover_source`` says likewise
    where the PLOVER columns came from (see ``data/ontology/README.md``).
    """

    code: str
    name: str
    root: str
    goldstein: float
    description: str
    plover_type: str
    plover_mode: str
    plover_context: str
    goldstein_source: str = ""
    plover_source: str = ""
    origin: str = ""  # "file:line" the row came from

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2

    @property
    def parent(self) -> str | None:
        """The code one level up (``"1711"`` -> ``"171"`` -> ``"17"``), or None."""
        if len(self.code) > 3:
            return self.code[:3]
        if len(self.code) == 3:
            return self.code[:2]
        return None


@dataclass(frozen=True)
class PloverMode:
    """A PLOVER mode (sub-type) with one codebook definition."""

    name: str
    description: str


@dataclass(frozen=True)
class PloverType:
    """A PLOVER event type (the 16 POLECAT types), its modes and defaults."""

    name: str
    description: str
    modes: tuple[PloverMode, ...] = ()
    quad: int = 0
    default_cameo: str = ""
    origin: str = ""

    @property
    def mode_names(self) -> list[str]:
        """Distinct named modes, in codebook order."""
        return list(dict.fromkeys(m.name for m in self.modes if m.name))


@dataclass(frozen=True)
class QuadClassMapping:
    """A versioned CAMEO root -> QuadClass table (e.g. ``"gdelt.v1"``)."""

    name: str
    classes: dict[str, int]
    labels: dict[str, str]
    origin: str = ""


@dataclass
class OntologyData:
    """Raw tables read from ontology data files, before merging.

    What a registered ontology factory returns. Each list holds the records
    of :func:`detente.data.loaders.read_table` (with ``_line``) plus an
    ``_origin`` key naming the file.
    """

    cameo: list[dict[str, Any]] = field(default_factory=list)
    plover_types: list[dict[str, Any]] = field(default_factory=list)
    plover_modes: list[dict[str, Any]] = field(default_factory=list)
    legacy_names: list[dict[str, Any]] = field(default_factory=list)
    quad_mappings: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def extend(self, other: OntologyData) -> None:
        self.cameo.extend(other.cameo)
        self.plover_types.extend(other.plover_types)
        self.plover_modes.extend(other.plover_modes)
        self.legacy_names.extend(other.legacy_names)
        for name, records in other.quad_mappings.items():
            self.quad_mappings[name] = records
        self.files.extend(other.files)


def _mapping_name(path: loaders.DataPath) -> str:
    name = getattr(path, "name", str(path))
    for suffix in (".tsv", ".csv"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_ontology_file(path: loaders.DataPath) -> OntologyData:
    """Read one ontology data file; its kind is told by its columns.

    Parameters
    ----------
    path:
        A ``.tsv``/``.csv`` file with the header of one of the bundled
        tables: ``code, name, ...`` (CAMEO codes), ``type, quad,
        default_cameo, description`` (PLOVER types), ``type, mode,
        description`` (PLOVER modes), ``legacy_name, current_name, ...``
        (PLOVER legacy names) or ``root, quad_class, label`` (a QuadClass
        mapping named after the file, e.g. ``mycorp.v1.tsv`` ->
        ``"mycorp.v1"``).

    Returns
    -------
    OntologyData
        The file's records under the matching table.

    Raises
    ------
    DataFileError
        When the file is missing, malformed, or its columns match no table.
    """
    records = loaders.read_table(path)
    origin = str(path)
    for record in records:
        record["_origin"] = origin
    header = set(records[0]) if records else set(_header_of(path))
    data = OntologyData(files=[origin])
    if set(_CAMEO_COLUMNS) <= header:
        data.cameo = records
    elif set(_LEGACY_COLUMNS) <= header:
        data.legacy_names = records
    elif set(_QUAD_COLUMNS) <= header:
        data.quad_mappings[_mapping_name(path)] = records
    elif set(_PLOVER_TYPE_COLUMNS) <= header:
        data.plover_types = records
    elif set(_PLOVER_MODE_COLUMNS) <= header:
        data.plover_modes = records
    else:
        raise DataFileError(
            "columns match no ontology table; expected a header such as "
            "'code<TAB>name<TAB>goldstein...' (CAMEO codes), "
            "'root<TAB>quad_class<TAB>label' (QuadClass mapping), "
            "'type<TAB>description<TAB>default_cameo' (PLOVER types), "
            "'type<TAB>mode<TAB>description' (PLOVER modes) or "
            f"'legacy_name<TAB>current_name' (PLOVER legacy names); found {sorted(header)}",
            path=origin,
        )
    return data


def _header_of(path: loaders.DataPath) -> list[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            delimiter = "\t" if str(path).endswith(".tsv") else ","
            return [h.strip() for h in line.split(delimiter)]
    return []


def _read_bundled(kind: str, names: Iterable[str]) -> OntologyData:
    data = OntologyData()
    for name in names:
        data.extend(read_ontology_file(loaders.bundled_file(kind, name)))
    return data


@ontologies.register("detente.cameo.v1", aliases=("cameo",))
def cameo_ontology_v1(**_options: Any) -> OntologyData:
    """The bundled CAMEO table (codes, Goldstein scores, PLOVER equivalents)."""
    return _read_bundled("ontology", ["cameo_codes.tsv"])


@ontologies.register("detente.plover.v1", aliases=("plover",))
def plover_ontology_v1(**_options: Any) -> OntologyData:
    """The bundled PLOVER tables (16 POLECAT types, modes, 0.5b1 names)."""
    return _read_bundled(
        "ontology", ["plover_types.tsv", "plover_modes.tsv", "plover_legacy_names.tsv"]
    )


@ontologies.register("detente.quadclass.v1", aliases=("quadclass",))
def quadclass_ontology_v1(**_options: Any) -> OntologyData:
    """Every bundled QuadClass mapping (``data/quadclass/*.tsv``)."""
    data = OntologyData()
    for path in loaders.bundled_files("quadclass", suffixes=(".tsv",)):
        data.extend(read_ontology_file(path))
    return data


def _where(record: dict[str, Any]) -> str:
    return f"{record.get('_origin', '?')}:{record.get('_line', '?')}"


def _float(record: dict[str, Any], key: str) -> float:
    try:
        return float(record[key])
    except ValueError as e:
        raise DataFileError(
            f"column {key!r} must be a number, found {record[key]!r}",
            path=record.get("_origin"),
            line=record.get("_line"),
        ) from e


def _check_code(code: str, record: dict[str, Any]) -> None:
    if not _CODE_RE.match(code):
        raise DataFileError(
            f"{code!r} is not a CAMEO event code; codes are 2-4 digits starting "
            "with a root 01-20, written as text with the leading zero ('042')",
            path=record.get("_origin"),
            line=record.get("_line"),
        )


class Ontology:
    """The merged CAMEO, PLOVER and QuadClass tables.

    Build one with :func:`get_ontology` (cached) or from
    :class:`OntologyData` parts; later parts add to or override earlier ones.

    Parameters
    ----------
    parts:
        Tables in load order (built-ins first, then the user's).
    """

    def __init__(self, parts: Sequence[OntologyData]) -> None:
        self._codes: dict[str, CameoCode] = {}
        self._types: dict[str, PloverType] = {}
        self._legacy: dict[str, dict[str, str]] = {}
        self._mappings: dict[str, QuadClassMapping] = {}
        self.files: list[str] = []
        for part in parts:
            self._add(part)
        self._check()

    # -- building -----------------------------------------------------------

    def _add(self, part: OntologyData) -> None:
        self.files.extend(part.files)
        for record in part.cameo:
            self._add_code(record)
        for record in part.plover_types:
            name = record["type"].upper()
            old = self._types.get(name)
            quad = record.get("quad", "")
            self._types[name] = PloverType(
                name=name,
                description=record.get("description", "")
                or (old.description if old else ""),
                modes=old.modes if old else (),
                quad=int(quad) if quad else (old.quad if old else 0),
                default_cameo=record.get("default_cameo", "")
                or (old.default_cameo if old else ""),
                origin=_where(record),
            )
        for record in part.plover_modes:
            name = record["type"].upper()
            old = self._types.get(name) or PloverType(name=name, description="")
            mode = PloverMode(record.get("mode", ""), record.get("description", ""))
            self._types[name] = replace(old, modes=(*old.modes, mode))
        for record in part.legacy_names:
            self._legacy[record["legacy_name"].upper()] = {
                "current_name": record["current_name"].upper(),
                "current_mode": record.get("current_mode", ""),
                "default_cameo": record.get("default_cameo", ""),
                "note": record.get("note", ""),
            }
        for name, records in part.quad_mappings.items():
            classes: dict[str, int] = {}
            labels: dict[str, str] = {}
            for record in records:
                root = record["root"].zfill(2)
                try:
                    classes[root] = int(record["quad_class"])
                except ValueError as e:
                    raise DataFileError(
                        f"quad_class must be an integer, found {record['quad_class']!r}",
                        path=record.get("_origin"),
                        line=record.get("_line"),
                    ) from e
                labels[root] = record.get("label", "")
            origin = records[0]["_origin"] if records else ""
            self._mappings[name] = QuadClassMapping(name, classes, labels, origin)

    def _add_code(self, record: dict[str, Any]) -> None:
        code = record["code"]
        _check_code(code, record)
        base = self._codes.get(code)
        if base is None:
            parent = code[:3] if len(code) > 3 else code[:2] if len(code) == 3 else None
            base = self._codes.get(parent) if parent else None
            inherited = "parent:" + parent if base is not None and parent else ""
        else:
            inherited = ""

        def pick(key: str, default: str = "") -> str:
            value = record.get(key, "")
            if value:
                return str(value)
            return str(getattr(base, key)) if base is not None else default

        goldstein_text = record.get("goldstein", "")
        if goldstein_text:
            goldstein = _float(record, "goldstein")
            goldstein_source = record.get("goldstein_source", "") or "file"
        elif base is not None:
            goldstein = base.goldstein
            goldstein_source = inherited or base.goldstein_source
        else:
            raise DataFileError(
                f"CAMEO code {code!r} has no goldstein value and no known parent "
                "code to take it from; add a goldstein column value",
                path=record.get("_origin"),
                line=record.get("_line"),
            )
        plover_source = record.get("plover_source", "")
        if not record.get("plover_type") and base is not None:
            plover_source = inherited or base.plover_source
        self._codes[code] = CameoCode(
            code=code,
            name=pick("name"),
            root=code[:2],
            goldstein=goldstein,
            description=pick("description"),
            plover_type=pick("plover_type").upper(),
            plover_mode=pick("plover_mode"),
            plover_context=pick("plover_context"),
            goldstein_source=goldstein_source,
            plover_source=plover_source or "file",
            origin=_where(record),
        )

    def _check(self) -> None:
        for code in self._codes.values():
            if code.plover_type and code.plover_type not in self._types and self._types:
                raise DataFileError(
                    f"CAMEO code {code.code} names PLOVER type {code.plover_type!r}, "
                    f"which no PLOVER table defines; known: {', '.join(self._types)}",
                    path=code.origin.rsplit(":", 1)[0],
                )

    # -- CAMEO --------------------------------------------------------------

    def cameo(self, code: str) -> CameoCode:
        """Return the entry of a CAMEO event code such as ``"042"``.

        Raises
        ------
        OntologyError
            For a code the tables do not hold (the message suggests the
            nearest known parent code).
        """
        if not isinstance(code, str):
            raise OntologyError(
                f"CAMEO codes are strings with their leading zero ('042'), got "
                f"{type(code).__name__} {code!r}"
            )
        entry = self._codes.get(code.strip())
        if entry is None:
            raise OntologyError(self._unknown_code_message(code))
        return entry

    def _unknown_code_message(self, code: str) -> str:
        hint = "see `detente explain <root>` for the codes of a root"
        text = code.strip()
        if text.isdigit() and len(text) <= 3 and "0" + text in self._codes:
            hint = f"did you mean {'0' + text!r}? CAMEO codes keep their leading zero"
        elif not _CODE_RE.match(text):
            hint = (
                "CAMEO codes are 2-4 digit strings whose first two digits are a "
                f"root 01-20 ('042', '1711'); {hint}"
            )
        else:
            for size in (3, 2):
                if len(text) > size and text[:size] in self._codes:
                    hint = (
                        f"the nearest known code is {text[:size]!r} "
                        f"({self._codes[text[:size]].name}); {hint}"
                    )
                    break
        return f"unknown CAMEO event code {code!r}; {hint}"

    def cameo_codes(self) -> list[CameoCode]:
        """Every CAMEO code, sorted (roots before their sub-codes)."""
        return [self._codes[c] for c in sorted(self._codes)]

    def is_cameo(self, code: object) -> bool:
        """True when ``code`` is a known CAMEO event code (a string)."""
        return isinstance(code, str) and code.strip() in self._codes

    def root_of(self, code: str) -> str:
        """The two-digit root of a known CAMEO code (``"1711"`` -> ``"17"``)."""
        return self.cameo(code).root

    def roots(self) -> list[CameoCode]:
        """The 20 root codes ``"01"`` ... ``"20"``."""
        return [c for c in self.cameo_codes() if c.is_root]

    def children(self, code: str) -> list[CameoCode]:
        """The codes directly below ``code``."""
        self.cameo(code)
        return [
            c
            for c in self.cameo_codes()
            if c.code != code and c.code.startswith(code) and c.parent == code
        ]

    def goldstein(self, code: str) -> float:
        """The Goldstein score of a CAMEO code."""
        return self.cameo(code).goldstein

    # -- QuadClass ----------------------------------------------------------

    def quad_class_mappings(self) -> list[str]:
        """Names of the loaded QuadClass mappings (``"gdelt.v1"``, ...)."""
        return sorted(self._mappings)

    def quad_class_mapping(self, mapping: str | None = None) -> QuadClassMapping:
        """Return a QuadClass mapping by name (default: the setting)."""
        name = mapping or str(get_setting("quad_class_mapping"))
        try:
            return self._mappings[name]
        except KeyError as e:
            raise OntologyError(
                f"unknown QuadClass mapping {name!r}; known: "
                f"{', '.join(self.quad_class_mappings())} (set DETENTE_QUAD_CLASS_MAPPING "
                "or add a root/quad_class/label file named <name>.tsv)"
            ) from e

    def quad_class(self, code: str, mapping: str | None = None) -> int:
        """The QuadClass of a CAMEO code under ``mapping`` (default: setting).

        Examples
        --------
        >>> get_ontology().quad_class("010", "phoenix.v1")
        0
        """
        table = self.quad_class_mapping(mapping)
        root = self.root_of(code)
        try:
            return table.classes[root]
        except KeyError as e:
            raise OntologyError(
                f"QuadClass mapping {table.name!r} ({table.origin}) has no row for "
                f"root {root!r}; add one"
            ) from e

    def quad_class_label(self, code: str, mapping: str | None = None) -> str:
        """The label of :meth:`quad_class` (``"Material Conflict"``)."""
        table = self.quad_class_mapping(mapping)
        self.quad_class(code, table.name)
        return table.labels.get(self.root_of(code), "")

    # -- PLOVER -------------------------------------------------------------

    def current_plover_name(self, name: str) -> str:
        """Map a PLOVER type name (any case, 0.5b1 names too) to its current name.

        Raises
        ------
        OntologyError
            For a name that is neither a current nor a legacy PLOVER type.
        """
        key = name.strip().upper()
        if key in self._types:
            return key
        if key in self._legacy:
            return self._legacy[key]["current_name"]
        raise OntologyError(
            f"unknown PLOVER event type {name!r}; known: {', '.join(self._types)} "
            f"(and the PLOVER 0.5b1 names {', '.join(sorted(self._legacy))})"
        )

    def legacy_plover_names(self) -> dict[str, str]:
        """PLOVER 0.5b1 name -> current name."""
        return {k: v["current_name"] for k, v in sorted(self._legacy.items())}

    def plover_type(self, name: str) -> PloverType:
        """Return a PLOVER type by current or legacy name (``"FIGHT"`` -> ASSAULT)."""
        return self._types[self.current_plover_name(name)]

    def plover_types(self) -> list[PloverType]:
        """The PLOVER types, in codebook order."""
        return list(self._types.values())

    def default_cameo_for_plover(self, name: str) -> str:
        """The CAMEO code given to an event that only has a PLOVER type.

        A legacy name may carry its own default (``DISAPPROVE`` -> ``"110"``);
        otherwise the current type's ``default_cameo`` is used.
        """
        legacy = self._legacy.get(name.strip().upper())
        if legacy and legacy["default_cameo"]:
            return legacy["default_cameo"]
        plover = self.plover_type(name)
        if not plover.default_cameo:
            raise OntologyError(
                f"PLOVER type {plover.name} has no default_cameo in {plover.origin}; "
                "add one to its row"
            )
        return plover.default_cameo

    def cameo_codes_for_plover(self, name: str) -> list[CameoCode]:
        """The CAMEO codes whose PLOVER type is ``name``."""
        current = self.current_plover_name(name)
        return [c for c in self.cameo_codes() if c.plover_type == current]

    # -- explain ------------------------------------------------------------

    def explain(self, term: str) -> dict[str, Any]:
        """Describe a CAMEO code or root, a PLOVER type or a QuadClass mapping.

        Parameters
        ----------
        term:
            ``"190"``, ``"19"``, ``"ASSAULT"`` (or a 0.5b1 name such as
            ``"FIGHT"``), or a mapping name such as ``"gdelt.v1"``.

        Returns
        -------
        dict
            JSON-serialisable; ``kind`` is ``"cameo_code"``, ``"cameo_root"``,
            ``"plover_type"`` or ``"quad_class_mapping"``.

        Raises
        ------
        OntologyError
            When the term is none of these.
        """
        text = term.strip()
        if text in self._mappings:
            return self._explain_mapping(self._mappings[text])
        if text.isdigit():
            return self._explain_code(self.cameo(text))
        key = text.upper()
        if key in self._types or key in self._legacy:
            return self._explain_plover(key)
        raise OntologyError(
            f"cannot explain {term!r}: it is not a CAMEO code (e.g. '190'), a PLOVER "
            f"type (e.g. 'ASSAULT') or a QuadClass mapping "
            f"({', '.join(self.quad_class_mappings())})"
        )

    def _explain_code(self, entry: CameoCode) -> dict[str, Any]:
        root = self._codes.get(entry.root)
        result: dict[str, Any] = {
            "kind": "cameo_root" if entry.is_root else "cameo_code",
            "code": entry.code,
            "name": entry.name,
            "root": entry.root,
            "root_name": root.name if root else "",
            "parent": entry.parent,
            "goldstein": entry.goldstein,
            "goldstein_source": entry.goldstein_source,
            "description": entry.description,
            "plover_type": entry.plover_type,
            "plover_mode": entry.plover_mode,
            "plover_context": entry.plover_context,
            "plover_source": entry.plover_source,
            "quad_class": {
                name: {
                    "quad_class": table.classes.get(entry.root),
                    "label": table.labels.get(entry.root, ""),
                }
                for name, table in sorted(self._mappings.items())
            },
            "children": [
                {"code": c.code, "name": c.name, "goldstein": c.goldstein}
                for c in self.children(entry.code)
            ],
            "origin": entry.origin,
        }
        return result

    def _explain_plover(self, key: str) -> dict[str, Any]:
        plover = self.plover_type(key)
        legacy = self._legacy.get(key)
        modes: dict[str, list[str]] = {}
        for mode in plover.modes:
            modes.setdefault(mode.name, []).append(mode.description)
        return {
            "kind": "plover_type",
            "name": plover.name,
            "asked": key,
            "legacy": (
                {
                    "name": key,
                    "current_mode": legacy["current_mode"],
                    "note": legacy["note"],
                }
                if legacy
                else None
            ),
            "description": plover.description,
            "quad": plover.quad,
            "default_cameo": self.default_cameo_for_plover(key),
            "modes": [
                {"mode": name, "descriptions": text} for name, text in modes.items()
            ],
            "cameo_codes": [c.code for c in self.cameo_codes_for_plover(plover.name)],
            "legacy_names": sorted(
                k for k, v in self._legacy.items() if v["current_name"] == plover.name
            ),
            "origin": plover.origin,
        }

    def _explain_mapping(self, table: QuadClassMapping) -> dict[str, Any]:
        classes: dict[int, dict[str, Any]] = {}
        for root in sorted(table.classes):
            quad = table.classes[root]
            entry = classes.setdefault(
                quad, {"quad_class": quad, "label": "", "roots": []}
            )
            entry["label"] = entry["label"] or table.labels.get(root, "")
            entry["roots"].append(root)
        return {
            "kind": "quad_class_mapping",
            "name": table.name,
            "default": table.name == get_setting("quad_class_mapping"),
            "classes": [classes[q] for q in sorted(classes)],
            "roots": {
                root: {
                    "quad_class": table.classes[root],
                    "root_name": self._codes[root].name if root in self._codes else "",
                }
                for root in sorted(table.classes)
            },
            "origin": table.origin,
        }


@functools.lru_cache(maxsize=16)
def _cached_ontology(names: tuple[str, ...], user_files: tuple[str, ...]) -> Ontology:
    parts: list[OntologyData] = []
    for name in names:
        factory: Callable[..., OntologyData] = ontologies.get(name)
        parts.append(factory())
    for path in user_files:
        parts.append(read_ontology_file(Path(path)))
    logger.debug("ontology loaded from %s", [f for p in parts for f in p.files])
    return Ontology(parts)


def get_ontology(
    *,
    user_files: Sequence[str | Path] = (),
    names: Sequence[str] = DEFAULT_ONTOLOGIES,
) -> Ontology:
    """Return the ontology: the registered tables plus the user's files.

    Built once per process for the same arguments (edit a user file, then
    call :func:`clear_cache` to reload it).

    Parameters
    ----------
    user_files:
        Extra TSV/CSV files in the format of the bundled tables; they add
        codes, types or mappings, and override rows with the same key.
    names:
        Registry names of the ontology tables to load (see
        :data:`DEFAULT_ONTOLOGIES`).

    Returns
    -------
    Ontology
    """
    return _cached_ontology(tuple(names), tuple(str(p) for p in user_files))


def clear_cache() -> None:
    """Forget ontologies built by :func:`get_ontology`."""
    _cached_ontology.cache_clear()


def explain(term: str, *, user_files: Sequence[str | Path] = ()) -> dict[str, Any]:
    """Describe a CAMEO code or root, a PLOVER type or a QuadClass mapping.

    The function behind ``detente explain``; see :meth:`Ontology.explain`.

    Examples
    --------
    >>> explain("190")["plover_type"]
    'ASSAULT'
    """
    return get_ontology(user_files=user_files).explain(term)
