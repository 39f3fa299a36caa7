"""The API's JSON parser (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]): refuses, with a 400, JSON that no
endpoint accepts and that used to fail deeper down with a 500:

- nesting deeper than MAX_DEPTH (at about a thousand levels the standard library raises RecursionError,
  which DRF's parser does not catch);
- a body that is not an object: every endpoint reads named fields, and `[]`, `"x"`, `1` or `null` reached
  views as something without `.get()`;
- text PostgreSQL cannot store or a database driver cannot encode: the NUL character (\\u0000) and lone
  UTF-16 surrogates (\\ud800), in keys or values.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 32

NOT_AN_OBJECT = "The request body must be a JSON object."
TOO_DEEP = f"JSON nested more than {MAX_DEPTH} levels deep."
BAD_TEXT = "Text must not contain the NUL character (\\u0000) or unpaired surrogates."


def refuse_bad_text(value):
    """ParseError if `value` (a str) cannot be stored as text."""
    if "\x00" in value:
        raise ParseError(BAD_TEXT)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ParseError(BAD_TEXT) from None


def check_json(data):
    """Refuse nesting beyond MAX_DEPTH and text that cannot be stored, without recursion."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            refuse_bad_text(value)
        elif isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise ParseError(TOO_DEEP)
            if isinstance(value, dict):
                for key in value:
                    refuse_bad_text(key)
                stack.extend((item, depth + 1) for item in value.values())
            else:
                stack.extend((item, depth + 1) for item in value)


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        if not isinstance(data, dict):
            raise ParseError(NOT_AN_OBJECT)
        check_json(data)
        return data


def _check_form(data):
    for key, values in data.lists():
        refuse_bad_text(key)
        for value in values:
            if isinstance(value, str):
                refuse_bad_text(value)
    return data


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return _check_form(super().parse(stream, media_type, parser_context))


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        _check_form(result.data)
        return result
