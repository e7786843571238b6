"""Reactions to Wagtail's and Django's signals."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache
from .models import Author, HomePage, LibraryDocument, Theme


@receiver(page_published, sender=HomePage)
def give_every_language_its_sections(sender, instance, **kwargs):
    """When a home page is published (e.g. `commonbonds bootstrap` translating it), its
    language gets the news and topic sections, translated from the English ones."""
    from . import actions

    if instance.locale.language_code in {code for code, _name in settings.LANGUAGES}:
        actions.ensure_sections(locale=instance.locale)


def _content_changed(**kwargs):
    transaction.on_commit(cache.new_generation)


page_published.connect(_content_changed, dispatch_uid="newsroom-cache-published")
page_unpublished.connect(_content_changed, dispatch_uid="newsroom-cache-unpublished")
post_page_move.connect(_content_changed, dispatch_uid="newsroom-cache-moved")
post_delete.connect(_content_changed, sender=Page, dispatch_uid="newsroom-cache-deleted")
for _model in (LibraryDocument, Theme, Author):
    post_save.connect(
        _content_changed, sender=_model, dispatch_uid=f"newsroom-cache-{_model.__name__}"
    )
    post_delete.connect(
        _content_changed, sender=_model, dispatch_uid=f"newsroom-cache-del-{_model.__name__}"
    )
