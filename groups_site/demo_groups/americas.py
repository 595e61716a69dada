"""Demo groups in Canada, the United States, Mexico and Brazil. All text is
invented."""

from groups.models import Group

Day = Group.Weekday

GROUPS = [
    {
        "slug": "toronto-body-kindness-circle",
        "name": "Body Kindness Circle",
        "tagline": "Make a little peace with the body you live in, with women who "
        "are tired of fighting theirs.",
        "topics": ["body-image", "eating-disorders"],
        "city": ("Toronto", "CA"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "counsellor",
        "facilitator_credentials": "Registered psychotherapist (qualifying), "
        "body image and disordered eating.",
        "host_organization": "Danforth Community Health Hub",
        "area_description": "East end, near the subway",
        "street_address": "Studio 2, Danforth Hub, 210 Maple Crescent",
        "venue_notes": "Elevator at the back of the lobby. The studio has mirrors; "
        "we keep the curtains across them.",
        "meeting_day": Day.MONDAY,
        "start_time": "18:30",
        "end_time": "20:00",
        "capacity": 12,
        "wheelchair_accessible": True,
        "extra_rules": ["No comments on anyone's body or food, including your own."],
        "organizers": ["clover"],
        "members": ["sunny", "wren"],
        "description": """
            Most of us learned to judge our bodies long before we learned to
            read. This group is a place to unlearn some of that, slowly and
            without forcing ourselves to love what we see in the mirror.

            Each week there is a short theme, such as clothes that fit now,
            social media, or moving for joy rather than punishment, followed by
            open conversation. Women of every size, age and ability are welcome.

            If you are in recovery from an eating disorder, this group can sit
            alongside your treatment, not replace it.
        """,
    },
    {
        "slug": "toronto-caregivers-evening",
        "name": "Caregivers' Evening",
        "tagline": "For women caring for a partner, parent or child with a "
        "long-term illness: room to breathe, and practical answers.",
        "topics": ["caregiving", "chronic-illness"],
        "city": ("Toronto", "CA"),
        "format": "hybrid",
        "venue_type": "office",
        "facilitation": "social_worker",
        "facilitator_credentials": "Registered social worker (RSW), hospital "
        "family support team.",
        "host_organization": "Lakeshore Family Services",
        "area_description": "Downtown, near the hospital district",
        "street_address": "Suite 400, 88 Elm Court",
        "venue_notes": "Use the side entrance after 6 pm and call the number on "
        "the door. Online members join on the big screen.",
        "online_link": "https://meet.kindred.example/room/toronto-caregivers",
        "online_notes": "Passcode shared in the reminder e-mail each Tuesday.",
        "meeting_day": Day.TUESDAY,
        "start_time": "19:00",
        "end_time": "20:30",
        "capacity": 16,
        "wheelchair_accessible": True,
        "join_policy": "approval",
        "join_question": "Who are you caring for? A few words are enough.",
        "organizers": ["wren"],
        "members": ["marigold", "tala"],
        "requests": {"sunny": "My mum, since her stroke last spring."},
        "description": """
            When you care for someone, your own needs slide to the bottom of the
            list. For ninety minutes on a Tuesday, they come first.

            The social worker starts each evening with a practical question from
            the group, like home care funding, respite or making sense of a
            diagnosis, and then we open the floor. Join in the room or from home
            if you can't leave the person you care for.
        """,
    },
    {
        "slug": "chicago-moms-in-recovery",
        "name": "Moms in Recovery",
        "tagline": "A recovery group for mothers, with free childcare in the room "
        "next door.",
        "topics": ["addiction-recovery", "family-and-parenting"],
        "city": ("Chicago", "US"),
        "format": "in_person",
        "venue_type": "place_of_worship",
        "facilitation": "organization_staff",
        "facilitator_credentials": "Certified alcohol and drug counselor (CADC) "
        "on the program staff.",
        "host_organization": "West Side Family Recovery Project",
        "area_description": "West Side, near the park",
        "street_address": "Fellowship Hall, Hope Commons Church, 1450 Larkspur Avenue",
        "venue_notes": "Use the ramp entrance on the side street. Childcare sign-in "
        "is at the first door on the left.",
        "meeting_day": Day.SATURDAY,
        "start_time": "10:00",
        "end_time": "11:30",
        "capacity": 20,
        "childcare": True,
        "child_friendly": True,
        "wheelchair_accessible": True,
        "languages": ["en", "es"],
        "organizers": ["juniper"],
        "members": ["clover", "heron"],
        "description": """
            Getting to a meeting is hard when you have nobody to watch the kids.
            So we watch them: trained volunteers run a playroom next door while
            you spend ninety minutes on your own recovery.

            We talk about cravings and triggers, guilt, rebuilding trust with
            children and family, and working with child welfare services. The
            counselor can connect you to treatment, housing and legal help.

            Whatever your substance, whatever your path, and whether your kids
            live with you right now or not, you belong here.
        """,
    },
    {
        "slug": "chicago-ask-for-more",
        "name": "Ask for More",
        "tagline": "A six-week cycle on pay, promotions and negotiating for "
        "yourself, for women tired of being underpaid.",
        "topics": ["career-and-money", "discrimination-at-work"],
        "city": ("Chicago", "US"),
        "format": "in_person",
        "venue_type": "office",
        "facilitation": "life_coach",
        "facilitator_credentials": "Executive coach; former recruiter at two "
        "large firms.",
        "host_organization": "Lakeview Women in Business",
        "area_description": "The Loop, near the river",
        "street_address": "Conference Room 12B, 300 Heron Point Plaza",
        "venue_notes": "Check in at the front desk; your first name is on the "
        "list. Water and snacks provided.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "17:30",
        "end_time": "19:00",
        "schedule_note": "Six-week cycles, starting each season",
        "capacity": 15,
        "cost": "fee",
        "cost_details": "$60 for six weeks; free places, no questions asked",
        "wheelchair_accessible": True,
        "organizers": ["marigold"],
        "members": ["tala", "juniper"],
        "description": """
            Many women only find out years later that a colleague doing the same
            job earned far more. Ask for More helps you find out what you are
            worth and practise asking for it.

            Over six weeks we cover:

            - researching fair pay for your role
            - writing down your achievements without shrinking them
            - practising a negotiation out loud, with feedback
            - what to do when the answer is no

            Expect role-play, honest conversations about money, and a lot of
            encouragement.
        """,
    },
    {
        "slug": "austin-mujeres-adelante",
        "name": "Mujeres Adelante",
        "tagline": "Un grupo bilingüe para mujeres que han vivido violencia en "
        "casa. A bilingual group for women who have lived with abuse.",
        "topics": ["domestic-abuse", "migration-and-isolation"],
        "city": ("Austin", "US"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "social_worker",
        "facilitator_credentials": "Licensed master social worker (LMSW), "
        "bilingual, immigration-informed.",
        "host_organization": "Casa Colibrí Community Center",
        "area_description": "East Austin",
        "street_address": "Salón 3, Casa Colibrí, 1120 Pecan Hollow Drive",
        "venue_notes": "Free parking behind the building. Childcare in the room "
        "across the hall; tell us the children's ages when you ask to join.",
        "meeting_day": Day.THURSDAY,
        "start_time": "18:00",
        "end_time": "19:30",
        "capacity": 14,
        "languages": ["es", "en"],
        "childcare": True,
        "wheelchair_accessible": True,
        "join_policy": "approval",
        "join_question": "¿Necesitas cuidado de niños? / Do you need childcare?",
        "extra_rules": ["Your immigration status is never asked or shared."],
        "organizers": ["tala"],
        "members": ["heron", "clover"],
        "description": """
            Mujeres Adelante es un espacio seguro para hablar, en español o en
            inglés, de lo que has vivido y de lo que quieres para tu vida. This
            is a safe space to talk, in Spanish or English, about what you have
            been through and what you want next.

            We talk about safety planning, your rights whatever your immigration
            status, and how to rebuild confidence after years of being put down.
            The social worker can connect you with legal help and shelter.

            Nunca te preguntaremos por tus papeles. We will never ask about your
            papers.
        """,
    },
    {
        "slug": "austin-postpartum-porch",
        "name": "The Postpartum Porch",
        "tagline": "An easy-going morning for new moms: babies welcome, honesty "
        "encouraged, no advice unless you ask.",
        "topics": ["new-mothers"],
        "city": ("Austin", "US"),
        "format": "in_person",
        "venue_type": "cafe",
        "facilitation": "peer",
        "facilitator_credentials": "Peer supporter trained in perinatal mental "
        "health; mom of three.",
        "area_description": "South Austin",
        "street_address": "Back patio, Bluebonnet Bakery, 77 Live Oak Lane",
        "venue_notes": "The patio is shaded and has room for strollers; there is "
        "a changing table in the restroom.",
        "meeting_day": Day.FRIDAY,
        "start_time": "09:30",
        "end_time": "11:00",
        "capacity": 12,
        "child_friendly": True,
        "languages": ["en", "es"],
        "organizers": ["sunny"],
        "members": ["wren", "fern"],
        "description": """
            The first year with a new baby is a lot. The Postpartum Porch is a
            relaxed Friday morning where you can admit that, with coffee, pastries
            and other moms who get it.

            Some weeks we talk about sleep and feeding, some weeks about identity,
            relationships, or the scary thoughts nobody mentions at the checkup.
            Our peer supporter knows where to find help if you need more than a
            chat.
        """,
    },
    {
        "slug": "cdmx-circulo-de-duelo",
        "name": "Círculo de duelo",
        "tagline": "Un espacio para acompañarnos en la pérdida de un ser querido.",
        "topics": ["grief-and-loss"],
        "city": ("Mexico City", "MX"),
        "format": "in_person",
        "venue_type": "place_of_worship",
        "facilitation": "counsellor",
        "facilitator_credentials": "Tanatóloga con formación en acompañamiento grupal.",
        "host_organization": "Parroquia de San Jacinto (salón comunitario)",
        "area_description": "Coyoacán, cerca del mercado",
        "street_address": "Salón parroquial, Calle de los Naranjos 19",
        "venue_notes": "Entrada por la puerta lateral del jardín. Hay café y pan "
        "dulce.",
        "meeting_day": Day.SATURDAY,
        "start_time": "11:00",
        "end_time": "12:30",
        "capacity": 18,
        "cost": "donation",
        "cost_details": "cooperación voluntaria para el café",
        "languages": ["es"],
        "women_only": False,
        "organizers": ["heron"],
        "members": ["tala", "juniper"],
        "description": """
            El duelo no tiene un calendario. Este círculo es para quienes han
            perdido a alguien, hace poco o hace muchos años, y quieren un lugar
            donde hablar de esa persona sin prisa.

            Cada sábado empezamos encendiendo una vela y diciendo el nombre de
            quien extrañamos, si queremos. Después compartimos recuerdos,
            dificultades y pequeñas cosas que ayudan. El grupo está abierto a
            mujeres y a sus familias.
        """,
    },
    {
        "slug": "cdmx-mujeres-que-emprenden",
        "name": "Mujeres que emprenden",
        "tagline": "Apoyo entre mujeres para lanzar y sostener un negocio propio.",
        "topics": ["career-and-money", "self-esteem-and-assertiveness"],
        "city": ("Mexico City", "MX"),
        "format": "hybrid",
        "venue_type": "office",
        "facilitation": "organization_staff",
        "facilitator_credentials": "Equipo de asesoría de la fundación, con "
        "experiencia en microcréditos.",
        "host_organization": "Fundación Raíces de Colores",
        "area_description": "Roma Norte",
        "street_address": "Sala de juntas, 2.º piso, Calle Jacarandas 240",
        "venue_notes": "Toca el timbre de la fundación. También puedes conectarte "
        "desde casa.",
        "online_link": "https://meet.kindred.example/room/emprenden-cdmx",
        "online_notes": "La contraseña llega por mensaje el lunes.",
        "meeting_day": Day.MONDAY,
        "start_time": "18:00",
        "end_time": "19:30",
        "capacity": 25,
        "languages": ["es"],
        "organizers": ["wren"],
        "members": ["marigold", "sunny"],
        "description": """
            Vender tamales, abrir una estética, dar clases en línea: cada negocio
            empieza con una idea y muchas dudas. En este grupo nos apoyamos para
            convertir esa idea en un ingreso propio.

            Trabajamos temas como precios, ahorro, redes sociales y cómo separar
            el dinero del negocio del de la casa. También hablamos de lo que
            cuesta creer en una misma.

            Puedes venir a la oficina o conectarte en línea.
        """,
    },
    {
        "slug": "sao-paulo-roda-de-conversa",
        "name": "Roda de Conversa Recomeço",
        "tagline": "Um grupo para mulheres que sobreviveram à violência doméstica "
        "ou sexual.",
        "topics": ["domestic-abuse", "sexual-violence"],
        "city": ("São Paulo", "BR"),
        "format": "in_person",
        "venue_type": "community_centre",
        "facilitation": "social_worker",
        "facilitator_credentials": "Assistente social com experiência em centros "
        "de referência da mulher.",
        "host_organization": "Coletivo Ipê Amarelo",
        "area_description": "Zona Oeste, perto do metrô",
        "street_address": "Sala 4, Centro Comunitário Ipê, Rua das Acácias 310",
        "venue_notes": "Entrada pelo portão verde. Há brinquedoteca com "
        "voluntárias durante o encontro.",
        "meeting_day": Day.WEDNESDAY,
        "start_time": "14:00",
        "end_time": "15:30",
        "capacity": 12,
        "languages": ["pt"],
        "childcare": True,
        "join_policy": "approval",
        "join_question": "Você vai precisar da brinquedoteca para seus filhos?",
        "organizers": ["fern"],
        "members": ["clover", "tala"],
        "description": """
            A Roda de Conversa Recomeço é um espaço de acolhimento para mulheres
            que passaram por violência doméstica ou sexual. Aqui ninguém precisa
            contar a própria história para ser bem-vinda.

            Conversamos sobre segurança, direitos, autoestima e sobre como voltar
            a confiar. A assistente social pode orientar sobre medidas
            protetivas e serviços da rede de apoio.

            Enquanto isso, as crianças brincam na sala ao lado com voluntárias.
        """,
    },
    {
        "slug": "sao-paulo-maes-atipicas",
        "name": "Mães Atípicas",
        "tagline": "Mães de crianças com deficiência ou doença crônica, juntas "
        "para trocar experiências e descansar um pouco.",
        "topics": ["caregiving", "family-and-parenting"],
        "city": ("São Paulo", "BR"),
        "format": "hybrid",
        "venue_type": "community_centre",
        "facilitation": "peer",
        "facilitator_credentials": "Coordenado por duas mães de crianças com "
        "autismo e paralisia cerebral.",
        "area_description": "Zona Sul, perto do parque",
        "street_address": "Salão 1, Casa de Cultura do Bairro, Rua dos Girassóis 58",
        "venue_notes": "Acesso sem degraus e banheiro adaptado. Quem não puder sair "
        "de casa participa pelo link.",
        "online_link": "https://meet.kindred.example/room/maes-atipicas",
        "online_notes": "Sem senha; a sala abre 10 minutos antes.",
        "meeting_day": Day.SATURDAY,
        "start_time": "09:30",
        "end_time": "11:00",
        "capacity": 30,
        "languages": ["pt"],
        "wheelchair_accessible": True,
        "child_friendly": True,
        "organizers": ["clover"],
        "members": ["sunny", "heron", "juniper"],
        "description": """
            Ser mãe de uma criança com deficiência é aprender sobre terapias,
            laudos e direitos, muitas vezes sozinha. No Mães Atípicas a gente
            divide esse peso.

            Trocamos dicas sobre escola inclusiva, benefícios e consultas, mas
            também falamos de cansaço, culpa e das pequenas vitórias da semana.
            Venha presencialmente com seus filhos ou participe online.
        """,
    },
]
