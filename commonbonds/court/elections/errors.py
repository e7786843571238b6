"""The one exception of the election engine: input that cannot describe a real election."""

from __future__ import annotations

from typing import Any

from .explain import Translate, format_message, identity


class ElectionInputError(ValueError):
    """Bad input, with a stable ``code`` and an English ``message`` template.

    ``message`` may hold ``{name}`` placeholders filled from ``params``, so an interface can
    translate the template (see :mod:`.explain`) and keep the parameters. Parameters are shown
    as in explanations: words marked with ``gettext_noop`` and category codes are translated
    with the message.
    """

    def __init__(self, code: str, message: str, /, **params: Any) -> None:
        self.code = code
        self.template = message
        self.params = params
        super().__init__(self.render())

    def render(self, translate: Translate = identity) -> str:
        return format_message(self.template, self.params, translate)

    @property
    def message(self) -> str:
        return self.render()

    def __str__(self) -> str:
        return self.render()
