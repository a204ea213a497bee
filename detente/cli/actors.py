"""``detente actors``: explain how a text's actors resolve, or what a name means."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..errors import ConfigError, InputError
from ._common import console, handle_errors


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(f"--date {value!r} is not a date; write YYYY-MM-DD") from e


def _actor_record(actor: Any) -> dict[str, Any]:
    return {
        "code": actor.code,
        "country": actor.country,
        "role": actor.role_label,
        "agent": actor.role,
        "name": actor.name,
        "kind": actor.kind,
        "entry_id": actor.entry_id,
        "state_affiliated": actor.state_affiliated,
    }


def _mention_record(mention: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "sentence_index": mention.sentence_index,
        "rule": mention.rule,
        "label": mention.label,
        "country_guess": mention.country_guess,
        "actor": _actor_record(mention.actor) if mention.actor else None,
    }
    return record


def _read_articles(paths: list[Path]) -> list[Any]:
    """Plain-text files, or JSON Lines (optionally gzip) with ``text`` and ``date``."""
    import gzip

    from ..models import Article

    articles = []
    for path in paths:
        if not path.is_file():
            raise InputError("file not found; check the path", path=path)
        name = path.name
        if name.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise InputError(
                            f"invalid JSON: {e.msg}", path=path, line=number
                        ) from e
                    text = record.get("text") or ""
                    date = None
                    if isinstance(record.get("date"), str):
                        try:
                            date = dt.date.fromisoformat(record["date"][:10])
                        except ValueError:
                            date = None
                    articles.append(
                        Article(
                            doc_id=str(record.get("id") or number), text=text, date=date
                        )
                    )
        else:
            text = path.read_text(encoding="utf-8")
            articles.append(Article(doc_id=path.name, text=text))
    return articles


def register(app: typer.Typer) -> None:
    """Add the ``actors`` command to the CLI."""

    @app.command("actors")
    @handle_errors
    def actors_cli(
        text: str = typer.Argument(None, help="Text whose actor mentions to explain."),
        lookup: str = typer.Option(
            None, "--lookup", help="Show what a NAME means on --date."
        ),
        date: str = typer.Option(
            None, "--date", help="Reference date YYYY-MM-DD for dated roles."
        ),
        as_json: bool = typer.Option(
            False, "--json", help="Print JSON instead of a table."
        ),
        actor_files: list[Path] = typer.Option(
            [],
            "--actors",
            help="Extra actor file(s) (same format as the bundled ones).",
        ),
        unresolved: list[Path] = typer.Option(
            [],
            "--unresolved",
            help="Report the most frequent unresolved names of these files.",
        ),
        top: int = typer.Option(30, "--top", help="How many unresolved names to list."),
    ) -> None:
        """Explain which actor each mention of TEXT resolves to and why (entry and rule);
        or, with --lookup NAME, what a name means on a date."""
        from ..actors import ActorResolver, unresolved_report

        when = _parse_date(date)
        resolver = ActorResolver(actor_files=[str(p) for p in actor_files])
        if unresolved:
            articles = _read_articles(list(unresolved))
            for article in articles:
                article.doc = resolver.nlp(article.text)
                resolver(article)
            report = unresolved_report(articles, top=top)
            if as_json:
                rows = [
                    {"name": n, "label": label, "count": c, "country_guess": g}
                    for n, label, c, g in report
                ]
                console.print_json(json.dumps(rows, ensure_ascii=False))
                return
            table = Table(
                title=f"Most frequent unresolved names ({len(articles)} documents)"
            )
            for column in ("name", "label", "count", "country guess"):
                table.add_column(column)
            for name, label, count, guess in report:
                table.add_row(name, label, str(count), guess)
            console.print(table)
            return
        if lookup is not None:
            found = resolver.lookup(lookup, date=when)
            if as_json:
                console.print_json(
                    json.dumps([_actor_record(a) for a in found], ensure_ascii=False)
                )
                return
            if not found:
                console.print(f"[yellow]{lookup!r} is not in the actor dictionary[/]")
                raise typer.Exit(1)
            table = Table(title=f"{lookup} on {when or 'no date (current role)'}")
            for column in ("code", "country", "role", "name", "kind", "entry"):
                table.add_column(column)
            for actor in found:
                table.add_row(
                    actor.code,
                    actor.country,
                    actor.role_label,
                    actor.name,
                    actor.kind,
                    actor.entry_id,
                )
            console.print(table)
            return
        if not text:
            raise ConfigError("give a TEXT, --lookup NAME or --unresolved FILE")
        mentions = resolver.resolve_text(text, date=when)
        if as_json:
            console.print_json(
                json.dumps([_mention_record(m) for m in mentions], ensure_ascii=False)
            )
            return
        table = Table(title="Actor mentions")
        for column in ("mention", "code", "role", "name", "entry", "rule"):
            table.add_column(column)
        for mention in mentions:
            actor = mention.actor
            if actor is None:
                table.add_row(
                    mention.text,
                    "—",
                    "",
                    f"unresolved {mention.label}".strip(),
                    mention.country_guess and f"country guess {mention.country_guess}",
                    mention.rule,
                )
            else:
                table.add_row(
                    mention.text,
                    actor.code,
                    actor.role_label,
                    actor.name,
                    actor.entry_id,
                    mention.rule,
                )
        console.print(table)
