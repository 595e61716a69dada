import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client

from accounts import emails, moderation
from accounts.models import CrisisResource
from articles.comments import watched
from groups_site.middleware import EXIT_NOTICE_COOKIE
from tests.conftest import MODERATOR_TOTP_SECRET, PASSWORD, log_in, make_group

BASE_DIR = Path(__file__).resolve().parent.parent
# The Nu HTML checker; .ci/run installs it here with npm (or set VNU_JAR).
VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or BASE_DIR / "var/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)

PUBLIC_PAGES = [
    "/",
    "/safety/",
    "/guidelines/",
    "/privacy/",
    "/about/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/u/alice/",
    "/groups/",
    "/groups/?near=Leeds&radius=50",
    "/groups/?q=nothing-matches-this",
    "/groups/?day=2&day=6&time=evening&sort=next",
    "/groups/?day=9&time=midnight",
    "/groups/tuesday-evening-circle/",
    "/articles/",
    "/articles/standards/",
    "/articles/topic/self-esteem-and-assertiveness/",
    "/articles/finding-your-voice/",
    "/authors/amara-okafor/",
    "/search/",
    "/search/?q=confidence",
    "/search/?q=nothing-matches-this",
    "/support/",
]
SIGNED_IN_PAGES = [
    "/accounts/profile/",
    "/accounts/privacy/",
    "/accounts/export/",
    "/accounts/delete/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/sessions/",
    "/accounts/blocked/",
    "/accounts/warnings/",
    "/accounts/guidelines/accept/?next=/articles/finding-your-voice/",
    "/accounts/logout/",
    "/notifications/",
    "/groups/new/",
    "/groups/mine/",
    "/groups/tuesday-evening-circle/",
    "/groups/tuesday-evening-circle/manage/",
    "/groups/tuesday-evening-circle/manage/edit/",
    "/groups/tuesday-evening-circle/leave/",
    "/groups/tuesday-evening-circle/report/",
    "/meetings/",
]
# The organizer's meeting tools, for the fixture group's schedule and its first
# meeting.
ORGANIZER_PAGES = [
    "/groups/tuesday-evening-circle/manage/schedules/new/",
    "/groups/tuesday-evening-circle/manage/schedules/new/?kind=once",
    "/groups/tuesday-evening-circle/manage/schedules/{schedule}/edit/",
    "/groups/tuesday-evening-circle/manage/schedules/{schedule}/delete/",
    "/groups/tuesday-evening-circle/manage/meetings/{meeting}/cancel/",
    "/groups/tuesday-evening-circle/manage/meetings/{meeting}/change/",
    "/groups/tuesday-evening-circle/manage/meetings/{meeting}/attendees/",
]
UNSUBSCRIBE_PAGE = "/email/unsubscribe/<token>/"
QUEUE_TABS = [
    "held",
    "flagged",
    "groups",
    "group-reports",
    "flags",
    "no-organizer",
    "edited",
]
STAFF_PAGES = [
    "/styleguide/",
    "/moderation/",
    *[f"/moderation/?tab={tab}" for tab in QUEUE_TABS],
    "/moderation/?tab=group-reports&reason=other",
    "/moderation/log/",
    "/moderation/people/",
    "/moderation/people/?q=b",
    "/moderation/people/bob/",
    "/moderation/people/charlie/",
    "/moderation/words/",
    "/moderation/resources/",
    "/moderation/resources/add/",
]


class PageParser(HTMLParser):
    """Collects what the project tests look for in a page."""

    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.urls = []
        self.exit_links = []
        self.inline_scripts = 0
        self.post_forms = 0
        self.post_actions = []
        self.post_forms_with_csrf = 0
        self._in_post_form = False
        self.style_attributes = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.post_forms += 1
            self.post_actions.append(attrs.get("action") or "")
            self._in_post_form = True
        if (
            tag == "input"
            and self._in_post_form
            and attrs.get("name") == "csrfmiddlewaretoken"
        ):
            self.post_forms_with_csrf += 1
        # What a page loads or sends to (not where a link may take her: links to
        # sources are fine, and leave with no referrer; a canonical URL is a name).
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            is_link = tag == "a" or attrs.get("rel") in ("canonical", "alternate")
            if attrs.get(name) and not (is_link and name == "href"):
                self.urls.append((tag, attrs[name]))
        if "data-exit-link" in attrs:
            self.exit_links.append(attrs.get("href"))
        # Data blocks (type="application/json") never run; code would.
        is_data = attrs.get("type", "").endswith("json")
        if tag == "script" and not attrs.get("src") and not is_data:
            self._in_script = True
        if "style" in attrs:
            self.style_attributes += 1

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag == "form":
            self._in_post_form = False


def parse(response) -> PageParser:
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


def sign_in(client, user):
    """Sign in through the real forms, then confirm the password again as the
    account-deletion page asks (allauth's recent re-authentication)."""
    log_in(client, user.username, totp_secret=MODERATOR_TOTP_SECRET)
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def discussion(article, alice, bob, charlie):
    """Under the article: Bob's comment mentioning Alice, her reply, and an
    anonymous comment; returns (Bob's comment, Alice's reply)."""
    from articles.comments import posting

    first = posting.post_comment(
        article=article, author=bob, body="This helped me, @alice. Thank you."
    )
    reply = posting.post_comment(
        article=article, author=alice, body="I'm so glad it did.", parent=first
    )
    posting.post_comment(
        article=article, author=charlie, body="Me too.", is_anonymous=True
    )
    return first, reply


def fill_moderation_queue(group, article, comment, bob, charlie):
    """One item in each tab of the moderation queue."""
    from django.utils import timezone

    from articles.comments import posting
    from articles.models import Comment, CommentFlag
    from groups import moderation
    from groups.models import AccessFlag, Group
    from tests.articles.comment_factory import make_comment

    posting.report_comment(comment=comment, reporter=charlie, reason="spam")
    make_comment(article, charlie, status=Comment.Status.HELD)
    make_group(name="Waiting Circle", organizer=bob, status=Group.Status.PENDING)
    make_group(name="Orphaned Circle")
    moderation.report_group(reporter=bob, group=group, reason="other", details="Hm")
    AccessFlag.objects.create(user=charlie, day=timezone.localdate(), group_count=9)
    Group.objects.filter(pk=group.pk).update(needs_review_since=timezone.now())
    CommentFlag.objects.create(
        comment=comment, reason="crisis language", is_priority=True
    )


@pytest.fixture
def all_pages(client, alice, bob, charlie, moderator, group, article, discussion):
    """Yield (path, response) for every page of the site as the right persona."""
    first, reply = discussion

    # A meeting's page has its code in the address.
    meeting = f"/groups/tuesday-evening-circle/meetings/{group.meetings.first().code}/"

    def fetch():
        for path in PUBLIC_PAGES:
            yield path, client.get(path)
        yield meeting, client.get(meeting)
        sign_in(client, alice)
        for path in SIGNED_IN_PAGES:
            yield path, client.get(path)
        yield f"{meeting} (organizer)", client.get(meeting)
        ids = {
            "schedule": group.schedules.get().pk,
            "meeting": group.meetings.first().code,
        }
        for path in ORGANIZER_PAGES:
            yield path.format(**ids), client.get(path.format(**ids))
        # The discussion as a commenter: her own reply, others' comments.
        for path in (
            "/articles/finding-your-voice/",
            f"/articles/finding-your-voice/comments/{first.pk}/",
            f"/comments/{reply.pk}/edit/",
            f"/comments/{reply.pk}/delete/",
            f"/comments/{first.pk}/report/",
        ):
            yield f"{path} (signed in)", client.get(path)
        client.logout()
        # A member sees the members-only parts (and, warned, the banner).
        moderation.warn_user(moderator=moderator, user=bob, reason="Be kind.")
        client.force_login(bob)
        yield (
            "/groups/tuesday-evening-circle/ (member)",
            client.get("/groups/tuesday-evening-circle/"),
        )
        yield f"{meeting} (member)", client.get(meeting)
        yield "/meetings/ (member)", client.get("/meetings/")
        yield "/accounts/warnings/ (warned)", client.get("/accounts/warnings/")
        client.logout()
        # A stranger sees the join form.
        client.force_login(charlie)
        yield (
            "/groups/tuesday-evening-circle/ (stranger)",
            client.get("/groups/tuesday-evening-circle/"),
        )
        yield f"{meeting} (stranger)", client.get(meeting)
        client.logout()
        # A moderator sees a suspended account with the form to lift it.
        moderation.suspend_user(moderator=moderator, user=charlie, reason="x", days=2)
        fill_moderation_queue(group, article, first, bob, charlie)
        sign_in(client, moderator)
        for path in STAFF_PAGES:
            yield path, client.get(path)
        word = watched.add_watched_word(moderator=moderator, word="x", action="flag")
        resource = CrisisResource.objects.first()
        for path in (
            f"/moderation/words/{word.pk}/remove/",
            f"/moderation/resources/{resource.pk}/edit/",
            f"/moderation/resources/{resource.pk}/delete/",
        ):
            yield path, client.get(path)
        client.logout()
        # The link in every e-mail, opened without signing in.
        yield UNSUBSCRIBE_PAGE, client.get(unsubscribe)

    unsubscribe = f"/email/unsubscribe/{emails.unsubscribe_token(charlie, 'meetings')}/"
    return fetch


def test_it_keeps_no_signed_in_response_in_the_browser(client, alice, group, article):
    from groups.models import Membership

    # A group page showing her pending request reveals what she asked to join.
    pending = make_group(name="Quiet Group", slug="quiet-group")
    Membership.objects.create(group=pending, user=alice, state=Membership.State.PENDING)
    meeting = group.meetings.first().get_absolute_url()
    sign_in(client, alice)
    responses = {
        path: client.get(path)
        for path in [*PUBLIC_PAGES, *SIGNED_IN_PAGES, "/groups/quiet-group/", meeting]
    }
    responses["POST /accounts/export/download/"] = client.post(
        "/accounts/export/download/"
    )

    for path, response in responses.items():
        assert response["Cache-Control"] == "private, no-store", path
        assert "Cookie" in response.get("Vary", ""), path


def test_it_has_no_pending_migrations(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_it_renders_every_page(all_pages):
    for path, response in all_pages():
        assert response.status_code == 200, path


def test_it_gives_every_page_exactly_one_h1(all_pages):
    for path, response in all_pages():
        assert parse(response).h1_count == 1, path


def test_it_puts_the_exit_control_on_every_page(all_pages):
    for path, response in all_pages():
        page = parse(response)
        # The sticky button and the second skip link, both plain links to /exit/.
        assert page.exit_links == ["/exit/", "/exit/"], path
        assert "Exit this page" in response.content.decode(), path
        assert '<span class="visually-hidden">Emergency</span>' in (
            response.content.decode()
        ), path


def test_it_refuses_every_post_form_without_its_csrf_token(all_pages, alice):
    """The test client skips CSRF checks; a client that enforces them must be
    refused at every form's address when it leaves the token out."""
    actions = set()
    for path, response in all_pages():
        page_path = path.split(" ")[0]
        if page_path == UNSUBSCRIBE_PAGE:
            # Exempt on purpose: mail providers POST there without a token
            # (RFC 8058); the signed token is the credential
            # (tests/accounts/test_email_unsubscribe.py).
            continue
        actions |= {action or page_path for action in parse(response).post_actions}
    assert len(actions) > 15, actions
    signed_out = Client(enforce_csrf_checks=True)
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(alice)

    for action in sorted(actions):
        for client in (signed_out, signed_in):
            response = client.post(action, {})
            assert response.status_code == 403, action
            assert "CSRF verification failed" in response.content.decode(), action


def test_it_puts_a_csrf_token_in_every_post_form(all_pages):
    # The test client skips CSRF checks, so a form that lost its token (for
    # example inside an `{% include ... only %}`) would pass every other test.
    for path, response in all_pages():
        page = parse(response)
        assert page.post_forms == page.post_forms_with_csrf, path


@pytest.fixture
def nu_checker() -> list[str]:
    """The command that runs the Nu HTML checker. Without java or the jar the
    test skips (before building any data), unless KINDRED_REQUIRE_BROWSER is
    set, as in CI: then it fails."""
    java = shutil.which("java")
    if not java:
        reason = "java is not installed (apt-get install default-jre-headless)"
    elif not VNU_JAR.is_file():
        reason = (
            f"the Nu HTML checker is not at {VNU_JAR} (set VNU_JAR, or run "
            "npm install --prefix var/vnu --ignore-scripts vnu-jar)"
        )
    else:
        return [java, "-jar", str(VNU_JAR)]
    if os.environ.get("KINDRED_REQUIRE_BROWSER"):
        pytest.fail(f"KINDRED_REQUIRE_BROWSER is set but {reason}.")
    pytest.skip(reason)


def test_it_serves_valid_html_on_every_page(nu_checker, all_pages, client, tmp_path):
    pages = [*all_pages(), ("/no-such-page/ (404)", client.get("/no-such-page/"))]
    paths = {}
    for number, (path, response) in enumerate(pages):
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(response.content)
        paths[file.name] = path
    # One JVM for all the pages: starting java costs more than checking a page.
    result = subprocess.run(
        [*nu_checker, "--errors-only", "--format", "json", "--stdout"]
        + [str(tmp_path / name) for name in paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout, result.stderr[-2000:]
    errors = [
        f"{paths.get(Path(message.get('url', '')).name, message.get('url'))} "
        f"line {message.get('lastLine')}: {message['message']} "
        f"[{message.get('extract', '').strip()}]"
        for message in json.loads(result.stdout)["messages"]
    ]
    assert errors == [], "\n".join(errors)


def test_it_references_no_other_origin_from_any_page(all_pages):
    for path, response in all_pages():
        for tag, url in parse(response).urls:
            assert not re.match(r"^(https?:)?//", url), (path, tag, url)


def test_it_has_no_inline_script_or_style_on_any_page(all_pages):
    for path, response in all_pages():
        page = parse(response)
        assert page.inline_scripts == 0, path
        assert page.style_attributes == 0, path


def test_it_references_no_other_origin_from_static_files():
    for file in (BASE_DIR / "static").rglob("*"):
        if file.suffix in {".css", ".js", ".svg", ".html"}:
            text = file.read_text()
            text = text.replace("http://www.w3.org/2000/svg", "")
            assert not re.search(r"https?://", text), file


def test_it_sends_a_strict_content_security_policy(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_it_adds_a_nonce_to_the_policy_only_when_a_response_reads_it(rf):
    def reads_the_nonce(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    def plain(request):
        return HttpResponse("plain")

    with_nonce = CSPMiddleware(reads_the_nonce)(rf.get("/"))
    without = CSPMiddleware(plain)(rf.get("/"))

    nonce = re.search(r"nonce='([^']+)'", with_nonce.content.decode()).group(1)
    assert f"script-src 'self' 'nonce-{nonce}'" in with_nonce["Content-Security-Policy"]
    assert "nonce" not in without["Content-Security-Policy"]


def test_no_template_uses_a_csp_nonce():
    # A nonce is per response: a page holding one could not be shared from the
    # signed-out page cache, and there is no inline script or style to allow.
    for template in (BASE_DIR / "templates").rglob("*.html"):
        assert "nonce" not in template.read_text().lower(), template


def test_it_signs_out_and_leaves_for_the_neutral_site_on_exit(client, alice):
    client.force_login(alice)
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == settings.EXIT_URL
    assert response["Referrer-Policy"] == "no-referrer"
    assert "_auth_user_id" not in client.session
    assert client.get("/accounts/profile/").status_code == 302


def test_it_explains_the_exit_control_once(client, db):
    first = client.get("/")
    assert "Leaving quickly" in first.content.decode()
    assert EXIT_NOTICE_COOKIE in first.cookies
    second = client.get("/about/")
    assert "Leaving quickly" not in second.content.decode()


def test_it_checks_the_database_at_healthz(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_it_keeps_private_areas_out_of_robots_txt(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /accounts/" in response.content.decode()


def test_it_shows_the_styleguide_to_staff_only(client, alice, moderator):
    assert client.get("/styleguide/").status_code == 302
    client.force_login(alice)
    response = client.get("/styleguide/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    client.force_login(moderator)
    assert client.get("/styleguide/").status_code == 200


def test_it_keeps_the_exit_control_on_error_pages(client, db, settings):
    settings.DEBUG = False
    response = client.get("/groups/no-such-group/")
    assert response.status_code == 404
    page = parse(response)
    assert page.h1_count == 1
    assert page.exit_links == ["/exit/", "/exit/"]
