"""Verb-pattern lexicon: reading the TSV files and compiling them into lookups.

A pattern file is a TSV table (``#`` lines are comments) with the columns::

    id        unique pattern id (used as ``Event.rule``)
    code      CAMEO code; "A:B" also codes the reverse event (target -> source)
              with B (PETRARCH's paired codes, e.g. visit 042:043); ":B" codes
              only the reverse event
    pos       verb | noun (a noun pattern codes nominal events, "the sanctions
              against Russia")
    lemma     head lemma(s), "|"-separated alternatives
    particle  required particle ("out" in "pull out of"), or empty
    object    required direct object: "|"-separated alternatives, each a phrase
              whose last word is the head noun and earlier words modifiers
              ("trade war" matches "a bitter trade war")
    prep      required prepositional phrases (verbs and nouns), ";"-separated; each is
              "prep|prep2" or "prep:pobj|pobj2" ("by:phone|telephone")
    target    where the target actor is: auto | dobj | pobj:<prep|prep2> |
              subj (passive subject) | none
    flags     ","-separated: symmetric (coordinated subjects act on each
              other when no target is found), default (lemma-only fallback)
    example   a sentence or phrase of our own showing the pattern

The compiled :class:`Lexicon` indexes patterns by lemma; it is cached per
process, keyed by :func:`detente.data.loaders.content_hash` of its files.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..data import loaders
from ..errors import DataFileError

logger = logging.getLogger(__name__)

#: Files of the lexicon folder that are not pattern tables (see modality.py).
NON_PATTERN_FILES = {
    "modality.tsv",
    "wrappers.tsv",
    "acts.tsv",
    "containers.tsv",
    "agent_senses.tsv",
}
COLUMNS = ("id", "code", "pos", "lemma", "particle", "object", "prep", "target")
_CODE_RE = re.compile(r"^(\d{2,4})?(?::(\d{2,4}))?$")
_TARGETS = ("auto", "dobj", "subj", "none")
#: Words that end a phrase's head noun: "state of emergency" is a state, "end to
#: talks" an end (the words after the preposition must follow the head).
_PHRASE_PREPS = frozenset({"of", "to", "from", "for", "on", "against", "with", "in"})
_DETERMINERS = frozenset({"a", "an", "the"})


def norm(word: str) -> str:
    """Lower-case a word and strip a plural ending (a crude, symmetric lemma)."""
    word = word.lower().strip()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Phrase:
    """A noun phrase constraint: the head word and modifiers that must precede it."""

    head: str
    modifiers: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Phrase:
        """The head is the last word, or the word before a preposition ("state of
        emergency" is a state whose modifiers are "of" and "emergency")."""
        words = [norm(w) for w in text.split()]
        for k in range(1, len(words) - 1):
            if words[k] in _PHRASE_PREPS:
                rest = [w for w in words[k:] if w not in _DETERMINERS]
                return cls(head=words[k - 1], modifiers=tuple(words[: k - 1] + rest))
        return cls(head=words[-1], modifiers=tuple(words[:-1]))


@dataclass(frozen=True)
class PrepConstraint:
    """A required prepositional phrase: one of ``preps``, whose object is one of ``objects``."""

    preps: frozenset[str]
    objects: tuple[Phrase, ...] = ()


@dataclass(frozen=True)
class Pattern:
    """One compiled lexicon pattern (see the module docstring for the columns)."""

    id: str
    code: str
    reverse_code: str
    pos: str
    lemmas: tuple[str, ...]
    particle: str
    objects: tuple[Phrase, ...]
    preps: tuple[PrepConstraint, ...]
    target: str
    target_preps: frozenset[str]
    flags: frozenset[str]
    example: str
    origin: str
    priority: int = 0

    @property
    def specificity(self) -> int:
        """How many constraints the pattern has (more specific patterns win).

        Modifiers of the matched object phrase add to this at match time.
        """
        score = 3 if self.particle else 0
        score += 4 * bool(self.objects)
        for constraint in self.preps:
            score += 2 + 2 * bool(constraint.objects)
        return score

    @property
    def symmetric(self) -> bool:
        return "symmetric" in self.flags

    @property
    def two_sided(self) -> bool:
        """Whether the act takes both sides ("held talks with"): coded both ways."""
        return "two-sided" in self.flags


def _split(value: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]


def _parse_prep(value: str) -> tuple[PrepConstraint, ...]:
    constraints = []
    for part in _split(value, ";"):
        preps, _, objects = part.partition(":")
        constraints.append(
            PrepConstraint(
                preps=frozenset(p.lower() for p in _split(preps)),
                objects=tuple(Phrase.parse(o) for o in _split(objects)),
            )
        )
    return tuple(constraints)


def compile_record(record: dict[str, str], *, origin: str, priority: int) -> Pattern:
    """Compile one table row into a :class:`Pattern`, raising on a bad value."""
    path, line = origin.rsplit(":", 1)

    def fail(message: str) -> DataFileError:
        return DataFileError(message, path=path, line=int(line))

    code_match = _CODE_RE.match(record["code"].strip())
    if not record["code"].strip() or code_match is None:
        raise fail(
            f"bad code {record['code']!r}; write a CAMEO code like 042, "
            "or 042:043 for paired events"
        )
    pos = record.get("pos", "verb").strip() or "verb"
    if pos not in {"verb", "adj", "noun"}:
        raise fail(f"bad pos {pos!r}; use verb, adj or noun")
    lemmas = tuple(lemma.lower() for lemma in _split(record["lemma"]))
    if not lemmas:
        raise fail("empty lemma; give the head verb or noun lemma")
    target = record.get("target", "").strip() or "auto"
    target_preps: frozenset[str] = frozenset()
    if target.startswith("pobj:"):
        target_preps = frozenset(p.lower() for p in _split(target[5:]))
        target = "pobj"
    elif target not in _TARGETS:
        raise fail(f"bad target {target!r}; use auto, dobj, subj, none or pobj:<prep>")
    return Pattern(
        id=record["id"].strip() or f"{Path(path).name}:{line}",
        code=code_match.group(1) or "",
        reverse_code=code_match.group(2) or "",
        pos=pos,
        lemmas=lemmas,
        particle=record.get("particle", "").strip().lower(),
        objects=tuple(Phrase.parse(o) for o in _split(record.get("object", ""))),
        preps=_parse_prep(record.get("prep", "")),
        target=target,
        target_preps=target_preps,
        flags=frozenset(_split(record.get("flags", ""), ",")),
        example=record.get("example", ""),
        origin=origin,
        priority=priority,
    )


class Lexicon:
    """Compiled patterns indexed by head lemma.

    Parameters
    ----------
    patterns:
        The compiled patterns, in priority order (earlier files first).
    files:
        Names of the files they came from.
    """

    def __init__(
        self, patterns: Sequence[Pattern], *, files: Sequence[str] = ()
    ) -> None:
        self.patterns = list(patterns)
        self.files = list(files)
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            # predicative adjectives ("is confident that") are predicates too
            table = self.nouns if pattern.pos == "noun" else self.verbs
            for lemma in pattern.lemmas:
                table.setdefault(lemma, []).append(pattern)

    def __len__(self) -> int:
        return len(self.patterns)

    def codes(self) -> set[str]:
        """The CAMEO codes the patterns produce (forward and reverse)."""
        found = {p.code for p in self.patterns if p.code}
        found |= {p.reverse_code for p in self.patterns if p.reverse_code}
        return found

    def verb_patterns(self, lemma: str) -> list[Pattern]:
        return self.verbs.get(lemma.lower(), [])

    def noun_patterns(self, lemma: str) -> list[Pattern]:
        return self.nouns.get(lemma.lower(), []) or self.nouns.get(norm(lemma), [])


@dataclass(frozen=True)
class Containers:
    """Container nouns (``lexicon/containers.tsv``): their event noun is their
    "of" object (``of``: "a round of talks") or compound modifier (``compound``:
    "the aid program")."""

    of: frozenset[str]
    compound: frozenset[str]
    #: compounds a container is not looked through for ("weapons program")
    exceptions: dict[str, frozenset[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def load_containers() -> Containers:
    """Read ``lexicon/containers.tsv`` (cached)."""
    path = loaders.bundled_file("lexicon", "containers.tsv")
    of: set[str] = set()
    compound: set[str] = set()
    exceptions: dict[str, frozenset[str]] = {}
    for record in loaders.read_table(path, required=("noun", "through")):
        noun = record["noun"].strip().lower()
        through = set(_split(record["through"]))
        if not noun or not through or not through <= {"of", "compound"}:
            raise DataFileError(
                f"bad container row {noun!r} / {record['through']!r}; give a noun "
                "and through = of, compound or of|compound",
                path=str(path),
                line=record["_line"],
            )
        if "of" in through:
            of.add(noun)
        if "compound" in through:
            compound.add(noun)
        if record.get("except", "").strip():
            exceptions[noun] = frozenset(norm(w) for w in _split(record["except"]))
    return Containers(
        of=frozenset(of), compound=frozenset(compound), exceptions=exceptions
    )


@dataclass(frozen=True)
class AgentSense:
    """A more specific code for an act whose doer or means names what it is
    (``lexicon/agent_senses.tsv``): "troops withdrew" 0874, "a car bomb killed" 1832."""

    prefixes: tuple[str, ...]  # the act codes it refines (prefixes)
    agents: tuple[Phrase, ...]
    means: bool  # also a means phrase ("killed in a car bombing"), not only the doer
    code: str

    def refines(self, code: str) -> bool:
        return code.startswith(self.prefixes)


@functools.lru_cache(maxsize=1)
def load_agent_senses() -> tuple[AgentSense, ...]:
    """Read ``lexicon/agent_senses.tsv`` (cached), in file order."""
    path = loaders.bundled_file("lexicon", "agent_senses.tsv")
    senses: list[AgentSense] = []
    for record in loaders.read_table(
        path, required=("code", "agent", "where", "sense")
    ):
        where = record["where"].strip()
        prefixes = tuple(_split(record["code"]))
        agents = tuple(Phrase.parse(a) for a in _split(record["agent"]))
        sense = record["sense"].strip()
        if where not in {"agent", "means"} or not prefixes or not agents or not sense:
            raise DataFileError(
                f"bad agent sense row {record['agent']!r}; give code prefixes, agent "
                "phrases, where = agent or means, and the sense code",
                path=str(path),
                line=record["_line"],
            )
        senses.append(AgentSense(prefixes, agents, where == "means", sense))
    return tuple(senses)


def bundled_lexicon_files() -> list[loaders.DataPath]:
    """The bundled pattern files: our own (``detente_*``) before PETRARCH2's."""
    files = loaders.bundled_files("lexicon", suffixes=(".tsv",))
    pattern_files = [f for f in files if f.name not in NON_PATTERN_FILES]
    return sorted(
        pattern_files, key=lambda f: (not f.name.startswith("detente_"), f.name)
    )


def _file_priority(path: loaders.DataPath, *, user: bool) -> int:
    # User files beat ours; our hand-written patterns beat generated ones
    # (wrapper x act noun), which beat the converted PETRARCH2 dictionary.
    if user:
        return 3
    return 2 if path.name.startswith("detente_") else 0


def read_lexicon(
    files: Iterable[loaders.DataPath],
    *,
    user_files: Iterable[loaders.DataPath] = (),
    extra_patterns: Iterable[Pattern] = (),
) -> Lexicon:
    """Read and compile pattern files (user files first) plus ``extra_patterns``."""
    patterns: list[Pattern] = []
    names: list[str] = []
    seen: set[str] = set()
    user = list(user_files)
    for path in user + list(files):
        names.append(str(path))
        priority = _file_priority(path, user=path in user)
        for record in loaders.read_table(path, required=COLUMNS):
            origin = f"{path}:{record['_line']}"
            pattern = compile_record(record, origin=origin, priority=priority)
            if pattern.id in seen:
                raise DataFileError(
                    f"duplicate pattern id {pattern.id!r}; ids must be unique across "
                    "lexicon files (prefix yours, e.g. 'my:')",
                    path=str(path),
                    line=record["_line"],
                )
            seen.add(pattern.id)
            patterns.append(pattern)
    patterns.extend(extra_patterns)
    logger.debug("lexicon: %d patterns from %d files", len(patterns), len(names))
    return Lexicon(patterns, files=names)


@functools.lru_cache(maxsize=8)
def _cached_lexicon(key: str, user_files: tuple[str, ...]) -> Lexicon:
    del key  # part of the cache key only: the files' content hash
    from .modality import generated_patterns, load_modality_tables

    return read_lexicon(
        bundled_lexicon_files(),
        user_files=[Path(p) for p in user_files],
        extra_patterns=generated_patterns(load_modality_tables()),
    )


def load_lexicon(extra_files: Sequence[str | Path] = ()) -> Lexicon:
    """The bundled lexicon plus ``extra_files`` (which take priority), cached by content.

    Parameters
    ----------
    extra_files:
        The user's pattern files, in the format of ``detente/data/lexicon/README.md``.

    Raises
    ------
    DataFileError
        If a file is missing or has a bad row (the message names file and line).
    """
    user = [Path(p) for p in extra_files]
    for path in user:
        if not path.is_file():
            raise DataFileError(
                "lexicon file not found; pass an existing .tsv file in the pattern "
                "format of detente/data/lexicon/README.md",
                path=str(path),
            )
    everything: list[loaders.DataPath] = [*user, *loaders.bundled_files("lexicon")]
    key = loaders.content_hash(everything)
    return _cached_lexicon(key, tuple(str(p) for p in user))
