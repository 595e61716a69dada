from django.http import HttpResponse


def group_join(request, slug):
    return HttpResponse("TODO")


def group_withdraw(request, slug):
    return HttpResponse("TODO")


def group_leave(request, slug):
    return HttpResponse("TODO")


def my_groups(request):
    return HttpResponse("TODO")
