"""The demo's regional and national agencies: the ROCU, the NCA, DWP, HMRC, Immigration Enforcement and
the DVLA (see demo/agencies/__init__.py for the shape of an entry). National bodies appear under their
real names because the toolkit is meaningless without them, but nothing here describes how any real body
actually works a case."""

from agencies.models import AgencyKind, AgencyLevel, Region, TimeToAct
from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as T

I = InformationCategory  # noqa: E741 - short aliases keep the tables below readable
NW = Region.NORTH_WEST

AGENCIES = [
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
                "Authorised by a superintendent; necessary and proportionate for the prevention or detection of crime.",
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
