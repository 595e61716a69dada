from django.db import models
from django.db.models import Q
from django.urls import reverse

from groups_site.lib.text import fold


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=240, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("groups:group_list") + f"?topic={self.slug}"


class PlaceQuerySet(models.QuerySet):
    def matching(self, text: str):
        """Places whose name starts with ``text`` (accents and case ignored), largest
        first. "Portland, Maine" narrows by region or country after the comma."""
        name, _, rest = text.partition(",")
        places = self.filter(search_name__startswith=fold(name).strip())
        qualifier = fold(rest).strip()
        if qualifier:
            places = places.filter(
                Q(region_search__startswith=qualifier)
                | Q(country_search__startswith=qualifier)
                | Q(country_code__iexact=qualifier)
            )
        return places.order_by("-population", "name")


class Place(models.Model):
    """A city from the offline GeoNames gazetteer (`manage.py load_places`)."""

    geonames_id = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=200)
    ascii_name = models.CharField(max_length=200)
    # Accent-folded, lower-case copies for prefix lookup: PostgreSQL's unaccent is
    # an extension, which the embedded server does not ship.
    search_name = models.CharField(max_length=200)
    region = models.CharField(max_length=100, blank=True)
    region_search = models.CharField(max_length=100, blank=True)
    country_code = models.CharField(max_length=2)
    country = models.CharField(max_length=100)
    country_search = models.CharField(max_length=100)
    latitude = models.FloatField()
    longitude = models.FloatField()
    population = models.PositiveIntegerField(default=0)
    timezone = models.CharField(max_length=64)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["search_name"],
                name="groups_place_search_prefix",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(fields=["latitude", "longitude"], name="groups_place_lat_lon"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90),
                name="groups_place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180),
                name="groups_place_longitude_range",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        parts = [self.name, self.region, self.country]
        return ", ".join(part for part in parts if part)
