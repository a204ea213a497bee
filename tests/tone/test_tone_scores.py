"""Tone: clearly positive sentences score high, clearly negative ones low."""

from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.models import Article, Event
from detente.registry import stages
from detente.tone import ToneScorer


@pytest.fixture(scope="module")
def scorer() -> ToneScorer:
    return ToneScorer()


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders praised the excellent, friendly talks and welcomed the agreement.",
        "Both sides celebrated a historic peace deal that brings hope to millions.",
    ],
    ids=["praise-and-welcome", "peace-deal"],
)
def test_tone_positive_sentence_scores_above_50(scorer: ToneScorer, sentence: str):
    assert scorer.score(sentence) > 50


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia condemned the brutal attack that killed dozens of civilians.",
        "The minister accused the neighbours of war crimes and threatened retaliation.",
    ],
    ids=["condemn-brutal-attack", "accuse-and-threaten"],
)
def test_tone_negative_sentence_scores_below_minus_50(
    scorer: ToneScorer, sentence: str
):
    assert scorer.score(sentence) < -50


def test_tone_neutral_sentence_scores_zero(scorer: ToneScorer):
    assert scorer.score("The ministers met in Geneva on Tuesday.") == 0.0
    assert scorer.score("") == 0.0


def test_tone_is_within_the_documented_range(scorer: ToneScorer):
    extreme = "Horrible horrible horrible murderous terrible disaster!!! " * 5
    assert -100 <= scorer.score(extreme) < -90


def _article(nlp, text: str) -> Article:
    article = Article(doc_id="t1", text=text)
    article.doc = nlp(text)
    return article


def test_tone_stage_sets_sentence_document_and_event_tones(nlp, scorer: ToneScorer):
    text = (
        "The leaders warmly welcomed the excellent agreement. "
        "Rebels killed ten soldiers in a brutal attack."
    )
    article = _article(nlp, text)
    second = list(article.doc.sents)[1]
    article.events = [
        Event(
            doc_id="t1",
            sentence=second.text,
            span=(second.start_char, second.end_char),
            source_actor="REB",
            source_country="",
            target_actor="MIL",
            target_country="",
            cameo_code="190",
            cameo_root="19",
            goldstein=-10.0,
            quad_class=4,
            plover_type="ASSAULT",
            event_date=None,
            sentence_index=1,
        )
    ]
    scorer(article)
    assert len(article.sentence_tones) == 2
    assert article.sentence_tones[0] > 0 > article.sentence_tones[1]
    assert article.events[0].tone == article.sentence_tones[1]
    low, high = sorted(article.sentence_tones)
    assert article.tone is not None and low < article.tone < high


def test_tone_stage_is_registered_with_its_contract():
    stage = stages.get("detente.tone.v1")(unrelated_option=1)
    assert (stage.name, stage.requires, stage.assigns) == (
        "tone",
        ("doc", "events"),
        ("tone", "sentence_tones"),
    )


def test_tone_user_lexicon_overrides_a_word(tmp_path):
    lexicon = tmp_path / "tone.tsv"
    lexicon.write_text(
        "# diplomatic words\nword\tscore\nrapprochement\t3.0\n", encoding="utf-8"
    )
    assert ToneScorer().score("A rapprochement.") == 0.0
    assert ToneScorer(tone_lexicon=[lexicon]).score("A rapprochement.") > 0


def test_tone_bad_user_lexicon_names_file_and_line(tmp_path):
    lexicon = tmp_path / "tone.tsv"
    lexicon.write_text("word\tscore\nfriendly\tvery\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"tone.tsv:2"):
        ToneScorer(tone_lexicon=[lexicon])
