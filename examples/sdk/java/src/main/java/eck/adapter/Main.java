package eck.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClientBuilder;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementByAcceptingInvitationTaskRequest;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementByAcceptingInvitationTaskResponse;
import software.amazon.awssdk.services.partnercentralselling.model.Tag;

/**
 * An engagement-contract-kit client protocol v1 or v2 adapter around the AWS SDK for Java 2.x.
 *
 * <p>Protocol v1: stdin: the call's input JSON. Last stdout line: {"result":{...}} (exit 0) or
 * {"error":{"name","message"}} (exit 1).
 *
 * <p>Protocol v2: one request per stdin line, {"id","endpoint","region","credentials","input"}; each call on a
 * thread of its own with a client built from its line (its own HTTP connection pool, retry token bucket and clock
 * skew: nothing carries over to the next call); one answer line per request, {"id","result"} or {"id","error"}.
 * Exits when stdin ends and every call is answered.
 *
 * <p>Usage: java -jar target/eck-adapter-java.jar [--config shipped|recommended] [--protocol 1|2]
 */
public final class Main {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Input the SDK's typed request cannot express: nothing is sent. */
  private static final class ClientValidationError extends Exception {
    ClientValidationError(String message) {
      super(message);
    }
  }

  /** Where a protocol v2 call goes: the endpoint, region and credentials of its request line. */
  record Where(String endpoint, String region, String accessKeyId, String secretAccessKey, String sessionToken) {
    static Where of(JsonNode line) {
      JsonNode credentials = line.path("credentials");
      return new Where(line.path("endpoint").asText(), line.path("region").asText(),
          credentials.path("accessKeyId").asText(), credentials.path("secretAccessKey").asText(),
          credentials.hasNonNull("sessionToken") ? credentials.get("sessionToken").asText() : null);
    }
  }

  public static void main(String[] args) throws Exception {
    String config = "recommended";
    String protocol = "1";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) config = args[++i];
      else if (args[i].startsWith("--config=")) config = args[i].substring("--config=".length());
      else if (args[i].equals("--protocol") && i + 1 < args.length) protocol = args[++i];
    }
    if (!config.equals("shipped") && !config.equals("recommended") || !protocol.equals("1") && !protocol.equals("2")) {
      System.err.println("usage: --config shipped|recommended [--protocol 1|2]");
      System.exit(2);
    }
    if (protocol.equals("2")) {
      serve(config);
      return;
    }
    ObjectNode out;
    try {
      out = call(config, JSON.readTree(System.in), null);
    } catch (IOException e) {
      out = JSON.createObjectNode();
      out.set("error", error("ClientValidationError", "the input is not JSON: " + e.getMessage()));
    }
    System.out.println(out);
    System.out.flush();
    System.exit(out.has("result") ? 0 : 1);
  }

  /** Protocol v2: answers each request line on a thread of its own until stdin ends, then exits. */
  static void serve(String config) throws IOException, InterruptedException {
    ExecutorService calls = Executors.newCachedThreadPool();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) continue;
      JsonNode request = JSON.readTree(line);
      calls.execute(() -> {
        try {
          ObjectNode out = call(config, request.get("input"), Where.of(request));
          ObjectNode answer = JSON.createObjectNode();
          answer.set("id", request.get("id"));
          answer.setAll(out);
          String text = answer.toString();
          synchronized (System.out) {
            System.out.println(text);
            System.out.flush();
          }
        } catch (Throwable t) {
          // As in v1, a failure outside the SDK call ends the process: a crash, not a call left unanswered.
          t.printStackTrace();
          Runtime.getRuntime().halt(70);
        }
      });
    }
    calls.shutdown();
    calls.awaitTermination(1, TimeUnit.HOURS);
    System.exit(0);
  }

  /** One call with a client of its own: {"result":{...}} or {"error":{...}}. */
  static ObjectNode call(String config, JsonNode input, Where where) {
    ObjectNode out = JSON.createObjectNode();
    try {
      StartEngagementByAcceptingInvitationTaskRequest request = toRequest(input);
      try (PartnerCentralSellingClient client = buildClient(config, where)) {
        StartEngagementByAcceptingInvitationTaskResponse response =
            client.startEngagementByAcceptingInvitationTask(request);
        ObjectNode result = toResult(response);
        if (config.equals("recommended") && (isEmpty(response.taskId()) || isEmpty(response.taskStatusAsString()))) {
          out.set("error", error("UnknownError",
              "the service answered 200 without TaskId/TaskStatus (the SDK parsed " + result + ")"));
        } else {
          out.set("result", result);
        }
      }
    } catch (ClientValidationError e) {
      out.set("error", error("ClientValidationError", e.getMessage()));
    } catch (RuntimeException e) {
      out.set("error", toError(e));
    }
    return out;
  }

  /**
   * shipped: the SDK's defaults. Region, credentials and the endpoint come from the environment through the SDK's
   * own default chains (AWS_REGION; AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, found before the chain would reach
   * instance metadata; AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, then AWS_ENDPOINT_URL, read by the SDK itself).
   *
   * <p>recommended: a 1.5 s limit per attempt (the Apache client's socket timeout and apiCallAttemptTimeout), a 1 s
   * connect timeout, a 6 s limit for the whole call, and the standard retry mode (3 attempts).
   *
   * <p>Protocol v2 (where != null): the endpoint, region and static credentials of the request line instead of the
   * environment's.
   */
  static PartnerCentralSellingClient buildClient(String config, Where where) {
    PartnerCentralSellingClientBuilder builder = PartnerCentralSellingClient.builder();
    if (where != null) {
      builder
          .endpointOverride(URI.create(where.endpoint()))
          .region(Region.of(where.region()))
          .credentialsProvider(StaticCredentialsProvider.create(where.sessionToken() == null
              ? AwsBasicCredentials.create(where.accessKeyId(), where.secretAccessKey())
              : AwsSessionCredentials.create(where.accessKeyId(), where.secretAccessKey(), where.sessionToken())));
    }
    if (config.equals("recommended")) {
      builder
          .httpClientBuilder(ApacheHttpClient.builder()
              .connectionTimeout(Duration.ofSeconds(1))
              .socketTimeout(Duration.ofMillis(1500)))
          .overrideConfiguration(o -> o
              .retryStrategy(RetryMode.STANDARD)
              .apiCallAttemptTimeout(Duration.ofMillis(1500))
              .apiCallTimeout(Duration.ofSeconds(6)));
    }
    return builder.build();
  }

  static StartEngagementByAcceptingInvitationTaskRequest toRequest(JsonNode input) throws ClientValidationError {
    if (input == null || !input.isObject()) throw new ClientValidationError("the input is not a JSON object");
    StartEngagementByAcceptingInvitationTaskRequest.Builder request = StartEngagementByAcceptingInvitationTaskRequest.builder()
        .catalog(string(input, "Catalog"))
        .identifier(string(input, "Identifier"));
    // Absent: the SDK generates an idempotency token (a UUID) itself.
    String clientToken = string(input, "ClientToken");
    if (clientToken != null) request.clientToken(clientToken);
    JsonNode tags = input.get("Tags");
    if (tags != null && !tags.isNull()) {
      if (!tags.isArray()) throw new ClientValidationError("Tags must be a list");
      List<Tag> list = new ArrayList<>();
      for (JsonNode tag : tags) {
        if (!tag.isObject()) throw new ClientValidationError("each member of Tags must be an object");
        list.add(Tag.builder().key(string(tag, "Key")).value(string(tag, "Value")).build());
      }
      request.tags(list);
    }
    return request.build();
  }

  private static String string(JsonNode object, String member) throws ClientValidationError {
    JsonNode value = object.get(member);
    if (value == null || value.isNull()) return null;
    if (!value.isTextual()) throw new ClientValidationError(member + " must be a string, got " + value.getNodeType());
    return value.textValue();
  }

  static ObjectNode toResult(StartEngagementByAcceptingInvitationTaskResponse r) {
    ObjectNode result = JSON.createObjectNode();
    putIfPresent(result, "TaskId", r.taskId());
    putIfPresent(result, "TaskArn", r.taskArn());
    if (r.startTime() != null) result.put("StartTime", r.startTime().toString());
    putIfPresent(result, "TaskStatus", r.taskStatusAsString());
    putIfPresent(result, "Message", r.message());
    putIfPresent(result, "ReasonCode", r.reasonCodeAsString()); // the raw string: unknown codes come through
    putIfPresent(result, "OpportunityId", r.opportunityId());
    putIfPresent(result, "ResourceSnapshotJobId", r.resourceSnapshotJobId());
    putIfPresent(result, "EngagementInvitationId", r.engagementInvitationId());
    return result;
  }

  /** Names the error from what the SDK parsed only: the service exception's error code, or the exception's kind. */
  static ObjectNode toError(RuntimeException e) {
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
      return error(isEmpty(code) ? "UnknownError" : code, message == null ? e.getMessage() : message);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException
          || t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
        return error("TimeoutError", e.getMessage());
      }
      if (t instanceof ConnectException || t instanceof SocketException || t instanceof UnknownHostException
          || t instanceof org.apache.http.NoHttpResponseException) {
        return error("NetworkError", e.getMessage());
      }
    }
    return error("UnknownError", e.getClass().getName() + ": " + e.getMessage());
  }

  private static ObjectNode error(String name, String message) {
    ObjectNode error = JSON.createObjectNode();
    error.put("name", name);
    error.put("message", message == null ? "" : message);
    return error;
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) node.put(name, value);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
