// Renewals due within 180 days (DOMAIN.md section 5, issue 17): the vendor's renewal line items
// from its 180 day report (CSV), worked to quoted, renewed or lost in Teams, with reminders
// before each end date. Everything the platform needs of it is declared here.
import { defineWorkflow } from "../../platform/workflow";
import { renewalActions } from "./actions/renewals";
import { RENEWAL_API_OPERATIONS, registerRenewalApi } from "./api";
import { renewalDemo } from "./demo/demo";
import { renewalDueSource } from "./deadlines/renewal-due";
import { RENEWAL_REFUSALS } from "./domain/refusals";
import { RENEWAL_EVENTS } from "./events";
import { RENEWAL_SECTION, renewalLineItemsSection } from "./import/line-items";
import { renewalReportReader } from "./import/report-reader";
import { renewalIntents } from "./intents/renewals";

export const renewals = defineWorkflow({
  name: "renewals",
  namespaces: ["renewal"],
  folder: new URL(".", import.meta.url),
  refusals: RENEWAL_REFUSALS,
  refusalWords: "renewal",
  actions: renewalActions,
  intents: renewalIntents,
  deadlines: [renewalDueSource],
  importSections: [{ name: RENEWAL_SECTION, section: renewalLineItemsSection, after: ["users"] }],
  importFiles: [renewalReportReader],
  routes: [registerRenewalApi],
  apiOperations: RENEWAL_API_OPERATIONS,
  events: RENEWAL_EVENTS,
  examples: {
    help: ["renewal.due"],
    welcome: ["renewal.welcome.example"],
    welcomeActions: [{ verb: "renewal.list", titleKey: "renewal.welcome.list" }],
  },
  demo: renewalDemo,
});
