"""Upgrades: every migration of ours can be undone (or says why not), and the
project's apps migrate to zero and back on a real database.

A migration that cannot be reversed declares it at module level:

    IRREVERSIBLE_BECAUSE = "it deletes the old free-text schedules; nothing can
    bring them back"

and the test accepts it. Anything else with an operation that cannot run backwards
(a RunPython without reverse_code, a RunSQL without reverse_sql, or an operation
Django marks irreversible) fails here, so a release can always be rolled back with
`manage.py migrate <app> <previous migration>`.
"""

import sys

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations.special import SeparateDatabaseAndState

from tests.conftest import concurrent

# Our apps: those whose code lives in this repository.
OUR_APPS = ("accounts", "groups", "articles")


def our_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(
        (key, migration)
        for key, migration in loader.disk_migrations.items()
        if key[0] in OUR_APPS
    )


def irreversible_operations(operations):
    """The operations (nested ones included) that cannot run backwards."""
    found = []
    for operation in operations:
        if isinstance(operation, SeparateDatabaseAndState):
            found += irreversible_operations(operation.database_operations)
        elif not operation.reversible:
            found.append(operation)
    return found


def test_it_finds_the_migrations_of_every_app_of_ours():
    apps = {app for (app, _name), _migration in our_migrations()}
    assert apps == set(OUR_APPS)
    assert str(settings.BASE_DIR) in sys.modules["accounts"].__file__


@pytest.mark.parametrize(
    "key", [key for key, _migration in our_migrations()], ids="/".join
)
def test_each_migration_is_reversible_or_says_why_not(key):
    migration = dict(our_migrations())[key]
    module = sys.modules[type(migration).__module__]
    reason = getattr(module, "IRREVERSIBLE_BECAUSE", "")
    stuck = irreversible_operations(migration.operations)
    if reason:
        assert reason.strip(), f"{key}: IRREVERSIBLE_BECAUSE is empty"
        return
    assert not stuck, (
        f"{key[0]}/{key[1]} cannot be reversed: {stuck}. Give RunPython a "
        "reverse_code (RunPython.noop when there is nothing to undo) and RunSQL a "
        "reverse_sql, or set IRREVERSIBLE_BECAUSE = '...' in the file to say why not."
    )


def test_a_migration_with_a_one_way_step_is_caught():
    from django.db import migrations

    one_way = migrations.RunPython(lambda apps, schema_editor: None)
    both_ways = migrations.RunSQL("SELECT 1", "SELECT 1")
    nested = SeparateDatabaseAndState(database_operations=[one_way])
    assert irreversible_operations([both_ways]) == []
    assert irreversible_operations([both_ways, one_way]) == [one_way]
    assert irreversible_operations([nested]) == [one_way]


@concurrent
def test_our_apps_migrate_to_zero_and_back():
    """Every migration of ours runs backwards and forwards again on PostgreSQL
    (the data migrations' reverse code included). The test database ends as it
    began: fully migrated. (The executor, not the migrate command: the command's
    post_migrate signal would seed tables that are gone.)"""
    first = {
        app: min(name for (label, name), _m in our_migrations() if label == app)
        for app in OUR_APPS
    }
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        # accounts is at the root of ours: taking it to zero unapplies everything
        # that depends on it (groups, articles and the third-party tables that
        # point at the user).
        executor.migrate([("accounts", None)])
        executor.loader.build_graph()
        applied = set(executor.loader.applied_migrations)
        assert not applied & set(first.items())
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)
    executor = MigrationExecutor(connection)
    assert not executor.migration_plan(leaves)
