"""The register pages' template helpers that stand in for Django's own filters must say the same."""

import datetime

from django.utils.dateformat import format as format_date

from nominals.templatetags.register_pages import day_month_year


def test_day_month_year_is_the_date_filters_j_m_y_for_every_month():
    for month in range(1, 13):
        for day in (datetime.date(1990, month, 1), datetime.date(2004, month, 28)):
            assert day_month_year(day) == format_date(day, "j M Y")
