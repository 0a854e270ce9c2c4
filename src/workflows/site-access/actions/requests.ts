// Card actions on access requests: the form, asking, opening one, the list waiting for me,
// approving with privileges and rejecting with a reason. The request id in the card data is a
// pointer only: the record is re-loaded within the actor's organisation and the authority
// re-checked by the domain on every click.
import { z } from "zod";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { decisionCommand, ZAccessDecisionForm } from "../domain/access-decisions";
import { ZAccessRequestForm } from "../domain/access-requests";
import { askForAccess, newRequestForm, pendingRequestsCard, REFUSAL_WORDS, refusalNotice, requestCardFor } from "../answers";
import { decideAccessRequestOnce } from "../store/access-decisions";
import { findAccessRequest } from "../store/access-requests";
import { setPendingSlaDays } from "../store/settings";

const ZRequestRef = z.object({ requestId: z.string().min(1).max(64) });

const ZListPage = z.object({
  afterRequestedAt: z.iso.datetime().optional().catch(undefined),
  afterId: z.string().max(64).optional().catch(undefined),
});

// The decision inputs travel with the button's own data: Teams sends every input of the card.
const ZDecision = z.intersection(ZRequestRef, ZAccessDecisionForm);

async function open(scope: ActionScope, { requestId }: z.infer<typeof ZRequestRef>): Promise<ActionOutcome> {
  const request = await findAccessRequest(scope.services.db, scope.organisation.id, requestId);
  if (!request) return { message: refusalText(scope.t, { code: "not_found", facts: {} }, REFUSAL_WORDS) };
  return { card: await requestCardFor(scope, request) };
}

async function decide(scope: ActionScope, data: z.infer<typeof ZDecision>): Promise<ActionOutcome> {
  const db = scope.services.db;
  const kept = data.decision === "approve" ? { entitlementsValue: [data.entitlements].flat().join(",") } : { reasonValue: data.reason };
  const command = decisionCommand(data);
  const current = await findAccessRequest(db, scope.organisation.id, data.requestId);
  if (!current) return { message: refusalText(scope.t, { code: "not_found", facts: {} }, REFUSAL_WORDS) };
  if (!command.ok) return { card: await requestCardFor(scope, current, { notice: refusalNotice(scope, command.refusal), ...kept }) };
  const outcome = await decideAccessRequestOnce(db, scope.actor, data.requestId, command.value, scope.now);
  if (outcome.outcome === "not_found") return { message: refusalText(scope.t, { code: "not_found", facts: {} }, REFUSAL_WORDS) };
  if (outcome.outcome === "refused") {
    return { card: await requestCardFor(scope, outcome.record.request, { notice: refusalNotice(scope, outcome.refusal), ...kept }) };
  }
  const decided = outcome.outcome === "decided" ? outcome.record.request : outcome.record.request;
  const notice = { text: scope.t.t(`siteAccess.notice.${decided.state}`, { requester: decided.requester.name }), style: "good" } as const;
  return { card: await requestCardFor(scope, decided, { notice }) };
}

export const requestActions = {
  "siteAccess.requestForm": defineAction(z.object({ siteNumber: z.string().max(40).optional() }), false, async (scope, data) => ({
    card: newRequestForm(scope, data.siteNumber ? { siteNumber: data.siteNumber } : {}),
  })),
  "siteAccess.request": defineAction(ZAccessRequestForm, true, async (scope, data) => ({
    card: await askForAccess(scope, { siteNumber: data.siteNumber, claimsPrimaryContact: data.claimsPrimaryContact, requestKey: `form:${data.nonce}` }),
  })),
  "siteAccess.openRequest": defineAction(ZRequestRef, false, open),
  "siteAccess.listPending": defineAction(ZListPage, false, async (scope, data) => ({
    card: await pendingRequestsCard(
      scope,
      data.afterRequestedAt && data.afterId ? { requestedAt: new Date(data.afterRequestedAt), id: data.afterId } : undefined,
    ),
  })),
  "siteAccess.setPendingDays": defineAction(z.object({ pendingSlaDays: z.union([z.string().max(10), z.number()]).default("") }), true, async (scope, data) => {
    const saved = await setPendingSlaDays(scope.services.db, scope.actor, data.pendingSlaDays, scope.now);
    const notice = saved.ok
      ? ({ text: scope.t.t("siteAccess.notice.slaSaved", { days: saved.value }), style: "good" } as const)
      : refusalNotice(scope, saved.refusal);
    return { card: await pendingRequestsCard(scope, undefined, notice) };
  }),
  "siteAccess.approve": defineAction(ZDecision, true, decide),
  "siteAccess.reject": defineAction(ZDecision, true, decide),
};
