"""Translated explanations of the engine's import checks (engine.MESSAGES holds the English).

The engine is plain Python without Django; the codes are stable, so this module gives each a
sentence that staff read in their own language, in the admin and in the import's report.
"""

from django.utils.translation import gettext_lazy as _

from . import engine

VIOLATIONS = {
    "duplicate_event_id": _("another event has the same event_id"),
    "unknown_instrument": _("the instrument is not known"),
    "dated_with_known_by": _("a dated event must not also have known_by"),
    "undated_without_known_by": _("an undated event needs known_by (the date a source knew of it)"),
    "amendment_without_parent": _(
        "the instrument is an amendment but its parent treaty is not known"
    ),
    "duplicate_signature": _("the state had already signed"),
    "signature_after_deposit": _("the state had already deposited its consent"),
    "duplicate_deposit": _(
        "the state had already deposited its consent, and no withdrawal ended it in between"
    ),
    "amendment_before_parent_deposit": _(
        "an amendment can be accepted only by a state that deposited for the parent treaty on "
        "or before the same day"
    ),
    "amendment_not_open": _(
        "the state's membership of the parent treaty had ended, so the amendment was no longer "
        "open to it"
    ),
    "accession_withdrawn_without_accession": _("no instrument of consent was pending to withdraw"),
    "accession_withdrawn_after_entry_into_force": _(
        "the instrument had already entered into force for the state; only a withdrawal "
        "notification can end it"
    ),
    "intent_without_signature": _(
        "a state can declare it will not become a party only after signing"
    ),
    "intent_after_deposit": _("the state had already deposited its consent"),
    "duplicate_intent": _("the state had already declared it does not intend to become a party"),
    "withdrawal_by_state_not_bound": _(
        "the state was not bound by the instrument on that day, so it cannot withdraw"
    ),
    "duplicate_withdrawal_notification": _("a withdrawal notification was already pending"),
    "withdrawal_revoked_without_notification": _("no withdrawal notification was pending"),
    "withdrawal_revoked_after_effect": _(
        "the withdrawal had already taken effect; a revocation must come before that day"
    ),
    "declaration_by_party": _(
        "an article 12(3) declaration is made by a state that is not a party, but the state "
        "was bound on that day"
    ),
}


def describe_violation(event: engine.Event, code: str) -> str:
    """One line for staff: the event, then why the rules do not allow it."""
    day = event.date or event.known_by
    when = day.isoformat() if day is not None else "?"
    reason = VIOLATIONS.get(code) or engine.MESSAGES.get(code, code)
    return f"{event.state}, {event.instrument}, {event.action} ({when}): {reason}"
