"""The API's JSON renderer (REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"]): DRF's JSONRenderer, with the
encoding done by orjson. DRF's renderer encodes with the standard library's `json` and a Python
`default` method for every value it does not know; a list of 50 nominals spent about a millisecond of
its request there, orjson a tenth of that (benchmarks/README.md).

The bytes are DRF's, for what the API sends: compact separators, UTF-8 text unescaped (UNICODE_JSON),
\\u2028 and \\u2029 escaped as DRF escapes them, the same key order, and DRF's own encoder
(`rest_framework.utils.encoders.JSONEncoder.default`) for every value orjson does not know — Decimal,
lazy translation strings, QuerySets, generators, bytes, IP addresses — and for datetime, date and time
(orjson's own formats differ: DRF writes a zero UTC offset as "Z"). Whatever orjson refuses (an integer
beyond 64 bits, a dict key that is not a str, nesting beyond 254 levels, a lone surrogate) is rendered
by DRF's renderer, so it renders as before, or fails as before. So do the renderings orjson cannot do at
all: an indent asked for (`Accept: application/json; indent=4`) and settings that are not DRF's defaults
(COMPACT_JSON, UNICODE_JSON).

Two differences remain, both in floats, which no API serializer emits (the API has no float or decimal
field): a float below 1e-4 is written positionally (0.00001, where Python writes 1e-05 — the same number
to any JSON parser), and NaN or an infinity is written null where DRF, with STRICT_JSON, raises (a 500).
"""

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

# DRF escapes these two (valid JSON, but not valid JavaScript string literals before ES2019).
_LINE_SEPARATOR = "\u2028".encode()
_PARAGRAPH_SEPARATOR = "\u2029".encode()

# datetime, date and time go to DRF's encoder (its formats); dataclasses too (DRF refuses them, orjson
# would serialize them).
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS

# DRF's encoder's `default`, for every value orjson does not know or is told to pass through.
_default = JSONEncoder().default


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSONRenderer, encoding with orjson: the same bytes (see the module's docstring)."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if not self.compact or self.ensure_ascii or self.get_indent(accepted_media_type, renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            rendered = orjson.dumps(data, default=_default, option=_OPTIONS)
        except orjson.JSONEncodeError:
            # DRF's rendering, or its error. (A generator in `data` was consumed by the attempt: the
            # API's responses hold none.)
            return super().render(data, accepted_media_type, renderer_context)
        if _LINE_SEPARATOR in rendered or _PARAGRAPH_SEPARATOR in rendered:
            rendered = rendered.replace(_LINE_SEPARATOR, b"\\u2028").replace(_PARAGRAPH_SEPARATOR, b"\\u2029")
        return rendered
