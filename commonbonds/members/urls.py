from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.DirectoryView.as_view(), name="directory"),
    path("<int:pk>/", views.OrganisationView.as_view(), name="organisation"),
    path("apply/", views.ApplyView.as_view(), name="apply"),
    path("apply/thanks/", views.AppliedView.as_view(), name="applied"),
    # The portal of member organisations' focal points.
    path("my-organisation/", views.PortalView.as_view(), name="portal"),
    path(
        "my-organisation/<int:pk>/",
        views.PortalOrganisationView.as_view(),
        name="portal_organisation",
    ),
    path(
        "my-organisation/<int:pk>/profile/",
        views.PortalProfileView.as_view(),
        name="portal_profile",
    ),
    path(
        "my-organisation/<int:pk>/listing/",
        views.PortalConsentView.as_view(),
        name="portal_consent",
    ),
    path(
        "my-organisation/<int:pk>/people/add/",
        views.PortalAddPersonView.as_view(),
        name="portal_add_person",
    ),
    path(
        "my-organisation/<int:pk>/people/<int:person>/",
        views.PortalPersonView.as_view(),
        name="portal_person",
    ),
    path(
        "my-organisation/<int:pk>/handover/",
        views.PortalHandoverView.as_view(),
        name="portal_handover",
    ),
]
