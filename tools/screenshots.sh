#!/usr/bin/env bash
# Makes docs/screenshots/<view>.png: one picture of each of the console's main views, on the demo
# flows, under Xvfb. Each view gets a console of its own with a clean profile (the default
# layout, no saved breakpoints or engines), driven through its own endpoint; clicks go to the
# window at fixed places of the default 1280x800 layout.
#
#   tools/screenshots.sh                 every view
#   tools/screenshots.sh metrics health  only these
#
# Needs a built tree (BUILD_DIR, default build); installs xvfb, imagemagick, x11-utils and
# xdotool if missing. A view is a function view_<name>; add one for a new view and list it in
# all_views.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
out=$root/docs/screenshots
port=${PORT:-18765}
all_views=(console debugger health metrics engines timeline)
for p in xvfb xauth imagemagick x11-utils xdotool curl; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq --no-install-recommends "$p" || sudo apt-get install -y -qq "$p"; }
done
mkdir -p "$out"

display=:97
Xvfb $display -screen 0 1600x1000x24 -nolisten tcp &
xvfb=$!
console=
headless=
cleanup() { kill $console $headless $xvfb 2>/dev/null || true; }
trap cleanup EXIT
sleep 1

# A console with a profile of its own: start_console [flowscope options...]
start_console() {
    stop_console
    port=$((port + 1))
    profile=$(mktemp -d)
    mkdir -p "$profile/config/Flowscope"
    XDG_CONFIG_HOME=$profile/config XDG_DATA_HOME=$profile/data DISPLAY=$display \
        QT_QPA_PLATFORM=xcb "$build/app/flowscope" --listen 127.0.0.1:$port --lang en "$@" &
    console=$!
    wait_for $port
    find_window
}
stop_console() {
    [ -n "$console" ] && { kill $console; wait $console 2>/dev/null || true; }
    console=
}
find_window() { # the console's top-level window, by its title
    window=
    until [ -n "$window" ]; do
        window=$(DISPLAY=$display xwininfo -root -tree | awk '/"Flowscope/ {print $1; exit}')
        [ -n "$window" ] || sleep 0.2
    done
}
wait_for() { until curl -sf "localhost:$1/api/health" >/dev/null; do sleep 0.2; done; }
# start_job JSON [port]: a job through the endpoint, as a script would start one.
start_job() { curl -sf -XPOST "localhost:${2:-$port}/api/jobs" -d "$1" >/dev/null; }
# click X Y: a left click at X,Y in the console window.
click() { DISPLAY=$display xdotool mousemove --window "$window" "$1" "$2" click 1; }
shoot() { # name, seconds to let the console run first
    sleep "$2"
    DISPLAY=$display import -window "${window:-root}" "$out/$1.png"
    echo "wrote docs/screenshots/$1.png"
}

# The three demo flows at work; the scan_swarm graph live.
view_console() {
    start_console
    start_job '{"flow_id": "etl", "entry_params": {"batches": 20, "ingest_ms": 12000}}'
    start_job '{"flow_id": "fastmon", "entry_params": {"files": 200, "daq_ms": 20000}}'
    start_job '{"flow_id": "scan_swarm", "entry_params": {"waves": 3, "probe_ms": 6000}}'
    sleep 2
    click 70 142 # the scan_swarm flow
    shoot console 2
}

# A breakpoint on etl's validate routine stops its job there: graph, call stack, variables.
view_debugger() {
    start_console
    curl -sf -XPOST "localhost:$port/api/flows/etl/breakpoints" \
        -d '{"type": "slot", "routine_id": "validate", "slot_name": "in", "condition": "data.batch >= 2"}' >/dev/null
    start_job '{"flow_id": "etl", "entry_params": {"batches": 6, "ingest_ms": 600}}'
    sleep 3
    click 200 91 # the job, stopped by now, as a user selects it
    shoot debugger 2
}

# An agent stuck in a routine without checkpoints, beside the fastmon demo at work.
view_health() {
    start_console --flow "$root/examples/flows/stuck_agent.json" --heartbeat-interval 500
    start_job '{"flow_id": "fastmon", "entry_params": {"files": 200, "daq_ms": 20000}}'
    start_job '{"flow_id": "stuck_agent"}'
    sleep 3.5
    click 871 335 # the Agents tab beside the flow graph
    click 113 557 # the Alerts tab under the event log
    shoot health 1
}

# Throughput and latency percentiles while the three demos run.
view_metrics() {
    start_console
    start_job '{"flow_id": "fastmon", "entry_params": {"files": 800, "daq_ms": 60000}}'
    start_job '{"flow_id": "scan_swarm", "entry_params": {"waves": 20, "probe_ms": 2500}}'
    start_job '{"flow_id": "etl", "entry_params": {"batches": 80, "ingest_ms": 60000}}'
    click 176 557 # the Metrics tab under the event log
    shoot metrics 40
}

# Two engines: the console's own and a headless one it connects to at start (a profile in the
# settings, as Engine → Connect to Engine… leaves it), the remote one shown with its jobs.
view_engines() {
    local remote=$((port + 50))
    "$build/app/flowscope" --headless --demo --listen 127.0.0.1:$remote >/dev/null &
    headless=$!
    wait_for $remote
    start_job '{"flow_id": "fastmon", "entry_params": {"files": 300, "daq_ms": 25000}}' $remote
    start_job '{"flow_id": "etl", "entry_params": {"batches": 30, "ingest_ms": 15000}}' $remote
    stop_console
    profile=$(mktemp -d)
    mkdir -p "$profile/config/Flowscope"
    cat >"$profile/config/Flowscope/flowscope.conf" <<EOF
[engines]
profiles\\1\\id=lab
profiles\\1\\name=Lab engine
profiles\\1\\url=http://127.0.0.1:$remote
profiles\\1\\saveToken=false
profiles\\1\\connectAtStartup=true
profiles\\size=1
EOF
    port=$((port + 1))
    XDG_CONFIG_HOME=$profile/config XDG_DATA_HOME=$profile/data DISPLAY=$display \
        QT_QPA_PLATFORM=xcb "$build/app/flowscope" --listen 127.0.0.1:$port --lang en &
    console=$!
    wait_for $port
    find_window
    start_job '{"flow_id": "scan_swarm", "entry_params": {"waves": 3, "probe_ms": 6000}}'
    sleep 3
    click 58 278 # the lab engine, second in the Engines dock
    # Wider left docks, so the Engines dock shows its rates and job counts.
    DISPLAY=$display xdotool mousemove --window "$window" 140 300 mousedown 1 sleep 0.3 \
        mousemove --window "$window" 420 300 sleep 0.3 mouseup 1
    shoot engines 3
    kill $headless
    wait $headless 2>/dev/null || true
    headless=
}

# The timeline dock, below the event log in the default layout, while a swarm and a pipeline run.
view_timeline() {
    start_console
    start_job '{"flow_id": "scan_swarm", "entry_params": {"waves": 3, "probe_ms": 2000}}'
    start_job '{"flow_id": "etl", "entry_params": {"batches": 10, "ingest_ms": 3000}}'
    shoot timeline 6
}

views=("$@")
[ ${#views[@]} -eq 0 ] && views=("${all_views[@]}")
for view in "${views[@]}"; do
    declare -F "view_$view" >/dev/null || { echo "no view '$view' (views: ${all_views[*]})"; exit 2; }
    "view_$view"
done
stop_console
