"""Demo data, the synthetic data set and the benchmark stay apart from the product: no app that ships
behaviour imports `demo` or `benchmarks` (they depend on the apps, never the other way)."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
APART = {"demo", "benchmarks"}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_app_imports_demo_or_benchmarks():
    project_apps = [
        Path(config.path)
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT and config.name not in APART
    ]
    assert {path.name for path in project_apps} >= {"ocgshare", "agencies", "nominals", "protocols"}
    offenders = sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for app in project_apps
        for path in app.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in APART
    )
    assert not offenders, offenders
