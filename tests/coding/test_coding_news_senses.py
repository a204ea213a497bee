"""Verb senses found on real news that the lexicon missed (``det:news:*`` rows).

``scripts/uncoded_predicates.py`` lists the predicates of real news that link
two actors but code no event (or code another sense); the rows of
``detente_verbs.tsv`` below the "News-sense pass" comment code the frequent
ones that have a clear CAMEO meaning. Each sentence here is our own and is
coded differently (or not at all) without those rows.
"""

from __future__ import annotations

import pytest

from .conftest import triples

CASES = [
    # 04: consult
    pytest.param(
        "The American envoy sat down with the Taliban in Doha.",
        {"The American envoy": "USAGOV", "the Taliban": "AFGREB"},
        ("USAGOV", "AFGREB", "040"),
        id="040 sit down with",
    ),
    pytest.param(
        "The Indian premier shook hands with the Pakistani premier at the summit.",
        {"The Indian premier": "INDGOV", "the Pakistani premier": "PAKGOV"},
        ("INDGOV", "PAKGOV", "040"),
        id="040 shake hands with",
    ),
    # 05: diplomatic cooperation
    pytest.param(
        "Ankara cut a deal with Brussels on refugees.",
        {"Ankara": "TUR", "Brussels": "IGOEU"},
        ("TUR", "IGOEU", "057"),
        id="057 cut a deal with (PETRARCH2 gave 030)",
    ),
    # 08: yield
    pytest.param(
        "The junta gave in to the African Union.",
        {"The junta": "MLIMIL", "the African Union": "IGOAU"},
        ("MLIMIL", "IGOAU", "080"),
        id="080 give in to",
    ),
    # 11: disapprove
    pytest.param(
        "Ankara pointed the finger at Damascus over the bombing.",
        {"Ankara": "TUR", "Damascus": "SYR"},
        ("TUR", "SYR", "112"),
        id="112 point the finger at",
    ),
    pytest.param(
        "The French minister took aim at Moscow over the hacking.",
        {"The French minister": "FRAGOV", "Moscow": "RUS"},
        ("FRAGOV", "RUS", "111"),
        id="111 take aim at",
    ),
    pytest.param(
        "The Italian premier took a swipe at Paris over migrants.",
        {"The Italian premier": "ITAGOV", "Paris": "FRA"},
        ("ITAGOV", "FRA", "111"),
        id="111 take a swipe at",
    ),
    pytest.param(
        "The senator tore into the Saudi government over the killing.",
        {"The senator": "USALEG", "the Saudi government": "SAUGOV"},
        ("USALEG", "SAUGOV", "111"),
        id="111 tear into",
    ),
    pytest.param(
        "Ottawa called out Beijing for its detentions.",
        {"Ottawa": "CAN", "Beijing": "CHN"},
        ("CAN", "CHN", "111"),
        id="111 call out (det:call-for gave 020)",
    ),
    pytest.param(
        "Rome and Paris traded barbs over migrants.",
        {"Rome": "ITA", "Paris": "FRA"},
        ("FRA", "ITA", "111"),
        id="111 trade barbs (det:cooperate-econ gave 061)",
    ),
    pytest.param(
        "Kabul and Islamabad traded accusations over the attack.",
        {"Kabul": "AFG", "Islamabad": "PAK"},
        ("PAK", "AFG", "112"),
        id="112 trade accusations, both ways",
    ),
    pytest.param(
        "Baku exchanged insults with Yerevan on Monday.",
        {"Baku": "AZE", "Yerevan": "ARM"},
        ("AZE", "ARM", "111"),
        id="111 exchange insults with (PETRARCH2 gave 060)",
    ),
    # 11: lawsuit
    pytest.param(
        "Manila referred its case against Beijing to the tribunal.",
        {"Manila": "PHL", "Beijing": "CHN"},
        ("PHL", "CHN", "115"),
        id="115 refer a case to a tribunal",
    ),
    # 16: reduce relations
    pytest.param(
        "Pyongyang walked away from the talks with Seoul.",
        {"Pyongyang": "PRK", "Seoul": "KOR"},
        ("PRK", "KOR", "164"),
        id="164 walk away from talks",
    ),
    pytest.param(
        "Washington walked away from the treaty with Moscow.",
        {"Washington": "USA", "Moscow": "RUS"},
        ("USA", "RUS", "161"),
        id="161 walk away from a treaty",
    ),
    pytest.param(
        "Washington hiked duties on Beijing.",
        {"Washington": "USA", "Beijing": "CHN"},
        ("USA", "CHN", "163"),
        id="163 hike duties on",
    ),
    # 15: military posture
    pytest.param(
        "Moscow beefed up its forces near Ukraine.",
        {"Moscow": "RUS", "Ukraine": "UKR"},
        ("RUS", "UKR", "154"),
        id="154 beef up forces",
    ),
    pytest.param(
        "NATO boosted its military presence in Estonia.",
        {"NATO": "IGONATO", "Estonia": "EST"},
        ("IGONATO", "EST", "154"),
        id="154 boost military presence (PETRARCH2 gave 151)",
    ),
    # 17: coerce
    pytest.param(
        "Israel denied entry to the congresswoman.",
        {"Israel": "ISR", "the congresswoman": "USALEG"},
        ("ISR", "USALEG", "172"),
        id="172 deny entry (PETRARCH2 gave 144)",
    ),
    pytest.param(
        "Egyptian police rounded up opposition activists.",
        {"Egyptian police": "EGYCOP", "opposition activists": "EGYOPP"},
        ("EGYCOP", "EGYOPP", "173"),
        id="173 round up activists",
    ),
    pytest.param(
        "The regime locked up the British citizen.",
        {"The regime": "IRNGOV", "the British citizen": "GBRCVL"},
        ("IRNGOV", "GBRCVL", "173"),
        id="173 lock up",
    ),
    # 07: aid, 06: intelligence
    pytest.param(
        "Washington provided Kiev with intelligence on the convoys.",
        {"Washington": "USA", "Kiev": "UKR"},
        ("USA", "UKR", "064"),
        id="064 provide X with intelligence",
    ),
    pytest.param(
        "Riyadh provided Cairo with loans.",
        {"Riyadh": "SAU", "Cairo": "EGY"},
        ("SAU", "EGY", "071"),
        id="071 provide X with loans",
    ),
    pytest.param(
        "Ankara supplied the refugees with tents.",
        {"Ankara": "TUR", "the refugees": "SYRREF"},
        ("TUR", "SYRREF", "073"),
        id="073 supply X with tents",
    ),
    pytest.param(
        "Washington sent military advisers to Baghdad.",
        {"Washington": "USA", "Baghdad": "IRQ"},
        ("USA", "IRQ", "072"),
        id="072 send military advisers (personnel is military aid)",
    ),
    # 15: military posture; 16/17: sanctions
    pytest.param(
        "Moscow poured troops into Crimea.",
        {"Moscow": "RUS", "Crimea": "UKR"},
        ("RUS", "UKR", "154"),
        id="154 pour troops into",
    ),
    pytest.param(
        "Japan scrambled fighter jets against Chinese planes.",
        {"Japan": "JPN", "Chinese planes": "CHNMIL"},
        ("JPN", "CHNMIL", "150"),
        id="150 scramble jets",
    ),
    pytest.param(
        "Brussels slapped a travel ban on the Belarusian minister.",
        {"Brussels": "IGOEU", "the Belarusian minister": "BLRGOV"},
        ("IGOEU", "BLRGOV", "172"),
        id="172 slap a travel ban (PETRARCH2 gave 180)",
    ),
    pytest.param(
        "Paris pulled its ambassador from Rome.",
        {"Paris": "FRA", "Rome": "ITA"},
        ("FRA", "ITA", "161"),
        id="161 pull an ambassador from",
    ),
    # 02: appeal
    pytest.param(
        "Berlin persuaded Athens to accept the terms.",
        {"Berlin": "DEU", "Athens": "GRC"},
        ("DEU", "GRC", "020"),
        id="020 persuade",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), CASES)
def test_news_sense(code, text, actors, expected):
    assert expected in triples(code(text, actors))


@pytest.mark.parametrize(
    ("text", "actors", "absent"),
    [
        pytest.param(
            "Rome and Paris traded barbs over migrants.",
            {"Rome": "ITA", "Paris": "FRA"},
            "06",
            id="trading barbs is no trade",
        ),
        pytest.param(
            "Thailand denied visas to the Cambodian minister.",
            {"Thailand": "THA", "the Cambodian minister": "KHMGOV"},
            "01",
            id="denying visas is no denial of responsibility",
        ),
    ],
)
def test_news_sense_replaces_wrong_code(code, text, actors, absent):
    roots = {c[:2] for _, _, c in triples(code(text, actors))}
    assert absent not in roots, roots
