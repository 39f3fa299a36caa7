"""Writes of the register: nominals with their aliases and identifiers, custody, transfers, supervision and
orders; OCGs and memberships; entities and their links; associations (need-to-know grants on nominals
and OCGs are given through the register kit: records.services).

Who may write: the owning agency's register staff (access.is_owner_staff) for its own items.
Anything else a write refers to (the nominal joining an OCG, the two nominals of an association, the
nominal an entity is linked to) must be visible to the actor through the access engine, and a refusal
says no more than "choose another", so an error never reveals an item the actor may not see.
Every service validates everything first and raises one ValidationError with all field problems;
nothing is half-saved.

Every write is logged (DPA 2018 s62: collection and alteration, not only consultation) by one access log
entry in the write's own transaction, so a refused or failed write logs nothing: CREATE or ALTER (GRANT
and REVOKE for need-to-know grants) on the register item whose data changed, from the caller's
`surface`. A custody episode, transfer, supervision or order is logged on its nominal, a membership on
its OCG, an entity link on the nominal or OCG it links to; entities and associations are items
themselves. The entry's query says what changed by field names only, never values: auditors read the
log without necessarily being allowed to see the item. An edit that changes nothing writes nothing
and logs nothing.
"""
