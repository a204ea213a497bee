"""The sample event store of the serve tests, built by hand (no NLP).

Runs as a script so developers can open the same data in the dashboard::

    .venv/bin/python tests/fixtures.py sample.duckdb
    .venv/bin/detente serve --db sample.duckdb

Articles are written sentence by sentence with inline marks for the evidence
spans: ``{s:CHNGOV China}`` is the source actor (code CHNGOV) named "China",
``{t:RUS Russia}`` the target, ``{v:hosted}`` the verb. :func:`make_article`
turns them into an :class:`~detente.models.Article` with its events,
character spans and actor mentions, stored through ``Store.add_article``.

The data spans January to June 2024 and draws two camps: USA, IND, WST and
IGOWHO cooperate with each other and quarrel with CHN, RUS and IRN, which
cooperate among themselves. One event is reported twice on one day (so
one-a-day de-duplication merges it), one sentence is negated and one event
has no date.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from detente.models import Actor, ActorMention, Article, Event

#: CAMEO code -> (Goldstein, QuadClass under gdelt.v1, PLOVER type).
CODES: dict[str, tuple[float, int, str]] = {
    "036": (4.0, 1, "CONSULT"),
    "042": (1.9, 1, "CONSULT"),
    "043": (2.8, 1, "CONSULT"),
    "051": (3.4, 1, "COOPERATE"),
    "057": (8.0, 1, "AGREE"),
    "061": (6.4, 2, "COOPERATE"),
    "073": (7.4, 2, "AID"),
    "111": (-2.0, 3, "DISAPPROVE"),
    "112": (-2.0, 3, "ACCUSE"),
    "138": (-7.0, 3, "THREATEN"),
    "163": (-8.0, 4, "SANCTION"),
    "172": (-5.0, 4, "SANCTION"),
    "190": (-10.0, 4, "ASSAULT"),
}

NAMES: dict[str, tuple[str, str]] = {
    # code -> (name, kind)
    "USA": ("United States", "country"),
    "USAGOV": ("United States government", "country"),
    "CHN": ("China", "country"),
    "CHNGOV": ("Chinese government", "country"),
    "RUS": ("Russia", "country"),
    "RUSGOV": ("Russian government", "country"),
    "IND": ("India", "country"),
    "INDGOV": ("Indian government", "country"),
    "IRN": ("Iran", "country"),
    "UKR": ("Ukraine", "country"),
    "WST": ("the West", "bloc"),
    "IGOWHO": ("World Health Organization", "igo"),
}

_MARK = re.compile(r"\{([stv]):(?:([A-Z]{3,9}) )?([^}]+)\}")


@dataclass(frozen=True)
class Coded:
    """One sentence and the event it codes (``code`` None: no event)."""

    marked: str
    code: str | None = None
    negated: bool = False
    event_date: str | None = None  # default: the article date
    undated: bool = False  # no event date at all (event_date None)


def country_of(code: str) -> str:
    """The country (or bloc / IGO) part of an actor code."""
    return "IGO" if code.startswith("IGO") else code[:3]


def parse_marks(marked: str) -> tuple[str, dict[str, tuple[int, int, str]]]:
    """Strip the marks: the plain sentence and ``role -> (start, end, code)``."""
    plain: list[str] = []
    spans: dict[str, tuple[int, int, str]] = {}
    position = 0
    cursor = 0
    for match in _MARK.finditer(marked):
        before = marked[cursor : match.start()]
        plain.append(before)
        position += len(before)
        role, code, words = match.group(1), match.group(2) or "", match.group(3)
        spans[role] = (position, position + len(words), code)
        plain.append(words)
        position += len(words)
        cursor = match.end()
    plain.append(marked[cursor:])
    return "".join(plain), spans


def make_article(
    doc_id: str,
    date: str,
    source: str,
    title: str,
    sentences: list[Coded],
) -> Article:
    """An article with hand-coded events, spans and actor mentions."""
    text_parts: list[str] = []
    events: list[Event] = []
    mentions: list[ActorMention] = []
    offset = 0
    for index, coded in enumerate(sentences):
        sentence, spans = parse_marks(coded.marked)
        start = offset
        text_parts.append(sentence)
        offset += len(sentence) + 1  # sentences are joined by one space
        for role in ("s", "t"):
            if role in spans:
                lo, hi, code = spans[role]
                name, kind = NAMES.get(code, (sentence[lo:hi], "country"))
                mentions.append(
                    ActorMention(
                        text=sentence[lo:hi],
                        start=start + lo,
                        end=start + hi,
                        token_start=0,
                        token_end=0,
                        sentence_index=index,
                        actor=Actor(
                            code=code,
                            country=country_of(code),
                            name=name,
                            role=code[3:] if kind == "country" else "",
                            kind=kind,
                            entry_id=f"fixture:{code}",
                        ),
                        rule="dictionary:name",
                    )
                )
        if coded.code is None:
            continue
        goldstein, quad_class, plover = CODES[coded.code]
        (s_lo, s_hi, source_code) = spans["s"]
        (t_lo, t_hi, target_code) = spans["t"]
        (v_lo, v_hi, _) = spans["v"]
        events.append(
            Event(
                doc_id=doc_id,
                sentence=sentence,
                span=(start, start + len(sentence)),
                source_actor=source_code,
                source_country=country_of(source_code),
                target_actor=target_code,
                target_country=country_of(target_code),
                cameo_code=coded.code,
                cameo_root=coded.code[:2],
                goldstein=goldstein,
                quad_class=quad_class,
                plover_type=plover,
                event_date=None if coded.undated else coded.event_date or date,
                negated=coded.negated,
                rule=f"fixture.{coded.code}",
                coder="lexicon",
                confidence=0.9,
                sentence_index=index,
                source_text=sentence[s_lo:s_hi],
                target_text=sentence[t_lo:t_hi],
                source_span=(start + s_lo, start + s_hi),
                target_span=(start + t_lo, start + t_hi),
                verb_text=sentence[v_lo:v_hi],
                verb_span=(start + v_lo, start + v_hi),
                event_date_source=(
                    "none"
                    if coded.undated
                    else "text"
                    if coded.event_date
                    else "article"
                ),
                source_name=source,
                url=f"https://news.example/{doc_id}",
                tone=0.4 if quad_class <= 2 else -0.5,
                quad_class_mapping="gdelt.v1",
            )
        )
    return Article(
        doc_id=doc_id,
        text=" ".join(text_parts),
        title=title,
        date=dt.date.fromisoformat(date),
        date_source="metadata",
        source=source,
        url=f"https://news.example/{doc_id}",
        language="en",
        origin="tests/fixtures.py",
        input_format="text",
        actor_mentions=mentions,
        events=events,
        tone=sum(e.tone or 0.0 for e in events) / len(events) if events else 0.0,
    )


def sample_articles() -> list[Article]:
    """The articles of the sample store (about 30, January to June 2024)."""
    c = Coded
    specs: list[tuple[str, str, str, str, list[Coded]]] = [
        (
            "a01",
            "2024-01-09",
            "Wire One",
            "Beijing hosts Moscow delegation",
            [
                c(
                    "{s:CHNGOV China} {v:hosted} {t:RUSGOV a Russian delegation} in Beijing on Tuesday.",
                    "043",
                ),
                c(
                    "Both sides {v:signed} deals on energy, {s:CHNGOV Chinese officials} said of {t:RUS Russia}.",
                    "057",
                ),
            ],
        ),
        (
            "a02",
            "2024-01-15",
            "Daily Courier",
            "Washington accuses Beijing over cyber attacks",
            [
                c(
                    "{s:USAGOV The United States} {v:accused} {t:CHNGOV China} of sponsoring cyber attacks.",
                    "112",
                ),
                c("Officials gave no further details."),
            ],
        ),
        (
            "a03",
            "2024-01-22",
            "Wire One",
            "US and India deepen defence ties",
            [
                c(
                    "{s:USA Washington} {v:agreed} with {t:IND New Delhi} to co-produce jet engines.",
                    "057",
                ),
            ],
        ),
        (
            "a04",
            "2024-02-02",
            "Global Times Review",
            "Russia warns the West",
            [
                c(
                    "{s:RUSGOV Moscow} {v:threatened} {t:WST the West} with retaliation over new weapons deliveries.",
                    "138",
                ),
            ],
        ),
        (
            "a05",
            "2024-02-05",
            "Daily Courier",
            "WHO sends aid to Ukraine",
            [
                c(
                    "{s:IGOWHO The World Health Organization} {v:delivered} medical supplies to {t:UKR Ukraine}.",
                    "073",
                ),
                c(
                    "{s:IGOWHO Its experts} had earlier {v:met} {t:CHN Chinese} health officials.",
                    "042",
                    undated=True,
                ),
            ],
        ),
        (
            "a06",
            "2024-02-12",
            "Wire One",
            "Sanctions on Russian banks",
            [
                c(
                    "{s:USAGOV The United States} {v:imposed} sanctions on {t:RUS Russian} banks on Monday.",
                    "163",
                ),
            ],
        ),
        # The same sanctions, reported by a second outlet the same day.
        (
            "a07",
            "2024-02-12",
            "Evening Post",
            "Washington targets Russian lenders",
            [
                c(
                    "{s:USAGOV Washington} {v:imposed} new sanctions on {t:RUS Russia} over the war.",
                    "163",
                ),
            ],
        ),
        (
            "a08",
            "2024-02-20",
            "Global Times Review",
            "Iran and Russia cooperate",
            [
                c(
                    "{s:IRN Iran} {v:praised} {t:RUS Russia} for its support at the United Nations.",
                    "051",
                ),
            ],
        ),
        (
            "a09",
            "2024-02-27",
            "Evening Post",
            "India and US talks",
            [
                c(
                    "{s:INDGOV Indian ministers} {v:met} {t:USAGOV American officials} in Delhi.",
                    "042",
                ),
            ],
        ),
        (
            "a10",
            "2024-03-04",
            "Wire One",
            "China criticises US chip curbs",
            [
                c(
                    "{s:CHNGOV Beijing} {v:criticised} {t:USA the United States} for new chip export curbs.",
                    "111",
                ),
            ],
        ),
        (
            "a11",
            "2024-03-11",
            "Daily Courier",
            "US restricts Chinese firms",
            [
                c(
                    "{s:USAGOV The Commerce Department} {v:blacklisted} dozens of {t:CHN Chinese} firms.",
                    "172",
                ),
            ],
        ),
        (
            "a12",
            "2024-03-18",
            "Global Times Review",
            "Putin visits Beijing",
            [
                c(
                    "{s:RUSGOV Vladimir Putin} {v:visited} {t:CHN China} for two days of talks.",
                    "042",
                ),
                c(
                    "{s:CHNGOV Xi Jinping} {v:pledged} closer trade ties with {t:RUS Russia}.",
                    "061",
                ),
            ],
        ),
        (
            "a13",
            "2024-03-25",
            "Evening Post",
            "India buys Russian oil",
            [
                c(
                    "{s:IND India} {v:did not cut} purchases from {t:RUS Russia}, officials said.",
                    "061",
                    negated=True,
                ),
                c(
                    "{s:WST Western governments} {v:criticised} {t:IND India} over the purchases.",
                    "111",
                ),
            ],
        ),
        (
            "a14",
            "2024-04-02",
            "Wire One",
            "Strike on Ukrainian grid",
            [
                c(
                    "{s:RUS Russian forces} {v:attacked} the power grid of {t:UKR Ukraine} overnight.",
                    "190",
                ),
            ],
        ),
        (
            "a15",
            "2024-04-08",
            "Daily Courier",
            "West sends aid to Kyiv",
            [
                c(
                    "{s:WST Western allies} {v:sent} humanitarian aid to {t:UKR Ukraine}.",
                    "073",
                ),
            ],
        ),
        (
            "a16",
            "2024-04-15",
            "Evening Post",
            "US and China talk",
            [
                c(
                    "{s:USAGOV The United States} {v:held talks} with {t:CHNGOV China} on fentanyl.",
                    "036",
                ),
            ],
        ),
        (
            "a17",
            "2024-04-22",
            "Global Times Review",
            "Iran threatens the West",
            [
                c(
                    "{s:IRN Tehran} {v:threatened} {t:WST Western navies} in the Gulf.",
                    "138",
                ),
            ],
        ),
        (
            "a18",
            "2024-04-29",
            "Wire One",
            "WHO praises India",
            [
                c(
                    "{s:IGOWHO The WHO} {v:praised} {t:IND India} for its vaccine programme.",
                    "051",
                ),
            ],
        ),
        (
            "a19",
            "2024-05-06",
            "Daily Courier",
            "Chinese sanctions on US defence firms",
            [
                c(
                    "{s:CHNGOV China} {v:sanctioned} {t:USA American} defence companies over Taiwan.",
                    "172",
                ),
            ],
        ),
        (
            "a20",
            "2024-05-13",
            "Evening Post",
            "US accuses Russia",
            [
                c(
                    "{s:USA Washington} {v:accused} {t:RUS Moscow} of election interference.",
                    "112",
                ),
            ],
        ),
        (
            "a21",
            "2024-05-16",
            "Global Times Review",
            "Putin and Xi meet again",
            [
                c(
                    "{s:CHN China} {v:signed} a joint statement with {t:RUS Russia} on a multipolar world.",
                    "057",
                ),
            ],
        ),
        (
            "a22",
            "2024-05-21",
            "Wire One",
            "India and the West",
            [
                c(
                    "{s:IND India} {v:agreed} a trade framework with {t:WST European partners}.",
                    "057",
                ),
            ],
        ),
        (
            "a23",
            "2024-05-28",
            "Daily Courier",
            "US aid package",
            [
                c(
                    "{s:USA The United States} {v:provided} humanitarian aid to {t:UKR Ukraine}.",
                    "073",
                ),
            ],
        ),
        (
            "a24",
            "2024-06-03",
            "Evening Post",
            "Beijing warns Washington",
            [
                c(
                    "{s:CHNGOV Beijing} {v:warned} {t:USA Washington} of military consequences over Taiwan.",
                    "138",
                ),
            ],
        ),
        (
            "a25",
            "2024-06-10",
            "Wire One",
            "Iran and China",
            [
                c(
                    "{s:CHN China} {v:expanded} economic cooperation with {t:IRN Iran}.",
                    "061",
                ),
            ],
        ),
        (
            "a26",
            "2024-06-17",
            "Global Times Review",
            "Russia accuses the US",
            [
                c(
                    "{s:RUSGOV The Kremlin} {v:accused} {t:USA the United States} of escalating the war.",
                    "112",
                ),
            ],
        ),
        (
            "a27",
            "2024-06-24",
            "Daily Courier",
            "US and India summit",
            [
                c(
                    "{s:USAGOV The White House} {v:hosted} {t:INDGOV the Indian prime minister}.",
                    "043",
                ),
            ],
        ),
        (
            "a28",
            "2024-06-26",
            "Evening Post",
            "US sanctions Iran",
            [
                c(
                    "{s:USAGOV The Treasury} {v:imposed} sanctions on {t:IRN Iranian} oil exporters.",
                    "163",
                ),
            ],
        ),
    ]
    return [make_article(*spec) for spec in specs]


def build_store(path: str | Path) -> Path:
    """Write the sample store to ``path`` (replaced if it exists).

    Returns
    -------
    pathlib.Path
        The DuckDB file.
    """
    from detente.store import Store

    target = Path(path)
    for stale in (target, target.with_name(target.name + ".wal")):
        if stale.exists():
            stale.unlink()
    with Store.open(target, read_only=False) as store:
        for article in sample_articles():
            store.add_article(article)
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python tests/fixtures.py PATH.duckdb\n")
        return 2
    path = build_store(args[0])
    sys.stdout.write(
        f"wrote the sample store to {path}; serve it with: detente serve --db {path}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
