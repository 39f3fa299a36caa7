"""Nothing outside the access engine reads register items by hand (issue 9).

Every module outside access/, migrations, tests, demo and benchmarks is parsed (ast) and refused if it
reads a registered kind's model by primary key (`Model.objects....get(...)`, `.filter(pk=...)`,
`get_object_or_404(Model, ...)`) or filters anything by a kind's owner field (`owning_agency`,
`lead_agency`, at any depth of a lookup): surfaces fetch with `access.access_get` or DRF's lookup on
`access.access_queryset` / `access.visible`, so that an item the user may not see answers exactly like
a missing one. The kinds and their owner fields are read from the engine's registry, so a new record
kind is checked as soon as it registers its policy.

A failure names the module, the line and the function: fetch through the engine, or, if the read is
one of the few legitimate ones below, add it to ALLOWED with its reason.
"""

import ast
from pathlib import Path

from access.policies import policies

from ..test_architecture import ROOT, _python_files

NOT_CHECKED = {"access", "demo", "benchmarks", "tests"}
PK_LOOKUPS = {"pk", "pk__in", "id", "id__in"}
MANAGERS = {"objects", "_default_manager"}

# "module path:function" -> why it may read register data without the engine.
ALLOWED = {
    # Writes re-reading, under a row lock, an item the service has just checked the actor may change.
    "nominals/services/nominals.py:nominal_update": "re-read under a row lock after require_register_staff",
    "nominals/services/custody.py:custody_episode_add": "re-read under a row lock after require_register_staff",
    "nominals/services/ocgs.py:ocg_update": "re-read under a row lock after require_register_staff",
    # One entity per (owning agency, kind, value): the actor's own agency, whose register staff they are.
    "nominals/services/entities.py:entity_create": "finds the actor's own agency's entity (unique per agency)",
    # A list's "agency" filter, narrowing a queryset the engine has already reduced to what the user sees.
    "nominals/selectors/nominals.py:filter_nominals": "the FilterSet's agency filter on access.visible's queryset",
    "nominals/selectors/ocgs.py:filter_ocgs": "the FilterSet's agency filter on access.visible's queryset",
    # Protocols, not register items: Protocol.lead_agency has the name of the OCG's owner field.
    "protocols/worklist.py:reviews_and_endings": "the user's agency's protocols (Protocol.lead_agency)",
}


def _register_models():
    """{model class name: {owner field, owner id}} of every registered kind."""
    return {policy.model.__name__: {policy.owner_field, policy.owner_id} for policy in policies()}


def _chain_root(node):
    """The name at the root of a chain of attributes and calls (`Nominal` in Nominal.objects.filter().get),
    and whether a manager (`.objects`) hangs off it."""
    manager = False
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            manager = manager or node.attr in MANAGERS
            node = node.value
        else:
            return (node.id if isinstance(node, ast.Name) else None), manager


def _offences(path, models, owner_fields):
    tree = ast.parse((ROOT / path).read_text(), filename=str(path))
    functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]

    def function_of(node):
        enclosing = [f for f in functions if f.lineno <= node.lineno <= (f.end_lineno or f.lineno)]
        return max(enclosing, key=lambda f: f.lineno).name if enclosing else "<module>"

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        what = None
        keywords = {keyword.arg for keyword in node.keywords if keyword.arg}
        if isinstance(node.func, ast.Attribute):
            root, manager = _chain_root(node.func.value)
            if root in models and manager:
                if node.func.attr == "get":
                    what = f"{root}.objects...get()"
                elif node.func.attr in ("filter", "exclude") and keywords & PK_LOOKUPS:
                    what = f"{root}.objects...{node.func.attr}(pk=...)"
        elif isinstance(node.func, ast.Name) and node.func.id == "get_object_or_404" and node.args:
            root, _manager = _chain_root(node.args[0])
            if root in models:
                what = f"get_object_or_404({root}...)"
        is_filter = (isinstance(node.func, ast.Attribute) and node.func.attr in ("filter", "exclude", "get")) or (
            isinstance(node.func, ast.Name) and node.func.id == "Q"
        )
        if what is None and is_filter:
            by_owner = sorted(k for k in keywords if set(k.split("__")) & owner_fields)
            if by_owner:
                what = f"a filter on the owner ({', '.join(by_owner)})"
        if what is not None:
            yield f"{path}:{function_of(node)}", node.lineno, what


def _checked_modules():
    for path in _python_files():
        if len(path.parts) > 1 and path.parts[0] not in NOT_CHECKED and "migrations" not in path.parts:
            yield path


def _all_offences():
    models = _register_models()
    owner_fields = set().union(*models.values())
    return [offence for path in _checked_modules() for offence in _offences(path, models, owner_fields)]


def test_register_items_are_read_through_the_engine():
    offences = [
        f"{where.split(':')[0]}:{line} ({where.split(':')[1]}) {what}"
        for where, line, what in _all_offences()
        if where not in ALLOWED
    ]
    assert not offences, "Register data read by hand (fetch through the access engine):\n" + "\n".join(offences)


def test_the_allowlist_names_only_what_is_still_there():
    """So that it shrinks as the reads it names go."""
    found = {where for where, _line, _what in _all_offences()}
    assert not sorted(set(ALLOWED) - found), "remove from ALLOWED, no longer read by hand"


def test_the_check_sees_the_reads_it_refuses(tmp_path, monkeypatch):
    """The check itself: each refused shape is found, the engine's own fetches are not."""
    source = """
def by_hand(pk, agency):
    Nominal.objects.filter(pk=pk).first()
    Nominal.objects.select_related("owning_agency").get(pk=pk)
    get_object_or_404(OCG, pk=pk)
    queryset.filter(owning_agency_id=agency)
    Entity.objects.exclude(Q(owning_agency__name="x"))

def through_the_engine(user, pk):
    access.access_get(user, Nominal.objects.select_related("owning_agency"), pk)
    access.visible(user, Nominal.objects.all()).filter(category="x")
    Nominal.objects.select_related("owning_agency")
    CustodyEpisode.objects.filter(pk=pk, nominal=nominal).first()
"""
    module = Path("example.py")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    (tmp_path / module).write_text(source)
    models = _register_models()
    found = [(line, what) for _where, line, what in _offences(module, models, set().union(*models.values()))]
    assert sorted(line for line, _what in found) == [3, 4, 5, 6, 7], found
