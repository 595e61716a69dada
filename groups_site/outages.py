"""When PostgreSQL is unreachable or hangs: a short "back soon" page, fast.

- :class:`DatabaseOutageMiddleware` answers 503 with a static page (rendered without
  the database, ``Retry-After``) when a view finds the database unreachable, and logs
  one line per request instead of a traceback. ``server_error`` (the site's
  handler500) does the same when the error comes from a middleware, and
  :class:`OneLineForOutages` trims Django's own log record of it to one line.
- A server that hangs (frozen, or a network that drops packets) holds a query's
  socket forever: the server-side statement timeout never fires and libpq's
  ``connect_timeout`` covers connecting only. So the wait is bounded here: the
  health check of a kept connection before a request's first query may take
  ``HEALTH_CHECK_SECONDS`` (groups_site.db), a query ``DB_STATEMENT_TIMEOUT`` plus a
  margin (the middleware), after which the connection is dropped and the request
  answered 503. A request that runs no query (a page from the shared cache) waits
  for nothing and still answers while PostgreSQL is away. It uses SIGALRM, so
  only in a process's main thread (gunicorn's sync workers); elsewhere it relies on
  the timeouts above.
- After the database failed, a process answers 503 at once for DB_RETRY_AFTER
  seconds (a circuit breaker), so requests do not queue behind timeouts.

A connection that failed is dropped, so the site recovers by itself on the first
request after PostgreSQL returns (and the breaker's few seconds).
"""

import contextlib
import logging
import signal
import sys
import threading
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import get_template
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger("kindred.outages")

HEALTH_CHECK_SECONDS = 2
# A query may run DB_STATEMENT_TIMEOUT seconds (the server cancels it then); the
# client gives up this much later, when even the cancellation did not come back.
QUERY_MARGIN_SECONDS = 1
RETRY_AFTER_SECONDS = 10


FALLBACK_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Back in a moment</title></head>
<body><p><a href="{EXIT_URL}" rel="noreferrer nofollow">Exit this page</a></p>
<main><h1>We'll be back in a moment</h1>
<p>{SITE_NAME} can't reach its records just now. Please try again in a minute.</p>
</main></body></html>
"""


class DatabaseHung(OperationalError):
    """PostgreSQL did not answer in time: the connection is dropped."""


def is_outage(error: BaseException | None) -> bool:
    """Whether the error means the database cannot be reached (not a bad query).

    psycopg raises OperationalError for a refused or broken connection, a server
    shutting down, and a statement cancelled by its timeout; InterfaceError for a
    connection already closed."""
    return isinstance(error, OperationalError | InterfaceError)


def unavailable_response() -> HttpResponse:
    """The 503 page, rendered with no request context (so no context processor
    runs a query) and no session, user or CSRF token."""
    context = {"SITE_NAME": settings.SITE_NAME, "EXIT_URL": settings.EXIT_URL}
    try:
        html = get_template("503.html").render(context)
    except Exception:  # noqa: BLE001 - e.g. static files not collected: still say it
        html = FALLBACK_PAGE.format(**context)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def log_outage(request, error: BaseException) -> None:
    request.outage_logged = True
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    logger.error(
        "Database unavailable, answered 503: %s %s (%s: %s)",
        request.method,
        request.path,
        type(error).__name__,
        first_line,
    )


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise DatabaseHung in this block after ``seconds`` (main thread only;
    elsewhere, and for 0, no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise DatabaseHung(f"no answer from the database in {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _drop_connection() -> None:
    # A connection that hung or failed is never used again: the next query
    # connects afresh (and fails fast, or finds the database back).
    with contextlib.suppress(Exception):
        connection.close()


# While the database is away, each process leaves it alone for DB_RETRY_AFTER
# seconds after a failure and answers 503 at once: a hung server would otherwise
# cost every request a connection timeout, and requests would queue behind them.
_retry_at = 0.0


def _database_failed() -> None:
    global _retry_at
    _retry_at = time.monotonic() + settings.DB_RETRY_AFTER


def database_hung() -> None:
    """The health check of a kept connection got no answer (groups_site.db)."""
    _drop_connection()
    _database_failed()


def _close_if_unusable() -> None:
    """After an error: drop the connection unless it still works (a statement
    cancelled by its timeout leaves it usable); a lost one opens the breaker."""
    try:
        # Bounded by groups_site.db (HEALTH_CHECK_SECONDS).
        usable = connection.connection is not None and connection.is_usable()
    except DatabaseError:
        usable = False
    if not usable:
        _drop_connection()
        _database_failed()


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # /healthz always asks the database itself, and answers in JSON.
        if time.monotonic() < _retry_at and request.path_info != "/healthz":
            log_outage(request, OperationalError("not retried yet after a failure"))
            return unavailable_response()
        # Django checks a kept connection before the request's first query, in
        # the time groups_site.db allows (a request with no query checks nothing).
        with connection.execute_wrapper(self.bounded_query):
            return self.get_response(request)

    def bounded_query(self, execute, sql, params, many, context):
        statement_timeout = settings.DB_STATEMENT_TIMEOUT
        limit = statement_timeout + QUERY_MARGIN_SECONDS if statement_timeout else 0
        try:
            with time_limit(limit):
                return execute(sql, params, many, context)
        except DatabaseHung:
            _drop_connection()
            _database_failed()
            raise

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        if not isinstance(exception, DatabaseHung):
            _close_if_unusable()
        log_outage(request, exception)
        return unavailable_response()


def server_error(request):
    """handler500: the 503 page when the database is unreachable (an error
    raised in a middleware, which process_exception does not see)."""
    error = sys.exc_info()[1]
    if is_outage(error):
        _close_if_unusable()
        return unavailable_response()
    return default_server_error(request)


class OneLineForOutages(logging.Filter):
    """Django logs an unhandled error with its traceback. For the database
    being unreachable that is one line per request: what failed, not where."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if getattr(request, "outage_logged", False):
            return False  # "Service Unavailable: /path" after our own line
        error = record.exc_info[1] if record.exc_info else None
        if is_outage(error):
            first_line = str(error).strip().splitlines()[0] if str(error) else ""
            record.msg = f"{record.msg} (database unavailable, {type(error).__name__}:"
            record.msg += " %s)"
            record.args = (*(record.args or ()), first_line)
            record.exc_info = None
            record.exc_text = None
        return True
