"""One small, complete site for the tests that walk every URL (test_access_policy,
test_form_fuzz): the personas, a group with a meeting and a schedule, a pending
request to join, an article with a comment, and one of each thing a URL can
name (a report, flags, a block, a notification, a watched word, tokens). Built
once per test module (``site_world`` in tests/conftest.py) and rolled back
after it."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from accounts.models import Block, CrisisResource, Notification, User
from articles.models import Article, Author, Comment, CommentFlag, WatchedWord
from groups.models import (
    AccessFlag,
    CalendarFeed,
    Group,
    GroupReport,
    Meeting,
    Membership,
    Schedule,
    Topic,
)

ROLES = ["anonymous", "stranger", "member", "organizer", "moderator"]


@dataclass(repr=False)
class World:
    organizer: User  # alice: organizes the group
    member: User  # bob: in the group; wrote the comment; owns the notification
    stranger: User  # charlie: signed in, belongs to nothing
    moderator: User  # mod: the permission, staff, two-step sign-in
    applicant: User  # dana: asked to join the group
    group: Group  # alice's, active and listed; bob is a member
    pending_group: Group  # alice's, waiting for review
    unlisted_group: Group  # alice's, found only by its private link; bob is in it
    meeting: Meeting
    schedule: Schedule
    request: Membership  # dana's, pending
    membership: Membership  # bob's, active
    article: Article
    author: Author
    topic: Topic
    comment: Comment
    comment_flag: CommentFlag
    group_report: GroupReport
    access_flag: AccessFlag
    notification: Notification
    block: Block
    word: WatchedWord
    resource: CrisisResource
    feed: CalendarFeed
    unsubscribe_token: str

    def __repr__(self):  # hypothesis prints its arguments when a test fails
        return "World()"

    def user(self, role: str) -> User | None:
        return None if role == "anonymous" else getattr(self, role)


def build_world() -> World:
    from accounts.emails import unsubscribe_token
    from tests.articles.comment_factory import make_comment
    from tests.articles.factory import make_article
    from tests.conftest import give_mfa, make_group, make_moderator, make_user

    alice = make_user("alice", display_name="Alice")
    bob = make_user("bob", display_name="Bobbie")
    charlie = make_user("charlie", display_name="Charlie")
    mod = give_mfa(make_moderator(make_user("mod", is_staff=True)))
    dana = make_user("dana", display_name="Dana")
    group = make_group(
        organizer=alice, members=[bob], join_policy=Group.JoinPolicy.APPROVAL
    )
    request = Membership.objects.create(
        group=group, user=dana, state=Membership.State.PENDING
    )
    schedule = group.schedules.get()
    meeting = schedule.meetings.order_by("starts_at").first()
    article = make_article("Finding your voice", slug="finding-your-voice")
    # Just written, so Bob may still edit it.
    comment = make_comment(
        article, bob, body="This helped me.", created_at=timezone.now()
    )
    # Waiting for a moderator's review (the queue's group actions).
    pending_group = make_group(
        name="Waiting Circle",
        organizer=alice,
        status=Group.Status.PENDING,
        schedule=False,
    )
    return World(
        organizer=alice,
        member=bob,
        stranger=charlie,
        moderator=mod,
        applicant=dana,
        group=group,
        pending_group=pending_group,
        unlisted_group=make_group(
            name="Quiet Room",
            organizer=alice,
            members=[bob],
            visibility=Group.Visibility.UNLISTED,
            schedule=False,
        ),
        meeting=meeting,
        schedule=schedule,
        request=request,
        membership=group.memberships.get(user=bob),
        article=article,
        author=article.author,
        topic=Topic.objects.order_by("slug").first(),
        comment=comment,
        comment_flag=CommentFlag.objects.create(comment=comment, reason="watched"),
        group_report=GroupReport.objects.create(
            code=uuid.uuid4(), group=group, reporter=bob, reason="other"
        ),
        access_flag=AccessFlag.objects.create(
            user=dana, day=timezone.localdate() - timedelta(days=1), group_count=9
        ),
        notification=Notification.objects.create(
            recipient=bob, kind="reply", message="A reply", url="/"
        ),
        block=Block.objects.create(blocker=bob, blocked=dana),
        word=WatchedWord.objects.create(word="scam", action="flag"),
        resource=CrisisResource.objects.order_by("pk").first(),
        feed=CalendarFeed.objects.create(user=bob),
        unsubscribe_token=unsubscribe_token(bob, "replies"),
    )
