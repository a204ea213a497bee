"""Matching lexicon patterns against a spaCy dependency parse (ClearNLP labels)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, Pattern, Phrase, PrepConstraint, norm

Token = Any  # spacy.tokens.Token

OBJECT_DEPS = {"dobj", "attr", "oprd", "nsubjpass"}
TIME_ENTITIES = {"DATE", "TIME"}
#: Nouns that stand for a quantity or a form of their "of" object.
CONTAINER_NOUNS = {
    "part",
    "round",
    "rounds",
    "series",
    "package",
    "set",
    "wave",
    "number",
    "lot",
    "host",
    "string",
    "batch",
    "raft",
    "range",
    "variety",
    "kind",
    "type",
    "form",
    "program",
    "programme",
    "plan",
    "some",
    "all",
    "much",
    "most",
    "portion",
    "share",
    "bulk",
    "tranche",
    "shipment",
    "delivery",
}


@dataclass
class Match:
    """A pattern that matched at ``verb``, with the tokens that satisfied it."""

    pattern: Pattern
    verb: Token
    object: Token | None = None
    particle: Token | None = None
    preps: list[Token] = field(default_factory=list)  # the matched prep tokens
    modifiers: int = (
        0  # modifiers of the matched object phrase ("trade" in "trade war")
    )

    @property
    def score(self) -> tuple[bool, int, int]:
        """Ranking key: constrained patterns first, then file priority, then size.

        Our curated files beat the converted PETRARCH2 patterns whenever both
        constrain the match; a governing verb + act noun beats a same-size pattern.
        """
        bonus = 1 if "wrapper" in self.pattern.flags else 0
        size = self.pattern.specificity + self.modifiers + bonus
        return (size > 0, self.pattern.priority, size)

    @property
    def tokens(self) -> list[Token]:
        found = [self.verb]
        found += [t for t in (self.particle, self.object) if t is not None]
        for prep in self.preps:
            found.append(prep)
            found += [c for c in prep.children if c.dep_ == "pobj"]
        return sorted(found, key=lambda t: t.i)


def forms(token: Token) -> set[str]:
    """The normalised forms a pattern word may match for ``token``."""
    return {norm(token.lower_), norm(token.lemma_)}


def phrase_matches(phrase: Phrase, head: Token) -> bool:
    """Whether ``head`` (with its left modifiers) matches a noun-phrase constraint."""
    if phrase.head not in forms(head):
        return False
    if not phrase.modifiers:
        return True
    left: set[str] = set()
    for tok in head.subtree:
        if tok.i < head.i:
            left |= forms(tok)
    # Multi-word "phrase" written with "of" ("state of emergency"): look right too.
    right: set[str] = set()
    for tok in head.subtree:
        if tok.i > head.i:
            right |= forms(tok)
    return all(m in left or m in right for m in phrase.modifiers)


def object_candidates(verb: Token) -> list[Token]:
    """Tokens that can be the verb's object (dobj, passive subject, acl head)."""
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        found.append(verb.head)
    extra = []
    for tok in found:
        # objects of a conjoined object
        extra += [c for c in tok.children if c.dep_ == "conj"]
        # "part of the aid", "rounds of sanctions", "a package of loans"
        if tok.lemma_.lower() in CONTAINER_NOUNS or tok.pos_ in {"NUM", "PRON"}:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    extra += [c for c in prep.children if c.dep_ == "pobj"]
    return found + extra


def prep_children(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} or (
            child.dep_ == "prt" and any(c.dep_ == "pobj" for c in child.children)
        ):
            yield child


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            return child
    return None


def match_prep(constraint: PrepConstraint, anchors: Iterable[Token]) -> Token | None:
    for anchor in anchors:
        for prep in prep_children(anchor):
            if (
                prep.lower_ not in constraint.preps
                and prep.lemma_.lower() not in constraint.preps
            ):
                continue
            pobj = _pobj(prep)
            if not constraint.objects:
                # "telephoned X on Tuesday": a time phrase is not the pattern's phrase
                if pobj is not None and pobj.ent_type_ in TIME_ENTITIES:
                    continue
                return prep
            if pobj is None:
                continue
            if any(phrase_matches(phrase, pobj) for phrase in constraint.objects):
                return prep
            # "go on hunger strike": a compound object written as two words
            if any(
                phrase_matches(phrase, c)
                for c in pobj.children
                if c.dep_ == "conj"
                for phrase in constraint.objects
            ):
                return prep
    return None


def particle_token(verb: Token, particle: str) -> Token | None:
    for child in verb.children:
        if child.lower_ == particle and child.dep_ in {"prt", "prep", "advmod", "dobj"}:
            return child
    return None


def try_pattern(pattern: Pattern, verb: Token) -> Match | None:
    """Match one pattern at ``verb``; ``None`` when a constraint fails."""
    match = Match(pattern, verb)
    if pattern.particle:
        match.particle = particle_token(verb, pattern.particle)
        if match.particle is None:
            return None
    if pattern.objects:
        for cand in object_candidates(verb):
            matched = [p for p in pattern.objects if phrase_matches(p, cand)]
            if matched:
                match.object = cand
                match.modifiers = max(len(p.modifiers) for p in matched)
                break
        else:
            return None
    anchors = [verb]
    if match.object is not None:
        anchors.append(match.object)
    if match.particle is not None:
        anchors.append(match.particle)
    for constraint in pattern.preps:
        prep = match_prep(constraint, anchors)
        if prep is None:
            return None
        match.preps.append(prep)
    return match


def verb_lemmas(verb: Token) -> list[str]:
    """The parser's lemma, then lemmas guessed from the inflection.

    The small model mis-lemmatises some regular forms ("staged" -> "stag",
    "eased" -> "eas"): "-ed"/"-es"/"-ing" forms also try the stem with an "e".
    """
    lemma = verb.lemma_.lower()
    word = verb.lower_
    found = [lemma]
    for suffix, repl in (
        ("ed", "e"),
        ("es", "e"),
        ("ing", "e"),
        ("ed", ""),
        ("ing", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            guess = word[: -len(suffix)] + repl
            if guess not in found:
                found.append(guess)
    return found


def verb_candidates(lexicon: Lexicon, verb: Token) -> list[Any]:
    """Patterns of the verb's lemma, or of a guessed lemma when it has none."""
    for lemma in verb_lemmas(verb):
        patterns = lexicon.verb_patterns(lemma)
        if patterns:
            return list(patterns)
    return []


def best_verb_match(lexicon: Lexicon, verb: Token) -> Match | None:
    """The most specific pattern matching at ``verb`` (ties: higher file priority)."""
    best: Match | None = None
    for pattern in verb_candidates(lexicon, verb):
        if not (pattern.code or pattern.reverse_code):
            continue
        match = try_pattern(pattern, verb)
        if match is not None and (best is None or match.score > best.score):
            best = match
    return best


def best_noun_match(lexicon: Lexicon, noun: Token) -> Match | None:
    """The best nominal pattern for a noun (checks ``mod=`` flags)."""
    best: Match | None = None
    for pattern in lexicon.noun_patterns(noun.lemma_) or lexicon.noun_patterns(
        noun.lower_
    ):
        mods = [f[4:] for f in pattern.flags if f.startswith("mod=")]
        if mods:
            wanted = {norm(m) for m in mods[0].split("|")}
            left = set()
            for tok in noun.lefts:
                left |= forms(tok)
            if not wanted & left:
                continue
        match = Match(pattern, noun)
        if best is None or match.score > best.score:
            best = match
    return best
