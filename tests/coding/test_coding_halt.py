"""Governing verbs that stop an act (wrappers.tsv class ``halt``).

"Suspended aid" is not aid but a reduction of relations (16x); "ended the
offensive" is not force but de-escalation (08x). Sentences are our own.
"""

from __future__ import annotations

import pytest

from detente.api import code_text


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Japan stopped providing aid to Myanmar.",
            ("JPN", "MMR", "162"),
            id="halt + verb complement",
        ),
        pytest.param(
            "Israel halted the blockade of Gaza.",
            ("ISR", "PSE", "0872"),
            id="halt + act noun (wrapper x act pattern)",
        ),
        pytest.param(
            "Russia ended its offensive against Ukraine.",
            ("RUS", "UKR", "087"),
            id="halt + event noun with a possessive source",
        ),
        pytest.param(
            "The UN reduced food supplies to Cambodian refugees.",
            ("IGO", "KHM", "1623"),
            id="halt + event noun, source from the verb",
        ),
    ],
)
def test_halting_an_act_is_coded_as_its_reduction(text, triple):
    found = {
        (e.source_country, e.target_country, e.cameo_code)
        for e in code_text(text)
        if not e.negated
    }
    assert triple in found, found
    assert not any(code[:2] in {"07", "19"} for *_, code in found), found
