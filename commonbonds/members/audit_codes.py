from django.utils.translation import gettext_lazy as _

from commonbonds.core.audit import register

register("members.application.submitted", _("Applied for membership: {object}"))
register("members.application.approved", _("Approved the membership application of {object}"))
register(
    "members.application.rejected", _("Did not approve the membership application of {object}")
)
register("members.organisation.created", _("Created the organisation {object}"))
register("members.organisation.changed", _("Changed the organisation {object}"))
register(
    "members.organisation.status_changed",
    _("Changed the membership status of {object} to {status}"),
)
register("members.organisation.listing_changed", _("Changed whether {object} is listed publicly"))
register("members.organisations.imported", _("Imported {count} organisations from {filename}"))
register("members.person.added", _("Added {object} to an organisation"))
register("members.person.changed", _("Changed the details of {object}"))
register("members.role.removed", _("Removed a role of {object}"))
register("members.person.invited", _("Invited {object} to the portal"))
register("members.person.account_linked", _("Linked {object} to their portal account"))
register("members.focal_point.handed_over", _("Handed over the focal point roles of {object}"))
register("members.region.saved", _("Saved the region {object}"))
register("members.regional_office.saved", _("Saved the regional office {object}"))
register("members.issue_team.saved", _("Saved the issue team {object}"))
register("members.commitments.published", _("Published {object}"))
register(
    "members.review.reminded", _("Sent the quarterly reminder to review {pending} applications")
)
register("members.demo.created", _("Created {count} demo organisations"))
register("members.demo.removed", _("Removed {count} demo organisations"))
register("members.demo.accounts_linked", _("Linked the demo accounts to demo organisations"))
