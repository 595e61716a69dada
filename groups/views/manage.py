from django.http import HttpResponse


def group_create(request):
    return HttpResponse("TODO")


def group_review(request, slug):
    return HttpResponse("TODO")


def group_manage(request, slug):
    return HttpResponse("TODO")


def group_edit(request, slug):
    return HttpResponse("TODO")


def group_status(request, slug):
    return HttpResponse("TODO")


def membership_approve(request, slug, code):
    return HttpResponse("TODO")


def membership_decline(request, slug, code):
    return HttpResponse("TODO")


def membership_remove(request, slug, code):
    return HttpResponse("TODO")


def membership_role(request, slug, code):
    return HttpResponse("TODO")
