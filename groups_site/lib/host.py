"""Facts about the machine a process runs on, for the server's configuration
(gunicorn.conf.py) and the scripts that measure it (bench/)."""

import os


def cores() -> int:
    """The cores this process may use (a container's share), not the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
