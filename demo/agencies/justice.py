"""The demo's criminal justice agencies in Northshire: the police force, its two prisons and the probation
region (see demo/agencies/__init__.py for the shape of an entry)."""

from agencies.models import AgencyKind, AgencyLevel, PrisonCategory, PrisonOperator, Region, TimeToAct
from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as T

I = InformationCategory  # noqa: E741 - short aliases keep the tables below readable
NW = Region.NORTH_WEST

AGENCIES = [
    {
        "key": "police",
        "name": "Northshire Police",
        "short_name": "NP",
        "kind": AgencyKind.POLICE_FORCE,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "description": "The territorial police force for Northshire. Its Serious and Organised Crime Unit leads "
        "the partnership and posts a Prison Intelligence Officer to each of the county's prisons.",
        "contact_email": "soc.partnership@police.example",
        "contact_phone": "01632 960100",
        "tools": [
            (
                "Financial investigation and confiscation",
                "Proceeds of Crime Act 2002, Parts 2 and 8",
                "Traces, restrains and, after conviction, confiscates the benefit of crime. Production and account "
                "monitoring orders show where the money goes.",
                "The subject's identity, known or suspected assets, bank accounts, and spending that income cannot "
                "explain.",
                "A criminal investigation or proceedings started; reasonable cause to believe the subject benefited "
                "from criminal conduct.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.MONEY_LAUNDERING, T.ILLEGAL_DRUGS, T.FRAUD, T.ORGANISED_ACQUISITIVE_CRIME],
            ),
            (
                "Cash seizure and account freezing",
                "Proceeds of Crime Act 2002, Part 5 (ss. 294 and 303Z1)",
                "Seizes cash and freezes bank accounts that are the proceeds of, or meant for, crime, without a "
                "conviction; forfeiture follows in the magistrates' court.",
                "Where the cash or account is, who controls it, and why it is suspected of being recoverable property.",
                "At least £1,000; reasonable grounds to suspect the money is recoverable property or intended for "
                "use in unlawful conduct.",
                TimeToAct.HOURS,
                FourP.PURSUE,
                [T.MONEY_LAUNDERING, T.ILLEGAL_DRUGS],
            ),
            (
                "Serious Crime Prevention Order",
                "Serious Crime Act 2007, Part 1",
                "Restricts a convicted OCG member for up to five years after release: associates, travel, phones, "
                "cash, vehicles and business activity. Breach is an offence carrying up to five years.",
                "Conviction details, evidence of involvement in serious crime, the restrictions proposed and why each "
                "is needed.",
                "Conviction for a serious offence (or High Court proof of involvement); reasonable grounds to believe "
                "the order would protect the public.",
                TimeToAct.MONTHS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS, T.MONEY_LAUNDERING, T.MODERN_SLAVERY],
            ),
            (
                "Drugs search warrant",
                "Misuse of Drugs Act 1971, s. 23",
                "Enters and searches premises, seizes drugs, cash and phones, and arrests the people found dealing.",
                "The address, grounds to suspect controlled drugs are there now, the occupants and any risks (weapons, "
                "dogs, children, vulnerable tenants).",
                "Reasonable grounds to suspect controlled drugs are in the premises; a magistrate's warrant.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS],
            ),
            (
                "Slavery and Trafficking Prevention Order",
                "Modern Slavery Act 2015, ss. 14 and 15",
                "Prohibits a person from conduct that risks exploiting others, for example contacting named people, "
                "running employment agencies or travelling abroad.",
                "Evidence of slavery or trafficking conduct (convicted or not), the people at risk, and the "
                "prohibitions sought.",
                "A risk that the person will commit a slavery or trafficking offence; the order is necessary to "
                "protect people from harm.",
                TimeToAct.WEEKS,
                FourP.PREVENT,
                [T.MODERN_SLAVERY, T.CHILD_SEXUAL_ABUSE],
            ),
        ],
        "holdings": [
            (
                "Police National Computer and local crime records",
                I.BACKGROUND,
                "Convictions, cautions, warning markers, wanted and missing reports, and local crime and incident "
                "records for Northshire.",
                [],
            ),
            (
                "Force intelligence system",
                I.RECENT_ACTIVITY,
                "Graded intelligence logs, stop and search records and custody intelligence, including the logs of "
                "the Prison Intelligence Officers.",
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS, T.MODERN_SLAVERY],
            ),
            (
                "ANPR sightings",
                I.LIFESTYLE,
                "Automatic number plate recognition reads for vehicles of interest: where and when they travel.",
                [T.ORGANISED_ACQUISITIVE_CRIME, T.ILLEGAL_DRUGS],
            ),
            (
                "Economic Crime Unit case files",
                I.FINANCIAL,
                "Financial profiles, restraint and confiscation orders, and cash seizures.",
                [T.MONEY_LAUNDERING, T.FRAUD],
            ),
        ],
    },
    {
        "key": "hmp_northshire",
        "name": "HMP Northshire",
        "short_name": "HMPN",
        "kind": AgencyKind.PRISON,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "prison_category": PrisonCategory.B,
        "prison_operator": PrisonOperator.PUBLIC,
        "description": "A public-sector category B local prison serving the Northshire courts.",
        "contact_email": "security@hmpnorthshire.prison.example",
        "contact_phone": "01632 960200",
        "tools": [
            (
                "Prison transfer",
                "Prison Act 1952, s. 12; Prison Rules 1999",
                "Moves a prisoner to another establishment to break up a network, a drug market or a concentration "
                "of one group's members on a wing.",
                "Intelligence linking the prisoner to organised activity here, their associates, and risks at the "
                "receiving establishment.",
                "An operational or security need that makes the move necessary and proportionate.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.BRIBERY_CORRUPTION_SANCTIONS],
            ),
            (
                "Non-association and removal from association",
                "Prison Rules 1999, r. 45",
                "Keeps named prisoners apart, or removes a prisoner from association, to stop intimidation, debt "
                "enforcement or co-ordination of crime.",
                "The prisoners involved and the intelligence showing the risk if they mix.",
                "Necessary for good order or discipline, or in the prisoner's own interests; reviewed within 72 hours.",
                TimeToAct.HOURS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY],
            ),
            (
                "Closed visits and visitor bans",
                "Prison Rules 1999, rr. 34 and 73",
                "Puts a prisoner on closed visits, or bans a visitor, to stop drugs and phones coming in through "
                "the visits hall.",
                "The prisoner and the visitor, and the intelligence or finds linking visits to conveyance.",
                "Intelligence or a find showing visits are being used to smuggle items or plan crime.",
                TimeToAct.DAYS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.BRIBERY_CORRUPTION_SANCTIONS],
            ),
            (
                "Monitoring of calls and correspondence",
                "Prison Rules 1999, rr. 35A to 35D",
                "Listens to PIN-phone calls and reads mail of a prisoner who is directing crime outside.",
                "The prisoner, the outside numbers or addresses of interest, and the crime it is meant to prevent or "
                "detect.",
                "Necessary and proportionate to prevent or detect crime or protect security; authorised by the "
                "governor.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS, T.FRAUD, T.MODERN_SLAVERY],
            ),
            (
                "Intelligence-led cell search",
                "Prison Act 1952, s. 8; Prison Rules 1999, r. 41",
                "Finds and seizes mobile phones, drugs, weapons and cash in cells and communal areas.",
                "The cell or area, what is expected to be found, and when.",
                "Security intelligence or a risk assessment justifying a targeted search.",
                TimeToAct.HOURS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS],
            ),
        ],
        "holdings": [
            (
                "Prisoner records (NOMIS)",
                I.BACKGROUND,
                "Sentence, release and licence dates, cell location history, transfers and adjudications.",
                [],
            ),
            (
                "Security information reports",
                I.RECENT_ACTIVITY,
                "Staff intelligence reports on prisoners: debts, associations, finds and conveyance attempts.",
                [T.ILLEGAL_DRUGS, T.BRIBERY_CORRUPTION_SANCTIONS],
            ),
            (
                "Visits records",
                I.LIFESTYLE,
                "Who visits whom and when, with visitors' identities and vehicles.",
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY],
            ),
            (
                "Prisoner finance transactions",
                I.FINANCIAL,
                "Money sent in and out of prisoners' private cash accounts, and who sent it.",
                [T.MONEY_LAUNDERING, T.ILLEGAL_DRUGS],
            ),
        ],
    },
    {
        "key": "hmp_eastmoor",
        "name": "HMP Eastmoor",
        "short_name": "HMPE",
        "kind": AgencyKind.PRISON,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "prison_category": PrisonCategory.C,
        "prison_operator": PrisonOperator.CONTRACTED,
        "description": "A contracted category C training and resettlement prison on the Eastmoor estate.",
        "contact_email": "security@hmpeastmoor.prison.example",
        "contact_phone": "01632 960300",
        "tools": [
            (
                "Release on temporary licence refusal or suspension",
                "Prison Rules 1999, r. 9",
                "Refuses or suspends day release and resettlement leave for a prisoner using it to run crime outside.",
                "The prisoner, the intelligence on what they do while released, and the risk it poses.",
                "Risk to the public or of further offending outweighs the resettlement benefit.",
                TimeToAct.HOURS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.ORGANISED_ACQUISITIVE_CRIME],
            ),
            (
                "Mandatory drug testing",
                "Prison Act 1952, s. 16A",
                "Tests prisoners for drugs on suspicion or at random; positive results lead to adjudication and "
                "show where supply is reaching.",
                "The prisoners or wings of concern.",
                "Random testing of a set share of the population; suspicion testing on reasonable grounds.",
                TimeToAct.DAYS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS],
            ),
            (
                "Referral of offences in prison to the police",
                "Prison Rules 1999, rr. 51 to 53A; Crime and Disorder Act 1998, s. 115",
                "Refers serious offences in custody (conveyance, assaults, corruption of staff) to the police for "
                "prosecution instead of a governor's adjudication.",
                "The evidence held by the prison, exhibits and continuity, and statements from staff.",
                "An offence too serious for a governor's adjudication.",
                TimeToAct.WEEKS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.BRIBERY_CORRUPTION_SANCTIONS],
            ),
            (
                "Prison transfer request",
                "Prison Act 1952, s. 12",
                "Asks HMPPS population management to move a prisoner away from associates or a market.",
                "Intelligence justifying the move and any non-associations at other prisons.",
                "A security need that makes the move necessary and proportionate.",
                TimeToAct.WEEKS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS],
            ),
        ],
        "holdings": [
            (
                "Prisoner records (NOMIS)",
                I.BACKGROUND,
                "Sentence, release dates, temporary release history and transfers.",
                [],
            ),
            (
                "Security information reports",
                I.RECENT_ACTIVITY,
                "Intelligence reports from staff on prisoners and visitors.",
                [T.ILLEGAL_DRUGS],
            ),
            (
                "Temporary release records",
                I.LIFESTYLE,
                "Where prisoners on temporary licence go, who collects them and where they work.",
                [T.ORGANISED_ACQUISITIVE_CRIME, T.MODERN_SLAVERY],
            ),
        ],
    },
    {
        "key": "probation",
        "name": "Probation Service North West",
        "short_name": "PSNW",
        "kind": AgencyKind.PROBATION_REGION,
        "level": AgencyLevel.REGIONAL,
        "region": NW,
        "description": "The probation region supervising people on licence and community sentences across "
        "Northshire and Eastmoor.",
        "contact_email": "intelligence@probation.example",
        "contact_phone": "01632 960400",
        "tools": [
            (
                "Licence recall",
                "Criminal Justice Act 2003, ss. 254 to 256A",
                "Returns a person on licence to custody when they breach their licence or their risk escalates.",
                "Evidence of a breach or increased risk, for example contact with named OCG members, in a form that "
                "can be disclosed to the Public Protection Casework Section.",
                "A breach of a licence condition, or behaviour showing the risk can no longer be managed in the "
                "community; emergency recall within 24 hours.",
                TimeToAct.HOURS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS, T.MODERN_SLAVERY],
            ),
            (
                "Additional licence conditions",
                "Criminal Justice Act 2003, s. 250; Criminal Justice (Sentencing) (Licence Conditions) Order 2015",
                "Adds non-contact conditions, exclusion zones, curfews, electronic monitoring, or a duty to disclose "
                "phones and vehicles.",
                "The people, places or activities to restrict and the intelligence showing why.",
                "Necessary and proportionate to manage risk; approved by the Parole Board or the governor.",
                TimeToAct.WEEKS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY, T.CHILD_SEXUAL_ABUSE],
            ),
            (
                "Approved premises placement",
                "Offender Management Act 2007, s. 13",
                "Places a person released on licence in staffed accommodation with curfew and monitoring, away from "
                "their group.",
                "The person's risk assessment and the associations or places to keep them from.",
                "High or very high risk of serious harm, or a need for enhanced supervision.",
                TimeToAct.WEEKS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS],
            ),
            (
                "MAPPA referral",
                "Criminal Justice Act 2003, ss. 325 to 327",
                "Brings police, prisons and probation together to manage a high-risk person under multi-agency public "
                "protection arrangements.",
                "The person's offending, risk assessment and current intelligence.",
                "An eligible offender whose risk needs active multi-agency management (level 2 or 3).",
                TimeToAct.WEEKS,
                FourP.PROTECT,
                [T.CHILD_SEXUAL_ABUSE, T.ILLEGAL_FIREARMS],
            ),
        ],
        "holdings": [
            (
                "Case management records (nDelius)",
                I.BACKGROUND,
                "Sentences, licence conditions, supervision contacts, addresses and employment of people on probation.",
                [],
            ),
            (
                "Risk assessments (OASys)",
                I.BACKGROUND,
                "Assessments of risk of serious harm and of reoffending, with the factors behind them.",
                [],
            ),
            (
                "Approved premises residence records",
                I.LIFESTYLE,
                "Who lives at each approved premises, their curfews and their visitors.",
                [T.ILLEGAL_DRUGS],
            ),
        ],
    },
]
