"""Uploads go through Django's storage API only, so the file system can be swapped
for an S3-compatible store (README, Deployment): with an in-memory storage,
nothing is written under MEDIA_ROOT and every file is read back from storage."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles import services
from tests.articles.factory import make_article


def jpeg(width: int = 600, height: int = 400) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 80, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def memory_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    storage = storages["default"]
    assert isinstance(storage, InMemoryStorage)
    return storage


def files_under_media_root(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_it_stores_and_shows_avatars_through_the_storage_api(
    client, alice, memory_storage, settings
):
    client.force_login(alice)
    avatar = SimpleUploadedFile("me.jpg", jpeg(), content_type="image/jpeg")

    response = client.post(
        "/accounts/profile/", {"display_name": "Alice", "bio": "", "avatar": avatar}
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert memory_storage.exists(alice.avatar.name)
    assert files_under_media_root(settings) == []
    page = client.get(f"/u/{alice.username}/")
    assert memory_storage.url(alice.avatar.name) in page.content.decode()


def test_it_makes_hero_renditions_through_the_storage_api(db, memory_storage, settings):
    article = make_article(slug="stored-elsewhere")
    article.hero_alt = "A purple square."
    article.hero_image.save("hero.jpg", ContentFile(jpeg(1600, 900)), save=True)

    services.process_hero_image(article=article)

    article.refresh_from_db()
    assert article.hero_renditions
    for name in [article.hero_image.name, *article.hero_renditions.values()]:
        assert memory_storage.exists(name)
    assert files_under_media_root(settings) == []
