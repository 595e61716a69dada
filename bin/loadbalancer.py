"""A small round-robin reverse proxy on loopback, for `make cluster-demo` only.

    python bin/loadbalancer.py 127.0.0.1:8080 a=127.0.0.1:8001 b=127.0.0.1:8002

Each request goes to the next backend in turn. The proxy appends the client's
address to X-Forwarded-For and says which backend answered in an X-Served-By
response header, so the demo can show both instances being used. In production
use a real load balancer (nginx, HAProxy, the cloud's) as README "Deploying" says.
"""

import http.client
import itertools
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
}


def make_handler(backends: list[tuple[str, str, int]]):
    turns = itertools.cycle(backends)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def proxy(self):
            with lock:
                name, host, port = next(turns)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {
                key: value
                for key, value in self.headers.items()
                if key.lower() not in HOP_BY_HOP
            }
            forwarded = self.headers.get("X-Forwarded-For")
            client = self.client_address[0]
            headers["X-Forwarded-For"] = (
                f"{forwarded}, {client}" if forwarded else client
            )
            backend = http.client.HTTPConnection(host, port, timeout=60)
            try:
                backend.request(self.command, self.path, body=body, headers=headers)
                response = backend.getresponse()
                payload = response.read()
            except OSError as error:
                self.send_error(502, f"backend {name} unreachable: {error}")
                return
            finally:
                backend.close()
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in HOP_BY_HOP | {"content-length"}:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("X-Served-By", name)
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = proxy

        def log_message(self, format, *args):  # quiet: the demo prints its own
            pass

    return Handler


def main(argv: list[str]) -> None:
    listen, *specs = argv
    host, port = listen.rsplit(":", 1)
    backends = []
    for spec in specs:
        name, address = spec.split("=", 1)
        backend_host, backend_port = address.rsplit(":", 1)
        backends.append((name, backend_host, int(backend_port)))
    server = ThreadingHTTPServer((host, int(port)), make_handler(backends))
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
