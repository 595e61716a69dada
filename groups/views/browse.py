from django.http import HttpResponse


def group_list(request):
    return HttpResponse("TODO")


def place_autocomplete(request):
    return HttpResponse("TODO")
