"""Public URLs of the newsroom (inside i18n_patterns: /fr/search/, /ar/library/…)."""

from django.urls import path

from . import feeds, views

app_name = "newsroom"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("news/", views.news, name="news"),
    path("library/", views.library, name="library"),
    path("library/<int:pk>/", views.DocumentView.as_view(), name="document"),
    path("library/<int:pk>/file/", views.DocumentFileView.as_view(), name="document_file"),
    path("feeds/<slug:kind>/<str:fmt>/", feeds.feed, name="feed_kind"),
    path("feeds/theme/<slug:theme>/<str:fmt>/", feeds.feed, name="feed_theme"),
    path("feeds/state/<str:state>/<str:fmt>/", feeds.feed, name="feed_state"),
    path("feeds/instrument/<slug:instrument>/<str:fmt>/", feeds.feed, name="feed_instrument"),
]
