"""Convert the shared PETRARCH / ICEWS / NGEC dictionaries into detente actor data.

Reads the raw files in ``$DETENTE_SHARED/ontology`` (default ``../shared/ontology``)
and writes the generated files of ``detente/data/actors/``:

- ``countries.tsv``       every country and territory (NGEC countries.csv +
                          text_to_CAMEO countrynames.txt), names and adjectives;
- ``phoenix_people.tsv``  people and national institutions of
                          petrarch2 Phoenix.Countries.actors.txt, with dated roles;
- ``roles_phoenix.tsv``   agent nouns of petrarch2 Phoenix.agents.txt.

The hand-curated files (``people_core.tsv``, ``organisations.yaml`` …) are not
touched; people they define are left out of ``phoenix_people.tsv`` so the
curated entry is the only one. Run from the repository root::

    .venv/bin/python scripts/build_actor_data.py

Each output starts with a ``#`` provenance and licence notice.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DETENTE_SHARED", REPO.parent / "shared"))
ONTOLOGY = SHARED / "ontology"
OUT = REPO / "detente" / "data" / "actors"

ACTOR_COLUMNS = (
    "id",
    "code",
    "country",
    "kind",
    "name",
    "aliases",
    "role_label",
    "start",
    "end",
)

MIT_NOTICE = "MIT licence, Copyright (c) 2014 Open Event Data Alliance"

#: Agent code -> words, for the role labels of converted dated roles.
ROLE_WORDS = {
    "GOV": "government",
    "MIL": "military",
    "LEG": "legislature",
    "JUD": "judiciary",
    "ELI": "elite (no office on this date)",
    "OPP": "opposition",
    "REB": "rebels",
    "MED": "media",
    "BUS": "business",
    "NGO": "non-governmental organisation",
    "IGO": "international organisation",
    "CVL": "civilians",
    "COP": "police",
    "SPY": "intelligence",
    "PTY": "political party",
    "EDU": "education",
    "HLH": "health",
    "LAB": "labour",
    "REL": "religious",
    "CRM": "criminals",
    "UAF": "armed group",
    "AGR": "agriculture",
    "ENV": "environment",
    "HRI": "human rights",
    "DEV": "development",
    "REF": "refugees",
    "MUS": "Muslim",
    "CHR": "Christian",
    "JEW": "Jewish",
    "SEP": "separatists",
    "INS": "insurgents",
    "RAD": "radicals",
    "MOD": "moderates",
    "PPL": "people",
}


def fold(text: str) -> str:
    """ASCII-fold: strip diacritics (Erdoğan -> Erdogan)."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def clean_phrase(raw: str) -> str:
    phrase = raw.replace("_", " ").strip()
    phrase = re.sub(r"\s+", " ", phrase)
    return phrase.strip(" ,")


def titlecase(phrase: str) -> str:
    """PETRARCH names are upper case; give them a readable case."""
    words = []
    for word in phrase.split(" "):
        if len(word) <= 3 and word.isupper() and "." in word:
            words.append(word)
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def write_tsv(
    path: Path,
    header_lines: Iterable[str],
    columns: Iterable[str],
    rows: Iterable[dict[str, str]],
) -> int:
    columns = list(columns)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in header_lines:
            handle.write(f"# {line}\n" if line else "#\n")
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            values = [str(row.get(c, "")).replace("\t", " ") for c in columns]
            handle.write("\t".join(values) + "\n")
            count += 1
    return count


# --------------------------------------------------------------------------- countries

#: Items of NGEC's Nationality column that are other territories, not the country.
_TERRITORY_WORDS = (
    "island",
    "islands",
    "islander",
    "islanders",
    "samoa",
    "guam",
    "puerto",
    "gibraltar",
    "bermuda",
    "anguilla",
    "montserrat",
    "helena",
    "caicos",
    "caledonia",
    "polynesia",
    "guiana",
    "guadeloupe",
    "martinique",
    "mayotte",
    "reunion",
    "réunion",
    "greenland",
    "faroe",
    "guernsey",
    "jersey",
    "man",
    "manx",
    "pitcairn",
    "mariana",
    "virgin",
    "malvinas",
    "falkland",
    "falklander",
    "falklanders",
    "georgia",
    "tokelau",
    "niue",
    "aruba",
    "curacao",
    "curaçao",
    "maarten",
    "martin",
    "barthelemy",
    "miquelon",
    "wallis",
    "futuna",
    "territory",
    "territories",
    "cayman",
    "caymanian",
    "caymanians",
    "bermudian",
    "bermudians",
    "gibraltarian",
    "gibraltarians",
    "montserratian",
    "anguillian",
    "anguillians",
    "guamanian",
    "guamanians",
    "rican",
    "ricans",
    "samoan",
    "samoans",
    "helenian",
    "helenians",
    "norfolk",
    "christmas",
    "keeling",
    "cocos",
    "heard",
    "mcdonald",
    "svalbard",
    "jan",
    "mayen",
    "bouvet",
    "outlying",
    "sandwich",
)


#: Names too ambiguous to keep ("New Jersey" is no island of the Channel).
_AMBIGUOUS_NAMES = {"Jersey", "Guernsey", "Man", "Georgia (state)"}


def _is_territory_item(item: str) -> bool:
    words = {w.lower().strip("()[],.") for w in item.split()}
    return bool(words & set(_TERRITORY_WORDS))


def build_countries() -> list[dict[str, str]]:
    countries: dict[str, dict[str, object]] = {}
    with (ONTOLOGY / "NGEC.countries.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            code = record["CCA3"].strip()
            name = record["Name"].strip()
            names = [name]
            for item in record["Nationality"].split(","):
                item = item.strip()
                if not item or _is_territory_item(item):
                    continue
                names.append(item)
            countries[code] = {"name": name, "names": names, "kind": "country"}
    with (ONTOLOGY / "text_to_CAMEO.countrynames.txt").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[1] == "---":
                continue
            name, code = parts[0].strip(), parts[1].strip()
            if name in _AMBIGUOUS_NAMES:
                continue
            # Composite codes (USAPRI) are territories; CAMEO writes the ISO code last.
            kind = "territory" if len(code) > 3 else "country"
            iso = code[-3:]
            entry = countries.setdefault(iso, {"name": name, "names": [], "kind": kind})
            if name not in entry["names"]:  # type: ignore[operator]
                entry["names"].append(name)  # type: ignore[union-attr]
    rows = []
    for code in sorted(countries):
        entry = countries[code]
        names = list(dict.fromkeys(entry["names"]))  # type: ignore[call-overload]
        rows.append(
            {
                "id": f"country:{code}",
                "code": code,
                "country": code,
                "kind": str(entry["kind"]),
                "name": str(entry["name"]),
                "aliases": "|".join(n for n in names if n != entry["name"]),
            }
        )
    return rows


# --------------------------------------------------------------------------- Phoenix people

_CODE_RE = re.compile(r"\[([^\]]*)\]")


def _phoenix_date(raw: str) -> str:
    raw = raw.strip()
    if not raw.isdigit() or len(raw) not in (6, 8):
        raise ValueError(raw)
    if len(raw) == 6:
        year = int(raw[:2])
        raw = ("20" if year <= 30 else "19") + raw
    return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])).isoformat()


def _parse_code(text: str) -> tuple[str, str, str] | None:
    """'RUSGOV 20000507-20080507' -> (code, start, end); None if unusable."""
    parts = text.split()
    if not parts:
        return None
    code = parts[0].strip()
    if not re.fullmatch(r"[A-Z]{3,15}", code):
        return None
    start = end = ""
    if len(parts) > 1:
        span = "".join(parts[1:])
        try:
            if span.startswith(">"):
                start = _phoenix_date(span[1:])
            elif span.startswith("<"):
                end = _phoenix_date(span[1:])
            elif "-" in span:
                first, last = span.split("-", 1)
                start, end = _phoenix_date(first), _phoenix_date(last)
            else:
                return None
        except ValueError:
            return None
    return code, start, end


def iter_phoenix_blocks(
    path: Path,
) -> Iterator[tuple[list[str], list[tuple[str, str, str]], bool]]:
    """Yield (names, codes, from_countryinfo) blocks of a TABARI .actors file."""
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []
    countryinfo = False
    text = path.read_bytes().decode("utf-8", errors="replace")
    for raw in text.splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        comment = ""
        if "#" in raw:
            raw, comment = raw.split("#", 1)
        line_codes = [c for c in (_parse_code(m) for m in _CODE_RE.findall(raw)) if c]
        body = _CODE_RE.sub("", raw)
        if raw[:1] in " \t":
            codes.extend(line_codes)
            continue
        if body.startswith("+"):
            names.append(clean_phrase(body[1:]))
            codes.extend(line_codes)
            continue
        # A new root name: starts a new block unless the current one has no codes yet.
        if codes:
            yield names, codes, countryinfo
            names, codes, countryinfo = [], [], False
        names.append(clean_phrase(body))
        codes.extend(line_codes)
        countryinfo = countryinfo or "CountryInfo" in comment
    if names and codes:
        yield names, codes, countryinfo


def _role_label(code: str) -> str:
    role = code[3:6]
    words = ROLE_WORDS.get(role, role.lower())
    return words


def build_phoenix_people(
    curated_names: set[str], country_names: set[str]
) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen_ids: set[str] = set()
    for names, codes, countryinfo in iter_phoenix_blocks(
        ONTOLOGY / "petrarch2.Phoenix.Countries.actors.txt"
    ):
        names = [n for n in names if n and re.search(r"[A-Za-z]{2}", n)]
        if not names:
            continue
        # Country-level blocks ([AFG]) come from countries.tsv instead.
        if all(len(code) == 3 for code, _, _ in codes):
            continue
        dated = any(start or end for _, start, end in codes)
        if not dated and not countryinfo:
            kind = "organisation"
        else:
            kind = "person"
        if kind == "person":
            # Keep people active after 1990 (older ones only add ambiguity).
            ends = [end for _, start, end in codes if start or end]
            if ends and all(end and end < "1990-01-01" for end in ends):
                continue
        if any(fold(n).lower() in country_names for n in names):
            continue  # a country block with dated codes (SUN -> UKR): countries.tsv has it
        readable = [
            n
            if kind == "organisation" and " " not in n and len(n) <= 5
            else titlecase(n)
            for n in names
        ]
        if any(fold(n).lower() in curated_names for n in readable):
            continue
        # Single-word primary names of people are too ambiguous ("Lucky"), except
        # when PETRARCH listed them explicitly as a synonym.
        primary = readable[0]
        if kind == "person" and " " not in primary and len(readable) == 1:
            continue
        country = codes[0][0][:3]
        entry_id = f"phoenix:{slug(primary)}"
        if entry_id in seen_ids:
            entry_id = f"{entry_id}-{country.lower()}"
        if entry_id in seen_ids:
            continue
        seen_ids.add(entry_id)
        aliases = "|".join(dict.fromkeys(n for n in readable[1:] if n != primary))
        first = True
        for code, start, end in codes:
            # Country + first role (CHNGOVMIL -> CHNGOV); IGO/IMG/NGO codes name an
            # organisation in full (IGOUNOHLHWHO).
            base = (
                code if code[:3] in ("IGO", "IMG", "NGO") or len(code) < 6 else code[:6]
            )
            rows.append(
                {
                    "id": entry_id,
                    "code": base,
                    "country": code[:3],
                    "kind": kind if first else "",
                    "name": primary if first else "",
                    "aliases": aliases if first else "",
                    "role_label": _role_label(code) if len(code) >= 6 else "",
                    "start": start,
                    "end": end,
                }
            )
            first = False
    return rows


# --------------------------------------------------------------------------- agents


def _plural(words: str) -> str:
    if re.search(r"[^aeiou]y$", words):
        return words[:-1] + "ies"
    if words.endswith(("sh", "ch", "x", "ss")):
        return words + "es"
    if words.endswith("."):
        return words
    return words + "s"


_FUNCTION_WORDS = {
    "to",
    "of",
    "in",
    "for",
    "from",
    "on",
    "at",
    "and",
    "the",
    "with",
    "by",
}
_MACRO_RE = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")


def build_phoenix_roles() -> list[dict[str, str]]:
    macros: dict[str, list[str]] = {}
    rows: dict[str, dict[str, str]] = {}
    text = (ONTOLOGY / "petrarch2.Phoenix.agents.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        raw = raw.split("#", 1)[0].rstrip()
        macro = _MACRO_RE.match(raw.strip())
        if macro:
            macros[macro.group(1)] = [m.strip() for m in macro.group(2).split(",")]
            continue
        found = re.search(r"\[~([A-Z]{3,9})\]", raw)
        if not found:
            continue
        code = found.group(1)
        body = raw[: found.start()].strip()
        plural = None
        brace = re.search(r"\{([^}]*)\}", body)
        if brace:
            plural = brace.group(1).strip()
            body = body[: brace.start()].strip()
        phrases = [body]
        for name, values in macros.items():
            token = f"!{name}!"
            phrases = [
                p.replace(token, value, 1) if token in p else p
                for p in phrases
                for value in (values if token in p else [None])
            ]
        for phrase in phrases:
            if "!" in phrase:
                continue
            words = clean_phrase(phrase).lower()
            if not words or len(words) < 3 or re.search(r"[^a-z .'\-]", words):
                continue
            if words.split()[-1] in _FUNCTION_WORDS:
                continue  # "ambassador to" would swallow the preposition of the text
            role = code[:3]
            rows.setdefault(
                words, {"phrase": words, "role": role, "role_label": words, "kind": ""}
            )
            if plural is None and not words.endswith("s") and " of " not in words:
                plural_words = _plural(words)
                rows.setdefault(
                    plural_words,
                    {
                        "phrase": plural_words,
                        "role": role,
                        "role_label": words,
                        "kind": "",
                    },
                )
            elif plural:
                plural_words = clean_phrase(plural).lower()
                rows.setdefault(
                    plural_words,
                    {
                        "phrase": plural_words,
                        "role": role,
                        "role_label": words,
                        "kind": "",
                    },
                )
    return [rows[k] for k in sorted(rows)]


# --------------------------------------------------------------------------- main


def curated_person_names() -> set[str]:
    """Folded, lower-cased names and aliases of the hand-curated people."""
    names: set[str] = set()
    path = OUT / "people_core.tsv"
    if not path.exists():
        return names
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for record in reader:
        for name in [record.get("name") or ""] + (record.get("aliases") or "").split(
            "|"
        ):
            if " " in name.strip():
                names.add(fold(name.strip()).lower())
    return names


def main() -> int:
    if not ONTOLOGY.is_dir():
        print(
            f"ontology folder not found: {ONTOLOGY}; set DETENTE_SHARED",
            file=sys.stderr,
        )
        return 2
    today = dt.date.today().isoformat()
    countries = build_countries()
    country_names = {
        fold(name).lower()
        for row in countries
        for name in [row["name"], *row["aliases"].split("|")]
        if name
    }
    n = write_tsv(
        OUT / "countries.tsv",
        [
            "Countries and territories: CAMEO / ISO 3166 alpha-3 codes, names, adjectives, demonyms.",
            f"Generated by scripts/build_actor_data.py on {today} from",
            "  ahalterman/NGEC-2025 NGEC/assets/countries.csv (MIT) and",
            "  openeventdata/text_to_CAMEO countrynames.txt (MIT, Philip Schrodt 2014).",
            "Do not edit by hand: add names in a curated file with the same id instead.",
        ],
        ACTOR_COLUMNS,
        countries,
    )
    print(f"countries.tsv: {n} rows")
    n = write_tsv(
        OUT / "phoenix_people.tsv",
        [
            "People and national institutions with dated roles ([RUSGOV 20000507-20080507]).",
            f"Generated by scripts/build_actor_data.py on {today} from",
            "  openeventdata/petrarch2 petrarch2/data/dictionaries/Phoenix.Countries.actors.txt",
            f"  ({MIT_NOTICE}); built from CountryInfo.140130.txt,",
            "  so roles after January 2014 are missing. Codes keep country + first role",
            "  (CHNGOVMIL -> CHNGOV). Six-digit dates YYMMDD: YY <= 30 -> 20YY.",
            "People defined in people_core.tsv are left out here.",
        ],
        ACTOR_COLUMNS,
        build_phoenix_people(curated_person_names(), country_names),
    )
    print(f"phoenix_people.tsv: {n} rows")
    n = write_tsv(
        OUT / "roles_phoenix.tsv",
        [
            "Agent nouns -> CAMEO agent (role) codes.",
            f"Generated by scripts/build_actor_data.py on {today} from",
            "  openeventdata/petrarch2 petrarch2/data/dictionaries/Phoenix.agents.txt",
            f"  ({MIT_NOTICE}). Macros (!MINIST!) expanded, plurals added,",
            "  only the first role code kept (GOVMIL -> GOV).",
        ],
        ("phrase", "role", "role_label", "kind"),
        build_phoenix_roles(),
    )
    print(f"roles_phoenix.tsv: {n} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
