"""Demo content for development: `manage.py seed_demo`. Safe to run again: it
updates what exists and creates what is missing. Later features add their own demo
content in groups_site/demo/."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.management.commands.moderator import moderation_permission
from accounts.models import User
from groups.models import Place
from groups_site import pagecache
from groups_site.demo import content
from groups_site.demo.articles import seed_articles, seed_authors
from groups_site.demo.discussions import (
    add_big_thread,
    demo_authors,
    featured_article,
    seed_discussions,
)
from groups_site.demo.groups import seed_groups

DEMO_PASSWORD = "kindred-demo-2026"


class Command(BaseCommand):
    help = "Create or refresh demo users and content (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has users.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Allow running with DEBUG off (never on a real site).",
        )
        parser.add_argument(
            "--big-thread",
            type=int,
            default=0,
            metavar="N",
            help="Give the first featured article N generated comments, for "
            "benchmarks. Counts those added by earlier runs: running again with "
            "the same N adds nothing, a larger N adds the difference.",
        )

    def handle(self, *args, if_empty=False, force=False, big_thread=0, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password; it only "
                "runs with DEBUG on (or --force)."
            )
        if if_empty and User.objects.exists():
            self.stdout.write("Database already has users; demo content not loaded.")
            return
        if not Place.objects.exists():
            # Demo groups meet in real cities from the gazetteer.
            call_command("load_places", stdout=self.stdout, stderr=self.stderr)
        with transaction.atomic():
            users = [self.seed_user(spec) for spec in content.people()["user"]]
            members = [self.seed_user(spec) for spec in content.people()["member"]]
            by_username = {user.username: user for user in users + members}
            groups = seed_groups(by_username, warn=self.warn)
            authors = seed_authors(by_username)
            articles = seed_articles(authors)
            comments = seed_discussions(by_username)
            # Whatever signed-out visitors were shown before is due again.
            pagecache.changed(pagecache.SITE)
        if comments:
            self.stdout.write(f"Posted {comments} demo comments under the articles.")
        if big_thread > 0:
            self.seed_big_thread(big_thread, demo_authors(by_username))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content is ready: {len(groups)} groups, {len(articles)} "
                f"published articles by {len(authors)} authors, and "
                f"{len(users) + len(members)} demo accounts. Sign in with:"
            )
        )
        for spec, user in zip(content.people()["user"], users, strict=True):
            self.stdout.write(
                f"  {spec['role']:<10} {user.username:<6} / {DEMO_PASSWORD}"
                f"   ({user.email})"
            )
        names = ", ".join(member.username for member in members)
        self.stdout.write(f"  Other demo members ({names}) use the same password.")

    def seed_big_thread(self, total: int, authors: list[User]) -> None:
        article = featured_article()
        if article is None:
            raise CommandError("There is no published article open for comments.")
        added = add_big_thread(article, total, authors)
        self.stdout.write(
            f"Added {added} generated comments to {article.get_absolute_url()} "
            f"(it has {article.comments.count()} comments)."
        )

    def warn(self, message: str) -> None:
        self.stderr.write(self.style.WARNING(message))

    def seed_user(self, spec: dict) -> User:
        email = f"{spec['username']}@demo.kindred.example"
        user, created = User.objects.update_or_create(
            username=spec["username"],
            defaults={
                "email": email,
                "display_name": spec["display_name"],
                "bio": spec["bio"],
                "is_staff": spec.get("is_staff", False),
            },
        )
        if created or not user.guidelines_accepted_at:
            user.guidelines_accepted_at = timezone.now()
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user,
            email=email,
            defaults={"verified": True, "primary": True},
        )
        if spec.get("moderator"):
            user.user_permissions.add(moderation_permission())
        return user
