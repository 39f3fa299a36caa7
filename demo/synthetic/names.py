"""Words synthetic people, places, groups and businesses are made from: common surnames weighted by
frequency, forenames, place-name parts, streets and postcode areas. Invented combinations, not real records."""

COMMON_SURNAMES = {
    "Smith": 60, "Jones": 45, "Williams": 35, "Taylor": 30, "Brown": 30, "Davies": 25, "Evans": 22, "Wilson": 22,
    "Thomas": 20, "Johnson": 20, "Roberts": 19, "Robinson": 15, "Thompson": 15, "Wright": 15, "Walker": 14,
    "White": 14, "Edwards": 13, "Hughes": 13, "Green": 12, "Hall": 12, "Lewis": 12, "Harris": 12, "Clarke": 11,
    "Patel": 11, "Jackson": 11, "Wood": 11, "Turner": 10, "Martin": 10, "Cooper": 10, "Hill": 10, "Ward": 9,
    "Morris": 9, "Moore": 9, "Clark": 9, "Lee": 9, "King": 9, "Baker": 8, "Harrison": 8, "Morgan": 8, "Allen": 8,
    "James": 8, "Scott": 8, "Phillips": 7, "Watson": 7, "Davis": 7, "Parker": 7, "Price": 7, "Bennett": 7,
    "Young": 7, "Griffiths": 6, "Mitchell": 6, "Kelly": 6, "Cook": 6, "Carter": 6, "Richardson": 6, "Bailey": 6,
    "Collins": 6, "Bell": 6, "Shaw": 6, "Murphy": 6, "Miller": 6, "Cox": 5, "Richards": 5, "Khan": 5,
    "Marshall": 5, "Anderson": 5, "Simpson": 5, "Ellis": 5, "Adams": 5, "Singh": 5, "Begum": 5, "Wilkinson": 5,
    "Foster": 5, "Chapman": 5, "Powell": 5, "Webb": 5, "Rogers": 5, "Gray": 5, "Mason": 5, "Ali": 5, "Hunt": 4,
    "Hussain": 4, "Campbell": 4, "Matthews": 4, "Owen": 4, "Palmer": 4, "Holmes": 4, "Mills": 4, "Barnes": 4,
    "Knight": 4, "Lloyd": 4, "Butler": 4, "Russell": 4, "Barker": 4, "Fisher": 4, "Stevens": 4, "Jenkins": 4,
    "Murray": 4, "Dixon": 4, "Harvey": 4, "Nowak": 3, "Kowalski": 3, "Popescu": 3, "Okafor": 3, "Mensah": 3,
}  # fmt: skip
PLACE_STARTS = (
    "Ash", "Bar", "Black", "Brad", "Bram", "Brook", "Burn", "Cal", "Carl", "Chat", "Craw", "Dal", "Dun", "East",
    "Elm", "Fair", "Farn", "Fox", "Glen", "Green", "Hal", "Hart", "Hath", "Hey", "Kings", "Lang", "Lin", "Mar", "Mid",
    "Mill", "Nor", "Oak", "Pen", "Ray", "Red", "Rich", "Shel", "Stan", "Thorn", "War", "Wes", "Whit", "Win", "Wood",
)  # fmt: skip
PLACE_ENDS = (
    "by", "croft", "dale", "den", "field", "ford", "gate", "ham", "hurst", "ley", "more", "ridge", "shaw", "stone",
    "ton", "wick", "well", "worth", "wood", "combe", "thorpe", "bury", "cliffe", "ington",
)  # fmt: skip
MALE_FORENAMES = (
    "Jack", "James", "Oliver", "Thomas", "Harry", "Joshua", "George", "Charlie", "Daniel", "William", "Samuel",
    "Joseph", "Liam", "Connor", "Ryan", "Callum", "Kyle", "Jordan", "Lewis", "Luke", "Adam", "Ben", "Dean", "Lee",
    "Craig", "Darren", "Jamie", "Aaron", "Mohammed", "Ahmed", "Tyrone", "Marcus", "Kieran", "Reece", "Jake", "Nathan",
    "Scott", "Wayne", "Paul", "Mark", "Michael", "David", "John", "Stephen", "Gary", "Carl", "Tomasz", "Piotr",
    "Andrei", "Emeka",
)  # fmt: skip
FEMALE_FORENAMES = (
    "Olivia", "Emily", "Jessica", "Sophie", "Chloe", "Lauren", "Amy", "Hannah", "Megan", "Charlotte", "Rebecca",
    "Laura", "Sarah", "Emma", "Danielle", "Gemma", "Kayleigh", "Stacey", "Jade", "Leanne", "Natalie", "Michelle",
    "Kelly", "Nicola", "Donna", "Lisa", "Claire", "Joanne", "Aisha", "Fatima", "Zara", "Shannon", "Courtney", "Paige",
    "Tia", "Keira", "Amber", "Holly", "Abigail", "Grace", "Ellie", "Katie", "Agnieszka", "Ioana", "Chioma", "Amira",
)  # fmt: skip
STREETS = (
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road", "Park Avenue",
    "Kings Road", "Queens Road", "Mill Lane", "New Road", "School Lane", "North Street", "South Street",
    "West Street", "Albert Road", "London Road", "Grange Road", "Springfield Road", "Chapel Street", "Moor Lane",
    "Richmond Road", "The Crescent", "Windsor Road", "Broadway", "Brook Street", "Cedar Close", "Elm Grove",
    "Highfield Road", "Stanley Road", "Alexandra Road", "York Road", "Market Street", "Bridge Street",
    "Castle Street", "Park Road", "Clarence Road", "Oxford Road", "Hillside", "Meadow Way", "Orchard Close",
    "Riverside", "St John's Road", "Beech Avenue", "Birch Close", "Heath Road", "Lime Street", "Rose Lane",
    "Wellington Road", "Union Street",
)  # fmt: skip
POSTCODE_AREAS = (
    "M", "L", "B", "S", "LS", "BD", "NE", "SR", "TS", "HU", "DN", "WF", "HD", "OL", "BL", "WN", "PR", "BB", "LA",
    "CA", "NG", "DE", "LE", "CV", "WV", "WS", "DY", "ST", "SE", "E", "N",
)  # fmt: skip
OCG_NOUNS = ("Crew", "Firm", "Network", "Family", "Syndicate", "Group", "Boys", "Collective", "Line")
TRADES = ("Car Wash", "Nail Bar", "Vape Shop", "Lettings", "Logistics", "Takeaway", "Barbers", "Scrap Metal")
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
