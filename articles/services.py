"""Article images: one re-encoded original and responsive WebP renditions, made once
when the image is uploaded and reused by every page view."""

from django.db import transaction

from articles.models import Article
from groups_site import images

RENDITION_WIDTHS = (480, 960, 1440)


@transaction.atomic
def process_hero_image(*, article: Article) -> Article:
    """Re-encode the uploaded hero image without metadata and make its renditions.
    Old files of this article are replaced."""
    storage = article.hero_image.storage
    with article.hero_image.open("rb") as upload:
        image = images.open_verified_image(upload, max_bytes=images.ARTICLE_MAX_BYTES)
        original_name = article.hero_image.name
        renditions = images.renditions_webp(image, RENDITION_WIDTHS)
    old = [*article.hero_renditions.values()]
    names = {}
    base = f"articles/renditions/{article.slug}"
    for width, content in renditions.items():
        names[str(width)] = storage.save(f"{base}-{width}.webp", content)
    largest = images.largest(renditions)
    article.hero_image.save(f"{article.slug}.webp", largest, save=False)
    article.hero_renditions = names
    article.hero_width, article.hero_height = images.size_of(largest)
    article.save(
        update_fields=["hero_image", "hero_renditions", "hero_width", "hero_height"]
    )
    stale = [name for name in [*old, original_name] if name not in names.values()]
    stale = [name for name in stale if name != article.hero_image.name]
    transaction.on_commit(lambda: [storage.delete(name) for name in stale])
    return article
