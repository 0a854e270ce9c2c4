// Managed-service engagements (DOMAIN.md section 1): requests the vendor sends to approve or
// reject, billing entries for each month's usage within the vendor's window, and completion
// when the client asks to close. Everything the platform needs of it is declared here.
import { defineWorkflow } from "../../platform/workflow";
import { billingActions } from "./actions/billing";
import { completionActions } from "./actions/completion";
import { engagementActions } from "./actions/engagements";
import { registerBillingApi } from "./api";
import { engagementDemo } from "./demo/demo";
import { billingUnratedSource } from "./deadlines/billing-unrated";
import { billingWindowSource } from "./deadlines/billing-window";
import { pendingApprovalSource } from "./deadlines/pending-approval";
import { billingDecisionsSection } from "./import/billing-decisions";
import { completionRequestsSection } from "./import/completion-requests";
import { engagementsSection } from "./import/engagements";
import { billingIntents } from "./intents/billing";
import { engagementIntents } from "./intents/engagements";
import { ENGAGEMENT_REFUSALS } from "./refusals";
import { ENGAGEMENT_SETTINGS } from "./settings";
import { suggestEngagementQuestion } from "./suggestions";

export const engagements = defineWorkflow({
  name: "engagements",
  namespaces: ["engagement", "approvals", "billing", "completion"],
  folder: new URL(".", import.meta.url),
  refusals: ENGAGEMENT_REFUSALS,
  actions: { ...engagementActions, ...billingActions, ...completionActions },
  intents: { ...engagementIntents, ...billingIntents },
  // "ENG-1042", "eng 1042", "#1042", and bare digits: the only reference people type today.
  references: [{ entity: "engagementReference", prefix: "ENG", minDigits: 4, bareDigits: true }],
  deadlines: [pendingApprovalSource, billingWindowSource, billingUnratedSource],
  importSections: [
    { name: "engagements", section: engagementsSection, after: ["users"] },
    // Billing decisions and completion requests name engagements the same file may create.
    { name: "billingDecisions", section: billingDecisionsSection, after: ["engagements"] },
    { name: "completionRequests", section: completionRequestsSection, after: ["engagements"] },
  ],
  routes: [registerBillingApi],
  settings: ENGAGEMENT_SETTINGS,
  examples: {
    help: ["approvals.pending", "engagement.status", "deadlines", "billing.window", "billing.awaitingRating", "reminders"],
    welcome: ["common.welcome.example.pending", "common.welcome.example.status"],
    welcomeActions: [{ verb: "engagement.listPending", titleKey: "common.welcome.pending" }],
    suggest: suggestEngagementQuestion,
  },
  demo: engagementDemo,
});
