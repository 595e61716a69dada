from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed only for its management commands (seed_demo, bench_data)."""

    default = True
    name = "groups_site.demo"
    label = "demo"
    verbose_name = "Demo content"
