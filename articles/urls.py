from django.urls import path
from django.views.generic import TemplateView

from articles.views import reading

app_name = "articles"

urlpatterns = [
    path("articles/", reading.article_list, name="article_list"),
    path(
        "articles/standards/",
        TemplateView.as_view(template_name="articles/editorial_standards.html"),
        name="editorial_standards",
    ),
    path("articles/topic/<slug:slug>/", reading.article_topic, name="article_topic"),
    path("articles/<slug:slug>/", reading.article_detail, name="article_detail"),
    path("authors/<slug:slug>/", reading.author_detail, name="author_detail"),
]
