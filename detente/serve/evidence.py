"""Evidence sentences cut into segments for highlighting.

A stored mention holds the sentence text, its character span in the article
(``span_start``) and the spans of the source actor, the target actor and the
verb, all in article offsets. The dashboard highlights them; to keep the
browser free of offset arithmetic the API sends the sentence as segments::

    [{"text": "China", "role": "source"}, {"text": " and ", "role": ""}, ...]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Highlighted roles, in the order that wins when spans overlap.
ROLES: tuple[str, ...] = ("verb", "source", "target")


def relative_spans(mention: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """The role spans of ``mention`` as offsets into its sentence.

    Spans that are missing, empty or outside the sentence are left out.
    """
    sentence = mention.get("sentence") or ""
    base = mention.get("span_start")
    if base is None:
        return {}
    spans: dict[str, tuple[int, int]] = {}
    for role in ROLES:
        start, end = mention.get(f"{role}_start"), mention.get(f"{role}_end")
        if start is None or end is None:
            continue
        lo, hi = int(start) - int(base), int(end) - int(base)
        if 0 <= lo < hi <= len(sentence):
            spans[role] = (lo, hi)
    return spans


def evidence_segments(mention: Mapping[str, Any]) -> list[dict[str, str]]:
    """Split the evidence sentence of ``mention`` into plain and highlighted parts.

    Parameters
    ----------
    mention:
        A row of the store's ``event_mentions`` table (``sentence``,
        ``span_start``, ``source_start``/``source_end``, ``target_*``,
        ``verb_*``).

    Returns
    -------
    list of dict
        ``{"text": ..., "role": "source" | "target" | "verb" | ""}`` in
        sentence order; joined, the texts give the sentence back.

    Examples
    --------
    >>> evidence_segments({"sentence": "China hosted Russia.", "span_start": 100,
    ...     "source_start": 100, "source_end": 105, "verb_start": 106, "verb_end": 112,
    ...     "target_start": 113, "target_end": 119})[:2]
    [{'text': 'China', 'role': 'source'}, {'text': ' ', 'role': ''}]
    """
    sentence = str(mention.get("sentence") or "")
    roles = [""] * len(sentence)
    # Paint lower-priority roles first so that the verb wins an overlap.
    for role, (lo, hi) in sorted(
        relative_spans(mention).items(), key=lambda item: -ROLES.index(item[0])
    ):
        for i in range(lo, hi):
            roles[i] = role
    segments: list[dict[str, str]] = []
    for char, role in zip(sentence, roles, strict=True):
        if segments and segments[-1]["role"] == role:
            segments[-1]["text"] += char
        else:
            segments.append({"text": char, "role": role})
    return segments
