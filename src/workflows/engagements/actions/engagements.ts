// Card actions on engagements: open a view, refresh (automatic, read-only), approve, reject.
// The engagement id in the card data is only a pointer: the record is re-loaded within the
// actor's organisation and the role re-checked by the domain on every click.
import { z } from "zod";
import type { EngagementDecisionCommand } from "../domain/engagements";
import { decideEngagementOnce } from "../store/engagement-decisions";
import { findEngagement } from "../store/engagements";
import { engagementCardFor, pendingEngagementsCard, sharedEngagementCard } from "../answers";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";

const ZEngagementRefSchema = z.object({
  engagementId: z.string().min(1).max(64),
  view: z.enum(["details", "history"]).catch("details").default("details"),
});

/** The page after the row these name; neither: the first page. */
const ZListPageSchema = z.object({
  afterRequestedAt: z.iso.datetime().optional().catch(undefined),
  afterReference: z.string().max(64).optional().catch(undefined),
});

const ZRejectSchema = ZEngagementRefSchema.extend({
  // Teams sends an untouched Input.Text as an empty string or leaves it out.
  reason: z.string().max(10_000).optional(),
});

async function open(scope: ActionScope, data: z.infer<typeof ZEngagementRefSchema>): Promise<ActionOutcome> {
  const engagement = await findEngagement(scope.services.db, scope.organisation.id, data.engagementId);
  if (!engagement) return { message: refusalText(scope.t, { code: "not_found", facts: {} }) };
  return { card: await engagementCardFor(scope, engagement, { view: data.view }) };
}

async function decide(scope: ActionScope, engagementId: string, command: EngagementDecisionCommand): Promise<ActionOutcome> {
  const outcome = await decideEngagementOnce(scope.services.db, scope.actor, engagementId, command, scope.now);
  if (outcome.outcome === "not_found") return { message: refusalText(scope.t, { code: "not_found", facts: {} }) };
  if (outcome.outcome === "refused") {
    // Decided by someone else, before our click or during it: show what they decided.
    const style = outcome.refusal.code === "already_decided" ? "accent" : "attention";
    const notice = { text: refusalText(scope.t, outcome.refusal), style } as const;
    const reasonValue = command.kind === "reject" ? command.reason : undefined;
    return { card: await engagementCardFor(scope, outcome.record, { notice, ...(reasonValue ? { reasonValue } : {}) }) };
  }
  const decided = outcome.record;
  const notice = { text: scope.t.t(`engagement.notice.${decided.state}`), style: "good" } as const;
  return { card: await engagementCardFor(scope, decided, { notice }), shared: await sharedEngagementCard(scope, decided) };
}

export const engagementActions = {
  "engagement.listPending": defineAction(ZListPageSchema, false, async (scope, data) => ({
    card: await pendingEngagementsCard(
      scope,
      data.afterRequestedAt && data.afterReference ? { requestedAt: new Date(data.afterRequestedAt), reference: data.afterReference } : undefined,
    ),
  })),
  "engagement.open": defineAction(ZEngagementRefSchema, false, open),
  "engagement.refresh": defineAction(ZEngagementRefSchema, false, open),
  "engagement.approve": defineAction(ZEngagementRefSchema, true, (scope, data) => decide(scope, data.engagementId, { kind: "approve" })),
  "engagement.reject": defineAction(ZRejectSchema, true, (scope, data) =>
    decide(scope, data.engagementId, { kind: "reject", ...(data.reason !== undefined ? { reason: data.reason } : {}) }),
  ),
};
