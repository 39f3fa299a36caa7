"""Domain vocabularies shared by every app (DESIGN.md §3): one definition, used by models, forms,
serializers and filters alike."""

from django.db import models


class ThreatArea(models.TextChoices):
    """The ten threat areas of the 2018 Serious and Organised Crime strategy."""

    CHILD_SEXUAL_ABUSE = "child_sexual_abuse", "Child sexual abuse"
    MODERN_SLAVERY = "modern_slavery", "Modern slavery and human trafficking"
    ORGANISED_IMMIGRATION_CRIME = "organised_immigration_crime", "Organised immigration crime"
    ILLEGAL_DRUGS = "illegal_drugs", "Illegal drugs"
    ILLEGAL_FIREARMS = "illegal_firearms", "Illegal firearms"
    ORGANISED_ACQUISITIVE_CRIME = "organised_acquisitive_crime", "Organised acquisitive crime"
    CYBER_CRIME = "cyber_crime", "Cyber crime"
    FRAUD = "fraud", "Fraud"
    MONEY_LAUNDERING = "money_laundering", "Money laundering"
    BRIBERY_CORRUPTION_SANCTIONS = "bribery_corruption_sanctions", "Bribery, corruption and sanctions evasion"


class InformationCategory(models.TextChoices):
    """What a piece of information is about; protocols grant sharing by these categories."""

    BACKGROUND = "background", "Background"
    LIFESTYLE = "lifestyle", "Lifestyle"
    FINANCIAL = "financial", "Financial"
    RECENT_ACTIVITY = "recent_activity", "Recent activity"
    ENFORCEMENT = "enforcement", "Enforcement and management activity"


class FourP(models.TextChoices):
    """The 4P framework of the SOC strategy."""

    PURSUE = "pursue", "Pursue"
    PREVENT = "prevent", "Prevent"
    PROTECT = "protect", "Protect"
    PREPARE = "prepare", "Prepare"


class SecurityMarking(models.TextChoices):
    """Government Security Classification markings allowed in this system (nothing above OFFICIAL)."""

    OFFICIAL = "OFFICIAL", "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"
