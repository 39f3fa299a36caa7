"""The fictional Northshire partnership loaded by `manage.py seed_demo`: its agencies, what each can
bring (tools and powers, data holdings), its people in every role, and a few inbox notifications.

Places and people are invented. National bodies appear under their real names because the toolkit
is meaningless without them, but nothing here describes how any real body actually works a case.
Every demo account shares DEMO_PASSWORD (listed in the README).
"""

from accounts.models import Role, VettingLevel
from agencies.models import AgencyKind, AgencyLevel, PrisonCategory, PrisonOperator, Region, TimeToAct
from notifications.models import EventType
from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as T

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - published on purpose: demo accounts only

I = InformationCategory  # noqa: E741 - short aliases keep the tables below readable
NW = Region.NORTH_WEST

# Each agency: its key (used by USERS below), the Agency fields, its tools and powers and its data
# holdings. A tool is (name, legal basis, what it achieves, information needed, thresholds, time to
# act, 4P, threat areas); a holding is (name, category, description, threat areas).
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
    {
        "key": "rocu",
        "name": "North West Regional Organised Crime Unit",
        "short_name": "NW ROCU",
        "kind": AgencyKind.REGIONAL_NATIONAL_UNIT,
        "level": AgencyLevel.REGIONAL,
        "region": NW,
        "description": "The regional unit providing specialist capabilities to the forces of the region: "
        "covert policing, cyber crime, asset recovery and the regional prison intelligence network.",
        "contact_email": "tasking@rocu.example",
        "contact_phone": "01632 960500",
        "tools": [
            (
                "Covert surveillance",
                "Regulation of Investigatory Powers Act 2000, Part II",
                "Directed surveillance of OCG principals to evidence meetings, stash locations and supply chains.",
                "The subjects, places and vehicles, the operation it supports, and collateral intrusion risks.",
                "Authorised by a superintendent; necessary and proportionate for the prevention or detection of "
                "crime.",
                TimeToAct.WEEKS,
                FourP.PURSUE,
                [T.ILLEGAL_DRUGS, T.ILLEGAL_FIREARMS, T.ORGANISED_IMMIGRATION_CRIME],
            ),
            (
                "Cyber crime investigation",
                "Computer Misuse Act 1990; Investigatory Powers Act 2016",
                "Investigates and disrupts hacking, ransomware and the online infrastructure OCGs use.",
                "Victim reports, indicators of compromise, accounts and devices of interest.",
                "Cyber-dependent crime with regional impact or an organised element.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.CYBER_CRIME, T.FRAUD],
            ),
            (
                "Regional asset recovery",
                "Proceeds of Crime Act 2002",
                "Complex financial investigation, restraint and confiscation beyond a single force's capacity.",
                "The subjects, their known assets and associates, and the investigation they arise from.",
                "Criminal benefit likely to exceed £100,000 or crossing force boundaries.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.MONEY_LAUNDERING, T.ILLEGAL_DRUGS],
            ),
            (
                "Government Agency Intelligence Network referral",
                "Crime and Disorder Act 1998, s. 115; each partner's own gateway",
                "Brings the powers of government agencies (tax, benefits, immigration, licensing) to bear on an OCG "
                "through the regional GAIN co-ordinator.",
                "The target, what is known, and which outcome is sought from which agency.",
                "A mapped OCG or nominal where partner powers could disrupt.",
                TimeToAct.WEEKS,
                FourP.PURSUE,
                [T.MONEY_LAUNDERING, T.FRAUD, T.MODERN_SLAVERY, T.ORGANISED_IMMIGRATION_CRIME],
            ),
        ],
        "holdings": [
            (
                "Regional OCG mapping records",
                I.BACKGROUND,
                "Mapped OCGs of the region, their members, bands and lead agencies.",
                [],
            ),
            (
                "Cyber incident reports",
                I.RECENT_ACTIVITY,
                "Reports of cyber attacks on businesses and people in the region.",
                [T.CYBER_CRIME, T.FRAUD],
            ),
        ],
    },
    {
        "key": "nca",
        "name": "National Crime Agency",
        "short_name": "NCA",
        "kind": AgencyKind.REGIONAL_NATIONAL_UNIT,
        "level": AgencyLevel.NATIONAL,
        "region": Region.NATIONAL,
        "description": "The national law enforcement agency leading on serious and organised crime, including the "
        "UK Financial Intelligence Unit.",
        "contact_email": "northwest.liaison@nca.example",
        "contact_phone": "01632 960600",
        "tools": [
            (
                "Unexplained Wealth Order",
                "Proceeds of Crime Act 2002, Part 8, ss. 362A to 362T",
                "Requires a person to explain how they obtained property worth more than £50,000; failure to respond "
                "presumes it recoverable in civil recovery.",
                "The property, its holder, their known lawful income, and links to serious crime.",
                "Property over £50,000; reasonable grounds to suspect the holder's lawful income was insufficient and "
                "a link to serious crime.",
                TimeToAct.LONGER,
                FourP.PURSUE,
                [T.MONEY_LAUNDERING, T.BRIBERY_CORRUPTION_SANCTIONS],
            ),
            (
                "Civil recovery",
                "Proceeds of Crime Act 2002, Part 5",
                "Recovers property obtained through unlawful conduct in the High Court, without a conviction.",
                "The property and evidence, on the balance of probabilities, that it came from crime.",
                "Property worth at least £10,000 obtained through unlawful conduct.",
                TimeToAct.LONGER,
                FourP.PURSUE,
                [T.MONEY_LAUNDERING],
            ),
            (
                "Travel restriction order",
                "Criminal Justice and Police Act 2001, s. 33",
                "Stops a convicted drug trafficker leaving the UK for at least two years after release.",
                "The conviction and evidence of international travel linked to trafficking.",
                "Conviction of a drug trafficking offence with a sentence of four years or more.",
                TimeToAct.MONTHS,
                FourP.PREVENT,
                [T.ILLEGAL_DRUGS, T.ORGANISED_IMMIGRATION_CRIME],
            ),
        ],
        "holdings": [
            (
                "Suspicious activity reports",
                I.FINANCIAL,
                "Reports from banks and regulated businesses of suspected money laundering, held by the UK Financial "
                "Intelligence Unit.",
                [T.MONEY_LAUNDERING, T.FRAUD],
            ),
            (
                "National OCG mapping",
                I.BACKGROUND,
                "Every mapped OCG in England and Wales, with the lead agency for each.",
                [],
            ),
        ],
    },
    {
        "key": "dwp",
        "name": "Department for Work and Pensions",
        "short_name": "DWP",
        "kind": AgencyKind.NATIONAL_AGENCY,
        "level": AgencyLevel.NATIONAL,
        "region": Region.NATIONAL,
        "description": "Pays benefits and pensions; its Counter Fraud, Compliance and Debt teams investigate "
        "benefit fraud, including organised fraud.",
        "contact_email": "serious.organised.fraud@dwp.example",
        "contact_phone": "01632 960700",
        "tools": [
            (
                "Benefit fraud investigation and prosecution",
                "Social Security Administration Act 1992, ss. 109A to 112",
                "Investigates false or undeclared claims, obtains bank, employer and utility records, and prosecutes "
                "or imposes a penalty; overpayments are recovered.",
                "Name, date of birth, National Insurance number if known, address, and evidence of undeclared "
                "income, capital, work or a partner in the household.",
                "Reasonable grounds for suspecting a benefit offence; authorised officer powers to obtain information.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.FRAUD, T.MONEY_LAUNDERING],
            ),
            (
                "Benefit suspension pending review",
                "Social Security Act 1998, s. 21; Social Security and Child Support (Decisions and Appeals) "
                "Regulations 1999, reg. 16",
                "Stops payments at once while entitlement is checked, for example when a claimant is in custody or "
                "living beyond their declared means.",
                "The claimant's identity and the information that puts entitlement in doubt.",
                "Doubt about whether the conditions of entitlement are met.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.FRAUD],
            ),
            (
                "Recovery of overpaid benefit",
                "Social Security Administration Act 1992, ss. 71ZB to 71ZH",
                "Recovers overpayments from benefits, earnings (direct earnings attachment) or bank accounts.",
                "The overpayment decision and the debtor's income or accounts.",
                "A recoverable overpayment decided.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.FRAUD],
            ),
            (
                "Safeguarding of benefit claimants",
                "Welfare Reform Act 2012; DWP advanced customer support",
                "Protects claimants whose benefits are controlled by exploiters (for example in cuckooing or "
                "trafficking) by changing payment arrangements.",
                "The claimant, the exploitation suspected and a safe contact route.",
                "A vulnerable claimant at risk of financial exploitation.",
                TimeToAct.DAYS,
                FourP.PROTECT,
                [T.MODERN_SLAVERY],
            ),
        ],
        "holdings": [
            (
                "Benefit claim records",
                I.FINANCIAL,
                "Claims, declared household and income, housing costs and the bank accounts benefits are paid into.",
                [T.FRAUD],
            ),
            (
                "Customer Information System",
                I.BACKGROUND,
                "National Insurance numbers, identities and address history.",
                [],
            ),
        ],
    },
    {
        "key": "hmrc",
        "name": "HM Revenue and Customs",
        "short_name": "HMRC",
        "kind": AgencyKind.NATIONAL_AGENCY,
        "level": AgencyLevel.NATIONAL,
        "region": Region.NATIONAL,
        "description": "The tax and customs authority; its Fraud Investigation Service takes on organised tax and "
        "excise crime, and it supervises businesses under the money laundering regulations.",
        "contact_email": "fis.northwest@hmrc.example",
        "contact_phone": "01632 960800",
        "tools": [
            (
                "Criminal tax investigation",
                "Commissioners for Revenue and Customs Act 2005; Police and Criminal Evidence Act 1984 as applied to "
                "HMRC",
                "Investigates and prosecutes tax evasion, VAT fraud and excise fraud run by organised groups.",
                "The people and businesses involved, turnover and trading patterns, and known bank accounts.",
                "Serious loss to the Exchequer or organised criminality; decided by the Fraud Investigation Service.",
                TimeToAct.LONGER,
                FourP.PURSUE,
                [T.FRAUD, T.MONEY_LAUNDERING],
            ),
            (
                "Civil tax enquiry and assessment",
                "Taxes Management Act 1970, ss. 9A and 29; Finance Act 2008, Schedule 36",
                "Assesses tax and penalties on undeclared income, including the proceeds of crime, and obtains "
                "information from third parties.",
                "The person's identity, lifestyle and assets, and any known income not declared.",
                "A discovery that income has not been assessed; information notices need reasonable need.",
                TimeToAct.MONTHS,
                FourP.PURSUE,
                [T.MONEY_LAUNDERING, T.FRAUD],
            ),
            (
                "Money laundering supervision of businesses",
                "Money Laundering, Terrorist Financing and Transfer of Funds Regulations 2017",
                "Inspects, fines and de-registers money service businesses, car dealers and other cash-rich "
                "businesses that launder for OCGs.",
                "The business, its owners and the suspicious activity.",
                "A supervised business not meeting the regulations, or not fit and proper.",
                TimeToAct.MONTHS,
                FourP.PROTECT,
                [T.MONEY_LAUNDERING],
            ),
            (
                "Seizure of illicit tobacco and alcohol",
                "Customs and Excise Management Act 1979, s. 139",
                "Seizes duty-unpaid and counterfeit tobacco and alcohol, and the vehicles carrying them.",
                "The premises, vehicles or storage and the goods expected.",
                "Goods liable to forfeiture because duty is unpaid.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.FRAUD, T.ORGANISED_ACQUISITIVE_CRIME],
            ),
        ],
        "holdings": [
            (
                "Tax records",
                I.FINANCIAL,
                "Self-assessment, PAYE and VAT returns: declared income, employers and business turnover.",
                [T.FRAUD, T.MONEY_LAUNDERING],
            ),
            (
                "Money laundering supervision register",
                I.BACKGROUND,
                "Supervised businesses, their owners and inspection results.",
                [T.MONEY_LAUNDERING],
            ),
        ],
    },
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
    {
        "key": "immigration",
        "name": "Immigration Enforcement",
        "short_name": "IE",
        "kind": AgencyKind.NATIONAL_AGENCY,
        "level": AgencyLevel.NATIONAL,
        "region": Region.NATIONAL,
        "description": "The Home Office command that enforces immigration law, including illegal working and "
        "organised immigration crime.",
        "contact_email": "northwest.ice@immigration.example",
        "contact_phone": "01632 961100",
        "tools": [
            (
                "Immigration enforcement visit",
                "Immigration Act 1971, Schedule 2 paras 16 and 17, ss. 28A to 28K",
                "Enters premises to arrest immigration offenders, and identifies victims of exploitation.",
                "The address, who is expected to be there, and intelligence on their status.",
                "Reasonable grounds to suspect immigration offenders are on the premises; a warrant where required.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.ORGANISED_IMMIGRATION_CRIME, T.MODERN_SLAVERY],
            ),
            (
                "Illegal working civil penalty and closure notice",
                "Immigration, Asylum and Nationality Act 2006, s. 15; Immigration Act 2016, Schedule 6",
                "Fines employers of illegal workers up to £60,000 per worker and closes the business for up to 48 "
                "hours, with a compliance order to follow.",
                "The business, its owners and the workers found.",
                "An employer found employing people without the right to work.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.ORGANISED_IMMIGRATION_CRIME, T.MODERN_SLAVERY],
            ),
            (
                "Deportation of foreign national offenders",
                "UK Borders Act 2007, s. 32",
                "Removes a foreign national convicted and sentenced to 12 months or more.",
                "Nationality, sentence and release date, and any barriers to removal.",
                "A foreign national sentenced to 12 months or more.",
                TimeToAct.LONGER,
                FourP.PURSUE,
                [T.ORGANISED_IMMIGRATION_CRIME, T.ILLEGAL_DRUGS],
            ),
        ],
        "holdings": [
            (
                "Immigration status records",
                I.BACKGROUND,
                "Immigration status, applications and nationality of people known to the Home Office.",
                [T.ORGANISED_IMMIGRATION_CRIME],
            ),
            (
                "Enforcement visit records",
                I.ENFORCEMENT,
                "Premises visited, people encountered and the outcomes.",
                [T.ORGANISED_IMMIGRATION_CRIME, T.MODERN_SLAVERY],
            ),
        ],
    },
    {
        "key": "dvla",
        "name": "Driver and Vehicle Licensing Agency",
        "short_name": "DVLA",
        "kind": AgencyKind.NATIONAL_AGENCY,
        "level": AgencyLevel.NATIONAL,
        "region": Region.NATIONAL,
        "description": "Keeps the registers of drivers and vehicles and enforces vehicle licensing.",
        "contact_email": "enforcement@dvla.example",
        "contact_phone": "01632 961200",
        "tools": [
            (
                "Vehicle licensing enforcement",
                "Vehicle Excise and Registration Act 1994, Schedule 2A",
                "Clamps, removes and disposes of untaxed vehicles, taking OCG vehicles off the road.",
                "The vehicle registration mark and where the vehicle is kept.",
                "A vehicle without vehicle excise duty on a public road.",
                TimeToAct.DAYS,
                FourP.PURSUE,
                [T.ORGANISED_ACQUISITIVE_CRIME, T.ILLEGAL_DRUGS],
            ),
            (
                "Cancellation of fraudulent registrations",
                "Road Vehicles (Registration and Licensing) Regulations 2002",
                "Cancels registrations used for cloned plates or ringed vehicles, and corrects keeper records.",
                "The vehicle registration marks and the evidence of cloning or false keeper details.",
                "Evidence the registration details are false.",
                TimeToAct.WEEKS,
                FourP.PURSUE,
                [T.ORGANISED_ACQUISITIVE_CRIME, T.FRAUD],
            ),
            (
                "Number plate supplier enforcement",
                "Vehicles (Crime) Act 2001, Part 2",
                "Checks and removes registered number plate suppliers who make plates without documents.",
                "The supplier and the plates made.",
                "A supplier breaching the registration conditions.",
                TimeToAct.MONTHS,
                FourP.PREVENT,
                [T.ORGANISED_ACQUISITIVE_CRIME],
            ),
        ],
        "holdings": [
            (
                "Vehicle register",
                I.LIFESTYLE,
                "Registered keepers of vehicles and their keeper history.",
                [T.ORGANISED_ACQUISITIVE_CRIME],
            ),
            (
                "Driver register",
                I.BACKGROUND,
                "Driving licences, addresses and photographs of licence holders.",
                [],
            ),
        ],
    },
]

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
]

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
]
