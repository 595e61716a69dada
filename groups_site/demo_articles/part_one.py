"""Demo articles, part one: six original articles written for Kindred. The format
is described in groups_site/demo_articles/__init__.py."""

ARTICLES = [
    {
        "slug": "how-self-help-groups-help-women-find-confidence",
        "title": "How self-help groups help women find confidence and support",
        "summary": (
            "What actually happens in a self-help group, why sitting with women who "
            "have lived through something similar can rebuild confidence, and how to "
            "find a group that fits you."
        ),
        "author": "nadia-okafor",
        "reviewer": "helen-marsh",
        "topics": ["self-esteem-and-assertiveness", "anxiety-and-depression"],
        "featured": True,
        "days_ago": 4,
        "last_reviewed_days_ago": 2,
        "seed": 1,
        "palette": "dawn",
        "motif": "circles",
        "hero_alt": (
            "Soft overlapping circles in rose, coral and sand, arranged in a loose "
            "ring like people sitting together"
        ),
        "hero_caption": "Most groups begin the same way: a circle of chairs and a pot "
        "of tea.",
        "body": """
The first time a woman walks into a self-help group, she often stands in the doorway
for a moment longer than she needs to. She is deciding whether she belongs. In
fifteen years of running and training groups, I have watched that moment hundreds of
times, and I have watched what happens over the weeks that follow. This article is
about that change: what a group is, why it helps, and how to find one that suits
you.

## What a self-help group is (and is not)

A self-help group, sometimes called a peer-support or mutual-aid group, is a small
gathering of people who share an experience and meet regularly to talk about it.
Some groups are run entirely by members who have been through the same thing. Others
are facilitated by a social worker, counsellor or trained volunteer who keeps time
and holds the ground rules, but who is not there to give therapy.

A group is not a class, and nobody will test you. It is not group therapy either,
although it can sit alongside therapy very well. Most groups have a few simple
agreements: what is said in the room stays in the room, one person speaks at a time,
nobody has to share, and advice is offered only when someone asks for it.

## Why it helps: four things that happen in the room

### You stop being the only one

Many women arrive convinced that what happened to them is unusual, or that their
reaction to it is a sign of weakness. Hearing someone else describe the same fear,
the same self-blame or the same exhausting vigilance can be a physical relief.
Researchers who study mutual-help groups describe this as one of their most
consistent effects: isolation shrinks, and shame loses some of its grip when it is
spoken aloud and met with nods instead of judgement.

### Knowledge from experience

Professionals know a great deal, but members know things no textbook covers: which
forms at the housing office cause trouble, what to say to a child who asks
questions, how it feels on the third morning of trying to eat regularly. This
practical, lived knowledge is shared freely in groups, and it often lands
differently because it comes from someone who has been there.

### Helping someone else

A surprising amount of the confidence women gain in groups comes not from being
helped but from helping. The week you notice a newcomer hovering in the doorway and
pull out a chair for her, something shifts. You discover that your hardest
experiences have made you useful to someone. Reviews of peer support in mental
health describe this as a key ingredient: people who give support report feeling
more hopeful and more capable themselves.

### Practising in a safe place

A group is a rehearsal room. You can try saying "I disagree" or "that is not okay
with me" among people who will not punish you for it. You can tell your story in
your own words, perhaps for the first time, and notice that you survive the telling.
Those small rehearsals travel with you into the rest of your week.

## What the evidence says

It is honest to say that research on self-help groups is still developing; groups
are informal by nature and hard to study in controlled trials. Even so, a widely
cited review of mutual-help groups for mental health problems found promising
evidence of benefit for people living with depression and anxiety and for people who
are bereaved, with no sign of harm. In two of the trials it included, outcomes for
group members were similar to those of more costly professional treatment. Broader
reviews of peer support point the same way, highlighting hope, self-esteem and a
sense of being understood.

Groups work best as part of a wider web of support. If you are in crisis, need
medical care or are at risk from someone, a group can walk alongside you, but it
should not be the only help you have.

## Finding a group that fits

Groups differ a lot, and it is normal to try one or two before you find your place.
A few questions can help you choose:

- **Who is it for?** Women-only groups, groups for a particular experience (leaving
  an abusive relationship, grief, eating difficulties) and open groups all have
  their place.
- **Who runs it?** Peer-led groups feel informal and equal; professionally
  facilitated groups have someone trained to hold difficult moments.
- **How does it meet?** In person, online or both. Online groups can be easier to
  reach and more private; in-person groups give you a place to go and faces to see.
- **Can you join at any time?** Drop-in groups welcome newcomers every week. Closed
  groups run for a set number of sessions with the same members, which can build
  trust quickly.
- **What are the ground rules?** A good group will tell you how it protects
  confidentiality and what happens if someone breaks the agreements.

If privacy matters to you, ask how the group talks about members outside meetings,
whether you can use only your first name, and how the venue or online link is
shared. On Kindred, the exact address and meeting link are only shown to members a
group has accepted.

## Your first meeting

You do not have to say anything at your first meeting. Many facilitators will invite
you to give your first name and then simply listen. It is fine to arrive a few
minutes early to meet the facilitator, or a few minutes late so you can slip in
quietly. It is also fine to leave if it does not feel right; the group will still be
there if you want to come back.

Give it three or four meetings before you decide. The first session is often the
hardest, and groups change as people come and go.

## The confidence that grows

The women I have seen grow in groups rarely describe a single breakthrough. They
talk about small things: going back to a hobby, phoning an old friend, making an
appointment they had put off for months, speaking up at a parents' evening.
Confidence, it turns out, is less a feeling you wait for than a set of small actions
you take, and a group makes it easier to take them because someone is cheering you
on.

If you are standing in that doorway now, deciding whether you belong: you do.
""",
        "sources": [
            {
                "title": "Mutual help groups for mental health problems: a review of "
                "effectiveness studies",
                "publisher": "American Journal of Community Psychology",
                "url": "https://doi.org/10.1007/s10464-008-9181-0",
                "accessed": "2026-11-10",
            },
            {
                "title": "A review of the literature on peer support in mental health "
                "services",
                "publisher": "Journal of Mental Health",
                "url": "https://doi.org/10.3109/09638237.2011.583947",
                "accessed": "2026-11-10",
            },
            {
                "title": "Finding peer support",
                "publisher": "Mind",
                "url": "https://www.mind.org.uk/information-support/"
                "drugs-and-treatments/peer-support/finding-peer-support/",
                "accessed": "2026-11-12",
            },
        ],
    },
    {
        "slug": "recognising-coercive-control-and-making-a-safety-plan",
        "title": "Recognising coercive control and making a safety plan",
        "summary": (
            "Coercive control is a pattern of behaviour that slowly takes away a "
            "woman's freedom. How to recognise it, and how to make a safety plan that "
            "fits your life, whether or not you are ready to leave."
        ),
        "author": "jo-whitfield",
        "reviewer": "nadia-okafor",
        "topics": ["domestic-abuse"],
        "featured": True,
        # Comments stay closed: a public thread about a partner's behaviour could
        # put a reader at risk. Readers are pointed to helplines and groups instead.
        "comments_open": False,
        "days_ago": 11,
        "last_reviewed_days_ago": 9,
        "seed": 2,
        "palette": "sage",
        "motif": "hills",
        "hero_alt": (
            "Layers of rolling hills in sage green, sand and terracotta under a pale "
            "sun and a wide, clear sky"
        ),
        "hero_caption": "A safety plan is about the next step, not the whole road.",
        "body": """
If you are reading this on a phone or computer that someone else can check, take a
moment first. The "Exit this page" button at the top of every Kindred page takes you
to a neutral website straight away, and [our page on staying safe online](/safety/)
explains how to browse more privately. You know your situation best; read this when
and where it feels safe.

## What coercive control is

Coercive control is a pattern of behaviour that an abuser uses to make a partner or
family member dependent, frightened and cut off from support. It is not one argument
or one bad day. It is the steady build-up of rules, threats and punishments that,
over months or years, shrinks a woman's world until she finds herself asking
permission for ordinary things.

Because it often happens without physical violence, many women do not recognise it
as abuse, and people around them may not either. In England and Wales, controlling
or coercive behaviour in an intimate or family relationship has been a criminal
offence since 2015, and Scotland, Ireland and other countries have similar laws.
Naming it matters: it is not a relationship problem you should be able to fix by
trying harder.

## Signs you might recognise

Every situation is different, but women living with coercive control often describe
some of these:

- **Isolation.** Being discouraged or stopped from seeing friends and family, or
  made to feel that every visit causes a row that is not worth it.
- **Monitoring.** Checking your phone, messages, location or spending; turning up
  unexpectedly; demanding to know where you have been.
- **Rules and punishments.** Rules about what you wear, eat, say or how you keep the
  house, with sulking, anger or threats when they are "broken".
- **Control of money.** Taking your wages, giving you an allowance, running up debts
  in your name or stopping you from working.
- **Put-downs and twisting reality.** Constant criticism, humiliation in front of
  others, or being told that things you remember clearly never happened.
- **Threats.** Threats to hurt you, the children, pets or themselves; threats to
  tell secrets, to report you to authorities or to take the children.
- **Walking on eggshells.** Planning your day around their moods, and feeling
  relief, not warmth, when they leave the house.

If several of these feel familiar, it is worth talking to someone trained in
domestic abuse. You do not need to be sure, and you do not need to have decided
anything, to make that call.

## What a safety plan is

A safety plan is a set of practical steps to reduce the risk of harm to you and your
children. It is personal: there is no single right plan, and a good one changes as
your situation changes. Specialist advocates make plans with women every day, and
helplines can talk one through with you in confidence. Leaving can be a time of
increased danger, which is why planning ahead with support matters so much.

You can make a plan whether you are staying for now, preparing to leave or have
already left.

## Safety while you are living with them

- Think about the rooms where arguments tend to start, and which ones have a way
  out. Kitchens and bathrooms often hold things that can be used to hurt you.
- Choose one or two people you trust and agree a code word that means "call the
  police" or "come and get me".
- If you have children, teach them, in a way that suits their age, how to get out
  and call for help, and that it is never their job to protect you.
- Keep your phone charged and learn the emergency number where you live. In the UK,
  if you call 999 from a mobile and cannot speak, listen to the operator and press
  55 when asked; this tells them you need help.

## If you are preparing to leave

- Gather, or photograph and store somewhere safe, important documents: passports,
  birth certificates, bank cards, tenancy or mortgage papers, medication and
  prescriptions, and any evidence of the abuse.
- If you can, keep a small bag or a set of spare keys with someone you trust.
- Put a little money aside where it cannot be seen, or ask a trusted person to hold
  it for you.
- Think about timing. Advocates can help you plan when to go, where to go, and how
  to get there safely, including refuge space.

## After you have left

- Vary your routines and routes where you can, and tell your workplace and your
  children's school who is and is not allowed to collect them.
- Check your devices and accounts: change passwords, turn off location sharing, and
  look for apps you did not install.
- Ask about legal protection, such as protection orders, and keep a record of any
  contact or threats.

## Where to get help

You do not have to do any of this alone. In the UK, the free 24-hour National
Domestic Abuse Helpline is 0808 2000 247. In the United States, the National
Domestic Violence Hotline is 1-800-799-7233, or text START to 88788. Elsewhere, your
doctor, a local women's organisation or the police can direct you to specialist
support. If you are in immediate danger, call your emergency number.

Support groups can also be a steady place during and after leaving, among women who
understand without needing everything explained. Kindred lists [groups for survivors
of domestic abuse](/groups/?topic=domestic-abuse); many are women-only, and their
addresses are shared only with accepted members.

Abuse is never your fault, and it is never too late to ask for help.
""",
        "sources": [
            {
                "title": "What is coercive control?",
                "publisher": "Women's Aid",
                "url": "https://www.womensaid.org.uk/information-support/"
                "what-is-domestic-abuse/coercive-control/",
                "accessed": "2026-11-03",
            },
            {
                "title": "Plan for safety",
                "publisher": "The National Domestic Violence Hotline",
                "url": "https://www.thehotline.org/plan-for-safety/",
                "accessed": "2026-11-03",
            },
            {
                "title": "Getting help for domestic violence and abuse",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/live-well/"
                "getting-help-for-domestic-violence/",
                "accessed": "2026-11-04",
            },
            {
                "title": "Violence against women (fact sheet)",
                "publisher": "World Health Organization",
                "url": "https://www.who.int/news-room/fact-sheets/detail/"
                "violence-against-women",
                "accessed": "2026-11-04",
            },
        ],
    },
    {
        "slug": "when-eating-feels-out-of-control",
        "title": "When eating feels out of control: first steps and finding support",
        "summary": (
            "Bingeing, restricting, or a constant loop of food rules and guilt? "
            "Gentle, practical first steps, the signs that mean you should see a "
            "doctor soon, and where to find support."
        ),
        "author": "priya-raman",
        "reviewer": "amara-lindqvist",
        "topics": ["eating-disorders", "body-image"],
        "featured": False,
        "days_ago": 19,
        "last_reviewed_days_ago": 19,
        "seed": 3,
        "palette": "honey",
        "motif": "waves",
        "hero_alt": (
            "Gentle waves in honey, apricot and terracotta rolling across a cream "
            "sky, under a round apricot sun"
        ),
        "hero_caption": "Recovery tends to come in waves, too.",
        "body": """
Many of the women I meet in clinic tell me the same thing in their first
appointment: "I know this sounds silly, but..." It does not sound silly. When eating
starts to feel out of control, whether that means eating far more than you meant to,
cutting back until you feel faint, or spending most of the day thinking about food,
it can be frightening and lonely. This article is for anyone who recognises some of
that, whether or not you think you have an eating disorder.

## What "out of control" can look like

Eating difficulties do not look one way, and they are not defined by weight. They
affect women of every age, shape, culture and background. You might notice:

- eating a large amount of food in a short time, feeling unable to stop, and then
  feeling ashamed or disgusted afterwards;
- eating in secret, or planning your day around times when nobody will see you eat;
- strict rules about what, when or how much you are allowed to eat, and distress
  when a rule is broken;
- skipping meals for long stretches, or trying to "make up" for eating by fasting,
  over-exercising, vomiting or using laxatives;
- your mood and sense of worth rising and falling with the number on the scales or
  the fit of your clothes.

Binge eating disorder, bulimia and anorexia are recognised medical conditions, and
binge eating disorder is among the most common of them. Many people also struggle
with patterns that do not fit neatly into any diagnosis but still cause real
distress. You do not need a label to deserve help.

## Why it is not about willpower

It is easy to believe that the answer is more discipline. In practice, the opposite
is often true. Strict dieting and long gaps without food leave the body and mind
genuinely hungry, and that hunger tends to break through as a binge. The binge
brings guilt, the guilt brings a new round of restriction, and the cycle tightens.
Stress, low mood, loneliness and past trauma often feed into it too, because food
can be a quick way to soothe or numb feelings that have nowhere else to go.

Seeing the cycle clearly is a first step out of it. It is not a personal failing; it
is a pattern, and patterns can change.

## Gentle first steps

These are not rules, and they are not a treatment plan. They are starting points
that many people find helpful while they seek support.

### Eat regularly

Aim for three meals and two or three snacks a day, without long gaps, even after a
binge. Regular eating is one of the most effective early steps for breaking the
binge-restrict cycle, and it is usually the first thing a specialist will work on
with you. It can feel counter-intuitive and scary at first. Start with one part of
the day, such as a breakfast you eat every morning, and build from there.

### Notice, without judging

Some people find it useful to jot down what they ate, roughly when, and how they
were feeling, with no calorie counting and no criticism. Over a week or two,
patterns often appear: long gaps, particular times of day, certain feelings or
situations. That information is useful to you and to anyone supporting you.

### Widen the ways you cope

Make a short list of things that help a little when feelings run high: phoning a
friend, a walk, a shower, music, writing it down, a breathing exercise. None of them
will feel as powerful as food at first. The aim is simply to have a choice.

### Step back from the scales and diet talk

Weighing yourself several times a day, following accounts that promote dieting or
"clean eating", or comparing your body with others can keep the cycle turning. It is
fine to unfollow, mute or put the scales in a cupboard for now.

## When to see a doctor soon

Please see your GP or family doctor soon if eating difficulties are taking over your
days, and seek urgent help if you:

- make yourself sick or use laxatives or diuretics, especially often;
- feel dizzy, faint, very weak, or notice a racing or irregular heartbeat;
- have lost a lot of weight quickly, or your periods have stopped;
- have thoughts of harming yourself or ending your life.

Vomiting and laxatives can upset the balance of salts in the blood, which can be
dangerous even when you feel well, so a doctor may suggest a simple blood test. It
is completely normal to feel nervous about this appointment. It can help to write a
few lines beforehand and read them out, or to bring someone with you.

## What treatment can look like

Effective help exists, and many people recover fully. For binge eating disorder,
guidelines in England recommend a guided self-help programme as a first step for
adults, usually based on cognitive behavioural therapy, with individual or group
therapy if more is needed. For other eating disorders, specialist teams often
combine talking therapy with support from a dietitian and medical monitoring. A
dietitian's role is not to put you on a diet, but to help you rebuild regular,
flexible, enjoyable eating.

## Finding support

Recovery is easier when you are not hiding. Telling one trusted person can lift a
surprising amount of weight. Eating disorder charities run helplines, online chats
and peer-support groups, often free; in the UK, Beat offers all three. Support
groups, in person or online, can be a place to speak honestly among people who will
not be shocked and who will not give you diet tips. Look for groups that are run by
a trained facilitator or a recovery-focused organisation, and that do not discuss
numbers such as weights and calories.

If you are a parent or partner reading this because you are worried about someone,
the same advice applies to you: gentle curiosity, no pressure about food or weight,
and support for yourself too.

You deserve a relationship with food that is calm, not a daily battle. It is never
too early, and never too late, to ask for help.
""",
        "sources": [
            {
                "title": "Overview: eating disorders",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/"
                "behaviours/eating-disorders/overview/",
                "accessed": "2026-10-28",
            },
            {
                "title": "Binge eating disorder",
                "publisher": "National Institute of Diabetes and Digestive and Kidney "
                "Diseases (NIDDK)",
                "url": "https://www.niddk.nih.gov/health-information/"
                "weight-management/binge-eating-disorder",
                "accessed": "2026-10-28",
            },
            {
                "title": "Eating disorders: recognition and treatment (NICE guideline "
                "NG69)",
                "publisher": "National Institute for Health and Care Excellence",
                "url": "https://www.nice.org.uk/guidance/ng69",
                "accessed": "2026-10-29",
            },
            {
                "title": "Get help for myself",
                "publisher": "Beat",
                "url": "https://www.beateatingdisorders.org.uk/"
                "get-information-and-support/get-help-for-myself/",
                "accessed": "2026-10-29",
            },
        ],
    },
    {
        "slug": "speaking-up-at-work-dealing-with-discrimination",
        "title": "Speaking up at work: dealing with discrimination",
        "summary": (
            "Treated unfairly at work because you are a woman, pregnant, disabled, "
            "older or from a minority background? How to keep a record, raise it, "
            "know your deadlines and look after yourself along the way."
        ),
        "author": "carmen-ruiz",
        "reviewer": "helen-marsh",
        "topics": ["discrimination-at-work", "career-and-money"],
        "featured": False,
        "days_ago": 33,
        "last_reviewed_days_ago": 30,
        "seed": 4,
        "palette": "clay",
        "motif": "hills",
        "hero_alt": (
            "Terracotta and clay-coloured hills rising in layers under a pale, "
            "sand-coloured sun in a blush-pink sky"
        ),
        "hero_caption": "You do not have to climb it in one go.",
        "body": """
Discrimination at work rarely arrives with a label on it. More often it is a
pattern: the promotion that always goes to someone else, the comments about your
accent or your age that are passed off as jokes, the sudden coolness after you
announce a pregnancy, the request for a reasonable adjustment that is never quite
dealt with. Many women spend months wondering whether they are imagining it. This
article sets out practical steps you can take, whatever you decide to do in the end.

This is general information, not legal advice. Employment law differs between
countries, and time limits can be short, so please get advice about your own
situation early.

## What counts as discrimination

In broad terms, discrimination means being treated less favourably because of who
you are. In the UK, the Equality Act 2010 protects nine characteristics: age,
disability, gender reassignment, marriage and civil partnership, pregnancy and
maternity, race, religion or belief, sex, and sexual orientation. In the United
States, federal laws enforced by the Equal Employment Opportunity Commission cover
similar ground, including sex, pregnancy, race, colour, religion, national origin,
age and disability. Many other countries have comparable protections.

The law usually recognises several forms:

- **Direct discrimination:** being treated worse than others because of a protected
  characteristic, such as being passed over for a role after returning from
  maternity leave.
- **Indirect discrimination:** a rule that applies to everyone but puts a particular
  group at a disadvantage without good reason, such as a shift pattern that most
  mothers of young children could not work.
- **Harassment:** unwanted conduct that violates your dignity or creates a hostile,
  humiliating or offensive environment, including sexual harassment.
- **Victimisation or retaliation:** being treated badly because you complained about
  discrimination or supported someone else's complaint. This is unlawful in its own
  right.

## Step one: keep a record

Whatever you decide, start writing things down now. A simple, dated log is one of
the most useful things you can bring to an adviser. For each incident, note:

- the date, time and place;
- what was said or done, in as close to the exact words as you can;
- who was there, or who might have seen or heard;
- how it affected you and your work.

Keep copies of relevant emails, messages, appraisals and policies somewhere that
belongs to you rather than your employer, provided you are allowed to; do not take
confidential business documents without advice. Write entries soon after events,
while they are fresh. A calm, factual record is far more persuasive than one written
in anger months later, and writing it down can also help you see the pattern more
clearly yourself.

## Step two: decide how to raise it

You are entitled to raise a concern, and there is usually more than one route.

### Informally

Sometimes a direct conversation with a manager, or with HR, resolves a problem
quickly. If you do this, follow it up with a short, polite email summarising what
was discussed and agreed. That email becomes part of your record.

### Formally

If an informal approach does not work, or the problem is serious, you can raise a
formal grievance under your employer's procedure. Put it in writing, say clearly
that you believe you have been discriminated against and why, refer to your record,
and say what outcome you are looking for. In the UK you have the right to be
accompanied to a formal grievance meeting by a colleague or a trade union
representative; elsewhere, ask whether you can bring someone.

### With outside help

A trade union, if you belong to one, can advise and represent you. Free advice
services, law centres and employment lawyers can help you understand your options.
In the UK, Acas offers free, impartial advice and runs early conciliation, which you
must normally go through before making an employment tribunal claim.

## Step three: know your deadlines

This is the part many people find out about too late. Legal time limits for
discrimination claims are short. In Great Britain, you usually have three months
less one day from the act you are complaining about to start early conciliation with
Acas. In the United States, a charge usually has to be filed with the EEOC within
180 calendar days, extended to 300 days in many states. An internal grievance does
not normally stop these clocks, so get advice early, even while you are still trying
to sort things out at work.

## Looking after yourself

Experiencing discrimination, and challenging it, can be exhausting. Many women
describe sleepless nights, self-doubt and a constant sense of being on guard. That
is a normal response to an unfair situation, not a sign that you are too sensitive.

- Talk to people outside work who believe you.
- If your sleep, appetite or mood are suffering, see your doctor. Any sick leave and
  what led to it can also form part of the record.
- Decide in advance what you will say if the subject comes up unexpectedly, so you
  are not caught off guard.
- Remember that you can pause. Choosing not to pursue a claim, or choosing to leave,
  is not failure; it is a decision about your own wellbeing. Just make that decision
  knowing your deadlines.

Peer-support groups for women facing discrimination at work can help too. Hearing
how others handled a grievance meeting, or simply being believed, can restore some
of the confidence that months of unfair treatment wears away.

## You are not being difficult

Speaking up about discrimination is sometimes framed as making trouble. It is not.
It is asking your workplace to follow the law and its own promises, and it often
makes things better for the women who come after you.
""",
        "sources": [
            {
                "title": "Discrimination: your rights",
                "publisher": "GOV.UK",
                "url": "https://www.gov.uk/discrimination-your-rights",
                "accessed": "2026-10-14",
            },
            {
                "title": "Early conciliation",
                "publisher": "Acas",
                "url": "https://www.acas.org.uk/early-conciliation",
                "accessed": "2026-10-14",
            },
            {
                "title": "How to file a charge of employment discrimination",
                "publisher": "U.S. Equal Employment Opportunity Commission",
                "url": "https://www.eeoc.gov/how-file-charge-employment-discrimination",
                "accessed": "2026-10-15",
            },
        ],
    },
    {
        "slug": "grief-in-the-first-year",
        "title": "Grief in the first year",
        "summary": (
            "The first year after a death is full of firsts. What grief can feel like "
            "month by month, how to get through the hardest days, and when to ask for "
            "more help."
        ),
        "author": "fern-ashby",
        "reviewer": "amara-lindqvist",
        "topics": ["grief-and-loss"],
        "featured": False,
        "days_ago": 52,
        "last_reviewed_days_ago": 45,
        "seed": 5,
        "palette": "dusk",
        "motif": "waves",
        "hero_alt": (
            "Soft waves in lavender, plum and peach under a round peach sun, like "
            "an evening sea"
        ),
        "hero_caption": "Grief comes and goes like a tide.",
        "body": """
People often talk about grief as if it were a set of stages to be completed in
order, with acceptance waiting neatly at the end. Most bereaved people I have worked
with say it did not feel like that at all. It felt more like weather: days of fog,
sudden storms, unexpected clear mornings, and then fog again. If your first year has
been like that, you are not doing it wrong.

## What grief can feel like

Grief is not only sadness. In the first months it is common to feel numb,
disbelieving, angry, guilty, relieved, anxious or all of these in one afternoon.
Many people notice physical effects too: exhaustion, broken sleep, a tight chest, no
appetite or a constant need to graze, and a foggy mind that loses keys and forgets
appointments. You may hear their voice, expect them to walk through the door, or
reach for your phone to tell them something. These experiences are normal, and they
usually soften with time.

Grief also depends on the relationship. Losing someone after a long illness is
different from a sudden death. Losing a parent is different from losing a partner, a
child, a friend or a pregnancy. If the relationship was complicated or painful,
grief can be tangled up with old hurts, and that is normal too.

## The shape of the first year

There is no timetable, but some things come up for many people.

### The first weeks

The early days are often busy with arrangements, paperwork and visitors. Some people
run on adrenaline and feel oddly calm. Others can barely get out of bed. Both are
common. Accept practical help: meals, lifts, someone to make the phone calls you
cannot face.

### The months after the funeral

Visitors go home, cards stop arriving and the world seems to expect you to be back
to normal. For many, this is when grief lands most heavily. It can be a lonely time,
and a good moment to find a support group or a bereavement service, because it is
often when friends and family have stepped back.

### The firsts

The first birthday without them, the first holidays, the anniversary of their death,
the first time you do something they always did. The days leading up to these dates
are often harder than the days themselves. Planning a little can help: decide in
advance whether you want company or quiet, whether to mark the day with a ritual, a
walk, their favourite meal, or simply to get through it.

## Things that tend to help

- **Letting grief come and go.** Many bereaved people move back and forth between
  facing the loss and taking a break from it: crying over old photos one hour,
  watching a comedy the next. Both are part of grieving. You do not have to feel sad
  all the time to show you cared.
- **Looking after your body.** Regular meals, a short walk in daylight and a steady
  bedtime routine will not take the pain away, but they give you a little more to
  cope with.
- **Saying their name.** Many people find comfort in talking about the person who
  died, telling stories and keeping them part of conversation. Let friends know if
  you would like that; they are often afraid of upsetting you.
- **Putting off big decisions.** If you can, wait before moving house, changing jobs
  or giving away belongings. Decisions made in the fog of early grief are sometimes
  regretted.
- **Being gentle with alcohol.** It can feel like a relief in the evenings, but it
  tends to worsen sleep and low mood.

## Support groups and bereavement services

Talking with other bereaved people can be a great comfort, because they understand
without explanation that grief does not end at the funeral. Many hospices, charities
and community organisations run bereavement groups, some for particular losses such
as the death of a partner, a child, or a death by suicide. Bereavement counselling
is also available through many charities and health services. You do not need to be
"not coping" to ask for it.

## When to ask for more help

For most people, the intensity of grief slowly eases over time, even though the loss
is never forgotten. For some, it stays raw and all-consuming. The American
Psychiatric Association now recognises prolonged grief disorder, in which, for
adults, intense longing for or preoccupation with the person who died continues most
days at least a year after the death and gets in the way of daily life. Treatments
designed for it can help.

Please talk to your doctor if, at any point, you:

- cannot manage day-to-day tasks for weeks at a time;
- feel your life has no meaning or purpose without them;
- are relying more and more on alcohol, medication or other substances to get through;
- have symptoms of depression that are not lifting, such as feeling hopeless or
  worthless.

If you have thoughts of ending your life, please seek help straight away. Call your
emergency number, or contact a crisis line: in the UK and Ireland, Samaritans answer
day and night on 116 123; in the United States, call or text 988.

## Carrying them with you

Many people fear that feeling better means forgetting. It does not. Over time, most
bereaved people find a way to carry the person with them: in habits, recipes,
sayings, the things they taught us. The first year is not about getting over a loss.
It is about surviving it, one day and one first at a time, and you do not have to do
that alone.
""",
        "sources": [
            {
                "title": "Grief after bereavement or loss",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/"
                "feelings-and-symptoms/grief-bereavement-loss/",
                "accessed": "2026-09-30",
            },
            {
                "title": "Coping with grief and loss",
                "publisher": "National Institute on Aging",
                "url": "https://www.nia.nih.gov/health/grief-and-mourning/"
                "coping-grief-and-loss",
                "accessed": "2026-09-30",
            },
            {
                "title": "Prolonged grief disorder",
                "publisher": "American Psychiatric Association",
                "url": "https://www.psychiatry.org/patients-families/"
                "prolonged-grief-disorder",
                "accessed": "2026-10-01",
            },
        ],
    },
    {
        "slug": "building-assertiveness-one-conversation-at-a-time",
        "title": "Building assertiveness one conversation at a time",
        "summary": (
            "Assertiveness is a skill, not a personality type. A clinical "
            "psychologist's guide to saying no, asking for what you need and holding "
            "your ground, starting small."
        ),
        "author": "helen-marsh",
        "reviewer": "nadia-okafor",
        "topics": ["self-esteem-and-assertiveness"],
        "featured": False,
        "days_ago": 74,
        "last_reviewed_days_ago": 70,
        "seed": 6,
        "palette": "sea",
        "motif": "circles",
        "hero_alt": (
            "Circles in teal, seafoam, sand and coral overlapping in a ring on a "
            "pale blue background, with small circles drifting at the edges"
        ),
        "hero_caption": "Every conversation is a chance to practise.",
        "body": """
"I just can't say no." I hear this often, usually from women who are competent,
caring and exhausted. They agree to the extra shift, the favour for a relative, the
plan they did not want, and then lie awake feeling resentful and a little ashamed.
If that sounds familiar, here is some good news: assertiveness is not a personality
trait you either have or lack. It is a set of skills, and skills can be learned, one
conversation at a time.

## What assertiveness is (and is not)

Being assertive means expressing your needs, feelings and opinions honestly and
directly, while respecting other people's right to do the same. It sits between two
other styles most of us slip into at times:

- **Passive:** putting others' wishes first, staying quiet to keep the peace,
  hinting rather than asking. It avoids conflict in the moment but often leads to
  resentment and low self-worth.
- **Aggressive:** getting your way at others' expense, through raised voices,
  sarcasm or blame. It may win the argument but often damages the relationship.

There is also a passive-aggressive mix: agreeing out loud, then showing displeasure
through sulking, lateness or pointed remarks. Assertiveness is the calmer, clearer
alternative. It will not guarantee you get what you want, but it gives you the best
chance of being heard, and it protects your self-respect either way.

## Why it can be so hard

If you grew up being praised for being "good" and easy-going, or in a home where
disagreement led to trouble, staying quiet may once have been the safest choice.
Many women are also taught, in subtle ways, that their needs matter less than other
people's comfort. These lessons run deep, which is why trying to be assertive can
bring on a racing heart or a wave of guilt. That discomfort is not a sign you are
doing something wrong. It is a sign you are doing something new.

Research on assertiveness training, often delivered in groups, suggests it can
reduce anxiety and improve self-esteem, which fits what many therapists see in
practice.

## A note on safety

Assertiveness skills are for relationships where disagreeing is safe, even if it is
uncomfortable. If you are with someone who punishes you for saying no, who frightens
you or controls what you do, the problem is not your communication style, and
standing your ground could put you at risk. Please read our article on [recognising
coercive control and making a safety
plan](/articles/recognising-coercive-control-and-making-a-safety-plan/), and talk to
a specialist before trying new approaches.

## Skills to practise

### Start with your own rights

It helps to remind yourself of a few basic rights: to have your own opinions, to
change your mind, to say "I don't know", to make mistakes, and to say no without a
long justification. Writing these down and reading them before a difficult
conversation can steady you.

### Use "I" statements

Talk about your experience rather than attacking the other person. Compare "You
never help" with "I'm feeling overwhelmed with the housework, and I'd like us to
share it more evenly." A useful shape is: when this happens, I feel this, and I
would like this instead.

### Say no simply

A clear no can be kind: "Thank you for thinking of me, but I can't take that on this
month." You do not need three reasons. Long explanations invite negotiation. If you
need time, it is fine to say "Let me check and get back to you," and then decide
when you are not under pressure.

### The broken record

If someone keeps pushing, calmly repeat your point in the same words, acknowledging
what they say without being pulled into an argument: "I understand it's
inconvenient. I still can't do Saturday."

### Mind your body and voice

Stand or sit upright, breathe out slowly before you speak, make comfortable eye
contact and keep your voice steady rather than loud. Your body language often speaks
before your words do.

## Start small and build up

Nobody starts by confronting their hardest relationship. Make a ladder of
situations, from easiest to hardest, and begin at the bottom:

1. Sending back a cold coffee or asking a shop assistant for help.
2. Giving your honest opinion about a film or a restaurant choice.
3. Saying no to a small request from a friend.
4. Asking a colleague to stop interrupting you in meetings.
5. Raising a long-standing issue with a family member.

After each step, notice what happened. Usually the feared disaster does not arrive,
and when it goes less well, you learn something. Be as encouraging with yourself as
you would be with a friend learning to swim.

## Practising with others

Many people find it easier to build these skills alongside others. Assertiveness and
confidence groups give you a safe room to rehearse difficult conversations, hear how
others handled theirs and celebrate the small wins. Role-playing a conversation with
someone who plays the other person, then swapping roles, is one of the most
effective ways to prepare.

Confidence does not usually come first. It follows action. Each time you speak up,
even in a small way, you gather a little more evidence that your voice matters.
Because it does.
""",
        "sources": [
            {
                "title": "Assertiveness training: a forgotten evidence-based treatment",
                "publisher": "Clinical Psychology: Science and Practice",
                "url": "https://doi.org/10.1111/cpsp.12216",
                "accessed": "2026-09-08",
            },
            {
                "title": "Assertiveness (self-help resources)",
                "publisher": "Centre for Clinical Interventions, Government of Western "
                "Australia",
                "url": "https://www.cci.health.wa.gov.au/Resources/"
                "Looking-After-Yourself/Assertiveness",
                "accessed": "2026-09-08",
            },
            {
                "title": "Raising low self-esteem",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/mental-health/self-help/tips-and-support/"
                "raise-low-self-esteem/",
                "accessed": "2026-09-09",
            },
            {
                "title": "Being assertive: reduce stress, communicate better",
                "publisher": "Mayo Clinic",
                "url": "https://www.mayoclinic.org/healthy-lifestyle/stress-management/"
                "in-depth/assertive/art-20044644",
                "accessed": "2026-09-09",
            },
        ],
    },
]
