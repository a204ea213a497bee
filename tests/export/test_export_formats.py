"""Every export format, read back with the reader analysts use."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from detente.export import GDELT_COLUMNS, export_events, global_event_id, table_paths
from detente.models import Event
from detente.registry import exporters
from detente.store import EVENT_FRAME_COLUMNS, Store


def test_export_builtin_formats_are_registered_like_plugins():
    for name in ("gdelt", "plover", "parquet", "csv", "jsonl"):
        assert name in exporters
        assert exporters.get(name) is exporters.get(f"detente.export.{name}.v1")


def test_export_parquet_reads_back_with_pyarrow_and_pandas(
    filled_store: Store, tmp_path
):
    written = export_events(
        tmp_path / "out.parquet", format="parquet", store=filled_store
    )
    assert written == [tmp_path / "out.parquet", tmp_path / "out.mentions.parquet"]
    table = pq.read_table(written[0])
    assert table.column_names == list(EVENT_FRAME_COLUMNS)
    events = pd.read_parquet(written[0])
    expected = filled_store.events_frame()
    assert len(events) == len(expected)
    assert events["num_mentions"].sum() == expected["num_mentions"].sum()
    mentions = pd.read_parquet(written[1])
    assert set(mentions["event_key"]) == set(events["event_key"])
    assert mentions["sentence"].str.len().min() > 0


def test_export_csv_reads_back_with_the_csv_module(filled_store: Store, tmp_path):
    written = export_events(f"{tmp_path / 'tables'}/", format="csv", store=filled_store)
    assert written == [
        tmp_path / "tables" / "events.csv",
        tmp_path / "tables" / "mentions.csv",
    ]
    with written[0].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = filled_store.events_frame()
    assert len(rows) == len(expected)
    assert list(rows[0]) == list(EVENT_FRAME_COLUMNS)
    assert rows[0]["event_date"] == expected["event_date"].iloc[0].strftime("%Y-%m-%d")
    with written[1].open(encoding="utf-8", newline="") as handle:
        mentions = list(csv.DictReader(handle))
    assert sum(int(r["num_mentions"]) for r in rows) == len(mentions)


def test_export_jsonl_lines_are_event_records(filled_store: Store, tmp_path):
    (path,) = export_events(
        tmp_path / "events.jsonl", format="jsonl", store=filled_store
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == filled_store.counts()["event_mentions"]
    events = [Event.from_record(json.loads(line)) for line in lines]
    assert {e.event_id for e in events} == {
        e.event_id for e in filled_store.iter_events()
    }


@pytest.mark.parametrize(
    "suffix", [".jsonl", ".json"], ids=["json-lines", "json-array"]
)
def test_export_plover_records_follow_polecat(
    filled_store: Store, tmp_path, suffix: str
):
    (path,) = export_events(
        tmp_path / f"events{suffix}", format="plover", store=filled_store
    )
    text = path.read_text(encoding="utf-8")
    records = (
        json.loads(text)
        if suffix == ".json"
        else [json.loads(x) for x in text.splitlines()]
    )
    assert len(records) == len(filled_store.events_frame())
    first = records[0]
    for key in (
        "id",
        "date",
        "event_type",
        "event_mode",
        "contexts",
        "event_text",
        "attributes",
        "story_id",
        "headline",
        "pub_date",
        "publisher",
        "cameo_code",
    ):
        assert key in first, key
    actor = first["attributes"]["ACTOR"][0]
    assert actor["code"] and actor["text"] in first["event_text"]
    assert first["event_type"].isupper()


def test_export_gdelt_has_61_columns_in_codebook_order(filled_store: Store, tmp_path):
    (path,) = export_events(tmp_path / "events.tsv", format="gdelt", store=filled_store)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    frame = filled_store.events_frame()
    assert len(rows) == len(frame)  # no header by default
    assert {len(r) for r in rows} == {61}
    first = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    event = frame.iloc[0]
    assert first["GLOBALEVENTID"] == str(global_event_id(event.event_key))
    assert first["SQLDATE"] == event.event_date.strftime("%Y%m%d")
    assert first["MonthYear"] == event.event_date.strftime("%Y%m")
    assert first["Actor1Code"] == event.source_actor
    assert first["EventCode"] == event.cameo_code
    assert first["EventRootCode"] == event.cameo_root
    assert int(first["NumMentions"]) == event.num_mentions
    assert first["ActionGeo_Lat"] == ""


def test_export_gdelt_header_option(filled_store: Store, tmp_path):
    (path,) = export_events(
        tmp_path / "e.tsv", format="gdelt", store=filled_store, header=True
    )
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(
        GDELT_COLUMNS
    )


def test_export_filters_and_mode_apply(filled_store: Store, tmp_path):
    (path,) = export_events(
        tmp_path / "e.jsonl",
        format="plover",
        store=filled_store,
        dedup="none",
        actors=["CHN"],
    )
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert records and all(r["dedup_mode"] == "none" for r in records)
    assert all(
        "CHN"
        in (
            r["attributes"]["ACTOR"][0]["code"][:3],
            r["attributes"]["RECIP"][0]["code"][:3],
        )
        for r in records
    )


@pytest.mark.parametrize(
    ("given", "events", "mentions"),
    [
        ("out.parquet", "out.parquet", "out.mentions.parquet"),
        ("out", "out.parquet", "out.mentions.parquet"),
        ("dir/", "dir/events.parquet", "dir/mentions.parquet"),
    ],
    ids=["file", "no-suffix", "folder"],
)
def test_export_table_paths(given: str, events: str, mentions: str):
    found = table_paths(given, "parquet")
    assert (str(found[0]), str(found[1])) == (events, mentions)


def test_export_unknown_format_lists_the_known_ones(filled_store: Store, tmp_path):
    with pytest.raises(Exception, match="gdelt"):
        export_events(tmp_path / "x", format="stata", store=filled_store)
