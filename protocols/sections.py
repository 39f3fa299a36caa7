"""The sections of a protocol as readable text, and what a protocol changed from its template: the
list of changed sections (stored on the protocol) and a word-level diff for its page."""

import difflib
import re
from dataclasses import dataclass

from ocgshare.constants import InformationCategory

from .constants import LegalBasis


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    fields: tuple


SECTIONS = (
    Section("purposes", "Purposes", ("purposes",)),
    Section("legal_bases", "Legal bases", ("legal_bases", "legal_basis_other")),
    Section("data_categories", "Categories of information", ("data_categories",)),
    Section("security_requirements", "Security requirements", ("security_requirements",)),
    Section("retention_and_disposal", "Retention and disposal", ("retention_and_disposal",)),
    Section("breach_contacts", "Breach reporting and contacts", ("breach_contacts",)),
    Section("individuals_rights", "Handling of individuals' rights", ("individuals_rights",)),
    Section("review_interval_months", "Review interval", ("review_interval_months",)),
)
SECTION_FIELDS = tuple(field for section in SECTIONS for field in section.fields)


def _labels(codes, choices):
    labels = dict(choices)
    # In the order of the vocabulary, so re-ticking the same boxes is not a change.
    return [labels[code] for code in labels if code in codes]


def section_text(obj, key):
    """A section of a template or protocol as plain text, one item per line."""
    if key == "legal_bases":
        lines = _labels(obj.legal_bases, LegalBasis.choices)
        if obj.legal_basis_other.strip():
            lines.append(obj.legal_basis_other.strip())
        return "\n".join(lines)
    if key == "data_categories":
        return "\n".join(_labels(obj.data_categories, InformationCategory.choices))
    if key == "review_interval_months":
        months = obj.review_interval_months
        return f"Every {months} month{'s' if months != 1 else ''}"
    return _normalise(getattr(obj, key))


def _normalise(text):
    return "\n".join(line.rstrip() for line in (text or "").strip().replace("\r\n", "\n").split("\n"))


def changed_section_keys(protocol, template):
    return [s.key for s in SECTIONS if section_text(protocol, s.key) != section_text(template, s.key)]


@dataclass(frozen=True)
class Chunk:
    """A run of text in a diff: `op` is "equal", "insert" or "delete"."""

    op: str
    text: str


@dataclass(frozen=True)
class SectionDiff:
    key: str
    label: str
    text: str
    changed: bool
    chunks: tuple


_TOKENS = re.compile(r"\s+|[^\s]+")


def diff_chunks(old, new):
    """Word-level differences from `old` to `new`; whitespace is kept so line breaks survive."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    chunks = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            chunks.append(Chunk("equal", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                chunks.append(Chunk("delete", "".join(a[i1:i2])))
            if j2 > j1:
                chunks.append(Chunk("insert", "".join(b[j1:j2])))
    return tuple(chunks)


def section_diffs(protocol):
    """Each section of the protocol beside its template's wording."""
    template = protocol.template
    diffs = []
    for section in SECTIONS:
        old, new = section_text(template, section.key), section_text(protocol, section.key)
        changed = old != new
        diffs.append(
            SectionDiff(
                key=section.key,
                label=section.label,
                text=new,
                changed=changed,
                chunks=diff_chunks(old, new) if changed else (),
            )
        )
    return diffs
