"""The national template shipped by the data migration, and the diff of a protocol against it."""

import pytest

from ocgshare.constants import InformationCategory
from protocols.constants import LegalBasis
from protocols.models import ProtocolTemplate
from protocols.sections import SECTIONS, diff_chunks, section_text

pytestmark = pytest.mark.django_db


def test_migration_ships_one_current_template_with_every_section_worded():
    template = ProtocolTemplate.objects.get(is_current=True)
    assert ProtocolTemplate.objects.count() == 1
    assert template.section_errors() == {}
    for section in SECTIONS:
        assert len(section_text(template, section.key)) > 10, section.key
    # The three statutory gateways named by the research, plus the UK GDPR route for non-police partners.
    assert set(template.legal_bases) == {
        LegalBasis.CDA_1998_S115,
        LegalBasis.DPA_2018_PART_3,
        LegalBasis.PCSC_2022_S16,
        LegalBasis.OTHER,
    }
    assert "Article 6(1)(e)" in template.legal_basis_other
    assert template.data_categories == list(InformationCategory.values)
    assert template.review_interval_months == 12
    assert "72 hours" in template.breach_contacts
    assert "OFFICIAL-SENSITIVE" in template.security_requirements


def test_section_text_lists_legal_bases_in_vocabulary_order():
    template = ProtocolTemplate.objects.get(is_current=True)
    lines = section_text(template, "legal_bases").split("\n")
    assert lines[:3] == [
        "Crime and Disorder Act 1998, section 115",
        "Data Protection Act 2018, Part 3 (law enforcement processing)",
        "Police, Crime, Sentencing and Courts Act 2022, section 16",
    ]


def test_word_diff_marks_inserted_and_removed_words_only():
    chunks = diff_chunks("Report within 24 hours to the DPO.", "Report within 12 hours to the lead DPO.")
    assert [(c.op, c.text) for c in chunks if c.op != "equal"] == [
        ("delete", "24"),
        ("insert", "12"),
        ("insert", "lead "),
    ]
    assert "".join(c.text for c in chunks if c.op != "delete") == "Report within 12 hours to the lead DPO."
    assert "".join(c.text for c in chunks if c.op != "insert") == "Report within 24 hours to the DPO."
