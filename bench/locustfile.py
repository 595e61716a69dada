"""The mixed load of `make load` (bench/load.py starts it; not a test of its own).

Three kinds of visitor, each sending a steady LOAD_USER_RPS requests a second
(locust's constant_throughput), in numbers that make the mix:

- SignedOut (70%): home, group searches by place, group pages across all the
  bench groups, the article list and article pages with their discussions;
- Reader (20%): signed-in members reading articles, their groups' pages, My
  meetings and My groups;
- Poster (10%): signed-in members replying in a discussion and answering
  meetings (going / can't go, in turn).

Signed-in members signed in once each through the real sign-in form before the
clock started (bench/load.py; Argon2 is meant to be slow, and a burst of sign-ins
is not the steady mix): each visitor takes one member's session. Each visitor sends its
own address in X-Real-IP (the servers trust it, as behind a proxy), as separate
people would. Cookies are sent by hand: production cookies are Secure and this
is plain HTTP on loopback. Facts about the data come from LOAD_FACTS (a JSON
file written by bench/load.py).
"""

import itertools
import json
import os
import random
import time
import uuid

from locust import FastHttpUser, constant_throughput, events, task

with open(os.environ["LOAD_FACTS"]) as facts_file:
    FACTS = json.load(facts_file)
USER_RPS = float(os.environ.get("LOAD_USER_RPS", "2"))
PLACES = [
    "Leeds", "London", "Manchester", "Bristol", "Glasgow", "Paris", "Berlin",
    "Madrid", "Toronto", "Chicago", "Sydney", "Mumbai", "Lagos", "Lima",
]  # fmt: skip
MEMBERS = itertools.cycle(sorted(FACTS["members"]))
ADDRESSES = itertools.count(1)
SIGNED_IN_MARK = 'action="/accounts/logout/"'
# Every request: (when, milliseconds, failed), for bench/load.py's percentiles
# over the whole mix.
SAMPLES: list[tuple[float, float, bool]] = []


@events.request.add_listener
def record(name, response_time, exception, **kwargs):
    SAMPLES.append((time.time(), response_time, exception is not None))


@events.spawning_complete.add_listener
def start_the_clock(user_count, **kwargs):
    """The ramp-up (visitors arriving over a few seconds) is not measured."""
    SAMPLES.clear()


@events.quitting.add_listener
def save_samples(environment, **kwargs):
    if os.environ.get("LOAD_SAMPLES"):
        with open(os.environ["LOAD_SAMPLES"], "w") as handle:
            json.dump(SAMPLES, handle)


def an_article() -> str:
    """An article page, the 60-comment discussion most often, then the 200- and
    the 1,000-comment ones (load_data's weights)."""
    weights = FACTS["articles"]
    return random.choices(list(weights), weights=list(weights.values()))[0]


PACED = constant_throughput(USER_RPS)


class Visitor(FastHttpUser):
    """One person. Locust starts visitors in batches once a second, and a second
    is a whole number of visits apart: paced alone, every visitor would ask at
    the same instant, a burst of them all twice a second that measures the queue
    of the burst, not the site. People arrive independently: each visitor
    starts at a random moment of her first interval, and each wait is drawn
    around the pace (the same mean), so they never fall into step."""

    abstract = True

    def wait_time(self):
        return PACED(self) * random.uniform(0.8, 1.2)

    def on_start(self):
        # Not measured (the clock starts once every visitor has arrived).
        time.sleep(random.uniform(0, 1 / USER_RPS))
        n = next(ADDRESSES)
        self.headers = {
            "X-Real-IP": f"127.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        }

    def page(self, path: str, name: str, must_contain: str = ""):
        with self.client.get(
            path, name=name, headers=self.headers, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            elif must_contain and must_contain not in response.text:
                response.failure(f"missing {must_contain!r}")


class SignedOut(Visitor):
    weight = 70

    @task(10)
    def home(self):
        self.page("/", "/ (home)")

    @task(20)
    def search(self):
        place = random.choice(PLACES)
        self.page(f"/groups/?near={place}&radius=50", "/groups/?near=[place]")

    @task(25)
    def group(self):
        n = random.randrange(FACTS["groups"])
        self.page(f"/groups/bench-group-{n}/", "/groups/[bench group]/")

    @task(10)
    def articles(self):
        self.page("/articles/", "/articles/")

    @task(35)
    def article(self):
        slug = an_article()
        self.page(f"/articles/{slug}/", "/articles/[slug]/")


class Member(Visitor):
    abstract = True

    def on_start(self):
        super().on_start()
        self.username = next(MEMBERS)
        self.mine = FACTS["members"][self.username]
        cookies = FACTS["sessions"][self.username]
        self.csrf = cookies["csrf"]
        self.headers["Cookie"] = (
            f"{FACTS['session_cookie']}={cookies['session']}; "
            f"{FACTS['csrf_cookie']}={cookies['csrf']}"
        )

    def post(self, path: str, name: str, data: dict):
        with self.client.post(
            path,
            data={"csrfmiddlewaretoken": self.csrf, **data},
            name=name,
            headers=self.headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # Without JavaScript a form post answers with a redirect.
            if response.status_code != 302:
                response.failure(f"{response.status_code}")


class Reader(Member):
    weight = 20

    @task(35)
    def article(self):
        slug = an_article()
        self.page(f"/articles/{slug}/", "signed in: /articles/[slug]/", SIGNED_IN_MARK)

    @task(25)
    def her_group(self):
        slug = random.choice(self.mine["groups"])
        self.page(f"/groups/{slug}/", "signed in: /groups/[her group]/", SIGNED_IN_MARK)

    @task(15)
    def my_meetings(self):
        self.page("/meetings/", "signed in: /meetings/", SIGNED_IN_MARK)

    @task(15)
    def my_groups(self):
        self.page("/groups/mine/", "signed in: /groups/mine/", SIGNED_IN_MARK)

    @task(10)
    def home(self):
        self.page("/", "signed in: / (home)", SIGNED_IN_MARK)


class Poster(Member):
    weight = 10

    def on_start(self):
        super().on_start()
        self.going = {}

    @task
    def reply(self):
        self.post(
            f"/articles/{FACTS['reply_article']}/comments/",
            "POST reply",
            {
                "body": "Thank you for writing this; it helped me today. "
                + uuid.uuid4().hex[:6],
                "parent": random.choice(FACTS["reply_parents"]),
                "submission_key": uuid.uuid4().hex,
                "website": "",
            },
        )

    @task
    def rsvp(self):
        if not self.mine["meetings"]:
            return
        slug, code = random.choice(self.mine["meetings"])
        going = not self.going.get(code, False)
        self.going[code] = going
        self.post(
            f"/groups/{slug}/meetings/{code}/rsvp/",
            "POST rsvp",
            {"going": "yes" if going else "no"},
        )
