"""Domain errors: a message that is safe to show to anyone, and a stable code.

Every interface turns them into its own kind of answer: a form error in HTML views, a JSON
body with the code in the API, a red screen in the check-in scanner, exit status 2 in a
command. Never put personal data in the message.
"""

from django.utils.functional import Promise


class DomainError(Exception):
    code: str = "error"
    status: int = 400

    def __init__(self, message: str | Promise, *, code: str | None = None, **params: object):
        self.message = message
        if code:
            self.code = code
        self.params = params
        super().__init__(str(message))

    def __str__(self) -> str:
        return str(self.message)


class PermissionDeniedError(DomainError):
    code = "permission_denied"
    status = 403


class NotFoundError(DomainError):
    code = "not_found"
    status = 404


class ConflictError(DomainError):
    code = "conflict"
    status = 409
