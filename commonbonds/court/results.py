"""An election's results, computed from its facts by the election engine, in one language.

Nothing computed here is stored: the majority, who is elected, who left the ballot, the
minimum voting requirements (MVRs) in force and the explanations all come from running the
engine (`court/elections/`) over the candidates, remaining judges and ballots staff entered.
The result is cached per process, keyed on (election, `Election.revision`, language): every
action that changes an election's facts increments its revision, so a stale entry is never
read again (and falls out of the small LRU).

Judicial elections use the engine. For the Prosecutor and the Deputy Prosecutors the majority
is an absolute majority of the States Parties (Rome Statute art. 42(4)); for other elections
(Bureau, committees) the results show the counts and whom the Assembly declared elected.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from .elections import (
    CATEGORIES,
    GENDERS,
    REGIONS,
    BallotTally,
    ElectionInputError,
    ElectionRunner,
    Options,
    Person,
    category_label,
    count_ballots,
    nomination_extension,
)
from .elections import Election as EngineElection
from .models import ABSOLUTE_MAJORITY_KINDS, ENGINE_REGION, Candidate, Election

CACHE_SIZE = 256
_lock = threading.Lock()
_cache: OrderedDict[tuple, ElectionResults] = OrderedDict()


@dataclass
class Row:
    candidate: Candidate
    votes: int
    elected: bool = False
    removed: bool = False  # left the ballot after this one (cut-off or nationality)


@dataclass
class RoundView:
    number: int
    ballot_papers: int
    invalid: int
    valid: int
    abstentions: int
    voting: int
    required: int | None
    max_marks: int | None
    open_seats: int
    mvrs: list[dict]  # the MVRs in force: [{"code", "label", "value"}], only those above 0
    rows: list[Row]
    elected: list[Candidate]
    withdrawn: list[Candidate]
    explanations: list[str]
    note: str = ""


@dataclass
class NextBallot:
    number: int
    open_seats: int
    max_marks: int
    mvrs: list[dict]
    on_ballot: list[Candidate]
    explanations: list[str]


@dataclass
class ChecklistItem:
    code: str
    label: str
    mvr: int
    nominated: int

    @property
    def needed(self) -> int:
        return 2 * self.mvr

    @property
    def met(self) -> bool:
        return self.mvr == 0 or self.nominated >= self.needed


@dataclass
class ElectionResults:
    election_id: int
    revision: int
    language: str
    uses_engine: bool
    error: str = ""
    nomination_mvrs: list[dict] = field(default_factory=list)
    nomination_explanations: list[str] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)
    extension_explanations: list[str] = field(default_factory=list)
    rounds: list[RoundView] = field(default_factory=list)
    elected: list[Candidate] = field(default_factory=list)
    open_seats: int = 0
    next: NextBallot | None = None

    @property
    def finished(self) -> bool:
        return self.open_seats == 0 and not self.error

    @property
    def started(self) -> bool:
        return bool(self.rounds)


def _render(explanations, translate) -> list[str]:
    return [e.render(translate) for e in explanations]


def _mvr_list(values: dict[str, int], translate, *, only_active: bool = True) -> list[dict]:
    return [
        {"code": c, "label": translate(category_label(c)), "value": values[c]}
        for c in CATEGORIES
        if values[c] > 0 or not only_active
    ]


def results_for(election: Election, lang: str | None = None) -> ElectionResults:
    """The election's results in `lang` (the active language when None), from the cache."""
    lang = (lang or translation.get_language() or "en").split("-")[0]
    key = (election.pk, election.revision, lang)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    with translation.override(lang):
        computed = compute(election, lang)
    with _lock:
        _cache[key] = computed
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return computed


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _load(election: Election):
    candidates = list(
        election.candidates.select_related("nationality", "nominating_state").order_by(
            "position", "name"
        )
    )
    judges = list(election.remaining_judges.select_related("nationality").order_by("name"))
    rounds = list(
        election.rounds.prefetch_related("votes", "withdrawals", "declared_elected").order_by(
            "number"
        )
    )
    return candidates, judges, rounds


def engine_person(person, lang: str) -> Person:
    return Person(
        name=person.name,
        list_=person.judge_list,
        region=ENGINE_REGION.get(person.regional_group, person.regional_group),
        gender=person.gender,
        nationality=person.nationality_name(lang),
    )


def engine_election(election: Election, candidates, judges, lang: str) -> EngineElection:
    return EngineElection(
        seats=election.seats,
        states_parties_by_group={
            ENGINE_REGION[code]: n for code, n in election.parties_by_group().items()
        },
        remaining_judges=tuple(engine_person(j, lang) for j in judges),
        candidates=tuple(
            engine_person(c, lang) for c in candidates if not c.withdrawn_before_voting
        ),
    )


def tally_of(round_, by_id: dict[int, Candidate]) -> BallotTally:
    return BallotTally(
        ballot_papers=round_.ballot_papers,
        invalid=round_.invalid,
        abstentions=round_.abstentions,
        votes={by_id[v.candidate_id].name: v.votes for v in round_.votes.all()},
    )


def compute(election: Election, lang: str, *, extra_round=None) -> ElectionResults:
    """Run the rules over the election's facts; `extra_round` (unsaved, with `tally` and
    `withdrawn` attributes) is appended to check a ballot before it is stored."""
    candidates, judges, rounds = _load(election)
    if election.uses_engine:
        return _compute_judges(election, lang, candidates, judges, rounds, extra_round)
    return _compute_other(election, lang, candidates, rounds, extra_round)


def _compute_judges(election, lang, candidates, judges, rounds, extra_round) -> ElectionResults:
    translate = _
    out = ElectionResults(election.pk, election.revision, lang, uses_engine=True)
    by_name = {c.name: c for c in candidates}
    by_id = {c.pk: c for c in candidates}
    try:
        options = Options.from_mapping(election.engine_options or {})
        engine = engine_election(election, candidates, judges, lang)
        runner = ElectionRunner(engine, options)
    except ElectionInputError as exc:
        out.error = exc.render(translate)
        return out
    out.open_seats = runner.open_seats
    nomination = runner.nomination
    out.nomination_mvrs = _mvr_list(nomination.mvrs.as_dict(), translate, only_active=False)
    out.nomination_explanations = _render(nomination.explanations, translate)
    counts = dict.fromkeys(CATEGORIES, 0)
    for person in engine.candidates:
        for c in person.categories:
            counts[c] += 1
    out.checklist = [
        ChecklistItem(c, translate(category_label(c)), nomination.mvrs[c], counts[c])
        for c in (*REGIONS, *GENDERS)
    ]
    decision = nomination_extension(
        engine,
        options,
        extensions_granted=election.extensions_granted,
        period_end=election.nomination_end,
    )
    out.extension_explanations = _render(decision.explanations, translate)

    inputs = [
        (r.number, tally_of(r, by_id), [w.name for w in r.withdrawals.all()], r.note)
        for r in rounds
    ]
    if extra_round is not None:
        inputs.append(
            (len(rounds) + 1, extra_round.tally, list(extra_round.withdrawn), extra_round.note)
        )
    for number, tally, withdrawn, note in inputs:
        try:
            rules = runner.open_ballot(withdrawn)
            result = runner.close_ballot(tally)
        except ElectionInputError as exc:
            out.error = exc.render(translate)
            break
        elected = [by_name[n] for n in result.elected]
        rows = [
            Row(
                by_name[p.name],
                result.votes.get(p.name, 0),
                elected=p.name in result.elected,
                removed=p.name in result.removed,
            )
            for p in rules.on_ballot
        ]
        rows.sort(key=lambda r: (-r.votes, r.candidate.position, r.candidate.name))
        out.rounds.append(
            RoundView(
                number=number,
                ballot_papers=result.count.ballot_papers,
                invalid=result.count.invalid,
                valid=result.count.valid,
                abstentions=result.count.abstentions,
                voting=result.count.voting,
                required=result.count.required,
                max_marks=result.max_marks,
                open_seats=rules.open_seats,
                mvrs=_mvr_list(result.active_mvrs, translate),
                rows=rows,
                elected=elected,
                withdrawn=[by_name[n] for n in withdrawn if n in by_name],
                explanations=_render(result.explanations, translate),
                note=note,
            )
        )
    out.elected = [by_name[p.name] for p in runner.elected]
    out.open_seats = runner.open_seats
    if not out.error and not runner.finished:
        try:
            rules = runner.open_ballot()
        except ElectionInputError as exc:  # pragma: no cover - the engine validated all above
            out.error = exc.render(translate)
        else:
            out.next = NextBallot(
                number=rules.round,
                open_seats=rules.open_seats,
                max_marks=rules.max_marks,
                mvrs=_mvr_list(rules.mvrs.as_dict(), translate),
                on_ballot=[by_name[p.name] for p in rules.on_ballot],
                explanations=_render(rules.explanations, translate),
            )
    return out


def absolute_majority(states_parties: int) -> int:
    """More than half of the States Parties (art. 42(4)): 63 of 125, 62 of 123."""
    return states_parties // 2 + 1


def _compute_other(election, lang, candidates, rounds, extra_round) -> ElectionResults:
    out = ElectionResults(election.pk, election.revision, lang, uses_engine=False)
    by_id = {c.pk: c for c in candidates}
    by_name = {c.name: c for c in candidates}
    elected: list[Candidate] = []
    off: set[str] = {c.name for c in candidates if c.withdrawn_before_voting}
    majority = election.kind in ABSOLUTE_MAJORITY_KINDS
    inputs = [
        (
            r.number,
            tally_of(r, by_id),
            [w.name for w in r.withdrawals.all()],
            r.note,
            [c.name for c in r.declared_elected.all()],
        )
        for r in rounds
    ]
    if extra_round is not None:
        inputs.append(
            (
                len(rounds) + 1,
                extra_round.tally,
                list(extra_round.withdrawn),
                extra_round.note,
                list(getattr(extra_round, "declared", [])),
            )
        )
    for number, tally, withdrawn, note, declared in inputs:
        open_seats = election.seats - len(elected)
        if open_seats <= 0:
            out.error = _("Ballot %(number)s is given, but every seat was already filled.") % {
                "number": number
            }
            break
        off.update(withdrawn)
        try:
            count = count_ballots(tally.ballot_papers, tally.invalid, tally.abstentions)
        except ElectionInputError as exc:
            out.error = exc.render(_)
            break
        explanations = [e.render(_) for e in count.explanations[:2]]
        required = None
        if majority:
            required = absolute_majority(election.states_parties)
            explanations.append(
                _(
                    "%(required)s votes required: an absolute majority of the %(parties)s States "
                    "Parties (Rome Statute, article 42(4))"
                )
                % {"required": required, "parties": election.states_parties}
            )
            ranked = sorted(tally.votes.items(), key=lambda kv: -kv[1])
            winners = [n for n, v in ranked if v >= required and v > 0][:open_seats]
        else:
            winners = [n for n in declared if n in by_name]
            for name in winners:
                explanations.append(_("%(name)s declared elected by the Assembly") % {"name": name})
        on_ballot = [c for c in candidates if c.name not in off and c not in elected]
        rows = [Row(c, tally.votes.get(c.name, 0), elected=c.name in winners) for c in on_ballot]
        rows.sort(key=lambda r: (-r.votes, r.candidate.position, r.candidate.name))
        new = [by_name[n] for n in winners]
        elected.extend(new)
        out.rounds.append(
            RoundView(
                number=number,
                ballot_papers=count.ballot_papers,
                invalid=count.invalid,
                valid=count.valid,
                abstentions=count.abstentions,
                voting=count.voting,
                required=required,
                max_marks=None,
                open_seats=open_seats,
                mvrs=[],
                rows=rows,
                elected=new,
                withdrawn=[by_name[n] for n in withdrawn if n in by_name],
                explanations=explanations,
                note=note,
            )
        )
    out.elected = elected
    out.open_seats = election.seats - len(elected)
    return out
