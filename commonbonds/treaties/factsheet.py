"""A one-page printable factsheet (PDF) of a state: its standing on every instrument and its
latest treaty events, drawn with ReportLab from the snapshot.

ReportLab's built-in fonts cover Latin scripts only and it does not shape Arabic, so the
Arabic site serves the English factsheet (said on the page that links to it)."""

from __future__ import annotations

import datetime
import io
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import queries, snapshot
from .models import RegionalGroup

LATIN = ("en", "fr", "es")
EVENTS = 12


def _day(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def build(info: snapshot.StateInfo, events: list, as_of: datetime.date, lang: str) -> bytes:
    lang = lang if lang in LATIN else "en"
    snap = snapshot.current()
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    buffer = io.BytesIO()
    with translation.override(lang):
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=15 * mm,
            title=info.name(lang),
            author="Common Bonds",
        )
        story = [Paragraph(escape(info.name(lang)), styles["Title"])]
        group = str(RegionalGroup(info.asp_regional_group).label) if info.asp_regional_group else ""
        story.append(
            Paragraph(
                escape(
                    " · ".join(
                        p
                        for p in (
                            info.iso3,
                            group,
                            _("Statuses shown as they stood on %(date)s.")
                            % {"date": as_of.isoformat()},
                        )
                        if p
                    )
                ),
                small,
            )
        )
        story.append(Spacer(1, 4 * mm))
        rows = [
            [
                _("Instrument"),
                _("Status"),
                _("Signature"),
                _("Deposit"),
                _("Entry into force"),
                _("Withdrawal"),
            ]
        ]
        for slug, instrument in snap.instruments.items():
            found = snap.index.standing(slug, info.iso3, as_of) or queries.not_signed(
                info.iso3, slug
            )
            label = queries.status_label(found.status.value)
            if found.provisional:
                label += " (" + _("provisional") + ")"
            rows.append(
                [
                    Paragraph(escape(instrument.short_name), small),
                    Paragraph(escape(label), small),
                    _day(found.signature),
                    _day(found.deposit),
                    _day(found.entry_into_force),
                    _day(found.withdrawal_effective),
                ]
            )
        table = Table(rows, colWidths=[50 * mm, 38 * mm, 22 * mm, 22 * mm, 24 * mm, 22 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [table, Spacer(1, 5 * mm)]
        story.append(Paragraph(escape(_("Timeline of treaty events")), styles["Heading3"]))
        for event in events[:EVENTS]:
            when = (
                event.date.isoformat()
                if event.date
                else _("date not known (by %(date)s)") % {"date": _day(event.known_by)}
            )
            text = f"{when}: {event.get_action_display()}, {event.instrument.short_name}"
            if not event.confirmed:
                text += " (" + _("provisional") + ")"
            story.append(Paragraph(escape(text), small))
        story.append(Spacer(1, 5 * mm))
        date = snap.data_date.isoformat() if snap.data_date else ""
        story.append(
            Paragraph(
                escape(_("Data as of %(date)s.") % {"date": date} + " Common Bonds · CC BY 4.0"),
                small,
            )
        )
        doc.build(story)
    return buffer.getvalue()
