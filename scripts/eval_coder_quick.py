"""Quick accuracy figures of the event coder on the shared dev sets.

Usage::

    python scripts/eval_coder_quick.py [--actors gold|resolver] [--limit N] [--show-errors]

``--actors gold`` (default) marks the gold source/target text spans as the only
actor mentions (each distinct span is its own actor), isolating the coder from
the actor resolver: an optimistic setting (no distractor actors). ``--actors
resolver`` runs the full default pipeline (nlp -> actors -> coding) and compares
countries, for the files whose gold actors are codes (petrarch2_gsr_dev).

Scoring follows ../shared/eval/README.md: a sentence counts for root accuracy
when an event with the gold root is coded; triples are (source, target, root)
P/R/F1 over gold events; negated events are not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

SHARED = Path(
    os.environ.get("DETENTE_SHARED", Path(__file__).resolve().parents[2] / "shared")
)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from detente.models import Actor, ActorMention, Article  # noqa: E402
from detente.ontology import get_ontology  # noqa: E402


def span_code(text: str) -> str:
    return "A_" + re.sub(r"\W+", "_", text.strip().upper())[:40]


def mark(doc, text: str, spans: list[str]) -> list[ActorMention]:
    sentences = list(doc.sents)
    mentions = []
    for phrase in dict.fromkeys(spans):
        index = text.find(phrase)
        if index < 0:
            continue
        span = doc.char_span(index, index + len(phrase), alignment_mode="expand")
        sent_index = next(
            i for i, s in enumerate(sentences) if s.start <= span.start < s.end
        )
        code = span_code(phrase)
        mentions.append(
            ActorMention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                token_start=span.start,
                token_end=span.end,
                sentence_index=sent_index,
                actor=Actor(code=code, country=code, name=phrase),
                rule="gold",
                head=span.root.i,
            )
        )
    return mentions


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", choices=["gold", "resolver"], default="gold")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--embedding", action="store_true", help="enable the fallback")
    parser.add_argument("--files", nargs="*", default=None)
    options = parser.parse_args()

    from detente.coding import EventCoder
    from detente.nlp import load_nlp

    nlp = load_nlp()
    coder = EventCoder(embedding_fallback=options.embedding)
    ontology = get_ontology()
    pipeline = None
    if options.actors == "resolver":
        from detente.pipeline import Pipeline

        pipeline = Pipeline.default(
            names=("detente.nlp.v1", "detente.actors.v1", "detente.cameo_coder.v1"),
            embedding_fallback=options.embedding,
        )
    files = options.files or [
        "cameo_examples_dev.jsonl",
        "plover_gsr_dev.jsonl",
        "petrarch2_gsr_dev.jsonl",
    ]
    for name in files:
        records = [
            json.loads(line)
            for line in (SHARED / "eval" / name).read_text().splitlines()
            if line.strip()
        ]
        records = records[: options.limit]
        root_ok = full_ok = n_sent = 0
        tp = n_pred = n_gold = 0
        plover_ok = 0
        for rec in records:
            text = rec["text"]
            gold_codes = (
                rec["event_code"]
                if isinstance(rec["event_code"], list)
                else [rec["event_code"]]
            )
            if options.actors == "gold":
                if rec.get("ontology") == "CAMEO" and "actor_fields_are" in rec:
                    continue  # gold actors are codes: needs the resolver
                doc = nlp(text)
                spans = list(rec.get("source_actor") or []) + list(
                    rec.get("target_actor") or []
                )
                article = Article(
                    doc_id=rec["id"],
                    text=text,
                    doc=doc,
                    actor_mentions=mark(doc, text, spans),
                )
                events = [e for e in coder(article).events if not e.negated]
                src = [span_code(s) for s in rec.get("source_actor") or []]
                tgt = [span_code(t) for t in rec.get("target_actor") or []]
                if rec.get("reciprocal") or not tgt:
                    pairs = [(a, b) for a in src for b in src if a != b]
                else:
                    pairs = [(a, b) for a in src for b in tgt if a != b]
            else:
                article = pipeline(Article(doc_id=rec["id"], text=text))
                events = [e for e in article.events if not e.negated]
                pairs = list(zip(rec["source_actor"], rec["target_actor"], strict=True))
            if rec.get("ontology") == "PLOVER":
                gold_type = ontology.current_plover_name(rec["event_code"])
                n_sent += 1
                plover_ok += any(e.plover_type == gold_type for e in events)
                continue
            if rec.get("noevents"):
                n_pred += len(
                    {(e.source_country, e.target_country, e.cameo_root) for e in events}
                )
                continue
            n_sent += 1
            roots = {c[:2] for c in gold_codes}
            root_ok += any(e.cameo_root in roots for e in events)
            full_ok += any(e.cameo_code in gold_codes for e in events)
            if options.actors == "gold":
                gold = {(a, b, c[:2]) for a, b in pairs for c in gold_codes}
                pred = {(e.source_actor, e.target_actor, e.cameo_root) for e in events}
            else:
                gold = {
                    (a[:3], b[:3], c[:2])
                    for (a, b), c in zip(pairs, gold_codes, strict=True)
                }
                pred = {
                    (e.source_country[:3], e.target_country[:3], e.cameo_root)
                    for e in events
                }
            tp += len(gold & pred)
            n_pred += len(pred)
            n_gold += len(gold)
            if options.show_errors and not any(e.cameo_root in roots for e in events):
                print(f"  MISS {gold_codes} {rec.get('event_name', '')!r}: {text}")
                for e in events:
                    print(
                        f"      got {e.source_actor}->{e.target_actor} {e.cameo_code} {e.rule}"
                    )
        if not n_sent:
            continue
        if any(r.get("ontology") == "PLOVER" for r in records):
            print(
                f"{name}: {n_sent} sentences, PLOVER type accuracy {plover_ok / n_sent:.3f}"
            )
            continue
        p, r, f = prf(tp, n_pred, n_gold)
        print(
            f"{name}: {n_sent} sentences, root accuracy {root_ok / n_sent:.3f}, "
            f"full-code accuracy {full_ok / n_sent:.3f}, triples P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )


if __name__ == "__main__":
    main()
