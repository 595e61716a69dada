"""/support/: crisis lines by region, international ones first. Default entries
are marked for moderators only."""

from accounts.models import CrisisResource

UNVERIFIED = "Default entry: the site owner should check this"


def test_it_lists_the_default_resources_by_region(client, db):
    response = client.get("/support/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("International") < html.index("United Kingdom")
    assert html.index("United Kingdom") < html.index("United States")
    assert "Find A Helpline" in html
    assert 'href="tel:116123"' in html
    assert "988 Suicide &amp; Crisis Lifeline" in html


def test_it_seeds_every_default_entry_as_unverified(db):
    assert CrisisResource.objects.count() >= 10
    assert not CrisisResource.objects.filter(is_default_unverified=False).exists()


def test_it_shows_the_unverified_mark_to_moderators_only(client, bob, moderator):
    assert UNVERIFIED not in client.get("/support/").content.decode()
    client.force_login(bob)
    assert UNVERIFIED not in client.get("/support/").content.decode()

    client.force_login(moderator)
    html = client.get("/support/").content.decode()

    assert UNVERIFIED in html
    assert 'href="/moderation/resources/"' in html


def test_it_is_linked_from_the_footer(client):
    html = client.get("/safety/").content.decode()

    assert '<a href="/support/">Crisis support</a>' in html


def test_it_costs_one_query_whatever_the_number_of_entries(
    client, db, django_assert_num_queries
):
    CrisisResource.objects.create(name="Extra", helps_with="x", phone="1", region="KE")

    with django_assert_num_queries(1):
        client.get("/support/")


def test_it_writes_nothing_for_a_signed_out_visit(client, db):
    response = client.get("/support/")

    assert "Set-Cookie" not in response.headers
