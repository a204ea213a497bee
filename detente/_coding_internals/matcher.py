"""Matching lexicon patterns against a spaCy dependency parse (ClearNLP labels)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, Pattern, Phrase, PrepConstraint, load_containers, norm

Token = Any  # spacy.tokens.Token

OBJECT_DEPS = {"dobj", "attr", "oprd", "nsubjpass"}
TIME_ENTITIES = {"DATE", "TIME"}


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
    #: the noun the pattern matched when ``object`` (verbs) or ``verb`` (nouns) is
    #: a container holding it ("aid" in "the aid program")
    inner: Token | None = None

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


def _is_container(token: Token, through: str) -> bool:
    containers = load_containers()
    names = containers.of if through == "of" else containers.compound
    return token.lemma_.lower() in names or token.lower_ in names


def _modifier_tokens(head: Token) -> tuple[list[Token], list[Token]]:
    """Tokens left and right of ``head`` in its phrase.

    A compound inside a container ("military aid program") has the container's
    left modifiers too: "military" modifies the aid, though it hangs off "program".
    """
    left = [t for t in head.subtree if t.i < head.i]
    right = [t for t in head.subtree if t.i > head.i]
    container = head.head
    if head.dep_ == "compound" and _is_container(container, "compound"):
        left += [t for t in container.subtree if t.i < head.i]
    return left, right


def phrase_matches(phrase: Phrase, head: Token) -> bool:
    """Whether ``head`` (with its modifiers) matches a noun-phrase constraint.

    Modifiers written before the head are looked for left of it in its phrase;
    a phrase written with a preposition ("state of emergency", head "state")
    has the words after it on the right.
    """
    if phrase.head not in forms(head):
        return False
    if not phrase.modifiers:
        return True
    left_tokens, right_tokens = _modifier_tokens(head)
    words: set[str] = set()
    for tok in left_tokens + right_tokens:
        words |= forms(tok)
    return all(m in words for m in phrase.modifiers)


def contained_nouns(token: Token) -> list[Token]:
    """The nouns a container stands for: "part of the aid", "rounds of sanctions",
    "some of the aid" (its "of" object), "the aid program", "a sanctions
    package" (its compound modifier); see ``lexicon/containers.tsv``."""
    found: list[Token] = []
    if _is_container(token, "of") or token.pos_ in {"NUM", "PRON"}:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found += [c for c in prep.children if c.dep_ == "pobj"]
    if token.pos_ in {"NOUN", "PROPN"} and _is_container(token, "compound"):
        exceptions = load_containers().exceptions
        skip = exceptions.get(token.lemma_.lower(), frozenset()) | exceptions.get(
            token.lower_, frozenset()
        )
        found += [
            c
            for c in token.lefts
            if c.dep_ == "compound"
            and c.pos_ in {"NOUN", "PROPN"}
            and not forms(c) & skip
        ]
    return found


def _object_paths(verb: Token) -> list[tuple[Token, Token]]:
    """(candidate, the token that stands for it in the clause) for each token that
    can be the verb's object: dobj, passive subject, acl head, their conjuncts,
    and what containers among them hold ("suspended part of a military aid
    program": part, program, aid). A compound found through its container is
    represented by the container ("program"), which carries the phrase."""
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        found.append(verb.head)
    paths = [(tok, tok) for tok in found]
    seen = {tok.i for tok in found}
    k = 0
    while k < len(paths) and len(paths) < 24:
        tok, stand_in = paths[k]
        k += 1
        # objects of a conjoined object
        extra = [(c, c) for c in tok.children if c.dep_ == "conj"]
        for inner in contained_nouns(tok):
            compound = inner.dep_ == "compound" and inner.head.i == tok.i
            extra.append((inner, tok if compound else inner))
        for cand, rep in extra:
            if cand.i not in seen:
                seen.add(cand.i)
                paths.append((cand, rep))
    return paths


def object_candidates(verb: Token) -> list[Token]:
    """Tokens that can be the verb's object (dobj, passive subject, acl head,
    conjuncts, and what container nouns hold)."""
    return [cand for cand, _ in _object_paths(verb)]


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
        for cand, stand_in in _object_paths(verb):
            matched = [p for p in pattern.objects if phrase_matches(p, cand)]
            if matched:
                match.object = stand_in
                if stand_in.i != cand.i:
                    match.inner = cand
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
    """Patterns of the verb's lemma, then of the lemmas guessed from its
    inflection ("hoped", lemmatised "hop", also tries "hope"); the parser's
    lemma comes first, so its patterns win ties."""
    found: list[Any] = []
    for lemma in verb_lemmas(verb):
        found.extend(lexicon.verb_patterns(lemma))
    return found


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


def _noun_pattern_matches(
    pattern: Pattern, noun: Token, *, anchor: Token
) -> Match | None:
    """Match one noun pattern: its ``mod=`` modifiers among the noun's left
    modifiers, its ``prep`` phrases among the anchor's prepositions."""
    mods = [f[4:] for f in pattern.flags if f.startswith("mod=")]
    if mods:
        wanted = {norm(m) for m in mods[0].split("|")}
        left: set[str] = set()
        for tok in _modifier_tokens(noun)[0]:
            left |= forms(tok)
        if not wanted & left:
            return None
    match = Match(pattern, anchor, inner=noun if noun.i != anchor.i else None)
    anchors = [noun] if noun.i == anchor.i else [anchor, noun]
    for constraint in pattern.preps:
        prep = match_prep(constraint, anchors)
        if prep is None:
            return None
        match.preps.append(prep)
    return match


def _noun_patterns(lexicon: Lexicon, noun: Token) -> list[Pattern]:
    return lexicon.noun_patterns(noun.lemma_) or lexicon.noun_patterns(noun.lower_)


def best_noun_match(lexicon: Lexicon, noun: Token) -> Match | None:
    """The best nominal pattern for a noun (checks ``mod=`` flags and ``prep``).

    A container noun with no pattern of its own stands for the event noun it
    holds ("the aid program for Bosnia" is aid to Bosnia, "Thailand's
    imposition of martial law" martial law): the match is at the container,
    which carries the phrase, with the event noun as ``inner``. A compound in
    such a container is left to it; an "of" object is also matched on its own
    ("a wave of Russian air strikes on Kyiv").
    """
    if noun.dep_ == "compound" and _is_container(noun.head, "compound"):
        container = noun.head
        if _best_own_noun_match(lexicon, container) is None:
            return None  # its container codes it
    best = _best_own_noun_match(lexicon, noun)
    if best is None and noun.pos_ in {"NOUN", "PROPN"}:
        for inner in contained_nouns(noun):
            for pattern in _noun_patterns(lexicon, inner):
                match = _noun_pattern_matches(pattern, inner, anchor=noun)
                if match is not None and (best is None or match.score > best.score):
                    best = match
    return best


def _best_own_noun_match(lexicon: Lexicon, noun: Token) -> Match | None:
    best: Match | None = None
    for pattern in _noun_patterns(lexicon, noun):
        match = _noun_pattern_matches(pattern, noun, anchor=noun)
        if match is not None and (best is None or match.score > best.score):
            best = match
    return best
