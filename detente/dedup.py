"""De-duplication: which event mentions are the same event.

News reports one event many times: in several sentences of one article, in
several articles of one outlet, across outlets and days. The store keeps every
mention and groups them into events by a *mode*; the mode is recorded with
every aggregate row (``events.dedup_mode``).

Modes
-----
``none``
    Every mention is an event (key: the mention itself).
``one-a-day``
    One event per (source actor, target actor, CAMEO code, event date,
    negated) — the common baseline of GDELT/ICEWS-style counts.
``story``
    Mentions that report the same story are merged. Two mentions are the
    same story when they have the same source actor, target actor, CAMEO code
    and negation, their event dates are at most :data:`STORY_MAX_DAYS` (1) day
    apart (or both unknown), **and** their articles are the same story: the
    same article, the same normalised title (:func:`title_key`), or article
    texts whose word-3-shingle Jaccard similarity, estimated with a
    :data:`MINHASH_PERMUTATIONS`-permutation MinHash, is at least
    :data:`STORY_MIN_JACCARD` (0.5). Events are the connected components of
    this relation, so a chain of reprints is one event. The key of a
    component is derived from its earliest member (smallest
    ``(doc_id, mention_index)``), so it does not depend on insertion order.

Keys are short stable hashes prefixed by the mode (``n-``, ``d-``, ``s-``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np

from .errors import ConfigError
from .models import Event, stable_hash

#: The modes, in order from finest to coarsest.
DEDUP_MODES: tuple[str, ...] = ("none", "one-a-day", "story")
#: Largest distance in days between event dates of one story event.
STORY_MAX_DAYS = 1
#: Smallest estimated Jaccard similarity of two article texts of one story.
STORY_MIN_JACCARD = 0.5
#: Words per shingle for the text similarity.
SHINGLE_WORDS = 3
#: MinHash signature length.
MINHASH_PERMUTATIONS = 64

# One hash function per permutation: splitmix64(x XOR seed), on 64-bit
# shingle hashes; fixed seeds so signatures stay comparable across runs.
_SEEDS = np.random.default_rng(20240501).integers(
    0, np.iinfo(np.uint64).max, size=MINHASH_PERMUTATIONS, dtype=np.uint64
)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_WORD = re.compile(r"\w+", re.UNICODE)


def check_mode(mode: str) -> str:
    """Return ``mode`` if it is a known de-duplication mode, else raise ConfigError."""
    if mode not in DEDUP_MODES:
        raise ConfigError(
            f"unknown de-duplication mode {mode!r}; use one of {', '.join(DEDUP_MODES)}"
        )
    return mode


def mention_key(doc_id: str, mention_index: int) -> str:
    """Key of mode ``none``: the mention is its own event."""
    return "n-" + stable_hash("none", doc_id, mention_index)


def one_a_day_key(event: Event) -> str:
    """Key of mode ``one-a-day``: source, target, CAMEO code, event date, negation."""
    return "d-" + stable_hash(
        "one-a-day",
        event.source_actor,
        event.target_actor,
        event.cameo_code,
        (event.event_date or "")[:10],
        int(event.negated),
    )


def story_key(doc_id: str, mention_index: int) -> str:
    """Key of a ``story`` component whose earliest member is this mention."""
    return "s-" + stable_hash("story", doc_id, mention_index)


def story_group(event: Event) -> tuple[str, str, str, bool]:
    """The fields two mentions must share to be one ``story`` event."""
    return (
        event.source_actor,
        event.target_actor,
        event.cameo_code,
        bool(event.negated),
    )


def dates_close(a: dt.date | None, b: dt.date | None) -> bool:
    """True when both dates are unknown or at most STORY_MAX_DAYS apart."""
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= STORY_MAX_DAYS


def title_key(title: str) -> str:
    """Normalised title: lower case, accents and punctuation removed, spaces collapsed.

    Titles of fewer than four words give ``""`` (too generic to match on).
    """
    folded = unicodedata.normalize("NFKD", title or "")
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = _WORD.findall(folded)
    return " ".join(words) if len(words) >= 4 else ""


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of word ``size``-grams of ``text`` (lower-cased)."""
    words = _WORD.findall((text or "").lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def text_signature(text: str) -> str:
    """MinHash signature of the text's shingles, as a hex string ("" for no text)."""
    grams = shingles(text)
    if not grams:
        return ""
    hashed = np.frombuffer(
        b"".join(
            hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams
        ),
        dtype="<u8",
    )
    values = hashed[:, None] ^ _SEEDS[None, :]
    values = (values ^ (values >> np.uint64(30))) * _M1
    values = (values ^ (values >> np.uint64(27))) * _M2
    values = values ^ (values >> np.uint64(31))
    minimum = values.min(axis=0)
    return minimum.astype(">u8").tobytes().hex()


def signature_similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two :func:`text_signature` values."""
    if not a or not b or len(a) != len(b):
        return 0.0
    left = np.frombuffer(bytes.fromhex(a), dtype=">u8")
    right = np.frombuffer(bytes.fromhex(b), dtype=">u8")
    return float(np.mean(left == right))


def same_story(doc_a: tuple[str, str, str], doc_b: tuple[str, str, str]) -> bool:
    """Whether two documents ``(doc_id, title_key, text_signature)`` are one story."""
    if doc_a[0] == doc_b[0]:
        return True
    if doc_a[1] and doc_a[1] == doc_b[1]:
        return True
    return signature_similarity(doc_a[2], doc_b[2]) >= STORY_MIN_JACCARD


class UnionFind:
    """Disjoint sets over hashable items (for story components)."""

    def __init__(self, items: Iterable[object] = ()) -> None:
        self._parent: dict[object, object] = {}
        for item in items:
            self.add(item)

    def add(self, item: object) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: object) -> object:
        self.add(item)
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: object, b: object) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[root_b] = root_a

    def groups(self) -> list[list[object]]:
        found: dict[object, list[object]] = {}
        for item in self._parent:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())


def dedup_events(
    events: Sequence[Event], *, mode: str = "one-a-day"
) -> list[list[Event]]:
    """Group in-memory events by ``mode`` (``none`` or ``one-a-day``).

    A store-free helper for callers holding a list of events (e.g. the output
    of ``detente code -o``); ``story`` needs article texts, so use the store.

    Returns
    -------
    list of list of Event
        One list per de-duplicated event, in order of first appearance.
    """
    check_mode(mode)
    if mode == "story":
        raise ConfigError(
            "dedup mode 'story' needs the article texts; add the articles to a Store "
            "and use Store.events_frame(dedup='story')"
        )
    groups: dict[str, list[Event]] = {}
    for position, event in enumerate(events):
        key = (
            mention_key(event.doc_id, position)
            if mode == "none"
            else one_a_day_key(event)
        )
        groups.setdefault(key, []).append(event)
    return list(groups.values())
