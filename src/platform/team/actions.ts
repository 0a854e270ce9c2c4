// Card actions on the team: the members' list and one member's role (admins), asking for a
// role (anyone), deciding a request (admins other than the asker), the organisation's settings
// (admins). Card data names records only; the clicker's role is re-read from the database on
// every click (turn-scope.ts), so a change applies on the next click on every instance.
import { z } from "zod";
import { type ActionOutcome, type ActionScope, defineAction } from "../bot/actions/types";
import type { TurnScope } from "../bot/turn-scope";
import { ROLES } from "../domain/roles";
import { refusalText } from "../i18n/refusal-words";
import { reminderSettings } from "../reminders/settings";
import { findUser } from "../store/organisations";
import { enqueueDecisionNotice, enqueueRequestNotices } from "./notices";
import { readSettingsForm, settingsOf, ZSettingsFormSchema } from "./settings";
import { askForRole, decideRoleRequestOnce, findPendingRoleRequest, findRoleRequest, listPendingRoleRequests } from "./role-requests";
import { changeOrganisationSettings } from "./settings-store";
import { changeTeamMember, listAdmins, listTeamPage } from "./store";
import { memberCard, roleAskCard, roleLabel, roleRequestCard, settingsCard, settingsFormValues, TEAM_PAGE_SIZE, teamCard, type Notice } from "./views";

const ZPageSchema = z.object({ offset: z.coerce.number().int().min(0).max(1_000_000).catch(0).default(0) });
const ZMemberSchema = z.object({ aadObjectId: z.string().min(1).max(200) });
const ZChangeRoleSchema = ZMemberSchema.extend({ role: z.enum(ROLES) });
const ZRequestSchema = z.object({ requestId: z.string().min(1).max(64) });
const ZRejectSchema = ZRequestSchema.extend({ reason: z.string().max(10_000).optional() });
const ZAskSchema = z.object({ role: z.enum(ROLES), note: z.string().max(500).optional() });

const REQUESTS_SHOWN = 5;
const good = (text: string): Notice => ({ text, style: "good" });
const attention = (text: string): Notice => ({ text, style: "attention" });

/** The members' card for an admin; anyone else gets their own role and the admins' names. */
export async function teamOverview(scope: TurnScope, offset = 0, notice?: Notice): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return { card: await askCard(scope, { notice: attention(scope.t.t("team.adminsOnly")) }) };
  const { db } = scope.services;
  const [page, requests] = await Promise.all([
    listTeamPage(db, scope.organisation.id, { offset, limit: TEAM_PAGE_SIZE }),
    listPendingRoleRequests(db, scope.organisation.id, REQUESTS_SHOWN),
  ]);
  return { card: teamCard(scope.t, page, offset, requests, notice) };
}

export async function askCard(scope: TurnScope, options: { notice?: Notice; askedRole?: (typeof ROLES)[number]; noteValue?: string } = {}) {
  const { db } = scope.services;
  const [admins, pending] = await Promise.all([
    listAdmins(db, scope.organisation.id),
    findPendingRoleRequest(db, scope.organisation.id, scope.actor.aadObjectId),
  ]);
  return roleAskCard(scope.t, { actor: scope.actor, admins, ...(pending ? { pending } : {}), ...options });
}

async function openMember(scope: ActionScope, { aadObjectId }: z.infer<typeof ZMemberSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return teamOverview(scope);
  const member = await findUser(scope.services.db, scope.organisation.id, aadObjectId);
  if (!member) return teamOverview(scope, 0, attention(refusalText(scope.t, { code: "not_found", facts: {} })));
  return { card: memberCard(scope.t, member) };
}

async function change(
  scope: ActionScope,
  aadObjectId: string,
  wanted: { kind: "role"; role: (typeof ROLES)[number] } | { kind: "remove" },
): Promise<ActionOutcome> {
  const outcome = await changeTeamMember(scope.services.db, {
    organisationId: scope.organisation.id,
    actor: scope.actor,
    memberAadObjectId: aadObjectId,
    change: wanted,
    configuredAdmins: scope.services.config.ADMIN_AAD_OBJECT_IDS,
    now: scope.now,
  });
  if (outcome.outcome === "not_found") return teamOverview(scope, 0, attention(refusalText(scope.t, { code: "not_found", facts: {} })));
  if (outcome.outcome === "refused") {
    if (outcome.refusal.code === "not_permitted") return teamOverview(scope);
    const typed = wanted.kind === "role" ? wanted.role : undefined;
    return { card: memberCard(scope.t, outcome.record.member, attention(refusalText(scope.t, outcome.refusal)), typed) };
  }
  if (outcome.outcome === "unchanged") return { card: memberCard(scope.t, outcome.record.member) };
  const { member } = outcome.record;
  if (wanted.kind === "remove") return teamOverview(scope, 0, good(scope.t.t("team.notice.removed", { name: member.name })));
  return teamOverview(scope, 0, good(scope.t.t("team.notice.roleChanged", { name: member.name, role: member.role })));
}

async function openRequest(scope: ActionScope, { requestId }: z.infer<typeof ZRequestSchema>): Promise<ActionOutcome> {
  const request = await findRoleRequest(scope.services.db, scope.organisation.id, requestId);
  if (!request) return { message: refusalText(scope.t, { code: "not_found", facts: {} }) };
  // The asker sees their own request, read-only; everyone else but admins, nothing.
  const mine = request.requesterAadObjectId === scope.actor.aadObjectId;
  if (scope.actor.role !== "admin" && !mine) return { message: refusalText(scope.t, { code: "not_permitted", facts: { role: scope.actor.role } }) };
  return { card: roleRequestCard(scope.t, request, { canDecide: scope.actor.role === "admin" && !mine }) };
}

async function decide(scope: ActionScope, requestId: string, decision: { kind: "approve" } | { kind: "reject"; reason?: string }): Promise<ActionOutcome> {
  const outcome = await decideRoleRequestOnce(scope.services.db, { actor: scope.actor, requestId, decision, now: scope.now }, (tx, request) =>
    enqueueDecisionNotice(tx, request, scope.now),
  );
  if (outcome.outcome === "not_found") return { message: refusalText(scope.t, { code: "not_found", facts: {} }) };
  if (outcome.outcome === "refused") {
    const canDecide = scope.actor.role === "admin" && outcome.record.requesterAadObjectId !== scope.actor.aadObjectId;
    const style = outcome.refusal.code === "already_decided" ? "accent" : "attention";
    const reasonValue = decision.kind === "reject" ? decision.reason : undefined;
    return {
      card: roleRequestCard(scope.t, outcome.record, {
        canDecide,
        notice: { text: refusalText(scope.t, outcome.refusal), style },
        ...(reasonValue ? { reasonValue } : {}),
      }),
    };
  }
  const request = outcome.record;
  const key = request.state === "approved" ? "team.request.notice.approved" : "team.request.notice.rejected";
  return { card: roleRequestCard(scope.t, request, { canDecide: false, notice: good(scope.t.t(key, { name: request.requesterName, role: request.role })) }) };
}

async function ask(scope: ActionScope, { role, note }: z.infer<typeof ZAskSchema>): Promise<ActionOutcome> {
  const trimmed = note?.trim();
  const outcome = await askForRole(scope.services.db, { actor: scope.actor, role, ...(trimmed ? { note: trimmed } : {}), now: scope.now }, (tx, request) =>
    enqueueRequestNotices(tx, request, scope.now),
  );
  if (!outcome.ok) return { card: await askCard(scope, { notice: attention(refusalText(scope.t, outcome.refusal)), askedRole: role, noteValue: note ?? "" }) };
  return { card: await askCard(scope, { notice: good(scope.t.t("team.ask.sent", { role: roleLabel(scope.t, role) })) }) };
}

function deploymentSla(scope: TurnScope): number {
  return reminderSettings(scope.services.config).pendingApprovalSlaHours;
}

async function openSettings(scope: ActionScope): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return teamOverview(scope);
  return { card: settingsCard(scope.t, { form: settingsFormValues(settingsOf(scope.organisation)), deploymentSlaHours: deploymentSla(scope) }) };
}

async function saveSettings(scope: ActionScope, form: z.infer<typeof ZSettingsFormSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return teamOverview(scope);
  const read = readSettingsForm(scope.actor, form);
  if (!read.ok) {
    const field = String(read.refusal.facts.field ?? "timeZone") as keyof typeof form;
    const errors = { [field]: refusalText(scope.t, read.refusal) };
    return { card: settingsCard(scope.t, { form, errors, deploymentSlaHours: deploymentSla(scope) }) };
  }
  const outcome = await changeOrganisationSettings(scope.services.db, {
    organisationId: scope.organisation.id,
    actor: scope.actor,
    settings: read.value,
    now: scope.now,
  });
  const notice =
    outcome.outcome === "decided" ? good(scope.t.t("team.settings.saved")) : { text: scope.t.t("team.settings.unchanged"), style: "accent" as const };
  return { card: settingsCard(scope.t, { form: settingsFormValues(read.value), deploymentSlaHours: deploymentSla(scope), notice }) };
}

export const teamActions = {
  "team.open": defineAction(ZPageSchema, false, (scope, { offset }) => teamOverview(scope, offset)),
  "team.member": defineAction(ZMemberSchema, false, openMember),
  "team.changeRole": defineAction(ZChangeRoleSchema, true, (scope, data) => change(scope, data.aadObjectId, { kind: "role", role: data.role })),
  "team.remove": defineAction(ZMemberSchema, true, (scope, data) => change(scope, data.aadObjectId, { kind: "remove" })),
  "team.request": defineAction(ZRequestSchema, false, openRequest),
  "team.approveRequest": defineAction(ZRequestSchema, true, (scope, data) => decide(scope, data.requestId, { kind: "approve" })),
  "team.rejectRequest": defineAction(ZRejectSchema, true, (scope, data) =>
    decide(scope, data.requestId, { kind: "reject", ...(data.reason !== undefined ? { reason: data.reason } : {}) }),
  ),
  "team.ask": defineAction(z.object({}), false, async (scope) => ({ card: await askCard(scope) })),
  "team.askRole": defineAction(ZAskSchema, true, ask),
  "team.settings": defineAction(z.object({}), false, openSettings),
  "team.saveSettings": defineAction(ZSettingsFormSchema, true, saveSettings),
};
