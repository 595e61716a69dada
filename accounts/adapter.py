from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.shortcuts import render

from accounts.access import RESERVED_NAME_MESSAGE, format_until, is_reserved_name
from accounts.services import find_account


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username, shallow=False):
        username = super().clean_username(username, shallow=shallow)
        if is_reserved_name(username):
            raise ValidationError(RESERVED_NAME_MESSAGE, code="reserved")
        return username

    def pre_login(self, request, user, **kwargs):
        """A suspended or banned account is told why, and until when, once she
        has given the right password (accounts.backends)."""
        if user.is_suspended:
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            context = {
                "is_banned": user.is_banned,
                "until": format_until(user.suspended_until)
                if user.suspended_until
                else "",
                "reason": user.suspension_reason,
            }
            return render(
                request, "account/account_suspended.html", context, status=403
            )
        return super().pre_login(request, user, **kwargs)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Count failed sign-ins per account, whichever identifier she typed: with
        a key per typed string, an attacker got five guesses by username and five
        more by e-mail address in each window. allauth uses this key for the
        "login_failed" rate limit and clears it after a password reset."""
        typed = credentials.get("email") or credentials.get("username") or ""
        account = find_account(typed)
        login = f"account:{account.pk}" if account else typed.strip().lower()
        return f"{get_current_site(request).domain}:{login}"
