"""Demo groups that meet online, open to women anywhere. All text is invented."""

from groups.models import Group

Day = Group.Weekday

GROUPS = [
    {
        "slug": "online-evening-circle-for-survivors",
        "name": "Evening Circle for Survivors (online)",
        "tagline": "A video circle for women affected by domestic abuse, for "
        "when getting to a room isn't possible or safe.",
        "topics": ["domestic-abuse", "anxiety-and-depression"],
        "city": None,
        "timezone": "Europe/London",
        "format": "online",
        "venue_type": "online",
        "facilitation": "peer",
        "facilitator_credentials": "Peer facilitators with lived experience and "
        "safeguarding training.",
        "online_link": "https://meet.kindred.example/room/evening-circle",
        "online_notes": "The passcode changes each week and arrives in your "
        "Kindred notifications, never by e-mail.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "20:00",
        "end_time": "21:15",
        "capacity": 15,
        "join_policy": "approval",
        "join_question": "Is there a time or situation when we should never "
        "contact you?",
        "extra_rules": [
            "Use headphones if anyone else could overhear.",
            "If you need to leave suddenly, just go. Nobody will follow up "
            "unless you asked us to.",
        ],
        "organizers": ["rosa"],
        "facilitators": ["heron"],
        "members": ["maya", "clover", "sunny"],
        "former": {"fern": "removed"},
        "description": """
            Some women cannot get out in the evening, or cannot risk being seen
            going into a building. The Evening Circle meets by video so you can
            join from wherever you feel safest: a locked bathroom, a parked car,
            a friend's sofa.

            Cameras are optional and you can use any name you like. We spend the
            first ten minutes checking that everyone is somewhere private, then
            talk the way any circle does.

            If someone comes into the room where you are, leave the call straight
            away. It is always fine, and nobody will ask why.
        """,
    },
    {
        "slug": "online-night-feeds",
        "name": "Night Feeds (online)",
        "tagline": "A late-evening video drop-in for new mothers who are awake "
        "anyway and could use some company.",
        "topics": ["new-mothers", "anxiety-and-depression"],
        "city": None,
        "timezone": "America/Toronto",
        "format": "online",
        "venue_type": "online",
        "facilitation": "counsellor",
        "facilitator_credentials": "Perinatal mental health counsellor.",
        "online_link": "https://meet.kindred.example/room/night-feeds",
        "online_notes": "No passcode. Camera and microphone are optional; the "
        "chat works fine with one hand.",
        "meeting_day": Day.TUESDAY,
        "start_time": "21:00",
        "end_time": "22:00",
        "child_friendly": True,
        "organizers": ["sunny"],
        "members": ["wren", "juniper"],
        "description": """
            Feeding a baby at night can be the loneliest hour of the day. Night
            Feeds is a relaxed drop-in where you can type one-handed in the chat,
            or talk if the baby lets you.

            A counsellor keeps the conversation gentle and stays on after the call
            for anyone who wants to talk about feeling low or anxious. Drop in
            for five minutes or the whole hour.
        """,
    },
    {
        "slug": "online-entre-fronteras",
        "name": "Entre Fronteras (en línea)",
        "tagline": "Para mujeres que viven lejos de su país y se sienten solas. "
        "Nos vemos por videollamada.",
        "topics": ["migration-and-isolation"],
        "city": None,
        "timezone": "America/Mexico_City",
        "format": "online",
        "venue_type": "online",
        "facilitation": "organization_staff",
        "facilitator_credentials": "Equipo de psicólogas y trabajadoras sociales "
        "de la red.",
        "host_organization": "Red Puentes de Mujeres",
        "online_link": "https://meet.kindred.example/room/entre-fronteras",
        "online_notes": "La sala se abre cinco minutos antes. Sin contraseña.",
        "meeting_day": Day.SUNDAY,
        "start_time": "17:00",
        "end_time": "18:30",
        "capacity": 40,
        "languages": ["es"],
        "organizers": ["tala"],
        "members": ["heron", "marigold"],
        "description": """
            Migrar es empezar de cero: otro idioma, otros trámites y la familia
            lejos. Entre Fronteras reúne cada domingo a mujeres latinoamericanas
            que viven en otros países para acompañarse.

            Hablamos de la soledad y la nostalgia, pero también de cosas
            prácticas: papeles, trabajo, escuelas y cómo hacer nuevas amistades.
            Conéctate desde cualquier lugar del mundo.
        """,
    },
    {
        "slug": "online-morning-recovery-check-in",
        "name": "Morning Recovery Check-in (online)",
        "tagline": "Start the day sober with women around the world: thirty "
        "minutes of check-in, then on with your day.",
        "topics": ["addiction-recovery"],
        "city": None,
        "timezone": "America/Chicago",
        "format": "online",
        "venue_type": "online",
        "facilitation": "peer",
        "facilitator_credentials": "Hosted in turn by members with at least a "
        "year of recovery.",
        "online_link": "https://meet.kindred.example/room/morning-recovery",
        "online_notes": "Passcode: shared in the members' notice on the group page.",
        "meeting_day": Day.MONDAY,
        "start_time": "07:30",
        "end_time": "08:00",
        "schedule_note": "Monday to Friday; Monday shown here",
        "cost": "donation",
        "cost_details": "helps pay for the video service",
        "languages": ["en"],
        "organizers": ["clover"],
        "members": ["wren", "tala", "juniper"],
        "description": """
            A short, steady start to the day. Each member who wants to says her
            name, how long she has been sober if she likes, and one intention for
            today.

            That's it. Thirty minutes, five mornings a week, with women who make
            the same choice every day.
        """,
    },
    {
        "slug": "online-career-comeback",
        "name": "Career Comeback (online)",
        "tagline": "Coaching group for women returning to work after caring, "
        "illness or leaving an abusive relationship.",
        "topics": ["career-and-money", "self-esteem-and-assertiveness"],
        "city": None,
        "timezone": "Europe/Dublin",
        "format": "online",
        "venue_type": "online",
        "facilitation": "life_coach",
        "facilitator_credentials": "Career coach (EMCC accredited), specialising "
        "in returners.",
        "online_link": "https://meet.kindred.example/room/career-comeback",
        "online_notes": "Passcode in the welcome message when your place is confirmed.",
        "meeting_day": Day.THURSDAY,
        "start_time": "12:30",
        "end_time": "13:30",
        "capacity": 12,
        "cost": "fee",
        "cost_details": "€15 a session or €100 for eight; two free places a round",
        "organizers": ["marigold"],
        "members": ["fern", "clover"],
        "description": """
            A gap in your CV is not a gap in your abilities. Career Comeback
            helps you see what you already know and explain it with confidence.

            Sessions cover:

            - turning caring, volunteering and running a home into CV lines
            - answering "why the gap?" without oversharing
            - flexible and part-time roles, and how to ask for them
            - the first weeks back, and the wobbles that come with them

            Small group, lunchtime sessions, cameras on if you can.
        """,
    },
    {
        "slug": "online-spoonie-circle",
        "name": "Spoonie Circle (online)",
        "tagline": "For women with chronic illness or disability: a circle you can "
        "join from bed.",
        "topics": ["chronic-illness", "body-image"],
        "city": None,
        "timezone": "America/Los_Angeles",
        "format": "online",
        "venue_type": "online",
        "facilitation": "peer",
        "facilitator_credentials": "Run by a disabled woman with ME/CFS and a "
        "background in peer support.",
        "online_link": "https://meet.kindred.example/room/spoonie-circle",
        "online_notes": "No passcode. Automatic captions are switched on.",
        "meeting_day": Day.SATURDAY,
        "start_time": "11:00",
        "end_time": "12:00",
        "capacity": 25,
        "wheelchair_accessible": True,
        "extra_rules": ["Lie down, eat, or switch off your camera whenever you need."],
        "organizers": ["wren"],
        "members": ["juniper", "sunny", "heron"],
        "description": """
            "Spoonie" is what many people with chronic illness call themselves:
            we start each day with a limited number of spoons of energy. This
            circle asks for as few as possible.

            Join from bed, camera off, chat only: all fine. We talk about pacing,
            medical appointments, grief for the life we planned, and the bits of
            joy we find anyway. Captions are on for every call.
        """,
    },
]
