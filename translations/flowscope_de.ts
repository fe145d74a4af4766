<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../ui/commandline.cpp" line="13"/>
        <source>Run, watch and debug workflows and agent swarms.</source>
        <translation>Workflows und Agenten-Schwärme ausführen, beobachten und debuggen.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="17"/>
        <source>Run the engine and its HTTP endpoint without a window.</source>
        <translation>Engine und HTTP-Endpunkt ohne Fenster ausführen.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="19"/>
        <source>Serve the HTTP endpoint on HOST:PORT.</source>
        <translation>Den HTTP-Endpunkt auf HOST:PORT anbieten.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="22"/>
        <source>Load a flow file (may be given more than once).</source>
        <translation>Eine Flow-Datei laden (mehrfach möglich).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="24"/>
        <source>Register the demo flows.</source>
        <translation>Die Demo-Flows registrieren.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="26"/>
        <source>Number of agents in the shared pool.</source>
        <translation>Anzahl der Agenten im gemeinsamen Pool.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="28"/>
        <source>Start with event monitoring off.</source>
        <translation>Mit ausgeschalteter Ereignisüberwachung starten.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="31"/>
        <source>Finished jobs kept queryable (default %1).</source>
        <translation>Beendete Jobs, die abfragbar bleiben (Vorgabe %1).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="35"/>
        <source>Seconds a finished job stays queryable (default %1).</source>
        <translation>Sekunden, die ein beendeter Job abfragbar bleibt (Vorgabe %1).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="40"/>
        <source>Events the engine keeps for traces (default %1).</source>
        <translation>Ereignisse, die die Engine für Traces aufbewahrt (Vorgabe %1).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="43"/>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Oberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="47"/>
        <source>Journal file (SQLite) for events, metrics, alerts and checkpoints. The console uses one in the user&apos;s data folder by default.</source>
        <translation>Journal-Datei (SQLite) für Ereignisse, Metriken, Alarme und Checkpoints. Die Konsole verwendet standardmäßig eine im Datenordner des Benutzers.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="50"/>
        <source>Keep no journal.</source>
        <translation>Kein Journal führen.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="53"/>
        <source>Milliseconds between agent heartbeats (default %1).</source>
        <translation>Millisekunden zwischen Heartbeats der Agenten (Vorgabe %1).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="58"/>
        <source>Heartbeat intervals of silence after which an agent is failed (default %1).</source>
        <translation>Heartbeat-Intervalle ohne Lebenszeichen, nach denen ein Agent als ausgefallen gilt (Vorgabe %1).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="63"/>
        <source>Milliseconds between checkpoints of running jobs (default %1).</source>
        <translation>Millisekunden zwischen Checkpoints laufender Jobs (Vorgabe %1).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="68"/>
        <source>Days the journal keeps events, metrics and alerts (default %1).</source>
        <translation>Tage, die das Journal Ereignisse, Metriken und Alarme aufbewahrt (Vorgabe %1).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="73"/>
        <source>Token that may watch and drive the endpoint (better: the FLOWSCOPE_TOKEN environment variable, which other users cannot see). Required to listen beyond loopback.</source>
        <translation>Token, das den Endpunkt beobachten und steuern darf (besser: die Umgebungsvariable FLOWSCOPE_TOKEN, die andere Benutzer nicht sehen). Nötig, um über Loopback hinaus zu lauschen.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="78"/>
        <source>Token that may only watch the endpoint (or FLOWSCOPE_READ_TOKEN).</source>
        <translation>Token, das den Endpunkt nur beobachten darf (oder FLOWSCOPE_READ_TOKEN).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="81"/>
        <source>Serve HTTPS with this PEM certificate (chain).</source>
        <translation>HTTPS mit diesem PEM-Zertifikat (Kette) anbieten.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="84"/>
        <source>The PEM private key of --tls-cert.</source>
        <translation>Der private PEM-Schlüssel zu --tls-cert.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="98"/>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="112"/>
        <source>--db and --no-db exclude each other.</source>
        <translation>--db und --no-db schließen einander aus.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="120"/>
        <source>Invalid --listen value: %1</source>
        <translation>Ungültiger Wert für --listen: %1</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="134"/>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert und --tls-key gehören zusammen.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="138"/>
        <source>The read-only token must differ from the control token.</source>
        <translation>Das Nur-Lese-Token muss sich vom Steuer-Token unterscheiden.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="149"/>
        <source>Invalid --%1 value &quot;%2&quot;: expected a number from %3 to %4.</source>
        <translation>Ungültiger Wert für --%1 „%2“: erwartet wird eine Zahl von %3 bis %4.</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="177"/>
        <source>&quot;%1&quot; is not HOST:PORT (for example 127.0.0.1:8765).</source>
        <translation>„%1“ hat nicht die Form HOST:PORT (zum Beispiel 127.0.0.1:8765).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="187"/>
        <source>&quot;%1&quot; has no valid port (0 to 65535).</source>
        <translation>„%1“ enthält keinen gültigen Port (0 bis 65535).</translation>
    </message>
    <message>
        <location filename="../ui/commandline.cpp" line="195"/>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Invalid --lang value &quot;%1&quot;: the interface speaks %2.</source>
        <translation>Ungültiger Wert für --lang „%1“: die Oberfläche spricht %2.</translation>
    </message>
</context>
<context>
    <name>EngineProfile</name>
    <message>
        <location filename="../ui/engineprofile.cpp" line="23"/>
        <source>Enter the engine&apos;s address, for example http://127.0.0.1:8765.</source>
        <translation>Geben Sie die Adresse der Engine ein, zum Beispiel http://127.0.0.1:8765.</translation>
    </message>
    <message>
        <location filename="../ui/engineprofile.cpp" line="28"/>
        <source>“%1” is not a valid URL: %2</source>
        <translation>„%1“ ist keine gültige URL: %2</translation>
    </message>
    <message>
        <location filename="../ui/engineprofile.cpp" line="33"/>
        <source>“%1” is not an engine URL: it must start with http://, https://, ws:// or wss://, not %2://.</source>
        <translation>„%1“ ist keine Engine-URL: Sie muss mit http://, https://, ws:// oder wss:// beginnen, nicht mit %2://.</translation>
    </message>
    <message>
        <location filename="../ui/engineprofile.cpp" line="37"/>
        <source>“%1” has no host name.</source>
        <translation>„%1“ enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <location filename="../ui/engineprofile.cpp" line="39"/>
        <source>“%1” has a user name in it: give the token in its own field.</source>
        <translation>„%1“ enthält einen Benutzernamen: Geben Sie das Token in seinem eigenen Feld an.</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../ui/eventtext.cpp" line="58"/>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="60"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="62"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="64"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="66"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="68"/>
        <source>Slot / Event</source>
        <translation>Slot / Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="70"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="72"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="74"/>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="120"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="122"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/eventtext.cpp" line="123"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>RoutineNodeItem</name>
    <message>
        <location filename="../ui/routinenodeitem.cpp" line="38"/>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
</context>
<context>
    <name>flowscope</name>
    <message>
        <source>Writes a job&apos;s trace from a journal in the Chrome Trace Event Format.</source>
        <translation>Schreibt den Trace eines Jobs aus einem Journal im Chrome-Trace-Event-Format.</translation>
    </message>
    <message>
        <source>Job id.</source>
        <translation>Job-ID.</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>Writes a health report from a journal.</source>
        <translation>Schreibt einen Zustandsbericht aus einem Journal.</translation>
    </message>
    <message>
        <source>md, json, html or pdf (default: from --out, else md).</source>
        <translation>md, json, html oder pdf (Vorgabe: nach --out, sonst md).</translation>
    </message>
    <message>
        <source>Hours of alerts and metrics (default 24).</source>
        <translation>Stunden an Alarmen und Metriken (Vorgabe 24).</translation>
    </message>
    <message>
        <source>Journal file.</source>
        <translation>Journal-Datei.</translation>
    </message>
    <message>
        <source>Output file (default: standard output).</source>
        <translation>Ausgabedatei (Vorgabe: Standardausgabe).</translation>
    </message>
</context>
<context>
    <name>flowscope::AboutDialog</name>
    <message>
        <source>About Flowscope</source>
        <translation>Über Flowscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Flowscope %1&lt;/h3&gt;&lt;p&gt;Run, watch and debug workflows and agent swarms.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Flowscope %1&lt;/h3&gt;&lt;p&gt;Workflows und Agenten-Schwärme ausführen, beobachten und debuggen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erstellt mit Qt %1, läuft mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No license has been chosen for Flowscope yet.</source>
        <translation>Für Flowscope wurde noch keine Lizenz gewählt.</translation>
    </message>
    <message>
        <source>License: %1.</source>
        <translation>Lizenz: %1.</translation>
    </message>
    <message>
        <source>Qt is used under the GNU LGPL version 3.</source>
        <translation>Qt wird unter der GNU LGPL Version 3 verwendet.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Documentation: %1 · %2 · %3 · %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dokumentation: %1 · %2 · %3 · %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Debugging</source>
        <translation>Debuggen</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>flowscope::AgentHealthModel</name>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="19"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="56"/>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="58"/>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="60"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="62"/>
        <source>Failed</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="70"/>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="72"/>
        <source>silent: idle but not beating</source>
        <translation>stumm: untätig, aber ohne Heartbeat</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="79"/>
        <source>an activation</source>
        <translation>einer Aktivierung</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="80"/>
        <source>stuck in %1 for %2</source>
        <translation>hängt seit %2 in %1</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="112"/>
        <source>pid %1 on %2, %3 beats</source>
        <translation>PID %1 auf %2, %3 Heartbeats</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="138"/>
        <source>%1 / %2 %</source>
        <translation>%1 / %2 %</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="153"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="155"/>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="157"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="159"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="161"/>
        <source>Done / errors</source>
        <translation>Erledigt / Fehler</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="163"/>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="165"/>
        <source>Throughput (60 s)</source>
        <translation>Durchsatz (60 s)</translation>
    </message>
</context>
<context>
    <name>flowscope::AgentTableModel</name>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="21"/>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="23"/>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="25"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="27"/>
        <source>Waiting (job paused)</source>
        <translation>Wartet (Job pausiert)</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="38"/>
        <source>Serves the shared pool</source>
        <translation>Bedient den gemeinsamen Pool</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="38"/>
        <source>Bound to its routines</source>
        <translation>An seine Routinen gebunden</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="68"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="70"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="72"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="74"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="76"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>flowscope::AlertLogModel</name>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="63"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="65"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="67"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="126"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="128"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="130"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="132"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>flowscope::BreakpointController</name>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="43"/>
        <source>Delete Breakpoint</source>
        <translation>Haltepunkt löschen</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="216"/>
        <source>Could not save the breakpoints of %1</source>
        <translation>Die Haltepunkte von %1 konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="230"/>
        <source>Add Breakpoint</source>
        <translation>Haltepunkt hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="249"/>
        <source>Edit Condition…</source>
        <translation>Bedingung bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="250"/>
        <source>Hit Condition…</source>
        <translation>Trefferbedingung…</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="251"/>
        <source>Log Message…</source>
        <translation>Protokollmeldung…</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="253"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="253"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="257"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="269"/>
        <source>Stop only when this JavaScript is true (data, vars, job):</source>
        <translation>Nur anhalten, wenn dieses JavaScript wahr ist (data, vars, job):</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="273"/>
        <source>Act on these hits (&quot;== 3&quot;, &quot;&gt;= 3&quot;, &quot;% 3&quot;; empty: all):</source>
        <translation>Bei diesen Treffern auslösen („== 3“, „&gt;= 3“, „% 3“; leer: alle):</translation>
    </message>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="277"/>
        <source>Log this instead of stopping ({expression} parts are evaluated; empty: stop):</source>
        <translation>Dies protokollieren statt anzuhalten ({Ausdruck}-Teile werden ausgewertet; leer: anhalten):</translation>
    </message>
</context>
<context>
    <name>flowscope::BreakpointModel</name>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="35"/>
        <source>%1.%2 (slot)</source>
        <translation>%1.%2 (Slot)</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="38"/>
        <source>%1.%2 (event)</source>
        <translation>%1.%2 (Ereignis)</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="43"/>
        <source>[job %1]</source>
        <translation>[Job %1]</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="55"/>
        <source>Logpoint %1</source>
        <translation>Protokollpunkt %1</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="55"/>
        <source>Breakpoint %1</source>
        <translation>Haltepunkt %1</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="102"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="104"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="106"/>
        <source>Hit condition</source>
        <translation>Trefferbedingung</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="108"/>
        <source>Log message</source>
        <translation>Protokollmeldung</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="110"/>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="112"/>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="114"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>flowscope::CheckpointTableModel</name>
    <message>
        <location filename="../ui/checkpointtablemodel.cpp" line="37"/>
        <source>Checkpoint %1, %2 activations done</source>
        <translation>Checkpoint %1, %2 Aktivierungen erledigt</translation>
    </message>
    <message>
        <location filename="../ui/checkpointtablemodel.cpp" line="66"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/checkpointtablemodel.cpp" line="68"/>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <location filename="../ui/checkpointtablemodel.cpp" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/checkpointtablemodel.cpp" line="72"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/checkpointtablemodel.cpp" line="74"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
</context>
<context>
    <name>flowscope::CheckpointsDialog</name>
    <message>
        <location filename="../ui/checkpointsdialog.cpp" line="22"/>
        <source>Checkpoints of job %1</source>
        <translation>Checkpoints von Job %1</translation>
    </message>
    <message>
        <location filename="../ui/checkpointsdialog.cpp" line="32"/>
        <source>&amp;Fork…</source>
        <translation>&amp;Abzweigen…</translation>
    </message>
    <message>
        <location filename="../ui/checkpointsdialog.cpp" line="33"/>
        <source>Start a new job from this checkpoint, with edited variables</source>
        <translation>Einen neuen Job ab diesem Checkpoint starten, mit bearbeiteten Variablen</translation>
    </message>
    <message>
        <location filename="../ui/checkpointsdialog.cpp" line="34"/>
        <source>&amp;Resume from Here</source>
        <translation>Ab &amp;hier fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/checkpointsdialog.cpp" line="35"/>
        <source>Run this job on from this checkpoint</source>
        <translation>Diesen Job ab diesem Checkpoint weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../ui/checkpointsdialog.cpp" line="36"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
</context>
<context>
    <name>flowscope::ConnectEngineDialog</name>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="21"/>
        <source>&amp;Keep the token</source>
        <translation>Token &amp;behalten</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="22"/>
        <source>Connect when the console &amp;starts</source>
        <translation>Beim &amp;Start der Konsole verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="28"/>
        <source>Edit Engine Profile</source>
        <translation>Engine-Profil bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="28"/>
        <source>Connect to Engine</source>
        <translation>Mit Engine verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="32"/>
        <source>The engine&apos;s endpoint: http(s)://host:port or ws(s)://host:port</source>
        <translation>Der Endpunkt der Engine: http(s)://host:port oder ws(s)://host:port</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="34"/>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="37"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="38"/>
        <source>The access token the engine was started with, if any</source>
        <translation>Das Zugriffstoken, mit dem die Engine gestartet wurde, falls vorhanden</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="42"/>
        <source>Kept in the system keychain</source>
        <translation>Im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="43"/>
        <source>Kept in the settings file, in plain text</source>
        <translation>In der Einstellungsdatei im Klartext aufbewahrt</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="56"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="58"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="61"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="65"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="65"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="89"/>
        <source>Without a system keychain the token is written unencrypted to %1.</source>
        <translation>Ohne Schlüsselbund des Systems wird das Token unverschlüsselt in %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>flowscope::DebuggerController</name>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="101"/>
        <source>Step &amp;Over</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="102"/>
        <source>Run the stopped activation and everything it causes, then stop</source>
        <translation>Die angehaltene Aktivierung und alles, was sie auslöst, ausführen, dann anhalten</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="103"/>
        <source>Step &amp;Into</source>
        <translation>H&amp;ineinspringen</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="104"/>
        <source>Run the stopped activation and stop at the first one it causes</source>
        <translation>Die angehaltene Aktivierung ausführen und bei der ersten von ihr ausgelösten anhalten</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="105"/>
        <source>Step O&amp;ut</source>
        <translation>He&amp;rausspringen</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="106"/>
        <source>Run until the caller&apos;s activations are done, then stop</source>
        <translation>Ausführen, bis die Aktivierungen des Aufrufers fertig sind, dann anhalten</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="107"/>
        <source>Toggle &amp;Breakpoint</source>
        <translation>&amp;Haltepunkt umschalten</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="108"/>
        <source>Set or clear a breakpoint on the selected routine</source>
        <translation>Einen Haltepunkt auf der ausgewählten Routine setzen oder entfernen</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="124"/>
        <source>Flow Graph</source>
        <translation>Flow-Graph</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="129"/>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="131"/>
        <source>Call Stack</source>
        <translation>Aufrufliste</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="133"/>
        <source>Watches</source>
        <translation>Überwachte Ausdrücke</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="135"/>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="144"/>
        <source>&amp;Debug</source>
        <translation>&amp;Debuggen</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="152"/>
        <source>Debug</source>
        <translation>Debuggen</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="298"/>
        <source>#%1 (not kept)</source>
        <translation>#%1 (nicht aufbewahrt)</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="308"/>
        <source>breakpoint %1</source>
        <translation>Haltepunkt %1</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="310"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="312"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="313"/>
        <source>Job %1 stopped at %2.%3 (%4)</source>
        <translation>Job %1 angehalten bei %2.%3 (%4)</translation>
    </message>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="348"/>
        <source>Select a routine in the flow graph first</source>
        <translation>Zuerst eine Routine im Flow-Graphen auswählen</translation>
    </message>
</context>
<context>
    <name>flowscope::DisconnectedClient</name>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="15"/>
        <location filename="../ui/disconnectedclient.cpp" line="84"/>
        <source>not connected to %1</source>
        <translation>nicht mit %1 verbunden</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="21"/>
        <location filename="../ui/disconnectedclient.cpp" line="26"/>
        <source>Add flow</source>
        <translation>Flow hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="31"/>
        <source>Start job</source>
        <translation>Job starten</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="36"/>
        <source>Pause job</source>
        <translation>Job anhalten</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="41"/>
        <source>Continue job</source>
        <translation>Job fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="46"/>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="51"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="56"/>
        <location filename="../ui/disconnectedclient.cpp" line="61"/>
        <location filename="../ui/disconnectedclient.cpp" line="66"/>
        <source>Breakpoint</source>
        <translation>Haltepunkt</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="71"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="76"/>
        <source>Set variable</source>
        <translation>Variable setzen</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="91"/>
        <source>Resume job</source>
        <translation>Job wiederaufnehmen</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="96"/>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint wiederaufnehmen</translation>
    </message>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="101"/>
        <source>Fork job</source>
        <translation>Job abzweigen</translation>
    </message>
</context>
<context>
    <name>flowscope::EngineList</name>
    <message>
        <location filename="../ui/enginelist.cpp" line="42"/>
        <source>This console cannot connect to other engines.</source>
        <translation>Diese Konsole kann sich nicht mit anderen Engines verbinden.</translation>
    </message>
</context>
<context>
    <name>flowscope::EngineProfileController</name>
    <message>
        <location filename="../ui/engineprofilecontroller.cpp" line="41"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::EngineStatusBar</name>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="18"/>
        <source>Events per second published by the engine</source>
        <translation>Von der Engine veröffentlichte Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="19"/>
        <source>Events this console lost because it could not keep up</source>
        <translation>Ereignisse, die diese Konsole verloren hat, weil sie nicht mithalten konnte</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="26"/>
        <location filename="../ui/enginestatusbar.cpp" line="57"/>
        <source>%L1 events/s</source>
        <translation>%L1 Ereignisse/s</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="27"/>
        <location filename="../ui/enginestatusbar.cpp" line="58"/>
        <source>%L1 dropped</source>
        <translation>%L1 verworfen</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="34"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="37"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="40"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="65"/>
        <source>Serving %1</source>
        <translation>Bereitgestellt unter %1</translation>
    </message>
</context>
<context>
    <name>flowscope::EnginesView</name>
    <message>
        <location filename="../ui/enginesview.cpp" line="47"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="47"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="47"/>
        <source>Events/s</source>
        <translation>Ereignisse/s</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="47"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="93"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="95"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="99"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="99"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="126"/>
        <source>The engine running in this process</source>
        <translation>Die Engine, die in diesem Prozess läuft</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="141"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="145"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="149"/>
        <source>&amp;Edit Profile…</source>
        <translation>Profil &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/enginesview.cpp" line="155"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>flowscope::EventLogView</name>
    <message>
        <location filename="../ui/eventlogview.cpp" line="47"/>
        <location filename="../ui/eventlogview.cpp" line="162"/>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="48"/>
        <source>Event types to show</source>
        <translation>Anzuzeigende Ereignistypen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="51"/>
        <source>Show all types</source>
        <translation>Alle Typen anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="52"/>
        <source>Hide all types</source>
        <translation>Alle Typen ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="65"/>
        <source>Show only the events of this agent</source>
        <translation>Nur die Ereignisse dieses Agenten anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="66"/>
        <source>Show only the events of this routine</source>
        <translation>Nur die Ereignisse dieser Routine anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="67"/>
        <source>Filter text…</source>
        <translation>Text filtern…</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="78"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="79"/>
        <source>Forget the events shown so far</source>
        <translation>Die bisher angezeigten Ereignisse verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="162"/>
        <source>Types (filtered)</source>
        <translation>Typen (gefiltert)</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="179"/>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="180"/>
        <source>All routines</source>
        <translation>Alle Routinen</translation>
    </message>
    <message>
        <location filename="../ui/eventlogview.cpp" line="185"/>
        <source>%L1 of %L2 events</source>
        <translation>%L1 von %L2 Ereignissen</translation>
    </message>
</context>
<context>
    <name>flowscope::FlowListWidget</name>
    <message>
        <location filename="../ui/flowlistwidget.cpp" line="27"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/flowlistwidget.cpp" line="28"/>
        <source>%n routine(s)</source>
        <translation>
            <numerusform>%n Routine</numerusform>
            <numerusform>%n Routinen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::ForkJobDialog</name>
    <message>
        <location filename="../ui/forkjobdialog.cpp" line="21"/>
        <source>Fork Job</source>
        <translation>Job abzweigen</translation>
    </message>
    <message>
        <location filename="../ui/forkjobdialog.cpp" line="32"/>
        <source>&amp;Fork</source>
        <translation>&amp;Abzweigen</translation>
    </message>
    <message>
        <location filename="../ui/forkjobdialog.cpp" line="37"/>
        <source>Job variables of the new job (a JSON object):</source>
        <translation>Job-Variablen des neuen Jobs (ein JSON-Objekt):</translation>
    </message>
    <message>
        <location filename="../ui/forkjobdialog.cpp" line="58"/>
        <source>Not valid JSON: %1 at line %2, column %3.</source>
        <translation>Kein gültiges JSON: %1 in Zeile %2, Spalte %3.</translation>
    </message>
    <message>
        <location filename="../ui/forkjobdialog.cpp" line="65"/>
        <source>The variables must be a JSON object, like {&quot;name&quot;: 1}.</source>
        <translation>Die Variablen müssen ein JSON-Objekt sein, etwa {&quot;name&quot;: 1}.</translation>
    </message>
</context>
<context>
    <name>flowscope::HealthController</name>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="89"/>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="92"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="94"/>
        <source>Interrupted Jobs</source>
        <translation>Unterbrochene Jobs</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="130"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="135"/>
        <source>Flowscope</source>
        <translation>Flowscope</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="138"/>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="145"/>
        <location filename="../ui/healthcontroller.cpp" line="167"/>
        <source>Export Health Report</source>
        <translation>Zustandsbericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="156"/>
        <source>Exporting health report to %1…</source>
        <translation>Zustandsbericht wird nach %1 exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="165"/>
        <source>Health report written to %1</source>
        <translation>Zustandsbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="166"/>
        <source>Could not write the health report to %1: %2</source>
        <translation>Der Zustandsbericht konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::HealthReportExporter</name>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="35"/>
        <source>the engine was switched before its metrics arrived</source>
        <translation>die Engine wurde gewechselt, bevor ihre Metriken eintrafen</translation>
    </message>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="44"/>
        <source>the connection to the engine was lost</source>
        <translation>die Verbindung zur Engine ist verloren gegangen</translation>
    </message>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="57"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="57"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="57"/>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="58"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="81"/>
        <source>the console is not connected to %1</source>
        <translation>die Konsole ist nicht mit %1 verbunden</translation>
    </message>
</context>
<context>
    <name>flowscope::InProcessClient</name>
    <message>
        <source>In-process engine</source>
        <translation>Engine in diesem Prozess</translation>
    </message>
    <message>
        <source>Open flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <source>Add flow</source>
        <translation>Flow hinzufügen</translation>
    </message>
    <message>
        <source>Start job</source>
        <translation>Job starten</translation>
    </message>
    <message>
        <source>Pause job</source>
        <translation>Job pausieren</translation>
    </message>
    <message>
        <source>Resume job</source>
        <translation>Job wiederaufnehmen</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <source>Add breakpoint</source>
        <translation>Haltepunkt setzen</translation>
    </message>
    <message>
        <source>Remove breakpoint</source>
        <translation>Haltepunkt entfernen</translation>
    </message>
    <message>
        <source>Enable breakpoint</source>
        <translation>Haltepunkt aktivieren</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Set variable</source>
        <translation>Variable setzen</translation>
    </message>
    <message>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint wiederaufnehmen</translation>
    </message>
    <message>
        <source>Fork job</source>
        <translation>Job abzweigen</translation>
    </message>
</context>
<context>
    <name>flowscope::InterruptedJobsWidget</name>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="22"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="23"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="28"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="28"/>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="28"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="28"/>
        <source>Last update</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="33"/>
        <source>Run the job on from its last checkpoint</source>
        <translation>Den Job ab seinem letzten Checkpoint weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>flowscope::JobTableModel</name>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="18"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="19"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="47"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="49"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="51"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="53"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="55"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="57"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="115"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="117"/>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="119"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="121"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="123"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="125"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="127"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>flowscope::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="119"/>
        <source>Lost the connection to %1</source>
        <translation>Verbindung zu %1 verloren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>Lost the connection to %1: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="127"/>
        <location filename="../ui/mainwindow.cpp" line="159"/>
        <source>Flowscope — %1</source>
        <translation>Flowscope — %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="181"/>
        <source>&amp;Open Flow…</source>
        <translation>Flow ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>Load a flow file into the engine</source>
        <translation>Eine Flow-Datei in die Engine laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="186"/>
        <source>&amp;Start Job</source>
        <translation>Job &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="188"/>
        <source>Start a job of the selected flow</source>
        <translation>Einen Job des ausgewählten Flows starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="191"/>
        <source>Start Job with &amp;Parameters…</source>
        <translation>Job mit &amp;Parametern starten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="196"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="198"/>
        <source>Pause the selected job</source>
        <translation>Den ausgewählten Job pausieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="201"/>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="203"/>
        <source>Continue the selected job</source>
        <translation>Den ausgewählten Job fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="206"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="208"/>
        <source>Cancel the selected job</source>
        <translation>Den ausgewählten Job abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="211"/>
        <source>&amp;Monitoring</source>
        <translation>&amp;Überwachung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="214"/>
        <source>Record routine events (off: only job events, for speed)</source>
        <translation>Routine-Ereignisse aufzeichnen (aus: nur Job-Ereignisse, schneller)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218"/>
        <source>&amp;Connect to Engine…</source>
        <translation>Mit Engine &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="219"/>
        <source>Watch another engine over the network</source>
        <translation>Eine andere Engine über das Netzwerk beobachten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="223"/>
        <source>&amp;Serve on Network…</source>
        <translation>Im &amp;Netzwerk anbieten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="224"/>
        <source>Offer this engine over HTTP</source>
        <translation>Diese Engine über HTTP anbieten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="227"/>
        <source>Check&amp;points…</source>
        <translation>Check&amp;points…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="228"/>
        <source>The selected job&apos;s checkpoints: resume or fork from one</source>
        <translation>Die Checkpoints des ausgewählten Jobs: ab einem fortsetzen oder abzweigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="232"/>
        <source>Export &amp;Health Report…</source>
        <translation>&amp;Zustandsbericht exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="233"/>
        <source>Write agents, alerts and metrics to a report file</source>
        <translation>Agenten, Alarme und Metriken in eine Berichtsdatei schreiben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="236"/>
        <source>Export &amp;Trace…</source>
        <translation>&amp;Trace exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="238"/>
        <source>Write the selected job&apos;s timeline as a Chrome trace (Perfetto, chrome://tracing)</source>
        <translation>Den Zeitverlauf des gewählten Jobs als Chrome-Trace schreiben (Perfetto, chrome://tracing)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="249"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="268"/>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="265"/>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="279"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="280"/>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="281"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="283"/>
        <source>Event Log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="297"/>
        <source>&amp;Job</source>
        <translation>&amp;Job</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="303"/>
        <source>&amp;Demos</source>
        <translation>&amp;Demos</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="306"/>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="314"/>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="320"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="325"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="326"/>
        <source>&amp;About Flowscope</source>
        <translation>Ü&amp;ber Flowscope</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="327"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="329"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="340"/>
        <source>Demos</source>
        <translation>Demos</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="341"/>
        <source>Start a demo flow</source>
        <translation>Einen Demo-Flow starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="360"/>
        <source>Flow %1 added</source>
        <translation>Flow %1 hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="367"/>
        <source>Started job %1 of %2</source>
        <translation>Job %1 von %2 gestartet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="469"/>
        <source>Open Flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="470"/>
        <source>Flow files (*.json);;All files (*)</source>
        <translation>Flow-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="505"/>
        <source>Serving is not available for this engine.</source>
        <translation>Diese Engine kann nicht im Netzwerk angeboten werden.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="515"/>
        <source>Starting endpoint on %1…</source>
        <translation>Starte Endpunkt auf %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="525"/>
        <source>Endpoint listening on %1</source>
        <translation>Endpunkt lauscht auf %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="531"/>
        <source>Endpoint failed: %1</source>
        <translation>Endpunkt fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="538"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="477"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Put every dock and toolbar back where it was at first start</source>
        <translation>Alle Docks und Werkzeugleisten an ihren Platz beim ersten Start zurücklegen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>flowscope::MetricsChart</name>
    <message>
        <location filename="../ui/metricschart.cpp" line="27"/>
        <source>Throughput (/s)</source>
        <translation>Durchsatz (/s)</translation>
    </message>
    <message>
        <location filename="../ui/metricschart.cpp" line="28"/>
        <source>p50 (ms)</source>
        <translation>p50 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/metricschart.cpp" line="29"/>
        <source>p95 (ms)</source>
        <translation>p95 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/metricschart.cpp" line="30"/>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/metricschart.cpp" line="33"/>
        <source>activations/s</source>
        <translation>Aktivierungen/s</translation>
    </message>
    <message>
        <location filename="../ui/metricschart.cpp" line="35"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
</context>
<context>
    <name>flowscope::MetricsDock</name>
    <message>
        <location filename="../ui/metricsdock.cpp" line="41"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location filename="../ui/metricsdock.cpp" line="44"/>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <location filename="../ui/metricsdock.cpp" line="45"/>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <location filename="../ui/metricsdock.cpp" line="55"/>
        <source>Scope:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <location filename="../ui/metricsdock.cpp" line="57"/>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <location filename="../ui/metricsdock.cpp" line="129"/>
        <source>Flow %1</source>
        <translation>Flow %1</translation>
    </message>
    <message>
        <location filename="../ui/metricsdock.cpp" line="132"/>
        <source>  Routine %1</source>
        <translation>  Routine %1</translation>
    </message>
</context>
<context>
    <name>flowscope::RecentFlows</name>
    <message>
        <source>Recent &amp;Flows</source>
        <translation>Zuletzt geöffnete &amp;Flows</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Flows</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>%1 no longer exists and was removed from Recent Flows.</source>
        <translation>%1 existiert nicht mehr und wurde aus den zuletzt geöffneten Flows entfernt.</translation>
    </message>
</context>
<context>
    <name>flowscope::RemoteClient</name>
    <message>
        <source>the engine&apos;s answer did not decode: %1</source>
        <translation>die Antwort der Engine ließ sich nicht dekodieren: %1</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Open flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <source>Add flow</source>
        <translation>Flow hinzufügen</translation>
    </message>
    <message>
        <source>Start job</source>
        <translation>Job starten</translation>
    </message>
    <message>
        <source>Pause job</source>
        <translation>Job pausieren</translation>
    </message>
    <message>
        <source>Resume job</source>
        <translation>Job wiederaufnehmen</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <source>Add breakpoint</source>
        <translation>Haltepunkt setzen</translation>
    </message>
    <message>
        <source>Remove breakpoint</source>
        <translation>Haltepunkt entfernen</translation>
    </message>
    <message>
        <source>Enable breakpoint</source>
        <translation>Haltepunkt aktivieren</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Debug state</source>
        <translation>Debug-Zustand</translation>
    </message>
    <message>
        <source>Set variable</source>
        <translation>Variable setzen</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Interrupted jobs</source>
        <translation>Unterbrochene Jobs</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint wiederaufnehmen</translation>
    </message>
    <message>
        <source>Fork job</source>
        <translation>Job abzweigen</translation>
    </message>
</context>
<context>
    <name>flowscope::RoutineMetricsModel</name>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="32"/>
        <source>%1 Σ%2 (avg %3)</source>
        <translation>%1 Σ%2 (Ø %3)</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="82"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="84"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="86"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="88"/>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="90"/>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="92"/>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="94"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="96"/>
        <source>Max ms</source>
        <translation>Max. ms</translation>
    </message>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="98"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
</context>
<context>
    <name>flowscope::ServeDialog</name>
    <message>
        <location filename="../ui/servedialog.cpp" line="22"/>
        <source>Serve on Network</source>
        <translation>Im Netzwerk anbieten</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="27"/>
        <source>none: only this machine may connect</source>
        <translation>keins: nur dieser Rechner darf sich verbinden</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="28"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="34"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="43"/>
        <source>Listen on (host:port):</source>
        <translation>Lauschen auf (Host:Port):</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="44"/>
        <source>Control token:</source>
        <translation>Steuer-Token:</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="45"/>
        <source>Read-only token:</source>
        <translation>Nur-Lese-Token:</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="46"/>
        <source>Remote consoles and scripts send the token as &quot;Authorization: Bearer &lt;token&gt;&quot;. Addresses other than 127.0.0.1 need a control token.</source>
        <translation>Entfernte Konsolen und Skripte senden das Token als &quot;Authorization: Bearer &lt;Token&gt;&quot;. Andere Adressen als 127.0.0.1 brauchen ein Steuer-Token.</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="83"/>
        <source>Serving on %1 lets other machines drive this engine: give a control token (Generate makes one).</source>
        <translation>Auf %1 anzubieten lässt andere Rechner diese Engine steuern: geben Sie ein Steuer-Token an (Erzeugen legt eines an).</translation>
    </message>
    <message>
        <location filename="../ui/servedialog.cpp" line="87"/>
        <source>The read-only token must differ from the control token.</source>
        <translation>Das Nur-Lese-Token muss sich vom Steuer-Token unterscheiden.</translation>
    </message>
</context>
<context>
    <name>flowscope::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>flowscope::StartJobDialog</name>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="23"/>
        <source>Start Job of %1</source>
        <translation>Job von %1 starten</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="24"/>
        <source>routine.slot</source>
        <translation>routine.slot</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="25"/>
        <source>Where the job starts, as routine.slot; empty: the flow&apos;s entry</source>
        <translation>Wo der Job beginnt, als routine.slot; leer: der Einstieg des Flows</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="36"/>
        <source>&amp;Entry:</source>
        <translation>&amp;Einstieg:</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="37"/>
        <source>&amp;Parameters (JSON):</source>
        <translation>&amp;Parameter (JSON):</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="40"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="65"/>
        <source>Parameters are not valid JSON: %1 (at character %2).</source>
        <translation>Die Parameter sind kein gültiges JSON: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="71"/>
        <source>Parameters must be a JSON object, like {&quot;name&quot;: 1}.</source>
        <translation>Die Parameter müssen ein JSON-Objekt sein, etwa {&quot;name&quot;: 1}.</translation>
    </message>
</context>
<context>
    <name>flowscope::TokenStore</name>
    <message>
        <location filename="../ui/tokenstore.cpp" line="63"/>
        <source>The keychain did not give the token: %1</source>
        <translation>Der Schlüsselbund hat das Token nicht herausgegeben: %1</translation>
    </message>
    <message>
        <location filename="../ui/tokenstore.cpp" line="86"/>
        <source>The keychain did not keep the token: %1</source>
        <translation>Der Schlüsselbund hat das Token nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/tokenstore.cpp" line="105"/>
        <source>The keychain did not forget the token: %1</source>
        <translation>Der Schlüsselbund hat das Token nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>flowscope::TraceExporter</name>
    <message>
        <location filename="../ui/traceexporter.cpp" line="51"/>
        <location filename="../ui/traceexporter.cpp" line="75"/>
        <source>Export Trace</source>
        <translation>Trace exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traceexporter.cpp" line="65"/>
        <source>Exporting %n event(s) of job %1 to %2…</source>
        <translation>
            <numerusform>%n Ereignis von Job %1 wird nach %2 exportiert…</numerusform>
            <numerusform>%n Ereignisse von Job %1 werden nach %2 exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traceexporter.cpp" line="73"/>
        <source>Trace written to %1</source>
        <translation>Trace nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/traceexporter.cpp" line="74"/>
        <source>Could not write the trace to %1: %2</source>
        <translation>Der Trace konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/traceexporter.cpp" line="80"/>
        <source>Chrome trace (*.json)</source>
        <translation>Chrome-Trace (*.json)</translation>
    </message>
</context>
<context>
    <name>flowscope::VariablesModel</name>
    <message>
        <location filename="../ui/variablesmodel.cpp" line="93"/>
        <source>Input data</source>
        <translation>Eingabedaten</translation>
    </message>
    <message>
        <location filename="../ui/variablesmodel.cpp" line="100"/>
        <source>(value)</source>
        <translation>(Wert)</translation>
    </message>
    <message>
        <location filename="../ui/variablesmodel.cpp" line="106"/>
        <source>Routine variables</source>
        <translation>Routinenvariablen</translation>
    </message>
    <message>
        <location filename="../ui/variablesmodel.cpp" line="107"/>
        <source>Job variables</source>
        <translation>Jobvariablen</translation>
    </message>
    <message>
        <location filename="../ui/variablesmodel.cpp" line="200"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/variablesmodel.cpp" line="200"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>flowscope::ViewMenu</name>
    <message>
        <source>Docks</source>
        <translation>Docks</translation>
    </message>
    <message>
        <source>Toolbars</source>
        <translation>Werkzeugleisten</translation>
    </message>
</context>
<context>
    <name>flowscope::WatchesWidget</name>
    <message>
        <location filename="../ui/watcheswidget.cpp" line="20"/>
        <source>Add a watch expression (JavaScript over data, vars, job)…</source>
        <translation>Überwachten Ausdruck hinzufügen (JavaScript über data, vars, job)…</translation>
    </message>
    <message>
        <location filename="../ui/watcheswidget.cpp" line="32"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location filename="../ui/watcheswidget.cpp" line="32"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/watcheswidget.cpp" line="32"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/watcheswidget.cpp" line="37"/>
        <source>Remove Watch</source>
        <translation>Überwachten Ausdruck entfernen</translation>
    </message>
</context>
</TS>
