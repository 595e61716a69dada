import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groups_site.settings")
# The web process cancels any statement running longer than this (seconds), so a
# stuck query frees its worker; manage.py commands run without a limit by default.
os.environ.setdefault("DB_STATEMENT_TIMEOUT", "15")

application = get_wsgi_application()
