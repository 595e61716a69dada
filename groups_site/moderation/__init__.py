"""/moderation/: the moderators' queue, their actions on people, groups and
comments, and the audit log. Site-wide because it spans every app (articles →
groups → accounts); it holds views only: the rules and every change live in the
apps' services, each writing its accounts.audit entry."""
