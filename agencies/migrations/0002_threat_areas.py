"""Creates the ten SOC threat areas as rows (reference data every environment needs)."""

from django.db import migrations

THREAT_AREAS = [
    ("child_sexual_abuse", "Child sexual abuse"),
    ("modern_slavery", "Modern slavery and human trafficking"),
    ("organised_immigration_crime", "Organised immigration crime"),
    ("illegal_drugs", "Illegal drugs"),
    ("illegal_firearms", "Illegal firearms"),
    ("organised_acquisitive_crime", "Organised acquisitive crime"),
    ("cyber_crime", "Cyber crime"),
    ("fraud", "Fraud"),
    ("money_laundering", "Money laundering"),
    ("bribery_corruption_sanctions", "Bribery, corruption and sanctions evasion"),
]


def create_threat_areas(apps, schema_editor):
    ThreatArea = apps.get_model("agencies", "ThreatArea")
    for code, name in THREAT_AREAS:
        ThreatArea.objects.update_or_create(code=code, defaults={"name": name})


def delete_threat_areas(apps, schema_editor):
    apps.get_model("agencies", "ThreatArea").objects.filter(code__in=[c for c, _ in THREAT_AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("agencies", "0001_initial")]

    operations = [migrations.RunPython(create_threat_areas, delete_threat_areas)]
