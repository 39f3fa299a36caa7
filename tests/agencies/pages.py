"""What every signed-in page costs, for the pinned query counts of the agency tests."""

# Session, user, the user's roles and agency (header), unread notification count, and saving the
# session's last-seen time (savepoint, update, release).
SIGNED_IN_PAGE_QUERIES = 8
