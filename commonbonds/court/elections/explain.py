"""Structured explanations: every figure the engine computes says how it was reached.

An explanation is a stable code, an English template with ``{name}`` placeholders and the
parameters to fill them. The engine renders English; an interface that speaks another language
looks the template up in its catalogue and renders it the same way. Templates are wrapped in
:func:`gettext_noop` so that Django's ``makemessages`` collects them without this package
importing Django.

A parameter is shown to people in one of three ways (:func:`format_message`):

* words the engine chose (``"withdrawn"``, ``"a list"``...) are themselves marked with
  :func:`gettext_noop`, which makes them a :class:`Message`; they are translated with the
  sentence they fill;
* a code with a label (a category such as ``"African States"``, the rounding ``"ceil"``) stays
  the code in ``params`` and is shown as its translated label;
* anything else (names, nationalities, numbers, JSON paths) is shown as given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any

Translate = Callable[[str], str]


class Message(str):
    """English words marked for translation: what :func:`gettext_noop` returns.

    It is an ordinary ``str`` (stored, compared and written to JSON as its English text), but
    when it fills a placeholder of another message the renderer translates it too, so that no
    English word is left in a translated sentence.
    """

    __slots__ = ()


def gettext_noop(message: str) -> Message:
    """Mark ``message`` for translation catalogues; return it unchanged, as a :class:`Message`."""
    return Message(message)


def identity(message: str) -> str:
    return message


@cache
def _labels() -> Mapping[str, Mapping[str, str]]:
    """Parameters whose value is a code shown as a label, and the labels of each code."""
    # Local imports: model and options import this module.
    from .model import CATEGORY_LABELS
    from .options import ROUNDING_LABELS

    return MappingProxyType({"category": CATEGORY_LABELS, "rounding": ROUNDING_LABELS})


def render_param(key: str, value: Any, translate: Translate = identity) -> Any:
    """How the value of parameter ``key`` reads in a sentence (see the module docstring)."""
    labels = _labels().get(key)
    if labels is not None and isinstance(value, str) and value in labels:
        return translate(labels[value])
    if isinstance(value, Message):
        return translate(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(render_param(key, item, translate)) for item in value)
    return value


def format_message(
    template: str, params: Mapping[str, Any], translate: Translate = identity
) -> str:
    """Translate ``template`` and fill it with ``params``, each shown by :func:`render_param`."""
    values = {key: render_param(key, value, translate) for key, value in params.items()}
    return translate(template).format(**values)


@dataclass(frozen=True)
class Explanation:
    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Freeze the parameters so an explanation cannot change after it was given.
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def render(self, translate: Translate = identity) -> str:
        return format_message(self.template, self.params, translate)

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
