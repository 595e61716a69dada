from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import logout
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import F, Q, QuerySet
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from accounts.forms import DeleteAccountForm, PrivacySettingsForm
from articles import caching as articles_caching
from articles.models import Article
from groups import caching as groups_caching
from groups.models import Group, Topic
from groups.search import SEARCH_CONFIG, GroupSearch
from groups_site import pagecache
from groups_site.lib.cache import cache_status

FEATURED_GROUP_COUNT = 3
SEARCH_MAX_LENGTH = 200
SEARCH_RESULTS_PER_SECTION = 10


@require_safe
@pagecache.shared_when_signed_out(tags=[groups_caching.LISTING])
def home(request):
    # What the page shows of groups is the same for everyone, signed in or not.
    groups_html = pagecache.shared_fragment(
        "home:groups", [groups_caching.LISTING], home_groups_html
    )
    return render(request, "home.html", {"groups_html": mark_safe(groups_html)})


def home_groups_html() -> str:
    """The home page's topics and featured groups (includes/home_groups.html).
    Featured groups meet online: anyone, anywhere can join them, and the home page
    does not know (or ask) where she is."""
    featured_groups = list(
        Group.objects.listed()
        .filter(status=Group.Status.ACTIVE, format=Group.Format.ONLINE)
        .prefetch_related("topics", "schedules")
        .with_next_meeting()
        .order_by("-created_at", "pk")[:FEATURED_GROUP_COUNT]
    )
    # Its cards name their next meeting: due again when the first one starts.
    pagecache.valid_until(groups_caching.cards_change_at(featured_groups))
    context = {"topics": Topic.objects.all(), "featured_groups": featured_groups}
    return str(render_to_string("includes/home_groups.html", context))


@require_safe
@pagecache.shared_when_signed_out(
    tags=[groups_caching.LISTING, articles_caching.LISTING], params=["q"]
)
def site_search(request):
    """Articles and groups together, each ranked by PostgreSQL full-text search.
    The same words on /groups/?q= find the same groups (and "See all" goes there)."""
    text = request.GET.get("q", "")[:SEARCH_MAX_LENGTH].replace("\x00", "").strip()
    context = {"q": text, "per_section": SEARCH_RESULTS_PER_SECTION}
    if text:
        group_search = GroupSearch(text=text)
        groups = group_search.results()
        articles = matching_articles(text, plain=group_search.uses_text_fallback)
        context |= {
            "articles": articles[:SEARCH_RESULTS_PER_SECTION],
            "article_count": articles.count(),
            "groups": list(groups[:SEARCH_RESULTS_PER_SECTION]),
            "group_count": groups.count(),
        }
        pagecache.valid_until(groups_caching.cards_change_at(context["groups"]))
    if not text or not (context["article_count"] or context["group_count"]):
        context |= {"show_suggestions": True, "topics": Topic.objects.all()}
    return render(request, "search.html", context)


def matching_articles(text: str, *, plain: bool = False) -> QuerySet:
    """Published articles matching ``text``, best first: the stored search vector
    weighs the title above the summary, and the summary above the body. ``plain``
    when the words are all stop words ("the", "and"), which full-text search drops:
    then the title and summary are searched for the text itself."""
    articles = Article.objects.published().with_card_data()
    if plain:
        return articles.filter(
            Q(title__icontains=text) | Q(summary__icontains=text)
        ).order_by("-published_at", "-id")
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    return (
        articles.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-published_at", "-id")
    )


@never_cache
def exit_page(request):
    """The "Exit this page" target. It must work as a plain link without JavaScript,
    so this GET ends the session (the one deliberate exception to "GET never
    writes") and sends her to a neutral site. Referrer-Policy: no-referrer keeps our
    address out of the next site's logs."""
    logout(request)
    response = HttpResponseRedirect(settings.EXIT_URL)
    response["Referrer-Policy"] = "no-referrer"
    response["Clear-Site-Data"] = '"cache"'
    return response


@require_GET
def healthz(request):
    """Each dependency's state, for a load balancer or monitor: 200 while the
    database answers ("degraded" when Redis does not: pages still render, so the
    server should stay in rotation), 503 when it does not. Names no host, version
    or setting."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "down"
    cache_state = cache_status(caches["default"])
    if database == "down":
        status = "down"
    elif cache_state == "down":
        status = "degraded"
    else:
        status = "ok"
    response = JsonResponse(
        {"status": status, "database": database, "cache": cache_state},
        status=503 if database == "down" else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /accounts/",
        "Disallow: /exit/",
        "Disallow: /admin/",
        "Disallow: /styleguide/",
        # Search result pages are endless and thin; the sitemap lists every page.
        "Disallow: /search/",
        "",
        f"Sitemap: {request.scheme}://{settings.SITE_DOMAIN}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bench_bare(request):
    """The benchmark's baseline: Django's full middleware stack, no work."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; point them at ours.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@staff_member_required
def styleguide(request):
    context = {
        "sample_form": PrivacySettingsForm(instance=request.user),
        "error_form": DeleteAccountForm(data={"confirm": "no"}),
    }
    return render(request, "styleguide.html", context)
