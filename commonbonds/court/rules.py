"""Who may do what to the Court's data (django-rules, autodiscovered).

The Court's data belongs to the secretariat as a whole (no organisation or region owns an
election), so the object rules are the model permissions the role groups hold (granted by
`court/migrations/0002_grant_court_permissions.py`), plus what the object's state allows:

- `court.enter_round`: the model permission (the action refuses a ballot the rules do not
  allow, such as one after the last seat, with the engine's explanation);
- `court.approve_questionnaire`: answers a candidate has sent;
- `court.issue_questionnaire_link`: a candidate of an election that has questions.

Asked about the model (no object), the group's model permission answers; asked about one
object, these rules do (core's model backend never answers for objects).
"""

import rules


def _model_permissions(user) -> set[str]:
    from commonbonds.core.backends import ModelBackend

    return ModelBackend().get_all_permissions(user)


def has_model_perm(perm: str):
    @rules.predicate(name=f"court_has_model_perm:{perm}")
    def check(user) -> bool:
        return perm in _model_permissions(user)

    return check


@rules.predicate
def response_awaits_approval(user, response) -> bool:
    from .models import ResponseStatus

    return response is None or response.status != ResponseStatus.DRAFT


@rules.predicate
def election_of_candidate_has_questions(user, candidate) -> bool:
    return candidate is None or candidate.election.questions.exists()


rules.add_perm("court.enter_round", has_model_perm("court.enter_round"))
rules.add_perm(
    "court.approve_questionnaire",
    has_model_perm("court.approve_questionnaire") & response_awaits_approval,
)
rules.add_perm(
    "court.issue_questionnaire_link",
    has_model_perm("court.issue_questionnaire_link") & election_of_candidate_has_questions,
)
