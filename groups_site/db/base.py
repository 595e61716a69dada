"""Django's PostgreSQL backend, with the health check of a kept connection bounded
in time (settings: ENGINE "groups_site.db").

Django checks a kept connection (CONN_HEALTH_CHECKS) before the first query of a
request, outside the query wrappers that bound each query
(groups_site.outages): against a server that hangs, that check would wait
forever. Here it gives up after outages.HEALTH_CHECK_SECONDS, and the request is
answered with the 503 page. A request that runs no query (a page from the shared
cache, the bare benchmark view) makes no check at all, so it costs no round trip
and still answers while PostgreSQL is away."""

from django.db.backends.postgresql import base

from groups_site import outages


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        try:
            with outages.time_limit(outages.HEALTH_CHECK_SECONDS):
                return super().is_usable()
        except outages.DatabaseHung:
            outages.database_hung()
            raise
