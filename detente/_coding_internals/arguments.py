"""Finding the source and target actors of a predicate in the dependency parse."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from typing import Any

from ..models import ActorMention

Token = Any

RELATIVE_TAGS = {"WDT", "WP", "WP$"}
#: Prepositions that introduce a target when the pattern does not say, best first.
AUTO_TARGET_PREPS = (
    "to",
    "with",
    "against",
    "on",
    "upon",
    "toward",
    "towards",
    "into",
    "at",
    "from",
    "in",
    "for",
    "over",
    "between",
    "of",
    "about",
)
#: Clauses whose actors belong to another predicate.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}


class MentionIndex:
    """Resolved actor mentions of a sentence, by token index."""

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        self.by_token: dict[int, list[ActorMention]] = {}
        for mention in mentions:
            if mention.actor is None:
                continue
            for i in range(mention.token_start, mention.token_end):
                self.by_token.setdefault(i, []).append(mention)

    def __len__(self) -> int:
        return len({id(m) for found in self.by_token.values() for m in found})

    def at(self, token: Token) -> list[ActorMention]:
        return self.by_token.get(token.i, [])


def is_reciprocal(token: Token) -> bool:
    """``each other`` / ``one another`` (either word may be the parse's head)."""
    pairs = {"other": "each", "another": "one"}
    word = token.lower_
    if word in pairs:
        partner = pairs[word]
        return any(c.lower_ == partner for c in token.children) or (
            token.i > 0 and token.doc[token.i - 1].lower_ == partner
        )
    if word in {"each", "one"}:
        partner = "other" if word == "each" else "another"
        return any(c.lower_ == partner for c in token.children) or (
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == partner
        )
    return False


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _listed(token: Token) -> list[Token]:
    """Members of "A, B, and C" parsed as A <appos B <conj C."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ == "cc" for c in child.children):
            found += _conjuncts(child)
    return found


def collect(
    slot: Token | None,
    index: MentionIndex,
    *,
    exclude: Sequence[ActorMention] = (),
    skip: set[int] | None = None,
) -> list[ActorMention]:
    """The actors a slot refers to: the nearest mention(s) in its subtree, plus conjuncts.

    Breadth-first from the slot's head token, so a title phrase ("Senior
    Chinese diplomat ... Yang Jiechi") yields the mention at or nearest its
    head; coordination ("China and Russia") adds the conjoined mentions.
    Subordinate clauses are not entered.
    """
    if slot is None:
        return []
    excluded = {id(m) for m in exclude}
    # a mention of an excluded actor ("their" for the source) is no other side
    excluded_codes = {_code(m) for m in exclude if m.actor is not None}
    skip = skip or set()
    queue: deque[Token] = deque([slot])
    seen: set[int] = set()
    while queue:
        token = queue.popleft()
        if token.i in seen or token.i in skip:
            continue
        seen.add(token.i)
        found = [
            m
            for m in index.at(token)
            if id(m) not in excluded and _code(m) not in excluded_codes
        ]
        if found:
            result: list[ActorMention] = []
            tokens = {token.i}
            for mention in found:
                tokens.update(range(mention.token_start, mention.token_end))
            # coordination: "China and Russia", "Vietnamese and Kampuchean forces";
            # a list the parser reads as an apposition: "the US, Russia, and Switzerland"
            for i in sorted(tokens):
                for conj in _conjuncts(token.doc[i]) + _listed(token.doc[i]):
                    for mention in index.at(conj):
                        if (
                            id(mention) not in excluded
                            and _code(mention) not in excluded_codes
                            and mention not in result
                        ):
                            result.append(mention)
            return result
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or child.dep_ in {"punct", "cc"}:
                continue
            if child.dep_ == "conj" and token is slot:
                queue.append(child)
                continue
            queue.append(child)
    return []


def _code(mention: ActorMention) -> str | None:
    """The code a mention is excluded by; an unidentified actor only by itself
    (a "Chechen president" coded RUSGOV is not Putin)."""
    if mention.actor is None:
        return None
    if mention.actor.kind == "unidentified":
        return f"{mention.actor.code}@{mention.token_start}"
    return mention.actor.code


def subject_slot(verb: Token, *, depth: int = 0) -> tuple[Token | None, Token | None]:
    """Return (source slot, passive patient slot) of ``verb``.

    Active: the ``nsubj``. Passive: the ``agent`` phrase's object is the
    source and ``nsubjpass`` the patient (an agentless passive has no source).
    Control and coordination: an ``xcomp``, a shared-subject ``conj``, a
    participial ``advcl`` take the subject of their head. A relative clause
    whose subject is the relative pronoun takes the noun it modifies.
    """
    if depth > 6:
        return None, None
    patient = None
    for child in verb.children:
        if child.dep_ in {"nsubj", "csubj"}:
            if child.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head, None
            return child, None
        if child.dep_ == "nsubjpass":
            patient = child
            if child.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                patient = verb.head
    if patient is not None or any(c.dep_ == "auxpass" for c in verb.children):
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                return pobj, patient
        return None, patient
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "sanctions imposed by the West": passive participle on a noun
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                return pobj, verb.head
        return None, verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head, None
    head = verb.head
    if head.i == verb.i:
        return None, None
    if verb.dep_ in {"xcomp", "conj", "acomp"} and head.pos_ in {"VERB", "AUX", "ADJ"}:
        return subject_slot(head, depth=depth + 1)
    if verb.dep_ == "advcl" and (
        verb.tag_ in {"VBG", "VBN"} or any(c.lower_ == "to" for c in verb.children)
    ):
        return subject_slot(head, depth=depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return subject_slot(head.head, depth=depth + 1)
    return None, None


def object_slots(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"dobj", "dative", "attr", "oprd"}]


def pobj_slots(anchors: Iterable[Token], preps: Iterable[str] | None) -> list[Token]:
    """Objects of prepositions (in ``preps`` order) attached to any of ``anchors``."""
    anchors = [a for a in anchors if a is not None]
    wanted = list(preps) if preps is not None else list(AUTO_TARGET_PREPS)
    found: list[Token] = []
    for prep_word in wanted:
        for anchor in anchors:
            for child in anchor.children:
                if child.dep_ not in {"prep", "dative", "prt", "agent"}:
                    continue
                if child.lower_ != prep_word:
                    continue
                for pobj in child.children:
                    if pobj.dep_ in {"pobj", "pcomp"}:
                        found.append(pobj)
                    # "out of the treaty": prt + prep
                    if pobj.dep_ == "prep":
                        found += [c for c in pobj.children if c.dep_ == "pobj"]
            if prep_word in {"to", "for"}:
                # "give Tanzania a grant": the dative noun stands for "to Tanzania"
                found += [
                    c for c in anchor.children if c.dep_ == "dative" and c.tag_ != "IN"
                ]
    return found


def nearest_in_clause(
    verb: Token, index: MentionIndex, *, exclude: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    """The first actor mention after ``verb`` in its subtree, outside its subject.

    Complement clauses (``xcomp``/``ccomp``) are left out: they have their own
    predicate, coded on its own.
    """
    subject_tokens: set[int] = set()
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "csubj", "xcomp", "ccomp"}:
            subject_tokens.update(t.i for t in child.subtree)
    excluded = {id(m) for m in exclude}
    excluded_codes = {_code(m) for m in exclude if m.actor is not None}
    for token in verb.subtree:
        if token.i <= verb.i or token.i in subject_tokens:
            continue
        found = [
            m
            for m in index.at(token)
            if id(m) not in excluded and _code(m) not in excluded_codes
        ]
        if found:
            return collect(token, index, exclude=exclude)
    return []
