// Reseller relationships and provider accounts (DOMAIN.md section 4): every new provider account
// surfaced the moment it appears, with the customer records it most likely belongs to, mapped in
// one click, exactly once; invitations followed to acceptance. Everything the platform needs of
// it is declared here.
import { defineWorkflow } from "../../platform/workflow";
import { providerAccountActions } from "./actions/provider-accounts";
import { PROVIDER_ACCOUNT_API_OPERATIONS, registerProviderAccountApi } from "./api";
import { invitationFollowUpSource, unmappedSource } from "./deadlines/provider-accounts";
import { providerAccountDemo } from "./demo/demo";
import { PROVIDER_ACCOUNT_REFUSALS } from "./domain/refusals";
import { MAPPING_EVENTS } from "./events";
import { customerRecordsSection, providerAccountsSection, relationshipAcceptancesSection, relationshipRequestsSection } from "./import/sections";
import { providerAccountIntents } from "./intents/provider-accounts";

export const providerAccounts = defineWorkflow({
  name: "provider-accounts",
  // "provideraccount" names the events out: event types are lower-case words.
  namespaces: ["providerAccount", "provideraccount"],
  folder: new URL(".", import.meta.url),
  refusals: PROVIDER_ACCOUNT_REFUSALS,
  refusalWords: "providerAccount",
  actions: providerAccountActions,
  intents: providerAccountIntents,
  deadlines: [unmappedSource, invitationFollowUpSource],
  importSections: [
    { name: "customerRecords", section: customerRecordsSection },
    // Suggestions on a new account's card read the customer records the same file brings.
    { name: "providerAccounts", section: providerAccountsSection, after: ["customerRecords", "users"] },
    { name: "relationshipRequests", section: relationshipRequestsSection, after: ["users"] },
    { name: "relationshipAcceptances", section: relationshipAcceptancesSection, after: ["relationshipRequests"] },
  ],
  routes: [registerProviderAccountApi],
  apiOperations: PROVIDER_ACCOUNT_API_OPERATIONS,
  events: MAPPING_EVENTS,
  examples: {
    help: ["providerAccount.unmapped", "providerAccount.invitations", "providerAccount.mappedThisWeek"],
    // The welcome card's example questions stay the engagements' ones; its button opens the list.
    welcome: [],
    welcomeActions: [{ verb: "providerAccount.listUnmapped", titleKey: "providerAccount.welcome.unmapped" }],
  },
  demo: providerAccountDemo,
});
