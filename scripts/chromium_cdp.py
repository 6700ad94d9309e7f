"""Drive a headless Chromium through the DevTools protocol over a pipe: no websocket, no driver.

``--remote-debugging-pipe`` makes Chromium read protocol messages from fd 3 and write replies to
fd 4, each a JSON object ended by a NUL byte (the transport Playwright uses). Only the standard
library is needed, and nothing is downloaded: the browser is the system's ``chromium``.

    with Chromium.launch() as browser:
        page = browser.new_page(width=1400, height=900)
        page.goto(Path("report.html").as_uri())
        page.evaluate("document.title")
        page.click("#events tbody tr")
        Path("shot.png").write_bytes(page.screenshot())
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

# Flags that keep a headless Chromium quiet on a machine with no network, running as root.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
    "--font-render-hinting=none",
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium executable, from $CHROMIUM or the PATH; None when there is none."""
    named = os.environ.get("CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class CDPError(RuntimeError):
    """The browser answered a command with an error, went away, or did not answer in time."""


class Chromium:
    """One headless browser process and its protocol pipe."""

    def __init__(self, process: subprocess.Popen, to_browser: int, from_browser: int,
                 profile: tempfile.TemporaryDirectory) -> None:
        self._process = process
        self._out = to_browser
        self._in = from_browser
        self._profile = profile
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    @classmethod
    def launch(cls, executable: str | None = None, *, extra_flags: tuple[str, ...] = ()) -> Chromium:
        executable = executable or find_chromium()
        if executable is None:
            raise FileNotFoundError("no chromium executable on the PATH (Debian: apt-get install chromium)")
        profile = tempfile.TemporaryDirectory(prefix="prextract-chromium-")
        cmd_read, cmd_write = os.pipe()
        reply_read, reply_write = os.pipe()
        # copies at fd >= 10, so that placing them at 3 and 4 in the child can never overwrite
        # one with the other
        child_in = fcntl.fcntl(cmd_read, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(reply_write, fcntl.F_DUPFD_CLOEXEC, 10)
        for fd in (cmd_read, reply_write):
            os.close(fd)

        def place_pipe_fds() -> None:  # runs in the child between fork and exec
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        args = [executable, *CHROMIUM_FLAGS, *extra_flags, f"--user-data-dir={profile.name}",
                "--remote-debugging-pipe", "about:blank"]
        # close_fds=False: every other descriptor of ours is non-inheritable (PEP 446), and the
        # two placed ones must survive the exec
        process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, close_fds=False,
                                   preexec_fn=place_pipe_fds)
        os.close(child_in)
        os.close(child_out)
        return cls(process, cmd_write, reply_read, profile)

    # -- the protocol ---------------------------------------------------------------------
    def send(self, method: str, params: dict[str, Any] | None = None, *,
             session: str | None = None, timeout: float = 30.0) -> dict[str, Any]:
        """Send one command and wait for its reply; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                data = data[os.write(self._out, data):]
        except OSError as exc:
            raise CDPError(f"{method}: the browser closed its pipe ({exc})") from exc
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline, method)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_event(self, method: str, *, session: str | None = None, timeout: float = 30.0) -> dict[str, Any]:
        """The first event named ``method`` (already received or arriving within ``timeout``)."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == method and (session is None or event.get("sessionId") == session):
                    del self._events[index]
                    return event.get("params", {})
            self._events.append(self._receive(deadline, method))

    def _receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CDPError(f"{waiting_for}: no answer from the browser in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 16)
                if not chunk:
                    raise CDPError(f"{waiting_for}: the browser exited (code {self._process.poll()})")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    # -- pages ----------------------------------------------------------------------------
    def new_page(self, *, width: int = 1400, height: int = 900, scale: float = 1.0) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False})
        return page

    def close(self) -> None:
        try:
            if self._process.poll() is None:
                try:
                    self.send("Browser.close", timeout=5)
                except CDPError:
                    pass
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
        finally:
            for fd in (self._out, self._in):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._profile.cleanup()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class Page:
    """A tab attached in flat mode: commands carry its session id."""

    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser = browser
        self.session = session

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30.0) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def goto(self, url: str, *, timeout: float = 30.0) -> float:
        """Load ``url`` and wait for its load event; returns the seconds it took."""
        started = time.monotonic()
        result = self.call("Page.navigate", {"url": url}, timeout=timeout)
        if result.get("errorText"):
            raise CDPError(f"cannot open {url}: {result['errorText']}")
        self.browser.wait_event("Page.loadEventFired", session=self.session, timeout=timeout)
        return time.monotonic() - started

    def evaluate(self, expression: str, *, timeout: float = 30.0) -> Any:
        """The value of a JavaScript expression (promises are awaited); page errors raise."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CDPError(f"JavaScript error: {text}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, *, timeout: float = 10.0) -> Any:
        """Poll a JavaScript expression until it is truthy; its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CDPError(f"timed out waiting for: {expression}")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """Scroll the first element matching ``selector`` into view and click its centre with
        real mouse events (press and release), as a person would."""
        # scrolled into view, then measured until it stops moving (a smooth scroll the page
        # started may still be running), so that the click lands where the element is
        box = self.evaluate(
            f"(async () => {{ const el = document.querySelector({json.dumps(selector)});"
            " if (!el) return null; el.scrollIntoView({block: 'center', behavior: 'instant'});"
            " const frame = () => new Promise(r => requestAnimationFrame(() => r()));"
            " let last = null;"
            " for (let i = 0; i < 60; i++) { await frame(); const r = el.getBoundingClientRect();"
            "   const now = {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height};"
            "   if (last && now.x === last.x && now.y === last.y) return now; last = now; }"
            " return last; })()")
        if not box or not box["w"] or not box["h"]:
            raise CDPError(f"nothing visible to click at {selector!r}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"],
                                                   "button": "left", "clickCount": 1})

    def errors(self) -> list[str]:
        """Uncaught JavaScript errors and console errors of this page so far."""
        self.evaluate("0")  # a round trip, so that events sent before now have been read
        found = []
        for event in self.browser._events:
            if event.get("sessionId") != self.session:
                continue
            params = event.get("params", {})
            if event.get("method") == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append(details.get("exception", {}).get("description") or details.get("text", "error"))
            elif event.get("method") == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        return found

    def screenshot(self, *, full_page: bool = False, clip: dict[str, float] | None = None) -> bytes:
        """A PNG of the viewport, of ``clip`` (page coordinates), or of the whole page."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.evaluate("({w: document.documentElement.scrollWidth,"
                                 " h: document.documentElement.scrollHeight})")
            clip = {"x": 0, "y": 0, "width": size["w"], "height": size["h"]}
        if clip is not None:
            params["clip"] = {**clip, "scale": 1}
            params["captureBeyondViewport"] = True
        return base64.b64decode(self.call("Page.captureScreenshot", params, timeout=60)["data"])
