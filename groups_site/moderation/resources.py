"""/moderation/resources/: the crisis resources on /support/ and in the crisis
panel (accounts.crisis keeps them and writes the audit entries)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts import crisis
from accounts.forms import CrisisResourceForm
from accounts.models import CrisisResource
from groups_site.moderation.access import moderator_required


@moderator_required
def resource_list(request):
    resources = CrisisResource.objects.order_by("region", "order", "name")
    return render(request, "moderation/resource_list.html", {"resources": resources})


@moderator_required
def resource_add(request):
    return _resource_form(request, CrisisResource())


@moderator_required
def resource_edit(request, resource_id):
    return _resource_form(request, get_object_or_404(CrisisResource, pk=resource_id))


def _resource_form(request, resource):
    status = 200
    if request.method == "POST":
        form = CrisisResourceForm(request.POST, instance=resource)
        if form.is_valid():
            saved = crisis.save_resource(form=form, moderator=request.user)
            messages.success(request, f"{saved.name} is saved.")
            return redirect("moderation:resource_list")
        status = 400
    else:
        form = CrisisResourceForm(instance=resource)
    context = {"form": form, "resource": resource}
    return render(request, "moderation/resource_form.html", context, status=status)


@moderator_required
@require_POST
def resource_verify(request, resource_id):
    resource = get_object_or_404(CrisisResource, pk=resource_id)
    crisis.verify_resource(resource=resource, moderator=request.user)
    messages.success(request, f"{resource.name} is marked as checked.")
    return redirect("moderation:resource_list")


@moderator_required
def resource_delete(request, resource_id):
    resource = get_object_or_404(CrisisResource, pk=resource_id)
    if request.method == "POST":
        crisis.delete_resource(resource=resource, moderator=request.user)
        messages.success(request, f"{resource.name} is deleted.")
        return redirect("moderation:resource_list")
    return render(request, "moderation/resource_delete.html", {"resource": resource})
