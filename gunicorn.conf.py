"""gunicorn's settings for Kindred: `gunicorn groups_site.wsgi` reads this file from
the folder it starts in (or pass `-c gunicorn.conf.py`). Command-line flags win
over it; the environment tunes it (README, "Deployment")."""

import os
import sys
from pathlib import Path

from gunicorn.glogging import Logger

# gunicorn reads this file before it puts the project on the import path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from groups_site.lib.host import cores  # noqa: E402
from groups_site.logs import JsonFormatter  # noqa: E402


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each serves one request at a time and waits on PostgreSQL, so a
# few more than the cores keep them busy. Each holds one database connection.
workers = env_int("WEB_CONCURRENCY", 2 * cores() + 1)
# A request still running after this many seconds is killed (and its worker
# restarted): nothing here should take longer than a few.
timeout = env_int("GUNICORN_TIMEOUT", 30)
# On restart or deploy, requests in flight get this long to finish.
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind the proxy's pooled connections; the proxy's own keep-alive must be longer.
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Heartbeat files in memory, not on a disk that may stall (containers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# No runtime control socket (gunicornc): restarts and reloads go through the
# service manager's signals, and two servers under one user would share its path.
control_socket_disable = True
# Which proxy addresses may say the request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Kindred writes its own access line per request, in JSON with the request id
# (groups_site/middleware.py RequestIdMiddleware, logger "kindred.request"),
# leaving out visitors' addresses, query strings and private links. gunicorn's
# access log repeats it, so it is off unless GUNICORN_ACCESS_LOG names a file
# ("-": stdout); it then leaves out the same things.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", '
    '"request_id": "%({x-request-id}o)s", "method": "%(m)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_ms": %(M)s}'
)
# gunicorn's own messages (starting, workers restarted or timed out), on stderr:
# JSON lines like the site's unless LOG_FORMAT=text.
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


class JsonErrorLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        if os.environ.get("LOG_FORMAT", "json") == "json":
            for handler in self.error_log.handlers:
                handler.setFormatter(JsonFormatter())


logger_class = JsonErrorLogger
