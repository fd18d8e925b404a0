<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>JobState</name>
    <message>
        <location filename="../ui/job.cpp" line="32"/>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="33"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="34"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="35"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="36"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="37"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/job.cpp" line="38"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>dualx::ui::ComparePanel</name>
    <message>
        <location filename="../ui/compare_panel.cpp" line="45"/>
        <source>Split</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="46"/>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="47"/>
        <source>Toggle (hold Space)</source>
        <translation>Umschalten (Leertaste halten)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="48"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>200%</source>
        <translation>200 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="60"/>
        <source>400%</source>
        <translation>400 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="69"/>
        <source>Preview this frame</source>
        <translation>Vorschau dieses Frames</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="70"/>
        <source>Restore the current frame with the job&apos;s model and settings</source>
        <translation>Aktuellen Frame mit Modell und Einstellungen des Auftrags restaurieren</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="79"/>
        <source>Previous frame</source>
        <translation>Vorheriger Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="82"/>
        <source>Next frame</source>
        <translation>Nächster Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="84"/>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="127"/>
        <source>Select a job to compare its source and result.</source>
        <translation>Wählen Sie einen Auftrag, um Quelle und Ergebnis zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="153"/>
        <source>frame %1 / %2</source>
        <translation>Frame %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="154"/>
        <source>Source and finished output, frame-synchronised.</source>
        <translation>Quelle und fertige Ausgabe, framegenau synchronisiert.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="155"/>
        <source>Source only: press &quot;Preview this frame&quot; to see the restored frame.</source>
        <translation>Nur Quelle: Klicken Sie auf „Vorschau dieses Frames“, um den restaurierten Frame zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="173"/>
        <source>frame %1 / %2  %3</source>
        <translation>Frame %1 / %2  %3</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="197"/>
        <source>Restoring frame %1 with a %2-frame window…</source>
        <translation>Frame %1 wird mit einem Fenster von %2 Frames restauriert…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="215"/>
        <source>Preview failed: %1</source>
        <translation>Vorschau fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.cpp" line="219"/>
        <source>Preview of frame %1: source left, restored right.</source>
        <translation>Vorschau von Frame %1: links Quelle, rechts restauriert.</translation>
    </message>
</context>
<context>
    <name>dualx::ui::CompareViewer</name>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="40"/>
        <source>Before/after comparison</source>
        <translation>Vorher-Nachher-Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="41"/>
        <source>Compares the source frame with the restored frame. Drag the divider or the image, scroll to zoom, F fits, 1, 2 and 4 set the zoom, hold Space to show the source.</source>
        <translation>Vergleicht den Quell-Frame mit dem restaurierten Frame. Trennlinie oder Bild ziehen, scrollen zum Zoomen, F passt ein, 1, 2 und 4 stellen den Zoom ein, Leertaste halten zeigt die Quelle.</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="320"/>
        <source>No frame</source>
        <translation>Kein Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="323"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="324"/>
        <source>Restored</source>
        <translation>Restauriert</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="325"/>
        <source>No source frame</source>
        <translation>Kein Quell-Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="326"/>
        <source>No restored frame</source>
        <translation>Kein restaurierter Frame</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="356"/>
        <source>Difference needs both frames</source>
        <translation>Differenz benötigt beide Frames</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="357"/>
        <source>Difference ×%1</source>
        <translation>Differenz ×%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_viewer.cpp" line="360"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>dualx::ui::JobQueueModel</name>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="58"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="59"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="60"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="61"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="62"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="63"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="64"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="65"/>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="78"/>
        <source>MSE (faithful)</source>
        <translation>MSE (originalgetreu)</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="78"/>
        <source>GAN (sharp)</source>
        <translation>GAN (scharf)</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="83"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="195"/>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="197"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/job_queue_model.cpp" line="238"/>
        <source>not a video FFmpeg can read: %1</source>
        <translation>kein von FFmpeg lesbares Video: %1</translation>
    </message>
</context>
<context>
    <name>dualx::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <source>Job queue</source>
        <translation>Auftragswarteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <location filename="../ui/main_window.cpp" line="72"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>Warteschlange abgeschlossen: %1 fertig, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="89"/>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>DualX Studio</source>
        <translation>DualX Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>Queue database: %1 (%2 jobs)</source>
        <translation>Warteschlangen-Datenbank: %1 (%2 Aufträge)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="119"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="130"/>
        <source>Add videos</source>
        <translation>Videos hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="134"/>
        <source>Add a folder of videos</source>
        <translation>Ordner mit Videos hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="194"/>
        <source>Preset for selected jobs</source>
        <translation>Voreinstellung für ausgewählte Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Drop videos or folders here
or use Add files / Add folder</source>
        <translation>Videos oder Ordner hier ablegen
oder „Dateien hinzufügen“ / „Ordner hinzufügen“ verwenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Add folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>To top</source>
        <translation>Ganz nach oben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>To bottom</source>
        <translation>Ganz nach unten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>Use MSE model</source>
        <translation>MSE-Modell verwenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>Use GAN model</source>
        <translation>GAN-Modell verwenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>Open output folder</source>
        <translation>Ausgabeordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="220"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>Running %1 job(s)</source>
        <translation>Aktive Aufträge: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <source>%1 jobs in the queue</source>
        <translation>%1 Aufträge in der Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Added %1 job(s)</source>
        <translation>Aufträge hinzugefügt: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Stopping: running jobs will resume from their last segment next time</source>
        <translation>Wird gestoppt: Laufende Aufträge werden beim nächsten Mal ab ihrem letzten Segment fortgesetzt</translation>
    </message>
</context>
<context>
    <name>dualx::ui::QueueRunner</name>
    <message>
        <location filename="../ui/queue_runner.cpp" line="58"/>
        <source>Queue paused</source>
        <translation>Warteschlange pausiert</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="69"/>
        <source>Queue resumed</source>
        <translation>Warteschlange fortgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="116"/>
        <location filename="../ui/queue_runner.cpp" line="192"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="126"/>
        <source>Started %1 -&gt; %2</source>
        <translation>Gestartet: %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="147"/>
        <source>%1 frames, %2x%3, %4 s</source>
        <translation>%1 Frames, %2x%3, %4 s</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="164"/>
        <source>Queue finished: %1 done, %2 failed</source>
        <translation>Warteschlange abgeschlossen: %1 fertig, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/queue_runner.cpp" line="192"/>
        <source>Finished %1: %2</source>
        <translation>%1 abgeschlossen: %2</translation>
    </message>
</context>
<context>
    <name>dualx::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="42"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="46"/>
        <source>Automatic (GPU if available)</source>
        <translation>Automatisch (GPU, falls verfügbar)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="47"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="48"/>
        <source>CUDA: %1</source>
        <translation>CUDA: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="50"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="51"/>
        <source>all %1 cores</source>
        <translation>alle %1 Kerne</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="52"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="53"/>
        <source>model default (112 MSE, 64 GAN)</source>
        <translation>Modellstandard (112 MSE, 64 GAN)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="54"/>
        <source>Tile size (input pixels)</source>
        <translation>Kachelgröße (Eingabepixel)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="56"/>
        <source>Tile overlap</source>
        <translation>Kachelüberlappung</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="58"/>
        <source>Temporal window (frames)</source>
        <translation>Zeitfenster (Frames)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="60"/>
        <source>Window overlap (frames)</source>
        <translation>Fensterüberlappung (Frames)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="63"/>
        <source>MSE (faithful)</source>
        <translation>MSE (originalgetreu)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="64"/>
        <source>GAN (sharp)</source>
        <translation>GAN (scharf)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="66"/>
        <source>Model for new jobs</source>
        <translation>Modell für neue Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="70"/>
        <source>Preset for new jobs</source>
        <translation>Voreinstellung für neue Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="74"/>
        <source>beside each source</source>
        <translation>neben der jeweiligen Quelldatei</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="75"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="77"/>
        <location filename="../ui/settings_dialog.cpp" line="82"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="84"/>
        <source>{name} is the source file name without its extension</source>
        <translation>{name} ist der Name der Quelldatei ohne Erweiterung</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="85"/>
        <source>Output name</source>
        <translation>Ausgabename</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="87"/>
        <source>Jobs at a time</source>
        <translation>Gleichzeitige Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="88"/>
        <source>Quit when the queue is done</source>
        <translation>Beenden, wenn die Warteschlange abgeschlossen ist</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="92"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="95"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
</TS>
