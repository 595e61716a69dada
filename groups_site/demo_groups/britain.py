"""Demo groups in the United Kingdom. All text is invented."""

from groups.models import Group

Day = Group.Weekday

GROUPS = [
    {
        "slug": "leeds-thursday-circle",
        "name": "Thursday Circle, Leeds",
        "tagline": "A steady weekly circle for women who have left, or are "
        "thinking of leaving, an abusive relationship.",
        "topics": ["domestic-abuse", "self-esteem-and-assertiveness"],
        "city": ("Leeds", "GB"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "peer",
        "facilitator_credentials": "Run by two women with lived experience; both "
        "completed a 30-hour group facilitation course.",
        "host_organization": "Northgate Women's Centre",
        "area_description": "City centre, five minutes' walk from the bus station",
        "street_address": "Room 3, Northgate Women's Centre, 14 Orchard Street",
        "venue_notes": "Use the side door on Mill Lane and press the buzzer marked "
        "Room 3. Step-free entrance and an accessible toilet on the same floor.",
        "meeting_day": Day.THURSDAY,
        "start_time": "18:30",
        "end_time": "20:00",
        "capacity": 12,
        "wheelchair_accessible": True,
        "join_policy": "approval",
        "join_question": "Is there anything that would help you feel safe coming "
        "to your first meeting?",
        "extra_rules": ["Phones on silent and face down."],
        "organizers": ["rosa"],
        "facilitators": ["juniper"],
        "members": ["maya", "wren", "marigold", "tala"],
        "requests": {"heron": "I'd like to sit near the door the first time."},
        "former": {"clover": "left"},
        "description": """
            Thursday Circle is a small group of women who know what it is like to
            live with someone who frightens or controls them. Some of us left years
            ago, some are still working out what to do. You don't need to explain
            or prove anything to come.

            Each evening starts with a short check-in: your name and one word for
            your week. Then there is time for whoever wants to talk, and we finish
            with something practical, such as a safety plan, a letter to a
            solicitor or simply what we will do to look after ourselves this
            weekend.

            There is tea, biscuits and a box of tissues. You can listen the whole
            time if you prefer. *Nobody will ever ask you to share more than you
            want to.*
        """,
    },
    {
        "slug": "leeds-starting-over-after-separation",
        "name": "Starting Over After Separation",
        "tagline": "Practical help and good company while you untangle a home, "
        "money and a future after a relationship ends.",
        "topics": ["divorce-and-separation", "career-and-money"],
        "city": ("Leeds", "GB"),
        "format": "hybrid",
        "venue_type": "office",
        "facilitation": "social_worker",
        "facilitator_credentials": "Registered social worker with twelve years in "
        "family services.",
        "host_organization": "Aire Valley Family Support",
        "area_description": "Headingley, near the main shops",
        "street_address": "First floor meeting room, 27 Larchfield Road",
        "venue_notes": "The office is above the bakery; the door is to the left of "
        "the shop window. There is a lift. Online members get the link the day "
        "before.",
        "online_link": "https://meet.kindred.example/room/starting-over-leeds",
        "online_notes": "The passcode is in the reminder message each Monday.",
        "meeting_day": Day.MONDAY,
        "start_time": "19:00",
        "end_time": "20:30",
        "schedule_note": "Every other Monday",
        "capacity": 14,
        "cost": "donation",
        "cost_details": "pay what you can; nobody is turned away",
        "wheelchair_accessible": True,
        "join_policy": "approval",
        "join_question": "Would you like to join in person, online, or both?",
        "organizers": ["rosa"],
        "members": ["wren", "fern"],
        "requests": {
            "maya": "In person, I think. I'm just starting to sort out the house "
            "and could use some company in it.",
            "clover": "Online please, my evenings are tricky.",
        },
        "former": {"sunny": "declined"},
        "description": """
            Separating brings a pile of decisions at the very moment you feel least
            able to make them: where to live, how to share the children's time,
            what to do about a joint account. This group takes them one at a time,
            with people who are doing the same.

            Every other Monday we pick one theme, for example:

            - child arrangements and talking to the children
            - budgets, benefits and separating finances
            - dealing with the family home
            - looking after yourself when you are exhausted

            The first half hour is a short, plain-language talk; the rest is
            conversation. You can come to the room or join from home, and you can
            switch between the two whenever you like.
        """,
    },
    {
        "slug": "leeds-walk-and-talk-for-grief",
        "name": "Walk and Talk for Grief",
        "tagline": "A gentle Saturday walk in the park followed by a warm drink, "
        "for women living with loss.",
        "topics": ["grief-and-loss"],
        "city": ("Leeds", "GB"),
        "format": "in_person",
        "venue_type": "cafe",
        "facilitation": "counsellor",
        "facilitator_credentials": "Bereavement counsellor, BACP registered.",
        "area_description": "Roundhay, meeting by the park café",
        "street_address": "The Lakeside Café, 3 Boathouse Row (we meet outside)",
        "venue_notes": "Look for the green umbrella by the café door. If it rains "
        "hard we stay inside at the big corner table.",
        "meeting_day": Day.SATURDAY,
        "start_time": "10:00",
        "end_time": "11:30",
        "capacity": 16,
        "child_friendly": True,
        "extra_rules": ["Walk at the pace of the slowest person."],
        "organizers": ["fern"],
        "members": ["maya", "tala", "heron"],
        "description": """
            Sometimes it is easier to talk side by side than face to face. We walk
            one slow loop of the lake together, about forty minutes on flat paths,
            and then sit down for tea and cake in the café.

            Whoever you have lost, and however long ago, you are welcome. Some weeks
            we talk about the person we miss; some weeks we talk about the weather.
            Both are fine.

            Buggies and well-behaved dogs are welcome on the walk. Bring a coat: we
            go in almost all weathers.
        """,
    },
    {
        "slug": "leeds-new-mums-morning",
        "name": "New Mums' Morning",
        "tagline": "Bring the baby, have a hot drink while someone else holds "
        "her, and talk honestly about the first year.",
        "topics": ["new-mothers", "anxiety-and-depression"],
        "city": ("Leeds", "GB"),
        "format": "in_person",
        "venue_type": "place_of_worship",
        "facilitation": "organization_staff",
        "facilitator_credentials": "Led by a health visitor and a trained "
        "volunteer from the charity.",
        "host_organization": "Little Steps Family Charity",
        "area_description": "Chapeltown, near the library",
        "street_address": "St Bride's Church Hall, 8 Willow Grove",
        "venue_notes": "The hall is behind the church; follow the path round to "
        "the right. There is space for prams inside the door and a changing mat.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "10:00",
        "end_time": "11:30",
        "capacity": 20,
        "childcare": True,
        "child_friendly": True,
        "wheelchair_accessible": True,
        "extra_rules": ["Feed, change and rock your baby whenever you need to."],
        "organizers": ["sunny"],
        "members": ["clover", "heron"],
        "description": """
            The first months with a baby can be lovely and also lonely, frightening
            and very, very tired. New Mums' Morning is a place to say so out loud.

            Babies up to about eighteen months come too. A volunteer plays with
            older babies on the mat so you can drink your tea while it is hot.
            Around eleven o'clock the health visitor joins the circle to answer
            questions, including about low mood and anxiety after birth.

            You don't need to book. If you have been feeling low for a while, the
            health visitor can talk with you privately after the group.
        """,
    },
    {
        "slug": "london-women-at-work-circle",
        "name": "Women at Work Circle",
        "tagline": "For women facing sexism, racism or being pushed out at work: "
        "know your options and find your footing.",
        "topics": ["discrimination-at-work", "career-and-money"],
        "city": ("London", "GB"),
        "format": "in_person",
        "venue_type": "office",
        "facilitation": "life_coach",
        "facilitator_credentials": "Accredited career coach; fifteen years as an "
        "HR manager before that.",
        "host_organization": "Fairworth Coaching Collective",
        "area_description": "South Bank, close to the river",
        "street_address": "Meeting Room B, 5th floor, 41 Tanner's Yard",
        "venue_notes": "Sign in at reception with your first name only and say you "
        "are here for the Tuesday circle. Lifts to all floors.",
        "meeting_day": Day.TUESDAY,
        "start_time": "18:30",
        "end_time": "20:00",
        "capacity": 12,
        "cost": "fee",
        "cost_details": "£8 a session; free for anyone out of work",
        "wheelchair_accessible": True,
        "organizers": ["marigold"],
        "members": ["tala", "juniper", "clover"],
        "description": """
            Being talked over, passed over or quietly managed out wears you down,
            especially when people tell you that you are imagining it. In this
            circle you will meet women who recognise what is happening, and leave
            each evening with one concrete next step.

            We cover things like keeping a record of incidents, informal and formal
            complaints, what to expect from a grievance meeting, and when to seek
            legal advice. We also make room for the feelings: anger, self-doubt and
            the dread of Monday mornings.

            This is not legal advice, but the facilitator can point you to free
            advice services when you need them.
        """,
    },
    {
        "slug": "london-eating-disorder-recovery-circle",
        "name": "Eating Disorder Recovery Circle",
        "tagline": "A therapist-led group for women in recovery from anorexia, "
        "bulimia or binge eating.",
        "topics": ["eating-disorders", "body-image"],
        "city": ("London", "GB"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "therapist",
        "facilitator_credentials": "Clinical psychologist specialising in eating "
        "disorders, HCPC registered.",
        "host_organization": "Brookfield Community Wellbeing",
        "area_description": "Islington, near the canal",
        "street_address": "The Garden Room, Brookfield Centre, 22 Quayside Walk",
        "venue_notes": "Ring the bell and someone will let you in. The room has "
        "soft chairs, and there is always water but never any food.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "18:00",
        "end_time": "19:30",
        "capacity": 10,
        "cost": "donation",
        "cost_details": "suggested £5, nothing if money is tight",
        "join_policy": "approval",
        "join_question": "Are you currently working with a doctor or treatment "
        "team? (It's fine if not; it helps us plan.)",
        "extra_rules": ["No talk of numbers: weights, sizes or calories."],
        "organizers": ["juniper"],
        "members": ["heron", "sunny"],
        "description": """
            Recovery rarely runs in a straight line. This group is for the ups,
            the slips and the long middle stretch, with a therapist who knows
            eating disorders well and women who understand without needing it
            explained.

            We use ideas from cognitive behavioural therapy and self-compassion,
            but mostly we talk. The group does not replace treatment; many members
            see their own doctor or therapist as well.

            To keep the room safe for everyone, we never mention weights, sizes
            or calories, and we don't comment on anyone's body, including our own.
        """,
    },
    {
        "slug": "london-sunday-space-for-survivors",
        "name": "Sunday Space for Survivors",
        "tagline": "A quiet Sunday afternoon group for women who have experienced "
        "sexual violence, whenever it happened.",
        "topics": ["sexual-violence"],
        "city": ("London", "GB"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "counsellor",
        "facilitator_credentials": "Trauma counsellor, ten years at a sexual "
        "violence support service.",
        "area_description": "North London, a short walk from the Underground",
        "street_address": "Upstairs studio, Linden Community House, 9 Mercer Road",
        "venue_notes": "The entrance is at the back of the building. A volunteer "
        "waits by the door from 2.45 so you don't have to find the room alone.",
        "meeting_day": Day.SUNDAY,
        "start_time": "15:00",
        "end_time": "16:30",
        "capacity": 8,
        "visibility": "unlisted",
        "join_policy": "approval",
        "join_question": "How did you hear about the group?",
        "extra_rules": ["You may leave the room at any time without explaining."],
        "organizers": ["heron"],
        "members": ["wren", "fern"],
        "description": """
            This group is not listed in search: members share the link with women
            they think it could help. It is small on purpose, never more than eight
            people, and the same faces most weeks.

            There is no need to talk about what happened to you. Many of us talk
            instead about sleep, trust, being touched, or coping with a court case.
            The counsellor keeps the pace slow and checks in with anyone who looks
            upset.

            If you would like to meet the counsellor on her own before your first
            Sunday, say so in your request and she will arrange a short call.
        """,
    },
    {
        "slug": "london-carers-cuppa",
        "name": "Carers' Cuppa",
        "tagline": "An hour off for women who look after someone: a parent, a "
        "partner or a child who needs care.",
        "topics": ["caregiving"],
        "city": ("London", "GB"),
        "format": "in_person",
        "venue_type": "cafe",
        "facilitation": "peer",
        "facilitator_credentials": "Run by a carer who has looked after her mother "
        "for nine years.",
        "area_description": "Lewisham, by the market",
        "street_address": "Back room, The Copper Kettle, 52 Station Parade",
        "venue_notes": "Tell the staff you are with the carers' table; the first "
        "drink is paid for by the café.",
        "meeting_day": Day.FRIDAY,
        "start_time": "13:00",
        "end_time": "14:00",
        "capacity": 10,
        "wheelchair_accessible": True,
        "organizers": ["tala"],
        "members": ["marigold", "clover"],
        "description": """
            Caring is often a full-time job that nobody sees. Carers' Cuppa is one
            hour in the week that is just for you, with women who also know the
            medication rota by heart.

            We swap tips on benefits, respite care and getting doctors to listen,
            and we laugh more than you might expect. If you can only come for
            twenty minutes before rushing back, come anyway.
        """,
    },
    {
        "slug": "manchester-sober-sisters",
        "name": "Sober Sisters Manchester",
        "tagline": "Women supporting each other in recovery from alcohol and "
        "drugs, from day one to year ten.",
        "topics": ["addiction-recovery"],
        "city": ("Manchester", "GB"),
        "format": "in_person",
        "venue_type": "place_of_worship",
        "facilitation": "peer",
        "facilitator_credentials": "Led by women in long-term recovery.",
        "area_description": "Northern Quarter, close to the tram stop",
        "street_address": "Friends' Meeting Room, 16 Cotton Lane",
        "venue_notes": "The meeting room is on the ground floor; go through the "
        "garden gate. Tea, coffee and plenty of sugar.",
        "meeting_day": Day.TUESDAY,
        "start_time": "19:30",
        "end_time": "21:00",
        "capacity": 25,
        "cost": "donation",
        "cost_details": "a pot for tea money",
        "wheelchair_accessible": True,
        "extra_rules": ["Come as you are, but please don't come under the influence."],
        "organizers": ["clover", "rosa"],
        "members": ["heron", "wren"],
        "description": """
            Sober Sisters is for any woman who wants to stop or cut down on drink
            or drugs, whatever her story. It doesn't matter whether you use a
            twelve-step programme, another approach or none at all.

            We start with a reading chosen by a member, go round the circle, and
            finish with anyone who wants to mark a milestone: a day, a month, a
            year. Newcomers are welcomed by name, if they want to give one.
        """,
    },
    {
        "slug": "manchester-living-with-chronic-pain",
        "name": "Living with Chronic Pain",
        "tagline": "Share what helps and what doesn't, in a group that never asks "
        "you to push through.",
        "topics": ["chronic-illness"],
        "city": ("Manchester", "GB"),
        "format": "hybrid",
        "venue_type": "community_centre",
        "facilitation": "organization_staff",
        "facilitator_credentials": "Led by a pain-management nurse from the trust.",
        "host_organization": "Irwell Health Partnership",
        "area_description": "Salford side, near the quays",
        "street_address": "Quiet Room, Riverside Centre, 4 Ferry Wharf",
        "venue_notes": "Free parking right outside, reclining chairs and cushions "
        "available. Join online with camera off if that suits your body today.",
        "online_link": "https://meet.kindred.example/room/pain-manchester",
        "online_notes": "No passcode; you will be let in from the waiting room.",
        "meeting_day": Day.THURSDAY,
        "start_time": "13:30",
        "end_time": "15:00",
        "capacity": 20,
        "wheelchair_accessible": True,
        "extra_rules": ["Stand, stretch or lie down whenever you need to."],
        "organizers": ["wren"],
        "members": ["juniper", "tala", "sunny"],
        "description": """
            Long-term pain is exhausting, and explaining it to people who don't
            have it can be even more tiring. Here, nobody needs convincing.

            The nurse brings a short topic each week, such as pacing, sleep,
            flare-up plans or talking to your GP, and the rest of the time is
            yours. Half of the group joins online, so there is no pressure to
            make the journey on a bad day.
        """,
    },
    {
        "slug": "manchester-finding-your-voice",
        "name": "Finding Your Voice",
        "tagline": "Practise saying no, asking for what you need and standing "
        "your ground, in a small and friendly group.",
        "topics": ["self-esteem-and-assertiveness"],
        "city": ("Manchester", "GB"),
        "format": "in_person",
        "venue_type": "members_home",
        "facilitation": "peer",
        "facilitator_credentials": "Peer facilitator; trained in assertiveness "
        "skills teaching.",
        "area_description": "Chorlton, near the green",
        "street_address": "Flat 2, 31 Beechcroft Avenue",
        "venue_notes": "Ground-floor flat with one small step at the door. A cat "
        "lives here: tell us if you are allergic and we will meet elsewhere.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "19:00",
        "end_time": "20:30",
        "capacity": 6,
        "status": "pending",
        "join_policy": "approval",
        "join_question": "What would you like to get better at saying?",
        "organizers": ["rosa"],
        "description": """
            Many of us grew up learning to keep the peace. Finding Your Voice is a
            six-person group where you can practise the opposite, starting small.

            Each week we choose a real situation a member is facing, like turning
            down an extra shift or asking a sister to stop criticising, and try
            out different ways of saying it. It feels silly for about two minutes,
            and then it helps.

            We meet in a member's living room, so the group is kept small and
            new members are welcomed by approval.
        """,
    },
]
