import io

import pytest
from django.core.files.base import ContentFile
from PIL import ExifTags, Image

from articles import services
from tests.articles.factory import make_article

pytestmark = pytest.mark.django_db


def photo_with_gps(width: int, height: int) -> bytes:
    """A JPEG as a phone writes it: camera make and the GPS position in EXIF."""
    image = Image.new("RGB", (width, height), (180, 86, 44))
    exif = image.getexif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Pocket 12"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (53.0, 47.0, 47.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (1.0, 32.0, 52.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def upload(article, content: bytes):
    article.hero_alt = "A warm terracotta square."
    article.hero_image.save("from-my-phone.jpg", ContentFile(content), save=True)
    return services.process_hero_image(article=article)


def opened(article, name: str) -> Image.Image:
    with article.hero_image.storage.open(name) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def assert_no_metadata(image: Image.Image):
    assert not image.getexif()
    assert "exif" not in image.info
    assert "xmp" not in image.info
    assert "icc_profile" not in image.info


def test_it_starts_from_an_upload_that_really_carries_gps_exif():
    # The fixture is what the test below claims to clean up.
    image = Image.open(io.BytesIO(photo_with_gps(800, 600)))

    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_it_makes_webp_renditions_at_480_960_and_1440_without_exif():
    article = upload(make_article(slug="circle"), photo_with_gps(2000, 1000))

    article.refresh_from_db()
    assert sorted(article.hero_renditions, key=int) == ["480", "960", "1440"]
    for width, name in article.hero_renditions.items():
        image = opened(article, name)
        assert image.format == "WEBP"
        assert image.size == (int(width), int(width) // 2)
        assert_no_metadata(image)
    assert (article.hero_width, article.hero_height) == (1440, 720)


def test_it_re_encodes_the_original_without_exif():
    article = upload(make_article(slug="circle"), photo_with_gps(1600, 1200))

    image = opened(article, article.hero_image.name)
    assert image.format == "WEBP"
    assert_no_metadata(image)
    assert not article.hero_image.name.endswith(".jpg")


def test_it_never_upscales_a_small_picture():
    article = upload(make_article(slug="small"), photo_with_gps(600, 300))

    widths = {
        key: opened(article, name).width
        for key, name in article.hero_renditions.items()
    }
    assert widths == {"480": 480, "960": 600, "1440": 600}
    assert (article.hero_width, article.hero_height) == (600, 300)
    assert article.hero_srcset.endswith("small-960.webp 600w")


def test_it_uses_the_processed_renditions(client):
    article = upload(make_article(slug="page"), photo_with_gps(2000, 1000))

    html = client.get(f"/articles/{article.slug}/").content.decode()

    for name in article.hero_renditions.values():
        assert f"/media/{name}" in html
    assert 'width="960" height="480"' in html
