def test_it_requires_login(client, db):
    response = client.get("/accounts/export/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/export/"


def test_it_explains_the_export_and_offers_a_post_button(client, alice):
    client.force_login(alice)

    response = client.get("/accounts/export/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'action="/accounts/export/download/"' in page
    assert 'method="post"' in page
    assert "csrfmiddlewaretoken" in page
