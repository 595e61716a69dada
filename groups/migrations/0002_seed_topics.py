from django.db import migrations

TOPICS = [
    (
        "Domestic abuse",
        "domestic-abuse",
        "Leaving, surviving and recovering from abuse by a partner or family member.",
    ),
    (
        "Sexual violence",
        "sexual-violence",
        "Support after rape, sexual assault or abuse, at any time since.",
    ),
    (
        "Eating disorders",
        "eating-disorders",
        "Anorexia, bulimia, binge eating and a kinder relationship with food.",
    ),
    (
        "Body image",
        "body-image",
        "Living at peace with your body, whatever its shape, size or story.",
    ),
    (
        "Discrimination at work",
        "discrimination-at-work",
        "Sexism, racism, harassment and unfair treatment in the workplace.",
    ),
    (
        "Family and parenting",
        "family-and-parenting",
        "Raising children, family conflict and the people closest to you.",
    ),
    (
        "Divorce and separation",
        "divorce-and-separation",
        "The end of a relationship: practical steps and the feelings that come with them.",
    ),
    (
        "Grief and loss",
        "grief-and-loss",
        "After the death of someone you love, a pregnancy loss or another deep loss.",
    ),
    (
        "Anxiety and depression",
        "anxiety-and-depression",
        "Low mood, worry and panic, and the small steps that help.",
    ),
    (
        "Self-esteem and assertiveness",
        "self-esteem-and-assertiveness",
        "Believing in yourself, saying no and asking for what you need.",
    ),
    (
        "Career and money",
        "career-and-money",
        "Work, returning to work, debt and financial independence.",
    ),
    (
        "Addiction recovery",
        "addiction-recovery",
        "Recovery from alcohol, drugs, gambling and other dependencies.",
    ),
    (
        "Chronic illness",
        "chronic-illness",
        "Living well with long-term illness, pain or disability.",
    ),
    (
        "Caregiving",
        "caregiving",
        "Looking after a parent, partner or child who needs care.",
    ),
    (
        "New mothers",
        "new-mothers",
        "Pregnancy, birth and the first years, including postnatal depression.",
    ),
    (
        "Migration and isolation",
        "migration-and-isolation",
        "Building a life and a circle of friends in a new country or town.",
    ),
]


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("groups", "Topic")
    for name, slug, description in TOPICS:
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("groups", "0001_initial")]

    operations = [migrations.RunPython(seed_topics, migrations.RunPython.noop)]
