"""A stdlib-only static server for the bundled demo news site (``data/demo_site``).

Text files carry the placeholder ``__BASE_URL__`` for absolute URLs because the
port is random; it is replaced with the server's base URL on the way out.
Conditional requests (ETag / Last-Modified) are answered with 304, directory
paths serve their ``index.html``.  Run ``python -m newscrawl.demo.server``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import mimetypes
import threading
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PLACEHOLDER = "__BASE_URL__"
TEXT_TYPES = {".html": "text/html", ".htm": "text/html", ".xml": "application/xml", ".txt": "text/plain",
              ".json": "application/json", ".css": "text/css", ".js": "text/javascript"}
DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "data" / "demo_site"


def render_page(root: Path, rel_path: str, base_url: str) -> str:
    """The text of ``root/rel_path`` with ``__BASE_URL__`` replaced by ``base_url``."""
    text = (Path(root) / rel_path.lstrip("/")).read_text(encoding="utf-8")
    return text.replace(PLACEHOLDER, base_url.rstrip("/"))


def _resolve(root: Path, url_path: str) -> Path | None:
    """The file a URL path names inside ``root`` (None when outside or missing)."""
    try:
        path = (root / unquote(url_path).lstrip("/")).resolve()
    except (ValueError, OSError):  # "%00" in the URL: no such file, and no dropped connection
        return None
    if path != root and root not in path.parents:
        return None
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


class _Handler(BaseHTTPRequestHandler):
    server_version = "DemoNews/1.0"
    root: Path
    base_url: str

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - silent server
        pass

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _serve(self, body: bool) -> None:
        url_path = urlsplit(self.path).path or "/"
        path = _resolve(self.root, url_path)
        if path is None:
            return self._send(HTTPStatus.NOT_FOUND, b"<h1>404 Not Found</h1>", "text/html; charset=utf-8", body)
        if (self.root / unquote(url_path).lstrip("/")).is_dir() and not url_path.endswith("/"):
            return self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", body, {"Location": url_path + "/"})
        data = path.read_bytes()
        ctype = TEXT_TYPES.get(path.suffix.lower())
        if ctype:
            data = data.replace(PLACEHOLDER.encode(), self.base_url.encode())
            ctype += "; charset=utf-8"
        else:
            ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        mtime = int(path.stat().st_mtime)
        etag = f'"{hashlib.sha1(data).hexdigest()[:20]}"'
        headers = {"Last-Modified": formatdate(mtime, usegmt=True), "ETag": etag}
        if self._not_modified(etag, mtime):
            return self._send(HTTPStatus.NOT_MODIFIED, None, ctype, False, headers)
        self._send(HTTPStatus.OK, data, ctype, body, headers)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:  # If-None-Match wins over If-Modified-Since (RFC 9110)
            return inm.strip() == "*" or etag in [t.strip().removeprefix("W/") for t in inm.split(",")]
        try:
            return mtime <= parsedate_to_datetime(self.headers.get("If-Modified-Since", "")).timestamp()
        except (TypeError, ValueError, IndexError):
            return False

    def _send(self, status: HTTPStatus, data: bytes | None, ctype: str, body: bool, headers: dict | None = None) -> None:
        self.send_response(status)
        if data is not None:  # a 304 carries neither type nor length
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body and data:
            self.wfile.write(data)


class DemoServer:
    """Serve ``root`` on ``host:port`` (0 = a free port) from a daemon thread; a context manager."""

    def __init__(self, root: Path = DEFAULT_ROOT, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = Path(root).resolve()
        handler: type[_Handler] = type("DemoHandler", (_Handler,), {"root": self.root, "base_url": ""})
        self._httpd = ThreadingHTTPServer((host, port), handler)
        self._httpd.daemon_threads = True
        bound = self._httpd.server_address
        self.host = bound[0].decode() if isinstance(bound[0], bytes) else str(bound[0])
        self.port = int(bound[1])
        self.base_url = f"http://{self.host}:{self.port}"
        handler.base_url = self.base_url
        self._thread: threading.Thread | None = None

    def start(self) -> DemoServer:
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, name="demo-server", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the bundled demo news site.")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="folder of the demo site")
    args = parser.parse_args(argv)
    with DemoServer(args.root, host=args.host, port=args.port) as server:
        print(server.base_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
