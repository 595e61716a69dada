"""The demo data files themselves, as the loader reads them (no database)."""

import re
from datetime import time

from groups.models import Group, Schedule
from groups_site.demo import content, illustrations
from groups_site.demo.discussions import walk
from tests.demo.conftest import DEMO_USERNAMES

CLOSED_SLUG = "recognising-coercive-control-and-making-a-safety-plan"
MENTION = re.compile(r"(?<![\w/@])@([a-z]+)")


def test_it_reads_one_markdown_file_per_article():
    articles = content.articles()
    slugs = [spec["slug"] for spec in articles]

    assert len(articles) == 12
    assert len(set(slugs)) == len(slugs)
    assert slugs[0] == "how-self-help-groups-help-women-find-confidence"
    for path, spec in zip(
        sorted((content.DATA / "articles").glob("*.md")), articles, strict=True
    ):
        assert path.stem.endswith(spec["slug"])
        assert not spec["body"].startswith("+++"), path.name


def test_it_gives_every_picture_a_known_recipe():
    for spec in content.articles():
        recipe = spec["illustration"]
        assert isinstance(recipe["seed"], int), spec["slug"]
        assert recipe["palette"] in illustrations.PALETTES, spec["slug"]
        assert recipe["motif"] in illustrations.MOTIFS, spec["slug"]


def test_it_writes_schedules_the_groups_understand():
    for spec in content.groups():
        for table in spec["schedules"]:
            assert table["kind"] in Schedule.Kind.values, spec["slug"]
            days = table.get("weekdays", [])
            assert all(day.upper() in Group.Weekday.names for day in days)
            assert bool(days) != (table["kind"] == "once"), spec["slug"]
            assert ("days_ahead" in table) == (table["kind"] == "once"), spec["slug"]
            assert bool(table.get("weeks")) == (table["kind"] == "monthly")
            assert set(table.get("weeks", [])) <= set(Schedule.Week.values)
            start = time.fromisoformat(table["start_time"])
            assert start < time.fromisoformat(table["end_time"]), spec["slug"]


def test_it_answers_meetings_only_for_the_groups_people():
    for spec in content.groups():
        people = {*spec["organizers"], *spec.get("facilitators", [])}
        people |= set(spec.get("members", []))
        for table in spec.get("meetings", []):
            answered = [*table.get("going", []), *table.get("not_going", [])]
            assert set(answered) <= people, spec["slug"]
            assert len(answered) == len(set(answered)), spec["slug"]
            assert table["occurrence"] >= 1


def test_it_writes_discussions_for_most_demo_articles():
    slugs = {spec["slug"] for spec in content.articles()}
    files = {path.stem for path in (content.DATA / "discussions").glob("*.toml")}
    discussions = content.discussions()

    assert files == set(discussions) <= slugs
    assert len(discussions) >= 8
    assert CLOSED_SLUG not in discussions
    for slug, remarks in discussions.items():
        assert 4 <= len(list(walk(remarks))) <= 15, slug


def test_it_has_replies_come_after_what_they_answer():
    for remarks in content.discussions().values():
        for remark, parent in walk(remarks):
            assert remark.at > 0
            if parent is not None:
                assert remark.at > parent.at, remark.body


def test_it_only_names_demo_members():
    for remarks in content.discussions().values():
        for remark, _ in walk(remarks):
            assert remark.by in DEMO_USERNAMES
            assert set(remark.helpful) <= set(DEMO_USERNAMES)
            assert remark.by not in remark.helpful
            for name in MENTION.findall(remark.body):
                assert name in DEMO_USERNAMES, remark.body
            assert len(remark.body) <= 1000


def test_it_keeps_the_talk_gentle():
    # Kind by design: no instructions beyond seeing a doctor, nothing graphic.
    words = re.compile(r"\b(mg|dose|kg|calorie|pills?|blood|kill|stupid)\b", re.I)
    for remarks in content.discussions().values():
        for remark, _ in walk(remarks):
            assert not words.search(remark.body), remark.body


def test_it_draws_the_same_picture_for_the_same_seed():
    one = illustrations.draw(seed=7, palette="sea", motif="hills")
    two = illustrations.draw(seed=7, palette="sea", motif="hills")
    other = illustrations.draw(seed=8, palette="sea", motif="hills")

    assert one.size == (illustrations.WIDTH, illustrations.HEIGHT) == (1440, 810)
    assert one.tobytes() == two.tobytes()
    assert one.tobytes() != other.tobytes()
