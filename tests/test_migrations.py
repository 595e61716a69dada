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
from django.contrib.postgres.operations import AddConstraintNotValid
from django.db import connection, migrations
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations.special import SeparateDatabaseAndState

from tests.conftest import concurrent

# Our apps: those whose code lives in this repository.
OUR_APPS = ("accounts", "groups", "articles")
# Tables that grow with the site: a migration must not lock them for long, as it
# runs while the previous release still serves (README "Upgrades").
BIG_TABLES = {
    ("accounts", "user"),
    ("accounts", "notification"),
    ("accounts", "emaildelivery"),
    ("groups", "group"),
    ("groups", "membership"),
    ("groups", "meeting"),
    ("groups", "rsvp"),
    ("articles", "comment"),
    ("articles", "commenthelpful"),
}


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


def database_operations(operations):
    for operation in operations:
        if isinstance(operation, SeparateDatabaseAndState):
            yield from database_operations(operation.database_operations)
        else:
            yield operation


def locking_operations(app: str, migration) -> list[str]:
    """What in the migration holds a lock on a big existing table while it reads
    every row (index builds, constraint checks, foreign keys)."""
    created = {
        operation.name_lower
        for operation in migration.operations
        if isinstance(operation, migrations.CreateModel)
    }
    found = []
    for operation in database_operations(migration.operations):
        model = getattr(operation, "model_name_lower", None)
        if (app, model) not in BIG_TABLES or model in created:
            continue
        if type(operation) is migrations.AddIndex:
            found.append(f"{operation.describe()}: use AddIndexConcurrently")
        elif isinstance(operation, migrations.AddConstraint) and not isinstance(
            operation, AddConstraintNotValid
        ):
            found.append(
                f"{operation.describe()}: use AddConstraintNotValid then "
                "ValidateConstraint (a unique one: a unique index built concurrently)"
            )
        elif isinstance(operation, migrations.AddField) and (
            operation.field.is_relation and operation.field.db_index
        ):
            found.append(
                f"{operation.describe()}: a foreign key's index and constraint are "
                "built under lock; add the column without them first"
            )
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


@pytest.mark.parametrize(
    "key", [key for key, _migration in our_migrations()], ids="/".join
)
def test_no_migration_locks_a_big_table_or_it_says_why(key):
    migration = dict(our_migrations())[key]
    module = sys.modules[type(migration).__module__]
    if getattr(module, "LOCKS_OK_BECAUSE", "").strip():
        return
    locking = locking_operations(key[0], migration)
    assert not locking, (
        f"{key[0]}/{key[1]} would lock a big table while the old release serves: "
        f"{locking}. Or set LOCKS_OK_BECAUSE = '...' in the file to say why not."
    )


def test_a_locking_step_on_a_big_table_is_caught():
    from django.contrib.postgres.operations import AddIndexConcurrently
    from django.db import models

    index = models.Index(fields=["starts_at"], name="groups_meeting_x")
    check = models.CheckConstraint(
        condition=models.Q(capacity__gt=0), name="groups_meeting_y"
    )

    class Locks(migrations.Migration):
        operations = [
            migrations.AddIndex("meeting", index),
            migrations.AddConstraint("meeting", check),
            migrations.AddIndex("schedule", index),  # not a big table
        ]

    class DoesNot(migrations.Migration):
        atomic = False
        operations = [
            AddIndexConcurrently("meeting", index),
            AddConstraintNotValid("meeting", check),
        ]

    assert len(locking_operations("groups", Locks("x", "groups"))) == 2
    assert locking_operations("groups", DoesNot("y", "groups")) == []


def test_a_migration_with_a_one_way_step_is_caught():
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
