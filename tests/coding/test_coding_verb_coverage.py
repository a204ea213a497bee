"""Verb patterns derived from the CAMEO codebook, code by code.

Rows of ``detente_verbs.tsv`` added by a pass over the codebook's definitions
(``scripts/lexicon_coverage.py`` lists the thin codes), and the open issues of
the lexicon audit: verbs whose event lies in their object ("fight the rebels"
vs "fight with Congress"). The sentences are our own.
"""

from __future__ import annotations

import pytest

from .conftest import triples


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # 02: appeals
        pytest.param(
            "The Russian dissident sought asylum in Britain.",
            {"The Russian dissident": "RUSOPP", "Britain": "GBR"},
            ("RUSOPP", "GBR", "020"),
            id="020 seek asylum is a request, not an intent",
        ),
        # 14: protest
        pytest.param(
            "Kenyan senators started a hunger strike against the government of Uganda.",
            {"Kenyan senators": "KENLEG", "the government of Uganda": "UGAGOV"},
            ("KENLEG", "UGAGOV", "142"),
            id="142 start a hunger strike is no military strike",
        ),
        # 03: intent
        pytest.param(
            "Iran accepted the proposal of France.",
            {"Iran": "IRN", "France": "FRA"},
            ("IRN", "FRA", "030"),
            id="030 accept a proposal",
        ),
        pytest.param(
            "Israel accepted the peace plan of Egypt.",
            {"Israel": "ISR", "Egypt": "EGY"},
            ("ISR", "EGY", "037"),
            id="037 accept a peace plan",
        ),
        pytest.param(
            "Ethiopia accepted mediation by the African Union.",
            {"Ethiopia": "ETH", "the African Union": "IGOAU"},
            ("ETH", "IGOAU", "038"),
            id="038 accept mediation",
        ),
        pytest.param(
            "Seoul is mulling sanctions on Pyongyang.",
            {"Seoul": "KOR", "Pyongyang": "PRK"},
            ("KOR", "PRK", "014"),
            id="wrapper mull + act noun sanctions: 014 consider policy option",
        ),
        pytest.param(
            "Turkey is contemplating a withdrawal from Syria.",
            {"Turkey": "TUR", "Syria": "SYR"},
            ("TUR", "SYR", "014"),
            id="wrapper contemplate + act noun withdrawal: 014 consider policy option",
        ),
        # 04: consult
        pytest.param(
            "Japan gave a warm welcome to the Chinese president.",
            {"Japan": "JPN", "the Chinese president": "CHNGOV"},
            ("JPN", "CHNGOV", "043"),
            id="043 give a welcome",
        ),
        pytest.param(
            "Putin received Xi at the Kremlin.",
            {"Putin": "RUSGOV", "Xi": "CHNGOV"},
            ("RUSGOV", "CHNGOV", "043"),
            id="043 receive a named visitor at a residence",
        ),
        pytest.param(
            "Iran took part in talks with the European Union.",
            {"Iran": "IRN", "the European Union": "IGOEU"},
            ("IRN", "IGOEU", "040"),
            id="040 take part in talks",
        ),
        pytest.param(
            "Iran returned to the negotiating table with the European Union.",
            {"Iran": "IRN", "the European Union": "IGOEU"},
            ("IRN", "IGOEU", "046"),
            id="046 return to the negotiating table",
        ),
        # 08: yield
        pytest.param(
            "Greece accepted the conditions set by Germany.",
            {"Greece": "GRC", "Germany": "DEU"},
            ("GRC", "DEU", "080"),
            id="080 accept conditions",
        ),
        pytest.param(
            "The junta lifted the ban on opposition parties.",
            {"The junta": "EGYGOV", "opposition parties": "EGYOPP"},
            ("EGYGOV", "EGYOPP", "0812"),
            id="0812 lift a ban on parties",
        ),
        pytest.param(
            "The army lifted the state of siege in Bangkok.",
            {"The army": "THAMIL", "Bangkok": "THA"},
            ("THAMIL", "THA", "0814"),
            id="0814 lift a state of siege",
        ),
        pytest.param(
            "The army shortened the curfew in Bangkok.",
            {"The army": "THAMIL", "Bangkok": "THA"},
            ("THAMIL", "THA", "0813"),
            id="0813 shorten a curfew",
        ),
        pytest.param(
            "Israel pulled its troops out of Gaza.",
            {"Israel": "ISR", "Gaza": "PSE"},
            ("ISR", "PSE", "0874"),
            id="0874 pull troops out, not leave an organisation",
        ),
        # 09: investigate
        pytest.param(
            "Prosecutors placed the minister under investigation.",
            {"Prosecutors": "EGYJUD", "the minister": "EGYGOV"},
            ("EGYJUD", "EGYGOV", "090"),
            id="090 put under investigation",
        ),
        pytest.param(
            "The United Nations set up a commission of inquiry into Syria.",
            {"The United Nations": "IGOUNO", "Syria": "SYR"},
            ("IGOUNO", "SYR", "090"),
            id="090 set up a commission of inquiry",
        ),
        # 13: threaten
        pytest.param(
            "Russia issued a warning to Ukraine.",
            {"Russia": "RUS", "Ukraine": "UKR"},
            ("RUS", "UKR", "130"),
            id="130 issue a warning",
        ),
        # 16: reduce relations
        pytest.param(
            "Canada closed its embassy in Iran.",
            {"Canada": "CAN", "Iran": "IRN"},
            ("CAN", "IRN", "161"),
            id="161 close an embassy",
        ),
        pytest.param(
            "Russia cut gas supplies to Ukraine.",
            {"Russia": "RUS", "Ukraine": "UKR"},
            ("RUS", "UKR", "163"),
            id="163 cut gas supplies",
        ),
        # 17: coerce
        pytest.param(
            "The army declared a state of siege in Bangkok.",
            {"The army": "THAMIL", "Bangkok": "THA"},
            ("THAMIL", "THA", "1724"),
            id="1724 declare a state of siege",
        ),
        pytest.param(
            "Pakistan imposed a media blackout on the opposition.",
            {"Pakistan": "PAK", "the opposition": "PAKOPP"},
            ("PAK", "PAKOPP", "172"),
            id="172 impose a blackout",
        ),
        pytest.param(
            "The government took over the oil company of Exxon.",
            {"The government": "VENGOV", "Exxon": "USABUS"},
            ("VENGOV", "USABUS", "171"),
            id="171 take over a company",
        ),
        pytest.param(
            "Settlers destroyed the olive trees of Palestinian farmers.",
            {"Settlers": "ISRCVL", "Palestinian farmers": "PSEAGR"},
            ("ISRCVL", "PSEAGR", "1712"),
            id="1712 destroy property",
        ),
        pytest.param(
            "Russian hackers hacked the servers of the German parliament.",
            {"Russian hackers": "RUS", "the German parliament": "DEULEG"},
            ("RUS", "DEULEG", "176"),
            id="176 hack servers",
        ),
        pytest.param(
            "Russia launched cyberattacks on Estonia.",
            {"Russia": "RUS", "Estonia": "EST"},
            ("RUS", "EST", "176"),
            id="176 launch cyberattacks",
        ),
        # 18: unconventional violence
        pytest.param(
            "Police beat up the protesters.",
            {"Police": "EGYCOP", "the protesters": "EGYOPP"},
            ("EGYCOP", "EGYOPP", "182"),
            id="182 beat up",
        ),
        pytest.param(
            "Israeli soldiers assaulted Palestinian farmers.",
            {"Israeli soldiers": "ISRMIL", "Palestinian farmers": "PSEAGR"},
            ("ISRMIL", "PSEAGR", "182"),
            id="182 assault people is a beating, not an armed attack",
        ),
        pytest.param(
            "Militants carried out a terrorist attack on the Kenyan market.",
            {"Militants": "SOMREB", "Kenyan": "KEN"},
            ("SOMREB", "KEN", "180"),
            id="180 carry out a terrorist attack",
        ),
        pytest.param(
            "Agents carried out the assassination of the Iranian scientist.",
            {"Agents": "ISRSPY", "the Iranian scientist": "IRNSCI"},
            ("ISRSPY", "IRNSCI", "186"),
            id="186 carry out an assassination",
        ),
        # 19: fight
        pytest.param(
            "Indian troops clashed with Pakistani forces in Kashmir.",
            {"Indian troops": "INDMIL", "Pakistani forces": "PAKMIL"},
            ("INDMIL", "PAKMIL", "190"),
            id="190 clash with armed forces",
        ),
        pytest.param(
            "The army fought the rebels in the north.",
            {"The army": "NGAMIL", "the rebels": "NGAREB"},
            ("NGAMIL", "NGAREB", "190"),
            id="190 fight rebels",
        ),
        pytest.param(
            "Britain went to war with Argentina.",
            {"Britain": "GBR", "Argentina": "ARG"},
            ("GBR", "ARG", "190"),
            id="190 go to war, not a visit",
        ),
        pytest.param(
            "Russia launched an invasion of Ukraine.",
            {"Russia": "RUS", "Ukraine": "UKR"},
            ("RUS", "UKR", "192"),
            id="192 launch an invasion",
        ),
        # second pass: codes whose verb alone does not fix the sub-code
        pytest.param(
            "The UN called for a ceasefire in Syria.",
            {"The UN": "IGOUNO", "Syria": "SYR"},
            ("IGOUNO", "SYR", "0256"),
            id="0256 call for a ceasefire (not the bare 020 of call for)",
        ),
        pytest.param(
            "Britain called for talks with Iran.",
            {"Britain": "GBR", "Iran": "IRN"},
            ("GBR", "IRN", "026"),
            id="026 call for talks",
        ),
        pytest.param(
            "Armenia agreed to a ceasefire with Azerbaijan.",
            {"Armenia": "ARM", "Azerbaijan": "AZE"},
            ("ARM", "AZE", "0871"),
            id="0871 agree to a ceasefire (codebook: agreements to commence one)",
        ),
        pytest.param(
            "Iran negotiated with the European Union.",
            {"Iran": "IRN", "the European Union": "IGOEU"},
            ("IRN", "IGOEU", "046"),
            id="046 negotiate with, not 050",
        ),
        pytest.param(
            "Britain handed Hong Kong back to China.",
            {"Britain": "GBR", "Hong Kong": "HKG", "China": "CHN"},
            ("GBR", "CHN", "0842"),
            id="0842 hand back territory, not extradition",
        ),
        pytest.param(
            "Pakistan handed over the suspects to India.",
            {"Pakistan": "PAK", "India": "IND"},
            ("PAK", "IND", "063"),
            id="063 hand over suspects",
        ),
        pytest.param(
            "Pakistan reopened its border with Afghanistan.",
            {"Pakistan": "PAK", "Afghanistan": "AFG"},
            ("PAK", "AFG", "081"),
            id="081 reopen a border",
        ),
        pytest.param(
            "Trump cancelled his visit to Britain.",
            {"Trump": "USAGOV", "Britain": "GBR"},
            ("USAGOV", "GBR", "161"),
            id="161 cancel a visit (codebook: cancellation of meetings)",
        ),
        pytest.param(
            "The Palestinians broke off talks with Israel.",
            {"The Palestinians": "PSE", "Israel": "ISR"},
            ("PSE", "ISR", "164"),
            id="164 break off talks, not relations",
        ),
        pytest.param(
            "French unions went on strike against the government.",
            {"French unions": "FRALAB", "the government": "FRAGOV"},
            ("FRALAB", "FRAGOV", "143"),
            id="143 go on strike",
        ),
        pytest.param(
            "Prosecutors brought charges against the journalist.",
            {"Prosecutors": "RUSJUD", "the journalist": "USAMED"},
            ("RUSJUD", "USAMED", "173"),
            id="173 bring charges",
        ),
        pytest.param(
            "Russia arrested an American journalist.",
            {"Russia": "RUS", "an American journalist": "USAMED"},
            ("RUS", "USAMED", "173"),
            id="173 arrest a journalist, not 175",
        ),
        pytest.param(
            "Police fired tear gas at the protesters.",
            {"Police": "EGYCOP", "the protesters": "EGYOPP"},
            ("EGYCOP", "EGYOPP", "175"),
            id="175 fire tear gas, not small arms",
        ),
        pytest.param(
            "Israeli jets dropped bombs on Gaza.",
            {"Israeli jets": "ISRMIL", "Gaza": "PSE"},
            ("ISRMIL", "PSE", "195"),
            id="195 drop bombs",
        ),
        pytest.param(
            "Ukraine took Russia to court.",
            {"Ukraine": "UKR", "Russia": "RUS"},
            ("UKR", "RUS", "115"),
            id="115 take to court, not a visit",
        ),
        pytest.param(
            "Mali hosted the peacekeeping mission of the UN.",
            {"Mali": "MLI", "the UN": "IGOUNO"},
            ("MLI", "IGOUNO", "0861"),
            id="0861 host peacekeepers, not a visit",
        ),
        pytest.param(
            "Qatar withdrew from its mediation between Fatah and Hamas.",
            {"Qatar": "QAT", "Fatah": "PSEGOV", "Hamas": "PSEREB"},
            ("QAT", "PSEGOV", "165"),
            id="165 withdraw from mediation",
        ),
        pytest.param(
            "The UN withdrew its aid workers from Somalia.",
            {"The UN": "IGOUNO", "Somalia": "SOM"},
            ("IGOUNO", "SOM", "1663"),
            id="1663 withdraw aid workers",
        ),
        pytest.param(
            "The minister of Japan left for Beijing.",
            {"The minister of Japan": "JPNGOV", "Beijing": "CHN"},
            ("JPNGOV", "CHN", "042"),
            id="042 leave for a capital",
        ),
        # light verb + act noun
        pytest.param(
            "Mali submitted a request to France.",
            {"Mali": "MLI", "France": "FRA"},
            ("MLI", "FRA", "020"),
            id="020 submit a request, not yield",
        ),
        pytest.param(
            "China made a pledge to Pakistan.",
            {"China": "CHN", "Pakistan": "PAK"},
            ("CHN", "PAK", "030"),
            id="030 make a pledge",
        ),
        pytest.param(
            "Greece made concessions to Germany.",
            {"Greece": "GRC", "Germany": "DEU"},
            ("GRC", "DEU", "080"),
            id="080 make concessions",
        ),
        pytest.param(
            "Greece offered concessions to Germany.",
            {"Greece": "GRC", "Germany": "DEU"},
            ("GRC", "DEU", "035"),
            id="035 offer concessions (act noun)",
        ),
        pytest.param(
            "China extended an invitation to Japan.",
            {"China": "CHN", "Japan": "JPN"},
            ("CHN", "JPN", "026"),
            id="026 extend an invitation, not 028",
        ),
        pytest.param(
            "Putin sent congratulations to Trump.",
            {"Putin": "RUSGOV", "Trump": "USAGOV"},
            ("RUSGOV", "USAGOV", "051"),
            id="051 send congratulations",
        ),
        pytest.param(
            "The army placed Morsi under house arrest.",
            {"The army": "EGYMIL", "Morsi": "EGYGOV"},
            ("EGYMIL", "EGYGOV", "173"),
            id="173 place under house arrest",
        ),
        pytest.param(
            "Saudi Arabia pledged two billion dollars to Pakistan.",
            {"Saudi Arabia": "SAU", "Pakistan": "PAK"},
            ("SAU", "PAK", "0331"),
            id="0331 pledge money",
        ),
        pytest.param(
            "China held naval drills near Taiwan.",
            {"China": "CHN", "Taiwan": "TWN"},
            ("CHN", "TWN", "150"),
            id="150 naval drills of one side are a show of force, not 062",
        ),
        pytest.param(
            "Norway volunteered to mediate between Colombia and the FARC.",
            {"Norway": "NOR", "Colombia": "COL", "the FARC": "COLREB"},
            ("NOR", "COL", "039"),
            id="wrapper volunteer to mediate: 039",
        ),
        pytest.param(
            "The pope exhorted Armenia to accept a ceasefire.",
            {"The pope": "VATGOV", "Armenia": "ARM"},
            ("VATGOV", "ARM", "0256"),
            id="wrapper exhort to accept a ceasefire: 0256",
        ),
    ],
)
def test_codebook_pattern(code, text, actors, expected):
    assert expected in triples(code(text, actors))


@pytest.mark.parametrize(
    ("text", "actors", "absent"),
    [
        pytest.param(
            "Obama fought with Congress over the budget.",
            {"Obama": "USAGOV", "Congress": "USALEG"},
            "19",
            id="fight with a political opponent: no 190",
        ),
        pytest.param(
            "The president and the unions clashed over the reform.",
            {"The president": "FRAGOV", "the unions": "FRALAB"},
            "19",
            id="clash over a reform: no 190",
        ),
        pytest.param(
            "Yellen took over as acting chief of the Federal Reserve.",
            {"Yellen": "USAGOV", "the Federal Reserve": "USAGOV"},
            "17",
            id="take over as chief: no 171",
        ),
        pytest.param(
            "Germany has yet to come to grips with the crisis in Greece.",
            {"Germany": "DEU", "Greece": "GRC"},
            "04",
            id="come to grips: no visit",
        ),
        pytest.param(
            "When it comes to Iran, Israel is cautious.",
            {"Iran": "IRN", "Israel": "ISR"},
            "04",
            id="when it comes to: no visit",
        ),
        pytest.param(
            "Hong Kong returned to Chinese rule in 1997.",
            {"Hong Kong": "HKG", "Chinese": "CHN"},
            "04",
            id="return to rule: no visit",
        ),
        pytest.param(
            "The president of Egypt handed a letter to Obama.",
            {"The president of Egypt": "EGYGOV", "Obama": "USAGOV"},
            "06",
            id="hand a letter: no extradition",
        ),
        pytest.param(
            "Britain is going for gold in Greece.",
            {"Britain": "GBR", "Greece": "GRC"},
            "04",
            id="go for gold: no visit",
        ),
        pytest.param(
            "The official of Egypt destroyed evidence about Israel.",
            {"The official of Egypt": "EGYGOV", "Israel": "ISR"},
            "1",
            id="destroy evidence: neither property nor force",
        ),
    ],
)
def test_no_code_without_its_object(code, text, actors, absent):
    roots = {c for _, _, c in triples(code(text, actors))}
    assert not any(c.startswith(absent) for c in roots), roots


@pytest.mark.parametrize("verb", ["destroyed", "degraded"])
def test_destroy_an_armed_group_is_force(code, verb):
    events = code(
        f"The coalition {verb} ISIS in Mosul.",
        {"The coalition": "IGONATO", "ISIS": "IMGMUSISI"},
    )
    assert ("IGONATO", "IMGMUSISI", "190") in triples(events)
