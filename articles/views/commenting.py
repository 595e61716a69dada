from django.http import HttpResponse


def comment_create(request, slug):
    return HttpResponse("TODO")


def comment_edit(request, comment_id):
    return HttpResponse("TODO")


def comment_delete(request, comment_id):
    return HttpResponse("TODO")


def comment_helpful(request, comment_id):
    return HttpResponse("TODO")


def comment_report(request, comment_id):
    return HttpResponse("TODO")
