"""Who may open what: every URL of the site, for each of five people (signed
out, a signed-in stranger, a member of the group, its organizer, a moderator),
against the table below. A URL added without a row fails
test_every_url_has_a_row; a row whose answer changes fails the role's test.
Every URL also refuses a POST without a CSRF token.

Statuses: 200; LOGIN (a redirect to the sign-in page, coming back after);
403 (she may know it exists but may not do it); 404 (not for her, told as "no
such page", so a refusal never leaks); 405 (POST only: the page never acts on a
GET); a string is a redirect to that address. Parameters come from
tests/site_world.py: the group is Alice's (organizer), Bob is its member and
wrote the comment and owns the notification, the block and the calendar feed;
Dana has asked to join."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.site_world import ROLES

LOGIN = "login"


def everyone(status):
    return (status,) * 5


def signed_in(status):
    """Signed out: to the sign-in page; signed in: ``status``."""
    return (LOGIN,) + (status,) * 4


def moderators_only(status=200):
    return (LOGIN, 403, 403, 403, status)


def organizers_only(status=200):
    # A stranger (and a moderator, who holds no role in the group) is told
    # there is no such page; a member learns only that she may not.
    return (LOGIN, 404, 403, status, 404)


# URL name: (path, (anonymous, stranger, member, organizer, moderator)).
ACCESS = {
    # Site pages and machine endpoints: public.
    "home": ("/", everyone(200)),
    "exit_page": ("/exit/", everyone("https://www.bbc.co.uk/weather")),
    "safety": ("/safety/", everyone(200)),
    "guidelines": ("/guidelines/", everyone(200)),
    "privacy": ("/privacy/", everyone(200)),
    "about": ("/about/", everyone(200)),
    "styleguide": (
        "/styleguide/",
        ("/admin/login/?next=/styleguide/",) * 4 + (200,),
    ),
    "healthz": ("/healthz", everyone(200)),
    "robots_txt": ("/robots.txt", everyone(200)),
    "site_search": ("/search/", everyone(200)),
    "article_feed": ("/feeds/articles.xml", everyone(200)),
    "sitemap": ("/sitemap.xml", everyone(200)),
    "favicon": ("/favicon.ico", everyone("/static/img/favicon.svg")),
    "accounts:crisis_support": ("/support/", everyone(200)),
    # Moderation: moderators with two-step sign-in only.
    "moderation:moderation_queue": ("/moderation/", moderators_only()),
    "moderation:audit_log": ("/moderation/log/", moderators_only()),
    "moderation:person_search": ("/moderation/people/", moderators_only()),
    "moderation:person_detail": (
        "/moderation/people/{username}/",
        moderators_only(),
    ),
    "moderation:person_warn": (
        "/moderation/people/{username}/warn/",
        moderators_only(405),
    ),
    "moderation:person_suspend": (
        "/moderation/people/{username}/suspend/",
        moderators_only(405),
    ),
    "moderation:person_ban": (
        "/moderation/people/{username}/ban/",
        moderators_only(405),
    ),
    "moderation:person_lift": (
        "/moderation/people/{username}/lift/",
        moderators_only(405),
    ),
    "moderation:comment_action": (
        "/moderation/comments/{comment}/hide/",
        moderators_only(405),
    ),
    "moderation:group_action": (
        "/moderation/groups/{group_id}/approve/",
        moderators_only(405),
    ),
    "moderation:group_report_resolve": (
        "/moderation/group-reports/{report}/resolve/",
        moderators_only(405),
    ),
    "moderation:comment_flag_resolve": (
        "/moderation/comment-flags/{comment_flag}/resolve/",
        moderators_only(405),
    ),
    "moderation:access_flag_dismiss": (
        "/moderation/flags/{access_flag}/dismiss/",
        moderators_only(405),
    ),
    "moderation:word_list": ("/moderation/words/", moderators_only()),
    "moderation:word_remove": ("/moderation/words/{word}/remove/", moderators_only()),
    "moderation:resource_list": ("/moderation/resources/", moderators_only()),
    "moderation:resource_add": ("/moderation/resources/add/", moderators_only()),
    "moderation:resource_edit": (
        "/moderation/resources/{resource}/edit/",
        moderators_only(),
    ),
    "moderation:resource_verify": (
        "/moderation/resources/{resource}/verify/",
        moderators_only(405),
    ),
    "moderation:resource_delete": (
        "/moderation/resources/{resource}/delete/",
        moderators_only(),
    ),
    # Her own account: signed in.
    "accounts:profile_edit": ("/accounts/profile/", signed_in(200)),
    "accounts:privacy_settings": ("/accounts/privacy/", signed_in(200)),
    "accounts:data_export": ("/accounts/export/", signed_in(200)),
    "accounts:data_export_download": ("/accounts/export/download/", signed_in(405)),
    "accounts:account_delete": (
        "/accounts/delete/",
        signed_in("/accounts/reauthenticate/?next=%2Faccounts%2Fdelete%2F"),
    ),
    "accounts:profile_detail": ("/u/{username}/", everyone(200)),
    "accounts:user_block": ("/u/{username}/block/", signed_in(405)),
    "accounts:user_unblock": ("/u/{username}/unblock/", signed_in(405)),
    "accounts:blocked_list": ("/accounts/blocked/", signed_in(200)),
    "accounts:warning_list": ("/accounts/warnings/", signed_in(200)),
    "accounts:warnings_acknowledge": (
        "/accounts/warnings/acknowledge/",
        signed_in(405),
    ),
    "accounts:guidelines_accept": ("/accounts/guidelines/accept/", signed_in(200)),
    "accounts:block_remove": ("/accounts/blocked/{block}/remove/", signed_in(405)),
    "accounts:notification_list": ("/notifications/", signed_in(200)),
    "accounts:notification_open": (
        "/notifications/{notification}/open/",
        signed_in(405),
    ),
    # The signed token is the key: anyone holding it sees the confirmation.
    "accounts:email_unsubscribe": ("/email/unsubscribe/{unsubscribe}/", everyone(200)),
    "accounts:notifications_mark_read": ("/notifications/read/", signed_in(405)),
    # Groups.
    "groups:group_list": ("/groups/", everyone(200)),
    "groups:place_autocomplete": ("/groups/places/", everyone(200)),
    "groups:group_create": ("/groups/new/", signed_in(200)),
    "groups:my_groups": ("/groups/mine/", signed_in(200)),
    "groups:group_detail": ("/groups/{group}/", everyone(200)),
    "groups:group_join": ("/groups/{group}/join/", everyone(405)),
    "groups:group_withdraw": ("/groups/{group}/withdraw/", signed_in(405)),
    # Leaving asks first; someone not in the group has nothing to leave.
    "groups:group_leave": ("/groups/{group}/leave/", (LOGIN, 404, 200, 200, 404)),
    "groups:membership_visibility": (
        "/groups/{group}/membership/visibility/",
        signed_in(405),
    ),
    "groups:group_review": ("/groups/{group}/review/", signed_in(405)),
    "groups:group_report": ("/groups/{group}/report/", signed_in(200)),
    "groups:group_manage": ("/groups/{group}/manage/", organizers_only()),
    "groups:group_edit": ("/groups/{group}/manage/edit/", organizers_only()),
    "groups:group_status": ("/groups/{group}/manage/status/", signed_in(405)),
    "groups:group_link_rotate": ("/groups/{group}/manage/link/", organizers_only()),
    "groups:membership_approve": (
        "/groups/{group}/manage/members/{request}/approve/",
        signed_in(405),
    ),
    "groups:membership_decline": (
        "/groups/{group}/manage/members/{request}/decline/",
        signed_in(405),
    ),
    "groups:membership_remove": (
        "/groups/{group}/manage/members/{membership}/remove/",
        organizers_only(),
    ),
    "groups:membership_role": (
        "/groups/{group}/manage/members/{membership}/role/",
        signed_in(405),
    ),
    "groups:schedule_create": (
        "/groups/{group}/manage/schedules/new/",
        organizers_only(),
    ),
    "groups:schedule_edit": (
        "/groups/{group}/manage/schedules/{schedule}/edit/",
        organizers_only(),
    ),
    "groups:schedule_delete": (
        "/groups/{group}/manage/schedules/{schedule}/delete/",
        organizers_only(),
    ),
    "groups:meeting_cancel": (
        "/groups/{group}/manage/meetings/{meeting}/cancel/",
        organizers_only(),
    ),
    "groups:meeting_change": (
        "/groups/{group}/manage/meetings/{meeting}/change/",
        organizers_only(),
    ),
    # Who is going: the organizers, and moderators (DESIGN.md privacy table).
    "groups:meeting_attendees": (
        "/groups/{group}/manage/meetings/{meeting}/attendees/",
        organizers_only()[:4] + (200,),
    ),
    "groups:meeting_detail": ("/groups/{group}/meetings/{meeting}/", everyone(200)),
    "groups:meeting_rsvp": ("/groups/{group}/meetings/{meeting}/rsvp/", everyone(405)),
    "groups:meeting_ics": (
        "/groups/{group}/meetings/{meeting}/calendar.ics",
        everyone(200),
    ),
    "groups:group_calendar": ("/groups/{group}/calendar.ics", everyone(200)),
    "groups:my_meetings": ("/meetings/", signed_in(200)),
    # Calendar apps fetch it without cookies: the token is the key.
    "groups:my_calendar": ("/meetings/calendar.ics?token={feed}", everyone(200)),
    "groups:calendar_feed_reset": ("/meetings/calendar/reset/", signed_in(405)),
    "groups:calendar_feed_delete": ("/meetings/calendar/delete/", signed_in(405)),
    "groups:meeting_guide": ("/meeting-guide.json", everyone(200)),
    # Articles and their discussion.
    "articles:article_list": ("/articles/", everyone(200)),
    "articles:editorial_standards": ("/articles/standards/", everyone(200)),
    "articles:article_topic": ("/articles/topic/{topic}/", everyone(200)),
    "articles:article_detail": ("/articles/{article}/", everyone(200)),
    "articles:comment_create": ("/articles/{article}/comments/", everyone(405)),
    "articles:comment_thread": (
        "/articles/{article}/comments/{comment}/",
        everyone(200),
    ),
    "articles:comment_permalink": (
        "/articles/{article}/c/{comment}/",
        everyone("/articles/{article}/#comment-{comment}"),
    ),
    # Bob wrote it just now: only he may edit it (or delete it).
    "articles:comment_edit": (
        "/comments/{comment}/edit/",
        (LOGIN, 403, 200, 403, 403),
    ),
    "articles:comment_delete": (
        "/comments/{comment}/delete/",
        (LOGIN, 403, 200, 403, 403),
    ),
    "articles:comment_helpful": ("/comments/{comment}/helpful/", everyone(405)),
    # Anyone but its author may report it.
    "articles:comment_report": (
        "/comments/{comment}/report/",
        (LOGIN, 200, 403, 200, 200),
    ),
    "articles:comment_hide_author": (
        "/comments/{comment}/hide-author/",
        signed_in(405),
    ),
    "articles:author_detail": ("/authors/{author}/", everyone(200)),
    # allauth: sign-in and sign-up send the signed in home; her account pages
    # need her signed in; links from e-mails open for anyone.
    "account_login": ("/accounts/login/", (200,) + ("/",) * 4),
    "account_logout": ("/accounts/logout/", ("/",) + (200,) * 4),
    "account_inactive": ("/accounts/inactive/", everyone(200)),
    "account_signup": ("/accounts/signup/", (200,) + ("/",) * 4),
    "account_reauthenticate": ("/accounts/reauthenticate/", signed_in(200)),
    "account_email": ("/accounts/email/", signed_in(200)),
    "account_email_verification_sent": ("/accounts/confirm-email/", everyone(200)),
    "account_change_password": ("/accounts/password/change/", signed_in(200)),
    "account_set_password": (
        "/accounts/password/set/",
        signed_in("/accounts/password/change/"),
    ),
    "account_reset_password": ("/accounts/password/reset/", everyone(200)),
    # Nothing to confirm or finish: back to the sign-in page, or home.
    "account_confirm_login_code": (
        "/accounts/login/code/confirm/",
        ("/accounts/login/",) + ("/",) * 4,
    ),
    "account_confirm_email": ("/accounts/confirm-email/not-a-key/", everyone(200)),
    "account_reset_password_from_key_done": (
        "/accounts/password/reset/key/done/",
        everyone(200),
    ),
    "account_reset_password_from_key": (
        "/accounts/password/reset/key/1-not-a-key/",
        everyone(200),
    ),
    "account_reset_password_done": ("/accounts/password/reset/done/", everyone(200)),
    "mfa_index": ("/accounts/2fa/", signed_in(200)),
    "mfa_authenticate": (
        "/accounts/2fa/authenticate/",
        ("/accounts/login/",) + ("/",) * 4,
    ),
    "mfa_reauthenticate": (
        "/accounts/2fa/reauthenticate/",
        signed_in("/accounts/reauthenticate/")[:4] + (200,),
    ),
    "mfa_activate_totp": (
        "/accounts/2fa/totp/activate/",
        signed_in(
            "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
        ),
    ),
    # Only the moderator has an authenticator to turn off.
    "mfa_deactivate_totp": (
        "/accounts/2fa/totp/deactivate/",
        (LOGIN, 404, 404, 404)
        + ("/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Fdeactivate%2F",),
    ),
    "mfa_view_recovery_codes": ("/accounts/2fa/recovery-codes/", signed_in(404)),
    "mfa_generate_recovery_codes": (
        "/accounts/2fa/recovery-codes/generate/",
        signed_in(
            "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Frecovery-codes"
            "%2Fgenerate%2F"
        ),
    ),
    "mfa_download_recovery_codes": (
        "/accounts/2fa/recovery-codes/download/",
        signed_in(404),
    ),
    "usersessions_list": ("/accounts/sessions/", signed_in(200)),
}

# The same URLs with other objects: (label, path, answers).
MORE_CASES = [
    # Until a moderator approves it, only the one who listed it (and the
    # moderators who review it) can see a group.
    ("pending group", "/groups/{pending_group}/", (404, 404, 404, 200, 200)),
    # An unlisted group's address is its key: whoever has it may read the
    # public part, as with a listed group.
    ("unlisted group", "/groups/{unlisted_group}/", everyone(200)),
    ("unlisted group's manage", "/groups/{unlisted_group}/manage/", organizers_only()),
    ("no such group", "/groups/no-such-group/", everyone(404)),
    ("no such meeting", "/groups/{group}/meetings/{nobody}/", everyone(404)),
    ("her calendar without a token", "/meetings/calendar.ics", everyone(404)),
    ("her calendar, wrong token", "/meetings/calendar.ics?token=x", everyone(404)),
    (
        "someone else's notification",
        "/notifications/{notification}/open/",
        signed_in(405),
    ),
]

# URLs that only exist in development or benchmarks (not in the test settings).
NOT_IN_TESTS = {"^media/(?P<path>.*)$", "bench/bare/"}
# POSTs without a CSRF token that a URL accepts on purpose, and why.
CSRF_EXEMPT = {
    # RFC 8058 one-click unsubscribe: mail providers POST without a token; the
    # signed token in the address is the credential.
    "accounts:email_unsubscribe",
}


def url_names(patterns=None, namespace=""):
    """Every URL of the site by name (its route when it has none)."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name or str(entry.pattern)
            yield f"{namespace}:{name}" if namespace else name


def parameters(world) -> dict:
    return {
        "username": world.member.username,
        "comment": world.comment.pk,
        "group_id": world.group.pk,
        "report": world.group_report.code,
        "comment_flag": world.comment_flag.pk,
        "access_flag": world.access_flag.pk,
        "word": world.word.pk,
        "resource": world.resource.pk,
        "block": world.block.pk,
        "notification": world.notification.pk,
        "unsubscribe": world.unsubscribe_token,
        "group": world.group.slug,
        "request": world.request.code,
        "membership": world.membership.code,
        "schedule": world.schedule.pk,
        "meeting": world.meeting.code,
        "feed": world.feed.token,
        "topic": world.topic.slug,
        "article": world.article.slug,
        "author": world.author.slug,
        "pending_group": world.pending_group.slug,
        "unlisted_group": world.unlisted_group.slug,
        "nobody": "00000000-0000-0000-0000-000000000000",
    }


def answer(response) -> int | str:
    """What the table calls a response: its status, LOGIN, or where it redirects."""
    if response.status_code in (301, 302):
        location = response["Location"]
        return LOGIN if location.startswith("/accounts/login/?next=") else location
    return response.status_code


def client_for(world, role: str, **options) -> Client:
    client = Client(raise_request_exception=False, **options)
    if user := world.user(role):
        client.force_login(user)
    return client


def test_every_url_has_a_row():
    names = set(url_names())
    admin = {name for name in names if name.startswith("admin:")}

    missing = sorted(names - admin - set(ACCESS) - NOT_IN_TESTS)
    stale = sorted(set(ACCESS) - names)

    assert not missing, f"add a row to ACCESS for: {missing}"
    assert not stale, f"these rows name no URL: {stale}"


@pytest.mark.parametrize("role", ROLES)
def test_each_person_gets_the_expected_answer_from_every_url(db, site_world, role):
    column = ROLES.index(role)
    values = parameters(site_world)
    wrong = []
    cases = [(name, path, expected) for name, (path, expected) in ACCESS.items()]
    for name, path, expected in cases + MORE_CASES:
        url = path.format(**values)
        want = expected[column]
        if isinstance(want, str) and want != LOGIN:
            want = want.format(**values)
        # A fresh client per URL: /exit/ and sign-out end the session.
        got = answer(client_for(site_world, role).get(url))
        if got != want:
            wrong.append(f"{name} {url}: expected {want}, got {got}")

    assert not wrong, "\n".join(wrong)


def admin_urls():
    """Every admin URL, its parameters filled with something plausible."""
    for pattern in admin_patterns():
        kwargs = {
            key: "groups" if key == "app_label" else "1"
            for key in pattern.pattern.regex.groupindex
        }
        yield reverse(f"admin:{pattern.name}", kwargs=kwargs)


def admin_patterns(patterns=None):
    from django.contrib import admin

    for entry in patterns if patterns is not None else admin.site.get_urls():
        if isinstance(entry, URLResolver):
            yield from admin_patterns(entry.url_patterns)
        elif entry.name:
            yield entry


@pytest.mark.parametrize("role", ["anonymous", "stranger", "member", "organizer"])
def test_the_admin_is_closed_to_everyone_but_staff(db, site_world, role):
    """The admin as a prefix rule: whatever the page, someone who is not staff
    is sent to sign in (or refused), never shown it."""
    client = client_for(site_world, role)
    opened = []
    for url in admin_urls():
        response = client.get(url)
        if response.status_code in (301, 302):
            target = response["Location"]
            if re.match(r"^/(admin/login/|accounts/login/|admin/$)", target):
                continue
        if response.status_code != 403:
            opened.append(f"{url}: {answer(response)}")

    assert not opened, "\n".join(opened)


def test_the_admin_answers_a_staff_moderator_without_errors(db, site_world):
    client = client_for(site_world, "moderator")
    errors = [url for url in admin_urls() if client.get(url).status_code >= 500]

    assert not errors


@pytest.mark.parametrize("role", ["anonymous", "member", "moderator"])
def test_every_url_refuses_a_post_without_a_csrf_token(db, site_world, role):
    client = client_for(site_world, role, enforce_csrf_checks=True)
    values = parameters(site_world)
    urls = [
        (name, path.format(**values))
        for name, (path, _) in ACCESS.items()
        if name not in CSRF_EXEMPT
    ]
    urls += [("admin", url) for url in admin_urls()]
    accepted = []
    for name, url in urls:
        response = client.post(url, {"anything": "1"})
        if response.status_code != 403 or b"CSRF" not in response.content:
            accepted.append(f"{name} {url}: {answer(response)}")

    assert not accepted, "\n".join(accepted)
