"""Country names added by hand (countries_extra.tsv) resolve to their country."""

from __future__ import annotations

import pytest

from detente.actors import ActorDictionary


@pytest.mark.parametrize(
    ("name", "code"),
    [("Northern Ireland", "GBR"), ("Ulster", "GBR"), ("the Emirates", "ARE")],
)
def test_hand_written_country_names(name, code):
    assert [a.code for a in ActorDictionary.load().lookup(name)][:1] == [code]
