from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from commonbonds.core import views as core_views
from commonbonds.newsroom import views as newsroom_views

# Not translated: machine endpoints, the staff admin and files.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("private/<uuid:pk>/", core_views.private_file, name="private_file"),
    path("api/", include("commonbonds.api.urls")),
    path("robots.txt", newsroom_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", newsroom_views.sitemap, name="newsroom_sitemap"),
]

# Public and portal pages: English at /, other languages under /fr/, /es/, /ar/.
urlpatterns += i18n_patterns(
    path("account/", include("commonbonds.core.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("commonbonds.newsroom.urls")),
    path("members/", include("commonbonds.members.urls")),
    path("court/", include("commonbonds.court.urls")),
    path("", include("commonbonds.treaties.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "commonbonds.core.views.page_not_found"
handler500 = "commonbonds.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
