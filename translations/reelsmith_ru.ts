<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AddBackgroundDialog</name>
    <message>
        <source>Add Background</source>
        <translation>Добавить фон</translation>
    </message>
    <message>
        <source>Reelsmith copies the part of the clip you choose into your backgrounds folder, cropped to fill a vertical frame, at the size and frame rate below. The clip itself is not changed. The copy loops behind your videos, so a few seconds of steady gameplay are enough.</source>
        <translation>Reelsmith копирует выбранную часть клипа в вашу папку фонов, обрезав её под вертикальный кадр, с размером и частотой кадров, указанными ниже. Сам клип не меняется. Копия повторяется по кругу за вашими видео, так что нескольких секунд ровного геймплея достаточно.</translation>
    </message>
    <message>
        <source>&amp;Start at:</source>
        <translation>&amp;Начало:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Длина:</translation>
    </message>
    <message>
        <source>&amp;Frame rate:</source>
        <translation>&amp;Частота кадров:</translation>
    </message>
    <message>
        <source>S&amp;ize:</source>
        <translation>&amp;Размер:</translation>
    </message>
</context>
<context>
    <name>CaptionPresets</name>
    <message>
        <source>Clean white</source>
        <translation>Чистый белый</translation>
    </message>
    <message>
        <source>Yellow karaoke</source>
        <translation>Жёлтое караоке</translation>
    </message>
    <message>
        <source>Boxed</source>
        <translation>На плашке</translation>
    </message>
    <message>
        <source>Big words</source>
        <translation>Крупные слова</translation>
    </message>
</context>
<context>
    <name>CaptionStylePanel</name>
    <message>
        <source>Caption style</source>
        <translation>Стиль подписей</translation>
    </message>
    <message>
        <source>Show or hide how the captions look</source>
        <translation>Показать или скрыть настройки вида подписей</translation>
    </message>
    <message>
        <source>Use the Project&apos;s Style</source>
        <translation>Стиль проекта</translation>
    </message>
    <message>
        <source>Forget this scene&apos;s own caption style: it looks like every other scene again</source>
        <translation>Забыть собственный стиль подписи этой сцены: она снова выглядит как остальные</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Набор:</translation>
    </message>
    <message>
        <source>A ready-made look; the font stays as it is</source>
        <translation>Готовый вид; шрифт остаётся прежним</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Режим:</translation>
    </message>
    <message>
        <source> words</source>
        <translation> слов</translation>
    </message>
    <message>
        <source>How many words are shown at a time</source>
        <translation>Сколько слов показано одновременно</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>Шрифт:</translation>
    </message>
    <message>
        <source>Font File…</source>
        <translation>Файл шрифта…</translation>
    </message>
    <message>
        <source>Use a TTF or OTF file that is not installed</source>
        <translation>Взять файл TTF или OTF, который не установлен в системе</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> пкс</translation>
    </message>
    <message>
        <source>Pixels at 720 wide; larger videos scale it</source>
        <translation>Пиксели при ширине 720; в более крупном видео размер растёт пропорционально</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Цвета:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Выделение</translation>
    </message>
    <message>
        <source>The spoken word, in karaoke and words modes</source>
        <translation>Произносимое слово в режимах «караоке» и «по словам»</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Контур</translation>
    </message>
    <message>
        <source>Outline:</source>
        <translation>Контур:</translation>
    </message>
    <message>
        <source>Box:</source>
        <translation>Плашка:</translation>
    </message>
    <message>
        <source>A box behind each line</source>
        <translation>Плашка под каждой строкой</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>How opaque the box is</source>
        <translation>Насколько плашка непрозрачна</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Высота:</translation>
    </message>
    <message>
        <source>Where the middle of the caption sits, from the top of the frame</source>
        <translation>Где середина подписи, считая от верха кадра</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Заглавные буквы</translation>
    </message>
    <message>
        <source>Show the caption in capital letters</source>
        <translation>Показывать подпись заглавными буквами</translation>
    </message>
    <message>
        <source>Timing:</source>
        <translation>Тайминг:</translation>
    </message>
    <message>
        <source>From the voice</source>
        <translation>По голосу</translation>
    </message>
    <message>
        <source>Import SRT/VTT…</source>
        <translation>Импорт SRT/VTT…</translation>
    </message>
    <message>
        <source>Time this scene&apos;s caption by a subtitle file (times from the scene&apos;s start)</source>
        <translation>Синхронизировать подпись этой сцены по файлу субтитров (время от начала сцены)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>ClipControls</name>
    <message>
        <source>Clip</source>
        <translation>Клип</translation>
    </message>
    <message>
        <source>The clip&apos;s frame where the scene starts</source>
        <translation>Кадр клипа, с которого начинается сцена</translation>
    </message>
    <message>
        <source>&amp;Start at:</source>
        <translation>&amp;Начало:</translation>
    </message>
    <message>
        <source>Drag to pick where in the clip the scene starts</source>
        <translation>Перетащите, чтобы выбрать, с какого места клипа начинается сцена</translation>
    </message>
    <message>
        <source>Start in the clip</source>
        <translation>Начало в клипе</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Seconds into the clip where the scene starts</source>
        <translation>Секунда клипа, с которой начинается сцена</translation>
    </message>
    <message>
        <source>&amp;When it ends:</source>
        <translation>&amp;Когда кончается:</translation>
    </message>
    <message>
        <source>What a clip that ends before its scene does</source>
        <translation>Что делает клип, который кончается раньше своей сцены</translation>
    </message>
    <message>
        <source>Sound:</source>
        <translation>Звук:</translation>
    </message>
    <message>
        <source>&amp;Play the clip&apos;s sound</source>
        <translation>&amp;Воспроизводить звук клипа</translation>
    </message>
    <message>
        <source>Off: the clip is silent. On: its sound is mixed in at this level, lowered under the voice like the music</source>
        <translation>Выключено: клип без звука. Включено: его звук подмешивается с этим уровнем и приглушается под голосом, как музыка</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> дБ</translation>
    </message>
    <message>
        <source>Clip volume</source>
        <translation>Громкость клипа</translation>
    </message>
    <message>
        <source>This clip has no sound.</source>
        <translation>В этом клипе нет звука.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Video</source>
        <translation>Экспорт видео</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Where to save the video</source>
        <translation>Куда сохранить видео</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Кадров:</translation>
    </message>
    <message>
        <source>Estimated size:</source>
        <translation>Примерный размер:</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Background from %1</source>
        <translation>Фон из %1</translation>
    </message>
    <message>
        <source>Reading the clip</source>
        <translation>Чтение ролика</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: не удаётся создать папку</translation>
    </message>
    <message>
        <source>Checking pictures and background</source>
        <translation>Проверка изображений и фона</translation>
    </message>
    <message>
        <source>Encoding frame %1 of %2</source>
        <translation>Кодирование кадра %1 из %2</translation>
    </message>
    <message>
        <source>Writing the file</source>
        <translation>Запись файла</translation>
    </message>
</context>
<context>
    <name>LengthLimit</name>
    <message>
        <source>No limit</source>
        <translation>Без ограничения</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>The video is %1 long, over the %2 limit chosen in Preferences: the platform may refuse it or cut it short.</source>
        <translation>Длина видео %1 — больше ограничения %2, выбранного в настройках: платформа может не принять его или обрезать.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reelsmith</source>
        <translation>Reelsmith</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Открыть &amp;недавние</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Scenes</source>
        <translation>С&amp;цены</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>Сцены</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <source>Render Queue</source>
        <translation>Очередь экспорта</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>&amp;Export Video…</source>
        <translation>&amp;Экспорт видео…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Add Pictures…</source>
        <translation>Добавить &amp;изображения…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Scenes</source>
        <translation>&amp;Дублировать сцены</translation>
    </message>
    <message>
        <source>&amp;Delete Scenes</source>
        <translation>&amp;Удалить сцены</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Переместить &amp;вверх</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Переместить в&amp;низ</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>&amp;Воспроизведение/пауза</translation>
    </message>
    <message>
        <source>Show &amp;Safe Zones</source>
        <translation>Показывать &amp;безопасные зоны</translation>
    </message>
    <message>
        <source>&amp;About Reelsmith</source>
        <translation>&amp;О программе Reelsmith</translation>
    </message>
    <message>
        <source>New from &amp;Script…</source>
        <translation>Создать из &amp;сценария…</translation>
    </message>
    <message>
        <source>Start a project from a text: one narrated scene per paragraph or sentence</source>
        <translation>Начать проект с текста: по озвученной сцене на каждый абзац или предложение</translation>
    </message>
    <message>
        <source>&amp;Batch Render…</source>
        <translation>&amp;Пакетный рендер…</translation>
    </message>
    <message>
        <source>One video per row of a CSV table, with this project as the template</source>
        <translation>По видео на каждую строку таблицы CSV, этот проект — шаблон</translation>
    </message>
    <message>
        <source>Add &amp;Clips…</source>
        <translation>Добавить &amp;клипы…</translation>
    </message>
    <message>
        <source>Add video clips as scenes, each as long as its clip</source>
        <translation>Добавить видеоклипы как сцены, каждая длиной в свой клип</translation>
    </message>
</context>
<context>
    <name>OutputSettingsForm</name>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Ширина:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> пкс</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>&amp;Высота:</translation>
    </message>
    <message>
        <source>&amp;Frame rate:</source>
        <translation>&amp;Частота кадров:</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> кадр/с</translation>
    </message>
    <message>
        <source>&amp;Quality (CRF):</source>
        <translation>&amp;Качество (CRF):</translation>
    </message>
    <message>
        <source>Lower means better quality and a larger file (about 8 lower doubles the size); 18–28 is usual</source>
        <translation>Меньше — выше качество и больше файл (примерно на 8 меньше — файл вдвое больше); обычно 18–28</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Пресет:</translation>
    </message>
    <message>
        <source>Encoder &amp;threads:</source>
        <translation>По&amp;токи кодировщика:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>&amp;Custom settings</source>
        <translation>&amp;Свои настройки</translation>
    </message>
    <message>
        <source>Size, frame rate and encoder settings; changing one makes the preset Custom</source>
        <translation>Размер, частота кадров и настройки кодировщика; изменение любой из них переключает пресет на «Свой»</translation>
    </message>
    <message>
        <source>E&amp;ncoder speed:</source>
        <translation>Ско&amp;рость кодирования:</translation>
    </message>
    <message>
        <source>x264 preset: slower presets make smaller files at the same quality</source>
        <translation>Пресет x264: более медленные дают файл меньше при том же качестве</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Memory &amp;budget:</source>
        <translation>&amp;Бюджет памяти:</translation>
    </message>
    <message>
        <source>The memory meter turns amber at 75 % and red at 90 % of this</source>
        <translation>Индикатор памяти становится жёлтым при 75 % от этого значения и красным при 90 %</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> МБ</translation>
    </message>
    <message>
        <source>Exports at &amp;once:</source>
        <translation>&amp;Одновременных экспортов:</translation>
    </message>
    <message>
        <source>Each export holds its own decoder and encoder; one at a time keeps memory lowest</source>
        <translation>Каждый экспорт держит свои декодер и кодировщик; по одному за раз — наименьший расход памяти</translation>
    </message>
    <message>
        <source>Your &amp;backgrounds:</source>
        <translation>&amp;Ваши фоны:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Output of new projects</source>
        <translation>Видео новых проектов</translation>
    </message>
    <message>
        <source>Warn when &amp;longer than:</source>
        <translation>Предупре&amp;ждать, если длиннее:</translation>
    </message>
    <message>
        <source>The longest video your platform takes (YouTube Shorts, Instagram Reels and TikTok each have a limit); the editor shows the length in orange and warns before an export past it</source>
        <translation>Самое длинное видео, которое принимает ваша платформа (у YouTube Shorts, Instagram Reels и TikTok свои ограничения); редактор покажет длину оранжевым и предупредит перед экспортом, если видео длиннее</translation>
    </message>
</context>
<context>
    <name>ProjectPanel</name>
    <message>
        <source>&lt;b&gt;Background&lt;/b&gt;</source>
        <translation>&lt;b&gt;Фон&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Add Background…</source>
        <translation>&amp;Добавить фон…</translation>
    </message>
    <message>
        <source>Import a gameplay clip: it is made into a small 720x1280 loop in your backgrounds folder</source>
        <translation>Импортировать игровой ролик: из него будет сделан небольшой зацикленный фон 720x1280 в вашей папке фонов</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Обнов&amp;ить</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>&amp;Начать с:</translation>
    </message>
    <message>
        <source>Drag to choose where in the background the video starts</source>
        <translation>Перетащите, чтобы выбрать, с какого места фона начнётся видео</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Выб&amp;рать…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Music:</source>
        <translation>Музыка:</translation>
    </message>
    <message>
        <source>Level, ducking:</source>
        <translation>Уровень, приглушение:</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> дБ</translation>
    </message>
    <message>
        <source>The music&apos;s level in the mix</source>
        <translation>Уровень музыки в миксе</translation>
    </message>
    <message>
        <source>How far the music drops while a voice speaks</source>
        <translation>Насколько тише становится музыка, пока звучит голос</translation>
    </message>
    <message>
        <source>Fade in, out:</source>
        <translation>Появление, затухание:</translation>
    </message>
    <message>
        <source>Seconds the music takes to come in</source>
        <translation>За сколько секунд музыка нарастает в начале</translation>
    </message>
    <message>
        <source>Seconds the music takes to go before the end</source>
        <translation>За сколько секунд музыка затихает перед концом</translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation>&amp;Голос:</translation>
    </message>
    <message>
        <source>The voice that reads every scene&apos;s narration, unless a scene has its own</source>
        <translation>Голос, который читает текст всех сцен, если у сцены нет своего</translation>
    </message>
    <message>
        <source>Speed, pitch:</source>
        <translation>Темп, высота:</translation>
    </message>
    <message>
        <source>Speaking speed; 1 is the voice&apos;s natural speed</source>
        <translation>Темп речи; 1 — естественный темп голоса</translation>
    </message>
    <message>
        <source>Pitch; 1 is the voice&apos;s natural pitch</source>
        <translation>Высота; 1 — естественная высота голоса</translation>
    </message>
    <message>
        <source>&amp;Loudness:</source>
        <translation>&amp;Громкость:</translation>
    </message>
    <message>
        <source>Bring the whole mix to this loudness (EBU R128), with true peaks kept under −1 dBTP; the platforms play at −14 LUFS</source>
        <translation>Привести весь микс к этой громкости (EBU R128), удерживая истинные пики ниже −1 dBTP; платформы воспроизводят на −14 LUFS</translation>
    </message>
    <message>
        <source> LUFS</source>
        <translation> LUFS</translation>
    </message>
    <message>
        <source>Integrated loudness of the final mix</source>
        <translation>Интегральная громкость итогового микса</translation>
    </message>
    <message>
        <source>Use a &amp;Picture…</source>
        <translation>&amp;Картинка…</translation>
    </message>
    <message>
        <source>Show a picture, still, behind the scenes instead of a clip</source>
        <translation>Показывать за сценами неподвижную картинку вместо ролика</translation>
    </message>
</context>
<context>
    <name>RelinkAction</name>
    <message numerus="yes">
        <source>Relink %n picture(s)</source>
        <translation>
            <numerusform>Указать новое место %n изображения</numerusform>
            <numerusform>Указать новое место %n изображений</numerusform>
            <numerusform>Указать новое место %n изображений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenderQueueDock</name>
    <message>
        <source>&amp;Pause</source>
        <translation>Па&amp;уза</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>О&amp;тменить</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Открыть папку</translation>
    </message>
    <message>
        <source>C&amp;lear Finished</source>
        <translation>Очистить &amp;завершённые</translation>
    </message>
    <message>
        <source>Pause the selected job, or resume it</source>
        <translation>Приостановить или продолжить выбранное задание</translation>
    </message>
    <message>
        <source>Stop the selected job; no file is left behind</source>
        <translation>Остановить выбранное задание; файл не будет создан</translation>
    </message>
    <message>
        <source>Show the folder that holds the finished file</source>
        <translation>Показать папку с готовым файлом</translation>
    </message>
    <message>
        <source>Remove done, failed and cancelled jobs from the list</source>
        <translation>Убрать из списка выполненные, неудавшиеся и отменённые задания</translation>
    </message>
</context>
<context>
    <name>SceneEdits</name>
    <message numerus="yes">
        <source>Add %n picture(s)</source>
        <translation>
            <numerusform>Добавить %n изображение</numerusform>
            <numerusform>Добавить %n изображения</numerusform>
            <numerusform>Добавить %n изображений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n scene(s)</source>
        <translation>
            <numerusform>Дублировать %n сцену</numerusform>
            <numerusform>Дублировать %n сцены</numerusform>
            <numerusform>Дублировать %n сцен</numerusform>
        </translation>
    </message>
    <message>
        <source>centre</source>
        <translation>по центру</translation>
    </message>
    <message>
        <source>top</source>
        <translation>сверху</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>заполнить</translation>
    </message>
    <message numerus="yes">
        <source>Add %n narrated scene(s)</source>
        <translation>
            <numerusform>Добавить %n озвученную сцену</numerusform>
            <numerusform>Добавить %n озвученные сцены</numerusform>
            <numerusform>Добавить %n озвученных сцен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n clip(s)</source>
        <translation>
            <numerusform>Добавить %n клип</numerusform>
            <numerusform>Добавить %n клипа</numerusform>
            <numerusform>Добавить %n клипов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n pictures and clips</source>
        <translation>
            <numerusform>Добавить %n картинку и клип</numerusform>
            <numerusform>Добавить %n картинки и клипа</numerusform>
            <numerusform>Добавить %n картинок и клипов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit %n scene(s)</source>
        <translation>
            <numerusform>Изменить %n сцену</numerusform>
            <numerusform>Изменить %n сцены</numerusform>
            <numerusform>Изменить %n сцен</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SceneInspector</name>
    <message>
        <source>No scene selected</source>
        <translation>Сцена не выбрана</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Длительность:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Расположение:</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>Подп&amp;ись:</translation>
    </message>
    <message>
        <source>Text drawn over the frame, in the lower third</source>
        <translation>Текст поверх кадра, в нижней трети</translation>
    </message>
    <message>
        <source>&amp;Follows the voice</source>
        <translation>&amp;По длине голоса</translation>
    </message>
    <message>
        <source>The scene lasts as long as its voice, plus a quarter of a second</source>
        <translation>Сцена длится столько же, сколько её голос, и ещё четверть секунды</translation>
    </message>
    <message>
        <source>&amp;Narration:</source>
        <translation>&amp;Текст диктора:</translation>
    </message>
    <message>
        <source>What the voice says during this scene</source>
        <translation>Что голос говорит в этой сцене</translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation>&amp;Голос:</translation>
    </message>
    <message>
        <source>&amp;Play Voice</source>
        <translation>&amp;Прослушать</translation>
    </message>
    <message>
        <source>&amp;Speed, pitch:</source>
        <translation>&amp;Темп, высота:</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Speaking speed; 1 is the voice&apos;s natural speed</source>
        <translation>Темп речи; 1 — естественный темп голоса</translation>
    </message>
    <message>
        <source>Pitch; 1 is the voice&apos;s natural pitch</source>
        <translation>Высота; 1 — естественная высота голоса</translation>
    </message>
    <message>
        <source>Recording:</source>
        <translation>Запись:</translation>
    </message>
    <message>
        <source>None: the narration is spoken</source>
        <translation>Нет: текст читает синтезатор</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Записать</translation>
    </message>
    <message>
        <source>Record this scene&apos;s voice from the microphone, after a countdown</source>
        <translation>Записать голос этой сцены с микрофона после обратного отсчёта</translation>
    </message>
    <message>
        <source>Input level: the loudest peaks should stay out of the last quarter</source>
        <translation>Уровень входа: самые громкие пики не должны заходить в последнюю четверть</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Уровень входа</translation>
    </message>
    <message>
        <source>&amp;Motion:</source>
        <translation>&amp;Движение:</translation>
    </message>
    <message>
        <source>How the picture moves over the scene</source>
        <translation>Как картинка движется в течение сцены</translation>
    </message>
    <message>
        <source>&amp;Transition:</source>
        <translation>&amp;Переход:</translation>
    </message>
    <message>
        <source>How this scene gives way to the next</source>
        <translation>Как эта сцена сменяется следующей</translation>
    </message>
    <message>
        <source>Length of the transition, centred on the end of the scene</source>
        <translation>Длительность перехода; его середина приходится на конец сцены</translation>
    </message>
    <message>
        <source>Picture or clip:</source>
        <translation>Картинка или клип:</translation>
    </message>
</context>
<context>
    <name>SceneNumbers</name>
    <message>
        <source>scene %1</source>
        <translation>сцена %1</translation>
    </message>
    <message>
        <source>scene %1 (%2)</source>
        <translation>сцена %1 (%2)</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message numerus="yes">
        <source>Delete %n scene(s)</source>
        <translation>
            <numerusform>Удалить %n сцену</numerusform>
            <numerusform>Удалить %n сцены</numerusform>
            <numerusform>Удалить %n сцен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n scene(s)</source>
        <translation>
            <numerusform>Переместить %n сцену</numerusform>
            <numerusform>Переместить %n сцены</numerusform>
            <numerusform>Переместить %n сцен</numerusform>
        </translation>
    </message>
    <message>
        <source>Change picture</source>
        <translation>Изменить изображение</translation>
    </message>
    <message>
        <source>Change duration</source>
        <translation>Изменить длительность</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>Изменить подпись</translation>
    </message>
    <message>
        <source>Change layout</source>
        <translation>Изменить расположение</translation>
    </message>
    <message>
        <source>Edit scene</source>
        <translation>Изменить сцену</translation>
    </message>
    <message>
        <source>Edit narration</source>
        <translation>Изменение текста диктора</translation>
    </message>
    <message>
        <source>Change voice</source>
        <translation>Смена голоса</translation>
    </message>
    <message>
        <source>Change recording</source>
        <translation>Смена записи голоса</translation>
    </message>
    <message>
        <source>Fix duration (no longer follows the voice)</source>
        <translation>Задать длительность (больше не зависит от голоса)</translation>
    </message>
    <message>
        <source>Change motion</source>
        <translation>Изменить движение</translation>
    </message>
    <message>
        <source>Change transition</source>
        <translation>Изменить переход</translation>
    </message>
    <message>
        <source>Change clip start</source>
        <translation>Изменить начало клипа</translation>
    </message>
    <message>
        <source>Change clip ending</source>
        <translation>Изменить конец клипа</translation>
    </message>
    <message>
        <source>Change clip sound</source>
        <translation>Изменить звук клипа</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Use LANGUAGE (en, ru, …) instead of the preference.</source>
        <translation>Использовать язык LANGUAGE (en, ru, …) вместо заданного в настройках.</translation>
    </message>
    <message>
        <source>Make vertical short videos from pictures, captions and a looping background.
Settings: ~/.config/reelsmith/reelsmith.conf. Unsaved work is kept in
~/.local/share/reelsmith/reelsmith/autosave and offered after a crash.</source>
        <translation>Создание коротких вертикальных видео из изображений, подписей и зацикленного фона.
Настройки: ~/.config/reelsmith/reelsmith.conf. Несохранённая работа хранится в
~/.local/share/reelsmith/reelsmith/autosave и предлагается к восстановлению после сбоя.</translation>
    </message>
    <message>
        <source>A .reel.json project to open.</source>
        <translation>Открываемый проект .reel.json.</translation>
    </message>
    <message>
        <source>Do not offer back the unsaved work of an editor that crashed.</source>
        <translation>Не предлагать восстановить несохранённую работу после сбоя редактора.</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::AddBackgroundDialog</name>
    <message>
        <source>&amp;Add Background</source>
        <translation>&amp;Добавить фон</translation>
    </message>
    <message>
        <source>24 fps: the smallest file</source>
        <translation>24 кадра/с: самый маленький файл</translation>
    </message>
    <message>
        <source>30 fps: as Shorts, Reels and TikTok play</source>
        <translation>30 кадров/с: как показывают Shorts, Reels и TikTok</translation>
    </message>
    <message>
        <source>60 fps: the smoothest motion</source>
        <translation>60 кадров/с: самое плавное движение</translation>
    </message>
    <message>
        <source>720x1280: small and fast</source>
        <translation>720x1280: маленький и быстрый</translation>
    </message>
    <message>
        <source>1080x1920: sharp in full HD exports</source>
        <translation>1080x1920: чёткий в видео Full HD</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Чтение %1…</translation>
    </message>
    <message>
        <source>%1 is not a video.</source>
        <translation>%1 — не видео.</translation>
    </message>
    <message>
        <source>Cannot tell how long %1 is.</source>
        <translation>Не удаётся узнать длину %1.</translation>
    </message>
    <message>
        <source>This clip cannot be used: %1</source>
        <translation>Этот клип нельзя использовать: %1</translation>
    </message>
    <message>
        <source>%1: %2 long, %3x%4 at %5 fps</source>
        <translation>%1: длина %2, %3x%4, %5 кадров/с</translation>
    </message>
    <message>
        <source>The background will be %1 s from %2, %3x%4 at %5 fps, looping behind the video.</source>
        <translation>Фон: %1 с начиная с %2, %3x%4, %5 кадров/с, по кругу за видео.</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::BatchDialog</name>
    <message>
        <source>Batch Render</source>
        <translation>Пакетный рендер</translation>
    </message>
    <message>
        <source>A batch uses the project&apos;s file as its template. Save the project first?</source>
        <translation>Шаблон пакета — файл проекта. Сначала сохранить проект?</translation>
    </message>
    <message>
        <source>A batch uses the project&apos;s file as its template, and the project has unsaved changes. Save them first, or use the file as it was last saved?</source>
        <translation>Шаблон пакета — файл проекта, а в проекте есть несохранённые изменения. Сохранить их сначала или взять файл в последней сохранённой версии?</translation>
    </message>
    <message>
        <source>Use the Saved File</source>
        <translation>Взять сохранённый файл</translation>
    </message>
    <message>
        <source>Choose &amp;Table…</source>
        <translation>Выбрать &amp;таблицу…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Replace videos that exist</source>
        <translation>&amp;Заменять уже готовые видео</translation>
    </message>
    <message>
        <source>&amp;Preview Row</source>
        <translation>&amp;Просмотреть строку</translation>
    </message>
    <message>
        <source>&amp;Queue All</source>
        <translation>&amp;Всё в очередь</translation>
    </message>
    <message>
        <source>Template: %1. Its {{column}} placeholders are filled from each row of a CSV table (a header row naming the columns; a column named “output” names the videos).</source>
        <translation>Шаблон: %1. Его подстановки {{столбец}} заполняются из каждой строки таблицы CSV (первая строка называет столбцы; столбец «output» задаёт имена видео).</translation>
    </message>
    <message>
        <source>No table chosen.</source>
        <translation>Таблица не выбрана.</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>&amp;Папка для видео:</translation>
    </message>
    <message>
        <source>Checking rows: %1 of %2…</source>
        <translation>Проверка строк: %1 из %2…</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>Выбор таблицы</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation>Таблицы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>Папка для видео</translation>
    </message>
    <message>
        <source>Table: %1</source>
        <translation>Таблица: %1</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>Чтение таблицы…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), all can be rendered.</source>
        <translation>
            <numerusform>%n строка, все можно отрендерить.</numerusform>
            <numerusform>%n строки, все можно отрендерить.</numerusform>
            <numerusform>%n строк, все можно отрендерить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would fail (in red); they are left out.</source>
        <translation>
            <numerusform>%n строка не получится (красным) и будет пропущена.</numerusform>
            <numerusform>%n строки не получатся (красным) и будут пропущены.</numerusform>
            <numerusform>%n строк не получатся (красным) и будут пропущены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in all.</source>
        <translation>
            <numerusform>Всего %n строка.</numerusform>
            <numerusform>Всего %n строки.</numerusform>
            <numerusform>Всего %n строк.</numerusform>
        </translation>
    </message>
    <message>
        <source>The output folder “%1” cannot be created.</source>
        <translation>Не удаётся создать папку для видео «%1».</translation>
    </message>
    <message>
        <source>Every video exists already; nothing was queued. Tick “Replace videos that exist” to render them again.</source>
        <translation>Все видео уже есть, в очередь ничего не добавлено. Отметьте «Заменять уже готовые видео», чтобы отрендерить их заново.</translation>
    </message>
    <message>
        <source>No row can be rendered.</source>
        <translation>Ни одну строку нельзя отрендерить.</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::BatchRowModel</name>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::CaptionStylePanel</name>
    <message>
        <source>Caption Text Colour</source>
        <translation>Цвет текста подписи</translation>
    </message>
    <message>
        <source>Highlight Colour</source>
        <translation>Цвет выделения</translation>
    </message>
    <message>
        <source>Outline Colour</source>
        <translation>Цвет контура</translation>
    </message>
    <message>
        <source>Box Colour</source>
        <translation>Цвет плашки</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Свой</translation>
    </message>
    <message>
        <source>Block: the whole text at once</source>
        <translation>Блок: весь текст сразу</translation>
    </message>
    <message>
        <source>Karaoke: the spoken word highlighted</source>
        <translation>Караоке: произносимое слово выделено</translation>
    </message>
    <message>
        <source>Words: a few at a time, as spoken</source>
        <translation>По словам: несколько слов по мере произнесения</translation>
    </message>
    <message>
        <source>Font file: %1</source>
        <translation>Файл шрифта: %1</translation>
    </message>
    <message>
        <source>No scene selected</source>
        <translation>Сцена не выбрана</translation>
    </message>
    <message numerus="yes">
        <source>Changes apply to the %n selected scene(s) only</source>
        <translation>
            <numerusform>Изменения касаются только %n выбранной сцены</numerusform>
            <numerusform>Изменения касаются только %n выбранных сцен</numerusform>
            <numerusform>Изменения касаются только %n выбранных сцен</numerusform>
        </translation>
    </message>
    <message>
        <source>This scene has its own caption style.</source>
        <translation>У этой сцены собственный стиль подписи.</translation>
    </message>
    <message>
        <source>This scene uses the project&apos;s caption style; a change here applies to it only.</source>
        <translation>Эта сцена использует стиль подписей проекта; изменение здесь касается только её.</translation>
    </message>
    <message>
        <source>Change caption style</source>
        <translation>Изменить стиль подписей</translation>
    </message>
    <message numerus="yes">
        <source>Change the caption style of %n scene(s)</source>
        <translation>
            <numerusform>Изменить стиль подписи %n сцены</numerusform>
            <numerusform>Изменить стиль подписи %n сцен</numerusform>
            <numerusform>Изменить стиль подписи %n сцен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use the project&apos;s caption style for %n scene(s)</source>
        <translation>
            <numerusform>Вернуть стиль проекта для %n сцены</numerusform>
            <numerusform>Вернуть стиль проекта для %n сцен</numerusform>
            <numerusform>Вернуть стиль проекта для %n сцен</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a Font File</source>
        <translation>Выбор файла шрифта</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.otf *.ttc *.otc);;All files (*)</source>
        <translation>Шрифты (*.ttf *.otf *.ttc *.otc);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The font was not changed: %1</source>
        <translation>Шрифт не изменён: %1</translation>
    </message>
    <message>
        <source>Import Caption Timing</source>
        <translation>Импорт тайминга подписи</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.vtt);;All files (*)</source>
        <translation>Субтитры (*.srt *.vtt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Не импортировано: %1</translation>
    </message>
    <message>
        <source>Import caption timing</source>
        <translation>Импортировать тайминг подписи</translation>
    </message>
    <message>
        <source>Remove caption timing</source>
        <translation>Убрать тайминг подписи</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::ClipControls</name>
    <message>
        <source>Loop: play again from the start</source>
        <translation>Повтор: играть снова с начала</translation>
    </message>
    <message>
        <source>Freeze: hold the last frame</source>
        <translation>Стоп-кадр: держать последний кадр</translation>
    </message>
    <message>
        <source>The clip is %1 s long.</source>
        <translation>Длина клипа — %1 с.</translation>
    </message>
    <message>
        <source>The clip is %1 s long: %2 s from this start, then it loops for the rest of the scene.</source>
        <translation>Длина клипа — %1 с: %2 с от этого начала, затем до конца сцены он повторяется.</translation>
    </message>
    <message>
        <source>The clip is %1 s long: %2 s from this start, then its last frame holds for the rest of the scene.</source>
        <translation>Длина клипа — %1 с: %2 с от этого начала, затем до конца сцены держится его последний кадр.</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::ExportDialog</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <source>Export Video</source>
        <translation>Экспорт видео</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>Видео MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>Choose where to save the video.</source>
        <translation>Выберите, куда сохранить видео.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 — это папка; укажите имя файла.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Папка %1 не существует.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to.</source>
        <translation>Нет прав на запись в папку %1.</translation>
    </message>
    <message>
        <source>The project cannot be exported: %1.</source>
        <translation>Проект невозможно экспортировать: %1.</translation>
    </message>
    <message>
        <source>about %1 MB</source>
        <translation>около %1 МБ</translation>
    </message>
    <message>
        <source>%1 already exists and will be replaced.</source>
        <translation>%1 уже существует и будет заменён.</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <source>%1 already exists. Do you want to replace it?</source>
        <translation>%1 уже существует. Заменить его?</translation>
    </message>
    <message>
        <source>Change Export Settings</source>
        <translation>Изменить настройки экспорта</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::ExportSubtitlesAction</name>
    <message>
        <source>Export &amp;Subtitles…</source>
        <translation>Экспорт &amp;субтитров…</translation>
    </message>
    <message>
        <source>Write the captions as an SRT or WebVTT file, timed as in the video</source>
        <translation>Записать подписи в файл SRT или WebVTT с таймингом как в видео</translation>
    </message>
    <message>
        <source>subtitles</source>
        <translation>субтитры</translation>
    </message>
    <message>
        <source>SubRip subtitles (*.srt)</source>
        <translation>Субтитры SubRip (*.srt)</translation>
    </message>
    <message>
        <source>WebVTT subtitles (*.vtt)</source>
        <translation>Субтитры WebVTT (*.vtt)</translation>
    </message>
    <message>
        <source>Export Subtitles</source>
        <translation>Экспорт субтитров</translation>
    </message>
    <message>
        <source>Writing subtitles to %1…</source>
        <translation>Запись субтитров в %1…</translation>
    </message>
    <message>
        <source>Subtitles written to %1</source>
        <translation>Субтитры записаны в %1</translation>
    </message>
    <message>
        <source>The subtitles were not written.

%1</source>
        <translation>Субтитры не записаны.

%1</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::LengthLabel</name>
    <message>
        <source>The video&apos;s length; the limit chosen in Preferences is %1</source>
        <translation>Длина видео; ограничение, выбранное в настройках: %1</translation>
    </message>
    <message>
        <source>The video&apos;s length</source>
        <translation>Длина видео</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::MainWindow</name>
    <message>
        <source>Scene</source>
        <translation>Сцена</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Не удаётся открыть проект</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Не удаётся сохранить проект</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>безымянный</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Сохранить проект как</translation>
    </message>
    <message>
        <source>Reelsmith projects (%1)</source>
        <translation>Проекты Reelsmith (%1)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>В проекте «%1» есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>Reelsmith projects (%1);;JSON files (*.json)</source>
        <translation>Проекты Reelsmith (%1);;Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>безымянный проект</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Восстановить несохранённую работу?</translation>
    </message>
    <message>
        <source>Reelsmith did not close properly. Unsaved changes to %1 from %2 were kept.

Recover them?</source>
        <translation>Работа Reelsmith была завершена некорректно. Несохранённые изменения (%1, %2) удалось сберечь.

Восстановить их?</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>Не удаётся восстановить</translation>
    </message>
    <message>
        <source>Add Pictures</source>
        <translation>Добавить изображения</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp);;All files (*)</source>
        <translation>Изображения (*.jpg *.jpeg *.png *.webp *.bmp);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>About Reelsmith</source>
        <translation>О программе Reelsmith</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reelsmith %1&lt;/h3&gt;&lt;p&gt;Vertical short videos from pictures, captions and a looping background, rendered one frame at a time.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Reelsmith %1&lt;/h3&gt;&lt;p&gt;Короткие вертикальные видео из изображений, подписей и зацикленного фона. Видео отрисовывается по одному кадру за раз.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Экспортировано: %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Отменить: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Повторить: %1</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>Задания выполняются</translation>
    </message>
    <message>
        <source>Quitting cancels the jobs that have not finished (files being written are finished first). Quit anyway?</source>
        <translation>При выходе незавершённые задания будут отменены (файлы, которые уже записываются, будут дописаны). Всё равно выйти?</translation>
    </message>
    <message>
        <source>Cannot Add These Files</source>
        <translation>Не удаётся добавить эти файлы</translation>
    </message>
    <message>
        <source>Nothing was added: these files cannot be used as scenes.</source>
        <translation>Ничего не добавлено: эти файлы нельзя использовать как сцены.</translation>
    </message>
    <message>
        <source>Add Clips</source>
        <translation>Добавить клипы</translation>
    </message>
    <message>
        <source>Video clips (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.3gp *.ts *.mts *.mpg *.mpeg);;All files (*)</source>
        <translation>Видеоклипы (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.3gp *.ts *.mts *.mpg *.mpeg);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::MemoryMeterWidget</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Memory: %1 MB now, %2 MB at most so far&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Resident memory is the RAM Reelsmith holds at this moment; the peak is the most it has held since it started. Renders work one frame at a time, so exporting should add little whatever the video&apos;s length.&lt;/p&gt;&lt;p&gt;The graph shows the last %3 samples (one every %4 ms); the dashed line is the %5 MB budget. The meter turns amber from %6 % of the budget and red from %7 %.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Память: сейчас %1 МБ, пик %2 МБ&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Резидентная память — это объём ОЗУ, который Reelsmith занимает в данный момент; пик — наибольший объём с момента запуска. Видео отрисовывается по одному кадру за раз, поэтому экспорт почти не увеличивает расход памяти, какой бы длины ни было видео.&lt;/p&gt;&lt;p&gt;На графике — последние замеры (%3, по одному каждые %4 мс); пунктирная линия — бюджет в %5 МБ. Индикатор становится жёлтым от %6 % бюджета и красным от %7 %.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 MB · peak %2 MB</source>
        <translation>%1 МБ · пик %2 МБ</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::MotionHint</name>
    <message>
        <source>How the picture moves: %1</source>
        <translation>Как движется картинка: %1</translation>
    </message>
    <message>
        <source>How the scene gives way to the next: %1</source>
        <translation>Как сцена сменяется следующей: %1</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::OutputSettingsForm</name>
    <message>
        <source>Even, %1 to %2 pixels</source>
        <translation>Чётное число от %1 до %2 пикселей</translation>
    </message>
    <message>
        <source>The width must be an even number from %2 to %3, not %1.</source>
        <translation>Ширина должна быть чётным числом от %2 до %3, а не %1.</translation>
    </message>
    <message>
        <source>The height must be an even number from %2 to %3, not %1.</source>
        <translation>Высота должна быть чётным числом от %2 до %3, а не %1.</translation>
    </message>
    <message>
        <source>The frame rate must be from %2 to %3 fps, not %1.</source>
        <translation>Частота кадров должна быть от %2 до %3 кадр/с, а не %1.</translation>
    </message>
    <message>
        <source>The quality (CRF) must be from %2 to %3, not %1.</source>
        <translation>Качество (CRF) должно быть от %2 до %3, а не %1.</translation>
    </message>
    <message>
        <source>Encoder threads must be from %2 (automatic) to %3, not %1.</source>
        <translation>Потоков кодировщика должно быть от %2 (автоматически) до %3, а не %1.</translation>
    </message>
    <message>
        <source>“%1” is not one of x264&apos;s presets.</source>
        <translation>«%1» — не пресет x264.</translation>
    </message>
    <message>
        <source>Shorts / Reels / TikTok — %1x%2, %3 fps, high quality</source>
        <translation>Shorts / Reels / TikTok — %1x%2, %3 кадр/с, высокое качество</translation>
    </message>
    <message>
        <source>Small and fast — %1x%2, %3 fps</source>
        <translation>Маленький и быстрый — %1x%2, %3 кадр/с</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Свой</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::PreferencesDialog</name>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Your Backgrounds Folder</source>
        <translation>Папка с вашими фонами</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::PreviewPanel</name>
    <message>
        <source>Safe zones</source>
        <translation>Безопасные зоны</translation>
    </message>
    <message>
        <source>Show where Shorts, Reels and TikTok draw their buttons and text over the video</source>
        <translation>Показать, где Shorts, Reels и TikTok выводят свои кнопки и текст поверх видео</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Show more of the timeline (-, Ctrl+wheel)</source>
        <translation>Показать большую часть шкалы времени (-, Ctrl+колесо)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Show the timeline in more detail (+, Ctrl+wheel)</source>
        <translation>Показать шкалу времени подробнее (+, Ctrl+колесо)</translation>
    </message>
    <message>
        <source>%1 /</source>
        <translation>%1 /</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::PreviewWidget</name>
    <message>
        <source>Cannot play the background %1: %2</source>
        <translation>Не удаётся воспроизвести фон %1: %2</translation>
    </message>
    <message>
        <source>Cannot play the background %1</source>
        <translation>Не удаётся воспроизвести фон %1</translation>
    </message>
    <message>
        <source>Cannot show the picture: %1</source>
        <translation>Не удаётся показать изображение: %1</translation>
    </message>
    <message>
        <source>Top bar</source>
        <translation>Верхняя панель</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Кнопки</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Cannot play the clip: %1</source>
        <translation>Не удаётся воспроизвести клип: %1</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::ProjectDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::ProjectPanel</name>
    <message>
        <source>Change background</source>
        <translation>Изменить фон</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Встроенный</translation>
    </message>
    <message>
        <source>Your clip</source>
        <translation>Ваш ролик</translation>
    </message>
    <message>
        <source>, %1 s</source>
        <translation>, %1 с</translation>
    </message>
    <message>
        <source>Change background start</source>
        <translation>Изменить начало фона</translation>
    </message>
    <message>
        <source>Audio (*.mp3 *.wav *.m4a *.aac *.ogg *.opus *.flac);;All files (*)</source>
        <translation>Аудио (*.mp3 *.wav *.m4a *.aac *.ogg *.opus *.flac);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Add a Background Clip</source>
        <translation>Добавление фонового ролика</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v);;All files (*)</source>
        <translation>Видео (*.mp4 *.mov *.mkv *.webm *.avi *.m4v);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Default for the language</source>
        <translation>По умолчанию для языка</translation>
    </message>
    <message>
        <source>Remove music</source>
        <translation>Убрать музыку</translation>
    </message>
    <message>
        <source>Change music</source>
        <translation>Изменение музыки</translation>
    </message>
    <message>
        <source>Change voice</source>
        <translation>Смена голоса</translation>
    </message>
    <message>
        <source>Change loudness</source>
        <translation>Изменение громкости</translation>
    </message>
    <message>
        <source>Choose Music</source>
        <translation>Выбор музыки</translation>
    </message>
    <message>
        <source>Set music</source>
        <translation>Задать музыку</translation>
    </message>
    <message>
        <source>Use a Picture as the Background</source>
        <translation>Картинка в качестве фона</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp);;All files (*)</source>
        <translation>Картинки (*.jpg *.jpeg *.png *.webp *.bmp);;Все файлы (*)</translation>
    </message>
    <message>
        <source>This picture cannot be used: %1</source>
        <translation>Эту картинку нельзя использовать: %1</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::RelinkAction</name>
    <message>
        <source>Re&amp;link Missing Picture…</source>
        <translation>Указать новое &amp;место изображения…</translation>
    </message>
    <message>
        <source>Point a scene whose picture was moved or renamed to the file&apos;s new place; other missing pictures found in the same folder follow</source>
        <translation>Указать сцене новое место перемещённого или переименованного изображения; другие пропавшие изображения из той же папки найдутся вместе с ним</translation>
    </message>
    <message>
        <source>Where is %1 now?</source>
        <translation>Где теперь %1?</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp);;All files (*)</source>
        <translation>Изображения (*.jpg *.jpeg *.png *.webp *.bmp);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <source>Relinked %n picture(s) to files in %1</source>
        <translation>
            <numerusform>Новое место %n изображения: %1</numerusform>
            <numerusform>Новое место %n изображений: %1</numerusform>
            <numerusform>Новое место %n изображений: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::RenderQueue</name>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>На паузе</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>недостаточно памяти</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>the job stopped unexpectedly</source>
        <translation>задание неожиданно прервалось</translation>
    </message>
    <message>
        <source>Waiting for memory: needs ~%1 MB, %2 MB free of the %3 MB budget</source>
        <translation>Ждёт памяти: нужно ~%1 МБ, свободно %2 МБ из бюджета %3 МБ</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::RenderQueueDock</name>
    <message>
        <source>&amp;Resume</source>
        <translation>Продол&amp;жить</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Па&amp;уза</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::RenderQueueModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>оценка…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>%1 frames, %2 in %3</source>
        <translation>кадров: %1, %2 за %3</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Кадры</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Прошло</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Осталось</translation>
    </message>
    <message numerus="yes">
        <source>Done, %n warning(s)</source>
        <translation>
            <numerusform>Готово, %n предупреждение</numerusform>
            <numerusform>Готово, %n предупреждения</numerusform>
            <numerusform>Готово, %n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::SceneInspector</name>
    <message>
        <source>Centre: fit in a centred box</source>
        <translation>По центру: вписать в рамку по центру</translation>
    </message>
    <message>
        <source>Top: fit in the upper half</source>
        <translation>Сверху: вписать в верхнюю половину</translation>
    </message>
    <message>
        <source>Fill: cover the frame</source>
        <translation>Заполнить: на весь кадр</translation>
    </message>
    <message>
        <source>No scene selected</source>
        <translation>Сцена не выбрана</translation>
    </message>
    <message>
        <source>Scene %1 of %2</source>
        <translation>Сцена %1 из %2</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n scene(s)</source>
        <translation>
            <numerusform>Изменить %n сцену</numerusform>
            <numerusform>Изменить %n сцены</numerusform>
            <numerusform>Изменить %n сцен</numerusform>
        </translation>
    </message>
    <message>
        <source>The project&apos;s voice</source>
        <translation>Голос проекта</translation>
    </message>
    <message>
        <source>Text drawn over the frame, in the lower third</source>
        <translation>Текст поверх кадра, в нижней трети</translation>
    </message>
    <message>
        <source>Empty: the narration is shown</source>
        <translation>Пусто: показывается текст диктора</translation>
    </message>
    <message>
        <source>Import a Voice Recording</source>
        <translation>Импорт записи голоса</translation>
    </message>
    <message>
        <source>Sound (*.wav *.mp3 *.m4a *.aac *.ogg *.opus *.flac);;All files (*)</source>
        <translation>Звук (*.wav *.mp3 *.m4a *.aac *.ogg *.opus *.flac);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Recording starts in %1…</source>
        <translation>Запись начнётся через %1…</translation>
    </message>
    <message>
        <source>Recording scene %1: %2 s</source>
        <translation>Запись сцены %1: %2 с</translation>
    </message>
    <message>
        <source>Recording cancelled: its scene was deleted.</source>
        <translation>Запись отменена: её сцена удалена.</translation>
    </message>
    <message>
        <source>Recording cancelled: another project was opened.</source>
        <translation>Запись отменена: открыт другой проект.</translation>
    </message>
    <message>
        <source>Recorded %1 s into %2, but its scene is gone: the project is unchanged.</source>
        <translation>Записано %1 с в %2, но сцены больше нет: проект не изменён.</translation>
    </message>
    <message>
        <source>Recorded %1 s. The project is not saved yet, so the take is kept in %2.</source>
        <translation>Записано %1 с. Проект ещё не сохранён, поэтому дубль хранится в %2.</translation>
    </message>
    <message>
        <source>Recorded %1 s.</source>
        <translation>Записано %1 с.</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Записать</translation>
    </message>
    <message>
        <source>None: the picture stays still</source>
        <translation>Нет: картинка неподвижна</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Приближение</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Отдаление</translation>
    </message>
    <message>
        <source>Pan left</source>
        <translation>Панорама влево</translation>
    </message>
    <message>
        <source>Pan right</source>
        <translation>Панорама вправо</translation>
    </message>
    <message>
        <source>Pan up</source>
        <translation>Панорама вверх</translation>
    </message>
    <message>
        <source>Pan down</source>
        <translation>Панорама вниз</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Склейка</translation>
    </message>
    <message>
        <source>Crossfade</source>
        <translation>Наплыв</translation>
    </message>
    <message>
        <source>Slide left</source>
        <translation>Сдвиг влево</translation>
    </message>
    <message>
        <source>Slide up</source>
        <translation>Сдвиг вверх</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Шторка</translation>
    </message>
    <message numerus="yes">
        <source>%n scenes selected: duration, layout, motion and transition apply to all</source>
        <translation>
            <numerusform>Выбрана %n сцена: длительность, расположение, движение и переход применяются ко всем</numerusform>
            <numerusform>Выбрано %n сцены: длительность, расположение, движение и переход применяются ко всем</numerusform>
            <numerusform>Выбрано %n сцен: длительность, расположение, движение и переход применяются ко всем</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a Picture or Clip</source>
        <translation>Выбор картинки или клипа</translation>
    </message>
    <message>
        <source>Pictures and clips (%1 %2);;Pictures (%1);;Video clips (%2);;All files (*)</source>
        <translation>Картинки и клипы (%1 %2);;Картинки (%1);;Видеоклипы (%2);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::SceneListDelegate</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::SceneListModel</name>
    <message>
        <source>%1
%2 s · %3</source>
        <translation>%1
%2 с · %3</translation>
    </message>
    <message>
        <source>Missing file</source>
        <translation>Файл не найден</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Нельзя использовать: %1</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>Повреждено: %1</translation>
    </message>
    <message>
        <source>Missing file: it was moved, renamed or deleted. Scenes → Relink Missing Picture… points the scene to its new place.</source>
        <translation>Файл не найден: его переместили, переименовали или удалили. Сцены → Указать новое место изображения… укажет сцене, где он теперь.</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::ScriptDialog</name>
    <message>
        <source>New from Script</source>
        <translation>Создание из сценария</translation>
    </message>
    <message>
        <source>Paste the text the video tells. Each scene gets a piece of it as its narration and lasts as long as its voice; drop a picture on a scene to show one.</source>
        <translation>Вставьте текст, который рассказывает видео. Каждая сцена получит свой кусок текста для озвучки и будет длиться столько же, сколько её голос; перетащите изображение на сцену, чтобы показать его.</translation>
    </message>
    <message>
        <source>Five things nobody tells you about sunsets…</source>
        <translation>Пять фактов о закатах, которых вам не расскажут…</translation>
    </message>
    <message>
        <source>&amp;Open Text File…</source>
        <translation>&amp;Открыть текстовый файл…</translation>
    </message>
    <message>
        <source>One scene per &amp;paragraph</source>
        <translation>Сцена на каждый &amp;абзац</translation>
    </message>
    <message>
        <source>One scene per &amp;sentence</source>
        <translation>Сцена на каждое &amp;предложение</translation>
    </message>
    <message>
        <source>Make Scenes</source>
        <translation>Создать сцены</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n сцена</numerusform>
            <numerusform>%n сцены</numerusform>
            <numerusform>%n сцен</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a Script</source>
        <translation>Открыть сценарий</translation>
    </message>
    <message>
        <source>Text (*.txt *.md);;All files (*)</source>
        <translation>Текст (*.txt *.md);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot open the script</source>
        <translation>Не удаётся открыть сценарий</translation>
    </message>
    <message>
        <source>%1 is too large to be a script.</source>
        <translation>%1 слишком велик для сценария.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 — не текст в UTF-8.</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::TimelineWidget</name>
    <message>
        <source>Click or drag to move through the video; drag the line at a scene&apos;s end to change its length</source>
        <translation>Щёлкните или перетащите, чтобы перейти по видео; перетащите линию в конце сцены, чтобы изменить её длительность</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Склейка</translation>
    </message>
    <message>
        <source>Crossfade</source>
        <translation>Наплыв</translation>
    </message>
    <message>
        <source>Slide left</source>
        <translation>Сдвиг влево</translation>
    </message>
    <message>
        <source>Slide up</source>
        <translation>Сдвиг вверх</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Шторка</translation>
    </message>
    <message>
        <source>%1 from scene %2 into scene %3, %4 s</source>
        <translation>%1 из сцены %2 в сцену %3, %4 с</translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::VoiceRecorder</name>
    <message>
        <source>No microphone or other sound input was found. Connect one (or check the system&apos;s sound settings) and try again.</source>
        <translation>Не найден ни микрофон, ни другой звуковой вход. Подключите его (или проверьте настройки звука в системе) и попробуйте снова.</translation>
    </message>
    <message>
        <source>The sound input “%1” offers no format that can be recorded.</source>
        <translation>Звуковой вход «%1» не предлагает формата, пригодного для записи.</translation>
    </message>
    <message>
        <source>Cannot create the folder for recordings: %1</source>
        <translation>Не удаётся создать папку для записей: %1</translation>
    </message>
    <message>
        <source>Cannot write the recording %1: %2</source>
        <translation>Не удаётся записать файл %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the sound input “%1”.</source>
        <translation>Не удаётся открыть звуковой вход «%1».</translation>
    </message>
    <message>
        <source>The sound input stopped while recording (error %1).</source>
        <translation>Звуковой вход остановился во время записи (ошибка %1).</translation>
    </message>
    <message>
        <source>Nothing was recorded: the sound input sent no sound.</source>
        <translation>Ничего не записано: звуковой вход не передал звука.</translation>
    </message>
</context>
</TS>
