"""Demo groups in Nigeria, Kenya, South Africa, India, Australia and New Zealand.
All text is invented."""

from groups.models import Group

Day = Group.Weekday

GROUPS = [
    {
        "slug": "lagos-sisters-rising",
        "name": "Sisters Rising",
        "tagline": "A confidential circle for women healing from abuse at home, "
        "and finding their strength again.",
        "topics": ["domestic-abuse", "self-esteem-and-assertiveness"],
        "city": ("Lagos", "NG"),
        "format": "in_person",
        "venue_type": "place_of_worship",
        "facilitation": "counsellor",
        "facilitator_credentials": "Professional counsellor with a master's in "
        "counselling psychology.",
        "host_organization": "Palm Grove Women's Fellowship",
        "area_description": "Yaba, near the university",
        "street_address": "Women's Room, Palm Grove Chapel, 12 Palm Close",
        "venue_notes": "Enter through the side gate; the room is behind the main "
        "hall. There is a generator, so we meet whatever the power.",
        "meeting_day": Day.SATURDAY,
        "start_time": "16:00",
        "end_time": "17:30",
        "capacity": 15,
        "languages": ["en", "yo"],
        "join_policy": "approval",
        "join_question": "Is it safe for us to contact you by message? If not, "
        "tell us what is best.",
        "extra_rules": ["What you share is not taken to church leaders or family."],
        "organizers": ["juniper"],
        "members": ["tala", "heron"],
        "description": """
            Sisters Rising meets in a church building, but it is not a church
            group: women of any faith or none are welcome, and nobody will tell
            you to pray it away or go back home to keep the peace.

            We talk about what happened, about family pressure, money, and how to
            stay safe. The counsellor can link you to legal aid and shelter when
            you are ready.

            We speak English and Yoruba, and sometimes a bit of Pidgin when
            English is too polite for the feeling.
        """,
    },
    {
        "slug": "lagos-women-in-tech-circle",
        "name": "Women in Tech Circle",
        "tagline": "Peer support and coaching for women building careers in "
        "tech, where they are still too often the only one in the room.",
        "topics": ["discrimination-at-work", "career-and-money"],
        "city": ("Lagos", "NG"),
        "format": "hybrid",
        "venue_type": "office",
        "facilitation": "life_coach",
        "facilitator_credentials": "Certified career coach; former software "
        "engineering manager.",
        "host_organization": "Baobab Works Hub",
        "area_description": "Victoria Island",
        "street_address": "Training Room 2, Baobab Works Hub, 5 Iroko Crescent",
        "venue_notes": "Tell the security desk you are with the Thursday circle. "
        "Remote members dial in on the room's screen.",
        "online_link": "https://meet.kindred.example/room/lagos-tech",
        "online_notes": "The link opens 15 minutes early for a chat.",
        "meeting_day": Day.THURSDAY,
        "start_time": "18:30",
        "end_time": "20:00",
        "capacity": 24,
        "cost": "fee",
        "cost_details": "₦5,000 a month; free for students and job seekers",
        "organizers": ["marigold"],
        "members": ["wren", "sunny"],
        "description": """
            Being the only woman on the team means small slights add up: your
            idea credited to someone else, the assumption you'll take notes, the
            promotion that somehow goes elsewhere. This circle is where we say it
            and plan what to do about it.

            Alternate weeks are coaching evenings, covering salary conversations,
            interviews and getting a mentor, and open sharing evenings. Join from
            the hub or online.
        """,
    },
    {
        "slug": "nairobi-amani-circle",
        "name": "Amani Circle",
        "tagline": "A therapist-led group for women after sexual violence. "
        "Amani means peace.",
        "topics": ["sexual-violence", "anxiety-and-depression"],
        "city": ("Nairobi", "KE"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "therapist",
        "facilitator_credentials": "Counselling psychologist, trauma-focused therapy.",
        "host_organization": "Mvule Women's Health Centre",
        "area_description": "Westlands",
        "street_address": "Room 7, Mvule Centre, Jacaranda Close",
        "venue_notes": "Ask at the reception for Room 7. Transport money can be "
        "refunded for anyone who needs it.",
        "meeting_day": Day.TUESDAY,
        "start_time": "14:00",
        "end_time": "15:30",
        "capacity": 10,
        "languages": ["sw", "en"],
        "join_policy": "approval",
        "join_question": "Would you like to speak with the therapist before your "
        "first session?",
        "organizers": ["heron"],
        "members": ["fern", "clover"],
        "description": """
            Amani Circle is a small, closed group that meets at the health
            centre. It is for women who have experienced rape or sexual assault,
            recently or long ago.

            The therapist helps the group understand trauma reactions like
            nightmares, fear and numbness, and practise ways to calm the body.
            You never have to describe what happened.

            Tunazungumza Kiswahili na Kiingereza. We speak Swahili and English.
        """,
    },
    {
        "slug": "nairobi-mama-na-mtoto",
        "name": "Mama na Mtoto",
        "tagline": "A friendly morning for mothers and babies: health talks, "
        "songs and time to rest.",
        "topics": ["new-mothers", "family-and-parenting"],
        "city": ("Nairobi", "KE"),
        "format": "in_person",
        "venue_type": "place_of_worship",
        "facilitation": "organization_staff",
        "facilitator_credentials": "Community health promoter and a trained "
        "peer mother.",
        "host_organization": "Jamii Mothers' Network",
        "area_description": "Eastlands",
        "street_address": "Church Hall, St Agnes Mission, Mwangaza Road",
        "venue_notes": "Mats and toys for the babies. Bring a kanga or shawl if "
        "you like to sit on the floor.",
        "meeting_day": Day.THURSDAY,
        "start_time": "10:00",
        "end_time": "12:00",
        "capacity": 30,
        "languages": ["sw", "en"],
        "childcare": True,
        "child_friendly": True,
        "organizers": ["sunny"],
        "members": ["juniper", "tala"],
        "description": """
            Mama na Mtoto (mother and child) welcomes pregnant women and mothers
            of babies under two. Every Thursday the health promoter gives a short
            talk on feeding, immunisation, sleep or the mother's own health.

            Then we drink tea, the babies play on the mats, and we talk. Many
            mothers come for the advice and stay for the friendship.
        """,
    },
    {
        "slug": "johannesburg-rise-after-divorce",
        "name": "Rise After Divorce",
        "tagline": "For women rebuilding life and money after a divorce: honest "
        "talk, good coffee and a plan.",
        "topics": ["divorce-and-separation", "career-and-money"],
        "city": ("Johannesburg", "ZA"),
        "format": "in_person",
        "venue_type": "cafe",
        "facilitation": "peer",
        "facilitator_credentials": "Started by a woman who divorced at 45 and "
        "went back to study.",
        "area_description": "Northern suburbs, near the shopping centre",
        "street_address": "Private room, The Jacaranda Table, 14 Protea Walk",
        "venue_notes": "Secure parking at the back. The room is upstairs; tell "
        "us if stairs are a problem and we will meet downstairs.",
        "meeting_day": Day.SATURDAY,
        "start_time": "09:00",
        "end_time": "10:30",
        "schedule_note": "Second and fourth Saturday",
        "capacity": 14,
        "cost": "donation",
        "cost_details": "R50 towards the room if you can",
        "languages": ["en", "zu"],
        "organizers": ["tala"],
        "members": ["marigold", "heron"],
        "description": """
            Divorce can turn your finances, your friendships and your sense of who
            you are upside down. Rise After Divorce is a group of women working
            through that together.

            We share lawyers' names and budget spreadsheets, talk about going back
            to work or study, and celebrate small wins like the first birthday
            party you organised on your own.
        """,
    },
    {
        "slug": "mumbai-saheli-circle",
        "name": "Saheli Circle",
        "tagline": "A women's circle for those facing violence or control at home, "
        "in Hindi, Marathi and English.",
        "topics": ["domestic-abuse", "family-and-parenting"],
        "city": ("Mumbai", "IN"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "social_worker",
        "facilitator_credentials": "Social worker (MSW) with legal aid training.",
        "host_organization": "Gulmohar Women's Resource Centre",
        "area_description": "Andheri East, near the station",
        "street_address": "Hall 2, Sahayata Bhavan, 9 Gulmohar Lane",
        "venue_notes": "Ground floor hall. Women can say they are attending a "
        "tailoring class if anyone asks.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "15:00",
        "end_time": "16:30",
        "capacity": 20,
        "languages": ["hi", "mr", "en"],
        "childcare": True,
        "join_policy": "approval",
        "join_question": "What is the safest way and time for us to reach you?",
        "organizers": ["wren"],
        "members": ["sunny", "fern"],
        "description": """
            Saheli means a woman's friend. The circle is for women living with
            violence, threats or control from a husband or in-laws, and for those
            who have left.

            The social worker explains your rights under the law in simple words
            and helps with complaints, maintenance and safe shelter when you want
            it. Mostly, though, this is a place to be heard without judgement.

            The meeting is in an afternoon when many women can step out. Small
            children can stay with our volunteer.
        """,
    },
    {
        "slug": "mumbai-living-well-with-pcos",
        "name": "Living Well with PCOS and Chronic Illness",
        "tagline": "Peer support and expert sessions for women with PCOS, "
        "thyroid conditions and other long-term illness.",
        "topics": ["chronic-illness", "body-image"],
        "city": ("Mumbai", "IN"),
        "format": "hybrid",
        "venue_type": "office",
        "facilitation": "therapist",
        "facilitator_credentials": "Clinical psychologist working with a "
        "visiting endocrinologist once a month.",
        "host_organization": "Sunrise Wellness Clinic",
        "area_description": "Bandra West",
        "street_address": "Conference room, 3rd floor, 21 Seaview Terrace",
        "venue_notes": "Lift available. The online link is shared the day before.",
        "online_link": "https://meet.kindred.example/room/mumbai-pcos",
        "online_notes": "Passcode in the reminder message.",
        "meeting_day": Day.SUNDAY,
        "start_time": "11:00",
        "end_time": "12:30",
        "capacity": 30,
        "cost": "fee",
        "cost_details": "₹300 a session; free for students",
        "languages": ["en", "hi"],
        "wheelchair_accessible": True,
        "organizers": ["clover"],
        "members": ["heron", "tala", "marigold"],
        "description": """
            PCOS and other long-term conditions affect far more than the body:
            mood, confidence, relationships and the endless questions from
            relatives. This group talks about all of it.

            Most weeks are peer sharing with the psychologist. Once a month a
            visiting doctor answers questions on treatment and daily life.
            Join in the room or online.
        """,
    },
    {
        "slug": "sydney-harbourside-anxiety-circle",
        "name": "Harbourside Anxiety Circle",
        "tagline": "A calm evening group for women living with anxiety and low "
        "mood, run by women who have been there.",
        "topics": ["anxiety-and-depression"],
        "city": ("Sydney", "AU"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "peer",
        "facilitator_credentials": "Peer workers with a Certificate IV in Mental "
        "Health Peer Work.",
        "area_description": "Inner West, near the ferry wharf",
        "street_address": "Room 1, Wharfside Neighbourhood Centre, 6 Gull Street",
        "venue_notes": "Quiet room with dimmable lights. You are welcome to step "
        "outside to the garden any time.",
        "meeting_day": Day.MONDAY,
        "start_time": "18:00",
        "end_time": "19:30",
        "capacity": 12,
        "wheelchair_accessible": True,
        "organizers": ["fern"],
        "members": ["wren", "clover"],
        "description": """
            If your mind races at 3 am, or getting out of the door takes all the
            energy you have, you are in good company here.

            We start with a few minutes of slow breathing, then go round with how
            the week has been. Members share what helps them, from apps and
            routines to finding the right GP, without pushing it on anyone.
        """,
    },
    {
        "slug": "sydney-eight-week-grief-group",
        "name": "Eight-Week Grief Group",
        "tagline": "A structured eight-week course for women grieving a partner. "
        "This round has finished.",
        "topics": ["grief-and-loss"],
        "city": ("Sydney", "AU"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "counsellor",
        "facilitator_credentials": "Grief counsellor, member of a national "
        "counselling association.",
        "host_organization": "Northside Bereavement Service",
        "area_description": "North Shore",
        "street_address": "Meeting Room, 40 Banksia Road",
        "venue_notes": "Parking at the rear of the building.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "10:00",
        "end_time": "12:00",
        "capacity": 10,
        "cost": "fee",
        "cost_details": "A$120 for the course; less with a concession card",
        "status": "archived",
        "join_policy": "approval",
        "join_question": "When did your partner die?",
        "organizers": ["fern"],
        "members": ["marigold"],
        "former": {"juniper": "left"},
        "description": """
            This eight-week course has finished and is kept here for the members'
            records. A new round may be listed next year.

            Each week covered one part of grieving a partner: the first weeks,
            practical tasks, anger and guilt, family and friends, and finding a
            way forward.
        """,
    },
    {
        "slug": "auckland-kitchen-table-carers",
        "name": "Kitchen Table Carers",
        "tagline": "A small, home-hosted group for women caring for whānau with "
        "high needs.",
        "topics": ["caregiving", "anxiety-and-depression"],
        "city": ("Auckland", "NZ"),
        "format": "in_person",
        "venue_type": "members_home",
        "facilitation": "peer",
        "facilitator_credentials": "Hosted by a carer of twelve years.",
        "area_description": "West Auckland",
        "street_address": "The back unit, 17 Kōwhai Grove",
        "venue_notes": "Park on the street and follow the path past the garage. "
        "Shoes off at the door; slippers provided.",
        "meeting_day": Day.TUESDAY,
        "start_time": "10:00",
        "end_time": "11:30",
        "capacity": 6,
        "languages": ["en", "mi"],
        "status": "pending",
        "join_policy": "approval",
        "join_question": "Who do you care for, and do you need to bring them?",
        "organizers": ["juniper"],
        "description": """
            Kitchen Table Carers is exactly that: six women around a kitchen
            table with a pot of tea, once a week, while someone else covers the
            caring for a couple of hours.

            We share what works with agencies and funding, and what keeps us
            going on the hard days. Because we meet in a home, the group stays
            small and the host says yes to each new member.
        """,
    },
]
