// Card actions on a client's completion request: open it, mark the engagement complete, or
// reject the request (the engagement is retired, never deleted). The engagement is re-loaded
// within the actor's organisation and the role re-checked by the domain on every click.
import { z } from "zod";
import type { CompletionDecisionCommand } from "../domain/engagement-completion";
import type { Engagement } from "../domain/engagements";
import type { Refusal } from "../../../platform/domain/result";
import { can } from "../domain/permissions";
import { decideCompletionOnce } from "../store/engagement-completion";
import { findEngagement, listEngagementEvents } from "../store/engagements";
import { refusalText } from "../../../platform/i18n/refusal-words";
import type { Notice } from "../views/billing";
import { completionCard } from "../views/engagement-completion";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";

const ZEngagementSchema = z.object({ engagementId: z.string().min(1).max(64) });
const ZRejectSchema = ZEngagementSchema.extend({ reason: z.string().max(10_000).optional() });

async function cardFor(scope: ActionScope, engagement: Engagement, options: { canDecide: boolean; notice?: Notice; reasonValue?: string }) {
  const events = await listEngagementEvents(scope.services.db, engagement.organisationId, engagement.id);
  const request = events.filter((event) => event.action === "completion_requested").at(-1);
  return completionCard({ engagement, t: scope.t, ...(request ? { request } : {}), ...options });
}

async function open(scope: ActionScope, data: z.infer<typeof ZEngagementSchema>): Promise<ActionOutcome> {
  const engagement = await findEngagement(scope.services.db, scope.organisation.id, data.engagementId);
  if (!engagement) return { message: refusalText(scope.t, { code: "not_found", facts: {} }) };
  return { card: await cardFor(scope, engagement, { canDecide: can(scope.actor.role, "engagement.complete") }) };
}

async function decide(scope: ActionScope, engagementId: string, command: CompletionDecisionCommand): Promise<ActionOutcome> {
  const outcome = await decideCompletionOnce(scope.services.db, scope.actor, engagementId, command, scope.now);
  if (outcome.outcome === "not_found") return { message: refusalText(scope.t, { code: "not_found", facts: {} }) };
  if (outcome.outcome === "refused") {
    const refusal = await withDecider(scope, outcome.record, outcome.refusal);
    const notice: Notice = { text: refusalText(scope.t, refusal), style: refusal.code === "already_decided" ? "accent" : "attention" };
    const reasonValue = command.kind === "reject" ? command.reason : undefined;
    const canDecide = can(scope.actor.role, "engagement.complete");
    return { card: await cardFor(scope, outcome.record, { canDecide, notice, ...(reasonValue ? { reasonValue } : {}) }) };
  }
  const engagement = outcome.record;
  const notice: Notice = {
    text: scope.t.t(`billing.completion.notice.${engagement.state === "completed" ? "completed" : "retired"}`, { reference: engagement.reference }),
    style: "good",
  };
  return { card: await cardFor(scope, engagement, { canDecide: false, notice }), shared: await cardFor(scope, engagement, { canDecide: false }) };
}

/** "Already completed by Bo on 20 Nov": the domain knows the state, the history knows who and when. */
async function withDecider(scope: ActionScope, engagement: Engagement, refusal: Refusal): Promise<Refusal> {
  if (refusal.code !== "already_decided") return refusal;
  const events = await listEngagementEvents(scope.services.db, engagement.organisationId, engagement.id);
  const decision = events.filter((event) => event.action === "completed" || event.action === "completion_rejected").at(-1);
  return decision
    ? { code: refusal.code, facts: { ...refusal.facts, by: decision.actorName, at: decision.at } }
    : { code: "invalid_state", facts: refusal.facts };
}

export const completionActions = {
  "completion.open": defineAction(ZEngagementSchema, false, open),
  "completion.approve": defineAction(ZEngagementSchema, true, (scope, data) => decide(scope, data.engagementId, { kind: "approve" })),
  "completion.reject": defineAction(ZRejectSchema, true, (scope, data) =>
    decide(scope, data.engagementId, { kind: "reject", ...(data.reason !== undefined ? { reason: data.reason } : {}) }),
  ),
};
