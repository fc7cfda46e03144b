/**
 * The wire identity of the service and its operations (service-facts §1): awsJson1_0 over `POST /`.
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
export const SERVICE = {
  /** Smithy shape id of the service. */
  shapeId: 'com.amazonaws.partnercentralselling#AWSPartnerCentralSelling',
  /** Namespace used in fully qualified error type names. */
  namespace: 'com.amazonaws.partnercentralselling',
  apiVersion: '2022-07-26',
  protocol: 'awsJson1_0',
  /** Prefix of `X-Amz-Target`: `AWSPartnerCentralSelling.<Operation>`. */
  targetPrefix: 'AWSPartnerCentralSelling',
  /** SigV4 signing name (credential scope service). */
  signingName: 'partnercentral-selling',
  /** The only documented region. */
  region: 'us-east-1',
  contentType: 'application/x-amz-json-1.0',
  defaultEndpoint: 'https://partnercentral-selling.us-east-1.api.aws',
} as const

/** The operations the toolkit models, in the order the toolkit documents them. */
export const OPERATIONS = [
  'StartEngagementByAcceptingInvitationTask',
  'ListEngagementByAcceptingInvitationTasks',
  'GetEngagementInvitation',
] as const

/** One of {@link OPERATIONS}. */
export type OperationName = (typeof OPERATIONS)[number]

/** The operation under test. */
export const START_OPERATION: OperationName = 'StartEngagementByAcceptingInvitationTask'

/**
 * Builds the `X-Amz-Target` header value of an operation.
 * @param operation The operation name.
 * @returns e.g. `AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask`.
 */
export function targetOf(operation: OperationName): string {
  return `${SERVICE.targetPrefix}.${operation}`
}
