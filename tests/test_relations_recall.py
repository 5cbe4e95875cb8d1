"""Events the engine joins beyond the verb's next name (issue 15, session 8, engine recall)."""

import pytest

from kg.pipeline import to_record
from kg.types import Document


@pytest.mark.parametrize(
    "text, expected",
    [
        # Coordinated subjects of a light verb of exchange act on each other (تبادل X مع Y → X وY تبادلا).
        ("تبادلت روسيا وأوكرانيا الاتهامات بقصف المحطة النووية.",
         [("Russia", "accused", "Ukraine"), ("Ukraine", "accused", "Russia")]),
        ("وتبادلت الهند وباكستان التهم بخرق الهدنة.", [("India", "accused", "Pakistan"), ("Pakistan", "accused", "India")]),
        ("تبادلت الهند وباكستان إطلاق النار على الحدود.", [("India", "attacked", "Pakistan"), ("Pakistan", "attacked", "India")]),
        # met is symmetric: one direction says both.
        ("وتبادل بوتين وأردوغان الآراء بشأن الأزمة.", [("Vladimir Putin", "met", "Recep Tayyip Erdoğan")]),
        # Guards: an exchange that is no event of the vocabulary; ties cut with a party named elsewhere.
        ("وتبادلت روسيا وأوكرانيا الأسرى.", []),
        ("وقطعت السعودية والإمارات العلاقات الدبلوماسية.", []),
    ],
)
def test_mutual_acts_of_coordinated_subjects(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The verbal noun of imposing or extending sanctions as a statement's object; فرض written
        # bare reads as the verb فَرَضَ, but right after the statement's subject it is the noun.
        ("أعلنت الولايات المتحدة فرض عقوبات جديدة على إيران.", [("United States", "sanctioned", "Iran")]),
        ("أعلن الاتحاد الأوروبي اليوم تمديد العقوبات المفروضة على روسيا ستة أشهر.", [("European Union", "sanctioned", "Russia")]),
        # The verb itself still reads as a verb (its subject after it).
        ("فرضت الولايات المتحدة عقوبات على روسيا.", [("United States", "sanctioned", "Russia")]),
        # Guard: an extension of no sanction.
        ("وأعلنت الحكومة تمديد حالة الطوارئ في تونس.", []),
        # A threat of an attack on a party threatens that party; an attack on a place in a country does not name it.
        ("هدد الرئيس الأمريكي دونالد ترامب بقصف غير مسبوق على إيران.", [("Donald Trump", "threatened", "Iran")]),
        ("وهدد ترامب بقصف المواقع في سوريا.", []),
    ],
)
def test_frames_of_sanctions_and_threats(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A phrase of the occasion between the subject and the direct object: closed by a
        # pronoun, a definite noun, an adjective or a comma.
        ("ودعت فرنسا في بيان لها قطر إلى الحوار.", [("France", "called_for", "Qatar")]),
        ("واتهمت روسيا، في بيان، أوكرانيا بقصف المحطة.", [("Russia", "accused", "Ukraine")]),
        ("ودعت الجزائر في ختام الاجتماع ليبيا إلى الحوار.", [("Algeria", "called_for", "Libya")]),
        # Guard: a bare indefinite noun governs the name after it (the statement of the United States).
        ("وانتقدت تركيا في بيان الولايات المتحدة.", []),
        # Guard: a phrase of time is no occasion (في المدة الأخيرة).
        ("وانتقدت تركيا في الفترة الأخيرة الولايات المتحدة.", []),
        ("وانتقدت تركيا في نفس اليوم الولايات المتحدة.", []),
    ],
)
def test_direct_object_past_a_phrase_of_the_occasion(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The target inside a site's phrase (session 9): the owner of the sites hit, after لـ,
        # تابع لـ or as the genitive of sites joined by و, is the one attacked.
        ("قصفت روسيا مواقع لتنظيم داعش في سوريا.", [("Russia", "attacked", "Islamic State")]),
        ("هاجمت القوات المسلحة قواعد ومقرات قوات الدعم السريع في الخرطوم.", [("القوات المسلحة", "attacked", "قوات الدعم السريع")]),
        ("وأطلقت كوريا الشمالية صواريخ على قواعد تابعة للجيش الأمريكي.", [("North Korea", "attacked", "Armed forces of United States")]),
        # Guards: a place after the sites is where they are; a body's seat (a venue) is no site it holds.
        ("قصفت إسرائيل مواقع في سوريا.", []),
        ("قصفت روسيا مواقع بمدينة حلب.", []),
        ("اقتحم متظاهرون مبنى البرلمان.", []),
    ],
)
def test_target_named_as_owner_of_the_site(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Unframed triggers of the web dev gold (session 9): an arrival on an invitation is a visit;
        # a choice put between peace and war is a threat.
        ("وصل أردوغان إلى الدوحة تلبية لدعوة من أمير قطر.", [("Recep Tayyip Erdoğan", "visited", "Doha")]),
        ("خيّر الرئيس الأمريكي دونالد ترامب إيران بين التفاوض أو الحرب.", [("Donald Trump", "threatened", "Iran")]),
        # Guards: an arrival with no invitation; a choice with no war in it.
        ("وصل أردوغان إلى الدوحة مساء أمس.", []),
        ("خيّر الرئيس الأمريكي دونالد ترامب إيران بين الاتفاق الحالي أو اتفاق جديد.", []),
        # Telling a party by telephone is a call with it (met); by letter, or of a call, it is not.
        ("وأبلغ الرئيس الفرنسي إيمانويل ماكرون نظيره الأمريكي دونالد ترامب في اتصال هاتفي أن فرنسا لن تنسحب.",
         [("Emmanuel Macron", "met", "Donald Trump")]),
        ("أبلغت تونس الأمم المتحدة في رسالة أنها ستشارك.", []),
        ("وأبلغ ماكرون البرلمان أن الاتصال مع ترامب لم يتم.", []),
    ],
)
def test_frames_of_invited_arrival_and_ultimatum(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The members of a body asked to act (session 9): the body is the addressee.
        ("ودعت فرنسا الدول الأعضاء في مجلس الأمن إلى التحرك.", [("France", "called_for", "United Nations Security Council")]),
        # Guard: members of no named body.
        ("ودعت تونس الدول الأعضاء إلى التضامن.", []),
        # Rejecting talks or ties with a party rejects that party (CAMEO 125).
        ("ورفضت تونس التطبيع مع إسرائيل.", [("Tunisia", "rejected", "Israel")]),
        ("رفضت إيران التفاوض المباشر مع واشنطن.", [("Iran", "rejected", "Washington, D.C.")]),
        # Guard: a refusal of what a party asked is no refusal of talks.
        ("ورفضت مصر التعاون في التحقيق.", []),
    ],
)
def test_addressee_through_members_and_talks(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An object pronoun with words between it and its party (session 10): the last named party
        # before it that agrees with it in kind and gender, when no other party of the sentence does.
        ("نفت بكين أي تدخل في شؤون الدول الأخرى، بعد أن اتهمها الرئيس الأميركي دونالد ترامب بالتدخل في الانتخابات.",
         [("Donald Trump", "accused", "Beijing")]),
        ("وبث التلفزيون الروسي مشاهد تظهر بوتين وهو يهبط من الطائرة قبل أن يستقبله لوكاشنكو بحرارة.",
         [("Alexander Lukashenko", "met", "Vladimir Putin")]),
        # Guards: no party of the pronoun's gender (ها, Putin); two that agree (ه: Macron or Putin);
        # two of one kind (ها: Qatar or the government).
        ("وصل بوتين إلى المطار قبل أن يستقبلها لوكاشنكو بحرارة.", []),
        ("التقى ماكرون بوتين في باريس قبل أن يستقبله ترامب في واشنطن.", [("Emmanuel Macron", "met", "Vladimir Putin")]),
        ("وأكدت قطر أن الحكومة لم تتلق أي طلب، بعد أن اتهمتها السعودية بدعم الإرهاب.", []),
        # The subject before the verb, opening a reported clause (أن X دعاه), is the verb's own.
        ("وقال الرئيس الباجي قايد السبسي إن رئيس الولايات المتحدة الأمريكية دونالد ترامب دعاه لمواصلة التحاور في واشنطن.",
         [("Donald Trump", "called_for", "Beji Caid Essebsi")]),
        # Guards: a name right before the verb under a preposition is the pronoun's party, not the
        # subject; a name joined by و after إن opens a clause of its own (تدعمها: the initiative).
        ("وجه الرئيس الإيراني السابق محمود احمدي نجاد رسالة مفتوحة الى الرئيس الامريكي دونالد ترامب، طالبه فيها بتغيير المنهج.", []),
        ("قالت المستشارة الألمانية أنجيلا ميركل إن المبادرة جيدة وألمانيا تدعمها.", []),
    ],
)
def test_object_pronoun_resolved_in_the_sentence(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A statement verb opening the sentence that camel-tools reads as a noun (وعبّر as عَبْر
        # "across", session 10): its subject is the actor of the verbal noun after عن, and of a
        # participle after it.
        ("وعبرت تونس عن إدانتها الشديدة لإسرائيل.", [("Tunisia", "condemned", "Israel")]),
        ("وعبّر الرئيس التونسي الباجي قائد السبسي عن تضامنه مع حركة النهضة.", [("Beji Caid Essebsi", "supported", "Ennahda Movement")]),
        ("وعبرت قطر عن أسفها، داعية إيران إلى ضبط النفس.", [("Qatar", "called_for", "Iran")]),
        # Guard: عبر as "across, through", a preposition before a name, is no statement.
        ("عبر تونس تمر القوافل إلى ليبيا.", []),
    ],
)
def test_statement_verb_read_as_a_noun(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A phrase of the occasion with its own verb, set off by commas between a statement verb
        # and عن (session 10, three structures): the statement's subject is the verbal noun's actor.
        ("وعبّر الرئيس التونسي الباجي قائد السبسي، في بيان نشر على صفحته الرسمية، عن إدانته لإسرائيل.",
         [("Beji Caid Essebsi", "condemned", "Israel")]),
        ("وعبرت تونس، في بيان نشر على صفحتها الرسمية، عن إدانتها لإسرائيل.", [("Tunisia", "condemned", "Israel")]),
        # The phrase may open right after the subject, with no comma before it.
        ("وأعرب الرئيس التونسي الباجي قائد السبسي في بيان نشر أمس، عن إدانته لإسرائيل.", [("Beji Caid Essebsi", "condemned", "Israel")]),
        # A comma ends the verbal noun's phrase: the name after it is the next verb's (داعية), not the solidarity's.
        ("وأعربت قطر عن تضامنها، داعية إيران إلى ضبط النفس.", [("Qatar", "called_for", "Iran")]),
        ("وأعربت قطر عن تضامنها مع تونس، داعية إيران إلى ضبط النفس.", [("Qatar", "supported", "Tunisia"), ("Qatar", "called_for", "Iran")]),
        # A name in the genitive right after the verbal noun, before the noun's own preposition, is its actor, not its target.
        ("وأعربت وزارة الشؤون الخارجية عن إدانة تونس الشديدة للتفجيرات الإرهابية.", []),
        # Guard: skipping the phrase finds no speaker where none is named.
        ("وأعرب، في بيان نشر على صفحته الرسمية، عن إدانته لإسرائيل.", []),
    ],
)
def test_occasion_aside_and_comma_end_the_phrase(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The one called on inside «إلى ضرورة أن»: the named subject of the verb after أن.
        ("ودعا ماكرون إلى ضرورة أن تلتزم إيران بالاتفاق النووي.", [("Emmanuel Macron", "called_for", "Iran")]),
        ("وطالب الاتحاد الأوروبي بضرورة أن تنسحب روسيا من أوكرانيا.", [("European Union", "called_for", "Russia")]),
        # The members of a body after a quantifier: the body is called on.
        ("ودعا ماكرون إلى ضرورة أن تعمل جميع الدول الأعضاء في الاتحاد الأوروبي على استقبال اللاجئين.",
         [("Emmanuel Macron", "called_for", "European Union")]),
        # Guards: no named subject after the verb; a necessity stressed by a verb that calls on no one.
        ("ودعت فرنسا إلى ضرورة أن يتم احترام الاتفاق.", []),
        ("وشددت فرنسا على ضرورة أن تلتزم إيران بالاتفاق النووي.", []),
    ],
)
def test_addressee_inside_a_necessity(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # War events (session 11): a state's arms with its nisba right after the verb are that
        # state (cues.tsv kind arms); the site or craft of a party named after it is the target.
        ("قصفت طائرات أمريكية مواقع لتنظيم داعش في ليبيا.", [("United States", "attacked", "Islamic State")]),
        ("وشنت طائرات روسية غارات على مدينة إدلب.", [("Russia", "attacked", "Idlib Governorate")]),
        # The noun of an attack just before the verb is its subject: the actor is the state of
        # its nisba, or the named subject of the verb that carried it out (شن، نفذ).
        ("غارات أمريكية جديدة تستهدف منطقة الحديدة.", [("United States", "attacked", "الحديدة")]),
        ("وشن تنظيم داعش هجوما استهدف مدينة الموصل.", [("Islamic State", "attacked", "Mosul")]),
        ("ونفذت إسرائيل غارة جوية استهدفت مواقع لحركة حماس في غزة.", [("Israel", "attacked", "Hamas")]),
        # An indefinite noun's relative clause has no relative pronoun (هجوم شنه X على Y), past its instrument.
        ("وجاء ذلك بعد هجوم بطائرة مسيرة شنه تنظيم داعش على إسرائيل.", [("Islamic State", "attacked", "Israel")]),
        # Guards: aircraft with a nisba and no attack (an airline's planes); a body's noun before
        # a verb that is no attack; an attack whose actor is not named; the forces sent are no sender.
        ("وهبطت الطائرات القطرية في مطار الدوحة.", []),
        ("وقالت فرنسا إن هجوما استهدف سفارتها في بغداد.", []),
        ("وأصيب جنود في هجوم انتحاري استهدف مدينة الموصل.", []),
        ("واتخذت روسيا قرارا بإرسال قوات حفظ سلام تابعة إلى كازاخستان.", []),
    ],
)
def test_war_events(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Deployments named by their military kind (حربية، العسكري), not only by forces.
        ("وأرسلت روسيا سفينة حربية إلى سوريا.", [("Russia", "deployed", "Syria")]),
        ("وانتقد بيترو الانتشار العسكري الأميركي في الكاريبي.", [("United States", "deployed", "Caribbean")]),
        # Guard: military aid sent is support, not a deployment.
        ("وأرسلت روسيا مساعدات عسكرية إلى سوريا.", []),
    ],
)
def test_military_deployments(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The target of a relative clause's act may follow a place noun (على مدينة تل أبيب).
        ("وجاء ذلك بعد هجوم شنه الحوثيون على مدينة تل أبيب.", [("Houthis", "attacked", "Tel Aviv")]),
        # Guard: بـ + place noun says where, not with whom (القمة الأميركية بالعاصمة السعودية الرياض).
        ("وتحدث ترامب في القمة الأميركية بالعاصمة السعودية الرياض.", []),
        # Guard: a name joined by و after a comma is no object of a verb whose object came before
        # it (العاصمة الليبية), but joined to another phrase.
        ("ودارت معارك بين قوات حفتر التي تهاجم العاصمة الليبية، وقوات حكومة الوفاق الوطني.", []),
    ],
)
def test_war_targets(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An air raid's actor after لـ, its target after على (events/war.frames.tsv).
        ("وأصيب البغدادي جراء غارات مكثفة للتحالف الدولي على ريف الرقة.", [("التحالف الدولي", "attacked", "ريف الرقة")]),
        # Guard: after ضربة, لـ names the one hit, in a figure of speech.
        ("ويعتبر هذا التصويت ضربة للرئيس الأميركي باراك أوباما على الكونغرس.", []),
    ],
)
def test_raid_actor_after_li(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A militia's head word opens an organisation, not a thing (cues.tsv kind group, kg/ner.py):
        # the tagger's «ميليشيات X» becomes an ORG, its bare head is left to the head-noun rule.
        ("وقصفت ميليشيا الدعم السريع مدينة الفاشر.", [("ميليشيا الدعم السريع", "attacked", "الفاشر")]),
    ],
)
def test_militia_as_organisation(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The speaker's quoted words may open at the verb after إن X: X is still its subject.
        ('وقالت في بيان إن القوات المسلحة "هاجمت في وقت متزامن قواعد قوات الدعم السريع في الخرطوم".',
         [("القوات المسلحة", "attacked", "قوات الدعم السريع")]),
        # Guard: a verb quoted alone is a figure of speech (إيفانكا "تخطف" أنظار بيل كلينتون).
        ('وقالت الصحيفة إن إيفانكا ترامب "تخطف" أنظار بيل كلينتون.', []),
    ],
)
def test_quoted_verb_after_subject(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, label, written",
    [
        # A description the knowledge base knows by name is a spelling of the entry's name, so the
        # JSON lists it (CONTRACT.md): the scorer matches «الجيش الأميركي» against it, not the label's أمريكي.
        ("دمر الجيش الأميركي صاروخا للحوثيين.", "الجيش الأمريكي", ["الجيش الأميركي"]),
        ("وقالت وزارة الخارجية الأميركية إن الاجتماع انتهى.", "وزارة الخارجية الأمريكية", ["وزارة الخارجية الأميركية"]),
        # Guards: a nisba standing for its country, a bare description, are no names.
        ("وقالت الخارجية الأمريكية إن الاجتماع انتهى.", "الولايات المتحدة", []),
        ("وقالت الحكومة إن الاجتماع انتهى.", "الحكومة", []),
    ],
)
def test_a_description_known_by_name_is_written(pipeline, text, label, written):
    record = to_record(pipeline(Document(id="t", body=text, source="test")))
    entity = next(e for e in record["entities"] if e["label_ar"] == label)
    assert [m["text"] for m in entity["mentions"]] == written


@pytest.mark.parametrize(
    "text, expected",
    [
        # Forces named only by their states' nisbas joined by و are the states' (as CAMEO codes them),
        # after the verb, before it, or before the verb carrying out an attack.
        ("وقصفت القوات الأمريكية والبريطانية مواقع الحوثيين في صنعاء.",
         [("Houthis", "United Kingdom", "attacked"), ("Houthis", "United States", "attacked")]),
        ("القوات الأمريكية والبريطانية قصفت مواقع الحوثيين في صنعاء.",
         [("Houthis", "United Kingdom", "attacked"), ("Houthis", "United States", "attacked")]),
        ("وأفادت وسائل إعلام بأن القوات الفرنسية والبريطانية نفذت هجوما بغارتين استهدف مدينة سرت.",
         [("Sirte", "France", "attacked"), ("Sirte", "United Kingdom", "attacked")]),
        ("ونفذت القوات الأمريكية والبريطانية هجوما استهدف منطقة رأس عيسى.",
         [("رأس عيسى", "United Kingdom", "attacked"), ("رأس عيسى", "United States", "attacked")]),
        ("وقصفت طائرات أمريكية وبريطانية مدينة الحديدة.",
         [("الحديدة", "United Kingdom", "attacked"), ("الحديدة", "United States", "attacked")]),
        # The arms and their nisba before the verb, the craft's model between.
        ("قاذفات بي-2 أمريكية شنت غارات على إيران.", [("Iran", "United States", "attacked")]),
        # Guards: one state's forces stay the body; aviation with no nisba names no state.
        ("وقصفت القوات الأمريكية مدينة الحديدة.", [("الحديدة", "القوات الأمريكية", "attacked")]),
        ("وقصف الطيران الحربي مدينة الحديدة.", []),
    ],
)
def test_forces_named_by_their_states(events, text, expected):
    assert sorted((o, s, p) for s, p, o in events(text)) == expected


def test_forces_named_by_their_states_are_less_sure_than_a_named_actor(pipeline):
    named = pipeline(Document(id="t", body="وقصفت الولايات المتحدة مدينة الحديدة.", source="test")).relations
    states = pipeline(Document(id="t", body="وقصفت طائرات أمريكية وبريطانية مدينة الحديدة.", source="test")).relations
    assert max(r.confidence for r in states if r.predicate == "attacked") < min(r.confidence for r in named if r.predicate == "attacked")
