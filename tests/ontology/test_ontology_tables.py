"""The bundled CAMEO / PLOVER / QuadClass tables hold the facts of their sources."""

from __future__ import annotations

import pytest

from detente.errors import OntologyError
from detente.ontology import get_ontology
from detente.registry import ontologies


@pytest.fixture(scope="module")
def ontology():
    return get_ontology()


def test_ontology_counts(ontology):
    codes = ontology.cameo_codes()
    assert len(codes) >= 280
    assert [c.code for c in ontology.roots()] == [f"{n:02d}" for n in range(1, 21)]
    assert len(ontology.plover_types()) == 16


def test_every_code_is_a_string_with_its_root(ontology):
    for code in ontology.cameo_codes():
        assert isinstance(code.code, str)
        assert code.root == code.code[:2]
        assert -10.0 <= code.goldstein <= 10.0


def test_builtins_are_registered():
    for name in ("detente.cameo.v1", "detente.plover.v1", "detente.quadclass.v1"):
        assert name in ontologies


@pytest.mark.parametrize(
    ("code", "goldstein", "plover_type"),
    [
        pytest.param("042", 1.9, "CONSULT", id="042 make a visit"),
        pytest.param("163", -8.0, "COERCE", id="163 embargo (CAMEO2PLOVER: COERCE)"),
        pytest.param("190", -10.0, "ASSAULT", id="190 conventional force"),
        pytest.param("1711", -9.2, "COERCE", id="1711 confiscate property"),
        pytest.param("0211", 3.4, "REQUEST", id="0211 appeal -> REQUEST"),
        pytest.param("013", 0.4, "", id="013 statement has no PLOVER type"),
        pytest.param("176", -7.0, "COERCE", id="176 cyber attack (CAMEO 1.1b3)"),
        pytest.param("1952", -10.0, "ASSAULT", id="1952 drone strike (CAMEO 1.1b3)"),
    ],
)
def test_known_codes(ontology, code, goldstein, plover_type):
    entry = ontology.cameo(code)
    assert entry.goldstein == goldstein
    assert entry.plover_type == plover_type


def test_code_without_own_goldstein_takes_parents(ontology):
    entry = ontology.cameo("1213")
    assert entry.goldstein == ontology.cameo("121").goldstein
    assert entry.goldstein_source == "parent:121"


@pytest.mark.parametrize(
    ("code", "mapping", "quad"),
    [
        pytest.param("163", "gdelt.v1", 4, id="163 gdelt material conflict"),
        pytest.param("042", "gdelt.v1", 1, id="042 gdelt verbal cooperation"),
        pytest.param("090", "gdelt.v1", 2, id="09 gdelt material cooperation"),
        pytest.param("090", "icews.v1", 3, id="09 icews verbal conflict"),
        pytest.param("141", "icews.v1", 4, id="14 icews material conflict"),
        pytest.param("010", "phoenix.v1", 0, id="01 phoenix neutral"),
        pytest.param("0211", "phoenix.v1", 0, id="02 phoenix neutral"),
        pytest.param("160", "phoenix.v1", 3, id="16 phoenix verbal conflict"),
    ],
)
def test_quad_class_mappings(ontology, code, mapping, quad):
    assert ontology.quad_class(code, mapping) == quad


def test_quad_class_default_mapping_is_the_setting(ontology, monkeypatch):
    assert ontology.quad_class("010") == 1
    monkeypatch.setenv("DETENTE_QUAD_CLASS_MAPPING", "phoenix.v1")
    assert ontology.quad_class("010") == 0


def test_mapping_names(ontology):
    assert ontology.quad_class_mappings() == ["gdelt.v1", "icews.v1", "phoenix.v1"]


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        pytest.param("999", "root 01-20", id="bad root"),
        pytest.param("42", "'042'", id="missing leading zero"),
        pytest.param("1719", "'171'", id="unknown sub-code"),
    ],
)
def test_unknown_code_raises_with_hint(ontology, code, fragment):
    with pytest.raises(OntologyError, match="unknown CAMEO event code") as info:
        ontology.cameo(code)
    assert fragment in str(info.value)
    assert not ontology.is_cameo(code)


def test_int_code_is_refused(ontology):
    with pytest.raises(OntologyError, match="strings"):
        ontology.cameo(42)  # type: ignore[arg-type]


def test_unknown_mapping_raises(ontology):
    with pytest.raises(OntologyError, match="gdelt.v1"):
        ontology.quad_class("042", "nosuch.v9")


@pytest.mark.parametrize(
    ("legacy", "current"),
    [
        pytest.param("DEMAND", "REQUEST", id="DEMAND"),
        pytest.param("DISAPPROVE", "ACCUSE", id="DISAPPROVE"),
        pytest.param("INVESTIGATE", "ACCUSE", id="INVESTIGATE"),
        pytest.param("fight", "ASSAULT", id="fight lower case"),
        pytest.param("ASSAULT", "ASSAULT", id="current name"),
    ],
)
def test_legacy_plover_names(ontology, legacy, current):
    assert ontology.current_plover_name(legacy) == current
    assert ontology.plover_type(legacy).name == current


def test_unknown_plover_type(ontology):
    with pytest.raises(OntologyError, match="unknown PLOVER event type"):
        ontology.plover_type("FROWN")


def test_default_cameo_for_every_plover_type(ontology):
    for plover in ontology.plover_types():
        code = ontology.default_cameo_for_plover(plover.name)
        assert ontology.is_cameo(code)
    assert ontology.default_cameo_for_plover("ASSAULT") == "190"
    assert ontology.default_cameo_for_plover("DISAPPROVE") == "110"


def test_plover_types_have_modes(ontology):
    assert "visit" in ontology.plover_type("CONSULT").mode_names
    assert all(p.description for p in ontology.plover_types())


def test_cameo_plover_types_are_known(ontology):
    names = {p.name for p in ontology.plover_types()}
    assert {c.plover_type for c in ontology.cameo_codes()} - {""} <= names
