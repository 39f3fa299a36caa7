"""Pages of the nominal and OCG register (/register/): lists, search, detail pages, the forms that change
the register and the tier-3 prison hotspots (need-to-know grant pages and the pages' helpers are the
register kit's: records.views, records.pages).

Thin: reads come from nominals.selectors (so from the access engine), writes go through nominals.services,
and a page renders the dict the API serializer builds for the viewer's tier — a field the serializer left
out cannot appear on a page. Every page that shows register items writes one access log entry per
request through audit.services.log_page_read, as the API does for its reads: lists, search, details, the
duplicate warning, and the forms that show an item (its edit form, or its name above a form adding to
it). Refusals: 403 for a signed-in user whose roles do not reach
the page or who may see an item but not change it, 404 for an item they may not see (the same answer as
for one that does not exist).
"""
