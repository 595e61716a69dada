import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Func, OuterRef, Prefetch, Q, Subquery, Value
from django.urls import reverse
from django.utils import timezone

from articles import caching
from groups.models import Topic
from groups_site.lib.text import refuse_hidden_characters, render_markdown_article

WORDS_PER_MINUTE = 220
# The hero renditions' widths (articles.services.RENDITION_WIDTHS): the card uses the
# smallest, the article page lets the browser pick from all of them.
CARD_RENDITION = 480
DEFAULT_RENDITION = 960


@dataclass(frozen=True)
class Rendition:
    """One stored size of a hero image, with its real pixel size."""

    url: str
    width: int
    height: int


class Author(models.Model):
    name = models.CharField(max_length=120, validators=[refuse_hidden_characters])
    slug = models.SlugField(max_length=120, unique=True)
    credentials = models.CharField(
        max_length=200, help_text="For example “LCSW, licensed clinical social worker”."
    )
    bio = models.TextField(max_length=3000, help_text="Markdown-lite.")
    photo = models.ImageField(upload_to="authors/%Y/%m/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="Optional: the site account of this author.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}"

    def get_absolute_url(self):
        return reverse("articles:author_detail", args=[self.slug])


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Public articles: published, and their publish time has come."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def visible_to(self, user):
        """Staff editors may preview drafts and scheduled articles."""
        if user.is_authenticated and user.is_staff:
            return self
        return self.published()

    def with_card_data(self):
        """Everything an article card shows, in two queries whatever the number of
        articles: the author and comment count with the row, the topics (by name)
        in one more."""
        return (
            self.select_related("author")
            .prefetch_related(
                Prefetch("topics", queryset=Topic.objects.order_by("name"))
            )
            .defer("body", "body_html", "search_vector")
            .with_comment_count()
        )

    def with_comment_count(self):
        """``comment_count``: the article's visible comments, counted in the same
        query (a subquery, so it never multiplies with other annotations)."""
        from articles.models.comment import Comment  # comment.py imports this module

        visible = Comment.objects.filter(
            article=OuterRef("pk"), status=Comment.Status.VISIBLE
        )
        count = visible.order_by().annotate(n=Func("pk", function="COUNT")).values("n")
        return self.annotate(comment_count=Subquery(count))

    def related_to(self, article):
        """Published articles sharing the most topics with ``article``, then the most
        recent; never the article itself. Articles sharing no topic come last, so
        the list is never empty while there is anything else to read. Uses the
        article's prefetched topics when there are any."""
        topic_ids = [topic.pk for topic in article.topics.all()]
        if topic_ids:
            shared = Count("topics", filter=Q(topics__in=topic_ids), distinct=True)
        else:
            shared = Value(0)
        return (
            self.published()
            .exclude(pk=article.pk)
            .annotate(shared_topics=shared)
            .order_by("-shared_topics", "-published_at", "-id")
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=160, validators=[refuse_hidden_characters])
    slug = models.SlugField(max_length=160, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences, shown in lists and previews."
    )
    body = models.TextField(
        help_text="Markdown: ## headings, paragraphs, lists, quotes, links."
    )
    # Rendered from `body` and sanitized whenever the article is saved.
    body_html = models.TextField(editable=False, default="")
    reading_minutes = models.PositiveSmallIntegerField(editable=False, default=1)

    hero_image = models.ImageField(upload_to="articles/%Y/%m/", blank=True)
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="What the picture shows, for people who can't see it.",
    )
    hero_caption = models.CharField(max_length=250, blank=True)
    # {"480": "articles/renditions/…-480.webp", …}, made once from the upload.
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="articles"
    )
    reviewer = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        help_text="A second expert who checked the article.",
    )
    last_reviewed = models.DateField(null=True, blank=True)
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True)

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_featured = models.BooleanField(default=False)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="A future time keeps the article hidden until then.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    comments_open = models.BooleanField(default=True)
    search_vector = models.GeneratedField(
        expression=(
            SearchVector("title", weight="A", config="english")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("body", weight="C", config="english")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(
                fields=["status", "published_at"], name="articles_article_published"
            ),
            GinIndex(fields=["search_vector"], name="articles_article_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published")
                | (Q(reviewer__isnull=False) & Q(published_at__isnull=False)),
                name="articles_article_published_is_reviewed",
            ),
            models.CheckConstraint(
                condition=Q(reviewer__isnull=True) | ~Q(reviewer=models.F("author")),
                name="articles_article_reviewer_not_author",
            ),
            models.CheckConstraint(
                condition=Q(hero_image="") | ~Q(hero_alt=""),
                name="articles_article_hero_has_alt",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Derived from this row's own body, so kept in step on every save.
        self.body_html = render_markdown_article(self.body)
        words = len(self.body.split())
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_minutes"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:article_detail", args=[self.slug])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_in_review(self) -> bool:
        return self.status == self.Status.IN_REVIEW

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def was_updated(self) -> bool:
        """Changed on a later day than it was published (worth an "Updated" date)."""
        if self.published_at is None or self.updated_at is None:
            return False
        published = timezone.localdate(self.published_at)
        return timezone.localdate(self.updated_at) > published

    @property
    def has_hero(self) -> bool:
        """Whether there is a processed hero image to show (renditions made)."""
        return bool(self.hero_image and self.hero_renditions and self.hero_width)

    def hero_rendition(self, width: int) -> Rendition | None:
        """The stored rendition made for ``width``, with its real size: renditions
        are never upscaled, so a small upload's "960" may be narrower."""
        name = self.hero_renditions.get(str(width))
        if not name or not self.hero_width or not self.hero_height:
            return None
        real_width = min(width, self.hero_width)
        real_height = round(self.hero_height * real_width / self.hero_width)
        url = self.hero_image.storage.url(name)
        return Rendition(url=url, width=real_width, height=real_height)

    @property
    def hero_card(self) -> Rendition | None:
        return self.hero_rendition(CARD_RENDITION)

    @property
    def hero_default(self) -> Rendition | None:
        """The ``src`` of the hero <img>, for browsers that ignore ``srcset``."""
        return self.hero_rendition(DEFAULT_RENDITION) or self.hero_card

    @property
    def hero_srcset(self) -> str:
        """ "…-480.webp 480w, …-960.webp 960w, …-1440.webp 1440w", each real width
        once (a small upload's larger renditions are all the same size)."""
        candidates = {}
        for key in sorted(self.hero_renditions, key=int):
            rendition = self.hero_rendition(int(key))
            if rendition:
                candidates.setdefault(rendition.width, rendition.url)
        return ", ".join(f"{url} {width}w" for width, url in candidates.items())

    def publishing_problems(self) -> list[str]:
        """Why this article may not be published yet (empty when it may). Runs a
        query for the sources."""
        problems = []
        if self.reviewer_id is None:
            problems.append("An article needs a reviewer before it is published.")
        elif self.reviewer_id == self.author_id:
            problems.append("The reviewer must be someone other than the author.")
        if self.pk is None or not self.sources.exists():
            problems.append(
                "An article needs at least one source before it is published."
            )
        if self.hero_image and not self.hero_alt:
            problems.append("The hero image needs alt text.")
        return problems

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.pk is not None:
            problems = self.publishing_problems()
            if problems:
                raise ValidationError(problems)

    def publish(self, *, at=None) -> None:
        """Publish now, or at a future time. Raises ValidationError when the
        editorial rules are not met (reviewer, at least one source)."""
        problems = self.publishing_problems()
        if problems:
            raise ValidationError(problems)
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        if self.last_reviewed is None:
            self.last_reviewed = timezone.localdate()
        self.save(
            update_fields=["status", "published_at", "last_reviewed", "updated_at"]
        )
        # Its page and every list of articles show it (or, when scheduled, will).
        caching.articles_changed(self.slug)


class Source(models.Model):
    """One citation in an article's ordered source list."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="sources"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    accessed_on = models.DateField()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.title} ({self.publisher})"
