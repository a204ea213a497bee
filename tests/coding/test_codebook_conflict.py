"""Conflictual CAMEO roots 10-20 on wire-news phrasings (``detente_codebook_conflict.tsv``).

Each sentence is our own, written from the CAMEO 1.1b3 definitions and usage
notes of the ICEWS code table, and is coded differently (or not at all)
without the ``cb:`` rows of ``detente/data/lexicon/detente_codebook_conflict.tsv``.
The whole pipeline runs (actor resolver included), so the assertions are on
the source and target countries.
"""

from __future__ import annotations

import pytest

from detente.pipeline import Pipeline

from .conftest import country_triples


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.default()


def _coded(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return country_triples(text, pipeline=pipeline)


CASES = [
    # 10: demand
    pytest.param(
        "The opposition demanded a new constitution from the government of Zimbabwe.",
        ("ZWE", "ZWE", "1044"),
        id="1044 demand a new constitution",
    ),
    pytest.param(
        "The United Nations demanded access to the camps from Syria.",
        ("IGO", "SYR", "1055"),
        id="1055 demand access",
    ),
    pytest.param(
        "The United States pressured South Korea into paying more for the troops.",
        ("USA", "KOR", "100"),
        id="100 pressure X into",
    ),
    # 11: disapprove
    pytest.param(
        "The United States rallied its allies against Iran.",
        ("USA", "IRN", "113"),
        id="113 rally allies against",
    ),
    pytest.param(
        "India accused Pakistan of ceasefire violations.",
        ("IND", "PAK", "1123"),
        id="1123 accuse of ceasefire violations",
    ),
    pytest.param(
        "Azerbaijan blamed Armenia for the shelling.",
        ("AZE", "ARM", "1123"),
        id="1123 blame for shelling",
    ),
    pytest.param(
        "The International Court of Justice ruled against Serbia.",
        ("IGO", "SRB", "116"),
        id="116 court rules against",
    ),
    # 12: reject
    pytest.param(
        "North Korea brushed aside demands from the United States.",
        ("PRK", "USA", "120"),
        id="120 brush aside demands",
    ),
    pytest.param(
        "Iran shrugged off calls from France for talks.",
        ("IRN", "FRA", "120"),
        id="120 shrug off calls",
    ),
    pytest.param(
        "Maduro is clinging to power despite pressure from the United States.",
        ("VEN", "USA", "1231"),
        id="1231 cling to power",
    ),
    pytest.param(
        "Myanmar denied access to United Nations investigators.",
        ("MMR", "IGO", "1245"),
        id="1245 deny access",
    ),
    pytest.param(
        "Syria barred United Nations inspectors from entering the site.",
        ("SYR", "IGO", "1245"),
        id="1245 bar inspectors (PETRARCH2 gave 160)",
    ),
    # 13: threaten (the wrapper recodes the new inner rows)
    pytest.param(
        "Beijing threatened to crush the protests in Hong Kong.",
        ("CHN", "HKG", "137"),
        id="137 threaten to crush protests",
    ),
    pytest.param(
        "China threatened to use force against Taiwan.",
        ("CHN", "TWN", "1384"),
        id="1384 threaten to use force",
    ),
    # 14: protest
    pytest.param(
        "Iranian protesters stormed the British embassy.",
        ("IRN", "GBR", "145"),
        id="145 storm an embassy (was 190)",
    ),
    # 15: force posture
    pytest.param(
        "Israeli troops remained on high alert along the border with Lebanon.",
        ("ISR", "LBN", "152"),
        id="152 remain on high alert",
    ),
    pytest.param(
        "China flexed its military muscle near Taiwan.",
        ("CHN", "TWN", "150"),
        id="150 flex military muscle",
    ),
    # 16: reduce relations
    pytest.param(
        "Eritrea expelled United Nations staff.",
        ("ERI", "IGO", "166"),
        id="166 expel UN staff (was 174)",
    ),
    pytest.param(
        "Mali kicked out United Nations peacekeepers.",
        ("MLI", "IGO", "1661"),
        id="1661 kick out peacekeepers",
    ),
    pytest.param(
        "The government of Burundi forced the American aid agency out of the country.",
        ("BDI", "USA", "1663"),
        id="1663 force an aid agency out",
    ),
    pytest.param(
        "Venezuela kicked out the U.S. ambassador.",
        ("VEN", "USA", "161"),
        id="161 kick out the ambassador",
    ),
    # 17: coerce
    pytest.param(
        "Thailand banned the former prime minister from politics.",
        ("THA", "THA", "1722"),
        id="1722 ban from politics",
    ),
    pytest.param(
        "Egypt shut down Al Jazeera's bureau in Cairo.",
        ("EGY", "QAT", "1721"),
        id="1721 shut down a bureau",
    ),
    pytest.param(
        "Russian riot police broke up a rally by opposition supporters in Moscow.",
        ("RUS", "RUS", "175"),
        id="175 break up a rally",
    ),
    pytest.param(
        "Iranian police used force against protesters in Tehran.",
        ("IRN", "IRN", "175"),
        id="175 use force against protesters",
    ),
    pytest.param(
        "Israel seized Palestinian land in the West Bank.",
        ("ISR", "PSE", "1711"),
        id="1711 seize land (PETRARCH2 gave 192)",
    ),
    # 19: conventional force
    pytest.param(
        "Israel reimposed a blockade on Gaza.",
        ("ISR", "PSE", "191"),
        id="191 reimpose a blockade (PETRARCH2 gave 170)",
    ),
    pytest.param(
        "Israeli troops sealed off the Gaza Strip.",
        ("ISR", "PSE", "191"),
        id="191 seal off",
    ),
    pytest.param(
        "Russian forces laid siege to Mariupol in Ukraine.",
        ("RUS", "UKR", "191"),
        id="191 lay siege to",
    ),
    pytest.param(
        "Russia used military force against Georgia.",
        ("RUS", "GEO", "190"),
        id="190 use military force against",
    ),
    # 20: mass violence
    pytest.param(
        "Myanmar's army forced out thousands of Rohingya refugees.",
        ("MMR", "MMR", "201"),
        id="201 force out thousands",
    ),
    pytest.param(
        "Myanmar drove hundreds of thousands of Rohingya from their homes.",
        ("MMR", "MMR", "201"),
        id="201 drive from their homes",
    ),
    pytest.param(
        "Syrian forces attacked Aleppo with chlorine.",
        ("SYR", "SYR", "2041"),
        id="2041 attack with chlorine",
    ),
]


@pytest.mark.parametrize(("text", "event"), CASES)
def test_codebook_conflict_phrasing(
    pipeline: Pipeline, text: str, event: tuple[str, str, str]
) -> None:
    assert event in _coded(pipeline, text)


def test_codebook_conflict_rows_are_prefixed() -> None:
    """Every row of the file carries the ``cb:`` prefix (ids are global)."""
    from detente._coding_internals.lexicon import load_lexicon

    ours = [
        p
        for p in load_lexicon().patterns
        if "detente_codebook_conflict.tsv" in p.origin
    ]
    assert ours
    assert all(p.id.startswith("cb:") for p in ours)
