"""List the predicates of real news that link two actors but code no event.

Usage::

    python scripts/uncoded_predicates.py [--limit 300] [--top 80] [--examples 2]
        [--files abp_international.jsonl.gz agnews_world.jsonl.gz] [--bulk]
        [--lemma strengthen --lemma accept] [--min-count 2] [--json out.jsonl]

Runs the stages of the default pipeline (``Pipeline.default()``: parse, then
actors) over the first ``--limit`` articles of each corpus file in
``$DETENTE_SHARED/corpus/articles`` (``--bulk`` adds
``bulk/reuters21578.jsonl.gz``), then codes every sentence with the default
pipeline's :class:`~detente.coding.EventCoder` (``code_sentence``, as the
coding stage does) and prints two ranked tables:

1. **uncoded two-sided predicates**: the verbs ``code_sentence`` returns as
   uncoded (an actor on the subject side, another in an object or
   prepositional slot, and no lexicon pattern), keyed by lemma + particle +
   object head + first preposition (with its object's head when that is not
   an actor: ``put _ACTOR_ under:investigation``);
2. **light verb + object noun**: verbs with a source actor, a non-actor
   direct object, another actor in the sentence, and neither a verb pattern
   nor an event-noun pattern for the object ("strengthen forces", "accept
   plan") -- whether or not the target sits in one of the verb's slots.

Each row has its frequency and ``--examples`` evidence sentences (the verb
marked ``[[...]]``). The table is a to-do list for the lexicon
(``detente/data/lexicon/detente_verbs.tsv``): read the frequent rows against
the CAMEO codebook, never against an evaluation set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

SHARED = Path(
    os.environ.get("DETENTE_SHARED", Path(__file__).resolve().parents[2] / "shared")
)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from detente._coding_internals import arguments as args  # noqa: E402
from detente._coding_internals.matcher import (  # noqa: E402
    best_noun_match,
    best_verb_match,
)
from detente._coding_internals.unidentified import with_unidentified  # noqa: E402
from detente.coding import EventCoder  # noqa: E402
from detente.ingest import iter_articles  # noqa: E402
from detente.models import ActorMention, Article  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402

DEFAULT_FILES = ("abp_international.jsonl.gz", "agnews_world.jsonl.gz")
BULK_FILE = Path("bulk") / "reuters21578.jsonl.gz"
ACTOR = "_ACTOR_"


def read_articles(paths: Sequence[Path], limit: int) -> Iterator[Article]:
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


def _head_word(token: Any, index: args.MentionIndex) -> str:
    return ACTOR if index.at(token) else token.lemma_.lower()


def predicate_key(verb: Any, index: args.MentionIndex) -> str:
    """lemma [particle] [object head] [prep[:object head]] of a predicate."""
    parts = [verb.lemma_.lower()]
    parts += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]
    if objects:
        parts.append(_head_word(objects[0], index))
    for child in verb.children:
        if child.dep_ in {"prep", "agent", "dative"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if pobj.ent_type_ in {"DATE", "TIME"}:
                continue
            word = _head_word(pobj, index)
            parts.append(child.lower_ if word == ACTOR else f"{child.lower_}:{word}")
            break
    return " ".join(parts)


def light_verb_key(verb: Any, obj: Any) -> str:
    parts = [verb.lemma_.lower()]
    parts += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    parts.append(obj.lemma_.lower())
    return " ".join(parts)


def marked(sent: Any, tokens: Sequence[Any]) -> str:
    """The sentence with ``tokens`` marked ``[[...]]``."""
    wanted = {t.i for t in tokens}
    words = []
    for token in sent:
        text = f"[[{token.text}]]" if token.i in wanted else token.text
        words.append(text + token.whitespace_)
    return " ".join("".join(words).split())


class Collector:
    """Counts uncoded predicates and light-verb pairs over coded sentences."""

    def __init__(
        self,
        coder: EventCoder,
        *,
        examples: int,
        lemmas: set[str] | None,
        skip: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> None:
        self.coder = coder
        self.examples = examples
        self.lemmas = lemmas
        self.skip = skip
        self.counts: dict[str, Counter[str]] = {
            "uncoded": Counter(),
            "light": Counter(),
        }
        self.samples: dict[str, dict[str, list[str]]] = {
            "uncoded": defaultdict(list),
            "light": defaultdict(list),
        }
        self.sentences = 0
        self.coded_sentences = 0
        self.records: list[dict[str, Any]] = []

    def _add(self, table: str, key: str, sent: Any, tokens: Sequence[Any]) -> None:
        lemma = key.split(" ")[0]
        if (self.lemmas and lemma not in self.lemmas) or lemma in self.skip:
            return
        self.counts[table][key] += 1
        text = marked(sent, tokens)
        found = self.samples[table][key]
        if len(found) < self.examples and text not in found:
            found.append(text)
        self.records.append({"table": table, "key": key, "sentence": text})

    def article(self, article: Article) -> None:
        doc = article.doc
        if doc is None:
            return
        by_sentence: dict[int, list[ActorMention]] = defaultdict(list)
        for mention in article.actor_mentions:
            by_sentence[mention.sentence_index].append(mention)
        for sent_index, sent in enumerate(doc.sents):
            mentions = by_sentence.get(sent_index, [])
            if self.coder.unidentified_actors:
                mentions = with_unidentified(mentions, doc)
            if not any(m.actor is not None for m in mentions):
                continue
            self.sentences += 1
            frames, uncoded = self.coder.code_sentence(sent, mentions)
            if frames:
                self.coded_sentences += 1
            index = args.MentionIndex(mentions)
            for verb in uncoded:
                self._add("uncoded", predicate_key(verb, index), sent, [verb])
            self._light_verbs(sent, frames, uncoded, index)

    def _light_verbs(
        self, sent: Any, frames: Sequence[Any], uncoded: Sequence[Any], index: Any
    ) -> None:
        in_frames = {t.i for f in frames for t in [f.verb, *f.tokens] if t is not None}
        uncoded_ids = {v.i for v in uncoded}
        for verb in sent:
            if verb.pos_ != "VERB" or verb.i in in_frames:
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.pos_ != "NOUN" or index.at(obj):
                continue
            if obj.i in in_frames or best_noun_match(self.coder.lexicon, obj):
                continue
            if verb.i not in uncoded_ids and best_verb_match(self.coder.lexicon, verb):
                continue
            sources, _ = self.coder._sources(verb, index)  # noqa: SLF001
            if not sources:
                continue
            own = {id(m) for m in sources}
            others = {
                m.actor.code
                for found in index.by_token.values()
                for m in found
                if id(m) not in own and m.actor is not None
            } - {m.actor.code for m in sources if m.actor is not None}
            if not others:
                continue
            self._add("light", light_verb_key(verb, obj), sent, [verb, obj])


def print_table(
    title: str,
    counts: Counter[str],
    samples: dict[str, list[str]],
    *,
    top: int,
    min_count: int,
) -> None:
    print(f"\n== {title}: {sum(counts.values())} in {len(counts)} distinct rows")
    print("count\tpredicate")
    for key, count in counts.most_common(top):
        if count < min_count:
            break
        print(f"{count}\t{key}")
        for sentence in samples[key]:
            print(f"\t  | {sentence}")


def lemma_totals(counts: Counter[str]) -> Counter[str]:
    totals: Counter[str] = Counter()
    for key, count in counts.items():
        totals[key.split(" ")[0]] += count
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="articles per file")
    parser.add_argument("--top", type=int, default=80, help="rows per table")
    parser.add_argument("--examples", type=int, default=2, help="sentences per row")
    parser.add_argument("--min-count", type=int, default=2, help="hide rarer rows")
    parser.add_argument(
        "--files",
        nargs="+",
        default=list(DEFAULT_FILES),
        help="file names under $DETENTE_SHARED/corpus/articles (or paths)",
    )
    parser.add_argument(
        "--bulk", action="store_true", help="also read bulk/reuters21578.jsonl.gz"
    )
    parser.add_argument(
        "--lemma", action="append", help="only predicates of this lemma (repeatable)"
    )
    parser.add_argument(
        "--skip",
        default="be,have,do",
        help="comma-separated lemmas left out (default: the copula and auxiliaries)",
    )
    parser.add_argument("--json", type=Path, help="write every row as JSON Lines")
    options = parser.parse_args(argv)

    corpus = SHARED / "corpus"
    paths = [
        Path(name) if Path(name).exists() else corpus / "articles" / name
        for name in options.files
    ]
    if options.bulk:
        paths.append(corpus / BULK_FILE)
    for path in paths:
        if not path.exists():
            parser.error(f"{path} not found; set DETENTE_SHARED or pass --files PATH")

    pipeline = Pipeline.default()
    coder = pipeline.get_stage("coding")
    assert isinstance(coder, EventCoder)
    parsing = Pipeline([pipeline.get_stage("nlp"), pipeline.get_stage("actors")])
    collector = Collector(
        coder,
        examples=options.examples,
        lemmas={x.lower() for x in options.lemma} if options.lemma else None,
        skip={x.strip().lower() for x in options.skip.split(",") if x.strip()},
    )
    articles = 0
    for article in parsing.pipe(read_articles(paths, options.limit)):
        articles += 1
        collector.article(article)

    print(
        f"{articles} articles, {collector.sentences} sentences with an actor, "
        f"{collector.coded_sentences} with a coded frame"
    )
    for table, title in (
        ("uncoded", "uncoded two-sided predicates"),
        ("light", "light verb + object noun, nothing matched"),
    ):
        counts = collector.counts[table]
        print_table(
            title,
            counts,
            collector.samples[table],
            top=options.top,
            min_count=options.min_count,
        )
        totals = lemma_totals(counts).most_common(40)
        print("\nby lemma: " + ", ".join(f"{lemma} {n}" for lemma, n in totals))
    if options.json:
        with options.json.open("w") as out:
            for record in collector.records:
                out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
