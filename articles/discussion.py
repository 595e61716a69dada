"""Posting and changing comments: the rules of the discussion. Views call these;
they raise django.core.exceptions.ValidationError (with a message fit to show her)
when something is not allowed. Implemented by the comments issue."""

from articles.models import Comment, CommentReport


def post_comment(
    *,
    article,
    author,
    body: str,
    parent: Comment | None = None,
    is_anonymous: bool = False,
    submission_key: str = "",
) -> Comment:
    raise NotImplementedError


def edit_comment(*, comment: Comment, user, body: str) -> Comment:
    raise NotImplementedError


def delete_comment(*, comment: Comment, user) -> None:
    raise NotImplementedError


def toggle_helpful(*, comment: Comment, user) -> bool:
    raise NotImplementedError


def report_comment(
    *, comment: Comment, reporter, reason: str, note: str = ""
) -> CommentReport:
    raise NotImplementedError


def forget_user_comments(user) -> None:
    raise NotImplementedError


def export_user_comments(user) -> tuple[str, list[dict]]:
    raise NotImplementedError
