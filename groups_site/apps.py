from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


def sync_site(sender, **kwargs):
    """Keep the Site row (used by allauth in e-mails) in step with SITE_NAME and
    SITE_DOMAIN, so no e-mail ever says example.com."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        id=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME},
    )


class GroupsSiteConfig(AppConfig):
    default = True
    name = "groups_site"
    verbose_name = "Kindred site"

    def ready(self):
        # Django's own post_migrate event, after every `migrate`. This app has no
        # models (so gets no signal of its own); hang it on the sites app's.
        from django.apps import apps

        post_migrate.connect(sync_site, sender=apps.get_app_config("sites"))


class AdminConfig(admin_apps.AdminConfig):
    """The Django admin with our AdminSite (see admin_site.py)."""

    default = False
    default_site = "groups_site.admin_site.AdminSite"
