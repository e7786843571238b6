"""Receivers of signals other apps send (connected in MembersConfig.ready)."""

import logging

logger = logging.getLogger(__name__)


def link_accepted_invitation(sender, *, invitation, user, **kwargs) -> None:
    """core's `invitation_accepted`: link the new account to the person it was sent to."""
    from .actions import link_portal_account

    try:
        link_portal_account(invitation=invitation, user=user)
    except Exception:
        # The account exists all the same; staff can link it by inviting again.
        logger.exception("could not link the accepted invitation %s", invitation.pk)
