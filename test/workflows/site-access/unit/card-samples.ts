// Representative renderings of every site-access card template, through the same view builders
// the bot uses, in a given language: a long user list, a decided request, the add form.
import type { AdaptiveCard } from "../../../../src/platform/cards/render";
import type { Translator } from "../../../../src/platform/i18n/translator";
import type { SiteUser } from "../../../../src/workflows/site-access/domain/sites";
import { accessRequestCard, requestFormCard, requestListCard } from "../../../../src/workflows/site-access/views/requests";
import { siteCard, siteUserCard } from "../../../../src/workflows/site-access/views/sites";
import { members, pendingRequest, site } from "./fixtures";

const many: SiteUser[] = Array.from({ length: 60 }, (_, i) => ({
  ...members[0]!,
  id: `su-${i}`,
  userId: `aad-${i}`,
  name: `Partner user number ${i} with a rather long display name`,
  role: i % 7 === 0 ? "secondary_contact" : "user",
  mayApprove: i % 14 === 0,
  entitlements: ["reporting", "online_ordering", "proposal_quote_order", "guided_selling"],
}));

const decided = pendingRequest({
  state: "approved",
  decision: {
    decisionId: "n-1",
    by: { userId: "aad-pia", name: "Pia" },
    at: new Date("2026-11-26T09:00:00Z"),
    outcome: "approved",
    grant: { role: "user", mayApprove: false, entitlements: ["reporting", "guided_selling"] },
  },
});

export const cardSamples: Record<string, (t: Translator) => AdaptiveCard[]> = {
  "site-access-request": (t) => [
    accessRequestCard({ request: pendingRequest(), site, t, canDecide: true, canNameContacts: true, nonce: "n-1", reasonValue: "x".repeat(500) }),
    accessRequestCard({ request: decided, site, t, canDecide: false, canNameContacts: false, nonce: "n-2", notice: { text: "Approved", style: "good" } }),
    accessRequestCard({
      request: pendingRequest({ state: "awaiting_vendor", claimsPrimaryContact: true }),
      t,
      canDecide: false,
      canNameContacts: false,
      nonce: "n-3",
    }),
  ],
  "site-access-list": (t) => [
    requestListCard(
      t,
      { items: Array.from({ length: 10 }, (_, i) => pendingRequest({ id: `req-${i}` })), next: { requestedAt: new Date("2026-11-20T10:00:00Z"), id: "req-9" } },
      new Map([[site.siteNumber, site]]),
    ),
    requestListCard(t, { items: [] }, new Map()),
    requestListCard(t, { items: [] }, new Map(), { canConfigure: true, pendingSlaDays: 3, notice: { text: "Saved", style: "good" } }),
  ],
  "site-access-request-form": (t) => [
    requestFormCard(t, { nonce: "n-1" }),
    requestFormCard(t, { nonce: "n-2", siteNumber: "12", notice: { text: "Not a site number", style: "attention" } }),
  ],
  "site-access-site": (t) => [
    siteCard({ site, members: many, t, canManage: true, canAsk: false, after: 25 }),
    siteCard({ site: { ...site, primaryContact: undefined } as never, members: [], t, canManage: false, canAsk: true }),
  ],
  "site-access-user": (t) => [
    siteUserCard({ site, t, siteUser: many[0], canNameContacts: true }),
    siteUserCard({ site, t, people: many.map((m) => ({ userId: m.userId, name: m.name })), canNameContacts: false }),
  ],
};
