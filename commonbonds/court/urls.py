"""Public pages of the Court, under every language prefix (commonbonds/urls.py)."""

from django.urls import path

from . import views

app_name = "court"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("situations/", views.situation_list, name="situations"),
    path("situations/<slug:slug>/", views.situation_detail, name="situation"),
    path("cases/", views.case_list, name="cases"),
    path("cases/<slug:slug>/", views.case_detail, name="case"),
    path("budget/", views.budget, name="budget"),
    path("states/<str:iso3>/", views.state_situations, name="state"),
    path("elections/", views.election_list, name="elections"),
    path("elections/<slug:slug>/", views.election_detail, name="election"),
    path("elections/<slug:slug>/live/", views.election_live, name="election_live"),
    path(
        "elections/<slug:slug>/questionnaire/",
        views.election_questionnaire,
        name="election_questionnaire",
    ),
    path("questionnaire/<str:token>/", views.questionnaire_answer, name="questionnaire_answer"),
]
