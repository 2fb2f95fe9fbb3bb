"""Test stand-in for Mailpit (see mailpit.Dockerfile): SMTP on 1025, a subset of Mailpit's API on 8025.

GET /api/v1/messages    {"total": n, "count": n, "messages": [{"ID", "Created", "From", "To", "Subject"}]}
                        as Mailpit lists them, newest first; "To" is the envelope's recipients.
DELETE /api/v1/messages forgets every message.
Messages are kept in memory only: a restart of the container loses them (Mailpit keeps them in a file
that the compose file does not put on a volume either).
"""

import email
import email.policy
import itertools
import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

MESSAGES = []
LOCK = threading.Lock()
IDS = itertools.count(1)


def addresses(values):
    return [{"Name": "", "Address": value} for value in values]


class Catcher:
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        entry = {
            "ID": str(next(IDS)),
            "Created": datetime.now(timezone.utc).isoformat(),
            "From": {"Name": "", "Address": envelope.mail_from},
            "To": addresses(envelope.rcpt_tos),
            "Subject": str(message.get("Subject", "")),
        }
        with LOCK:
            MESSAGES.append(entry)
        print("mail", entry["ID"], entry["To"][0]["Address"] if entry["To"] else "-", entry["Subject"], flush=True)
        return "250 Message accepted for delivery"


class Api(BaseHTTPRequestHandler):
    def _json(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.split("?")[0] != "/api/v1/messages":
            return self._json(404, {"error": "not found"})
        with LOCK:
            listed = list(reversed(MESSAGES))
        self._json(200, {"total": len(listed), "count": len(listed), "messages": listed})

    def do_DELETE(self):
        if self.path.split("?")[0] != "/api/v1/messages":
            return self._json(404, {"error": "not found"})
        with LOCK:
            MESSAGES.clear()
        self._json(200, {})

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    smtp = Controller(Catcher(), hostname="0.0.0.0", port=1025)
    smtp.start()
    print("SMTP on 1025, API on 8025", flush=True)
    ThreadingHTTPServer(("0.0.0.0", 8025), Api).serve_forever()
