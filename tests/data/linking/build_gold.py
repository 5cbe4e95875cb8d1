"""Write mentions_gold.jsonl from the hand annotations below.

The annotations were made by reading the articles; this script only turns each annotated
surface string into character offsets in the article body as kg.read.read_file returns it.

    .venv/bin/python tests/data/linking/build_gold.py          # rewrite mentions_gold.jsonl
    .venv/bin/python tests/data/linking/build_gold.py --list   # print the seeded article sample

Each annotation is (text, occurrences, type, qid, en):
- occurrences: None = every occurrence of `text` as a word (a proclitic و ب ل ف ك may precede it)
  that no earlier annotation of the same article already covers; a tuple = only those
  occurrences (1-based, counted among the word-bounded ones).
- qid: a Wikidata QID only where sure (checked against ../shared/data/kb where it holds it).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SHARED = REPO.parent / "shared"
ANT = SHARED / "corpus" / "ant"
OUT = HERE / "mentions_gold.jsonl"
sys.path.insert(0, str(REPO))

from kg.read import read_file  # noqa: E402  (reading the body, not linking)

SEED = 4
FOLDERS = ("internationalNews", "politic")
SAMPLE_SIZE = 40  # the first 24 of this seeded sample are annotated
ANNOTATED = 24

ARABIC = "\u0621-\u065f\u066e-\u06d3"  # letters, tatweel and diacritics, not ، ؛ ؟
PROCLITICS = "وبلفك"


def sample() -> list[Path]:
    """Return the seeded random sample of ANT internationalNews and politic articles."""
    files = sorted(p for folder in FOLDERS for p in (ANT / folder).glob("*.txt"))
    return random.Random(SEED).sample(files, SAMPLE_SIZE)


US = ("LOC", "Q30", "United States")
TRUMP = ("PER", "Q22686", "Donald Trump")
UN = ("ORG", "Q1065", "United Nations")
ISIL = ("ORG", "Q2429253", "Islamic State")
TUNISIA = ("LOC", "Q948", "Tunisia")
LIBYA = ("LOC", "Q1016", "Libya")
SYRIA = ("LOC", "Q858", "Syria")
JAWHARA = ("ORG", None, "Jawhara FM")
AMRI = ("PER", None, "Anis Amri")
ESSEBSI = ("PER", None, "Beji Caid Essebsi")


def a(text, occ=None, ent=("LOC", None, None)):
    return (text, occ, *ent)


ANNOTATIONS: dict[str, list[tuple]] = {
    "internationalNews/JA-internationalNews-3-20170121.txt": [
        a("الولايات المتحدة الأمريكية", ent=US),
        a("دونالد ترامب", ent=TRUMP),
        a("ترامب", ent=TRUMP),
        a("واشنطن", ent=("LOC", "Q61", "Washington, D.C.")),
    ],
    "internationalNews/JA-internationalNews-423-20141215.txt": [
        a("سيدني", ent=("LOC", "Q3130", "Sydney")),
        a("تنظيم الدولة الإسلامية", ent=ISIL),
        a("داعش", ent=ISIL),
        a("ساحة مارتن", ent=("LOC", None, "Martin Place")),
        a("مقهى لينت", ent=("LOC", None, "Lindt Café, Sydney")),
    ],
    "internationalNews/JA-internationalNews-1189-20170617.txt": [
        a("رويترز", ent=("ORG", "Q130879", "Reuters")),
        a("أنطونيو غوتيريش", ent=("PER", "Q311440", "António Guterres")),
        a("غوتيريش", ent=("PER", "Q311440", "António Guterres")),
        # "يناقش الأمين العام": the UN Secretary-General in June 2017, not next to his name
        a("الأمين العام", (2,), ("PER", "Q311440", "António Guterres")),
        a("للأمم المتحدة", ent=UN),
        a("الأمم المتحدة", ent=UN),
        a("مجلس الأمن", ent=("ORG", "Q37470", "United Nations Security Council")),
        a("لبنان", ent=("LOC", "Q822", "Lebanon")),
        a("ليبيا", ent=LIBYA),
        a("الولايات المتحدة", ent=US),
        a("غسان سلامة", ent=("PER", None, "Ghassan Salamé")),
        a("ساينسز-بو", ent=("ORG", None, "Sciences Po")),
        a("باريس", ent=("LOC", "Q90", "Paris")),
        a("مارتن كوبلر", ent=("PER", None, "Martin Kobler")),
        a("سلام فياض", ent=("PER", None, "Salam Fayyad")),
        a("فياض", ent=("PER", None, "Salam Fayyad")),
        a("نيكي هيلي", ent=("PER", None, "Nikki Haley")),
        a("للسلطة الفلسطينية", ent=("ORG", None, "Palestinian National Authority")),
        a("إسرائيل", ent=("LOC", "Q801", "Israel")),
    ],
    "politic/JA-politic-295-20170319.txt": [
        a("حزب نداء تونس", ent=("ORG", None, "Nidaa Tounes")),
        a("حركة نداء تونس", ent=("ORG", None, "Nidaa Tounes")),
        a("نداء تونس", ent=("ORG", None, "Nidaa Tounes")),
        a("برهان بسيس", ent=("PER", None, "Borhen Bsaies")),
        a("بسيس", ent=("PER", None, "Borhen Bsaies")),
        a("الحبيب بورقيبة", ent=("PER", None, "Habib Bourguiba")),
        a("المنستير", ent=("LOC", "Q208715", "Monastir")),
        a("الجوهرة أف أم", ent=JAWHARA),
        a("حافظ قائد السبسي", ent=("PER", None, "Hafedh Caid Essebsi")),
    ],
    "internationalNews/JA-internationalNews-595-20170329.txt": [
        a("البحر الميت", ent=("LOC", None, "Dead Sea")),
        a("الأردن", ent=("LOC", "Q810", "Jordan")),
        a("عبد الفتاح السيسي", ent=("PER", "Q307871", "Abdel Fattah el-Sisi")),
        a("السيسي", ent=("PER", "Q307871", "Abdel Fattah el-Sisi")),
        a("قطر", ent=("LOC", "Q846", "Qatar")),
        a("تميم بن حمد آل ثاني", ent=("PER", "Q1855372", "Tamim bin Hamad Al Thani")),
        a("بوابة القاهرة", ent=("ORG", None, None)),
        a("القاهرة", ent=("LOC", "Q85", "Cairo")),
        a("سلمان بن عبدالعزيز", ent=("PER", "Q367825", "Salman of Saudi Arabia")),
        a("الرياض", ent=("LOC", "Q3692", "Riyadh")),
        a("محمود عباس", ent=("PER", "Q127998", "Mahmoud Abbas")),
        a("الباجي قائد السبسي", ent=ESSEBSI),
        a("عمر البشير", ent=("PER", None, "Omar al-Bashir")),
    ],
    "internationalNews/JA-internationalNews-747-20170409.txt": [
        a("تونس", ent=TUNISIA),
        a("كنيسة مار جرجس", ent=("LOC", None, "Church of St. George, Tanta")),
        a("طنطا", ent=("LOC", None, "Tanta")),
        a("الكنيسة المرقسية", ent=("LOC", None, "Saint Mark's Coptic Orthodox Cathedral")),
        a("الكاتدرالية المرقسية", ent=("LOC", None, "Saint Mark's Coptic Orthodox Cathedral")),
        a("الإسكندرية", ent=("LOC", "Q87", "Alexandria")),
        a("وزارة الشؤون الخارجية", ent=("ORG", None, "Ministry of Foreign Affairs (Tunisia)")),
    ],
    "internationalNews/JA-internationalNews-15-20170120.txt": [
        a("ملبورن", ent=("LOC", "Q3141", "Melbourne")),
        a("أستراليا", ent=("LOC", "Q408", "Australia")),
        a("شرطة ولاية فكتوريا", ent=("ORG", None, "Victoria Police")),
        a("بورك ستريت", ent=("LOC", None, "Bourke Street")),
    ],
    "internationalNews/JA-internationalNews-1164-20170613.txt": [
        a("دونالد ترامب", ent=TRUMP),
        a("ترامب", ent=TRUMP),
        a("الولايات المتحدة", ent=US),
        a("العراق", ent=("LOC", "Q796", "Iraq")),
        a("سوريا", ent=SYRIA),
        a("إيران", ent=("LOC", "Q794", "Iran")),
        a("ليبيا", ent=LIBYA),
        a("اليمن", ent=("LOC", "Q805", "Yemen")),
        a("السودان", ent=("LOC", "Q1049", "Sudan")),
        a("الصومال", ent=("LOC", "Q1045", "Somalia")),
    ],
    "internationalNews/JA-internationalNews-1120-20170611.txt": [
        a("للجيش الوطني الشعبي", ent=("ORG", None, "People's National Army (Algeria)")),
        a("الدرك الوطني", ent=("ORG", None, "National Gendarmerie (Algeria)")),
        a("علي منجلي", ent=("LOC", None, "Ali Mendjeli")),
        a("قسنطينة", ent=("LOC", None, "Constantine")),
    ],
    "internationalNews/JA-internationalNews-1034-20170426.txt": [
        a("بينديك", ent=("LOC", None, "Pendik")),
        a("اسطنبول", ent=("LOC", "Q406", "Istanbul")),
        a("آى أتش إيه", ent=("ORG", None, "İhlas News Agency")),
        a("صبيحا جوكن", ent=("LOC", None, "Sabiha Gökçen International Airport")),
    ],
    "internationalNews/JA-internationalNews-604-20161125.txt": [
        a("اسرائيل", ent=("LOC", "Q801", "Israel")),
        a("الضفة الغربية", ent=("LOC", None, "West Bank")),
        a("الخليل", ent=("LOC", None, "Hebron")),
        a("نابلس", ent=("LOC", None, "Nablus")),
        a("رام الله", ent=("LOC", None, "Ramallah")),
        a("طولكرم", ent=("LOC", None, "Tulkarm")),
        a("جنين", ent=("LOC", None, "Jenin")),
        a("القدس", ent=("LOC", "Q1218", "Jerusalem")),
        a("شافي شومرون", ent=("LOC", None, "Shavei Shomron")),
        a("دير شرف", ent=("LOC", None, "Deir Sharaf")),
        a("سبسطية", ent=("LOC", None, "Sebastia")),
        a("النبي يعقوب", ent=("LOC", None, "Neve Yaakov")),
    ],
    "internationalNews/JA-internationalNews-878-20141124.txt": [
        a("رجب طيب أردوغان", ent=("PER", "Q39259", "Recep Tayyip Erdoğan")),
        a("اسطنبول", ent=("LOC", "Q406", "Istanbul")),
        a("فرانس برس", ent=("ORG", "Q40464", "Agence France-Presse")),
        a("أ ف ب", ent=("ORG", "Q40464", "Agence France-Presse")),
    ],
    "internationalNews/JA-internationalNews-398-20140526.txt": [
        a("مفتاح بوزيد", ent=("PER", None, "Muftah Bu Zeid")),
        a("بوزيد", ent=("PER", None, "Muftah Bu Zeid")),
        a("فندق تبستي", ent=("LOC", None, "Tibesti Hotel")),
        a("بنغازي", ent=("LOC", None, "Benghazi")),
        a("صحيفة برنيق", ent=("ORG", None, None)),
        a("ليبيا", ent=LIBYA),
    ],
    "politic/JA-politic-440-20170522.txt": [
        a("الحزب الدستوري الحر", ent=("ORG", None, "Free Destourian Party")),
        a("هيئة الحقيقة والكرامة", ent=("ORG", None, "Truth and Dignity Commission")),
        a("سجن المرناقية", ent=("LOC", None, "Mornaguia prison")),
        a("عماد الطرابلسي", ent=("PER", None, "Imed Trabelsi")),
        a("زين العابدين بن علي", ent=("PER", None, "Zine El Abidine Ben Ali")),
    ],
    "politic/JA-politic-376-20170503.txt": [
        a("جندوبة", ent=("LOC", None, "Jendouba")),
        a("الجوهرة أف أم", ent=JAWHARA),
        a("فتيحة دحدوح", ent=("PER", None, None)),
        a("الجزائر", ent=("LOC", "Q262", "Algeria")),
    ],
    "internationalNews/JA-internationalNews-1106-20170609.txt": [
        a("قطر", ent=("LOC", "Q846", "Qatar")),
        a("مصر", ent=("LOC", "Q79", "Egypt")),
        a("السعودية", ent=("LOC", "Q851", "Saudi Arabia")),
        a("البحرين", ent=("LOC", "Q398", "Bahrain")),
        a("يوسف القرضاوي", ent=("PER", None, "Yusuf al-Qaradawi")),
        a("القرضاوي", ent=("PER", None, "Yusuf al-Qaradawi")),
        a("محمد الإسلامبولي", ent=("PER", None, "Mohammed al-Islambouli")),
        a("الإسلامبولي", ent=("PER", None, "Mohammed al-Islambouli")),
        a("الجماعة الإسلامية الليبية المقاتلة", ent=("ORG", None, "Libyan Islamic Fighting Group")),
        a("الجماعة الإسلامية", ent=("ORG", None, "al-Jama'a al-Islamiyya")),
        a("الجماعة الاسلامية", ent=("ORG", None, "al-Jama'a al-Islamiyya")),
        a("تنظيم القاعدة", ent=("ORG", "Q34490", "al-Qaeda")),
        a("القاعدة", ent=("ORG", "Q34490", "al-Qaeda")),
        a("الولايات المتحدة", ent=US),
        a("طارق الزمر", ent=("PER", None, "Tarek al-Zomor")),
        a("أنور السادات", ent=("PER", None, "Anwar Sadat")),
        a("وجدي غنيم", ent=("PER", None, "Wagdy Ghoneim")),
        a("الدوحة", ent=("LOC", "Q3861", "Doha")),
        a("عبد الحكيم بلحاج", ent=("PER", None, "Abdelhakim Belhadj")),
        a("إسماعيل الصلابي", ent=("PER", None, "Ismail al-Sallabi")),
        a("علي الصلابي", ent=("PER", None, "Ali al-Sallabi")),
    ],
    "internationalNews/JA-internationalNews-273-20161221.txt": [
        a("تونس", ent=TUNISIA),
        a("أنيس العامري", ent=AMRI),
        a("أنيس العامر", ent=AMRI),  # a typo in the article
        a("برلين", ent=("LOC", "Q64", "Berlin")),
        a("ألمانيا", ent=("LOC", "Q183", "Germany")),
        a("نوردراين وستفالن", ent=("LOC", None, "North Rhine-Westphalia")),
        a("رالف ييغر", ent=("PER", None, "Ralf Jäger")),
        a("ييغر", ent=("PER", None, "Ralf Jäger")),
        a("المكتب الفيدرالي للهجرة واللاجئين", ent=("ORG", None, "Federal Office for Migration and Refugees")),
        a("شمال أفريقيا", ent=("LOC", None, "North Africa")),
    ],
    "internationalNews/JA-internationalNews-823-20170502.txt": [
        a("دونالد ترامب", ent=TRUMP),
        a("ترامب", ent=TRUMP),
        a("كيم جونغ-أون", ent=("PER", "Q56226", "Kim Jong-un")),
        a("كيم", ent=("PER", "Q56226", "Kim Jong-un")),
        a("كوريا الشمالية", ent=("LOC", "Q423", "North Korea")),
        a("البيت الأبيض", ent=("ORG", "Q35525", "White House")),
        a("سي بي أس", ent=("ORG", None, "CBS")),
    ],
    "internationalNews/JA-internationalNews-854-20170505.txt": [
        a("سوريا", ent=SYRIA),
        a("تنظيم الدولة الإسلامية", ent=ISIL),
        a("إدلب", ent=("LOC", None, "Idlib Governorate")),
        a("اللاذقية", ent=("LOC", None, "Latakia")),
        a("حلب", ent=("LOC", "Q41183", "Aleppo")),
        a("حماة", ent=("LOC", None, "Hama")),
        a("ألكسندر فومين", ent=("PER", None, "Alexander Fomin")),
        a("الأمم المتحدة", ent=UN),
        a("الولايات المتحدة", ent=US),
        a("السعودية", ent=("LOC", "Q851", "Saudi Arabia")),
    ],
    "internationalNews/JA-internationalNews-528-20150811.txt": [
        a("سليمان هلال الأسد", ent=("PER", None, "Suleiman al-Assad")),
        a("سليمان الاسد", ent=("PER", None, "Suleiman al-Assad")),
        a("بشار الأسد", ent=("PER", "Q44329", "Bashar al-Assad")),
        a("اللاذقية", ent=("LOC", None, "Latakia")),
        a("وكالة الأنباء السورية", ent=("ORG", None, "Syrian Arab News Agency")),
    ],
    "internationalNews/JA-internationalNews-374-20160110.txt": [
        a("المجموعة الدولية لدعم سوريا", ent=("ORG", None, "International Syria Support Group")),
        a("الامم المتحدة", ent=UN),
        a("سوريا", ent=SYRIA),
        a("ستافان دي ميستورا", ent=("PER", None, "Staffan de Mistura")),
        a("دي ميستورا", ent=("PER", None, "Staffan de Mistura")),
        a("ايران", ent=("LOC", "Q794", "Iran")),
        a("السعودية", ent=("LOC", "Q851", "Saudi Arabia")),
        a("طهران", ent=("LOC", "Q3616", "Tehran")),
        a("محمد جواد ظريف", ent=("PER", None, "Mohammad Javad Zarif")),
        a("الرياض", ent=("LOC", "Q3692", "Riyadh")),
        a("دمشق", ent=("LOC", "Q3766", "Damascus")),
        # "من الامين العام": the UN Secretary-General in January 2016
        a("الامين العام", ent=("PER", "Q1253", "Ban Ki-moon")),
        a("مجلس الامن", ent=("ORG", "Q37470", "United Nations Security Council")),
    ],
    "politic/JA-politic-401-20150720.txt": [
        a("الباجي قايد السبسي", ent=ESSEBSI),
        a("السبسي", ent=ESSEBSI),
        a("نيكولا ساركوزي", ent=("PER", "Q329", "Nicolas Sarkozy")),
        a("ساركوزي", ent=("PER", "Q329", "Nicolas Sarkozy")),
        a("حزب الجمهوريين", ent=("ORG", None, "The Republicans (France)")),
        a("مجلس الشيوخ", ent=("ORG", None, "Senate (France)")),
        a("الجمعية الوطنية", ent=("ORG", None, "National Assembly (France)")),
        a("البرلمان الأوروبي", ent=("ORG", "Q8889", "European Parliament")),
        a("رئاسة الجمهورية", ent=("ORG", None, "Presidency of the Republic (Tunisia)")),
        a("تونس", ent=TUNISIA),
        a("أوروبا", ent=("LOC", "Q46", "Europe")),
        a("المتوسط", None, ("LOC", None, "Mediterranean Sea")),
    ],
    "internationalNews/JA-internationalNews-182-20170205.txt": [
        a("أنيس العامري", ent=AMRI),
        a("العامري", ent=AMRI),
        a("برلين", ent=("LOC", "Q64", "Berlin")),
        a("سيستو سان جوفاني", ent=("LOC", None, "Sesto San Giovanni")),
        a("لوكا سكاتا", ent=("PER", None, "Luca Scatà")),
        a("كريستيان موفيو", ent=("PER", None, "Christian Movio")),
    ],
    "politic/JA-politic-49-30072016.txt": [
        a("حركة النهضة", ent=("ORG", None, "Ennahda Movement")),
        a("النهضة", ent=("ORG", None, "Ennahda Movement")),
        a("راشد الغنوشي", ent=("PER", None, "Rached Ghannouchi")),
        a("الغنوشي", ent=("PER", None, "Rached Ghannouchi")),
        a("الحبيب الصيد", ent=("PER", None, "Habib Essid")),
        a("الجوهرة أف أم", ent=JAWHARA),
    ],
}


def occurrences(body: str, text: str) -> list[tuple[int, int]]:
    """Return the spans where `text` stands as a word, possibly after a one-letter proclitic."""
    # "بالأردن", "وسوريا": the proclitic is not part of the mention; after ل the ا of ال is
    # not written ("للحزب"), so there the whole word is the mention
    forms = [rf"[{PROCLITICS}]?({re.escape(text)})"]
    if text.startswith("ال"):
        forms.append(rf"(و?ل{re.escape(text[1:])})")
    pattern = re.compile(rf"(?<![{ARABIC}])(?:{'|'.join(forms)})(?![{ARABIC}])")
    return [next(m.span(g) for g in range(1, len(forms) + 1) if m.group(g)) for m in pattern.finditer(body)]


def build() -> list[dict]:
    records = []
    for rel, article_annotations in ANNOTATIONS.items():
        path = ANT / rel
        doc = next(read_file(path))
        taken: list[tuple[int, int]] = []
        doc_records = []
        for text, occ, etype, qid, en in article_annotations:
            spans = occurrences(doc.body, text)
            free = [s for s in spans if not any(s[0] < e and b < s[1] for b, e in taken)]
            chosen = free if occ is None else [spans[i - 1] for i in occ]
            if not chosen:
                raise SystemExit(f"{rel}: {text!r} not found (or already covered)")
            for start, end in chosen:
                if any(start < e and b < end for b, e in taken):
                    raise SystemExit(f"{rel}: {text!r} at {start} overlaps another annotation")
                taken.append((start, end))
                doc_records.append({"doc": doc.id, "path": f"corpus/ant/{rel}", "text": doc.body[start:end],
                                    "start": start, "end": end, "type": etype, "qid": qid, "en": en})
        records += sorted(doc_records, key=lambda r: r["start"])
    return records


def main() -> None:
    chosen = sample()
    if "--list" in sys.argv:
        for number, path in enumerate(chosen, 1):
            mark = "annotated" if number <= ANNOTATED else ""
            print(number, path.relative_to(ANT), mark)
        return
    expected = {str(p.relative_to(ANT)) for p in chosen[:ANNOTATED]}
    assert set(ANNOTATIONS) == expected, sorted(expected ^ set(ANNOTATIONS))
    records = build()
    with OUT.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    linked = sum(r["qid"] is not None for r in records)
    print(f"{len(records)} mentions ({linked} with a QID) in {len(ANNOTATIONS)} articles -> {OUT}")


if __name__ == "__main__":
    main()
