import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groups_site.settings")
# The web process cancels any statement running longer than this (seconds): no
# page needs a fraction of that, and a stuck or frozen database then frees its
# worker (groups_site/outages.py). manage.py commands run without a limit.
os.environ.setdefault("DB_STATEMENT_TIMEOUT", "5")

application = get_wsgi_application()
