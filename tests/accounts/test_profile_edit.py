import io
import struct
import zlib

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms

from accounts.models import User
from tests.conftest import submit_form


def jpeg_with_metadata(size=(640, 480), colour=(200, 120, 80), orientation=1) -> bytes:
    """A phone photo: camera make and model, GPS position, ICC profile and XMP."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Acme"
    exif[ExifTags.Base.Model] = "Phone 9"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 36.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image = (
        colour if isinstance(colour, Image.Image) else Image.new("RGB", size, colour)
    )
    image.save(
        buffer,
        "JPEG",
        exif=exif,
        icc_profile=icc,
        xmp=b"<x:xmpmeta>Home, 12 Quiet Lane</x:xmpmeta>",
    )
    data = buffer.getvalue()
    # The test is only meaningful if the upload really carries the location.
    with Image.open(io.BytesIO(data)) as check:
        assert check.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert {"exif", "xmp", "icc_profile"} <= check.info.keys()
    return data


def image_bytes(image_format: str, size=(64, 64), mode="RGB", colour="white") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, image_format)
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge canvas (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


def upload(name: str, data: bytes, content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_profile(client, **fields):
    data = {"display_name": "Alice", "bio": "", **fields}
    return client.post("/accounts/profile/", data)


profile_steps_run = []


def record_profile_step(user):
    profile_steps_run.append(user.username)


def stored_files() -> list:
    root = settings.MEDIA_ROOT
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_it_requires_login(client, db):
    response = client.get("/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


def test_it_shows_her_profile(client, alice):
    alice.bio = "Gardener and reader."
    alice.save()
    client.force_login(alice)

    response = client.get("/accounts/profile/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "@alice" in page
    assert "Gardener and reader." in page
    assert 'enctype="multipart/form-data"' in page


def test_it_saves_display_name_and_bio(client, alice):
    client.force_login(alice)

    response = post_profile(client, display_name="Ali", bio="Here to listen.")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    alice.refresh_from_db()
    assert alice.display_name == "Ali"
    assert alice.bio == "Here to listen."
    assert not alice.avatar
    response = client.get("/accounts/profile/")
    assert "Your profile is saved." in response.content.decode()


def test_it_refuses_a_display_name_that_is_too_long(client, alice):
    client.force_login(alice)

    response = post_profile(client, display_name="x" * 61)

    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


def test_it_stores_the_avatar_as_a_small_webp_without_metadata(client, alice):
    client.force_login(alice)

    response = post_profile(client, avatar=upload("IMG_0001.jpg", jpeg_with_metadata()))

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.avatar.name.startswith("avatars/")
    assert alice.avatar.name.endswith(".webp")
    assert "IMG_0001" not in alice.avatar.name
    with alice.avatar.open("rb") as f, Image.open(f) as image:
        assert image.format == "WEBP"
        assert image.size == (256, 256)
        assert not image.getexif()
        assert not {"exif", "xmp", "icc_profile"} & image.info.keys()
    with alice.avatar.open("rb") as f:
        raw = f.read()
    assert b"Acme" not in raw
    assert b"Quiet Lane" not in raw
    assert stored_files() == [settings.MEDIA_ROOT / alice.avatar.name]


def test_it_turns_the_avatar_the_way_the_camera_was_held(client, alice):
    # Stored sideways (top half red, bottom half blue) with "rotate 90° clockwise"
    # in EXIF: upright, red is on the right and blue on the left.
    sideways = Image.new("RGB", (400, 200), (255, 0, 0))
    sideways.paste((0, 0, 255), (0, 100, 400, 200))
    client.force_login(alice)

    post_profile(
        client,
        avatar=upload("me.jpg", jpeg_with_metadata(colour=sideways, orientation=6)),
    )

    alice.refresh_from_db()
    with alice.avatar.open("rb") as f, Image.open(f) as image:
        left = image.convert("RGB").getpixel((20, 128))
        right = image.convert("RGB").getpixel((236, 128))
    assert left[2] > 200 and left[0] < 60
    assert right[0] > 200 and right[2] < 60


def test_it_accepts_png_and_webp(client, alice):
    client.force_login(alice)

    for name, data in [
        ("me.png", image_bytes("PNG", mode="RGBA", colour=(0, 0, 0, 0))),
        ("me.webp", image_bytes("WEBP")),
    ]:
        response = post_profile(client, avatar=upload(name, data, "image/png"))
        assert response.status_code == 302
        alice.refresh_from_db()
        with alice.avatar.open("rb") as f, Image.open(f) as image:
            assert (image.format, image.size) == ("WEBP", (256, 256))


@pytest.mark.parametrize(
    ("name", "make_data", "message"),
    [
        (
            "big.jpg",
            lambda: jpeg_with_metadata() + b"\0" * (6 * 1024 * 1024),
            "That image is too large. Please choose one under 5 MB.",
        ),
        (
            "moving.gif",
            lambda: image_bytes("GIF"),
            "Please upload a JPEG, PNG or WebP picture.",
        ),
        (
            "notes.jpg",
            lambda: b"Dear diary, today I went to my first group.\n" * 20,
            "That file is not an image we can read. Please upload a JPEG, PNG or "
            "WebP picture.",
        ),
        (
            "huge.png",
            lambda: image_bytes("PNG", size=(8000, 6000), mode="1", colour=1),
            "That image has too many pixels. Please choose a smaller one.",
        ),
        (
            "bomb.png",
            lambda: png_declaring(20_000, 20_000),
            "That image has too many pixels. Please choose a smaller one.",
        ),
        (
            # 155 KB on disk, 40 MP decoded: cost 1.4 s and about 580 MB.
            "square.png",
            lambda: image_bytes("PNG", size=(6320, 6320), mode="1", colour=1),
            "That image has too many pixels. Please choose a smaller one.",
        ),
    ],
    ids=[
        "over-5-MB",
        "gif",
        "text-named-jpg",
        "over-40-megapixels",
        "png-bomb",
        "avatar-over-16-megapixels",
    ],
)
def test_it_refuses_unsafe_uploads(client, alice, name, make_data, message):
    client.force_login(alice)
    data = make_data()
    assert len(data) < 100_000 or name == "big.jpg"

    response = post_profile(client, display_name="Changed", avatar=upload(name, data))

    assert response.status_code == 200
    assert response.context["form"].errors["avatar"] == [message]
    assert message in response.content.decode()
    alice.refresh_from_db()
    assert not alice.avatar
    assert alice.display_name == "Alice"
    assert stored_files() == []


def test_it_deletes_the_old_avatar_when_replaced(
    client, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    post_profile(client, avatar=upload("first.jpg", jpeg_with_metadata()))
    alice.refresh_from_db()
    first = alice.avatar.name
    assert default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        post_profile(client, avatar=upload("second.jpg", jpeg_with_metadata()))

    alice.refresh_from_db()
    assert alice.avatar.name != first
    assert not default_storage.exists(first)
    assert default_storage.exists(alice.avatar.name)
    assert stored_files() == [settings.MEDIA_ROOT / alice.avatar.name]


def test_it_deletes_the_avatar_when_cleared(
    client, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    post_profile(client, avatar=upload("first.jpg", jpeg_with_metadata()))
    alice.refresh_from_db()
    first = alice.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        response = post_profile(client, **{"avatar-clear": "on"})

    assert response.status_code == 302
    alice.refresh_from_db()
    assert not alice.avatar
    assert not default_storage.exists(first)
    assert stored_files() == []


def test_it_keeps_the_avatar_when_only_the_bio_changes(
    client, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    post_profile(client, avatar=upload("first.jpg", jpeg_with_metadata()))
    alice.refresh_from_db()
    first = alice.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        post_profile(client, bio="New bio")

    alice.refresh_from_db()
    assert alice.avatar.name == first
    assert default_storage.exists(first)


def test_it_does_not_change_anyone_elses_profile(client, alice, bob):
    client.force_login(alice)

    post_profile(client, display_name="Ali")

    assert User.objects.get(pk=bob.pk).display_name == "Bobbie"


def test_it_decodes_a_big_photo_at_a_reduced_scale(client, alice, monkeypatch):
    from PIL import JpegImagePlugin

    decoded = []
    real_load = JpegImagePlugin.JpegImageFile.load

    def load(image):
        decoded.append(image.size)
        return real_load(image)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", load)
    client.force_login(alice)

    response = post_profile(
        client, avatar=upload("big.jpg", jpeg_with_metadata(size=(4000, 3000)))
    )

    assert response.status_code == 302
    assert decoded and max(decoded[-1]) <= 1000
    alice.refresh_from_db()
    with alice.avatar.open() as stored, Image.open(stored) as avatar:
        assert avatar.size == (256, 256)


def test_it_limits_how_often_the_picture_changes(client, alice, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS}
    settings.ACCOUNT_RATE_LIMITS["avatar_upload"] = "2/h/user"
    client.force_login(alice)
    for _ in range(2):
        response = post_profile(client, avatar=upload("me.png", image_bytes("PNG")))
        assert response.status_code == 302
    alice.refresh_from_db()
    avatar_before = alice.avatar.name

    response = post_profile(
        client, display_name="Changed", avatar=upload("me.png", image_bytes("PNG"))
    )

    assert response.status_code == 429
    assert "changed your picture several times" in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"
    assert alice.avatar.name == avatar_before


@pytest.mark.parametrize(
    "name",
    [
        "Anonymous member",
        "anonymous  MEMBER",
        "Anon-y-m0us Member",
        "Аnonymous member",  # a Cyrillic A
        "[deleted]",
        "Sam (moderator)",
        "Kindred moderator",
        "K i n d r e d",
        "Site admin",
        "a former member",
        "Ｍｏｄｅｒａｔｏｒ",  # full-width letters
    ],
)
def test_it_refuses_names_that_impersonate_the_site(client, alice, name):
    client.force_login(alice)

    response = post_profile(client, display_name=name)

    assert response.status_code == 200
    assert "That name is kept for the site" in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


@pytest.mark.parametrize("name", ["Maya", "Rosa M.", "Modesta", "Ann Onymous-Smith"])
def test_it_accepts_ordinary_names(client, alice, name):
    client.force_login(alice)

    response = post_profile(client, display_name=name)

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == name


@pytest.mark.parametrize(
    ("fields", "runs"),
    [
        ({"display_name": "Ali"}, True),
        ({"avatar": "photo"}, True),
        ({"bio": "Only the bio changes."}, False),
        ({}, False),
    ],
    ids=["name", "picture", "bio", "nothing"],
)
def test_it_tells_the_other_apps_when_her_name_or_picture_changes(
    client, alice, settings, fields, runs
):
    settings.ACCOUNT_PROFILE_CHANGED_STEPS = [f"{__name__}.record_profile_step"]
    profile_steps_run.clear()
    client.force_login(alice)
    if fields.get("avatar"):
        fields["avatar"] = upload("photo.jpg", jpeg_with_metadata())

    response = post_profile(client, **fields)

    assert response.status_code == 302
    assert profile_steps_run == (["alice"] if runs else [])


def test_it_saves_through_the_real_form_with_csrf_checks(alice):
    response = submit_form(
        alice,
        "/accounts/profile/",
        "/accounts/profile/",
        {
            "display_name": "Ali",
            "bio": "",
            "avatar": upload("me.png", image_bytes("PNG")),
        },
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "Ali"
    assert alice.avatar
