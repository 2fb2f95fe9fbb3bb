"""HTTP client of docker/test-stack.sh: what a browser, an agent's REST client and a poller do
through the stack's nginx (or, to tell which node holds a session, straight to one node).

Same paths as the production tests (src/test/java/fr/construisons/production/Rest.java, and the
/connexion sign-in of support/Http.java). Python's standard library only. Every command prints one
result line on success and exits non-zero with the reason otherwise.
"""

import base64
import http.client
import json
import re
import secrets
import sys
import time
import urllib.parse

CSRF_FIELD = re.compile(r'name="_csrf"\s+value="([^"]+)"')


class Client:
    """One HTTP client with its own cookies (a browser), optionally HTTP Basic (a REST client)."""

    def __init__(self, base, user=None, password=None, timeout=30):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.cookies = {}
        self.timeout = timeout
        self.auth = None
        if user:
            self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def request(self, method, path, body=None, content_type=None, cookies=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {"Accept": "application/json, text/html"}
        if self.auth:
            headers["Authorization"] = self.auth
        jar = self.cookies if cookies is None else cookies
        if jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        if body is not None:
            headers["Content-Type"] = content_type
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read().decode("utf-8", "replace")
            if cookies is None:
                for header, value in response.getheaders():
                    if header.lower() == "set-cookie":
                        name, _, rest = value.partition("=")
                        self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, data, dict((k.lower(), v) for k, v in response.getheaders())
        finally:
            connection.close()

    def json(self, method, path, payload=None, expect=200):
        body = None if payload is None else json.dumps(payload).encode()
        status, data, _ = self.request(method, path, body, "application/json")
        if status != expect:
            fail(f"{method} {path}: HTTP {status}, expected {expect}: {data[:300]}")
        return json.loads(data) if data.strip() else None

    def sign_in(self, user, password):
        """The agents' sign-in page, as a browser: the form's CSRF field, then the post."""
        status, page, _ = self.request("GET", "/connexion")
        token = CSRF_FIELD.search(page)
        if status != 200 or not token:
            fail(f"GET /connexion: HTTP {status}, CSRF field {'found' if token else 'missing'}")
        form = urllib.parse.urlencode({"identifiant": user, "motDePasse": password, "suite": "/idees",
                                       "_csrf": token.group(1)}).encode()
        status, _, headers = self.request("POST", "/connexion", form, "application/x-www-form-urlencoded")
        if status != 302 or not headers.get("location", "").endswith("/idees"):
            fail(f"sign-in of {user}: HTTP {status} to {headers.get('location')}")

    def signed_in(self, cookies=None):
        """True when this session is known where the request lands (/idees: 200, else a redirect to /connexion)."""
        status, _, _ = self.request("GET", "/idees", cookies=cookies)
        return status == 200


def fail(reason):
    print(reason, file=sys.stderr)
    sys.exit(1)


def string(value):
    return {"value": value, "type": "String"}


def idea_form(title):
    """IdeaScenario.restStartForm of the tests, for an agent of the education directorate."""
    return {"variables": {
        "title": string(title),
        "problem": string("Les agents des sites éloignés perdent du temps chaque semaine."),
        "solution": string("Mutualiser les accueils des implantations du Département."),
        "benefits": string("Du temps gagné pour les agents et un service de proximité."),
        "ideatorDirectorate": string("education"),
        "impactedDirectorates": {"value": '["dsi"]', "type": "Json"},
        "wantsToCarry": {"value": False, "type": "Boolean"},
    }}


def clarification_task(rest, instance, wait=120):
    deadline = time.time() + wait
    while True:
        tasks = rest.json("GET", f"/engine-rest/task?processInstanceId={instance}&taskDefinitionKey=Task_ClarifyIdea&maxResults=10")
        if len(tasks) == 1:
            return tasks[0]
        if time.time() > deadline:
            fail(f"no clarification call in {instance} after {wait} s: {tasks}")
        time.sleep(1)


def main(argv):
    command, base = argv[0], argv[1]
    if command == "set-passwords":
        # What Admin's « Mot de passe » page does: the administrator's own password confirms it.
        admin, admin_password, password, *users = argv[2:]
        rest = Client(base, admin, admin_password)
        for user in users:
            rest.json("PUT", f"/engine-rest/user/{user}/credentials",
                      {"password": password, "authenticatedUserPassword": admin_password}, expect=204)
        print(" ".join(users))
    elif command == "sign-in":
        user, password = argv[2:4]
        Client(base).sign_in(user, password)
        print(user)
    elif command == "submit":
        # « Déposer une idée » as Tasklist sends it; prints the instance id and the reference.
        user, password, title = argv[2:5]
        ack = Client(base, user, password).json(
            "POST", "/engine-rest/process-definition/key/idea-lifecycle/submit-form", idea_form(title))
        if not ack.get("businessKey"):
            fail(f"no reference in {ack}")
        print(ack["id"], ack["businessKey"])
    elif command == "task-name":
        user, password, instance = argv[2:5]
        print(clarification_task(Client(base, user, password), instance)["name"])
    elif command == "clarify":
        # The team member's clarification call, outcome FITS (Rest.completeClarification).
        user, password, instance = argv[2:5]
        rest = Client(base, user, password)
        task = clarification_task(rest, instance)
        rest.json("POST", f"/engine-rest/task/{task['id']}/complete", {"variables": {
            "clarificationOutcome": string("FITS"),
            "clarificationNotes": string("Appel du jour : la solution répond au problème posé.")}}, expect=204)
        print(task["id"])
    elif command == "sticky":
        # A browser signs in through nginx, then asks N more pages: each must land on the node that
        # holds its session. Which node that is: the session cookie tried on each node directly
        # (a session lives on one node only). Then the same session with N new random route
        # cookies must land elsewhere at least once: the route cookie, not chance, keeps it there.
        user, password, count, *nodes = argv[2:]
        count = int(count)
        browser = Client(base)
        browser.sign_in(user, password)
        if "construisons_route" not in browser.cookies:
            fail(f"nginx set no construisons_route cookie: {browser.cookies}")
        landed = sum(1 for _ in range(count) if browser.signed_in())
        holders = [node for node in nodes if Client(f"http://{node.split('=')[1]}:8080").signed_in(
            {k: v for k, v in browser.cookies.items() if k != "construisons_route"})]
        elsewhere = 0
        for _ in range(count):
            other = dict(browser.cookies, construisons_route=secrets.token_hex(16))
            elsewhere += 0 if browser.signed_in(other) else 1
        if landed != count or len(holders) != 1 or elsewhere == 0:
            fail(f"{landed}/{count} requests with the route cookie reached the session; nodes holding it: "
                 f"{holders}; {elsewhere}/{count} with random route cookies landed elsewhere")
        print(f"{holders[0].split('=')[0]} {landed} {elsewhere} {browser.cookies['construisons_route']}")
    elif command == "session-node":
        # Which of the nodes (name=address) knows the given browser's session cookies, "none" else.
        cookies = json.loads(argv[2])
        holders = [node.split("=")[0] for node in argv[3:]
                   if Client(f"http://{node.split('=')[1]}:8080").signed_in(cookies)]
        print(" ".join(holders) or "none")
    elif command == "poll":
        # GET /connexion (a page the application renders) every 0.2 s until the stop file exists;
        # prints "<requests> <failed>" and the failures. A client that sends no route cookie
        # lands on either node.
        stop_file = argv[2]
        import os
        client, sent, failures = Client(base, timeout=30), 0, []
        while not os.path.exists(stop_file):
            sent += 1
            try:
                status, _, _ = client.request("GET", "/connexion", cookies={})
                if status != 200:
                    failures.append(f"{time.strftime('%H:%M:%S')} HTTP {status}")
            except OSError as e:
                failures.append(f"{time.strftime('%H:%M:%S')} {e}")
            time.sleep(0.2)
        print(sent, len(failures))
        for failure in failures:
            print(" ", failure)
    elif command == "mails":
        # The mail catcher's /api/v1/messages: waits until each mail given is there.
        wait, *wanted = argv[2:]
        deadline = time.time() + int(wait)
        while True:
            listed = Client(base).json("GET", "/api/v1/messages")["messages"]
            seen = {f"{to['Address']}|{m['Subject']}" for m in listed for to in m["To"]}
            subjects = {m["Subject"] for m in listed}
            # "recipient|subject", or a subject alone when any recipient will do.
            missing = [w for w in wanted if w not in (seen if "|" in w else subjects)]
            if not missing:
                print(len(listed))
                return
            if time.time() > deadline:
                fail(f"missing after {wait} s: {missing}; the catcher holds: {sorted(seen)}")
            time.sleep(1)
    else:
        fail(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
