from django.http import HttpResponse


def article_list(request):
    return HttpResponse("TODO")


def article_topic(request, slug):
    return HttpResponse("TODO")


def article_detail(request, slug):
    return HttpResponse("TODO")


def author_detail(request, slug):
    return HttpResponse("TODO")
