"""REST API of the register: /api/nominals/, /api/ocgs/, /api/entities/, /api/associations/.

Thin: every read goes through nominals.selectors (so through the access engine) and every write through
nominals.services, with the pages' rules. Lists are cursor-paginated on (created_at, id), newest first,
and filtered with the pages' filter parameters. Items the user may not see answer 404, exactly like
items that do not exist; signed-in users without a register role get 403. Every list, search and detail
read is written to the access log with the basis each item was shown on, through
audit.mixins.AuditedReadsMixin (list() and retrieve() log what they return; the other read actions call
`self.log_read`); every write is logged by its service, told it came from the API
(`surface=AccessSurface.API`).
"""
