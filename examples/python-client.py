#!/usr/bin/env python3
"""A StartEngagementByAcceptingInvitationTask client in plain Python (standard library only, no SDK),
speaking the engagement-contract-kit client protocol v1 or v2:

    eck check --command "python3 examples/python-client.py"
    eck check --command "python3 examples/python-client.py --protocol 2" --protocol 2

Protocol v1 (a process per call):
- stdin: one JSON object, the call's input (Catalog, Identifier, maybe ClientToken, Tags).
- environment: AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING (or AWS_ENDPOINT_URL), AWS_REGION,
  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, optional AWS_SESSION_TOKEN.
- stdout, last line: {"result": {...}} with exit code 0, or {"error": {"name", "message"}} with exit 1.

Protocol v2 (one process, many calls):
- stdin: one JSON object per line, {"id", "scenario", "endpoint", "region", "credentials", "input"}.
- stdout: one line per request, {"id", "result": {...}} or {"id", "error": {"name", "message"}}, in any
  order; each call runs in a thread of its own, with nothing shared between calls.
- the process exits when stdin ends, once the calls in flight are answered.

It does what a careful client must: a ClientToken generated once when the input has none and reused on
every attempt, SigV4 signing, a timeout per attempt, up to 3 attempts with full-jitter backoff on
throttling, 500/502/503/504, timeouts and resets (honouring Retry-After), and error names read from
__type, code or X-Amzn-Errortype in every form (service-facts section 4).
"""
import datetime
import hashlib
import hmac
import http.client
import json
import os
import random
import socket
import sys
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import uuid

SERVICE = "partnercentral-selling"
TARGET = "AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask"
CONTENT_TYPE = "application/x-amz-json-1.0"
MAX_ATTEMPTS = 3
ATTEMPT_TIMEOUT_S = 1.0
TRANSIENT_STATUS = {500, 502, 503, 504}
THROTTLING_NAMES = {"ThrottlingException", "TooManyRequestsException", "RequestThrottled", "ThrottledException"}


def _hmac(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def sign(method, url, headers, body, region, access_key, secret_key, session_token=None):
    """Adds SigV4 headers (Authorization, X-Amz-Date, X-Amz-Security-Token) to `headers`."""
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    date = amz_date[:8]
    parsed = urllib.parse.urlsplit(url)
    headers["host"] = parsed.netloc
    headers["x-amz-date"] = amz_date
    if session_token:
        headers["x-amz-security-token"] = session_token
    names = sorted(name.lower() for name in headers)
    canonical_headers = "".join(f"{name}:{' '.join(str(headers[name]).split())}\n" for name in names)
    signed_headers = ";".join(names)
    path = urllib.parse.quote(parsed.path or "/", safe="/-_.~")
    canonical_request = "\n".join([method, path, parsed.query, canonical_headers, signed_headers, hashlib.sha256(body).hexdigest()])
    scope = f"{date}/{region}/{SERVICE}/aws4_request"
    string_to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()])
    key = _hmac(_hmac(_hmac(_hmac(("AWS4" + secret_key).encode("utf-8"), date), region), SERVICE), "aws4_request")
    signature = hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    headers["authorization"] = f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, SignedHeaders={signed_headers}, Signature={signature}"


def error_name(body, headers):
    """The error's name from body __type, body code, then X-Amzn-Errortype (service-facts section 4)."""
    raw = None
    if isinstance(body, dict):
        for key in ("__type", "code"):
            if isinstance(body.get(key), str) and body[key]:
                raw = body[key]
                break
    if raw is None:
        raw = headers.get("X-Amzn-Errortype") or headers.get("x-amzn-errortype")
    if not raw:
        return None
    raw = raw.split(",")[0].split(":")[0]
    return raw.split("#")[-1] or None


def retry_after_s(headers):
    value = headers.get("Retry-After") or headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, min(float(value), 20.0))
    except ValueError:
        return None


def attempt(url, body, region, credentials):
    """One attempt: ('result', members) | ('error', name, message, retryable, retry_after)."""
    headers = {"content-type": CONTENT_TYPE, "x-amz-target": TARGET}
    sign("POST", url, headers, body, region, credentials["accessKeyId"], credentials["secretAccessKey"], credentials.get("sessionToken"))
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=ATTEMPT_TIMEOUT_S) as response:
            status, response_headers, text = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, response_headers = error.code, error.headers
        try:
            text = error.read()
        except Exception:  # a body cut short
            text = b""
    except (socket.timeout, TimeoutError) as error:
        return ("error", "TimeoutError", str(error) or "timed out", True, None)
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return ("error", "TimeoutError", str(reason) or "timed out", True, None)
        return ("error", "NetworkError", str(reason), True, None)
    try:
        parsed = json.loads(text.decode("utf-8")) if text else {}
    except (UnicodeDecodeError, ValueError):
        parsed = None
    if 200 <= status < 300:
        if not isinstance(parsed, dict):
            return ("error", "UnknownError", f"HTTP {status} with a body that is not a JSON object", False, None)
        # A 200 without a TaskId and a TaskStatus names no task: never report one that does not exist.
        if not parsed.get("TaskId") or not parsed.get("TaskStatus"):
            return ("error", "UnknownError", f"HTTP {status} without a TaskId and a TaskStatus", False, None)
        return ("result", parsed)
    name = error_name(parsed, response_headers)
    message = ""
    if isinstance(parsed, dict):
        message = parsed.get("Message") or parsed.get("message") or ""
    retryable = status == 429 or status in TRANSIENT_STATUS or name in THROTTLING_NAMES
    if name is None:
        name = "UnknownError"
        message = message or f"HTTP {status} without an error name"
    return ("error", name, str(message), retryable, retry_after_s(response_headers))


def call(call_input, endpoint, region, credentials):
    """One call, retries included: {"result": {...}} or {"error": {"name", "message"}}."""
    if not isinstance(call_input, dict):
        return {"error": {"name": "ClientValidationError", "message": "the input is not a JSON object"}}
    url = endpoint.rstrip("/") + "/"
    payload = dict(call_input)
    if "ClientToken" not in payload:
        payload["ClientToken"] = str(uuid.uuid4())  # once, so every attempt carries the same token
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    for number in range(1, MAX_ATTEMPTS + 1):
        outcome = attempt(url, body, region, credentials)
        if outcome[0] == "result":
            return {"result": outcome[1]}
        _, name, message, retryable, retry_after = outcome
        if not retryable or number == MAX_ATTEMPTS:
            return {"error": {"name": name, "message": message}}
        base = 1.0 if name in THROTTLING_NAMES else 0.05
        time.sleep(retry_after if retry_after is not None else random.random() * min(base * 2 ** (number - 1), 20.0))
    return {"error": {"name": "UnknownError", "message": "no attempt made"}}


def main_v1():
    env = os.environ
    try:
        call_input = json.loads(sys.stdin.read())
    except ValueError as error:
        print(json.dumps({"error": {"name": "ClientValidationError", "message": str(error)}}))
        return 1
    endpoint = env.get("AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING") or env.get("AWS_ENDPOINT_URL") or "https://partnercentral-selling.us-east-1.api.aws"
    region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1"
    credentials = {"accessKeyId": env["AWS_ACCESS_KEY_ID"], "secretAccessKey": env["AWS_SECRET_ACCESS_KEY"], "sessionToken": env.get("AWS_SESSION_TOKEN")}
    report = call(call_input, endpoint, region, credentials)
    print(json.dumps(report, ensure_ascii=False))
    return 0 if "result" in report else 1


def main_v2():
    stdout_lock = threading.Lock()

    def answer(request):
        # Everything a call uses comes from its own line: endpoint, region, credentials (nothing leaks).
        try:
            report = call(request.get("input"), request["endpoint"], request["region"], request["credentials"])
        except Exception:  # a bug: end the process, as a v1 client would (a crash, not a call left unanswered)
            traceback.print_exc()
            os._exit(70)
        line = json.dumps({"id": request["id"], **report}, ensure_ascii=False)
        with stdout_lock:  # one whole line at a time
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    threads = []
    for line in sys.stdin:  # lines can be over 1 MiB (an over-long input): read whole lines
        if not line.strip():
            continue
        thread = threading.Thread(target=answer, args=(json.loads(line),))
        thread.start()
        threads = [t for t in threads if t.is_alive()] + [thread]
    for thread in threads:  # stdin ended: answer what is in flight, then exit
        thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main_v2() if sys.argv[1:] == ["--protocol", "2"] else main_v1())
