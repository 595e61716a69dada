"""Demo articles, part two: body image, postnatal depression, caring for a parent,
money after separation, early sobriety and loneliness after migration.

Written for Kindred in our own words; see ``__init__.py`` for the format. Sources are
pages of public health bodies and government services, and peer-reviewed reviews."""

ARTICLES = [
    {
        "slug": "body-image-and-social-media",
        "title": "Your feed is not a mirror: body image and social media",
        "summary": (
            "Scrolling can leave you feeling worse about your body. What research "
            "says about social media and body image, small changes that make your "
            "feed kinder, and the signs that it is time to ask for help."
        ),
        "author": "priya-raman",
        "reviewer": "helen-marsh",
        "topics": ["body-image", "self-esteem-and-assertiveness"],
        "featured": False,
        "days_ago": 12,
        "last_reviewed_days_ago": 5,
        "hero_alt": (
            "Lilac, plum and soft coral circles overlap in a loose ring inside a pale"
            " halo, with a few small circles drifting at the edges, on a background "
            "that fades from lavender to peach."
        ),
        "hero_caption": "Your worth was never measured in likes.",
        "seed": 201,
        "palette": "dusk",
        "motif": "circles",
        "body": """
        Most of us can remember a moment like this: a quiet evening, a few minutes of
        scrolling, and then a low, heavy feeling that was not there before. Nothing bad
        happened. You just looked at a lot of other people's faces and bodies, and
        somewhere along the way you started to feel worse about your own.

        That feeling is common, it has been studied, and there is a lot you can do about
        it. This article explains what researchers have found about social media and
        body image, and offers some practical ways to make your phone a kinder place to
        be.

        ## What the research says

        Researchers have been looking at social media and body image for more than a
        decade. Two reviews of that work are a good place to start. A 2016 review by
        Jasmine Fardouly and Lenny Vartanian, and a systematic review by Grace Holland
        and Marika Tiggemann in the same year, found a consistent pattern:

        - Time spent on social media is linked with more worry about appearance and more
          dissatisfaction with one's body.
        - The link is strongest for *appearance-focused* use: looking at and posting
          photos, especially selfies and pictures of people who look a certain way.
        - Comparing yourself with others seems to be a key part of how the harm happens,
          and comparisons with people we see as "better looking" are the ones that
          sting.
        - The few studies that follow people over time hint that it may work in both
          directions: feeling bad about your body can also pull you towards more
          scrolling and comparing.

        Most of these studies show links rather than proof of cause, and not everyone is
        affected in the same way. But the pattern is steady enough to take seriously,
        and it matches what many women describe.

        ## Why it gets under your skin

        Feeds are not a random sample of humanity. They are the best photo out of
        thirty, taken in good light, often filtered or edited, and then pushed to you
        because pictures like it hold attention. Your brain still treats them as a guide
        to what people "normally" look like.

        Comparison is a very old human habit. It helped our ancestors find their place
        in a group. It was never designed for hundreds of polished images a day. When
        the comparison runs all evening, a normal body can start to feel like a problem
        to solve.

        ## Small changes that help

        You do not have to delete every app to feel better. Try a few of these for two
        weeks and notice what shifts.

        1. **Audit who you follow.** Scroll through the accounts you follow and ask of
           each one: "How do I usually feel after seeing this?" Mute or unfollow the
           ones that leave you feeling smaller. Muting is quiet; nobody is told.
        2. **Add variety on purpose.** Follow people with different body shapes, ages,
           skin, abilities and sizes, and accounts about things that have nothing to do
           with appearance: gardening, books, birds, bread.
        3. **Notice the comparison as it happens.** A simple inner note helps: "I'm
           comparing again." Naming it puts a little space between you and the thought.
        4. **Change where your phone lives.** Charge it outside the bedroom, or keep the
           apps off your home screen. Late-night scrolling is when many women feel
           worst.
        5. **Post for yourself, not for the count.** If you share photos, try sharing
           what you did rather than how you looked. Some platforms let you hide like
           counts.
        6. **Skip the editing.** Filters that reshape your face or body can make your
           real reflection feel like a disappointment.

        ## Building a steadier relationship with your body

        Feeds are only part of the picture. It also helps to strengthen the ground you
        stand on.

        Some women find **body neutrality** easier than body positivity. You do not have
        to love how you look every day. You can aim for something calmer: your body is
        yours, it deserves care, and it does not need to be a project.

        Another approach is to pay attention to what your body *does*. It carries your
        shopping, hugs your children, walks you to the bus, laughs. Writing down three
        things your body let you do today can sound small, but it shifts attention away
        from the mirror.

        Talking helps too. Body image worries grow in secret, and many women are
        surprised by how much they share once someone says it out loud. [A body image or
        self-esteem group](/groups/?topic=body-image) can be a good place for that
        conversation.

        ## When it might be more than a bad day

        For some women, worry about appearance becomes something heavier. It is worth
        talking to a GP or doctor if you notice any of these:

        - spending hours a day thinking about a particular feature you believe is
          flawed, even when others say they cannot see it
        - checking mirrors over and over, or avoiding them completely
        - avoiding going out, being photographed or being seen
        - cutting back on food, making yourself sick, exercising to make up for eating,
          or feeling out of control around food
        - feeling hopeless or having thoughts of harming yourself

        These can be signs of body dysmorphic disorder (BDD) or an eating disorder. Both
        are recognised conditions, both are treatable, and neither is vanity or
        weakness. Talking therapies such as cognitive behavioural therapy are often very
        effective. If you are having thoughts of ending your life, contact emergency
        services or a crisis line now.

        ## A gentle place to start

        Tonight, before you open an app, ask yourself what you are hoping to find there.
        Connection? Distraction? Rest? Then check, when you close it, whether you found
        it. That one honest question, asked often, is a good beginning.

        You deserve to look at your phone and come away feeling more like yourself, not
        less.
        """,
        "sources": [
            {
                "title": (
                    "Social media and body image concerns: current research and "
                    "future directions"
                ),
                "publisher": (
                    "Current Opinion in Psychology (Fardouly and Vartanian, 2016)"
                ),
                "url": "https://doi.org/10.1016/j.copsyc.2015.09.005",
                "accessed": "2026-11-18",
            },
            {
                "title": (
                    "A systematic review of the impact of the use of social "
                    "networking sites on body image and disordered eating outcomes"
                ),
                "publisher": "Body Image (Holland and Tiggemann, 2016)",
                "url": "https://doi.org/10.1016/j.bodyim.2016.02.008",
                "accessed": "2026-11-18",
            },
            {
                "title": "Body dysmorphic disorder (BDD)",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/mental-health/conditions/body-dysmorphia/",
                "accessed": "2026-11-19",
            },
        ],
    },
    {
        "slug": "postnatal-depression-first-months",
        "title": (
            "When the first months feel heavy: postnatal depression and getting help"
        ),
        "summary": (
            "More than one in ten women have postnatal depression. How to tell it "
            "apart from the baby blues, what treatment looks like, when to get urgent"
            " help, and small things that make the first months easier."
        ),
        "author": "helen-marsh",
        "reviewer": "amara-lindqvist",
        "topics": ["new-mothers", "anxiety-and-depression"],
        "featured": False,
        "days_ago": 38,
        "last_reviewed_days_ago": 20,
        "hero_alt": (
            "Rolling hills in layers of pale gold, amber and terracotta, deepening "
            "towards the front, under a small apricot sun in a cream sky."
        ),
        "hero_caption": "The light comes back, and help can bring it sooner.",
        "seed": 202,
        "palette": "honey",
        "motif": "hills",
        "body": """
        Everyone tells you the first months with a baby will be exhausting. Fewer people
        tell you they can also feel frightening, flat or lonely in a way that has
        nothing to do with how much you love your child. If that is where you are, you
        are not failing, and you are far from alone.

        Postnatal depression affects more than one in ten women within a year of giving
        birth. It can begin in the first weeks or creep in months later. It can also
        start during pregnancy, which is why doctors increasingly talk about *perinatal*
        depression. It is an illness, it is common, and it gets better with the right
        support.

        ## Baby blues or something more?

        In the first days after birth, many women feel weepy, irritable or anxious for
        no clear reason. Hormone levels change fast, sleep disappears and the body is
        recovering. These "baby blues" are very common and usually fade within about two
        weeks without treatment.

        Postnatal depression is different. It lasts longer, goes deeper and makes
        ordinary days hard to get through. Signs can include:

        - a low mood most of the day, on most days, that does not lift
        - losing interest or pleasure in things, including time with your baby
        - feeling numb, empty or "not yourself"
        - exhaustion beyond what the broken nights explain, or being unable to sleep
          even when the baby sleeps
        - feeling guilty, worthless or like a bad mother
        - constant worry, racing thoughts or panic
        - pulling away from partners, friends and family
        - frightening, unwanted thoughts, including thoughts about harm coming to your
          baby

        That last point deserves a word of its own. Many new mothers have sudden,
        disturbing images or thoughts that they are horrified by. Having such thoughts
        does not mean you will act on them. They are a known feature of perinatal
        anxiety and depression, and health professionals hear about them often. Telling
        someone is a step towards feeling better, not a reason to be afraid.

        ## Why it happens

        There is rarely a single cause. Sleep loss, the physical recovery from birth, a
        difficult or traumatic delivery, money or housing worries, a lack of practical
        help, a past history of depression, and a relationship that feels unsafe can all
        add to the load. Women who have been through abuse, or who are far from family,
        may be carrying more than others can see.

        Postnatal depression is not caused by anything you did, and it says nothing
        about how much you love your baby.

        ## Getting help

        The most important step is to tell someone who can help. You might speak to:

        - your GP or family doctor
        - your midwife or health visitor, or the nurse or doctor who sees your baby
        - in England, your local NHS Talking Therapies service, which you can usually
          contact yourself without seeing a GP first

        It can help to write down how you have been feeling before the appointment, or
        to bring a partner or friend. You do not need to have everything worked out. "I
        don't feel like myself and it's not getting better" is enough to start.

        Treatment depends on what you need and what you prefer. It may include guided
        self-help, a talking therapy such as cognitive behavioural therapy or
        counselling, and sometimes antidepressant medicine. If you are breastfeeding,
        tell your doctor: there are options that are considered suitable, and you can
        decide together. Many women use a mix of these and recover fully.

        ## Getting urgent help

        Some symptoms need help the same day. Contact emergency services, your local
        crisis line or go to an emergency department if you:

        - have thoughts of ending your life or of harming yourself or your baby that
          feel like plans or urges
        - see or hear things other people cannot, or have beliefs that feel strange or
          that others find alarming
        - feel suddenly very elated, restless, confused or unable to sleep at all

        These can be signs of postpartum psychosis. It is rare, but it is a medical
        emergency, and with quick treatment women do recover.

        ## Small things that make a difference

        Treatment does the heavy lifting, but everyday support matters too. You could
        try:

        1. **Protecting one stretch of sleep.** If someone can take one night feed, even
           a few nights a week, a longer block of sleep can steady your mood.
        2. **Eating something regular.** Keep easy food within reach: toast, fruit,
           yoghurt, soup.
        3. **Getting outside.** A short walk with the pram counts. Daylight and movement
           both help.
        4. **Saying yes to specific help.** When people ask what they can do, give them
           a task: a meal, a load of washing, an hour with the baby while you bathe.
        5. **Lowering the bar.** A clean house and a perfect routine can wait. Fed, safe
           and loved is enough.

        ## For partners, friends and family

        If you are worried about someone, you do not need the right words. Tell her what
        you have noticed, gently, and that you want to help her feel better. Offer to
        book or go to the appointment with her. Keep helping with the practical load.
        Listen without rushing to fix.

        ## You are not alone in this

        Many women find it a relief to meet others who have been there. [A new mothers'
        group](/groups/?topic=new-mothers), whether in a local centre or online, can
        turn a private struggle into a shared one. Hearing "me too" from someone who is
        now doing well can be one of the most hopeful moments of recovery.

        Reaching out is not a sign that you cannot cope. It is a way of looking after
        yourself and your baby at the same time.
        """,
        "sources": [
            {
                "title": "Postnatal depression",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/mental-health/conditions/post-natal-depression/overview/",
                "accessed": "2026-11-16",
            },
            {
                "title": "Perinatal Depression",
                "publisher": "National Institute of Mental Health (NIMH)",
                "url": "https://www.nimh.nih.gov/health/publications/perinatal-depression",
                "accessed": "2026-11-16",
            },
            {
                "title": "Maternal mental health",
                "publisher": "World Health Organization",
                "url": "https://www.who.int/teams/mental-health-and-substance-use/promotion-prevention/maternal-mental-health",
                "accessed": "2026-11-17",
            },
        ],
    },
    {
        "slug": "caring-for-an-ageing-parent",
        "title": "Caring for an ageing parent without losing yourself",
        "summary": (
            "Looking after a mother or father can quietly take over your life. How to"
            " recognise carer stress, share the load, arrange breaks and keep a "
            "little of your own life while you care."
        ),
        "author": "fern-ashby",
        "reviewer": "nadia-okafor",
        "topics": ["caregiving", "family-and-parenting"],
        "featured": False,
        "days_ago": 64,
        "last_reviewed_days_ago": 30,
        "hero_alt": (
            "A loose ring of overlapping circles in sage green, sand and terracotta, "
            "like people sitting close together, inside a pale green halo on a cream "
            "background."
        ),
        "hero_caption": "Care for them, and let others care for you.",
        "seed": 203,
        "palette": "sage",
        "motif": "circles",
        "body": """
        It often starts with small things. You pick up a prescription on the way home.
        You sort out a bill that confused her. You phone every evening, just to check.
        Then one day you realise you have become your mother's or father's carer, and
        your own life has been quietly folding itself around theirs.

        Caring for a parent can be full of meaning. It can also be lonely, tiring and
        hard to talk about. Many carers are women in midlife who are also working,
        raising children or both. This article is about keeping yourself well while you
        care, because you matter too, and because care that burns you out cannot last.

        ## Name what you are doing

        Many people do not think of themselves as carers. "I'm just her daughter" is a
        common reply. But if you regularly help someone who could not manage without
        you, because of age, illness, disability or memory problems, you are a carer.

        The word matters because it opens doors. In England, for example, anyone who
        looks after an adult and appears to need support can ask their local council for
        a **carer's assessment**. It is free, it is about *your* needs rather than your
        parent's, and it can lead to practical help such as breaks, equipment or advice.
        Other countries have their own versions: it is worth asking your parent's
        doctor, social worker or local authority what exists where you live.

        ## Notice the warning signs

        Carers are often the last to spot that they are struggling. The National
        Institute on Aging lists signs of caregiver stress that are worth checking
        against honestly:

        - feeling overwhelmed, anxious or constantly on edge
        - snapping at people, including the person you care for
        - feeling alone or cut off from friends
        - sleeping badly or not enough
        - losing interest in things you used to enjoy
        - frequent headaches, aches or other physical problems
        - skipping your own meals, exercise or medical appointments
        - drinking more, or leaning on medicines to get through

        Research backs up what carers feel. A large 2003 meta-analysis by Martin
        Pinquart and Silvia Sörensen found that caregivers reported more stress and
        depression than people of the same age who were not caring, with smaller but
        real differences in physical health. None of this is a personal failing. It is
        what happens when one person carries too much for too long.

        ## Share the load before you have to

        Help is easier to arrange before a crisis. A few steps can make a big
        difference:

        1. **Make a list of everything you do.** Include the invisible tasks:
           remembering appointments, ordering medicines, worrying at 3 a.m. Seeing it
           written down helps you, and helps others understand.
        2. **Split the list.** Some tasks only you can do. Many can be done by a
           sibling, a neighbour, a paid service or a volunteer. Siblings who live far
           away can still manage bills, book appointments or research care options
           online.
        3. **Ask for something specific.** "Could you take Dad to his hospital
           appointment on the 14th?" gets a better answer than "I could use some help."
        4. **Look into breaks.** Day centres, sitting services, short stays in a care
           home and paid carers coming in for a few hours can all give you time back.
           Sometimes this is called respite care.
        5. **Get the paperwork in order while your parent can take part.** Conversations
           about money, wishes for future care and legal arrangements such as a power of
           attorney are far easier early on.

        ## Protect a little of your own life

        Self-care advice can feel hollow when you barely have time to shower. So think
        small and regular rather than big and occasional:

        - a short walk outside most days
        - going to bed half an hour earlier
        - one thing each week that is only for you: a class, a swim, coffee with a
          friend
        - keeping your own doctor's appointments, screenings and dental checks

        These are not luxuries. They are part of what lets you keep caring.

        It also helps to keep one conversation in your life that is not about care. A
        friend who asks how *you* are, and waits for the answer.

        ## The feelings nobody mentions

        Caring for a parent can stir up complicated feelings. Love and resentment can
        live side by side. You might feel guilt when you take a break, or anger at
        siblings who do less. If your parent was unkind, or even abusive, when you were
        young, caring for them now can be especially painful, and you are allowed to set
        limits.

        Many carers also grieve before a loss. Watching a parent change, perhaps through
        dementia, can bring a slow, quiet grief for the person they used to be. This is
        sometimes called anticipatory grief, and it is a normal response, not a sign
        that you are giving up on them.

        Talking about these feelings with people who understand can ease them. [Carers'
        support groups](/groups/?topic=caregiving) exist for exactly this: a room, or a
        screen, full of people who will not be shocked by what you say.

        ## When to ask for more help

        Speak to your own doctor if you feel low or anxious most days, if you are not
        sleeping, or if you are relying on alcohol to cope. If caring is becoming unsafe
        for you or your parent, for example because of lifting, falls or aggression
        linked to illness, contact their doctor or social services and say clearly that
        you cannot manage as things are. Saying "I can't do this alone" is not giving
        up. It is how better care gets arranged.

        ## You are allowed to be a person too

        Looking after a parent is one of the most loving things a person can do. It does
        not have to cost you your health, your work or your friendships. The best care
        usually comes from a carer who is supported, rested enough and not doing it all
        alone.
        """,
        "sources": [
            {
                "title": "Taking Care of Yourself: Tips for Caregivers",
                "publisher": "National Institute on Aging (NIH)",
                "url": "https://www.nia.nih.gov/health/caregiving/taking-care-yourself-tips-caregivers",
                "accessed": "2026-11-12",
            },
            {
                "title": "Carer's assessments",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/social-care-and-support/support-and-benefits-for-carers/carer-assessments/",
                "accessed": "2026-11-12",
            },
            {
                "title": (
                    "Differences between caregivers and noncaregivers in "
                    "psychological health and physical health: a meta-analysis"
                ),
                "publisher": "Psychology and Aging (Pinquart and Sörensen, 2003)",
                "url": "https://doi.org/10.1037/0882-7974.18.2.250",
                "accessed": "2026-11-13",
            },
        ],
    },
    {
        "slug": "money-after-separation",
        "title": "Starting again with money after a separation",
        "summary": (
            "Rebuilding your finances after a relationship ends, one step at a time: "
            "staying safe, seeing the whole picture, setting up on your own, "
            "budgeting, and where to find free, impartial advice."
        ),
        "author": "jo-whitfield",
        "reviewer": "carmen-ruiz",
        "topics": ["divorce-and-separation", "career-and-money"],
        "featured": False,
        "days_ago": 91,
        "last_reviewed_days_ago": 47,
        "hero_alt": (
            "Gentle bands of blush, sand and warm clay ripple across the lower half "
            "of the picture under a pale, sand-coloured sun."
        ),
        "hero_caption": "One small step, then the next.",
        "seed": 204,
        "palette": "clay",
        "motif": "waves",
        "body": """
        When a relationship ends, money is often one of the most frightening parts.
        Perhaps your partner handled the bills and you are not sure what you owe or own.
        Perhaps you have children and one income where there used to be two. Perhaps
        money was used to control you, and even opening a letter from the bank makes
        your stomach drop.

        Whatever your starting point, you can rebuild. It usually happens in small,
        unglamorous steps, and each one gives you back a little confidence. This article
        walks through those steps. It is general information, not legal or financial
        advice, and the rules differ between countries, so check the details where you
        live.

        ## First: your safety

        If your ex-partner was abusive or controlling, think about safety before
        changing anything they might notice. Moving money, changing passwords or closing
        a joint account can sometimes raise the risk. A domestic abuse advisor can help
        you plan the order of things, and [our page on staying safe online](/safety/)
        covers shared devices and accounts. Controlling someone's money, by taking
        wages, running up debt in their name or refusing them access to accounts, is
        recognised as a form of abuse in many countries, and specialist services
        understand it well.

        ## Get a clear picture

        It is hard to plan around a fog. Set aside an hour, make a cup of tea, and
        gather what you can:

        - bank, savings and credit card accounts, in your name and joint
        - loans, overdrafts, mortgages and any debts, including ones you suspect were
          taken out in your name
        - regular bills and direct debits
        - pensions, both yours and your ex-partner's, if you know about them
        - income from work, benefits, child maintenance or anything else

        You do not need everything at once. A notebook with a page for each heading is a
        fine start.

        It is also worth checking your **credit report**. Credit reference agencies must
        give you your report, and in many countries you can see it for free. It shows
        accounts in your name and who you are financially linked to. In the UK, if you
        are no longer financially connected to an ex, you can ask the agencies to remove
        the link. Anything you do not recognise on your report is worth querying
        straight away.

        ## Make your own foundations

        A few practical steps help you stand on your own:

        1. **Open a bank account in your own name**, if you do not already have one, and
           have your income paid into it.
        2. **Deal with joint accounts.** With many joint accounts, either person can
           take out all the money. Talk to your bank about your options, such as
           freezing the account or needing both signatures.
        3. **Change passwords and PINs** on your accounts, email and phone, and check
           which devices are logged in, when it is safe to do so.
        4. **Update your address and contact details** with banks, employers and
           official bodies.
        5. **Check what support you may be entitled to.** Your income and household have
           changed, so your entitlement to benefits or reductions in local taxes may
           have changed too.

        ## Build a simple budget

        A budget is not a punishment. It is a map that tells you where your money goes,
        so you can decide where it should.

        - List what comes in each month.
        - List what must go out: housing, energy, food, transport, debts, childcare.
        - Then list the rest: phone, subscriptions, treats.

        If the numbers do not add up, you are not alone, and there is free help.
        Prioritise the bills with the most serious consequences, such as rent or
        mortgage and energy, and get advice before you borrow to cover a gap. Avoid
        loans that are offered quickly with few questions; high-cost credit can turn a
        difficult month into a difficult year.

        ## Dividing what you shared

        How money and property are divided depends on whether you were married or in a
        civil partnership, where you live and what you can agree. In England and Wales,
        for example, couples can agree how to split things between themselves or with a
        mediator's help, and then ask a court to make the agreement legally binding
        through a consent order. Without that, claims can sometimes be made years later.

        A few things are often overlooked:

        - **Pensions.** After the family home, a pension can be the largest thing a
          couple owns. Make sure it is part of the conversation.
        - **Children's costs.** Child maintenance is separate from dividing property.
          Official services can help you arrange it.
        - **Free guidance.** Government-backed services such as MoneyHelper in the UK
          offer free, impartial guidance on money after separation, including pensions.

        If you can, get legal advice before you sign anything. Some lawyers offer a free
        or fixed-fee first appointment, and legal aid may be available in some
        situations, particularly where there has been domestic abuse.

        ## Money and your mood

        Money worries and low mood feed each other. A 2013 systematic review by Thomas
        Richardson and colleagues found clear links between unsecured debt and poorer
        mental health, including depression. That does not mean debt will make you ill.
        It means that if you feel anxious, ashamed or unable to open the post, those
        feelings are a normal response to real pressure, and they deserve support as
        much as the figures do.

        If money worries are keeping you awake, affecting your appetite or making you
        feel hopeless, tell your doctor. If you have any thoughts of harming yourself,
        contact a crisis line or emergency services now.

        ## Confidence comes from doing

        Many women say the turning point was not a big win but a small, ordinary moment:
        paying the first bill from their own account, or understanding a payslip for the
        first time. Confidence with money is a skill, not a personality trait, and it
        grows with practice.

        It can also grow with company. Talking money through with [other women who are
        rebuilding after separation](/groups/?topic=divorce-and-separation) takes away
        some of the shame, and you will often pick up practical tips you would never
        find in a leaflet.

        You do not have to become an expert overnight. You only have to take the next
        step.
        """,
        "sources": [
            {
                "title": "Money and property when you divorce or separate",
                "publisher": "GOV.UK",
                "url": "https://www.gov.uk/money-property-when-relationship-ends",
                "accessed": "2026-11-10",
            },
            {
                "title": "Divorce and separation",
                "publisher": "MoneyHelper (Money and Pensions Service)",
                "url": "https://www.moneyhelper.org.uk/en/family-and-care/divorce-and-separation",
                "accessed": "2026-11-10",
            },
            {
                "title": (
                    "The relationship between personal unsecured debt and mental and "
                    "physical health: a systematic review and meta-analysis"
                ),
                "publisher": (
                    "Clinical Psychology Review (Richardson, Elliott and Roberts, 2013)"
                ),
                "url": "https://doi.org/10.1016/j.cpr.2013.08.009",
                "accessed": "2026-11-11",
            },
        ],
    },
    {
        "slug": "early-sobriety-what-helps-women",
        "title": "The first months without alcohol: what helps women in early recovery",
        "summary": (
            "What the first months without alcohol are often like for women, why "
            "stopping safely matters, and the therapies, medicines, groups and "
            "everyday tools that help early recovery last."
        ),
        "author": "amara-lindqvist",
        "reviewer": "helen-marsh",
        "topics": ["addiction-recovery", "anxiety-and-depression"],
        "featured": False,
        "days_ago": 117,
        "last_reviewed_days_ago": 60,
        "hero_alt": (
            "Soft bands of sea green, sand and peach wash across the lower half of "
            "the picture under a pale, low sun in a misty blue sky."
        ),
        "hero_caption": "Each morning is a fresh start.",
        "seed": 205,
        "palette": "sea",
        "motif": "waves",
        "body": """
        Deciding to stop drinking can take enormous courage. Then, often, comes the
        surprise: the first weeks and months are not only about saying no to a drink.
        They are about sleep that will not settle, feelings that arrive all at once,
        evenings that suddenly feel very long, and a quiet voice that keeps suggesting
        "just one".

        If that is where you are, this article is for you. It sets out what early
        recovery is often like for women, what the evidence says helps, and where to
        find support.

        ## A safety note before you stop

        If you have been drinking heavily every day, **do not stop suddenly on your
        own** without speaking to a doctor. Alcohol withdrawal can cause shaking,
        sweating, anxiety and, in some people, seizures or a dangerous state of
        confusion. A doctor or alcohol service can check how much risk you face and, if
        needed, help you come off alcohol safely with medicine and monitoring. Asking
        for this help is a sensible first step, not a sign of weakness.

        ## Why women's recovery can look different

        Research from the National Institute on Alcohol Abuse and Alcoholism (NIAAA)
        shows that alcohol affects women differently from men. Women generally reach
        higher blood alcohol levels from the same amount of drink, and alcohol-related
        harms such as liver disease, heart problems and certain cancers can develop
        sooner and at lower levels of drinking.

        Women's lives around drinking can also differ. Many women who drink heavily are
        also coping with anxiety, depression, trauma or past abuse. Some drink alone or
        in secret because of shame, or because they are looking after children and fear
        the consequences of asking for help. These pressures do not disappear when the
        drinking stops, which is why recovery works best when it looks after the whole
        person.

        ## What the first months can feel like

        Everyone's experience is different, but many women notice some of the following:

        - **Broken sleep.** Alcohol disrupts sleep, and it can take weeks or longer for
          natural sleep to return.
        - **Strong emotions.** Feelings that alcohol used to dull, including grief,
          anger and fear, can come up sharply.
        - **Cravings.** Urges can be triggered by times of day, places, people, stress
          or even celebration.
        - **Tiredness and low mood**, followed, for many, by days of clear-headed energy
          that feel like a gift.
        - **Boredom and loneliness**, especially if drinking was tied to your social
          life.

        These are signs of your body and mind adjusting, not signs that recovery is not
        working. Most of them ease with time.

        ## What helps

        There is no single right path. The evidence supports several approaches, and
        many women combine them.

        ### Talking therapies

        Counselling, cognitive behavioural therapy and other talking treatments help you
        understand your triggers, handle cravings and build new ways of coping. Services
        that understand trauma can be especially helpful if your drinking is tangled up
        with past abuse.

        ### Medicines

        Several medicines can reduce cravings or support abstinence, such as naltrexone
        and acamprosate. They are underused. If you are struggling with urges, ask your
        doctor whether one might suit you. They are not a substitute for willpower; they
        are support, like any other treatment.

        ### Mutual support

        Many women find strength in groups of people who share the same goal. There are
        different styles: twelve-step groups such as Alcoholics Anonymous, SMART
        Recovery with its practical, skills-based approach, and groups run by and for
        women. Some women try a few before finding the one that feels right, and you can
        [look for a recovery group near you](/groups/?topic=addiction-recovery) here on
        Kindred. Women-only groups can feel safer for those who have experienced
        violence or who find it easier to speak openly without men in the room.

        ## Everyday tools for early sobriety

        1. **Plan for the hard hours.** If six o'clock used to mean a glass of wine,
           decide in advance what will fill that time: a walk, a bath, a phone call,
           cooking something new.
        2. **Ride out a craving.** Urges rise, peak and fade, usually sooner than it
           feels in the moment. Notice it, name it, and do something else for twenty
           minutes: drink something cold, step outside, text someone.
        3. **Check in with HALT.** Are you Hungry, Angry, Lonely or Tired? Each can feel
           like a craving. Often a sandwich or a nap helps more than you expect.
        4. **Tell a few trusted people.** You do not owe anyone your story, but having
           two or three people who know, and who you can contact when things are hard,
           makes a real difference.
        5. **Make your home easier.** Remove alcohol if you can, and keep drinks you
           enjoy in the fridge instead.
        6. **Prepare your answer.** "I'm not drinking at the moment" is a complete
           sentence.

        ## If you slip

        Many people drink again at some point in recovery. A lapse does not wipe out the
        progress you have made. It is information: what was happening, how were you
        feeling, what would you need next time? Get in touch with your support as soon
        as you can, be kind to yourself, and carry on. Shame tends to push people back
        towards drinking; honesty and connection pull them forward.

        ## Getting started

        You can begin by talking to your doctor or, in the UK, contacting your local
        NHS-funded alcohol service, many of which accept self-referrals. In the United
        States, the NIAAA's Alcohol Treatment Navigator explains the options and how to
        choose good-quality care.

        Recovery is not only about what you give up. It is about what you get back:
        mornings, memory, health, honesty and, very often, a stronger sense of who you
        are. You do not have to do it alone.
        """,
        "sources": [
            {
                "title": "Women and Alcohol",
                "publisher": (
                    "National Institute on Alcohol Abuse and Alcoholism (NIAAA)"
                ),
                "url": "https://www.niaaa.nih.gov/publications/brochures-and-fact-sheets/women-and-alcohol",
                "accessed": "2026-11-06",
            },
            {
                "title": "NIAAA Alcohol Treatment Navigator",
                "publisher": (
                    "National Institute on Alcohol Abuse and Alcoholism (NIAAA)"
                ),
                "url": "https://alcoholtreatment.niaaa.nih.gov/",
                "accessed": "2026-11-06",
            },
            {
                "title": "Alcohol support",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/live-well/alcohol-advice/alcohol-support/",
                "accessed": "2026-11-07",
            },
        ],
    },
    {
        "slug": "loneliness-in-a-new-country",
        "title": "Far from home: loneliness after moving to a new country",
        "summary": (
            "Moving countries can be deeply lonely, even in a crowd. Why it happens, "
            "why it matters for your health, and small, steady ways to build "
            "friendships and a sense of belonging."
        ),
        "author": "nadia-okafor",
        "reviewer": "fern-ashby",
        "topics": ["migration-and-isolation", "anxiety-and-depression"],
        "featured": False,
        "days_ago": 146,
        "last_reviewed_days_ago": 75,
        "hero_alt": (
            "Rolling hills in peach, rose, apricot and deep berry layer towards the "
            "front under a round apricot sun in a pale morning sky."
        ),
        "hero_caption": "New shores, and room for you on them.",
        "seed": 206,
        "palette": "dawn",
        "motif": "hills",
        "body": """
        Moving to a new country can be brave, hopeful and exciting. It can also be one
        of the loneliest things a person ever does. You may be surrounded by people
        every day, on the bus, at work, at the school gate, and still feel that nobody
        here really knows you.

        If you have moved for work, for love, for safety or for a future for your
        children, and you are finding it harder than you expected, this article is for
        you. Loneliness after migration is common, it is understandable, and it can
        change.

        ## Why it can be so hard

        When you move countries, you do not only leave people behind. You leave the
        whole background of ordinary life: the shop where they knew your name, the jokes
        everyone understood, the food, the weather, the way people greet each other.
        Much of what made you feel at home was never spoken about, so you may only
        notice it now that it is gone.

        Some of the reasons women describe feeling isolated include:

        - **Language.** Even if you speak the language well, humour, slang and fast
          conversations can be tiring and leave you feeling on the outside.
        - **Losing your role.** A nurse, teacher or business owner at home may find her
          qualifications are not recognised, or may not be allowed to work while her
          visa is decided.
        - **Caring at home.** Women who look after small children or older relatives can
          spend long days without adult conversation.
        - **Distance and time zones.** Calls home can be comforting but also painful,
          and family crises far away are hard to bear.
        - **Discrimination.** Being treated as an outsider, or worse, makes it harder to
          reach out.

        ## Loneliness is a health matter

        It is easy to think of loneliness as a private sadness to keep quiet about. In
        fact, public health bodies take it seriously. The World Health Organization's
        Commission on Social Connection has described loneliness and social isolation as
        widespread problems that affect people of every age and in every region. A large
        2015 review led by Julianne Holt-Lunstad, drawing on studies of millions of
        people, found that loneliness and social isolation were linked with a higher
        risk of dying early, even after other health factors were taken into account.

        This is not meant to frighten you. It is a reminder that wanting connection is
        not needy or weak. It is a basic human need, as real as food and sleep, and it
        is worth putting effort into.

        ## Grief for the life you left

        Many people who migrate carry a quiet grief, even when they chose to move and
        are glad they did. You might miss people, places and versions of yourself. It is
        possible to feel homesick and grateful at the same time.

        Allowing yourself to feel that loss, rather than pushing it away, often makes it
        easier to open up to the new place. Some women find it helps to keep a few
        traditions alive, such as cooking a favourite dish on Sundays or celebrating
        festivals from home, and to share them with new friends.

        ## Small steps towards connection

        Friendships in a new place rarely appear all at once. They usually grow from
        small, repeated contact. Here are some ways to begin:

        1. **Become a regular somewhere.** Go to the same café, library, park or market
           at the same time each week. Familiar faces turn into nods, then
           conversations.
        2. **Join something with a shared purpose.** Language classes, choirs, sports
           clubs, faith communities, allotments and volunteering all give you something
           to talk about besides yourself.
        3. **Look for both kinds of community.** Groups of people from your home country
           can offer comfort, language and understanding. Local groups help you build
           roots where you are now. Most women find they need a bit of both.
        4. **Say yes, then invite.** Accept invitations even when you feel shy. After a
           while, try being the one who suggests a walk or a coffee.
        5. **Use your skills.** Teaching a few words of your language, sharing a recipe
           or helping at a children's event lets people see who you are.
        6. **Register with local services.** Signing up with a doctor, library and
           children's centre connects you with information and, often, with groups you
           would not otherwise hear about.

        Expect some attempts to lead nowhere. That is normal, and it is not a judgement
        on you.

        ## When isolation is being used against you

        Sometimes isolation is not just circumstance. A partner may stop you learning
        the language, keep your passport or documents, control your money, or tell you
        that nobody here will help you. These are forms of abuse. If your right to stay
        in the country depends on your partner, you may fear that leaving will mean
        losing everything. In many countries there are protections and specialist
        services for survivors in exactly this position, including free advice about
        immigration status. You deserve safety, whatever your visa says.

        ## Looking after your mental health

        Loneliness can slide into low mood or anxiety. Speak to a doctor if you feel
        down most days, have stopped enjoying things, are sleeping badly, or feel
        hopeless. Ask for an interpreter if you need one; many health services provide
        them free. If you have been through frightening experiences before or during
        your journey, trauma-focused support can help, and it is never too late to ask
        for it.

        ## You belong here too

        Building a home in a new country takes time, often longer than anyone tells you.
        But women do it every day, one conversation at a time. [A group of
        women](/groups/?topic=migration-and-isolation) who know what it is like to start
        again can be a good first place to practise being yourself in a new language,
        and to discover that the loneliness you feel is shared, and can be eased.
        """,
        "sources": [
            {
                "title": "WHO Commission on Social Connection",
                "publisher": "World Health Organization",
                "url": "https://www.who.int/groups/commission-on-social-connection",
                "accessed": "2026-11-03",
            },
            {
                "title": "Loneliness",
                "publisher": "NHS Every Mind Matters",
                "url": "https://www.nhs.uk/every-mind-matters/lifes-challenges/loneliness/",
                "accessed": "2026-11-03",
            },
            {
                "title": (
                    "Loneliness and social isolation as risk factors for mortality: a"
                    " meta-analytic review"
                ),
                "publisher": (
                    "Perspectives on Psychological Science (Holt-Lunstad and "
                    "colleagues, 2015)"
                ),
                "url": "https://doi.org/10.1177/1745691614568352",
                "accessed": "2026-11-04",
            },
        ],
    },
]
