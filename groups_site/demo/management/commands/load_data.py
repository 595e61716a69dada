"""Data for `make load` (bench/load.py): the benchmark's groups and discussions
(bench_data), plus members with a known password who read, reply and answer
meetings. Only for a throw-away load-test database. Idempotent; prints what the
load test needs as JSON on its last line.

    load_data --groups N --members M
"""

import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db.models import Count

from articles.models import Article
from groups.models import Group, Meeting, Membership
from groups_site.demo.discussions import add_big_thread
from groups_site.demo.management.commands.bench_data import (
    BENCH_PREFIX,
    DISCUSSION_ARTICLES,
    bench_article,
    commenters,
    verified_user,
)

PASSWORD = "kindred-load-test-2026"
# The discussion members reply into: a thread of everyday size.
REPLY_ARTICLE = "load-discussion"
REPLY_ARTICLE_COMMENTS = 60
GROUPS_EACH = 8


class Command(BaseCommand):
    help = "Fill a throw-away database for `make load`; print its facts as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=10_000)
        parser.add_argument("--members", type=int, default=40)

    def handle(self, *args, groups, members, **options):
        call_command("bench_data", groups=groups, stdout=self.stderr)
        # Every run starts from the same discussion: the replies an earlier run
        # posted go with the article, which is made afresh.
        Article.objects.annotate(n=Count("comments")).filter(
            slug=REPLY_ARTICLE
        ).exclude(n=REPLY_ARTICLE_COMMENTS).delete()
        article = bench_article(REPLY_ARTICLE, REPLY_ARTICLE_COMMENTS)
        add_big_thread(article, REPLY_ARTICLE_COMMENTS, commenters())
        parents = list(
            article.comments.filter(parent=None, status="visible")
            .order_by("pk")
            .values_list("pk", flat=True)[:40]
        )
        # Weekly bench groups with meetings ahead: hers to read and answer.
        with_meetings = list(
            Group.objects.filter(slug__startswith=BENCH_PREFIX, status="active")
            .annotate(n=Count("meetings"))
            .filter(n__gt=0)
            .order_by("pk")
            .values_list("pk", flat=True)[: members * GROUPS_EACH]
        )
        people = {}
        for n in range(members):
            user = verified_user(f"load_member_{n}", f"Load member {n}")
            if not user.password.startswith("argon2"):
                user.set_password(PASSWORD)
                user.save(update_fields=["password"])
            mine = with_meetings[n * GROUPS_EACH : (n + 1) * GROUPS_EACH]
            Membership.objects.bulk_create(
                [
                    Membership(group_id=pk, user=user, state=Membership.State.ACTIVE)
                    for pk in mine
                ],
                ignore_conflicts=True,
            )
            meetings = (
                Meeting.objects.filter(group_id__in=mine)
                .upcoming()
                .taking_place()
                .select_related("group")[:6]
            )
            people[user.username] = {
                "groups": list(
                    Group.objects.filter(pk__in=mine).values_list("slug", flat=True)
                ),
                "meetings": [[m.group.slug, str(m.code)] for m in meetings],
            }
        facts = {
            "password": PASSWORD,
            "members": people,
            "reply_article": REPLY_ARTICLE,
            "reply_parents": parents,
            # Read in these proportions: most discussions are of everyday size.
            "articles": {
                REPLY_ARTICLE: 6,
                **dict(zip(DISCUSSION_ARTICLES, (3, 1), strict=True)),
            },
            "groups": Group.objects.filter(slug__startswith=BENCH_PREFIX).count(),
            # Production may name them differently (e.g. with a __Host- prefix).
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
        }
        self.stdout.write(json.dumps(facts))
