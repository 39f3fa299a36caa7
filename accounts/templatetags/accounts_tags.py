"""Template filters of the accounts pages."""

from django import template

register = template.Library()


@register.filter
def duration(value):
    """A timedelta in words, for example "30 minutes" or "1 hour 15 minutes"."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
