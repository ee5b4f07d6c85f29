"""The room view's web server (`planner live --zaal`): a read-only page for a projector.

The standard library's http.server in a daemon thread, beside the Textual screen. It reads the
running LiveStaat through `beeld` on every request (the facilitator's screen and the room stay in
step without any messages between them) and only answers GET: nothing on the page can change the
session. By default it listens on 127.0.0.1 only; `open_=True` listens on every address of the
machine (the room's network) and then every address carries a random token, so a neighbour on the
same wifi who guesses the port sees nothing.
"""

from __future__ import annotations

import json
import secrets
import socket
import threading
from collections.abc import Callable
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from planner.kern.fouten import InvoerFout
from planner.kern.live_staat import LiveStaat
from planner.uitvoer.zaalscherm import beeld, pagina

STANDAARDPOORT = 8765


class ZaalScherm:
    """A running room server; `stop()` ends it (the command line does so when the screen closes)."""

    def __init__(self, staat: LiveStaat, klok: Callable[[], datetime], poort: int = STANDAARDPOORT,
                 open_: bool = False) -> None:
        self.staat = staat
        self.klok = klok
        self.token = secrets.token_urlsafe(9) if open_ else ""
        self.nonce = secrets.token_urlsafe(12)
        self.laatste: dict[str, object] | None = None
        self.slot = threading.Lock()
        host = "0.0.0.0" if open_ else "127.0.0.1"
        try:
            self.server = ThreadingHTTPServer((host, poort), _handler(self))
        except OSError as fout:
            import errno

            # The system's reason is English: the two a facilitator meets get Dutch words.
            reden = {errno.EADDRINUSE: "die poort is al in gebruik, bijvoorbeeld door een tweede 'planner live'",
                     errno.EACCES: "die poort mag dit programma niet gebruiken"}.get(
                         fout.errno or 0, fout.strerror or str(fout))
            raise InvoerFout(f"Het zaalscherm kan niet luisteren op poort {poort} ({reden}): "
                             "kies een andere met --zaal-poort.") from None
        self.server.daemon_threads = True
        self.poort = self.server.server_address[1]
        self.host = _eigen_adres() if open_ else "127.0.0.1"
        self.draad = threading.Thread(target=self.server.serve_forever, name="zaalscherm", daemon=True)
        self.draad.start()

    @property
    def adres(self) -> str:
        pad = f"/{self.token}/" if self.token else "/"
        return f"http://{self.host}:{self.poort}{pad}"

    def stand(self) -> dict[str, object]:
        """The room's data now; the last good one if reading the state failed mid-step."""
        with self.slot:
            try:
                self.laatste = beeld(self.staat, self.klok())
            except Exception:  # noqa: BLE001 - a half-made step must not take the projector down
                if self.laatste is None:
                    raise
            return self.laatste

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _eigen_adres() -> str:
    """This machine's address on the room's network (no packet is sent: UDP connect only picks a route)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere for real
            return str(s.getsockname()[0])
    except OSError:
        return socket.gethostname()


def _handler(zaal: ZaalScherm) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "planner-zaalscherm"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            # Never write to the terminal: the facilitator's full-screen clock lives there.
            return

        def _stuur(self, code: int, soort: str, inhoud: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", soort)
            self.send_header("Content-Length", str(len(inhoud)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Content-Security-Policy",
                             f"default-src 'none'; script-src 'nonce-{zaal.nonce}'; style-src 'unsafe-inline'; "
                             "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(inhoud)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            basis = f"/{zaal.token}/" if zaal.token else "/"
            pad = self.path.split("?", 1)[0]
            if zaal.token and pad == f"/{zaal.token}":
                self.send_response(301)
                self.send_header("Location", basis)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if pad in (basis, basis + "index.html"):
                titel = zaal.staat.origineel.draaiboek.titel
                self._stuur(200, "text/html; charset=utf-8", pagina(titel, zaal.nonce).encode("utf-8"))
            elif pad == basis + "stand.json":
                try:
                    inhoud = json.dumps(zaal.stand(), ensure_ascii=False).encode("utf-8")
                except Exception:  # noqa: BLE001 - the page shows 'no connection' and retries
                    self._stuur(503, "text/plain; charset=utf-8", b"Even geen stand.")
                    return
                self._stuur(200, "application/json; charset=utf-8", inhoud)
            else:
                self._stuur(404, "text/plain; charset=utf-8", b"Niet gevonden.")

        do_HEAD = do_GET

        def _alleen_lezen(self) -> None:
            self._stuur(405, "text/plain; charset=utf-8", b"Het zaalscherm kan alleen worden bekeken.")

        do_POST = do_PUT = do_DELETE = do_PATCH = _alleen_lezen

    return Handler
