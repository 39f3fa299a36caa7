"""Reading ids from query parameters: the one rule every list filter, page and API uses.

An id is ASCII digits only ("²" and "١" pass `str.isdigit()` but are not ids) and fits the primary-key
column (a BigAutoField, 64-bit signed). A larger number cannot name a row, and SQLite refuses to bind it
("Python int too large to convert to SQLite INTEGER"), so it is treated as no id at all.
"""

MAX_ID = 2**63 - 1


def parse_id(value):
    """`value` (a query parameter, or an int) as a positive id, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= MAX_ID else None
    value = value.strip() if isinstance(value, str) else ""
    # len() first: int() of a very long string of digits is slow (and refused above 4,300 digits).
    if not (value.isascii() and value.isdigit() and len(value) <= len(str(MAX_ID))):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
