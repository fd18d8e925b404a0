<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>dualx::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="277"/>
        <source>Running %n job(s)</source>
        <translation>
            <numerusform>Running %n job</numerusform>
            <numerusform>Running %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="278"/>
        <source>%n job(s) in the queue</source>
        <translation>
            <numerusform>%n job in the queue</numerusform>
            <numerusform>%n jobs in the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="304"/>
        <source>Added %n job(s)</source>
        <translation>
            <numerusform>Added %n job</numerusform>
            <numerusform>Added %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="305"/>
        <source>Skipped %n file(s) already in the queue</source>
        <translation>
            <numerusform>Skipped %n file already in the queue</numerusform>
            <numerusform>Skipped %n files already in the queue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dualx::ui::PresetEditor</name>
    <message numerus="yes">
        <location filename="../ui/preset_editor.cpp" line="1053"/>
        <source>%n preset(s) have unsaved changes. Close and discard them?</source>
        <translation>
            <numerusform>%n preset has unsaved changes. Close and discard it?</numerusform>
            <numerusform>%n presets have unsaved changes. Close and discard them?</numerusform>
        </translation>
    </message>
</context>
</TS>
