"""Structured explanations: every figure the engine computes says how it was reached.

An explanation is a stable code, an English template with ``{name}`` placeholders and the
parameters to fill them. The engine renders English; an interface that speaks another language
looks the template up in its catalogue and renders it the same way. Templates are wrapped in
:func:`gettext_noop` so that Django's ``makemessages`` collects them without this package
importing Django.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

Translate = Callable[[str], str]


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation catalogues; return it unchanged."""
    return message


def identity(message: str) -> str:
    return message


# Parameters whose value is a category code ("A", "African States", "F", ...) and which are
# shown with the category's label rather than the raw code.
_CATEGORY_PARAMS = frozenset({"category"})


@dataclass(frozen=True)
class Explanation:
    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Freeze the parameters so an explanation cannot change after it was given.
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def render(self, translate: Translate = identity) -> str:
        from .model import category_label  # local import: model imports this module

        values: dict[str, Any] = {}
        for key, value in self.params.items():
            if key in _CATEGORY_PARAMS:
                values[key] = translate(category_label(value))
            elif isinstance(value, list | tuple):
                values[key] = ", ".join(str(item) for item in value)
            else:
                values[key] = value
        return translate(self.template).format(**values)

    @property
    def text(self) -> str:
        return self.render()

    def as_dict(self, translate: Translate = identity) -> dict[str, Any]:
        params = {k: list(v) if isinstance(v, tuple) else v for k, v in self.params.items()}
        return {
            "code": self.code,
            "template": self.template,
            "params": params,
            "text": self.render(translate),
        }


def explain(code: str, template: str, **params: Any) -> Explanation:
    return Explanation(code=code, template=template, params=params)
