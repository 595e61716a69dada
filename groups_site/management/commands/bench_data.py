"""Data for `make bench`: many listed groups spread over real cities. Only for a
throw-away benchmark database (bench/run.py creates one)."""

import random

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from groups.models import Group, Membership, Place, Topic

BENCH_PREFIX = "bench-group-"


class Command(BaseCommand):
    help = "Fill the benchmark database with N listed groups (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=10_000)

    def handle(self, *args, groups, **options):
        if not Place.objects.exists():
            call_command("load_places", stdout=self.stdout)
        existing = Group.objects.filter(slug__startswith=BENCH_PREFIX).count()
        if existing >= groups:
            self.stdout.write(f"{existing} benchmark groups already exist.")
            return
        rng = random.Random(2026)
        places = list(Place.objects.filter(population__gte=100_000).only("id"))
        topics = list(Topic.objects.all())
        organizer, _ = User.objects.get_or_create(
            username="bench_organizer", defaults={"display_name": "Bench Organizer"}
        )
        members = [
            User.objects.get_or_create(
                username=f"bench_member_{n}", defaults={"display_name": f"Member {n}"}
            )[0]
            for n in range(12)
        ]
        formats = [Group.Format.IN_PERSON] * 3 + [Group.Format.HYBRID]
        batch = []
        for n in range(existing, groups):
            is_online = n % 10 == 0
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
                    place=None if is_online else rng.choice(places),
                    area_description="" if is_online else "Near the town centre",
                    street_address="" if is_online else f"{n} Benchmark Road",
                    meeting_day=n % 7,
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
