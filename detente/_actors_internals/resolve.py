"""The rules that turn a parsed document into actor mentions.

Pass 1 finds *units*: dictionary names (PhraseMatcher over lower-cased text,
longest match wins), role nouns (``foreign minister``), places the NER finds
that the city gazetteer knows (``Aleppo`` -> SYR, rule ``gazetteer:city``) and
named entities the dictionary does not know. Pass 2 groups adjacent units of
one noun phrase (``Russian Security Council Secretary Nikolai Patrushev``,
``the foreign minister of China``, ``Russia's Security Council secretary``) into
one mention, and splits coordinations (``Beijing and Moscow``) into one mention each. Pass 3
adds the references that name no one: pronouns, ``both nations``, ``the daily``.
Every mention records the rule that produced it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import Actor, ActorMention
from .dictionary import PERSON_KINDS, PLACE_KINDS, ActorEntry, RoleNoun, fold
from .gazetteer import CITY_LABELS

if TYPE_CHECKING:
    from ..actors import ActorDictionary

#: NER labels kept as unresolved mentions when the dictionary does not know them.
NER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})

#: Words allowed between the parts of one title ("senior Chinese diplomat").
FILLER_WORDS = frozenset(
    """senior top former deputy vice acting then chief semi semi-official state
    state-run state-owned state-controlled new outgoing incoming current first special
    lead visiting leading powerful veteran hawkish prominent influential
    government-run pro-government national federal central main top-ranking
    high-ranking ranking assistant associate retired late ex self-styled
    english-language ruling interim caretaker longtime long-time embattled
    newly elected newly-elected designate president-elect hardline hard-line
    reformist conservative liberal moderate permanent""".split()
)
#: Heads of organisations named after someone ("Clinton Foundation", "Trump Hotels").
NAMESAKE_HEADS = frozenset(
    """foundation center centre library museum hotel hotels tower towers club hall
    school college university academy hospital airport stadium arena prize award
    memorial street avenue square bridge park""".split()
)
#: Small words inside a name an acronym skips ("Forces for Defence of Democracy").
ACRONYM_FILLERS = frozenset(
    {"of", "for", "the", "and", "in", "on", "to", "de", "du", "des", "la", "le"}
)
#: Words before a hyphen that make a name a stance ("pro-Russian", "anti-US").
STANCE_WORDS = frozenset({"pro", "anti", "non"})
STANCE_PREFIXES = frozenset({"pro-", "anti-", "non-"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
PUNCT_JOINERS = frozenset({"-", "–", "—", "/"})
PLURAL_NOUNS = frozenset(
    """nations countries sides states powers governments leaders neighbors neighbours
    allies capitals partners presidents""".split()
)
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: Countries whose names put the family name first ("Yang Jiechi" -> "Yang").
FAMILY_NAME_FIRST = frozenset(
    {"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "MNG", "SGP"}
)
#: Prepositions locating a group in a country ("rebels in Sudan").
LOCATIVE_PREPS = frozenset({"in", "throughout", "across", "inside"})
FOREIGN_POSTED_ROLES = frozenset({"MIL", "MED", "IGO"})
#: Roles of the state, which a text names without a country when it means its own
#: ("the government", "police", "officials").
HOME_STATE_ROLES = frozenset({"GOV", "COP", "JUD", "LEG", "SPY", "OPP", "LAB", "EDU"})
#: Dependents of a role noun that name its owner ("Burundi's government").
OWNER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "prep"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Verbs whose "it" subject is usually pleonastic ("it seems that").
PLEONASTIC_HEADS = frozenset({"seem", "appear", "take", "remain", "matter", "happen"})


@dataclass
class Unit:
    """A matched piece of text before grouping."""

    start: int  # token indices, end exclusive
    end: int
    kind: str  # place | org | person | role | ner
    entries: list[ActorEntry] = field(default_factory=list)
    role: RoleNoun | None = None
    label: str = ""
    country_guess: str = ""
    destination: bool = False  # "ambassador to China": China is not the ambassador's
    city: str = ""  # a gazetteer city standing for its country (``entries``)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Found:
    """A mention plus what later passes need to know about it."""

    mention: ActorMention
    category: str  # person | group | plural
    subject: bool
    pair_id: int = -1  # members of one coordination share a pair id
    modifier: bool = False  # "China-US (relations)": a pair that only modifies a noun
    plural_head: bool = False
    gender: str = ""
    role: RoleNoun | None = None  # the role noun of a "role-without-country" mention


class DocResolver:
    """Resolve the actor mentions of one ``doc`` against a dictionary."""

    def __init__(
        self,
        doc: Any,
        dictionary: ActorDictionary,
        matchers: Any,
        *,
        date: dt.date | None,
        text_offset: int = 0,
        place: str = "",
    ) -> None:
        self.doc = doc
        self.place = place
        self.dictionary = dictionary
        self.matchers = matchers
        self.date = date
        self.offset = text_offset
        self.sent_of = [0] * len(doc)
        self.sent_starts: list[int] = []
        for index, sent in enumerate(doc.sents):
            self.sent_starts.append(sent.start)
            for i in range(sent.start, sent.end):
                self.sent_of[i] = index
        self.found: list[Found] = []
        self.surnames: dict[str, tuple[Actor | None, str, str]] = {}
        self._pair_counter = 0

    # ------------------------------------------------------------------ pass 1

    def units(self) -> list[Unit]:
        doc = self.doc
        candidates: list[Unit] = []
        for _, start, end in self.matchers.names(doc):
            unit = self._name_unit(start, end)
            if unit is not None:
                candidates.append(unit)
        for _, start, end in self.matchers.roles(doc):
            role = self.dictionary.roles.get(fold(doc[start:end].text))
            if role is not None:
                candidates.append(Unit(start, end, "role", role=role))
        # Longest first; on a tie a name beats a role noun.
        # Equal lengths: the later match wins, so "President Xi Jinping" reads as
        # title + "Xi Jinping", not "President Xi" + "Jinping".
        candidates.sort(key=lambda u: (-u.length, u.kind == "role", -u.start))
        taken = [False] * len(doc)
        chosen: list[Unit] = []
        for unit in candidates:
            if any(taken[unit.start : unit.end]):
                continue
            for i in range(unit.start, unit.end):
                taken[i] = True
            chosen.append(unit)
        chosen = self._apply_entities(chosen)
        chosen.sort(key=lambda u: u.start)
        return chosen

    def _name_unit(self, start: int, end: int) -> Unit | None:
        span = self.doc[start:end]
        text = span.text
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        forms = self.dictionary.acronym_forms.get(key)
        if forms is not None and text not in forms:
            return None
        if self._stance_prefixed(start):
            return None
        if self._defined_acronym(start, end, key):
            return None
        first = text.lstrip("'\"“")[:1]
        if (
            not (first.isupper() or first.isdigit())
            and key not in self.dictionary.lowercase_ok
        ):
            return None
        entries = self.dictionary.ranked(key, date=self.date)
        if not entries:
            return None
        kind = entries[0].kind
        if kind in PLACE_KINDS:
            category = "place"
        elif kind in PERSON_KINDS:
            category = "person"
        else:
            category = "org"
        return Unit(start, end, category, entries=entries)

    def _defined_acronym(self, start: int, end: int, key: str) -> bool:
        """ "Forces for Defence of Democracy (FDD)": an acronym the text defines
        for a name the dictionary does not know is that name's, not the
        dictionary's FDD (a US think tank)."""
        doc = self.doc
        if not (
            end - start == 1
            and start >= 2
            and end < len(doc)
            and doc[start - 1].text == "("
            and doc[end].text == ")"
            and doc[start].text.isupper()
        ):
            return False
        words: list[Any] = []
        i = start - 2
        while i >= 0 and len(words) < 8 and doc[i].is_alpha:
            if doc[i].text[:1].isupper():
                words.insert(0, doc[i])
            elif doc[i].lower_ not in ACRONYM_FILLERS:
                break
            i -= 1
        initials = "".join(w.text[0] for w in words).upper()
        acronym = doc[start].text.upper()
        while len(initials) >= 2 and not _subsequence(initials, acronym):
            initials = initials[1:]
            words = words[1:]
        if len(initials) < 2 or len(initials) < len(acronym) - 2:
            return False
        long_name = fold(doc[words[0].i : start - 1].text)
        named = {e.id for e in self.dictionary.ranked(long_name, date=self.date)}
        return not named & {e.id for e in self.dictionary.ranked(key, date=self.date)}

    def _stance_prefixed(self, start: int) -> bool:
        """ "pro-Russian separatists", "anti-American protesters", "anti-Trump
        rallies": the name says whom they are for or against, not who they are."""
        doc = self.doc
        if start >= 1 and doc[start - 1].lower_ in STANCE_PREFIXES:
            return True
        return (
            start >= 2
            and doc[start - 1].text in ("-", "–")
            and doc[start - 2].lower_ in STANCE_WORDS
            and doc[start - 2].idx + len(doc[start - 2].text) == doc[start - 1].idx
        )

    def _apply_entities(self, units: list[Unit]) -> list[Unit]:
        """Add unknown named entities; an entity that is more than the places it
        contains ("Chinese Academy of Social Sciences") replaces them."""
        doc = self.doc
        owner: dict[int, Unit] = {}
        for unit in units:
            for i in range(unit.start, unit.end):
                owner[i] = unit
        drop: set[int] = set()
        added: list[Unit] = []
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS and ent.label_ not in CITY_LABELS:
                continue
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ in ("the", "a", "an"):
                start += 1
            while end > start and (
                doc[end - 1].is_punct or doc[end - 1].text in POSSESSIVE
            ):
                end -= 1
            if start >= end:
                continue
            inside = {id(owner[i]): owner[i] for i in range(start, end) if i in owner}
            namesakes = [
                u for u in inside.values() if self._namesake(u, end, ent.label_, owner)
            ]
            if namesakes:
                # "Trump Tower", "Nordea Concert Hall": named after them, not them.
                for unit in namesakes:
                    drop.add(id(unit))
                    del inside[id(unit)]
                    for i in range(unit.start, unit.end):
                        owner.pop(i, None)
            uncovered = [
                doc[i]
                for i in range(start, end)
                if i not in owner and not (doc[i].is_punct or doc[i].is_stop)
            ]
            city = self._city_unit(start, end, ent.label_)
            if city is not None and not uncovered:
                continue  # the dictionary's names cover it ("Pristina")
            if city is not None and not any(
                u.start < start or u.end > end for u in inside.values()
            ):
                # "Ho Chi Minh City": the city, not the person inside its name.
                drop.update(inside.keys())
                added.append(city)
                continue
            if ent.label_ not in NER_LABELS:
                continue
            if not inside:
                added.append(Unit(start, end, "ner", label=ent.label_))
                continue
            if not uncovered:
                continue
            parts = list(inside.values())
            if ent.label_ in ("PERSON", "ORG") and all(
                p.kind == "place" for p in parts
            ):
                if any(p.start < start or p.end > end for p in parts):
                    continue
                guess = parts[0].entries[0].country
                for part in parts:
                    drop.add(id(part))
                added.append(
                    Unit(start, end, "ner", label=ent.label_, country_guess=guess)
                )
        kept = [u for u in units if id(u) not in drop]
        taken = {i for u in kept for i in range(u.start, u.end)}
        for unit in added:
            if not any(i in taken for i in range(unit.start, unit.end)):
                kept.append(unit)
        return kept

    def _namesake(
        self, unit: Unit, end: int, label: str, owner: dict[int, Unit]
    ) -> bool:
        """Whether a person or organisation inside an entity only gives the
        entity its name: a capitalised word no unit covers follows it inside a
        facility or place ("Trump Tower", "Atlantic City"), or inside an
        organisation whose head is a namesake noun ("Clinton Foundation",
        "Ronald Reagan UCLA Medical Center")."""
        if unit.kind not in ("person", "org") or unit.end >= end:
            return False
        after = self.doc[unit.end]
        if unit.end in owner or not after.text[:1].isupper():
            return False
        if label in ("FAC", "GPE", "LOC"):
            return True
        return label == "ORG" and self.doc[end - 1].lower_ in NAMESAKE_HEADS

    def _city_unit(self, start: int, end: int, label: str) -> Unit | None:
        """A place entity the gazetteer knows, as a unit of its country; only
        for the NER's place labels and a capitalised name ("Victoria Beckham",
        a PERSON, and "reading" stay what they are)."""
        if label not in CITY_LABELS:
            return None
        text = self.doc[start:end].text
        if not text[:1].isupper():
            return None
        city = self.dictionary.gazetteer.get(text)
        if city is None:
            return None
        entry = self.dictionary.entries.get(f"country:{city.code}")
        if entry is None:
            return None
        return Unit(start, end, "place", entries=[entry], label=label, city=city.name)

    # ------------------------------------------------------------------ pass 2

    def groups(self, units: list[Unit]) -> list[list[Unit]]:
        groups: list[list[Unit]] = []
        for unit in units:
            if groups and self._joins(groups[-1], unit):
                groups[-1].append(unit)
            else:
                groups.append([unit])
        return groups

    def _joins(self, group: list[Unit], unit: Unit) -> bool:
        left = group[-1]
        if self.sent_of[left.start] != self.sent_of[unit.start]:
            return False
        if any(
            u.kind == "person" or (u.kind == "ner" and u.label == "PERSON")
            for u in group
        ):
            return False
        gap = [self.doc[i] for i in range(left.end, unit.start)]
        if len(gap) > 4:
            return False
        words = [t.lower_ for t in gap]
        if not gap:
            return not (left.kind == "org" and unit.kind == "org")
        if words in (["of"], ["of", "the"]):
            return left.kind == "role" and unit.kind in ("place", "org")
        if (
            words in (["to"], ["to", "the"])
            and left.kind == "role"
            and unit.kind in ("place", "org")
        ):
            unit.destination = True
            return True
        if (
            len(words) <= 2
            and words[0] in LOCATIVE_PREPS
            and words[1:] in ([], ["the"])
            and unit.kind == "place"
            and all(u.kind == "role" for u in group)
            and self._attached(unit, gap[0], left)
        ):
            # "rebels in the Ivory Coast", "students throughout Indonesia": a group
            # located in a country belongs to it (not "the ambassador in Moscow").
            return self._located_group(left)
        if any(w in POSSESSIVE for w in words):
            rest = [t for t in gap if t.lower_ not in POSSESSIVE]
            return left.kind == "place" and all(self._filler(t) for t in rest)
        if "and" in words or "&" in words:
            if words.count("and") + words.count("&") > 1:
                return False
            pair = (left.kind, unit.kind)
            if pair not in {("place", "place"), ("role", "role"), ("role", "ner")}:
                return False
            rest = [t for t in gap if t.lower_ not in ("and", "&")]
            return all(self._filler(t) for t in rest)
        if all(t.text in PUNCT_JOINERS for t in gap):
            return (
                left.kind == "place"
                and unit.kind in ("place", "role")
                or (left.kind == "role" and unit.kind == "role")
            )
        return (
            all(self._filler(t) for t in gap)
            and left.kind != "ner"
            or (
                left.kind == "ner"
                and unit.kind == "role"
                and all(self._filler(t) for t in gap)
            )
        )

    def _located_group(self, unit: Unit) -> bool:
        """A role that takes the country it is located in: not troops (often
        deployed abroad), not diplomats or embassies (posted abroad), not a
        single person."""
        role = unit.role
        if role is None or role.role in FOREIGN_POSTED_ROLES or _posted_abroad(role):
            return False
        if role.kind != "person":
            return True
        return self.doc[unit.end - 1].tag_ in ("NNS", "NNPS")

    def _attached(self, unit: Unit, prep: Any, left: Unit) -> bool:
        """Whether ``unit`` is the object of ``prep`` and ``prep`` modifies ``left``."""
        head = self.doc[unit.end - 1]
        return head.head.i == prep.i and left.start <= prep.head.i < left.end

    @staticmethod
    def _filler(token: Any) -> bool:
        return (
            token.lower_ in FILLER_WORDS
            or token.pos_ == "ADJ"
            or token.text in PUNCT_JOINERS
            or token.like_num
            or token.lower_ in ("no.", "no")
            # "Cuban Maritime authorities": a name word inside the title.
            or (
                token.pos_ == "PROPN"
                and token.dep_ == "compound"
                and not token.ent_type_ == "PERSON"
            )
        )

    def resolve_groups(self, groups: list[list[Unit]]) -> None:
        for group in groups:
            self._resolve_group(group)

    def _resolve_group(self, group: list[Unit]) -> None:
        start, end = group[0].start, group[-1].end
        persons = [
            u
            for u in group
            if u.kind == "person" or (u.kind == "ner" and u.label == "PERSON")
        ]
        places = [u for u in group if u.kind == "place" and not u.destination]
        orgs = [u for u in group if u.kind == "org" and not u.destination]
        # A role word used as an adjective ("official visit") names no one.
        roles = [u for u in group if u.kind == "role" and self._nominal(u)]
        ners = [u for u in group if u.kind == "ner" and u.label != "PERSON"]
        if persons:
            self._resolve_person(group, persons[-1], places, roles, start, end)
            return
        if (
            orgs
            and roles
            and roles[-1].start > orgs[-1].start
            and orgs[-1].entries[0].kind == "party"
        ):
            # "GOP lawmakers": the party's country with the role (USALEG), not the party.
            role = roles[-1].role
            assert role is not None
            actor = self._compose(
                orgs[-1].entries[0], role, former=self._former(start, roles[-1].start)
            )
            self._emit(start, end, actor, "party+title", head_unit=roles[-1])
            return
        if (
            orgs
            and places
            and places[-1].start < orgs[-1].start
            and orgs[-1].entries[0].kind == "government"
        ):
            # "the Ivory Coast's Supreme Court": a state body named generically
            # belongs to the country in front of it, not to its default owner
            place_entry = places[-1].entries[0]
            body = orgs[-1].entries[0].actor(self.date)
            if (
                place_entry.kind in PLACE_KINDS
                and body.role
                and (place_entry.actor(self.date).country != body.country)
            ):
                role = RoleNoun(
                    phrase=fold(self.doc[orgs[-1].start : orgs[-1].end].text),
                    role=body.role,
                    role_label=body.role_label or body.role,
                    kind="group",
                )
                actor = self._compose(place_entry, role)
                self._emit(start, end, actor, "country+body", head_unit=orgs[-1])
                return
        if orgs and not (roles and roles[-1].start > orgs[-1].end and len(places) > 0):
            org = orgs[-1]
            actor = org.entries[0].actor(self.date)
            rule = "dictionary:name" if len(group) == 1 else "title+name"
            self._emit(start, end, actor, rule, head_unit=org)
            return
        if roles and places:
            role = roles[-1].role
            assert role is not None
            members = places
            pair = self._new_pair() if len(members) == 2 else -1
            former = self._former(start, roles[-1].start)
            for index, place in enumerate(members):
                head = self.doc[place.end - 1].head.i
                if index < len(members) - 1 and not (
                    start <= head < end and head >= place.end
                ):
                    # "between Ukraine and pro-Russian militants": Ukraine is no militant.
                    self._emit(
                        place.start,
                        place.end,
                        place.entries[0].actor(self.date),
                        "gazetteer:city" if place.city else "dictionary:name",
                        head_unit=place,
                    )
                    continue
                actor = self._compose(place.entries[0], role, former=former)
                rule = "coordination+title" if len(members) > 1 else "country+title"
                # "U.S. and South Korean officials": "U.S." and "South Korean officials".
                if len(members) == 1:
                    span = (start, end)
                elif index == len(members) - 1:
                    span = (place.start, end)
                else:
                    span = (place.start, place.end)
                self._emit(*span, actor, rule, pair_id=pair, head_unit=roles[-1])
            return
        if roles and ners and not places:
            guess = ners[0].country_guess
            self._emit(
                start,
                end,
                None,
                "role+unknown",
                label=ners[0].label,
                country_guess=guess,
            )
            return
        if roles:
            role = roles[-1].role
            assert role is not None
            if role.default:
                actor = self.dictionary.role_default_actor(role)
                self._emit(start, end, actor, "role:default", head_unit=roles[-1])
            else:
                self._emit(
                    start, end, None, "role-without-country", head_unit=roles[-1]
                )
            return
        if places:
            pair = self._new_pair() if len(places) == 2 else -1
            if len(places) > 1:
                rule = "coordination"
            else:
                rule = "gazetteer:city" if places[0].city else "dictionary:name"
            joined = " ".join(
                self.doc[u.end].text for u in places[:-1] if u.end < len(self.doc)
            )
            modifier = (
                all(c in PUNCT_JOINERS for c in joined.split()) and len(places) > 1
            )
            for place in places:
                actor = place.entries[0].actor(self.date)
                found = self._emit(
                    place.start, place.end, actor, rule, pair_id=pair, head_unit=place
                )
                found.modifier = modifier
            return
        for ner in ners:
            self._emit_ner(ner)

    def _nominal(self, unit: Unit) -> bool:
        last = self.doc[unit.end - 1]
        if last.pos_ in ("NOUN", "PROPN"):
            return True
        # "The daily recommended ...": tagged ADJ, but a determiner and an argument
        # position make it a noun.
        first = self.doc[unit.start]
        before = self.doc[unit.start - 1] if unit.start > 0 else None
        return (
            before is not None
            and before.lower_ in ("the", "a", "an")
            and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT")
            and first.i == unit.start
        )

    def _resolve_person(
        self,
        group: list[Unit],
        person: Unit,
        places: list[Unit],
        roles: list[Unit],
        start: int,
        end: int,
    ) -> None:
        span_text = self.doc[person.start : person.end].text
        key = fold(span_text)
        if person.kind == "person":
            entry = person.entries[0]
            actor = entry.actor(self.date)
            rule = "title+name" if len(group) > 1 else "dictionary:name"
            title = self._title_actor(group, person, places, roles, start)
            if (
                title is not None
                and _names_other_owner(title, actor)
                and not (
                    self._former(start, person.start)
                    and title.country in ("IGO", "NGO")
                )
            ):
                # "U.N. mediator Diego Cordovez": the text says for whom he acts,
                # which beats the entry's role (his country's foreign ministry).
                # A former IGO title says nothing of the present: the entry stays.
                actor = Actor(
                    code=title.code,
                    country=title.country,
                    name=actor.name,
                    role=title.role,
                    role_label=title.role_label,
                    kind="person",
                    entry_id=entry.id,
                    state_affiliated=False,
                )
                rule = "title+known-name"
            found = self._emit(
                start, end, actor, rule, head_unit=person, gender=entry.gender
            )
            self._remember_surname(key, found)
            return
        # An unknown person: a local surname, a title with a country, or unresolved.
        if key in self.surnames:
            known, guess, gender = self.surnames[key]
            self._emit(
                start,
                end,
                known,
                "surname",
                label="PERSON",
                country_guess=guess,
                head_unit=person,
                gender=gender,
            )
            return
        title = self._title_gender(start)
        base = self._title_actor(group, person, places, roles, start)
        if base is not None:
            actor = Actor(
                code=base.code,
                country=base.country,
                name=span_text,
                role=base.role,
                role_label=base.role_label,
                kind="person",
                entry_id=base.entry_id,
                state_affiliated=False,
            )
            found = self._emit(
                start,
                end,
                actor,
                "title+unknown-name",
                label="PERSON",
                head_unit=person,
                gender=title,
            )
        else:
            guess = places[-1].entries[0].country if places else person.country_guess
            found = self._emit(
                start,
                end,
                None,
                "ner:unresolved",
                label="PERSON",
                country_guess=guess,
                head_unit=person,
                gender=title,
            )
        self._remember_surname(key, found)

    def _title_actor(
        self,
        group: list[Unit],
        person: Unit,
        places: list[Unit],
        roles: list[Unit],
        start: int,
    ) -> Actor | None:
        """The actor a title in front of a person names ("U.S. negotiator",
        "Kremlin spokesman", "U.N. mediator"): a country, party, state body or
        IGO with a role noun; ``None`` without one of each."""
        owners = places or [
            u
            for u in group
            if u.kind == "org"
            and not u.destination
            and u.entries[0].kind in ("government", "party", "igo")
        ]
        roles = [r for r in roles if r.end <= person.start]
        owners = [u for u in owners if u.end <= person.start]
        if not (owners and roles):
            return None
        role = roles[-1].role
        assert role is not None
        entry = owners[-1].entries[0]
        former = self._former(start, person.start)
        if entry.kind in PLACE_KINDS or entry.kind == "party":
            return self._compose(entry, role, former=former)
        owner = self.dictionary.entries.get(f"country:{entry.country}")
        if owner is not None:
            return self._compose(owner, role, former=former)
        return entry.actor(self.date)

    def _title_gender(self, start: int) -> str:
        if start > 0:
            word = self.doc[start - 1].lower_.rstrip(".")
            if word in ("mr", "sir", "lord", "king", "prince"):
                return "m"
            if word in ("mrs", "ms", "miss", "lady", "queen", "princess", "dame"):
                return "f"
        return ""

    def _remember_surname(self, key: str, found: Found) -> None:
        parts = key.split()
        if len(parts) < 2:
            return
        mention = found.mention
        value = (mention.actor, mention.country_guess, found.gender)
        self.surnames.setdefault(parts[-1], value)
        country = mention.actor.country if mention.actor else mention.country_guess
        if country in FAMILY_NAME_FIRST:
            self.surnames.setdefault(parts[0], value)

    def _emit_ner(self, unit: Unit) -> None:
        key = fold(self.doc[unit.start : unit.end].text)
        if unit.label == "PERSON" and key in self.surnames:
            actor, guess, gender = self.surnames[key]
            self._emit(
                unit.start,
                unit.end,
                actor,
                "surname",
                label="PERSON",
                country_guess=guess,
                head_unit=unit,
                gender=gender,
            )
            return
        self._emit(
            unit.start,
            unit.end,
            None,
            "ner:unresolved",
            label=unit.label,
            country_guess=unit.country_guess,
            head_unit=unit,
        )

    def _former(self, start: int, end: int) -> bool:
        # "former State Department spokesman": the word may sit just before the group.
        return any(
            t.lower_ in ("former", "ex", "ex-")
            for t in self.doc[max(0, start - 2) : end]
        )

    def _compose(
        self, entry: ActorEntry, role: RoleNoun, *, former: bool = False
    ) -> Actor:
        """A country (or party) with a role noun: CHN + diplomat -> CHNGOV;
        "former" makes it an elite (CHNELI)."""
        base = entry.actor(self.date)
        if entry.kind not in PLACE_KINDS and entry.kind != "party":
            return base
        country = base.country if entry.kind != "region" else base.code
        agent = "ELI" if former else role.role
        label = f"former {role.role_label}" if former else role.role_label
        return Actor(
            code=f"{country}{agent}",
            country=country,
            name=f"{base.name} ({label})",
            role=agent,
            role_label=label,
            kind="group" if role.kind != "person" else "person",
            entry_id=f"{entry.id}+role:{role.phrase}",
            state_affiliated=role.state_affiliated,
        )

    def _new_pair(self) -> int:
        self._pair_counter += 1
        return self._pair_counter

    def _emit(
        self,
        start: int,
        end: int,
        actor: Actor | None,
        rule: str,
        *,
        label: str = "",
        country_guess: str = "",
        pair_id: int = -1,
        head_unit: Unit | None = None,
        gender: str = "",
        category: str | None = None,
    ) -> Found:
        doc = self.doc
        span = doc[start:end]
        head_span = (
            doc[head_unit.start : head_unit.end] if head_unit is not None else span
        )
        head = head_span.root
        if not label:
            label = next((t.ent_type_ for t in head_span if t.ent_type_), "")
        if category is None:
            # A known actor's kind decides; the NER label only for unknown ones
            # (it calls places "PERSON" now and then: "Tigray", "Crimea").
            if actor is not None and actor.kind in PLACE_KINDS:
                category = "group"
            elif actor is not None and actor.kind == "person" or label == "PERSON":
                category = "person"
            else:
                category = "group"
        mention = ActorMention(
            text=span.text,
            start=span.start_char + self.offset,
            end=span.end_char + self.offset,
            token_start=start,
            token_end=end,
            sentence_index=self.sent_of[start],
            actor=actor,
            rule=rule,
            country_guess=country_guess or (actor.country if actor else ""),
            label=label,
            head=head.i,
        )
        subject = head.dep_ in SUBJECT_DEPS or any(
            t.dep_ in SUBJECT_DEPS for t in span if t.head.i not in range(start, end)
        )
        found = Found(
            mention=mention,
            category=category,
            subject=subject,
            pair_id=pair_id,
            plural_head=head.tag_ in ("NNS", "NNPS"),
            gender=gender,
            role=head_unit.role if head_unit is not None else None,
        )
        self.found.append(found)
        return found

    # ------------------------------------------------------------------ pass 3

    def references(self) -> None:
        """Pronouns, "both nations", "the daily": resolved against earlier mentions."""
        doc = self.doc
        named = sorted(self.found, key=lambda f: f.mention.token_start)
        covered = {
            i for f in named for i in range(f.mention.token_start, f.mention.token_end)
        }
        extra: list[Found] = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if i in covered:
                i += 1
                continue
            lower = token.lower_
            plural_end = self._plural_phrase(i)
            pool = sorted(named + extra, key=lambda f: f.mention.token_start)
            if plural_end:
                self._resolve_plural(i, plural_end, pool, extra)
                i = plural_end
                continue
            if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
                self._resolve_person_pronoun(token, pool, extra)
            elif lower in GROUP_PRONOUNS and not self._pleonastic(token):
                self._resolve_group_pronoun(token, pool, extra)
            elif lower in PLURAL_PRONOUNS:
                self._resolve_plural_pronoun(token, pool, extra)
            i += 1
        self._definite_descriptions()

    def _plural_phrase(self, i: int) -> int:
        doc = self.doc
        words = [t.lower_ for t in doc[i : i + 3]]
        if words[:1] == ["both"] and len(words) > 1 and words[1] in PLURAL_NOUNS:
            return i + 2
        if words[:2] == ["the", "two"] and len(words) > 2 and words[2] in PLURAL_NOUNS:
            return i + 3
        return 0

    def _window(
        self, candidates: list[Found], token_i: int, sentences: int
    ) -> list[Found]:
        sent = self.sent_of[token_i]
        return [
            f
            for f in candidates
            if f.mention.token_end <= token_i
            and sent - f.mention.sentence_index <= sentences
            and f.mention.actor is not None
        ]

    def _pick(self, candidates: list[Found], token_i: int) -> Found | None:
        """Same sentence: the nearest; earlier sentences: the subject, else the first."""
        if not candidates:
            return None
        sent = self.sent_of[token_i]
        same = [f for f in candidates if f.mention.sentence_index == sent]
        if same:
            return same[-1]
        for back in range(1, 3):
            earlier = [f for f in candidates if f.mention.sentence_index == sent - back]
            if earlier:
                subjects = [f for f in earlier if f.subject]
                return subjects[0] if subjects else earlier[0]
        return None

    def _resolve_person_pronoun(
        self, token: Any, candidates: list[Found], extra: list[Found]
    ) -> None:
        gender = PERSON_PRONOUNS[token.lower_]
        pool = [
            f
            for f in self._window(candidates, token.i, 2)
            if f.category == "person" and f.gender in ("", gender)
        ]
        chosen = self._pick(pool, token.i)
        if chosen is not None:
            extra.append(self._copy(chosen, token.i, token.i + 1, "pronoun"))

    def _resolve_group_pronoun(
        self, token: Any, candidates: list[Found], extra: list[Found]
    ) -> None:
        if token.lower_ == "it" and token.dep_ not in SUBJECT_DEPS:
            return
        pool = [
            f
            for f in self._window(candidates, token.i, 1)
            if f.category == "group"
            and f.pair_id < 0
            and not f.plural_head
            and f.mention.actor is not None
            and f.mention.actor.kind != "group"
        ]
        chosen = self._pick(pool, token.i)
        if chosen is not None:
            extra.append(self._copy(chosen, token.i, token.i + 1, "pronoun"))

    def _resolve_plural_pronoun(
        self, token: Any, candidates: list[Found], extra: list[Found]
    ) -> None:
        pool = [
            f
            for f in self._window(candidates, token.i, 1)
            if (f.pair_id >= 0 and not f.modifier)
            or (f.plural_head and f.category == "group")
        ]
        if token.lower_ != "them":
            # "they"/"their" continue a subject; objects are too often someone else's.
            subjects = {f.pair_id for f in pool if f.subject and f.pair_id >= 0}
            pool = [
                f
                for f in pool
                if f.subject or (f.pair_id >= 0 and f.pair_id in subjects)
            ]
        if not pool:
            return
        sent = self.sent_of[token.i]
        same = [f for f in pool if f.mention.sentence_index == sent]
        if same:
            chosen = same[-1]
        else:
            chosen = pool[-1]
        if chosen.pair_id >= 0:
            members = [f for f in pool if f.pair_id == chosen.pair_id]
        else:
            members = [chosen]
        pair = self._new_pair() if len(members) > 1 else -1
        for member in members:
            extra.append(
                self._copy(member, token.i, token.i + 1, "pronoun", pair_id=pair)
            )

    def _resolve_plural(
        self, start: int, end: int, candidates: list[Found], extra: list[Found]
    ) -> None:
        pairs = [
            f
            for f in candidates
            if f.pair_id >= 0
            and f.mention.token_end <= start
            and f.mention.actor is not None
        ]
        if not pairs:
            return
        last = pairs[-1].pair_id
        members = [f for f in pairs if f.pair_id == last]
        if self.sent_of[start] - members[-1].mention.sentence_index > 6:
            return
        pair = self._new_pair()
        seen: set[str] = set()
        for member in members:
            assert member.mention.actor is not None
            if member.mention.actor.code in seen:
                continue
            seen.add(member.mention.actor.code)
            extra.append(self._copy(member, start, end, "plural", pair_id=pair))

    def _pleonastic(self, token: Any) -> bool:
        if token.dep_ == "expl":
            return True
        head = token.head
        if token.lower_ == "it" and head.lemma_ in PLEONASTIC_HEADS:
            return True
        if token.lower_ == "it" and head.lemma_ == "be":
            deps = {c.dep_ for c in head.children}
            return bool(deps & {"acomp", "attr"}) and bool(
                deps & {"xcomp", "ccomp", "advcl"}
            )
        return False

    def _copy(
        self, source: Found, start: int, end: int, rule: str, *, pair_id: int = -1
    ) -> Found:
        doc = self.doc
        span = doc[start:end]
        original = source.mention
        mention = ActorMention(
            text=span.text,
            start=span.start_char + self.offset,
            end=span.end_char + self.offset,
            token_start=start,
            token_end=end,
            sentence_index=self.sent_of[start],
            actor=original.actor,
            rule=f"{rule}->{original.text}",
            country_guess=original.country_guess,
            label=original.label,
            head=span.root.i,
        )
        found = Found(
            mention=mention,
            category=source.category,
            subject=span.root.dep_ in SUBJECT_DEPS,
            pair_id=pair_id,
            plural_head=source.plural_head,
            gender=source.gender,
        )
        self.found.append(found)
        return found

    def _definite_descriptions(self) -> None:
        """ "the daily" after "Global Times": a bare role noun with "the" refers back
        to the latest actor of that role in the last three sentences."""
        ordered = sorted(self.found, key=lambda f: f.mention.token_start)
        for index, found in enumerate(ordered):
            mention = found.mention
            if mention.rule != "role-without-country" or mention.token_start == 0:
                continue
            if self.doc[mention.token_start - 1].lower_ != "the":
                continue
            role = self.dictionary.roles.get(
                fold(self.doc[mention.token_start : mention.token_end].text)
            )
            if role is None or found.plural_head:
                continue
            for earlier in reversed(ordered[:index]):
                actor = earlier.mention.actor
                if actor is None:
                    continue
                if mention.sentence_index - earlier.mention.sentence_index > 3:
                    break
                if actor.role == role.role and actor.kind in (
                    "media",
                    "organisation",
                    "thinktank",
                    "igo",
                    "government",
                ):
                    mention.actor = actor
                    mention.rule = f"definite->{earlier.mention.text}"
                    mention.country_guess = actor.country
                    break

    # ------------------------------------------------------------------ run

    def run(self) -> list[ActorMention]:
        units = self.units()
        self.resolve_groups(self.groups(units))
        self._appositions()
        self.references()
        self._home_country_roles()
        mentions = [f.mention for f in self.found]
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def _home_country(self) -> str:
        """The country a document is about: its dateline's (in the text, else the
        place ingestion took from it), else its most mentioned country (ties: the
        first mentioned); "" when it names none."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        dateline_end = self._dateline_end()
        if not dateline_end and self.place:
            country = self._place_country(self.place)
            if country:
                return country
        for found in sorted(self.found, key=lambda f: f.mention.token_start):
            actor = found.mention.actor
            if (
                actor is None
                or self.dictionary.entries.get(f"country:{actor.country}") is None
            ):
                continue
            if found.mention.token_end <= dateline_end:
                return actor.country
            counts[actor.country] = counts.get(actor.country, 0) + 1
            first.setdefault(actor.country, found.mention.token_start)
        if not counts:
            return ""
        return min(counts, key=lambda c: (-counts[c], first[c]))

    def _place_country(self, place: str) -> str:
        """The country of a dateline's place ("NAJAF, Iraq", "SEOUL/HANOI",
        "MOSCOW"): the part after a comma first, then the place itself; a
        dictionary name (capital, country, US state) or a gazetteer city."""
        head = place.split("/")[0]
        parts = [p.strip() for p in head.split(",") if p.strip()]
        for part in reversed(parts):
            entries = self.dictionary.ranked(part, date=self.date)
            if entries and entries[0].kind not in PLACE_KINDS:
                return ""  # "UNITED NATIONS": no country's dateline
            if entries:
                country = entries[0].actor(self.date).country
                if self.dictionary.entries.get(f"country:{country}") is not None:
                    return country
            city = self.dictionary.gazetteer.get(part)
            if city is not None:
                return city.code
        return ""

    def _dateline_end(self) -> int:
        """Token index ending a dateline ("GAZA CITY, Palestinian Territories:",
        "MOSCOW (Reuters) -"), or 0."""
        for token in self.doc[:15]:
            if token.text in (":", "-", "--", "—", "–"):
                before = self.doc[: token.i]
                if before and before[0].is_upper and len(before[0].text) > 1:
                    return token.i
                return 0
            if token.is_sent_start and token.i > 0:
                return 0
        return 0

    def _home_country_roles(self) -> None:
        """A state role named without a country ("the government", "police",
        "officials") belongs to the document's home country."""
        pending = [
            f
            for f in self.found
            if f.mention.rule == "role-without-country"
            and f.role is not None
            and f.role.role in HOME_STATE_ROLES
        ]
        if not pending:
            return
        home = self._home_country()
        entry = self.dictionary.entries.get(f"country:{home}") if home else None
        if entry is None:
            return
        owned = {
            i
            for f in self.found
            if f.mention.actor is not None
            for i in range(f.mention.token_start, f.mention.token_end)
        }
        for found in pending:
            assert found.role is not None
            mention = found.mention
            head = self.doc[mention.head] if mention.head >= 0 else None
            if head is not None and any(
                t.i in owned
                for child in head.children
                if child.dep_ in OWNER_DEPS
                for t in child.subtree
            ):
                continue  # "the U.N. court", "NATO peacekeeping troops": owned already
            if head is not None and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "no")
                for c in head.children
            ):
                continue  # "a democratically-elected government": no one in particular
            if found.role.kind == "person" and not found.plural_head:
                continue  # "a senator", "the minister": one unnamed person
            if _posted_abroad(found.role):
                continue  # "the embassy", "diplomats": mostly another country's
            former = self._former(mention.token_start, mention.token_end)
            mention.actor = self._compose(entry, found.role, former=former)
            mention.rule = "role+home-country"
            mention.country_guess = home

    def _appositions(self) -> None:
        """ "Nikolai Patrushev, Russia's Security Council secretary": the two halves
        share what the resolved one knows."""
        ordered = sorted(self.found, key=lambda f: f.mention.token_start)
        for left, right in zip(ordered, ordered[1:], strict=False):
            a, b = left.mention, right.mention
            if a.sentence_index != b.sentence_index:
                continue
            gap = self.doc[a.token_end : b.token_start]
            if (
                [t.text for t in gap] == ["("]
                and a.actor is not None
                and b.actor is not None
                and (
                    a.actor.entry_id == b.actor.entry_id
                    and b.token_end < len(self.doc)
                    and self.doc[b.token_end].text == ")"
                )
            ):
                # "the World Health Organization (WHO)": one mention.
                closing = self.doc[b.token_end]
                a.end = closing.idx + len(closing.text) + self.offset
                a.token_end = b.token_end + 1
                a.text = self.doc[a.token_start : a.token_end].text
                self.found = [f for f in self.found if f is not right]
                continue
            if [t.text for t in gap] != [","]:
                continue
            if (
                a.label == "PERSON"
                and a.actor is None
                and b.actor is not None
                and (b.rule in ("country+title",))
            ):
                _adopt_title_actor(a, b.actor)
            elif (
                a.actor is not None
                and b.actor is None
                and a.rule == "country+title"
                and (b.label == "PERSON")
            ):
                # "Hong Kong's No. 2 official, Chief Secretary Matthew Cheung": same person.
                _adopt_title_actor(b, a.actor)
            elif (
                a.actor is not None
                and a.actor.kind == "person"
                and b.actor is None
                and (b.rule == "role-without-country")
            ):
                b.actor = a.actor
                b.rule = "apposition"
                b.country_guess = a.actor.country


def _subsequence(letters: str, word: str) -> bool:
    """Whether ``letters`` appear in ``word`` in order (MASSB in MASSOB)."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


def resolve_doc(
    doc: Any,
    dictionary: ActorDictionary,
    matchers: Any,
    *,
    date: dt.date | None = None,
    text_offset: int = 0,
    place: str = "",
) -> list[ActorMention]:
    """Return the actor mentions of ``doc`` (see the module docstring).

    ``place`` is the dateline's place when ingestion moved the dateline out of
    the text (``article.metadata["place"]``): it gives the home country of
    roles named without one ("the government", "police").
    """
    return DocResolver(
        doc, dictionary, matchers, date=date, text_offset=text_offset, place=place
    ).run()


def unresolved_names(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The mentions worth adding to the dictionary: unknown named entities."""
    return [m for m in mentions if m.actor is None and m.rule == "ner:unresolved"]


def _posted_abroad(role: RoleNoun) -> bool:
    """Diplomats and diplomatic missions: in a country, mostly another one's."""
    return any(
        word in role.role_label
        for word in ("diplomat", "ambassador", "envoy", "embassy", "consulate")
    )


def _names_other_owner(title: Actor, actor: Actor) -> bool:
    """Whether a title's actor ("U.N. mediator" -> IGOUNO) names another country
    or organisation than a person's dictionary actor (ECUGOV)."""
    if title.country != actor.country:
        return True
    if title.country in ("IGO", "NGO"):
        return not (
            actor.code.startswith(title.code) or title.code.startswith(actor.code)
        )
    return False


def _adopt_title_actor(person: ActorMention, title_actor: Actor) -> None:
    """Give an unresolved PERSON mention the actor of its apposed title
    ("Chief Secretary Matthew Cheung, Hong Kong's No. 2 official")."""
    person.actor = Actor(
        code=title_actor.code,
        country=title_actor.country,
        name=person.text,
        role=title_actor.role,
        role_label=title_actor.role_label,
        kind="person",
        entry_id=title_actor.entry_id,
    )
    person.rule = "apposition"
    person.country_guess = title_actor.country
