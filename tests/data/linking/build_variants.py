"""Write name_variants.tsv: Arabic spellings of actors as ANT articles write them.

The variants and their entities were chosen by reading ANT articles (grep over the corpus,
then reading each hit in context); this script only adds, for each, how often it occurs in
the article bodies (as a word, possibly after a one-letter proclitic) and one article it
was seen in, preferring internationalNews and politic. Run from the repository root:

    .venv/bin/python tests/data/linking/build_variants.py [--context]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
ANT = REPO.parent / "shared" / "corpus" / "ant"
OUT = HERE / "name_variants.tsv"
sys.path.insert(0, str(REPO))

from kg.read import ReadError, read_file  # noqa: E402

ARABIC = "\u0621-\u065f\u066e-\u06d3"
PREFERRED = ("internationalNews", "politic")

# (variant, canonical_en, qid or "", type, what it shows, source article if it must be a given one)
NETANYAHU = ("Benjamin Netanyahu", "Q43723", "PER")
ERDOGAN = ("Recep Tayyip Erdoğan", "Q39259", "PER")
TRUMP = ("Donald Trump", "Q22686", "PER")
PUTIN = ("Vladimir Putin", "Q7747", "PER")
HOLLANDE = ("François Hollande", "Q157", "PER")
MACRON = ("Emmanuel Macron", "Q3052772", "PER")
MERKEL = ("Angela Merkel", "Q567", "PER")
OBAMA = ("Barack Obama", "Q76", "PER")
ESSEBSI = ("Beji Caid Essebsi", "", "PER")
SISI = ("Abdel Fattah el-Sisi", "Q307871", "PER")
GUTERRES = ("António Guterres", "Q311440", "PER")
KIM = ("Kim Jong-un", "Q56226", "PER")
SALMAN = ("Salman of Saudi Arabia", "Q367825", "PER")
TAMIM = ("Tamim bin Hamad Al Thani", "Q1855372", "PER")
SARRAJ = ("Fayez al-Sarraj", "Q21089561", "PER")
UN = ("United Nations", "Q1065", "ORG")
EU = ("European Union", "Q458", "ORG")
NATO = ("NATO", "Q7184", "ORG")
UNSC = ("United Nations Security Council", "Q37470", "ORG")
ARAB_LEAGUE = ("Arab League", "Q7172", "ORG")
ISIL = ("Islamic State", "Q2429253", "ORG")
NIDAA = ("Nidaa Tounes", "", "ORG")
UGTT = ("Tunisian General Labour Union", "", "ORG")
US = ("United States", "Q30", "LOC")

VARIANTS: list[tuple[str, tuple[str, str, str], str, str | None]] = [
    ("نتنياهو", NETANYAHU, "surname", None),
    ("نتانياهو", NETANYAHU, "surname, added long vowel", "internationalNews/JA-internationalNews-1-20170121.txt"),
    ("نتتنياهو", NETANYAHU, "typo: doubled letter", "internationalNews/JA-internationalNews-1-20170121.txt"),
    ("بنيامين نتنياهو", NETANYAHU, "full name", None),
    ("بنيامين نتانياهو", NETANYAHU, "full name, added long vowel", None),
    ("بنيامين نتتنياهو", NETANYAHU, "full name with a typo", None),
    ("أردوغان", ERDOGAN, "surname, hamza above", None),
    ("اردوغان", ERDOGAN, "surname, bare alef", None),
    ("إردوغان", ERDOGAN, "surname, hamza below", None),
    ("رجب طيب أردوغان", ERDOGAN, "full name", None),
    ("رجب طيب اردوغان", ERDOGAN, "full name, bare alef", None),
    ("رجب طيب إردوغان", ERDOGAN, "full name, hamza below", None),
    ("الرئيس التركي رجب طيب أردوغان", ERDOGAN, "title + full name", None),
    ("ترامب", TRUMP, "surname", None),
    ("ترمب", TRUMP, "surname, dropped long vowel", "internationalNews/JA-internationalNews-123-20170131.txt"),
    ("دونالد ترامب", TRUMP, "full name", None),
    ("دونالد ترمب", TRUMP, "full name, dropped long vowel", None),
    ("الرئيس الأمريكي دونالد ترامب", TRUMP, "title + full name", None),
    ("الرئيس ترامب", TRUMP, "title + surname", None),
    ("بوتين", PUTIN, "surname", None),
    ("بوتن", PUTIN, "surname, dropped long vowel", None),
    ("فلاديمير بوتين", PUTIN, "full name", None),
    ("فلاديمير بوتن", PUTIN, "full name, dropped long vowel", None),
    ("هولاند", HOLLANDE, "surname", None),
    ("أولاند", HOLLANDE, "surname, French spelling without h", None),
    ("فرانسوا هولاند", HOLLANDE, "full name", None),
    ("فرانسوا اولاند", HOLLANDE, "full name, bare alef", None),
    ("فرنسوان هولند", HOLLANDE, "typos: added ن, dropped ا", None),
    ("ماكرون", MACRON, "surname", None),
    ("إيمانويل ماكرون", MACRON, "full name", None),
    ("ايمانويل ماكرون", MACRON, "full name, bare alef", None),
    ("إمانويل ماكرون", MACRON, "full name, dropped ي", None),
    ("ميركل", MERKEL, "surname", None),
    ("أنجيلا ميركل", MERKEL, "full name", None),
    ("انجيلا ميركل", MERKEL, "full name, bare alef", None),
    ("أنغيلا ميركل", MERKEL, "full name, غ for g", None),
    ("إنجيلا ميركيل", MERKEL, "hamza below and added ي", None),
    ("أوباما", OBAMA, "surname", None),
    ("اوباما", OBAMA, "surname, bare alef", None),
    ("باراك أوباما", OBAMA, "full name", None),
    ("باراك اوباما", OBAMA, "full name, bare alef", None),
    ("الرئيس أوباما", OBAMA, "title + surname", None),
    ("السبسي", ESSEBSI, "surname", "politic/JA-politic-401-20150720.txt"),
    ("قائد السبسي", ESSEBSI, "family name with hamza", None),
    ("قايد السبسي", ESSEBSI, "family name, ي for hamza", None),
    ("الباجي قائد السبسي", ESSEBSI, "full name", None),
    ("الباجي قايد السبسي", ESSEBSI, "full name, ي for hamza", None),
    ("الباجى قايد السبسي", ESSEBSI, "ى for final ي", None),
    ("رئيس الجمهورية الباجي قايد السبسي", ESSEBSI, "title + full name", None),
    ("السيسي", SISI, "surname", None),
    ("عبد الفتاح السيسي", SISI, "full name", None),
    ("الرئيس عبد الفتاح السيسي", SISI, "title + full name", None),
    ("غوتيريش", GUTERRES, "surname", None),
    ("غوتيريس", GUTERRES, "surname, س for ش", None),
    ("أنطونيو غوتيريش", GUTERRES, "full name", None),
    ("كيم جونغ أون", KIM, "full name", None),
    ("كيم جونغ-أون", KIM, "full name, hyphen", None),
    ("كيم جونغ اون", KIM, "full name, bare alef", None),
    ("كيم يونغ أون", KIM, "full name, ي for ج", None),
    ("سلمان بن عبد العزيز", SALMAN, "full name", None),
    ("سلمان بن عبدالعزيز", SALMAN, "full name, compound written as one word", None),
    ("الملك سلمان", SALMAN, "title + first name", None),
    ("تميم بن حمد آل ثاني", TAMIM, "full name", None),
    ("الشيخ تميم بن حمد آل ثاني", TAMIM, "title + full name", None),
    ("فائز السراج", SARRAJ, "full name, hamza", None),
    ("فايز السراج", SARRAJ, "full name, ي for hamza", None),
    ("بشار الأسد", ("Bashar al-Assad", "Q44329", "PER"), "full name", None),
    ("بشار الاسد", ("Bashar al-Assad", "Q44329", "PER"), "full name, bare alef", None),
    ("محمود عباس", ("Mahmoud Abbas", "Q127998", "PER"), "full name", None),
    ("بان كي مون", ("Ban Ki-moon", "Q1253", "PER"), "full name", None),
    ("راشد الغنوشي", ("Rached Ghannouchi", "", "PER"), "full name", None),
    ("راشد الغنّوشي", ("Rached Ghannouchi", "", "PER"), "full name with shadda", None),
    ("يوسف الشاهد", ("Youssef Chahed", "", "PER"), "full name", None),
    ("يوسف الشّاهد", ("Youssef Chahed", "", "PER"), "full name with shadda", None),
    ("خميس الجهيناوي", ("Khemaies Jhinaoui", "", "PER"), "full name", None),
    ("خميّس الجهيناوي", ("Khemaies Jhinaoui", "", "PER"), "full name with shadda", None),
    ("حمة الهمامي", ("Hamma Hammami", "", "PER"), "full name", None),
    ("حمّة الهمامي", ("Hamma Hammami", "", "PER"), "full name with shadda", None),
    ("المنصف المرزوقي", ("Moncef Marzouki", "", "PER"), "full name with ال", None),
    ("منصف المرزوقي", ("Moncef Marzouki", "", "PER"), "full name without ال", None),
    ("محمد المنصف المرزوقي", ("Moncef Marzouki", "", "PER"), "full name with first name", None),
    ("مارين لوبان", ("Marine Le Pen", "", "PER"), "full name", None),
    ("لوبن", ("Marine Le Pen", "", "PER"), "surname, dropped long vowel", "internationalNews/JA-internationalNews-824-20170502.txt"),
    ("عبد العزيز بوتفليقة", ("Abdelaziz Bouteflika", "", "PER"), "full name", None),
    ("بوتفليقة", ("Abdelaziz Bouteflika", "", "PER"), "surname", None),
    ("الأمم المتحدة", UN, "name", None),
    ("الامم المتحدة", UN, "bare alef", None),
    ("منظمة الأمم المتحدة", UN, "with منظمة", "internationalNews/JA-internationalNews-608-20170329.txt"),
    ("للأمم المتحدة", UN, "with the preposition ل", None),
    ("الاتحاد الأوروبي", EU, "name", None),
    ("الاتحاد الاوروبي", EU, "bare alef", None),
    ("الإتحاد الأوروبي", EU, "hamza on a wasla alef", None),
    ("للاتحاد الأوروبي", EU, "with the preposition ل", None),
    ("حلف شمال الأطلسي", NATO, "name", None),
    ("الناتو", NATO, "acronym", None),
    ("الحلف الأطلسي", NATO, "short name", None),
    ("مجلس الأمن الدولي", UNSC, "full name", None),
    ("مجلس الامن", UNSC, "short name, bare alef", None),
    ("جامعة الدول العربية", ARAB_LEAGUE, "name", None),
    ("الجامعة العربية", ARAB_LEAGUE, "short name", None),
    ("داعش", ISIL, "acronym", None),
    ("تنظيم داعش", ISIL, "with تنظيم", None),
    ("تنظيم الدولة الإسلامية", ISIL, "name", None),
    ("تنظيم الدولة الاسلامية", ISIL, "name, bare alef", None),
    ("تنظيم القاعدة", ("al-Qaeda", "Q34490", "ORG"), "with تنظيم", None),
    ("صندوق النقد الدولي", ("International Monetary Fund", "Q7804", "ORG"), "name", None),
    ("نداء تونس", NIDAA, "name", None),
    ("حركة نداء تونس", NIDAA, "with حركة", None),
    ("حزب نداء تونس", NIDAA, "with حزب", None),
    ("حركة النهضة", ("Ennahda Movement", "", "ORG"), "name", None),
    ("الاتحاد العام التونسي للشغل", UGTT, "name", None),
    ("الإتحاد العام التونسي للشغل", UGTT, "hamza on a wasla alef", None),
    ("اتحاد الشغل", UGTT, "short name", None),
    ("حماس", ("Hamas", "", "ORG"), "name", None),
    ("حركة حماس", ("Hamas", "", "ORG"), "with حركة", None),
    ("الولايات المتحدة", US, "name", "internationalNews/JA-internationalNews-1189-20170617.txt"),
    ("الولايات المتحدة الأمريكية", US, "full name", None),
    ("الولايات المتحدة الأميركية", US, "full name, ي before ر", None),
    ("الولايات المتحدة الامريكية", US, "full name, bare alef", None),
    ("أمريكا", US, "common name", None),
    ("أميركا", US, "common name, ي before ر", None),
    ("امريكا", US, "common name, bare alef", None),
    ("ألمانيا", ("Germany", "Q183", "LOC"), "name", None),
    ("المانيا", ("Germany", "Q183", "LOC"), "bare alef", None),
    ("إيطاليا", ("Italy", "Q38", "LOC"), "name", None),
    ("ايطاليا", ("Italy", "Q38", "LOC"), "bare alef", None),
    ("إسرائيل", ("Israel", "Q801", "LOC"), "name", None),
    ("اسرائيل", ("Israel", "Q801", "LOC"), "bare alef", None),
    ("إيران", ("Iran", "Q794", "LOC"), "name", None),
    ("ايران", ("Iran", "Q794", "LOC"), "bare alef", None),
    ("أستراليا", ("Australia", "Q408", "LOC"), "name", None),
    ("استراليا", ("Australia", "Q408", "LOC"), "bare alef", None),
    ("إسبانيا", ("Spain", "Q29", "LOC"), "name", None),
    ("اسبانيا", ("Spain", "Q29", "LOC"), "bare alef", None),
    ("السعودية", ("Saudi Arabia", "Q851", "LOC"), "short name", None),
    ("المملكة العربية السعودية", ("Saudi Arabia", "Q851", "LOC"), "full name", None),
    ("بريطانيا", ("United Kingdom", "Q145", "LOC"), "common name", None),
    ("المملكة المتحدة", ("United Kingdom", "Q145", "LOC"), "official name", None),
    ("الإمارات", ("United Arab Emirates", "Q878", "LOC"), "short name", None),
    ("الامارات", ("United Arab Emirates", "Q878", "LOC"), "short name, bare alef", None),
    ("الإمارات العربية المتحدة", ("United Arab Emirates", "Q878", "LOC"), "full name", None),
    ("الأردن", ("Jordan", "Q810", "LOC"), "name", "internationalNews/JA-internationalNews-595-20170329.txt"),
    ("الاردن", ("Jordan", "Q810", "LOC"), "bare alef", None),
    ("قرغيزستان", ("Kyrgyzstan", "Q813", "LOC"), "name", None),
    ("قيرغيزستان", ("Kyrgyzstan", "Q813", "LOC"), "added ي", None),
    ("إسطنبول", ("Istanbul", "Q406", "LOC"), "name", None),
    ("اسطنبول", ("Istanbul", "Q406", "LOC"), "bare alef", None),
    ("بروكسل", ("Brussels", "Q239", "LOC"), "name", None),
    ("بروكسيل", ("Brussels", "Q239", "LOC"), "added ي", None),
    ("أبو ظبي", ("Abu Dhabi", "Q1519", "LOC"), "name", None),
    ("أبوظبي", ("Abu Dhabi", "Q1519", "LOC"), "written as one word", None),
    ("قفصة", ("Gafsa", "", "LOC"), "name", None),
    ("ڨفصة", ("Gafsa", "", "LOC"), "ڨ for ق (Tunisian g)", None),
    ("قفصه", ("Gafsa", "", "LOC"), "ه for ة", None),
    ("قابس", ("Gabès", "", "LOC"), "name", None),
    ("ڨابس", ("Gabès", "", "LOC"), "ڨ for ق", None),
    ("ڤابس", ("Gabès", "", "LOC"), "ڤ for ق", None),
    ("القصرين", ("Kasserine", "", "LOC"), "name", None),
    ("الڨصرين", ("Kasserine", "", "LOC"), "ڨ for ق", None),
    ("سوسة", ("Sousse", "", "LOC"), "name", None),
    ("سوسه", ("Sousse", "", "LOC"), "ه for ة", None),
    ("منوبة", ("Manouba", "", "LOC"), "name", None),
]


def pattern(text: str) -> re.Pattern[str]:
    forms = [rf"[وبلفك]?{re.escape(text)}"]
    if text.startswith("ال"):
        forms.append(rf"و?ل{re.escape(text[1:])}")
    return re.compile(rf"(?<![{ARABIC}])(?:{'|'.join(forms)})(?![{ARABIC}])")


def bodies() -> list[tuple[str, str]]:
    found = []
    for path in sorted(ANT.glob("*/*.txt")):
        try:
            found += [(str(path.relative_to(ANT)), doc.body) for doc in read_file(path)]
        except ReadError:
            continue
    return found


def main() -> None:
    articles = bodies()
    show = "--context" in sys.argv
    rows = []
    for variant, (english, qid, etype), note, source in VARIANTS:
        regex = pattern(variant)
        hits = [(rel, body, list(regex.finditer(body))) for rel, body in articles]
        hits = [h for h in hits if h[2]]
        if not hits:
            raise SystemExit(f"{variant}: not in the corpus")
        # prefer an article that writes the variant exactly as listed (not only after ل: للاتحاد)
        hits.sort(key=lambda h: (variant not in h[1], not h[0].startswith(PREFERRED), h[0]))
        chosen = next((h for h in hits if h[0] == source), None) if source else hits[0]
        if chosen is None:
            raise SystemExit(f"{variant}: not in {source}")
        count = sum(len(h[2]) for h in hits)
        rows.append((variant, english, qid, etype, f"corpus/ant/{chosen[0]}", str(count), note))
        if show:
            m = chosen[2][0]
            print(variant, "|", english, "|", chosen[1][max(0, m.start() - 40):m.end() + 20].replace("\n", " "))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("variant\tcanonical_en\tqid\ttype\tsource\tcount\tnote\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} variants -> {OUT}")


if __name__ == "__main__":
    main()
