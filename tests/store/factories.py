"""Hand-made articles and events for the store, export and dedup tests (no NLP).

``sample_corpus(n)`` builds a deterministic corpus in which the same events
are reported by several articles from several outlets, on neighbouring days,
some as near-identical reprints of one wire story. Run as a script to write
the sample store (``python -m tests.store.factories sample.duckdb``).
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from detente.models import Article, Event

ACTORS = ("CHNGOV", "RUSGOV", "USAGOV", "IRN", "FRAGOV", "IGOUNO", "UKRMIL", "GBR")
CODES = {
    "040": ("04", 1.0, 1, "CONSULT", "held talks with"),
    "042": ("04", 1.9, 1, "CONSULT", "visited"),
    "057": ("05", 8.0, 2, "COOPERATE", "signed an agreement with"),
    "111": ("11", -2.0, 3, "ACCUSE", "criticised"),
    "163": ("16", -8.0, 3, "REDUCE", "imposed an embargo on"),
    "190": ("19", -10.0, 4, "ASSAULT", "attacked"),
}
SOURCES = ("Reuters", "AP", "AFP", "Xinhua", "TASS")
FILLER = (
    "Officials said the meeting lasted several hours and covered trade and security.",
    "Analysts expect further statements from both capitals in the coming days.",
    "The foreign ministry spokesperson declined to give details to reporters.",
    "Markets in the region were little changed after the announcement.",
)


def make_event(
    doc_id: str,
    source: str,
    target: str,
    code: str,
    date: str | None,
    *,
    sentence_index: int = 0,
    span: tuple[int, int] | None = None,
    sentence: str | None = None,
    source_name: str = "",
    url: str = "",
    tone: float | None = 0.0,
    negated: bool = False,
) -> Event:
    root, goldstein, quad, plover, verb = CODES.get(
        code, (code[:2], 0.0, 1, "CONSULT", "met")
    )
    text = sentence or f"{source} {verb} {target}."
    return Event(
        doc_id=doc_id,
        sentence=text,
        span=span or (0, len(text)),
        source_actor=source,
        source_country=source[:3],
        target_actor=target,
        target_country=target[:3],
        cameo_code=code,
        cameo_root=root,
        goldstein=goldstein,
        quad_class=quad,
        plover_type=plover,
        event_date=date,
        negated=negated,
        rule=f"test:{code}",
        sentence_index=sentence_index,
        source_text=source,
        target_text=target,
        source_span=(0, len(source)),
        target_span=(len(text) - len(target) - 1, len(text) - 1),
        verb_text=verb,
        verb_span=(len(source) + 1, len(source) + 1 + len(verb)),
        source_name=source_name,
        url=url,
        tone=tone,
        quad_class_mapping="gdelt.v1",
    )


def make_article(
    doc_id: str,
    date: dt.date | None,
    reports: list[tuple[str, str, str, str | None]],
    *,
    source: str = "Reuters",
    title: str = "",
    extra: str = "",
    tone: float = 0.0,
) -> Article:
    """An article whose sentences are its reports ``(source, target, code, date)``."""
    sentences: list[str] = []
    events: list[Event] = []
    offset = 0
    for index, (actor, target, code, date_text) in enumerate(reports):
        verb = CODES.get(code, ("", 0, 0, "", "met"))[4]
        sentence = f"{actor} {verb} {target}."
        span = (offset, offset + len(sentence))
        events.append(
            make_event(
                doc_id,
                actor,
                target,
                code,
                date_text,
                sentence_index=index,
                span=span,
                sentence=sentence,
                source_name=source,
                url=f"https://news.example/{doc_id}",
                tone=tone,
            )
        )
        sentences.append(sentence)
        offset = span[1] + 1
    text = " ".join(sentences) + (" " + extra if extra else "")
    return Article(
        doc_id=doc_id,
        text=text,
        title=title,
        date=date,
        date_source="metadata" if date else "none",
        source=source,
        url=f"https://news.example/{doc_id}",
        language="en",
        origin=f"factories:{doc_id}",
        events=events,
        tone=tone,
        sentence_tones=[tone] * len(events),
    )


def sample_corpus(n: int = 200, *, seed: int = 7) -> list[Article]:
    """``n`` deterministic articles: ~n/4 stories, each reported 1-6 times."""
    rng = random.Random(seed)
    articles: list[Article] = []
    start = dt.date(2024, 3, 1)
    story = 0
    while len(articles) < n:
        story += 1
        source, target = rng.sample(ACTORS, 2)
        code = rng.choice(sorted(CODES))
        day = start + dt.timedelta(days=rng.randrange(60))
        wire = " ".join(rng.sample(FILLER, 3)) + f" Story number {story} of the wire."
        title = f"{source} and {target} story {story} developments today"
        for copy in range(rng.randint(1, 6)):
            if len(articles) >= n:
                break
            published = day + dt.timedelta(days=rng.choice((0, 0, 1)))
            reported = published if rng.random() < 0.7 else day
            doc_id = f"s{story:03d}-{copy}"
            reports = [(source, target, code, reported.isoformat())]
            if rng.random() < 0.3:  # a second, unrelated event in the same article
                other = rng.sample(ACTORS, 2)
                reports.append(
                    (
                        other[0],
                        other[1],
                        rng.choice(sorted(CODES)),
                        published.isoformat(),
                    )
                )
            if rng.random() < 0.2:  # the same event told twice in one article
                reports.append(reports[0])
            same_text = rng.random() < 0.6
            articles.append(
                make_article(
                    doc_id,
                    published,
                    reports,
                    source=rng.choice(SOURCES),
                    title=title if rng.random() < 0.5 else f"Report {doc_id}",
                    extra=wire if same_text else f"Independent reporting {doc_id} " * 5,
                    tone=round(rng.uniform(-5, 5), 2),
                )
            )
    return articles


if __name__ == "__main__":
    from detente.store import Store

    target = sys.argv[1] if len(sys.argv) > 1 else "sample.duckdb"
    with Store.open(target) as store:
        added = store.add_articles(sample_corpus())
        print(f"{target}: {added} articles added; {store.counts()}")
