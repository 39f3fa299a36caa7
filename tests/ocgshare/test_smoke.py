import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_requires_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302


@pytest.mark.django_db
def test_threat_areas_are_created_by_migration():
    from agencies.models import ThreatArea

    assert ThreatArea.objects.count() == 10
