// Reseller site access (DOMAIN.md section 5, IBM Passport Advantage style): people ask for
// access to a site by its number; the site's Primary Contact, an approving Secondary Contact or
// an admin approves with a role and privileges, or rejects with a reason; a Primary Contact
// claim goes to the vendor. Everything the platform needs of it is declared here.
import { defineWorkflow } from "../../platform/workflow";
import { requestActions } from "./actions/requests";
import { registerSiteAccessApi, SITE_ACCESS_API_OPERATIONS } from "./api";
import { siteActions } from "./actions/sites";
import { pendingRequestSource } from "./deadlines/pending-requests";
import { siteAccessDemo } from "./demo/demo";
import { SITE_ACCESS_REFUSALS } from "./domain/refusals";
import { SITE_ACCESS_EVENTS } from "./events";
import { resellerSitesSection, siteContactsSection } from "./import/sites";
import { siteAccessIntents } from "./intents/handlers";

export const siteAccess = defineWorkflow({
  name: "site-access",
  // "siteaccess" names the outbound event types, which are lower-case dotted words.
  namespaces: ["siteAccess", "siteaccess"],
  folder: new URL(".", import.meta.url),
  refusals: SITE_ACCESS_REFUSALS,
  refusalWords: "siteAccess",
  actions: { ...requestActions, ...siteActions },
  intents: siteAccessIntents,
  // "site 1234567", "situs 1234567" (Indonesian), "site #1234567": never bare digits.
  references: [
    { entity: "siteReference", prefix: "SITE", minDigits: 4 },
    { entity: "situsReference", prefix: "SITUS", minDigits: 4 },
  ],
  deadlines: [pendingRequestSource],
  importSections: [
    { name: "resellerSites", section: resellerSitesSection, after: ["users"] },
    { name: "siteContacts", section: siteContactsSection, after: ["resellerSites"] },
  ],
  routes: [registerSiteAccessApi],
  apiOperations: SITE_ACCESS_API_OPERATIONS,
  events: SITE_ACCESS_EVENTS,
  examples: {
    help: ["siteAccess.request", "siteAccess.pending", "siteAccess.site"],
    welcome: ["siteAccess.welcome.example"],
    welcomeActions: [{ verb: "siteAccess.requestForm", titleKey: "siteAccess.welcome.ask" }],
  },
  demo: siteAccessDemo,
});
