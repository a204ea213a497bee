"""Import PETRARCH2's non-state and international actor dictionaries.

Reads, from ``$DETENTE_SHARED/ontology`` (default ``../shared/ontology``),

- ``petrarch2.Phoenix.MilNonState.actors.txt``: militarized non-state groups
  (START TOPS database) -> ``detente/data/actors/phoenix_groups.tsv``;
- ``petrarch2.Phoenix.International.actors.txt``: IGOs, NGOs and multinational
  corporations -> ``detente/data/actors/phoenix_international.tsv``.

Both are MIT, Copyright (c) 2014 Open Event Data Alliance (openeventdata/petrarch2).
The output is deterministic (no date in it), so rerunning the script on the same
inputs gives the same files. Run from the repository root::

    .venv/bin/python scripts/build_phoenix_groups.py [--out DIR]

PETRARCH format: a root name, ``+`` synonyms (several may share a line,
``+A_+B``), codes in brackets (``[WAFREB]``, ``[IGOUNO 970101-061231]``) on the
root line or an indented line, ``#`` comments, underscores between words and a
trailing underscore meaning "no extension". Parenthesised acronyms in a name
(``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_``) become aliases; other parentheses
(``(COLOMBIA)``) are dropped.

Filters (counts per reason go in each file's header and in the README). A name
is left out when it

1. is already a name of the other actor files, a role noun or a city of
   ``cities.tsv`` (the hand-written or earlier entry wins);
2. has fewer than three letters;
3. is a single English word (lower-case form common: log-probability at least
   -14 in the ``en`` lexeme table of ``spacy-lookups-data``, or a stop word), a
   common US first name or surname (``names`` package), or the first or last
   word of a person's name in the people files ("Amal", "Hamzah"): "Chevron"
   stays, "Avengers"/"Ford" go;
4. is an acronym (a one-word name of at most six letters, kept upper case and
   matched only in capitals) whose lower-case form is an English word ("AIM");
5. has at most two words, all of them common English words ("Popular
   Resistance", "Revolutionary Army"), except a few well-known armed groups
   (``_KEPT_COMMON_WORD_NAMES``: "Shining Path", "Black September");
6. is given to two groups with different codes (ambiguous within PETRARCH);
7. (International file) looks like a person: its first word is a common first
   name ("Gillian Mellsop" [IGOUNOKID]); people belong to the people files;
8. is a kunya ("Abu Musab": two words, the first Abu/Umm/Ibn/Bin), unless it
   begins a longer group name ("Abu Sayyaf" beside "Abu Sayyaf Group");
9. has only place names and common words and no organisation noun (army,
   front, union, council ...): "Southeast Asian Nations", "Arab States".

A block that has a name of a hand-written organisation with the same country
(or IGO/NGO/IMG) head is that organisation: its other names are written as
aliases of the hand-written entry (its id and code).

Whole blocks are left out when their code has no usable country: TOPS'
placeholder ``KKL``, ``INT``, religion codes (``BUD``), ``[MED]``, ``[ELI]``,
``[---]``; and, in the International file, blocks with dated codes (IGO officials
such as past UN secretaries-general: people, left to the people files).

Codes. Non-state groups keep PETRARCH's code (``WAFREB``, ``IMGMUSALQ``); a bare
country or region code gets ``REB``; CAMEO's old country codes go through
``detente/data/ontology/country_code_aliases.tsv`` and ``ANG`` (a typo in TOPS) is
Angola. International codes keep PETRARCH's nested form (``IGOUNOKID``,
``IGOWSTNAT``, ``NGOUSAHLH``, ``MNCJPN``): PETRARCH shares one code between
several bodies (``IGOUNODEV`` is UNDP, UNIFEM, UNESCAP ...), so it cannot be
mapped onto the hand-written codes (``IGONATO``) one to one. The actor's country
is ``IGO``/``NGO``/``MNC`` either way.

Build-time tools (not dependencies of detente): ``spacy-lookups-data`` and
``names``, as for ``scripts/build_cities.py``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_actor_data import (  # noqa: E402
    ACTOR_COLUMNS,
    MIT_NOTICE,
    ONTOLOGY,
    OUT,
    _parse_code,
    slug,
    write_tsv,
)

from detente._actors_internals.dictionary import (  # noqa: E402
    ORG_KINDS,
    PLACE_KINDS,
    fold,
)
from detente.actors import ActorDictionary  # noqa: E402
from detente.data import loaders  # noqa: E402

if TYPE_CHECKING:
    from spacy.lookups import Table

GROUPS_FILE = "phoenix_groups.tsv"
INTERNATIONAL_FILE = "phoenix_international.tsv"
OWN_FILES = {GROUPS_FILE, INTERNATIONAL_FILE}

MIN_WORD_LOGPROB = -14.0
#: Share (in %) of Americans bearing a first name or surname (US Census 1990).
NAME_SHARE = 0.1
#: First names whose share makes a two/three-word International name a person.
FIRST_NAME_SHARE = 0.01

#: CAMEO region codes not among the regions of organisations.yaml.
CAMEO_REGIONS = {"CFR", "CEU", "EIN", "MDT", "WEU"}
#: TOPS typos.
PREFIX_FIXES = {"ANG": "AGO"}
#: International code heads kept as they are (the actor's country is the head).
INTERNATIONAL_HEADS = ("IGO", "NGO", "MNC", "IMG")

_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "la", "el"}
_KUNYA_WORDS = {"abu", "abou", "umm", "ibn", "bin"}
#: Well-known armed groups whose names are common words (filter 5 would drop
#: them); matched only capitalised, as every name written with a capital.
_KEPT_COMMON_WORD_NAMES = {
    "shining path",
    "black september",
    "angry brigade",
    "revolutionary struggle",
    "army of the pure",
}
_ORG_WORDS = {
    "agency",
    "army",
    "battalion",
    "battalions",
    "brigade",
    "brigades",
    "cells",
    "church",
    "coalition",
    "command",
    "court",
    "faction",
    "federation",
    "forces",
    "militia",
    "nuclei",
    "tribunal",
    "alliance",
    "association",
    "bank",
    "center",
    "centre",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "foundation",
    "front",
    "fund",
    "group",
    "institute",
    "international",
    "league",
    "movement",
    "network",
    "organization",
    "organisation",
    "party",
    "program",
    "programme",
    "project",
    "society",
    "trust",
    "union",
    "watch",
}


# --------------------------------------------------------------------------- reading


@dataclass
class Block:
    """One PETRARCH entry: its names (root first) and codes."""

    names: list[str]
    codes: list[tuple[str, str, str]]
    line: int
    acronyms: list[str] = field(default_factory=list)


_CODE_RE = re.compile(r"\[([^\]]*)\]")


def iter_blocks(path: Path) -> Iterator[Block]:
    """Blocks of a TABARI/PETRARCH ``.actors`` file, ``+`` synonyms split."""
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []
    start = 0
    text = path.read_bytes().decode("utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.split("#", 1)[0]
        if not raw.strip():
            continue
        line_codes = [c for c in (_parse_code(m) for m in _CODE_RE.findall(raw)) if c]
        bad_code = bool(_CODE_RE.search(raw)) and not line_codes
        body = _CODE_RE.sub("", raw).rstrip()
        if raw[:1] in " \t" and not body.strip():
            codes.extend(line_codes)
            if bad_code:
                codes.append(("", "", ""))
            continue
        body = body.strip()
        if body.startswith("+"):
            names.extend(p for p in body.split("+") if p.strip())
            codes.extend(line_codes)
            continue
        if codes:
            yield Block(names, codes, start)
            names, codes = [], []
        if not names:
            start = number
        names.extend(p for p in body.split("+") if p.strip())
        codes.extend(line_codes)
        if bad_code:
            codes.append(("", "", ""))
    if names and codes:
        yield Block(names, codes, start)


_PAREN_RE = re.compile(r"\(([^()]*)\)")


def split_name(raw: str) -> tuple[str, list[str]]:
    """``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` -> ("ADEN ABYAN ISLAMIC ARMY", ["AAIA"])."""
    acronyms = []
    for inner in _PAREN_RE.findall(raw):
        token = inner.strip("_ ").replace("_", "")
        if re.fullmatch(r"[A-Z][A-Z0-9.\-]{1,5}", inner.strip("_ ")):
            acronyms.append(token)
    text = _PAREN_RE.sub(" ", raw).replace("_", " ")
    text = re.sub(r"\s+", " ", text).strip(" ,-")
    return text, acronyms


def readable(name: str, *, acronym: bool, lexicon: WordTest) -> str:
    """PETRARCH's upper case -> a readable case ("Revolutionary United Front")."""
    if acronym:
        return name
    words = []
    for index, word in enumerate(name.split(" ")):
        lower = word.lower()
        if index and lower in _SMALL_WORDS:
            words.append(lower)
        elif re.fullmatch(r"(?:[A-Z]\.)+", word) or (
            len(name.split(" ")) > 1 and is_single_acronym(word, lexicon)
        ):
            words.append(word)  # U.N., UN, UNHCR inside a longer name
        else:
            words.append(
                "-".join(
                    "'".join(
                        part[:1].upper() + part[1:].lower() if i == 0 else part.lower()
                        for i, part in enumerate(piece.split("'"))
                    )
                    for piece in word.split("-")
                )
            )
    return " ".join(words)


def is_single_acronym(name: str, words: WordTest) -> bool:
    """One token of at most six letters that English text writes in capitals.

    PETRARCH writes every name in capitals, so "UNDP" and "HONDA" look alike: a
    token is an acronym unless its capitalised form ("Honda") is the more
    frequent one in the lexeme table.
    """
    letters = name.replace(".", "").replace("-", "").replace("&", "")
    if " " in name or not (1 < len(letters) <= 6 and letters.isalnum()):
        return False
    title = name[:1].upper() + name[1:].lower()
    return words.probs.get(name.upper(), -20.0) >= words.probs.get(title, -20.0)


# --------------------------------------------------------------------------- filters


class WordTest:
    """English words and common US names (build-time lexicons)."""

    def __init__(self) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS
        from spacy.lookups import load_lookups

        self.probs: Table = load_lookups("en", ["lexeme_prob"]).get_table("lexeme_prob")
        self.stops = set(STOP_WORDS)
        self.names = _census_names(
            NAME_SHARE, ("dist.male.first", "dist.female.first", "dist.all.last")
        )
        self.first_names = _census_names(
            FIRST_NAME_SHARE, ("dist.male.first", "dist.female.first")
        )

    def is_word(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.stops:
            return True
        return self.probs.get(lower, -20.0) >= MIN_WORD_LOGPROB

    def is_name(self, word: str) -> bool:
        return word.lower() in self.names


def _census_names(share: float, files: Iterable[str]) -> set[str]:
    folder = resources.files("names")
    common: set[str] = set()
    for file in files:
        for line in folder.joinpath(file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= share:
                common.add(parts[0].lower())
    return common


def name_key(name: str) -> str:
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def loose_key(name: str) -> str:
    """Spelling-insensitive key: "Al Shabab", "al-Shabab" -> "alshabab"."""
    return re.sub(r"[^a-z0-9]", "", name_key(name))


def drop_reason(
    name: str,
    *,
    acronym: bool,
    words: WordTest,
    known: set[str],
    person_words: set[str],
    place_words: set[str],
    group_names: set[str],
    person_check: bool,
) -> str:
    """Why ``name`` is left out ("" = kept)."""
    key = name_key(name)
    letters = re.sub(r"[^A-Za-z]", "", key)
    if len(letters) < 3:
        return "fewer than three letters"
    if loose_key(name) in known:
        return "already a name of the actor files, a role noun or a city"
    tokens = [t for t in re.split(r"[\s]+", key) if t]
    if acronym:
        if words.is_word(key):
            return "acronym that is an English word"
        return ""
    if len(tokens) == 1:
        if words.is_word(tokens[0]) or words.is_name(tokens[0]):
            return "single English word or common name"
        if loose_key(name) in person_words:
            return "single word that is part of a person's name in the people files"
        return ""
    if (
        len(tokens) == 2
        and tokens[0] in _KUNYA_WORDS
        and not any(k.startswith(key + " ") for k in group_names)
    ):
        return "a kunya or patronymic (Abu Musab): a person"
    if key in _KEPT_COMMON_WORD_NAMES:
        return ""
    content = [t for t in tokens if t not in _SMALL_WORDS]
    if (
        any(t in place_words for t in content)
        and not set(content) & _ORG_WORDS
        and all(t in place_words or words.is_word(t) for t in content)
    ):
        return "place names and common words only (Southeast Asian Nations)"
    if len(content) <= 2 and all(
        words.is_word(t) for part in content for t in part.split("-") if t
    ):
        return "two common English words"
    if (
        person_check
        and 2 <= len(tokens) <= 4
        and tokens[0].rstrip(".") in words.first_names
        and not set(tokens) & _ORG_WORDS
    ):
        return "a person's name"
    return ""


# --------------------------------------------------------------------------- building


@dataclass
class Candidate:
    code: str
    kind: str
    role_label: str
    names: list[tuple[str, bool]]  # (readable name, is acronym)
    source_line: int


def _prefix_ok(prefix: str, countries: set[str], regions: set[str]) -> bool:
    return prefix in countries or prefix in regions


def group_candidates(
    countries: set[str],
    regions: set[str],
    aliases: dict[str, str],
    dropped: Counter[str],
    words: WordTest,
) -> list[Candidate]:
    found = []
    for block in iter_blocks(ONTOLOGY / "petrarch2.Phoenix.MilNonState.actors.txt"):
        usable = [c for c in block.codes if c[0]]
        if not usable:
            dropped["block: no usable code"] += 1
            continue
        # An undated code, else the most recent dated one.
        undated = [c for c, s, e in usable if not s and not e]
        code = undated[0] if undated else max(usable, key=lambda c: c[2] or "9999")[0]
        if not code.startswith("IMG"):
            head = PREFIX_FIXES.get(code[:3], aliases.get(code[:3], code[:3]))
            if not _prefix_ok(head, countries, regions):
                dropped[f"block: code without a country ({code[:3]})"] += 1
                continue
            code = head + (code[3:] or "REB")
            code = code[:6]
        found.append(
            Candidate(
                code, "organisation", "armed group", _names(block, words), block.line
            )
        )
    return found


def international_candidates(
    countries: set[str],
    regions: set[str],
    aliases: dict[str, str],
    dropped: Counter[str],
    words: WordTest,
) -> list[Candidate]:
    found = []
    for block in iter_blocks(ONTOLOGY / "petrarch2.Phoenix.International.actors.txt"):
        usable = [c for c in block.codes if c[0]]
        if any(s or e for _, s, e in block.codes):
            dropped["block: dated codes (an official; people files)"] += 1
            continue
        if not usable:
            dropped["block: no usable code"] += 1
            continue
        code = usable[0][0]
        head = code[:3]
        if head in INTERNATIONAL_HEADS:
            kind, label = {
                "IGO": ("igo", "international organisation"),
                "NGO": ("organisation", "non-governmental organisation"),
                "MNC": ("organisation", "multinational corporation"),
                "IMG": ("organisation", "transnational militant group"),
            }[head]
        else:
            head = aliases.get(head, head)
            if len(code) < 6 or not _prefix_ok(head, countries, regions):
                dropped[f"block: code without a country ({code[:3]})"] += 1
                continue
            code = head + code[3:6]
            kind, label = "organisation", "organisation"
        found.append(Candidate(code, kind, label, _names(block, words), block.line))
    return found


def _initials(text: str) -> str:
    return "".join(
        w[:1] for w in re.split(r"[\s\-]+", text) if w.lower() not in _SMALL_WORDS
    )


def _names(block: Block, words: WordTest) -> list[tuple[str, bool]]:
    names: list[tuple[str, bool]] = []
    texts = [split_name(raw.strip())[0] for raw in block.names]
    initials = {_initials(t) for t in texts if " " in t}
    for raw in block.names:
        text, acronyms = split_name(raw.strip())
        if text:
            # "+RUF" beside REVOLUTIONARY_UNITED_FRONT is an acronym whatever the
            # lexeme table says ("Ruf" is also a surname).
            acronym = is_single_acronym(text, words) or (
                " " not in text
                and re.sub(r"[^A-Z]", "", text) in initials
                and len(text) <= 6
            )
            names.append((readable(text, acronym=acronym, lexicon=words), acronym))
        names.extend((a, True) for a in acronyms)
    seen: set[str] = set()
    unique = []
    for name, acronym in names:
        if name not in seen:
            seen.add(name)
            unique.append((name, acronym))
    return unique


def existing_dictionary() -> ActorDictionary:
    files = [
        f
        for f in loaders.bundled_files(
            "actors", suffixes=(".tsv", ".csv", ".yaml", ".yml", ".jsonl")
        )
        if f.name not in OWN_FILES
    ]
    return ActorDictionary.from_files(files)


def select(
    candidates: list[Candidate],
    *,
    known: set[str],
    person_words: set[str],
    place_words: set[str],
    links: dict[str, set[str]],
    dictionary: ActorDictionary,
    words: WordTest,
    person_check: bool,
    taken: dict[str, str],
    dropped: Counter[str],
    prefix: str,
) -> list[dict[str, str]]:
    """Filter names, drop ambiguous ones, and write rows (one per entry).

    A block one of whose names is a hand-written organisation of the same
    country (or IGO/NGO/IMG) is that organisation ("Organization of Petroleum
    Exporting Countries" beside "OPEC"): its other names become aliases of the
    hand-written entry (same id, its code), which keeps one code per organisation.
    """
    group_names = {name_key(n) for c in candidates for n, _ in c.names}
    kept: list[tuple[Candidate, list[str]]] = []
    linked_id: dict[int, str] = {}
    for candidate in candidates:
        linked = {i for n, _ in candidate.names for i in links.get(loose_key(n), ())}
        # Only a link that agrees on the country: PETRARCH blocks hold stray
        # names ("People's Liberation Army" among the INLA's) that must not turn
        # an Irish group into China's army.
        if len(linked) == 1 and (
            dictionary.entries[next(iter(linked))].code[:3] == candidate.code[:3]
        ):
            (entry_id,) = linked
            linked_id[id(candidate)] = entry_id
            candidate.code = dictionary.entries[entry_id].code
        names = []
        for name, acronym in candidate.names:
            reason = drop_reason(
                name,
                acronym=acronym,
                words=words,
                known=known,
                person_words=person_words,
                place_words=place_words,
                group_names=group_names - {name_key(name)},
                person_check=person_check,
            )
            if reason:
                dropped[f"name: {reason}"] += 1
            else:
                names.append(name)
        if names:
            kept.append((candidate, names))
        else:
            dropped["block: no name left"] += 1
    # A name given to entries with different codes is ambiguous: drop it everywhere.
    codes_of: dict[str, set[str]] = defaultdict(set)
    for candidate, names in kept:
        for name in names:
            codes_of[loose_key(name)].add(candidate.code)
    for key, code in taken.items():
        codes_of[key].add(code)
    rows: list[dict[str, str]] = []
    ids: set[str] = set()
    for candidate, names in kept:
        final = []
        for name in names:
            key = loose_key(name)
            if len(codes_of[key]) > 1:
                dropped["name: given to entries with different codes"] += 1
                continue
            if key in taken:
                dropped["name: duplicate of an entry with the same code"] += 1
                continue
            taken[key] = candidate.code
            final.append(name)
        if not final:
            dropped["block: no name left"] += 1
            continue
        primary = (
            max(final, key=lambda n: (" " in n, len(n)))
            if all(n.isupper() for n in final[:1])
            else final[0]
        )
        if id(candidate) in linked_id:
            dropped["names added as aliases of a hand-written entry"] += len(final)
            rows.append(
                {
                    "id": linked_id[id(candidate)],
                    "code": candidate.code,
                    "aliases": "|".join(final),
                }
            )
            continue
        entry_id = f"{prefix}:{slug(primary)}"
        if entry_id in ids:
            entry_id = f"{entry_id}-{candidate.source_line}"
        ids.add(entry_id)
        rows.append(
            {
                "id": entry_id,
                "code": candidate.code,
                "country": "IGO"
                if candidate.code.startswith("IGO")
                else candidate.code[:3],
                "kind": candidate.kind,
                "name": primary,
                "aliases": "|".join(n for n in final if n != primary),
                "role_label": candidate.role_label,
            }
        )
    return rows


def _country_aliases() -> dict[str, str]:
    records = loaders.read_table(
        loaders.bundled_file("ontology", "country_code_aliases.tsv")
    )
    return {str(r["code"]).strip(): str(r["iso3"]).strip() for r in records}


def _header(title: str, source: str, dropped: Counter[str], kept: int) -> list[str]:
    lines = [
        title,
        "Generated by scripts/build_phoenix_groups.py from",
        f"  openeventdata/petrarch2 petrarch2/data/dictionaries/{source}",
        f"  ({MIT_NOTICE}). See the script's docstring for the filters.",
        f"Entries kept: {kept}. Left out (count: reason):",
    ]
    lines += [
        f"  {n:5d}: {reason}"
        for reason, n in sorted(dropped.items())
        if not reason.startswith("names added")
    ]
    linked = dropped.get("names added as aliases of a hand-written entry", 0)
    lines.append(
        f"Names added as aliases of a hand-written entry (same id and code): {linked}."
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not ONTOLOGY.is_dir():
        print(
            f"ontology folder not found: {ONTOLOGY}; set DETENTE_SHARED",
            file=sys.stderr,
        )
        return 2
    try:
        words = WordTest()
    except (ImportError, OSError) as e:
        print(
            f"install the build tools first; see the docstring ({e})", file=sys.stderr
        )
        return 1
    dictionary = existing_dictionary()
    known = {loose_key(k) for k in [*dictionary.by_alias, *dictionary.roles]}
    known |= {
        loose_key(n) for city in dictionary.gazetteer.cities() for n in city.names
    }
    # First names and surnames of the people files ("Amal", "Hamza"): a one-word
    # group name equal to one would fire on that person.
    person_words = {
        loose_key(token)
        for entry in dictionary.entries.values()
        if entry.kind == "person"
        for alias in entry.names
        if " " in alias.strip()
        for token in (alias.split()[0], alias.split()[-1])
    }
    links: dict[str, set[str]] = defaultdict(set)
    place_words: set[str] = set()
    for entry in dictionary.entries.values():
        for alias in entry.names:
            if entry.kind in ORG_KINDS and entry.priority > 0:
                links[loose_key(alias)].add(entry.id)
            # Provinces (provinces.tsv) are no place words here: a group named
            # after one ("Kurdistan Freedom Hawks") is still a name.
            if entry.kind in PLACE_KINDS and "provinces" not in entry.source:
                place_words.update(name_key(alias).split())
    countries = {
        e.code for i, e in dictionary.entries.items() if i.startswith("country:")
    }
    regions = {e.code for e in dictionary.entries.values() if e.kind == "region"}
    regions |= CAMEO_REGIONS
    aliases = _country_aliases()
    taken: dict[str, str] = {}

    dropped_groups: Counter[str] = Counter()
    groups = group_candidates(countries, regions, aliases, dropped_groups, words)
    group_rows = select(
        groups,
        known=known,
        person_words=person_words,
        place_words=place_words,
        links=links,
        dictionary=dictionary,
        words=words,
        person_check=False,
        taken=taken,
        dropped=dropped_groups,
        prefix="tops",
    )
    dropped_intl: Counter[str] = Counter()
    intl = international_candidates(countries, regions, aliases, dropped_intl, words)
    intl_rows = select(
        intl,
        known=known,
        person_words=person_words,
        place_words=place_words,
        links=links,
        dictionary=dictionary,
        words=words,
        person_check=True,
        taken=taken,
        dropped=dropped_intl,
        prefix="phoenix-intl",
    )
    columns = [c for c in ACTOR_COLUMNS if c not in ("start", "end")]
    n = write_tsv(
        args.out / GROUPS_FILE,
        _header(
            "Militarized non-state groups (START TOPS) -> CAMEO codes (WAFREB, IMGMUSALQ).",
            "Phoenix.MilNonState.actors.txt",
            dropped_groups,
            sum(1 for r in group_rows if r.get("name")),
        ),
        columns,
        group_rows,
    )
    print(
        f"{GROUPS_FILE}: {n} entries; left out: {dict(sorted(dropped_groups.items()))}"
    )
    n = write_tsv(
        args.out / INTERNATIONAL_FILE,
        _header(
            "IGOs, NGOs and multinational corporations -> CAMEO codes (IGO…, NGO…, MNC…).",
            "Phoenix.International.actors.txt",
            dropped_intl,
            sum(1 for r in intl_rows if r.get("name")),
        )
        + [
            "PETRARCH's nested codes are kept (IGOWSTNAT for NATO officials, where",
            "organisations.yaml says IGONATO); the actor's country is IGO/NGO/MNC either way.",
        ],
        columns,
        intl_rows,
    )
    print(
        f"{INTERNATIONAL_FILE}: {n} entries; left out: {dict(sorted(dropped_intl.items()))}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
