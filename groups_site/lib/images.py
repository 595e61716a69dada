"""Image uploads: verify, re-encode, strip metadata.

Every uploaded image is decoded and re-encoded from its pixels, so nothing the camera
or phone wrote into the file (EXIF, GPS position, maker notes, embedded thumbnails,
XMP/ICC comments) survives."""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


ARTICLE_MAX_BYTES = 15 * 1024 * 1024


def open_verified_image(
    upload,
    *,
    max_bytes: int | None = None,
    max_pixels: int | None = None,
    fit_within: int | None = None,
) -> Image.Image:
    """Open an uploaded file as an image, refusing anything that is not a JPEG, PNG
    or WebP within the size and pixel limits. Raises ValidationError.

    ``fit_within``: the caller only needs a picture this many pixels across, so a
    JPEG is decoded at a reduced scale (a fraction of the memory and time)."""
    max_bytes = max_bytes or settings.AVATAR_MAX_BYTES
    max_pixels = max_pixels or settings.IMAGE_MAX_PIXELS
    if upload.size > max_bytes:
        limit_mb = max_bytes // (1024 * 1024)
        raise ValidationError(
            f"That image is too large. Please choose one under {limit_mb} MB.",
            code="too_large",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
    except Image.DecompressionBombError:
        raise ValidationError(
            "That image has too many pixels. Please choose a smaller one.",
            code="too_many_pixels",
        ) from None
    except Exception:
        raise ValidationError(
            "That file is not an image we can read. Please upload a JPEG, PNG or "
            "WebP picture.",
            code="invalid",
        ) from None
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            "Please upload a JPEG, PNG or WebP picture.", code="wrong_type"
        )
    if width * height > max_pixels:
        raise ValidationError(
            "That image has too many pixels. Please choose a smaller one.",
            code="too_many_pixels",
        )
    # verify() leaves the image unusable; open it again to decode the pixels.
    upload.seek(0)
    image = Image.open(upload)
    if fit_within and image_format == "JPEG":
        # Decodes at 1/2, 1/4 or 1/8 scale, never below the size asked for.
        image.draft(image.mode, (fit_within, fit_within))
    try:
        image.load()
    except Exception:
        raise ValidationError(
            "That image seems damaged. Please try another picture.", code="invalid"
        ) from None
    return image


def square_webp(image: Image.Image, size: int) -> ContentFile:
    """Re-encode to a square WebP of ``size`` pixels with no metadata at all."""
    # Respect the camera's rotation before the EXIF that records it is dropped.
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if has_alpha else "RGB")
    # Halve a big picture cheaply (box averaging) before the careful resize, so a
    # large upload costs a few copies of a small image, not of the large one.
    factor = min(image.size) // (size * 2)
    if factor > 1:
        image = image.reduce(factor)
    image = ImageOps.fit(image, (size, size), method=Image.Resampling.LANCZOS)
    # A fresh image holds only pixels: no info dict, no EXIF, no ICC profile.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    buffer = io.BytesIO()
    clean.save(buffer, format="WEBP", quality=85, method=4)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.webp")


def _clean_rgb(image: Image.Image) -> Image.Image:
    """Pixels only, upright, in RGB: nothing of the original file's metadata."""
    image = ImageOps.exif_transpose(image).convert("RGB")
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return clean


def renditions_webp(image: Image.Image, widths) -> dict[int, ContentFile]:
    """WebP copies of the image at each width (never upscaled), without metadata.
    Returns {width: file}; widths wider than the image collapse to its own width."""
    image = _clean_rgb(image)
    results = {}
    for width in sorted(set(widths)):
        target = min(width, image.width)
        height = round(image.height * target / image.width)
        resized = image.resize((target, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, format="WEBP", quality=82, method=4)
        results[width] = ContentFile(buffer.getvalue(), name=f"{target}.webp")
    return results


def largest(renditions: dict[int, ContentFile]) -> ContentFile:
    return renditions[max(renditions)]


def size_of(content: ContentFile) -> tuple[int, int]:
    content.seek(0)
    with Image.open(content) as image:
        size = image.size
    content.seek(0)
    return size
