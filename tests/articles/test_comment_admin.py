from django.test import override_settings

from articles.models import Comment
from tests.articles.comment_factory import make_comment
from tests.articles.factory import make_article


def test_staff_approve_a_held_comment_in_the_admin(client, bob, moderator, settings):
    settings.COMMENT_RATE_LIMITS = {}
    moderator.is_superuser = True
    moderator.save()
    article = make_article()
    held = make_comment(article, bob, status=Comment.Status.HELD)
    client.force_login(moderator)
    with override_settings(COMMENT_HOLD_NEW_ACCOUNTS=False):
        response = client.post(
            "/admin/articles/comment/",
            {"action": "approve_held", "_selected_action": [held.pk]},
        )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == Comment.Status.VISIBLE


def test_the_comment_list_opens_for_staff(client, bob, moderator):
    moderator.is_superuser = True
    moderator.save()
    make_comment(make_article(), bob, is_anonymous=True)
    client.force_login(moderator)
    assert client.get("/admin/articles/comment/").status_code == 200
    assert client.get("/admin/articles/commentreport/").status_code == 200
