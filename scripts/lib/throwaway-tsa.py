"""A throw-away RFC 3161 time-stamp authority on 127.0.0.1 for scripts/check-authenticode.

Usage: throwaway-tsa.py DIR  (DIR as make_throwaway_signer in signing.sh wrote it: tsa.cnf,
tsa-cert.pem, tsa-key.pem). Prints the port it listens on, then answers every POSTed
time-stamp query with `openssl ts -reply` until it is killed. Test-only: never for a release.
"""
import http.server
import subprocess
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        reply = subprocess.run(
            ["openssl", "ts", "-reply", "-config", "tsa.cnf",
             "-queryfile", "/dev/stdin", "-out", "/dev/stdout"],
            input=query, capture_output=True, cwd=sys.argv[1])
        if reply.returncode != 0 or not reply.stdout:
            sys.stderr.write(reply.stderr.decode(errors="replace"))
            self.send_error(500, "openssl ts -reply failed")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(reply.stdout)))
        self.end_headers()
        self.wfile.write(reply.stdout)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
