"""Taking part in the discussion: post, edit, delete, mark helpful, report. The
rules live in articles.comments (posting, rules); these views parse input, call
them and answer. Each works as a plain form post; with htmx (request.htmx)
posting and the helpful toggle answer with a fragment swapped into the page
instead of a redirect."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from articles.comments import hiding, posting, rules, watched
from articles.forms import CommentForm, EditCommentForm, ReportForm
from articles.models import Article, Comment, CommentHelpful

POSTED = "Thanks. Your comment is posted."
HELD = "Thanks. Your comment will appear once a moderator has looked at it."
# The crisis panel (includes/crisis_panel.html) on the next page.
CRISIS_TAG = "crisis"
AUTHOR_HIDDEN = (
    "This person's anonymous comments are folded away for you now. They are not "
    "told. You can undo it from People you've blocked."
)
REPORTED = (
    "Thanks for telling us. A moderator will look at it. "
    "They won't tell anyone who reported it."
)


def _comments(user):
    """Comments under the articles she may read."""
    return Comment.objects.filter(
        article__in=Article.objects.visible_to(user)
    ).select_related("article", "author")


def _own_comment(request, comment_id) -> Comment:
    comment = get_object_or_404(
        _comments(request.user).exclude(status=Comment.Status.DELETED), pk=comment_id
    )
    if comment.author_id != request.user.pk:
        # Hidden and held comments are only reachable by their author.
        if not comment.is_visible:
            raise Http404
        raise PermissionDenied("Only its author can change a comment.")
    return comment


def _show_crisis_panel(request) -> None:
    """On the page she lands on next: includes/messages.html shows the panel for
    this message."""
    messages.info(request, "Crisis resources", extra_tags=CRISIS_TAG)


def _sign_in_first(request, next_url: str):
    """To the sign-in page and back. htmx would swap the sign-in page into the
    discussion (a session that ran out while the page was open): it is told to
    load the page instead."""
    response = redirect_to_login(next_url)
    if request.htmx:
        return HttpResponseClientRedirect(response["Location"])
    return response


def _discussion_url(article: Article) -> str:
    return f"{article.get_absolute_url()}#discussion"


def _back_url(comment: Comment) -> str:
    """Her way back: the comment's permalink, or the discussion when the comment
    is not in it (held for review or hidden)."""
    if comment.is_visible:
        return comment.get_absolute_url()
    return _discussion_url(comment.article)


@require_POST
def comment_create(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    if not request.user.is_authenticated:
        return _sign_in_first(request, _discussion_url(article))
    form = CommentForm(request.POST, article=article, user=request.user)
    if form.is_spam:
        # The honeypot was filled in: only a bot does that. Pretend it worked.
        return redirect(_discussion_url(article))
    if form.is_valid():
        try:
            comment = posting.post_comment(
                article=article,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=form.cleaned_data["parent"],
                is_anonymous=form.cleaned_data["is_anonymous"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except watched.BlockedComment as error:
            form.add_error(None, error)
            return _form_again(request, article, form, is_crisis=error.is_crisis)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # A double submit comes back as the comment the first copy posted.
            return _posted(request, article, form, comment)
    return _form_again(request, article, form)


def _form_again(request, article, form, *, is_crisis=False):
    """Her form back, with her text and what was wrong (and the crisis panel
    when her words call for it, even if they could not be posted)."""
    if request.htmx:
        # htmx leaves 4xx answers unswapped: a 200 puts the form back in place,
        # with her text and the errors.
        context = {
            "article": article,
            "form": form,
            "is_fragment": True,
            "is_crisis": is_crisis,
        }
        return render(request, "articles/includes/comment_form_again.html", context)
    context = {
        "is_crisis": is_crisis,
        "article": article,
        "form": form,
        "reply_to": form.reply_to,
        "reply_to_author": (
            form.reply_to.shown_author_name(request.user) if form.reply_to else ""
        ),
    }
    return render(request, "articles/comment_form_page.html", context, status=400)


def _posted(request, article, form, comment):
    is_held = comment.is_held
    message = POSTED
    if is_held:
        message = comment.screening.hold_message or HELD
    is_crisis = comment.screening.is_crisis
    if request.htmx:
        context = {
            "article": article,
            "comment": comment,
            "is_held": is_held,
            "is_reply": form.reply_to is not None,
            "is_crisis": is_crisis,
            "message": message,
            # The main form comes back empty, with a new submission key.
            "fresh_form": CommentForm(article=article, user=request.user),
            # The heading's "Discussion (N)" follows (an out-of-band swap).
            "comment_count": Article.objects.with_comment_count()
            .values_list("comment_count", flat=True)
            .get(pk=article.pk),
        }
        return render(request, "articles/includes/comment_posted.html", context)
    messages.success(request, message)
    if is_crisis:
        _show_crisis_panel(request)
    return redirect(_back_url(comment))


@login_required
def comment_edit(request, comment_id):
    comment = _own_comment(request, comment_id)
    context = {
        "comment": comment,
        "article": comment.article,
        "back_url": _back_url(comment),
        "edit_minutes": settings.COMMENT_EDIT_WINDOW_MINUTES,
    }
    if not rules.can_edit_comment(comment=comment, user=request.user):
        # Past the edit window: say so plainly (she can still delete it).
        return render(request, "articles/comment_edit.html", context, status=403)
    if request.method == "POST":
        form = EditCommentForm(request.POST)
        if form.is_valid():
            try:
                edited = posting.edit_comment(
                    comment=comment, user=request.user, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                form.add_error(None, error)
                context["is_crisis"] = getattr(error, "is_crisis", False)
            else:
                held = edited.is_held and edited.screening.hold_message
                messages.success(request, held or "Your comment is updated.")
                if edited.screening.is_crisis:
                    _show_crisis_panel(request)
                return redirect(_back_url(comment))
    else:
        form = EditCommentForm(initial={"body": comment.body})
    context["form"] = form
    return render(request, "articles/comment_edit.html", context)


@login_required
def comment_delete(request, comment_id):
    comment = _own_comment(request, comment_id)
    if request.method == "POST":
        try:
            posting.delete_comment(comment=comment, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_back_url(comment))
        messages.success(request, "Your comment is deleted.")
        return redirect(_discussion_url(comment.article))
    context = {
        "comment": comment,
        "article": comment.article,
        "back_url": _back_url(comment),
    }
    return render(request, "articles/comment_delete.html", context)


@require_POST
def comment_helpful(request, comment_id):
    comment = get_object_or_404(
        _comments(request.user).filter(status=Comment.Status.VISIBLE), pk=comment_id
    )
    if not request.user.is_authenticated:
        return _sign_in_first(request, comment.get_absolute_url())
    # The button says which state she asked for, so a double click does not undo
    # itself; without it the mark toggles.
    mark = {"1": True, "0": False}.get(request.POST.get("mark"))
    error = ""
    try:
        posting.toggle_helpful(comment=comment, user=request.user, mark=mark)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx:
        comment.refresh_from_db(fields=["helpful_count"])
        context = {
            "comment": comment,
            "user": request.user,
            "is_helpful": CommentHelpful.objects.filter(
                comment=comment, user=request.user
            ).exists(),
            "error": error,
        }
        return render(request, "articles/includes/comment_helpful.html", context)
    if error:
        messages.error(request, error)
    return redirect(comment)


@login_required
def comment_report(request, comment_id):
    comment = get_object_or_404(
        _comments(request.user).filter(status=Comment.Status.VISIBLE), pk=comment_id
    )
    context = {
        "comment": comment,
        "article": comment.article,
        "back_url": _back_url(comment),
        "author_name": comment.shown_author_name(request.user),
    }
    if comment.author_id == request.user.pk:
        return render(request, "articles/comment_report.html", context, status=403)
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                posting.report_comment(
                    comment=comment, reporter=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, REPORTED)
                return redirect(comment)
    else:
        form = ReportForm()
    context["form"] = form
    return render(request, "articles/comment_report.html", context)


@login_required
@require_POST
def comment_hide_author(request, comment_id):
    """Hide an anonymous comment's author. The answer is the same whoever wrote
    it, and names nobody."""
    comment = get_object_or_404(
        _comments(request.user).filter(status=Comment.Status.VISIBLE), pk=comment_id
    )
    try:
        hiding.hide_anonymous_author(comment=comment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, AUTHOR_HIDDEN)
    return redirect(comment)
