"""Writes of protocols, by what they do: drafting (creation from the template, local edits), parties,
signatures, lifecycle (suspension, reinstatement, renewal, review, the calendar's transitions), the
django-guardian grants an active protocol holds, agency groups, and reminders; common holds what
several share (row locks, status, notifications, action keys).

Lifecycle: draft → awaiting signatures → active → suspended or expired. A protocol becomes active
when the last party signs and today is within its dates (or, if its start date is still to come,
when `protocol_refresh_status` runs on that date). Suspension is reversed by reinstatement; an
expired protocol is renewed by giving it new dates, which returns it to draft so the parties sign
the new term.

Grants: while a protocol is active, each party agency's group holds one
`receive_tier<N>_<category>` permission on the protocol per category the party may receive
(ProtocolGroupObjectPermission rows). Activating or stopping a protocol therefore writes or deletes
exactly parties × categories rows, however many records are released under it.
"""
