// Command adapter calls StartEngagementByAcceptingInvitationTask through the AWS SDK for Go v2,
// as an engagement-contract-kit client protocol v1 or v2 command:
//
//	go build -o adapter . && ./adapter --config shipped|recommended [--protocol 1|2]
//
// Protocol v1: config.LoadDefaultConfig finds everything itself: the endpoint in
// AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING (or AWS_ENDPOINT_URL), the region in AWS_REGION, the
// credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (environment credentials come first in
// the chain, and AWS_EC2_METADATA_DISABLED=true keeps the instance-metadata client off).
// stdin: the call's input; last stdout line: {"result": {...}} (exit 0) or
// {"error": {"name", "message"}} (exit 1).
//
// Protocol v2: one request per stdin line, {"id", "endpoint", "region", "credentials", "input"};
// each call in a goroutine of its own, with an aws.Config and a client built from its line
// (nothing carries over to the next call: not the endpoint, not the retry token bucket, not the
// clock skew); one answer line per request, {"id", "result"} or {"id", "error"}. Exits when stdin
// ends and every call is answered.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/partnercentralselling"
	"github.com/aws/aws-sdk-go-v2/service/partnercentralselling/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// input is the call's input as protocol v1 gives it. A value of the wrong JSON type (a number
// where a string belongs) cannot be expressed in the SDK's typed input: that is a client-side
// validation error, and nothing is sent.
type input struct {
	Catalog     *string
	Identifier  *string
	ClientToken *string // nil: the SDK generates one
	Tags        []types.Tag
}

// request is one protocol v2 request line.
type request struct {
	ID          json.RawMessage `json:"id"`
	Endpoint    string          `json:"endpoint"`
	Region      string          `json:"region"`
	Credentials struct {
		AccessKeyID     string `json:"accessKeyId"`
		SecretAccessKey string `json:"secretAccessKey"`
		SessionToken    string `json:"sessionToken"`
	} `json:"credentials"`
	Input json.RawMessage `json:"input"`
}

func main() {
	cfgName := flag.String("config", "recommended", "shipped (the SDK's defaults) or recommended")
	protocol := flag.Int("protocol", 1, "1 (a process per call) or 2 (one process, many calls)")
	flag.Parse()
	if *cfgName != "shipped" && *cfgName != "recommended" || *protocol != 1 && *protocol != 2 {
		fmt.Fprintln(os.Stderr, "--config: shipped or recommended; --protocol: 1 or 2")
		os.Exit(2)
	}
	recommended := *cfgName == "recommended"
	if *protocol == 2 {
		serve(recommended)
		return
	}
	raw, _ := io.ReadAll(os.Stdin) // a read error leaves what was read: it fails to decode
	report := run(recommended, raw, nil)
	line, _ := json.Marshal(report)
	fmt.Println(string(line))
	if _, ok := report["result"]; ok {
		os.Exit(0)
	}
	os.Exit(1)
}

// serve answers each request line in a goroutine of its own until stdin ends (protocol v2).
func serve(recommended bool) {
	// A bufio.Reader, not a default bufio.Scanner: a line can be over 1 MiB (an over-long input).
	reader := bufio.NewReader(os.Stdin)
	var stdout sync.Mutex
	var calls sync.WaitGroup
	for {
		line, err := reader.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var req request
			if err := json.Unmarshal(line, &req); err != nil {
				fmt.Fprintln(os.Stderr, "not a request line:", err)
				os.Exit(70)
			}
			calls.Add(1)
			go func() {
				defer calls.Done()
				report := run(recommended, req.Input, &req)
				report["id"] = req.ID
				answer, _ := json.Marshal(report)
				stdout.Lock()
				defer stdout.Unlock()
				os.Stdout.Write(append(answer, '\n'))
			}()
		}
		if err != nil { // io.EOF: stdin ended
			break
		}
	}
	calls.Wait()
}

// run makes one call with a client of its own, configured from the environment (v1, req nil) or
// from the request line (v2).
func run(recommended bool, raw []byte, req *request) map[string]any {
	var in input
	if err := json.Unmarshal(raw, &in); err != nil {
		return failure("ClientValidationError", err.Error())
	}

	ctx := context.Background()
	var opts []func(*config.LoadOptions) error
	if req != nil {
		opts = append(opts,
			config.WithBaseEndpoint(req.Endpoint),
			config.WithRegion(req.Region),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(
				req.Credentials.AccessKeyID, req.Credentials.SecretAccessKey, req.Credentials.SessionToken)),
		)
	}
	if recommended {
		// A timeout per attempt (the SDK has none: it waits forever for an answer), and the
		// standard retryer (3 attempts) spelled out.
		httpClient := awshttp.NewBuildableClient().
			WithTimeout(1500 * time.Millisecond).
			WithDialerOptions(func(d *net.Dialer) { d.Timeout = time.Second })
		opts = append(opts,
			config.WithHTTPClient(httpClient),
			config.WithRetryer(func() aws.Retryer { return retry.NewStandard() }),
		)
		// And a deadline for the whole call, retries and backoff included.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 8*time.Second)
		defer cancel()
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return failure("UnknownError", err.Error())
	}
	client := partnercentralselling.NewFromConfig(cfg)

	out, err := client.StartEngagementByAcceptingInvitationTask(ctx,
		&partnercentralselling.StartEngagementByAcceptingInvitationTaskInput{
			Catalog:     in.Catalog,
			Identifier:  in.Identifier,
			ClientToken: in.ClientToken,
			Tags:        in.Tags,
		})
	if err != nil {
		return failure(classify(err))
	}

	result := map[string]any{}
	put := func(name string, value *string) {
		if value != nil {
			result[name] = *value
		}
	}
	put("TaskId", out.TaskId)
	put("TaskArn", out.TaskArn)
	put("Message", out.Message)
	put("OpportunityId", out.OpportunityId)
	put("ResourceSnapshotJobId", out.ResourceSnapshotJobId)
	put("EngagementInvitationId", out.EngagementInvitationId)
	if out.StartTime != nil {
		result["StartTime"] = out.StartTime.UTC().Format(time.RFC3339Nano)
	}
	if out.TaskStatus != "" {
		result["TaskStatus"] = string(out.TaskStatus)
	}
	if out.ReasonCode != "" { // an unknown value comes through as its string
		result["ReasonCode"] = string(out.ReasonCode)
	}
	if recommended && (out.TaskId == nil || *out.TaskId == "" || out.TaskStatus == "") {
		b, _ := json.Marshal(result)
		return failure("UnknownError", "the service answered 200 without TaskId/TaskStatus: "+string(b))
	}
	return map[string]any{"result": result}
}

// classify names an error from what the SDK parsed only: its error code, or the kind of failure.
func classify(err error) (string, string) {
	var invalid smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		return "ClientValidationError", err.Error()
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		name := apiErr.ErrorCode()
		if name == "" {
			name = "UnknownError"
		}
		return name, apiErr.ErrorMessage()
	}
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return "TimeoutError", err.Error()
	}
	var sendErr *smithyhttp.RequestSendError
	var opErr *net.OpError
	if errors.As(err, &sendErr) || errors.As(err, &opErr) {
		return "NetworkError", err.Error()
	}
	return "UnknownError", err.Error()
}

func failure(name, message string) map[string]any {
	return map[string]any{"error": map[string]string{"name": name, "message": message}}
}
