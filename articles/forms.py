import secrets

from django import forms
from django.utils.functional import cached_property

from articles.comments import rules
from articles.models import Comment, CommentReport, WatchedWord
from groups_site.lib.forms import IntegerField
from groups_site.lib.text import positive_int

BODY_MAX_LENGTH = Comment._meta.get_field("body").max_length
BODY_HELP = (
    "You can use *emphasis*, lists, links and &gt; quotes. Up to 5,000 characters."
)


def new_submission_key() -> str:
    return secrets.token_urlsafe(18)


class CommentForm(forms.Form):
    """A new comment or reply. The rules (who may post, rate limits, blocks,
    double submits) live in articles.comments.posting.post_comment; this form only
    checks the input."""

    # No maxlength in the page: a browser would cut a long paste short without a
    # word. rules.clean_body counts (line breaks as one character) and says.
    body = forms.CharField(
        label="Your comment",
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 6, "data-max-length": BODY_MAX_LENGTH}),
        error_messages={"required": "Please write your comment first."},
    )
    is_anonymous = forms.BooleanField(
        label="Post anonymously: shown as “Anonymous member”",
        required=False,
        help_text="Only moderators can see who wrote it. You can still edit or "
        "delete it.",
    )
    parent = IntegerField(required=False, widget=forms.HiddenInput)
    # A fresh random key per rendered form: a second identical POST (a double
    # click, a resent form) is recognised by post_comment and posts nothing new.
    submission_key = forms.CharField(max_length=64, widget=forms.HiddenInput)
    # A honeypot. People never see it (comment_form.html hides it from eyes,
    # screen readers and the Tab key); bots that fill every field give themselves
    # away.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self,
        *args,
        article=None,
        reply_to: Comment | None = None,
        user=None,
        verified_email: bool | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.article = article
        self.user = user
        # Whether she has a verified e-mail address, when the page already knows.
        self.verified_email = verified_email
        self.reply_to = reply_to
        if reply_to is not None:
            self.initial["parent"] = reply_to.pk
            # She asked to reply: take her to the box.
            self.fields["body"].widget.attrs["autofocus"] = True
        if not self.is_bound:
            self.initial["submission_key"] = new_submission_key()
        if self.parent_id:
            self.fields["body"].label = "Your reply"
            # A reply form can sit on the same page as the main form: its own ids
            # keep every label pointing at the right box.
            self.auto_id = f"id_reply-{self.parent_id}_%s"

    @cached_property
    def posting_problem(self) -> str:
        """Why she can't post here ("" when she can), when the form knows who
        fills it in, so the page explains instead of showing a form that would be
        refused. Runs a query unless it was told ``verified_email``."""
        if self.user is None or self.article is None:
            return ""
        return rules.posting_problem(
            user=self.user, article=self.article, verified_email=self.verified_email
        )

    def clean_body(self):
        return rules.clean_body(self.cleaned_data["body"])

    @property
    def is_spam(self) -> bool:
        return self.is_bound and rules.is_honeypot_filled(self.data)

    @property
    def parent_id(self):
        value = self["parent"].value()
        return positive_int(value)

    def clean_parent(self):
        parent_id = self.cleaned_data["parent"]
        if not parent_id:
            return None
        parent = (
            Comment.objects.filter(article=self.article, pk=parent_id)
            .select_related("author")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                "The comment you are replying to is no longer there."
            )
        # The form's own article (the filter above): no join for its long body.
        parent.article = self.article
        self.reply_to = parent
        return parent


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label="Your comment",
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "data-max-length": BODY_MAX_LENGTH}),
        error_messages={
            "required": "A comment can't be empty. To remove it, delete it instead."
        },
    )

    def clean_body(self):
        return rules.clean_body(self.cleaned_data["body"])


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with this comment?",
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose the reason closest to it."},
    )
    note = forms.CharField(
        label="Anything a moderator should know (optional)",
        required=False,
        max_length=CommentReport._meta.get_field("note").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only moderators read this.",
    )


class WatchedWordForm(forms.ModelForm):
    class Meta:
        model = WatchedWord
        fields = ["word", "action"]
        widgets = {"action": forms.RadioSelect}
