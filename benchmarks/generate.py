"""Write N realistic articles for benchmarks, deterministic by seed.

Sentences, quotes, money amounts and theme terms are recombined from the real
articles in seeds/, with other speakers, dates, layouts and quote marks, so
every extractor has work that looks like news. `--lang ru` writes Russian
articles from templates written for the benchmark (speakers with gendered cue
verbs, «» quotes with dash attribution, amounts such as "около 870 млн долларов"):

    python benchmarks/generate.py --n 1000 --out benchmarks/out/corpus-1000
    python benchmarks/generate.py --n 1000 --lang ru
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GIVEN = ["Anna", "Boris", "Chen", "Dana", "Erlan", "Farida", "Gleb", "Hanna", "Igor", "Jana", "Kairat", "Lena", "Marat",
         "Nadia", "Oleg", "Petra", "Ruslan", "Saule", "Timur", "Ulan", "Vera", "Yuri", "Zarina", "Aliya", "Daniyar"]
FAMILY = ["Abenov", "Bondar", "Chernov", "Dosova", "Esimov", "Frolova", "Gusev", "Hakimov", "Ivanova", "Jumabek",
          "Kozlov", "Lee", "Mukanov", "Novak", "Orlova", "Petrov", "Rakhimov", "Sidorova", "Tulegenov", "Usenova"]
TITLES = ["Minister of Trade", "Deputy Prime Minister", "Ambassador", "Governor of the region", "Chairman of the board",
          "Foreign Minister", "head of the delegation", "Minister of Agriculture", "President of the association"]
SOURCES = ["Agency A", "Daily B", "Outlet C", "Wire D", "Portal E"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")]
CURRENCY = [("${n} {s}", 1), ("USD {n} {s}", 1), ("{n} {s} US dollars", 1), ("€{n} {s}", 1), ("{n} {s} tenge", 1),
            ("{n} {s} Russian rubles", 1), ("${n}{a}", 1)]


def _seed_material():
    narrative, quoted = [], []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for para in text.split("\n")[1:]:
            para = para.strip()
            for q in re.findall(r"[“\"]([^”\"]{25,400})[”\"]", para):
                quoted.append(q.strip().rstrip(","))
            plain = re.sub(r"[“\"][^”\"]*[”\"]", "", para)
            for s in re.split(r"(?<=[.!?])\s+", plain):
                if 8 <= len(s.split()) <= 45 and not re.search(r"[“”\"«»]", s):
                    narrative.append(s.strip())
    return narrative, quoted


def _money(rng: random.Random) -> str:
    form, _ = rng.choice(CURRENCY)
    n = rng.choice(["1", "1.2", "2.5", "845.3", "300", "12", "a", "several"])
    scale = rng.choice(["million", "billion", "bn", "mln"])
    if n in ("a", "several") and form.startswith(("$", "€", "USD")):
        n = "1.5"
    text = form.format(n=n, s=scale, a=rng.choice(["m", "bn"]))
    qual = rng.choice(["", "", "about ", "more than ", "close to ", "at least ", "nearly "])
    return qual + text


def article(rng: random.Random, narrative: list[str], quoted: list[str], i: int) -> str:
    speakers = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(rng.randint(1, 3))]
    year = rng.randint(2012, 2026)
    lines = [f"{rng.choice(['Talks', 'Trade', 'Visit', 'Forum', 'Meeting'])} on cooperation, report {i}"]
    lines.append(rng.choice([f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}", f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                             f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}, {rng.randint(1, 28)} {rng.choice(MONTHS)}"]))
    lines.append("")
    first = speakers[0]
    lines.append(f"{rng.choice(TITLES)} {first} met partners in the capital on {rng.randint(1, 28)} {rng.choice(MONTHS)}. "
                 + rng.choice(narrative))
    for _ in range(rng.randint(10, 18)):
        kind = rng.random()
        who = rng.choice(speakers)
        o, c = rng.choice(MARKS)
        q = rng.choice(quoted)
        if kind < 0.35:
            lines.append(" ".join(rng.sample(narrative, 2)))
        elif kind < 0.5:
            lines.append(f"{o}{q},{c} {who} said. {o}{rng.choice(quoted)}{c}")
        elif kind < 0.62:
            lines.append(f"{who.split()[-1]} {rng.choice(['noted', 'stressed', 'said'])}: {o}{q}{c}")
        elif kind < 0.72:
            lines.append(f"According to {who}, trade reached {_money(rng)} in {year - 1}. {rng.choice(narrative)}")
        elif kind < 0.82:
            lines.append(f"{o}{q},{c} {rng.choice(['he', 'she'])} {rng.choice(['added', 'emphasized', 'remarked'])}.")
        elif kind < 0.9:
            lines.append(f"{who}, {rng.choice(TITLES)}:")
            lines.append(f"{o}{q}{c}")
        else:
            lines.append(f"The sides expect turnover to exceed {_money(rng)} in the next few years. {rng.choice(narrative)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- Russian

# Written for the benchmark (no Russian seed articles): newsroom sentences about
# trade and cooperation, «» quotes attributed with a dash or a colon, amounts in
# the forms Russian outlets use (около 870 млн долларов, 1,2 млрд рублей, $300 млн).
RU_PEOPLE = [("Анна", "Иванова", "f"), ("Борис", "Петров", "m"), ("Ерлан", "Абенов", "m"), ("Дана", "Досова", "f"),
             ("Глеб", "Гусев", "m"), ("Фарида", "Хакимова", "f"), ("Игорь", "Козлов", "m"), ("Жанна", "Мукамбетова", "f"),
             ("Кайрат", "Тулегенов", "m"), ("Елена", "Орлова", "f"), ("Марат", "Рахимов", "m"), ("Надежда", "Новак", "f"),
             ("Олег", "Сидоров", "m"), ("Сауле", "Есимова", "f"), ("Тимур", "Жумабеков", "m"), ("Вера", "Фролова", "f"),
             ("Юрий", "Чернов", "m"), ("Зарина", "Усенова", "f"), ("Руслан", "Бондарь", "m"), ("Алия", "Каримова", "f")]
RU_TITLES = ["министр торговли", "вице-премьер", "посол", "губернатор области", "председатель правления",
             "министр иностранных дел", "глава делегации", "министр сельского хозяйства", "президент ассоциации"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
RU_NARRATIVE = [
    "Стороны обсудили развитие торгово-экономического сотрудничества и реализацию совместных проектов.",
    "Особое внимание было уделено промышленной кооперации и локализации производства.",
    "В ходе встречи рассматривались вопросы поставок сельскохозяйственной техники и зерна.",
    "Участники форума подписали несколько соглашений в сфере логистики и транспорта.",
    "Делегации договорились расширить взаимодействие в области энергетики и машиностроения.",
    "На переговорах обсуждались перспективы создания совместного предприятия по выпуску тракторов.",
    "Отдельно речь шла о цифровизации таможенных процедур на границе.",
    "Эксперты отмечают рост взаимных инвестиций в агропромышленный комплекс.",
    "Страны также намерены увеличить объемы железнодорожных перевозок через территорию республики.",
    "Важным направлением остается сотрудничество в сфере образования и науки.",
    "Правительство планирует поддержать экспортеров льготными кредитами.",
    "По итогам заседания межправительственной комиссии был утвержден план мероприятий на два года.",
    "Компании представили проекты в фармацевтике, нефтехимии и пищевой промышленности.",
    "Министерство сообщило, что поставки молочной продукции выросли в полтора раза.",
    "Региональные власти рассчитывают привлечь инвесторов в индустриальные парки.",
]
RU_QUOTED = [
    "Мы видим хорошую динамику во всех отраслях и готовы двигаться дальше",
    "Наша задача — выйти на новые рынки и нарастить экспорт высокотехнологичной продукции",
    "Сотрудничество в машиностроении остается для нас приоритетом",
    "Мы рассчитываем, что уже в следующем году объем поставок удвоится",
    "Совместное производство техники — это рабочие места и налоги в обеих странах",
    "Логистика сегодня определяет конкурентоспособность любой экономики",
    "Мы открыты для инвестиций и гарантируем партнерам равные условия",
    "Важно не останавливаться на достигнутом и искать новые точки роста",
    "Сельское хозяйство дает нам устойчивость даже в сложные годы",
    "Без современной инфраструктуры невозможно развивать транзит",
    "Мы договорились снять оставшиеся барьеры во взаимной торговле",
    "Результаты этого года показывают, что выбранный курс правильный",
]
RU_CUES = {"m": ["сказал", "отметил", "подчеркнул", "заявил", "добавил"],
           "f": ["сказала", "отметила", "подчеркнула", "заявила", "добавила"]}
RU_HEADLINES = ["Переговоры о сотрудничестве", "Торговля растет", "Визит делегации", "Форум регионов", "Встреча министров"]
RU_MARKS = [("«", "»"), ("„", "“"), ("«", "»")]


def _ru_money(rng: random.Random, qualified: bool = True) -> str:
    n = rng.choice(["870", "1,2", "2,5", "845,3", "300", "12", "1 200", "полтора"])
    scale = rng.choice(["млн", "млрд", "миллиона", "миллиарда"])
    cur = rng.choice(["долларов", "долларов США", "рублей", "тенге", "евро"])
    if rng.random() < 0.15 and n != "полтора":
        return f"${n} {scale}"
    qual = rng.choice(["", "", "около ", "более ", "почти ", "не менее ", "свыше "]) if qualified else ""
    return f"{qual}{n} {scale} {cur}"


def article_ru(rng: random.Random, i: int) -> str:
    people = rng.sample(RU_PEOPLE, rng.randint(1, 3))
    year = rng.randint(2012, 2026)
    lines = [f"{rng.choice(RU_HEADLINES)}, сообщение {i}"]
    lines.append(rng.choice([f"{rng.randint(1, 28)} {rng.choice(RU_MONTHS)} {year}",
                             f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                             f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}, {rng.randint(1, 28)} {rng.choice(RU_MONTHS)}"]))
    lines.append("")
    given, family, g = people[0]
    met = "встретился" if g == "m" else "встретилась"
    lines.append(f"{rng.choice(RU_TITLES).capitalize()} {given} {family} {met} с партнерами "
                 f"{rng.randint(1, 28)} {rng.choice(RU_MONTHS)}. " + rng.choice(RU_NARRATIVE))
    for _ in range(rng.randint(10, 18)):
        kind = rng.random()
        given, family, g = rng.choice(people)
        o, c = rng.choice(RU_MARKS)
        q = rng.choice(RU_QUOTED)
        cue = rng.choice(RU_CUES[g])
        if kind < 0.35:
            lines.append(" ".join(rng.sample(RU_NARRATIVE, 2)))
        elif kind < 0.5:
            lines.append(f"{o}{q}{c}, — {cue} {given} {family}. {o}{rng.choice(RU_QUOTED)}{c}.")
        elif kind < 0.62:
            lines.append(f"{family} {cue}: {o}{q}{c}.")
        elif kind < 0.72:
            told = "сообщил" if g == "m" else "сообщила"
            lines.append(f"Как {told} {given} {family}, товарооборот в {year - 1} году составил "
                         f"{_ru_money(rng)}. {rng.choice(RU_NARRATIVE)}")
        elif kind < 0.82:
            lines.append(f"{o}{q}{c}, — {cue} {'он' if g == 'm' else 'она'}.")
        elif kind < 0.9:
            lines.append(f"{given} {family}, {rng.choice(RU_TITLES)}:")
            lines.append(f"{o}{q}{c}.")
        else:
            lines.append(f"Стороны рассчитывают, что в ближайшие годы товарооборот превысит {_ru_money(rng, False)}. "
                         f"{rng.choice(RU_NARRATIVE)}")
    return "\n".join(lines) + "\n"


def generate(n: int, out: Path, seed: int = 7, lang: str = "en") -> Path:
    out.mkdir(parents=True, exist_ok=True)
    existing = len(list(out.glob("*.txt")))
    if existing == n:
        return out
    for p in out.glob("*.txt"):
        p.unlink()
    rng = random.Random(seed)
    if lang == "ru":
        for i in range(n):
            (out / f"a{i:05d}.txt").write_text(article_ru(rng, i), encoding="utf-8")
        return out
    narrative, quoted = _seed_material()
    for i in range(n):
        (out / f"a{i:05d}.txt").write_text(article(rng, narrative, quoted, i), encoding="utf-8")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lang", choices=["en", "ru"], default="en",
                    help="en: recombined from seeds/; ru: Russian newsroom templates")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    name = f"corpus-{a.n}" if a.lang == "en" else f"corpus-{a.lang}-{a.n}"
    print(generate(a.n, a.out or ROOT / "benchmarks" / "out" / name, a.seed, a.lang))
