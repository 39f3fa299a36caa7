import pytest
from django.test import RequestFactory
from django.urls import reverse

from ocgshare.links import url_maker


def test_the_url_is_the_one_reverse_gives_for_each_pk():
    make = url_maker("nominals:nominal-detail")
    for pk in (1, 42, 123456789):
        assert make(pk) == reverse("nominals:nominal-detail", args=[pk])


def test_with_a_request_the_url_is_absolute_as_drf_gives_it():
    request = RequestFactory().get("/api/nominals/", secure=True)
    make = url_maker("nominal-detail", request=request)
    assert make(7) == request.build_absolute_uri(reverse("nominal-detail", kwargs={"pk": 7}))
    assert make(7) == "https://testserver/api/nominals/7/"


def test_only_integers_go_into_the_url():
    make = url_maker("nominals:ocg-detail")
    assert make("12") == reverse("nominals:ocg-detail", args=[12])
    with pytest.raises(ValueError):
        make("12/../x")
