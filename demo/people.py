"""The demo partnership's people: every demo account (in every role, at every vetting level), the
superuser, and the notifications put in some inboxes. The agencies they work for are in demo.agencies.

All names are invented. Every demo account shares DEMO_PASSWORD (listed in the README).
"""

from accounts.models import Role, VettingLevel
from notifications.models import EventType

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - published on purpose: demo accounts only

SC = VettingLevel.SC
CTC = VettingLevel.CTC
BPSS = VettingLevel.BPSS

# Each user: e-mail, full name, agency key, job title, roles, vetting level, and whether they are the
# agency's single point of contact. All names are invented.
USERS = [
    ("pio.northshire@police.example", "Sam Whitfield", "police", "Prison Intelligence Officer, HMP Northshire",
     [Role.PIO], SC, False),
    ("pio.eastmoor@police.example", "Priya Raman", "police", "Prison Intelligence Officer, HMP Eastmoor",
     [Role.PIO], SC, False),
    ("analyst@police.example", "Daniel Okafor", "police", "Intelligence analyst, Serious and Organised Crime Unit",
     [Role.ANALYST], SC, False),
    ("sanitiser@police.example", "Helen Marsh", "police", "Detective Sergeant, intelligence supervisor",
     [Role.SANITISER], SC, False),
    ("lead@police.example", "Mark Bellamy", "police", "Detective Chief Inspector, SOC partnership lead",
     [Role.PARTNERSHIP_LEAD, Role.SPOC], SC, True),
    # Vetted to BPSS only, while CTC clearance is in progress: the access engine serves him everything at
    # tier 2, his own agency's records included (tiers 0 and 1 need CTC).
    ("trainee.analyst@police.example", "Kieran Moss", "police", "Trainee intelligence analyst, awaiting CTC clearance",
     [Role.ANALYST], BPSS, False),
    ("auditor@police.example", "Ruth Keane", "police", "Data protection officer", [Role.AUDITOR], SC, False),
    ("admin@police.example", "Tom Ashworth", "police", "Intelligence systems administrator",
     [Role.AGENCY_ADMIN], SC, False),
    ("security.northshire@prison.example", "Grace Holloway", "hmp_northshire", "Head of security",
     [Role.ANALYST, Role.SPOC], SC, True),
    ("admin.northshire@prison.example", "Neil Pritchard", "hmp_northshire", "Business hub manager",
     [Role.AGENCY_ADMIN], SC, False),
    ("security.eastmoor@prison.example", "Femi Adeyemi", "hmp_eastmoor", "Security and intelligence manager",
     [Role.ANALYST, Role.SPOC], SC, True),
    ("admin.eastmoor@prison.example", "Claire Dunmore", "hmp_eastmoor", "Systems administrator",
     [Role.AGENCY_ADMIN], SC, False),
    ("intelligence@probation.example", "Lucy Brennan", "probation", "Senior probation officer, intelligence lead",
     [Role.ANALYST, Role.SPOC], SC, True),
    ("admin@probation.example", "Imran Siddiqui", "probation", "Regional systems administrator",
     [Role.AGENCY_ADMIN], SC, False),
    ("analyst@rocu.example", "Joanna Pryce", "rocu", "Regional prison intelligence analyst",
     [Role.ANALYST, Role.SANITISER, Role.SPOC], SC, True),
    ("admin@rocu.example", "Gareth Lowe", "rocu", "Intelligence systems administrator",
     [Role.AGENCY_ADMIN], SC, False),
    ("liaison@nca.example", "Oliver Grant", "nca", "Regional liaison officer", [Role.SPOC], SC, True),
    ("admin@nca.example", "Martha Quinn", "nca", "Systems administrator", [Role.AGENCY_ADMIN], SC, False),
    ("spoc@dwp.example", "Rachel Ince", "dwp", "Serious and organised fraud investigator", [Role.SPOC], CTC, True),
    ("admin@dwp.example", "Kevin Doyle", "dwp", "Counter fraud team leader", [Role.AGENCY_ADMIN], CTC, False),
    ("spoc@hmrc.example", "Anita Kaur", "hmrc", "Fraud Investigation Service officer", [Role.SPOC], CTC, True),
    ("admin@hmrc.example", "Paul Henshaw", "hmrc", "Fraud Investigation Service manager",
     [Role.AGENCY_ADMIN], CTC, False),
    ("lead@council.example", "Sarah Fenwick", "council", "Community safety manager",
     [Role.PARTNERSHIP_LEAD, Role.SPOC], CTC, True),
    ("admin@council.example", "David Aspinall", "council", "Information governance lead",
     [Role.AGENCY_ADMIN, Role.AUDITOR], CTC, False),
    ("spoc.housing@council.example", "Emma Thornley", "housing", "Tenancy enforcement officer",
     [Role.SPOC], CTC, True),
    ("admin.housing@council.example", "Chris Newbold", "housing", "Housing systems officer",
     [Role.AGENCY_ADMIN], CTC, False),
    ("spoc.licensing@council.example", "Hannah Royle", "licensing", "Licensing enforcement officer",
     [Role.SPOC], CTC, True),
    ("admin.licensing@council.example", "Ian Whitworth", "licensing", "Licensing manager",
     [Role.AGENCY_ADMIN], CTC, False),
    ("spoc.tradingstandards@council.example", "Zara Hussain", "trading_standards", "Senior trading standards officer",
     [Role.SPOC], CTC, True),
    ("admin.tradingstandards@council.example", "Peter Calloway", "trading_standards", "Trading standards manager",
     [Role.AGENCY_ADMIN], CTC, False),
    ("spoc@homes.example", "Megan Ellery", "housing_association", "Neighbourhood safety lead", [Role.SPOC], CTC, True),
    ("admin@homes.example", "Robert Kinsella", "housing_association", "Head of neighbourhoods",
     [Role.AGENCY_ADMIN], CTC, False),
    ("spoc@immigration.example", "Tariq Mahmood", "immigration", "Immigration compliance and enforcement officer",
     [Role.SPOC], SC, True),
    ("admin@immigration.example", "Louise Barker", "immigration", "Team leader", [Role.AGENCY_ADMIN], SC, False),
    ("spoc@dvla.example", "Owen Rees", "dvla", "Enforcement liaison officer", [Role.SPOC], CTC, True),
    ("admin@dvla.example", "Bethan Morgan", "dvla", "Enforcement manager", [Role.AGENCY_ADMIN], CTC, False),
]  # fmt: skip

SUPERUSER = ("superuser@ocgshare.example", "Demo Superuser", "police", "OCG Share system administrator")

# Notifications put in inboxes when a demo user is first created: (e-mail, event type, title, body,
# URL name of the page it links to). Titles are e-mailed, so they name no person or case.
NOTIFICATIONS = [
    ("pio.northshire@police.example", EventType.ACCOUNT_CREATED, "Your OCG Share account is ready",
     "Your agency administrator created your account. Start with the partnership toolkit to see what each partner "
     "can bring.", "agencies:toolkit"),
    ("pio.northshire@police.example", EventType.ROLE_CHANGED, "You have been given a new role",
     "You are now a Prison Intelligence Officer for HMP Northshire.", "accounts:account"),
    ("analyst@police.example", EventType.ACCOUNT_CREATED, "Your OCG Share account is ready",
     "Your agency administrator created your account.", "home"),
    ("lead@council.example", EventType.ACCOUNT_CREATED, "Your OCG Share account is ready",
     "You are the single point of contact for Northshire City Council.", "agencies:directory"),
    ("spoc@dwp.example", EventType.ACCOUNT_CREATED, "Your OCG Share account is ready",
     "You are the single point of contact for the Department for Work and Pensions.", "agencies:toolkit"),
]  # fmt: skip
