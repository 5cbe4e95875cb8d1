"""Entity merging within an article and linking to the knowledge base."""

import pytest

from kg.link import consonants, shorter_forms, skeleton, without_article
from kg.types import Document


@pytest.mark.parametrize(
    "first, second",
    [
        ("توكاييف", "توقاييف"),
        ("نتنياهو", "نتانياهو"),
        ("نتنياهو", "نتتنياهو"),
        ("ألما آتا", "ألماتي"),
        ("أردوغان", "اردوغان"),
    ],
)
def test_spellings_share_a_skeleton(first, second):
    assert skeleton(first) == skeleton(second)


def _entities(pipeline, text, doc_id="t"):
    doc = Document(doc_id, text, "test")
    return pipeline.link(pipeline.recognize(doc, pipeline.analyze(doc)), doc.id)


def test_spellings_of_one_person_are_one_entity(pipeline):
    # ANT internationalNews-1: the prime minister spelled three ways in one article.
    text = (
        "بعث رئيس الوزراء الإسرائيلي بنيامين نتتنياهو برسالة إلى الشعب الإيراني. "
        "وخاطب نتنياهو الشعب الإيراني. إلا أن نتانياهو ميز بين النظام والشعب."
    )
    people = [e for e in _entities(pipeline, text) if e.type == "PER"]
    assert len(people) == 1
    assert people[0].wikidata == "Q43723" and len(people[0].mentions) == 3


def test_surname_joins_full_name_of_an_unknown_person(pipeline):
    text = "قال المتحدث باسم الشرطة جوزيف كاربنتييه إن التحقيق مستمر. وأضاف كاربنتيه أن المشتبه به اعتقل."
    people = [e for e in _entities(pipeline, text) if e.type == "PER"]
    assert len(people) == 1 and people[0].label_ar == "جوزيف كاربنتييه" and people[0].wikidata is None


def test_linked_entities_carry_wikidata_and_english(pipeline):
    entities = {e.label_en: e for e in _entities(pipeline, "زار الرئيس الروسي فلاديمير بوتين سوريا.")}
    assert entities["Vladimir Putin"].wikidata == "Q7747"
    assert entities["Vladimir Putin"].id.endswith("/Q7747")
    assert entities["Russia"].mentions[0].text == "الروسي"


def test_iris_are_stable_across_runs(pipeline):
    text = "استقبل رئيس بلدية المدينة جوزيف كاربنتييه وفدا من منظمة الصحة العالمية."
    assert [e.id for e in _entities(pipeline, text)] == [e.id for e in _entities(pipeline, text)]


def test_a_generic_body_is_another_one_in_every_article(pipeline):
    police = [
        {e.id for e in _entities(pipeline, "وقالت الشرطة إنها اعتقلت مشتبها به.", doc_id) if e.type == "ORG"}
        for doc_id in ("a", "b")
    ]
    assert len(police[0]) == 1 and police[0] != police[1]


@pytest.mark.parametrize(
    "arabic, latin",
    [("إيمانويل ماكرون", "Emmanuel Macron"), ("أنطونيو غوتيريز", "António Guterres"), ("فرانسوا أولاند", "François Hollande"), ("سيرجيو ماتاريلا", "Sergio Mattarella")],
)
def test_arabic_and_latin_spellings_share_consonants(lexicon, arabic, latin):
    classes = lexicon.letter_classes
    assert [consonants(w, classes["ar"]) for w in arabic.split()] == [consonants(w, classes["lat"]) for w in latin.split()]


def test_a_person_known_only_in_english_is_linked_by_transliteration(pipeline):
    # The knowledge base has Sergio Mattarella (President of Italy) with no Arabic name.
    assert not pipeline.link.kb.get("Q3956186").names_ar
    entities = _entities(pipeline, "استقبل الرئيس الإيطالي سيرجيو ماتاريلا وفدا تونسيا.")
    assert "Q3956186" in {e.wikidata for e in entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوزير إلى مدينة مارتن أمس.", None),  # Martin, Slovakia: a smaller city, its country not named
        ("وصل الوزير إلى سلوفاكيا وزار مدينة مارتن أمس.", "Q27001"),
    ],
)
def test_a_smaller_city_needs_its_country_in_the_article(pipeline, text, expected):
    [place] = [e for e in _entities(pipeline, text) if e.label_ar == "مارتن"]
    assert place.wikidata == expected


def test_a_body_described_in_an_article_about_one_state_is_that_states(pipeline):
    text = ("أعلن الرئيس الكازاخي قاسم توكاييف حالة الطوارئ في كازاخستان. وقال إن الحكومة استقالت. "
            "وشهدت مدن كازاخستان احتجاجات.")
    [government] = [e for e in _entities(pipeline, text) if e.type == "ORG"]
    assert (government.label_en, government.label_ar) == ("Government of Kazakhstan", "الحكومة الكازاخستانية")


def test_a_body_described_in_an_article_about_no_one_state_stays_the_articles(pipeline):
    text = "وقالت الحكومة إنها ستدرس المقترح."
    [government] = [e for e in _entities(pipeline, text) if e.type == "ORG"]
    assert government.label_en is None and government.id.endswith("/t")


@pytest.mark.parametrize(
    ("text", "name", "kind", "qid"),
    [
        # ب of بيونغ is no preposition; one place, never a person «يونغ يانغ»
        ("طالبت بيونغ يانغ واشنطن بالاعتذار. وقالت بيونغ يانغ إن وكالة المخابرات المركزية الأمريكية CIA متورطة.",
         "بيونغ يانغ", "LOC", "Q18808"),
        ("طالبت بيونغ يانغ واشنطن بالاعتذار. وقالت بيونغ يانغ إن وكالة المخابرات المركزية الأمريكية CIA متورطة.",
         "وكالة الاستخبارات المركزية الأمريكية", "ORG", "Q37230"),
        ("وأكد البيت الأبيض أن الرئيس سيزور بغداد ووارسو.", "البيت الأبيض", "ORG", "Q35525"),
        ("وأكد البيت الأبيض أن الرئيس سيزور بغداد ووارسو.", "وارسو", "LOC", "Q270"),
    ],
)
def test_known_names_keep_their_letters_and_type(pipeline, text, name, kind, qid):
    entities = _entities(pipeline, text)
    [entity] = [e for e in entities if e.wikidata == qid]
    assert (entity.label_ar, entity.type) == (name, kind)
    assert not any(e.label_ar == "يونغ يانغ" for e in entities)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("قضت المحكمة الدستورية بعدم دستورية القانون. وقالت المحكمة إن القرار نهائي.", "المحكمة الدستورية"),
        # a construct's head takes the article when it stands alone
        ("أعلنت حركة النهضة دعمها للحكومة. وقالت الحركة في بيان إنها ترفض العنف.", "حركة النهضة"),
        ("صادق مجلس نواب الشعب على القانون. وقال المجلس إن الجلسة كانت هادئة.", "مجلس نواب الشعب"),
    ],
)
def test_a_short_definite_reference_is_the_named_body(pipeline, text, label):
    [body] = [e for e in _entities(pipeline, text) if e.type == "ORG"]
    assert body.label_ar == label and len(body.mentions) == 2


@pytest.mark.parametrize(
    "text, qid",
    [
        # a party named without its kind word (نداء تونس, حماس); the kind word alone after it is that party
        ("أعلنت النائب عن نداء تونس ليلى الشتاوي اليوم تجميد عضويتها في الحزب.", "Q929717"),
        ("قال الناطق الرسمي باسم حماس إن الحركة ستصدر بيانا.", "Q38799"),
    ],
)
def test_a_kind_word_alone_is_the_known_body_of_its_kind(pipeline, text, qid):
    [body] = [e for e in _entities(pipeline, text) if e.type == "ORG"]
    assert body.wikidata == qid and len(body.mentions) == 2, body


def test_a_label_has_no_clitic(pipeline):
    text = "وأكدت الشرطة والحرس الوطني أن الوضع هادئ."  # و read as a particle (wa_part) by the database
    assert "الحرس الوطني" in {e.label_ar for e in _entities(pipeline, text)}


def test_a_run_of_letters_no_name_has_is_no_entity(pipeline):
    assert not [e for e in _entities(pipeline, "قال الوزير إن " + "بسم" * 1000 + ".") if len(e.label_ar) > 60]


def _dated_entities(pipeline, text, date):
    doc = Document("t", text, "test", date=date)
    return pipeline.link(pipeline.recognize(doc, pipeline.analyze(doc)), doc.id)


@pytest.mark.parametrize(
    ("text", "date", "qid"),
    [
        # the office on the date gives the person, the surname agrees with the holder's English name
        ("استقبل الرئيس الأوغندي يوري موسيفيني وفدا من رجال الأعمال.", "2016-07-07", "Q57274"),
        # a surname that is not the holder's links no one, whoever held the office
        ("استقبل الرئيس الأوغندي جون كارتر وفدا من رجال الأعمال.", "2016-07-07", None),
        # a relative named after the holder's title is not the holder
        ("وقالت ابنة الرئيس الأمريكي إيفانكا ترامب إن الزيارة ناجحة.", "2017-05-06", None),
        # before the holder's term (Museveni from 1986) the title gives no one
        ("استقبل الرئيس الأوغندي يوري موسيفيني وفدا من رجال الأعمال.", "1980-01-01", None),
    ],
)
def test_a_titled_name_is_linked_to_the_holder_of_the_office_on_the_date(pipeline, text, date, qid):
    people = [e for e in _dated_entities(pipeline, text, date) if e.type == "PER"]
    assert len(people) == 1 and people[0].wikidata == qid


@pytest.mark.parametrize(
    ("name", "qid", "agrees"),
    [
        ("موسيفيني", "Q57274", True),   # Museveni: English name only
        ("يوري موسيفيني", "Q57274", True),
        ("نتنياهو", "Q43723", True),    # an Arabic name of the entry
        ("كارتر", "Q57274", False),
        ("صالح", "Q57274", False),
        ("إيفانكا ترامب", "Q22686", False),  # the surname agrees, the given name does not
    ],
)
def test_names_holder(kb, lexicon, name, qid, agrees):
    from kg.link import names_holder

    assert names_holder(name, kb.get(qid), lexicon.letter_classes) is agrees


def _named(entities):
    return {m.text: e.wikidata for e in entities for m in e.mentions if m.named}


@pytest.mark.parametrize(
    ("text", "name", "qid"),
    [
        # a longer name the knowledge base does not know is not the shorter one it holds
        ("قال باشينيان الذي يترأس مجلس الأمن الجماعي إن القمة ستعقد.", "مجلس الأمن الجماعي", None),
        ("وقال مجلس الأمن الدولي إن الهدنة صامدة.", "مجلس الأمن الدولي", "Q37470"),
        ("وأعلن مجلس الاتحاد الأوروبي فرض عقوبات على روسيا.", "مجلس الاتحاد الأوروبي", None),
        ("وقالت بعثة الأمم المتحدة في ليبيا إن الحوار سيستأنف.", "بعثة الأمم المتحدة", None),
        ("وقالت نقابة أطباء السودان إن الشرطة قتلت متظاهرين.", "نقابة أطباء السودان", None),
        ("وتستهدف طائرات مدنية في مطار الخرطوم.", "مطار الخرطوم", None),
        # … and a region is not its continent (UN M49 subregions, QIDs from dr5hn's subregions.json)
        ("وزار الوفد دول شمال أفريقيا.", "شمال أفريقيا", "Q27381"),
        ("وتوجه الوزير إلى وسط آسيا.", "وسط آسيا", "Q27275"),
        # a person whose name holds a known surname is not that person
        ("كما التقت عقيلة الرئيس التركي أمينة أردوغان مع عقيلة الرئيس السوري.", "أمينة أردوغان", None),
        # places of no country: continents, regions, seas
        ("وقال إن أوروبا والشرق الأوسط يواجهان أزمة.", "أوروبا", "Q46"),
        ("وقال إن أوروبا والشرق الأوسط يواجهان أزمة.", "والشرق الأوسط", "Q7204"),
        ("وأبحرت سفن في بحر الصين الجنوبي.", "بحر الصين الجنوبي", "Q37660"),
        ("وقال حاكم ولاية كاليفورنيا إن الحرائق امتدت.", "كاليفورنيا", "Q99"),
        ("وصل الوزير إلى الخرطوم.", "الخرطوم", "Q1963"),
        ("وصل الوزير إلى مينسك.", "مينسك", "Q2280"),
        # a sea's common noun is part of its name, even where the tagger names the rest alone
        ("قبالة بلدة يونانية مطلة على بحر إيجه.", "بحر إيجه", "Q34575"),
        # cities dr5hn gives a QID but no Arabic name
        ("وقال ترودو خلال مؤتمر في هيوستن بولاية تكساس.", "هيوستن", "Q80122"),
        # Tunisian parties and parliament, QIDs from everypolitician-data's Tunisian groups
        ("وقال القيادي في حركة النهضة إن الحزب يدعم الحكومة.", "حركة النهضة", "Q692022"),
        ("وأعلنت كتلة نداء تونس رفضها للقانون.", "نداء تونس", "Q929717"),
        ("وصادق مجلس نواب الشعب على الميزانية.", "مجلس نواب الشعب", "Q18342090"),
        # cities dr5hn spells otherwise in Arabic (شبراته، قسطنطين)
        ("وقعت اشتباكات في مدينة صبراتة غرب طرابلس.", "صبراتة", "Q231167"),
        ("وأوقفت الشرطة شخصين في ولاية قسنطينة شرق الجزائر.", "قسنطينة", "Q1093156"),
        # ... or without the article news writes (ميديا for المدية، عين البيضاء for العين البيضاء)
        ("وقضت وحدات الجيش الجزائري على مسلحين في ولاية المدية.", "المدية", "Q1982137"),
        ("ولد الكاتب الجزائري في مدينة العين البيضاء شرق البلاد.", "العين البيضاء", "Q2088349"),
        # Tunisian legislators from everypolitician-data (kb_everypolitician.tsv)
        ("وقال نائب رئيس البرلمان عبد الفتاح مورو إن الجلسة ستعقد غدا.", "عبد الفتاح مورو", "Q2821016"),
        ("وانتقد النائب عماد الدايمي قرار الحكومة بشدة.", "عماد الدايمي", "Q12886365"),
        # ... and from its list of the Assembly's members with their QIDs (kb_people_ar.tsv): Hafedh Zouari, Afek Tounes, Sousse
        ("وقال النائب حافظ الزواري إن المشاريع الكبرى في الجهة تأخرت.", "حافظ الزواري", "Q3125673"),
    ],
)
def test_named_mentions_link_to_the_whole_name(pipeline, text, name, qid):
    named = _named(_entities(pipeline, text))
    assert name in named and named[name] == qid, named


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        # a given name alone is not the one legislator of that name (Samir Dilou, Mohamed Ennaceur)
        ("وقال سمير إن الاجتماع تأجل إلى الأسبوع المقبل.", "Q3470837"),
        ("وقال محمد إن الاجتماع تأجل إلى الأسبوع المقبل.", "Q3318530"),
        # a surname alone is the person named in full before it, not a namesake in the knowledge base
        ("وقال القيادي عدنان منصر إن الحزب يرفض القانون. وأضاف منصر أن الحكومة فشلت.", "Q12242044"),
        # a name the knowledge base holds in Arabic is not found by its English consonants (Ahmed ~ Mohamed)
        ("وأعلن أحمد بن سالم المتحدث باسم القوة أن الهجوم فشل.", "Q3318419"),
    ],
)
def test_a_given_name_or_a_namesake_is_not_linked(pipeline, text, qid):
    assert qid not in _named(_entities(pipeline, text)).values()


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        ("وأعلن مجلس الاتحاد الأوروبي فرض عقوبات على روسيا.", "Q458"),
        ("وأبحرت سفن في بحر الصين الجنوبي.", "Q148"),
        ("وقالت نقابة أطباء السودان إن الشرطة قتلت متظاهرين.", "Q1049"),
        # a body named after a place is not that place
        ("ونقلت قناة روسيا اليوم عن مصدر أن الهجوم فشل.", "Q159"),
        ("وقال وزراء المجموعة الدولية لدعم سوريا إن الهدنة صامدة.", "Q858"),
    ],
)
def test_a_name_inside_a_longer_one_is_not_named_there(pipeline, text, qid):
    assert qid not in _named(_entities(pipeline, text)).values()


def test_a_nisba_names_a_country_not_a_continent(pipeline):
    entities = _entities(pipeline, "وقال الاتحاد الأوروبي إن الأزمة تتفاقم.")
    assert "Q46" not in {e.wikidata for e in entities}



@pytest.mark.parametrize(
    ("name", "middle", "forms"),
    [
        ("روبير إسكندر غانم", True, ["روبير غانم"]),
        ("سعد الدين الحريري", True, ["سعد الحريري"]),
        # a name read in a text keeps its middle name: جورج هربرت بوش is not the son جورج بوش
        ("جورج هربرت بوش", False, []),
        # a compound given name and a kinship link are not middle names
        ("عبد العزيز الحكيم", True, []),
        ("خالد بن سلمان", True, []),
        # forebears are dropped after a father named, not in place of him
        ("تميم بن حمد بن خليفة آل ثاني", False, ["تميم بن حمد ال ثاني"]),
        ("خالد بن سلمان بن عبد العزيز آل سعود", False, ["خالد بن سلمان ال سعود"]),
    ],
)
def test_shorter_forms_of_a_full_name(lexicon, name, middle, forms):
    links = lexicon.grammar["name_link"], lexicon.grammar["kinship_link"]
    assert shorter_forms(name, *links, middle) == forms


def test_a_name_with_or_without_the_article_on_its_words_is_one_form():
    assert without_article("المنجي الرحوي") == without_article("منجي الرحوي") == "منجي رحوي"


@pytest.mark.parametrize(
    ("text", "name", "qid"),
    [
        # the text spells the given name or the surname without the article (KB: المنجي الرحوي) or with it (الهادي مجدوب)
        ("وقال النائب منجي الرحوي إن الحكومة فشلت.", "منجي الرحوي", "Q16185697"),
        ("وأعلن وزير الداخلية الهادي المجدوب أن الوضع الأمني مستقر.", "الهادي المجدوب", "Q21996842"),
        # the middle name left out (KB: روبير إسكندر غانم)
        ("وقال النائب روبير غانم إن اللجنة أقرت القانون.", "روبير غانم", "Q3435215"),
        # the lineage told one forebear further back (KB: تميم بن حمد آل ثاني)
        ("واتصل الشيخ تميم بن حمد بن خليفة آل ثاني أمير قطر بالرئيس الفرنسي.", "تميم بن حمد بن خليفة آل ثاني", "Q1855372"),
    ],
)
def test_another_form_of_a_persons_name_is_linked(pipeline, text, name, qid):
    named = _named(_entities(pipeline, text))
    assert named.get(name) == qid, named


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        # a compound given name alone is not a man of that family (Abdul Aziz al-Hakim)
        ("وقال عبد الحكيم إن الاجتماع تأجل.", "Q307168"),
        # one who goes by his middle and last names (المنصف المرزوقي) is not named by his first and last
        ("وأصيب العون محمد المرزوقي بجروح خفيفة.", "Q4715"),
        # a son's name holds his father's: Khalid bin Salman is not King Salman
        ("وعين الملك الأمير خالد بن سلمان بن عبد العزيز آل سعود سفيرا في واشنطن.", "Q367825"),
    ],
)
def test_another_persons_name_is_no_form_of_it(pipeline, text, qid):
    assert qid not in _named(_entities(pipeline, text)).values()


def test_a_label_keeps_the_articles_the_text_writes(pipeline):
    """The KB's form of a name may have lost its articles (UniversalPetrarch's segmented stems):
    the label is then the text's spelling, and the entity is still the KB's."""
    assert pipeline.link.kb.get("kg:سعد-دين-عثماني").label_ar == "سعد دين عثماني"
    [person] = [e for e in _entities(pipeline, "وقال رئيس الحكومة المغربية سعد الدين العثماني إن الحوار مستمر.")
                if e.type == "PER"]
    assert (person.id.rsplit("/", 1)[-1], person.label_ar) == ("kg-سعد-دين-عثماني", "سعد الدين العثماني")


@pytest.mark.parametrize(
    ("text", "description", "qid"),
    [
        # descriptions.tsv: a fixed epithet, and «هذه الدولة» / «المملكة» for the last state named before it
        ("وانتقدت تركيا الدولة العبرية.", "الدولة العبرية", "Q801"),
        ("وزار ماكرون ليبيا. وقال إنه يدعم الاستقرار في هذا البلد.", "هذا البلد", "Q1016"),
        ("وقطعت السعودية والبحرين علاقاتهما مع قطر. وقالت المملكة إن القرار نهائي.", "المملكة", "Q398"),
        # the counterpart of a president in 2017: China's president
        ("وشكر الرئيس ترامب نظيره الصيني.", "نظيره الصيني", "Q15031"),
    ],
)
def test_a_description_is_linked_to_what_it_stands_for(pipeline, text, description, qid):
    linked = {m.text: e.wikidata for e in _entities(pipeline, text) for m in e.mentions}
    assert linked.get(description) == qid, linked


def test_descriptions_do_not_make_the_articles_state(pipeline):
    """«الحكومة» stays the government of the state the article names, however often it names another by an epithet."""
    text = "وقالت الحكومة إن الكيان الصهيوني يهدد تونس. وأكدت تونس أن الكيان الصهيوني يهدد المنطقة وأن الكيان الصهيوني يحتل فلسطين."
    [government] = [e for e in _entities(pipeline, text) if e.type == "ORG"]
    assert government.label_en == "Government of Tunisia"


def test_a_counterpart_is_no_full_name_of_the_title_before_it(pipeline):
    """«نظيره الروسي» names no surname: «الرئيس» (a skeleton like الروسي's) stays the Kazakh president."""
    people = {e.wikidata or e.id for e in _entities(pipeline, "واستقبل الرئيس الكازاخي نظيره الروسي.") if e.type == "PER"}
    assert len(people) == 2 and "Q7747" in people, people


@pytest.mark.parametrize(
    ("text", "date", "absent"),
    [
        # a past office: the ousted president is not the one in office on the date (el-Sisi)
        ("وقرر القضاء الإفراج عن الرئيس المصري المخلوع بعد تبرئته.", "2017-03-13", "Q307871"),
        # Moon Jae-in's term is known only as 2017–2022: in March 2017 it may not have begun
        ("واستقبل الرئيس الكوري الجنوبي وزير الخارجية.", "2017-03-11", "Q21001"),
    ],
)
def test_a_title_with_no_name_names_no_holder_it_may_not_be(pipeline, text, date, absent):
    doc = Document("t", text, "test", date=date)
    people = {e.wikidata for e in pipeline.link(pipeline.recognize(doc, pipeline.analyze(doc)), doc.id) if e.type == "PER"}
    assert absent not in people, people


def test_a_title_with_no_name_names_the_holder_of_a_term_known_to_cover_the_date(pipeline):
    doc = Document("t", "واستقبل الرئيس الكوري الجنوبي وزير الخارجية.", "test", date="2018-03-11")
    people = {e.wikidata for e in pipeline.link(pipeline.recognize(doc, pipeline.analyze(doc)), doc.id) if e.type == "PER"}
    assert "Q21001" in people, people
