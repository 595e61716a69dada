"""/moderation/words/: the words and phrases moderators watch for in comments
(articles.comments.watched keeps the list and writes the audit entries)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from articles.comments import watched
from articles.forms import WatchedWordForm
from articles.models import WatchedWord
from groups_site.moderation.access import moderator_required


@moderator_required
def word_list(request):
    """The list, and the form that adds to it."""
    status = 200
    if request.method == "POST":
        form = WatchedWordForm(request.POST)
        if form.is_valid():
            try:
                watched.add_watched_word(moderator=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error("word", error)
            else:
                messages.success(request, f"“{form.cleaned_data['word']}” is added.")
                return redirect("moderation:word_list")
        status = 400
    else:
        form = WatchedWordForm()
    words = WatchedWord.objects.select_related("created_by")
    context = {"form": form, "words": words}
    return render(request, "moderation/word_list.html", context, status=status)


@moderator_required
def word_remove(request, word_id):
    """GET asks first; POST removes it."""
    word = get_object_or_404(WatchedWord, pk=word_id)
    if request.method == "POST":
        watched.remove_watched_word(moderator=request.user, watched=word)
        messages.success(request, f"“{word.word}” is no longer watched.")
        return redirect("moderation:word_list")
    return render(request, "moderation/word_remove.html", {"word": word})
