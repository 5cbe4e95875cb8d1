"""Events the engine joins beyond the verb's next name (issue 15, session 8, engine recall)."""

import pytest


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
        # «نظيره» + a nisba with no name (session 11): who held the office of the title before it in
        # that state on the article's date, else the state (CAMEO's «the Chinese counterpart»).
        ("وشكر الرئيس ترامب نظيره الصيني على جهوده.", [("Donald Trump", "praised", "Xi Jinping")]),
        ("والتقى الرئيس الروسي فلاديمير بوتين نظيره الصيني في موسكو.", [("Vladimir Putin", "met", "Xi Jinping")]),
        # No title before it: the office the person named before it held on the date (the KB's roles).
        ("وانتقد أردوغان نظيره الأمريكي.", [("Recep Tayyip Erdoğan", "condemned", "Donald Trump")]),
        ("وبحث تيلرسون مع نظيره الروسي الأزمة السورية.", [("Rex Tillerson", "met", "Sergey Lavrov")]),
        # No office on the date (Kerry left it in January 2017), or no person the KB knows: the state.
        ("وبحث جون كيري مع نظيره الروسي الأزمة السورية.", [("John Kerry", "met", "Russia")]),
        ("وانتقد محمد الصغير نظيره الأمريكي.", [("محمد الصغير", "condemned", "United States")]),
        # The title before it, with no name, is the other party (its holder on the date).
        ("واستقبل وزير الخارجية القطري نظيره التركي في الدوحة.",
         [("Sheikh Mohammed bin Abdulrahman Al Thani", "met", "Mevlüt Çavuşoğlu")]),
        ("والتقى الرئيس الفرنسي نظيره الأمريكي في باريس.", [("Emmanuel Macron", "met", "Donald Trump")]),
        # A name after it is the counterpart itself: one event, no second party.
        ("والتقى ترامب نظيره الصيني شي جين بينغ.", [("Donald Trump", "met", "Xi Jinping")]),
        # A fixed epithet (descriptions.tsv) and a description of the last state named.
        ("وانتقدت تركيا الكيان الصهيوني.", [("Türkiye", "condemned", "Israel")]),
        ("وهاجمت الدولة العبرية قطاع غزة.", [("Israel", "attacked", "Gaza Strip")]),
        ("وقطعت السعودية علاقاتها مع قطر. واتهمت المملكة قطر بدعم الإرهاب.",
         [("Saudi Arabia", "sanctioned", "Qatar"), ("Saudi Arabia", "accused", "Qatar")]),
        # Guards: no state named before «هذا البلد»; no kingdom named before «المملكة».
        ("وأشاد ماكرون بهذا البلد.", []),
        ("زار ماكرون الجزائر. واتهمت المملكة قطر بدعم الإرهاب.", [("Emmanuel Macron", "visited", "Algeria")]),
        # A verbal noun set ahead in its clause is planned (قبيل زيارة … في وقت لاحق).
        ("وذلك قبيل زيارة الرئيس الأمريكي دونالد ترامب إلى السعودية في وقت لاحق الشهر الجاري.", []),
    ],
)
def test_a_description_is_a_party(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A seat of power (seats.tsv) speaks for its state when the article names the state, as a capital does.
        ("وقالت روسيا إن الوضع خطير. واتهم الكرملين واشنطن بالتصعيد.", [("Russia", "accused", "Washington, D.C.")]),
        ("وقالت روسيا إن الوضع خطير. ودعا الكرملين الولايات المتحدة إلى الحوار.", [("Russia", "called_for", "United States")]),
        ("أعلنت فرنسا موقفها. وانتقد الإليزيه إيران بشدة.", [("France", "condemned", "Iran")]),
        ("وقالت الولايات المتحدة إن الوضع خطير. واتهم البيت الأبيض روسيا بالتصعيد.", [("United States", "accused", "Russia")]),
        # The state is not named: the seat stays itself.
        ("وانتقد الكرملين أمس موقف الولايات المتحدة.", [("Moscow Kremlin", "condemned", "United States")]),
        # A state's own body is no seat: the Pentagon acts as the Department of Defense.
        ("وقالت الولايات المتحدة إن الوضع خطير. واتهم البنتاغون إيران بالتصعيد.",
         [("United States Department of Defense", "accused", "Iran")]),
    ],
)
def test_a_seat_of_power_speaks_for_its_state(events, text, expected):
    assert events(text) == expected


def test_a_bad_seat_row_is_one_line(tmp_path):
    from kg.relations import load_capitals

    path = tmp_path / "seats.tsv"
    path.write_text("# a comment\nseat\tcountry\tseat_en\nkg-kremlin\tRussia\tKremlin\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"seats.tsv: expected rows of an entity id and its state's Wikidata id$"):
        load_capitals((path,))
