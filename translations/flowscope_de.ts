<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../ui/commandline.cpp" line="12"/>
        <source>Run, watch and debug workflows and agent swarms.</source>
        <translation>Workflows und Agenten-Schwärme ausführen, beobachten und debuggen.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="16"/>
        <source>Run the engine and its HTTP endpoint without a window.</source>
        <translation>Engine und HTTP-Endpunkt ohne Fenster ausführen.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="18"/>
        <source>Serve the HTTP endpoint on HOST:PORT.</source>
        <translation>Den HTTP-Endpunkt auf HOST:PORT anbieten.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="21"/>
        <source>Load a flow file (may be given more than once).</source>
        <translation>Eine Flow-Datei laden (mehrfach möglich).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="23"/>
        <source>Register the demo flows.</source>
        <translation>Die Demo-Flows registrieren.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="25"/>
        <source>Number of agents in the shared pool.</source>
        <translation>Anzahl der Agenten im gemeinsamen Pool.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="27"/>
        <source>Start with event monitoring off.</source>
        <translation>Mit ausgeschalteter Ereignisüberwachung starten.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="29"/>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Oberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="40"/>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="56"/>
        <source>Invalid --listen value: %1</source>
        <translation>Ungültiger Wert für --listen: %1</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="65"/>
        <source>Invalid --workers value &quot;%1&quot;: expected a number from 1 to 1024.</source>
        <translation>Ungültiger Wert für --workers „%1“: erwartet wird eine Zahl von 1 bis 1024.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="79"/>
        <source>&quot;%1&quot; is not HOST:PORT (for example 127.0.0.1:8765).</source>
        <translation>„%1“ hat nicht die Form HOST:PORT (zum Beispiel 127.0.0.1:8765).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="89"/>
        <source>&quot;%1&quot; has no valid port (0 to 65535).</source>
        <translation>„%1“ enthält keinen gültigen Port (0 bis 65535).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="97"/>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../ui/eventtext.cpp" line="54"/>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="56"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="58"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="60"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="62"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="64"/>
        <source>Slot / Event</source>
        <translation>Slot / Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="66"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="68"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="70"/>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="111"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="113"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="114"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>flowscope::AgentTableModel</name>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="18"/>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="20"/>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="22"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="32"/>
        <source>Serves the shared pool</source>
        <translation>Bedient den gemeinsamen Pool</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="32"/>
        <source>Bound to its routines</source>
        <translation>An seine Routinen gebunden</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="61"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="63"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="65"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="67"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="69"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>flowscope::EngineStatusBar</name>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="17"/>
        <source>Events per second published by the engine</source>
        <translation>Von der Engine veröffentlichte Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="18"/>
        <source>Events this console lost because it could not keep up</source>
        <translation>Ereignisse, die diese Konsole verloren hat, weil sie nicht mithalten konnte</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="25"/>
        <location filename="../ui/enginestatusbar.cpp" line="48"/>
        <source>%L1 events/s</source>
        <translation>%L1 Ereignisse/s</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="26"/>
        <location filename="../ui/enginestatusbar.cpp" line="49"/>
        <source>%L1 dropped</source>
        <translation>%L1 verworfen</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="32"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="35"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="38"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="55"/>
        <source>Serving %1</source>
        <translation>Bereitgestellt unter %1</translation>
    </message>
</context>
<context>
    <name>flowscope::EventLogView</name>
    <message>
        <location filename="../ui/eventlogview.cpp" line="45"/>
        <location filename="../ui/eventlogview.cpp" line="139"/>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="46"/>
        <source>Event types to show</source>
        <translation>Anzuzeigende Ereignistypen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="49"/>
        <source>Show all types</source>
        <translation>Alle Typen anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="50"/>
        <source>Hide all types</source>
        <translation>Alle Typen ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="63"/>
        <source>Show only the events of this agent</source>
        <translation>Nur die Ereignisse dieses Agenten anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="64"/>
        <source>Show only the events of this routine</source>
        <translation>Nur die Ereignisse dieser Routine anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="65"/>
        <source>Filter text…</source>
        <translation>Text filtern…</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="76"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="77"/>
        <source>Forget the events shown so far</source>
        <translation>Die bisher angezeigten Ereignisse verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="139"/>
        <source>Types (filtered)</source>
        <translation>Typen (gefiltert)</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="154"/>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="155"/>
        <source>All routines</source>
        <translation>Alle Routinen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="159"/>
        <source>%L1 of %L2 events</source>
        <translation>%L1 von %L2 Ereignissen</translation>
    </message>
</context>
<context>
    <name>flowscope::FlowListWidget</name>
    <message>
        <location filename="../ui/flowlistwidget.cpp" line="23"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/flowlistwidget.cpp" line="24"/>
        <source>%n routine(s)</source>
        <translation>
            <numerusform>%n Routine</numerusform>
            <numerusform>%n Routinen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::JobTableModel</name>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="17"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="18"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="42"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="44"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="46"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="48"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="50"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="52"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="108"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="110"/>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="112"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="114"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="116"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="118"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="120"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>flowscope::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="58"/>
        <source>Flowscope — %1</source>
        <translation>Flowscope — %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="99"/>
        <source>&amp;Open Flow…</source>
        <translation>Flow ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <source>Load a flow file into the engine</source>
        <translation>Eine Flow-Datei in die Engine laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="104"/>
        <source>&amp;Start Job</source>
        <translation>Job &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>Start a job of the selected flow</source>
        <translation>Einen Job des ausgewählten Flows starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="109"/>
        <source>Start Job with &amp;Parameters…</source>
        <translation>Job mit &amp;Parametern starten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="114"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="116"/>
        <source>Pause the selected job</source>
        <translation>Den ausgewählten Job pausieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="119"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>Resume the selected job</source>
        <translation>Den ausgewählten Job fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>Cancel the selected job</source>
        <translation>Den ausgewählten Job abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="129"/>
        <source>&amp;Monitoring</source>
        <translation>&amp;Überwachung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>Record routine events (off: only job events, for speed)</source>
        <translation>Routine-Ereignisse aufzeichnen (aus: nur Job-Ereignisse, schneller)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="135"/>
        <source>&amp;Serve on Network…</source>
        <translation>Im &amp;Netzwerk anbieten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="136"/>
        <source>Offer this engine over HTTP</source>
        <translation>Diese Engine über HTTP anbieten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="154"/>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>Event Log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="167"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172"/>
        <source>&amp;Job</source>
        <translation>&amp;Job</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>&amp;Demos</source>
        <translation>&amp;Demos</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="189"/>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="193"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="198"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>&amp;About Flowscope</source>
        <translation>Ü&amp;ber Flowscope</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="202"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="213"/>
        <source>Demos</source>
        <translation>Demos</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="214"/>
        <source>Start a demo flow</source>
        <translation>Einen Demo-Flow starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="231"/>
        <source>Flow %1 added</source>
        <translation>Flow %1 hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="237"/>
        <source>Started job %1 of %2</source>
        <translation>Job %1 von %2 gestartet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="291"/>
        <source>Open Flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="292"/>
        <source>Flow files (*.json);;All files (*)</source>
        <translation>Flow-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="318"/>
        <source>Serving is not available for this engine.</source>
        <translation>Diese Engine kann nicht im Netzwerk angeboten werden.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="324"/>
        <source>Serve on Network</source>
        <translation>Im Netzwerk anbieten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="324"/>
        <source>Listen on (host:port):</source>
        <translation>Lauschen auf (Host:Port):</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="336"/>
        <source>Starting endpoint on %1…</source>
        <translation>Starte Endpunkt auf %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="342"/>
        <source>Endpoint listening on %1</source>
        <translation>Endpunkt lauscht auf %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="347"/>
        <source>Endpoint failed: %1</source>
        <translation>Endpunkt fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="353"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="358"/>
        <source>About Flowscope</source>
        <translation>Über Flowscope</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="359"/>
        <source>&lt;h3&gt;Flowscope %1&lt;/h3&gt;&lt;p&gt;Run, watch and debug workflows and agent swarms.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Flowscope %1&lt;/h3&gt;&lt;p&gt;Workflows und Agenten-Schwärme ausführen, beobachten und debuggen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="372"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
</context>
<context>
    <name>flowscope::StartJobDialog</name>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="22"/>
        <source>Start Job of %1</source>
        <translation>Job von %1 starten</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="23"/>
        <source>routine.slot</source>
        <translation>routine.slot</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="24"/>
        <source>Where the job starts, as routine.slot; empty: the flow&apos;s entry</source>
        <translation>Wo der Job beginnt, als routine.slot; leer: der Einstieg des Flows</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="35"/>
        <source>&amp;Entry:</source>
        <translation>&amp;Einstieg:</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="36"/>
        <source>&amp;Parameters (JSON):</source>
        <translation>&amp;Parameter (JSON):</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="39"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="62"/>
        <source>Parameters are not valid JSON: %1 (at character %2).</source>
        <translation>Die Parameter sind kein gültiges JSON: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="68"/>
        <source>Parameters must be a JSON object, like {&quot;name&quot;: 1}.</source>
        <translation>Die Parameter müssen ein JSON-Objekt sein, etwa {&quot;name&quot;: 1}.</translation>
    </message>
</context>
</TS>
