"""Calm abstract hero illustrations for the demo articles, drawn with Pillow.

Three motifs (overlapping circles, waves, rolling hills) over a soft vertical
gradient, in warm palettes. The same (motif, palette, seed) always gives the same
picture, so a seed run can tell whether an article's picture would change."""

import io
import math
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter

# The widest rendition articles use: a bigger picture would only be scaled down.
WIDTH, HEIGHT = 1440, 810
# Shapes are drawn at half size, softened, then scaled up: about four times
# faster than drawing at full size, and the soft edges are the look we want.
SCALE = 2

# name -> (gradient top, gradient bottom, shape colours from far to near)
PALETTES = {
    "dawn": ("#fbe3d4", "#fff6ec", ["#f2b8a2", "#e8917f", "#d9a77a", "#b8687a"]),
    "sage": ("#eef0e2", "#fbf7ee", ["#b9c7a5", "#8fa67f", "#d7b98c", "#c7795a"]),
    "dusk": ("#e9dff0", "#fde9dc", ["#c9a7c7", "#a77aa3", "#f0b89a", "#e38f8a"]),
    "sea": ("#dcebed", "#fbf3e6", ["#a9cfcf", "#6fa8a6", "#e9cfa4", "#e59a84"]),
    "honey": ("#fdeccb", "#fff9ee", ["#f3c979", "#e0a458", "#d98b6b", "#b86f52"]),
    "clay": ("#f6e1d6", "#fdf7f1", ["#e3b39c", "#c98263", "#d9c2a0", "#9c5f4e"]),
}
MOTIFS = ("circles", "waves", "hills")


def draw(*, seed: int, palette: str, motif: str = "") -> Image.Image:
    """The illustration as an RGB image of WIDTH x HEIGHT pixels."""
    rng = random.Random(f"{seed}-{palette}-{motif}")
    top, bottom, colours = PALETTES[palette]
    motif = motif or MOTIFS[seed % len(MOTIFS)]
    size = (WIDTH // SCALE, HEIGHT // SCALE)
    canvas = _gradient(size, top, bottom).convert("RGBA")
    drawer = {"circles": _circles, "waves": _waves, "hills": _hills}[motif]
    for layer in drawer(size, colours, rng):
        canvas.alpha_composite(layer)
    canvas = canvas.convert("RGB").filter(ImageFilter.GaussianBlur(1.2))
    canvas = canvas.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    # Smooths the small steps that scaling up leaves on curved edges.
    return canvas.filter(ImageFilter.BoxBlur(1))


def as_jpeg(image: Image.Image, *, name: str) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return ContentFile(buffer.getvalue(), name=name)


def _rgba(colour: str, alpha: int) -> tuple[int, int, int, int]:
    colour = colour.lstrip("#")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue, alpha


def _gradient(size, top: str, bottom: str) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(
        Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask
    )


def _layer(size) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _circles(size, colours, rng):
    """A loose ring of overlapping circles, like people sitting together."""
    width, height = size
    centre_x = width * rng.uniform(0.42, 0.58)
    centre_y = height * rng.uniform(0.48, 0.56)
    count = rng.randint(6, 8)
    turn = rng.uniform(0, math.tau)
    # A large pale halo behind the ring.
    layer, pen = _layer(size)
    halo = height * 0.46
    pen.ellipse(
        [centre_x - halo, centre_y - halo, centre_x + halo, centre_y + halo],
        fill=_rgba(colours[0], 70),
    )
    yield layer
    for index in range(count):
        angle = turn + index * math.tau / count + rng.uniform(-0.2, 0.2)
        distance = height * rng.uniform(0.2, 0.27)
        radius = height * rng.uniform(0.1, 0.16)
        x = centre_x + math.cos(angle) * distance * 1.5
        y = centre_y + math.sin(angle) * distance
        layer, pen = _layer(size)
        pen.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=_rgba(colours[index % len(colours)], rng.randint(120, 170)),
        )
        yield layer
    # A few small circles drifting at the edges.
    for _ in range(rng.randint(3, 5)):
        radius = height * rng.uniform(0.03, 0.06)
        x = rng.choice([rng.uniform(0.06, 0.22), rng.uniform(0.78, 0.94)]) * width
        y = rng.uniform(0.15, 0.85) * height
        layer, pen = _layer(size)
        pen.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=_rgba(rng.choice(colours), 110),
        )
        yield layer


def _curve(width, base, amplitude, rng, step=8):
    """Points along a gentle wave: two sines with random phase and length."""
    waves = [
        (amplitude, rng.uniform(0.6, 1.4), rng.uniform(0, math.tau)),
        (amplitude * 0.4, rng.uniform(1.8, 3.2), rng.uniform(0, math.tau)),
    ]
    points = []
    for x in range(0, width + step, step):
        t = x / width * math.tau
        y = base + sum(a * math.sin(f * t + p) for a, f, p in waves)
        points.append((x, y))
    return points


def _waves(size, colours, rng):
    """Bands of soft waves washing up the picture, with a low sun."""
    width, height = size
    layer, pen = _layer(size)
    radius = height * rng.uniform(0.14, 0.2)
    x, y = width * rng.uniform(0.2, 0.8), height * rng.uniform(0.22, 0.34)
    pen.ellipse(
        [x - radius, y - radius, x + radius, y + radius], fill=_rgba(colours[2], 150)
    )
    yield layer
    bands = len(colours) + 1
    for index in range(bands):
        base = height * (0.42 + index * 0.12)
        points = _curve(width, base, height * rng.uniform(0.03, 0.06), rng)
        layer, pen = _layer(size)
        colour = colours[(index + 1) % len(colours)] if index else colours[0]
        pen.polygon([*points, (width, height), (0, height)], fill=_rgba(colour, 125))
        yield layer


def _hills(size, colours, rng):
    """Rolling hills, paler in the distance, under a round sun."""
    width, height = size
    layer, pen = _layer(size)
    radius = height * rng.uniform(0.1, 0.15)
    x, y = width * rng.uniform(0.55, 0.85), height * rng.uniform(0.2, 0.3)
    pen.ellipse(
        [x - radius, y - radius, x + radius, y + radius], fill=_rgba(colours[2], 190)
    )
    yield layer
    for index, colour in enumerate(colours):
        base = height * (0.5 + index * 0.12)
        points = _curve(width, base, height * rng.uniform(0.05, 0.09), rng)
        layer, pen = _layer(size)
        pen.polygon(
            [*points, (width, height), (0, height)],
            fill=_rgba(colour, 110 + index * 30),
        )
        yield layer
