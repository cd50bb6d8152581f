"""Writes tests/dev/quotes_real_en/ and quotes_real_ru/: short articles in the layouts of real outlets,
with gold quotes in the seeds-gold format. Run from tests/dev: python make_quotes_real.py

Each article is (file id, text, gold); gold lists (first words of the quote, speaker). A gold entry with
a third element True is a fragment inside a reporter's sentence ("partial"), which the scorer skips.
Quoted names of things and scare quotes are not in the gold: a row for them is an extra.
"""
import json
from pathlib import Path

HERE = Path(__file__).parent

EN = [
("r01_reuters_long_title", """Kazakhstan to cap fuel exports as prices climb
ASTANA, March 3 (Reuters) - Kazakhstan will extend a ban on exports of petrol and diesel by lorry for another six months, a senior official said on Tuesday.
"We will not allow a shortage on the domestic market," Deputy Prime Minister and Trade Minister Serik Zhumangarin told reporters in Astana.
Zhumangarin said the ban would not affect deliveries by rail under intergovernmental agreements.
"Our partners in the Eurasian Economic Union have been informed," he said.
""", [("We will not allow a shortage", "Serik Zhumangarin"), ("Our partners in the Eurasian", "Serik Zhumangarin")]),

("r02_ap_paragraph_run", """Belarus opens new rail link to China
MINSK, Belarus (AP) — Belarus opened a new freight terminal near Minsk on Friday, hoping to win a larger share of container traffic between China and Europe.
"This terminal is built for the trains of the next decade. It can handle twice as many containers as the old yard.
"We expect the first trains from Xi'an next month," said Alexei Avramenko, the transport minister.
Avramenko did not say how much the terminal cost.
""", [("This terminal is built for the trains", "Alexei Avramenko")]),

("r03_xinhua_apposition", """China, Kazakhstan vow to deepen cooperation in agriculture
ASTANA, June 12 (Xinhua) -- China and Kazakhstan will expand trade in grain, meat and oilseeds, Kazakhstan's Ministry of Agriculture said on Wednesday.
"Chinese demand for Kazakh wheat and barley is growing every year," said Aibek Smadiyarov, the ministry spokesman.
Smadiyarov added that exports of beef to China had doubled since January.
"We are ready to open two more border crossings for agricultural goods," Smadiyarov said.
""", [("Chinese demand for Kazakh wheat", "Aibek Smadiyarov"), ("We are ready to open two more", "Aibek Smadiyarov")]),

("r04_astana_times_statement_reads", """Kazakhstan condemns attack on merchant vessel in Red Sea
ASTANA – The Kazakh Foreign Ministry issued a statement on Monday on the attack on a merchant vessel in the Red Sea.
"Kazakhstan calls on all parties to refrain from actions that threaten international shipping," it reads.
"Freedom of navigation is essential for the trade of landlocked countries," the statement says.
""", [("Kazakhstan calls on all parties", "Kazakh Foreign Ministry"), ("Freedom of navigation is essential", "Kazakh Foreign Ministry")]),

("r05_kazinform_no_title_name", """Kazakhstan, Uzbekistan to launch joint industrial zone
ASTANA. KAZINFORM - The first residents of the Central Asia international industrial cooperation centre will start work next year, Kazinform correspondent reports.
"We have already received applications from 14 companies of the two countries," Daniyar Akishev said.
According to him, the centre will cover an area of 500 hectares.
"Customs clearance will take no more than an hour," Akishev added.
""", [("We have already received applications", "Daniyar Akishev"), ("Customs clearance will take", "Daniyar Akishev")]),

("r06_belta_head_of_state", """Lukashenko calls for more Belarusian machinery in Kazakh fields
MINSK, 5 June (BelTA) – Belarus is ready to expand supplies of agricultural machinery to Kazakhstan, Belarusian President Aleksandr Lukashenko said at a meeting with the akim of Kostanay Region Kumar Aksakalov.
“We are ready to supply not only tractors and combines but the whole production line,” the head of state said.
The akim thanked the Belarusian side for the assembly plant in Kostanay.
“Our farmers trust Belarusian equipment,” Kumar Aksakalov noted.
""", [("We are ready to supply not only", "Aleksandr Lukashenko"), ("Our farmers trust Belarusian", "Kumar Aksakalov")]),

("r07_tass_told_agency", """Russia, Kazakhstan agree on grain transit rules
MOSCOW, October 8. /TASS/. Russia and Kazakhstan have agreed on new rules for the transit of grain to Central Asia, Russian Deputy Prime Minister Alexei Overchuk told TASS.
"The rules will make transit cheaper and more predictable for our Kazakh partners," Overchuk said.
He noted that the volume of transit this year may exceed 2 million tonnes.
""", [("The rules will make transit cheaper", "Alexei Overchuk")]),

("r08_british_single_quotes", """Kazakhstan bets on the Middle Corridor
Kazakhstan is pouring money into the so-called ‘Middle Corridor’ across the Caspian Sea.
‘We want this route to carry ten million tonnes a year by 2030,’ said Nurlan Sauranbayev, the chairman of Kazakhstan Temir Zholy.
Mr Sauranbayev said new ferries were on order.
‘The bottleneck is the ports, not the railway,’ he added.
""", [("We want this route to carry", "Nurlan Sauranbayev"), ("The bottleneck is the ports", "Nurlan Sauranbayev")]),

("r09_eurasianet_said_this", """Kyrgyzstan and Kazakhstan trade barbs over border queues
Truck drivers have waited for up to a week at the Kyrgyz-Kazakh border this month.
“The border is open, and trade is not stopped.” Kazakh customs official Erlan Nurgaliyev said this at a briefing in Almaty on Thursday.
Kyrgyz officials disagree.
“Our drivers are losing money every day,” said Dastan Mamytov, a deputy economy minister of Kyrgyzstan.
""", [("The border is open, and trade", "Erlan Nurgaliyev"), ("Our drivers are losing money", "Dastan Mamytov")]),

("r10_press_release", """PRESS RELEASE: TradeCo opens regional hub in Almaty
ALMATY, Kazakhstan -- TradeCo, a logistics company, today announced the opening of its Central Asian hub in Almaty.
"Almaty is the natural gateway to Central Asia for our customers," said Maria Lopez, CEO of TradeCo. "The hub will cut delivery times to Tashkent and Bishkek by half."
The hub employs 120 people.
About TradeCo
TradeCo is a logistics company with offices in 14 countries.
""", [("Almaty is the natural gateway", "Maria Lopez"), ("The hub will cut delivery times", "Maria Lopez")]),

("r11_two_speakers_one_paragraph", """Belarus and Uzbekistan sign deals worth $300 mln
TASHKENT -- Belarus and Uzbekistan signed 20 agreements at a business forum in Tashkent on Tuesday.
"We have found new niches in pharmaceuticals," said Belarusian Industry Minister Alexander Efimov. "That is only the start," replied Uzbek Investment Minister Laziz Kudratov.
Both ministers said trade could reach $1.5 billion next year.
""", [("We have found new niches", "Alexander Efimov"), ("That is only the start", "Laziz Kudratov")]),

("r12_statement_from_ministry", """Kazakhstan evacuates citizens from conflict zone
Kazakhstan has evacuated 120 of its citizens by air, officials said.
"All citizens who asked for help have been taken to safety," said a statement from the Kazakh Foreign Ministry.
The ministry said a second flight was not planned.
""", [("All citizens who asked for help", "Kazakh Foreign Ministry")]),

("r13_press_service_of_president", """Belarusian leader signs decree on exporters
Belarusian companies that export more than half of their output will pay lower profit tax from January.
"The decree is intended to support exporters in new markets," according to the press service of the Belarusian president.
The tax rate will fall to 10 percent.
""", [("The decree is intended to support", "press service of the Belarusian president")]),

("r14_ministry_s_statement", """Uzbekistan lifts restrictions on Kazakh flour
Uzbekistan has lifted the extra duty on flour from Kazakhstan, the Uzbek Ministry of Economy and Finance said on Monday.
"The decision was taken to keep bread prices stable," the ministry's statement said.
Flour from Kazakhstan makes up most of Uzbekistan's imports of flour.
""", [("The decision was taken to keep bread", "Uzbek Ministry of Economy and Finance")]),

("r15_headline_word_then_name", """Trade
Saule Abenov said on Monday that Kazakh exports to Belarus rose by a fifth in the first quarter.
"Metals and grain led the growth," said Abenov, who heads the export agency QazTrade.
"We expect the same pace for the rest of the year," she added.
""", [("Metals and grain led the growth", "Saule Abenov"), ("We expect the same pace", "Saule Abenov")]),

("r16_title_case_headline", """Kazakh Grain Exports Reach Record High
Yerlan Baidaulet, chairman of the Kazakh Grain Union, said exports of wheat and flour reached a record in the marketing year.
"We sold grain to 42 countries, including Afghanistan, China and Iran," Baidaulet said.
""", [("We sold grain to 42 countries", "Yerlan Baidaulet")]),

("r17_pronoun_across_sentences", """Tokayev meets Chinese investors
President Kassym-Jomart Tokayev met a delegation of Chinese investors in Akorda on Thursday.
The head of state noted the growth of Chinese investment in the processing industry.
“Kazakhstan guarantees the protection of the rights of every investor,” he said.
He also asked the government to speed up the launch of the projects.
""", [("Kazakhstan guarantees the protection", "Kassym-Jomart Tokayev")]),

("r18_scare_quotes_and_brands", """Belarus tractor brand returns to Central Asian fairs
The “Belarus” tractor brand will be shown at the AgroWorld fair in Tashkent next week, together with trucks of the company “MAZ”.
Minsk Tractor Works general director Vitaly Vovk called the fair “a window to Central Asia”.
“Uzbek farmers bought 1,500 of our tractors last year, and we want to double that,” Vovk said.
""", [("Uzbek farmers bought 1,500", "Vitaly Vovk")]),

("r19_nested_quote", """Kazakh minister on the transit route
Transport Minister Marat Karabayev spoke at a conference in Aktau on Wednesday.
“When we met in Baku, Azerbaijani Digital Development and Transport Minister Rashad Nabiyev told me, ‘The ports will be ready by spring,’ and they are,” Karabayev said.
“The route is now faster than the northern one,” he added.
""", [("When we met in Baku", "Marat Karabayev"), ("The ports will be ready by spring", "Rashad Nabiyev"), ("The route is now faster", "Marat Karabayev")]),

("r20_interview_qa", """Q&A: Uzbek envoy on ties with Belarus
The Ambassador of Uzbekistan to Belarus, Bakhtiyor Gulyamov, spoke to BelTA.
Q: How has trade changed this year?
A: It has grown by a fifth. We buy tractors, trucks and medicines, and sell fruit and textiles.
Q: What are the priorities?
A: Joint production. Two assembly plants are already working in Uzbekistan.
""", [("It has grown by a fifth", "Bakhtiyor Gulyamov"), ("Joint production", "Bakhtiyor Gulyamov")]),

("r21_rferl_she", """Kazakh activists demand answers on water deal
Activists in southern Kazakhstan have asked the government to publish a water-sharing deal with Uzbekistan.
Aigerim Tleuzhan, an environmental activist in Shymkent, said farmers had not been consulted.
"Nobody asked the people whose fields will dry out," she told RFE/RL.
"We want to see the document before it is ratified."
""", [("Nobody asked the people", "Aigerim Tleuzhan"), ("We want to see the document", "Aigerim Tleuzhan")]),

("r22_sputnik_company_in_quotes", """Belarusian company to build dairy plant in Kazakhstan
The Belarusian holding “Savushkin Product” will build a dairy plant in the Kostanay region, the regional administration said.
“The plant will process 300 tonnes of milk a day,” the company’s director Alexander Sazonov said.
He said the plant would open in 2026.
""", [("The plant will process 300 tonnes", "Alexander Sazonov")]),

("r23_quote_before_colon", """Tokayev sets export target
Speaking at the meeting of the Foreign Investors Council, Kassym-Jomart Tokayev said:
"Our goal is to double exports of processed goods within five years."
He asked the government to report on progress every quarter.
""", [("Our goal is to double exports", "Kassym-Jomart Tokayev")]),

("r24_partial_and_direct", """Belarus, Kazakhstan to set up joint trading house
Belarus and Kazakhstan will set up a joint trading house to sell machinery in Central Asia, officials said.
Belarusian Ambassador Pavel Utyupin said the project was "at the final stage".
"The trading house will be registered in Almaty and will sell Belarusian tractors, buses and elevators," Utyupin told reporters.
""", [("at the final stage", "Pavel Utyupin", True), ("The trading house will be registered", "Pavel Utyupin")]),

("r25_according_to_name", """Kazakhstan to build new terminal on the Chinese border
Kazakhstan will build a new container terminal at Khorgos, the national railway company said.
According to Talgat Aldybergenov, the company's vice president, "the terminal will handle 500,000 containers a year."
The terminal is expected to be ready in 2027.
""", [("the terminal will handle 500,000", "Talgat Aldybergenov")]),

("r26_told_journalists_inverted", """Uzbekistan eyes Belarusian buses
Uzbekistan plans to buy 300 buses from Belarus this year.
"We need modern transport for our cities, and Belarusian buses suit our roads," Tashkent mayor Shavkat Umurzakov told journalists on Friday.
The first 50 buses will arrive in April, Umurzakov said.
""", [("We need modern transport for our cities", "Shavkat Umurzakov")]),

("r27_byline_and_lead", """Kazakhstan's oil output to rise, minister says
By Olzhas Auyezov
ASTANA, Jan 15 (Reuters) - Kazakhstan expects its oil output to rise to 100 million tonnes this year, Energy Minister Almasadam Satkaliyev said on Monday.
"Tengiz will add the most," Satkaliyev said, referring to the country's largest oilfield.
""", [("Tengiz will add the most", "Almasadam Satkaliyev")]),

("r28_curly_quote_split", """Belarus to raise potash exports via Russian ports
Belarus will ship more potash through Russian ports this year.
“Our exports through Ust-Luga grew by a third,” Industry Minister Alexander Efimov said, “and we will keep that route.”
He did not give figures.
""", [("Our exports through Ust-Luga", "Alexander Efimov"), ("and we will keep that route", "Alexander Efimov")]),

("r29_eurasianet_two_people", """Central Asia's water talks stall
Ministers from five Central Asian countries failed to agree on water quotas at a meeting in Dushanbe.
Tajik Energy Minister Daler Juma said his country needed the water for its hydropower plants. Uzbek Water Minister Shavkat Khamrayev said farmers could not wait.
“We cannot leave our turbines idle in winter,” Juma said.
“Our cotton fields need water in summer,” Khamrayev replied.
""", [("We cannot leave our turbines", "Daler Juma"), ("Our cotton fields need water", "Shavkat Khamrayev")]),

("r30_statement_reads_previous_sentence", """Belarus, Kazakhstan embassies mark anniversary
The Embassy of Belarus in Kazakhstan published a statement on the 30th anniversary of diplomatic relations.
“Over three decades our countries have built a partnership based on trust,” the statement reads.
""", [("Over three decades our countries", "Embassy of Belarus in Kazakhstan")]),

("r31_wire_spokeswoman_later_surname", """Kazakhstan says wheat stocks sufficient
Kazakhstan has enough wheat to last until the next harvest, a government spokeswoman said on Wednesday.
"There is no reason to worry about bread prices," spokeswoman Aida Balayeva told a briefing.
"Stocks are 2 million tonnes above last year's level," Balayeva said.
""", [("There is no reason to worry", "Aida Balayeva"), ("Stocks are 2 million tonnes", "Aida Balayeva")]),

("r32_quote_after_long_dateline", """Kazakhstan and Turkey to boost trade
ANKARA, Türkiye – Kazakhstan and Türkiye aim to raise trade to $10 billion, Kazakh Foreign Minister Murat Nurtleu said after talks with his Turkish counterpart Hakan Fidan.
“We have identified projects worth $5 billion,” Nurtleu said.
“Kazakhstan is our strategic partner in Central Asia,” Fidan said.
""", [("We have identified projects", "Murat Nurtleu"), ("Kazakhstan is our strategic partner", "Hakan Fidan")]),
]

RU = [
("r01_tass_zayavil_zhurnalistam", """Оверчук: транзит зерна в Центральную Азию вырастет
МОСКВА, 8 октября. /ТАСС/. Россия и Казахстан договорились о новых правилах транзита зерна.
«Правила сделают транзит дешевле и предсказуемее для наших казахстанских партнеров», — заявил журналистам вице-премьер РФ Алексей Оверчук.
По его словам, объем транзита в этом году может превысить 2 млн тонн.
""", [("Правила сделают транзит дешевле", "Алексей Оверчук")]),

("r02_belta_glava_gosudarstva", """Лукашенко: Беларусь готова поставлять в Казахстан целые производственные линии
МИНСК, 5 июня (БЕЛТА) – Беларусь готова расширить поставки сельхозтехники в Казахстан. Об этом заявил Президент Беларуси Александр Лукашенко на встрече с акимом Костанайской области.
«Мы готовы поставлять не только тракторы и комбайны, но и целые производственные линии», — сказал глава государства.
Аким поблагодарил белорусскую сторону за сборочное производство в Костанае.
""", [("Мы готовы поставлять не только", "Александр Лукашенко")]),

("r03_kazinform_otmetil_on", """Жумангарин: экспорт в Беларусь вырос на 20%
АСТАНА. КАЗИНФОРМ – Заместитель премьер-министра – министр торговли и интеграции Казахстана Серик Жумангарин провел встречу с белорусской делегацией.
«Экспорт казахстанских товаров в Беларусь вырос на 20 процентов», — отметил он.
Министр добавил, что стороны обсудили поставки металлов.
«Мы рассчитываем на новые контракты в машиностроении», — подчеркнул Жумангарин.
""", [("Экспорт казахстанских товаров", "Серик Жумангарин"), ("Мы рассчитываем на новые контракты", "Серик Жумангарин")]),

("r04_tokayeva_genitive", """В Астане обсудили поручения Главы государства
По поручению Касым-Жомарта Токаева правительство подготовило план по развитию несырьевого экспорта.
«Каждый регион должен иметь свою экспортную программу», — сказал Токаев на расширенном заседании правительства.
""", [("Каждый регион должен иметь", "Касым-Жомарт Токаев")]),

("r05_lukashenko_indeclinable", """Лукашенко и Токаев обсудили кооперацию
Касым-Жомарт Токаев провел телефонный разговор с Александром Лукашенко.
По словам Лукашенко, «кооперация в машиностроении — главный резерв роста товарооборота».
«Мы поддерживаем создание совместных предприятий», — ответил Токаев.
""", [("кооперация в машиностроении", "Александр Лукашенко"), ("Мы поддерживаем создание", "Касым-Жомарт Токаев")]),

("r06_mid_soobshchenie", """МИД Казахстана прокомментировал ситуацию в Красном море
Министерство иностранных дел Казахстана выступило с заявлением в связи с нападением на торговое судно.
«Казахстан призывает все стороны воздержаться от действий, угрожающих международному судоходству», — говорится в сообщении МИД.
""", [("Казахстан призывает все стороны", "МИД Казахстана")]),

("r07_akorda_press_service", """Токаев провел совещание по вопросам АПК
Глава государства провел совещание по развитию агропромышленного комплекса.
«Необходимо обеспечить фермеров доступными кредитами», — сообщает пресс-служба Акорды.
""", [("Необходимо обеспечить фермеров", "пресс-служба Акорды")]),

("r08_kommersant_dialogue_company", """Казахстанский автопром ищет рынки в Беларуси
ТОО «КазАвтоПром» планирует поставлять в Беларусь до тысячи автомобилей в год.
— Мы уже подписали договор с дилером в Минске, — говорит генеральный директор «КазАвтоПрома» Ерлан Сагинов. — Первые машины уйдут весной.
По его словам, компания рассчитывает на льготы ЕАЭС.
""", [("Мы уже подписали договор", "Ерлан Сагинов"), ("Первые машины уйдут весной", "Ерлан Сагинов")]),

("r09_interfax_kak_zayavil", """Беларусь увеличит экспорт калия через российские порты
Беларусь в этом году увеличит перевалку калийных удобрений через порты России.
Как заявил министр промышленности Беларуси Александр Ефимов, «экспорт через Усть-Лугу вырос на треть, и этот маршрут мы сохраним».
""", [("экспорт через Усть-Лугу вырос", "Александр Ефимов")]),

("r10_sredniy_koridor_scare", """Казахстан делает ставку на Средний коридор
Казахстан вкладывает средства в так называемый «Средний коридор» через Каспийское море.
«Мы хотим, чтобы этот маршрут к 2030 году перевозил десять миллионов тонн в год», — сказал председатель правления АО «Қазақстан темір жолы» Нурлан Сауранбаев.
""", [("Мы хотим, чтобы этот маршрут", "Нурлан Сауранбаев")]),

("r11_interview_qa", """Посол Узбекистана: товарооборот с Беларусью вырос на пятую часть
Посол Узбекистана в Беларуси Бахтиёр Гулямов ответил на вопросы корреспондента БЕЛТА.
— Как изменилась торговля в этом году?
— Она выросла на пятую часть. Мы покупаем тракторы, грузовики и лекарства, продаем фрукты и текстиль.
— Каковы приоритеты?
— Совместное производство. В Узбекистане уже работают два сборочных завода.
""", [("Она выросла на пятую часть", "Бахтиёр Гулямов"), ("Совместное производство", "Бахтиёр Гулямов")]),

("r12_two_speakers", """Беларусь и Узбекистан подписали соглашения на $300 млн
В Ташкенте прошел белорусско-узбекский бизнес-форум.
«Мы нашли новые ниши в фармацевтике», — сказал министр промышленности Беларуси Александр Ефимов. «Это только начало», — ответил министр инвестиций Узбекистана Лазиз Кудратов.
""", [("Мы нашли новые ниши", "Александр Ефимов"), ("Это только начало", "Лазиз Кудратов")]),

("r13_paragraph_run", """В Минске открылся новый контейнерный терминал
Под Минском в пятницу открылся новый грузовой терминал.
«Этот терминал построен для поездов следующего десятилетия. Он может обработать вдвое больше контейнеров, чем старая станция.
Первые поезда из Сианя мы ждем в следующем месяце», — сказал министр транспорта Алексей Ловыгин.
""", [("Этот терминал построен", "Алексей Ловыгин")]),

("r14_straight_quotes_web", """Казахстан увеличит экспорт муки в Узбекистан
Узбекистан отменил дополнительную пошлину на муку из Казахстана.
"Решение принято, чтобы сохранить стабильные цены на хлеб", - сообщили в Министерстве экономики и финансов Узбекистана.
""", [("Решение принято, чтобы сохранить", "Министерство экономики и финансов Узбекистана")]),

("r15_nested_lapki", """Карабаев: маршрут через Каспий стал быстрее северного
Министр транспорта Казахстана Марат Карабаев выступил на конференции в Актау.
«Когда мы встречались в Баку, министр транспорта Азербайджана Рашад Набиев сказал мне: „Порты будут готовы к весне“. И они готовы», — рассказал Карабаев.
""", [("Когда мы встречались в Баку", "Марат Карабаев"), ("Порты будут готовы к весне", "Рашад Набиев")]),

("r16_ona_female", """В Шымкенте требуют опубликовать водное соглашение
Экоактивистка из Шымкента Айгерим Тлеужан заявила, что с фермерами никто не советовался.
«Никто не спросил людей, чьи поля пересохнут», — сказала она.
«Мы хотим увидеть документ до ратификации», — добавила Тлеужан.
""", [("Никто не спросил людей", "Айгерим Тлеужан"), ("Мы хотим увидеть документ", "Айгерим Тлеужан")]),

("r17_zayavil_colon", """Сауранбаев: узкое место — порты
Председатель правления КТЖ Нурлан Сауранбаев на брифинге заявил: «Узкое место — порты, а не железная дорога».
""", [("Узкое место — порты", "Нурлан Сауранбаев")]),

("r18_sputnik_po_mneniyu_expert", """Эксперт: торговля Беларуси и Казахстана удвоится
Товарооборот Беларуси и Казахстана может удвоиться за пять лет.
По мнению экономиста Алексея Петрова, «резерв роста — совместная сборка техники в Казахстане».
«Логистика через Россию пока остается главным ограничением», — считает Петров.
""", [("резерв роста — совместная сборка", "Алексей Петров"), ("Логистика через Россию", "Алексей Петров")]),

("r19_headline_then_name", """Экспорт
Сауле Абенова сообщила, что экспорт Казахстана в Беларусь за первый квартал вырос на пятую часть.
«Рост обеспечили металлы и зерно», — сказала Абенова.
""", [("Рост обеспечили металлы и зерно", "Сауле Абенова")]),

("r20_governor_brest_split", """Брестская область ждет казахстанских инвесторов
Губернатор Брестской области Петр Пархомчик встретился с делегацией Карагандинской области.
«Мы предлагаем готовые площадки, — подчеркнул губернатор. — Земля для заводов уже выделена».
""", [("Мы предлагаем готовые площадки", "Петр Пархомчик"), ("Земля для заводов уже выделена", "Петр Пархомчик")]),

("r21_partial_fragment", """Беларусь и Казахстан создадут торговый дом
Посол Беларуси в Казахстане Павел Утюпин назвал проект «находящимся на финальной стадии».
«Торговый дом будет зарегистрирован в Алматы и будет продавать белорусские тракторы, автобусы и лифты», — рассказал дипломат журналистам.
""", [("находящимся на финальной стадии", "Павел Утюпин", True), ("Торговый дом будет зарегистрирован", "Павел Утюпин")]),

("r22_ria_sobesednik_name_after", """Казахстан построит терминал на границе с Китаем
Казахстан построит новый контейнерный терминал в Хоргосе.
«Терминал будет обрабатывать 500 тысяч контейнеров в год», — рассказал РИА Новости вице-президент нацкомпании Талгат Алдыбергенов.
""", [("Терминал будет обрабатывать", "Талгат Алдыбергенов")]),
]


RUN = ("A quote carried on into the next paragraph (its mark repeated) is one quote, from the first opening mark "
       "to the last closing one.")
NOTES = {"r02_ap_paragraph_run": [RUN], "r13_paragraph_run": [RUN]}


def write(name: str, articles: list) -> None:
    out = HERE / name
    out.mkdir(exist_ok=True)
    for file_id, text, gold in articles:
        quotes = []
        for entry in gold:
            start, speaker = entry[0], entry[1]
            assert start in text, (file_id, start)
            q = {"start": start, "speaker": speaker}
            if len(entry) > 2 and entry[2]:
                q["partial"] = True
            quotes.append(q)
        (out / f"{file_id}.txt").write_text(text, encoding="utf-8")
        gold_doc = {"file": f"{file_id}.txt", "quotes": quotes, "money": []}
        if file_id in NOTES:
            gold_doc["notes"] = NOTES[file_id]
        (out / f"{file_id}.json").write_text(json.dumps(gold_doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write("quotes_real_en", EN)
    write("quotes_real_ru", RU)
