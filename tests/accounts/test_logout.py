def test_it_asks_before_signing_out(client, alice):
    client.force_login(alice)

    response = client.get("/accounts/logout/")

    # A link or prefetch must not sign her out: GET only shows the button.
    assert response.status_code == 200
    assert 'method="post" action="/accounts/logout/"' in response.content.decode()
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_signs_out_on_post(client, alice):
    client.force_login(alice)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
