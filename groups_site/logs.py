"""Log records as one JSON object per line, each carrying the id of the request it
belongs to (see RequestIdMiddleware), so every line of one request can be found
together and matched with the X-Request-ID a visitor or the proxy reports.

Plain standard library, no Django import: gunicorn.conf.py may use it too.
Only the fields named here are written; whatever else a record carries (Django
attaches the whole request to its error records) is left out, so cookies, headers,
query strings and form data never reach the logs."""

import contextvars
import json
import logging
from datetime import UTC, datetime

request_id = contextvars.ContextVar("request_id", default=None)

# Fields a record may carry (set with ``extra=``) that the JSON line includes.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")


class RequestIdFilter(logging.Filter):
    """Give every record the current request's id ("-" outside a request), for the
    text format's ``%(request_id)s`` and the JSON line alike."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        current = getattr(record, "request_id", None) or request_id.get()
        if current and current != "-":
            line["request_id"] = current
        for field in REQUEST_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                line[field] = value
        # Django's request errors say their status as status_code.
        if "status" not in line and isinstance(
            getattr(record, "status_code", None), int
        ):
            line["status"] = record.status_code
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)
