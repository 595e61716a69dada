"""Data for `make bench`: many listed groups spread over real cities, and articles
with long discussions. Only for a throw-away benchmark database (bench/run.py
creates one).

    bench_data --groups N      groups, their schedules and meetings, the bench
                               reader's groups and answers, members, articles
                               and the discussion articles (idempotent)
    bench_data --session       print a session key of a signed-in bench reader
    bench_data --count-queries JSON
                               render each page of {"name": [path, session key
                               or ""]} twice in this process and print, as
                               JSON, the queries the second rendering made
    bench_data --time-rsvp-race N
                               N rounds of 20 members answering one 5-seat
                               meeting at once; print the timings as JSON
    bench_data --time-replies N
                               post N replies into a 10-comment and a
                               10,000-comment discussion; print the timings as JSON
"""

import json
import random
import statistics
import time
from datetime import date, timedelta
from importlib import import_module
from itertools import cycle

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from accounts.models import User
from articles.comments import posting as discussion
from articles.models import Article, Author, Source
from groups.models import Group, Membership, Place, Topic
from groups_site.demo import bench_meetings, content
from groups_site.demo.discussions import add_big_thread

BENCH_PREFIX = "bench-group-"
# Articles read under load: {slug: comments}.
DISCUSSION_ARTICLES = {"bench-discussion-200": 200, "bench-discussion-1000": 1000}
# Articles replied to while timing, made afresh on each run: {slug: comments}.
POSTING_ARTICLES = {"bench-posting-10": 10, "bench-posting-10000": 10_000}
READER = "bench_reader"
COMMENTERS = 24
# Members of the bench groups (a site's worth of accounts), and published articles
# for the article index and the home page, besides the discussion ones.
MEMBERS = 2000
ARTICLES = 200
ARTICLE_PREFIX = "bench-article-"
# Replies are timed one after another by a few people; the limits for people
# typing would refuse them. The limit check itself still runs (and is timed).
TIMING_SETTINGS = {
    "COMMENT_RATE_LIMITS": {
        "account": {"minute": 100_000, "day": 100_000},
        "new_account": {"minute": 100_000, "day": 100_000},
    },
    "COMMENT_HOLD_NEW_ACCOUNTS": False,
}


class Command(BaseCommand):
    help = (
        "Fill the benchmark database with N listed groups and articles with long "
        "discussions (idempotent); or print a session, or time posting replies."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=10_000)
        parser.add_argument(
            "--session",
            action="store_true",
            help="Print the key of a new signed-in session of the bench reader.",
        )
        parser.add_argument("--time-replies", type=int, default=0, metavar="N")
        parser.add_argument("--time-rsvp-race", type=int, default=0, metavar="N")
        parser.add_argument("--count-queries", default="", metavar="JSON")

    def handle(
        self,
        *args,
        groups,
        session,
        time_replies,
        time_rsvp_race,
        count_queries,
        **options,
    ):
        if session:
            self.stdout.write(signed_in_session(bench_reader()))
            return
        if count_queries:
            counts = queries_per_page(json.loads(count_queries))
            self.stdout.write(json.dumps(counts))
            return
        if time_replies:
            self.stdout.write(json.dumps(time_replies_into_threads(time_replies)))
            return
        if time_rsvp_race:
            organizer = User.objects.get(username="bench_organizer")
            timings = bench_meetings.time_rsvp_race(organizer, time_rsvp_race)
            self.stdout.write(json.dumps(timings))
            return
        self.seed_members()
        self.seed_groups(groups)
        self.seed_meetings(groups)
        self.seed_articles()
        for slug, comments in DISCUSSION_ARTICLES.items():
            article = bench_article(slug, comments)
            added = add_big_thread(article, comments, commenters())
            if added:
                self.stdout.write(f"Added {added} comments to {slug}.")
        # Bulk-loaded tables have no planner statistics until autovacuum gets to
        # them (on some servers never): without them searches measure bad plans.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def seed_members(self) -> None:
        """MEMBERS accounts (bench_member_N), who belong to the bench groups."""
        existing = set(
            User.objects.filter(username__startswith="bench_member_").values_list(
                "username", flat=True
            )
        )
        missing = [
            User(
                username=f"bench_member_{n}",
                display_name=f"Member {n}",
                password="!",  # unusable: nobody signs in as them
                date_joined=timezone.now() - timedelta(days=n % 400),
            )
            for n in range(MEMBERS)
            if f"bench_member_{n}" not in existing
        ]
        if missing:
            User.objects.bulk_create(missing, batch_size=1000)
            self.stdout.write(f"Added {len(missing)} members.")

    def seed_articles(self) -> None:
        """ARTICLES published articles, the demo's texts in turn, one a day back."""
        existing = Article.objects.filter(slug__startswith=ARTICLE_PREFIX).count()
        if existing >= ARTICLES:
            return
        author, reviewer = bench_authors()
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        specs = cycle(content.articles())
        for n in range(ARTICLES):
            spec = next(specs)
            if n < existing:
                continue
            article = Article.objects.create(
                slug=f"{ARTICLE_PREFIX}{n}",
                title=f"{spec['title'][:150]} ({n})",
                summary=spec["summary"],
                body=spec["body"],
                author=author,
                reviewer=reviewer,
                last_reviewed=date.today(),
                status=Article.Status.PUBLISHED,
                published_at=timezone.now() - timedelta(days=n, hours=1),
            )
            article.topics.set([topics[s] for s in spec["topics"] if s in topics])
        self.stdout.write(f"Added {ARTICLES - existing} articles.")

    def seed_groups(self, groups: int) -> None:
        if not Place.objects.exists():
            call_command("load_places", stdout=self.stdout)
        existing = Group.objects.filter(slug__startswith=BENCH_PREFIX).count()
        if existing >= groups:
            self.stdout.write(f"{existing} benchmark groups already exist.")
            return
        rng = random.Random(2026)
        places = list(
            Place.objects.filter(population__gte=100_000).only("id", "timezone")
        )
        topics = list(Topic.objects.all())
        organizer, _ = User.objects.get_or_create(
            username="bench_organizer", defaults={"display_name": "Bench Organizer"}
        )
        members = list(
            User.objects.filter(username__startswith="bench_member_").order_by("pk")
        )
        formats = [Group.Format.IN_PERSON] * 3 + [Group.Format.HYBRID]
        batch = []
        for n in range(existing, groups):
            is_online = n % 10 == 0
            place = None if is_online else rng.choice(places)
            batch.append(
                Group(
                    name=f"Benchmark support circle {n}",
                    slug=f"{BENCH_PREFIX}{n}",
                    tagline="A weekly peer group for confidence, calm and company.",
                    description=(
                        "We meet every week to talk about what is hard and what "
                        "helps.\n\nNew members are welcome; listen first if you like."
                    ),
                    facilitation=rng.choice(Group.Facilitation.values),
                    format=Group.Format.ONLINE if is_online else rng.choice(formats),
                    venue_type=(
                        Group.VenueType.ONLINE
                        if is_online
                        else Group.VenueType.COMMUNITY_CENTRE
                    ),
                    place=place,
                    timezone=place.timezone if place else "Europe/London",
                    area_description="" if is_online else "Near the town centre",
                    street_address="" if is_online else f"{n} Benchmark Road",
                    status=Group.Status.ACTIVE,
                    created_by=organizer,
                )
            )
        with transaction.atomic():
            created = Group.objects.bulk_create(batch, batch_size=1000)
            through = Group.topics.through
            through.objects.bulk_create(
                [
                    through(group_id=group.id, topic_id=topic.id)
                    for group in created
                    for topic in rng.sample(topics, 2)
                ],
                batch_size=5000,
            )
            Membership.objects.bulk_create(
                [
                    Membership(
                        group=group,
                        user=user,
                        role=(
                            Membership.Role.ORGANIZER
                            if user == organizer
                            else Membership.Role.MEMBER
                        ),
                        state=Membership.State.ACTIVE,
                    )
                    for group in created
                    for user in [organizer, *rng.sample(members, 3)]
                ],
                batch_size=5000,
            )
        self.stdout.write(f"Created {len(created)} benchmark groups.")

    def seed_meetings(self, groups: int) -> None:
        schedules, meetings, seconds = bench_meetings.seed_schedules(BENCH_PREFIX)
        if schedules:
            self.stdout.write(
                f"Added {schedules} schedules and generated {meetings} meetings "
                f"in {seconds:.1f} s."
            )
        answers = bench_meetings.give_reader_meetings(
            bench_reader(), BENCH_PREFIX, groups
        )
        if answers:
            self.stdout.write(f"The bench reader answered {answers} meetings.")


def verified_user(username: str, display_name: str) -> User:
    """A member who may post: verified e-mail, guidelines accepted, not new."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "display_name": display_name,
            "email": f"{username}@bench.kindred.example",
            "guidelines_accepted_at": timezone.now(),
            "date_joined": timezone.now() - timedelta(days=90),
        },
    )
    if created:
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
    return user


def bench_reader() -> User:
    return verified_user(READER, "Bench Reader")


def commenters() -> list[User]:
    return [
        verified_user(f"bench_commenter_{n}", f"Commenter {n}")
        for n in range(COMMENTERS)
    ]


def signed_in_session(user: User) -> str:
    """A session as django.contrib.auth.login leaves it, for wrk's cookie."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def bench_authors() -> tuple[Author, Author]:
    author, _ = Author.objects.get_or_create(
        slug="bench-author",
        defaults={"name": "Bench Author", "credentials": "LCSW", "bio": "Writes."},
    )
    reviewer, _ = Author.objects.get_or_create(
        slug="bench-reviewer",
        defaults={"name": "Bench Reviewer", "credentials": "PhD", "bio": "Reads."},
    )
    return author, reviewer


def queries_per_page(pages: dict) -> dict:
    """{name: [path, session key or ""]} -> {name: queries}: each page rendered
    twice through the whole middleware stack, as the server would (same settings,
    same cache), counting the second rendering's queries, so a page the cache
    serves counts what a cached answer costs."""
    counts = {}
    for name, (path, session_key) in pages.items():
        client = Client(HTTP_HOST="127.0.0.1")
        if session_key:
            client.cookies[settings.SESSION_COOKIE_NAME] = session_key
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} in process")
        counts[name] = len(queries)
    return counts


def bench_article(slug: str, comments: int) -> Article:
    """A published article with a real article's body (the first demo article)."""
    article = Article.objects.filter(slug=slug).first()
    if article is not None:
        return article
    spec = content.articles()[0]
    author, reviewer = bench_authors()
    article = Article.objects.create(
        slug=slug,
        title=f"A discussion with {comments:,} comments",
        summary=spec["summary"],
        body=spec["body"],
        author=author,
        reviewer=reviewer,
        last_reviewed=date.today(),
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=20),
    )
    article.topics.set(Topic.objects.filter(slug__in=spec["topics"]))
    Source.objects.create(
        article=article,
        title="Finding peer support",
        publisher="Benchmark",
        url="https://example.org/peer-support",
        accessed_on=date.today(),
    )
    return article


def time_replies_into_threads(count: int) -> dict:
    """Post ``count`` replies into each posting article through the service (the
    whole call, its own transaction and commit included), alternating between
    them, after a few untimed ones. Returns milliseconds per article."""
    people = commenters()
    articles = {}
    for slug, comments in POSTING_ARTICLES.items():
        Article.objects.filter(slug=slug).delete()
        articles[slug] = bench_article(slug, comments)
        add_big_thread(articles[slug], comments, people)
    rng = random.Random(7)
    # Reply at the same shallow depths in both, so only the size differs.
    parents = {
        slug: list(article.comments.filter(depth__lte=2).select_related("author"))
        for slug, article in articles.items()
    }
    timings = {slug: [] for slug in articles}
    warm_up = 5
    with override_settings(**TIMING_SETTINGS):
        for n in range(warm_up + count):
            for slug, article in articles.items():
                parent = rng.choice(parents[slug])
                author = rng.choice([p for p in people if p.pk != parent.author_id])
                body = f"{rng.choice(content.big_thread_lines())} ({n})"
                started = time.perf_counter()
                discussion.post_comment(
                    article=article, author=author, body=body, parent=parent
                )
                elapsed = (time.perf_counter() - started) * 1000
                if n >= warm_up:
                    timings[slug].append(elapsed)
    return {
        slug: {
            "comments": POSTING_ARTICLES[slug],
            "median_ms": statistics.median(values),
            "p99_ms": statistics.quantiles(values, n=100, method="inclusive")[-1],
            "posts": len(values),
        }
        for slug, values in timings.items()
    }
