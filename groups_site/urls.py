from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.feeds import LatestArticlesFeed
from groups_site import views
from groups_site.pagecache import shared_page
from groups_site.sitemaps import SITEMAPS

# The database being unreachable gives a 503 "back soon" page, not a 500.
handler500 = "groups_site.outages.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("exit/", views.exit_page, name="exit_page"),
    path(
        "safety/",
        shared_page("pages/safety.html"),
        name="safety",
    ),
    path(
        "guidelines/",
        shared_page("pages/guidelines.html"),
        name="guidelines",
    ),
    path(
        "privacy/",
        shared_page(
            "pages/privacy.html",
            # Production's cookies carry the __Host- prefix (settings.py).
            extra_context={
                "session_cookie_name": settings.SESSION_COOKIE_NAME,
                "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
            },
        ),
        name="privacy",
    ),
    path("about/", shared_page("pages/about.html"), name="about"),
    path("styleguide/", views.styleguide, name="styleguide"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("search/", views.site_search, name="site_search"),
    path("feeds/articles.xml", LatestArticlesFeed(), name="article_feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("moderation/", include("groups_site.moderation.urls")),
    path("", include("accounts.urls")),
    path("", include("groups.urls")),
    path("", include("articles.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

if settings.BENCHMARK_VIEWS:
    urlpatterns += [path("bench/bare/", views.bench_bare)]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
