"""The bulk download of the treaty data: one JSON file and one ZIP of CSV files, named by the
data date (docs/data.md). Built from the current snapshot and kept until the data changes."""

from __future__ import annotations

import csv
import io
import json
import threading
import zipfile

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.functions import Coalesce

from .models import TreatyEvent
from .snapshot import Snapshot

DATASET = "treaties"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
FORMATS = {"json": "application/json", "zip": "application/zip"}

EVENT_COLUMNS = (
    "event_id",
    "state_iso3",
    "state_name",
    "instrument",
    "action",
    "date",
    "known_by",
    "confirmed",
    "note",
    "source_url",
    "depositary_notification",
)
STATE_COLUMNS = (
    "iso3",
    "iso2",
    "name_en",
    "name_fr",
    "name_fr_source",
    "name_es",
    "name_es_source",
    "name_ar",
    "name_ar_source",
    "un_member",
    "asp_regional_group",
)
INSTRUMENT_COLUMNS = (
    "slug",
    "name",
    "short_name",
    "title_fr",
    "title_es",
    "title_ar",
    "titles_source",
    "depositary_ref",
    "adopted_place",
    "adopted_date",
    "parent",
    "entry_into_force_rule",
    "general_entry_into_force",
    "open_to",
    "data_complete_to",
    "coverage_note",
)

_lock = threading.Lock()
_built: dict[tuple, bytes] = {}


def version_label(snap: Snapshot) -> str:
    return snap.data_date.isoformat() if snap.data_date else "undated"


def file_name(snap: Snapshot, fmt: str) -> str:
    return f"{DATASET}-{version_label(snap)}.{fmt}"


def url(snap: Snapshot, fmt: str) -> str:
    return f"{settings.SITE_URL}/api/v1/downloads/{file_name(snap, fmt)}"


def cite_as(snap: Snapshot) -> str:
    return (
        f"Common Bonds, treaty data of the Rome Statute system (states, instruments and "
        f"treaty events), version {version_label(snap)}, {url(snap, 'json')}. "
        f"Licence: {LICENCE} ({LICENCE_URL})."
    )


def metadata(snap: Snapshot) -> dict:
    return {
        "dataset": DATASET,
        "data_date": snap.data_date,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "cite_as": cite_as(snap),
        "sources": "Each event cites its own source (source_url); see the coverage_note of "
        "each instrument for what the data is known to miss.",
    }


def _events(snap: Snapshot) -> list[dict]:
    rows = (
        TreatyEvent.objects.filter(retracted=False)
        .select_related("state", "instrument")
        .order_by(
            "instrument__position", "state__name_en", Coalesce("date", "known_by"), "event_id"
        )
    )
    return [
        {
            "event_id": e.event_id,
            "state_iso3": e.state.iso3,
            "state_name": e.state.name_en,
            "instrument": e.instrument.slug,
            "action": e.action,
            "date": e.date,
            "known_by": e.known_by,
            "confirmed": e.confirmed,
            "note": e.note,
            "source_url": e.source_url,
            "depositary_notification": e.depositary_notification or None,
        }
        for e in rows
    ]


def _states(snap: Snapshot) -> list[dict]:
    return [
        {
            "iso3": s.iso3,
            "iso2": s.iso2,
            "name_en": s.names["en"],
            "name_fr": s.names["fr"],
            "name_fr_source": s.name_sources["fr"],
            "name_es": s.names["es"],
            "name_es_source": s.name_sources["es"],
            "name_ar": s.names["ar"],
            "name_ar_source": s.name_sources["ar"],
            "un_member": s.un_member,
            "asp_regional_group": s.asp_regional_group or None,
        }
        for s in snap.states.values()
    ]


def _instruments(snap: Snapshot) -> list[dict]:
    return [
        {
            "slug": i.slug,
            "name": i.name,
            "short_name": i.short_name,
            "title_fr": i.titles["fr"] or None,
            "title_es": i.titles["es"] or None,
            "title_ar": i.titles["ar"] or None,
            "titles_source": i.titles_source or None,
            "depositary_ref": i.depositary_ref,
            "adopted_place": i.adopted_place,
            "adopted_date": i.adopted_date,
            "parent": i.parent,
            "entry_into_force_rule": i.entry_into_force_rule,
            "general_entry_into_force": i.general_entry_into_force,
            "open_to": i.open_to,
            "data_complete_to": i.data_complete_to,
            "coverage_note": i.coverage_note,
        }
        for i in snap.instruments.values()
    ]


def _as_json(snap: Snapshot) -> bytes:
    document = {
        **metadata(snap),
        "states": _states(snap),
        "instruments": _instruments(snap),
        "events": _events(snap),
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


def _csv(columns: tuple[str, ...], rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: ("true" if v is True else "false" if v is False else "" if v is None else v)
                for k, v in row.items()
            }
        )
    return out.getvalue().encode()


def _as_zip(snap: Snapshot) -> bytes:
    meta = metadata(snap)
    readme = "\n".join(
        [
            "Common Bonds: treaty data of the Rome Statute system",
            f"Data date: {version_label(snap)}",
            f"Licence: {LICENCE} ({LICENCE_URL})",
            f"Cite as: {meta['cite_as']}",
            "",
            "events.csv       one row per treaty event (the facts); statuses are derived from",
            "                 them by the rules in docs/treaty-rules.md and are not stored",
            "states.csv       states with their names in English, French, Spanish and Arabic and",
            "                 where each name comes from (un: UN terminology, cldr: CLDR)",
            "instruments.csv  the treaty instruments, with what the data is known to miss",
            "                 (coverage_note): show it wherever you show counts",
            "",
        ]
    )
    buffer = io.BytesIO()
    stamp = (2000, 1, 1, 0, 0, 0)  # fixed, so the same data gives the same bytes
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in (
            ("README.txt", readme.encode()),
            ("events.csv", _csv(EVENT_COLUMNS, _events(snap))),
            ("states.csv", _csv(STATE_COLUMNS, _states(snap))),
            ("instruments.csv", _csv(INSTRUMENT_COLUMNS, _instruments(snap))),
        ):
            archive.writestr(
                zipfile.ZipInfo(f"{DATASET}-{version_label(snap)}/{name}", stamp), content
            )
    return buffer.getvalue()


def build(snap: Snapshot, fmt: str) -> bytes:
    """The file's bytes, built once per data version and format."""
    key = (snap.version, snap.fingerprint, fmt)
    with _lock:
        if key in _built:
            return _built[key]
    content = _as_json(snap) if fmt == "json" else _as_zip(snap)
    with _lock:
        for old in [k for k in _built if k[:2] != key[:2]]:
            del _built[old]
        _built[key] = content
    return content
