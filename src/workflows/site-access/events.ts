// The site-access workflow's outbound events: every decision on a site's access the vendor's
// site must learn of, emitted in the transaction that makes it (domain/events.ts says which).
// Each schema is the webhook payload's `data`, and documents it in the OpenAPI document.
import { z } from "zod";
import { defineEvent, type EventCatalog, type EventDefinition } from "../../platform/events/define-event";
import { emitEvent } from "../../platform/events/emit";
import type { DbTx } from "../../platform/store/db";
import { ENTITLEMENTS, SITE_ROLES } from "./domain/entitlements";
import type { SiteAccessEvent } from "./domain/events";

const ZPerson = z.object({ userId: z.string().meta({ description: "The person's Entra object id" }), name: z.string() }).meta({ id: "SiteAccessPerson" });
const siteNumber = z.string().meta({ description: "The vendor's site number", example: "1234567" });
const grant = {
  role: z.enum(SITE_ROLES),
  mayApprove: z.boolean().meta({ description: "A Secondary Contact who may approve access requests" }),
  entitlements: z.array(z.enum(ENTITLEMENTS)).meta({ description: "Tool privileges on the site, in the vendor's order" }),
};

export const primaryContactClaimed = defineEvent(
  "siteaccess.primary_contact.claimed",
  z
    .object({ requestId: z.string(), siteNumber, claimant: ZPerson, claimedAt: z.iso.datetime() })
    .meta({ id: "SiteAccessPrimaryContactClaim", description: "Answer with POST /api/v1/site-access/primary-contact-verifications" }),
  "Someone asked for access to a site as its Primary Contact: the vendor verifies the claim.",
);

export const accessRequestDecided = defineEvent(
  "siteaccess.request.decided",
  z
    .object({
      requestId: z.string(),
      siteNumber,
      requester: ZPerson,
      by: ZPerson,
      at: z.iso.datetime(),
      outcome: z.enum(["approved", "rejected"]),
      role: grant.role.optional(),
      mayApprove: grant.mayApprove.optional(),
      entitlements: grant.entitlements.optional(),
      reason: z.string().optional(),
    })
    .meta({ id: "SiteAccessRequestDecided" }),
  "A site's Primary Contact, approving Secondary Contact or an admin approved (with a role and privileges) or rejected an access request.",
);

const ZSiteUserChange = z.object({ siteNumber, user: ZPerson, ...grant, by: ZPerson, at: z.iso.datetime() }).meta({ id: "SiteAccessUserChange" });

export const siteUserAdded = defineEvent("siteaccess.user.added", ZSiteUserChange, "A person was added to a site's user list.");
export const siteUserUpdated = defineEvent("siteaccess.user.updated", ZSiteUserChange, "A site user's role or privileges changed.");
export const siteUserRemoved = defineEvent(
  "siteaccess.user.removed",
  z.object({ siteNumber, user: ZPerson, by: ZPerson, at: z.iso.datetime() }).meta({ id: "SiteAccessUserRemoved" }),
  "A person was removed from a site's user list.",
);

export const SITE_ACCESS_EVENTS: EventCatalog = [primaryContactClaimed, accessRequestDecided, siteUserAdded, siteUserUpdated, siteUserRemoved];

const DEFINITIONS: Record<SiteAccessEvent["type"], EventDefinition> = {
  "siteAccess.primaryContactClaimed": primaryContactClaimed,
  "siteAccess.requestDecided": accessRequestDecided,
  "siteAccess.userAdded": siteUserAdded,
  "siteAccess.userUpdated": siteUserUpdated,
  "siteAccess.userRemoved": siteUserRemoved,
};

/** Emits the domain's events in the caller's transaction: call it as the transaction's last write. */
export async function emitSiteAccessEvents(tx: DbTx, organisationId: string, events: readonly SiteAccessEvent[], now: Date): Promise<void> {
  for (const { type, ...data } of events) await emitEvent(tx, DEFINITIONS[type], { organisationId, data, now });
}
