from django.urls import path

from groups_site.moderation import people, views

app_name = "moderation"

urlpatterns = [
    path("", views.moderation_queue, name="moderation_queue"),
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
