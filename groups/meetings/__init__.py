"""Meetings: schedules expanded into Meeting rows (generation), organizers'
changes to one meeting (changes), and RSVPs with seats and a waitlist (rsvp).
This package is the one owner of Meeting rows and their seat counts: views, the
admin, the demo loader and tests all go through it."""
