"""QuadClass: the coder's mapping is kept; another mapping can be applied and is recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.store import Store

from .factories import make_article


@pytest.fixture
def protest_store(store: Store) -> Store:
    # CAMEO root 14 (protest) is verbal conflict for GDELT, material for ICEWS/Phoenix.
    store.add_article(
        make_article(
            "q1",
            dt.date(2024, 5, 1),
            [
                ("UKRMIL", "RUSGOV", "140", "2024-05-01"),
                ("CHNGOV", "RUSGOV", "040", "2024-05-01"),
            ],
        )
    )
    return store


@pytest.mark.parametrize(
    ("mapping", "protest", "consult"),
    [("gdelt.v1", 3, 1), ("icews.v1", 4, 1), ("phoenix.v1", 4, 1)],
    ids=["gdelt", "icews", "phoenix"],
)
def test_store_quad_class_mapping_is_applied_and_recorded(
    protest_store: Store, mapping: str, protest: int, consult: int
):
    frame = protest_store.events_frame(quad_class_mapping=mapping)
    by_code = dict(zip(frame.cameo_code, frame.quad_class, strict=True))
    assert by_code == {"140": protest, "040": consult}
    assert set(frame.quad_class_mapping) == {mapping}


def test_store_quad_class_default_keeps_the_coders_value(protest_store: Store):
    frame = protest_store.events_frame()
    assert set(frame.quad_class_mapping) == {"gdelt.v1"}
    assert frame.quad_class.dtype == "int64"


def test_store_unknown_quad_class_mapping_is_an_error(protest_store: Store):
    with pytest.raises(Exception, match="nosuch.v1"):
        protest_store.events_frame(quad_class_mapping="nosuch.v1")
