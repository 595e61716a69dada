from django.urls import path

from groups_site.moderation import actions, people, queue, resources, views, words

app_name = "moderation"

urlpatterns = [
    path("", queue.moderation_queue, name="moderation_queue"),
    path("log/", views.audit_log, name="audit_log"),
]

# /moderation/people/: moderators' actions on people (groups_site.moderation.people)
urlpatterns += [
    path("people/", people.person_search, name="person_search"),
    path("people/<str:username>/", people.person_detail, name="person_detail"),
    *[
        path(
            f"people/<str:username>/{action}/",
            people.person_action,
            {"action": action},
            name=f"person_{action}",
        )
        for action in people.ACTIONS
    ],
]

# The queue's actions on comments, groups, reports and flags (queue.py, actions.py).
urlpatterns += [
    path(
        "comments/<int:comment_id>/<slug:action>/",
        actions.comment_action,
        name="comment_action",
    ),
    path(
        "groups/<int:group_id>/<slug:action>/",
        actions.group_action,
        name="group_action",
    ),
    path(
        "group-reports/<uuid:code>/resolve/",
        actions.group_report_resolve,
        name="group_report_resolve",
    ),
    path(
        "comment-flags/<int:flag_id>/resolve/",
        actions.comment_flag_resolve,
        name="comment_flag_resolve",
    ),
    path(
        "flags/<int:flag_id>/dismiss/",
        actions.access_flag_dismiss,
        name="access_flag_dismiss",
    ),
]

# Watched words and crisis resources: /moderation/words/, /moderation/resources/
urlpatterns += [
    path("words/", words.word_list, name="word_list"),
    path("words/<int:word_id>/remove/", words.word_remove, name="word_remove"),
    path("resources/", resources.resource_list, name="resource_list"),
    path("resources/add/", resources.resource_add, name="resource_add"),
    path(
        "resources/<int:resource_id>/edit/",
        resources.resource_edit,
        name="resource_edit",
    ),
    path(
        "resources/<int:resource_id>/verify/",
        resources.resource_verify,
        name="resource_verify",
    ),
    path(
        "resources/<int:resource_id>/delete/",
        resources.resource_delete,
        name="resource_delete",
    ),
]
