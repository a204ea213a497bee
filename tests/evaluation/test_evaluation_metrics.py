"""Metric computation of ``detente.evaluation`` on hand-made cases with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.evaluation import NO_EVENT, detect_format, evaluate, texts_overlap

from ._fakes import fake_pipeline, make_event


def _write(tmp_path: Path, name: str, records: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _no_resolver(span, date):
    return ""


def _run(path, events, **kwargs):
    return evaluate(
        path, pipeline=fake_pipeline(events), resolve_country=_no_resolver, **kwargs
    )


PETRARCH_THREE = {
    "id": "p1",
    "text": "Three things happened.",
    "date": "20080804",
    "event_code": ["190", "112", "042"],
    "source_actor": ["USAGOV", "RUS", "CHN"],
    "target_actor": ["IRQ", "USA", "RUSGOV"],
    "noevents": False,
}
PETRARCH_NONE = {
    "id": "p2",
    "text": "Nothing happened.",
    "event_code": [],
    "source_actor": [],
    "target_actor": [],
    "noevents": True,
}


def test_three_gold_two_right_gives_recall_two_thirds(tmp_path):
    path = _write(tmp_path, "p.jsonl", [PETRARCH_THREE])
    events = {
        "p1": [
            make_event("193", "USA", "IRQ"),  # root 19 right
            make_event("112", "RUS", "USA"),  # right
            make_event("111", "FRA", "DEU"),  # wrong triple
        ]
    }
    report = _run(path, events)
    assert report.recall == pytest.approx(2 / 3)
    assert report.precision == pytest.approx(2 / 3)
    assert report.f1 == pytest.approx(2 / 3)
    assert report.root_accuracy == 1.0
    assert report.code_accuracy == 1.0  # 112 is one of the gold codes
    assert report.total.gold_events == 3


def test_full_code_wrong_root_right(tmp_path):
    record = dict(
        PETRARCH_THREE,
        id="p3",
        event_code=["190"],
        source_actor=["USA"],
        target_actor=["IRQ"],
    )
    path = _write(tmp_path, "p.jsonl", [record])
    report = _run(path, {"p3": [make_event("193", "USA", "IRQ")]})
    assert report.root_accuracy == 1.0
    assert report.code_accuracy == 0.0
    assert report.confusion == {"19": {"19": 1}}


def test_event_on_no_event_sentence_costs_precision(tmp_path):
    path = _write(tmp_path, "p.jsonl", [PETRARCH_NONE])
    report = _run(path, {"p2": [make_event("042", "USA", "CHN")]})
    assert report.no_event_accuracy == 0.0
    assert report.precision == 0.0
    assert report.recall is None  # no gold triples at all
    assert report.root_accuracy is None
    assert report.confusion == {NO_EVENT: {"04": 1}}


def test_negated_events_are_not_counted(tmp_path):
    path = _write(tmp_path, "p.jsonl", [PETRARCH_NONE])
    report = _run(path, {"p2": [make_event("042", "USA", "CHN", negated=True)]})
    assert report.no_event_accuracy == 1.0
    assert report.total.coded_events == 0


def test_missed_sentence_goes_to_no_event_column(tmp_path):
    record = dict(
        PETRARCH_THREE,
        id="p4",
        event_code=["112"],
        source_actor=["RUS"],
        target_actor=["USA"],
    )
    path = _write(tmp_path, "p.jsonl", [record])
    report = _run(path, {})
    assert report.root_accuracy == 0.0
    assert report.recall == 0.0
    assert report.confusion == {"11": {NO_EVENT: 1}}
    assert report.errors()[0].record_id == "p4"


@pytest.mark.parametrize(
    ("gold", "coded", "right"),
    [
        pytest.param("DEMAND", "REQUEST", True, id="legacy DEMAND = REQUEST"),
        pytest.param("FIGHT", "ASSAULT", True, id="legacy FIGHT = ASSAULT"),
        pytest.param("DISAPPROVE", "ACCUSE", True, id="legacy DISAPPROVE = ACCUSE"),
        pytest.param("AGREE", "SUPPORT", False, id="wrong type"),
    ],
)
def test_plover_accuracy_maps_legacy_names(tmp_path, gold, coded, right):
    record = {
        "id": "v1",
        "text": "Libya asked Britain for talks.",
        "event_code": gold,
        "ontology": "PLOVER",
        "source_actor": ["Libya"],
        "target_actor": ["Great Britain"],
        "source_actor_code": ["LBY"],
        "target_actor_code": ["GBR"],
    }
    path = _write(tmp_path, "v.jsonl", [record])
    report = _run(path, {"v1": [make_event("100", "LBY", "GBR", plover=coded)]})
    assert report.plover_accuracy == (1.0 if right else 0.0)
    assert report.recall == (1.0 if right else 0.0)  # triples use the PLOVER type here
    current = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE"}.get(
        gold, gold
    )
    assert report.plover_confusion == {current: {coded: 1}}


def test_plover_legacy_country_codes_are_mapped(tmp_path):
    record = {
        "id": "v2",
        "text": "APEC agreed to set up a centre in Tokyo.",
        "event_code": "AGREE",
        "ontology": "PLOVER",
        "source_actor": ["APEC"],
        "target_actor": ["Tokyo"],
        "source_actor_code": ["IGO"],
        "target_actor_code": ["JAP"],
    }
    path = _write(tmp_path, "v.jsonl", [record])
    report = _run(path, {"v2": [make_event("031", "IGO", "JPN")]})
    assert report.recall == 1.0


def test_plover_sources_without_target_are_reciprocal(tmp_path):
    record = {
        "id": "v3",
        "text": "Israel and the Palestinians agreed to resume talks.",
        "event_code": "AGREE",
        "ontology": "PLOVER",
        "source_actor": ["Israel", "Palestinians"],
        "target_actor": [],
        "source_actor_code": ["ISR", "PSE"],
        "target_actor_code": [],
    }
    path = _write(tmp_path, "v.jsonl", [record])
    report = _run(path, {"v3": [make_event("036", "ISR", "PSE")]})
    assert report.total.gold_triples == 2
    assert report.recall == 0.5
    assert report.precision == 1.0


def test_cameo_plover_compares_with_gold_codes_type(tmp_path):
    records = [
        {
            "id": "c1",
            "text": "A visited B.",
            "event_code": "042",
            "source_actor": ["A"],
            "target_actor": ["B"],
        },
        {
            "id": "c2",
            "text": "A was optimistic.",
            "event_code": "013",
            "source_actor": ["A"],
            "target_actor": ["B"],
        },
    ]
    path = _write(tmp_path, "c.jsonl", records)
    events = {"c1": [make_event("043", "", "")], "c2": [make_event("013", "", "")]}
    report = _run(path, events)
    assert report.plover_accuracy == 1.0  # 043 is CONSULT like 042
    assert report.total.plover_total == 1  # 013 has no PLOVER type: not scored


def test_cameo_spans_resolved_by_dictionary(tmp_path):
    record = {
        "id": "c3",
        "text": "The government of Liberia denied charges by Ivory Coast.",
        "event_code": "016",
        "source_actor": ["government of Liberia"],
        "target_actor": ["Ivory Coast"],
    }
    path = _write(tmp_path, "c.jsonl", [record])
    countries = {"Liberia": "LBR", "Ivory Coast": "CIV"}
    seen = []

    def resolver(span, date):
        seen.append(span)
        return countries.get(span, "")

    # the real resolver is tried on the whole span, then on capitalised n-grams
    from detente import evaluation

    def lookup(span, date):
        for candidate in evaluation._candidate_names(span):
            if resolver(candidate, date):
                return resolver(candidate, date)
        return ""

    report = evaluate(
        path,
        pipeline=fake_pipeline({"c3": [make_event("016", "LBR", "CIV")]}),
        resolve_country=lookup,
    )
    assert report.recall == 1.0
    assert report.gold_countries == {"dictionary": 2}
    assert seen[0] == "government of Liberia"


def test_cameo_spans_fall_back_to_text_overlap(tmp_path):
    record = {
        "id": "c4",
        "text": "U.S. military chief General Colin Powell said NATO must remain strong.",
        "event_code": "010",
        "source_actor": ["U.S. military chief General Colin Powell"],
        "target_actor": ["NATO"],
    }
    path = _write(tmp_path, "c.jsonl", [record])
    right = make_event("010", "", "", source_text="Colin Powell", target_text="NATO")
    wrong = make_event("010", "", "", source_text="Moscow", target_text="NATO")
    assert _run(path, {"c4": [right]}).recall == 1.0
    assert _run(path, {"c4": [wrong]}).recall == 0.0


def test_reciprocal_cameo_event_gives_both_directions(tmp_path):
    record = {
        "id": "c5",
        "text": "Reagan and Mubarak agreed on the need for progress.",
        "event_code": "030",
        "source_actor": ["Reagan", "Mubarak"],
        "target_actor": ["Reagan", "Mubarak"],
        "reciprocal": True,
    }
    path = _write(tmp_path, "c.jsonl", [record])
    events = {
        "c5": [make_event("030", "", "", source_text="Reagan", target_text="Mubarak")]
    }
    report = _run(path, events)
    assert report.total.gold_triples == 2
    assert report.recall == 0.5


def test_limit_and_per_file_counts(tmp_path):
    one = _write(tmp_path, "a.jsonl", [PETRARCH_THREE, PETRARCH_NONE])
    two = _write(tmp_path, "b.jsonl", [PETRARCH_NONE])
    report = _run([one, two], {}, limit=1)
    assert [f.records for f in report.files] == [1, 1]
    assert report.total.records == 2
    data = report.to_dict()
    assert data["total"]["records"] == 2
    json.dumps(data)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param({"event_code": "042", "text": ""}, "cameo", id="cameo"),
        pytest.param({"event_code": "DEMAND", "text": ""}, "plover", id="plover"),
        pytest.param(
            {"event_code": [], "noevents": True, "text": ""}, "petrarch", id="petrarch"
        ),
        pytest.param({"text": ""}, None, id="unknown"),
    ],
)
def test_detect_format(record, expected):
    assert detect_format(record) == expected


def test_bad_record_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(PETRARCH_NONE) + '\n{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(
        InputError, match=r"bad\.jsonl:2: record is in no known labelled format"
    ):
        _run(path, {})


def test_unknown_gold_code_is_an_input_error(tmp_path):
    path = _write(tmp_path, "c.jsonl", [{"id": "x", "text": "t", "event_code": "999"}])
    with pytest.raises(InputError, match="unknown CAMEO event code '999'"):
        _run(path, {})


def test_missing_file():
    with pytest.raises(InputError, match="not found"):
        _run("/nonexistent/eval.jsonl", {})


@pytest.mark.parametrize(
    ("gold", "coded", "overlap"),
    [
        pytest.param(
            "government of Liberia", "Liberian government", True, id="shared word"
        ),
        pytest.param("the Ivory Coast", "Coast", True, id="case and stopwords"),
        pytest.param("President of France", "of the", False, id="stopwords only"),
    ],
)
def test_texts_overlap(gold, coded, overlap):
    assert texts_overlap(gold, coded) is overlap
