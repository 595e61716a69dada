"""Demo groups in Ireland, France and Germany. All text is invented."""

from groups.models import Group

Day = Group.Weekday

GROUPS = [
    {
        "slug": "dublin-after-the-storm",
        "name": "After the Storm",
        "tagline": "Recovery after domestic abuse: rebuilding trust in yourself, "
        "at your own pace.",
        "topics": ["domestic-abuse", "anxiety-and-depression"],
        "city": ("Dublin", "IE"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "social_worker",
        "facilitator_credentials": "Social worker, CORU registered, with a "
        "background in domestic violence services.",
        "host_organization": "Liffeyside Women's Network",
        "area_description": "Dublin 8, near the canal",
        "street_address": "Room 5, The Harbour Centre, 18 Weaver's Row",
        "venue_notes": "Enter through the courtyard. Childcare is in the room next "
        "door; please tell us the children's ages a week ahead.",
        "meeting_day": Day.TUESDAY,
        "start_time": "10:30",
        "end_time": "12:00",
        "capacity": 12,
        "childcare": True,
        "wheelchair_accessible": True,
        "join_policy": "approval",
        "join_question": "Do you need childcare? If so, for how many children?",
        "organizers": ["juniper"],
        "members": ["clover", "heron", "fern"],
        "description": """
            After abuse ends, the fear and self-doubt can stay for a long time.
            After the Storm is a daytime group for women who are out of the
            relationship and want to feel like themselves again.

            Over the weeks we talk about what abuse does to confidence, sleep and
            friendships, how to handle contact about the children, and how to
            notice your own progress. The social worker can help with referrals
            to housing and legal support.

            Free childcare runs in the next room during the group.
        """,
    },
    {
        "slug": "dublin-new-in-town",
        "name": "New in Town",
        "tagline": "Moved to Dublin and haven't found your people yet? Start here.",
        "topics": ["migration-and-isolation"],
        "city": ("Dublin", "IE"),
        "format": "in_person",
        "venue_type": "cafe",
        "facilitation": "peer",
        "facilitator_credentials": "Started by two women who moved here from "
        "Poland and Brazil.",
        "area_description": "City centre, south of the river",
        "street_address": "Upstairs, The Blue Door Café, 6 Castle Steps",
        "venue_notes": "Go up the stairs at the back. Look for the small paper "
        "flag on our table.",
        "meeting_day": Day.SATURDAY,
        "start_time": "14:00",
        "end_time": "16:00",
        "capacity": 18,
        "languages": ["en", "pl", "pt"],
        "organizers": ["tala"],
        "members": ["sunny", "marigold"],
        "description": """
            Moving country takes courage, and nobody warns you how lonely the first
            year can be. New in Town is a relaxed Saturday meet-up for women who
            are new to Dublin, whether you came for work, study, love or safety.

            We talk about practical things (doctors, renting, the bus system, the
            weather) and the less practical ones, like missing your mother's
            cooking. English, Polish and Portuguese are all spoken at the table.
        """,
    },
    {
        "slug": "paris-cercle-de-confiance",
        "name": "Cercle de confiance du mardi",
        "tagline": "Un groupe en français pour retrouver confiance en soi et "
        "apprivoiser l'anxiété.",
        "topics": ["self-esteem-and-assertiveness", "anxiety-and-depression"],
        "city": ("Paris", "FR"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "therapist",
        "facilitator_credentials": "Psychologue clinicienne, thérapies cognitives "
        "et comportementales.",
        "host_organization": "Maison des Femmes du Canal",
        "area_description": "11e arrondissement, près du canal",
        "street_address": "Salle 2, 12 rue des Lilas",
        "venue_notes": "Code de la porte envoyé la veille. Salle au rez-de-chaussée.",
        "meeting_day": Day.TUESDAY,
        "start_time": "19:00",
        "end_time": "20:30",
        "capacity": 10,
        "cost": "fee",
        "cost_details": "10 € la séance, ou ce que vous pouvez",
        "languages": ["fr"],
        "join_policy": "approval",
        "join_question": "Qu'aimeriez-vous que ce groupe vous apporte ?",
        "organizers": ["marigold"],
        "members": ["fern", "heron"],
        "description": """
            Ce cercle réunit chaque mardi une dizaine de femmes qui veulent se
            sentir plus solides : oser dire non, moins ruminer, reprendre de la
            place dans leur propre vie.

            La psychologue propose à chaque séance un petit exercice simple, puis
            chacune parle si elle le souhaite. On repart avec une idée concrète à
            essayer dans la semaine.

            Le groupe se déroule en français. Vous pouvez venir une première fois
            pour voir, sans engagement.
        """,
    },
    {
        "slug": "paris-mamans-solos",
        "name": "Mamans solos",
        "tagline": "Entre mères qui élèvent seules leurs enfants : entraide, "
        "pauses et bons plans.",
        "topics": ["family-and-parenting", "divorce-and-separation"],
        "city": ("Paris", "FR"),
        "format": "in_person",
        "venue_type": "members_home",
        "facilitation": "peer",
        "facilitator_credentials": "Animé par une maman solo depuis huit ans.",
        "area_description": "20e arrondissement, près du parc",
        "street_address": "3e étage gauche, 45 rue des Tilleuls",
        "venue_notes": "Ascenseur étroit ; poussettes dans le hall. Les enfants "
        "jouent dans la chambre du fond.",
        "meeting_day": Day.SUNDAY,
        "start_time": "15:00",
        "end_time": "17:00",
        "capacity": 8,
        "languages": ["fr"],
        "child_friendly": True,
        "status": "paused",
        "join_policy": "approval",
        "join_question": "Combien d'enfants viendront avec vous, et de quel âge ?",
        "organizers": ["fern"],
        "members": ["clover", "sunny"],
        "description": """
            Le groupe fait une pause pendant l'été et reprendra à la rentrée.
            Vous pouvez déjà demander à le rejoindre.

            Un dimanche sur deux, on se retrouve autour d'un goûter pendant que
            les enfants jouent à côté. On parle de tout : la fatigue, le
            co-parentage, les démarches, et ce qui nous fait du bien.
        """,
    },
    {
        "slug": "berlin-newcomers-circle",
        "name": "Newcomers' Circle Berlin",
        "tagline": "An English-speaking circle for women who moved to Berlin and "
        "are finding life here harder than expected.",
        "topics": ["migration-and-isolation", "anxiety-and-depression"],
        "city": ("Berlin", "DE"),
        "format": "hybrid",
        "venue_type": "cafe",
        "facilitation": "life_coach",
        "facilitator_credentials": "Certified coach (ICF), an expat herself for "
        "fourteen years.",
        "area_description": "Neukölln, near the canal",
        "street_address": "Back room, Café Lindgren, Am Mühlengraben 18",
        "venue_notes": "The back room is quiet and has its own door to the "
        "courtyard. Online members join on the laptop at the end of the table.",
        "online_link": "https://meet.kindred.example/room/berlin-newcomers",
        "online_notes": "The passcode is the name of the café, in lower case.",
        "meeting_day": Day.THURSDAY,
        "start_time": "19:00",
        "end_time": "20:30",
        "capacity": 14,
        "cost": "donation",
        "cost_details": "buy a drink; the café lends us the room",
        "languages": ["en", "de"],
        "organizers": ["heron"],
        "members": ["tala", "wren"],
        "description": """
            Forms in German, winters that start in October, friends who are all
            back home: Berlin can be a hard place to land. This circle is for
            women who want to talk about it in English, with some German thrown
            in for practice.

            We alternate between open sharing and practical evenings, like
            finding an English-speaking doctor or making sense of a letter from
            the Bürgeramt. Join from the café or from your sofa.
        """,
    },
    {
        "slug": "berlin-trauercafe",
        "name": "Trauercafé für Frauen",
        "tagline": "Ein Nachmittag für Frauen in Trauer: Kaffee, Kuchen und "
        "Menschen, die zuhören.",
        "topics": ["grief-and-loss"],
        "city": ("Berlin", "DE"),
        "format": "in_person",
        "venue_type": "place_of_worship",
        "facilitation": "counsellor",
        "facilitator_credentials": "Trauerbegleiterin mit Ausbildung in systemischer "
        "Beratung.",
        "host_organization": "Gemeindezentrum am Lindenplatz",
        "area_description": "Prenzlauer Berg, nahe der Straßenbahn",
        "street_address": "Gemeindesaal, Lindenplatz 4",
        "venue_notes": "Eingang über den Hof, Rampe vorhanden. Kuchen ist immer da.",
        "meeting_day": Day.SUNDAY,
        "start_time": "15:00",
        "end_time": "17:00",
        "schedule_note": "First Sunday of the month",
        "capacity": 15,
        "languages": ["de"],
        "wheelchair_accessible": True,
        "organizers": ["sunny"],
        "members": ["fern", "juniper"],
        "description": """
            Einmal im Monat öffnet das Trauercafé seine Türen für Frauen, die
            einen Menschen verloren haben, egal ob vor Wochen oder vor Jahren.

            Es gibt kein festes Programm. Man kann erzählen, zuhören oder einfach
            nur da sein. Die Begleiterin ist für Gespräche unter vier Augen da,
            wenn jemand das möchte.
        """,
    },
]
