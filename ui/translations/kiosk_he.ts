<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he_IL">
<context>
    <name>ActionScreen</name>
    <message>
        <source>Take action</source>
        <translation>לפעול</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>מה אפשר לעשות</translation>
    </message>
    <message>
        <source>Add my name to the pledge</source>
        <translation>הוספת השם שלי להתחייבות</translation>
    </message>
    <message>
        <source>See the resources</source>
        <translation>מעבר למקורות המידע</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>לסרוק בטלפון</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touch to begin</source>
        <translation>לגעת כדי להתחיל</translation>
    </message>
</context>
<context>
    <name>DisplayButton</name>
    <message>
        <source>Display</source>
        <translation>תצוגה</translation>
    </message>
    <message>
        <source>Text size and contrast</source>
        <translation>גודל טקסט וניגודיות</translation>
    </message>
</context>
<context>
    <name>DisplayPanel</name>
    <message>
        <source>Display</source>
        <translation>תצוגה</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>סיום</translation>
    </message>
    <message>
        <source>Larger text and high contrast are for you: the next person starts with the kiosk&apos;s usual display.</source>
        <translation>טקסט גדול וניגודיות גבוהה הם רק בשבילך: האדם הבא יתחיל בתצוגה הרגילה של הקיוסק.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>גודל טקסט</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>ניגודיות</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>ניגודיות גבוהה</translation>
    </message>
    <message>
        <source>Light text on black.</source>
        <translation>טקסט בהיר על רקע שחור.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>Required</source>
        <translation>שדה חובה</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Resources</source>
        <translation>מקורות מידע</translation>
    </message>
    <message>
        <source>Articles and papers to read on your phone</source>
        <translation>מאמרים ועיונים לקריאה בטלפון</translation>
    </message>
    <message>
        <source>Take action</source>
        <translation>לפעול</translation>
    </message>
    <message>
        <source>What you can do, starting today</source>
        <translation>מה אפשר לעשות, כבר מהיום</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>עדיין כאן?</translation>
    </message>
    <message>
        <source>To keep your answers private, this screen will start over when the countdown ends.</source>
        <translation>כדי לשמור על פרטיות התשובות, המסך יתחיל מחדש בסוף הספירה לאחור.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>המשך</translation>
    </message>
    <message>
        <source>%1 seconds left</source>
        <translation>נותרו %1 שניות</translation>
    </message>
</context>
<context>
    <name>JoinScreen</name>
    <message>
        <source>Sign up</source>
        <translation>הרשמה</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>פרטים אישיים</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>שם פרטי</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>שם משפחה</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>טלפון (לא חובה)</translation>
    </message>
    <message>
        <source>ZIP code (optional)</source>
        <translation>מיקוד (לא חובה)</translation>
    </message>
    <message>
        <source>ZIP code (optional), or postal code</source>
        <translation>מיקוד (לא חובה)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>דוא״ל</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>התשובה שלך</translation>
    </message>
    <message>
        <source>Staying in touch</source>
        <translation>שמירה על קשר</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>שדה חובה</translation>
    </message>
    <message>
        <source>Add my name to the pledge: %1</source>
        <translation>הוספת השם שלי להתחייבות: %1</translation>
    </message>
    <message>
        <source>Please check your email. Tap the suggestion, or Sign up to keep it.</source>
        <translation>כדאי לבדוק את כתובת הדוא״ל. אפשר לגעת בהצעה, או ב„הרשמה” כדי להשאיר אותה כפי שהיא.</translation>
    </message>
    <message>
        <source>We couldn&apos;t save your sign-up just now. Your answers are still here: please tap Sign up again in a moment, or ask a volunteer for help.</source>
        <translation>לא הצלחנו לשמור את ההרשמה כרגע. התשובות שלך עדיין כאן: אפשר לגעת שוב ב„הרשמה” בעוד רגע, או לפנות לצוות המתנדבים לעזרה.</translation>
    </message>
    <message>
        <source>Please check the answers marked in red.</source>
        <translation>יש לבדוק את התשובות המסומנות באדום.</translation>
    </message>
    <message>
        <source>Email suggestion</source>
        <translation>הצעה לכתובת דוא״ל</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>האם התכוונת ל־%1?</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Language</source>
        <translation>שפה</translation>
    </message>
</context>
<context>
    <name>MessageScreen</name>
    <message>
        <source>The message</source>
        <translation>המסר</translation>
    </message>
    <message>
        <source>Read this page on your phone</source>
        <translation>קראו את העמוד הזה בטלפון</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>מקלדת על המסך</translation>
    </message>
    <message>
        <source>On</source>
        <translation>פועל</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>כבוי</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>מחיקה</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>שיפט</translation>
    </message>
    <message>
        <source>Type {0}</source>
        <translation>הקלדת {0}</translation>
    </message>
    <message>
        <source>Latin letters</source>
        <translation>אותיות לטיניות</translation>
    </message>
    <message>
        <source>Spanish letters</source>
        <translation>אותיות ספרדיות</translation>
    </message>
    <message>
        <source>Hebrew letters</source>
        <translation>אותיות עבריות</translation>
    </message>
    <message>
        <source>Arabic letters</source>
        <translation>אותיות ערביות</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>רווח</translation>
    </message>
    <message>
        <source>Next ⇥</source>
        <translation>הבא ⇥</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>השדה הבא</translation>
    </message>
    <message>
        <source>Letter {0}</source>
        <translation>האות {0}</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>אפוסטרוף</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>פסיק</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>נקודה</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>מקף</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>קו תחתון</translation>
    </message>
    <message>
        <source>At sign</source>
        <translation>כרוכית</translation>
    </message>
    <message>
        <source>Slash</source>
        <translation>לוכסן</translation>
    </message>
    <message>
        <source>Colon</source>
        <translation>נקודתיים</translation>
    </message>
    <message>
        <source>Quotation mark</source>
        <translation>מירכאות</translation>
    </message>
    <message>
        <source>Less-than sign</source>
        <translation>סימן קטן מ־</translation>
    </message>
    <message>
        <source>Greater-than sign</source>
        <translation>סימן גדול מ־</translation>
    </message>
    <message>
        <source>Left bracket</source>
        <translation>סוגר מרובע שמאלי</translation>
    </message>
    <message>
        <source>Right bracket</source>
        <translation>סוגר מרובע ימני</translation>
    </message>
    <message>
        <source>Left brace</source>
        <translation>סוגר מסולסל שמאלי</translation>
    </message>
    <message>
        <source>Right brace</source>
        <translation>סוגר מסולסל ימני</translation>
    </message>
    <message>
        <source>Tilde</source>
        <translation>טילדה</translation>
    </message>
    <message>
        <source>Inverted question mark</source>
        <translation>סימן שאלה הפוך</translation>
    </message>
    <message>
        <source>Inverted exclamation mark</source>
        <translation>סימן קריאה הפוך</translation>
    </message>
    <message>
        <source>Division sign</source>
        <translation>סימן חילוק</translation>
    </message>
    <message>
        <source>Multiplication sign</source>
        <translation>סימן כפל</translation>
    </message>
    <message>
        <source>Left quotation mark</source>
        <translation>מירכה פותחת</translation>
    </message>
    <message>
        <source>Right quotation mark</source>
        <translation>מירכה סוגרת</translation>
    </message>
    <message>
        <source>Arabic comma</source>
        <translation>פסיק ערבי</translation>
    </message>
    <message>
        <source>Arabic semicolon</source>
        <translation>נקודה ופסיק ערביים</translation>
    </message>
    <message>
        <source>Arabic question mark</source>
        <translation>סימן שאלה ערבי</translation>
    </message>
    <message>
        <source>Tatweel</source>
        <translation>תטוויל (הארכה)</translation>
    </message>
    <message>
        <source>Fathatan</source>
        <translation>פתחתאן</translation>
    </message>
    <message>
        <source>Dammatan</source>
        <translation>צ׳מתאן</translation>
    </message>
    <message>
        <source>Kasratan</source>
        <translation>כסרתאן</translation>
    </message>
    <message>
        <source>Fatha</source>
        <translation>פתחה</translation>
    </message>
    <message>
        <source>Damma</source>
        <translation>צ׳מה</translation>
    </message>
    <message>
        <source>Kasra</source>
        <translation>כסרה</translation>
    </message>
    <message>
        <source>Shadda</source>
        <translation>שדה</translation>
    </message>
    <message>
        <source>Sukun</source>
        <translation>סוכון</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>QR code</source>
        <translation>קוד QR</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Sign up</source>
        <translation>הרשמה</translation>
    </message>
</context>
<context>
    <name>ResourceDetail</name>
    <message>
        <source>Scan to read it on your phone</source>
        <translation>לסרוק כדי לקרוא בטלפון</translation>
    </message>
</context>
<context>
    <name>ResourcesScreen</name>
    <message>
        <source>Resources</source>
        <translation>מקורות מידע</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>הרשמה</translation>
    </message>
    <message>
        <source>Read more on your phone</source>
        <translation>להמשך קריאה בטלפון</translation>
    </message>
    <message>
        <source>Tap a title to see what it is about.</source>
        <translation>אפשר לגעת בכותרת כדי לראות במה היא עוסקת.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>מאמר</translation>
    </message>
</context>
<context>
    <name>ScreenHeader</name>
    <message>
        <source>Back</source>
        <translation>חזרה</translation>
    </message>
</context>
<context>
    <name>ThankYouScreen</name>
    <message>
        <source>Signed up</source>
        <translation>ההרשמה הושלמה</translation>
    </message>
    <message>
        <source>Your name is on the pledge.</source>
        <translation>השם שלך נוסף להתחייבות.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>סיום</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>תודה!</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>תודה, %1!</translation>
    </message>
    <message>
        <source>Welcome! You&apos;re signed up, and we&apos;ll be in touch soon.</source>
        <translation>שמחים שהצטרפת! ההרשמה נקלטה, ונהיה בקשר בקרוב.</translation>
    </message>
    <message>
        <source>Welcome back! We&apos;ll be in touch soon.</source>
        <translation>שמחים לראות אותך שוב! נהיה בקשר בקרוב.</translation>
    </message>
    <message>
        <source>You&apos;ll receive updates by email.</source>
        <translation>עדכונים יישלחו אליך בדוא״ל.</translation>
    </message>
    <message>
        <source>Thank you for stopping by.</source>
        <translation>תודה שעצרת אצלנו.</translation>
    </message>
    <message>
        <source>Starting over in %1</source>
        <translation>מתחילים מחדש בעוד %1</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Please enter your first name.</source>
        <translation>יש להזין שם פרטי.</translation>
    </message>
    <message>
        <source>Please enter your last name.</source>
        <translation>יש להזין שם משפחה.</translation>
    </message>
    <message>
        <source>Please shorten your first name to %1 characters or fewer.</source>
        <translation>יש לקצר את השם הפרטי ל־%1 תווים לכל היותר.</translation>
    </message>
    <message>
        <source>Please shorten your last name to %1 characters or fewer.</source>
        <translation>יש לקצר את שם המשפחה ל־%1 תווים לכל היותר.</translation>
    </message>
    <message>
        <source>Your first name contains a character that can&apos;t be used. Please retype it.</source>
        <translation>השם הפרטי כולל תו שאי אפשר להשתמש בו. יש להקליד אותו מחדש.</translation>
    </message>
    <message>
        <source>Your last name contains a character that can&apos;t be used. Please retype it.</source>
        <translation>שם המשפחה כולל תו שאי אפשר להשתמש בו. יש להקליד אותו מחדש.</translation>
    </message>
    <message>
        <source>This phone number is too long. Please check it.</source>
        <translation>מספר הטלפון ארוך מדי. כדאי לבדוק אותו.</translation>
    </message>
    <message>
        <source>This postal code is too long. Please check it.</source>
        <translation>המיקוד ארוך מדי. כדאי לבדוק אותו.</translation>
    </message>
    <message>
        <source>Please tick this box so we may contact you. Without it we cannot keep your sign-up.</source>
        <translation>יש לסמן את התיבה הזו כדי שנוכל ליצור איתך קשר. בלי הסימון לא נוכל לשמור את ההרשמה.</translation>
    </message>
    <message>
        <source>Please enter your email address.</source>
        <translation>יש להזין כתובת דוא״ל.</translation>
    </message>
    <message>
        <source>This email address is too long or has odd characters. Please check it.</source>
        <translation>כתובת הדוא״ל ארוכה מדי או כוללת תווים חריגים. כדאי לבדוק אותה.</translation>
    </message>
    <message>
        <source>An email address needs an @, like name@example.org.</source>
        <translation>בכתובת דוא״ל צריך להופיע @, למשל name@example.org.</translation>
    </message>
    <message>
        <source>This email address doesn&apos;t look complete. Please check it, e.g. name@example.org.</source>
        <translation>כתובת הדוא״ל לא נראית שלמה. כדאי לבדוק אותה, למשל name@example.org.</translation>
    </message>
    <message>
        <source>This phone number doesn&apos;t look right. Include the area code, or start with + and the country code.</source>
        <translation>מספר הטלפון לא נראה תקין. יש לכלול קידומת אזור, או להתחיל ב־+ ובקידומת המדינה.</translation>
    </message>
    <message>
        <source>A ZIP code has 5 digits, like 02139, or 9 digits, like 02139-4307.</source>
        <translation>מיקוד ZIP כולל 5 ספרות, כמו 02139, או 9 ספרות, כמו 02139-4307.</translation>
    </message>
</context>
</TS>
