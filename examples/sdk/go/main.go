// Command adapter calls StartEngagementByAcceptingInvitationTask through the AWS SDK for Go v2,
// as an engagement-contract-kit client protocol v1 command:
//
//	go build -o adapter . && ./adapter --config shipped|recommended
//
// config.LoadDefaultConfig finds everything itself: the endpoint in
// AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING (or AWS_ENDPOINT_URL), the region in AWS_REGION, the
// credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (environment credentials come first in
// the chain, and AWS_EC2_METADATA_DISABLED=true keeps the instance-metadata client off).
// stdin: the call's input; last stdout line: {"result": {...}} (exit 0) or
// {"error": {"name", "message"}} (exit 1).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
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

func main() {
	cfgName := flag.String("config", "recommended", "shipped (the SDK's defaults) or recommended")
	flag.Parse()
	if *cfgName != "shipped" && *cfgName != "recommended" {
		fmt.Fprintln(os.Stderr, "--config: shipped or recommended")
		os.Exit(2)
	}
	report := run(*cfgName == "recommended")
	line, _ := json.Marshal(report)
	fmt.Println(string(line))
	if _, ok := report["result"]; ok {
		os.Exit(0)
	}
	os.Exit(1)
}

func run(recommended bool) map[string]any {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		return failure("ClientValidationError", err.Error())
	}

	ctx := context.Background()
	var opts []func(*config.LoadOptions) error
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
