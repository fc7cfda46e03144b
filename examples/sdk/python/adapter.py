#!/usr/bin/env python3
"""StartEngagementByAcceptingInvitationTask through boto3, as an engagement-contract-kit client
protocol v1 command:

    examples/sdk/python/.venv/bin/python examples/sdk/python/adapter.py --config shipped|recommended

boto3 finds everything itself: the endpoint in AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING (or
AWS_ENDPOINT_URL), the region in AWS_DEFAULT_REGION / AWS_REGION, the credentials in
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. stdin: the call's input; last stdout line:
{"result": {...}} (exit 0) or {"error": {"name", "message"}} (exit 1).
"""
import argparse
import datetime
import json
import sys

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


def call(config, call_input):
    # An absent ClientToken is left out, so that botocore generates one.
    params = {name: call_input[name] for name in ("Catalog", "Identifier", "ClientToken", "Tags") if name in call_input}
    try:
        client = boto3.client("partnercentral-selling", config=RECOMMENDED if config == "recommended" else None)
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", choices=("shipped", "recommended"), default="recommended")
    args = parser.parse_args()
    report = call(args.config, json.load(sys.stdin))
    print(json.dumps(report), flush=True)
    sys.exit(0 if "result" in report else 1)


if __name__ == "__main__":
    main()
