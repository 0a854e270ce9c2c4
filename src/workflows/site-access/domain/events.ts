// What the vendor must learn of (DOMAIN.md, "The vendor's side"): every decision on a site's
// access leaves the bot as one of these events, in the same transaction as the decision, for the
// partner's integration to apply on the vendor's site. Dates travel as ISO strings.
import type { Grant } from "./entitlements";
import type { Person } from "./sites";

interface SiteUserFacts extends Grant {
  siteNumber: string;
  user: Person;
  by: Person;
  at: string;
}

export type SiteAccessEvent =
  | { type: "siteAccess.primaryContactClaimed"; requestId: string; siteNumber: string; claimant: Person; claimedAt: string }
  | ({ type: "siteAccess.requestDecided"; requestId: string; siteNumber: string; requester: Person; by: Person; at: string } & (
      | ({ outcome: "approved" } & Grant)
      | { outcome: "rejected"; reason: string }
    ))
  | ({ type: "siteAccess.userAdded" | "siteAccess.userUpdated" } & SiteUserFacts)
  | { type: "siteAccess.userRemoved"; siteNumber: string; user: Person; by: Person; at: string };
