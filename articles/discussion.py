"""Transitional: groups_site/demo_discussions.py still imports this name while it
moves to groups_site/demo/ (another branch). Delete this module once it imports
articles.comments. Nothing else may import it."""

from articles.comments.posting import (  # noqa: F401
    delete_comment,
    edit_comment,
    post_comment,
    toggle_helpful,
)
