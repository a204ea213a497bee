"""The lexicon data: coverage of the ontology, file format errors, user files."""

from __future__ import annotations

from collections import Counter

import pytest

from detente._coding_internals.lexicon import load_lexicon
from detente.errors import DataFileError
from detente.ontology import get_ontology

from .conftest import mark_actors


def test_coding_lexicon_covers_every_cameo_code():
    lexicon = load_lexicon()
    counts = Counter()
    for pattern in lexicon.patterns:
        counts.update(c for c in (pattern.code, pattern.reverse_code) if c)
    codes = [c.code for c in get_ontology().cameo_codes() if not c.is_root]
    missing = [c for c in codes if counts[c] == 0]
    assert missing == []
    at_least_three = sum(counts[c] >= 3 for c in codes)
    # report: how many codes have several patterns
    print(f"{at_least_three}/{len(codes)} CAMEO codes have >= 3 patterns")
    assert at_least_three / len(codes) > 0.8


def test_coding_lexicon_codes_are_known_to_the_ontology():
    ontology = get_ontology()
    unknown = sorted(c for c in load_lexicon().codes() if not ontology.is_cameo(c))
    assert unknown == []


HEADER = "id\tcode\tpos\tlemma\tparticle\tobject\tprep\ttarget\tflags\texample\n"


def test_coding_user_lexicon_file_takes_priority(tmp_path, nlp):
    from detente.coding import EventCoder

    path = tmp_path / "mine.tsv"
    path.write_text(
        HEADER + "my:snub\t110\tverb\tsnub\t\t\t\tdobj\t\tParis snubbed Rome\n"
    )
    coder = EventCoder(lexicon_files=[path], embedding_fallback=False)
    article = coder(
        mark_actors(nlp, "Paris snubbed Rome.", {"Paris": "FRA", "Rome": "ITA"})
    )
    assert [(e.cameo_code, e.rule) for e in article.events] == [("110", "my:snub")]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        pytest.param(
            "x:1\t4x2\tverb\tmeet\t\t\t\tdobj\t\t\n", "bad code", id="bad code"
        ),
        pytest.param(
            "x:1\t042\tadverb\tmeet\t\t\t\tdobj\t\t\n", "bad pos", id="bad pos"
        ),
        pytest.param(
            "x:1\t042\tverb\tmeet\t\t\t\twhere\t\t\n", "bad target", id="bad target"
        ),
        pytest.param(
            "x:1\t042\tverb\t\t\t\t\tdobj\t\t\n", "empty lemma", id="no lemma"
        ),
    ],
)
def test_coding_bad_lexicon_row_names_file_and_line(tmp_path, row, message):
    path = tmp_path / "bad.tsv"
    path.write_text("# comment\n" + HEADER + row)
    with pytest.raises(DataFileError, match=message) as info:
        load_lexicon([path])
    assert info.value.path == str(path)
    assert info.value.line == 3


def test_coding_missing_lexicon_file(tmp_path):
    with pytest.raises(DataFileError, match="not found"):
        load_lexicon([tmp_path / "absent.tsv"])
