"""Non-state groups, NGOs and companies imported from PETRARCH2 (phoenix_groups.tsv,
phoenix_international.tsv; built by scripts/build_phoenix_groups.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import ActorDictionary

DATE = dt.date(2001, 3, 12)


def _codes(resolver, text, needle):
    mentions = resolver.resolve_text(text, date=DATE)
    start = text.index(needle)
    end = start + len(needle)
    return sorted(
        m.actor.code for m in mentions if m.actor and m.start < end and start < m.end
    )


@pytest.mark.parametrize(
    ("text", "needle", "codes"),
    [
        pytest.param(
            "The Revolutionary United Front signed the accord in Lome.",
            "Revolutionary United Front",
            ["WAFREB"],
            id="militant group by name",
        ),
        pytest.param(
            "RUF fighters seized the diamond fields.",
            "RUF",
            ["WAFREB"],
            id="militant group by acronym",
        ),
        pytest.param(
            "A spokesman said the Abu Nidal Organization had split.",
            "Abu Nidal Organization",
            ["IMGMUSALQ"],
            id="transnational group keeps its IMG code",
        ),
        pytest.param(
            "Oxfam warned that aid convoys were blocked.",
            "Oxfam",
            ["NGOXFM"],
            id="NGO",
        ),
        pytest.param(
            "ETA claimed the bombing in Madrid.",
            "ETA",
            ["ESPREB"],
            id="acronym in capitals",
        ),
    ],
)
def test_actors_phoenix_groups_resolve(resolver, text, needle, codes):
    assert _codes(resolver, text, needle) == codes


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        pytest.param("The ship's eta was pushed back to Monday.", "eta", id="eta"),
        pytest.param("Their ruf estimate was wrong.", "ruf", id="ruf"),
    ],
)
def test_actors_phoenix_groups_acronym_needs_capitals(resolver, text, needle):
    assert _codes(resolver, text, needle) == []


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        pytest.param("NATO", "IGONATO", id="NATO (PETRARCH: IGOWSTNAT)"),
        pytest.param(
            "North Atlantic Treaty Organization", "IGONATO", id="NATO in full"
        ),
        pytest.param("Amnesty International", "NGOAMN", id="Amnesty International"),
        pytest.param("Human Rights Watch", "NGOHRW", id="Human Rights Watch"),
        pytest.param("Hezbollah", "LBNREB", id="Hezbollah"),
    ],
)
def test_actors_phoenix_groups_hand_written_entry_wins(dictionary, name, code):
    best = dictionary.ranked(name)[0]
    assert best.code == code
    assert best.priority > 0, f"{name} resolved to the generated entry {best.id}"


def test_actors_phoenix_groups_kinds_and_countries(dictionary):
    group = dictionary.entries["tops:revolutionary-united-front"]
    assert (group.kind, group.country) == ("organisation", "WAF")
    igo = dictionary.lookup("Intergovernmental Panel on Climate Change")[0]
    assert (igo.kind, igo.country) == ("igo", "IGO")
    company = dictionary.lookup("Halliburton")[0]
    assert company.country == "MNC"


def test_actors_phoenix_groups_no_name_shadows_a_curated_entry(dictionary):
    """A generated group never shares a name with a hand-written entry."""
    for key, ids in dictionary.by_alias.items():
        entries = [dictionary.entries[i] for i in ids]
        generated = [e for e in entries if e.id.startswith(("tops:", "phoenix-intl:"))]
        if generated:
            assert len(generated) == len(entries), (key, ids)
