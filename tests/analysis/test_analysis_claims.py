"""Claim templates: bundled ones load, user files are checked."""

from __future__ import annotations

import pytest

from detente.analysis.claims import list_claims, load_claim, run_claim
from detente.errors import AnalysisError, DataFileError

from .synthetic import triangle_events, withdrawal_events


def test_bundled_templates_cover_the_seed_claims():
    claims = {c.name: c for c in list_claims()}
    assert set(claims) == {
        "china-russia-cornerstone",
        "us-pressure-china-russia",
        "us-withdrawal-igo",
    }
    assert claims["us-pressure-china-russia"].sign == -1
    assert claims["us-pressure-china-russia"].placebo == [
        ["CHN", "IND"],
        ["RUS", "IND"],
    ]
    assert all(c.untestable for c in claims.values())


def test_user_claim_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "claims:\n  - name: india-china\n    title: India and China cooperate\n"
        "    test: partnership\n    actors: {a: IND, b: CHN}\n",
        encoding="utf-8",
    )
    claim = load_claim(path)
    assert claim.actors == {"a": "IND", "b": "CHN"}
    assert claim.path == str(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            "    test: poll\n    actors: {a: X, b: Y}\n", "unknown test", id="bad-test"
        ),
        pytest.param(
            "    test: triangle\n    actors: {pressure: USA}\n",
            "partners",
            id="missing-role",
        ),
        pytest.param("    test: partnership\n", "no 'actors'", id="no-actors"),
    ],
)
def test_bad_templates_name_the_file(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text(f"claims:\n  - name: x\n    title: X\n{body}", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_claim(path)
    assert str(path) in str(info.value)


def test_unknown_name_lists_the_bundled_claims():
    with pytest.raises(AnalysisError, match="us-pressure-china-russia"):
        load_claim("no-such-claim")


def test_withdrawal_effect_is_found():
    outcome = run_claim(load_claim("us-withdrawal-igo"), withdrawal_events())
    assert outcome.verdict == "supported"
    assert outcome.numbers["event_study.conflict_share.mean_change"] > 0.2
    assert outcome.numbers["withdrawal.trigger_periods"] == 4


def test_withdrawal_without_effect_is_not_supported():
    outcome = run_claim(
        load_claim("us-withdrawal-igo"), withdrawal_events(effect=False)
    )
    assert outcome.verdict == "not supported"


@pytest.mark.parametrize(
    "name",
    ["china-russia-cornerstone", "us-pressure-china-russia", "us-withdrawal-igo"],
)
def test_too_little_data_is_insufficient(name):
    outcome = run_claim(load_claim(name), triangle_events(weeks=6))
    assert outcome.verdict == "insufficient data"
    assert outcome.summary.startswith("Insufficient data")


def test_package_exports_are_sorted_and_importable():
    import detente.analysis as analysis

    assert analysis.__all__ == sorted(analysis.__all__)
    for name in analysis.__all__:
        assert getattr(analysis, name) is not None
