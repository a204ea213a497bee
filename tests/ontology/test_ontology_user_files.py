"""Users add and override ontology rows with files of the bundled format."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.ontology import get_ontology


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_overrides_codes(tmp_path):
    path = _write(
        tmp_path / "my_codes.tsv",
        "# my codes\ncode\tname\tgoldstein\n0425\tMake a state visit\t\n042\tMake a visit\t2.5\n",
    )
    ontology = get_ontology(user_files=[path])
    added = ontology.cameo("0425")
    assert added.goldstein == 1.9  # the parent's value when left empty
    assert added.goldstein_source == "parent:042"
    assert added.plover_type == "CONSULT"
    assert ontology.cameo("042").goldstein == 2.5
    assert get_ontology().cameo("042").goldstein == 1.9  # built-ins untouched


def test_user_quad_mapping_is_named_after_file(tmp_path):
    rows = "".join(f"{n:02d}\t{1 if n < 10 else 4}\tx\n" for n in range(1, 21))
    path = _write(tmp_path / "two.v1.tsv", "root\tquad_class\tlabel\n" + rows)
    ontology = get_ontology(user_files=[path])
    assert "two.v1" in ontology.quad_class_mappings()
    assert ontology.quad_class("141", "two.v1") == 4


def test_bad_user_code_names_file_and_line(tmp_path):
    path = _write(tmp_path / "bad.tsv", "code\tname\tgoldstein\n42\tVisit\t1.0\n")
    with pytest.raises(
        DataFileError, match=r"bad\.tsv:2: '42' is not a CAMEO event code"
    ):
        get_ontology(user_files=[path])


def test_unrecognised_columns(tmp_path):
    path = _write(tmp_path / "odd.tsv", "foo\tbar\n1\t2\n")
    with pytest.raises(DataFileError, match="columns match no ontology table"):
        get_ontology(user_files=[path])
