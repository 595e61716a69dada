"""Meetings for `make bench` (bench_data): schedules of every kind for the bench
groups and their meetings, the bench reader's groups and answers (so /meetings/
has content), and the RSVP race: many members answering one small meeting at the
same moment, each on her own database connection."""

import random
import statistics
import threading
import time
from datetime import datetime, timedelta
from datetime import time as clock

from django.db import close_old_connections, connection
from django.utils import timezone

from accounts.models import User
from groups.meetings import generation, rsvp
from groups.models import RSVP, Group, Meeting, Membership, Schedule

# How the bench groups meet: (weight, kind, how many weekdays, monthly weeks).
KINDS = [
    (55, Schedule.Kind.WEEKLY, 1, []),
    (10, Schedule.Kind.WEEKLY, 2, []),
    (15, Schedule.Kind.FORTNIGHTLY, 1, []),
    (7, Schedule.Kind.MONTHLY, 1, [1, 3]),
    (5, Schedule.Kind.MONTHLY, 1, [-1]),
    (3, Schedule.Kind.MONTHLY, 1, [2]),
    (5, Schedule.Kind.ONCE, 0, []),
]
START_TIMES = [(9, 30), (10, 0), (11, 0), (13, 0), (14, 0), (18, 0), (18, 30), (19, 0)]
READER_GROUPS = 20
READER_MEETINGS = 40
# The group whose page is measured (signed out, and signed in as a member):
# bench-group-4321, or bench/run.py's same pick among fewer groups.
MEASURED_NUMBER = 4321


def measured_group_slug(prefix: str, groups: int) -> str:
    return f"{prefix}{MEASURED_NUMBER % groups}"


RACE_GROUP = "bench-rsvp-race"
RACERS = 20
SEATS = 5


def seed_schedules(prefix: str, *, now=None) -> tuple[int, int, float]:
    """A schedule for each bench group without one, then their meetings through
    generation's bulk path. Returns (schedules, meetings added, seconds spent
    generating)."""
    rng = random.Random(11)
    today = timezone.localdate()
    weights = [kind[0] for kind in KINDS]
    schedules = []
    waiting = Group.objects.filter(slug__startswith=prefix, schedules=None)
    for group_id in waiting.values_list("pk", flat=True).order_by("pk"):
        _, kind, days, weeks = rng.choices(KINDS, weights)[0]
        start = datetime.combine(today, clock(*rng.choice(START_TIMES)))
        once = kind == Schedule.Kind.ONCE
        schedules.append(
            Schedule(
                group_id=group_id,
                kind=kind,
                weekdays=sorted(rng.sample(range(7), days)),
                weeks=weeks,
                # Fortnights count from different weeks.
                starts_on=today + timedelta(days=rng.randint(1, 80) if once else -7),
                start_time=start.time(),
                end_time=(start + timedelta(minutes=90)).time(),
            )
        )
    Schedule.objects.bulk_create(schedules, batch_size=2000)
    started = time.perf_counter()
    added = generation.sync_all(now=now)
    return len(schedules), added, time.perf_counter() - started


def give_reader_meetings(reader: User, prefix: str, bench_groups: int) -> int:
    """She belongs to READER_GROUPS of the ``bench_groups`` bench groups (the
    measured one among them) and is going to READER_MEETINGS of their meetings,
    through the RSVP service. Idempotent: returns how many answers it added."""
    measured = measured_group_slug(prefix, bench_groups)
    upcoming = RSVP.objects.filter(user=reader, meeting__starts_at__gt=timezone.now())
    if upcoming.count() >= READER_MEETINGS:
        return 0
    groups = list(
        Group.objects.filter(
            slug__startswith=prefix, schedules__kind=Schedule.Kind.WEEKLY
        )
        .exclude(slug=measured)
        .distinct()
        .order_by("pk")[: READER_GROUPS - 1]
    )
    groups.append(Group.objects.get(slug=measured))
    for group in groups:
        Membership.objects.get_or_create(
            group=group, user=reader, defaults={"state": Membership.State.ACTIVE}
        )
    added = 0
    for group in groups:
        meetings = Meeting.objects.filter(group=group).upcoming().taking_place()
        for meeting in meetings[: READER_MEETINGS // READER_GROUPS]:
            if not RSVP.objects.filter(meeting=meeting, user=reader).exists():
                rsvp.respond(user=reader, meeting=meeting, going=True)
                added += 1
    return added


def _race_group(organizer: User) -> tuple[Group, list[User]]:
    group, _ = Group.objects.get_or_create(
        slug=RACE_GROUP,
        defaults={
            "name": "Benchmark RSVP race",
            "tagline": "Twenty members, five seats.",
            "description": "Used by make bench.",
            "status": Group.Status.ACTIVE,
            "visibility": Group.Visibility.UNLISTED,
            "format": Group.Format.ONLINE,
            "venue_type": Group.VenueType.ONLINE,
            "created_by": organizer,
        },
    )
    members = []
    for number in range(RACERS):
        user, _ = User.objects.get_or_create(
            username=f"bench_racer_{number}",
            defaults={"display_name": f"Racer {number}"},
        )
        Membership.objects.get_or_create(
            group=group, user=user, defaults={"state": Membership.State.ACTIVE}
        )
        members.append(user)
    return group, members


def _new_meeting(group: Group, day: int) -> Meeting:
    """A fresh one-off meeting of SEATS seats, ``day`` days ahead."""
    schedule = generation.save_schedule(
        Schedule(
            group=group,
            kind=Schedule.Kind.ONCE,
            starts_on=timezone.localdate() + timedelta(days=day),
            start_time=clock(19),
            end_time=clock(20),
        )
    )
    return rsvp.set_capacity(schedule.meetings.get(), SEATS)


def time_rsvp_race(organizer: User, rounds: int) -> dict:
    """``rounds`` times: RACERS members answer "going" to a new meeting of SEATS
    seats at the same moment, each in her own thread and connection. Checks that
    exactly SEATS are going each time. Milliseconds: each round's wall time (first
    start to last finish) and each answer's own time, commit included."""
    group, members = _race_group(organizer)
    # Earlier runs' meetings, gone without notices: a throw-away database.
    Meeting.objects.filter(group=group).delete()
    Schedule.objects.filter(group=group).delete()
    walls, answers = [], []
    for number in range(rounds):
        meeting = _new_meeting(group, number + 1)
        barrier = threading.Barrier(RACERS + 1)
        timings = [None] * RACERS

        def answer(index, user, meeting=meeting, barrier=barrier, timings=timings):
            close_old_connections()
            connection.ensure_connection()  # connecting is not part of answering
            barrier.wait()
            started = time.perf_counter()
            try:
                rsvp.respond(user=user, meeting=meeting, going=True)
                timings[index] = (started, time.perf_counter())
            finally:
                connection.close()

        threads = [
            threading.Thread(target=answer, args=(index, user))
            for index, user in enumerate(members)
        ]
        for thread in threads:
            thread.start()
        barrier.wait()
        for thread in threads:
            thread.join()
        if None in timings:
            raise RuntimeError("An answer failed in the RSVP race.")
        meeting.refresh_from_db()
        going = meeting.rsvps.filter(state=RSVP.State.GOING).count()
        if going != SEATS or meeting.going_count != SEATS:
            raise RuntimeError(f"The RSVP race left {going} going for {SEATS} seats.")
        walls.append((max(t[1] for t in timings) - min(t[0] for t in timings)) * 1000)
        answers += [(end - start) * 1000 for start, end in timings]
    return {
        "rounds": rounds,
        "racers": RACERS,
        "seats": SEATS,
        "wall_median_ms": statistics.median(walls),
        "wall_max_ms": max(walls),
        "answer_p50_ms": statistics.median(answers),
        "answer_p99_ms": statistics.quantiles(answers, n=100, method="inclusive")[-1],
    }
