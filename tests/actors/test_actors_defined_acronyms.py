"""An acronym the text defines in parentheses belongs to the name before it.

"Forces for Defence of Democracy (FDD)" is a Burundian rebel group, not the
dictionary's FDD (a US think tank). Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

DATE = dt.date(2003, 5, 1)


def _codes(resolver, text, needle):
    mentions = resolver.resolve_text(text, date=DATE)
    start = text.index(needle)
    end = start + len(needle)
    return sorted(
        m.actor.code for m in mentions if m.actor and m.start < end and start < m.end
    )


def test_acronym_defined_for_an_unknown_name_is_not_the_dictionary_entry(resolver):
    text = "Forces for Defence of Democracy (FDD) fighters attacked a village."
    assert not any(code.startswith("USA") for code in _codes(resolver, text, "FDD"))


def test_acronym_after_a_name_with_filler_words_is_recognised(resolver):
    text = "The Front for the Defence of Democracy (FDD) met on Sunday."
    assert not any(code.startswith("USA") for code in _codes(resolver, text, "FDD"))


@pytest.mark.parametrize(
    ("text", "needle", "code"),
    [
        pytest.param(
            "The North Atlantic Treaty Organization (NATO) warned Russia.",
            "North Atlantic",
            "IGONATO",
            id="known name with its acronym",
        ),
        pytest.param(
            "Ministers from NATO (the alliance) met in Brussels.",
            "NATO",
            "IGONATO",
            id="an acronym outside parentheses",
        ),
    ],
)
def test_known_acronyms_still_resolve(resolver, text, needle, code):
    assert code in _codes(resolver, text, needle)
