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
    <name>BarChart</name>
    <message>
        <source>No sign-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sign-ups. Most at {1}, with {2}. {3}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Showing now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the bundled content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load from USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for content files on USB sticks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug in the stick with the new content file (.toml), then choose it. It is checked and shown here before anything changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content version: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s), %1 with a link</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The message screen&apos;s link: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed from a USB stick (Back to the bundled content undoes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started with --content {0}: content cannot be changed here until the kiosk starts without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file config.toml names: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundled content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees now see this content again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No content file (.toml) found on a USB stick. Plug one in and look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}   in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in %1; nothing was changed:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0} passes every check. This is how it will look:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”, version {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s), %1 with a link; in %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No longer offered (not complete in this file): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees now see {0}. The USB stick can be pulled out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DaySpinBox</name>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
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
    <name>DisplayPage</name>
    <message>
        <source>Attendee display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every attendee starts with this text size and contrast. Each can choose another for themselves with Aa Display; the kiosk comes back to this one when they leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: attendees start with %1 % text in high contrast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: attendees start with %1 % text.</source>
        <translation type="unfinished"></translation>
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
    <name>ErasureCard</name>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase after the office’s receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase names, emails and phones this long after the office&apos;s receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase with no receipt after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase exported sign-ups that got no receipt this long after the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Careful: this erases sign-ups even if the office never got them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save when personal data is erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sooner: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports with no receipt can be erased after {0} days at the soonest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: confirmed sign-ups are erased once the receipt is applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: confirmed sign-ups are erased {0} days after the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports with no receipt are erased after {0} days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Start a new event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ups from now on are recorded under this event. Earlier sign-ups keep the event they were made at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ups now go to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export sign-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for drives again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also include sign-ups exported before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sign-ups are waiting to be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sign-up has been exported already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports are not encrypted: anyone who finds the drive can read the names on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports are encrypted for the office key {0}: only the office can read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB drive found. Plug one in and look again, or choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB drive {0} ({1}), {2} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1}), {2} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That drive or folder is not there any more. Look for drives again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting… keep the drive plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} sign-ups to {1} in {2}.
Checked on the drive: SHA-256 {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also removed {0} unfinished file(s) an interrupted export had left on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} sign-ups to {1}, but reading the file back did not match its manifest. Tick “Also include sign-ups exported before” and export again, to another drive if you can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive could not be written: it may be full, locked or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong while exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export did not finish. {0} The sign-ups are still safe on this kiosk.</source>
        <translation type="unfinished"></translation>
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
    <name>HourChart</name>
    <message>
        <source>Sign-ups per hour today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-ups yet today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-ups yet today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sign-ups today. Busiest hour {1}:00 with {2}. By hour: {3}.</source>
        <translation type="unfinished"></translation>
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
    <name>LanguagesPage</name>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees choose among the ticked languages; each attendee starts in the default. A language can be ticked once the content has every one of its texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Incomplete, %n text(s) missing: cannot be offered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The content&apos;s own language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed by a native speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet reviewed by a native speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the default language too, or choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: attendees can choose {0}, and start in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockedScreen</name>
    <message>
        <source>Kiosk locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kiosk is not open right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask a volunteer at the booth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff PIN record on this computer is damaged, or missing on a kiosk that holds sign-ups, so a new PIN cannot be chosen on this screen. Open a terminal on this computer and run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then tap Check again, or restart the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still locked: there is no usable staff PIN yet.</source>
        <translation type="unfinished"></translation>
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
    <name>PinPad</name>
    <message>
        <source>PIN pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} digits entered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinStage</name>
    <message>
        <source>Staff only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the staff PIN to see sign-ups, export and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel and leave the staff panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in {0}&#xa0;s</source>
        <translation type="unfinished"></translation>
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
    <name>ReceiptsCard</name>
    <message>
        <source>Back from the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports from this kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports from this kiosk, and the office&apos;s word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing exported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt from the office on the drives. When the office imports an export, it writes a receipt onto the USB stick: plug that stick in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found 1 receipt from the office on the drives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found {0} receipts from the office on the drives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying erases the names, emails and phone numbers the office has confirmed; the counts stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying receipts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office confirmed {0} export(s), {1} sign-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These receipts were applied before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased the names, emails, phones and postal codes of {0} sign-ups. The counts stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} confirmed sign-ups are kept {1} days, then erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong while applying the receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipts were not applied. {0} Nothing was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sign-ups, exported {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by the office on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the office’s receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data erased on {0}</source>
        <translation type="unfinished"></translation>
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
    <name>SettingsPage</name>
    <message>
        <source>Change the staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN (4 to 8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this many seconds without a touch, the kiosk asks whether someone is still there, then clears the form and returns to the welcome screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} seconds shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} seconds longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the current PIN and the new PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new PINs are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in {0} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff PIN is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number of seconds from {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the kiosk resets after {0} s without a touch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Choose another PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name today&apos;s event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ups are recorded under this event. You can start another event later, in the staff panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back: choose the PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up this kiosk: step {0} of 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kiosk is new. Choose {0} to {1} digits that the volunteers at this booth will use to open the staff panel. Attendees see nothing until setup is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new PIN once more, to be sure it is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs were different. Choose again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the staff panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit the kiosk program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event started yet: start one on the Event page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing up for: {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing up for: {0}</source>
        <translation type="unfinished"></translation>
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
    <name>TodayPage</name>
    <message>
        <source>Signed up today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed up in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ups per event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ups per event, today and in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event and place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-ups yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, by hour</source>
        <translation type="unfinished"></translation>
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
