from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from commonbonds.core.errors import DomainError

from . import actions, admin_views
from .forms import LibraryDocumentForm
from .models import Author, LibraryDocument, Theme


class DocumentCreateView(CreateView):
    def save_instance(self):
        instance = super().save_instance()
        actions.document_saved(acting_user=self.request.user, document=instance, created=True)
        return instance


class DocumentEditView(EditView):
    def save_instance(self):
        was_live = LibraryDocument.objects.filter(pk=self.object.pk, live=True).exists()
        instance = super().save_instance()
        actions.document_saved(
            acting_user=self.request.user, document=instance, created=False, was_live=was_live
        )
        return instance


class DocumentDeleteView(DeleteView):
    def delete_action(self):
        with transaction.atomic():
            actions.document_deleted(acting_user=self.request.user, document=self.object)
            super().delete_action()


class LibraryDocumentViewSet(SnippetViewSet):
    model = LibraryDocument
    icon = "doc-full"
    menu_label = _("Document library")
    add_view_class = DocumentCreateView
    edit_view_class = DocumentEditView
    delete_view_class = DocumentDeleteView
    list_display = ["title", "kind", "language", "date", "live"]
    list_filter = ["kind", "language", "live"]
    search_fields = ["title", "author_organisation", "summary"]
    ordering = ["-date"]
    edit_handler = ObjectList(LibraryDocument.panels, base_form_class=LibraryDocumentForm)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name_en", "slug"]
    search_fields = ["name_en", "name_fr", "name_es", "name_ar"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "role"]
    search_fields = ["name", "role"]


class NewsroomGroup(SnippetViewSetGroup):
    items = (LibraryDocumentViewSet, ThemeViewSet, AuthorViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Newsroom")
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_newsroom_viewsets():
    return NewsroomGroup()


# ---------------------------------------------------------------- the user guide


@hooks.register("register_admin_urls")
def register_user_guide_urls():
    return [
        path("user-guide/", admin_views.user_guide, name="newsroom_user_guide"),
        path("user-guide/<slug:slug>/", admin_views.user_guide, name="newsroom_user_guide_page"),
    ]


@hooks.register("register_admin_menu_item")
def register_user_guide_menu_item():
    return MenuItem(_("User guide"), reverse("newsroom_user_guide"), icon_name="help", order=9900)


# ---------------------------------------------------------------- moving pages


@hooks.register("before_move_page")
def refuse_moves_the_page_types_do_not_allow(request, page, destination):
    """Wagtail answers such a move with a bare "permission denied"; say why instead.

    The check covers the translations Wagtail would move along with the page, so that either
    everything moves or nothing does.
    """
    try:
        actions.check_move(page, destination)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
