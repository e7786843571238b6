"""Election of ICC judges by the Assembly of States Parties: a pure-Python engine.

No Django here: the court app, the API and the ``simulate_election`` command build on it.
The rules are those of ``data/court/judicial_elections.md``; ``docs/elections.md`` explains the
engine, its options and the simulator.
"""

from .ballot import (
    BallotRules,
    BallotVerdict,
    Count,
    Outcome,
    classify_ballot,
    count_ballots,
    elect,
    required_majority,
)
from .engine import ElectionRunner, Nomination, RoundResult, SimulationResult, simulate
from .errors import ElectionInputError
from .explain import Explanation
from .model import (
    AFRICAN,
    ASIA_PACIFIC,
    CATEGORIES,
    EASTERN_EUROPEAN,
    FEMALE,
    GENDERS,
    GRULAC,
    LIST_A,
    LIST_B,
    LISTS,
    MALE,
    REGIONS,
    WEOG,
    BallotTally,
    Election,
    Person,
    RoundInput,
    category_label,
)
from .mvr import (
    ExtensionDecision,
    Figure,
    Requirements,
    Shortfall,
    can_meet,
    formula_mvrs,
    nomination_extension,
    nomination_mvrs,
    nomination_shortfalls,
    scarcity_value,
)
from .options import Options

__all__ = [
    "AFRICAN",
    "ASIA_PACIFIC",
    "CATEGORIES",
    "EASTERN_EUROPEAN",
    "FEMALE",
    "GENDERS",
    "GRULAC",
    "LISTS",
    "LIST_A",
    "LIST_B",
    "MALE",
    "REGIONS",
    "WEOG",
    "BallotRules",
    "BallotTally",
    "BallotVerdict",
    "Count",
    "Election",
    "ElectionInputError",
    "ElectionRunner",
    "Explanation",
    "ExtensionDecision",
    "Figure",
    "Nomination",
    "Options",
    "Outcome",
    "Person",
    "Requirements",
    "RoundInput",
    "RoundResult",
    "Shortfall",
    "SimulationResult",
    "can_meet",
    "category_label",
    "classify_ballot",
    "count_ballots",
    "elect",
    "formula_mvrs",
    "nomination_extension",
    "nomination_mvrs",
    "nomination_shortfalls",
    "required_majority",
    "scarcity_value",
    "simulate",
]
