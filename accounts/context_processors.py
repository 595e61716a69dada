from accounts.models import CrisisResource


def crisis_resources(request):
    """The resources the crisis panel lists (includes/crisis_panel.html), as a
    lazy queryset: a page runs the query only when it shows the panel."""
    return {"crisis_resources": CrisisResource.objects.international()}
