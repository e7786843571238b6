from django.utils.translation import gettext_lazy as _

from commonbonds.core.audit import register

# The import of data/ (the ICC files)
register("court.session.imported", _("Imported the session of the Assembly {object}"))
register("court.session.reimported", _("Updated the session {object} from the data files"))
register("court.situation.imported", _("Imported the situation {object}"))
register("court.situation.reimported", _("Updated the situation {object} from the data files"))
register("court.case.imported", _("Imported the case {object}"))
register("court.case.reimported", _("Updated the case {object} from the data files"))
register("court.budget.imported", _("Imported the budget figure {object}"))
register("court.budget.reimported", _("Updated the budget figure {object} from the data files"))
register(
    "court.import.completed",
    _(
        "Imported the ICC data of {data_as_of}: {created} created, {changed} changed, "
        "{conflicts} conflicts"
    ),
)
register("court.dataset.updated", _("Updated the description of the dataset {object}"))

# Staff corrections and additions
register("court.session.corrected", _("Corrected the session {object}"))
register("court.situation.added", _("Added the situation {object}"))
register("court.situation.corrected", _("Corrected the situation {object}"))
register("court.case.added", _("Added the case {object}"))
register("court.case.corrected", _("Corrected the case {object}"))
register(
    "court.budget.entered",
    _("Entered the budget figures of {year} ({stage}): {created} added, {changed} changed"),
)

# Elections
register("court.election.added", _("Added the election {object}"))
register("court.election.changed", _("Changed the election {object}"))
register("court.candidate.added", _("Added the candidate {object} to {election}"))
register("court.candidate.changed", _("Changed the candidate {object} of {election}"))
register("court.candidate.removed", _("Removed the candidate {object} from {election}"))
register("court.judge.added", _("Added the remaining judge {object} to {election}"))
register("court.judge.changed", _("Changed the remaining judge {object} of {election}"))
register("court.judge.removed", _("Removed the remaining judge {object} from {election}"))
register("court.document.added", _("Added the document {object} of {candidate}"))
register("court.document.changed", _("Changed the document {object} of {candidate}"))
register("court.document.removed", _("Removed the document {object} of {candidate}"))
register("court.round.entered", _("Entered ballot {number} of {election}"))
register("court.round.corrected", _("Corrected ballot {number} of {election}"))
register("court.round.removed", _("Removed ballot {number} of {election}"))

# Questionnaires
register("court.question.added", _("Added a question to the questionnaire of {election}"))
register("court.question.changed", _("Changed a question of the questionnaire of {election}"))
register("court.question.removed", _("Removed a question of the questionnaire of {election}"))
register("court.questionnaire.link_issued", _("Issued the questionnaire link of {object}"))
register(
    "court.questionnaire.saved", _("The candidate {object} saved answers to the questionnaire")
)
register("court.questionnaire.submitted", _("The candidate {object} submitted the questionnaire"))
register("court.questionnaire.approved", _("Approved and published the answers of {object}"))
register("court.questionnaire.reopened", _("Reopened the questionnaire of {object}"))

# Demonstration content
register("court.demo.created", _("Generated the demonstration election {object}"))
register("court.demo.removed", _("Removed {count} demonstration elections"))
