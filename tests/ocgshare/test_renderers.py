"""The API's renderer (ocgshare.renderers) writes the bytes DRF's JSONRenderer writes."""

import datetime
import decimal
import ipaddress
import uuid
import zoneinfo
from dataclasses import dataclass

import pytest
from django.utils.translation import gettext_lazy
from rest_framework import renderers as drf_renderers
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from ocgshare.renderers import JSONRenderer

LONDON = zoneinfo.ZoneInfo("Europe/London")

PAYLOADS = {
    "empty object": {},
    "empty list": [],
    "scalars": {"none": None, "true": True, "false": False, "zero": 0, "negative": -17, "text": ""},
    "large ints": [2**53 + 1, 2**63 - 1, 2**63, 2**64 - 1, -(2**63)],
    "beyond 64 bits": {"n": 2**64, "m": -(2**70)},
    "non-ASCII text": {"surname": "Ó Súilleabháin", "forenames": "Zoë Łukasz", "city": "Köln €", "emoji": "😀"},
    "escapes": {"quote": 'a"b', "backslash": "a\\b", "controls": "\x00\x01\x08\x0c\n\r\t\x1f\x7f", "slash": "a/b"},
    "line separators": {"text": "before\u2028between\u2029after"},
    "dates and times": {
        "date": datetime.date(2024, 2, 29),
        "utc": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        "utc micro": datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=datetime.UTC),
        "london winter": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=LONDON),
        "london summer": datetime.datetime(2024, 7, 2, 3, 4, 5, 7, tzinfo=LONDON),
        "naive": datetime.datetime(2024, 1, 2, 3, 4, 5),
        "time": datetime.time(13, 14, 15, 16),
        "timedelta": datetime.timedelta(days=1, seconds=3, microseconds=5),
    },
    "decimals": [decimal.Decimal("1.10"), decimal.Decimal("0"), decimal.Decimal("-12345.678"), decimal.Decimal("1e3")],
    "floats": [0.1, 1.0, -0.0, 3.14159, 1e16, 1.5e300, 123456.789],
    "other types": {
        "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "lazy": gettext_lazy("Not found."),
        "bytes": b"abc",
        "ip": ipaddress.ip_address("10.0.0.1"),
        "tuple": (1, "two", None),
        "generator": (n * n for n in range(3)),
        "keys view": {"a": 1, "b": 2}.keys(),
    },
    "nested": {
        "results": [
            {"id": 1, "aliases": [{"surname": "Smith", "forenames": ""}], "risk": {"n": [1, [2, [3]]]}},
            {"id": 2, "aliases": [], "risk": None, "ocgs": [{"id": 9, "name": "Brûlé"}]},
        ],
        "next": "http://testserver/api/nominals/?cursor=cD0yMDI0",
        "previous": None,
    },
    "DRF's containers": ReturnDict({"a": ReturnList([1, 2], serializer=None)}, serializer=None),
    "int keys": {1: "one", 2: "two"},
}


def drf_bytes(data, accepted_media_type=None):
    return drf_renderers.JSONRenderer().render(data, accepted_media_type, {})


@pytest.mark.parametrize("name", PAYLOADS)
def test_the_bytes_are_drfs(name):
    # Built twice: a generator is consumed by rendering.
    ours = JSONRenderer().render(PAYLOADS[name])
    if name == "other types":
        PAYLOADS[name]["generator"] = (n * n for n in range(3))
    assert ours == drf_bytes(PAYLOADS[name])


def test_an_indent_asked_for_is_drfs():
    data = PAYLOADS["nested"]
    media_type = "application/json; indent=4"
    assert JSONRenderer().render(data, media_type) == drf_bytes(data, media_type)


def test_nothing_renders_as_nothing():
    assert JSONRenderer().render(None) == b""


@pytest.mark.parametrize(
    "data",
    [
        {"time": datetime.time(1, 2, tzinfo=datetime.UTC)},  # DRF refuses aware times
        {"thing": object()},
        {"range": range(3)},  # DRF tries dict(range) and gives up
        {"thing": dataclass(type("Point", (), {"__annotations__": {"x": int}}))(x=1)},
    ],
    ids=["aware time", "unknown object", "range", "dataclass"],
)
def test_what_drf_refuses_is_refused_the_same_way(data):
    with pytest.raises(Exception) as drf_error:
        drf_bytes(data)
    with pytest.raises(type(drf_error.value)):
        JSONRenderer().render(data)


def test_the_media_type_and_charset_are_drfs():
    assert JSONRenderer.media_type == drf_renderers.JSONRenderer.media_type == "application/json"
    assert JSONRenderer.charset is drf_renderers.JSONRenderer.charset is None
    assert JSONRenderer.format == "json"


def test_a_float_differs_only_in_how_it_is_written():
    # The documented difference: orjson writes small floats positionally; the number is the same.
    import json

    ours, drfs = JSONRenderer().render([1e-05]), drf_bytes([1e-05])
    assert ours == b"[0.00001]" and drfs == b"[1e-05]"
    assert json.loads(ours) == json.loads(drfs)


@pytest.mark.django_db
def test_the_api_renders_with_it(client, django_user_model):
    # An API error response goes through the default renderer.
    response = client.get("/api/nominals/")
    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/json"
    assert response.content == drf_bytes(response.json())
