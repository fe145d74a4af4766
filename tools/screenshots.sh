#!/usr/bin/env bash
# Makes docs/screenshots/*.png: the console under Xvfb, driven through its own endpoint.
# Needs a built tree (BUILD_DIR, default build) and installs xvfb and imagemagick if missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
out=$root/docs/screenshots
port=${PORT:-18765}
for p in xvfb xauth imagemagick x11-utils xdotool; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq --no-install-recommends "$p" || sudo apt-get install -y -qq "$p"; }
done
mkdir -p "$out"

shoot() { # name, seconds to let the console run first
    sleep "$2"
    # The console's top-level window, found by its title.
    local id
    id=$(DISPLAY=$display xwininfo -root -tree | awk '/"Flowscope/ {print $1; exit}')
    DISPLAY=$display import -window "${id:-root}" "$out/$1.png"
    echo "wrote docs/screenshots/$1.png"
}

# A clean profile: no saved layout or breakpoints from earlier runs.
export XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
display=:97
Xvfb $display -screen 0 1600x1000x24 -nolisten tcp &
xvfb=$!
trap 'kill $console $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display QT_QPA_PLATFORM=xcb "$build/app/flowscope" --listen 127.0.0.1:$port --lang en &
console=$!
until curl -sf "localhost:$port/api/health" >/dev/null; do sleep 0.2; done
api() { curl -sf -XPOST "localhost:$port/api/jobs" -d "$1" >/dev/null; }
api '{"flow_id": "etl", "entry_params": {"batches": 20, "ingest_ms": 12000}}'
api '{"flow_id": "fastmon", "entry_params": {"files": 200, "daq_ms": 20000}}'
api '{"flow_id": "scan_swarm", "entry_params": {"waves": 3, "probe_ms": 6000}}'
sleep 2
DISPLAY=$display xdotool mousemove 70 142 click 1 # the scan_swarm flow: its graph, live
shoot console 2

# The debugger, in a fresh console: a breakpoint on etl's validate routine stops its job there.
kill $console
wait $console 2>/dev/null || true
port=$((port + 1))
DISPLAY=$display QT_QPA_PLATFORM=xcb "$build/app/flowscope" --listen 127.0.0.1:$port --lang en &
console=$!
until curl -sf "localhost:$port/api/health" >/dev/null; do sleep 0.2; done
curl -sf -XPOST "localhost:$port/api/flows/etl/breakpoints" \
    -d '{"type": "slot", "routine_id": "validate", "slot_name": "in", "condition": "data.batch >= 2"}' >/dev/null
api '{"flow_id": "etl", "entry_params": {"batches": 6, "ingest_ms": 600}}'
sleep 3
# Select the job, stopped by now, as a user would: a click on its row.
DISPLAY=$display xdotool mousemove 200 91 click 1
shoot debugger 2

# Health: an agent stuck in a routine without checkpoints, beside the fastmon demo at work.
kill $console
wait $console 2>/dev/null || true
port=$((port + 1))
DISPLAY=$display QT_QPA_PLATFORM=xcb "$build/app/flowscope" --listen 127.0.0.1:$port --lang en \
    --flow "$root/examples/flows/stuck_agent.json" --heartbeat-interval 500 &
console=$!
until curl -sf "localhost:$port/api/health" >/dev/null; do sleep 0.2; done
api '{"flow_id": "fastmon", "entry_params": {"files": 200, "daq_ms": 20000}}'
api '{"flow_id": "stuck_agent"}'
sleep 3.5
DISPLAY=$display xdotool mousemove 871 427 click 1 # the Agents tab beside the flow graph
DISPLAY=$display xdotool mousemove 113 763 click 1 # the Alerts tab under the event log
shoot health 1
