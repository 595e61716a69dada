"""One password check per sign-in attempt, whoever she is.

Django's ModelBackend and allauth's backend side by side checked an existing
e-mail's password three times and a missing one's twice, so the time a wrong
password took told whether an address had an account. This backend finds at most
one account for what she typed (e-mail or username) and runs the password hasher
exactly once: on that account's hash, or on a dummy one when there is none.

A suspended or banned account (accounts.moderation) can't authenticate: her
existing sessions turn signed out on their next request, and a correct password
is handed to allauth's account-inactive path, where accounts.adapter shows her
the reason. A wrong password gets the usual answer, after the same one hash."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from accounts.services import find_account


class AuthenticationBackend(AllauthBackend):
    def _authenticate(self, request, **credentials):
        identifier = credentials.get("email") or credentials.get("username") or ""
        # allauth's base class runs a dummy hash when no password was checked.
        return self._check_password(
            find_account(identifier), credentials.get("password") or ""
        )

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not user.is_suspended
