"""The access log entry of a write: what changed, by field names only."""

from audit.services import log_access


def _log_change(*, actor, action, surface, obj, what):
    """The s62 log entry of a write; call inside the write's transaction. `what` names what changed
    (fields, or the kind of record added), never a value."""
    log_access(user=actor, action=action, surface=surface, obj=obj, query=what)


def _changed_fields(instance, before):
    """The names in `before` (name -> value before the change) whose value on `instance` differs."""
    return [name for name, value in before.items() if getattr(instance, name) != value]


def _fields_changed(names, *, prefix="fields changed"):
    return f"{prefix}: {', '.join(names)}"
