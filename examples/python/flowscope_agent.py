"""A Flowscope external agent, in one file of standard-library Python.

An agent registers with a Flowscope engine, sends heartbeats from a background thread, reports
events, progress, metrics, variables, logs and errors, and obeys the engine's control: it stops
at its next checkpoint() while paused and ends there (Cancelled) when cancelled. It talks HTTP
(POST /api/ingest); every answer carries the control state, so polling is how it hears of pause,
resume, cancel and breakpoints. See docs/agents.md.

    from flowscope_agent import Agent, Cancelled

    with Agent("probe-1", url="http://127.0.0.1:8765", kind="probe") as agent:
        try:
            for step in range(100):
                agent.checkpoint("step")      # blocks while paused, raises Cancelled
                do_work(step)
                agent.progress((step + 1) / 100, node="scan")
                agent.metric("latency_ms", 12.5)
        except Cancelled:
            agent.close("cancelled")
"""

import json
import threading
import time
import urllib.error
import urllib.request

__all__ = ["Agent", "Cancelled", "EngineError"]


class Cancelled(Exception):
    """Raised by Agent.checkpoint() once the engine cancelled the agent (or its job)."""


class EngineError(Exception):
    """The engine refused a request: status is the HTTP status, message says what was wrong."""

    def __init__(self, status, message):
        super().__init__("HTTP %s: %s" % (status, message))
        self.status = status
        self.message = message


class Agent:
    """One external agent. Thread-safe: report from any thread, checkpoint from the worker."""

    def __init__(self, name, url="http://127.0.0.1:8765", kind=None, job_id=None, token=None,
                 metadata=None, poll_interval=0.2, timeout=5.0):
        self.name = name
        self.url = url.rstrip("/")
        self.kind = kind
        self.job_id = job_id
        self.token = token
        self.metadata = dict(metadata or {})
        self.poll_interval = poll_interval
        self.timeout = timeout
        self.max_queued = 10000  # reports kept while the engine cannot be reached
        self.heartbeat_interval = 1.0  # the engine says how often in its answers
        self.last_error = None
        self._lock = threading.Condition()
        self._queue = []
        self._control = {"paused": False, "cancelled": False, "breakpoints": [], "version": 0}
        self._state = "idle"
        self._node = None
        self._checkpoint = None
        self._breakpoint = None  # where it stands stopped, until resumed
        self._breakpoint_unsent = False  # the engine hears of a stop once
        self._stopping = threading.Event()
        self._thread = None
        self._closed = False

    # -- life -------------------------------------------------------------------------------

    def register(self):
        """Registers (again) with the engine; returns the control state."""
        message = {"type": "register"}
        if self.kind:
            message["kind"] = self.kind
        if self.job_id:
            message["job_id"] = self.job_id
        if self.metadata:
            message["metadata"] = self.metadata
        self._post([message])
        return self.control

    def start(self):
        """Registers and starts the heartbeat thread (what `with Agent(...)` does)."""
        self.register()
        self._thread = threading.Thread(target=self._run, name="flowscope-" + self.name,
                                        daemon=True)
        self._thread.start()
        return self

    def close(self, state="completed"):
        """Sends what is queued, says goodbye (completed, failed or cancelled), stops beating."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._stopping.set()
        if self._thread:
            self._thread.join()
        with self._lock:
            batch, self._queue = self._queue, []
        batch.append({"type": "unregister", "state": state})
        try:
            self._post(batch)
        except (EngineError, OSError) as error:
            self.last_error = error

    def __enter__(self):
        return self.start()

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.close("completed")
        elif issubclass(kind, Cancelled):
            self.close("cancelled")
        else:
            self.error(str(value), fatal=True)
            self.close("failed")
        return False

    # -- reports (queued; the background thread sends them within poll_interval) --------------

    def event(self, name, data=None, node=None, duration_ms=None, message=None):
        """An event; seed names map onto the engine's types (node_enter, node_exit, ...)."""
        m = {"type": "event", "name": name}
        if data is not None:
            m["data"] = data
        if duration_ms is not None:
            m["duration_ms"] = duration_ms
        if message:
            m["message"] = message
        self._enqueue(m, node)

    def progress(self, value, node=None, message=None):
        """Progress from 0 to 1."""
        m = {"type": "progress", "value": max(0.0, min(1.0, float(value)))}
        if message:
            m["message"] = message
        self._enqueue(m, node)

    def metric(self, name=None, value=None, **values):
        """metric("latency_ms", 12.5) or metric(latency_ms=12.5, tokens=300)."""
        if name is not None:
            values[name] = value
        self._enqueue({"type": "metric", "values": values}, None)

    def variables(self, **values):
        """Variables the console shows for this agent (merged with earlier ones)."""
        self._enqueue({"type": "variables", "values": values}, None)

    def log(self, message, level="info"):
        self._enqueue({"type": "log", "message": message, "level": level}, None)

    def error(self, message, fatal=False, node=None):
        self._enqueue({"type": "error", "message": message, "fatal": bool(fatal)}, node)

    # -- control ----------------------------------------------------------------------------

    @property
    def control(self):
        with self._lock:
            return dict(self._control)

    @property
    def paused(self):
        return self.control["paused"]

    @property
    def cancelled(self):
        return self.control["cancelled"]

    def checkpoint(self, name=None, timeout=None):
        """A safe point: blocks while the agent is paused (or stopped at a breakpoint named
        `name`), raises Cancelled once it is cancelled. Returns at once otherwise."""
        deadline = None if timeout is None else time.monotonic() + timeout
        hit = False
        with self._lock:
            self._checkpoint = name
            if name and name in self._control.get("breakpoints", []) and not self._control["paused"]:
                self._breakpoint = name
                self._breakpoint_unsent = True
                hit = True
        if hit:
            try:
                self._send_heartbeat()  # the engine pauses the agent at its breakpoint
            except (EngineError, OSError) as error:
                self.last_error = error  # the next heartbeat carries the breakpoint again
        with self._lock:
            while (self._control["paused"] or self._breakpoint) and not self._control["cancelled"]:
                self._state = "paused"
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                self._lock.wait(remaining if remaining is not None else 0.5)
            self._state = "running"
            if self._control["cancelled"]:
                raise Cancelled(self._control.get("reason") or "cancelled")

    # -- inside -----------------------------------------------------------------------------

    def _enqueue(self, message, node):
        message["timestamp"] = time.time()
        with self._lock:
            if node:
                self._node = node
            if self._node:
                message.setdefault("node", self._node)
            if self._state == "idle":
                self._state = "running"
            self._queue.append(message)

    def _heartbeat(self):
        m = {"type": "heartbeat", "state": self._state}
        if self._node:
            m["node"] = self._node
        if self._checkpoint:
            m["checkpoint"] = self._checkpoint
        if self._breakpoint and self._breakpoint_unsent:
            m["breakpoint"] = self._breakpoint
        return m

    def _send_heartbeat(self):
        with self._lock:
            batch, self._queue = self._queue, []
            beat = self._heartbeat()
            batch.append(beat)
        try:
            self._post(batch)
        except (EngineError, OSError) as error:
            # The engine was away (or forgot this agent): keep the reports for the next try.
            # Anything else it refused would be refused again.
            if not isinstance(error, EngineError) or error.status == 404:
                with self._lock:
                    self._queue[:0] = batch[:-1]
                    del self._queue[:-self.max_queued]
            raise
        if "breakpoint" in beat:
            with self._lock:
                self._breakpoint_unsent = False

    def _run(self):
        while not self._stopping.wait(min(self.poll_interval, self.heartbeat_interval / 2)):
            try:
                self._send_heartbeat()
                self.last_error = None
            except EngineError as error:
                self.last_error = error
                if error.status == 404:  # the engine restarted: register again
                    try:
                        self.register()
                    except (EngineError, OSError) as again:
                        self.last_error = again
            except OSError as error:  # the engine is away: keep trying
                self.last_error = error

    def _post(self, events):
        body = json.dumps({"agent": self.name, "events": events}).encode()
        request = urllib.request.Request(self.url + "/api/ingest", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            try:
                detail = json.loads(error.read() or b"{}").get("detail", error.reason)
            except ValueError:
                detail = error.reason
            raise EngineError(error.code, detail) from None
        self._take_control(answer)
        return answer

    def _take_control(self, answer):
        control = answer.get("control")
        interval = answer.get("heartbeat_interval_ms")
        with self._lock:
            if interval:
                self.heartbeat_interval = max(0.1, interval / 1000.0)
            if control and control.get("version", 0) >= self._control.get("version", 0):
                was_paused = self._control["paused"]
                self._control = control
                # Resumed after a breakpoint stop: go on from it.
                if self._breakpoint and was_paused and not control["paused"]:
                    self._breakpoint = None
            self._lock.notify_all()
