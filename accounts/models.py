from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

username_validator = RegexValidator(
    regex=r"^[A-Za-z0-9_-]+\Z",
    message="Use only letters, digits, underscores (_) and hyphens (-).",
)


class User(AbstractUser):
    username = models.CharField(
        "username",
        max_length=30,
        unique=True,
        validators=[username_validator],
        help_text="Your public handle, used for @mentions and your profile address. "
        "Letters, digits, _ and - only.",
        error_messages={"unique": "That username is taken. Please choose another."},
    )
    display_name = models.CharField(
        max_length=60,
        blank=True,
        help_text="The name others see. A first name or a pseudonym is fine.",
    )
    bio = models.TextField(max_length=1000, blank=True)
    avatar = models.ImageField(upload_to="avatars/%Y/%m/", blank=True)
    guidelines_accepted_at = models.DateTimeField(null=True, blank=True)
    email_notifications = models.BooleanField(
        "send me e-mail notifications",
        default=True,
    )
    discreet_emails = models.BooleanField(
        "discreet e-mails",
        default=True,
        help_text="Subjects and previews stay neutral and never name a group or topic.",
    )

    objects = UserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("username"), name="accounts_user_username_ci_unique"
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_ci_unique",
            ),
        ]

    def __str__(self):
        return self.username

    @classmethod
    def normalize_username(cls, username):
        # allauth (ACCOUNT_PRESERVE_USERNAME_CASING = False) stores and looks up
        # usernames in lower case; keep accounts made elsewhere (createsuperuser,
        # admin) the same, or "alice" could not sign up or log in beside "Alice".
        username = super().normalize_username(username)
        return username.lower() if isinstance(username, str) else username

    def get_absolute_url(self):
        return reverse("accounts:profile_detail", args=[self.username])

    @property
    def public_name(self) -> str:
        return self.display_name or self.username
