"""What every signed-in page costs, for the pinned query counts of the agency tests."""

# Session, user with their agency, roles and groups (header), unread notification count, and, on the
# session's first request as here, saving its last-seen time (savepoint, update, release).
SIGNED_IN_PAGE_QUERIES = 6
