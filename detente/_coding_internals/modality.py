"""Governing verbs (wrappers), act nouns and the code changes they cause.

Data: ``lexicon/wrappers.tsv`` (which verbs govern an event and how),
``lexicon/acts.tsv`` (nouns that name an act) and ``lexicon/modality.tsv``
(class + inner code -> CAMEO code). See the files' headers for the columns.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..data import loaders
from ..errors import DataFileError
from .lexicon import Pattern, Phrase, PrepConstraint, norm
from .matcher import verb_lemmas

#: Classes that recode their complement (the complement event is replaced).
#: Classes of verbs governing a finite clause: speech (the clause is coded as
#: reported) and opinion (hoped or feared: the clause is not an event).
CLAUSE_CLASSES = ("report", "opinion")
RECODING = ("appeal", "demand", "intend", "consider", "threaten", "reject", "halt")
#: Every class a wrappers.tsv row may have.
WRAPPER_CLASSES = RECODING + ("keep",) + CLAUSE_CLASSES
#: Modality words on auxiliaries.
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "can", "must", "'d"}


@dataclass(frozen=True)
class Wrapper:
    """A governing verb: lemma, required particle, class, noun slots."""

    lemma: str
    particle: str
    cls: str
    noun_slots: tuple[str, ...]


@dataclass(frozen=True)
class ModalityTables:
    """The wrapper, act-noun and recoding tables, read once."""

    wrappers: dict[str, tuple[Wrapper, ...]]
    acts: tuple[tuple[str, str], ...]  # (phrase, inner)
    codes: dict[str, dict[str, str]]  # class -> inner -> code

    def recode(self, cls: str, inner: str | None) -> str | None:
        """The code for class ``cls`` governing an act coded ``inner`` (longest prefix)."""
        table = self.codes.get(cls)
        if not table:
            return None
        if inner:
            if inner in table:
                return table[inner]
            if inner.isdigit():
                for length in range(len(inner) - 1, 1, -1):
                    if inner[:length] in table:
                        return table[inner[:length]]
        return table.get("*")

    def wrapper_for(self, token: object, *, dep: str = "") -> Wrapper | None:
        """The wrapper entry matching a verb token (lemma and particle), if any.

        A verb can govern an infinitive and a finite clause differently
        ("announced to withdraw": keep; "announced that X will": report):
        ``dep="ccomp"`` prefers a ``report`` row, other deps a non-report row.
        """
        # the parser's lemma, else one guessed from the inflection ("hoped" is
        # lemmatised "hop" by the small model)
        lemmas = verb_lemmas(token) if hasattr(token, "lower_") else []
        candidates = next(
            (self.wrappers[lemma] for lemma in lemmas if lemma in self.wrappers), ()
        )
        if not candidates:
            return None
        children = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep"}}  # type: ignore[attr-defined]
        usable = [w for w in candidates if w.particle and w.particle in children]
        usable += [w for w in candidates if not w.particle]
        if not usable:
            return None
        if dep:
            wanted = [
                w for w in usable if (w.cls in CLAUSE_CLASSES) == (dep == "ccomp")
            ]
            if wanted:
                return wanted[0]
        return usable[0]


@functools.lru_cache(maxsize=1)
def load_modality_tables() -> ModalityTables:
    """Read ``wrappers.tsv``, ``acts.tsv`` and ``modality.tsv`` (cached)."""
    wrappers: dict[str, list[Wrapper]] = {}
    path = loaders.bundled_file("lexicon", "wrappers.tsv")
    for record in loaders.read_table(path, required=("lemma", "particle", "class")):
        cls = record["class"]
        if cls not in WRAPPER_CLASSES:
            raise DataFileError(
                f"unknown wrapper class {cls!r}; use one of "
                f"{', '.join(WRAPPER_CLASSES)}",
                path=str(path),
                line=record["_line"],
            )
        slots = tuple(s for s in record.get("noun_slot", "").split("|") if s)
        wrappers.setdefault(record["lemma"].lower(), []).append(
            Wrapper(record["lemma"].lower(), record["particle"].lower(), cls, slots)
        )
    acts_path = loaders.bundled_file("lexicon", "acts.tsv")
    acts = tuple(
        (r["phrase"], r["inner"])
        for r in loaders.read_table(acts_path, required=("phrase", "inner"))
    )
    codes: dict[str, dict[str, str]] = {}
    for record in loaders.read_table(
        loaders.bundled_file("lexicon", "modality.tsv"),
        required=("class", "inner", "code"),
    ):
        codes.setdefault(record["class"], {})[record["inner"]] = record["code"]
    return ModalityTables(
        wrappers={k: tuple(v) for k, v in wrappers.items()}, acts=acts, codes=codes
    )


def generated_patterns(tables: ModalityTables) -> list[Pattern]:
    """Patterns "wrapper verb + act noun" ("demanded the withdrawal" -> 106)."""
    patterns: list[Pattern] = []
    for lemma, wrappers in tables.wrappers.items():
        for wrapper in wrappers:
            if wrapper.cls not in RECODING:
                continue
            for slot in wrapper.noun_slots:
                for phrase, inner in tables.acts:
                    code = tables.recode(wrapper.cls, inner)
                    if not code:
                        continue
                    obj: tuple[Phrase, ...] = (Phrase.parse(phrase),)
                    preps: tuple[PrepConstraint, ...] = ()
                    if slot != "dobj":
                        preps = (PrepConstraint(frozenset({slot}), obj),)
                        obj = ()
                    patterns.append(
                        Pattern(
                            id=f"wrap:{wrapper.cls}:{lemma}:{slot}:{norm(phrase)}",
                            code=code,
                            reverse_code="",
                            pos="verb",
                            lemmas=(lemma,),
                            particle=wrapper.particle,
                            objects=obj,
                            preps=preps,
                            target="auto",
                            target_preps=frozenset(),
                            flags=frozenset({"wrapper"}),
                            example=f"{lemma} {wrapper.particle} {phrase}".replace(
                                "  ", " "
                            ),
                            origin="lexicon/wrappers.tsv x lexicon/acts.tsv",
                            priority=1,
                        )
                    )
    return patterns
