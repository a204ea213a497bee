"""Convert the PETRARCH2 CAMEO verb dictionary into detente's lexicon format.

Usage::

    python scripts/convert_petrarch_verbs.py ../shared/ontology/petrarch2.CAMEO.2.0.txt \
        detente/data/lexicon/petrarch2_verbs.tsv [corrections.tsv]

The source file (openeventdata/petrarch2, ``CAMEO.2.0.txt``, MIT licence,
Copyright (c) 2015 Open Event Data Alliance) lists verb blocks: synonyms that
share a default code, followed by patterns ``- [subject words] * [words]
(PREP words) [CODE] # VERB``. Each pattern applies to every verb of its block.
We keep what a dependency parse can check: a particle, the object noun (its
head, plus modifiers written before it), prepositional phrases (preposition and
the head of its object), and where PETRARCH marks the target (``+``). Subject
constraints, skip markers (``^``) and compound markers (``%``) are dropped;
patterns whose target is the subject (``- + * ...``) and negative patterns
(``WILL NOT *``) are left out, and so are patterns whose only constraint after
the verb is a bare preposition while they constrain the subject
(``- PROTEST * (WITH)``, "protesters clash with"): without the subject they
would code every "X <verb> with" alike.

Each verb line of a block becomes a lemma-only ``default`` pattern with the
verb's (or the block's) code. ``petrarch2_verb_corrections.tsv`` (next to this
script; a third argument names another file) drops or recodes some of those
defaults, and some patterns, each with its reason: verbs that are not an event
by themselves ("take", "hold", "see"), patterns that code causation or
figurative uses ("lead to", "grapple with") and codes that contradict the CAMEO
codebook. Every row must match, so a stale correction is an error. Dropped
patterns keep their number, so the ids of the other patterns do not move.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORRECTIONS = Path(__file__).with_name("petrarch2_verb_corrections.tsv")

PARTICLES = {
    "out",
    "up",
    "down",
    "off",
    "back",
    "away",
    "over",
    "forward",
    "aside",
    "ahead",
    "apart",
    "together",
    "along",
    "around",
}
PREPOSITIONS = {
    "to",
    "toward",
    "towards",
    "into",
    "with",
    "against",
    "of",
    "on",
    "upon",
    "for",
    "from",
    "in",
    "at",
    "over",
    "about",
    "by",
    "across",
    "through",
    "between",
    "among",
    "after",
    "under",
    "onto",
    "within",
    "without",
    "behind",
    "before",
    "near",
    "as",
    "beyond",
    "around",
    "inside",
    "outside",
    "along",
    "amid",
}
MARKERS = {"$", "^", "%", "+"}
ARTICLES = {"a", "an", "the"}
HEADER = (
    "# PETRARCH2 CAMEO verb patterns, converted by scripts/convert_petrarch_verbs.py\n"
    "# Source: openeventdata/petrarch2 petrarch2/data/dictionaries/CAMEO.2.0.txt\n"
    "# Licence: MIT, Copyright (c) 2015 Open Event Data Alliance (see README.md).\n"
    "# Do not edit by hand: fix the converter, scripts/petrarch2_verb_corrections.tsv,\n"
    "# or add patterns to detente_*.tsv.\n"
)
COLUMNS = [
    "id",
    "code",
    "pos",
    "lemma",
    "particle",
    "object",
    "prep",
    "target",
    "flags",
    "example",
]


def word(raw: str) -> str:
    """PETRARCH word -> lower-case text (``_`` joins words, a final ``_`` means exact)."""
    return raw.strip("_").replace("_", " ").lower()


def read_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if line.startswith("####### VERB PATTERNS"):
            break
        if text.startswith("&"):
            current = text[1:].strip().upper()
            sets[current] = []
        elif text.startswith("+") and current:
            sets[current].append(word(text[1:].split()[0]))
        elif not text:
            current = None
    return sets


TOKEN_RE = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


def expand(tok: str, sets: dict[str, list[str]]) -> list[str]:
    """Expand a word, ``{phrase}`` or ``&SET`` into lower-case alternatives."""
    inner = tok.strip("{}").split() if tok.startswith("{") else [tok]
    phrases = [""]
    for raw in inner:
        options = sets.get(raw[1:].upper(), []) if raw.startswith("&") else [word(raw)]
        phrases = [f"{p} {o}".strip() for p in phrases for o in options][:400]
    return [p for p in phrases if p]


def parse_pattern(body: str, sets: dict[str, list[str]]) -> dict[str, str] | None:
    if "*" not in body or "|" in body:
        return None
    before, after = body.split("*", 1)
    before_toks = before.split()
    if "+" in before_toks or "NOT" in before_toks:
        return None
    toks = TOKEN_RE.findall(after)
    particle = ""
    objects: list[str] = []
    preps: list[str] = []
    target = "auto"
    i = 0
    if toks and toks[0] == "+":
        target = "dobj"
        i = 1
    if i < len(toks) and toks[i].lower() in PARTICLES and not toks[i].startswith("("):
        particle = toks[i].lower()
        i += 1
    while i < len(toks):
        tok = toks[i]
        i += 1
        if tok in MARKERS or tok.lower() in ARTICLES:
            continue
        if tok.startswith("("):
            inner = TOKEN_RE.findall(tok[1:-1])
            if not inner:
                continue
            prep = word(inner[0])
            words = [
                t for t in inner[1:] if t not in MARKERS and t.lower() not in ARTICLES
            ]
            pobj = expand(words[0], sets) if words else []
            preps.append(prep + (":" + "|".join(pobj) if pobj else ""))
            if "+" in inner and target == "auto":
                target = f"pobj:{prep}"
            continue
        low = tok.lower()
        if low in PREPOSITIONS and not tok.startswith(("{", "&")):
            rest = [
                t for t in toks[i:] if t not in MARKERS and t.lower() not in ARTICLES
            ]
            pobj = expand(rest[0], sets) if rest and not rest[0].startswith("(") else []
            if pobj:
                i = toks.index(rest[0], i) + 1
            preps.append(low + (":" + "|".join(pobj) if pobj else ""))
            continue
        if not objects:
            objects = expand(tok, sets)
    objects = [o for o in objects if o]
    if not (particle or objects or preps):
        return None
    subject = [t for t in before_toks if t not in MARKERS]
    # the subject carried the meaning ("PROTEST * (WITH)"): mark it to be left out
    weak = bool(subject) and not (particle or objects)
    weak = weak and all(":" not in p for p in preps)
    return {
        "weak": "yes" if weak else "",
        "particle": particle,
        "object": "|".join(dict.fromkeys(objects)),
        "prep": ";".join(preps),
        "target": target,
    }


@dataclass(frozen=True)
class Correction:
    """One row of the corrections table: drop or recode a default or a pattern.

    With an empty ``pattern`` the row is about the verb line ``lemma`` of a
    block: the lemma-only default ("take") or a phrasal verb ("step up"). With a pattern (PETRARCH's text between "- " and the code, e.g.
    ``* (AT)``) it is about that pattern of ``block``: ``drop`` with lemma
    ``*`` leaves the pattern out, ``drop`` with lemmas (``a|b``) takes those
    verbs out of it, ``recode`` gives it ``code``.
    """

    lemma: str
    block: str  # PETRARCH block name (lower case), or "*" for any block
    pattern: str  # normalised PETRARCH pattern text, or "" for a default
    action: str  # "drop" or "recode"
    code: str
    reason: str
    line: int

    def applies(self, verb: str, block: str) -> bool:
        """Whether this row is about the verb line ``verb`` ("take", "step up")."""
        return (
            not self.pattern
            and self.lemma == verb
            and self.block in {"*", block.lower()}
        )

    def applies_to_pattern(self, body: str, block: str) -> bool:
        """Whether this row is about the pattern ``body`` of ``block``."""
        return (
            bool(self.pattern)
            and self.pattern == normalise_pattern(body)
            and self.block in {"*", block.lower()}
        )


def normalise_pattern(body: str) -> str:
    return " ".join(body.split()).upper()


def read_corrections(path: Path) -> list[Correction]:
    """Read the corrections table (TSV: lemma, block, pattern, action, code, reason)."""
    found: list[Correction] = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            (number, line)
            for number, line in enumerate(handle, start=1)
            if line.strip() and not line.startswith("#")
        ]
    header, *body = rows
    columns = header[1].rstrip("\n").split("\t")
    for number, line in body:
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(columns):
            raise SystemExit(
                f"{path}:{number}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len(cells)}"
            )
        row = dict(zip(columns, cells, strict=True))
        action = row.get("action", "")
        code = row.get("code", "").strip()
        if action not in {"drop", "recode"} or (action == "recode") != bool(code):
            raise SystemExit(
                f"{path}:{number}: action must be drop (no code) or recode (with a code)"
            )
        if code and parse_code(code) is None:
            raise SystemExit(f"{path}:{number}: bad CAMEO code {code!r}")
        if not row.get("reason", "").strip():
            raise SystemExit(f"{path}:{number}: give the reason for the correction")
        found.append(
            Correction(
                lemma=row["lemma"].strip().lower(),
                block=row.get("block", "*").strip().lower() or "*",
                pattern=normalise_pattern(row.get("pattern", "")),
                action=action,
                code=code,
                reason=row["reason"].strip(),
                line=number,
            )
        )
    return found


def parse_code(raw: str) -> str | None:
    code = raw.strip("[] ")
    if not code or "---" in code:
        return None
    if not re.fullmatch(r"\d{2,4}(:\d{2,4})?|:\d{2,4}", code):
        return None
    return code


def convert(
    source: Path, corrections: list[Correction] | None = None
) -> list[dict[str, str]]:
    """Convert the dictionary, applying ``corrections`` to the default patterns."""
    corrections = corrections or []
    used: set[int] = set()
    lines = source.read_text(encoding="latin-1").splitlines()
    sets = read_sets(lines)
    start = next(
        i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS")
    )
    rows: list[dict[str, str]] = []
    block = ""
    block_code: str | None = None
    verbs: list[str] = []
    counter = 0

    def add(**row: str) -> None:
        nonlocal counter
        counter += 1
        base = {c: "" for c in COLUMNS}
        base.update(pos="verb", target="auto", id=f"petr:{block.lower()}:{counter}")
        base.update(row)
        rows.append(base)

    for line in lines[start + 1 :]:
        # "---  DELAY   [120]---  ---": some headers have no space before "---"
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", line)
        if head:
            block = head.group(1)
            block_code = parse_code(head.group(2))
            verbs = []
            counter = 0
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- "):
            match = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*(#\s*(.*))?$", stripped)
            if not match or not verbs:
                continue
            code = parse_code(match.group(2))
            parsed = parse_pattern(match.group(1), sets)
            if code is None or parsed is None:
                continue
            single = [v for v in verbs if " " not in v]
            if not single:
                continue
            if parsed.pop("weak"):
                counter += 1  # left out, but its number stays taken
                continue
            for fix in corrections:
                if not fix.applies_to_pattern(match.group(1), block):
                    continue
                used.add(fix.line)
                if fix.action == "recode":
                    code = fix.code
                elif fix.lemma == "*":
                    single = []
                else:
                    single = [v for v in single if v not in fix.lemma.split("|")]
            if not single:
                counter += 1  # left out, but its number stays taken
                continue
            verb = (match.group(4) or "").strip().split(" ")[0]
            add(
                code=code,
                lemma="|".join(single),
                example=f"{verb} {match.group(1)}",
                **parsed,
            )
            continue
        # A verb of the block: WORD {FORMS} [CODE] # comment
        text = re.sub(r"\{[^}]*\}", " ", stripped.split("#", 1)[0])
        code_match = re.search(r"\[([^\]]*)\]", text)
        code = parse_code(code_match.group(1)) if code_match else None
        name = text.split("[", 1)[0].split()
        if not name:
            continue
        raw = name[0].lstrip("+")
        parts = [p for p in raw.lower().split("_") if p]
        if not parts:
            continue
        lemma = parts[0]
        verbs.append(" ".join(parts))
        code = code or block_code
        if code is None:
            continue
        dropped = False
        for fix in corrections:
            if fix.applies(" ".join(parts), block):
                used.add(fix.line)
                dropped = dropped or fix.action == "drop"
                code = fix.code or code
        if dropped:
            counter += 1  # left out, but its number stays taken
            continue
        rest = parts[1:]
        particle = ""
        prep = ""
        obj = ""
        if rest and rest[0] in PARTICLES:
            particle = rest.pop(0)
        if rest and rest[0] in PREPOSITIONS:
            prep = rest.pop(0)
        elif rest:
            obj = rest.pop(0)
            if rest and rest[0] in PREPOSITIONS:
                prep = rest.pop(0)
        add(
            code=code,
            lemma=lemma,
            particle=particle,
            object=obj,
            prep=prep,
            flags="default" if not (particle or prep or obj) else "",
            example=raw.lower(),
        )
    stale = [fix for fix in corrections if fix.line not in used]
    if stale:
        raise SystemExit(
            "corrections that match no default pattern (remove or fix them): "
            + ", ".join(f"line {fix.line} {fix.lemma}/{fix.block}" for fix in stale)
        )
    return rows


def main(argv: list[str]) -> None:
    source, target = Path(argv[1]), Path(argv[2])
    corrections = read_corrections(
        Path(argv[3]) if len(argv) > 3 else DEFAULT_CORRECTIONS
    )
    rows = convert(source, corrections)
    with target.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(row[c].replace("\t", " ") for c in COLUMNS) + "\n")
    dropped = sum(fix.action == "drop" for fix in corrections)
    sys.stderr.write(
        f"wrote {len(rows)} patterns to {target} "
        f"({len(corrections)} corrections, {dropped} of them drops)\n"
    )


if __name__ == "__main__":
    main(sys.argv)
