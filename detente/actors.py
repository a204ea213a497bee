"""The ``actors`` stage: the actor knowledge base and the :class:`ActorResolver`.

The knowledge base (:class:`ActorDictionary`) is a set of data files under
``detente/data/actors/`` (format in that folder's README): countries and
territories, capitals and seats of government ("the Kremlin" -> ``RUSGOV``),
regions and blocs (``WST``), international organisations (``IGOWHO``), media
(``CHNMED``, state-affiliated marked), think tanks (``USANGO``), people with
dated roles, role nouns ("foreign minister" -> ``GOV``), and a gazetteer of
cities, each standing for its country ("Aleppo" -> ``SYR``, consulted only for
spans the NER labels a place). Users add files of the same format
(``ActorDictionary.load(user_files=[...])``, or ``detente code --actors my.yaml``).

The resolver fills ``article.actor_mentions``; each mention says which
dictionary entry and which rule produced it. ``article.date`` is the reference
date for dated roles: "Medvedev" in 2010 is Russia's head of state, in 2021 he
is the deputy chairman of its Security Council.

Examples
--------
>>> resolver = ActorResolver()                               # doctest: +SKIP
>>> [a.code for a in resolver.lookup("Medvedev", date=dt.date(2010, 1, 1))]
['RUSGOV']
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ._actors_internals.dictionary import (
    ActorEntry,
    RoleNoun,
    complete_entry,
    fold,
    is_acronym,
    read_entry_records,
    read_role_records,
)
from ._actors_internals.gazetteer import (
    City,
    Gazetteer,
    is_city_file,
    read_city_records,
)
from ._actors_internals.resolve import resolve_doc, unresolved_names
from .data import loaders
from .errors import DataFileError, PipelineError
from .models import Actor, ActorMention, Article
from .registry import stages

logger = logging.getLogger(__name__)

__all__ = ["ActorDictionary", "ActorResolver", "actors", "unresolved_report"]

#: Priority of a bundled file's entries when two share a name (higher wins).
_BUNDLED_PRIORITY = {
    "countries.tsv": 10,
    "phoenix_people.tsv": 0,
    "phoenix_groups.tsv": 0,
    "phoenix_international.tsv": 0,
}
_CURATED_PRIORITY = 30
_USER_PRIORITY = 100


def _is_roles(path: loaders.DataPath) -> bool:
    return str(getattr(path, "name", path)).rsplit("/", 1)[-1].startswith("roles")


class ActorDictionary:
    """The actor knowledge base: entries by id, names -> entries, role nouns.

    Parameters
    ----------
    entries:
        Dictionary entries; entries sharing an id are merged (names and
        dated roles added), so a user file can extend a bundled entry.
    roles:
        Role nouns; a later one replaces an earlier one with the same phrase.
    cities:
        Gazetteer cities; a later one replaces an earlier one with the same name.
        Each city's code must be a country of ``entries``.
    sources:
        The files read, for :attr:`content_hash` and messages.

    Raises
    ------
    DataFileError
        If a city's code is no country of the dictionary.
    """

    def __init__(
        self,
        entries: Iterable[ActorEntry],
        roles: Iterable[RoleNoun],
        *,
        cities: Iterable[City] = (),
        sources: Sequence[loaders.DataPath] = (),
    ) -> None:
        self.entries: dict[str, ActorEntry] = {}
        for entry in entries:
            self._add(entry)
        for entry in self.entries.values():
            complete_entry(entry)
        self.roles: dict[str, RoleNoun] = {}
        for role in roles:
            self.roles[role.phrase] = role
        self.sources = list(sources)
        self.gazetteer = Gazetteer(cities)
        for city in self.gazetteer.cities():
            if f"country:{city.code}" not in self.entries:
                raise DataFileError(
                    f"city {city.name!r} has code {city.code!r}, which is no country"
                    " of the actor dictionary; use a country code of countries.tsv",
                    path=city.path,
                    line=city.line,
                )
        self.by_alias: dict[str, list[str]] = {}
        self.acronym_forms: dict[str, set[str]] = {}
        self.lowercase_ok: set[str] = set()
        self._index()

    def _add(self, entry: ActorEntry) -> None:
        existing = self.entries.get(entry.id)
        if existing is None:
            self.entries[entry.id] = entry
            return
        if not existing.name:
            existing.name = entry.name
        for alias in [entry.name, *entry.aliases]:
            if alias and alias not in existing.names:
                existing.aliases.append(alias)
        existing.country = existing.country or entry.country
        existing.periods.extend(entry.periods)
        if entry.priority >= existing.priority:
            existing.code = entry.code or existing.code
            existing.role_label = entry.role_label or existing.role_label
            existing.kind = entry.kind or existing.kind
            existing.state_affiliated = (
                entry.state_affiliated or existing.state_affiliated
            )
            existing.gender = entry.gender or existing.gender
            existing.priority = entry.priority

    def _index(self) -> None:
        plain: dict[str, set[str]] = {}
        for entry in self.entries.values():
            for alias in entry.names:
                key = fold(alias)
                if key.startswith("the "):
                    key = key[4:]
                if not key:
                    continue
                ids = self.by_alias.setdefault(key, [])
                if entry.id not in ids:
                    ids.append(entry.id)
                if is_acronym(alias.removeprefix("the ").strip()):
                    self.acronym_forms.setdefault(key, set()).add(
                        alias.removeprefix("the ").strip()
                    )
                else:
                    plain.setdefault(key, set()).add(alias)
                bare = alias.removeprefix("the ").strip()
                if bare[:1].islower():
                    # Written in lower case in the dictionary ("al-Qaeda"): no capital needed.
                    self.lowercase_ok.add(key)
        # A key that is also a normal word-cased name ("Who" as a name) is not case-bound.
        for key in list(self.acronym_forms):
            if key in plain:
                del self.acronym_forms[key]

    # -------------------------------------------------------------- loading

    @classmethod
    def load(cls, *, user_files: Sequence[str | Path] = ()) -> ActorDictionary:
        """Load the bundled actor files plus ``user_files`` (cached per file set).

        Parameters
        ----------
        user_files:
            Extra actor files (TSV, CSV, YAML or JSONL, same columns as the
            bundled ones). A file whose name starts with ``roles`` holds role
            nouns, one whose name starts with ``cities`` gazetteer cities. User
            entries win over bundled ones sharing a name.

        Raises
        ------
        DataFileError
            If a file is missing or malformed (the message names file and line).
        """
        keys = []
        for name in user_files:
            path = Path(name)
            if not path.is_file():
                raise DataFileError(
                    "actor file not found; check the path given to --actors", path=path
                )
            keys.append((str(path.resolve()), path.stat().st_mtime_ns))
        return _load_cached(tuple(keys))

    @classmethod
    def from_files(
        cls,
        files: Sequence[loaders.DataPath],
        *,
        user_files: Sequence[loaders.DataPath] = (),
    ) -> ActorDictionary:
        """Build a dictionary from explicit files (bundled-priority, then user)."""
        entries: list[ActorEntry] = []
        roles: list[RoleNoun] = []
        cities: list[City] = []
        for path, user in [(f, False) for f in files] + [(f, True) for f in user_files]:
            if is_city_file(path):
                cities.extend(read_city_records(path))
                continue
            if _is_roles(path):
                found = read_role_records(path)
                if user:
                    roles.extend(found)
                else:
                    # Bundled: the first file wins (roles_core before roles_phoenix).
                    known = {r.phrase for r in roles}
                    roles.extend(r for r in found if r.phrase not in known)
                continue
            name = str(getattr(path, "name", path)).rsplit("/", 1)[-1]
            priority = (
                _USER_PRIORITY
                if user
                else _BUNDLED_PRIORITY.get(name, _CURATED_PRIORITY)
            )
            entries.extend(read_entry_records(path, priority=priority))
        return cls(entries, roles, cities=cities, sources=[*files, *user_files])

    @functools.cached_property
    def content_hash(self) -> str:
        """Hash of the source files' contents (keys derived caches)."""
        return loaders.content_hash(self.sources)

    # -------------------------------------------------------------- queries

    def ranked(self, name: str, *, date: dt.date | None = None) -> list[ActorEntry]:
        """Entries called ``name`` (folded key or text), best first for ``date``."""
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        entries = [self.entries[i] for i in self.by_alias.get(key, ())]
        return sorted(entries, key=lambda e: _rank(e, date), reverse=True)

    def lookup(self, name: str, *, date: dt.date | None = None) -> list[Actor]:
        """What ``name`` means on ``date``: actors of the matching entries, best first.

        A name that is a role noun ("foreign minister") gives the role's
        default actor when it has one. An unknown name gives ``[]``.
        """
        actors = [entry.actor(date) for entry in self.ranked(name, date=date)]
        if not actors:
            role = self.roles.get(fold(name))
            if role is not None and role.default:
                actors.append(self.role_default_actor(role))
        return actors

    def role_default_actor(self, role: RoleNoun) -> Actor:
        """The actor a role noun stands for on its own ("security council" -> UNSC)."""
        entries = [e for e in self.entries.values() if e.code == role.default]
        if entries:
            best = max(entries, key=lambda e: e.priority)
            return best.actor(None)
        return Actor(
            code=role.default,
            country=role.default[:3],
            name=role.role_label,
            role=role.default[3:6],
            role_label=role.role_label,
            kind="group",
            entry_id=f"role:{role.phrase}",
            state_affiliated=role.state_affiliated,
        )

    def stats(self) -> dict[str, int]:
        """Counts by kind, plus people with dated roles and role nouns."""
        counts: Counter[str] = Counter(e.kind for e in self.entries.values())
        result = dict(sorted(counts.items()))
        result["people_with_dated_roles"] = sum(
            1 for e in self.entries.values() if e.kind == "person" and e.periods
        )
        result["state_affiliated_media"] = sum(
            1 for e in self.entries.values() if e.kind == "media" and e.state_affiliated
        )
        result["names"] = len(self.by_alias)
        result["role_nouns"] = len(self.roles)
        result["city_names"] = len(self.gazetteer)
        return result


def _rank(
    entry: ActorEntry, date: dt.date | None
) -> tuple[int, int, int, int, dt.date]:
    # Curated and user entries always beat the generated Phoenix ones; among
    # equals, a role active on the date wins.
    tier = int(entry.priority > 0)
    active = int(date is not None and any(p.active(date) for p in entry.periods))
    open_ended = int(any(p.end is None for p in entry.periods))
    latest = max((p.end or dt.date.max for p in entry.periods), default=dt.date.min)
    return (tier, active, entry.priority, open_ended, latest)


@functools.lru_cache(maxsize=8)
def _load_cached(user_keys: tuple[tuple[str, int], ...]) -> ActorDictionary:
    bundled = loaders.bundled_files(
        "actors", suffixes=(".tsv", ".csv", ".yaml", ".yml", ".jsonl")
    )
    if not bundled:
        raise DataFileError(
            "no bundled actor files found; reinstall detente",
            path=str(loaders.bundled_dir("actors")),
        )
    users = [Path(path) for path, _ in user_keys]
    dictionary = ActorDictionary.from_files(bundled, user_files=users)
    logger.debug("actor dictionary loaded: %s", dictionary.stats())
    return dictionary


class _Matchers:
    """PhraseMatchers over the dictionary's names and role nouns (lower-cased)."""

    def __init__(self, nlp: Any, dictionary: ActorDictionary) -> None:
        from spacy.matcher import PhraseMatcher

        self._names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        name_texts: set[str] = set()
        for entry in dictionary.entries.values():
            for alias in entry.names:
                text = alias.removeprefix("the ").removeprefix("The ").strip()
                if text:
                    name_texts.add(text)
                    folded = fold(text)
                    if folded != text.lower():
                        name_texts.add(folded)
        self._names.add("NAME", list(nlp.tokenizer.pipe(sorted(name_texts))))
        self._roles.add("ROLE", list(nlp.tokenizer.pipe(sorted(dictionary.roles))))

    def names(self, doc: Any) -> list[tuple[int, int, int]]:
        return self._names(doc)

    def roles(self, doc: Any) -> list[tuple[int, int, int]]:
        return self._roles(doc)


@functools.lru_cache(maxsize=4)
def _matchers_for(nlp: Any, dictionary: ActorDictionary) -> _Matchers:
    return _Matchers(nlp, dictionary)


class ActorResolver:
    """Pipeline stage that finds and resolves the actor mentions of an article.

    Parameters
    ----------
    actor_files:
        The user's own actor files, added to the bundled dictionary.
    dictionary:
        A ready :class:`ActorDictionary` (overrides ``actor_files``).
    nlp:
        The spaCy pipeline whose vocabulary the matchers use; by default the
        one :func:`detente.nlp.load_nlp` returns (needed by :meth:`resolve_text`).

    Examples
    --------
    >>> resolver = ActorResolver()                              # doctest: +SKIP
    >>> [m.actor.code for m in resolver.resolve_text("Beijing and Moscow refused.")]
    ['CHN', 'RUS']
    """

    name = "actors"
    requires = ("doc",)
    assigns = ("actor_mentions",)

    def __init__(
        self,
        *,
        actor_files: Sequence[str | Path] = (),
        dictionary: ActorDictionary | None = None,
        nlp: Any = None,
        model: str | None = None,
        **_: Any,
    ) -> None:
        self.dictionary = dictionary or ActorDictionary.load(
            user_files=tuple(actor_files)
        )
        self._nlp = nlp
        self._model = model

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp(self._model)
        return self._nlp

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            raise PipelineError(
                f"article {article.doc_id!r} has no parse; run the 'nlp' stage before 'actors'"
            )
        matchers = _matchers_for(self._vocab_owner(article.doc), self.dictionary)
        article.actor_mentions = resolve_doc(
            article.doc,
            self.dictionary,
            matchers,
            date=article.date,
            place=str(article.metadata.get("place") or ""),
        )
        return article

    def _vocab_owner(self, doc: Any) -> Any:
        nlp = self._nlp
        if nlp is not None and nlp.vocab is doc.vocab:
            return nlp
        from .nlp import load_nlp

        loaded = load_nlp(self._model)
        if loaded.vocab is doc.vocab:
            self._nlp = loaded
            return loaded
        # A doc from another pipeline: build matchers over its vocab.
        import spacy

        blank = spacy.blank("en", vocab=doc.vocab)
        self._nlp = blank
        return blank

    def resolve_text(
        self, text: str, *, date: dt.date | None = None
    ) -> list[ActorMention]:
        """Parse ``text`` and return its actor mentions (for the CLI and tests)."""
        article = Article(doc_id=Article.make_id(text), text=text, date=date)
        article.doc = self.nlp(text)
        return self(article).actor_mentions

    def lookup(self, name: str, *, date: dt.date | None = None) -> list[Actor]:
        """What ``name`` means on ``date`` (best first); see :meth:`ActorDictionary.lookup`."""
        return self.dictionary.lookup(name, date=date)


@stages.register("detente.actors.v1", aliases=("actors",))
def make_actor_resolver(**options: Any) -> ActorResolver:
    """Factory of the ``actors`` stage; ``actor_files`` adds user dictionaries."""
    return ActorResolver(**options)


def unresolved_report(
    items: Iterable[Article] | Iterable[ActorMention], *, top: int = 20
) -> list[tuple[str, str, int, str]]:
    """The most frequent unresolved names, to extend the dictionary with.

    Parameters
    ----------
    items:
        Articles (their ``actor_mentions``) or mentions.
    top:
        How many names to return.

    Returns
    -------
    list of (name, label, count, country_guess)
        Most frequent first; ``label`` is the spaCy entity label.
    """
    mentions: list[ActorMention] = []
    for item in items:
        if isinstance(item, Article):
            mentions.extend(item.actor_mentions)
        else:
            mentions.append(item)
    counts: Counter[tuple[str, str]] = Counter()
    guesses: dict[tuple[str, str], Counter[str]] = {}
    for mention in unresolved_names(mentions):
        key = (" ".join(mention.text.split()), mention.label)
        counts[key] += 1
        if mention.country_guess:
            guesses.setdefault(key, Counter())[mention.country_guess] += 1
    report = []
    for (name, label), count in counts.most_common(top):
        guess = guesses.get((name, label))
        report.append((name, label, count, guess.most_common(1)[0][0] if guess else ""))
    return report


def actors(
    text: str | None = None,
    *,
    lookup: str | None = None,
    date: dt.date | None = None,
    actor_files: Sequence[str | Path] = (),
) -> list[ActorMention] | list[Actor]:
    """Plain function behind ``detente actors``: resolve a text, or look a name up.

    Parameters
    ----------
    text:
        A text whose mentions to resolve.
    lookup:
        A name to look up instead.
    date:
        Reference date for dated roles.
    actor_files:
        User actor files added to the bundled dictionary.
    """
    resolver = ActorResolver(actor_files=actor_files)
    if lookup is not None:
        return resolver.lookup(lookup, date=date)
    if text is None:
        raise PipelineError("give a text to resolve or a name to look up")
    return resolver.resolve_text(text, date=date)
