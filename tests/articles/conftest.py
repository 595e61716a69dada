"""Fixtures the article and discussion tests share."""

import pytest

from tests.articles.factory import make_article

GENEROUS_RATE_LIMITS = {
    "account": {"minute": 10_000, "day": 10_000},
    "new_account": {"minute": 10_000, "day": 10_000},
}


@pytest.fixture(autouse=True)
def _generous_comment_rate_limits(settings):
    """The personas are minutes old, so the new-account limit (2 a minute) would
    stop most tests; the rate-limit and hold tests set their own."""
    settings.COMMENT_RATE_LIMITS = GENEROUS_RATE_LIMITS
    settings.COMMENT_HOLD_NEW_ACCOUNTS = False


@pytest.fixture
def article(db):
    """A published article open for discussion, at /articles/finding-your-voice/."""
    return make_article("Finding your voice", slug="finding-your-voice")
