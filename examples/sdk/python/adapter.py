#!/usr/bin/env python3
"""StartEngagementByAcceptingInvitationTask through boto3, as an engagement-contract-kit client
protocol v1 or v2 command:

    examples/sdk/python/.venv/bin/python examples/sdk/python/adapter.py --config shipped|recommended
    examples/sdk/python/.venv/bin/python examples/sdk/python/adapter.py --config recommended --protocol 2

Protocol v1: boto3 finds everything itself: the endpoint in AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING (or
AWS_ENDPOINT_URL), the region in AWS_DEFAULT_REGION / AWS_REGION, the credentials in
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. stdin: the call's input; last stdout line:
{"result": {...}} (exit 0) or {"error": {"name", "message"}} (exit 1).

Protocol v2: one request per stdin line, {"id", "endpoint", "region", "credentials", "input"}; a new
client per line, from that line's endpoint, region and credentials (a client's retry quota and clock
skew stay with it); one answer line per request, {"id", "result"} or {"id", "error"}, each call in a
thread of its own. Exits when stdin ends and every call is answered.
"""
import argparse
import datetime
import json
import os
import sys
import threading
import traceback

import boto3
from botocore.config import Config
from botocore.exceptions import (
    ClientError,
    ConnectionError,
    ConnectTimeoutError,
    HTTPClientError,
    ParamValidationError,
    ReadTimeoutError,
)

RECOMMENDED = Config(
    connect_timeout=1,
    read_timeout=1.5,
    retries={"mode": "standard"},  # 3 attempts; the default "legacy" mode makes 5
)


def rfc3339(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return value


# Protocol v2: one session for the process (it caches the service model, not per-client state such as the
# retry quota), clients made from it one at a time (a session is not thread-safe; its clients are).
SESSION = None
SESSION_LOCK = threading.Lock()


def new_client(config, where):
    """A client for one call: from the environment (v1), or from the request line (v2)."""
    botocore_config = RECOMMENDED if config == "recommended" else None
    if where is None:
        return boto3.client("partnercentral-selling", config=botocore_config)
    global SESSION
    with SESSION_LOCK:
        SESSION = SESSION or boto3.session.Session()
        return SESSION.client(
            "partnercentral-selling",
            config=botocore_config,
            endpoint_url=where["endpoint"],
            region_name=where["region"],
            aws_access_key_id=where["credentials"]["accessKeyId"],
            aws_secret_access_key=where["credentials"]["secretAccessKey"],
            aws_session_token=where["credentials"].get("sessionToken"),
        )


def call(config, call_input, where=None):
    # An absent ClientToken is left out, so that botocore generates one.
    params = {name: call_input[name] for name in ("Catalog", "Identifier", "ClientToken", "Tags") if name in call_input}
    try:
        client = new_client(config, where)
        response = client.start_engagement_by_accepting_invitation_task(**params)
    except ClientError as error:
        # The name and message exactly as botocore parsed them (response["Error"]).
        parsed = error.response.get("Error", {})
        return {"error": {"name": parsed.get("Code") or "UnknownError", "message": parsed.get("Message") or str(error)}}
    except ParamValidationError as error:
        return {"error": {"name": "ClientValidationError", "message": str(error)}}
    except (ConnectTimeoutError, ReadTimeoutError) as error:
        return {"error": {"name": "TimeoutError", "message": str(error)}}
    except (ConnectionError, HTTPClientError) as error:
        return {"error": {"name": "NetworkError", "message": str(error)}}
    except Exception as error:  # e.g. botocore.parsers.ResponseParserError
        return {"error": {"name": "UnknownError", "message": f"{type(error).__name__}: {error}"}}
    result = {name: rfc3339(value) for name, value in response.items() if name != "ResponseMetadata"}
    if config == "recommended" and not (result.get("TaskId") and result.get("TaskStatus")):
        return {"error": {"name": "UnknownError", "message": f"the service answered 200 without TaskId/TaskStatus: {json.dumps(result)}"}}
    return {"result": result}


def serve(config):
    """Protocol v2: answers each request line, in a thread of its own, until stdin ends."""
    stdout_lock = threading.Lock()

    def answer(request):
        try:
            report = call(config, request["input"], request)
        except Exception:  # as in v1, a failure outside the SDK call ends the process (a crash)
            traceback.print_exc()
            os._exit(70)
        with stdout_lock:
            print(json.dumps({"id": request["id"], **report}), flush=True)

    threads = []
    for line in sys.stdin:
        if line.strip():
            thread = threading.Thread(target=answer, args=(json.loads(line),))
            thread.start()
            threads = [t for t in threads if t.is_alive()] + [thread]
    for thread in threads:
        thread.join()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", choices=("shipped", "recommended"), default="recommended")
    parser.add_argument("--protocol", choices=("1", "2"), default="1")
    args = parser.parse_args()
    if args.protocol == "2":
        serve(args.config)
        return
    report = call(args.config, json.load(sys.stdin))
    print(json.dumps(report), flush=True)
    sys.exit(0 if "result" in report else 1)


if __name__ == "__main__":
    main()
