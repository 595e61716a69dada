"""A few well-known crisis lines to start with, each marked as a default entry for
the site owner to check (numbers and services change). Moderators edit them at
/moderation/resources/."""

from django.db import migrations

DEFAULTS = [
    # (region, name, helps_with, phone, url)
    (
        "international",
        "Find A Helpline",
        "Free, confidential helplines in many countries, searchable by what you "
        "need: suicidal thoughts, abuse, any crisis",
        "",
        "https://findahelpline.com/",
    ),
    (
        "GB",
        "Samaritans",
        "Anyone who is struggling to cope, day or night",
        "116 123",
        "https://www.samaritans.org/",
    ),
    (
        "GB",
        "National Domestic Abuse Helpline",
        "Women experiencing domestic abuse, and those worried about them",
        "0808 2000 247",
        "https://www.nationaldahelpline.org.uk/",
    ),
    (
        "IE",
        "Samaritans Ireland",
        "Anyone who is struggling to cope, day or night",
        "116 123",
        "https://www.samaritans.org/ireland/",
    ),
    (
        "IE",
        "Women's Aid National Freephone Helpline",
        "Women experiencing domestic abuse",
        "1800 341 900",
        "https://www.womensaid.ie/",
    ),
    (
        "US",
        "988 Suicide & Crisis Lifeline",
        "Suicidal thoughts, emotional distress, any crisis (call or text)",
        "988",
        "https://988lifeline.org/",
    ),
    (
        "US",
        "National Domestic Violence Hotline",
        "Domestic violence: support, safety planning, shelters",
        "1-800-799-7233",
        "https://www.thehotline.org/",
    ),
    (
        "CA",
        "9-8-8 Suicide Crisis Helpline",
        "Suicidal thoughts and crisis (call or text)",
        "988",
        "https://988.ca/",
    ),
    (
        "AU",
        "Lifeline",
        "Crisis support and suicide prevention",
        "13 11 14",
        "https://www.lifeline.org.au/",
    ),
    (
        "AU",
        "1800RESPECT",
        "Domestic, family and sexual violence",
        "1800 737 732",
        "https://www.1800respect.org.au/",
    ),
    (
        "NZ",
        "Need to talk? 1737",
        "Anyone feeling down, anxious or in crisis (call or text)",
        "1737",
        "https://1737.org.nz/",
    ),
    (
        "ES",
        "Línea 024",
        "Pensamientos suicidas y crisis (suicidal thoughts and crisis)",
        "024",
        "",
    ),
    (
        "ES",
        "016",
        "Violencia de género (gender-based violence); leaves no trace on the bill",
        "016",
        "",
    ),
]


def seed(apps, schema_editor):
    CrisisResource = apps.get_model("accounts", "CrisisResource")
    for order, (region, name, helps_with, phone, url) in enumerate(DEFAULTS):
        CrisisResource.objects.get_or_create(
            name=name,
            region=region,
            defaults={
                "helps_with": helps_with,
                "phone": phone,
                "url": url,
                "order": order,
                "is_default_unverified": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0011_add_crisis_resource")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
