# Views are split by area: browse (search and places), detail (the group page),
# membership (join, leave, my groups) and manage (listing and organizer tools).
