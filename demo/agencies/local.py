"""The demo's local partners: Northshire City Council, its housing, licensing and trading standards
departments, and a housing association (see demo/agencies/__init__.py for the shape of an entry)."""

from agencies.models import AgencyKind, AgencyLevel, Region, TimeToAct
from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as T

I = InformationCategory  # noqa: E741 - short aliases keep the tables below readable
NW = Region.NORTH_WEST

AGENCIES = [
    {
        "key": "council",
        "name": "Northshire City Council",
        "short_name": "NCC",
        "kind": AgencyKind.CSP_PARTNER,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "description": "The unitary authority and a statutory member of the Northshire Community Safety "
        "Partnership. Its housing, licensing and trading standards services are partners in their own right.",
        "contact_email": "community.safety@council.example",
        "contact_phone": "01632 960900",
        "tools": [
            (
                "Premises closure order",
                "Anti-social Behaviour, Crime and Policing Act 2014, ss. 76 to 93",
                "Closes a property used for drug dealing or exploitation: a closure notice for up to 48 hours, then a "
                "court order for up to three months (extendable to six).",
                "The address, the nuisance or disorder linked to it, its occupants and any vulnerable residents.",
                "Reasonable grounds that use of the premises has resulted or is likely to result in nuisance or "
                "disorder; consultation with the police.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY],
            ),
            (
                "Community Protection Notice",
                "Anti-social Behaviour, Crime and Policing Act 2014, ss. 43 to 58",
                "Requires a person or business to stop conduct that harms the community's quality of life.",
                "The person or business and the persistent conduct, with a prior written warning.",
                "Conduct that is persistent, unreasonable and detrimental to the locality.",
                TimeToAct.WEEKS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS],
            ),
            (
                "Anti-social behaviour civil injunction",
                "Anti-social Behaviour, Crime and Policing Act 2014, Part 1",
                "Prohibits a person from entering an area or contacting named people; may include positive "
                "requirements.",
                "The person, the behaviour and the prohibitions needed.",
                "On the balance of probabilities, conduct capable of causing nuisance or annoyance; just and "
                "convenient to grant.",
                TimeToAct.WEEKS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.CHILD_SEXUAL_ABUSE],
            ),
        ],
        "holdings": [
            (
                "Council tax records",
                I.BACKGROUND,
                "Who is liable at each address in the city, with occupancy and discounts claimed.",
                [T.FRAUD],
            ),
            (
                "CCTV control room footage",
                I.RECENT_ACTIVITY,
                "Public space CCTV in the city centre and estates, kept for 31 days.",
                [T.ILLEGAL_DRUGS, T.ORGANISED_ACQUISITIVE_CRIME],
            ),
            (
                "Anti-social behaviour case records",
                I.RECENT_ACTIVITY,
                "Complaints, warnings and enforcement against people and premises.",
                [T.ILLEGAL_DRUGS],
            ),
        ],
    },
    {
        "key": "housing",
        "parent": "council",
        "name": "Northshire City Council Housing",
        "short_name": "NCC Housing",
        "kind": AgencyKind.LOCAL_AUTHORITY_DEPARTMENT,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "description": "The council's landlord service for 18,000 homes, with its tenancy enforcement and "
        "tenancy fraud teams.",
        "contact_email": "tenancy.enforcement@council.example",
        "contact_phone": "01632 960910",
        "tools": [
            (
                "Tenancy enforcement",
                "Housing Act 1985, s. 84A and Schedule 2; Housing Act 1988, s. 8",
                "Seeks possession of a council home used for crime; the absolute ground follows a conviction for a "
                "serious offence or a breached injunction or closure order.",
                "The tenancy, the conviction, order or conduct relied on, and the household's vulnerability.",
                "A serious offence at or near the property, or a ground for possession proven; proportionate.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY],
            ),
            (
                "Tenancy fraud investigation",
                "Prevention of Social Housing Fraud Act 2013",
                "Recovers homes unlawfully sublet or obtained by deception, and prosecutes.",
                "The property, the named tenant and who actually lives there.",
                "Evidence the tenant has sublet or parted with possession, or obtained the tenancy by deception.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.FRAUD],
            ),
            (
                "Safeguarding of cuckooed tenants",
                "Care Act 2014, s. 42; Housing Act 1996, Part 7",
                "Moves or supports a vulnerable tenant whose home has been taken over by a drug line.",
                "The tenant, the address and the exploitation suspected.",
                "A vulnerable adult at risk of abuse or exploitation.",
                TimeToAct.DAYS,
                FourP.PROTECT,
                [T.MODERN_SLAVERY, T.ILLEGAL_DRUGS],
            ),
        ],
        "holdings": [
            (
                "Tenancy records",
                I.LIFESTYLE,
                "Tenants, household members, tenancy start dates and address history.",
                [],
            ),
            (
                "Tenancy visit notes",
                I.RECENT_ACTIVITY,
                "Housing officers' notes of visits, repairs access and reports of who is living at a property.",
                [T.MODERN_SLAVERY, T.ILLEGAL_DRUGS],
            ),
        ],
    },
    {
        "key": "licensing",
        "parent": "council",
        "name": "Northshire City Council Licensing",
        "short_name": "NCC Licensing",
        "kind": AgencyKind.LOCAL_AUTHORITY_DEPARTMENT,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "description": "Licenses pubs, clubs, late-night venues, taxis and private hire, and scrap metal dealers.",
        "contact_email": "licensing@council.example",
        "contact_phone": "01632 960920",
        "tools": [
            (
                "Premises licence review",
                "Licensing Act 2003, ss. 51 to 53C",
                "Suspends or revokes a premises licence, removes the designated premises supervisor or adds "
                "conditions; a summary review allows interim steps within 48 hours.",
                "The premises, the licensing objectives undermined and the evidence (visits, test purchases, "
                "intelligence that can be disclosed).",
                "Evidence the premises undermine a licensing objective; for a summary review, a police certificate of "
                "serious crime or disorder.",
                TimeToAct.WEEKS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY, T.MONEY_LAUNDERING],
            ),
            (
                "Taxi and private hire licence revocation",
                "Local Government (Miscellaneous Provisions) Act 1976, ss. 61 and 62",
                "Suspends or revokes a driver's or operator's licence, with immediate effect where public safety "
                "requires it.",
                "The licence holder and the conduct showing they are no longer fit and proper.",
                "Reasonable cause to believe the holder is not a fit and proper person.",
                TimeToAct.DAYS,
                FourP.PROTECT,
                [T.CHILD_SEXUAL_ABUSE, T.ILLEGAL_DRUGS],
            ),
            (
                "Scrap metal dealer licence revocation",
                "Scrap Metal Dealers Act 2013, s. 4",
                "Revokes the licence of a dealer handling stolen metal or catalytic converters.",
                "The dealer, the site and the evidence of stolen goods or unsuitability.",
                "The dealer is no longer a suitable person to carry on the business.",
                TimeToAct.WEEKS,
                FourP.PURSUE,
                [T.ORGANISED_ACQUISITIVE_CRIME],
            ),
        ],
        "holdings": [
            (
                "Licensing register",
                I.BACKGROUND,
                "Premises licences, personal licence holders, designated premises supervisors and conditions.",
                [],
            ),
            (
                "Taxi and private hire records",
                I.LIFESTYLE,
                "Licensed drivers, operators and vehicles, with complaints received.",
                [T.CHILD_SEXUAL_ABUSE],
            ),
        ],
    },
    {
        "key": "trading_standards",
        "parent": "council",
        "name": "Northshire City Council Trading Standards",
        "short_name": "NCC TS",
        "kind": AgencyKind.LOCAL_AUTHORITY_DEPARTMENT,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "description": "Enforces consumer protection law: counterfeit and unsafe goods, illicit tobacco, "
        "doorstep crime and scams.",
        "contact_email": "trading.standards@council.example",
        "contact_phone": "01632 960930",
        "tools": [
            (
                "Seizure of unsafe or counterfeit goods",
                "Consumer Protection Act 1987; Consumer Rights Act 2015, Schedule 5",
                "Enters premises, seizes unsafe or counterfeit goods and documents, and serves suspension notices.",
                "The premises or storage, the goods, and who supplies them.",
                "Reasonable grounds to suspect a breach of safety or trade marks law.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.FRAUD, T.ORGANISED_ACQUISITIVE_CRIME],
            ),
            (
                "Counterfeit goods prosecution",
                "Trade Marks Act 1994, s. 92",
                "Prosecutes the sale of counterfeit goods; confiscation can follow under the Proceeds of Crime Act.",
                "Evidence of sales or stock, and the people behind the business.",
                "Sufficient evidence and public interest to prosecute.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.FRAUD, T.MONEY_LAUNDERING],
            ),
            (
                "Doorstep crime intervention",
                "Digital Markets, Competition and Consumers Act 2024; Consumer Protection from Unfair Trading "
                "Regulations 2008",
                "Stops rogue traders targeting older and vulnerable residents, and protects victims.",
                "The trader, vehicles used and victims' addresses.",
                "Reasonable suspicion of unfair or aggressive commercial practice.",
                TimeToAct.HOURS,
                FourP.PROTECT,
                [T.FRAUD, T.MODERN_SLAVERY],
            ),
        ],
        "holdings": [
            (
                "Trader complaints",
                I.RECENT_ACTIVITY,
                "Complaints about traders referred by the consumer helpline and residents.",
                [T.FRAUD],
            ),
            (
                "Seizure and test purchase records",
                I.ENFORCEMENT,
                "Goods seized, test purchases made and the businesses involved.",
                [T.FRAUD, T.ORGANISED_ACQUISITIVE_CRIME],
            ),
        ],
    },
    {
        "key": "housing_association",
        "name": "Northshire Homes",
        "short_name": "NH",
        "kind": AgencyKind.NON_STATUTORY,
        "level": AgencyLevel.LOCAL,
        "region": NW,
        "description": "A housing association with 6,500 homes across Northshire and Eastmoor.",
        "contact_email": "neighbourhoods@homes.example",
        "contact_phone": "01632 961000",
        "tools": [
            (
                "Assured tenancy possession",
                "Housing Act 1988, s. 8 and Schedule 2 (grounds 7A, 12 and 14)",
                "Ends the tenancy of a home used for crime or anti-social behaviour.",
                "The tenancy, the conviction or conduct and the household's vulnerability.",
                "A ground for possession proven; proportionate.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS],
            ),
            (
                "Anti-social behaviour injunction",
                "Anti-social Behaviour, Crime and Policing Act 2014, Part 1, s. 5(1)(c)",
                "Excludes a person from an estate or stops them contacting residents.",
                "The person, the conduct affecting the housing management function, and the prohibitions sought.",
                "Conduct capable of causing housing-related nuisance or annoyance.",
                TimeToAct.WEEKS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY],
            ),
            (
                "Tenancy sustainment and safeguarding support",
                "Care Act 2014, s. 42 (referral to the local authority)",
                "Supports a tenant being exploited, and refers them to adult or children's safeguarding.",
                "The tenant and the exploitation suspected.",
                "A tenant at risk of exploitation or abuse.",
                TimeToAct.DAYS,
                FourP.PROTECT,
                [T.MODERN_SLAVERY, T.CHILD_SEXUAL_ABUSE],
            ),
        ],
        "holdings": [
            (
                "Tenancy records",
                I.LIFESTYLE,
                "Tenants, household members and tenancy history.",
                [],
            ),
            (
                "Neighbourhood officer notes",
                I.RECENT_ACTIVITY,
                "Visits, complaints from neighbours and reports of unusual callers.",
                [T.ILLEGAL_DRUGS, T.MODERN_SLAVERY],
            ),
        ],
    },
]
