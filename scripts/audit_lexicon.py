"""Audit which lexicon rules fire on real news, most frequent first.

Usage::

    python scripts/audit_lexicon.py [--limit 400] [--top 150] [--examples 2]
        [--files abp_international.jsonl.gz agnews_world.jsonl.gz]
        [--events-out events.jsonl]

Runs the default pipeline (``Pipeline.default()``) over the first ``--limit``
articles of each corpus file in ``../shared/corpus/articles`` (or
``$DETENTE_SHARED``), and prints, by frequency, each (rule id, verb lemma,
CAMEO code, coder) with its count and example evidence sentences, then the
share of events coded by lemma-only ``default`` patterns (a pattern flagged
``default``, or one with no particle, object or preposition). ``--events-out``
writes one JSON line per event (doc, sentence, rule, lemma, code) so that two
runs can be compared.

The audit is for reading lexicon patterns against the CAMEO codebook on real
news; it says nothing about accuracy (use ``detente eval`` for that).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHARED = Path(
    os.environ.get("DETENTE_SHARED", Path(__file__).resolve().parents[2] / "shared")
)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from detente._coding_internals.lexicon import Pattern, load_lexicon  # noqa: E402
from detente._coding_internals.matcher import verb_lemmas  # noqa: E402
from detente.ingest import iter_articles  # noqa: E402
from detente.models import Article, Event  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402

DEFAULT_FILES = ("abp_international.jsonl.gz", "agnews_world.jsonl.gz")


def read_articles(paths: list[Path], limit: int) -> Iterator[Article]:
    """The first ``limit`` articles of each file (skipped records are passed over)."""
    for path in paths:
        count = 0
        for item in iter_articles([path]):
            if not isinstance(item, Article):
                continue
            yield item
            count += 1
            if count >= limit:
                break


def inner_pattern_id(rule: str) -> str:
    """The lexicon pattern id of a rule (``wrap:cls:lemma+ID`` -> ``ID``)."""
    if rule.startswith("wrap:"):
        return rule.partition("+")[2]
    return rule


def is_default(pattern: Pattern | None) -> bool:
    """A lemma-only pattern: flagged ``default`` or without any constraint."""
    if pattern is None:
        return False
    return "default" in pattern.flags or not (
        pattern.particle or pattern.objects or pattern.preps
    )


def head_lemma(article: Article, event: Event, pattern: Pattern | None) -> str:
    """The lemma of the event's head word (the pattern's lemma it matched)."""
    if event.rule.startswith("wrap:") and not pattern:
        return event.rule.split(":")[2].partition("+")[0]
    doc = article.doc
    if doc is None or event.verb_span is None:
        return event.verb_text.split(" ")[0].lower()
    span = doc.char_span(*event.verb_span, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    if pattern is not None:
        for token in tokens:
            for lemma in verb_lemmas(token):
                if lemma in pattern.lemmas:
                    return lemma
    return tokens[0].lemma_.lower() if tokens else event.verb_text.lower()


def evidence(article: Article, event: Event, *, width: int = 90) -> str:
    """The sentence around the event's words, which are marked ``[[...]]``."""
    if event.verb_span is None:
        return " ".join(event.sentence.split())
    text = article.text
    start, end = event.verb_span
    left = text[max(event.span[0], start - width) : start]
    right = text[end : min(event.span[1], end + width)]
    marked = f"{left}[[{text[start:end]}]]{right}"
    return " ".join(marked.split())


def classify(rule: str, patterns: dict[str, Pattern]) -> tuple[Pattern | None, str]:
    """The rule's pattern and a kind: default, pattern, wrapped or other."""
    pattern = patterns.get(inner_pattern_id(rule))
    if rule.startswith("wrap:"):
        return pattern, "wrapped"
    if pattern is None:
        return None, "other"
    return pattern, "default" if is_default(pattern) else "pattern"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="articles per file")
    parser.add_argument("--top", type=int, default=150, help="rows to print")
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--files", nargs="+", default=list(DEFAULT_FILES))
    parser.add_argument("--events-out", type=Path)
    options = parser.parse_args(argv)

    paths = [SHARED / "corpus" / "articles" / name for name in options.files]
    patterns = {p.id: p for p in load_lexicon().patterns}
    pipeline = Pipeline.default()
    counts: Counter[tuple[str, str, str, str]] = Counter()
    examples: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    out: Any = options.events_out.open("w") if options.events_out else None
    articles = 0
    for article in pipeline.pipe(read_articles(paths, options.limit)):
        articles += 1
        for event in article.events:
            pattern, kind = classify(event.rule, patterns)
            kinds[kind] += 1
            lemma = head_lemma(article, event, pattern)
            key = (event.rule, lemma, event.cameo_code, event.coder)
            counts[key] += 1
            sentence = evidence(article, event)
            if len(examples[key]) < options.examples and sentence not in examples[key]:
                examples[key].append(sentence)
            if out is not None:
                record = {
                    "doc_id": event.doc_id,
                    "sentence": " ".join(event.sentence.split()),
                    "evidence": sentence,
                    "rule": event.rule,
                    "lemma": lemma,
                    "code": event.cameo_code,
                    "kind": kind,
                    "source": event.source_actor,
                    "target": event.target_actor,
                    "source_text": event.source_text,
                    "target_text": event.target_text,
                }
                out.write(json.dumps(record) + "\n")
    if out is not None:
        out.close()

    total = sum(counts.values())
    print(f"{articles} articles, {total} events, {len(counts)} distinct rows")
    print("count\trule\tlemma\tcode\tcoder\tkind")
    for key, count in counts.most_common(options.top):
        rule, lemma, code, coder = key
        _, kind = classify(rule, patterns)
        print(f"{count}\t{rule}\t{lemma}\t{code}\t{coder}\t{kind}")
        for sentence in examples[key]:
            print(f"\t  | {sentence}")
    print()
    for kind, count in kinds.most_common():
        print(f"{kind:>8}: {count:5d} events ({100 * count / max(total, 1):.1f}%)")


if __name__ == "__main__":
    main()
