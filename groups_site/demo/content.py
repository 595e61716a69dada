"""The one reader of the demo data files in ``data/``. It only parses: checking
and saving the content is the seeding modules' work. Results are cached for the
process and shared: treat them as read-only.

    people.toml            [[user]] the three sign-in accounts; [[member]] the others
    authors.toml           [[author]] slug, name, credentials, bio, optional user
    articles/NN-slug.md    one article: TOML front matter between +++ lines, then
                           the Markdown body; NN orders them
    groups/N-region.toml   [[group]] one table per group, in seeding order
    discussions/slug.toml  [[remark]] the discussion under the article `slug`
    big_thread.toml        lines = the short comments of the generated big thread

An article's front matter::

    title, slug, summary
    author, reviewer        author slugs (the reviewer is never the author)
    topics                  topic slugs (groups 0002_seed_topics)
    featured                true or false
    comments_open           optional, default true
    days_ago                published this many days before seeding (at least 1)
    last_reviewed_days_ago  at most days_ago
    hero_alt, hero_caption  what the picture shows, plainly; a short caption
    [illustration]          the picture's recipe: seed (int), palette (a key of
                            illustrations.PALETTES), optional motif
    [[sources]]             title, publisher, url, accessed (ISO date)

A remark's ``id`` numbers it like an outline ("1.2" is the second reply to "1"),
so a file lists each remark before its replies, as the thread will show."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
FRONT_MATTER = "+++"


@dataclass(frozen=True)
class Remark:
    by: str  # a demo username
    at: float  # hours after the article was published
    body: str
    replies: tuple["Remark", ...] = ()
    anonymous: bool = False
    helpful: tuple[str, ...] = ()  # usernames who marked it helpful
    deleted: bool = False  # its author deletes it after the replies came
    first_draft: str = ""  # posted first, then edited into ``body``


def read_toml(path: Path) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


@cache
def people() -> dict[str, list[dict]]:
    """{"user": [...], "member": [...]}: username, display_name, bio; users also
    have a role (and is_staff for the moderator)."""
    return read_toml(DATA / "people.toml")


@cache
def authors() -> list[dict]:
    return read_toml(DATA / "authors.toml")["author"]


@cache
def articles() -> list[dict]:
    """Every article's front matter plus its ``body``, in file-name order."""
    return [read_article(path) for path in sorted((DATA / "articles").glob("*.md"))]


def read_article(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    opening, front, body = text.split(f"{FRONT_MATTER}\n", 2)
    if opening:
        raise ValueError(f"{path.name} must start with {FRONT_MATTER} front matter.")
    return {**tomllib.loads(front), "body": body.strip()}


@cache
def groups() -> list[dict]:
    """Every group spec, region file by region file."""
    paths = sorted((DATA / "groups").glob("*.toml"))
    return [spec for path in paths for spec in read_toml(path)["group"]]


@cache
def discussions() -> dict[str, list[Remark]]:
    """{article slug: its top-level remarks, each carrying its replies}, in the
    order of the articles."""
    found = {}
    for article in articles():
        path = DATA / "discussions" / f"{article['slug']}.toml"
        if path.exists():
            found[article["slug"]] = _thread(read_toml(path))
    return found


def _thread(data: dict) -> list[Remark]:
    rows = data["remark"]
    replies: dict[str, list[dict]] = {}
    for row in rows:
        parent_id = row["id"].rpartition(".")[0]
        replies.setdefault(parent_id, []).append(row)

    def build(row: dict) -> Remark:
        return Remark(
            by=row["by"],
            at=row["at"],
            body=row["body"],
            replies=tuple(build(reply) for reply in replies.get(row["id"], [])),
            anonymous=row.get("anonymous", False),
            helpful=tuple(row.get("helpful", ())),
            deleted=row.get("deleted", False),
            first_draft=row.get("first_draft", ""),
        )

    thread = [build(row) for row in replies.get("", [])]
    ids = {row["id"] for row in rows}
    if orphans := [key for key in replies if key and key not in ids]:
        raise ValueError(f"Replies to remarks that are not there: {orphans}")
    return thread


@cache
def big_thread_lines() -> list[str]:
    return read_toml(DATA / "big_thread.toml")["lines"]
