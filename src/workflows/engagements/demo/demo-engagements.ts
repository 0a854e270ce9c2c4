// The demo organisation's engagements: a dozen requests at realistic ages, some still pending
// (three of them waiting for more than a week), some approved, two rejected with a reason.
// Ages are counted back from the demo's anchor (see seed-demo.ts), so reseeding changes nothing.
import type { EngagementDecisionCommand } from "../domain/engagements";
import type { TImportEngagement } from "../import/engagements";
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_OTHER_USERS } from "../../../platform/import/demo/playground-identities";

const HOUR = 3_600_000;
const deciderNamed = (name: string): string => {
  const user = PLAYGROUND_OTHER_USERS.find((candidate) => candidate.name === name);
  if (!user) throw new Error(`no Playground user named ${name}`);
  return user.aadObjectId;
};
const MEGAN = deciderNamed("Megan Bowen");
const PATTI = deciderNamed("Patti Fernandez");

export interface DemoEngagement extends Omit<TImportEngagement, "requestedAt"> {
  /** How long before the anchor the client asked. */
  hoursAgo: number;
  decision?: { command: EngagementDecisionCommand; byAadObjectId: string; hoursAfterRequest: number };
}

export const DEMO_ENGAGEMENTS: readonly DemoEngagement[] = [
  {
    externalId: "CP-PI-881042",
    reference: "ENG-1042",
    title: "Managed backup for 40 file servers",
    clientName: "Fabrikam Logistics",
    productName: "IBM Storage Protect as a Service",
    description: "Nightly backup, 30-day retention, Lyon and Marseille sites.",
    requestedBy: "Nadia Benali",
    hoursAgo: 16 * 24,
  },
  {
    externalId: "CP-PI-881043",
    reference: "ENG-1043",
    title: "Db2 on Cloud, standard plan",
    clientName: "Tailspin Toys",
    productName: "IBM Db2 on Cloud",
    requestedBy: "Hugo Marchand",
    hoursAgo: 12 * 24 + 5,
  },
  {
    externalId: "CP-PI-881044",
    reference: "ENG-1044",
    title: "Security monitoring, 250 endpoints",
    clientName: "Woodgrove Bank",
    productName: "IBM QRadar SIEM as a Service",
    description: "24x7 monitoring; the Paris data centre is onboarded first.",
    hoursAgo: 9 * 24 + 2,
  },
  {
    externalId: "CP-PI-881045",
    reference: "ENG-1045",
    title: "Object storage for the archive project",
    clientName: "Lucerne Publishing",
    productName: "IBM Cloud Object Storage",
    requestedBy: "Élodie Faure",
    hoursAgo: 3 * 24 + 7,
  },
  {
    externalId: "CP-PI-881046",
    reference: "ENG-1046",
    title: "Managed OpenShift cluster, 3 worker nodes",
    clientName: "Adventure Works",
    productName: "Red Hat OpenShift on IBM Cloud",
    description: "Production cluster in eu-de; the client's platform team keeps cluster-admin.",
    requestedBy: "Karim Haddad",
    hoursAgo: 26,
  },
  {
    externalId: "CP-PI-881047",
    reference: "ENG-1047",
    title: "Disaster recovery for the ERP",
    clientName: "Coho Winery",
    productName: "IBM Power Virtual Server DR",
    requestedBy: "Camille Roux",
    hoursAgo: 4,
  },
  {
    externalId: "CP-PI-880991",
    reference: "ENG-991",
    title: "Managed Db2 for the loyalty platform",
    clientName: "Margie's Travel",
    productName: "IBM Db2 on Cloud",
    requestedBy: "Julien Petit",
    hoursAgo: 62 * 24,
    decision: { command: { kind: "approve" }, byAadObjectId: MEGAN, hoursAfterRequest: 20 },
  },
  {
    externalId: "CP-PI-881003",
    reference: "ENG-1003",
    title: "Endpoint backup, 600 laptops",
    clientName: "Northwind Traders",
    productName: "IBM Storage Protect as a Service",
    hoursAgo: 45 * 24,
    decision: { command: { kind: "approve" }, byAadObjectId: PATTI, hoursAfterRequest: 30 },
  },
  {
    externalId: "CP-PI-881017",
    reference: "ENG-1017",
    title: "Log analytics for the web shop",
    clientName: "Alpine Ski House",
    productName: "IBM Cloud Logs",
    requestedBy: "Sophie Laurent",
    hoursAgo: 33 * 24,
    decision: { command: { kind: "approve" }, byAadObjectId: MEGAN, hoursAfterRequest: 6 },
  },
  {
    externalId: "CP-PI-881029",
    reference: "ENG-1029",
    title: "Managed MQ for order routing",
    clientName: "Wide World Importers",
    productName: "IBM MQ as a Service",
    requestedBy: "Thomas Girard",
    hoursAgo: 21 * 24,
    decision: { command: { kind: "approve" }, byAadObjectId: PLAYGROUND_CURRENT_USER.aadObjectId, hoursAfterRequest: 50 },
  },
  {
    externalId: "CP-PI-881011",
    reference: "ENG-1011",
    title: "Second QRadar tenant for a test lab",
    clientName: "Litware",
    productName: "IBM QRadar SIEM as a Service",
    hoursAgo: 38 * 24,
    decision: {
      command: { kind: "reject", reason: "Duplicate of ENG-1003's monitoring scope; the client will extend that one instead." },
      byAadObjectId: MEGAN,
      hoursAfterRequest: 18,
    },
  },
  {
    externalId: "CP-PI-881035",
    reference: "ENG-1035",
    title: "Object storage, 2 PB, single region",
    clientName: "Proseware",
    productName: "IBM Cloud Object Storage",
    requestedBy: "Inès Moreau",
    hoursAgo: 14 * 24,
    decision: {
      command: { kind: "reject", reason: "The client's contract does not cover storage above 500 TB; quote sent for a new agreement." },
      byAadObjectId: PATTI,
      hoursAfterRequest: 40,
    },
  },
];

export const requestedAtOf = (engagement: Pick<DemoEngagement, "hoursAgo">, anchor: Date): Date => new Date(anchor.getTime() - engagement.hoursAgo * HOUR);

export const decidedAtOf = (engagement: DemoEngagement, anchor: Date): Date | undefined =>
  engagement.decision && new Date(requestedAtOf(engagement, anchor).getTime() + engagement.decision.hoursAfterRequest * HOUR);
