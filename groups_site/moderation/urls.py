from django.urls import path

from groups_site.moderation import resources, views, words

app_name = "moderation"

urlpatterns = [
    path("", views.moderation_queue, name="moderation_queue"),
    path("log/", views.audit_log, name="audit_log"),
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
