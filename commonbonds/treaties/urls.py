from django.urls import path

from . import feeds, views

app_name = "treaties"

urlpatterns = [
    path("states/", views.states, name="states"),
    path("states/download.<str:fmt>", views.states_download, name="states_download"),
    path("states/<str:iso3>/", views.state, name="state"),
    path("states/<str:iso3>/factsheet.pdf", views.factsheet, name="factsheet"),
    path("states/<str:iso3>/feed/", feeds.StateEventsFeed(), name="state_feed"),
    path("treaties/changes/", views.changes, name="changes"),
    path("treaties/changes/feed/", feeds.EventsFeed(), name="changes_feed"),
    path("treaties/<slug:slug>/", views.instrument, name="instrument"),
    path("treaties/<slug:slug>/feed/", feeds.InstrumentEventsFeed(), name="instrument_feed"),
]
