"""Frames and other senses from the corpus (issue 15, session 10, a lexicon grown from the corpus)."""

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # قدّم, تقدّم بـ with thanks or congratulations praise the one thanked (events/corpus.frames.tsv).
        ("وقدمت فرنسا الشكر لتونس على تعاونها.", [("France", "praised", "Tunisia")]),
        ("وقدم الرئيس الجزائري التهاني لنظيره الفرنسي إيمانويل ماكرون.", [("Abdelaziz Bouteflika", "praised", "Emmanuel Macron")]),
        ("وتقدمت قطر بالتهاني إلى الكويت.", [("Qatar", "praised", "Kuwait")]),
        # Guards: aid offered is no praise; thanks to no named party; a complaint filed.
        ("وتقدمت تونس بشكوى ضد ليبيا.", []),
        ("وقدمت الصين مساعدات لتونس.", []),
        ("وقدم الوفد الشكر للحاضرين.", []),
    ],
)
def test_frames_mined_from_the_corpus(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An alert of a danger from others is no threat to the one warned (events/senses.tsv).
        ("حذرت الولايات المتحدة الأميركية دولة الكويت من احتمال تعرضها لاعتداء إرهابي.", []),
        ("وحذرت بريطانيا فرنسا من هجمات إرهابية خلال الصيف.", []),
        # A warning to a party about its own act still is.
        ("حذرت روسيا الولايات المتحدة من ضرب سوريا.", [("Russia", "threatened", "United States")]),
        # An invitation to visit is no visit by the one inviting: it calls on the one invited
        # (once ووجه is read as the verb, the lexicon's دعوة إلى, as read on ANT in benchmarks/events.md).
        ("ووجه الرئيس التونسي الباجي قائد السبسي دعوة إلى نظيره الجزائري عبد العزيز بوتفليقة لزيارة تونس.",
         [("Beji Caid Essebsi", "called_for", "Abdelaziz Bouteflika")]),
        ("وتوجه الرئيس التونسي الباجي قائد السبسي إلى الجزائر في زيارة رسمية.", [("Beji Caid Essebsi", "visited", "Algeria")]),
    ],
)
def test_other_senses(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A community of a state as the direct object: the community, not the state, is asked
        # (cues.tsv kind people).
        ("طالب الرئيس التركي رجب طيب إردوغان أكراد العراق اليوم الثلاثاء بإنزال العلم الكردي.", []),
        ("ودعت فرنسا سكان غزة إلى الهدوء.", []),
        # The state itself, or its government, still is.
        ("طالب الرئيس التركي رجب طيب إردوغان العراق اليوم الثلاثاء بإنزال العلم الكردي.", [("Recep Tayyip Erdoğan", "called_for", "Iraq")]),
        ("ودعت فرنسا حكومة العراق إلى الحوار.", [("France", "called_for", "Government of Iraq")]),
    ],
)
def test_community_in_the_addressee_phrase(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A body's own meeting: the preposition later on belongs to another phrase.
        ("أعلنت الهيئة الوطنية لإنقاذ حركة نداء تونس في البيان الختامي لاجتماعها اليوم تكليف القيادي بالحركة المنصف السلامي برئاسة الهيئة.", []),
        # A meeting with a party, past a time word and a phrase of where, is one.
        ("وقال الرئيس التونسي الباجي قائد السبسي خلال لقائه أمس بقصر قرطاج بوزير الخارجية الفرنسي جان إيف لودريان إن العلاقات ممتازة.",
         [("Beji Caid Essebsi", "met", "Jean-Yves Le Drian")]),
        ("وأشاد وزير الخارجية خميس الجهيناوي خلال اجتماعه مع نظيره الجزائري عبد القادر مساهل بالتعاون بين البلدين.",
         [("Khemaies Jhinaoui", "met", "Abdelkader Messahel")]),
    ],
)
def test_own_meeting(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A relative clause over the act's noun names the actor (cues.tsv carrier; session 10, second task).
        ("ردا على التهديدات التي وجهها الرئيس الأمريكي دونالد ترامب لفنزويلا.", [("Donald Trump", "threatened", "Venezuela")]),
        # (Tunisia condemns the one who made the visit: session 11, `_doer_of_object`.)
        ("وأدانت تونس الزيارة التي قام بها رئيس الوزراء الإسرائيلي بنيامين نتنياهو إلى أوغندا.",
         [("Benjamin Netanyahu", "visited", "Uganda"), ("Tunisia", "condemned", "Benjamin Netanyahu")]),
        ("الهجوم على مصر الذي نفذه تنظيم داعش.", [("Islamic State", "attacked", "Egypt")]),
        # Guards: a relative verb that does not carry out the act; the act still to come.
        ("الهجوم الذي أدانه تنظيم داعش على مصر.", []),
        ("الهجوم الذي سينفذه تنظيم داعش على مصر.", []),
        # The name the preposition governs is another noun's (لزيارة ... إلى سوريا), not the act's target.
        ("علق الرحوي على الانتقادات التي وجهها الدايمي لزيارة عدد من النواب إلى سوريا.", []),
    ],
)
def test_actor_in_a_relative_clause_over_the_act(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The one who underwent an act is its target (cues.tsv undergo).
        ("تعرضت طرابلس إلى ضربة من الجيش الوطني الليبي.", [("Libyan National Army", "attacked", "Tripoli")]),
        ("وتعرضت حلب لغارات شنتها روسيا.", [("Russia", "attacked", "Aleppo")]),
        # Guards: no named actor; the act's actor not the one after من (من جديد).
        ("تعرضت طرابلس لهجوم عنيف.", []),
        ("تعرضت طرابلس لانتقادات من جديد.", []),
        # The state of a nisba after the act's noun did it; a nisba of the target's is no actor.
        ("وتعرضت حلب لقصف روسي عنيف.", [("Russia", "attacked", "Aleppo")]),
        ("وتعرضت حلب لغارات جوية.", []),
        # A nisba actor's site hit (`_site_owner`): its owner is the target.
        ("وأسفر قصف روسي على مواقع داعش في سوريا عن مقتل عشرة.", [("Russia", "attacked", "Islamic State")]),
        # A possessive pronoun of the other gender than the person's verb is another party's.
        ("وقال حسن نصر الله في كلمته \"بتنا نرى شجاعة عربية متسائلا عن مدى شرعية الحجج التي طرحتها السعودية لتبرر بها قصفها على الحوثيين.", []),
        ("وأكدت المستشارة الألمانية أنجيلا ميركل دعمها لفرنسا.", [("Angela Merkel", "supported", "France")]),
    ],
)
def test_undergone_act(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An act's noun with its parties coordinated after بين (events/phrases.frames.tsv): each acts
        # on the other, one direction for met (symmetric).
        ("واختتمت أمس المباحثات بين مصر والسعودية.", [("Egypt", "met", "Saudi Arabia")]),
        ("وجرت المحادثات بين وزير الخارجية الأمريكي ريكس تيلرسون ونظيره الروسي سيرغي لافروف في موسكو.", [("Rex Tillerson", "met", "Sergey Lavrov")]),
        ("واندلعت اشتباكات عنيفة بين الجيش السوري وتنظيم داعش.",
         [("Armed forces of Syria", "attacked", "Islamic State"), ("Islamic State", "attacked", "Armed forces of Syria")]),
        # Nisbas side by side after the noun, a dash allowed between (kg/ner.py makes each a party).
        ("وبحثت مشاورات جزائرية روسية الوضع في ليبيا.", [("Algeria", "met", "Russia")]),
        ("وجرت محادثات سعودية - أمريكية بشأن مبيعات الأسلحة.", [("Saudi Arabia", "met", "United States")]),
        # Guards: a party past other words is none; planned talks are no fact; one nisba says where.
        ("مواجهات بين الشرطة ومتظاهرين في عيد العمال باسطنبول", []),
        ("وقالت إن المباحثات المرتقبة بين مصر والسعودية ستتناول الأزمة.", []),
        ("وكشف عن اجتماع مرتقب تونسي جزائري مصري حول الملف الليبي.", []),
        ("غدا : اجتماع تونسي جزائري مصري حول الأزمة الليبية", []),
        # A present-tense verb with a day of the week other than the article's (a Thursday): to come.
        ("تحتضن العاصمة الجزائرية يومي الاثنين والثلاثاء الاجتماع الوزاري الثلاثي بين الجزائر وتونس ومصر حول ليبيا.", []),
        ("ويأتي ذلك بعد الاجتماع بين الجزائر وتونس يوم الاثنين الماضي.", [("Algeria", "met", "Tunisia")]),
        ("وتحدث عن المعارك السورية.", []),
    ],
)
def test_parties_between(events, text, expected):
    assert sorted(events(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A nisba after an act's noun names the state that did it, when the target is named
        # (kg/ner.py makes it a nominal place; kg/relations.py `_nisba_actor`).
        ("غارات أمريكية جديدة على اليمن.", [("United States", "attacked", "Yemen")]),
        ("وقتل عشرة في غارات روسية على حلب.", [("Russia", "attacked", "Aleppo")]),
        # Guards: no target named; the nisba of a noun that is no act (a body's staff).
        ("وقتل عشرة في غارات روسية.", []),
        ("وصل وفد من الخبراء الروس إلى حلب.", []),
    ],
)
def test_nisba_actor(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A passive participle right after a name: the name is the target, the one after من/بـ
        # the actor (events/states.frames.tsv, pos passive; kg/relations.py `_passive_agents`).
        ("وقاتلت حركة طالبان المدعومة من باكستان القوات الأفغانية.", [("Pakistan", "supported", "Taliban")]),
        # Guards: no name before the participle; the agent not named.
        ("كان الرئيس مدعوما من الأمم المتحدة.", []),
        ("وقاتلت حركة طالبان المدعومة من الخارج القوات الأفغانية.", []),
    ],
)
def test_passive_participle_agent(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A stance on a state's act, told by its nisba (kg/relations.py `_nisba_of_object`).
        ("وانتقد بيترو بشدة الانتشار العسكري الأميركي في الكاريبي.", [("بيترو", "condemned", "United States"), ("United States", "deployed", "Caribbean")]),
        ("ورفضت تركيا الحصار الإسرائيلي على غزة.", [("Türkiye", "rejected", "Israel"), ("Israel", "sanctioned", "Gaza Strip")]),
        # ... or on the act a relative clause over the object says someone did (its verb points back to it).
        ("وانتقد محسن مرزوق التصريحات الأخيرة التي أدلى بها راشد الغنوشي.", [("Mohsen Marzouk", "condemned", "Rached Ghannouchi")]),
        ("ورفضت قطر الاتهامات التي وجهتها لها السعودية.", [("Qatar", "rejected", "Saudi Arabia")]),
        # Guards: a title with its nisba is a person, no state (and unnamed: no target); the
        # nisba of a noun after the object (the decision criticised, not the deployment); a
        # relative clause whose subject is the act itself (no pronoun points back); one still to come.
        ("وأدانت تونس الهجوم الذي استهدف السفارة الأمريكية في أنقرة.", []),
        ("ورفضت قطر الاتهامات التي ستوجهها لها السعودية.", []),
        ("وانتقد بيترو الرئيس الأميركي.", []),
        ("وانتقد بيترو القرار بالانتشار العسكري الأميركي في الكاريبي.", [("United States", "deployed", "Caribbean")]),
    ],
)
def test_stance_on_a_states_act(events, text, expected):
    assert events(text) == expected



@pytest.mark.parametrize(
    "text, expected",
    [
        # An attack in words (events/senses.tsv) is criticism (events/states.frames.tsv).
        ("وهاجم أردوغان هولندا واتهمها بالنازية.", [("Recep Tayyip Erdoğan", "condemned", "Netherlands"), ("Recep Tayyip Erdoğan", "accused", "Netherlands")]),
        ("وهاجمت لوبان ماكرون ووصفته بمرشح العولمة.", [("Marine Le Pen", "condemned", "Emmanuel Macron")]),
        # Guard: an attack by forces stays an attack.
        ("وهاجمت القوات الروسية مدينة حلب.", [("القوات الروسية", "attacked", "Aleppo")]),
    ],
)
def test_verbal_attack_is_criticism(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An impersonal passive (cues.tsv impersonal) with its agent after من قبل، من طرف، على يد:
        # the agent did the act of the verbal noun to the name after it.
        ("وتم اعتقال محمد مرسي من قبل الجيش المصري.", [("Armed forces of Egypt", "arrested", "محمد مرسي")]),
        ("تم إيقاف أحمد الرويسي من طرف الحرس الوطني.", [("الحرس الوطني", "arrested", "أحمد الرويسي")]),
        ("تم القبض على محمد مرسي على يد الشرطة المصرية.", [("Police of Egypt", "arrested", "محمد مرسي")]),
        # Guards: no agent, no actor; a plan or a habit (سيتم، يتم) is no fact.
        ("وتم اعتقال محمد مرسي في القاهرة.", []),
        ("وسيتم اعتقال محمد مرسي من قبل الجيش المصري.", []),
        ("ويتم اعتقال المعارضين من قبل الجيش المصري.", []),
    ],
)
def test_impersonal_passive_agent(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A verb that takes its party after a preposition (التقى بـ/مع) may take it as a direct
        # object; a title over a body before the name leads to the person, who is that object.
        ("التقى يوسف الشاهد اليوم رئيس الهيئة الوطنية لمكافحة الفساد شوقي الطبيب.", [("Youssef Chahed", "met", "شوقي الطبيب")]),
        # A time of day (cues.tsv time: صبيحة، عشية) between the verb and its subject.
        ("التقى صبيحة اليوم الأربعاء محسن مرزوق بالمشير خليفة حفتر.", [("Mohsen Marzouk", "met", "Khalifa Haftar")]),
        ("التقى عشية اليوم محسن مرزوق بالمشير خليفة حفتر.", [("Mohsen Marzouk", "met", "Khalifa Haftar")]),
    ],
)
def test_met_past_a_title_or_a_time_of_day(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Session 13, frames the lexicon lacked (events/lacking.frames.tsv).
        ("وأبدى الرئيس التونسي الباجي قائد السبسي تقديره للجزائر على دعمها.", [("Beji Caid Essebsi", "praised", "Algeria")]),
        ("وعبر وزير الخارجية التونسي خميس الجهيناوي عن تقديره لقطر التي دعمت تونس.", [("Khemaies Jhinaoui", "praised", "Qatar")]),
        ("وألقت روسيا باللائمة على الولايات المتحدة.", [("Russia", "accused", "United States")]),
        # Two coordinated subjects hold the talks with each other (as تبادل, `_mutual_parties`).
        ("وعقدت الجزائر وروسيا مشاورات سياسية.", [("Algeria", "met", "Russia")]),
        ("تعقد الجزائر وروسيا اليوم الثلاثاء الدورة الثانية للمشاورات الثنائية.", [("Algeria", "met", "Russia")]),
        ("وتعهدت إيران بالرد على الولايات المتحدة.", [("Iran", "threatened", "United States")]),
        ("وتعهدت إيران بالانتقام من إسرائيل.", [("Iran", "threatened", "Israel")]),
        ("وتعهد الرئيس الفرنسي فرانسوا هولاند بمحاربة تنظيم داعش.", [("François Hollande", "threatened", "Islamic State")]),
        ("وأعلن الاتحاد الأوروبي تشديد العقوبات على روسيا.", [("European Union", "sanctioned", "Russia")]),
        # Guards: an estimate, measures with no frame, a ban on entry (no frame: decisions.tsv).
        ("وحسب تقدير الجيش الأمريكي للخسائر في العراق فإن العدد كبير.", []),
        ("واتخذت الحكومة التونسية إجراءات ضد ليبيا.", []),
        ("ومنعت السلطات المصرية الصحفي البريطاني من دخول البلاد.", []),
        # A verb of ordering or deciding (cues.tsv statement) has the act ordered as its object,
        # also past a decree noun (grammar kind decree): the act is the subject's.
        ("وأمر الرئيس الأمريكي دونالد ترامب بتوسيع العقوبات على إيران.", [("Donald Trump", "sanctioned", "Iran")]),
        ("أمر العاهل السعودي الملك سلمان بإعفاء الأمير عبدالله بن فيصل من منصبه.", [("Salman of Saudi Arabia", "dismissed", "عبدالله بن فيصل")]),
        ("وأصدر الرئيس التونسي الباجي قائد السبسي أمرا بتعيين يوسف الشاهد رئيسا للحكومة.", [("Beji Caid Essebsi", "appointed", "Youssef Chahed")]),
        ("كما أصدر الرئيس السوري بشار الأسد مرسوما بتعيين فيصل المقداد نائبا للرئيس.", [("Bashar al-Assad", "appointed", "فيصل المقداد")]),
        ("واتخذت روسيا قرارا بإرسال قوات إلى كازاخستان.", [("Russia", "deployed", "Kazakhstan")]),
        # One under sanctions (cues.tsv undergo) is their target, the one after من their actor.
        ("ويخضع فيصل المقداد لعقوبات من الاتحاد الأوروبي.", [("European Union", "sanctioned", "فيصل المقداد")]),
        # What a party must do, said by a speaker named before (cues.tsv obligation): the speaker calls
        # on it. No speaker, or what it should have done (كان يجب), is no call.
        ("وقال الرئيس الأمريكي دونالد ترامب إنه يتعين على الصين أن تضغط على كوريا الشمالية.", [("Donald Trump", "called_for", "China")]),
        ("ويجب على تونس أن تحترم التزاماتها.", []),
        ("وقال الرئيس الأمريكي دونالد ترامب إن الضربة أمر كان يجب على الصين فعله منذ زمن بعيد.", []),
        # A statement issued is no decree: the visit it is about is no act of the ministry.
        ("وأصدرت وزارة الخارجية الفرنسية بيانا حول زيارة الرئيس الأمريكي إلى مصر.", []),
    ],
)
def test_frames_the_lexicon_lacked(events, text, expected):
    assert events(text) == expected
