// The engagement workflow's part of the demo organisation: a dozen requests of various ages,
// decisions by the demo's approvers, and billing submissions waiting for the vendor.
import type { WorkflowDemo } from "../../../platform/import/demo/demo-context";
import { findEngagementByExternalId } from "../store/engagements";
import { seedDemoBilling } from "./demo-billing";
import { seedDemoDecisions } from "./demo-decisions";
import { DEMO_ENGAGEMENTS, requestedAtOf } from "./demo-engagements";

export const engagementDemo: WorkflowDemo = {
  records: (anchor) => ({
    engagements: DEMO_ENGAGEMENTS.map(({ hoursAgo, decision, ...details }) => ({
      ...details,
      requestedAt: requestedAtOf({ hoursAgo }, anchor).toISOString(),
    })),
  }),
  async storedAnchor(db, organisation) {
    const [first] = DEMO_ENGAGEMENTS;
    const stored = first && (await findEngagementByExternalId(db, organisation.id, first.externalId));
    return stored && first ? new Date(stored.requestedAt.getTime() + first.hoursAgo * 3_600_000) : undefined;
  },
  // In this order: only an approved engagement takes billing entries.
  steps: [seedDemoDecisions, seedDemoBilling],
};
