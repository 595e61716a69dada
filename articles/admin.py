from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models

from articles import caching
from articles.models import Article, Author, Comment, CommentReport, Source
from groups_site.admin_site import ReadOnlyAdmin


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "credentials", "user"]
    search_fields = ["name", "credentials"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Bylines and author pages.
        shown = Article.objects.filter(models.Q(author=obj) | models.Q(reviewer=obj))
        caching.articles_changed(*shown.values_list("slug", flat=True))


class SourceInline(admin.TabularInline):
    # A link typed without a scheme is https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    model = Source
    extra = 1
    fields = ["position", "title", "publisher", "url", "accessed_on"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """The editorial workflow: editors write drafts, send them to review, and
    publish with the actions below; publishing checks the rules (a reviewer other
    than the author, at least one source)."""

    list_display = ["title", "author", "reviewer", "status", "published_at"]
    list_filter = ["status", "topics", "author", "is_featured"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics"]
    readonly_fields = ["status", "reading_minutes", "view_on_site_link"]
    inlines = [SourceInline]
    actions = ["send_to_review", "publish", "back_to_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "topics"]}),
        ("Image", {"fields": ["hero_image", "hero_alt", "hero_caption"]}),
        (
            "People and review",
            {"fields": ["author", "reviewer", "last_reviewed"]},
        ),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_featured",
                    "comments_open",
                    "reading_minutes",
                    "view_on_site_link",
                ]
            },
        ),
    ]

    @admin.display(description="Preview")
    def view_on_site_link(self, obj):
        from django.utils.html import format_html

        if not obj.pk:
            return "-"
        return format_html('<a href="{}">Open the page</a>', obj.get_absolute_url())

    def save_model(self, request, obj, form, change):
        from articles import services

        old_slug = form.initial.get("slug", "")
        super().save_model(request, obj, form, change)
        if "hero_image" in form.changed_data and obj.hero_image:
            services.process_hero_image(article=obj)
        caching.articles_changed(obj.slug, old_slug)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        caching.articles_changed(obj.slug)

    def delete_queryset(self, request, queryset):
        slugs = list(queryset.values_list("slug", flat=True))
        super().delete_queryset(request, queryset)
        caching.articles_changed(*slugs)

    @admin.action(description="Send to review")
    def send_to_review(self, request, queryset):
        updated = queryset.filter(status=Article.Status.DRAFT).update(
            status=Article.Status.IN_REVIEW
        )
        caching.articles_changed(*queryset.values_list("slug", flat=True))
        self.message_user(request, f"{updated} article(s) sent to review.")

    @admin.action(description="Publish (now, or at their publish time)")
    def publish(self, request, queryset):
        for article in queryset:
            try:
                article.publish()
            except ValidationError as error:
                self.message_user(
                    request,
                    f"“{article}” was not published: {' '.join(error.messages)}",
                    messages.ERROR,
                )
            else:
                self.message_user(request, f"“{article}” is published.")
                caching.articles_changed(article.slug)

    @admin.action(description="Back to draft (unpublish)")
    def back_to_draft(self, request, queryset):
        slugs = list(queryset.values_list("slug", flat=True))
        updated = queryset.update(status=Article.Status.DRAFT)
        caching.articles_changed(*slugs)
        self.message_user(request, f"{updated} article(s) moved back to draft.")


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["pk", "article", "author", "is_anonymous", "status", "created_at"]
    list_filter = ["status", "is_anonymous", "hidden_by_reports"]
    search_fields = ["body"]
    fields = [
        "article",
        "author",
        "is_anonymous",
        "status",
        "hidden_by_reports",
        "body",
        "parent",
        "root",
        "path",
        "depth",
        "helpful_count",
        "reply_count",
        "descendant_count",
        "created_at",
        "edited_at",
    ]


@admin.register(CommentReport)
class CommentReportAdmin(ReadOnlyAdmin):
    list_display = ["comment", "reason", "created_at", "resolved_at"]
    list_filter = ["reason", "resolved_at"]
    raw_id_fields = ["comment", "reporter"]
