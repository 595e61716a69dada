"""Kindred settings. Everything that differs between machines comes from the
environment; .env.example lists every variable and README.md explains each."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        if not value.strip().isascii():  # int() also reads "٣" and "३"
            raise ValueError(value)
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number.") from None


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number (of seconds).") from None


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if not DEBUG else ["localhost", "127.0.0.1"]
)
if not DEBUG:
    # Production must be configured on purpose: no made-up key, no open host list.
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
elif not SECRET_KEY:
    SECRET_KEY = "kindred-development-only-key-never-use-in-production"

SITE_NAME = os.environ.get("SITE_NAME", "Kindred")
SITE_DOMAIN = os.environ.get("SITE_DOMAIN", "localhost:8000")
SITE_ID = 1
# Where "Exit this page" sends her: a neutral, busy, ordinary page.
EXIT_URL = os.environ.get("EXIT_URL", "https://www.bbc.co.uk/weather")

INSTALLED_APPS = [
    "accounts",
    "groups.apps.GroupsConfig",
    "articles",
    "groups_site",
    "groups_site.apps.AdminConfig",
    "groups_site.demo",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: runserver leaves /static/ to WhiteNoise, as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "csp",
]

MIDDLEWARE = [
    # First, so every response (redirects and static files too) has its id and line.
    "groups_site.middleware.RequestIdMiddleware",
    "groups_site.middleware.CrossOriginResourcePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # PostgreSQL unreachable or hung: a 503 page, fast (groups_site/outages.py).
    "groups_site.outages.DatabaseOutageMiddleware",
    "groups_site.middleware.UnstorableInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "groups_site.middleware.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "groups.searched_place.ForgetOnSignOutMiddleware",
    "groups_site.middleware.ExitNoticeMiddleware",
]

ROOT_URLCONF = "groups_site.urls"
WSGI_APPLICATION = "groups_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "groups_site.context_processors.site",
                "accounts.context_processors.crisis_resources",
            ],
        },
    },
    {
        # The few templates rendered many times a page (groups_site/jinja2.py).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "groups_site.jinja2.environment"},
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: PostgreSQL only. Without DATABASE_URL, start the embedded server in var/.
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.config(
            conn_max_age=env_int("CONN_MAX_AGE", 600), conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at a PostgreSQL server.")
else:
    from groups_site.lib.devdb import database_settings

    DATABASES = {
        "default": {
            **database_settings(BASE_DIR),
            "CONN_MAX_AGE": env_int("CONN_MAX_AGE", 600),
            "CONN_HEALTH_CHECKS": True,
        }
    }
# A server that does not answer fails fast instead of holding a worker: connecting
# gives up after DB_CONNECT_TIMEOUT seconds, and a statement is cancelled by the
# server after DB_STATEMENT_TIMEOUT seconds (0: no limit). wsgi.py sets 5 s for the
# web process; manage.py commands (migrate, loaders, the task worker) get no limit
# unless you set one. See groups_site/outages.py for a server that hangs outright.
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 3)
# After finding the database unreachable, a web process answers 503 at once for
# this many seconds before trying it again.
DB_RETRY_AFTER = env_float("DB_RETRY_AFTER", 3)
DB_STATEMENT_TIMEOUT = env_float("DB_STATEMENT_TIMEOUT", 0)
_db_options = DATABASES["default"].setdefault("OPTIONS", {})
_db_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
if DB_STATEMENT_TIMEOUT > 0:
    _db_options["options"] = " ".join(
        filter(
            None,
            [
                _db_options.get("options"),
                f"-c statement_timeout={int(DB_STATEMENT_TIMEOUT * 1000)}",
            ],
        )
    )
# Django's PostgreSQL backend, with its health check bounded in time.
DATABASES["default"]["ENGINE"] = "groups_site.db"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when configured; otherwise local memory, which still makes allauth's
# rate limits count (they do nothing on DummyCache). Redis failing or hanging never
# fails a page: the cache turns into "no cache" for REDIS_RETRY_AFTER seconds at a
# time, and rate limits count in a PostgreSQL table meanwhile (see lib/cache.py).
RATE_LIMIT_KEY_PREFIXES = ["allauth:rl:", "comments:rate:"]
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "groups_site.lib.cache.DegradingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "kindred",
            "OPTIONS": {
                "socket_connect_timeout": env_float("REDIS_CONNECT_TIMEOUT", 0.25),
                "socket_timeout": env_float("REDIS_TIMEOUT", 0.5),
                "RETRY_AFTER": env_float("REDIS_RETRY_AFTER", 5),
                "FALLBACK": "rate_limits",
                "FALLBACK_KEY_PREFIXES": RATE_LIMIT_KEY_PREFIXES,
            },
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kindred",
        }
    }
# Rate-limit counters while Redis is away (a table made by a migration of groups_site).
CACHES["rate_limits"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "kindred_rate_limit_cache",
    "KEY_PREFIX": "kindred",
    "OPTIONS": {"MAX_ENTRIES": 100_000},
}

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One backend, one password check per attempt (see accounts/backends.py).
AUTHENTICATION_BACKENDS = ["accounts.backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
}
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_USERNAME_BLACKLIST = ["admin", "moderator", "kindred", "staff", "anonymous"]
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Asking to join groups (per person, and per person and group: asking again after
# withdrawing or being declined) and listing new groups (per person), in allauth's
# format "amount/period/per", counted in the cache by allauth's rate limiter.
GROUP_JOIN_RATE_LIMIT = os.environ.get(
    "GROUP_JOIN_RATE_LIMIT", "10/h/user,30/d/user,3/d/key"
)
GROUP_CREATE_RATE_LIMIT = os.environ.get("GROUP_CREATE_RATE_LIMIT", "3/h/user,5/d/user")
# Rate limits stay at allauth's defaults (on); listed here so nobody turns them off
# by accident. See allauth's docs for the format. The group_* actions are ours.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    # Ours, counted the same way (accounts/views.py, groups/views/).
    "avatar_upload": "10/h/user",
    "group_join": GROUP_JOIN_RATE_LIMIT,
    "group_create": GROUP_CREATE_RATE_LIMIT,
    # Answering for meetings: generous for a woman going through her list, but a
    # script can't toggle seats (and the waitlist's notifications) endlessly.
    "meeting_rsvp": "120/h/user",
}
# Behind a reverse proxy every request arrives from the proxy's address, so the
# per-address limits above would make one person's wrong passwords lock everyone
# out. Say how many proxies you run (they append to X-Forwarded-For) or which
# header your proxy puts the visitor's address in (e.g. X-Real-IP); never both.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
if ALLAUTH_TRUSTED_PROXY_COUNT and ALLAUTH_TRUSTED_CLIENT_IP_HEADER:
    raise ImproperlyConfigured(
        "Set TRUSTED_PROXY_COUNT or TRUSTED_CLIENT_IP_HEADER, not both."
    )
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# Off: tracking "last seen" writes to the database on every signed-in request, and
# we keep no more about her comings and goings than we need.
USERSESSIONS_TRACK_ACTIVITY = False

# Sessions: end with the browser by default ("remember me" is her choice at login).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions are rows in PostgreSQL. With a shared cache (Redis) they are read from it
# and written to both (cached_db), which saves a query on every signed-in request;
# signing out deletes both. Never with a per-process cache: a session ended in one
# process would live on in another's memory.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if os.environ.get("REDIS_URL")
    else "django.contrib.sessions.backends.db"
)

# E-mail
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", f"{SITE_NAME} <no-reply@{SITE_DOMAIN.split(':')[0]}>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Discreet e-mails (the default for every member) come from this neutral name at
# DEFAULT_FROM_EMAIL's address, never from the site's name.
DISCREET_FROM_NAME = os.environ.get("DISCREET_FROM_NAME", "Notifications")
# Notification e-mails: a failed send is tried again after 1, 2, 4... minutes
# (EMAIL_RETRY_DELAY seconds, doubling), EMAIL_MAX_ATTEMPTS times in all.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 5)
EMAIL_RETRY_DELAY = env_int("EMAIL_RETRY_DELAY", 60)

# Background tasks (django-tasks): stored in the database and run by
# `manage.py db_worker` (make run starts one; see README for production).
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Static files and uploads
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Uploads go through Django's storage API only (FileField storage or
# default_storage, never paths under MEDIA_ROOT), so "default" can be swapped for
# an S3-compatible store (README, Deployment, "Uploads in an S3-compatible store").
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}


def static_file_headers(headers, path: str, url: str) -> None:
    """A hashed file's name changes with its content, so browsers and proxies may
    keep it for a year (the longest HTTP asks caches to honour; WhiteNoise's own
    default says ten) without asking again."""
    if "immutable" in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = "public, max-age=31536000, immutable"


# WhiteNoise serves /static/ from the app: the collected, hashed and compressed
# files in production; in development the source folders, reread on every change.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Nothing of ours is fetched by other sites (see also Cross-Origin-Resource-Policy).
WHITENOISE_ALLOW_ALL_ORIGINS = False
WHITENOISE_ADD_HEADERS_FUNCTION = static_file_headers
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
AVATAR_MAX_BYTES = 5 * 1024 * 1024
# Far below Pillow's own decompression-bomb limit (~89 megapixels).
IMAGE_MAX_PIXELS = 40_000_000
# A 256 px avatar needs nothing near a camera's full picture: 16 MP is a phone photo.
AVATAR_MAX_PIXELS = 16_000_000

# Account deletion and data export are composed from the apps further up the chain
# (groups, articles) without accounts importing them: each entry is a dotted path to
# a function taking the user. See accounts/services.py.
ACCOUNT_DELETION_STEPS = [
    "groups.services.forget_user",
    "articles.comments.posting.forget_user_comments",
]
ACCOUNT_EXPORT_SECTIONS = [
    "groups.services.export_user_data",
    "groups.meetings.rsvp.export_user_rsvps",
    "groups.meetings.feeds.export_calendar_feed",
    "articles.comments.posting.export_user_comments",
]
# Panels on her privacy settings page from apps further up the chain: dotted paths
# to functions f(user) -> (template name, context). See accounts/views.py.
ACCOUNT_SETTINGS_PANELS = [
    "groups.views.calendars.calendar_settings_panel",
]
# Run when she changes her display name or picture (accounts.services.save_profile).
ACCOUNT_PROFILE_CHANGED_STEPS = [
    "articles.comments.posting.profile_changed",
]

# Security
# same-origin: our URLs never reach another site, but our own form posts still carry
# an Origin header (with no-referrer, browsers send "Origin: null" and CSRF fails).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
# django-csp: only our own origin, no inline script or style, so a page cannot be
# made to load or send anything elsewhere and injected markup cannot run. NONCE
# adds a nonce to the header only on a response that read request.csp_nonce; no
# template does (there is no inline script or style), so pages shared from the
# cache never hold one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# Nothing the site does needs these; "Use my location" needs geolocation, here only.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": "self",
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers probe the app server directly over plain HTTP, and take a
    # redirect for "unhealthy". /healthz holds nothing private.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Browsers keep a __Host- cookie only if it came over HTTPS for the whole site
    # (Path=/) and this host alone (no Domain): no other subdomain, and no page
    # over plain HTTP, can set or replace her session or CSRF cookie. Development
    # over http://localhost keeps Django's plain names.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    # Joining the browsers' HSTS preload list is a one-way decision for whoever runs
    # the domain, so it is opt-in (SECURE_HSTS_PRELOAD) and the reminder is silenced.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Logs go to stdout, one line per record: JSON in production (one object per line,
# for the log collector), readable text in development. Every line written while
# a request runs carries its id (groups_site/logs.py, RequestIdMiddleware).
LOG_FORMAT = os.environ.get("LOG_FORMAT") or ("text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "groups_site.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "groups_site.logs.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Through the root handler only (Django's defaults add their own).
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        # Its "Not Found: <path>" lines would repeat the request line (with the
        # real address); errors with their traceback are still written.
        "django.request": {"level": "ERROR"},
        # A request naming another host is answered 400 (the request line says so);
        # a traceback for each of the internet's scanners would bury real errors.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}

# `make bench` serves a bare view at /bench/bare/ as its baseline (off otherwise).
BENCHMARK_VIEWS = env_bool("BENCHMARK_VIEWS", False)

# An account shown the private details (address, link) of this many different groups
# in one day is flagged for moderators.
PRIVATE_DETAILS_DAILY_GROUP_LIMIT = env_int("PRIVATE_DETAILS_DAILY_GROUP_LIMIT", 5)

# Seconds a whole page is kept in the shared cache for signed-out visitors (0 turns
# it off; groups_site.pagecache). Changes replace pages at once, whatever this says:
# it only bounds memory and the rare change no service makes. Off by default in
# production without Redis: each process's local-memory cache would keep serving
# a page another process had changed.
PAGE_CACHE_SECONDS = env_int(
    "PAGE_CACHE_SECONDS", 600 if os.environ.get("REDIS_URL") or DEBUG else 0
)

# Seconds a rendered /groups/ search page is shared from the cache (0 turns it off).
GROUP_LISTING_CACHE_SECONDS = env_int("GROUP_LISTING_CACHE_SECONDS", 300)
# Seconds /meeting-guide.json is shared from the cache (0 turns it off); changes to
# groups and schedules replace it at once, whatever this says.
MEETING_GUIDE_CACHE_SECONDS = env_int("MEETING_GUIDE_CACHE_SECONDS", 3600)

# Comments one person may post, per minute and per day; stricter for accounts younger
# than a day. Counted in the cache (see articles/comments/posting.py).
COMMENT_RATE_LIMITS = {
    "account": {"minute": 5, "day": 50},
    "new_account": {"minute": 2, "day": 10},
}
# Hold the comments of people with no approved comment yet until a moderator lets
# one through.
COMMENT_HOLD_NEW_ACCOUNTS = env_bool("COMMENT_HOLD_NEW_ACCOUNTS", False)
# A comment reported by this many different established accounts (older than
# ESTABLISHED_ACCOUNT_DAYS, with a verified e-mail) is hidden until a moderator looks.
REPORT_AUTO_HIDE_THRESHOLD = env_int("REPORT_AUTO_HIDE_THRESHOLD", 3)
ESTABLISHED_ACCOUNT_DAYS = env_int("ESTABLISHED_ACCOUNT_DAYS", 7)
# She may edit her comment for this long after posting it.
COMMENT_EDIT_WINDOW_MINUTES = 15
