"""Writes tests/dev/figures_en/: short English articles with gold money annotations and context.

Same layout as make_ru.py. Run from tests/dev: python make_en.py
"""
from make_dev import write_set

ARTICLES = [
("en01", "Belarus-Kazakhstan trade grows", "2024-02-10",
 "Trade between Belarus and Kazakhstan reached $1.2 billion in 2023, up 10% year on year.",
 [("$1.2 billion", 1.2e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2023"))]),
("en02", "Kazakhstan and China trade", "2024-01-20",
 "Kazakhstan's trade with China amounted to $41 billion last year. "
 "In the first half of 2023, it stood at about $19.5 billion.",
 [("$41 billion", 41e9, dict(parties="China|Kazakhstan", flow="turnover", period="2023")),
  ("about $19.5 billion", 19.5e9, dict(parties="China|Kazakhstan", flow="turnover", period="2023-H1", qualifier="approx"))]),
("en03", "Belarusian exports to Kazakhstan", "2023-10-25",
 "Belarus' exports to Kazakhstan totalled $870 million in January-September 2023, "
 "while imports from Kazakhstan were $210 million.",
 [("$870 million", 870e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023-01/2023-09", exporter="Belarus", importer="Kazakhstan")),
  ("$210 million", 210e6, dict(parties="Belarus|Kazakhstan", flow="imports", period="2023-01/2023-09", exporter="Kazakhstan", importer="Belarus"))]),
("en04", "Quarterly figures", "2024-05-02",
 "In the first quarter of 2024, Kazakh-Russian trade turnover came to $6.1 billion, according to Kazakh statistics.",
 [("$6.1 billion", 6.1e9, dict(parties="Kazakhstan|Russia", flow="turnover", period="2024-Q1", reporter="Kazakhstan statistics"))]),
("en05", "A trade target", "2024-04-03",
 "The presidents of Belarus and Kazakhstan instructed their governments to bring bilateral trade to $2 billion by 2026. "
 "Mutual trade currently stands at almost $1.5 billion.",
 [("$2 billion", 2e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2026", claim="target")),
  ("almost $1.5 billion", 1.5e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2024", qualifier="approx"))]),
("en06", "Belarus and Kazakhstan sign deals", "2023-10-13",
 "Belarusian and Kazakh companies signed contracts worth more than $500 million at the Forum of Regions.",
 [("more than $500 million", 500e6, dict(parties="Belarus|Kazakhstan", flow="contract", period="2023", qualifier="more_than"))]),
("en07", "Kazakhstan budget", "2023-12-01",
 "Kazakhstan's republican budget for 2024 provides for spending of 23 trillion tenge. "
 "Agriculture will receive 3 trillion 200 billion tenge.",
 [("23 trillion tenge", (23e12, "KZT"), dict(parties="Kazakhstan", flow="budget", period="2024")),
  ("3 trillion 200 billion tenge", (3.2e12, "KZT"), dict(parties="Kazakhstan", flow="budget", period="2024"))]),
("en08", "Trade in roubles", "2024-05-20",
 "Trade between Belarus and Russia exceeded $50 billion in 2023. "
 "Settlements in Russian rubles exceeded 3 trillion Russian rubles.",
 [("exceeded $50 billion", 50e9, dict(parties="Belarus|Russia", flow="turnover", period="2023", qualifier="more_than")),
  ("exceeded 3 trillion Russian rubles", (3e12, "RUB"), dict(parties="Belarus|Russia", period="2023", qualifier="more_than"))]),
("en09", "Exports rose", "2024-02-28",
 "Belarus' exports to Kazakhstan grew from $640 million in 2021 to $912 million in 2023.",
 [("$640 million", 640e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2021", exporter="Belarus", importer="Kazakhstan")),
  ("$912 million", 912e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", exporter="Belarus", importer="Kazakhstan"))]),
("en10", "Project portfolio", "2023-06-14",
 "The portfolio of joint projects of Belarus and Uzbekistan is estimated at from $2.2 to $3.1 billion.",
 [("$2.2 to $3.1 billion", (2.2e9, 3.1e9), dict(parties="Belarus|Uzbekistan", flow="contract", qualifier="range"))]),
("en11", "EDB loan", "2023-09-08",
 "The Eurasian Development Bank will provide Kazakhstan with a loan of 150 million euros to upgrade a power plant.",
 [("150 million euros", (150e6, "EUR"), dict(parties="Kazakhstan", flow="loan", period="", claim="target"))]),
("en12", "Uzbekistan and Kazakhstan aim higher", "2024-01-25",
 "Trade between Kazakhstan and Uzbekistan was $4.5 billion in 2023. "
 "The two countries plan to raise it to $10 billion by 2030.",
 [("$4.5 billion", 4.5e9, dict(parties="Kazakhstan|Uzbekistan", flow="turnover", period="2023")),
  ("$10 billion", 10e9, dict(parties="Kazakhstan|Uzbekistan", flow="turnover", period="2030", claim="target"))]),
("en13", "Quarter two", "2023-08-03",
 "Belarus-Kazakhstan trade in Q2 2023 amounted to $312.4 million, Belstat reported.",
 [("$312.4 million", 312.4e6, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2023-Q2", reporter="Belstat"))]),
("en14", "Assembly plant", "2023-11-17",
 "The Belarusian-Kazakh combine assembly project in Kostanay will cost at least $20 million. "
 "The Belarusian side will invest about 60 million Belarusian rubles.",
 [("at least $20 million", 20e6, dict(parties="Belarus|Kazakhstan", flow="contract", period="", claim="target", qualifier="at_least")),
  ("about 60 million Belarusian rubles", (60e6, "BYN"), dict(parties="Belarus|Kazakhstan", flow="investment", qualifier="approx"))]),
("en15", "Chinese investment", "2024-03-19",
 "Chinese companies invested more than $20 billion in Kazakhstan in 2005-2020. "
 "Several hundred million dollars more arrive every year.",
 [("more than $20 billion", 20e9, dict(parties="China|Kazakhstan", flow="investment", period="2005/2020", qualifier="more_than")),
  ("Several hundred million dollars", (200e6, 900e6), dict(parties="China|Kazakhstan", flow="investment"))]),
("en16", "Grain supplies", "2024-08-09",
 "Kazakhstan supplied grain worth $36.7 million to Belarus in the first half of 2024.",
 [("$36.7 million", 36.7e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2024-H1", exporter="Kazakhstan", importer="Belarus"))]),
("en17", "EAEU trade", "2024-04-26",
 "Mutual trade of the EAEU member states amounted to $92.3 billion in 2023. "
 "The union's trade with third countries exceeded $850 billion.",
 [("$92.3 billion", 92.3e9, dict(parties="EAEU", flow="turnover", period="2023")),
  ("exceeded $850 billion", 850e9, dict(parties="EAEU", flow="turnover", period="2023", qualifier="more_than"))]),
("en18", "Nine months", "2023-11-02",
 "In the first nine months of 2023, trade between Kazakhstan and Russia totalled $19.6 billion.",
 [("$19.6 billion", 19.6e9, dict(parties="Kazakhstan|Russia", flow="turnover", period="2023-01/2023-09"))]),
("en19", "Imports from China", "2024-06-06",
 "Kazakhstan's imports from China reached $6.1 billion in January-May 2024, "
 "and its exports to China were $5.8 billion.",
 [("$6.1 billion", 6.1e9, dict(parties="China|Kazakhstan", flow="imports", period="2024-01/2024-05", exporter="China", importer="Kazakhstan")),
  ("$5.8 billion", 5.8e9, dict(parties="China|Kazakhstan", flow="exports", period="2024-01/2024-05", exporter="Kazakhstan", importer="China"))]),
("en20", "Turkey and Kazakhstan", "2024-02-14",
 "Kazakhstan-Turkey trade turnover reached $6,409.5 million in 2023. "
 "Turkish investment in Kazakhstan has exceeded $6 billion over the years.",
 [("$6,409.5 million", 6409.5e6, dict(parties="Kazakhstan|Turkey", flow="turnover", period="2023")),
  ("exceeded $6 billion", 6e9, dict(parties="Kazakhstan|Turkey", flow="investment", qualifier="more_than"))]),
("en21", "Plant cost", "2024-09-10",
 "The plant will cost 120 billion tenge, or about $250 million.",
 [("120 billion tenge", (120e9, "KZT"), dict(parties="", flow="contract", period="", claim="target")),
  ("about $250 million", 250e6, dict(parties="", flow="contract", period="2024", qualifier="approx"))]),
("en22", "Russia-China trade", "2023-05-30",
 "Trade between Russia and China reached twenty billion dollars in April 2023.",
 [("twenty billion dollars", 20e9, dict(parties="China|Russia", flow="turnover", period="2023-04"))]),
("en23", "Support for farmers", "2024-03-01",
 "The Belarusian government will allocate 1.8 billion Belarusian rubles to farmers. "
 "Banks will also issue loans of up to BYN 500 million.",
 [("1.8 billion Belarusian rubles", (1.8e9, "BYN"), dict(parties="Belarus", flow="budget", period="", claim="target")),
  ("up to BYN 500 million", (500e6, "BYN"), dict(parties="Belarus", flow="loan", period="", claim="target", qualifier="at_most"))]),
("en24", "Visit results", "2024-10-04",
 "During the visit to Astana, contracts worth $1.2 billion were signed. "
 "In 2023, trade between Belarus and Kazakhstan amounted to $1.16 billion; in 2019 it was $850 million.",
 [("$1.2 billion", 1.2e9, dict(parties="Belarus|Kazakhstan", flow="contract", period="2024")),
  ("$1.16 billion", 1.16e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2023")),
  ("$850 million", 850e6, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2019"))]),
("en25", "Tenge and dollars", "2024-07-15",
 "Kazakhstan's exports to Belarus reached 95 billion tenge in 2023. "
 "Belarusian imports from Kazakhstan amounted to $210 million in the second half of 2023.",
 [("95 billion tenge", (95e9, "KZT"), dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", exporter="Kazakhstan", importer="Belarus")),
  ("$210 million", 210e6, dict(parties="Belarus|Kazakhstan", flow="imports", period="2023-H2", exporter="Kazakhstan", importer="Belarus"))]),
("en26", "Targets and actuals", "2024-03-12",
 "Last year trade between Belarus and Uzbekistan totalled $1.1 billion. "
 "The sides want to increase it to $2 billion in the next few years.",
 [("$1.1 billion", 1.1e9, dict(parties="Belarus|Uzbekistan", flow="turnover", period="2023")),
  ("$2 billion", 2e9, dict(parties="Belarus|Uzbekistan", flow="turnover", claim="target"))]),
("en27", "Compound amount", "2024-06-18",
 "Kazakhstan's National Fund received 2 trillion 500 billion tenge in 2023.",
 [("2 trillion 500 billion tenge", (2.5e12, "KZT"), dict(parties="Kazakhstan", period="2023"))]),
("en28", "Investment from Russia", "2024-01-15",
 "Russian direct investment in Kazakhstan exceeded $1 billion in 2022, according to the Bureau of National Statistics.",
 [("exceeded $1 billion", 1e9, dict(parties="Kazakhstan|Russia", flow="investment", period="2022", qualifier="more_than", reporter="Kazakhstan statistics"))]),
("en29", "Tractors", "2024-07-11",
 "MTZ will supply tractors worth $45 million to Kazakhstan under the new contract.",
 [("$45 million", 45e6, dict(parties="Kazakhstan", flow="exports", period="", claim="target", exporter="", importer="Kazakhstan"))]),
("en30", "Industrial park", "2023-09-21",
 "Belarus and China discussed projects worth billions of dollars. "
 "The China-Belarus industrial park has attracted $1.3 billion of investment.",
 [("billions of dollars", (2e9, 9e9), dict(parties="Belarus|China", flow="contract")),
  ("$1.3 billion", 1.3e9, dict(parties="Belarus|China", flow="investment", period="2023"))]),
("en31", "Rouble trade", "2024-02-21",
 "Trade between Belarus and Russia in 2023 reached 4 trillion rubles, the Bank of Russia said.",
 [("4 trillion rubles", (4e12, "RUB"), dict(parties="Belarus|Russia", flow="turnover", period="2023"))]),
("en32", "Second quarter", "2024-08-14",
 "Uzbekistan's exports to Kazakhstan in the second quarter of 2024 amounted to $402 million.",
 [("$402 million", 402e6, dict(parties="Kazakhstan|Uzbekistan", flow="exports", period="2024-Q2", exporter="Uzbekistan", importer="Kazakhstan"))]),
("en33", "Subsidies for industry", "2024-03-22",
 "Belarusian enterprises received 2 billion rubles in state support in 2023, the Belarusian Finance Ministry said.",
 [("2 billion rubles", (2e9, "BYN"), dict(parties="Belarus", period="2023"))]),
("en34", "Exchange rate", "2024-04-11",
 "At the exchange rate of 450 tenge per dollar, Kazakhstan's exports to Belarus of 45 billion tenge "
 "in 2023 came to about $100 million.",
 [("45 billion tenge", 100e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", exporter="Kazakhstan", importer="Belarus")),
  ("about $100 million", 100e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", qualifier="approx"))]),
# fractional number words, a change between two years, ranges in a currency with no rate (amount = the
# lower end, as the scorer's gold has it), bare amounts in a quote far from the currency
("en35", "Fractions of a billion", "2024-04-10",
 "Belarus and Kazakhstan traded goods worth half a billion dollars in the first quarter of 2024, the ministry said. "
 "The new fertiliser plant will cost a quarter of a billion dollars. A joint fund of one and a half billion US "
 "dollars was set up in 2023, and the banks pledged another three quarters of a billion dollars.",
 [("half a billion dollars", 5e8, dict(period="2024-Q1")),
  ("a quarter of a billion dollars", 2.5e8, {}),
  ("one and a half billion US dollars", 1.5e9, dict(period="2023")),
  ("three quarters of a billion dollars", 7.5e8, {})]),
("en36", "Trade over four years", "2025-02-01",
 "Trade between Belarus and Kazakhstan rose from 1.1 billion dollars in 2021 to 1.5 billion dollars in 2024. "
 "Belarusian exports grew to $900 million in 2023 from $700 million in 2022. Imports from Kazakhstan fell from "
 "about 400 million dollars in 2022 to 350 million dollars last year.",
 [("1.1 billion dollars", 1.1e9, dict(period="2021")),
  ("1.5 billion dollars", 1.5e9, dict(period="2024")),
  ("$900 million", 9e8, dict(period="2023")),
  ("$700 million", 7e8, dict(period="2022")),
  ("about 400 million dollars", 4e8, dict(period="2022", qualifier="approx")),
  ("350 million dollars", 3.5e8, dict(period="2024"))]),
("en37", "Kazakhstan capex guidance", "2024-11-20",
 "The company expects capital expenditure of KZT 550–600 billion next year. The regional budget will spend "
 "between 30 and 40 billion tenge on roads in 2025, and the leasing programme needs 70-80 billion tenge.",
 [("KZT 550–600 billion", (550e9, "KZT"), dict(qualifier="range")),
  ("between 30 and 40 billion tenge", (30e9, "KZT"), dict(qualifier="range")),
  ("70-80 billion tenge", (70e9, "KZT"), dict(qualifier="range"))]),
("en38", "Lukashenko meets Vladimir governor", "2024-03-05",
 "Trade between Belarus and the Vladimir region reached $395 million last year, the press service said.\n\n"
 "The governor presented plans for new assembly lines and a logistics centre, and the two sides discussed grain, "
 "timber and the supply of buses for the city.\n\n"
 "\"Four hundred million would be good, but for a region like yours even that is too little,\" Lukashenko said. "
 "\"We can reach half a billion in two years. The region has 1.3 million people and good roads.\"",
 [("$395 million", 3.95e8, {}),
  ("Four hundred million", 4e8, {}),
  ("half a billion", 5e8, {})]),
# a bare number standing for another amount of the kind just stated, in the same sentence
("en39", "Bazaar prices", "2024-12-01",
 "At the Osh Bazaar in Bishkek beef on the bone costs 750 som a kilogram; lamb, 820. A ram that sold for "
 "8,000 som now sells for 13,000, a farmer said. Kyrgyz exports of meat reached $74 million. The number of "
 "joint ventures has exceeded 60, and 35 companies have opened shops in the market.",
 [("750 som", (750, "KGS"), {}),
  ("820", (820, "KGS"), {}),
  ("8,000 som", (8000, "KGS"), {}),
  ("13,000", (13000, "KGS"), {}),
  ("$74 million", 74e6, {})]),
]

if __name__ == "__main__":
    write_set("figures_en", ARTICLES, "en")
