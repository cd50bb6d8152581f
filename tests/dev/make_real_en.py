"""Writes tests/dev/figures_real_en/: short English articles written in the styles of the outlets the
briefing reads (wire copy, BelTA and Kazinform English, Astana Times, Trend, TASS, RFE/RL, Eurasianet,
The Diplomat, bne IntelliNews, company press releases), with the money forms and traps of real news.

Same layout as make_en.py: each figure is (surface, value, extra) where value is a USD amount, or
(amount, currency) for another currency, or (low, high) for a USD range or vague amount.
A converted pair ("3.2 trillion tenge ($6.8 billion)") is two figures: each amount as written.
Percentages, years, counts, tonnes and phone numbers are not money and have no gold.
Run from tests/dev: python make_real_en.py
"""
from make_dev import write_set

BK = "Belarus|Kazakhstan"
ARTICLES = [
("ren01", "Kazakhstan, China Trade Hits Record $41 Billion", "2024-01-22",
 "ASTANA, Jan 22 (Reuters) - Trade between Kazakhstan and China rose 32% to a record $41 billion in 2023, "
 "Chinese customs data showed on Monday, as Astana expands rail links to its largest trading partner.\n\n"
 "Chinese exports to Kazakhstan jumped to $24.7 billion, while imports from Kazakhstan were worth $16.3bn. "
 "The two sides have set a goal of $80 billion by 2030, officials said.\n\n"
 "(Reporting by Olzhas Auyezov; Editing by Mark Potter)",
 [("$41 Billion", 41e9, dict(parties="China|Kazakhstan", flow="turnover")),
  ("$41 billion", 41e9, dict(parties="China|Kazakhstan", flow="turnover", period="2023")),
  ("$24.7 billion", 24.7e9, dict(flow="exports", exporter="China", importer="Kazakhstan")),
  ("$16.3bn", 16.3e9, dict(flow="imports")),
  ("$80 billion", 80e9, dict(claim="target", period="2030"))]),
("ren02", "Belarus, Kazakhstan aim to bring trade to $2bn", "2024-03-15",
 "MINSK, 15 March (BelTA) - Belarus and Kazakhstan intend to increase mutual trade to $2bn, Prime Minister "
 "Roman Golovchenko said at a meeting with the Kazakh delegation.\n\n"
 "In 2023, Belarus-Kazakhstan trade amounted to $1.12 billion, up 4.5% year-on-year. Belarusian exports "
 "totaled $874.6 million. The number of joint ventures has exceeded 600, and more than 350 Belarusian "
 "companies operate in Kazakhstan.",
 [("$2bn", 2e9, dict(claim="target", parties=BK, flow="turnover")),
  ("$2bn", 2e9, dict(claim="target", parties=BK, flow="turnover")),
  ("$1.12 billion", 1.12e9, dict(parties=BK, flow="turnover", period="2023")),
  ("$874.6 million", 874.6e6, dict(parties=BK, flow="exports", period="2023", exporter="Belarus", importer="Kazakhstan"))]),
("ren03", "Kazakhstan's foreign trade turnover tops $130 billion", "2024-02-14",
 "ASTANA. KAZINFORM - Kazakhstan's foreign trade turnover reached $139.8 billion in 2023, according to the "
 "Bureau of National Statistics. Exports stood at $78.7 billion, imports at $61.1 billion.\n\n"
 "Trade with EAEU countries totaled $28.9 billion, of which Russia accounted for $26.7 billion.",
 [("$130 billion", 130e9, dict(qualifier="more_than", parties="Kazakhstan")),
  ("$139.8 billion", 139.8e9, dict(parties="Kazakhstan", flow="turnover", period="2023", reporter="Kazakhstan statistics")),
  ("$78.7 billion", 78.7e9, dict(parties="Kazakhstan", flow="exports", period="2023")),
  ("$61.1 billion", 61.1e9, dict(parties="Kazakhstan", flow="imports", period="2023")),
  ("$28.9 billion", 28.9e9, dict(flow="turnover", period="2023")),
  ("$26.7 billion", 26.7e9, dict(period="2023"))]),
("ren04", "Samruk-Kazyna posts record profit", "2024-05-30",
 "ASTANA (The Astana Times) - Samruk-Kazyna, Kazakhstan's sovereign wealth fund, reported a net profit of "
 "KZT 1.9 trillion for 2023, while its assets stood at KZT 38.2 trillion as of Dec. 31. The fund paid "
 "3.2 trillion tenge ($6.8 billion) in taxes and dividends to the state budget.\n\n"
 "For inquiries, call +7 (7172) 55-40-01.",
 [("KZT 1.9 trillion", (1.9e12, "KZT"), dict(period="2023")),
  ("KZT 38.2 trillion", (38.2e12, "KZT"), {}),
  ("3.2 trillion tenge", (3.2e12, "KZT"), {}),
  ("$6.8 billion", 6.8e9, {})]),
("ren05", "Belarus' BelAZ signs $120m mining truck deal in Kazakhstan", "2024-09-04",
 "BelAZ has signed a contract worth $120m to supply 60 dump trucks to a Kazakh copper miner, the company said "
 "in a statement. Deliveries of the 130-tonne trucks are due in 2025.\n\n"
 "The deal is part of a $1.2-1.5 billion package of agreements signed during the Belarusian premier's visit. "
 "Each truck costs around $2 million.",
 [("$120m", 120e6, dict(flow="contract")),
  ("$120m", 120e6, dict(flow="contract")),
  ("$1.2-1.5 billion", (1.2e9, 1.5e9), dict(flow="contract")),
  ("around $2 million", 2e6, dict(qualifier="approx"))]),
("ren06", "Kazakhstan budget deficit widens", "2024-08-12",
 "ALMATY (bne IntelliNews) - Kazakhstan's budget deficit reached KZT 2.1 trillion in January-June, the "
 "finance ministry said. Transfers from the National Fund amounted to 2.4 trillion tenge, while "
 "the fund's assets stood at $60.3bn at the end of June.\n\n"
 "The tenge traded at 472 per dollar on Friday, down 3% on the month.",
 [("KZT 2.1 trillion", (2.1e12, "KZT"), dict(flow="budget", period="2024-01/2024-06")),
  ("2.4 trillion tenge", (2.4e12, "KZT"), {}),
  ("$60.3bn", 60.3e9, {})]),
("ren07", "EBRD lends €50 million to Kazakh wind farm", "2024-06-18",
 "The European Bank for Reconstruction and Development (EBRD) is providing a loan of up to EUR 50 million "
 "for the construction of a 100 MW wind farm in the Zhambyl region. The total project cost is estimated at "
 "€95m. The bank has invested more than €10 billion in Kazakhstan since 1993 across 330 projects.",
 [("€50 million", (50e6, "EUR"), dict(flow="loan")),
  ("up to EUR 50 million", (50e6, "EUR"), dict(flow="loan", qualifier="at_most")),
  ("estimated at €95m", (95e6, "EUR"), dict(qualifier="approx")),
  ("more than €10 billion", (10e9, "EUR"), dict(flow="investment", qualifier="more_than"))]),
("ren08", "Belarus raises $300 mln from Chinese loan", "2023-11-07",
 "Belarus has received a US$300 mln loan from the China Development Bank to finance road projects, the "
 "Finance Ministry said. Belarus' external public debt stood at USD 16.9 billion as of 1 October 2023.\n\n"
 "The loan carries an interest rate of 3.5% and a term of 15 years.",
 [("$300 mln", 300e6, dict(flow="loan")),
  ("US$300 mln", 300e6, dict(flow="loan")),
  ("USD 16.9 billion", 16.9e9, dict(period="2023-10-01"))]),
("ren09", "Uzbekistan and Kazakhstan target $10 bln trade", "2024-04-11",
 "TASHKENT, April 11 (Trend) - Trade turnover between Uzbekistan and Kazakhstan reached 4.3 billion U.S. dollars "
 "in 2023, and the two countries plan to bring it to $10 bln in the coming years. In the first quarter of 2024, "
 "trade amounted to $1.1bln.\n\n"
 "Uzbek exports to Kazakhstan were 520 million dollars in the quarter.",
 [("$10 bln", 10e9, dict(claim="target")),
  ("4.3 billion U.S. dollars", 4.3e9, dict(parties="Kazakhstan|Uzbekistan", flow="turnover", period="2023")),
  ("$10 bln", 10e9, dict(claim="target")),
  ("$1.1bln", 1.1e9, dict(parties="Kazakhstan|Uzbekistan", flow="turnover", period="2024-Q1")),
  ("520 million dollars", 520e6, dict(flow="exports", exporter="Uzbekistan", importer="Kazakhstan"))]),
("ren10", "Kyrgyzstan's imports from Kazakhstan", "2024-03-02",
 "BISHKEK (Eurasianet) - Kyrgyzstan imported goods worth 78 billion som from Kazakhstan last year, roughly "
 "$870 million at the current exchange rate. Remittances from migrants in Russia, worth some $2.6 billion, "
 "remain the economy's mainstay. A loaf of bread now costs 35 som.",
 [("78 billion som", (78e9, "KGS"), dict(flow="imports")),
  ("roughly $870 million", 870e6, dict(qualifier="approx")),
  ("some $2.6 billion", 2.6e9, dict(qualifier="approx")),
  ("35 som", (35, "KGS"), {})]),
("ren11", "Azerbaijan and Kazakhstan sign agreements worth $1 billion", "2024-07-02",
 "BAKU, Azerbaijan, July 2 (Trend) - Azerbaijan and Kazakhstan have signed agreements worth about $1 billion. "
 "The Azerbaijani side will invest 150 million manat in a joint logistics hub in Aktau, and trade between the "
 "two countries, which stood at $450 million last year, is to double by 2026.",
 [("$1 billion", 1e9, dict(flow="contract")),
  ("about $1 billion", 1e9, dict(flow="contract", qualifier="approx")),
  ("150 million manat", (150e6, "AZN"), dict(flow="investment")),
  ("$450 million", 450e6, dict(parties="Azerbaijan|Kazakhstan", flow="turnover", period="2023"))]),
("ren12", "Russia-Belarus trade in rubles", "2024-02-27",
 "MOSCOW, February 27 (TASS) - Trade between Russia and Belarus in 2023 exceeded $50 billion, Russian Deputy "
 "Prime Minister Alexei Overchuk said. More than 90% of payments are made in national currencies. "
 "Russia will provide Belarus with a state loan of 105 billion Russian rubles, and Belarus has already "
 "received 5 billion rubles under the previous credit line.",
 [("exceeded $50 billion", 50e9, dict(parties="Belarus|Russia", flow="turnover", period="2023", qualifier="more_than")),
  ("105 billion Russian rubles", (105e9, "RUB"), dict(flow="loan")),
  ("5 billion rubles", (5e9, "RUB"), {})]),
("ren13", "Belarus budget 2024", "2023-12-20",
 "MINSK, 20 December (BelTA) - Belarus' republican budget for 2024 envisages revenues of Br46.5 billion and "
 "expenditures of BYN 50.2 billion. The deficit will be about 3.7 billion Belarusian rubles. "
 "Salaries in the public sector will rise 10% from 1 January, and the average wage is expected at "
 "Br2,100 a month.",
 [("Br46.5 billion", (46.5e9, "BYN"), dict(flow="budget")),
  ("BYN 50.2 billion", (50.2e9, "BYN"), dict(flow="budget")),
  ("about 3.7 billion Belarusian rubles", (3.7e9, "BYN"), dict(qualifier="approx")),
  ("Br2,100", (2100, "BYN"), {})]),
("ren14", "Kazakh wheat exports", "2024-10-08",
 "Kazakhstan exported 12.3 million tonnes of grain in the 2023/24 marketing year, earning about $2.8 billion. "
 "Prices for milling wheat at the border averaged $250 per tonne, compared with $310 a tonne a year earlier. "
 "Exports to China reached 3 million tonnes.",
 [("about $2.8 billion", 2.8e9, dict(flow="exports", qualifier="approx")),
  ("$250 per tonne", 250, dict(flow="price")),
  ("$310 a tonne", 310, dict(flow="price"))]),
("ren15", "Kazakhstan oil fund assets", "2024-01-10",
 "Assets of Kazakhstan's National Fund stood at $59.9 billion as of 1 January 2024, the National Bank said. "
 "At the end of 2022 they were $55.7 billion. The fund's target is to keep at least $30 billion in reserve.",
 [("$59.9 billion", 59.9e9, dict(parties="Kazakhstan", period="2024-01-01")),
  ("$55.7 billion", 55.7e9, dict(parties="Kazakhstan", period="2022-12-31")),
  ("at least $30 billion", 30e9, dict(claim="target", qualifier="at_least"))]),
("ren16", "Chinese investment in Kazakhstan", "2024-05-14",
 "ASTANA, May 14 (Xinhua) - China's direct investment in Kazakhstan totaled 1.5 billion U.S. dollars in 2023, "
 "and the stock of Chinese investment has exceeded 26 billion dollars, Kazakh officials said. The two sides "
 "signed 30 cooperation documents worth 23 billion yuan (about 3.2 billion dollars).",
 [("1.5 billion U.S. dollars", 1.5e9, dict(parties="China|Kazakhstan", flow="investment", period="2023")),
  ("exceeded 26 billion dollars", 26e9, dict(flow="investment", qualifier="more_than")),
  ("23 billion yuan", (23e9, "CNY"), {}),
  ("about 3.2 billion dollars", 3.2e9, dict(qualifier="approx"))]),
("ren17", "Belarus potash exports via Russian ports", "2024-06-03",
 "Belaruskali's exports have shifted to Russian ports since 2022, when Lithuania halted transit worth an "
 "estimated $2-3 billion a year. Analysts put the company's 2023 revenue at between $2 and $3 billion, "
 "compared with $5.6bn in 2021. The company employs about 16,000 people.",
 [("an estimated $2-3 billion", (2e9, 3e9), dict(qualifier="range")),
  ("between $2 and $3 billion", (2e9, 3e9), dict(qualifier="range")),
  ("$5.6bn", 5.6e9, dict(period="2021"))]),
("ren18", "Kazakhstan-Russia trade slows", "2024-03-19",
 "Kazakhstan's trade with Russia fell 2.4% to $26.4 billion in 2023, while trade with the EU was up 12% to "
 "$41.4 billion year-on-year. Imports from Russia nearly doubled to $900 million in the fertiliser segment.",
 [("$26.4 billion", 26.4e9, dict(parties="Kazakhstan|Russia", flow="turnover", period="2023")),
  ("$41.4 billion", 41.4e9, dict(parties="EU|Kazakhstan", flow="turnover", period="2023")),
  ("$900 million", 900e6, dict(flow="imports"))]),
("ren19", "Kazakh firm to build plant in Belarus", "2024-11-05",
 "A Kazakh agricultural holding will invest several hundred million dollars in a dairy plant in the Minsk "
 "region, the Belarusian Economy Ministry said. Belarusian banks will lend tens of millions of dollars, "
 "and the project could eventually attract hundreds of millions in further investment.",
 [("several hundred million dollars", (2e8, 9e8), dict(flow="investment")),
  ("tens of millions of dollars", (2e7, 9.9e7), dict(flow="loan")),
  ("hundreds of millions", (2e8, 9.99e8), dict(flow="investment"))]),
("ren20", "EU-Central Asia investment pledges", "2024-01-30",
 "BRUSSELS (RFE/RL) - The European Union pledged 10 billion euros for transport links across Central Asia, "
 "with private investors expected to add several billion dollars more. Kazakhstan alone is seeking $18.5bn for the "
 "Trans-Caspian route. The EU is Kazakhstan's largest investor, with more than $160 billion invested since 2005.",
 [("10 billion euros", (10e9, "EUR"), dict(flow="investment")),
  ("several billion dollars", (2e9, 9e9), {}),
  ("$18.5bn", 18.5e9, {}),
  ("more than $160 billion", 160e9, dict(qualifier="more_than", flow="investment"))]),
("ren21", "Kazakh Tech Startup Raises $20M", "2024-09-17",
 "ALMATY, Kazakhstan, Sept. 17, 2024 /PRNewswire/ -- Kazakh fintech company Arma Pay today announced a "
 "$20 million Series B round. The round values the company at $250M. Since 2019, Arma Pay has processed "
 "payments worth over 1.2 trillion tenge.\n\n"
 "Media contact: press@armapay.kz, +7 727 355 12 90",
 [("$20M", 20e6, {}),
  ("$20 million", 20e6, {}),
  ("$250M", 250e6, {}),
  ("over 1.2 trillion tenge", (1.2e12, "KZT"), dict(qualifier="more_than"))]),
("ren22", "Kazakhstan, UK sign deals", "2024-03-27",
 "Kazakhstan and the United Kingdom signed agreements worth £1.1 billion during the visit. British "
 "investments in Kazakhstan's economy have totaled $18.6 billion since 2005, and bilateral trade "
 "reached GBP 1.5 billion last year.",
 [("£1.1 billion", (1.1e9, "GBP"), dict(flow="contract")),
  ("$18.6 billion", 18.6e9, dict(flow="investment")),
  ("GBP 1.5 billion", (1.5e9, "GBP"), dict(flow="turnover", period="2023"))]),
("ren23", "Belarus-Kazakhstan trade: key figures", "2024-02-20",
 "Belarus-Kazakhstan trade in 2023:\n\n"
 "- Turnover: $1.12bn (+4.5%)\n"
 "- Belarusian exports: $874.6mn\n"
 "- Imports from Kazakhstan: $245.7mn\n"
 "- Joint ventures: 600+\n\n"
 "Source: Belstat",
 [("$1.12bn", 1.12e9, dict(parties=BK, flow="turnover", period="2023")),
  ("$874.6mn", 874.6e6, dict(parties=BK, flow="exports", period="2023")),
  ("$245.7mn", 245.7e6, dict(parties=BK, flow="imports", period="2023"))]),
("ren24", "Kazakh railway orders locomotives", "2024-07-23",
 "Kazakhstan Temir Zholy signed a 1,200,000 dollar consultancy contract and a KZT 450 billion order for "
 "locomotives, the company said on Tuesday. The railway also plans to buy 1,500 freight cars in 2025, with "
 "funding of some 180 bn tenge.",
 [("1,200,000 dollar", 1.2e6, dict(flow="contract")),
  ("KZT 450 billion", (450e9, "KZT"), dict(flow="contract")),
  ("some 180 bn tenge", (180e9, "KZT"), dict(qualifier="approx"))]),
("ren25", "The Diplomat: Belarus looks east", "2024-04-25",
 "Minsk's trade with Beijing has grown from $3.4 billion in 2019 to $8.4 billion in 2023. Yet Chinese loans "
 "to Belarus, estimated at $8 billion over the past decade, have not produced the industrial boom Lukashenko "
 "promised. The Great Stone industrial park has attracted just $1.5 billion of the $5 billion pledged.",
 [("$3.4 billion", 3.4e9, dict(period="2019")),
  ("$8.4 billion", 8.4e9, dict(period="2023")),
  ("$8 billion", 8e9, dict(flow="loan")),
  ("$1.5 billion", 1.5e9, dict(flow="investment")),
  ("$5 billion", 5e9, {})]),
("ren26", "Tajikistan and Kazakhstan", "2024-10-30",
 "DUSHANBE (Asia-Plus) - Trade between Tajikistan and Kazakhstan totaled $1.05 billion in January-September, "
 "Tajik customs said. Tajik exports, mostly aluminium and fruit, were just $160 million. "
 "A 2 million somoni fund will support exporters.",
 [("$1.05 billion", 1.05e9, dict(parties="Kazakhstan|Tajikistan", flow="turnover", period="2024-01/2024-09")),
  ("$160 million", 160e6, dict(flow="exports")),
  ("2 million somoni", (2e6, "TJS"), {})]),
("ren27", "Belarus, Kazakhstan to set up $100m investment fund", "2024-10-03",
 "ASTANA, 3 October (BelTA) - Belarus and Kazakhstan will set up a joint investment fund with capital of "
 "USD 100 million, Belarusian Ambassador Pavel Utyupin said. A portfolio of 15 projects worth USD 1.5 billion "
 "has been formed. In January-August 2024, trade between the two countries grew by 6% to $780 million.",
 [("$100m", 100e6, dict(flow="investment")),
  ("USD 100 million", 100e6, dict(flow="investment")),
  ("USD 1.5 billion", 1.5e9, dict(flow="contract")),
  ("$780 million", 780e6, dict(parties=BK, flow="turnover", period="2024-01/2024-08"))]),
("ren28", "Turkmenistan gas sales", "2024-02-06",
 "Turkmenistan earned an estimated $8.6 billion from gas exports to China in 2023, according to Chinese "
 "customs data. Volumes fell to 33 billion cubic metres. The country's budget for 2024 is set at 103.5 billion "
 "manat.",
 [("an estimated $8.6 billion", 8.6e9, dict(flow="exports", qualifier="approx")),
  ("103.5 billion manat", (103.5e9, "TMT"), dict(flow="budget"))]),
("ren29", "Kazakhstan, Russia sign 2.5 trillion tenge energy deal", "2024-11-28",
 "Russia's Rosatom and Kazakhstan's Samruk-Energy signed an agreement on a coal-fired power plant project "
 "valued at about 2.5 trillion tenge (around $5 billion). Construction will start in 2025 and create 5,000 "
 "jobs. The sides also discussed a gas pipeline costing between $1.5 billion and $2 billion.",
 [("2.5 trillion tenge", (2.5e12, "KZT"), dict(flow="contract")),
  ("about 2.5 trillion tenge", (2.5e12, "KZT"), dict(flow="contract", qualifier="approx")),
  ("around $5 billion", 5e9, dict(qualifier="approx")),
  ("between $1.5 billion and $2 billion", (1.5e9, 2e9), dict(qualifier="range"))]),
("ren30", "Kazakhstan FDI inflow", "2024-09-10",
 "Gross inflows of foreign direct investment into Kazakhstan amounted to $11.7\u00a0billion in the first half of "
 "2024, down 7.6% from a year earlier, the National Bank reported. The Netherlands remained the largest "
 "investor with $3\u202f200\u202fmillion, followed by the United States with $1.9 billion.",
 [("$11.7\u00a0billion", 11.7e9, dict(parties="Kazakhstan", flow="investment", period="2024-H1")),
  ("$3\u202f200\u202fmillion", 3.2e9, dict(flow="investment")),
  ("$1.9 billion", 1.9e9, dict(flow="investment"))]),
("ren31", "Belarus grain purchases", "2024-08-29",
 "Belarus bought 200,000 tonnes of Kazakh wheat worth $45 million this year, the Belarusian Agriculture "
 "Ministry said. Under a new deal, Belarusian tractors worth 3.5 billion rubles will be supplied to "
 "Kazakh farms, with the National Bank of Belarus providing guarantees.",
 [("$45 million", 45e6, dict(flow="imports")),
  ("3.5 billion rubles", (3.5e9, "BYN"), dict(flow="exports"))]),
("ren32", "Kazakhstan's Halyk Bank quarterly results", "2024-05-08",
 "Halyk Bank reported net income of KZT 218.5 bn for the first quarter of 2024, up 16.8% y-o-y. Its loan "
 "portfolio grew to KZT 10.4 trn. The bank paid dividends of 35.6 tenge per share, or a total of "
 "KZT 388.2 billion.",
 [("KZT 218.5 bn", (218.5e9, "KZT"), dict(period="2024-Q1")),
  ("KZT 10.4 trn", (10.4e12, "KZT"), dict(flow="loan")),
  ("35.6 tenge", (35.6, "KZT"), {}),
  ("KZT 388.2 billion", (388.2e9, "KZT"), {})]),
("ren33", "Georgia, Kazakhstan eye $1bn trade", "2024-06-12",
 "TBILISI (AP) - Georgia and Kazakhstan aim to lift annual trade to $1 billion, up from about $600 million "
 "today, Georgian Prime Minister Irakli Kobakhidze said. Kazakh investment in Georgia stands at roughly "
 "$1.2bln. About 1.5 million Kazakh tourists could visit by 2030, he said.",
 [("$1bn", 1e9, dict(claim="target")),
  ("$1 billion", 1e9, dict(claim="target")),
  ("about $600 million", 600e6, dict(qualifier="approx")),
  ("roughly $1.2bln", 1.2e9, dict(qualifier="approx", flow="investment"))]),
("ren34", "Kazakh miner pays dividends", "2024-04-18",
 "Kazatomprom will pay dividends of $500,000 to minority holders and $12,000 in fees, and has set aside "
 "$1.5m and $500K for two community projects. Exports grew by $300 million to $1.5 billion in 2023, "
 "while uranium sales reached 21,000 tonnes. The company's 20 million shares were placed at $40 each.",
 [("$500,000", 5e5, {}), ("$12,000", 1.2e4, {}), ("$1.5m", 1.5e6, {}), ("$500K", 5e5, {}),
  ("$300 million", 3e8, dict(flow="exports")), ("$1.5 billion", 1.5e9, dict(flow="exports", period="2023")),
  ("$40", 40, {})]),
("ren35", "Air Astana orders jets", "2024-02-13",
 "Air Astana has ordered Boeing 787 and Airbus A320neo jets worth US $1.2 billion at list prices, "
 "or U.S.$ 300 million more than its 2019 order. The carrier flew 8.4 million passengers last year and "
 "about 1.5 million Kazakh tourists could fly to Europe by 2030. Its net profit was $ 91 million.",
 [("US $1.2 billion", 1.2e9, dict(flow="contract")),
  ("U.S.$ 300 million", 3e8, {}),
  ("$ 91 million", 9.1e7, {})]),
("ren36", "China lends to Kazakh rail", "2024-07-04",
 "China's Exim Bank will lend RMB 1.2 billion for a rail terminal in Khorgos, on top of a CNY 8bn credit "
 "line agreed in 2023 and 1.2 billion RMB of earlier loans. The project also gets a 10 billion tenge "
 "($21 million) grant from Kazakhstan's budget. Rates: the tenge traded at 450 tenge per US dollar.",
 [("RMB 1.2 billion", (1.2e9, "CNY"), dict(flow="loan")),
  ("CNY 8bn", (8e9, "CNY"), dict(flow="loan")),
  ("1.2 billion RMB", (1.2e9, "CNY"), {}),
  ("10 billion tenge", (1e10, "KZT"), {}),
  ("$21 million", 2.1e7, {})]),
("ren37", "Belarus-Russia Union State budget", "2024-01-17",
 "The Union State budget for 2024 is 9.9 billion Russian rubles. Belarus will receive 15 billion rubles "
 "(about $165 million) for joint programmes, and trade between the two countries is $50bn-plus. "
 "Minsk also plans to issue Br 1.5 bn and BYN1.2bn of bonds, the National Bank of Belarus said.",
 [("9.9 billion Russian rubles", (9.9e9, "RUB"), dict(flow="budget")),
  ("15 billion rubles", (15e9, "RUB"), {}),
  ("about $165 million", 1.65e8, dict(qualifier="approx")),
  ("$50bn-plus", 5e10, dict(flow="turnover", qualifier="at_least")),
  ("Br 1.5 bn", (1.5e9, "BYN"), {}),
  ("BYN1.2bn", (1.2e9, "BYN"), {})]),
("ren38", "Kazakhstan, Qatar sign $12bn of deals", "2024-06-21",
 "ASTANA (Kazinform) - Qatar will invest half a billion dollars in Kazakh agriculture and up to "
 "one billion dollars in energy, part of a package of agreements worth $12bn. Another two billion dollars "
 "could follow, Prime Minister Olzhas Bektenov said. Kazakhstan's GDP grew 5.1% to 120 trillion tenge.",
 [("$12bn", 12e9, dict(flow="contract")),
  ("half a billion dollars", 5e8, dict(flow="investment")),
  ("up to one billion dollars", 1e9, dict(flow="investment", qualifier="at_most")),
  ("$12bn", 12e9, dict(flow="contract")),
  ("two billion dollars", 2e9, {}),
  ("120 trillion tenge", (1.2e14, "KZT"), {})]),
("ren39", "Kazakh oil revenues", "2024-03-05",
 "Kazakhstan's oil exports earned $46.1 billion in 2023 with Brent at about $82 per barrel. "
 "Each $1 drop in the oil price costs the budget roughly 80 billion tenge. Output was 1.8 million "
 "barrels per day, and 8 billion cubic metres of gas went to China. The 2024 budget deficit is set at 3% of GDP.",
 [("$46.1 billion", 46.1e9, dict(flow="exports", period="2023")),
  ("about $82 per barrel", 82, dict(flow="price", qualifier="approx")),
  ("$1", 1, {}),
  ("roughly 80 billion tenge", (8e10, "KZT"), dict(qualifier="approx"))]),
("ren40", "Investment in Belarus free economic zones", "2024-09-26",
 "Residents of Belarus' free economic zones invested 1.1 billion Belarusian rubles in the first half of the year. "
 "Total foreign direct investment in Belarus in January-June 2024 was $3.4 billion, the National "
 "Statistical Committee said. Chinese investors have put more than $1 billion into the Great Stone park, where "
 "120 residents with 12,500 jobs are registered. Contact: +375 17 200 45 67.",
 [("1.1 billion Belarusian rubles", (1.1e9, "BYN"), dict(flow="investment")),
  ("$3.4 billion", 3.4e9, dict(flow="investment", parties="Belarus", period="2024-01/2024-06")),
  ("more than $1 billion", 1e9, dict(flow="investment", qualifier="more_than"))]),
]

if __name__ == "__main__":
    write_set("figures_real_en", ARTICLES, "en")
