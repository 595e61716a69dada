from django.http import HttpResponse


def group_detail(request, slug):
    return HttpResponse("TODO")
