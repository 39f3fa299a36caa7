"""Response headers: nothing the app renders is stored by a browser or proxy, and every response carries a
Content-Security-Policy that allows no inline script or style. The templates are checked to need none."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_no_store(response):
    assert "no-store" in response["Cache-Control"], response["Cache-Control"]


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "agencies:directory",
        "agencies:toolkit",
        "nominals:nominal-list",
        "nominals:search",
        "protocols:register",
        "notifications:inbox",
    ],
)
def test_signed_in_pages_are_not_stored(client, analyst, name):
    client.force_login(analyst)

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_no_store(response)


def test_api_responses_are_not_stored(client, analyst):
    client.force_login(analyst)

    assert_no_store(client.get("/api/me/"))
    assert_no_store(client.get("/api/nominals/"))


def test_token_answers_are_not_stored(client, analyst, password):
    credentials = {"email": analyst.email, "password": password}
    issued = client.post("/api/auth/token/", credentials, content_type="application/json")
    assert_no_store(issued)  # the token itself

    response = client.get("/api/nominals/", HTTP_AUTHORIZATION=f"Token {issued.json()['token']}")

    assert response.status_code == 200
    assert_no_store(response)


def test_signed_out_answers_are_not_stored_either(client):
    assert_no_store(client.get(reverse("accounts:sign-in")))
    assert_no_store(client.get("/api/nominals/"))
    assert_no_store(client.get("/no-such-page/"))


def test_static_files_stay_cacheable(client):
    response = client.get(settings.STATIC_URL + "css/app.css")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_pages_and_the_api_send_a_policy_without_inline_code(client, analyst):
    client.force_login(analyst)

    for response in (client.get(reverse("home")), client.get(reverse("accounts:sign-in")), client.get("/api/me/")):
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_api_answers_json_not_the_browsable_html(client, analyst):
    client.force_login(analyst)

    response = client.get("/api/me/", HTTP_ACCEPT="text/html")

    assert response["Content-Type"] == "application/json"


# An executable <script> without src, a style attribute or block, an inline event handler, or a
# javascript: URL: each would need 'unsafe-inline' (or 'unsafe-hashes').
INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE),
    re.compile(r"<style\b", re.IGNORECASE),
    re.compile(r"\sstyle\s*=", re.IGNORECASE),
    re.compile(
        r"\son(?:click|dblclick|change|input|submit|reset|invalid|load|unload|error|abort|focus\w*|blur|select"
        r"|key\w+|mouse\w+|pointer\w+|touch\w+|drag\w*|drop|scroll\w*|wheel|resize|toggle|contextmenu|copy|cut"
        r"|paste|animation\w+|transition\w+|before\w+|after\w+|hashchange|popstate|message|page\w+)\s*=",
        re.IGNORECASE,
    ),
    re.compile(r"javascript:", re.IGNORECASE),
    # htmx attributes that evaluate JavaScript.
    re.compile(r"\s(?:data-)?hx-(?:on|vars)\b", re.IGNORECASE),
]


# Template comments and tags are not HTML: "{% include ... with style=x %}" or a comment that names
# <script> are not inline code.
TEMPLATE_SYNTAX = re.compile(r"{% comment %}.*?{% endcomment %}|{#.*?#}|{%.*?%}|{{.*?}}", re.DOTALL)


def template_files():
    # The project's templates and each app's (templates/ beside an app's code); .venv and node_modules hold none.
    directories = [ROOT / "templates", *ROOT.glob("*/templates")]
    return sorted(path for directory in directories for path in directory.rglob("*.html"))


def test_no_template_has_inline_script_or_style():
    files = template_files()
    assert len(files) > 40

    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)!r}"
        for path in files
        for pattern in INLINE
        for match in pattern.finditer(TEMPLATE_SYNTAX.sub("", path.read_text()))
    ]
    assert not found, "Move these into static files (frontend/):\n" + "\n".join(found)


def test_the_inline_check_finds_what_it_looks_for():
    bad = [
        "<script>alert(1)</script>",
        '<p style="color: red">',
        '<a onclick="go()">',
        "<style>p {}</style>",
        '<a href="javascript:go()">',
        '<div hx-on:click="go()">',
        '<input onchange="go()">',
    ]
    good = [
        '<script src="/static/js/enabled.js"></script>',
        '<script type="application/json" id="x">{}</script>',
        "<p>Only one = the other</p>",
        TEMPLATE_SYNTAX.sub("", '{% include "x.html" with style="wide" %}{# <script>no</script> #}'),
    ]

    assert all(any(pattern.search(html) for pattern in INLINE) for html in bad)
    assert not any(pattern.search(html) for html in good for pattern in INLINE)
