<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ActionScreen</name>
    <message>
        <source>Take action</source>
        <translation>Pase a la acción</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Lo que puede hacer</translation>
    </message>
    <message>
        <source>Add my name to the pledge</source>
        <translation>Añadir mi nombre al compromiso</translation>
    </message>
    <message>
        <source>See the resources</source>
        <translation>Ver los recursos</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>Escanee con su teléfono</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touch to begin</source>
        <translation>Toque para empezar</translation>
    </message>
</context>
<context>
    <name>DisplayButton</name>
    <message>
        <source>Display</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Text size and contrast</source>
        <translation>Tamaño del texto y contraste</translation>
    </message>
</context>
<context>
    <name>DisplayPanel</name>
    <message>
        <source>Display</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Larger text and high contrast are for you: the next person starts with the kiosk&apos;s usual display.</source>
        <translation>El texto más grande y el alto contraste son solo para ti: la siguiente persona empieza con la pantalla habitual del quiosco.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Light text on black.</source>
        <translation>Texto claro sobre fondo negro.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Articles and papers to read on your phone</source>
        <translation>Artículos y documentos para leer en su teléfono</translation>
    </message>
    <message>
        <source>Take action</source>
        <translation>Pase a la acción</translation>
    </message>
    <message>
        <source>What you can do, starting today</source>
        <translation>Lo que puede hacer, desde hoy mismo</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>To keep your answers private, this screen will start over when the countdown ends.</source>
        <translation>Para mantener la privacidad de sus respuestas, esta pantalla volverá a empezar cuando termine la cuenta atrás.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>%1 seconds left</source>
        <translation>Quedan %1 segundos</translation>
    </message>
</context>
<context>
    <name>JoinScreen</name>
    <message>
        <source>Sign up</source>
        <translation>Inscribirse</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Sus datos</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Teléfono (opcional)</translation>
    </message>
    <message>
        <source>ZIP code (optional)</source>
        <translation>Código postal (opcional)</translation>
    </message>
    <message>
        <source>ZIP code (optional), or postal code</source>
        <translation>Código postal (opcional)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@example.org</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Staying in touch</source>
        <translation>Mantenerse en contacto</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Add my name to the pledge: %1</source>
        <translation>Añadir mi nombre al compromiso: %1</translation>
    </message>
    <message>
        <source>Please check your email. Tap the suggestion, or Sign up to keep it.</source>
        <translation>Revise su correo electrónico. Toque la sugerencia, o «Inscribirse» para dejarlo como está.</translation>
    </message>
    <message>
        <source>We couldn&apos;t save your sign-up just now. Your answers are still here: please tap Sign up again in a moment, or ask a volunteer for help.</source>
        <translation>No hemos podido guardar su inscripción en este momento. Sus respuestas siguen aquí: vuelva a tocar «Inscribirse» dentro de un momento o pida ayuda al personal voluntario.</translation>
    </message>
    <message>
        <source>Please check the answers marked in red.</source>
        <translation>Revise las respuestas marcadas en rojo.</translation>
    </message>
    <message>
        <source>Email suggestion</source>
        <translation>Sugerencia de correo electrónico</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>¿Quiso decir %1?</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>MessageScreen</name>
    <message>
        <source>The message</source>
        <translation>El mensaje</translation>
    </message>
    <message>
        <source>Read this page on your phone</source>
        <translation>Lee esta página en tu teléfono</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>Teclado en pantalla</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayúsculas</translation>
    </message>
    <message>
        <source>Type {0}</source>
        <translation>Escribir {0}</translation>
    </message>
    <message>
        <source>Latin letters</source>
        <translation>Letras latinas</translation>
    </message>
    <message>
        <source>Spanish letters</source>
        <translation>Letras españolas</translation>
    </message>
    <message>
        <source>Hebrew letters</source>
        <translation>Letras hebreas</translation>
    </message>
    <message>
        <source>Arabic letters</source>
        <translation>Letras árabes</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Next ⇥</source>
        <translation>Siguiente ⇥</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Campo siguiente</translation>
    </message>
    <message>
        <source>Letter {0}</source>
        <translation>Letra {0}</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apóstrofo</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Coma</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Guion</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>Guion bajo</translation>
    </message>
    <message>
        <source>At sign</source>
        <translation>Arroba</translation>
    </message>
    <message>
        <source>Slash</source>
        <translation>Barra</translation>
    </message>
    <message>
        <source>Colon</source>
        <translation>Dos puntos</translation>
    </message>
    <message>
        <source>Quotation mark</source>
        <translation>Comillas</translation>
    </message>
    <message>
        <source>Less-than sign</source>
        <translation>Signo de menor que</translation>
    </message>
    <message>
        <source>Greater-than sign</source>
        <translation>Signo de mayor que</translation>
    </message>
    <message>
        <source>Left bracket</source>
        <translation>Corchete de apertura</translation>
    </message>
    <message>
        <source>Right bracket</source>
        <translation>Corchete de cierre</translation>
    </message>
    <message>
        <source>Left brace</source>
        <translation>Llave de apertura</translation>
    </message>
    <message>
        <source>Right brace</source>
        <translation>Llave de cierre</translation>
    </message>
    <message>
        <source>Tilde</source>
        <translation>Virgulilla</translation>
    </message>
    <message>
        <source>Inverted question mark</source>
        <translation>Signo de interrogación de apertura</translation>
    </message>
    <message>
        <source>Inverted exclamation mark</source>
        <translation>Signo de exclamación de apertura</translation>
    </message>
    <message>
        <source>Division sign</source>
        <translation>Signo de división</translation>
    </message>
    <message>
        <source>Multiplication sign</source>
        <translation>Signo de multiplicación</translation>
    </message>
    <message>
        <source>Left quotation mark</source>
        <translation>Comilla simple de apertura</translation>
    </message>
    <message>
        <source>Right quotation mark</source>
        <translation>Comilla simple de cierre</translation>
    </message>
    <message>
        <source>Arabic comma</source>
        <translation>Coma árabe</translation>
    </message>
    <message>
        <source>Arabic semicolon</source>
        <translation>Punto y coma árabe</translation>
    </message>
    <message>
        <source>Arabic question mark</source>
        <translation>Signo de interrogación árabe</translation>
    </message>
    <message>
        <source>Tatweel</source>
        <translation>Tatwil (alargamiento)</translation>
    </message>
    <message>
        <source>Fathatan</source>
        <translation>Signo fathatan</translation>
    </message>
    <message>
        <source>Dammatan</source>
        <translation>Signo dammatan</translation>
    </message>
    <message>
        <source>Kasratan</source>
        <translation>Signo kasratan</translation>
    </message>
    <message>
        <source>Fatha</source>
        <translation>Signo fatha</translation>
    </message>
    <message>
        <source>Damma</source>
        <translation>Signo damma</translation>
    </message>
    <message>
        <source>Kasra</source>
        <translation>Signo kasra</translation>
    </message>
    <message>
        <source>Shadda</source>
        <translation>Signo shadda</translation>
    </message>
    <message>
        <source>Sukun</source>
        <translation>Signo sukún</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>QR code</source>
        <translation>Código QR</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Sign up</source>
        <translation>Inscribirse</translation>
    </message>
</context>
<context>
    <name>ResourceDetail</name>
    <message>
        <source>Scan to read it on your phone</source>
        <translation>Escanee para leerlo en su teléfono</translation>
    </message>
</context>
<context>
    <name>ResourcesScreen</name>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Inscribirse</translation>
    </message>
    <message>
        <source>Read more on your phone</source>
        <translation>Siga leyendo en su teléfono</translation>
    </message>
    <message>
        <source>Tap a title to see what it is about.</source>
        <translation>Toque un título para ver de qué trata.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
</context>
<context>
    <name>ScreenHeader</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>ThankYouScreen</name>
    <message>
        <source>Signed up</source>
        <translation>Inscripción completada</translation>
    </message>
    <message>
        <source>Your name is on the pledge.</source>
        <translation>Su nombre figura en el compromiso.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>¡Gracias, %1!</translation>
    </message>
    <message>
        <source>Welcome! You&apos;re signed up, and we&apos;ll be in touch soon.</source>
        <translation>¡Le damos la bienvenida! Su inscripción está hecha y pronto nos pondremos en contacto con usted.</translation>
    </message>
    <message>
        <source>Welcome back! We&apos;ll be in touch soon.</source>
        <translation>¡Nos alegra verle de nuevo! Pronto nos pondremos en contacto con usted.</translation>
    </message>
    <message>
        <source>You&apos;ll receive updates by email.</source>
        <translation>Recibirá novedades por correo electrónico.</translation>
    </message>
    <message>
        <source>Thank you for stopping by.</source>
        <translation>Gracias por su visita.</translation>
    </message>
    <message>
        <source>Starting over in %1</source>
        <translation>Volvemos al inicio en %1</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Please enter your first name.</source>
        <translation>Escriba su nombre.</translation>
    </message>
    <message>
        <source>Please enter your last name.</source>
        <translation>Escriba sus apellidos.</translation>
    </message>
    <message>
        <source>Please shorten your first name to %1 characters or fewer.</source>
        <translation>Acorte su nombre a %1 caracteres como máximo.</translation>
    </message>
    <message>
        <source>Please shorten your last name to %1 characters or fewer.</source>
        <translation>Acorte sus apellidos a %1 caracteres como máximo.</translation>
    </message>
    <message>
        <source>Your first name contains a character that can&apos;t be used. Please retype it.</source>
        <translation>Su nombre contiene un carácter que no se puede usar. Vuelva a escribirlo.</translation>
    </message>
    <message>
        <source>Your last name contains a character that can&apos;t be used. Please retype it.</source>
        <translation>Sus apellidos contienen un carácter que no se puede usar. Vuelva a escribirlos.</translation>
    </message>
    <message>
        <source>This phone number is too long. Please check it.</source>
        <translation>Este número de teléfono es demasiado largo. Revíselo.</translation>
    </message>
    <message>
        <source>This postal code is too long. Please check it.</source>
        <translation>Este código postal es demasiado largo. Revíselo.</translation>
    </message>
    <message>
        <source>Please tick this box so we may contact you. Without it we cannot keep your sign-up.</source>
        <translation>Marque esta casilla para que podamos ponernos en contacto con usted. Sin ella no podemos guardar su inscripción.</translation>
    </message>
    <message>
        <source>Please enter your email address.</source>
        <translation>Escriba su dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>This email address is too long or has odd characters. Please check it.</source>
        <translation>Esta dirección de correo electrónico es demasiado larga o tiene caracteres extraños. Revísela.</translation>
    </message>
    <message>
        <source>An email address needs an @, like name@example.org.</source>
        <translation>Una dirección de correo electrónico necesita una @, como nombre@example.org.</translation>
    </message>
    <message>
        <source>This email address doesn&apos;t look complete. Please check it, e.g. name@example.org.</source>
        <translation>Esta dirección de correo electrónico no parece completa. Revísela; por ejemplo: nombre@example.org.</translation>
    </message>
    <message>
        <source>This phone number doesn&apos;t look right. Include the area code, or start with + and the country code.</source>
        <translation>Este número de teléfono no parece correcto. Incluya el código de área o empiece con + y el código del país.</translation>
    </message>
    <message>
        <source>A ZIP code has 5 digits, like 02139, or 9 digits, like 02139-4307.</source>
        <translation>Un código ZIP tiene 5 dígitos, como 02139, o 9 dígitos, como 02139-4307.</translation>
    </message>
</context>
</TS>
