<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>ActionScreen</name>
    <message>
        <source>Take action</source>
        <translation>بادروا بالعمل</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>ما يمكنكم فعله</translation>
    </message>
    <message>
        <source>Add my name to the pledge</source>
        <translation>إضافة اسمي إلى التعهّد</translation>
    </message>
    <message>
        <source>See the resources</source>
        <translation>عرض المصادر</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>امسحوا الرمز بهاتفكم</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touch to begin</source>
        <translation>المسوا الشاشة للبدء</translation>
    </message>
</context>
<context>
    <name>DisplayButton</name>
    <message>
        <source>Display</source>
        <translation>العرض</translation>
    </message>
    <message>
        <source>Text size and contrast</source>
        <translation>حجم النص والتباين</translation>
    </message>
</context>
<context>
    <name>DisplayPanel</name>
    <message>
        <source>Display</source>
        <translation>العرض</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تمّ</translation>
    </message>
    <message>
        <source>Larger text and high contrast are for you: the next person starts with the kiosk&apos;s usual display.</source>
        <translation>النص الأكبر والتباين العالي لك وحدك: يبدأ الشخص التالي بالعرض المعتاد للكشك.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>التباين</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <source>Light text on black.</source>
        <translation>نص فاتح على خلفية سوداء.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1٪</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>Required</source>
        <translation>مطلوب</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Resources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Articles and papers to read on your phone</source>
        <translation>مقالات وأوراق للقراءة على هاتفكم</translation>
    </message>
    <message>
        <source>Take action</source>
        <translation>بادروا بالعمل</translation>
    </message>
    <message>
        <source>What you can do, starting today</source>
        <translation>ما يمكنكم فعله، بدءًا من اليوم</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>هل ما زلتم هنا؟</translation>
    </message>
    <message>
        <source>To keep your answers private, this screen will start over when the countdown ends.</source>
        <translation>حفاظًا على خصوصية إجاباتكم، ستبدأ هذه الشاشة من جديد عند انتهاء العدّ التنازلي.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>%1 seconds left</source>
        <translation>الثواني المتبقية: %1</translation>
    </message>
</context>
<context>
    <name>JoinScreen</name>
    <message>
        <source>Sign up</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>بياناتكم</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>الهاتف (اختياري)</translation>
    </message>
    <message>
        <source>ZIP code (optional)</source>
        <translation>الرمز البريدي (اختياري)</translation>
    </message>
    <message>
        <source>ZIP code (optional), or postal code</source>
        <translation>الرمز البريدي (اختياري)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>إجابتكم</translation>
    </message>
    <message>
        <source>Staying in touch</source>
        <translation>البقاء على تواصل</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>مطلوب</translation>
    </message>
    <message>
        <source>Add my name to the pledge: %1</source>
        <translation>إضافة اسمي إلى التعهّد: %1</translation>
    </message>
    <message>
        <source>Please check your email. Tap the suggestion, or Sign up to keep it.</source>
        <translation>يُرجى التحقق من بريدكم الإلكتروني. المسوا الاقتراح، أو «التسجيل» لإبقائه كما هو.</translation>
    </message>
    <message>
        <source>We couldn&apos;t save your sign-up just now. Your answers are still here: please tap Sign up again in a moment, or ask a volunteer for help.</source>
        <translation>تعذّر حفظ تسجيلكم الآن. إجاباتكم ما زالت هنا: يُرجى لمس «التسجيل» مرة أخرى بعد قليل، أو طلب المساعدة من أحد المتطوعين.</translation>
    </message>
    <message>
        <source>Please check the answers marked in red.</source>
        <translation>يُرجى مراجعة الإجابات المعلَّمة باللون الأحمر.</translation>
    </message>
    <message>
        <source>Email suggestion</source>
        <translation>اقتراح لعنوان البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>هل تقصدون %1؟</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>MessageScreen</name>
    <message>
        <source>The message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Read this page on your phone</source>
        <translation>اقرأ هذه الصفحة على هاتفك</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>لوحة المفاتيح على الشاشة</translation>
    </message>
    <message>
        <source>On</source>
        <translation>مفعّل</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>غير مفعّل</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>مسح للخلف</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>مفتاح التبديل</translation>
    </message>
    <message>
        <source>Type {0}</source>
        <translation>كتابة {0}</translation>
    </message>
    <message>
        <source>Latin letters</source>
        <translation>الحروف اللاتينية</translation>
    </message>
    <message>
        <source>Spanish letters</source>
        <translation>الحروف الإسبانية</translation>
    </message>
    <message>
        <source>Hebrew letters</source>
        <translation>الحروف العبرية</translation>
    </message>
    <message>
        <source>Arabic letters</source>
        <translation>الحروف العربية</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>مسافة</translation>
    </message>
    <message>
        <source>Next ⇥</source>
        <translation>التالي ⇥</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>الحقل التالي</translation>
    </message>
    <message>
        <source>Letter {0}</source>
        <translation>الحرف {0}</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>فاصلة عليا</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>فاصلة</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>نقطة</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>شرطة</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>شرطة سفلية</translation>
    </message>
    <message>
        <source>At sign</source>
        <translation>علامة آت</translation>
    </message>
    <message>
        <source>Slash</source>
        <translation>شرطة مائلة</translation>
    </message>
    <message>
        <source>Colon</source>
        <translation>نقطتان</translation>
    </message>
    <message>
        <source>Quotation mark</source>
        <translation>علامة تنصيص</translation>
    </message>
    <message>
        <source>Less-than sign</source>
        <translation>علامة أصغر من</translation>
    </message>
    <message>
        <source>Greater-than sign</source>
        <translation>علامة أكبر من</translation>
    </message>
    <message>
        <source>Left bracket</source>
        <translation>قوس مربع أيسر</translation>
    </message>
    <message>
        <source>Right bracket</source>
        <translation>قوس مربع أيمن</translation>
    </message>
    <message>
        <source>Left brace</source>
        <translation>قوس معقوف أيسر</translation>
    </message>
    <message>
        <source>Right brace</source>
        <translation>قوس معقوف أيمن</translation>
    </message>
    <message>
        <source>Tilde</source>
        <translation>تيلدا</translation>
    </message>
    <message>
        <source>Inverted question mark</source>
        <translation>علامة استفهام مقلوبة</translation>
    </message>
    <message>
        <source>Inverted exclamation mark</source>
        <translation>علامة تعجب مقلوبة</translation>
    </message>
    <message>
        <source>Division sign</source>
        <translation>علامة القسمة</translation>
    </message>
    <message>
        <source>Multiplication sign</source>
        <translation>علامة الضرب</translation>
    </message>
    <message>
        <source>Left quotation mark</source>
        <translation>علامة تنصيص مفردة يسرى</translation>
    </message>
    <message>
        <source>Right quotation mark</source>
        <translation>علامة تنصيص مفردة يمنى</translation>
    </message>
    <message>
        <source>Arabic comma</source>
        <translation>فاصلة عربية</translation>
    </message>
    <message>
        <source>Arabic semicolon</source>
        <translation>فاصلة منقوطة عربية</translation>
    </message>
    <message>
        <source>Arabic question mark</source>
        <translation>علامة استفهام عربية</translation>
    </message>
    <message>
        <source>Tatweel</source>
        <translation>تطويل</translation>
    </message>
    <message>
        <source>Fathatan</source>
        <translation>تنوين الفتح</translation>
    </message>
    <message>
        <source>Dammatan</source>
        <translation>تنوين الضم</translation>
    </message>
    <message>
        <source>Kasratan</source>
        <translation>تنوين الكسر</translation>
    </message>
    <message>
        <source>Fatha</source>
        <translation>فتحة</translation>
    </message>
    <message>
        <source>Damma</source>
        <translation>ضمة</translation>
    </message>
    <message>
        <source>Kasra</source>
        <translation>كسرة</translation>
    </message>
    <message>
        <source>Shadda</source>
        <translation>شدّة</translation>
    </message>
    <message>
        <source>Sukun</source>
        <translation>سكون</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>QR code</source>
        <translation>رمز QR</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Sign up</source>
        <translation>التسجيل</translation>
    </message>
</context>
<context>
    <name>ResourceDetail</name>
    <message>
        <source>Scan to read it on your phone</source>
        <translation>امسحوا الرمز لقراءته على هاتفكم</translation>
    </message>
</context>
<context>
    <name>ResourcesScreen</name>
    <message>
        <source>Resources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <source>Read more on your phone</source>
        <translation>اقرؤوا المزيد على هاتفكم</translation>
    </message>
    <message>
        <source>Tap a title to see what it is about.</source>
        <translation>المسوا عنوانًا لمعرفة موضوعه.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>مقال</translation>
    </message>
</context>
<context>
    <name>ScreenHeader</name>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>ThankYouScreen</name>
    <message>
        <source>Signed up</source>
        <translation>تم التسجيل</translation>
    </message>
    <message>
        <source>Your name is on the pledge.</source>
        <translation>أُضيف اسمكم إلى التعهّد.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تمّ</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>شكرًا!</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>شكرًا، %1!</translation>
    </message>
    <message>
        <source>Welcome! You&apos;re signed up, and we&apos;ll be in touch soon.</source>
        <translation>أهلًا بكم! تمّ تسجيلكم، وسنتواصل معكم قريبًا.</translation>
    </message>
    <message>
        <source>Welcome back! We&apos;ll be in touch soon.</source>
        <translation>أهلًا بعودتكم! سنتواصل معكم قريبًا.</translation>
    </message>
    <message>
        <source>You&apos;ll receive updates by email.</source>
        <translation>ستصلكم المستجدات عبر البريد الإلكتروني.</translation>
    </message>
    <message>
        <source>Thank you for stopping by.</source>
        <translation>شكرًا لزيارتكم.</translation>
    </message>
    <message>
        <source>Starting over in %1</source>
        <translation>البدء من جديد خلال %1</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Please enter your first name.</source>
        <translation>يُرجى إدخال الاسم الأول.</translation>
    </message>
    <message>
        <source>Please enter your last name.</source>
        <translation>يُرجى إدخال اسم العائلة.</translation>
    </message>
    <message>
        <source>Please shorten your first name to %1 characters or fewer.</source>
        <translation>يُرجى اختصار الاسم الأول بحيث لا يتجاوز عدد أحرفه %1.</translation>
    </message>
    <message>
        <source>Please shorten your last name to %1 characters or fewer.</source>
        <translation>يُرجى اختصار اسم العائلة بحيث لا يتجاوز عدد أحرفه %1.</translation>
    </message>
    <message>
        <source>Your first name contains a character that can&apos;t be used. Please retype it.</source>
        <translation>يحتوي الاسم الأول على حرف لا يمكن استخدامه. يُرجى إعادة كتابته.</translation>
    </message>
    <message>
        <source>Your last name contains a character that can&apos;t be used. Please retype it.</source>
        <translation>يحتوي اسم العائلة على حرف لا يمكن استخدامه. يُرجى إعادة كتابته.</translation>
    </message>
    <message>
        <source>This phone number is too long. Please check it.</source>
        <translation>رقم الهاتف هذا طويل جدًا. يُرجى التحقق منه.</translation>
    </message>
    <message>
        <source>This postal code is too long. Please check it.</source>
        <translation>هذا الرمز البريدي طويل جدًا. يُرجى التحقق منه.</translation>
    </message>
    <message>
        <source>Please tick this box so we may contact you. Without it we cannot keep your sign-up.</source>
        <translation>يُرجى تحديد هذا المربع لنتمكّن من التواصل معكم. من دونه لا يمكننا الاحتفاظ بتسجيلكم.</translation>
    </message>
    <message>
        <source>Please enter your email address.</source>
        <translation>يُرجى إدخال عنوان بريدكم الإلكتروني.</translation>
    </message>
    <message>
        <source>This email address is too long or has odd characters. Please check it.</source>
        <translation>عنوان البريد الإلكتروني هذا طويل جدًا أو يحتوي على أحرف غريبة. يُرجى التحقق منه.</translation>
    </message>
    <message>
        <source>An email address needs an @, like name@example.org.</source>
        <translation>يحتاج عنوان البريد الإلكتروني إلى @، مثل name@example.org.</translation>
    </message>
    <message>
        <source>This email address doesn&apos;t look complete. Please check it, e.g. name@example.org.</source>
        <translation>لا يبدو عنوان البريد الإلكتروني هذا مكتملًا. يُرجى التحقق منه، مثل name@example.org.</translation>
    </message>
    <message>
        <source>This phone number doesn&apos;t look right. Include the area code, or start with + and the country code.</source>
        <translation>لا يبدو رقم الهاتف هذا صحيحًا. أضيفوا رمز المنطقة، أو ابدؤوا بـ + ورمز البلد.</translation>
    </message>
    <message>
        <source>A ZIP code has 5 digits, like 02139, or 9 digits, like 02139-4307.</source>
        <translation>يتكوّن الرمز البريدي الأمريكي (ZIP) من 5 أرقام، مثل 02139، أو من 9 أرقام، مثل 02139-4307.</translation>
    </message>
</context>
</TS>
