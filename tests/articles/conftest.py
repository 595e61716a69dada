"""The article and discussion tests share tests/conftest.py's `article` fixture
and comment rate limits; their factories are in factory.py and
comment_factory.py."""
