"""The audit log: action functions call `log()`; the admin shows `describe()`.

Codes are namespaced (`core.invitation.sent`, `treaties.event.recorded`) and registered with a
translatable sentence, so the log reads in the reader's language. Fields listed as sensitive
are never stored: their change is recorded as "[redacted]".
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from .models import AuditEntry

REDACTED = "[redacted]"
_CODES: dict[str, Promise | str] = {}


def register(code: str, sentence: Promise | str) -> None:
    """Register an action code with a sentence; `{object}` and keys of `data` are filled in."""
    if code in _CODES and _CODES[code] != sentence:
        raise ValueError(f"Audit code {code!r} registered twice with different sentences.")
    _CODES[code] = sentence


def registered_codes() -> dict[str, Promise | str]:
    return dict(_CODES)


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def diff(
    before: Mapping[str, Any], after: Mapping[str, Any], *, sensitive: Iterable[str] = ()
) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that changed, sensitive ones redacted."""
    sensitive = set(sensitive)
    changes: dict[str, list[Any]] = {}
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if key in sensitive:
            changes[key] = [REDACTED, REDACTED]
        else:
            changes[key] = [_jsonable(old), _jsonable(new)]
    return changes


def log(
    code: str,
    *,
    actor=None,
    obj: models.Model | None = None,
    changes: Mapping[str, list[Any]] | None = None,
    data: Mapping[str, Any] | None = None,
    sensitive: Iterable[str] = (),
) -> AuditEntry:
    """Write one entry. Call it inside the action's transaction, so both land or neither."""
    if code not in _CODES:
        raise ValueError(f"Unregistered audit code {code!r}: register it in audit_codes.py.")
    sensitive = set(sensitive)
    clean_data = {
        k: (REDACTED if k in sensitive else _jsonable(v)) for k, v in (data or {}).items()
    }
    clean_changes = {
        k: ([REDACTED, REDACTED] if k in sensitive else _jsonable(v))
        for k, v in (changes or {}).items()
    }
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = actor.email
    else:
        actor, label = None, "system"
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=label,
        action=code,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        changes=clean_changes,
        data=clean_data,
    )


def describe(entry: AuditEntry) -> str:
    sentence = _CODES.get(entry.action)
    if sentence is None:
        return entry.action
    params = {k: v for k, v in entry.data.items() if isinstance(v, str | int | float)}
    params["object"] = entry.object_repr
    try:
        return _(str(sentence)).format(**params)
    except (KeyError, IndexError):
        return str(sentence)
