"""The Redis cache, degrading to "no cache" when Redis fails, so no page depends on it.

Everything Kindred keeps in the cache can be lost: whole pages, fragments, counts and
cache versions are recomputed from the database on a miss. So when Redis is down or
hung, :class:`DegradingRedisCache` answers as an empty cache would (``get`` gives the
default, ``get_many`` ``{}``, ``incr`` raises ``ValueError`` like a missing key, writes
are dropped), logs one line, and leaves Redis alone for ``RETRY_AFTER`` seconds (a
circuit breaker) so a hung server costs one socket timeout per process, not one per
call. Socket timeouts come from the client options (settings.py).

Rate-limit counters are the exception: a limit that stops counting is no limit. Keys
starting with one of ``FALLBACK_KEY_PREFIXES`` (allauth's and the comment limits') go
to the ``FALLBACK`` cache while Redis is away: a table in PostgreSQL. Counting
restarts there when Redis fails and again when it returns.

Cache versions bumped while Redis was away are lost, so pages cached before the
outage could look current afterwards: a process that dropped a write clears the
cache when Redis answers again (this is why Kindred's Redis database must be its
own: clearing it is ``FLUSHDB``).
"""

import contextlib
import logging
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import DatabaseError
from redis.exceptions import RedisError

logger = logging.getLogger("kindred.cache")

# What a failing Redis raises: connection refused or reset (redis-py wraps most
# socket errors in its ConnectionError) and timeouts, or an error reply such as
# "LOADING" or "OOM".
REDIS_ERRORS = (RedisError, OSError)


@dataclass
class _Outage:
    """One Redis server's state in this process, shared by every thread's cache
    object (Django makes one per thread)."""

    is_down: bool = False
    since: float = 0.0
    retry_at: float = 0.0
    lost_writes: bool = False


_outages: dict[str, _Outage] = {}


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client makes a new redis.Redis for every call, which costs more
    than a GET here (~0.16 ms: it builds its table of reply parsers); a page
    makes a dozen calls. One per connection pool is enough: redis-py's client
    is safe to share, each command takes a connection from the pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        self.fallback_alias = options.pop("FALLBACK", None)
        self.fallback_prefixes = tuple(options.pop("FALLBACK_KEY_PREFIXES", ()))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient
        self._outage = _outages.setdefault(str(server), _Outage())

    # The breaker -------------------------------------------------------------------

    @property
    def is_down(self) -> bool:
        """Whether Redis failed lately and is being left alone for now."""
        return self._outage.is_down and time.monotonic() < self._outage.retry_at

    def _failed(self, error: Exception) -> None:
        outage = self._outage
        now = time.monotonic()
        if not outage.is_down:
            outage.is_down, outage.since = True, now
        outage.retry_at = now + self.retry_after
        logger.warning(
            "Redis unavailable (%s: %s): cache off for %g s, rate limits counted in "
            "the database",
            type(error).__name__,
            str(error).splitlines()[0] if str(error) else "",
            self.retry_after,
        )

    def _answered(self) -> None:
        outage = self._outage
        if not outage.is_down:
            return
        outage.is_down = False
        logger.warning(
            "Redis answers again after %.1f s%s",
            time.monotonic() - outage.since,
            "; clearing the cache (writes were lost)" if outage.lost_writes else "",
        )
        if self.fallback_alias:
            # Counting goes back to Redis: what the database counted meanwhile is
            # dropped, so a later outage starts afresh too (as the README says).
            with contextlib.suppress(DatabaseError):
                caches[self.fallback_alias].clear()
        if outage.lost_writes:
            outage.lost_writes = False
            try:
                super().clear()
            except REDIS_ERRORS as error:
                outage.lost_writes = True
                self._failed(error)

    def _run(self, keys, redis_call, offline_call, *, writes: bool = False):
        """``redis_call()``, or while Redis is away, ``offline_call(fallback)``
        where fallback is the database cache for rate-limit keys, else None."""
        if not self.is_down:
            try:
                result = redis_call()
            except REDIS_ERRORS as error:
                self._failed(error)
            else:
                self._answered()
                return result
        if writes:
            self._outage.lost_writes = True
        fallback = None
        if self.fallback_alias and all(
            str(key).startswith(self.fallback_prefixes) for key in keys
        ):
            fallback = caches[self.fallback_alias]
        return offline_call(fallback)

    def ping(self) -> bool:
        """Ask Redis now, whatever the breaker says (for /healthz): True when it
        answers, which also closes the breaker."""
        try:
            self._cache.get_client(write=True).ping()
        except REDIS_ERRORS as error:
            self._failed(error)
            return False
        self._answered()
        return True

    # The cache API -----------------------------------------------------------------

    def add(self, key, value, timeout=None, version=None):
        return self._run(
            [key],
            lambda: super(DegradingRedisCache, self).add(key, value, timeout, version),
            # Like DummyCache: there was no such key, so "added".
            lambda db: db.add(key, value, timeout, version) if db else True,
            writes=True,
        )

    def get(self, key, default=None, version=None):
        return self._run(
            [key],
            lambda: super(DegradingRedisCache, self).get(key, default, version),
            lambda db: db.get(key, default, version) if db else default,
        )

    def set(self, key, value, timeout=None, version=None):
        return self._run(
            [key],
            lambda: super(DegradingRedisCache, self).set(key, value, timeout, version),
            lambda db: db.set(key, value, timeout, version) if db else None,
            writes=True,
        )

    def touch(self, key, timeout=None, version=None):
        return self._run(
            [key],
            lambda: super(DegradingRedisCache, self).touch(key, timeout, version),
            lambda db: db.touch(key, timeout, version) if db else False,
            writes=True,
        )

    def delete(self, key, version=None):
        return self._run(
            [key],
            lambda: super(DegradingRedisCache, self).delete(key, version),
            lambda db: db.delete(key, version) if db else False,
            writes=True,
        )

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self._run(
            keys,
            lambda: super(DegradingRedisCache, self).get_many(keys, version),
            lambda db: db.get_many(keys, version) if db else {},
        )

    def has_key(self, key, version=None):
        return self._run(
            [key],
            lambda: super(DegradingRedisCache, self).has_key(key, version),
            lambda db: db.has_key(key, version) if db else False,
        )

    def incr(self, key, delta=1, version=None):
        def offline(db):
            if db:
                return db.incr(key, delta, version)
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")

        return self._run(
            [key],
            lambda: super(DegradingRedisCache, self).incr(key, delta, version),
            offline,
            writes=True,
        )

    def set_many(self, data, timeout=None, version=None):
        return self._run(
            list(data),
            lambda: super(DegradingRedisCache, self).set_many(data, timeout, version),
            lambda db: db.set_many(data, timeout, version) if db else [],
            writes=True,
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._run(
            keys,
            lambda: super(DegradingRedisCache, self).delete_many(keys, version),
            lambda db: db.delete_many(keys, version) if db else None,
            writes=True,
        )

    def clear(self):
        return self._run(
            [],
            lambda: super(DegradingRedisCache, self).clear(),
            lambda db: None,
            writes=True,
        )


def cache_status(cache) -> str:
    """ "ok" or "down" for a Redis cache (asked now), "local" for any other."""
    if isinstance(cache, DegradingRedisCache):
        return "ok" if cache.ping() else "down"
    if isinstance(cache, RedisCache):
        try:
            cache._cache.get_client(write=True).ping()
        except REDIS_ERRORS:
            return "down"
        return "ok"
    return "local"
