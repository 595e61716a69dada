from django.http import HttpResponse


def comment_thread(request, slug, comment_id):
    return HttpResponse("TODO")


def comment_permalink(request, slug, comment_id):
    return HttpResponse("TODO")
