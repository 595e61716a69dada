from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from accounts.access import RESERVED_NAME_MESSAGE, is_reserved_name
from accounts.models import CrisisResource, EmailChoice, User
from groups_site.lib import images
from groups_site.lib.forms import IntegerField

AVATAR_SIZE = 256


class LoginForm(AllauthLoginForm):
    shared_device = forms.BooleanField(
        label="This is a shared device",
        required=False,
        help_text="You are signed out when the browser closes, and it never "
        "remembers you.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.fields["login"].label = "Username or e-mail address"
        self.fields["remember"].label = "Remember me on this device"
        # The shared-device box comes first; ticking it hides "remember me"
        # (accounts.css), and login() ignores it anyway.
        self.order_fields(["login", "password", "shared_device", "remember"])

    def login(self, request, redirect_url=None):
        # allauth ends the session at browser close unless "remember" is ticked:
        # on a shared device, "remember" is ignored.
        if self.cleaned_data.get("shared_device"):
            self.cleaned_data["remember"] = False
        return super().login(request, redirect_url=redirect_url)


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form plus the community guidelines agreement."""

    agree_to_guidelines = forms.BooleanField(
        label="I have read and agree to the community guidelines",
        error_messages={
            "required": "Please read and agree to the community guidelines to join."
        },
    )

    field_order = ["email", "username", "password1", "password2", "agree_to_guidelines"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels are always visible; placeholders would only repeat them.
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.fields["email"].label = "E-mail address"
        self.fields[
            "email"
        ].help_text = "For signing in and account messages. Never shown to anyone."
        self.fields["username"].help_text = (
            "Public: people @mention you with it. Letters, digits, _ and - only. "
            "It does not need to be your real name."
        )
        self.fields["password2"].label = "Password again"
        self.fields["agree_to_guidelines"].help_text = format_html(
            'Please read the <a href="{}">community guidelines</a>: they keep this '
            "a safe place.",
            reverse("guidelines"),
        )
        self.order_fields(self.field_order)

    def clean(self):
        cleaned_data = super().clean()
        self._forgive_a_repeat()
        return cleaned_data

    def _forgive_a_repeat(self):
        """The same sign-up sent again (a double click, a second tab, Back and
        resubmit) gets the first one's answer, "check your e-mail", rather than
        "that username is taken". Only with the account's own password: anyone
        else learns nothing about which address goes with a username. One
        password hash whenever the username is taken, so the time taken does
        not tell either."""
        taken = [
            error
            for error in self.errors.as_data().get("username", [])
            if error.code == "username_taken"
        ]
        if not taken:
            return
        username = self.data.get("username", "")
        holder = User.objects.filter(username__iexact=username).first()
        password = self.cleaned_data.get("password1") or ""
        if holder is None or not check_password(password, holder.password):
            return
        email = self.cleaned_data.get("email") or ""
        if not holder.emailaddress_set.filter(email__iexact=email).exists():
            return
        del self._errors["username"]
        self.cleaned_data["username"] = holder.username
        self.account_already_exists = True
        self._repeat = True

    def try_save(self, request):
        if self.account_already_exists and not getattr(self, "_repeat", False):
            # allauth answers "check your e-mail" without making an account, which
            # skipped the password hash a new account costs: the time taken told
            # whether the address had an account. Do the same work on both paths.
            make_password(self.cleaned_data.get("password1"))
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            # Another sign-up took this username or address between our checks
            # and our insert (two at once): answer as if this one came second.
            response = self._answer_again(request)
            if response is None:  # not a conflict we know of
                raise
            return None, response

    def _answer_again(self, request):
        """Check the same data again, now that the other sign-up is in: "check
        your e-mail" when it was the same person's or the address's, the form
        with "that username is taken" otherwise."""
        from allauth.account.internal import flows
        from allauth.account.views import SignupView

        again = type(self)(data=self.data)
        if again.is_valid() and again.account_already_exists:
            return flows.signup.prevent_enumeration(
                request, email=again.cleaned_data["email"]
            )
        if again.is_valid():
            return None
        view = SignupView()
        view.setup(request)
        return view.form_invalid(again)

    def save(self, request):
        user = super().save(request)
        user.guidelines_accepted_at = timezone.now()
        user.save(update_fields=["guidelines_accepted_at"])
        return user


class ProfileForm(forms.ModelForm):
    avatar = forms.FileField(
        label="Profile picture",
        required=False,
        help_text="JPEG, PNG or WebP, up to 5 MB. We crop it to a square and remove "
        "hidden details such as location data.",
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )

    class Meta:
        model = User
        fields = ["display_name", "bio", "avatar"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"bio": "A few words about you, if you like. Anyone can read it."}

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if is_reserved_name(name):
            raise forms.ValidationError(RESERVED_NAME_MESSAGE, code="reserved")
        return name

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if not upload or upload is True or not hasattr(upload, "content_type"):
            # Unchanged (False/None) or the "clear" box: ImageField handles these.
            return upload
        image = images.open_verified_image(
            upload,
            max_pixels=settings.AVATAR_MAX_PIXELS,
            fit_within=AVATAR_SIZE * 2,
        )
        return images.square_webp(image, AVATAR_SIZE)


class PrivacySettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "email_notifications",
            "email_replies",
            "email_membership",
            "email_meetings",
            "mention_notifications",
            "discreet_emails",
        ]
        labels = {"email_notifications": "Send me e-mail (untick for no e-mail at all)"}
        help_texts = {
            "email_notifications": "When off, we send you no e-mail at all; you "
            "still see notifications on the site. Notices from moderators come by "
            "e-mail whatever you choose below, unless this is off."
        }
        widgets = {
            "email_replies": forms.RadioSelect,
            "email_membership": forms.RadioSelect,
            "email_meetings": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only membership news can wait for the daily summary.
        each_or_off = [
            (value, label)
            for value, label in EmailChoice.choices
            if value != EmailChoice.DIGEST
        ]
        self.fields["email_replies"].choices = each_or_off
        self.fields["email_meetings"].choices = each_or_off


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label='Type "delete my account" to confirm',
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip().lower()
        if value != "delete my account":
            raise forms.ValidationError(
                'Please type "delete my account" exactly to confirm.'
            )
        return value


class GuidelinesAcceptForm(forms.Form):
    agree_to_guidelines = forms.BooleanField(
        label="I have read and agree to the community guidelines",
        error_messages={
            "required": "Please tick the box to agree to the community guidelines."
        },
    )


class ModerationReasonForm(forms.Form):
    """Warn, ban or lift: the reason she will read."""

    reason = forms.CharField(
        label="Reason (she will read it)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SuspendForm(ModerationReasonForm):
    days = IntegerField(
        label="Days",
        min_value=1,
        max_value=365,
        initial=7,
        help_text="From 1 to 365 days; it ends by itself.",
    )
    field_order = ["days", "reason"]


class CrisisResourceForm(forms.ModelForm):
    url = forms.URLField(
        label="Website", required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = CrisisResource
        fields = ["name", "helps_with", "phone", "url", "region", "order"]
        field_classes = {"order": IntegerField}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("url"):
            raise forms.ValidationError("Give a phone number, a website or both.")
        return cleaned
