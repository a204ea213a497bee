"""Codebook pass over CAMEO roots 01-09 (detente_codebook_cooperation.tsv), on sentences of our own.

Each sentence is a common wire-news phrasing of one cooperative CAMEO code that the
lexicon coded wrongly or not at all before the ``cb:`` rows.
"""

from __future__ import annotations

import pytest

from detente._coding_internals.lexicon import bundled_lexicon_files
from detente.data import loaders

from .conftest import country_triples

LEXICON_FILE = "detente_codebook_cooperation.tsv"


@pytest.fixture(scope="module")
def pipeline():
    from detente.pipeline import Pipeline

    return Pipeline.default(
        names=("detente.nlp.v1", "detente.actors.v1", "detente.cameo_coder.v1"),
        embedding_fallback=False,
    )


def _coded(pipeline, text: str) -> set[tuple[str, str, str]]:
    return country_triples(text, pipeline=pipeline)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        pytest.param(
            "Britain is reviewing its arms sales to Saudi Arabia.",
            ("GBR", "SAU", "014"),
            id="review arms sales (014)",
        ),
        pytest.param(
            "Greece asked Germany for closer trade ties.",
            ("GRC", "DEU", "0211"),
            id="ask for trade ties (0211)",
        ),
        pytest.param(
            "Poland asked the United States for joint military exercises.",
            ("POL", "USA", "0212"),
            id="ask for joint exercises (0212)",
        ),
        pytest.param(
            "Britain urged the Zimbabwean president to resign.",
            ("GBR", "ZWE", "0241"),
            id="urge to resign (0241)",
        ),
        pytest.param(
            "The United Nations urged Iran to respect human rights.",
            ("IGO", "IRN", "0243"),
            id="urge to respect rights (0243)",
        ),
        pytest.param(
            "The European Union urged Poland to reform its judiciary.",
            ("IGO", "POL", "0244"),
            id="urge to reform the judiciary (0244)",
        ),
        pytest.param(
            "The European Union urged Belarus to carry out political reforms.",
            ("IGO", "BLR", "024"),
            id="urge to carry out political reforms (024)",
        ),
        pytest.param(
            "Kenya pledged troops for the peacekeeping mission in Somalia.",
            ("KEN", "SOM", "0334"),
            id="pledge troops (0334)",
        ),
        pytest.param(
            "Sudan's military pledged to hand over power to civilians.",
            ("SDN", "SDN", "0341"),
            id="pledge to hand over power (0341)",
        ),
        pytest.param(
            "Hamas accepted the Egyptian formula for a truce with Israel.",
            ("PSE", "ISR", "037"),
            id="accept a formula (037)",
        ),
        pytest.param(
            "The Chinese foreign minister embarked on a tour of Africa.",
            ("CHN", "AFR", "042"),
            id="embark on a tour (042, not 040)",
        ),
        pytest.param(
            "Egypt played host to the Israeli prime minister.",
            ("EGY", "ISR", "043"),
            id="play host to (043)",
        ),
        pytest.param(
            "The United States applauded Sudan's decision.",
            ("USA", "SDN", "051"),
            id="applaud a decision (051, not 052)",
        ),
        pytest.param(
            "Japan endorsed South Korea's plan.",
            ("JPN", "KOR", "051"),
            id="endorse a plan (051)",
        ),
        pytest.param(
            "Hungary's parliament ratified Finland's accession.",
            ("HUN", "FIN", "057"),
            id="ratify (057, not 080)",
        ),
        pytest.param(
            "U.S. troops trained Ukrainian soldiers in Germany.",
            ("USA", "UKR", "072"),
            id="train soldiers (072, not 030)",
        ),
        pytest.param(
            "The United Nations evacuated civilians from Sudan.",
            ("IGO", "SDN", "073"),
            id="evacuate civilians (073)",
        ),
        pytest.param(
            "Turkey dispatched rescue teams to Syria.",
            ("TUR", "SYR", "073"),
            id="dispatch rescue teams (073, not 061)",
        ),
        pytest.param(
            "Italy extended the mandate of its peacekeeping force in Lebanon.",
            ("ITA", "LBN", "074"),
            id="extend a peacekeeping mandate (074, not 100)",
        ),
        pytest.param(
            "Germany took in Syrian refugees.",
            ("DEU", "SYR", "075"),
            id="take in refugees (075)",
        ),
        pytest.param(
            "Canada accepted Syrian refugees.",
            ("CAN", "SYR", "075"),
            id="accept refugees (075)",
        ),
        pytest.param(
            "Russia eased visa rules for Chinese tourists.",
            ("RUS", "CHN", "081"),
            id="ease visa rules (081, not 060)",
        ),
        pytest.param(
            "China scrapped visa requirements for French citizens.",
            ("CHN", "FRA", "081"),
            id="scrap visa requirements (081, not 160)",
        ),
        pytest.param(
            "Bangladesh restored the rights of Rohingya refugees.",
            ("BGD", "BGD", "0833"),
            id="restore rights (0833)",
        ),
        pytest.param(
            "Sudan's military handed over power to civilians.",
            ("SDN", "SDN", "0831"),
            id="hand over power (0831)",
        ),
        pytest.param(
            "Kazakhstan amended its constitution under pressure from Russia.",
            ("KAZ", "RUS", "0834"),
            id="amend the constitution (0834, not 0344)",
        ),
        pytest.param(
            "Belarus pardoned the jailed opposition leader.",
            ("BLR", "BLR", "0841"),
            id="pardon a prisoner (0841, not 056)",
        ),
        pytest.param(
            "The Moroccan king granted amnesty to Spanish prisoners.",
            ("MAR", "ESP", "0841"),
            id="grant amnesty (0841)",
        ),
        pytest.param(
            "Iran freed the British aid worker.",
            ("IRN", "GBR", "0841"),
            id="free an aid worker (0841)",
        ),
        pytest.param(
            "China returned the seized fishing boats to Vietnam.",
            ("CHN", "VNM", "0842"),
            id="return seized boats (0842)",
        ),
        pytest.param(
            "The United States unfroze Iranian assets.",
            ("USA", "IRN", "085"),
            id="unfreeze assets (085)",
        ),
        pytest.param(
            "Syria let United Nations aid convoys into Aleppo.",
            ("SYR", "IGO", "0863"),
            id="let aid convoys in (0863)",
        ),
        pytest.param(
            "Iran let IAEA inspectors into the Fordow site.",
            ("IRN", "IGO", "0862"),
            id="let inspectors in (0862)",
        ),
        pytest.param(
            "Myanmar granted the Red Cross humanitarian access to Rakhine.",
            ("MMR", "NGO", "0863"),
            id="grant humanitarian access (0863, not 060)",
        ),
        pytest.param(
            "Russia scaled back its military operations around Kyiv.",
            ("RUS", "UKR", "087"),
            id="scale back operations (087)",
        ),
        pytest.param(
            "Israel wound down its operations in Gaza.",
            ("ISR", "PSE", "087"),
            id="wind down operations (087)",
        ),
        pytest.param(
            "India and China defused tensions on their border.",
            ("IND", "CHN", "087"),
            id="defuse tensions (087)",
        ),
        pytest.param(
            "Brazilian police questioned the former president about corruption.",
            ("BRA", "BRA", "091"),
            id="question about corruption (091, not 012)",
        ),
        pytest.param(
            "Mexican police questioned two American suspects.",
            ("MEX", "USA", "091"),
            id="question suspects (091, not 012)",
        ),
        pytest.param(
            "Italian prosecutors are investigating the murder of an Egyptian student.",
            ("ITA", "EGY", "091"),
            id="investigate a murder (091)",
        ),
        pytest.param(
            "The United Nations investigated the Israeli air strike.",
            ("IGO", "ISR", "093"),
            id="investigate an air strike (093)",
        ),
    ],
)
def test_codebook_cooperation_codes(pipeline, text, event):
    assert event in _coded(pipeline, text)


def test_codebook_cooperation_rows_are_cooperative_and_prefixed():
    (path,) = [f for f in bundled_lexicon_files() if f.name == LEXICON_FILE]
    rows = list(loaders.read_table(path))
    assert rows
    for row in rows:
        assert row["id"].startswith("cb:"), row["id"]
        assert row["code"][:2] in {f"0{root}" for root in range(1, 10)}, row["id"]
