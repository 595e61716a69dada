"""Settings for `make load`: production settings (from the environment) with the
per-person posting limits raised, so a few load-test members can post and answer
meetings as often as hundreds of people would. The limit checks still run."""

from groups_site.settings import *  # noqa: F403

COMMENT_RATE_LIMITS = {
    "account": {"minute": 1_000_000, "day": 1_000_000},
    "new_account": {"minute": 1_000_000, "day": 1_000_000},
}
ACCOUNT_RATE_LIMITS = {
    **ACCOUNT_RATE_LIMITS,  # noqa: F405
    "meeting_rsvp": "1000000/h/user",
}
