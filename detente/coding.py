"""The ``coding`` stage: dependency-pattern event coder (CAMEO, with PLOVER from the ontology).

For every sentence, :class:`EventCoder` looks at each verb (and each event
noun) of the spaCy parse, finds the most specific lexicon pattern that matches
it (``detente/data/lexicon/``), finds the source actor (subject, or the
``by``-agent of a passive) and the target actor (the slot the pattern names),
and appends one :class:`~detente.models.Event` per (source, target) pair.

Rules on top of the lexicon
---------------------------
- **Coordination**: "Beijing and Moscow refused ..." gives one event per
  actor; "each other" / "one another" and ``symmetric`` patterns ("China and
  Russia held talks") give the events both ways.
- **Governing verbs** (``wrappers.tsv``): "threatened to impose sanctions"
  is a threat (13x), "demanded that X withdraw" a demand (10x), "called on X
  to" an appeal (02x), "agreed/plans/promised to" an intent (03x), "refused
  to" a rejection (12x); the complement is not coded as an act. "continued
  to / announced to / decided to" keep the complement's code.
- **Reported speech**: "Putin said the US had imposed sanctions" gives the
  statement (source: the speaker; target: the reported actor) and,
  separately, the reported act with ``modality="reported"``.
- **Modality**: ``will``/``shall`` make cooperative acts (roots 03-08) intents
  (03x) and material conflict (15-20) threats (13x), with ``modality="future"``;
  ``would/could/may/might/should`` mark ``hypothetical``; an ``if`` clause
  marks ``conditional``.
- **Negation**: a ``neg`` dependent ("did not impose") keeps the event with
  ``negated=True``. Downstream counts and analyses should drop negated events
  (``Event.negated``); they are kept as evidence and for evaluation.
- **Passives**: "Russia was sanctioned by the EU" → EU → RUS. An agentless
  passive has no source, so it is not coded (a CAMEO event needs a source).
- **Unidentified actors**: an unresolved mention that names someone (a role
  noun without a country such as "insurgents", an organisation or person not
  in the dictionary) fills a side that no identified actor fills, with the
  role code ("REB") or ``---`` and an empty country, as GDELT codes them
  (:mod:`detente._coding_internals.unidentified`). An event needs a side whose
  actor or country is known. Other unresolved mentions are never coded.
- **Own agents**: a target that the source's possessive pronoun marks as its
  own ("Peru recalled its ambassador") is not the other side of an event.
- **Sentence target**: a sentence that would yield no event gives its first
  non-statement frame the nearest other identified actor of the sentence
  (rule ``...+sentence-target``, lower confidence).
- **Background clauses**: when the main clause yields an event, predicates in
  relative, participial, adverbial and purpose clauses ("who had been
  arrested last year", "to help defend Kuwait") are not coded: they mostly
  restate earlier events or aims.
- **Fallback**: a verb linking a source and a target that no pattern matched
  may be coded by nearest neighbour over sentence embeddings
  (``coder="embedding"``; :mod:`detente._coding_internals.embedding`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from ._coding_internals import arguments as args
from ._coding_internals.lexicon import Lexicon, load_agent_senses, load_lexicon
from ._coding_internals.matcher import (
    Match,
    best_noun_match,
    best_verb_match,
    phrase_matches,
    verb_lemmas,
)
from ._coding_internals.modality import (
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    RECODING,
    ModalityTables,
    Wrapper,
    load_modality_tables,
)
from ._coding_internals.unidentified import UNKNOWN_COUNTRY, with_unidentified
from ._coding_internals.unidentified import is_unidentified as _unidentified
from .errors import OntologyError
from .models import Actor, ActorMention, Article, Event
from .ontology import Ontology, get_ontology
from .registry import stages
from .settings import get_setting

logger = logging.getLogger(__name__)

__all__ = ["EventCoder", "make_event_coder"]

#: Confidence of each kind of coding (the embedding coder uses the cosine).
CONFIDENCE = {"pattern": 0.9, "default": 0.7, "nominal": 0.6, "wrapped": 0.85}
COMPLEMENT_DEPS = {"xcomp", "ccomp"}
OBLIGATION_AUX = {"must", "should", "ought"}
CONDITIONAL_MARKS = {"if", "unless"}
#: Accord (019), intents, consultations, cooperation, formal agreement (057) and
#: fighting (19): "X and Y agreed (that)/met/signed/clashed" with no one else
#: named are between X and Y.
MUTUAL_ROOTS = {"019", "03", "04", "06", "057", "19"}
#: Consultations that take two by definition: a phone call (041), a negotiation
#: (046). Not a plain meeting (040: "met with" is often one side's act), visits
#: (042/043), meetings at a third place (044) or mediation (045).
TWO_SIDED_CODES = {"041", "046"}
#: Roots whose report by a speaker is an accusation (or a claim of responsibility).
VIOLENT_ROOTS = {"17", "18", "19", "20"}
OWN_POSSESSIVES = {"its", "their", "his", "her", "our"}
#: Confidence factor of an event whose target came from elsewhere in the sentence.
SENTENCE_TARGET_DISCOUNT = 0.7
#: Dependencies that put a predicate in a background clause (see _in_background).
BACKGROUND_DEPS = {
    "relcl",
    "acl",
    "advcl",
    "pcomp",
    "prep",
    "pobj",
    "amod",
    "npadvmod",
    "dobj",
    "nsubj",
    "nsubjpass",
    "appos",
    "attr",
    "oprd",
}
#: Verb tokens that are not predicates: auxiliaries, participles used as adjectives
#: ("occupied territories"), "according to".
NOT_PREDICATE_DEPS = {"aux", "auxpass", "amod", "compound", "prep", "det", "case"}
PERSONAL_PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us"}
VERB_POS = {"VERB", "AUX"}
#: Appeals and demands: the act named in the object is the target's to do.
APPEAL_ROOTS = {"02", "10"}


@dataclass
class _Frame:
    """A coded predicate before it becomes events."""

    verb: Any
    code: str
    rule: str
    coder: str
    confidence: float
    sources: list[ActorMention]
    targets: list[ActorMention]
    reciprocal: bool = False
    symmetric: bool = False
    two_sided: bool = False
    reverse_code: str = ""
    negated: bool = False
    modality: str = "asserted"
    tokens: list[Any] = field(default_factory=list)


@dataclass
class _Sentence:
    """A sentence being coded: its mentions, frames and fallback candidates."""

    index: int
    sent: Any
    mentions: Sequence[ActorMention]
    frames: list[_Frame]
    uncoded: list[Any]


class EventCoder:
    """Pipeline stage that codes events from ``article.doc`` and ``article.actor_mentions``.

    Parameters
    ----------
    lexicon_files:
        The user's pattern files (format: ``detente/data/lexicon/README.md``);
        they take priority over the bundled lexicon.
    embedding_fallback:
        Use the sentence-embedding fallback (default: setting
        ``embedding_fallback``).
    embedding_threshold:
        Minimum cosine for the fallback (default: setting ``embedding_threshold``).
    paired_events:
        Also code the reverse event of paired codes (visit ``042:043`` gives
        the host's 043 event).
    unidentified_actors:
        Code unresolved mentions that name an actor ("rebels", an unknown
        organisation) with an unidentified actor (type code, or ``---``) where
        no identified actor fills that side
        (:mod:`detente._coding_internals.unidentified`).
    quad_class_mapping:
        QuadClass mapping name (default: setting ``quad_class_mapping``).
    ontology:
        The ontology to read codes from (default: :func:`detente.ontology.get_ontology`).

    Examples
    --------
    >>> coder = EventCoder()                     # doctest: +SKIP
    >>> article = coder(article)                 # needs .doc and .actor_mentions
    >>> [(e.source_actor, e.target_actor, e.cameo_code) for e in article.events]
    """

    name = "coding"
    requires = ("doc", "actor_mentions")
    assigns = ("events",)

    def __init__(
        self,
        *,
        lexicon_files: Sequence[str | Path] = (),
        embedding_fallback: bool | None = None,
        embedding_threshold: float | None = None,
        paired_events: bool = True,
        unidentified_actors: bool = True,
        quad_class_mapping: str | None = None,
        ontology: Ontology | None = None,
    ) -> None:
        self.lexicon: Lexicon = load_lexicon(lexicon_files)
        self.tables: ModalityTables = load_modality_tables()
        self.ontology = ontology or get_ontology()
        self.quad_class_mapping = quad_class_mapping or str(
            get_setting("quad_class_mapping")
        )
        self.ontology.quad_class_mapping(
            self.quad_class_mapping
        )  # fail early if unknown
        self.paired_events = paired_events
        self.unidentified_actors = unidentified_actors
        self.embedding_fallback = bool(
            get_setting("embedding_fallback")
            if embedding_fallback is None
            else embedding_fallback
        )
        self.embedding_threshold = float(
            get_setting("embedding_threshold")
            if embedding_threshold is None
            else embedding_threshold
        )
        self._fallback: Any = None

    # -- stage -------------------------------------------------------------

    def __call__(self, article: Article) -> Article:
        """Code the events of one parsed article (appends to ``article.events``)."""
        doc = article.doc
        if doc is None:
            return article
        by_sentence: dict[int, list[ActorMention]] = {}
        for mention in article.actor_mentions:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        pending: list[_Sentence] = []
        for sent_index, sent in enumerate(doc.sents):
            mentions = by_sentence.get(sent_index, [])
            if self.unidentified_actors:
                mentions = with_unidentified(mentions, doc)
            if not any(m.actor is not None for m in mentions):
                continue
            frames, uncoded = self.code_sentence(sent, mentions)
            pending.append(_Sentence(sent_index, sent, mentions, frames, uncoded))
        if self.embedding_fallback:
            self._apply_fallback(pending)
        seen: set[str] = {e.event_id for e in article.events}
        for item in pending:
            if not any(_yields_events(f) for f in item.frames):
                _sentence_target(item)
            events = [
                event
                for frame in item.frames
                for event in self._events(article, item.index, item.sent, frame)
            ]
            for event in _one_report_per_dyad(events):
                if event.event_id not in seen:
                    seen.add(event.event_id)
                    article.events.append(event)
        return article

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 32
    ) -> Iterable[Article]:
        """Code a stream of articles (one at a time; the fallback batches per article)."""
        del batch_size
        for article in articles:
            yield self(article)

    # -- sentence ----------------------------------------------------------

    def code_sentence(
        self, sent: Any, mentions: Sequence[ActorMention]
    ) -> tuple[list[_Frame], list[Any]]:
        """Return the coded frames of a sentence and the verbs left uncoded.

        Uncoded verbs are those with a source and a target actor but no
        pattern; they are the fallback's candidates.
        """
        index = args.MentionIndex(mentions)
        known = args.MentionIndex(m for m in mentions if not _unidentified(m))
        frames: list[_Frame] = []
        consumed: set[int] = set()  # verbs recoded by a wrapper
        used_nouns: set[int] = set()  # nouns already part of a verb pattern
        uncoded: list[Any] = []
        verbs = [
            t for t in sent if t.pos_ in VERB_POS and t.dep_ not in NOT_PREDICATE_DEPS
        ]
        matches = {v.i: best_verb_match(self.lexicon, v) for v in verbs}
        heads = verbs + [
            t for t in sent if t.pos_ == "ADJ" and t.dep_ in {"acomp", "amod"}
        ]
        for verb in heads:
            own = matches.get(verb.i)
            for comp in self._complements(verb):
                if comp.head.dep_ == "dobj" and comp.head.head.i == verb.i:
                    # the undertaking noun governs; a verb with an event of its
                    # own ("signed an agreement to ...": 057) keeps it
                    if own is not None and own.pattern.code[:2] != "01":
                        continue
                    stance = self.tables.wrapper_for(verb, dep="xcomp")
                    if stance is not None and stance.cls in {"halt", "reject"}:
                        continue  # "cancel plans to sell arms": no intent left
                    wrapper = self.tables.wrapper_for(comp.head, dep="xcomp")
                else:
                    wrapper = self.tables.wrapper_for(verb, dep=comp.dep_)
                if wrapper is not None and wrapper.cls == "opinion":
                    # "hoped that Seoul would lift the ban": hoped for, not done
                    consumed.add(comp.i)
                    consumed.update(c.i for c in comp.conjuncts if c.pos_ in VERB_POS)
                    if verb.dep_ == "acomp" and verb.i not in consumed:
                        consumed.add(verb.i)
                        frame = self._two_sided_frame(
                            partial(self._opinion_frame, verb), known, index
                        )
                        if frame is not None:
                            frames.append(frame)
                    continue
                if wrapper is None or wrapper.cls not in RECODING:
                    continue
                if wrapper.cls == "intend" and _someone_else_acts(verb, comp):
                    # "X wants Y to attack Z" is X's appeal to Y, not X's intent
                    wrapper = replace(wrapper, cls="appeal")
                inner = matches.get(comp.i)
                if inner is None and own is not None and own.object is not None:
                    continue  # "refused the US demand for China to ...": code the object
                if inner is None and self._continues_an_act(comp):
                    continue  # "promised to continue aid": the aid noun is recoded
                frame = self._two_sided_frame(
                    partial(self._wrapped_frame, verb, wrapper, comp, inner),
                    known,
                    index,
                )
                consumed.add(comp.i)
                consumed.update(c.i for c in comp.conjuncts if c.pos_ in VERB_POS)
                # purpose clauses of the intended act are intended too ("to protect")
                consumed.update(
                    c.i
                    for c in comp.children
                    if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)
                )
                if frame is not None:
                    frames.append(frame)
                    consumed.add(verb.i)
                    used_nouns.update(t.i for t in frame.tokens)
                elif own is not None and "default" in own.pattern.flags:
                    # "have sworn to fight": the governing verb's lemma-only
                    # sense (swear: allege) is not what it means here
                    consumed.add(verb.i)
        for verb in verbs:
            if verb.i in consumed:
                continue
            match = matches.get(verb.i)
            if match is None:
                if self._has_two_sides(verb, index):
                    uncoded.append(verb)
                continue
            frame = self._two_sided_frame(
                partial(self._verb_frame, match), known, index
            )
            if frame is not None:
                frames.append(frame)
                used_nouns.update(t.i for t in frame.tokens)
            elif "default" not in match.pattern.flags and match.object is not None:
                used_nouns.add(match.object.i)
        for token in sent:
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in used_nouns:
                continue
            nominal = best_noun_match(self.lexicon, token)
            if nominal is not None:
                frame = self._two_sided_frame(
                    partial(self._noun_frame, nominal),
                    known,
                    index,
                    nearest_passes=(True,),
                )
                if frame is not None:
                    frames.append(frame)
        for frame in frames:
            frame.targets = [
                t
                for t in frame.targets
                if not all(
                    _own(s, t, sent.doc, index) for s in frame.sources if s.actor
                )
            ]
        frames = _drop_background(_drop_residual_statements(frames))
        return _drop_repeated(frames), uncoded

    # -- frames ------------------------------------------------------------

    @staticmethod
    def _two_sided_frame(
        build: Any,
        known: args.MentionIndex,
        index: args.MentionIndex,
        *,
        nearest_passes: tuple[bool, ...] = (False, True),
    ) -> _Frame | None:
        """The frame of a predicate, its sides filled in order of trust: an
        identified actor in a syntactic slot, an unidentified one in a slot
        ("accused Darfur rebels"), an identified one found as the nearest actor
        after the predicate, an unidentified one found so. Builders that do not
        look for the nearest actor (event nouns) need one pass."""
        first: _Frame | None = None
        same = len(known) == len(index)
        for nearest in nearest_passes:
            for ix in (known,) if same else (known, index):
                frame = build(ix, nearest)
                if first is None:
                    first = frame
                if frame is not None and _yields_events(frame):
                    return frame
        return first

    def _complements(self, verb: Any) -> list[Any]:
        comps = [
            c
            for c in verb.children
            if c.pos_ in VERB_POS
            and (
                c.dep_ in COMPLEMENT_DEPS
                # "have sworn to fight" mis-parsed as a purpose clause: an
                # infinitive right after the verb is its complement
                or (
                    c.dep_ == "advcl"
                    and c.i == verb.i + 2
                    and verb.nbor(1).lower_ == "to"
                    and verb.nbor(1).head.i == c.i
                )
            )
        ]
        # "reached a consensus to exchange prisoners", "made a pledge to withdraw":
        # an undertaking noun in the object governs its infinitive
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.pos_ == "NOUN":
                comps += [
                    c
                    for c in obj.children
                    if c.dep_ in {"acl", "relcl"}
                    and c.pos_ in VERB_POS
                    and any(a.lower_ == "to" and a.i < c.i for a in c.children)
                ]
        # "called on Russia to withdraw": the infinitive may hang off the pobj
        for prep in verb.children:
            if prep.dep_ == "prep":
                for pobj in prep.children:
                    comps += [
                        c
                        for c in pobj.children
                        if c.dep_ in {"acl", "relcl", "xcomp"}
                        and c.pos_ in VERB_POS
                        and any(a.lower_ == "to" for a in c.children)
                    ]
        return comps

    def _wrapped_frame(
        self,
        verb: Any,
        wrapper: Wrapper,
        comp: Any,
        inner: Match | None,
        index: args.MentionIndex,
        nearest: bool = True,
    ) -> _Frame | None:
        inner_code = inner.pattern.code if inner is not None else None
        code = self.tables.recode(wrapper.cls, inner_code)
        if not code:
            return None
        sources, _ = self._sources(verb, index)
        if not sources:
            return None
        targets: list[ActorMention] = []
        reciprocal = False
        if wrapper.cls in {"appeal", "demand"}:
            slots = args.object_slots(verb) + args.pobj_slots(
                [verb], ["on", "upon", "to"]
            )
            comp_subject, _ = (
                args.subject_slot(comp) if comp.dep_ == "ccomp" else (None, None)
            )
            if comp_subject is not None:
                slots.append(comp_subject)
            for slot in slots:
                targets = args.collect(slot, index, exclude=sources)
                if targets:
                    break
        if not targets and inner is not None:
            targets, reciprocal = self._targets(inner, index, sources, nearest=nearest)
        if not targets and wrapper.cls not in {"appeal", "demand"}:
            for slot in args.object_slots(verb):
                targets = args.collect(slot, index, exclude=sources)
                if targets:
                    break
        if (
            not targets
            and nearest
            and not (inner is not None and inner.pattern.symmetric)
        ):
            targets = args.nearest_in_clause(comp, index, exclude=sources)
        negated = self._negated(verb) or self._negated(comp)
        symmetric = inner is not None and inner.pattern.symmetric
        tokens = [verb, comp] + (inner.tokens if inner is not None else [])
        return _Frame(
            verb=verb,
            code=code,
            rule=f"wrap:{wrapper.cls}:{verb.lemma_.lower()}"
            + (f"+{inner.pattern.id}" if inner is not None else ""),
            coder="lexicon",
            confidence=CONFIDENCE["wrapped"],
            sources=sources,
            targets=targets,
            reciprocal=reciprocal,
            symmetric=symmetric,
            negated=negated,
            modality="intended" if wrapper.cls == "intend" else self._modality(verb)[0],
            tokens=sorted(set(tokens), key=lambda t: t.i),
        )

    def _opinion_frame(
        self, adjective: Any, index: args.MentionIndex, nearest: bool = True
    ) -> _Frame | None:
        """ "Ankara is confident that Washington will ...": an optimistic (013) or
        pessimistic (012) comment on the actor of the clause, from the
        adjective's ``pos=adj`` pattern."""
        del nearest  # the target is the clause's actor or no one
        words = [adjective.lower_] + verb_lemmas(adjective)
        pattern = next(
            (
                p
                for word in words
                for p in self.lexicon.verb_patterns(word)
                if p.pos == "adj"
            ),
            None,
        )
        if pattern is None:
            return None
        predicate = _predicate_of(adjective)
        sources, _ = self._sources(predicate, index)
        if not sources:
            return None
        _, targets = self._statement(adjective, "", sources, index)
        return _Frame(
            verb=adjective,
            code=pattern.code,
            rule=pattern.id,
            coder="lexicon",
            confidence=CONFIDENCE["pattern"],
            sources=sources,
            targets=targets,
            negated=self._negated(predicate),
            modality=self._modality(predicate)[0],
            tokens=[adjective],
        )

    def _verb_frame(
        self, match: Match, index: args.MentionIndex, nearest: bool = True
    ) -> _Frame | None:
        verb = match.verb
        pattern = match.pattern
        if self._attributes(verb):
            return None
        sources, patient = self._sources(verb, index)
        code = pattern.code
        modality, recode_class = self._modality(verb)
        speaker = self._reporting_verb(verb)
        targets: list[ActorMention] = []
        reciprocal = False
        if speaker is not None:
            speaker_slot, _ = args.subject_slot(speaker)
            speakers = args.collect(speaker_slot, index)
            obligation = self._obligation(verb)
            if speakers and obligation:
                # "X said Y must withdraw": X demands that Y withdraw
                targets = [m for m in sources if m not in speakers]
                if not targets:
                    targets, reciprocal = self._targets(
                        match, index, speakers, patient=patient
                    )
                sources, recode_class, modality = speakers, "demand", "asserted"
            elif speakers and (
                _same_actors(sources, speakers)
                or (not sources and _speaker_acts(verb, patient))
            ):
                # "X said it would/had ...": the speaker is the actor; "would" in a
                # reported clause is the future seen from the past
                sources = speakers
                if self._would(verb):
                    modality = "future"
            elif modality == "asserted":
                modality = "reported"
        sense, means = _agent_sense(verb, code)
        if sense:
            code = sense
            if not sources and patient is not None and means is not None:
                # "three soldiers were killed in Israeli shelling / a car bombing"
                # ("near Mosul" after the means is where, not who)
                after = {t.i for t in means.subtree if t.i > means.i}
                sources = args.collect(means, index, skip=after) or [
                    _means_actor(means)
                ]
        if not sources:
            return None
        if not targets:
            targets, reciprocal = self._targets(
                match, index, sources, patient=patient, nearest=nearest
            )
            if targets and self._between_subjects(match, index, sources):
                targets = []  # "China and Russia coordinated (their response) to X"
        negated = self._negated(verb) or self._negated_governor(verb)
        if modality == "future" and code and not recode_class:
            recode_class, negated, modality = _future_class(code, negated)
        if recode_class and code:
            code = self.tables.recode(recode_class, code) or code
        rule = pattern.id
        if pattern.flags & {"default"} or not (
            pattern.objects or pattern.preps or pattern.particle
        ):
            confidence = CONFIDENCE["default"]
        else:
            confidence = CONFIDENCE["pattern"]
        # a speech verb's statement targets the actor its reported clause is about
        if not targets:
            wrapper = self.tables.wrapper_for(verb, dep="ccomp")
            if wrapper is not None and wrapper.cls == "report":
                code, targets = self._statement(verb, code, sources, index)
            elif wrapper is not None and wrapper.cls == "opinion":
                # "Kyiv fears that Moscow will attack": a comment on Moscow
                _, targets = self._statement(verb, "", sources, index)
        if code[:2] == "01" and targets:
            code = self._reported_obligation(verb, code)
        # the host's side of a visit (043) happens only when the visit does:
        # "will visit Senegal" is an intent (036) that Senegal has not hosted yet
        reverse_code = "" if recode_class else pattern.reverse_code
        return _Frame(
            verb=verb,
            code=code,
            reverse_code=reverse_code,
            rule=rule,
            coder="lexicon",
            confidence=confidence,
            sources=sources,
            targets=targets,
            reciprocal=reciprocal,
            symmetric=pattern.symmetric,
            two_sided=pattern.two_sided and not recode_class,
            negated=negated,
            modality=modality,
            tokens=match.tokens,
        )

    def _noun_frame(
        self, match: Match, index: args.MentionIndex, nearest: bool = True
    ) -> _Frame | None:
        del nearest  # event nouns have no nearest-actor fallback
        noun = match.verb
        pattern = match.pattern
        target_preps = pattern.target_preps or frozenset(args.AUTO_TARGET_PREPS)
        # "the EU's round of sanctions against Russia": the container ("round")
        # and the event noun inside it both carry the phrase
        phrase = [noun] + ([match.inner] if match.inner is not None else [])
        target_slots = args.pobj_slots(phrase, sorted(target_preps))
        # "the withdrawal of forces from Panama": the parse may hang the target
        # phrase on the matched "of" object
        matched_of = [
            c
            for p in match.preps
            if p.lower_ == "of"
            for c in p.children
            if c.dep_ == "pobj"
        ]
        target_slots += args.pobj_slots(matched_of, sorted(target_preps - {"of"}))
        source_slots: list[Any] = [
            c
            for head in phrase
            for c in head.children
            if c.dep_ in {"poss", "compound", "amod", "nmod"}
            and not (match.inner is not None and c.i == match.inner.i)
        ]
        # "sanctions by the EU", "aid from Japan"; but "withdrawal from the WHO"
        # names its target with "from" when the pattern says so
        agent_preps = ["by"] + ([] if "from" in pattern.target_preps else ["from"])
        source_slots += args.pobj_slots(phrase, agent_preps)
        sources: list[ActorMention] = []
        for slot in source_slots:
            for mention in args.collect(slot, index):
                if mention not in sources:
                    sources.append(mention)
        for slot in matched_of:
            # "the withdrawal of Russian troops": the troops' country withdraws them
            after = {t.i for t in slot.subtree if t.i > slot.i}
            for mention in args.collect(slot, index, skip=after):
                if mention not in sources:
                    sources.append(mention)
        targets: list[ActorMention] = []
        # "talks between X and Y" pairs X and Y; "with X and Y" does not
        between = False
        for slot in target_slots:
            if slot.dep_ == "pobj" and slot.head.lower_ in agent_preps:
                continue
            targets = args.collect(slot, index, exclude=sources)
            if targets:
                between = slot.dep_ == "pobj" and slot.head.lower_ == "between"
                break
        if (
            not sources
            and noun.dep_ in {"dobj", "nsubjpass"}
            and noun.head.pos_ in VERB_POS
            and self._acts_through_object(noun.head)
        ):
            # "X renewed an appeal to Y", "X began talks with Y", "X announced a
            # suspension of ...": the clause's subject, unless the verb is an event
            # of its own ("condemned the investigation of Russia" is no
            # investigation by the condemner)
            sources, _ = self._sources(noun.head, index)
            targets = [t for t in targets if t not in sources]
            if not targets:
                # "made concessions to Y": the target phrase hangs off the verb
                for slot in args.pobj_slots([noun.head], sorted(target_preps)):
                    targets = args.collect(slot, index, exclude=sources)
                    if targets:
                        break
        governor, wrapper = self._noun_governor(noun)
        if governor is not None and wrapper is not None:
            holders, patient = self._sources(_predicate_of(governor), index)
            if (
                not holders
                and patient is not None
                and wrapper.cls in {"reject", "intend", "keep"}
                and noun.dep_ == "pobj"
            ):
                # "Israel is opposed to ...", "Oslo is committed to ...", "Serb
                # forces were engaged in ...": a stative participle's subject
                holders = args.collect(patient, index)
            if holders:
                # "Israel is opposed to French mediation": Israel rejects, France
                # is the target; "Tokyo suspended its aid to Hanoi": Tokyo halts
                own = [m for m in sources if m not in holders]
                named = [t for t in targets if t not in holders]
                if wrapper.cls in {"reject", "appeal", "demand"}:
                    targets = own or named
                else:
                    targets = named or own
                if not targets:
                    for slot in args.pobj_slots([governor], sorted(target_preps)):
                        targets = args.collect(slot, index, exclude=holders)
                        if targets:
                            break
                sources = holders
        if not sources and not (
            pattern.symmetric and between and len(_actors(targets)) >= 2
        ):
            return None
        code, negated, modality = pattern.code, False, "asserted"
        head = noun.head
        if governor is not None and wrapper is not None:
            # "ended its offensive" (halt: 087), "planned an offensive" (intend),
            # "opposed to the mediation" (reject: 126)
            # "were engaged in ethnic cleansing" (keep): the act as it is
            if wrapper.cls != "keep":
                code = self.tables.recode(wrapper.cls, code) or ""
            if not code:
                return None
            modality = "intended" if wrapper.cls == "intend" else "asserted"
            negated = self._negated(_predicate_of(governor)) or self._negated(governor)
        elif noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ in VERB_POS:
            # "will not make concessions", "did not impose sanctions": the verb's
            negated = self._negated(head) or self._negated_governor(head)
            modality = self._modality(head)[0]
            if modality == "future":
                recode_class, negated, modality = _future_class(code, negated)
                if recode_class:
                    code = self.tables.recode(recode_class, code) or code
        return _Frame(
            verb=noun,
            code=code,
            reverse_code="" if code != pattern.code else pattern.reverse_code,
            rule=pattern.id,
            coder="nominal",
            confidence=CONFIDENCE["nominal"],
            sources=sources or targets,
            targets=targets if sources else [],
            symmetric=pattern.symmetric,
            two_sided=pattern.two_sided and code == pattern.code,
            negated=negated,
            modality=modality,
            tokens=[noun],
        )

    def _continues_an_act(self, verb: Any) -> bool:
        """Whether ``verb`` is an aspectual verb ("continue", "resume") whose
        object is an event noun ("continue military aid")."""
        wrapper = self.tables.wrapper_for(verb)
        if wrapper is None or wrapper.cls != "keep":
            return False
        return any(
            best_noun_match(self.lexicon, obj) is not None
            for obj in args.object_slots(verb)
        )

    def _noun_governor(self, noun: Any) -> tuple[Any, Wrapper | None]:
        """The governing verb or adjective whose act slot an event noun fills
        ("demanded the withdrawal", "called for talks", "opposed to the
        mediation"), with its recoding wrapper; ``(None, None)`` otherwise."""
        head = noun.head
        if noun.dep_ == "dobj" and head.pos_ in VERB_POS:
            governor, slot = head, "dobj"
        elif (
            noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ in VERB_POS | {"ADJ"}
        ):
            governor, slot = head.head, head.lower_
        else:
            return None, None
        wrapper = self.tables.wrapper_for(governor)
        if (
            wrapper is not None
            and wrapper.cls == "keep"
            and governor.dep_ == "xcomp"
            and slot == "dobj"
        ):
            # "promised to continue military aid": the aid is promised
            governor = governor.head
            wrapper = self.tables.wrapper_for(governor)
        if wrapper is None or wrapper.cls not in RECODING + ("keep",):
            return None, None
        if slot not in wrapper.noun_slots:
            return None, None  # "undertook a mediation mission": a light verb here
        return governor, wrapper

    def _targets(
        self,
        match: Match,
        index: args.MentionIndex,
        sources: list[ActorMention],
        *,
        patient: Any = None,
        nearest: bool = True,
    ) -> tuple[list[ActorMention], bool]:
        """Target mentions of a matched pattern and whether they are reciprocal."""
        pattern = match.pattern
        verb = match.verb
        anchors = [verb, match.object, match.particle]
        slots: list[Any] = []
        if patient is not None:  # passive: the patient is the target
            slots.append(patient)
        if pattern.target == "dobj":
            slots += args.object_slots(verb)
        elif pattern.target == "pobj":
            rank = _audience_last if pattern.code[:2] == "11" else _prep_rank
            slots = args.pobj_slots(anchors, sorted(pattern.target_preps, key=rank))
            slots += [patient] if patient is not None else []
        if pattern.target != "subj":
            # the named slot first, then any other object or prepositional object,
            # then inside the matched object ("refused the US demand")
            doer_first = "wrapper" in pattern.flags or pattern.code[:2] in APPEAL_ROOTS
            if match.object is not None and doer_first:
                # "demanded the withdrawal of Serbian forces from Bosnia": the
                # act's doer inside the object is who is asked
                slots.append(match.object)
            slots += [
                s for s in args.object_slots(verb) if not _same_token(s, match.object)
            ]
            slots += args.pobj_slots(anchors, None)
            if match.object is not None and not doer_first:
                slots.append(match.object)
        skip = {t.i for t in match.tokens if not _same_token(t, match.object)}
        for slot in slots:
            if slot is None:
                continue
            if args.is_reciprocal(slot):
                return [], True
            found = args.collect(slot, index, exclude=sources, skip=skip - {slot.i})
            if found:
                return found, False
        if nearest and pattern.target != "subj" and not pattern.symmetric:
            # last resort, as TABARI/PETRARCH do: the nearest actor after the verb
            # inside its clause ("staged a strike that shut down Kathmandu")
            found = args.nearest_in_clause(verb, index, exclude=sources)
            if found:
                return found, False
        return [], False

    # -- modality ----------------------------------------------------------

    def _governing(self, verb: Any) -> Wrapper | None:
        """The wrapper verb governing ``verb`` (through conjunctions), if any."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ in COMPLEMENT_DEPS and node.head.i != node.i:
            return self.tables.wrapper_for(node.head, dep=node.dep_)
        return None

    def _sources(
        self, verb: Any, index: args.MentionIndex
    ) -> tuple[list[ActorMention], Any]:
        """(source mentions, passive patient) of a predicate.

        A pronoun subject with no actor inside a reported clause ("X said
        it will ...", "X announced they are willing to ...") is bound to the
        speaker: the nearest governing speech verb's subject.
        """
        slot, patient = args.subject_slot(verb)
        sources = args.collect(slot, index)
        if (
            not sources
            and slot is not None
            and verb.dep_ == "acl"
            and _same_token(slot, verb.head)
            and self._speech(slot)
        ):
            # "issued a declaration demanding that ...", "said in a statement
            # condemning ...": the speaker of the statement
            holder = slot.head.head if slot.dep_ == "pobj" else slot.head
            if holder.pos_ in VERB_POS and not _same_token(holder, slot):
                return self._sources(holder, index)
        if sources or slot is None or slot.lower_ not in PERSONAL_PRONOUNS:
            return sources, patient
        node = slot.head
        for _ in range(6):
            if node.head.i == node.i:
                break
            if node.dep_ == "ccomp":
                if self._speech(node.head):
                    speaker_slot, _ = args.subject_slot(node.head)
                    return args.collect(speaker_slot, index), patient
            node = node.head
        return sources, patient

    def _statement(
        self,
        verb: Any,
        code: str,
        sources: list[ActorMention],
        index: args.MentionIndex,
    ) -> tuple[str, list[ActorMention]]:
        """Code and target of a speech verb from the clause it reports.

        The target is the reported clause's actor. Reporting violence (roots
        17-20) done by another actor is an accusation (112); by the speaker
        itself, a claim of responsibility (015), as the CAMEO codebook has it.
        Violence still to come ("will", "would", "if") is neither.
        """
        for comp in self._complements(verb):
            if comp.dep_ != "ccomp":
                continue
            if _attribution(verb, comp):
                # "X did Y, officials said": the speaker is the news source, not
                # an actor making a statement about X (the reported act is coded)
                continue
            slot, patient = args.subject_slot(comp)
            actors = args.collect(slot or patient, index)
            targets = [m for m in actors if m not in sources]
            inner = best_verb_match(self.lexicon, comp)
            violent = inner is not None and inner.pattern.code[:2] in VIOLENT_ROOTS
            if (
                inner is not None
                and violent
                and code[:2] == "01"
                and not self._negated(comp)
                # "announced that he will extend the curfew" claims nothing done
                and self._modality(comp)[0] == "asserted"
            ):
                if actors and _same_actors(actors, sources):
                    others, _ = self._targets(inner, index, sources)
                    return "015", others
                if targets:
                    return "112", targets
                if patient is not None and not actors:
                    # "X said a bomb was fired at it from Gaza", "... killed in an
                    # air strike by government forces": the perpetrator's phrase
                    perpetrators = _perpetrators(comp, index, sources)
                    if perpetrators:
                        return "112", perpetrators
            if targets:
                return code, targets
        return code, []

    def _acts_through_object(self, verb: Any) -> bool:
        """Whether an act noun in the verb's object is the subject's act (as is,
        or recoded by a governing verb): a light verb ("held talks", "made
        concessions"), a governing verb ("announced a suspension", "reduced food
        supplies"), but not an event verb of its own ("condemned the
        investigation of Russia" is no investigation by the condemner)."""
        if self.tables.wrapper_for(verb) is not None:
            return True
        return best_verb_match(self.lexicon, verb) is None

    def _attributes(self, verb: Any) -> bool:
        """Whether ``verb`` is a speech verb attributing the clause before it
        ("Iran attacked the tanker, officials said"): its speaker is the news
        source of the reported event, not an actor making a statement."""
        if not self._speech(verb):
            return False
        return any(c.dep_ == "ccomp" and _attribution(verb, c) for c in verb.children)

    def _speech(self, token: Any) -> bool:
        """Whether a verb or noun reports the clause it governs (wrappers.tsv
        class ``report``: "said that", "a reminder that")."""
        wrapper = self.tables.wrapper_for(token, dep="ccomp")
        return wrapper is not None and wrapper.cls == "report"

    def _reporting_verb(self, verb: Any) -> Any:
        """The speech verb whose reported clause ``verb`` heads, if any."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "ccomp" and node.head.i != node.i and self._speech(node.head):
            return node.head
        if node.dep_ not in {"acl", "ccomp"} or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children
        ):
            return None
        # "issued a reminder to Iraq that it must cooperate": the verb of a speech
        # noun speaks (the that-clause hangs off the noun or, often, the verb)
        head = node.head
        nouns = [head] if head.pos_ == "NOUN" else list(args.object_slots(head))
        for noun in nouns:
            if noun.dep_ != "dobj" or noun.head.pos_ not in VERB_POS:
                continue
            if self._speech(noun):
                return noun.head
        return None

    def _would(self, verb: Any) -> bool:
        return any(
            c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in verb.children
        )

    def _reported_obligation(self, verb: Any, code: str) -> str:
        """A statement whose reported clause says what someone must or should do
        ("told Xi that China needs to open its markets") is an appeal or a
        demand, when that clause codes no event of its own."""
        if not self._speech(verb):
            return code
        for comp in verb.children:
            if comp.dep_ != "ccomp" or _attribution(verb, comp):
                continue
            found = self._obligation_kind(comp)
            if found and best_verb_match(self.lexicon, found[1]) is None:
                return self.tables.recode(found[0], None) or code
        return code

    def _obligation_kind(self, clause: Any) -> tuple[str, Any] | None:
        """(class, act verb) of a reported clause of obligation: ``demand`` for
        "must" / "has to", ``appeal`` for "should" / "ought to" / "needs to"
        (the act verb is the infinitive after "has" / "needs"); None otherwise."""
        for child in clause.children:
            if child.dep_ == "aux" and child.lower_ in OBLIGATION_AUX:
                return ("demand" if child.lower_ == "must" else "appeal"), clause
        if any(
            c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in clause.children
        ):
            return None  # "NATO would need to remain strong": a view, not an appeal
        lemma = clause.lemma_.lower()
        if lemma not in {"have", "need"}:
            return None
        for act in clause.children:
            if act.dep_ == "xcomp" and any(a.lower_ == "to" for a in act.children):
                return ("demand" if lemma == "have" else "appeal"), act
        return None

    def _obligation(self, verb: Any) -> bool:
        """``must`` / ``should`` / ``has to`` / ``needs to`` on the verb or its governor."""
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children):
            return True
        head = verb.head
        return (
            verb.dep_ == "xcomp"
            and head.lemma_.lower() in {"have", "need"}
            and any(c.lower_ == "to" for c in verb.children)
        )

    def _negated(self, verb: Any) -> bool:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        return any(
            c.lower_ in {"never", "not", "n't"}
            for c in verb.children
            if c.dep_ == "advmod"
        )

    def _negated_governor(self, verb: Any) -> bool:
        node = verb
        for _ in range(4):
            if node.dep_ not in COMPLEMENT_DEPS | {"conj"} or node.head.i == node.i:
                return False
            node = node.head
            wrapper = self.tables.wrapper_for(node)
            if wrapper is not None and wrapper.cls == "keep" and self._negated(node):
                return True
        return False

    def _modality(self, verb: Any) -> tuple[str, str | None]:
        """(modality, recoding class or None) from auxiliaries and ``if`` clauses."""
        node = verb
        for _ in range(4):
            auxes = {c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}}
            if auxes & FUTURE_AUX or {"going"} & auxes:
                return "future", None
            if auxes & HYPOTHETICAL_AUX:
                return "hypothetical", None
            if any(
                c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                for c in node.children
            ):
                return "conditional", None
            for clause in node.children:
                # "If talks fail, X imposes sanctions": the if-clause hangs off the verb
                if clause.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                    for c in clause.children
                ):
                    return "conditional", None
            if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
                break
            node = node.head
        return "asserted", None

    def _between_subjects(
        self, match: Match, index: args.MentionIndex, sources: list[ActorMention]
    ) -> bool:
        """Whether a symmetric act of coordinated subjects ("China and Russia
        coordinated ...") is between them: no direct object or ``with`` /
        ``between`` phrase names another party."""
        if not match.pattern.symmetric or len(_actors(sources)) < 2:
            return False
        anchors = [match.verb, match.object, match.particle]
        partners = [  # an object that is itself an actor ("coordinated Iran")
            s
            for s in args.object_slots(match.verb)
            if not _same_token(s, match.object) and index.at(s)
        ]
        partners += args.pobj_slots(anchors, ["with", "between", "against"])
        return not any(args.collect(s, index, exclude=sources) for s in partners)

    def _has_two_sides(self, verb: Any, index: args.MentionIndex) -> bool:
        sources, patient = self._sources(verb, index)
        if not sources:
            return False
        slots = ([patient] if patient is not None else []) + args.object_slots(verb)
        slots += args.pobj_slots([verb], None)
        return any(
            args.collect(s, index, exclude=sources) for s in slots if s is not None
        )

    # -- fallback ----------------------------------------------------------

    def _apply_fallback(self, pending: list[_Sentence]) -> None:
        candidates = [(item, verb) for item in pending for verb in item.uncoded]
        if not candidates:
            return
        if self._fallback is None:
            from ._coding_internals.embedding import EmbeddingFallback

            self._fallback = EmbeddingFallback(self.ontology, self.lexicon)
        results = self._fallback.classify(
            [_clause_text(verb) for _, verb in candidates]
        )
        for (item, verb), result in zip(candidates, results, strict=True):
            if result is None or result[1] < self.embedding_threshold:
                continue
            frame = self._fallback_frame(verb, result[0], result[1], item.mentions)
            if frame is not None:
                item.frames.append(frame)

    def _fallback_frame(
        self, verb: Any, code: str, cosine: float, mentions: Sequence[ActorMention]
    ) -> _Frame | None:
        index = args.MentionIndex(mentions)
        sources, patient = self._sources(verb, index)
        slots = ([patient] if patient is not None else []) + args.object_slots(verb)
        slots += args.pobj_slots([verb], None)
        targets: list[ActorMention] = []
        for slot in slots:
            targets = args.collect(slot, index, exclude=sources)
            if targets:
                break
        if not sources or not targets:
            return None
        return _Frame(
            verb=verb,
            code=code,
            rule=self._fallback.model_name,
            coder="embedding",
            confidence=round(cosine, 4),
            sources=sources,
            targets=targets,
            negated=self._negated(verb),
            modality=self._modality(verb)[0],
            tokens=[verb],
        )

    # -- events ------------------------------------------------------------

    def _events(
        self, article: Article, sent_index: int, sent: Any, frame: _Frame
    ) -> list[Event]:
        pairs: list[tuple[ActorMention, ActorMention, str]] = []
        sources = _distinct(frame.sources)
        if frame.targets:
            targets = _distinct(frame.targets)
            for source in sources:
                for target in targets:
                    if _own_country(source, target, targets):
                        continue
                    pairs.append((source, target, frame.code))
                    if frame.reverse_code and self.paired_events:
                        pairs.append((target, source, frame.reverse_code))
                    elif (
                        frame.two_sided or _two_sided(frame.code)
                    ) and self.paired_events:
                        # phone calls and negotiations take two: the codebook
                        # codes them both ways
                        pairs.append((target, source, frame.code))
        elif _between_sources(frame):
            # "Bosnia and Slovenia agreed to a ceasefire": with no other party,
            # coordinated actors agreeing or cooperating do so with each other
            for source in sources:
                for target in sources:
                    pairs.append((source, target, frame.code))
        events = []
        for source, target, code in pairs:
            if not code or source.actor is None or target.actor is None:
                continue
            if source.actor.code == target.actor.code and not (
                _unidentified(source) or _unidentified(target)
            ):
                continue  # an actor does not act on itself; two unknowns may
            if _anonymous(source) and _anonymous(target):
                continue  # an event needs a side whose actor or country is known
            event = self._event(article, sent_index, sent, frame, source, target, code)
            if event is not None:
                events.append(event)
        return events

    def _event(
        self,
        article: Article,
        sent_index: int,
        sent: Any,
        frame: _Frame,
        source: ActorMention,
        target: ActorMention,
        code: str,
    ) -> Event | None:
        try:
            entry = self.ontology.cameo(code)
            quad = self.ontology.quad_class(code, self.quad_class_mapping)
        except OntologyError:
            logger.warning(
                "lexicon rule %s gives unknown CAMEO code %r; skipped", frame.rule, code
            )
            return None
        assert (
            source.actor is not None and target.actor is not None
        )  # checked by caller
        tokens = frame.tokens or [frame.verb]
        return Event(
            doc_id=article.doc_id,
            sentence=sent.text,
            span=(sent.start_char, sent.end_char),
            sentence_index=sent_index,
            source_actor=source.actor.code,
            source_country=source.actor.country,
            target_actor=target.actor.code,
            target_country=target.actor.country,
            source_text=source.text,
            target_text=target.text,
            source_span=(source.start, source.end),
            target_span=(target.start, target.end),
            verb_text=" ".join(t.text for t in tokens),
            verb_span=(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)),
            cameo_code=entry.code,
            cameo_root=entry.root,
            goldstein=entry.goldstein,
            quad_class=quad,
            quad_class_mapping=self.quad_class_mapping,
            plover_type=entry.plover_type,
            plover_mode=entry.plover_mode,
            negated=frame.negated,
            modality=frame.modality,
            rule=frame.rule,
            coder=frame.coder,
            confidence=frame.confidence,
            event_date=article.date.isoformat() if article.date else None,
            event_date_source="article" if article.date else "none",
            source_name=article.source,
            url=article.url,
        )


def _predicate_of(token: Any) -> Any:
    """The clause predicate of a governing word: the copula's head for a
    predicative adjective ("is opposed to"), else the word itself."""
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return token.head
    return token


def _sentence_target(item: _Sentence) -> None:
    """Last resort for a sentence that yields no event: give its first frame that
    has a source but no target the nearest other identified actor of the
    sentence, after the predicate if there is one ("Uganda said it had paid
    compensation, ... British nationals"). Bare statements (01) are left alone.
    The event's rule ends in ``+sentence-target`` and its confidence is lowered.
    """
    for frame in item.frames:
        if frame.coder == "nominal" or frame.code[:2] == "01" or not frame.sources:
            continue
        own = _actors(frame.sources)
        own_countries = {m.actor.country for m in frame.sources if m.actor}
        others = [
            m
            for m in item.mentions
            if m.actor is not None
            and not _unidentified(m)
            and m.actor.code not in own
            and m.actor.country not in own_countries
        ]
        if not others:
            continue
        after = [m for m in others if m.token_start > frame.verb.i]
        frame.targets = [(after or others[::-1])[0]]
        frame.rule += "+sentence-target"
        frame.confidence = round(frame.confidence * SENTENCE_TARGET_DISCOUNT, 4)
        return


#: Prepositions of a means phrase ("killed in a bombing", "by a car bomb").
MEANS_PREPS = ("in", "by", "with", "from")


def _agent_sense(verb: Any, code: str) -> tuple[str, Any]:
    """(code, means token) of the first ``agent_senses.tsv`` row that refines
    ``code`` and whose phrase the verb's doer, or for ``means`` rows a means
    phrase, matches; ("", None) when none does."""
    senses = [s for s in load_agent_senses() if s.refines(code)]
    if not senses:
        return "", None
    doer, _ = args.subject_slot(verb)
    # "hundreds of UN troops", "the first deployment of peacekeeping troops"
    doers = [doer] + args.pobj_slots([doer], ["of"])
    means = args.pobj_slots([verb], MEANS_PREPS)
    for sense in senses:
        for token in doers + (means if sense.means else []):
            if token is not None and any(
                phrase_matches(a, token) for a in sense.agents
            ):
                return sense.code, token
    return "", None


def _means_actor(means: Any) -> ActorMention:
    """An unidentified doer standing for a means that names no actor
    ("killed in a suicide bombing"): GDELT and ICEWS code such events with an
    unknown source."""
    tokens = [t for t in means.subtree if not t.is_punct and t.dep_ != "det"]
    tokens = [t for t in tokens if t.i <= means.i] or [means]
    first, last = tokens[0], tokens[-1]
    text = means.doc[first.i : last.i + 1].text
    return ActorMention(
        text=text,
        start=first.idx,
        end=last.idx + len(last.text),
        token_start=first.i,
        token_end=last.i + 1,
        sentence_index=-1,
        actor=Actor(code=UNKNOWN_COUNTRY, country="", name=text, kind="unidentified"),
        rule="means+unidentified",
        head=means.i,
    )


def _future_class(code: str, negated: bool) -> tuple[str | None, bool, str]:
    """(recoding class, negated, modality) of an act announced for the future.

    CAMEO codes announced cooperation (roots 03-08) as intent (03x) and
    announced force (15-20) as a threat (13x); announcing that one will not
    cooperate ("will not accept refugees") is a rejection (12x).
    """
    root = code[:2]
    if "03" <= root <= "08" and negated:
        return "reject", False, "asserted"
    if "03" <= root <= "08":
        return "intend", negated, "future"
    if "15" <= root <= "20":
        return "threaten", negated, "future"
    return None, negated, "future"


def _perpetrators(
    comp: Any, index: args.MentionIndex, sources: list[ActorMention]
) -> list[ActorMention]:
    """Actors of the ``by`` / ``from`` phrases of an agentless violent clause."""
    for token in comp.subtree:
        if token.dep_ in {"prep", "agent"} and token.lower_ in {"by", "from"}:
            for pobj in token.children:
                if pobj.dep_ == "pobj":
                    found = args.collect(pobj, index, exclude=sources)
                    if found:
                        return found
    return []


def _speaker_acts(verb: Any, patient: Any) -> bool:
    """Whether a reported clause without an actor is the speaker's own act: its
    subject is missing or a pronoun ("X said it would ..."), not a passive
    ("four people were killed, medics said") or another noun ("the economy")."""
    if patient is not None:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "expl"}), None)
    return subject is None or subject.lower_ in PERSONAL_PRONOUNS


def _someone_else_acts(verb: Any, comp: Any) -> bool:
    """Whether an infinitive complement has its own actor: "wants Putin to
    attack" (Putin the subject of "to attack") or "would like France to accept"
    (France the object of "like")."""
    if not any(c.lower_ == "to" and c.dep_ == "aux" for c in comp.children):
        return False
    if any(c.dep_ == "nsubj" for c in comp.children):
        return True
    return comp.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.children)


def _own(
    source: ActorMention, target: ActorMention, doc: Any, index: args.MentionIndex
) -> bool:
    """Whether the target is the source's own: a possessive that refers to the
    source ("Peru recalled its ambassador"), not to someone else ("rebels
    demanded the removal of the president and his party")."""
    assert source.actor is not None
    head = doc[target.head] if 0 <= target.head < len(doc) else doc[target.token_start]
    possessives = [
        c for c in head.children if c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES
    ]
    first = doc[target.token_start]
    if first.lower_ in OWN_POSSESSIVES:
        possessives.append(first)
    for token in possessives:
        for mention in index.at(token):
            if mention.actor is not None and mention.actor.code in {
                source.actor.code,
                source.actor.country,
            }:
                return True
    return False


def _own_country(
    source: ActorMention, target: ActorMention, targets: list[ActorMention]
) -> bool:
    """Whether the target is the source's own country listed beside others:
    "Xi and Blinken agreed to stabilise relations between China and the United
    States" is not Xi's act on China."""
    assert source.actor is not None and target.actor is not None
    country = source.actor.country
    return (
        bool(country)
        and target.actor.code == country
        and any(t.actor is not None and t.actor.country != country for t in targets)
    )


def _anonymous(mention: ActorMention) -> bool:
    """An unidentified actor of unknown country ("insurgents")."""
    return _unidentified(mention) and not (mention.actor and mention.actor.country)


def _two_sided(code: str) -> bool:
    """Codes whose act is done by both sides (consult, telephone, negotiate,
    cooperate): "X held talks with Y" is also Y's talks with X."""
    return code in TWO_SIDED_CODES


def _mutual(code: str) -> bool:
    """Codes whose coordinated actors, with no target, act on each other."""
    return code[:2] in MUTUAL_ROOTS or code[:3] in MUTUAL_ROOTS


def _one_report_per_dyad(events: list[Event]) -> list[Event]:
    """A sentence reports an act between two actors once: of events with the
    same actors, polarity and code only the first is kept, and a root's
    unspecified code (020) gives way to a sub-code of it (0213) read from the
    same words ("renewed an appeal to Belgium to extradite ...")."""
    kept: list[Event] = []
    seen: set[tuple[str, str, bool, str]] = set()
    for event in events:
        key = (event.source_actor, event.target_actor, event.negated, event.cameo_code)
        if key in seen:
            continue
        if _unspecified(event.cameo_code) and any(
            (other.source_actor, other.target_actor, other.negated)
            == (event.source_actor, event.target_actor, event.negated)
            and other.cameo_code[:2] == event.cameo_code[:2]
            and not _unspecified(other.cameo_code)
            and other.verb_span[0] <= event.verb_span[0]
            and event.verb_span[1] <= other.verb_span[1]
            for other in events
        ):
            continue
        seen.add(key)
        kept.append(event)
    return kept


def _unspecified(code: str) -> bool:
    """A root's "not specified below" code (020, 190)."""
    return len(code) == 3 and code.endswith("0")


def _drop_residual_statements(frames: list[_Frame]) -> list[_Frame]:
    """Drop a plain statement (010) when its speaker has a specific event.

    010 is CAMEO's residual "make statement": "Russia said that Sudan must
    return ..." is a demand (10x) by Russia, "praised Haiti and said it was a
    partner" a praise, "described X as ... and rejected Y" a rejection; the bare
    statement adds nothing to the speaker's specific act in the same sentence.
    """
    specific = [f for f in frames if f.code != "010" and not f.negated]
    kept = []
    for frame in frames:
        if frame.code == "010" and frame.targets:
            sources = _actors(frame.sources)
            if any(_actors(other.sources) & sources for other in specific):
                continue
        kept.append(frame)
    return kept


def _drop_repeated(frames: list[_Frame]) -> list[_Frame]:
    """One frame per (code, sources, targets): "rejected an ultimatum" codes the
    verb and the recoded act noun alike."""
    seen: set[tuple[str, frozenset[str], frozenset[str], bool]] = set()
    kept: list[_Frame] = []
    for frame in frames:
        key = (
            frame.code,
            frozenset(_actor_keys(frame.sources)),
            frozenset(_actor_keys(frame.targets)),
            frame.negated,
        )
        if key not in seen:
            seen.add(key)
            kept.append(frame)
    return kept


def _in_background(token: Any) -> bool:
    """Whether a predicate sits in a clause that modifies or depends on another
    one: a relative or participial clause ("Macedonia, which is preparing an
    offensive"), an adverbial or purpose clause ("to help defend"), a clause
    inside a noun phrase or a prepositional phrase ("for helping militants").
    The main clause and its coordinated or reported clauses are foreground.
    """
    node = token
    for _ in range(12):
        if node.dep_ == "ROOT" or node.head.i == node.i:
            return False
        if node.dep_ in BACKGROUND_DEPS:
            return True
        node = node.head
    return False


def _drop_background(frames: list[_Frame]) -> list[_Frame]:
    """Drop predicate frames of background clauses when the main clause has one.

    News sentences carry one or two main events and, in side clauses, the
    background: earlier events ("who had been arrested 15 months ago"), aims
    ("to help defend Saudi Arabia"), suspicions ("suspected of blowing up a
    plane"). Coding those as events of the report double-counts old events and
    invents new ones, so a sentence whose main clause is coded keeps only its
    foreground frames (and its nominal events); one with no foreground frame
    keeps all.
    """
    foreground = [
        f for f in frames if f.coder != "nominal" and not _in_background(f.verb)
    ]
    # only a main clause that yields an event other than a bare statement counts
    # ("..., the Kremlin reported" is the attribution of what precedes it)
    if not any(_yields_events(f) and f.code[:2] != "01" for f in foreground):
        return frames
    return [f for f in frames if f.coder == "nominal" or f in foreground]


def _yields_events(frame: _Frame) -> bool:
    """Whether a frame has the two sides an event needs."""
    return bool(frame.targets) or _between_sources(frame)


def _between_sources(frame: _Frame) -> bool:
    """Whether a frame without target is an act among its coordinated sources."""
    mutual = frame.reciprocal or frame.symmetric or _mutual(frame.code)
    return mutual and len(_actors(frame.sources)) >= 2


def _attribution(verb: Any, comp: Any) -> bool:
    """Whether the speech ``verb`` follows the clause it reports (an attribution).

    "Iran attacked the tanker, officials said" / "..., said a spokesman": the
    reported clause comes first and the speech verb closes the sentence.
    """
    return comp.i < verb.i and not any(
        c.dep_ == "mark" and c.lower_ == "that" for c in comp.children
    )


def _prep_rank(prep: str) -> int:
    try:
        return args.AUTO_TARGET_PREPS.index(prep)
    except ValueError:
        return len(args.AUTO_TARGET_PREPS)


def _audience_last(prep: str) -> tuple[bool, int]:
    """Rank of a target preposition of a complaint or criticism: "complained to
    the UN over Israeli raids" is aimed at Israel; "to" names the audience."""
    return prep == "to", _prep_rank(prep)


def _distinct(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    found: list[ActorMention] = []
    codes: set[str] = set()
    for mention in mentions:
        if mention.actor is None or mention.actor.code in codes:
            continue
        codes.add(mention.actor.code)
        found.append(mention)
    return found


def _same_actors(a: Iterable[ActorMention], b: Iterable[ActorMention]) -> bool:
    return bool(_actors(a)) and _actors(a) <= _actors(b)


def _actors(mentions: Iterable[ActorMention]) -> set[str]:
    return {m.actor.code for m in mentions if m.actor is not None}


def _same_token(a: Any, b: Any) -> bool:
    """Whether two spaCy tokens are the same word (tokens are views, created
    anew on every access, so ``is`` never holds)."""
    return a is not None and b is not None and a.i == b.i


def _actor_keys(mentions: Iterable[ActorMention]) -> set[str]:
    """Actor codes; an unidentified mention stands for itself (its offset)."""
    return {m.actor.code if m.actor is not None else f"@{m.start}" for m in mentions}


def _clause_text(verb: Any) -> str:
    return " ".join(t.text for t in verb.subtree)


@stages.register("detente.cameo_coder.v1", aliases=("coding",))
def make_event_coder(**options: Any) -> EventCoder:
    """Registry factory of :class:`EventCoder`; unknown options are ignored."""
    known = {
        "lexicon_files",
        "embedding_fallback",
        "embedding_threshold",
        "paired_events",
        "unidentified_actors",
        "quad_class_mapping",
    }
    return EventCoder(
        **{k: v for k, v in options.items() if k in known and v is not None}
    )
