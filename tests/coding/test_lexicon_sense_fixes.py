"""Sub-codes set by the wording of a pattern's object (a codebook audit's fixes).

Each sentence is our own, written from the CAMEO 1.1b3 definitions and usage
notes of the ICEWS code table, and was coded to another code (or not at all)
before the rows of ``detente_verbs.tsv``, ``modality.tsv`` and ``acts.tsv``
it exercises: an exchange of prisoners is mutual (0841 both ways), a pardon is
a release (0841, not 056), restoring relations resumes cooperation (050, not
054), pledged support is policy support (032), the aid pledged, the mediation
accepted, the swap agreed to, the crimes investigated and the strike
threatened set the sub-code. The whole pipeline runs (actor resolver
included), so the assertions are on the source and target countries.
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


FIXED = [
    # an exchange of prisoners releases on both sides
    pytest.param(
        "Armenia and Azerbaijan exchanged prisoners of war.",
        {("ARM", "AZE", "0841"), ("AZE", "ARM", "0841")},
        id="0841 coordinated sides exchange prisoners",
    ),
    pytest.param(
        "Hungary exchanged detainees with Serbia.",
        {("HUN", "SRB", "0841"), ("SRB", "HUN", "0841")},
        id="0841 exchange detainees with",
    ),
    # appeals for mediation and settlement (modality.tsv)
    pytest.param(
        "The European Union called on Ethiopia to accept mediation by Kenya.",
        {("IGO", "ETH", "028")},
        id="028 call on X to accept mediation",
    ),
    pytest.param(
        "Washington urged India and Pakistan to resolve their border dispute.",
        {("USA", "IND", "027"), ("USA", "PAK", "027")},
        id="027 urge X and Y to resolve a dispute",
    ),
    pytest.param(
        "Ethiopia agreed to accept mediation by the African Union.",
        {("ETH", "IGO", "038")},
        id="038 agree to accept mediation",
    ),
    # whole-verb rows
    pytest.param(
        "Japan expressed deep regret to South Korea for its wartime conduct.",
        {("JPN", "KOR", "055")},
        id="055 express regret for",
    ),
    pytest.param(
        "Lukashenko pardoned a Lithuanian citizen.",
        {("BLR", "LTU", "0841")},
        id="0841 pardon a person",
    ),
    pytest.param(
        "China and Brazil cooperate in the energy sector.",
        {("CHN", "BRA", "061"), ("BRA", "CHN", "061")},
        id="061 cooperate in the energy sector",
    ),
    pytest.param(
        "France and Germany cooperated closely on counterterrorism.",
        {("FRA", "DEU", "062"), ("DEU", "FRA", "062")},
        id="062 cooperate on counterterrorism",
    ),
    pytest.param(
        "Egypt and Iran restored diplomatic ties.",
        {("EGY", "IRN", "050"), ("IRN", "EGY", "050")},
        id="050 restore diplomatic ties",
    ),
    # the object sets the sub-code
    pytest.param(
        "Ethiopia accepted Kenya's mediation offer.",
        {("ETH", "KEN", "038")},
        id="038 accept a mediation offer",
    ),
    pytest.param(
        "Colombia agreed to Cuban mediation.",
        {("COL", "CUB", "038")},
        id="038 agree to mediation",
    ),
    pytest.param(
        "Armenia agreed to a prisoner exchange with Azerbaijan.",
        {("ARM", "AZE", "0353")},
        id="0353 agree to a prisoner exchange",
    ),
    pytest.param(
        "The United Nations launched an investigation into war crimes in Syria.",
        {("IGO", "SYR", "094")},
        id="094 launch an investigation into war crimes",
    ),
    pytest.param(
        "France promised military assistance to Ukraine.",
        {("FRA", "UKR", "0332")},
        id="0332 promise military assistance",
    ),
    pytest.param(
        "Germany pledged humanitarian aid to Turkey.",
        {("DEU", "TUR", "0333")},
        id="0333 pledge humanitarian aid",
    ),
    pytest.param(
        "Germany pledged support for Moldova's bid to join the EU.",
        {("DEU", "MDA", "032")},
        id="032 pledge support for a bid",
    ),
    pytest.param(
        "Saudi Arabia blockaded Qatar's ports.",
        {("SAU", "QAT", "191")},
        id="191 blockade ports",
    ),
    pytest.param(
        "French teachers threatened a nationwide strike against the government.",
        {("FRA", "FRA", "133")},
        id="133 threaten a nationwide strike",
    ),
]


@pytest.mark.parametrize(("text", "events"), FIXED)
def test_lexicon_sense_fix(
    pipeline: Pipeline, text: str, events: set[tuple[str, str, str]]
) -> None:
    assert events <= _coded(pipeline, text)


KEPT = [
    pytest.param(
        "China expressed regret over the Japanese decision.",
        ("CHN", "JPN", "110"),
        id="110 regret over another's decision",
    ),
    pytest.param(
        "Israel and the UAE established diplomatic relations.",
        ("ISR", "ARE", "054"),
        id="054 establish diplomatic relations",
    ),
    pytest.param(
        "North Korea threatened a missile strike against Guam.",
        ("PRK", "GUM", "1384"),
        id="1384 threaten a missile strike",
    ),
]


@pytest.mark.parametrize(("text", "event"), KEPT)
def test_lexicon_sense_neighbours_kept(
    pipeline: Pipeline, text: str, event: tuple[str, str, str]
) -> None:
    """The neighbouring senses the fixes must not take over."""
    assert event in _coded(pipeline, text)
