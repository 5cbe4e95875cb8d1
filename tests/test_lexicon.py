"""The lexicon files: the shipped ones load, a bad line stops loading with its file and line; the
relation lexicon (kg/data/relations.tsv) and its decision list (kg/data/events/decisions.tsv)."""

from __future__ import annotations

import csv
import dataclasses
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDFS

from kg.lexicon import DATA, FRAME_SOURCES, Lexicon, LexiconError
from kg.nlp import normalize
from kg.types import Document
from kg.vocab import KG, PREDICATES

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"
SOURCES = set(FRAME_SOURCES)

FILES = ("relations.tsv", "titles.tsv", "cues.tsv", "transliteration.tsv", "descriptions.tsv")


def test_shipped_files_load_with_known_names(lexicon):
    assert {t.predicate for frames in lexicon.triggers.values() for t in frames} <= set(PREDICATES)
    assert {t.relation for t in lexicon.titles.values()} <= {"leader_of", "member_of", "-"}
    assert lexicon.cues["وزاره"] == "state_body" and "وزاره" in lexicon.org_heads  # two kinds of one word
    assert "حكومه" in lexicon.org_heads and "منظمه" not in lexicon.cues


def test_a_grammar_kind_stands_beside_a_cue_kind(lexicon):
    # في is a setting cue (في مكالمة هاتفية) and also the preposition of a place (الدول الأعضاء في X).
    assert lexicon.cues["في"] == "setting" and "في" in lexicon.grammar["in"] and "في" in lexicon.grammar["preposition"]
    assert lexicon.grammar["that"] == {"ان"} and "ان" not in lexicon.cues  # a grammar word is no cue
    assert lexicon.grammar["apposition"] >= lexicon.grammar["comma"] == {"،", ","}


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("relations.tsv", "دعا\tverb\tcalled_four\tإلى\t-\t-\t-\t10\tcurated", "unknown predicate 'called_four'"),
        ("relations.tsv", "دعا\tverb\tcalled_for\tإلى\t-\t-\tPERSON\t10\tcurated", "unknown entity type"),
        ("relations.tsv", "دعا\tverb\tcalled_for\tإلى\t-", "9 tab-separated columns expected, 5 found"),
        ("relations.tsv", "دعا\tverb\tcalled_for\tإلى\t-\t-\t-\t10\tmemory", "source 'memory'"),
        ("titles.tsv", "الرئيس\tpresident_of\tpresident", "not 'president_of'"),
        ("titles.tsv", "الرئيس\tvisited\tpresident", "not 'visited'"),
        ("cues.tsv", "لم\tnegaton", "unknown kind 'negaton'"),
        ("cues.tsv", "أمس\tpast", "أمس is a yesterday cue already"),
        ("cues.tsv", "أمس\t", "a cell may be -, not empty"),
        ("transliteration.tsv", "lt\tb\tb", "unknown script 'lt'"),
        ("descriptions.tsv", "دول الحصار\tset\tالسعودية", "a set names its states"),
        ("descriptions.tsv", "دول الحصار\tgroup\tالسعودية|مصر", "not 'group'"),
    ],
)
def test_a_bad_line_names_its_file_and_line(tmp_path, name, line, problem):
    for file in FILES:
        shutil.copy(DATA / file, tmp_path / file)
    path = tmp_path / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as raised:
        Lexicon.load(tmp_path)
    assert str(raised.value).startswith(f"{path}:{len(lines) + 1}: ") and problem in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_wrong_header_is_named(tmp_path):
    for file in FILES:
        shutil.copy(DATA / file, tmp_path / file)
    path = tmp_path / "cues.tsv"
    path.write_text("# a comment\nword\tkinds\nلم\tnegation\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.tsv:2: the header is not word kind"):
        Lexicon.load(tmp_path)


def test_a_bad_lexicon_is_one_line_from_the_command(tmp_path, monkeypatch, capsys):
    from kg import cli, lexicon

    for file in FILES:
        shutil.copy(DATA / file, tmp_path / file)
    (tmp_path / "cues.tsv").write_text("word\tkind\nلم\tnegaton\n", encoding="utf-8")
    monkeypatch.setattr(lexicon.Lexicon.load.__func__, "__defaults__", (tmp_path,))
    assert cli.main(["extract", "-o", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("cues.tsv:2: unknown kind 'negaton'") and "\n" not in err


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return list(csv.DictReader((line for line in stream if not line.startswith("#") and line.strip()), delimiter="\t"))


RELATIONS = _rows(DATA / "relations.tsv")
DECISIONS = _rows(DATA / "events" / "decisions.tsv")


def test_loader_keeps_every_frame_of_a_lemma_in_file_order(tmp_path):
    for path in DATA.glob("*.tsv"):
        shutil.copy(path, tmp_path)
    with (tmp_path / "relations.tsv").open("a", encoding="utf-8") as stream:
        stream.write("عنف\tverb\tcondemned\t-\t-\t-\t-\t111\tcurated\n")
        stream.write("عنف\tverb\taccused\tعلى\t-\t-\tPER\t112\tcurated\n")
    frames = Lexicon.load(tmp_path).triggers[(normalize("عنف"), "verb")]
    assert [(f.predicate, f.object_prep) for f in frames] == [("condemned", None), ("accused", normalize("على"))]


def test_shipped_lemmas_with_several_frames(lexicon):
    several = {key: frames for key, frames in lexicon.triggers.items() if len(frames) > 1}
    assert {f.predicate for f in several[(normalize("ألقى"), "verb")]} == {"arrested", "accused"}
    frame_files = sorted((DATA / "events").glob("*.frames.tsv"))
    assert sum(len(frames) for frames in lexicon.triggers.values()) == len(RELATIONS) + sum(len(_rows(p)) for p in frame_files)


@pytest.mark.parametrize("row", RELATIONS, ids=lambda r: f"{r['lemma']}.{r['pos']}.{r['predicate']}.{r['object_prep']}")
def test_frame_is_well_formed(row):
    assert row["predicate"] in PREDICATES
    assert row["pos"] in ("verb", "noun", "participle", "joins")
    assert set(row["source"].split("+")) <= SOURCES
    assert row["cameo"] == "-" or row["cameo"].isdigit()


def _ontology_codes() -> dict[str, set[str]]:
    graph = Graph().parse(ONTOLOGY)
    codes: dict[str, set[str]] = {}
    for event_class, code in graph.subject_objects(KG.cameoCode):
        for prop in graph.objects(event_class, RDFS.seeAlso):
            codes.setdefault(str(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1], set()).add(str(code))
    return codes


def test_frame_cameo_code_falls_under_its_predicate():
    codes = _ontology_codes()
    wrong = [
        (row["lemma"], row["predicate"], row["cameo"])
        for row in RELATIONS
        if row["cameo"] != "-" and not any(row["cameo"].startswith(code) for code in codes.get(row["predicate"], ()))
    ]
    assert not wrong


def test_decisions_and_frames_agree():
    # A decided frame may sit in relations.tsv or in a frame file of events/.
    shipped = RELATIONS + [row for path in sorted((DATA / "events").glob("*.frames.tsv")) for row in _rows(path)]
    frames = {(normalize(r["lemma"]), r["pos"], r["predicate"]) for r in shipped}
    decided = {(normalize(r["lemma"]), r["pos"]) for r in DECISIONS}
    for row in DECISIONS:
        assert row["decision"] in ("frame", "none"), row
        assert row["reason"].strip(), row
        if row["decision"] == "frame":
            for predicate in row["predicate"].split("|"):
                assert (normalize(row["lemma"]), row["pos"], predicate) in frames, row
    mined = [(r["lemma"], r["pos"]) for r in RELATIONS if "mined" in r["source"].split("+")]
    assert all((normalize(lemma), pos) in decided for lemma, pos in mined), mined
    assert len(decided) == len(DECISIONS) >= 500


def _triples(pipeline, text):
    extraction = pipeline(Document("t", text, "test", date="2018-03-01"))
    labels = {e.id: e.label_en or e.label_ar for e in extraction.entities}
    return [(labels[r.subject], r.predicate, labels[r.object], r.negated) for r in extraction.relations]


# Sentences written for these tests (general news Arabic, not from the ANT corpus): frames
# added for issue 15 and a second frame of a lemma (ألقى القبض / ألقى اللوم).
FOUND = [
    ("طلبت الحكومة البريطانية من روسيا تفسيرا رسميا للحادث.", (None, "called_for", "Russia")),
    ("وطلب الرئيس الفرنسي إيمانويل ماكرون من إيران احترام الاتفاق النووي.", ("Emmanuel Macron", "called_for", "Iran")),
    ("أجرى وزير الخارجية الأمريكي مايك بومبيو اتصالا هاتفيا مع رئيس الوزراء الهندي ناريندرا مودي.", ("Mike Pompeo", "met", None)),
    ("عقد الرئيس المصري عبد الفتاح السيسي اجتماعا مع رئيس الوزراء الإثيوبي آبي أحمد.", ("Abdel Fattah el-Sisi", "met", None)),
    ("وتباحث وزير الخارجية الإيطالي لويجي دي مايو مع رئيس الوزراء الليبي فايز السراج في روما.", (None, "met", None)),
    ("قام الرئيس التركي رجب طيب أردوغان بزيارة رسمية إلى الكويت.", ("Recep Tayyip Erdoğan", "visited", "Kuwait")),
    ("وأدى رئيس الحكومة التونسية يوسف الشاهد زيارة إلى الجزائر استمرت يومين.", (None, "visited", "Algeria")),
    ("سافر الرئيس الفلسطيني محمود عباس إلى القاهرة.", ("Mahmoud Abbas", "visited", "Cairo")),
    ("هنأ الملك سلمان الرئيس الروسي فلاديمير بوتين بإعادة انتخابه.", (None, "praised", "Vladimir Putin")),
    ("وتضامنت الجزائر مع المغرب بعد الزلزال.", ("Algeria", "supported", "Morocco")),
    ("حشدت روسيا قوات على الحدود مع أوكرانيا.", ("Russia", "deployed", "Ukraine")),
    ("ألقى الرئيس الأمريكي باللوم على الصين.", (None, "accused", "China")),
    ("ألقت الشرطة الألمانية القبض على الرئيس الكتالوني كارلس بوتشدمون.", (None, "arrested", None)),
    ("شنت إسرائيل غارات جوية على قطاع غزة.", ("Israel", "attacked", None)),
    ("وقاطعت السعودية والإمارات قطر منذ يونيو.", ("Saudi Arabia", "sanctioned", "Qatar")),
    ("وأطاح الجيش الزيمبابوي بالرئيس روبرت موغابي.", (None, "dismissed", None)),
    # session 6: verbs, verbal nouns and light verbs of the grown lexicon
    ("وجمدت المغرب علاقاتها مع إيران بعد الأزمة.", ("Morocco", "sanctioned", "Iran")),
    ("خفضت الإمارات تمثيلها الدبلوماسي مع إيران.", ("United Arab Emirates", "sanctioned", "Iran")),
    ("وبخ الرئيس الأمريكي دونالد ترامب ألمانيا بسبب إنفاقها العسكري.", ("Donald Trump", "condemned", "Germany")),
    ("أعرب الاتحاد الأوروبي عن استيائه من روسيا.", ("European Union", "condemned", "Russia")),
    ("انحازت قطر إلى تركيا في الأزمة.", ("Qatar", "supported", "Türkiye")),
    ("ووقفت تركيا إلى جانب قطر في الأزمة الخليجية.", ("Türkiye", "supported", "Qatar")),
    ("وزودت الولايات المتحدة أوكرانيا بصواريخ مضادة للدبابات.", ("United States", "supported", "Ukraine")),
    ("وأهاب الأمين العام للأمم المتحدة أنطونيو غوتيريش بإسرائيل وقف الاستيطان.", (None, "called_for", "Israel")),
    ("ووجهت كوريا الشمالية تحذيرا شديد اللهجة للولايات المتحدة.", ("North Korea", "threatened", "United States")),
    ("سيطر تنظيم داعش على مدينة الموصل العراقية.", (None, "attacked", "Mosul")),
    ("قام الرئيس الفرنسي إيمانويل ماكرون بجولة في الجزائر.", ("Emmanuel Macron", "visited", "Algeria")),
    ("شكر الرئيس الأمريكي جو بايدن قطر على جهودها في الوساطة.", ("Joe Biden", "praised", "Qatar")),
    ("وبعث الرئيس الجزائري عبد المجيد تبون برقية تهنئة إلى الرئيس التونسي قيس سعيد.", (None, "praised", None)),
    ("واختار الرئيس الأمريكي دونالد ترامب مايك بومبيو وزيرا للخارجية.", ("Donald Trump", "appointed", "Mike Pompeo")),
    ("أغلقت الولايات المتحدة سفارتها في دمشق.", ("United States", "sanctioned", None)),
    # session 6 (15f): exchanges, fire and strikes, suspended or cut ties, appeals, admiration, troops moved
    ("وتبادلت الهند الاتهامات مع باكستان.", ("India", "accused", "Pakistan")),
    ("وتبادل وزير الخارجية المصري سامح شكري الآراء مع نظيره الأردني أيمن الصفدي حول الأوضاع في المنطقة.", ("Sameh Shoukry", "met", "Ayman Safadi")),
    ("وفتحت القوات التركية النار على الجيش السوري.", (None, "attacked", "Armed forces of Syria")),
    ("ونفذت الولايات المتحدة ضربة جوية على سوريا.", ("United States", "attacked", "Syria")),
    ("واستضاف الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الكندي جاستن ترودو في قصر الإليزيه.", ("Emmanuel Macron", "met", "Justin Trudeau")),
    ("وأسند الرئيس التونسي قيس سعيد إلى نجلاء بودن رئاسة الحكومة.", ("Kais Saied", "appointed", "Najla Bouden")),
    ("وأعلنت السعودية تعليق علاقاتها مع كندا.", ("Saudi Arabia", "sanctioned", "Canada")),
    ("وأعلنت المغرب تجميد علاقاتها مع إيران.", ("Morocco", "sanctioned", "Iran")),
    ("وقطعت السعودية علاقاتها الدبلوماسية بإيران.", ("Saudi Arabia", "sanctioned", "Iran")),
    ("وأغلقت الإمارات مجالها الجوي أمام قطر.", ("United Arab Emirates", "sanctioned", "Qatar")),
    ("وتعاطفت تونس مع فرنسا إثر الهجوم.", ("Tunisia", "supported", "France")),
    ("واشتبكت القوات العراقية مع تنظيم داعش في الموصل.", (None, "attacked", "Islamic State")),
    ("ووجه الرئيس الأمريكي دونالد ترامب اللوم لإيران.", ("Donald Trump", "accused", "Iran")),
    ("ووجه الأمين العام للأمم المتحدة أنطونيو غوتيريش نداء إلى إسرائيل لوقف الاستيطان.", ("António Guterres", "called_for", "Israel")),
    ("واستغاثت الحكومة الليبية بالأمم المتحدة.", (None, "called_for", "United Nations")),
    ("وأبدى الرئيس الأمريكي دونالد ترامب إعجابه بالرئيس الروسي فلاديمير بوتين.", ("Donald Trump", "praised", "Vladimir Putin")),
    ("واحتفى الرئيس الفرنسي إيمانويل ماكرون بالمستشارة الألمانية أنجيلا ميركل في باريس.", ("Emmanuel Macron", "praised", "Angela Merkel")),
    ("وحركت روسيا قوات إلى الحدود مع أوكرانيا.", ("Russia", "deployed", "Ukraine")),
    ("وأرسلت الولايات المتحدة حاملة طائرات إلى كوريا الجنوبية.", ("United States", "deployed", "South Korea")),
    ("وأسفر اشتباك الجيش اللبناني مع حزب الله عن قتلى.", (None, "attacked", "Hezbollah")),
    ("وأكد الرئيس العراقي استمرار قتال القوات العراقية ضد تنظيم داعش.", (None, "attacked", "Islamic State")),
    ("وجاءت استضافة الملك سلمان للرئيس الأمريكي دونالد ترامب في الرياض.", (None, "met", "Donald Trump")),
    ("ووجه الرئيس التونسي قيس سعيد تحية إلى الجيش الجزائري.", ("Kais Saied", "praised", "Armed forces of Algeria")),
    ("ووجه الرئيس الأمريكي دونالد ترامب انتقادات لاذعة لألمانيا.", ("Donald Trump", "condemned", "Germany")),
    ("وألقى الرئيس السوري بشار الأسد المسؤولية على تركيا.", ("Bashar al-Assad", "accused", "Türkiye")),
    ("وأوكل الرئيس الجزائري عبد المجيد تبون إلى أيمن بن عبد الرحمان رئاسة الحكومة.", ("Abdelmadjid Tebboune", "appointed", None)),
    ("وعقد وزير الخارجية الفرنسي جلسة عمل مع نظيره الألماني هايكو ماس.", (None, "met", "Heiko Maas")),
    ("وتأتي رحلة الرئيس الصيني شي جينبينغ إلى روسيا بعد أشهر من الحرب.", ("Xi Jinping", "visited", "Russia")),
    ("وأشاد الرئيس القطري بوقوف تركيا إلى جانب قطر.", ("Türkiye", "supported", "Qatar")),
    ("ومنحت السعودية مصر قرضا بقيمة ملياري دولار.", ("Saudi Arabia", "supported", "Egypt")),
    ("وأعلنت السعودية سحب سفيرها من ألمانيا.", ("Saudi Arabia", "sanctioned", "Germany")),
    ("وأعلنت مصر إغلاق مجالها الجوي أمام قطر.", ("Egypt", "sanctioned", "Qatar")),
    ("وجاء نداء الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى إسرائيل بعد التصعيد.", ("António Guterres", "called_for", "Israel")),
    ("وأطلق الحوثيون صاروخا باليستيا تجاه السعودية.", ("Houthis", "attacked", "Saudi Arabia")),
    ("وأطلقت إيران صواريخ نحو إسرائيل.", ("Iran", "attacked", "Israel")),
    ("وندد الرئيس الفلسطيني بتدمير إسرائيل لغزة.", ("Israel", "attacked", "Gaza Strip")),
    ("وقال الرئيس الأمريكي جو بايدن شاكرا قطر على جهودها.", ("Joe Biden", "praised", "Qatar")),
    ("وطلب الرئيس الفرنسي إيمانويل ماكرون إلى إيران احترام الاتفاق.", ("Emmanuel Macron", "called_for", "Iran")),
    ("وتناولت قمة الرئيس الأمريكي جو بايدن بالرئيس الصيني شي جينبينغ ملف تايوان.", ("Joe Biden", "met", "Xi Jinping")),
    ("واجتمع وزير الخارجية الأمريكي أنتوني بلينكن إلى الرئيس الإسرائيلي إسحاق هرتسوغ.", ("Antony Blinken", "met", "Isaac Herzog")),
    ("وأثار احتفاء الرئيس الأمريكي دونالد ترامب بالرئيس الروسي فلاديمير بوتين انتقادات.", ("Donald Trump", "praised", "Vladimir Putin")),
    ("وامتعض الرئيس التركي رجب طيب أردوغان من ألمانيا.", ("Recep Tayyip Erdoğan", "condemned", "Germany")),
    ("واستاءت فرنسا من أستراليا بعد إلغاء صفقة الغواصات.", ("France", "condemned", "Australia")),
    ("وأدى توجيه الرئيس الأمريكي دونالد ترامب انتقادات لألمانيا إلى أزمة.", ("Donald Trump", "condemned", "Germany")),
    ("وجاء تحذير كوريا الشمالية إلى الولايات المتحدة بعد المناورات.", ("North Korea", "threatened", "United States")),
    ("وجاء تهديد كوريا الشمالية إلى الولايات المتحدة بعد المناورات.", ("North Korea", "threatened", "United States")),
    ("وأكدت تونس وقوفها مع فرنسا.", ("Tunisia", "supported", "France")),
    ("ووقفت الجزائر مع تونس في أزمتها.", ("Algeria", "supported", "Tunisia")),
    ("وأعلنت الولايات المتحدة الحرب على العراق.", ("United States", "attacked", "Iraq")),
    ("وأعلن الرئيس الأوكراني مواصلة حرب أوكرانيا ضد روسيا.", ("Ukraine", "attacked", "Russia")),
    ("وأدت حرب إسرائيل مع حزب الله إلى دمار واسع.", ("Israel", "attacked", "Hezbollah")),
    ("وشنت إسرائيل حربا على قطاع غزة.", ("Israel", "attacked", "Gaza Strip")),
    ("وندد العراق بتوغل القوات التركية في العراق.", (None, "attacked", "Iraq")),
    ("وتتواصل معركة الجيش العراقي ضد تنظيم داعش في الموصل.", (None, "attacked", "Islamic State")),
    ("واشتدت معركة القوات السورية مع تنظيم داعش في دير الزور.", (None, "attacked", "Islamic State")),
    ("واستمر قتال الجيش السوري مع تنظيم داعش في دير الزور.", (None, "attacked", "Islamic State")),
    ("وتجدد اشتباك الجيش الأفغاني ضد حركة طالبان.", (None, "attacked", "Taliban")),
    ("وجال الرئيس الفرنسي إيمانويل ماكرون في لبنان.", ("Emmanuel Macron", "visited", "Lebanon")),
    ("وجاءت سيطرة تنظيم داعش على الموصل في يونيو.", ("Islamic State", "attacked", "Mosul")),
    ("وأدانت الحكومة استيلاء حركة طالبان على كابول.", (None, "attacked", "Kabul")),
    ("وجاءت مناشدة الرئيس الفلسطيني محمود عباس إلى الأمم المتحدة بعد التصعيد.", ("Mahmoud Abbas", "called_for", "United Nations")),
    ("وأدانت الجامعة العربية ضرب إسرائيل لغزة.", ("Israel", "attacked", "Gaza Strip")),
    ("وأثارت تحية الرئيس التركي رجب طيب أردوغان لقطر ارتياحا.", ("Recep Tayyip Erdoğan", "praised", "Qatar")),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_new_frame_found(pipeline, text, expected):
    triples = _triples(pipeline, text)
    subject, predicate, obj = expected
    assert any(
        (subject is None or s == subject) and p == predicate and (obj is None or o == obj) and not negated for s, p, o, negated in triples
    ), triples


def test_a_word_that_begins_no_title_is_not_looked_up(lexicon):
    asked = []

    class Asked(dict):
        def get(self, key, default=None):
            asked.append(key)
            return super().get(key, default)

    probe = dataclasses.replace(lexicon, titles=Asked(lexicon.titles))
    assert probe.title_at(["زار", "الرئيس", "الفرنسي"], 0) is None and asked == []
    assert probe.title_at(["زار", "والرئيس"], 1).words == ("الرئيس",)


@pytest.mark.parametrize(("word", "heads"), [("والرئيس", ("الرئيس",)), ("للرئيس", ("الرئيس",)), ("زار", ()), ("الرئيس", ("الرئيس",))])
def test_title_heads_are_the_forms_of_a_word_that_begin_a_title(lexicon, word, heads):
    assert lexicon.title_heads(word) == heads
    assert lexicon.title_heads(word) is lexicon.title_heads(word)  # kept per word: asked again, not made again
