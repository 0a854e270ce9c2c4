// Monthly usage reports to the distributor (DOMAIN.md section 2): review each line, comment
// every discrepancy, save a draft or submit, before the platform submits automatically with
// penalties. Everything the platform needs of it is declared here.
import { defineWorkflow } from "../../platform/workflow";
import { reportActions } from "./actions/reports";
import { USAGE_REPORT_API_OPERATIONS, registerUsageReportApi } from "./api";
import { usageReportDemo } from "./demo/demo";
import { autoSubmissionSource, correctionSource } from "./deadlines/reports";
import { USAGE_REPORT_REFUSALS } from "./domain/refusals";
import { USAGE_REPORT_EVENTS } from "./events";
import { mspAccountsSection, usageReportDecisionsSection, usageReportsSection } from "./import/sections";
import { reportIntents } from "./intents/reports";
import { autoSubmissionJob } from "./store/auto-submission-job";

export const usageReports = defineWorkflow({
  name: "usage-reports",
  // "usage" holds the outbound event type: event types are lower-case dotted words.
  namespaces: ["usageReport", "usage"],
  folder: new URL(".", import.meta.url),
  refusals: USAGE_REPORT_REFUSALS,
  refusalWords: "usageReport",
  actions: reportActions,
  intents: reportIntents,
  deadlines: [autoSubmissionSource, correctionSource],
  importSections: [
    { name: "mspAccounts", section: mspAccountsSection, after: ["users"] },
    { name: "usageReports", section: usageReportsSection, after: ["mspAccounts"] },
    { name: "usageReportDecisions", section: usageReportDecisionsSection, after: ["usageReports"] },
  ],
  routes: [registerUsageReportApi],
  apiOperations: USAGE_REPORT_API_OPERATIONS,
  events: USAGE_REPORT_EVENTS,
  jobs: [autoSubmissionJob],
  examples: {
    help: ["usageReport.waiting", "usageReport.status", "usageReport.uncommented", "usageReport.autoSubmission"],
    welcome: [],
  },
  demo: usageReportDemo,
});
