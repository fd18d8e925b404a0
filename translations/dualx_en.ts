<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>dualx::ui::ClusterLink</name>
    <message numerus="yes">
        <location filename="../ui/cluster_link.cpp" line="96"/>
        <source>%n job(s) sent to the cluster as Slurm job %1; batch folder %2</source>
        <translation>
            <numerusform>%n job sent to the cluster as Slurm job %1; batch folder %2</numerusform>
            <numerusform>%n jobs sent to the cluster as Slurm job %1; batch folder %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dualx::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="182"/>
        <source>Jobs sent to a cluster together are cancelled together. Cancel %n batch(es) on the cluster? Finished files stay; Send to cluster again continues the rest.</source>
        <translation>
            <numerusform>Jobs sent to a cluster together are cancelled together. Cancel %n batch on the cluster? Finished files stay; Send to cluster again continues the rest.</numerusform>
            <numerusform>Jobs sent to a cluster together are cancelled together. Cancel %n batches on the cluster? Finished files stay; Send to cluster again continues the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="333"/>
        <source>Running %n job(s)</source>
        <translation>
            <numerusform>Running %n job</numerusform>
            <numerusform>Running %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="334"/>
        <source>%n job(s) in the queue</source>
        <translation>
            <numerusform>%n job in the queue</numerusform>
            <numerusform>%n jobs in the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="360"/>
        <source>Added %n job(s)</source>
        <translation>
            <numerusform>Added %n job</numerusform>
            <numerusform>Added %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="361"/>
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
        <location filename="../ui/preset_editor.cpp" line="1090"/>
        <source>%n preset(s) have unsaved changes. Close and discard them?</source>
        <translation>
            <numerusform>%n preset has unsaved changes. Close and discard it?</numerusform>
            <numerusform>%n presets have unsaved changes. Close and discard them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dualx::ui::SettingsDialog</name>
    <message numerus="yes">
        <location filename="../ui/settings_dialog.cpp" line="81"/>
        <source>%n frame(s) on each side</source>
        <translation>
            <numerusform>%n frame on each side</numerusform>
            <numerusform>%n frames on each side</numerusform>
        </translation>
    </message>
</context>
</TS>
