// The site-access part of the demo organisation: site 1234567 with Megan Bowen as its Primary
// Contact and Patti Fernandez as a Secondary Contact who may approve, and a pending request by
// Isaiah Langer, asked a day before the demo's anchor. Seeding twice changes nothing.
import type { DemoContext, DemoStepReport, WorkflowDemo } from "../../../platform/import/demo/demo-context";
import { PLAYGROUND_OTHER_USERS } from "../../../platform/import/demo/playground-identities";
import { createAccessRequest } from "../store/access-requests";

export const DEMO_SITE = { siteNumber: "1234567", name: "Contoso Reseller Jakarta" } as const;
const HOURS_AGO = 26;

function demoUser(name: string) {
  const user = PLAYGROUND_OTHER_USERS.find((candidate) => candidate.name === name);
  if (!user) throw new Error(`the demo has no user named ${name}`);
  return user;
}

async function seedPendingRequest(demo: DemoContext): Promise<DemoStepReport> {
  const asker = demoUser("Isaiah Langer");
  const askedAt = new Date(demo.anchor.getTime() - HOURS_AGO * 3_600_000);
  const actor = { organisationId: demo.organisation.id, aadObjectId: asker.aadObjectId, name: asker.name, role: asker.role };
  // The same key on every seeding: once made (or decided since), the request is left as it is.
  const made = await createAccessRequest(
    demo.db,
    actor,
    { siteNumber: DEMO_SITE.siteNumber, claimsPrimaryContact: false, requestKey: "demo:site-access:1" },
    askedAt,
  );
  return { step: "site access request", applied: made.outcome === "created" ? 1 : 0, unchanged: made.outcome === "created" ? 0 : 1 };
}

export const siteAccessDemo: WorkflowDemo = {
  records: () => {
    const megan = demoUser("Megan Bowen");
    const patti = demoUser("Patti Fernandez");
    return {
      resellerSites: [{ ...DEMO_SITE, primaryContact: { aadObjectId: megan.aadObjectId, name: megan.name } }],
      siteContacts: [
        {
          siteNumber: DEMO_SITE.siteNumber,
          aadObjectId: patti.aadObjectId,
          name: patti.name,
          role: "secondary_contact",
          mayApprove: true,
          entitlements: ["reporting", "proposal_quote_order"],
        },
      ],
    };
  },
  steps: [seedPendingRequest],
};
