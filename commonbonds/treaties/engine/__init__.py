"""Treaty status engine: pure Python, no Django.

Facts are events; statuses are derived (DESIGN section 4, docs/treaty-rules.md). Build an
`EventIndex` once for fast lookups on any date, or call `standing`/`standings` directly.
"""

from .checks import MESSAGES, check_events
from .dates import (
    APIC_GENERAL_ENTRY_INTO_FORCE,
    ROME_GENERAL_ENTRY_INTO_FORCE,
    ROME_THRESHOLD_DATE,
    add_years,
    entry_into_force,
    withdrawal_effective,
)
from .domain import (
    CONSENT_ACTIONS,
    INERT_ACTIONS,
    Action,
    Counts,
    Event,
    Instrument,
    Rule,
    RuleViolation,
    Standing,
    Status,
)
from .index import EventIndex
from .status import count, standing, standings

__all__ = [
    "APIC_GENERAL_ENTRY_INTO_FORCE",
    "CONSENT_ACTIONS",
    "INERT_ACTIONS",
    "MESSAGES",
    "ROME_GENERAL_ENTRY_INTO_FORCE",
    "ROME_THRESHOLD_DATE",
    "Action",
    "Counts",
    "Event",
    "EventIndex",
    "Instrument",
    "Rule",
    "RuleViolation",
    "Standing",
    "Status",
    "add_years",
    "check_events",
    "count",
    "entry_into_force",
    "standing",
    "standings",
    "withdrawal_effective",
]
