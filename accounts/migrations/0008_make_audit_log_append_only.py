"""The audit log can't be edited or deleted, not even from a database shell by
mistake: a trigger refuses UPDATE and DELETE on accounts_auditentry, except the
one change a deleted account makes (its moderator link becomes null; her name
stays in moderator_name)."""

from django.db import migrations

CREATE = """
CREATE FUNCTION accounts_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.moderator_id IS NULL
       AND (NEW.id, NEW.moderator_name, NEW.action, NEW.target_type,
            NEW.target_id, NEW.target_label, NEW.reason, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.moderator_name, OLD.action, OLD.target_type,
            OLD.target_id, OLD.target_label, OLD.reason, OLD.created_at)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The moderation audit log is append-only.';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounts_auditentry_append_only
BEFORE UPDATE OR DELETE ON accounts_auditentry
FOR EACH ROW EXECUTE FUNCTION accounts_auditentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS accounts_auditentry_append_only ON accounts_auditentry;
DROP FUNCTION IF EXISTS accounts_auditentry_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_add_audit_entry"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
