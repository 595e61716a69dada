"""Demo and benchmark content: `manage.py seed_demo` and `manage.py bench_data`.

The content itself is data in ``data/`` (articles as Markdown with TOML front
matter, groups, people and discussions as TOML), read by ``content.py``. Nothing in
the apps imports this package."""
