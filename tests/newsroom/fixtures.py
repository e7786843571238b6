"""Helpers the shared permission table uses for the newsroom's rows."""

import datetime
import importlib

from django.apps import apps


def grant_newsroom_permissions() -> None:
    """What migration 0004 grants (a flushing test elsewhere may have removed it)."""
    module = apps.get_app_config("newsroom").module.__name__
    importlib.import_module(f"{module}.migrations.0004_workflow_and_permissions").forwards(
        apps, None
    )


def draft_document():
    """An unpublished library document with a file."""
    from django.core.files.base import ContentFile

    from commonbonds.newsroom.models import LibraryDocument

    from .conftest import minimal_pdf

    grant_newsroom_permissions()
    document = LibraryDocument(
        title="Draft submission",
        kind="submission",
        author_organisation="Coalition",
        date=datetime.date(2026, 11, 1),
        language="en",
    )
    document.file.save("draft.pdf", ContentFile(minimal_pdf("draft")), save=False)
    document.save()
    return document
