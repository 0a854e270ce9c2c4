// Representative renderings of the team's cards for the card template test: a full page of
// members with waiting requests, a member's form, a decided and a pending request, the ask
// form with and without a pending request, the settings form with every field in error.
import type { PartnerUser } from "../../../src/platform/store/organisations";
import type { RoleRequest } from "../../../src/platform/team/rules";
import { memberCard, roleAskCard, roleRequestCard, settingsCard, TEAM_PAGE_SIZE, teamCard } from "../../../src/platform/team/views";
import type { CardSamples } from "../cards/samples";

const ROLES = ["admin", "approver", "billing", "viewer"] as const;

const member = (i: number): PartnerUser => ({
  id: `user-${i}`,
  organisationId: "org-1",
  aadObjectId: `aad-${i}`,
  name: `Karim Haddad-Lefèvre de la Tour ${i}`,
  role: ROLES[i % 4] ?? "viewer",
});

const request = (state: RoleRequest["state"]): RoleRequest => ({
  id: `request-${state}`,
  organisationId: "org-1",
  requesterAadObjectId: "aad-2",
  requesterName: "Adele Vance",
  role: "billing",
  note: "I prepare the monthly usage reports for the distributor and file our billing entries.".repeat(3),
  state,
  requestedAt: new Date("2026-11-20T09:00:00Z"),
  ...(state === "pending" ? {} : { decidedByName: "Alex Wilber", decidedAt: new Date("2026-11-21T10:00:00Z") }),
  ...(state === "rejected" ? { decisionReason: "Billing goes through Lee for now; ask again in January." } : {}),
  version: state === "pending" ? 1 : 2,
});

export const teamCardSamples: CardSamples = {
  team: (t) => [
    teamCard(t, { members: Array.from({ length: TEAM_PAGE_SIZE }, (_, i) => member(i)), total: 240, admins: 3 }, 15, [request("pending"), request("pending")], {
      text: "Adele Vance is now billing.",
      style: "good",
    }),
    teamCard(t, { members: [member(0)], total: 1, admins: 1 }, 0, []),
  ],
  "team-member": (t) => [
    memberCard(t, member(0), { text: t.t("refusal.last_admin", { name: member(0).name }), style: "attention" }, "viewer"),
    memberCard(t, member(3)),
  ],
  "role-request": (t) => [
    roleRequestCard(t, request("pending"), { canDecide: true, reasonValue: "Not yet" }),
    roleRequestCard(t, request("rejected"), { canDecide: false, notice: { text: "Already rejected", style: "accent" } }),
  ],
  "role-ask": (t) => [
    roleAskCard(t, { actor: member(3), admins: [member(0), member(4), member(8)] }),
    roleAskCard(t, { actor: member(3), admins: [], pending: request("pending") }),
  ],
  "team-settings": (t) => [
    settingsCard(t, {
      form: { timeZone: "Mars/Olympus", reminderTime: "25:99", pendingApprovalSlaHours: "-3" },
      errors: { timeZone: t.t("refusal.time_zone_invalid", { value: "Mars/Olympus" }), reminderTime: "x", pendingApprovalSlaHours: "y" },
      deploymentSlaHours: 48,
    }),
  ],
};
