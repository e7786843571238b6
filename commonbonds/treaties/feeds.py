"""Atom feeds of the treaty events: all of them, per state and per instrument, newest first."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import snapshot
from .models import TreatyEvent

ITEMS = 50


def _lang() -> str:
    return (get_language() or "en")[:2]


class EventsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return _("Common Bonds: changes in treaty status")

    def link(self, obj):
        return reverse("treaties:changes")

    def subtitle(self, obj):
        return _("Signatures, ratifications, accessions, withdrawals and declarations.")

    def filters(self, obj) -> dict:
        return {}

    def items(self, obj):
        return (
            TreatyEvent.objects.filter(retracted=False, **self.filters(obj))
            .select_related("state", "instrument")
            .order_by(Coalesce("date", "known_by").desc(nulls_last=True), "-event_id")[:ITEMS]
        )

    def item_title(self, item):
        return _("%(state)s: %(action)s, %(instrument)s") % {
            "state": item.state.name(_lang()),
            "action": item.get_action_display(),
            "instrument": item.instrument.short_name,
        }

    def item_description(self, item):
        day = item.date or item.known_by
        parts = [
            _("Date: %(date)s") % {"date": item.date.isoformat()}
            if item.date
            else _("Date not known; known by %(date)s") % {"date": day.isoformat() if day else "?"}
        ]
        if not item.confirmed:
            parts.append(_("Not yet confirmed by the depositary (provisional)."))
        if item.note:
            parts.append(item.note)
        return " ".join(parts)

    def item_link(self, item):
        return reverse("treaties:state", args=[item.state.iso3]) + f"#event-{item.event_id}"

    def item_guid(self, item):
        return f"tag:commonbonds,treaty-event:{item.event_id}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        day = item.date or item.known_by
        if day is None:
            return item.created_at
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class StateEventsFeed(EventsFeed):
    def get_object(self, request, iso3):
        info = snapshot.current().states.get(iso3)
        if info is None:
            raise Http404
        return info

    def title(self, obj):
        return _("Common Bonds: treaty events of %(state)s") % {"state": obj.name(_lang())}

    def link(self, obj):
        return reverse("treaties:state", args=[obj.iso3])

    def filters(self, obj):
        return {"state__iso3": obj.iso3}


class InstrumentEventsFeed(EventsFeed):
    def get_object(self, request, slug):
        info = snapshot.current().instruments.get(slug)
        if info is None:
            raise Http404
        return info

    def title(self, obj):
        return _("Common Bonds: treaty events of the %(instrument)s") % {
            "instrument": obj.short_name
        }

    def link(self, obj):
        return reverse("treaties:instrument", args=[obj.slug])

    def filters(self, obj):
        return {"instrument__slug": obj.slug}
