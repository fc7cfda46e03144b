//! An engagement-contract-kit client protocol v1 or v2 adapter around the AWS SDK for Rust.
//!
//! Protocol v1: stdin: the call's input JSON. Last stdout line: `{"result":{...}}` (exit 0) or
//! `{"error":{"name","message"}}` (exit 1).
//!
//! Protocol v2: one request per stdin line, `{"id","endpoint","region","credentials","input"}`; each call is a
//! task of its own with an `SdkConfig` and a `Client` built from its line (nothing carries over to the next call:
//! not the endpoint, not the retry partition's tokens, not the clock skew); one answer line per request,
//! `{"id","result"}` or `{"id","error"}`. Exits when stdin ends and every call is answered.
//!
//! Usage: `eck-adapter-rust [--config shipped|recommended] [--protocol 1|2]`

use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_partnercentralselling::Client;
use aws_sdk_partnercentralselling::config::interceptors::InterceptorContext;
use aws_sdk_partnercentralselling::config::retry::{ClassifyRetry, RetryAction};
use aws_sdk_partnercentralselling::config::{Credentials, Region};
use aws_sdk_partnercentralselling::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_partnercentralselling::operation::start_engagement_by_accepting_invitation_task::{
    StartEngagementByAcceptingInvitationTaskError, StartEngagementByAcceptingInvitationTaskOutput,
};
use aws_sdk_partnercentralselling::primitives::DateTimeFormat;
use aws_sdk_partnercentralselling::types::Tag;
use aws_smithy_runtime_api::client::retries::classifiers::RetryClassifierPriority;
use aws_smithy_types::retry::ErrorKind;
use serde_json::{Map, Value, json};

#[derive(Clone, Copy, PartialEq)]
enum Config {
    /// The SDK's defaults: only region, credentials and endpoint come from the environment.
    Shipped,
    /// What we tell users to set: a 2 s limit per attempt, 8 s for the call, standard retries, any 429 retried as
    /// throttling and `Retry-After` honoured (see `ThrottlingStatusAndRetryAfter`).
    Recommended,
}

/// Added in the recommended config through the SDK's own extension point (`retry_classifier`), for two gaps the
/// runs showed in aws-runtime/aws-smithy-runtime:
/// - throttling is recognised by error code only, and transient statuses are 500/502/503/504 only, so a 429 whose
///   body names no error (a proxy's or gateway's HTML page) is not retried: here any 429 is a throttling error;
/// - only `x-amz-retry-after` is read, not the standard `Retry-After`: here `Retry-After: <seconds>` on a 429 or
///   503 becomes the retry's delay (the standard strategy still bounds it).
#[derive(Debug)]
struct ThrottlingStatusAndRetryAfter;

impl ClassifyRetry for ThrottlingStatusAndRetryAfter {
    fn classify_retry(&self, ctx: &InterceptorContext) -> RetryAction {
        let Some(response) = ctx.response() else {
            return RetryAction::NoActionIndicated;
        };
        let kind = match response.status().as_u16() {
            429 => ErrorKind::ThrottlingError,
            503 => ErrorKind::ServerError,
            _ => return RetryAction::NoActionIndicated,
        };
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok());
        match retry_after {
            Some(seconds) => {
                RetryAction::retryable_error_with_explicit_delay(kind, Duration::from_secs(seconds))
            }
            None if kind == ErrorKind::ThrottlingError => RetryAction::throttling_error(),
            None => RetryAction::NoActionIndicated,
        }
    }

    fn name(&self) -> &'static str {
        "429 is throttling; Retry-After is honoured"
    }

    /// After the SDK's own classifiers, so that its verdict (a throttling error code, with no delay) is refined.
    fn priority(&self) -> RetryClassifierPriority {
        RetryClassifierPriority::run_after(RetryClassifierPriority::transient_error_classifier())
    }
}

/// The protocol's error: a name and a message.
struct Failure(String, String);

fn fail(name: &str, message: impl Into<String>) -> Failure {
    Failure(name.to_string(), message.into())
}

/// Where a protocol v2 call goes: the endpoint, region and credentials of its request line.
struct Where {
    endpoint: String,
    region: String,
    credentials: Credentials,
}

impl Where {
    fn of(line: &Value) -> Where {
        let text = |value: &Value| value.as_str().unwrap_or_default().to_string();
        let credentials = &line["credentials"];
        Where {
            endpoint: text(&line["endpoint"]),
            region: text(&line["region"]),
            credentials: Credentials::new(
                text(&credentials["accessKeyId"]),
                text(&credentials["secretAccessKey"]),
                credentials["sessionToken"].as_str().map(str::to_string),
                None,
                "eck request line",
            ),
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let (config, protocol) = match (parse_config(), parse_protocol()) {
        (Some(config), Some(protocol)) => (config, protocol),
        _ => {
            eprintln!("usage: eck-adapter-rust [--config shipped|recommended] [--protocol 1|2]");
            return ExitCode::from(2);
        }
    };
    if protocol == 2 {
        serve(config).await;
        return ExitCode::SUCCESS;
    }
    let (line, code) = match run(config).await {
        Ok(result) => (json!({ "result": result }), ExitCode::SUCCESS),
        Err(Failure(name, message)) => (
            json!({ "error": { "name": name, "message": message } }),
            ExitCode::FAILURE,
        ),
    };
    println!("{line}");
    code
}

fn option(name: &str, default: &'static str) -> Option<String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let prefix = format!("{name}=");
    match args.iter().position(|a| a == name) {
        Some(i) => args.get(i + 1).cloned(),
        None => Some(
            args.iter()
                .find_map(|a| a.strip_prefix(prefix.as_str()))
                .unwrap_or(default)
                .to_string(),
        ),
    }
}

fn parse_config() -> Option<Config> {
    match option("--config", "recommended")?.as_str() {
        "shipped" => Some(Config::Shipped),
        "recommended" => Some(Config::Recommended),
        _ => None,
    }
}

fn parse_protocol() -> Option<u8> {
    match option("--protocol", "1")?.as_str() {
        "1" => Some(1),
        "2" => Some(2),
        _ => None,
    }
}

/// Protocol v2: answers each request line in a task of its own until stdin ends.
async fn serve(config: Config) {
    // As in v1, a panic ends the process (a crash), instead of leaving its call unanswered.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("{info}");
        std::process::exit(70);
    }));
    let mut calls = Vec::new();
    loop {
        let line = tokio::task::spawn_blocking(|| {
            // Lines can be over 1 MiB (an over-long input): read_line reads a whole line, however long.
            let mut line = String::new();
            match std::io::stdin().read_line(&mut line) {
                Ok(0) | Err(_) => None,
                Ok(_) => Some(line),
            }
        })
        .await
        .ok()
        .flatten();
        let Some(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let request: Value = serde_json::from_str(&line).expect("a request line is JSON");
        calls.retain(|call: &tokio::task::JoinHandle<()>| !call.is_finished());
        calls.push(tokio::spawn(async move {
            let id = request["id"].clone();
            let answer = match call(config, &request["input"], Some(Where::of(&request))).await {
                Ok(result) => json!({ "id": id, "result": result }),
                Err(Failure(name, message)) => {
                    json!({ "id": id, "error": { "name": name, "message": message } })
                }
            };
            println!("{answer}");
        }));
    }
    for call in calls {
        let _ = call.await;
    }
}

async fn run(config: Config) -> Result<Value, Failure> {
    let mut stdin = String::new();
    std::io::stdin().read_to_string(&mut stdin).map_err(|e| {
        fail(
            "ClientValidationError",
            format!("cannot read the input: {e}"),
        )
    })?;
    let input: Value = serde_json::from_str(&stdin).map_err(|e| {
        fail(
            "ClientValidationError",
            format!("the input is not JSON: {e}"),
        )
    })?;
    call(config, &input, None).await
}

/// One call with a client of its own: from the environment (v1), or from the request line (v2).
async fn call(config: Config, input: &Value, target: Option<Where>) -> Result<Value, Failure> {
    let input = input
        .as_object()
        .ok_or_else(|| fail("ClientValidationError", "the input is not a JSON object"))?;

    // v1: region, credentials and the endpoint (AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, then AWS_ENDPOINT_URL)
    // come from the environment through aws-config's default chains; static credentials in the environment are
    // found before the chain would reach instance metadata. v2: the request line's, set explicitly.
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    if let Some(target) = target {
        loader = loader
            .endpoint_url(target.endpoint)
            .region(Region::new(target.region))
            .credentials_provider(target.credentials);
    }
    if config == Config::Recommended {
        loader = loader
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(1))
                    .operation_attempt_timeout(Duration::from_secs(2))
                    .operation_timeout(Duration::from_secs(8))
                    .build(),
            )
            .retry_config(RetryConfig::standard());
    }
    let sdk_config = loader.load().await;
    let client = match config {
        Config::Shipped => Client::new(&sdk_config),
        Config::Recommended => Client::from_conf(
            aws_sdk_partnercentralselling::config::Builder::from(&sdk_config)
                .retry_classifier(ThrottlingStatusAndRetryAfter)
                .build(),
        ),
    };

    let mut call = client
        .start_engagement_by_accepting_invitation_task()
        .set_catalog(string(input, "Catalog")?)
        .set_identifier(string(input, "Identifier")?)
        // None: the SDK generates an idempotency token (a UUID) itself.
        .set_client_token(string(input, "ClientToken")?);
    if let Some(tags) = input.get("Tags").filter(|t| !t.is_null()) {
        let tags = tags
            .as_array()
            .ok_or_else(|| fail("ClientValidationError", "Tags must be a list"))?;
        for tag in tags {
            let tag = tag.as_object().ok_or_else(|| {
                fail(
                    "ClientValidationError",
                    "each member of Tags must be an object",
                )
            })?;
            let tag = Tag::builder()
                .set_key(string(tag, "Key")?)
                .set_value(string(tag, "Value")?)
                .build()
                .map_err(|e| fail("ClientValidationError", e.to_string()))?;
            call = call.tags(tag);
        }
        if tags.is_empty() {
            call = call.set_tags(Some(Vec::new()));
        }
    }

    let output = call.send().await.map_err(to_failure)?;
    let result = to_result(&output);
    if config == Config::Recommended
        && (output.task_id().unwrap_or_default().is_empty() || output.task_status().is_none())
    {
        return Err(fail(
            "UnknownError",
            format!("the service answered 200 without TaskId/TaskStatus (the SDK parsed {result})"),
        ));
    }
    Ok(result)
}

fn string(object: &Map<String, Value>, member: &str) -> Result<Option<String>, Failure> {
    match object.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(fail(
            "ClientValidationError",
            format!("{member} must be a string, got {other}"),
        )),
    }
}

fn to_result(output: &StartEngagementByAcceptingInvitationTaskOutput) -> Value {
    let mut result = Map::new();
    let mut put = |name: &str, value: Option<&str>| {
        if let Some(value) = value {
            result.insert(name.to_string(), Value::String(value.to_string()));
        }
    };
    put("TaskId", output.task_id());
    put("TaskArn", output.task_arn());
    let start_time = output
        .start_time()
        .and_then(|t| t.fmt(DateTimeFormat::DateTime).ok());
    put("StartTime", start_time.as_deref());
    put("TaskStatus", output.task_status().map(|s| s.as_str()));
    put("Message", output.message());
    put("ReasonCode", output.reason_code().map(|r| r.as_str())); // an unknown code keeps its raw string
    put("OpportunityId", output.opportunity_id());
    put("ResourceSnapshotJobId", output.resource_snapshot_job_id());
    put("EngagementInvitationId", output.engagement_invitation_id());
    Value::Object(result)
}

/// Names the error from what the SDK parsed only: the modelled error's code, or the kind of SdkError.
fn to_failure(
    err: SdkError<
        StartEngagementByAcceptingInvitationTaskError,
        aws_sdk_partnercentralselling::config::http::HttpResponse,
    >,
) -> Failure {
    let message = DisplayErrorContext(&err).to_string();
    match &err {
        SdkError::ServiceError(service) => {
            let e = service.err();
            match e.code() {
                Some(code) if !code.is_empty() => {
                    fail(code, e.message().map(str::to_string).unwrap_or(message))
                }
                _ => fail("UnknownError", message),
            }
        }
        SdkError::TimeoutError(_) => fail("TimeoutError", message),
        SdkError::DispatchFailure(dispatch) if dispatch.is_timeout() => {
            fail("TimeoutError", message)
        }
        SdkError::DispatchFailure(dispatch) if dispatch.is_io() => fail("NetworkError", message),
        SdkError::ConstructionFailure(_) => fail("ClientValidationError", message),
        _ => fail("UnknownError", message),
    }
}
