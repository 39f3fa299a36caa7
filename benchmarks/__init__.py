"""The register benchmark (`manage.py bench_register`), measuring the register's pages and API on
PostgreSQL over the synthetic data set of demo.synthetic. No domain app imports it."""
