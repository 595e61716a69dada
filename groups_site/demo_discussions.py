"""Demo discussions under the demo articles, and a big thread for benchmarks.

``DISCUSSIONS`` maps a demo article's slug to its top-level remarks; each remark
carries its replies, so the nesting reads as it will show. ``at`` is hours after the
article was published (a reply is always later than what it answers). The remarks
are posted through the real services in articles/discussion.py (mentions link and
notify, counters are kept, a deleted comment with replies becomes "[deleted]"),
then their timestamps are moved back to when they were "written".

``add_big_thread`` gives one article many comments at once (bulk inserts with ids
taken from the sequence up front), for `seed_demo --big-thread N` and `make bench`.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import Notification, User
from articles import discussion, threads
from articles.models import Article, Comment, CommentHelpful
from groups_site.lib.text import render_comment


@dataclass(frozen=True)
class Remark:
    by: str  # a demo username
    at: float  # hours after the article was published
    body: str
    replies: tuple["Remark", ...] = ()
    anonymous: bool = False
    helpful: tuple[str, ...] = ()  # usernames who marked it helpful
    deleted: bool = False  # its author deletes it after the replies came
    first_draft: str = ""  # posted first, then edited into ``body``


def say(by: str, at: float, body: str, *replies: Remark, **options) -> Remark:
    return Remark(by=by, at=at, body=body, replies=replies, **options)


DISCUSSIONS: dict[str, list[Remark]] = {
    "how-self-help-groups-help-women-find-confidence": [
        say(
            "maya",
            3,
            "I read this twice before I felt brave enough to comment. I went to my "
            "first group in March and sat by the door the whole time with my coat "
            "on. Nobody made me talk. The second week I took my coat off. That "
            "sounds like nothing, but it was everything.",
            say(
                "rosa",
                5,
                "Coat off in week two is a real milestone, @maya, I promise. I still "
                "remember my own coat-off moment. It was week four.",
                say(
                    "maya",
                    7,
                    "Week four! That makes me feel so much better. Thank you, Rosa.",
                    say(
                        "wren",
                        20,
                        "Saving this whole exchange for the next time I talk myself "
                        "out of going.",
                        say(
                            "rosa",
                            22,
                            "@wren, if you do go and would like someone to look out "
                            "for you at the door, tell the organiser when you sign "
                            "up. Most of us would be glad to.",
                        ),
                    ),
                ),
                helpful=("maya", "wren", "heron"),
            ),
        ),
        say(
            "tala",
            9,
            "The part about groups being different from therapy helped me. I kept "
            "thinking I had to be *bad enough* to deserve a place. Is it normal to go "
            "just because you're lonely and a bit lost?",
            say(
                "juniper",
                10,
                "Completely normal, @tala. Some of the best members of our Thursday "
                "group came for exactly that reason. You don't have to bring a "
                "crisis, just yourself.",
                say(
                    "tala",
                    26,
                    "Okay. I've emailed one. Now I'm overthinking the email I already "
                    "sent.",
                    say(
                        "marigold",
                        27,
                        "Overthinking the already-sent email is practically a group "
                        "tradition. Good luck!",
                    ),
                ),
                helpful=("tala", "heron"),
            ),
        ),
        say(
            "sunny",
            14,
            "Practical question: are groups usually okay with you bringing a baby? "
            "My youngest is still tiny and I can't leave her yet.",
            say(
                "juniper",
                15,
                "Lots are. Group pages say whether they are child-friendly or offer "
                "childcare, and you can filter on it. If it isn't listed, ask the "
                'organiser; the worst she\'ll say is "not this one".',
                say(
                    "sunny",
                    18,
                    "Found one with a crèche ten minutes from home. Thank you!",
                ),
                helpful=("sunny",),
            ),
        ),
        say(
            "clover",
            40,
            "I'm not ready to put my name to this yet. Reading that the healing comes "
            "from the members made me cry on the bus. I haven't told anyone about "
            "the last two years. Maybe a group is where I start.",
            say(
                "rosa",
                41,
                "Thank you for writing this. Starting here counts too. When you feel "
                "ready, an online group where you can keep your camera off might be "
                "a gentle first step. There's no rush at all.",
                helpful=("clover", "maya"),
            ),
            say(
                "sam",
                43,
                "Sam from the moderation team. Your name is never shown on an "
                "anonymous comment, and if anything here ever feels unsafe you can "
                "report it and we will look at it. We're glad you're here.",
            ),
            anonymous=True,
        ),
    ],
    "when-eating-feels-out-of-control": [
        say(
            "wren",
            5,
            '"It is not about willpower." I needed someone with letters after her '
            "name to say that. I've spent years thinking I just wasn't trying hard "
            "enough.",
            say(
                "marigold",
                8,
                "Same, @wren. For a long time the shame weighed more than anything "
                "else about it.",
                say("wren", 11, "Yes. The shame is the part nobody sees."),
            ),
            say(
                "juniper",
                20,
                "We have an online group for this on Wednesday evenings. No numbers, "
                "no before-and-afters, just women talking about how the week went.",
            ),
        ),
        say(
            "clover",
            30,
            "I finally talked to my GP after reading this. I was so scared she would "
            "brush me off, but she was kind and referred me on. Posting in case "
            "someone else is sitting on the same fear.",
            say(
                "maya",
                32,
                "That took courage, @clover. Thank you for coming back to tell us.",
                say(
                    "clover",
                    50,
                    "Thank you. I'm still waiting for the appointment, but I feel "
                    "lighter for having said it out loud.",
                    say(
                        "sam",
                        52,
                        'Glad you feel lighter. If the wait gets hard, the "Finding '
                        'support" section has helplines you can call in the '
                        "meantime.",
                    ),
                ),
            ),
            helpful=("wren", "maya", "rosa", "tala"),
        ),
        say(
            "tala",
            70,
            "Does anyone else find family meals the hardest? Everyone has an opinion "
            "about what's on your plate.",
            say(
                "sunny",
                75,
                "Every single time. I keep one sentence ready (\"I'm fine, thanks. "
                "How's the garden?\") and change the subject. It helps a bit.",
                say("tala", 80, "I'm stealing the garden line."),
                helpful=("tala",),
            ),
        ),
    ],
    "speaking-up-at-work-dealing-with-discrimination": [
        say(
            "marigold",
            4,
            "The advice to write things down on the same day is gold. I coach women "
            "through this, and the ones with a simple dated record are in a much "
            "stronger position. They also feel less like they're imagining it.",
            say(
                "sunny",
                9,
                'Started a note on my phone this morning. I called it "Shopping '
                'list" so nobody looks twice.',
                say(
                    "marigold",
                    10,
                    "Ha! Just make sure it's kept somewhere that isn't a work account.",
                ),
            ),
            helpful=("sunny", "rosa"),
        ),
        say(
            "heron",
            22,
            "I was passed over after coming back from maternity leave and told it "
            'was "a restructure". The deadlines section made me realise I nearly '
            "missed my chance to do anything. Has anyone used one of the free advice "
            "clinics?",
            say(
                "rosa",
                24,
                "I went to one at our library, @heron. I walked in feeling silly and "
                "walked out with a plan and a list of dates. The adviser was lovely.",
                say(
                    "heron",
                    30,
                    "That's reassuring. Booked for Thursday.",
                    say(
                        "maya",
                        31,
                        "Thinking of you for Thursday.",
                        say(
                            "heron",
                            100,
                            "Update: it went well. I'm raising a grievance next "
                            "week. Thank you all, truly.",
                            helpful=("maya", "rosa"),
                        ),
                    ),
                ),
            ),
        ),
        say(
            "tala",
            60,
            'Does it still count if it\'s all "jokes"? Everyone laughs and I feel '
            "like the humourless one.",
            say(
                "juniper",
                62,
                "What the article says about patterns helped me here. One joke can be "
                'hard to pin down, but a run of "jokes" about the same thing is '
                "worth writing down. You're not humourless for not laughing, @tala.",
                helpful=("tala", "marigold"),
            ),
        ),
        say(
            "wren",
            150,
            '"You are not being difficult." That\'s going on a sticky note on my '
            "fridge.",
        ),
    ],
    "grief-in-the-first-year": [
        say(
            "maya",
            6,
            "My mum died in October. Grief being like weather is exactly it. Some "
            "days I'm fine, and then a song in a shop flattens me.",
            say(
                "fern",
                9,
                "I'm so sorry about your mum, @maya. Those moments in shops are so "
                "common, and they usually soften with time even if they never quite "
                "stop. Be gentle with yourself on the flattened days.",
                say("maya", 12, "Thank you, Fern. It helps to know it's common."),
                helpful=("maya", "wren", "heron"),
            ),
        ),
        say(
            "heron",
            30,
            "The first anniversary is coming up for me. I've decided to take the day "
            "off and go to the beach we used to visit. Is it strange that I'm almost "
            "looking forward to it?",
            say(
                "fern",
                33,
                "Not strange at all. Planning something that means something often "
                "makes the day itself gentler than the days before it. I hope the "
                "beach is kind to you.",
            ),
            say(
                "clover",
                35,
                "Not strange. I did the same with my dad's favourite walk. I cried "
                "and ate chips and somehow it was a good day.",
                say("heron", 40, "Crying and chips sounds exactly right."),
            ),
        ),
        say(
            "sunny",
            80,
            "Does anyone else feel guilty for laughing again? I had a really good "
            "evening with friends and felt awful afterwards.",
            say(
                "wren",
                84,
                "Yes. A friend told me that laughing isn't forgetting, and I hold on "
                "to that.",
                say(
                    "sunny",
                    90,
                    "Laughing isn't forgetting. Thank you, @wren.",
                    say(
                        "fern",
                        96,
                        "That's a lovely way to put it. Joy and grief can sit in the "
                        "same evening; one doesn't cancel the other.",
                        helpful=("sunny", "clover"),
                    ),
                ),
                helpful=("sunny", "heron", "maya"),
            ),
        ),
        say(
            "rosa",
            200,
            "@maya and @heron, in case it's useful: there's a small online "
            "bereavement circle on the first Sunday of each month, listed under "
            "Grief on the groups page. It's quiet, and nobody has to speak.",
        ),
    ],
    "building-assertiveness-one-conversation-at-a-time": [
        say(
            "juniper",
            3,
            'In our group we practise the "broken record" skill with silly '
            "situations first (sending back a cold coffee), and it's amazing how "
            "much easier the real conversations get afterwards.",
            say(
                "marigold",
                6,
                "Cold-coffee role play is the best warm-up. Nobody's heart races "
                "over a latte.",
                say(
                    "juniper",
                    8,
                    "Exactly. Then next month it's asking your manager for a day off.",
                ),
            ),
        ),
        say(
            "tala",
            20,
            "Thank you for the note on safety. Advice about being assertive often "
            "assumes the other person is reasonable. That isn't always true, and "
            "it's good to see it said.",
            say(
                "rosa",
                22,
                "So important. Being assertive with a colleague and staying safe with "
                "someone who frightens you are different skills, and both count.",
            ),
            helpful=("rosa", "maya", "sam"),
        ),
        say(
            "sunny",
            50,
            "I said no to hosting the big family dinner for the first time in eleven "
            "years. My sister took it far better than I'd imagined for weeks.",
            say("maya", 52, "Eleven years! Well done, @sunny."),
            say(
                "wren",
                55,
                "The worst version is always the one in our heads, isn't it?",
                say("sunny", 60, "Always. Enjoy your own dinner, everyone."),
            ),
            say(
                "clover",
                70,
                "This gave me the push to say no to an extra shift. Small, but mine.",
            ),
        ),
    ],
    "body-image-and-social-media": [
        say(
            "clover",
            4,
            "Unfollowed about forty accounts last night after reading this, "
            "including one that belongs to someone I know, which felt awkward. I "
            "feel lighter already.",
            say(
                "tala",
                6,
                "Muting instead of unfollowing helped me with people I know. They "
                "never find out and my feed is calmer.",
                say("marigold", 9, "Muting is underrated. Good tip, @tala."),
                helpful=("marigold", "heron"),
            ),
            say(
                "wren",
                12,
                "Forty! Brilliant. I did ten and felt like I'd run a marathon.",
            ),
            deleted=True,
        ),
        say(
            "maya",
            20,
            "What helped me most was following people who *do* things rather than "
            "people who look a certain way. My feed is now mostly potters and people "
            "growing tomatoes.",
            say(
                "sunny",
                22,
                "Potters are the most soothing corner of the internet.",
                say(
                    "maya",
                    24,
                    "Ten minutes of someone shaping a bowl in silence. Better than "
                    "any meditation app.",
                ),
            ),
        ),
        say(
            "heron",
            60,
            "How do I help my teenage daughter with this without sounding like I'm "
            "lecturing her?",
            say(
                "juniper",
                64,
                'With my niece, scrolling together and asking "how does that one '
                'make you feel?" worked better than telling her anything. She '
                "started noticing for herself.",
                say(
                    "heron",
                    70,
                    "That's much gentler than what I was planning. Thank you.",
                ),
                helpful=("heron", "sunny"),
            ),
            say(
                "sam",
                72,
                "If you ever worry it's become more than a bad patch for her, the "
                'section "When it might be more than a bad day" is a good place to '
                "start, and going to your GP together is always okay.",
            ),
        ),
    ],
    "postnatal-depression-first-months": [
        say(
            "sunny",
            5,
            "I wish I'd read this three years ago. I thought I was just tired and bad "
            "at it. It was postnatal depression, and it got better once I finally "
            "told my GP.",
            say(
                "rosa",
                8,
                'Thank you for sharing this, @sunny. "Tired and bad at it" is what '
                "so many of us tell ourselves.",
            ),
            say(
                "wren",
                14,
                "I'm six weeks in and this is the first time I've let myself think it "
                "might be more than the baby blues. I haven't said anything to "
                "anyone.",
                say(
                    "sunny",
                    15,
                    "I'm really glad you wrote this. Please talk to your GP. They "
                    "hear this all the time, and telling mine was the best thing I "
                    "did. You are not bad at this.",
                    say(
                        "wren",
                        30,
                        "I've booked an appointment for Monday. Thank you for "
                        "answering so quickly.",
                        say(
                            "sunny",
                            31,
                            "Monday-you is going to be so proud. Thinking of you.",
                            say(
                                "rosa",
                                33,
                                "Same here. Come back and tell us how it went, if "
                                "you'd like to.",
                            ),
                        ),
                        anonymous=True,
                    ),
                    helpful=("wren", "rosa", "maya"),
                ),
                say(
                    "sam",
                    16,
                    "A gentle note from the moderators: if you ever have thoughts of "
                    'harming yourself or your baby, the "Getting urgent help" '
                    "section lists who to call straight away. You deserve support.",
                ),
                anonymous=True,
            ),
            helpful=("maya", "rosa", "wren", "tala"),
        ),
        say(
            "marigold",
            100,
            "For partners reading: my husband read the section for partners, friends "
            "and family and it changed how he helped. He stopped asking what he "
            "could do and just took the night feeds at weekends.",
            say(
                "clover",
                110,
                "That section should be printed and handed out on every maternity "
                "ward.",
            ),
        ),
    ],
    "caring-for-an-ageing-parent": [
        say(
            "rosa",
            7,
            '"The feelings nobody mentions": resentment and love at the same time. '
            "I've felt like a terrible daughter for the resentment. Seeing it "
            "written down so plainly helps.",
            say(
                "fern",
                9,
                "You're not a terrible daughter, @rosa. Resentment usually means "
                "you're carrying more than one person should. It deserves a bit of "
                "care, not guilt.",
                say("rosa", 10, "I'm going to read that sentence a few more times."),
                helpful=("rosa", "heron", "maya"),
            ),
        ),
        say(
            "heron",
            25,
            "Has anyone asked for a carer's assessment? I didn't know they existed "
            "until I read this.",
            say(
                "marigold",
                30,
                "I did, for my dad. It took a while, but we got a few hours of "
                "respite a week. Those hours kept me going.",
                say(
                    "heron",
                    34,
                    "A few hours a week sounds like a lifeline. I'll ask.",
                    say(
                        "fern",
                        40,
                        "Please do, @heron. And when those hours come, try to spend "
                        "some of them on something just for you, not on chores.",
                        helpful=("heron",),
                    ),
                ),
            ),
        ),
        say(
            "wren",
            90,
            "My brother lives abroad and thinks sending money is the same as "
            "helping. How do you have that conversation without it turning into a "
            "row?",
            say(
                "juniper",
                95,
                "What helped in our family was a list of specific things he could do "
                "from far away: ringing the pharmacy, booking appointments online, a "
                "weekly video call with Mum so I could have an hour off.",
                say(
                    "wren",
                    100,
                    "A list. Of course. Less personal, more practical. Thank you.",
                ),
                helpful=("wren", "rosa"),
            ),
        ),
    ],
    "money-after-separation": [
        say(
            "heron",
            10,
            "I found debts in my name that I never agreed to. The part about "
            "checking your credit file was the first time I felt I could *do* "
            "something instead of just panicking.",
            say(
                "rosa",
                12,
                "That happens more often than people think, and it isn't your fault. "
                "The free advice services in the article deal with exactly this. "
                "They were patient with me when I didn't know where to start.",
                say(
                    "heron",
                    20,
                    "Thank you. I rang one this morning and I have an appointment.",
                    anonymous=True,
                ),
            ),
            anonymous=True,
            helpful=("rosa", "maya"),
        ),
        say(
            "tala",
            40,
            "The budgeting section made me realise I'd been avoiding my banking app "
            "for months. I opened it today. Not as bad as I'd feared.",
            say("maya", 42, "Opening the app is the hardest part! Well done."),
            say(
                "marigold",
                45,
                "I call this looking the dragon in the eye. The dragon is usually "
                "smaller up close.",
                helpful=("tala",),
            ),
            first_draft="The budgeting section made me realise I'd been avoiding my "
            "banking app for months.",
        ),
        say(
            "sunny",
            120,
            "Any tips for telling children that money will be tighter for a while, "
            "without worrying them?",
            say(
                "juniper",
                125,
                "We kept it simple and honest: \"We're being careful with money for a "
                "while, and we're going to be okay.\" The last part mattered most to "
                "them.",
                helpful=("sunny",),
            ),
        ),
    ],
    "early-sobriety-what-helps-women": [
        say(
            "wren",
            8,
            "Ninety days tomorrow. The section on what the first months can feel "
            "like describes my evenings exactly; the hour after work is still the "
            "hardest.",
            say(
                "maya",
                9,
                "Congratulations on ninety days, @wren! That evening hour is so real.",
                say(
                    "wren",
                    10,
                    "I've started going for a walk at exactly that time. It helps "
                    "more than I expected.",
                    say(
                        "juniper",
                        20,
                        "Walking through the hard hour is such a good idea. Our "
                        "online group meets at six for the same reason.",
                    ),
                ),
            ),
            helpful=("maya", "rosa", "clover", "juniper", "sunny"),
        ),
        say(
            "clover",
            50,
            "The advice to talk to a doctor before stopping mattered to me. I would "
            "have tried to do it alone otherwise. My GP was so matter-of-fact that I "
            "stopped feeling ashamed.",
            say(
                "rosa",
                55,
                "Matter-of-fact is what we all need. Thank you for saying this, "
                "@clover.",
            ),
        ),
        say(
            "tala",
            150,
            "What do you say when people at parties ask why you're not drinking?",
            say(
                "wren",
                152,
                '"Not tonight", and a sparkling water with lime. Nobody has ever '
                "asked a second question.",
                helpful=("tala", "marigold"),
            ),
        ),
    ],
    "loneliness-in-a-new-country": [
        say(
            "tala",
            4,
            "This is me. I moved eight months ago for work. I speak the language, "
            "but I still feel like I'm watching everyone through glass.",
            say(
                "juniper",
                6,
                "Watching through glass is such an exact way to describe it. Our "
                "online group has several women who have moved countries; you'd be "
                "very welcome, @tala.",
                say(
                    "tala",
                    12,
                    "I might try it. Do people have their cameras on?",
                    say(
                        "juniper",
                        13,
                        "Only if they want to. Plenty of people keep them off for "
                        "the first few weeks.",
                    ),
                ),
            ),
            say(
                "maya",
                20,
                "I moved cities, not countries, so it isn't the same, but going to "
                "the same café every week worked for me. The barista now asks about "
                "my tomatoes.",
                say(
                    "tala",
                    24,
                    "Tomato updates as the start of a friendship. I love this.",
                ),
            ),
            helpful=("maya", "heron", "juniper"),
        ),
        say(
            "sam",
            30,
            "A gentle reminder from the moderation team: it's lovely to see people "
            "offering to meet. Please arrange it through the group pages rather than "
            "sharing phone numbers or addresses in comments.",
        ),
        say(
            "heron",
            80,
            "The section on grieving the life you left surprised me. I didn't expect "
            "to grieve a place, but that's what it is.",
            say(
                "clover",
                85,
                "Missing a place is real. I still miss the smell of my grandmother's "
                "street.",
            ),
        ),
    ],
}

# Seeding posts many comments per person within seconds, far past the limits meant
# for people typing, and the demo accounts are all less than a day old.
_SEEDING_SETTINGS = {
    "COMMENT_RATE_LIMITS": {
        "account": {"minute": 10_000, "day": 10_000},
        "new_account": {"minute": 10_000, "day": 10_000},
    },
    "COMMENT_HOLD_NEW_ACCOUNTS": False,
}


def seed_discussions(users: dict[str, User]) -> int:
    """Post the demo discussions; returns how many comments were posted. An
    article that has comments already, or whose comments are closed, is left as
    it is, so running again adds nothing."""
    articles = Article.objects.in_bulk(list(DISCUSSIONS), field_name="slug")
    posted = 0
    with override_settings(**_SEEDING_SETTINGS):
        for slug, remarks in DISCUSSIONS.items():
            article = articles.get(slug)
            if article is None or not article.comments_open or not article.is_public:
                continue
            if article.comments.exists():
                continue
            with transaction.atomic():
                posted += _seed_discussion(article, remarks, users)
            # The services refresh the page cache; this catches the moved dates.
            threads.bump_discussion_version(article.pk)
    return posted


def walk(remarks, parent: Remark | None = None):
    """(remark, parent) pairs, each parent before its replies."""
    for remark in remarks:
        yield remark, parent
        yield from walk(remark.replies, remark)


def _seed_discussion(article: Article, remarks: list[Remark], users) -> int:
    pairs = list(walk(remarks))
    comments: dict[int, Comment] = {}  # id(remark) -> its comment
    for remark, parent in sorted(pairs, key=lambda pair: pair[0].at):
        author = users[remark.by]
        comments[id(remark)] = discussion.post_comment(
            article=article,
            author=author,
            body=remark.first_draft or remark.body,
            parent=comments[id(parent)] if parent else None,
            is_anonymous=remark.anonymous,
        )
        if remark.first_draft:
            discussion.edit_comment(
                comment=comments[id(remark)], user=author, body=remark.body
            )
    for remark, _ in pairs:
        for username in remark.helpful:
            discussion.toggle_helpful(
                comment=comments[id(remark)], user=users[username], mark=True
            )
    when = _timestamps(article, [remark for remark, _ in pairs])
    for remark, _ in pairs:
        comment = comments[id(remark)]
        comment.created_at = when[id(remark)]
        if comment.edited_at is not None:
            comment.edited_at = comment.created_at + timedelta(minutes=6)
    Comment.objects.bulk_update(comments.values(), ["created_at", "edited_at"])
    for remark, _ in pairs:
        comment = comments[id(remark)]
        # A mark comes a little after the comment; notifications come with it.
        CommentHelpful.objects.filter(comment=comment).update(
            created_at=min(comment.created_at + timedelta(hours=2), timezone.now())
        )
        Notification.objects.filter(url=comment.get_absolute_url()).update(
            created_at=comment.created_at
        )
    for remark, _ in pairs:
        if remark.deleted:
            discussion.delete_comment(
                comment=comments[id(remark)], user=users[remark.by]
            )
    return len(pairs)


def _timestamps(article: Article, remarks: list[Remark]) -> dict:
    """When each remark was "written": ``at`` hours after publication, squeezed
    proportionally when the article is too recent for the whole discussion (the
    order stays the same), and always in the past."""
    now = timezone.now()
    published = article.published_at
    latest = max(remark.at for remark in remarks)
    available = (now - published - timedelta(minutes=30)).total_seconds() / 3600
    scale = min(1.0, max(available, 0) / latest) if latest else 1.0
    return {
        id(remark): min(published + timedelta(hours=remark.at * scale), now)
        for remark in remarks
    }


# The big thread ------------------------------------------------------------------

# Short, kind lines for the generated thread. Seeding counts the comments that use
# them to know how many big-thread comments an article has already.
BIG_THREAD_LINES = [
    "This is so helpful, thank you for writing it.",
    "I needed to read this today.",
    "Same here. You're not alone in this.",
    "Sending you a lot of warmth.",
    "That's a really good point, I hadn't thought of it that way.",
    "I'm saving this to come back to on harder days.",
    "Thank you for sharing. It takes courage.",
    "Does anyone know if there's a group like this near the coast?",
    "I tried this last week and it helped more than I expected.",
    "Small steps still count. Well done.",
    "Reading everyone's replies made me feel less strange.",
    "I went to my first meeting on Tuesday. Everyone was kind.",
    "This made me cry in a good way.",
    "What helped me was writing things down each evening.",
    "Be gentle with yourself. You're doing better than you think.",
    "I had the same worry before my first group.",
    "Thank you, this is exactly what I needed to hear.",
    "How did you find the courage to bring it up?",
    "I'd love to hear how it goes, if you'd like to share.",
    "My GP was kinder than I feared when I finally talked to her.",
    "Yes! The quiet people notice the most.",
    "I've started taking a short walk at lunchtime. It helps.",
    "It's okay to just listen for a while.",
    "That sentence is going on a sticky note on my fridge.",
    "I'm a few months further along and it does get easier.",
    "Thinking of you this week.",
    "I felt exactly this, and it eased with time.",
    "Good question. I'd like to know too.",
    "The online group was a gentle way to start for me.",
    "Thank you for putting it so plainly.",
    "I never thought of asking for help as a strength before.",
    "Some days are heavier than others, and that's allowed.",
    "Your reply made my morning.",
    "I showed this to my sister and we finally talked.",
    "Cameras off was fine for the first few weeks.",
    "Still here, still reading, still grateful.",
    "That's brave. I hope it went well.",
    "I keep coming back to this thread.",
    "Tea, a blanket and this discussion. Thank you all.",
    "Listening counts as taking part. I love that.",
]
BIG_THREAD_TOP_LEVEL_SHARE = 0.25
BIG_THREAD_MAX_DEPTH = 8


def big_thread_size(article: Article) -> int:
    """How many generated big-thread comments the article has."""
    return article.comments.filter(body__in=BIG_THREAD_LINES).count()


def add_big_thread(
    article: Article, total: int, authors: list[User], *, seed: int = 2026
) -> int:
    """Give the article generated comments until it has ``total`` of them (those
    from earlier runs count), and return how many were added. Inserted in bulk
    with ids taken from the sequence in one query, so a few thousand take a
    second or two; the counters are set as the services would keep them. About a
    quarter start threads, the rest reply at depths up to 8, mostly to recent
    comments, a few anonymously; about one in ten has helpful marks."""
    if len(authors) < 2:
        raise ValueError("A big thread needs at least two authors.")
    count = total - big_thread_size(article)
    if count <= 0:
        return 0
    rng = random.Random(seed + total - count)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('articles_comment', 'id')) "
            "FROM generate_series(1, %s)",
            [count],
        )
        # Ascending, so a reply always has a larger id than its parent.
        ids = sorted(row[0] for row in cursor.fetchall())
    html = {line: render_comment(line, {}) for line in BIG_THREAD_LINES}
    now = timezone.now()
    start = max(article.published_at, now - timedelta(days=30))
    step = (now - start - timedelta(minutes=1)) / count
    comments: list[Comment] = []
    can_take_replies: list[Comment] = []
    for position, comment_id in enumerate(ids):
        parent = None
        if can_take_replies and rng.random() >= BIG_THREAD_TOP_LEVEL_SHARE:
            recent = rng.random() < 0.6
            pool = can_take_replies[-25:] if recent else can_take_replies
            parent = rng.choice(pool)
        author = rng.choice(authors)
        if parent is not None and author.pk == parent.author_id:
            author = authors[(authors.index(author) + 1) % len(authors)]
        line = rng.choice(BIG_THREAD_LINES)
        comment = Comment(
            id=comment_id,
            article=article,
            author=author,
            parent=parent,
            **Comment.tree_position(comment_id, parent),
            body=line,
            body_html=html[line],
            is_anonymous=rng.random() < 0.03,
            created_at=start + step * position,
        )
        comments.append(comment)
        if comment.depth < BIG_THREAD_MAX_DEPTH:
            can_take_replies.append(comment)
    by_id = {comment.pk: comment for comment in comments}
    for comment in comments:
        if comment.parent_id is not None:
            by_id[comment.parent_id].reply_count += 1
        for ancestor_id in _ancestor_ids(comment.path):
            by_id[ancestor_id].descendant_count += 1
    marks = []
    for comment in comments:
        if rng.random() < 0.1:
            others = [user for user in authors if user.pk != comment.author_id]
            for user in rng.sample(others, min(len(others), rng.randint(1, 3))):
                marks.append(CommentHelpful(comment=comment, user=user))
                comment.helpful_count += 1
    with transaction.atomic():
        # auto_now_add would overwrite created_at: insert, then set the times.
        Comment.objects.bulk_create(comments, batch_size=2000)
        created = {comment.pk: comment.created_at for comment in comments}
        _set_created_at(created)
        CommentHelpful.objects.bulk_create(marks, batch_size=2000)
    threads.bump_discussion_version(article.pk)
    return count


def _ancestor_ids(path: str) -> list[int]:
    return [int(segment) for segment in path.split("/") if segment][:-1]


def _set_created_at(created: dict, batch_size: int = 5000) -> None:
    """Set many comments' created_at, an UPDATE ... FROM (VALUES ...) per batch."""
    pairs = list(created.items())
    with connection.cursor() as cursor:
        for start in range(0, len(pairs), batch_size):
            batch = pairs[start : start + batch_size]
            rows = ", ".join(["(%s, %s::timestamptz)"] * len(batch))
            cursor.execute(
                "UPDATE articles_comment AS c SET created_at = v.created_at "
                f"FROM (VALUES {rows}) AS v(id, created_at) WHERE c.id = v.id",
                [value for pair in batch for value in pair],
            )


def featured_article() -> Article | None:
    """The article `seed_demo --big-thread` fills: the first featured demo article
    open for comments."""
    return (
        Article.objects.published()
        .filter(comments_open=True)
        .order_by("-is_featured", "-published_at")
        .first()
    )


def demo_authors(users: dict[str, User]) -> list[User]:
    """Who writes the big thread: the demo members (not the moderators)."""
    return [user for user in users.values() if not user.is_staff]
