"""How many lexicon patterns code each CAMEO code, and which codes are thin.

Usage::

    python scripts/lexicon_coverage.py [--min 3] [--thin-only] [--root 17]

For every CAMEO code of the ontology (``detente.ontology.get_ontology()``) it
counts the patterns of the bundled lexicon that produce the code (forward or
reverse): hand-written ones (``detente_*`` files), converted PETRARCH2 ones
(``petrarch2_verbs.tsv``, split into specific and lemma-only ``default``
patterns) and generated wrapper x act-noun ones. A code is flagged ``THIN``
when it has fewer than ``--min`` hand-written or specific (non-default)
patterns: a code that only a lemma alone can produce is easy to miss and easy
to over-produce. The ``wrap`` column counts the rows of ``modality.tsv`` that
produce the code: a governing verb ("urged X to", "refused to") reaches it by
recoding any coded complement, so a thin 02x/03x/10x/12x/13x code with ``wrap``
> 0 is less of a gap than one without: such codes are flagged ``thin`` (lower
case), codes that no wrapper or generated pattern reaches either ``THIN``. Codes written in the codebook as "not specified below"
(``xx0``) count like any other.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from detente._coding_internals.lexicon import Pattern, load_lexicon  # noqa: E402
from detente._coding_internals.modality import load_modality_tables  # noqa: E402
from detente.ontology import get_ontology  # noqa: E402


def source_of(pattern: Pattern) -> str:
    """``hand``, ``petrarch2`` or ``generated`` (wrapper x act noun)."""
    name = Path(pattern.origin.rpartition(":")[0]).name if pattern.origin else ""
    if name.startswith("detente_"):
        return "hand"
    if name.startswith("petrarch2"):
        return "petrarch2"
    return "generated"


def is_default(pattern: Pattern) -> bool:
    """A lemma-only pattern: flagged ``default`` or without any constraint."""
    return "default" in pattern.flags or not (
        pattern.particle or pattern.objects or pattern.preps
    )


def count_patterns() -> dict[str, Counter[str]]:
    """Code -> counts of ``hand``, ``hand_default``, ``p2``, ``p2_default``, ``gen``."""
    counts: dict[str, Counter[str]] = {}
    for pattern in load_lexicon().patterns:
        source = source_of(pattern)
        if source == "hand":
            key = "hand_default" if is_default(pattern) else "hand"
        elif source == "petrarch2":
            key = "p2_default" if is_default(pattern) else "p2"
        else:
            key = "gen"
        for code in {pattern.code, pattern.reverse_code} - {""}:
            counts.setdefault(code, Counter())[key] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=int, default=3, help="threshold for THIN")
    parser.add_argument("--thin-only", action="store_true", help="only THIN codes")
    parser.add_argument("--root", default="", help="only codes of this root (17)")
    args = parser.parse_args(argv)

    counts = count_patterns()
    wrap = Counter(
        code
        for table in load_modality_tables().codes.values()
        for code in table.values()
    )
    ontology = get_ontology()
    print(
        f"{'code':<6}{'hand':>5}{'hdef':>5}{'p2':>5}{'p2def':>6}{'gen':>5}{'wrap':>5}  flag  name"
    )
    thin = 0
    bare = 0
    total = 0
    for cameo in ontology.cameo_codes():
        if cameo.is_root or not cameo.code.startswith(args.root):
            continue
        total += 1
        c = counts.get(cameo.code, Counter())
        strong = c["hand"] + c["hand_default"] + c["p2"]
        flag = ""
        if strong < args.min:
            flag = "thin" if c["gen"] or wrap[cameo.code] else "THIN"
        thin += bool(flag)
        bare += flag == "THIN"
        if args.thin_only and not flag:
            continue
        print(
            f"{cameo.code:<6}{c['hand']:>5}{c['hand_default']:>5}{c['p2']:>5}"
            f"{c['p2_default']:>6}{c['gen']:>5}{wrap[cameo.code]:>5}  {flag:<4}  {cameo.name[:60]}"
        )
    print(
        f"\n{thin} of {total} codes have fewer than {args.min} hand-written or "
        f"specific patterns; {bare} of them (THIN) are reached by no wrapper or "
        "generated pattern either"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
