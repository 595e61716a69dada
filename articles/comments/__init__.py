"""The discussion under an article. One word, one thing:

- tree.py: THE owner of the comment tree's invariant (ids, path, root, depth,
  reply_count, descendant_count, locking a line, the discussion's cache version).
- rules.py: what she may do and what a comment's text may be (no queries but
  posting_problem); forms and template tags read it.
- posting.py: post, edit, delete, mark helpful, report; account deletion/export.
- mentions.py: @mentions and the notifications a comment sends.
- moderation.py: approve a held comment, hide, restore.
- reading.py: a page of threads, where a comment is, the signed-out cache.
- screening.py: what a text holds (personal data, watched words, crisis
  language), no queries; watched.py: the watched words and what posting does
  with a screening (refuse, flag).
- hiding.py: hiding an anonymous comment's author without learning who it is.

Imports point one way: reading -> forms -> rules; posting/moderation -> mentions,
tree, rules; tree -> models."""
