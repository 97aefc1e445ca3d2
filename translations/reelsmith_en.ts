<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>RelinkAction</name>
    <message numerus="yes">
        <source>Relink %n picture(s)</source>
        <translation>
            <numerusform>Relink %n picture</numerusform>
            <numerusform>Relink %n pictures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SceneEdits</name>
    <message numerus="yes">
        <source>Add %n picture(s)</source>
        <translation>
            <numerusform>Add %n picture</numerusform>
            <numerusform>Add %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n scene(s)</source>
        <translation>
            <numerusform>Duplicate %n scene</numerusform>
            <numerusform>Duplicate %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n narrated scene(s)</source>
        <translation>
            <numerusform>Add %n narrated scene</numerusform>
            <numerusform>Add %n narrated scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n clip(s)</source>
        <translation>
            <numerusform>Add %n clip</numerusform>
            <numerusform>Add %n clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n pictures and clips</source>
        <translation>
            <numerusform>Add %n picture or clip</numerusform>
            <numerusform>Add %n pictures and clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit %n scene(s)</source>
        <translation>
            <numerusform>Edit %n scene</numerusform>
            <numerusform>Edit %n scenes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message numerus="yes">
        <source>Delete %n scene(s)</source>
        <translation>
            <numerusform>Delete %n scene</numerusform>
            <numerusform>Delete %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n scene(s)</source>
        <translation>
            <numerusform>Move %n scene</numerusform>
            <numerusform>Move %n scenes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::BatchDialog</name>
    <message numerus="yes">
        <source>%n row(s), all can be rendered.</source>
        <translation>
            <numerusform>%n row; it can be rendered.</numerusform>
            <numerusform>%n rows, all can be rendered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would fail (in red); they are left out.</source>
        <translation>
            <numerusform>%n row would fail (in red); it is left out.</numerusform>
            <numerusform>%n rows would fail (in red); they are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in all.</source>
        <translation>
            <numerusform>%n row in all.</numerusform>
            <numerusform>%n rows in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::CaptionStylePanel</name>
    <message numerus="yes">
        <source>Changes apply to the %n selected scene(s) only</source>
        <translation>
            <numerusform>Changes apply to the %n selected scene only</numerusform>
            <numerusform>Changes apply to the %n selected scenes only</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the caption style of %n scene(s)</source>
        <translation>
            <numerusform>Change the caption style of %n scene</numerusform>
            <numerusform>Change the caption style of %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use the project&apos;s caption style for %n scene(s)</source>
        <translation>
            <numerusform>Use the project&apos;s caption style for %n scene</numerusform>
            <numerusform>Use the project&apos;s caption style for %n scenes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::RelinkAction</name>
    <message numerus="yes">
        <source>Relinked %n picture(s) to files in %1</source>
        <translation>
            <numerusform>Relinked %n picture to files in %1</numerusform>
            <numerusform>Relinked %n pictures to files in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::RenderQueueModel</name>
    <message numerus="yes">
        <source>Done, %n warning(s)</source>
        <translation>
            <numerusform>Done, %n warning</numerusform>
            <numerusform>Done, %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::SceneInspector</name>
    <message numerus="yes">
        <source>Edit %n scene(s)</source>
        <translation>
            <numerusform>Edit %n scene</numerusform>
            <numerusform>Edit %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scenes selected: duration, layout, motion and transition apply to all</source>
        <translation>
            <numerusform>%n scenes selected: duration, layout, motion and transition apply to all</numerusform>
            <numerusform>%n scenes selected: duration, layout, motion and transition apply to all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reelsmith::editor::ScriptDialog</name>
    <message numerus="yes">
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n scene</numerusform>
            <numerusform>%n scenes</numerusform>
        </translation>
    </message>
</context>
</TS>
