"""Small inputs written by hand for the ingestion tests."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from detente.ingest import Skipped

ENGLISH = (
    "China and Russia held talks on strategic stability in Moscow. "
    "The two sides agreed to deepen their cooperation and to coordinate "
    "their positions at the United Nations."
)
ENGLISH_2 = (
    "The United States imposed new sanctions on Iran over its nuclear programme. "
    "Tehran condemned the decision and said it would respond."
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Leaders meet in Moscow | World News Daily</title>
<meta property="og:title" content="Leaders meet in Moscow">
<meta property="og:site_name" content="World News Daily">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-05-24T10:00:00Z">
<link rel="canonical" href="https://news.example.org/2021/05/24/leaders-meet">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
<article><h1>Leaders meet in Moscow</h1>
<p>Chinese and Russian officials met in Moscow on Monday to discuss strategic
stability, the foreign ministries of both countries said in statements.</p>
<p>The talks covered arms control, regional security and the coordination of
their positions at the United Nations Security Council, officials said.</p>
<p>Both delegations described the meeting as constructive and agreed to hold
another round of consultations in Beijing later this year.</p>
</article>
<footer><p>Copyright 2021 World News Daily. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>
"""

HTML_NO_TEXT = """<!DOCTYPE html><html><head><title>Index</title>
<script>var x = 1;</script></head><body><nav><a href="/">Home</a></nav>
<div id="app"></div></body></html>
"""


def write_jsonl(path: Path, records: list[dict], *, compress: bool = False) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def split_items(items: list) -> tuple[list, list[Skipped]]:
    articles = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    return articles, skipped


@pytest.fixture()
def good_text(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ENGLISH_2, encoding="utf-8")
    return path
