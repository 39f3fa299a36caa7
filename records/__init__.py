"""The register kit: what every record kind (nominals and OCGs today; intelligence and targets next) shares,
so that a new kind plugs in rather than copies.

* Tiered serializers (records.serializers.TieredSerializer) that drop the fields above the viewer's tier,
  read from the kind's access Policy (`tier_fields`), and their API schema (records.schema).
* Need-to-know grants: the grant tables' shape (abstract models in records.models; each kind keeps its own
  two concrete tables), the services and selectors that give, revoke and list them for any kind whose
  Policy names grant models, their API actions (records.api.GrantsMixin) and pages (records.views).
* The record pages' helpers (records.pages): rendering with the access log check, the reader check,
  the "what you are seeing and why" panel and the child-form page pattern.

The kit has no tables of its own and knows no record kind by name: it finds each through the access
engine's registry (access.policy_for) and, for pages, through records.pages.register_pages.
"""
