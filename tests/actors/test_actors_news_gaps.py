"""Gaps found on real news: titles naming another owner than a person's entry,
role nouns of mediation and armed groups, names inside longer names, datelines
moved to metadata. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest


def _codes(resolver, text, needle, *, date):
    mentions = resolver.resolve_text(text, date=date)
    start = text.index(needle)
    end = start + len(needle)
    return sorted(
        m.actor.code for m in mentions if m.actor and m.start < end and start < m.end
    )


@pytest.mark.parametrize(
    ("text", "needle", "date", "codes"),
    [
        pytest.param(
            "U.N. mediator Diego Cordovez flew to Kabul on Monday.",
            "Diego Cordovez",
            dt.date(1988, 3, 1),
            ["IGOUNO"],
            id="IGO title beats the person's entry",
        ),
        pytest.param(
            "Qatari mediators met both delegations in Doha.",
            "Qatari mediators",
            dt.date(2023, 11, 20),
            ["QATGOV"],
            id="mediators are a role noun",
        ),
        pytest.param(
            "An Egyptian peace envoy arrived in Gaza.",
            "Egyptian peace envoy",
            dt.date(2014, 7, 20),
            ["EGYGOV"],
            id="peace envoy is a role noun",
        ),
    ],
)
def test_titles_and_role_nouns(resolver, text, needle, date, codes):
    assert _codes(resolver, text, needle, date=date) == codes


def test_former_igo_title_keeps_the_entry(resolver):
    # A former IGO post says nothing of what he is now: the entry decides.
    text = "Former U.N. mediator Diego Cordovez spoke in Quito."
    codes = _codes(resolver, text, "Diego Cordovez", date=dt.date(2010, 3, 1))
    assert codes and not codes[0].startswith("IGO")


def test_consistent_title_keeps_the_entry(resolver):
    # Same country in title and entry: the dated entry (no office in 1990) stays.
    text = "Russian President Vladimir Putin gave a speech."
    codes = _codes(resolver, text, "Vladimir Putin", date=dt.date(1990, 1, 1))
    assert codes == ["RUSELI"]


@pytest.mark.parametrize(
    ("text", "needle", "codes"),
    [
        ("Shining Path guerrillas attacked a police post.", "Shining Path", ["PERREB"]),
        ("Black September claimed the attack.", "Black September", ["MEAREB"]),
    ],
)
def test_armed_groups_named_with_common_words(resolver, text, needle, codes):
    assert _codes(resolver, text, needle, date=dt.date(1985, 6, 1)) == codes


def _article_codes(resolver, text, *, place):
    from detente.models import Article

    article = Article(
        doc_id="t", text=text, date=dt.date(2004, 8, 1), metadata={"place": place}
    )
    article.doc = resolver.nlp(text)
    return {
        m.text: m.actor.code if m.actor else None
        for m in resolver(article).actor_mentions
    }


@pytest.mark.parametrize(
    ("place", "code"),
    [("NAJAF, Iraq", "IRQCOP"), ("MOSCOW", "RUSCOP"), ("SEOUL/HANOI", "KORCOP")],
)
def test_dateline_place_from_metadata_gives_the_home_country(resolver, place, code):
    # Ingestion moved the dateline into metadata["place"]: the text names no country.
    codes = _article_codes(
        resolver, "Police arrested three men on Monday.", place=place
    )
    assert codes["Police"] == code


def test_dateline_place_that_is_no_country(resolver):
    codes = _article_codes(
        resolver, "Police arrested three men on Monday.", place="UNITED NATIONS"
    )
    assert codes["Police"] is None


def test_an_embassy_is_not_the_home_country_s(resolver):
    text = "Protesters stormed the embassy on Thursday, and police fired shots."
    codes = _article_codes(resolver, text, place="SANAA, Yemen")
    assert codes["embassy"] is None
    assert codes["police"] == "YEMCOP"


def test_an_embassy_in_a_city_is_not_that_country_s(resolver):
    text = "Protesters stormed the embassy in Sanaa on Thursday."
    assert _codes(resolver, text, "embassy", date=dt.date(2012, 9, 13)) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Anti-American protesters rallied outside the consulate.", "American"),
        ("Pro-Russian separatists shelled the airport.", "Russian"),
        ("The anti-Trump rallies went on for a week.", "Trump"),
    ],
)
def test_stance_prefix_names_no_actor(resolver, text, needle):
    assert _codes(resolver, text, needle, date=dt.date(2017, 5, 1)) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The concert took place at the Nordea Concert Hall in Riga.", "Nordea"),
        ("The two men met at Trump Tower last June.", "Trump"),
        ("She spoke at the Clinton Foundation in New York on Monday.", "Clinton"),
    ],
)
def test_names_inside_longer_names(resolver, text, needle):
    assert _codes(resolver, text, needle, date=dt.date(2017, 5, 1)) == []


@pytest.mark.parametrize(
    ("text", "needle", "code"),
    [
        ("Russian troops seized Crimea in February.", "Crimea", "UKR"),
        ("Fighting spread across Tigray.", "Tigray", "ETH"),
        ("Rebels in Darfur attacked a convoy.", "Rebels in Darfur", "SDNREB"),
        ("Chinese officials visited Xinjiang.", "Xinjiang", "CHN"),
    ],
)
def test_provinces_stand_for_their_country(resolver, text, needle, code):
    assert _codes(resolver, text, needle, date=dt.date(2021, 5, 1)) == [code]


def test_a_place_the_ner_calls_a_person_takes_no_he_or_she(resolver):
    text = "Fighting spread across Tigray. She said the talks had failed."
    mentions = resolver.resolve_text(text, date=dt.date(2021, 5, 1))
    she = [m for m in mentions if m.text == "She"]
    assert not she or she[0].actor is None or she[0].actor.code != "ETH"


def test_new_york_is_the_city(resolver):
    text = "The foreign minister flew to New York on Monday."
    assert _codes(resolver, text, "New York", date=dt.date(2019, 9, 20)) == ["USA"]


@pytest.mark.parametrize(
    ("text", "needle", "code"),
    [
        ("North Korean hackers stole the money.", "North Korean hackers", "PRKCRM"),
        (
            "Chinese state-backed hackers struck again.",
            "Chinese state-backed hackers",
            "CHNSPY",
        ),
        ("The Muslim Brotherhood denied the charge.", "Muslim Brotherhood", "EGYOPP"),
        ("The SBU detained two men in Kharkiv.", "SBU", "UKRSPY"),
        ("Hackers broke into the DNC servers.", "DNC", "USAPTY"),
    ],
)
def test_news_actors_added(resolver, text, needle, code):
    assert _codes(resolver, text, needle, date=dt.date(2019, 6, 1)) == [code]
