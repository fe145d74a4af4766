"""A Flowscope external agent, in one file of standard-library Python.

An agent registers with a Flowscope engine, sends heartbeats from a background thread, reports
events, progress, metrics, variables, logs and errors, and obeys the engine's control: it stops
at its next checkpoint() while paused and ends there (Cancelled) when cancelled. It talks HTTP
(POST /api/ingest) by default; every answer carries the control state, so polling is how it hears
of pause, resume, cancel and breakpoints. With websocket=True it sends the same batches over the
agent WebSocket (/api/ws/agents), through which the engine pushes each control change at once;
while that socket cannot be opened it falls back to HTTP and tries again later. See
docs/agents.md.

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

import base64
import hashlib
import json
import os
import queue
import socket
import ssl
import struct
import threading
import time
import urllib.error
import urllib.parse
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


class _Unavailable(OSError):
    """The agent WebSocket cannot be used now: send over HTTP instead."""


class _WebSocket:
    """A small RFC 6455 client: masked text frames out; text, ping and close frames in."""

    _GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
    max_message = 16 * 1024 * 1024

    def __init__(self, url, path, headers, timeout):
        parts = urllib.parse.urlsplit(url)
        secure = parts.scheme in ("https", "wss")
        sock = socket.create_connection((parts.hostname, parts.port or (443 if secure else 80)),
                                        timeout=timeout)
        try:
            if secure:
                sock = ssl.create_default_context().wrap_socket(sock,
                                                                server_hostname=parts.hostname)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._sock = sock
            self._buffer = b""
            self._send_lock = threading.Lock()
            self._handshake(parts.netloc, path, headers)
            sock.settimeout(None)  # the reader blocks until the engine says something
        except BaseException:
            sock.close()
            raise

    def _handshake(self, host, path, headers):
        key = base64.b64encode(os.urandom(16)).decode()
        lines = ["GET %s HTTP/1.1" % path, "Host: " + host, "Upgrade: websocket",
                 "Connection: Upgrade", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13"]
        lines += ["%s: %s" % header for header in headers.items()]
        self._sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        while b"\r\n\r\n" not in self._buffer:
            if len(self._buffer) > 65536:
                raise _Unavailable("the WebSocket handshake's answer is too long")
            self._fill()
        head, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        status_line, *fields = head.decode("iso-8859-1").split("\r\n")
        status = status_line.split(" ", 2)
        if len(status) < 2 or status[1] != "101":
            raise _Unavailable("the engine refused the WebSocket: " + status_line)
        answer = {}
        for field in fields:
            name, _, value = field.partition(":")
            answer[name.strip().lower()] = value.strip()
        expected = base64.b64encode(hashlib.sha1((key + self._GUID).encode()).digest()).decode()
        if answer.get("sec-websocket-accept") != expected:
            raise _Unavailable("the WebSocket handshake's Sec-WebSocket-Accept is wrong")

    def send_text(self, text):
        self._send_frame(0x1, text.encode())

    def _send_frame(self, opcode, payload):
        n = len(payload)
        if n < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
        elif n < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
        mask = os.urandom(4)
        with self._send_lock:
            self._sock.sendall(header + mask + self._masked(payload, mask))

    @staticmethod
    def _masked(payload, mask):
        if not payload:
            return b""
        n = len(payload)
        key = (mask * (n // 4 + 1))[:n]
        return (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")

    def receive(self):
        """The next text message, or None once the connection is closed."""
        message, kind = bytearray(), None
        try:
            while True:
                first, second = self._read(2)
                opcode, length = first & 0x0F, second & 0x7F
                if length == 126:
                    length = struct.unpack("!H", self._read(2))[0]
                elif length == 127:
                    length = struct.unpack("!Q", self._read(8))[0]
                mask = self._read(4) if second & 0x80 else None
                if length + len(message) > self.max_message:
                    self._send_frame(0x8, struct.pack("!H", 1009))
                    return None
                payload = self._read(length)
                if mask:
                    payload = self._masked(payload, mask)
                if opcode == 0x8:  # close: answer it, then the connection is over
                    self._send_frame(0x8, payload[:2])
                    return None
                if opcode == 0x9:
                    self._send_frame(0xA, payload)
                    continue
                if opcode == 0xA:
                    continue
                if opcode in (0x1, 0x2):
                    message, kind = bytearray(payload), opcode
                else:  # a continuation
                    message += payload
                if first & 0x80:
                    if kind == 0x1:
                        return message.decode()
                    message, kind = bytearray(), None  # binary: not part of the protocol
        except (OSError, ValueError):  # gone, or not UTF-8: either way the connection is over
            return None

    def close(self):
        try:
            self._send_frame(0x8, struct.pack("!H", 1000))
        except OSError:
            pass
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()

    def _fill(self):
        data = self._sock.recv(65536)
        if not data:
            raise ConnectionError("the engine closed the connection")
        self._buffer += data

    def _read(self, n):
        while len(self._buffer) < n:
            self._fill()
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data


class Agent:
    """One external agent. Thread-safe: report from any thread, checkpoint from the worker.

    on_control, if given, is called as on_control(control, command, pushed) after each change of
    the control state (command: pause, resume, cancel or breakpoints; pushed: it came over the
    WebSocket unasked), from the thread that heard it: keep it short."""

    websocket_retry = 2.0  # seconds between attempts to (re)open the WebSocket

    def __init__(self, name, url="http://127.0.0.1:8765", kind=None, job_id=None, token=None,
                 metadata=None, poll_interval=0.2, timeout=5.0, websocket=False,
                 on_control=None):
        self.name = name
        self.url = url.rstrip("/")
        self.kind = kind
        self.job_id = job_id
        self.token = token
        self.metadata = dict(metadata or {})
        self.poll_interval = poll_interval
        self.timeout = timeout
        self.websocket = websocket
        self.on_control = on_control
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
        self._ws = None  # the open agent WebSocket and the queue of its answers
        self._ws_answers = None
        self._ws_reader = None
        self._ws_lock = threading.Lock()  # one frame awaits its answer at a time
        self._ws_retry_at = 0.0

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
        with self._ws_lock:
            ws, self._ws = self._ws, None
            reader = self._ws_reader
        if ws:
            ws.close()
            reader.join(self.timeout)  # on_control has heard all there was

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
    def transport(self):
        """How the agent talks to the engine now: "websocket" or "http"."""
        return "websocket" if self._ws else "http"

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
        if self.websocket:
            try:
                return self._post_ws(body)
            except OSError:
                pass  # over HTTP this time; the WebSocket is tried again later
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

    def _post_ws(self, body):
        with self._ws_lock:
            ws, answers = self._open_ws()
            try:
                ws.send_text(body.decode())
                answer = answers.get(timeout=self.timeout)
            except (OSError, queue.Empty):
                answer = None
            if answer is None:  # closed, or silent: a fresh connection next time
                self._ws = None
                self._ws_retry_at = time.monotonic()
                ws.close()
                raise _Unavailable("the agent WebSocket closed")
        if answer.get("type") == "error":
            raise EngineError(answer.get("status", 400), answer.get("message", ""))
        self._take_control(answer)
        return answer

    def _open_ws(self):
        """The open WebSocket and its answers, opened if need be; _ws_lock held."""
        if self._ws:
            return self._ws, self._ws_answers
        if time.monotonic() < self._ws_retry_at:
            raise _Unavailable("the agent WebSocket is down")
        self._ws_retry_at = time.monotonic() + self.websocket_retry
        headers = {"Authorization": "Bearer " + self.token} if self.token else {}
        ws = _WebSocket(self.url, "/api/ws/agents", headers, self.timeout)
        answers = queue.Queue()
        self._ws_reader = threading.Thread(target=self._read_ws, args=(ws, answers), daemon=True,
                                           name="flowscope-ws-" + self.name)
        self._ws_reader.start()
        self._ws, self._ws_answers = ws, answers
        return ws, answers

    def _read_ws(self, ws, answers):
        # Answers go to the sender waiting for them, in order; control changes apply at once.
        while True:
            text = ws.receive()
            if text is None:
                answers.put(None)
                return
            try:
                message = json.loads(text)
            except ValueError:
                continue
            if message.get("type") == "control":
                self._take_control(message, pushed=True)
            else:
                answers.put(message)

    def _take_control(self, answer, pushed=False):
        control = answer.get("control")
        interval = answer.get("heartbeat_interval_ms")
        command = None
        with self._lock:
            if interval:
                self.heartbeat_interval = max(0.1, interval / 1000.0)
            before = self._control
            if control and control.get("version", 0) > before.get("version", 0):
                self._control = control
                command = _command(before, control)
                # Resumed after a breakpoint stop: go on from it.
                if self._breakpoint and before["paused"] and not control["paused"]:
                    self._breakpoint = None
            self._lock.notify_all()
        if command and self.on_control:
            self.on_control(dict(control), command, pushed)


def _command(before, now):
    """What changed between two control states, named as the WebSocket's pushes name it; None
    when nothing the agent obeys changed."""
    if now.get("cancelled") and not before.get("cancelled"):
        return "cancel"
    if now.get("paused") != before.get("paused"):
        return "pause" if now.get("paused") else "resume"
    if now.get("breakpoints", []) != before.get("breakpoints", []):
        return "breakpoints"
    return None
