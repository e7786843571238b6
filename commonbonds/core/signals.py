"""Signals the core sends, so that apps can hook into its flows without core knowing them.

`invitation_accepted(sender=Invitation, invitation=, user=)`: sent by
`core.actions.accept_invitation` after its transaction commits (never for a rolled-back
acceptance). A receiver runs its own action (and transaction); if it fails, the account
exists all the same, and the failure is the receiver's to report.
"""

from django.dispatch import Signal

invitation_accepted = Signal()
