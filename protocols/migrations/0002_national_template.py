"""Ships the national standard information-sharing protocol template (edition 1), written to the
sections of the ICO data sharing code of practice. Local protocols copy it and adapt it; their
pages show what they changed."""

import datetime

from django.db import migrations

NAME = "National standard information-sharing protocol for serious and organised crime"
VERSION = "1.0"

SUMMARY = (
    "The standard agreement for sharing information about organised crime groups and their members "
    "between police, prisons, probation, regional and national units and their statutory and local "
    "partners. Adapt it locally where you must; every local change is shown against this wording."
)

PURPOSES = """\
The parties share personal data under this protocol only to prevent, detect, investigate and disrupt serious and organised crime, and to manage the risk that organised crime groups (OCGs) and their members pose, in custody, on licence and in the community. In particular, to:

1. identify OCGs and their members, associates and enablers, including those in prison, and keep a common picture of what each party knows about them;
2. assess and manage the risk each nominal poses, on the common risk scale, when they are received into custody, transferred, released or supervised;
3. agree at tasking meetings which targets to adopt and which of the parties' tools and powers to use against them (pursue, prevent, protect and prepare);
4. safeguard children and adults at risk who are exploited, coerced or trafficked by OCGs;
5. tell each party that contributed information what it was used for and what came of it.

Information received under this protocol must not be used for any other purpose, or disclosed to anyone who is not a party, without the written agreement of the party that provided it, unless the law requires it."""

LEGAL_BASES = ["cda_1998_s115", "dpa_2018_part_3", "pcsc_2022_s16", "other"]

LEGAL_BASIS_OTHER = """\
For parties that are not competent authorities: UK GDPR Article 6(1)(e) (a task carried out in the public interest or in the exercise of official authority) and, for criminal offence data, Article 10 with the Data Protection Act 2018, Schedule 1, paragraph 10 (preventing or detecting unlawful acts). Each party records in its own records of processing the statutory function under which it acts."""

DATA_CATEGORIES = ["background", "lifestyle", "financial", "recent_activity", "enforcement"]

SECURITY_REQUIREMENTS = """\
Information shared under this protocol is marked OFFICIAL or OFFICIAL-SENSITIVE under the Government Security Classifications Policy. Nothing marked SECRET or above is shared under it.

1. Information is shared, stored and read only in OCG Share. It is not copied into e-mail, spreadsheets or other systems except through an export recorded in OCG Share, and exports are kept only on systems accredited for OFFICIAL-SENSITIVE.
2. Only staff of a party who need the information for the purposes of this protocol, who hold security clearance of at least BPSS or NPPV level 1 and whose clearance is current, have access to it. Each party keeps its list of users up to date and removes leavers on the day they leave.
3. Each party sees only the sanitisation tier and the categories this protocol grants it. Tier 0 (originator) material never leaves the party that owns it.
4. Handling codes and conditions set by the originating party are followed. Information graded with conditions (handling code C) is used only in line with those conditions.
5. Every read, search, export and disclosure is logged, with the user, the time and the basis for access. Parties may audit each other's use of information they provided.
6. Information is not disclosed further, including to the courts or in response to a request from a third party, without first consulting the originating party."""

RETENTION_AND_DISPOSAL = """\
1. Each party keeps information received under this protocol only for as long as it is needed for the purposes of this protocol, and in line with its own retention schedule (for police forces, the Authorised Professional Practice on information management, including review at least every six years and on any new information).
2. The originating party remains the owner of the information it shares and decides when it is reviewed, updated or deleted; deletion in OCG Share by the originator removes it from every party's view.
3. When a party leaves the protocol, or the protocol ends and is not renewed, that party's access ends on the same day. Any exported copies are securely destroyed within 30 days and the destruction is confirmed to the lead agency.
4. Paper copies are shredded to the standard for OFFICIAL-SENSITIVE waste; electronic copies are deleted from every device and backup that the party controls."""

BREACH_CONTACTS = """\
Each party names a data protection officer and a security contact in OCG Share and keeps them current.

1. A party that discovers, or suspects, that information shared under this protocol has been lost, disclosed to someone not entitled to it, altered or misused tells the originating party's data protection officer and the lead agency as soon as possible and in any case within 24 hours.
2. The originating party, as controller, decides with the party concerned whether the breach must be reported to the Information Commissioner's Office. Where it must, it is reported within 72 hours of becoming aware of it (UK GDPR Article 33; Data Protection Act 2018, section 67), and the people affected are told where the law requires it.
3. The parties co-operate in containing the breach, recovering the information and preventing a recurrence. The lead agency may suspend the protocol while a serious breach is investigated.
4. Each party keeps a record of every breach, its effects and the action taken."""

INDIVIDUALS_RIGHTS = """\
1. Each party answers requests from individuals about the information it holds (subject access, rectification, erasure, restriction and objection) under the UK GDPR or Part 3 of the Data Protection Act 2018, within one calendar month.
2. Before disclosing, correcting or deleting information that another party provided, the party that received the request consults the originating party within five working days. The originating party says whether a restriction applies, for example under section 45(4) of the Data Protection Act 2018 where disclosure would prejudice the prevention, detection, investigation or prosecution of crime.
3. A party that finds information it received to be inaccurate tells the originating party, which corrects it in OCG Share so that every party sees the correction.
4. The parties publish a privacy notice describing this sharing, except where doing so would prejudice the purposes of this protocol."""

REVIEW_INTERVAL_MONTHS = 12


def create_template(apps, schema_editor):
    ProtocolTemplate = apps.get_model("protocols", "ProtocolTemplate")
    ProtocolTemplate.objects.update_or_create(
        name=NAME,
        version=VERSION,
        defaults={
            "summary": SUMMARY,
            "published_on": datetime.date(2025, 4, 1),
            "is_current": True,
            "purposes": PURPOSES,
            "legal_bases": LEGAL_BASES,
            "legal_basis_other": LEGAL_BASIS_OTHER,
            "data_categories": DATA_CATEGORIES,
            "security_requirements": SECURITY_REQUIREMENTS,
            "retention_and_disposal": RETENTION_AND_DISPOSAL,
            "breach_contacts": BREACH_CONTACTS,
            "individuals_rights": INDIVIDUALS_RIGHTS,
            "review_interval_months": REVIEW_INTERVAL_MONTHS,
        },
    )


def remove_template(apps, schema_editor):
    apps.get_model("protocols", "ProtocolTemplate").objects.filter(name=NAME, version=VERSION).delete()


class Migration(migrations.Migration):
    dependencies = [("protocols", "0001_initial")]

    operations = [migrations.RunPython(create_template, remove_template)]
