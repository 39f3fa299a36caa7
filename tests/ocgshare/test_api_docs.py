"""/api/docs/: Swagger UI from the app's own static files, in the site layout with the security marking,
its initialiser a script of its own (the CSP allows no inline script), and sign-in for people."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

DOCS = "/api/docs/"


def test_a_signed_out_visitor_is_sent_to_sign_in_and_back(client):
    response = client.get(DOCS)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/api/docs/"


def test_the_page_is_in_the_site_layout_with_its_marking(client, analyst):
    client.force_login(analyst)

    response = client.get(DOCS)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(f">{settings.DEFAULT_SECURITY_MARKING}</div>") == 2
    assert "<title>API documentation – OCG Share</title>" in html
    assert 'data-testid="header-user"' in html
    assert "no-store" in response["Cache-Control"]


def test_swagger_ui_comes_from_the_app_not_a_cdn(client, analyst):
    client.force_login(analyst)

    html = client.get(DOCS).content.decode()

    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    swagger = [url for url in assets if "swagger-ui" in url]
    assert len(swagger) == 3  # stylesheet, bundle, standalone preset
    for url in swagger:
        assert url.startswith(settings.STATIC_URL), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url
    assert not [url for url in assets if url.startswith(("http:", "https:", "//"))]


def test_the_initialiser_is_served_as_a_script(client, analyst):
    client.force_login(analyst)

    html = client.get(DOCS).content.decode()
    (script_url,) = re.findall(r'<script src="(/api/docs/\?[^"]*)"', html)
    response = client.get(script_url.replace("&amp;", "&"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    body = response.content.decode()
    assert "SwaggerUIBundle(" in body
    assert '"/api/schema/"' in body
    assert '"validatorUrl": null' in body
