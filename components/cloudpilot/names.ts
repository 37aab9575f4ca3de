/**
 * Kubernetes names of CloudPilot AI's components that more than one kubegrant component must
 * agree on: the cloud roles (CloudPilotEksAccess, CloudPilotAlibabaAccess) trust a service account
 * that CloudPilotClusterRbac creates. It imports only ../core/sources (no imports itself): the
 * Kubernetes layer loads it without any cloud.
 */
import { vendorSource } from "../core/sources";

/**
 * The namespace every CloudPilot component runs in (cloudpilot-ai/docs permissions_required.mdx:
 * Role `cloudpilot-agent-role` and Role `cloudpilot-aws-optimizer`, both in namespace `cloudpilot`).
 */
export const CLOUDPILOT_NAMESPACE = "cloudpilot";

/**
 * The optimizer's service account. NOT documented by CloudPilot: this is the name of its Helm
 * release's ClusterRole and Role (`cloudpilot-aws-optimizer`), which Helm charts usually give the
 * service account too. Check `kubectl -n cloudpilot get sa` and set the name if it differs.
 */
export const CLOUDPILOT_SERVICE_ACCOUNT = "cloudpilot-aws-optimizer";

/**
 * The phase 1 agent's service account. NOT documented by CloudPilot either: its roles are
 * `cloudpilot-agent-cluster-role` and `cloudpilot-agent-role`, so kubegrant names it
 * `cloudpilot-agent`. Check `kubectl -n cloudpilot get sa` and set the name if it differs.
 */
export const CLOUDPILOT_AGENT_SERVICE_ACCOUNT = "cloudpilot-agent";

/** The citation of CloudPilot's permissions document on its default branch: every CloudPilot catalog `source` names it. */
export const CLOUDPILOT_DOC = vendorSource("cloudpilot-ai/docs", "src/content/guide/security/permissions_required.mdx");
