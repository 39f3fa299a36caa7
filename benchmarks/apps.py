from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    # No models: an app only so that Django finds its management command.
    name = "benchmarks"
