# Views by area: articles.py (the index, topics, authors, an article page),
# posting.py (taking part in a discussion: post, edit, delete, helpful, report),
# reading.py (a thread page and comment permalinks); machine endpoints (feeds,
# sitemaps) live in their own modules.
