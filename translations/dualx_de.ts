<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>JobState</name>
    <message>
        <location filename="../ui/job.cpp" line="35"/>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="36"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="37"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="38"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="39"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="40"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="41"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="42"/>
        <source>On cluster</source>
        <translation>Im Cluster</translation>
    </message>
</context>
<context>
    <name>SourceQuality</name>
    <message>
        <location filename="../ui/job.cpp" line="49"/>
        <location filename="../ui/job.cpp" line="58"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="50"/>
        <source>Clean (a good master)</source>
        <translation>Sauber (gutes Original)</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="51"/>
        <source>Degraded (blurred, noisy or compressed)</source>
        <translation>Beschädigt (unscharf, verrauscht oder komprimiert)</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="56"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="57"/>
        <source>Degraded</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="59"/>
        <source>Custom (%1)</source>
        <translation>Benutzerdefiniert (%1)</translation>
    </message>
</context>
<context>
    <name>dualx::ui::ClusterLink</name>
    <message>
        <location filename="../ui/cluster_link.cpp" line="54"/>
        <source>None of the selected jobs can be sent: only queued, failed or cancelled jobs can.</source>
        <translation>Keiner der ausgewählten Aufträge kann gesendet werden: nur wartende, fehlgeschlagene oder abgebrochene Aufträge.</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="92"/>
        <source>Sent to Slurm job %1 (batch %2)</source>
        <translation>An Slurm-Job %1 gesendet (Stapel %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/cluster_link.cpp" line="96"/>
        <source>%n job(s) sent to the cluster as Slurm job %1; batch folder %2</source>
        <translation>
            <numerusform>%n Auftrag als Slurm-Job %1 an den Cluster gesendet; Stapelordner %2</numerusform>
            <numerusform>%n Aufträge als Slurm-Job %1 an den Cluster gesendet; Stapelordner %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="126"/>
        <source>Cluster status not read: %1</source>
        <translation>Cluster-Status nicht gelesen: %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="139"/>
        <source>Cancelled the cluster batch %1</source>
        <translation>Cluster-Stapel %1 abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="141"/>
        <source>Could not cancel the cluster batch %1: %2</source>
        <translation>Cluster-Stapel %1 konnte nicht abgebrochen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="169"/>
        <source>Queued on the cluster</source>
        <translation>Wartet im Cluster</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="169"/>
        <source>Queued on the cluster: %1</source>
        <translation>Wartet im Cluster: %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="172"/>
        <source>Running on the cluster: %1 of %2 parts done</source>
        <translation>Läuft im Cluster: %1 von %2 Teilen fertig</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="173"/>
        <source>Running on the cluster</source>
        <translation>Läuft im Cluster</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="175"/>
        <source>Joining its %1 parts on the cluster</source>
        <translation>Seine %1 Teile werden im Cluster zusammengefügt</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="178"/>
        <source>Done on the cluster</source>
        <translation>Im Cluster fertig</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="182"/>
        <source>Failed on the cluster: %1</source>
        <translation>Im Cluster fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="183"/>
        <source>Failed on the cluster: %1 (log: %2)</source>
        <translation>Im Cluster fehlgeschlagen: %1 (Protokoll: %2)</translation>
    </message>
    <message>
        <location filename="../ui/cluster_link.cpp" line="187"/>
        <source>Cancelled on the cluster</source>
        <translation>Im Cluster abgebrochen</translation>
    </message>
</context>
<context>
    <name>dualx::ui::ComparePanel</name>
    <message>
        <location filename="../ui/compare_panel.cpp" line="59"/>
        <source>Split</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="61"/>
        <source>Toggle (hold Space)</source>
        <translation>Umschalten (Leertaste halten)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="62"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>200%</source>
        <translation>200 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="74"/>
        <source>400%</source>
        <translation>400 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="83"/>
        <source>Preview this frame</source>
        <translation>Vorschau dieses Frames</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="84"/>
        <source>Restore the current frame with the job&apos;s model and settings</source>
        <translation>Aktuellen Frame mit Modell und Einstellungen des Auftrags restaurieren</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="93"/>
        <source>Previous frame</source>
        <translation>Vorheriger Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="96"/>
        <source>Next frame</source>
        <translation>Nächster Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="98"/>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="143"/>
        <source>Select a job to compare its source and result.</source>
        <translation>Wählen Sie einen Auftrag, um Quelle und Ergebnis zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="172"/>
        <source>frame %1 / %2</source>
        <translation>Frame %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="173"/>
        <source>Source and finished output, frame-synchronised.</source>
        <translation>Quelle und fertige Ausgabe, framegenau synchronisiert.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="174"/>
        <source>Source only: press &quot;Preview this frame&quot; to see the restored frame.</source>
        <translation>Nur Quelle: Klicken Sie auf „Vorschau dieses Frames“, um den restaurierten Frame zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="199"/>
        <source>frame %1 / %2  %3</source>
        <translation>Frame %1 / %2  %3</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="224"/>
        <source>Restoring frame %1 with a %2-frame window…</source>
        <translation>Frame %1 wird mit einem Fenster von %2 Frames restauriert…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="251"/>
        <source>Preview failed: %1</source>
        <translation>Vorschau fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="255"/>
        <source>Preview of frame %1: source left, restored right.</source>
        <translation>Vorschau von Frame %1: links Quelle, rechts restauriert.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="256"/>
        <source>Quick preview of frame %1 (%2-frame window): refining with the job&apos;s window…</source>
        <translation>Schnelle Vorschau von Frame %1 (Fenster von %2 Frames): wird mit dem Fenster des Auftrags verfeinert…</translation>
    </message>
</context>
<context>
    <name>dualx::ui::CompareViewer</name>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="39"/>
        <source>Before/after comparison</source>
        <translation>Vorher-Nachher-Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="40"/>
        <source>Compares the source frame with the restored frame. Drag the divider or the image, scroll to zoom, F fits, 1, 2 and 4 set the zoom, hold Space to show the source.</source>
        <translation>Vergleicht den Quell-Frame mit dem restaurierten Frame. Trennlinie oder Bild ziehen, scrollen zum Zoomen, F passt ein, 1, 2 und 4 stellen den Zoom ein, Leertaste halten zeigt die Quelle.</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="308"/>
        <source>No frame</source>
        <translation>Kein Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="311"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="312"/>
        <source>Restored</source>
        <translation>Restauriert</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="313"/>
        <source>No source frame</source>
        <translation>Kein Quell-Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="314"/>
        <source>No restored frame</source>
        <translation>Kein restaurierter Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="344"/>
        <source>Difference needs both frames</source>
        <translation>Differenz benötigt beide Frames</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="345"/>
        <source>Difference ×%1</source>
        <translation>Differenz ×%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="348"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>dualx::ui::JobQueueModel</name>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="61"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="62"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="63"/>
        <source>Source quality</source>
        <translation>Qualität der Quelle</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="64"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="65"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="66"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="67"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="68"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="69"/>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="83"/>
        <source>MSE (faithful)</source>
        <translation>MSE (originalgetreu)</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="84"/>
        <source>GAN (sharp)</source>
        <translation>GAN (scharf)</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="92"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="104"/>
        <source>What the video is like, told to a source-aware model: 0 clean, 0.5 unknown, 1 degraded (now %1)</source>
        <translation>Wie das Video beschaffen ist, mitgeteilt an ein quellenbewusstes Modell: 0 sauber, 0,5 unbekannt, 1 beschädigt (jetzt %1)</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="223"/>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="226"/>
        <source>folder %1 holds no video files (%2)</source>
        <translation>Ordner %1 enthält keine Videodateien (%2)</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="228"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="277"/>
        <source>not a video FFmpeg can read: %1</source>
        <translation>kein von FFmpeg lesbares Video: %1</translation>
    </message>
</context>
<context>
    <name>dualx::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>Job queue</source>
        <translation>Auftragswarteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="85"/>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>Send to cluster</source>
        <translation>An Cluster senden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>Warteschlange abgeschlossen: %1 fertig, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <location filename="../ui/main_window.cpp" line="286"/>
        <source>DualX Studio</source>
        <translation>DualX Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="133"/>
        <source>Queue database: %1 (%2 jobs)</source>
        <translation>Warteschlangen-Datenbank: %1 (%2 Aufträge)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="140"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Add videos</source>
        <translation>Videos hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155"/>
        <source>Add a folder of videos</source>
        <translation>Ordner mit Videos hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="181"/>
        <source>Cancel on the cluster</source>
        <translation>Im Cluster abbrechen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="182"/>
        <source>Jobs sent to a cluster together are cancelled together. Cancel %n batch(es) on the cluster? Finished files stay; Send to cluster again continues the rest.</source>
        <translation>
            <numerusform>Zusammen an einen Cluster gesendete Aufträge werden zusammen abgebrochen. %n Stapel im Cluster abbrechen? Fertige Dateien bleiben; erneutes Senden an den Cluster setzt den Rest fort.</numerusform>
            <numerusform>Zusammen an einen Cluster gesendete Aufträge werden zusammen abgebrochen. %n Stapel im Cluster abbrechen? Fertige Dateien bleiben; erneutes Senden an den Cluster setzt den Rest fort.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Presets changed</source>
        <translation>Voreinstellungen geändert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <source>Preset for selected jobs</source>
        <translation>Voreinstellung für ausgewählte Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>Source quality for selected jobs</source>
        <translation>Qualität der Quelle für ausgewählte Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>Output folder for selected jobs…</source>
        <translation>Ausgabeordner für ausgewählte Aufträge…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>%1
→ %2

State: %3</source>
        <translation>%1
→ %2

Status: %3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="287"/>
        <source>Drop videos or folders here
or use Add files / Add folder</source>
        <translation>Videos oder Ordner hier ablegen
oder „Dateien hinzufügen“ / „Ordner hinzufügen“ verwenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="289"/>
        <source>Add folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="290"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <location filename="../ui/main_window.cpp" line="324"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="293"/>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="294"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="295"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="296"/>
        <source>To top</source>
        <translation>Ganz nach oben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="297"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="298"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="299"/>
        <source>To bottom</source>
        <translation>Ganz nach unten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="300"/>
        <source>Use MSE model</source>
        <translation>MSE-Modell verwenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="301"/>
        <source>Use GAN model</source>
        <translation>GAN-Modell verwenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="302"/>
        <source>Open output folder</source>
        <translation>Ausgabeordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="304"/>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="305"/>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="306"/>
        <source>Send to cluster…</source>
        <translation>An Cluster senden…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="324"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="333"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="333"/>
        <source>Running %n job(s)</source>
        <translation>
            <numerusform>%n Auftrag läuft</numerusform>
            <numerusform>%n Aufträge laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="334"/>
        <source>%n job(s) in the queue</source>
        <translation>
            <numerusform>%n Auftrag in der Warteschlange</numerusform>
            <numerusform>%n Aufträge in der Warteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="360"/>
        <source>Added %n job(s)</source>
        <translation>
            <numerusform>%n Auftrag hinzugefügt</numerusform>
            <numerusform>%n Aufträge hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="361"/>
        <source>Skipped %n file(s) already in the queue</source>
        <translation>
            <numerusform>%n Datei übersprungen, sie ist schon in der Warteschlange</numerusform>
            <numerusform>%n Dateien übersprungen, sie sind schon in der Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="388"/>
        <source>About DualX Studio</source>
        <translation>Über DualX Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>&lt;h3&gt;DualX Studio %1&lt;/h3&gt;&lt;p&gt;Restores and upscales videos 4x with the DualX-VSR video transformer.&lt;/p&gt;&lt;p&gt;LibTorch %2&lt;br&gt;Device: %3&lt;/p&gt;&lt;p&gt;Models:&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;DualX Studio %1&lt;/h3&gt;&lt;p&gt;Restauriert Videos und skaliert sie mit dem Video-Transformer DualX-VSR um den Faktor 4 hoch.&lt;/p&gt;&lt;p&gt;LibTorch %2&lt;br&gt;Gerät: %3&lt;/p&gt;&lt;p&gt;Modelle:&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="413"/>
        <source>Stopping: running jobs will resume from their last segment next time</source>
        <translation>Wird gestoppt: Laufende Aufträge werden beim nächsten Mal ab ihrem letzten Segment fortgesetzt</translation>
    </message>
</context>
<context>
    <name>dualx::ui::PresetEditor</name>
    <message>
        <location filename="../ui/preset_editor.cpp" line="167"/>
        <source>Export presets</source>
        <translation>Exportvoreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="242"/>
        <source>&amp;Presets</source>
        <translation>&amp;Voreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="246"/>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="251"/>
        <source>Ne&amp;w</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="252"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="253"/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="254"/>
        <source>I&amp;mport…</source>
        <translation>I&amp;mportieren…</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="255"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="256"/>
        <source>New preset</source>
        <translation>Neue Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="257"/>
        <source>Duplicate preset</source>
        <translation>Voreinstellung duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="258"/>
        <location filename="../ui/preset_editor.cpp" line="966"/>
        <source>Delete preset</source>
        <translation>Voreinstellung löschen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="259"/>
        <location filename="../ui/preset_editor.cpp" line="1064"/>
        <source>Import preset</source>
        <translation>Voreinstellung importieren</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="260"/>
        <location filename="../ui/preset_editor.cpp" line="1075"/>
        <source>Export preset</source>
        <translation>Voreinstellung exportieren</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="261"/>
        <source>Start a new preset from common settings</source>
        <translation>Neue Voreinstellung mit gängigen Einstellungen anlegen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="262"/>
        <source>Make an editable copy of the selected preset</source>
        <translation>Bearbeitbare Kopie der ausgewählten Voreinstellung erstellen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="263"/>
        <source>Delete the selected user preset file</source>
        <translation>Ausgewählte Benutzer-Voreinstellungsdatei löschen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="264"/>
        <source>Add a preset .json file to your presets</source>
        <translation>Eine Voreinstellungsdatei (.json) zu Ihren Voreinstellungen hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="265"/>
        <source>Write the selected preset to a .json file</source>
        <translation>Ausgewählte Voreinstellung in eine .json-Datei schreiben</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="280"/>
        <source>Built-in presets are read-only. Use Duplicate to make an editable copy.</source>
        <translation>Integrierte Voreinstellungen sind schreibgeschützt. Mit „Duplizieren“ erstellen Sie eine bearbeitbare Kopie.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="301"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="304"/>
        <source>Preset id</source>
        <translation>Voreinstellungs-ID</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="305"/>
        <source>Short name used by the command line and as the file name (&lt;id&gt;.json): letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>Kurzname für die Befehlszeile und als Dateiname (&lt;id&gt;.json): Buchstaben, Ziffern, „-“, „_“ und „.“</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="306"/>
        <source>&amp;Id</source>
        <translation>&amp;ID</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="308"/>
        <source>Preset name</source>
        <translation>Name der Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="309"/>
        <source>&amp;Name</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="311"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="315"/>
        <source>Descrip&amp;tion</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="317"/>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="318"/>
        <source>MP4 (mp4)</source>
        <translation>MP4 (mp4)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="319"/>
        <source>Matroska (matroska)</source>
        <translation>Matroska (matroska)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="320"/>
        <source>QuickTime (mov)</source>
        <translation>QuickTime (mov)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="321"/>
        <source>&amp;Container</source>
        <translation>C&amp;ontainer</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="323"/>
        <source>File extension</source>
        <translation>Dateierweiterung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="324"/>
        <source>Extension of the output files, starting with &apos;.&apos;</source>
        <translation>Erweiterung der Ausgabedateien, beginnend mit „.“</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="325"/>
        <source>E&amp;xtension</source>
        <translation>Er&amp;weiterung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="331"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="334"/>
        <source>Video codec</source>
        <translation>Videocodec</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="335"/>
        <source>H.264 (libx264)</source>
        <translation>H.264 (libx264)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="336"/>
        <source>HEVC (libx265)</source>
        <translation>HEVC (libx265)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="337"/>
        <source>AV1 (libsvtav1)</source>
        <translation>AV1 (libsvtav1)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="338"/>
        <source>FFV1, lossless (ffv1)</source>
        <translation>FFV1, verlustfrei (ffv1)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="339"/>
        <source>ProRes (prores_ks)</source>
        <translation>ProRes (prores_ks)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="340"/>
        <source>C&amp;odec</source>
        <translation>Cod&amp;ec</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="344"/>
        <source>Pixel format</source>
        <translation>Pixelformat</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="345"/>
        <source>FFmpeg pixel format, e.g. yuv420p (8-bit) or yuv420p10le (10-bit)</source>
        <translation>FFmpeg-Pixelformat, z. B. yuv420p (8 Bit) oder yuv420p10le (10 Bit)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="346"/>
        <source>Pixel &amp;format</source>
        <translation>&amp;Pixelformat</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="348"/>
        <source>Constant quality (CRF)</source>
        <translation>Konstante Qualität (CRF)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="350"/>
        <location filename="../ui/preset_editor.cpp" line="358"/>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="351"/>
        <source>Lower is better quality and larger files; &quot;not used&quot; leaves it to the bit rate or the encoder</source>
        <translation>Niedriger bedeutet bessere Qualität und größere Dateien; „nicht verwendet“ überlässt dies der Bitrate oder dem Encoder</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="352"/>
        <source>C&amp;RF</source>
        <translation>&amp;CRF</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="354"/>
        <source>Video bit rate in kbit/s</source>
        <translation>Videobitrate in kbit/s</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="357"/>
        <location filename="../ui/preset_editor.cpp" line="402"/>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="359"/>
        <source>&amp;Bit rate</source>
        <translation>Bit&amp;rate</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="363"/>
        <source>Encoder speed preset</source>
        <translation>Geschwindigkeitsvoreinstellung des Encoders</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="364"/>
        <source>encoder default</source>
        <translation>Encoder-Standard</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="365"/>
        <source>Encoder pre&amp;set</source>
        <translation>Encoder-Vorein&amp;stellung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="367"/>
        <source>Encoder and muxer options</source>
        <translation>Encoder- und Muxer-Optionen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="370"/>
        <source>one key=value per line, e.g. movflags=+faststart</source>
        <translation>ein key=value pro Zeile, z. B. movflags=+faststart</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="372"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="378"/>
        <source>Audio and subtitles</source>
        <translation>Audio und Untertitel</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="382"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="383"/>
        <source>Transcode</source>
        <translation>Transkodieren</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="384"/>
        <source>Drop</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="388"/>
        <source>Audio policy</source>
        <translation>Audiobehandlung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="389"/>
        <source>Copy keeps the original audio (transcoded to the fallback codec where the container cannot hold it)</source>
        <translation>„Kopieren“ behält den Originalton bei (wird in den Fallback-Codec transkodiert, wenn der Container ihn nicht aufnehmen kann)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="390"/>
        <source>&amp;Audio</source>
        <translation>A&amp;udio</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="396"/>
        <source>Audio fallback codec</source>
        <translation>Fallback-Audiocodec</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="397"/>
        <source>Audio fallbac&amp;k codec</source>
        <translation>&amp;Fallback-Audiocodec</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="399"/>
        <source>Audio fallback bit rate in kbit/s</source>
        <translation>Fallback-Audiobitrate in kbit/s</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="403"/>
        <source>codec default</source>
        <translation>Codec-Standard</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="404"/>
        <source>Audio fallback bit rate</source>
        <translation>Fallback-Audiobitrate</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="406"/>
        <source>Subtitle policy</source>
        <translation>Untertitelbehandlung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="407"/>
        <source>S&amp;ubtitles</source>
        <translation>Un&amp;tertitel</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="413"/>
        <location filename="../ui/preset_editor.cpp" line="417"/>
        <source>Final scale</source>
        <translation>Endgültige Skalierung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="418"/>
        <source>None (keep the ×4 size)</source>
        <translation>Keine (×4-Größe beibehalten)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="419"/>
        <source>Factor of the ×4 result</source>
        <translation>Faktor des ×4-Ergebnisses</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="420"/>
        <source>Target height</source>
        <translation>Zielhöhe</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="422"/>
        <source>Scale factor</source>
        <translation>Skalierungsfaktor</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="426"/>
        <source>Applied to the ×4 result: 0.5 gives ×2</source>
        <translation>Wird auf das ×4-Ergebnis angewendet: 0,5 ergibt ×2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="428"/>
        <source>Target height in pixels</source>
        <translation>Zielhöhe in Pixeln</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="430"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="431"/>
        <source>Final height; the width keeps the aspect ratio</source>
        <translation>Endgültige Höhe; die Breite folgt dem Seitenverhältnis</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="435"/>
        <source>Output si&amp;ze</source>
        <translation>Aus&amp;gabegröße</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="436"/>
        <source>Resample anamorphic sources to square pixels</source>
        <translation>Anamorphe Quellen auf quadratische Pixel umrechnen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="437"/>
        <source>Square pixels</source>
        <translation>Quadratische Pixel</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="438"/>
        <source>DV and DVD store 4:3 or 16:9 pictures in non-square pixels; by default the output keeps that pixel aspect, which players honour; this resamples the width instead</source>
        <translation>DV und DVD speichern 4:3- oder 16:9-Bilder in nicht quadratischen Pixeln; standardmäßig behält die Ausgabe dieses Pixelseitenverhältnis, das Player beachten; dies rechnet stattdessen die Breite um</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="440"/>
        <source>Pixel aspect</source>
        <translation>Pixelseitenverhältnis</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="441"/>
        <source>Turn rotated phone videos upright in the pixels</source>
        <translation>Gedrehte Handyvideos in den Pixeln aufrecht drehen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="442"/>
        <source>Bake rotation</source>
        <translation>Drehung einrechnen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="443"/>
        <source>By default the rotation tag is copied (lossless); some players ignore it. Matroska cannot hold the tag, so its outputs are always turned</source>
        <translation>Standardmäßig wird die Drehungsangabe kopiert (verlustfrei); manche Player ignorieren sie. Matroska kann sie nicht speichern, daher werden seine Ausgaben immer gedreht</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="445"/>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="455"/>
        <source>&amp;JSON preview</source>
        <translation>&amp;JSON-Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="457"/>
        <source>JSON preview</source>
        <translation>JSON-Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="206"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="207"/>
        <source>Revert unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="208"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="209"/>
        <source>Save preset</source>
        <translation>Voreinstellung speichern</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="210"/>
        <source>Check the preset and write it to %1 (Ctrl+S)</source>
        <translation>Voreinstellung prüfen und in %1 schreiben (Strg+S)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="211"/>
        <location filename="../ui/preset_editor.cpp" line="212"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="526"/>
        <source>Some preset files were skipped (the command line skips them too):
%1</source>
        <translation>Einige Voreinstellungsdateien wurden übersprungen (auch die Befehlszeile überspringt sie):
%1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="596"/>
        <source>%1 (built-in)</source>
        <translation>%1 (integriert)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="598"/>
        <source>%1 (unsaved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="600"/>
        <source>%1 (modified)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="608"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="712"/>
        <source>option line %1 is not key=value: &apos;%2&apos;</source>
        <translation>Optionszeile %1 hat nicht die Form key=value: „%2“</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="750"/>
        <source>Ready to save.</source>
        <translation>Bereit zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="752"/>
        <location filename="../ui/preset_editor.cpp" line="873"/>
        <location filename="../ui/preset_editor.cpp" line="881"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="840"/>
        <source>built-in presets are read-only; use Duplicate to make an editable copy.</source>
        <translation>integrierte Voreinstellungen sind schreibgeschützt; erstellen Sie mit „Duplizieren“ eine bearbeitbare Kopie.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="841"/>
        <source>the id is empty.</source>
        <translation>die ID ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="843"/>
        <source>the id &apos;%1&apos; may only contain letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting with a letter or digit (it is the file name and the command-line name).</source>
        <translation>die ID „%1“ darf nur Buchstaben, Ziffern, „-“, „_“ und „.“ enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen (sie dient als Dateiname und als Name in der Befehlszeile).</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="846"/>
        <source>the id &apos;%1&apos; belongs to a built-in preset; choose another id.</source>
        <translation>die ID „%1“ gehört zu einer integrierten Voreinstellung; wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="847"/>
        <source>the id &apos;%1&apos; is already used by another preset; choose another id.</source>
        <translation>die ID „%1“ wird bereits von einer anderen Voreinstellung verwendet; wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="848"/>
        <source>the name is empty.</source>
        <translation>der Name ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="854"/>
        <source>the preset does not read back unchanged from its JSON.</source>
        <translation>die Voreinstellung lässt sich nicht unverändert aus ihrem JSON zurücklesen.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="870"/>
        <source>No preset is selected.</source>
        <translation>Keine Voreinstellung ausgewählt.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="889"/>
        <source> The old file %1 could not be removed: %2</source>
        <translation> Die alte Datei %1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="896"/>
        <source>Saved to %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="920"/>
        <source>My preset</source>
        <translation>Meine Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="930"/>
        <source>New preset &apos;%1&apos;: edit it and save it to use it.</source>
        <translation>Neue Voreinstellung „%1“: Bearbeiten und speichern, um sie zu verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="941"/>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="947"/>
        <source>Copy &apos;%1&apos; made: edit it and save it to use it.</source>
        <translation>Kopie „%1“ erstellt: Bearbeiten und speichern, um sie zu verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="957"/>
        <source>Built-in presets cannot be deleted.</source>
        <translation>Integrierte Voreinstellungen können nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="963"/>
        <source>Delete the preset &apos;%1&apos;?

Its file %2 is removed; the command line will not find it any more.</source>
        <translation>Voreinstellung „%1“ löschen?

Ihre Datei %2 wird entfernt; die Befehlszeile findet sie danach nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="965"/>
        <source>Discard the unsaved preset &apos;%1&apos;?</source>
        <translation>Nicht gespeicherte Voreinstellung „%1“ verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="973"/>
        <source>Cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="982"/>
        <source>Deleted &apos;%1&apos;.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="982"/>
        <source>Discarded &apos;%1&apos;.</source>
        <translation>„%1“ verworfen.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="996"/>
        <location filename="../ui/preset_editor.cpp" line="1002"/>
        <location filename="../ui/preset_editor.cpp" line="1014"/>
        <source>Cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1006"/>
        <source>Cannot import %1: the id &apos;%2&apos; may only contain letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>%1 kann nicht importiert werden: Die ID „%2“ darf nur Buchstaben, Ziffern, „-“, „_“ und „.“ enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1022"/>
        <source>Imported &apos;%1&apos;.</source>
        <translation>„%1“ importiert.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1022"/>
        <source>Imported as &apos;%1&apos;: the id &apos;%2&apos; was taken.</source>
        <translation>Als „%1“ importiert: Die ID „%2“ war bereits vergeben.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1028"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1044"/>
        <source>Not exported: there is no preset &apos;%1&apos;.</source>
        <translation>Nicht exportiert: Es gibt keine Voreinstellung „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1045"/>
        <location filename="../ui/preset_editor.cpp" line="1051"/>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1055"/>
        <location filename="../ui/preset_editor.cpp" line="1057"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1058"/>
        <source>Exported &apos;%1&apos; to %2.</source>
        <translation>„%1“ nach %2 exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1064"/>
        <source>Export presets (*.json);;All files (*)</source>
        <translation>Exportvoreinstellungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1068"/>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1076"/>
        <source>Export presets (*.json)</source>
        <translation>Exportvoreinstellungen (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1081"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/preset_editor.cpp" line="1089"/>
        <source>Unsaved presets</source>
        <translation>Nicht gespeicherte Voreinstellungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preset_editor.cpp" line="1090"/>
        <source>%n preset(s) have unsaved changes. Close and discard them?</source>
        <translation>
            <numerusform>%n Voreinstellung hat nicht gespeicherte Änderungen. Schließen und Änderungen verwerfen?</numerusform>
            <numerusform>%n Voreinstellungen haben nicht gespeicherte Änderungen. Schließen und Änderungen verwerfen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dualx::ui::QueueRunner</name>
    <message>
        <location filename="../ui/queue_runner.cpp" line="69"/>
        <source>Queue paused</source>
        <translation>Warteschlange pausiert</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="80"/>
        <source>Queue resumed</source>
        <translation>Warteschlange fortgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="119"/>
        <location filename="../ui/queue_runner.cpp" line="206"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="129"/>
        <source>Started %1 -&gt; %2</source>
        <translation>Gestartet: %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="152"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="154"/>
        <source>%1 frames, %2x%3, %4 s</source>
        <translation>%1 Frames, %2x%3, %4 s</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="178"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>Warteschlange abgeschlossen: %1 fertig, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="206"/>
        <source>Finished %1: %2</source>
        <translation>%1 abgeschlossen: %2</translation>
    </message>
</context>
<context>
    <name>dualx::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="46"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="52"/>
        <source>Automatic (GPU if available)</source>
        <translation>Automatisch (GPU, falls verfügbar)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="53"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="59"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="60"/>
        <source>all %1 cores</source>
        <translation>alle %1 Kerne</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="61"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="62"/>
        <source>default (CPU: 112 MSE, 64 GAN; GPU: 512)</source>
        <translation>Standard (CPU: 112 MSE, 64 GAN; GPU: 512)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="63"/>
        <source>Tile size (input pixels)</source>
        <translation>Kachelgröße (Eingabepixel)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="65"/>
        <source>Tile overlap</source>
        <translation>Kachelüberlappung</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="67"/>
        <source>Temporal window (frames)</source>
        <translation>Zeitfenster (Frames)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="69"/>
        <source>Window overlap (frames)</source>
        <translation>Fensterüberlappung (Frames)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="72"/>
        <location filename="../ui/settings_dialog.cpp" line="80"/>
        <location filename="../ui/settings_dialog.cpp" line="91"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="72"/>
        <source>%1 passes (%1× slower)</source>
        <translation>%1 Durchläufe (%1× langsamer)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="73"/>
        <source>Runs the model on flipped, transposed and time-reversed copies and averages them (with the MSE model, 8 copies gain about 0.1 dB)</source>
        <translation>Lässt das Modell auf gespiegelten, transponierten und zeitlich umgekehrten Kopien laufen und mittelt die Ergebnisse (mit dem MSE-Modell bringen 8 Kopien etwa 0,1 dB)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="76"/>
        <source>Self-ensemble (TTA)</source>
        <translation>Selbst-Ensemble (TTA)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings_dialog.cpp" line="81"/>
        <source>%n frame(s) on each side</source>
        <translation>
            <numerusform>%n Bild auf jeder Seite</numerusform>
            <numerusform>%n Bilder auf jeder Seite</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="82"/>
        <source>Averages each restored frame with its neighbours, aligned by optical flow, where they agree: less noise and flicker, most on home video</source>
        <translation>Mittelt jedes restaurierte Bild mit seinen per optischem Fluss ausgerichteten Nachbarn, wo sie übereinstimmen: weniger Rauschen und Flimmern, am meisten bei Heimvideos</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="85"/>
        <source>Temporal fusion</source>
        <translation>Zeitliche Fusion</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="88"/>
        <source>Automatic (interlaced: one frame per field; film: remove pulldown)</source>
        <translation>Automatisch (Zeilensprung: ein Frame pro Halbbild; Film: Pulldown entfernen)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="89"/>
        <source>Always, one frame per field (25i to 50p)</source>
        <translation>Immer, ein Frame pro Halbbild (25i zu 50p)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="90"/>
        <source>Always, one frame per frame (25i to 25p)</source>
        <translation>Immer, ein Frame pro Vollbild (25i zu 25p)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="92"/>
        <source>Interlaced tapes, DVDs and broadcasts are deinterlaced before restoration, found from the file&apos;s field order and its first frames</source>
        <translation>Bänder, DVDs und Sendungen im Zeilensprungverfahren werden vor der Restaurierung deinterlaced, erkannt an der Halbbildreihenfolge der Datei und ihren ersten Frames</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="96"/>
        <source>Deinterlacing</source>
        <translation>Deinterlacing</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="104"/>
        <source>Source quality for new jobs</source>
        <translation>Qualität der Quelle für neue Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Jobs and output</source>
        <translation>Aufträge und Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="146"/>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="79"/>
        <source>Automatic (MSE model on the CPU: 3 frames each side; off for GAN models and on a GPU)</source>
        <translation>Automatisch (MSE-Modell auf der CPU: 3 Bilder je Seite; aus bei GAN-Modellen und auf einer GPU)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="148"/>
        <source>the cluster&apos;s default</source>
        <translation>Standard des Clusters</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="151"/>
        <source>Slurm&apos;s default</source>
        <translation>Standard von Slurm</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="152"/>
        <source>CPUs per task</source>
        <translation>CPUs pro Task</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="154"/>
        <source>GPUs per task</source>
        <translation>GPUs pro Task</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="156"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="157"/>
        <source>Tasks at a time</source>
        <translation>Tasks gleichzeitig</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="159"/>
        <source>one task per file</source>
        <translation>ein Task pro Datei</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="160"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="161"/>
        <source>Files at least twice this long are restored as ranges of this length on separate tasks and joined without re-encoding; the result is the same as one run</source>
        <translation>Dateien, die mindestens doppelt so lang sind, werden in Abschnitten dieser Länge auf getrennten Tasks restauriert und ohne Neukodierung zusammengefügt; das Ergebnis ist dasselbe wie bei einem Durchlauf</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="163"/>
        <source>Split long files into</source>
        <translation>Lange Dateien teilen in</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="165"/>
        <source>Attempts per task</source>
        <translation>Versuche pro Task</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="167"/>
        <source>the output folder</source>
        <translation>der Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="168"/>
        <source>Every node must see this folder, the sources, the outputs and the model at the same paths</source>
        <translation>Jeder Knoten muss diesen Ordner, die Quellen, die Ausgaben und das Modell unter denselben Pfaden sehen</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="169"/>
        <source>Batch folders in</source>
        <translation>Stapelordner in</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="101"/>
        <source>Tells a source-aware model what the videos are like, so it neither smooths away real detail nor keeps compression artefacts; models without source awareness ignore it</source>
        <translation>Sagt einem quellenbewussten Modell, wie die Videos beschaffen sind, damit es weder echte Details wegglättet noch Kompressionsartefakte behält; Modelle ohne Quellenbewusstsein ignorieren es</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="107"/>
        <source>MSE (faithful)</source>
        <translation>MSE (originalgetreu)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="108"/>
        <source>GAN (sharp)</source>
        <translation>GAN (scharf)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="110"/>
        <source>Model for new jobs</source>
        <translation>Modell für neue Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="114"/>
        <source>Preset for new jobs</source>
        <translation>Voreinstellung für neue Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="118"/>
        <source>beside each source</source>
        <translation>neben der jeweiligen Quelldatei</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="119"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="121"/>
        <location filename="../ui/settings_dialog.cpp" line="126"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="128"/>
        <source>{name} is the source file name without its extension</source>
        <translation>{name} ist der Name der Quelldatei ohne Erweiterung</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="129"/>
        <source>Output name</source>
        <translation>Ausgabename</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="131"/>
        <source>Jobs at a time</source>
        <translation>Gleichzeitige Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="132"/>
        <source>Quit when the queue is done</source>
        <translation>Beenden, wenn die Warteschlange abgeschlossen ist</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="136"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="139"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="66"/>
        <source>DualX Studio is already running with the queue %1.</source>
        <translation>DualX Studio läuft bereits mit der Warteschlange %1.</translation>
    </message>
</context>
</TS>
