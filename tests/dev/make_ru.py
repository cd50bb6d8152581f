# -*- coding: utf-8 -*-
"""Writes tests/dev/figures_ru/: short Russian articles with gold money annotations.

Each article is (file, title, published, body, figures); each figure is
(surface, value, extra) where value is a USD amount, or (amount, currency) for
other currencies, or (low, high) for a USD range, and extra holds the expected
context columns (parties, flow, period, exporter, importer, qualifier).
Run from the repository root: python tests/dev/make_ru.py
"""
from make_dev import write_set

ARTICLES = [
("ru01", "Товарооборот Беларуси и Казахстана вырос", "2024-02-12",
 "Товарооборот между Беларусью и Казахстаном в 2023 году составил 1,2 млрд долларов. "
 "Об этом сообщил посол Беларуси в Казахстане.",
 [("1,2 млрд долларов", 1.2e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2023"))]),
("ru02", "Казахстан и Китай нарастили торговлю", "2024-03-05",
 "По итогам прошлого года товарооборот Казахстана и Китая достиг $41 млрд. "
 "В первом полугодии 2023 года он составил около 19,5 млрд долларов.",
 [("$41 млрд", 41e9, dict(parties="China|Kazakhstan", flow="turnover", period="2023")),
  ("около 19,5 млрд долларов", 19.5e9, dict(parties="China|Kazakhstan", flow="turnover", period="2023-H1", qualifier="approx"))]),
("ru03", "Экспорт белорусских товаров в Казахстан", "2023-10-20",
 "Экспорт белорусской продукции в Казахстан за январь–сентябрь 2023 года составил 870 млн долларов. "
 "Импорт из Казахстана достиг 210 млн долларов.",
 [("870 млн долларов", 870e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023-01/2023-09", exporter="Belarus", importer="Kazakhstan")),
  ("210 млн долларов", 210e6, dict(parties="Belarus|Kazakhstan", flow="imports", period="2023-01/2023-09", exporter="Kazakhstan", importer="Belarus"))]),
("ru04", "Инвестиции в экономику Казахстана", "2024-01-15",
 "Объем прямых инвестиций из России в экономику Казахстана в 2022 году превысил 1 млрд. долларов США. "
 "Российские компании вложили еще порядка миллиарда в 2023 году.",
 [("превысил 1 млрд. долларов США", 1e9, dict(parties="Kazakhstan|Russia", flow="investment", period="2022", qualifier="more_than")),
  ("порядка миллиарда", 1e9, dict(parties="Kazakhstan|Russia", flow="investment", period="2023", qualifier="approx"))]),
("ru05", "Лукашенко поставил задачу довести товарооборот до 2 млрд", "2024-04-02",
 "Президент Беларуси поставил задачу довести товарооборот с Казахстаном до 2 млрд долларов к 2026 году. "
 "Сейчас взаимная торговля составляет почти 1,5 млрд долларов.",
 [("до 2 млрд долларов", 2e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2026", claim="target")),
  ("почти 1,5 млрд долларов", 1.5e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2024", qualifier="approx"))]),
("ru06", "Портфель совместных проектов", "2023-06-14",
 "Портфель совместных проектов Беларуси и Узбекистана оценивается от 700 млн до полутора миллиардов долларов.",
 [("от 700 млн до полутора миллиардов долларов", (700e6, 1.5e9), dict(parties="Belarus|Uzbekistan", flow="contract", qualifier="range"))]),
("ru07", "Бюджет Казахстана на 2024 год", "2023-12-01",
 "Расходы республиканского бюджета Казахстана на 2024 год составят 23 трлн тенге. "
 "На поддержку агропромышленного комплекса предусмотрено 3 трлн 200 млрд тенге.",
 [("23 трлн тенге", (23e12, "KZT"), dict(parties="Kazakhstan", flow="budget", period="2024")),
  ("3 трлн 200 млрд тенге", (3.2e12, "KZT"), dict(parties="Kazakhstan", flow="budget", period="2024"))]),
("ru08", "Минск и Москва: торговля в рублях", "2024-05-20",
 "Товарооборот Беларуси и России в 2023 году превысил 50 млрд долларов. "
 "Доля расчетов в российских рублях достигла 80 процентов, а объем таких платежей составил свыше 3 трлн российских рублей.",
 [("превысил 50 млрд долларов", 50e9, dict(parties="Belarus|Russia", flow="turnover", period="2023", qualifier="more_than")),
  ("свыше 3 трлн российских рублей", (3e12, "RUB"), dict(parties="Belarus|Russia", flow="turnover", period="2023", qualifier="more_than"))]),
("ru09", "Белорусские тракторы для казахстанских аграриев", "2024-07-11",
 "МТЗ подписал контракты на поставку тракторов в Казахстан на сумму 45 млн долларов. "
 "Ранее было поставлено техники на шестьсот миллионов рублей.",
 [("45 млн долларов", 45e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2024", exporter="Belarus", importer="Kazakhstan")),
  ("шестьсот миллионов рублей", (600e6, "BYN"), dict(parties="Belarus|Kazakhstan", flow="exports"))]),
("ru10", "Экспорт Беларуси вырос", "2024-02-28",
 "Экспорт Беларуси в Казахстан вырос с 640 млн долларов в 2021 году до 912 млн долларов в 2023 году.",
 [("640 млн долларов", 640e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2021", exporter="Belarus", importer="Kazakhstan")),
  ("912 млн долларов", 912e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", exporter="Belarus", importer="Kazakhstan"))]),
("ru11", "Кредит Евразийского банка развития", "2023-09-08",
 "Евразийский банк развития выделит Казахстану кредит в размере 150 млн евро на модернизацию ТЭЦ.",
 [("150 млн евро", (150e6, "EUR"), dict(parties="Kazakhstan", flow="loan", period="2023"))]),
("ru12", "Торговля Казахстана и Узбекистана", "2024-01-25",
 "В 2023 году товарооборот Казахстана и Узбекистана составил 4,5 млрд долларов. "
 "Стороны намерены нарастить его до 10 млрд долларов к 2030 году. "
 "Узбекские компании также выпустили облигации на 1,5 трлн сумов.",
 [("4,5 млрд долларов", 4.5e9, dict(parties="Kazakhstan|Uzbekistan", flow="turnover", period="2023")),
  ("до 10 млрд долларов", 10e9, dict(parties="Kazakhstan|Uzbekistan", flow="turnover", period="2030", claim="target")),
  ("1,5 трлн сумов", (1.5e12, "UZS"), dict(parties="Uzbekistan"))]),
("ru13", "Первый квартал", "2024-05-03",
 "В первом квартале 2024 года товарооборот Беларуси и Казахстана составил 312,4 млн долларов, "
 "что на 8% больше, чем годом ранее.",
 [("312,4 млн долларов", 312.4e6, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2024-Q1"))]),
("ru14", "Совместное предприятие", "2023-11-17",
 "Стоимость проекта по сборке комбайнов в Костанае составит не менее 20 млн долларов. "
 "Белорусская сторона вложит около 1,2 млрд рублей, казахстанская — 2 млрд тенге.",
 [("не менее 20 млн долларов", 20e6, dict(parties="Belarus|Kazakhstan", flow="contract", period="2023", qualifier="at_least")),
  ("около 1,2 млрд рублей", (1.2e9, "BYN"), dict(parties="Belarus|Kazakhstan", flow="investment", qualifier="approx")),
  ("2 млрд тенге", (2e9, "KZT"), dict(parties="Belarus|Kazakhstan", flow="investment"))]),
("ru15", "Инвестиции Китая", "2024-03-19",
 "Китайские компании инвестировали в Казахстан за 2005–2020 годы более 20 млрд долларов. "
 "Речь идет о сотнях миллионов долларов ежегодно.",
 [("более 20 млрд долларов", 20e9, dict(parties="China|Kazakhstan", flow="investment", period="2005/2020", qualifier="more_than")),
  ("сотнях миллионов долларов", (100e6, 999e6), dict(parties="China|Kazakhstan", flow="investment"))]),
("ru16", "Поставки зерна", "2024-08-09",
 "Казахстан поставил в Беларусь зерна на 36,7 млн долл. США за первое полугодие 2024 года.",
 [("36,7 млн долл. США", 36.7e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2024-H1", exporter="Kazakhstan", importer="Belarus"))]),
("ru17", "Белорусские рубли", "2024-02-02",
 "Объем производства на предприятии в 2023 году составил 150 млн белорусских рублей. "
 "Экспорт продукции в Казахстан достиг 12 млн долларов.",
 [("150 млн белорусских рублей", (150e6, "BYN"), dict(parties="", flow="other", period="2023")),
  ("12 млн долларов", 12e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", exporter="Belarus", importer="Kazakhstan"))]),
("ru18", "Торговля в ЕАЭС", "2024-04-26",
 "Объем взаимной торговли государств ЕАЭС в 2023 году составил 92,3 млрд долларов. "
 "Товарооборот ЕАЭС с третьими странами превысил 850 млрд.",
 [("92,3 млрд долларов", 92.3e9, dict(parties="EAEU", flow="turnover", period="2023")),
  ("превысил 850 млрд", 850e9, dict(parties="EAEU", flow="turnover", period="2023", qualifier="more_than"))]),
("ru19", "Девять месяцев", "2023-11-02",
 "За девять месяцев 2023 года товарооборот Казахстана и России составил 19 млрд 600 млн долларов.",
 [("19 млрд 600 млн долларов", 19.6e9, dict(parties="Kazakhstan|Russia", flow="turnover", period="2023-01/2023-09"))]),
("ru20", "Соглашения на форуме", "2023-10-13",
 "По итогам Форума регионов Беларуси и Казахстана подписаны соглашения на сумму свыше $500 млн. "
 "Ожидается, что в следующем году сумма контрактов составит не менее 700 млн долларов.",
 [("свыше $500 млн", 500e6, dict(parties="Belarus|Kazakhstan", flow="contract", period="2023", qualifier="more_than")),
  ("не менее 700 млн долларов", 700e6, dict(parties="Belarus|Kazakhstan", flow="contract", period="2024", claim="target", qualifier="at_least"))]),
("ru21", "Импорт из Китая", "2024-06-06",
 "Импорт Казахстана из Китая в январе–мае 2024 года составил 6,1 млрд долларов, "
 "экспорт в Китай — 5 млрд 800 млн долларов.",
 [("6,1 млрд долларов", 6.1e9, dict(parties="China|Kazakhstan", flow="imports", period="2024-01/2024-05", exporter="China", importer="Kazakhstan")),
  ("5 млрд 800 млн долларов", 5.8e9, dict(parties="China|Kazakhstan", flow="exports", period="2024-01/2024-05", exporter="Kazakhstan", importer="China"))]),
("ru22", "Товарооборот с Турцией", "2024-02-14",
 "Товарооборот Казахстана и Турции в 2023 году составил 6 409,5 млн долларов. "
 "Турецкие инвестиции за все годы превысили 6 млрд.",
 [("6 409,5 млн долларов", 6409.5e6, dict(parties="Kazakhstan|Turkey", flow="turnover", period="2023")),
  ("превысили 6 млрд", 6e9, dict(parties="Kazakhstan|Turkey", flow="investment", qualifier="more_than"))]),
("ru23", "Тенге и доллары", "2024-09-10",
 "Стоимость строительства завода оценивается в 120 млрд тенге, или около 250 млн долларов.",
 [("120 млрд тенге", (120e9, "KZT"), dict(parties="", flow="contract", period="2024")),
  ("около 250 млн долларов", 250e6, dict(parties="", flow="contract", period="2024", qualifier="approx"))]),
("ru24", "Двадцать миллиардов", "2023-05-30",
 "Объем торговли между Россией и Китаем в апреле 2023 года составил двадцать миллиардов долларов, "
 "а за четыре месяца — около 73 млрд долларов.",
 [("двадцать миллиардов долларов", 20e9, dict(parties="China|Russia", flow="turnover", period="2023-04")),
  ("около 73 млрд долларов", 73e9, dict(parties="China|Russia", flow="turnover", period="2023-01/2023-04", qualifier="approx"))]),
("ru25", "Помощь аграриям", "2024-03-01",
 "Правительство Беларуси выделит аграриям 1,8 млрд белорусских рублей. "
 "Кроме того, банки выдадут кредиты на сумму до 500 млн бел. руб.",
 [("1,8 млрд белорусских рублей", (1.8e9, "BYN"), dict(parties="Belarus", flow="budget", period="2024")),
  ("до 500 млн бел. руб.", (500e6, "BYN"), dict(parties="Belarus", flow="loan", period="2024", qualifier="at_most"))]),
("ru26", "Итоги визита", "2024-10-04",
 "Во время визита в Астану подписано 15 документов. Общая стоимость контрактов — 1 млрд 200 млн долларов. "
 "В 2023 году взаимная торговля Беларуси и Казахстана составила 1,16 млрд долларов, "
 "а в 2019 году — 850 млн.",
 [("1 млрд 200 млн долларов", 1.2e9, dict(parties="Belarus|Kazakhstan", flow="contract", period="2024")),
  ("1,16 млрд долларов", 1.16e9, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2023")),
  ("850 млн", 850e6, dict(parties="Belarus|Kazakhstan", flow="turnover", period="2019"))]),
("ru27", "Господдержка", "2024-03-22",
 "Белорусские предприятия получили в 2023 году 2 млрд рублей господдержки, сообщили в Минфине.",
 [("2 млрд рублей", (2e9, "BYN"), dict(parties="Belarus", period="2023"))]),
("ru28", "Курс", "2024-04-11",
 "По курсу 450 тенге за доллар экспорт Казахстана в Беларусь в 2023 году на 45 млрд тенге составил около 100 млн долларов.",
 [("45 млрд тенге", 100e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", exporter="Kazakhstan", importer="Belarus")),
  ("около 100 млн долларов", 100e6, dict(parties="Belarus|Kazakhstan", flow="exports", period="2023", qualifier="approx"))]),
]

if __name__ == "__main__":
    write_set("figures_ru", ARTICLES, "ru")
