"""Importers: our JSON Lines and GDELT 2.0 files, and the GDELT round trip."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest

from detente.errors import InputError
from detente.export import GDELT_COLUMNS, export_events, import_events, import_gdelt
from detente.store import Store

from ..store.factories import make_article


def test_import_jsonl_round_trip(filled_store: Store, tmp_path):
    (path,) = export_events(
        tmp_path / "events.jsonl", format="jsonl", store=filled_store
    )
    target = tmp_path / "copy.duckdb"
    imported = import_events(path, db=target)
    assert imported == filled_store.counts()["event_mentions"]
    with Store.open(target, read_only=True) as copy:
        original = filled_store.events_frame()
        found = copy.events_frame()
        columns = [
            "event_key",
            "source_actor",
            "target_actor",
            "cameo_code",
            "num_mentions",
            "num_documents",
        ]
        pd.testing.assert_frame_equal(
            original[columns].sort_values("event_key").reset_index(drop=True),
            found[columns].sort_values("event_key").reset_index(drop=True),
        )
    # Importing the same file again adds nothing.
    assert import_events(path, db=target) == 0


def test_import_gdelt_round_trip(filled_store: Store, tmp_path):
    (path,) = export_events(
        tmp_path / "events.export.csv", format="gdelt", store=filled_store
    )
    target = tmp_path / "gdelt.duckdb"
    assert import_events(path, db=target) == len(filled_store.events_frame())
    columns = [
        "event_date",
        "source_actor",
        "source_country",
        "target_actor",
        "target_country",
        "cameo_code",
        "cameo_root",
        "goldstein",
        "quad_class",
        "quad_class_mapping",
    ]
    with Store.open(target, read_only=True) as copy:
        found = copy.events_frame()
        assert set(found["num_mentions"]) == {1}
        mentions = copy.mentions_frame()
        assert set(mentions["coder"]) == {"import"}
    original = filled_store.events_frame()
    key = ["event_date", "source_actor", "target_actor", "cameo_code"]
    original = original.sort_values(key).reset_index(drop=True)
    found = found.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(original[columns], found[columns], check_exact=False)
    # AvgTone carries the mean tone; SOURCEURL the first article's URL.
    assert found["tone"].round(3).tolist() == original["tone"].round(3).tolist()
    assert found["source_url"].tolist() == original["source_url"].tolist()


def test_import_gdelt_zip(tmp_path):
    with Store.open(tmp_path / "a.duckdb") as store:
        store.add_article(
            make_article("d1", None, [("CHNGOV", "RUSGOV", "040", "2024-05-01")])
        )
        (tsv,) = export_events(tmp_path / "e.CSV", format="gdelt", store=store)
    archive = tmp_path / "20240501.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(tsv, "20240501.export.CSV")
    events = list(import_gdelt(archive))
    assert [
        (e.source_actor, e.target_actor, e.cameo_code, e.event_date) for e in events
    ] == [("CHNGOV", "RUSGOV", "040", "2024-05-01")]
    assert events[0].coder == "import"


def test_import_gdelt_wrong_column_count_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    good = "\t".join(["1", "20240501"] + [""] * (len(GDELT_COLUMNS) - 2))
    path.write_text(good + "\n" + "\t".join(["x"] * 58) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:2: .*61.*found 58.*GDELT 1.0"):
        list(import_gdelt(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "invalid JSON"),
        ('["a list"]\n', "one JSON object per line"),
        ('{"doc_id": "x"}\n', "not an event record"),
    ],
    ids=["broken-json", "not-an-object", "missing-fields"],
)
def test_import_jsonl_errors_name_file_and_line(tmp_path, content: str, message: str):
    path = tmp_path / "events.jsonl"
    path.write_text("\n" + content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"events.jsonl:2: .*{message}"):
        import_events(path, db=tmp_path / "x.duckdb")


def test_import_unknown_extension_asks_for_format(tmp_path):
    path = tmp_path / "events.dat"
    path.write_text("", encoding="utf-8")
    with pytest.raises(Exception, match="--format"):
        import_events(path, db=tmp_path / "x.duckdb")
