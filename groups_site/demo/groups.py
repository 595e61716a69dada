"""Demo groups for `manage.py seed_demo`: about forty groups in cities on six
continents and online, with organizers, members and requests for the demo users;
their schedules, meetings and answers are groups_site/demo/meetings.py's.

The groups are data, in data/groups/*.toml; every name, address and description
there is invented. Groups are matched by slug, so running the seed again only fixes
what differs from the specs."""

from groups.models import DEFAULT_GROUND_RULES, Group, Membership, Place, Topic
from groups_site.demo import content
from groups_site.demo.meetings import save_answers, save_schedules, schedule_specs

# Fields copied from a spec onto the Group as they are.
PLAIN_FIELDS = [
    "name",
    "tagline",
    "format",
    "venue_type",
    "facilitation",
    "facilitator_credentials",
    "host_organization",
    "area_description",
    "street_address",
    "venue_notes",
    "online_link",
    "online_notes",
    "schedule_note",
    "capacity",
    "cost",
    "cost_details",
    "languages",
    "women_only",
    "childcare",
    "child_friendly",
    "wheelchair_accessible",
    "visibility",
    "join_policy",
    "join_question",
    "status",
]

DEFAULTS = {
    "facilitator_credentials": "",
    "host_organization": "",
    "area_description": "",
    "street_address": "",
    "venue_notes": "",
    "online_link": "",
    "online_notes": "",
    "schedule_note": "",
    "capacity": None,
    "cost": Group.Cost.FREE,
    "cost_details": "",
    "languages": ["en"],
    "women_only": True,
    "childcare": False,
    "child_friendly": False,
    "wheelchair_accessible": False,
    "visibility": Group.Visibility.LISTED,
    "join_policy": Group.JoinPolicy.OPEN,
    "join_question": "",
    "status": Group.Status.ACTIVE,
}


def tidy(text: str) -> str:
    """Join the wrapped source lines of each paragraph: Markdown-lite turns single
    newlines into line breaks, which only list items should keep."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if lines[0].startswith("- "):
            items = []
            for line in lines:
                if line.startswith("- ") or not items:
                    items.append(line)
                else:
                    items[-1] += " " + line
            paragraphs.append("\n".join(items))
        else:
            paragraphs.append(" ".join(lines))
    return "\n\n".join(paragraphs)


def group_fields(spec: dict, place: Place | None) -> dict:
    fields = {**DEFAULTS, **{k: spec[k] for k in PLAIN_FIELDS if k in spec}}
    fields["description"] = tidy(spec["description"])
    extra_rules = spec.get("extra_rules", [])
    fields["ground_rules"] = "\n".join([DEFAULT_GROUND_RULES, *extra_rules])
    fields["place_id"] = place.pk if place else None
    fields["timezone"] = place.timezone if place else spec["timezone"]
    return fields


def find_place(city: list[str] | None, cache: dict) -> Place | None:
    if city is None:
        return None
    city = tuple(city)
    if city not in cache:
        name, country_code = city
        cache[city] = (
            Place.objects.matching(name).filter(country_code=country_code).first()
        )
    return cache[city]


def find_group(slug: str) -> Group | None:
    """The demo group with this spec slug: its own slug when listed; an unlisted
    one's address is the spec slug plus a random token (Group.assign_slug)."""
    return (
        Group.objects.filter(slug=slug).first()
        or Group.objects.filter(
            slug__startswith=f"{slug}-", visibility=Group.Visibility.UNLISTED
        ).first()
    )


def save_group(slug: str, fields: dict) -> Group:
    """Create the group, or update it only where it differs from its spec, so a
    second run writes nothing (and leaves updated_at alone)."""
    group = find_group(slug)
    if group is None:
        group = Group(slug=slug, **fields)
        if group.is_unlisted:
            group.assign_slug(slug)
        group.save()
        return group
    changed = [name for name, value in fields.items() if getattr(group, name) != value]
    if changed:
        for name in changed:
            setattr(group, name, fields[name])
        if "visibility" in changed:
            if group.is_unlisted:
                group.assign_slug(slug)
            else:
                group.slug = slug
            changed.append("slug")
        group.save(update_fields=[*changed, "updated_at"])
    return group


def memberships_for(spec: dict) -> dict[str, dict]:
    """username -> the Membership fields this spec asks for."""
    active = Membership.State.ACTIVE
    wanted = {}
    for username in spec["organizers"]:
        wanted[username] = {"role": Membership.Role.ORGANIZER, "state": active}
    for username in spec.get("facilitators", []):
        wanted[username] = {"role": Membership.Role.FACILITATOR, "state": active}
    for username in spec.get("members", []):
        wanted[username] = {"role": Membership.Role.MEMBER, "state": active}
    for username, answer in spec.get("requests", {}).items():
        wanted[username] = {
            "role": Membership.Role.MEMBER,
            "state": Membership.State.PENDING,
            "answer": answer,
        }
    for username, state in spec.get("former", {}).items():
        wanted[username] = {"role": Membership.Role.MEMBER, "state": state}
    return wanted


def save_memberships(group: Group, wanted: dict[str, dict], users: dict) -> None:
    existing = {m.user.username: m for m in group.memberships.select_related("user")}
    for username, fields in wanted.items():
        fields = {"answer": "", **fields}
        membership = existing.get(username)
        if membership is None:
            Membership.objects.create(group=group, user=users[username], **fields)
            continue
        changed = [k for k, v in fields.items() if getattr(membership, k) != v]
        if changed:
            for name in changed:
                setattr(membership, name, fields[name])
            membership.save(update_fields=[*changed, "updated_at"])


def seed_groups(users: dict, *, warn=print) -> list[Group]:
    """Create or refresh every demo group. `users` maps demo usernames to users.
    Groups whose city is not in the gazetteer are skipped with a warning."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    places: dict = {}
    groups = []
    for spec in content.groups():
        place = find_place(spec.get("city"), places)
        if spec.get("city") and place is None:
            warn(f"Skipped {spec['name']}: {spec['city'][0]} is not in the places.")
            continue
        fields = group_fields(spec, place)
        fields["created_by_id"] = users[spec["organizers"][0]].pk
        group = save_group(spec["slug"], fields)
        group.topics.set([topics[slug] for slug in spec["topics"]])
        save_memberships(group, memberships_for(spec), users)
        save_schedules(group, schedule_specs(spec))
        save_answers(group, spec, users, warn=warn)
        groups.append(group)
    return groups
