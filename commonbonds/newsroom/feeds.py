"""Atom and RSS feeds of the news: all of it, per kind, per theme, state or instrument.

Each feed is in the language of its address (`/feeds/…` English, `/fr/feeds/…` French) and
never lists demo content (DESIGN §7), whatever the site.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from . import queries
from .metadata import absolute
from .models import NewsKind, Theme

FORMATS = {"atom": Atom1Feed, "rss": Rss201rev2Feed}
ITEMS = 30


def feed(request, fmt: str, **kwargs):
    """The view: a new feed object per request (it keeps the request for absolute links)."""
    if fmt not in FORMATS:
        raise Http404
    news_feed = NewsFeed()
    news_feed.feed_type = FORMATS[fmt]
    news_feed.request = request
    return news_feed(request, **kwargs)


class NewsFeed(Feed):
    """One class for every feed; `get_object` decides what it lists."""

    request = None

    def get_object(
        self, request, kind: str = "all", theme: str = "", state: str = "", instrument: str = ""
    ):
        filters: dict = {}
        if theme:
            found = get_object_or_404(Theme, slug=theme)
            filters["theme"] = found
            label = found.name()
        elif state:
            if not apps.is_installed("commonbonds.treaties"):
                raise Http404
            State = apps.get_model("treaties", "State")
            found = get_object_or_404(State, iso3=state.upper())
            filters["state"] = found
            label = found.name()
        elif instrument:
            if not apps.is_installed("commonbonds.treaties"):
                raise Http404
            Instrument = apps.get_model("treaties", "Instrument")
            found = get_object_or_404(Instrument, slug=instrument)
            filters["instrument"] = found
            label = found.title()
        elif kind == "all":
            label = _("News and statements")
        elif kind in NewsKind.values:
            filters["kind"] = kind
            label = str(NewsKind(kind).label)
        else:
            raise Http404
        return {"filters": filters, "label": label}

    def title(self, obj) -> str:
        return _("%(label)s · Common Bonds") % {"label": obj["label"]}

    def link(self, obj) -> str:
        index = queries.news_index()
        return index.get_url(self.request) if index else "/"

    def description(self, obj) -> str:
        return _("The latest items published by the coalition: %(label)s.") % {
            "label": obj["label"]
        }

    def items(self, obj):
        return queries.latest_news(limit=ITEMS, include_demo=False, **obj["filters"])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return absolute(item.get_url(self.request) or "/", self.request)

    def item_guid(self, item) -> str:
        return f"commonbonds:page:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item) -> datetime.datetime:
        published = item.first_published_at
        if published is not None and timezone.localdate(published) == item.date:
            return published
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item) -> str | None:
        names = [a.name for a in item.authors.all()]
        return ", ".join(names) or None

    def item_categories(self, item) -> list[str]:
        return [str(item.get_kind_display()), *(t.name() for t in item.themes.all())]


def feed_url(kind: str = "all", fmt: str = "atom") -> str:
    return reverse("newsroom:feed_kind", args=[kind, fmt])
