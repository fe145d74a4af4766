<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../ui/commandline.cpp" line="+15"/>
        <source>Run, watch and debug workflows and agent swarms.</source>
        <translation>Workflows und Agenten-Schwärme ausführen, beobachten und debuggen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run the engine and its HTTP endpoint without a window.</source>
        <translation>Engine und HTTP-Endpunkt ohne Fenster ausführen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve the HTTP endpoint on HOST:PORT.</source>
        <translation>Den HTTP-Endpunkt auf HOST:PORT anbieten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load a flow file (may be given more than once).</source>
        <translation>Eine Flow-Datei laden (mehrfach möglich).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register the demo flows.</source>
        <translation>Die Demo-Flows registrieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of agents in the shared pool.</source>
        <translation>Anzahl der Agenten im gemeinsamen Pool.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start with event monitoring off.</source>
        <translation>Mit ausgeschalteter Ereignisüberwachung starten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finished jobs kept queryable (default %1).</source>
        <translation>Beendete Jobs, die abfragbar bleiben (Vorgabe %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seconds a finished job stays queryable (default %1).</source>
        <translation>Sekunden, die ein beendeter Job abfragbar bleibt (Vorgabe %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Events the engine keeps for traces (default %1).</source>
        <translation>Ereignisse, die die Engine für Traces aufbewahrt (Vorgabe %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events the console keeps per engine (default %L1); beyond it the oldest go.</source>
        <translation>Ereignisse, die die Konsole je Engine behält (Vorgabe %L1); darüber hinaus fallen die ältesten weg.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Oberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Journal file (SQLite) for events, metrics, alerts and checkpoints. The console uses one in the user&apos;s data folder by default.</source>
        <translation>Journal-Datei (SQLite) für Ereignisse, Metriken, Alarme und Checkpoints. Die Konsole verwendet standardmäßig eine im Datenordner des Benutzers.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep no journal.</source>
        <translation>Kein Journal führen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Milliseconds between agent heartbeats (default %1).</source>
        <translation>Millisekunden zwischen Heartbeats der Agenten (Vorgabe %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Heartbeat intervals of silence after which an agent is failed (default %1).</source>
        <translation>Heartbeat-Intervalle ohne Lebenszeichen, nach denen ein Agent als ausgefallen gilt (Vorgabe %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Milliseconds between checkpoints of running jobs (default %1).</source>
        <translation>Millisekunden zwischen Checkpoints laufender Jobs (Vorgabe %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Days the journal keeps events, metrics and alerts (default %1).</source>
        <translation>Tage, die das Journal Ereignisse, Metriken und Alarme aufbewahrt (Vorgabe %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token that may watch and drive the endpoint (better: the FLOWSCOPE_TOKEN environment variable, which other users cannot see). Required to listen beyond loopback.</source>
        <translation>Token, das den Endpunkt beobachten und steuern darf (besser: die Umgebungsvariable FLOWSCOPE_TOKEN, die andere Benutzer nicht sehen). Nötig, um über Loopback hinaus zu lauschen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token that may only watch the endpoint (or FLOWSCOPE_READ_TOKEN).</source>
        <translation>Token, das den Endpunkt nur beobachten darf (oder FLOWSCOPE_READ_TOKEN).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve HTTPS with this PEM certificate (chain).</source>
        <translation>HTTPS mit diesem PEM-Zertifikat (Kette) anbieten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PEM private key of --tls-cert.</source>
        <translation>Der private PEM-Schlüssel zu --tls-cert.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--db and --no-db exclude each other.</source>
        <translation>--db und --no-db schließen einander aus.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid --listen value: %1</source>
        <translation>Ungültiger Wert für --listen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert und --tls-key gehören zusammen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The read-only token must differ from the control token.</source>
        <translation>Das Nur-Lese-Token muss sich vom Steuer-Token unterscheiden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid --%1 value &quot;%2&quot;: expected a number from %3 to %4.</source>
        <translation>Ungültiger Wert für --%1 „%2“: erwartet wird eine Zahl von %3 bis %4.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&quot;%1&quot; is not HOST:PORT (for example 127.0.0.1:8765).</source>
        <translation>„%1“ hat nicht die Form HOST:PORT (zum Beispiel 127.0.0.1:8765).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; has no valid port (0 to 65535).</source>
        <translation>„%1“ enthält keinen gültigen Port (0 bis 65535).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Invalid --lang value &quot;%1&quot;: the interface speaks %2.</source>
        <translation>Ungültiger Wert für --lang „%1“: die Oberfläche spricht %2.</translation>
    </message>
</context>
<context>
    <name>EngineProfile</name>
    <message>
        <location filename="../ui/engineprofile.cpp" line="+23"/>
        <source>Enter the engine&apos;s address, for example http://127.0.0.1:8765.</source>
        <translation>Geben Sie die Adresse der Engine ein, zum Beispiel http://127.0.0.1:8765.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a valid URL: %2</source>
        <translation>„%1“ ist keine gültige URL: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not an engine URL: it must start with http://, https://, ws:// or wss://, not %2://.</source>
        <translation>„%1“ ist keine Engine-URL: Sie muss mit http://, https://, ws:// oder wss:// beginnen, nicht mit %2://.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” has no host name.</source>
        <translation>„%1“ enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” has a user name in it: give the token in its own field.</source>
        <translation>„%1“ enthält einen Benutzernamen: Geben Sie das Token in seinem eigenen Feld an.</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../ui/eventtext.cpp" line="+58"/>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slot / Event</source>
        <translation>Slot / Ereignis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>RoutineNodeItem</name>
    <message>
        <location filename="../ui/routinenodeitem.cpp" line="+43"/>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
</context>
<context>
    <name>TimelineTicks</name>
    <message>
        <location filename="../ui/timelineticks.cpp" line="+83"/>
        <location filename="../ui/timelineviewinput.cpp" line="+118"/>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>flowscope</name>
    <message>
        <location filename="../app/exporttracecommand.cpp" line="+17"/>
        <source>Writes a job&apos;s trace from a journal in the Chrome Trace Event Format.</source>
        <translation>Schreibt den Trace eines Jobs aus einem Journal im Chrome-Trace-Event-Format.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Job id.</source>
        <translation>Job-ID.</translation>
    </message>
    <message>
        <location filename="../app/headlessmode.cpp" line="+53"/>
        <source>Cannot listen on %1: %2</source>
        <translation>Kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <location filename="../app/reportcommand.cpp" line="+21"/>
        <source>Writes a health report from a journal.</source>
        <translation>Schreibt einen Zustandsbericht aus einem Journal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>md, json, html or pdf (default: from --out, else md).</source>
        <translation>md, json, html oder pdf (Vorgabe: nach --out, sonst md).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hours of alerts and metrics (default 24).</source>
        <translation>Stunden an Alarmen und Metriken (Vorgabe 24).</translation>
    </message>
    <message>
        <location filename="../app/subcommandline.cpp" line="+14"/>
        <source>Journal file.</source>
        <translation>Journal-Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output file (default: standard output).</source>
        <translation>Ausgabedatei (Vorgabe: Standardausgabe).</translation>
    </message>
</context>
<context>
    <name>flowscope::AboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="+34"/>
        <source>About Flowscope</source>
        <translation>Über Flowscope</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;Flowscope %1&lt;/h3&gt;&lt;p&gt;Run, watch and debug workflows and agent swarms.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Flowscope %1&lt;/h3&gt;&lt;p&gt;Workflows und Agenten-Schwärme ausführen, beobachten und debuggen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erstellt mit Qt %1, läuft mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No license has been chosen for Flowscope yet.</source>
        <translation>Für Flowscope wurde noch keine Lizenz gewählt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>License: %1.</source>
        <translation>Lizenz: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt is used under the GNU LGPL version 3.</source>
        <translation>Qt wird unter der GNU LGPL Version 3 verwendet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;p&gt;Documentation: %1 · %2 · %3 · %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dokumentation: %1 · %2 · %3 · %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Debugging</source>
        <translation>Debuggen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>flowscope::AgentHealthModel</name>
    <message>
        <location filename="../ui/agenthealthmodel.cpp" line="+19"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>silent: idle but not beating</source>
        <translation>stumm: untätig, aber ohne Heartbeat</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an activation</source>
        <translation>einer Aktivierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stuck in %1 for %2</source>
        <translation>hängt seit %2 in %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>pid %1 on %2, %3 beats</source>
        <translation>PID %1 auf %2, %3 Heartbeats</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 / %2 %</source>
        <translation>%1 / %2 %</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done / errors</source>
        <translation>Erledigt / Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throughput (60 s)</source>
        <translation>Durchsatz (60 s)</translation>
    </message>
</context>
<context>
    <name>flowscope::AgentTableModel</name>
    <message>
        <location filename="../ui/agenttablemodel.cpp" line="+21"/>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting (job paused)</source>
        <translation>Wartet (Job pausiert)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Serves the shared pool</source>
        <translation>Bedient den gemeinsamen Pool</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bound to its routines</source>
        <translation>An seine Routinen gebunden</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>flowscope::AlertLogModel</name>
    <message>
        <location filename="../ui/alertlogmodel.cpp" line="+66"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>flowscope::BreakpointController</name>
    <message>
        <location filename="../ui/breakpointcontroller.cpp" line="+43"/>
        <source>Delete Breakpoint</source>
        <translation>Haltepunkt löschen</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Could not save the breakpoints of %1</source>
        <translation>Die Haltepunkte von %1 konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add Breakpoint</source>
        <translation>Haltepunkt hinzufügen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Edit Condition…</source>
        <translation>Bedingung bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hit Condition…</source>
        <translation>Trefferbedingung…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log Message…</source>
        <translation>Protokollmeldung…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stop only when this JavaScript is true (data, vars, job):</source>
        <translation>Nur anhalten, wenn dieses JavaScript wahr ist (data, vars, job):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Act on these hits (&quot;== 3&quot;, &quot;&gt;= 3&quot;, &quot;% 3&quot;; empty: all):</source>
        <translation>Bei diesen Treffern auslösen („== 3“, „&gt;= 3“, „% 3“; leer: alle):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log this instead of stopping ({expression} parts are evaluated; empty: stop):</source>
        <translation>Dies protokollieren statt anzuhalten ({Ausdruck}-Teile werden ausgewertet; leer: anhalten):</translation>
    </message>
</context>
<context>
    <name>flowscope::BreakpointModel</name>
    <message>
        <location filename="../ui/breakpointmodel.cpp" line="+35"/>
        <source>%1.%2 (slot)</source>
        <translation>%1.%2 (Slot)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1.%2 (event)</source>
        <translation>%1.%2 (Ereignis)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[job %1]</source>
        <translation>[Job %1]</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Logpoint %1</source>
        <translation>Protokollpunkt %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Breakpoint %1</source>
        <translation>Haltepunkt %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hit condition</source>
        <translation>Trefferbedingung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log message</source>
        <translation>Protokollmeldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>flowscope::CheckpointTableModel</name>
    <message>
        <location filename="../ui/checkpointtablemodel.cpp" line="+37"/>
        <source>Checkpoint %1, %2 activations done</source>
        <translation>Checkpoint %1, %2 Aktivierungen erledigt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
</context>
<context>
    <name>flowscope::CheckpointsDialog</name>
    <message>
        <location filename="../ui/checkpointsdialog.cpp" line="+22"/>
        <source>Checkpoints of job %1</source>
        <translation>Checkpoints von Job %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Fork…</source>
        <translation>&amp;Abzweigen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new job from this checkpoint, with edited variables</source>
        <translation>Einen neuen Job ab diesem Checkpoint starten, mit bearbeiteten Variablen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume from Here</source>
        <translation>Ab &amp;hier fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run this job on from this checkpoint</source>
        <translation>Diesen Job ab diesem Checkpoint weiterlaufen lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
</context>
<context>
    <name>flowscope::ConnectEngineDialog</name>
    <message>
        <location filename="../ui/connectenginedialog.cpp" line="+22"/>
        <source>&amp;Keep the token</source>
        <translation>Token &amp;behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect when the console &amp;starts</source>
        <translation>Beim &amp;Start der Konsole verbinden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit Engine Profile</source>
        <translation>Engine-Profil bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connect to Engine</source>
        <translation>Mit Engine verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine&apos;s endpoint: http(s)://host:port or ws(s)://host:port</source>
        <translation>Der Endpunkt der Engine: http(s)://host:port oder ws(s)://host:port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The access token the engine was started with, if any</source>
        <translation>Das Zugriffstoken, mit dem die Engine gestartet wurde, falls vorhanden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept in the system keychain</source>
        <translation>Im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept in the settings file, in plain text</source>
        <translation>In der Einstellungsdatei im Klartext aufbewahrt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Without a system keychain the token is written unencrypted to %1.</source>
        <translation>Ohne Schlüsselbund des Systems wird das Token unverschlüsselt in %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>flowscope::DebuggerController</name>
    <message>
        <location filename="../ui/debuggercontroller.cpp" line="+102"/>
        <source>Step &amp;Over</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the stopped activation and everything it causes, then stop</source>
        <translation>Die angehaltene Aktivierung und alles, was sie auslöst, ausführen, dann anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;Into</source>
        <translation>H&amp;ineinspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the stopped activation and stop at the first one it causes</source>
        <translation>Die angehaltene Aktivierung ausführen und bei der ersten von ihr ausgelösten anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step O&amp;ut</source>
        <translation>He&amp;rausspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until the caller&apos;s activations are done, then stop</source>
        <translation>Ausführen, bis die Aktivierungen des Aufrufers fertig sind, dann anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toggle &amp;Breakpoint</source>
        <translation>&amp;Haltepunkt umschalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set or clear a breakpoint on the selected routine</source>
        <translation>Einen Haltepunkt auf der ausgewählten Routine setzen oder entfernen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Flow Graph</source>
        <translation>Flow-Graph</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call Stack</source>
        <translation>Aufrufliste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watches</source>
        <translation>Überwachte Ausdrücke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Debug</source>
        <translation>&amp;Debuggen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Debug</source>
        <translation>Debuggen</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>#%1 (not kept)</source>
        <translation>#%1 (nicht aufbewahrt)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>breakpoint %1</source>
        <translation>Haltepunkt %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job %1 stopped at %2.%3 (%4)</source>
        <translation>Job %1 angehalten bei %2.%3 (%4)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Select a routine in the flow graph first</source>
        <translation>Zuerst eine Routine im Flow-Graphen auswählen</translation>
    </message>
</context>
<context>
    <name>flowscope::DisconnectedClient</name>
    <message>
        <location filename="../ui/disconnectedclient.cpp" line="+15"/>
        <location line="+69"/>
        <source>not connected to %1</source>
        <translation>nicht mit %1 verbunden</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+5"/>
        <source>Add flow</source>
        <translation>Flow hinzufügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start job</source>
        <translation>Job starten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause job</source>
        <translation>Job anhalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Continue job</source>
        <translation>Job fortsetzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <location line="+5"/>
        <source>Breakpoint</source>
        <translation>Haltepunkt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set variable</source>
        <translation>Variable setzen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Resume job</source>
        <translation>Job wiederaufnehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint wiederaufnehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fork job</source>
        <translation>Job abzweigen</translation>
    </message>
</context>
<context>
    <name>flowscope::EngineList</name>
    <message>
        <location filename="../ui/enginelist.cpp" line="+42"/>
        <source>This console cannot connect to other engines.</source>
        <translation>Diese Konsole kann sich nicht mit anderen Engines verbinden.</translation>
    </message>
</context>
<context>
    <name>flowscope::EngineProfileController</name>
    <message>
        <location filename="../ui/engineprofilecontroller.cpp" line="+41"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::EngineStatusBar</name>
    <message>
        <location filename="../ui/enginestatusbar.cpp" line="+20"/>
        <source>Events per second published by the engine</source>
        <translation>Von der Engine veröffentlichte Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events this console lost because it could not keep up</source>
        <translation>Ereignisse, die diese Konsole verloren hat, weil sie nicht mithalten konnte</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+31"/>
        <source>%L1 events/s</source>
        <translation>%L1 Ereignisse/s</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+31"/>
        <source>%L1 dropped</source>
        <translation>%L1 verworfen</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Serving %1</source>
        <translation>Bereitgestellt unter %1</translation>
    </message>
</context>
<context>
    <name>flowscope::EnginesView</name>
    <message>
        <location filename="../ui/enginesview.cpp" line="+47"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events/s</source>
        <translation>Ereignisse/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The engine running in this process</source>
        <translation>Die Engine, die in diesem Prozess läuft</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit Profile…</source>
        <translation>Profil &amp;bearbeiten…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>flowscope::EventLogView</name>
    <message>
        <location filename="../ui/eventlogview.cpp" line="+47"/>
        <location line="+109"/>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Event types to show</source>
        <translation>Anzuzeigende Ereignistypen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show all types</source>
        <translation>Alle Typen anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide all types</source>
        <translation>Alle Typen ausblenden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show only the events of this agent</source>
        <translation>Nur die Ereignisse dieses Agenten anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the events of this routine</source>
        <translation>Nur die Ereignisse dieser Routine anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter text…</source>
        <translation>Text filtern…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the events shown so far</source>
        <translation>Die bisher angezeigten Ereignisse verwerfen</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Types (filtered)</source>
        <translation>Typen (gefiltert)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All routines</source>
        <translation>Alle Routinen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filtering %L1 events…</source>
        <translation>%L1 Ereignisse werden gefiltert…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%L1 of %L2 events</source>
        <translation>%L1 von %L2 Ereignissen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ The oldest %L1 events were dropped: the log keeps at most %L2 events of an engine.</source>
        <translation>⚠ Die ältesten %L1 Ereignisse wurden verworfen: Das Protokoll behält höchstens %L2 Ereignisse einer Engine.</translation>
    </message>
</context>
<context>
    <name>flowscope::FlowListWidget</name>
    <message>
        <location filename="../ui/flowlistwidget.cpp" line="+29"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
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
        <location filename="../ui/forkjobdialog.cpp" line="+23"/>
        <source>Fork Job</source>
        <translation>Job abzweigen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Fork</source>
        <translation>&amp;Abzweigen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Job variables of the new job (a JSON object):</source>
        <translation>Job-Variablen des neuen Jobs (ein JSON-Objekt):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not valid JSON: %1 at line %2, column %3.</source>
        <translation>Kein gültiges JSON: %1 in Zeile %2, Spalte %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The variables must be a JSON object, like {&quot;name&quot;: 1}.</source>
        <translation>Die Variablen müssen ein JSON-Objekt sein, etwa {&quot;name&quot;: 1}.</translation>
    </message>
</context>
<context>
    <name>flowscope::HealthController</name>
    <message>
        <location filename="../ui/healthcontroller.cpp" line="+98"/>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interrupted Jobs</source>
        <translation>Unterbrochene Jobs</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flowscope</source>
        <translation>Flowscope</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+22"/>
        <source>Export Health Report</source>
        <translation>Zustandsbericht exportieren</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Exporting health report to %1…</source>
        <translation>Zustandsbericht wird nach %1 exportiert…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Health report written to %1</source>
        <translation>Zustandsbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write the health report to %1: %2</source>
        <translation>Der Zustandsbericht konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::HealthReportExporter</name>
    <message>
        <location filename="../ui/healthreportexporter.cpp" line="+35"/>
        <source>the engine was switched before its metrics arrived</source>
        <translation>die Engine wurde gewechselt, bevor ihre Metriken eintrafen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the connection to the engine was lost</source>
        <translation>die Verbindung zur Engine ist verloren gegangen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the console is not connected to %1</source>
        <translation>die Konsole ist nicht mit %1 verbunden</translation>
    </message>
</context>
<context>
    <name>flowscope::InProcessClient</name>
    <message>
        <location filename="../core/client/inprocessclient.cpp" line="+51"/>
        <source>In-process engine</source>
        <translation>Engine in diesem Prozess</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add flow</source>
        <translation>Flow hinzufügen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Start job</source>
        <translation>Job starten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pause job</source>
        <translation>Job pausieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+139"/>
        <source>Resume job</source>
        <translation>Job wiederaufnehmen</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add breakpoint</source>
        <translation>Haltepunkt setzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove breakpoint</source>
        <translation>Haltepunkt entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enable breakpoint</source>
        <translation>Haltepunkt aktivieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Set variable</source>
        <translation>Variable setzen</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint wiederaufnehmen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fork job</source>
        <translation>Job abzweigen</translation>
    </message>
</context>
<context>
    <name>flowscope::InterruptedJobsWidget</name>
    <message>
        <location filename="../ui/interruptedjobswidget.cpp" line="+22"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last update</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run the job on from its last checkpoint</source>
        <translation>Den Job ab seinem letzten Checkpoint weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>flowscope::JobTableModel</name>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="+22"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>flowscope::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+134"/>
        <source>Lost the connection to %1</source>
        <translation>Verbindung zu %1 verloren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost the connection to %1: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+33"/>
        <source>Flowscope — %1</source>
        <translation>Flowscope — %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowparts.cpp" line="+63"/>
        <source>&amp;Open Flow…</source>
        <translation>Flow ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load a flow file into the engine</source>
        <translation>Eine Flow-Datei in die Engine laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start Job</source>
        <translation>Job &amp;starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a job of the selected flow</source>
        <translation>Einen Job des ausgewählten Flows starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start Job with &amp;Parameters…</source>
        <translation>Job mit &amp;Parametern starten…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause the selected job</source>
        <translation>Den ausgewählten Job pausieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue the selected job</source>
        <translation>Den ausgewählten Job fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the selected job</source>
        <translation>Den ausgewählten Job abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Monitoring</source>
        <translation>&amp;Überwachung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record routine events (off: only job events, for speed)</source>
        <translation>Routine-Ereignisse aufzeichnen (aus: nur Job-Ereignisse, schneller)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect to Engine…</source>
        <translation>Mit Engine &amp;verbinden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch another engine over the network</source>
        <translation>Eine andere Engine über das Netzwerk beobachten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Serve on Network…</source>
        <translation>Im &amp;Netzwerk anbieten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer this engine over HTTP</source>
        <translation>Diese Engine über HTTP anbieten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check&amp;points…</source>
        <translation>Check&amp;points…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected job&apos;s checkpoints: resume or fork from one</source>
        <translation>Die Checkpoints des ausgewählten Jobs: ab einem fortsetzen oder abzweigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export &amp;Health Report…</source>
        <translation>&amp;Zustandsbericht exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write agents, alerts and metrics to a report file</source>
        <translation>Agenten, Alarme und Metriken in eine Berichtsdatei schreiben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;Trace…</source>
        <translation>&amp;Trace exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the selected job&apos;s timeline as a Chrome trace (Perfetto, chrome://tracing)</source>
        <translation>Den Zeitverlauf des gewählten Jobs als Chrome-Trace schreiben (Perfetto, chrome://tracing)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event Log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Job</source>
        <translation>&amp;Job</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Demos</source>
        <translation>&amp;Demos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>&amp;About Flowscope</source>
        <translation>Ü&amp;ber Flowscope</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Demos</source>
        <translation>Demos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a demo flow</source>
        <translation>Einen Demo-Flow starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+28"/>
        <source>Flow %1 added</source>
        <translation>Flow %1 hinzugefügt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Started job %1 of %2</source>
        <translation>Job %1 von %2 gestartet</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Open Flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow files (*.json);;All files (*)</source>
        <translation>Flow-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Serving is not available for this engine.</source>
        <translation>Diese Engine kann nicht im Netzwerk angeboten werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Starting endpoint on %1…</source>
        <translation>Starte Endpunkt auf %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Endpoint listening on %1</source>
        <translation>Endpunkt lauscht auf %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Endpoint failed: %1</source>
        <translation>Endpunkt fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowparts.cpp" line="-109"/>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every dock and toolbar back where it was at first start</source>
        <translation>Alle Docks und Werkzeugleisten an ihren Platz beim ersten Start zurücklegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>flowscope::MetricsChart</name>
    <message>
        <location filename="../ui/metricschart.cpp" line="+31"/>
        <source>Throughput (/s)</source>
        <translation>Durchsatz (/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p50 (ms)</source>
        <translation>p50 (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95 (ms)</source>
        <translation>p95 (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>activations/s</source>
        <translation>Aktivierungen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
</context>
<context>
    <name>flowscope::MetricsDock</name>
    <message>
        <location filename="../ui/metricsdock.cpp" line="+41"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scope:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Flow %1</source>
        <translation>Flow %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Routine %1</source>
        <translation>  Routine %1</translation>
    </message>
</context>
<context>
    <name>flowscope::RecentFlows</name>
    <message>
        <location filename="../ui/recentflows.cpp" line="+18"/>
        <source>Recent &amp;Flows</source>
        <translation>Zuletzt geöffnete &amp;Flows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear Recent Flows</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 no longer exists and was removed from Recent Flows.</source>
        <translation>%1 existiert nicht mehr und wurde aus den zuletzt geöffneten Flows entfernt.</translation>
    </message>
</context>
<context>
    <name>flowscope::RemoteClient</name>
    <message>
        <location filename="../core/remote/remoteclient.cpp" line="+119"/>
        <source>the engine&apos;s answer did not decode: %1</source>
        <translation>die Antwort der Engine ließ sich nicht dekodieren: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add flow</source>
        <translation>Flow hinzufügen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start job</source>
        <translation>Job starten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pause job</source>
        <translation>Job pausieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+141"/>
        <source>Resume job</source>
        <translation>Job wiederaufnehmen</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add breakpoint</source>
        <translation>Haltepunkt setzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove breakpoint</source>
        <translation>Haltepunkt entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enable breakpoint</source>
        <translation>Haltepunkt aktivieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Debug state</source>
        <translation>Debug-Zustand</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Set variable</source>
        <translation>Variable setzen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Interrupted jobs</source>
        <translation>Unterbrochene Jobs</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint wiederaufnehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fork job</source>
        <translation>Job abzweigen</translation>
    </message>
</context>
<context>
    <name>flowscope::RoutineMetricsModel</name>
    <message>
        <location filename="../ui/routinemetricsmodel.cpp" line="+32"/>
        <source>%1 Σ%2 (avg %3)</source>
        <translation>%1 Σ%2 (Ø %3)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max ms</source>
        <translation>Max. ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
</context>
<context>
    <name>flowscope::ServeDialog</name>
    <message>
        <location filename="../ui/servedialog.cpp" line="+22"/>
        <source>Serve on Network</source>
        <translation>Im Netzwerk anbieten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none: only this machine may connect</source>
        <translation>keins: nur dieser Rechner darf sich verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listen on (host:port):</source>
        <translation>Lauschen auf (Host:Port):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control token:</source>
        <translation>Steuer-Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only token:</source>
        <translation>Nur-Lese-Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote consoles and scripts send the token as &quot;Authorization: Bearer &lt;token&gt;&quot;. Addresses other than 127.0.0.1 need a control token.</source>
        <translation>Entfernte Konsolen und Skripte senden das Token als &quot;Authorization: Bearer &lt;Token&gt;&quot;. Andere Adressen als 127.0.0.1 brauchen ein Steuer-Token.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Serving on %1 lets other machines drive this engine: give a control token (Generate makes one).</source>
        <translation>Auf %1 anzubieten lässt andere Rechner diese Engine steuern: geben Sie ein Steuer-Token an (Erzeugen legt eines an).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The read-only token must differ from the control token.</source>
        <translation>Das Nur-Lese-Token muss sich vom Steuer-Token unterscheiden.</translation>
    </message>
</context>
<context>
    <name>flowscope::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+89"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>flowscope::StartJobDialog</name>
    <message>
        <location filename="../ui/startjobdialog.cpp" line="+25"/>
        <source>Start Job of %1</source>
        <translation>Job von %1 starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>routine.slot</source>
        <translation>routine.slot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the job starts, as routine.slot; empty: the flow&apos;s entry</source>
        <translation>Wo der Job beginnt, als routine.slot; leer: der Einstieg des Flows</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Entry:</source>
        <translation>&amp;Einstieg:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Parameters (JSON):</source>
        <translation>&amp;Parameter (JSON):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Parameters are not valid JSON: %1 (at character %2).</source>
        <translation>Die Parameter sind kein gültiges JSON: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameters must be a JSON object, like {&quot;name&quot;: 1}.</source>
        <translation>Die Parameter müssen ein JSON-Objekt sein, etwa {&quot;name&quot;: 1}.</translation>
    </message>
</context>
<context>
    <name>flowscope::TimelineData</name>
    <message>
        <location filename="../ui/timelinedata.cpp" line="+434"/>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>flowscope::TimelinePanel</name>
    <message>
        <location filename="../ui/timelinepanel.cpp" line="+27"/>
        <source>By agent</source>
        <translation>Nach Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By routine</source>
        <translation>Nach Routine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By job</source>
        <translation>Nach Job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One lane per agent, per routine or per job</source>
        <translation>Eine Bahn je Agent, je Routine oder je Job</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest activations in view (dragging stops following)</source>
        <translation>Die neuesten Aktivierungen im Blick behalten (Ziehen beendet das Folgen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show everything the timeline holds (Home)</source>
        <translation>Alles zeigen, was die Zeitleiste enthält (Pos1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wheel: zoom around the cursor. Drag: pan. Shift+drag: measure a range. Click: select an activation. Home: show everything.</source>
        <translation>Mausrad: um den Mauszeiger zoomen. Ziehen: verschieben. Umschalt+Ziehen: einen Bereich messen. Klick: eine Aktivierung auswählen. Pos1: alles zeigen.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Range of %1: %L2 activations started, %L3 markers</source>
        <translation>Bereich von %1: %L2 Aktivierungen gestartet, %L3 Markierungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%L1 activations</source>
        <translation>%L1 Aktivierungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the oldest %L1 dropped (limit %L2)</source>
        <translation>die ältesten %L1 verworfen (Grenze %L2)</translation>
    </message>
</context>
<context>
    <name>flowscope::TimelineView</name>
    <message>
        <location filename="../ui/timelineviewinput.cpp" line="-91"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breakpoint hit</source>
        <translation>Haltepunkt erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job paused</source>
        <translation>Job pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../ui/timelineviewpainting.cpp" line="+25"/>
        <source>No activations yet: start a job to see it here.</source>
        <translation>Noch keine Aktivierungen: Starten Sie einen Job, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Older activations dropped (limit %L1)</source>
        <translation>Ältere Aktivierungen verworfen (Grenze %L1)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routines</source>
        <translation>Routinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../ui/timelineviewinput.cpp" line="+79"/>
        <location line="+39"/>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+41"/>
        <source>Job: %1 (%2)</source>
        <translation>Job: %1 (%2)</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started %1, ran %2</source>
        <translation>Gestartet %1, lief %2</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n activations in %1 (click to zoom in)</source>
        <translation>
            <numerusform>%n Aktivierung in %1 (Klick zum Hineinzoomen)</numerusform>
            <numerusform>%n Aktivierungen in %1 (Klick zum Hineinzoomen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>(%n here)</source>
        <translation>
            <numerusform>(%n hier)</numerusform>
            <numerusform>(%n hier)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Routine: %1</source>
        <translation>Routine: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>At %1</source>
        <translation>Um %1</translation>
    </message>
</context>
<context>
    <name>flowscope::TokenStore</name>
    <message>
        <location filename="../ui/tokenstore.cpp" line="+63"/>
        <source>The keychain did not give the token: %1</source>
        <translation>Der Schlüsselbund hat das Token nicht herausgegeben: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The keychain did not keep the token: %1</source>
        <translation>Der Schlüsselbund hat das Token nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The keychain did not forget the token: %1</source>
        <translation>Der Schlüsselbund hat das Token nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>flowscope::TraceExporter</name>
    <message>
        <location filename="../ui/traceexporter.cpp" line="+71"/>
        <location line="+22"/>
        <source>Export Trace</source>
        <translation>Trace exportieren</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Exporting job %1 to %2…</source>
        <translation>Job %1 wird nach %2 exportiert…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trace written to %1</source>
        <translation>Trace nach %1 geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write the trace to %1: %2</source>
        <translation>Der Trace konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chrome trace (*.json)</source>
        <translation>Chrome-Trace (*.json)</translation>
    </message>
</context>
<context>
    <name>flowscope::VariablesModel</name>
    <message>
        <location filename="../ui/variablesmodel.cpp" line="+93"/>
        <source>Input data</source>
        <translation>Eingabedaten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(value)</source>
        <translation>(Wert)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Routine variables</source>
        <translation>Routinenvariablen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job variables</source>
        <translation>Jobvariablen</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>flowscope::ViewMenu</name>
    <message>
        <location filename="../ui/viewmenu.cpp" line="+49"/>
        <source>Docks</source>
        <translation>Docks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Toolbars</source>
        <translation>Werkzeugleisten</translation>
    </message>
</context>
<context>
    <name>flowscope::WatchesWidget</name>
    <message>
        <location filename="../ui/watcheswidget.cpp" line="+22"/>
        <source>Add a watch expression (JavaScript over data, vars, job)…</source>
        <translation>Überwachten Ausdruck hinzufügen (JavaScript über data, vars, job)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove Watch</source>
        <translation>Überwachten Ausdruck entfernen</translation>
    </message>
</context>
</TS>
