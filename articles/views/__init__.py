# Views by area: reading (index, topic, author, article) and machine endpoints
# (feeds, sitemaps) live in their own modules.
