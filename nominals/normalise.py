"""Normal forms of identifiers and entity values, so the same person, address or vehicle recorded by two
agencies (or typed two ways) compares equal. Used by the models' clean() and by search."""

import re

from .constants import EntityKind

POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b")
VRM_RE = re.compile(r"^[A-Z0-9]{2,8}$")
PHONE_RE = re.compile(r"^\+\d{8,15}$")


def normalise_identifier(value):
    """Upper case without spaces: 01/123456x → 01/123456X, a1234 bc → A1234BC."""
    return re.sub(r"\s+", "", value or "").upper()


def _collapse(value):
    return re.sub(r"\s+", " ", value or "").strip()


def _address(value):
    text = _collapse(value).upper()
    match = POSTCODE_RE.search(text)
    if not match:
        return text, "Enter the address with its postcode, like NT1 2AB, 1 High Street"
    postcode = f"{match.group(1)} {match.group(2)}"
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,")
    first_line = _collapse(rest.split(",")[0]) if rest else ""
    if not first_line:
        return postcode, "Enter the first line of the address as well as the postcode"
    return f"{postcode}, {first_line}", ""


def _vehicle(value):
    vrm = re.sub(r"[\s-]+", "", value or "").upper()
    if not VRM_RE.match(vrm):
        return vrm, "Enter a vehicle registration mark of 2 to 8 letters and numbers, like AB12 CDE"
    return vrm, ""


def _phone(value):
    raw = (value or "").strip().replace("(0)", "")
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        number = f"+{digits}"
    elif digits.startswith("00"):
        number = f"+{digits[2:]}"
    elif digits.startswith("0"):
        number = f"+44{digits[1:]}"
    else:
        number = f"+{digits}" if digits else ""
    if not PHONE_RE.match(number):
        return number, "Enter a phone number, like 07700 900123 or +44 7700 900123"
    return number, ""


def _business(value):
    name = _collapse(value).upper().rstrip(".")
    name = re.sub(r"\bLIMITED$", "LTD", name)
    if not name:
        return name, "Enter the business name"
    return name, ""


def _bank_account(value):
    digits = re.sub(r"\D", "", value or "")
    if len(digits) != 14:
        return digits, "Enter the 6-digit sort code and 8-digit account number, like 12-34-56 12345678"
    return f"{digits[0:2]}-{digits[2:4]}-{digits[4:6]} {digits[6:]}", ""


NORMALISERS = {
    EntityKind.ADDRESS: _address,
    EntityKind.VEHICLE: _vehicle,
    EntityKind.PHONE: _phone,
    EntityKind.BUSINESS: _business,
    EntityKind.BANK_ACCOUNT: _bank_account,
}


def normalise_entity_value(kind, value):
    """(normalised value, error message or "") for an entity of `kind`."""
    if not (value or "").strip():
        return "", "Enter the value"
    return NORMALISERS[kind](value)
