"""Model-free helpers the apps may import: text rendering and sanitizing
(text.py), image checks and re-encoding (images.py), pagination (pagination.py),
absolute addresses and script-safe JSON (web.py) and the embedded development
database (devdb.py). Nothing here imports an app."""
