#!/usr/bin/env python3
"""A small swarm of external agents against a Flowscope engine: a planner and several probes,
each a thread with its own Agent. The planner plans the waves and waits for the probes; each
probe works in steps, with a checkpoint before every step, so pause, resume and cancel from the
console or the REST API take effect within one step.

    build/app/flowscope --headless --demo --listen 127.0.0.1:8765 &
    python3 examples/python/demo_swarm.py --url http://127.0.0.1:8765 --probes 3
    python3 examples/python/demo_swarm.py --flow scan_swarm   # agents join a job of that flow
    python3 examples/python/demo_swarm.py --websocket         # control pushed, not polled

One JSON line per happening goes to standard output (started, control, done), so scripts and
tests can follow the swarm. Exit status: 0 when every agent finished or was cancelled, 1 otherwise.
"""

import argparse
import json
import random
import sys
import threading
import time
import urllib.request

from flowscope_agent import Agent, Cancelled

_print_lock = threading.Lock()


def say(**fields):
    with _print_lock:
        print(json.dumps(fields), flush=True)


def start_job(url, token, flow, params):
    body = json.dumps({"flow_id": flow, "entry_params": params}).encode()
    request = urllib.request.Request(url + "/api/jobs", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["job_id"]


def make_agent(args, name, kind, job_id, metadata=None):
    def heard(control, command, pushed):
        say(event="control", agent=name, command=command, pushed=pushed,
            reason=control.get("reason"))
    return Agent(name, url=args.url, kind=kind, job_id=job_id, token=args.token,
                 metadata=metadata, websocket=args.websocket, on_control=heard)


def probe(args, name, wave, job_id, results):
    agent = make_agent(args, name, "probe", job_id, {"wave": wave, "target": args.target})
    state = "failed"
    try:
        with agent:
            agent.variables(target=args.target, wave=wave, steps=args.steps)
            agent.event("probe_start", node="scan", data={"wave": wave})
            found = 0
            started = time.monotonic()
            for step in range(1, args.steps + 1):
                agent.checkpoint("step")
                t0 = time.monotonic()
                time.sleep(args.step_ms / 1000.0)
                latency = (time.monotonic() - t0) * 1000.0
                if random.random() < 0.1:
                    found += 1
                    agent.event("probe_result", data={"step": step, "finding": found})
                agent.progress(step / args.steps, node="scan")
                agent.metric(latency_ms=round(latency, 3), findings=found)
                agent.variables(step=step, findings=found)
            agent.event("probe_complete", node="scan", data={"findings": found},
                        duration_ms=(time.monotonic() - started) * 1000.0)
            state = "completed"
    except Cancelled:
        state = "cancelled"
    results[name] = state
    say(event="done", agent=name, state=state)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--token", default=None)
    parser.add_argument("--probes", type=int, default=3)
    parser.add_argument("--waves", type=int, default=1)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--step-ms", type=float, default=100)
    parser.add_argument("--target", default="https://shop.example")
    # The demo flows have agents called planner and probe-*: external names must differ.
    parser.add_argument("--prefix", default="py-", help="prepended to every agent name")
    parser.add_argument("--flow", default=None,
                        help="start a job of this flow and have every agent work for it")
    parser.add_argument("--job", default=None, help="work for this running job")
    parser.add_argument("--websocket", action="store_true",
                        help="talk over the agent WebSocket, which pushes control changes")
    args = parser.parse_args()

    job_id = args.job
    if args.flow:
        job_id = start_job(args.url, args.token, args.flow,
                           {"probe_ms": 3600000, "probe_steps": 3600})
    results = {}
    planner_name = args.prefix + "planner"
    planner = make_agent(args, planner_name, "planner", job_id)
    planner_state = "completed"
    try:
        with planner:
            names = [args.prefix + "probe-%d" % i for i in range(1, args.probes + 1)]
            say(event="started", job_id=job_id, agents=[planner_name] + names,
                transport=planner.transport)
            for wave in range(1, args.waves + 1):
                planner.checkpoint("wave")
                planner.event("plan_start", node="plan", data={"wave": wave, "probes": names})
                planner.log("wave %d: %d probes against %s" % (wave, len(names), args.target))
                threads = [threading.Thread(target=probe, args=(args, n, wave, job_id, results))
                           for n in names]
                for t in threads:
                    t.start()
                while any(t.is_alive() for t in threads):
                    planner.checkpoint()  # a cancelled planner stops waiting; probes hear it too
                    time.sleep(0.05)
                for t in threads:
                    t.join()
                planner.progress(wave / args.waves, node="plan")
                planner.event("plan_complete", node="plan",
                              data={"wave": wave, "results": dict(results)})
                if any(state != "completed" for state in results.values()):
                    planner.checkpoint()
    except Cancelled:
        planner_state = "cancelled"
    results[planner_name] = planner_state
    say(event="done", agent=planner_name, state=planner_state)
    return 0 if all(s in ("completed", "cancelled") for s in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
