"""Fixtures of the newsroom tests: the site with its sections, pages, PDFs and treaty data."""

from __future__ import annotations

import datetime
import importlib
import io

import pytest
from django.apps import apps as django_apps

from tests.treaties.fixtures import _fresh_treaty_snapshot  # noqa: F401


def minimal_pdf(text: str = "Hello") -> bytes:
    """A one-page PDF with `text`, written by hand (independent of the code under test)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 6\n0000000000 65535 f \n")
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _migration(name: str):
    module = django_apps.get_app_config("newsroom").module.__name__
    return importlib.import_module(f"{module}.migrations.{name}")


@pytest.fixture
def roles_and_workflow(public_site):
    """What migration 0004 grants (again, after a flushing test removed it)."""
    _migration("0004_workflow_and_permissions").forwards(django_apps, None)
    return public_site


@pytest.fixture
def site(roles_and_workflow):
    """The English home page with its news and topic sections."""
    from wagtail.models import Locale

    from commonbonds.newsroom import actions

    actions.ensure_sections(locale=Locale.objects.get(language_code="en"))
    roles_and_workflow.refresh_from_db()
    return roles_and_workflow


@pytest.fixture
def full_site(translated_site, roles_and_workflow):
    """Every language's home page, each with its sections (bootstrap creates them)."""
    return translated_site


@pytest.fixture
def news_index(site):
    from commonbonds.newsroom.models import NewsIndexPage

    return NewsIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def make_news(news_index):
    from wagtail.rich_text import RichText

    from commonbonds.newsroom.models import NewsItemPage

    counter = {"n": 0}

    def make(title="A news item", *, parent=None, publish=True, **fields):
        counter["n"] += 1
        fields.setdefault("summary", "A summary of the item.")
        fields.setdefault("date", datetime.date(2026, 11, 1))
        fields.setdefault("slug", f"item-{counter['n']}")
        body = fields.pop("body_text", None)
        item = NewsItemPage(title=title, live=publish, **fields)
        if body:
            item.body = [("rich_text", RichText(f"<p>{body}</p>"))]
        (parent or news_index).add_child(instance=item)
        if publish:
            item.save_revision().publish()
            item.refresh_from_db()
        return item

    return make


@pytest.fixture
def make_page(site):
    from wagtail.rich_text import RichText

    from commonbonds.newsroom.models import InformativePage

    counter = {"n": 0}

    def make(title="A page", *, parent=None, publish=True, body_text="", **fields):
        counter["n"] += 1
        fields.setdefault("slug", f"page-{counter['n']}")
        page = InformativePage(title=title, live=publish, **fields)
        if body_text:
            page.body = [("rich_text", RichText(f"<p>{body_text}</p>"))]
        (parent or site).add_child(instance=page)
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    return make


@pytest.fixture
def treaty_data(db):
    """Three states and the Rome Statute, with events whose outcome the Statute decides:
    Alphaland ratified in 2000 (party since 2002-07-01, art. 126(1)), Betaland only signed,
    Gammaland did nothing."""
    from commonbonds.treaties import snapshot
    from commonbonds.treaties.models import Instrument, State, TreatyEvent

    states = {}
    for iso3, iso2, name in (
        ("AAA", "AA", "Alphaland"),
        ("BBB", "BB", "Betaland"),
        ("CCC", "CC", "Gammaland"),
    ):
        states[iso3] = State.objects.create(
            iso3=iso3,
            iso2=iso2,
            name_en=name,
            name_fr=f"{name} (fr)",
            name_es=f"{name} (es)",
            name_ar=f"{name} (ar)",
            asp_regional_group="african" if iso3 != "CCC" else "asia_pacific",
        )
    rome = Instrument.objects.create(
        slug="rome_statute",
        name="Rome Statute of the International Criminal Court",
        short_name="Rome Statute",
        depositary_ref="XVIII-10",
        adopted_place="Rome",
        adopted_date=datetime.date(1998, 7, 17),
        entry_into_force_rule="rome_statute_art126",
        general_entry_into_force=datetime.date(2002, 7, 1),
        open_to="all_states",
    )
    for event_id, iso3, action, day in (
        ("T1", "AAA", "signature", datetime.date(1998, 7, 18)),
        ("T2", "AAA", "ratification", datetime.date(2000, 1, 10)),
        ("T3", "BBB", "signature", datetime.date(1999, 3, 1)),
    ):
        TreatyEvent.objects.create(
            event_id=event_id,
            state=states[iso3],
            instrument=rome,
            action=action,
            date=day,
            source_url="https://treaties.un.org/",
        )
    snapshot.reset()
    return {"states": states, "rome": rome}
