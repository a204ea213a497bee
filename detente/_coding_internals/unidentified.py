"""Actors for mentions the resolver could not identify ("Insurgents", "the RUF").

CAMEO coders code an event whose actor has no dictionary entry with what is
known of it: GDELT writes the agent type alone ("REB") when the country is
unknown, and keeps the actor's name; POLECAT keeps the actor text. The coder
does the same for unresolved mentions that name someone: a role noun without a
country ("rebels", "authorities") or a named entity (PERSON, ORG, NORP) that
is not in the dictionary. The actor's ``kind`` is ``"unidentified"``, its
``country`` the resolver's guess, else a country named inside the mention,
else the one country its sentence names (often ``""``), and its ``code`` the
country plus the role code, or ``---`` when neither is known.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..models import Actor, ActorMention

#: Resolver rules of unresolved mentions that name an actor.
NAMING_RULES = {"role-without-country", "role+unknown", "ner:unresolved"}
NAMED_LABELS = {"PERSON", "ORG", "NORP"}
UNKNOWN_COUNTRY = "---"
#: Role nouns too generic to stand for an actor on their own.
GENERIC_ROLES = {
    "people",
    "person",
    "man",
    "woman",
    "men",
    "women",
    "child",
    "children",
}


@functools.lru_cache(maxsize=1)
def _dictionary() -> Any:
    from ..actors import ActorDictionary

    return ActorDictionary.load()


@functools.lru_cache(maxsize=4096)
def _country_named(word: str) -> str:
    """The country a capitalised name or adjective stands for ("Liberian"), or ""."""
    for actor in _dictionary().lookup(word):
        if actor.kind == "country" and not actor.role:
            return actor.country
    return ""


def _country_in(tokens: Sequence[Any]) -> str:
    """The country named inside an unresolved phrase ("Montenegro Municipality
    Association" -> MNE), when exactly one is."""
    found = {
        _country_named(t.text)
        for t in tokens
        if t.text[:1].isupper() and t.pos_ in {"PROPN", "ADJ", "NOUN"}
    } - {""}
    return found.pop() if len(found) == 1 else ""


@functools.lru_cache(maxsize=1)
def _role_codes() -> dict[str, tuple[str, str]]:
    dictionary = _dictionary()
    return {
        phrase.lower(): (role.role, role.role_label)
        for phrase, role in dictionary.roles.items()
        if role.role
    }


def _role_of(tokens: Sequence[Any]) -> tuple[str, str]:
    """(role code, label) of the longest role phrase among the tokens' lemmas."""
    roles = _role_codes()
    words = [t.lemma_.lower() for t in tokens]
    texts = [t.lower_ for t in tokens]
    for size in range(min(3, len(words)), 0, -1):
        for start in range(len(words) - size, -1, -1):
            for seq in (words, texts):
                found = roles.get(" ".join(seq[start : start + size]))
                if found:
                    return found
    return "", ""


def provisional_actor(
    mention: ActorMention, doc: Any, context_country: str = ""
) -> Actor | None:
    """The unidentified actor of an unresolved naming mention, or ``None``.

    ``context_country`` is the possessor's country ("its ambassador") or else
    the one country the sentence names, if it names exactly one: the best guess
    for a person or group of no known country ("President Bouteflicka threatened
    a curfew in Algiers"), as ICEWS codes unattributed actors by the event's
    country ("Militant (Syria)").
    """
    if mention.actor is not None:
        return mention.actor
    if mention.rule not in NAMING_RULES:
        return None
    if mention.rule == "ner:unresolved" and mention.label not in NAMED_LABELS:
        return None
    tokens = [t for t in doc[mention.token_start : mention.token_end] if not t.is_punct]
    if not tokens:
        return None
    head = doc[mention.head] if mention.head >= 0 else tokens[-1]
    if head.lower_ in GENERIC_ROLES or head.lemma_.lower() in GENERIC_ROLES:
        return None
    role, role_label = _role_of(tokens)
    # "Outspoken Serbian ultra-nationalist leader X": the head's own modifiers
    root = doc[mention.token_start : mention.token_end].root
    modifiers = [t for t in doc[root.left_edge.i : root.i] if not t.is_punct]
    country = (
        mention.country_guess
        or _country_in(tokens)
        or _country_in(modifiers)
        or context_country
    )
    return Actor(
        code=country + role or UNKNOWN_COUNTRY,
        country=country,
        name=mention.text,
        role=role,
        role_label=role_label,
        kind="unidentified",
        entry_id="",
    )


def is_unidentified(mention: ActorMention) -> bool:
    """Whether the mention's actor was made by :func:`provisional_actor`."""
    return mention.actor is not None and mention.actor.kind == "unidentified"


def with_unidentified(mentions: Sequence[ActorMention], doc: Any) -> list[ActorMention]:
    """The mentions, unresolved naming ones given their unidentified actor."""
    countries = {
        m.actor.country
        for m in mentions
        if m.actor is not None
        and m.actor.kind not in {"igo", "bloc"}
        and m.actor.country
    }
    context_country = countries.pop() if len(countries) == 1 else ""
    resolved = {
        i: m.actor.country
        for m in mentions
        if m.actor is not None
        for i in range(m.token_start, m.token_end)
    }
    result = []
    for mention in mentions:
        inside = any(
            i in resolved for i in range(mention.token_start, mention.token_end)
        )
        if mention.actor is None and not inside:
            # "its ambassador": the possessor's country
            head = doc[mention.head] if mention.head >= 0 else None
            owner = next(
                (
                    resolved[c.i]
                    for c in (head.children if head is not None else ())
                    if c.dep_ == "poss" and resolved.get(c.i)
                ),
                "",
            )
            actor = provisional_actor(mention, doc, owner or context_country)
            if actor is not None:
                mention = replace(
                    mention, actor=actor, rule=mention.rule + "+unidentified"
                )
        result.append(mention)
    return result
