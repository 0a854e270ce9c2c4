// This workflow's part of the demo organisation (demo-records.ts): a dozen customer records and
// three unmapped provider accounts through the import, and an invitation sent by the demo's
// billing user eight days before the anchor, not accepted.
import type { WorkflowDemo } from "../../../platform/import/demo/demo-context";
import { findProviderAccountByProviderId } from "../store/provider-accounts";
import { insertRelationshipRequest } from "../store/relationship-requests";
import { DEMO_CUSTOMER_RECORDS, demoProviderAccounts, demoRelationshipRequest } from "./demo-records";

const HOUR_MS = 3_600_000;
/** The first demo account appeared this long before the anchor (demo-records.ts). */
const FIRST_ACCOUNT_HOURS = 2;

export const providerAccountDemo: WorkflowDemo = {
  records: (anchor) => ({
    customerRecords: DEMO_CUSTOMER_RECORDS,
    providerAccounts: demoProviderAccounts(anchor).map(({ appearedAt, ...account }) => ({
      ...account,
      ...(appearedAt ? { appearedAt: appearedAt.toISOString() } : {}),
    })),
  }),
  async storedAnchor(db, organisation) {
    const [first] = demoProviderAccounts(new Date(0));
    if (!first) return undefined;
    const stored = await findProviderAccountByProviderId(db, organisation.id, first.provider, first.providerAccountId);
    return stored ? new Date(stored.appearedAt.getTime() + FIRST_ACCOUNT_HOURS * HOUR_MS) : undefined;
  },
  steps: [
    async ({ db, organisation, users, anchor }) => {
      const request = demoRelationshipRequest(anchor);
      const known = await db.relationshipRequest.findFirst({ where: { organisationId: organisation.id, primaryDomain: request.primaryDomain } });
      if (known) return { step: "relationship requests", applied: 0, unchanged: 1 };
      const sender = users.billing;
      await db.$transaction((tx) =>
        insertRelationshipRequest(tx, organisation.id, request, { userId: sender.aadObjectId, name: sender.name, role: sender.role }, anchor),
      );
      return { step: "relationship requests", applied: 1, unchanged: 0 };
    },
  ],
};
