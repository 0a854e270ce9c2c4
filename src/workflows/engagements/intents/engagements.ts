// Questions about engagements: "status ENG-1042" (or a bare or partial number) and "what is
// waiting for my approval?". Answers come from the same queries and cards as the card actions,
// always within the asker's organisation.
import { can } from "../domain/permissions";
import { findEngagementByReference, findEngagementsByPartialReference, listEngagements } from "../store/engagements";
import { engagementCardToPost, PENDING_LIST_LIMIT } from "../answers";
import type { TurnScope } from "../../../platform/bot/turn-scope";
import { countedText, engagementListCard } from "../views/engagements";
import { bulletList } from "../../../platform/bot/intents/suggestions";
import type { IntentHandler, Reply } from "../../../platform/bot/intents/types";

/** How many look-alike references the bot offers when a partial number matches several. */
export const STATUS_CHOICES = 5;

async function engagementStatus(scope: TurnScope, digits: string): Promise<Reply> {
  const { db } = scope.services;
  const exact = await findEngagementByReference(db, scope.organisation.id, `ENG-${digits}`);
  if (exact) return { card: await engagementCardToPost(scope, exact) };
  const matches = await findEngagementsByPartialReference(db, scope.organisation.id, digits, STATUS_CHOICES);
  const [only] = matches;
  if (matches.length === 1 && only) return { card: await engagementCardToPost(scope, only) };
  if (matches.length === 0) return { text: scope.t.t("conversation.status.notFound", { typed: digits }) };
  const lines = matches.map((e) =>
    scope.t.t("conversation.status.choice", { reference: e.reference, title: e.title, state: scope.t.t(`engagement.state.${e.state}`) }),
  );
  return {
    text: `${scope.t.t("conversation.status.choose", { count: matches.length, typed: digits })}\n\n${bulletList(lines)}`,
    suggestions: matches.map((e) => scope.t.t("conversation.suggest.status", { reference: e.reference })),
  };
}

export const engagementIntents: Record<string, IntentHandler> = {
  "engagement.status": async (scope, recognition) => {
    const { engagementReference, partialReference } = recognition.entities;
    const digits = engagementReference?.replace(/^ENG-/, "") ?? partialReference;
    if (!digits) return { text: scope.t.t("conversation.status.missingReference"), suggestions: [scope.t.t("conversation.example.approvals.pending")] };
    return engagementStatus(scope, digits);
  },

  "approvals.pending": async (scope, recognition) => {
    const canDecide = can(scope.actor.role, "engagement.decide");
    const page = await listEngagements(scope.services.db, scope.organisation.id, { states: ["pending"], limit: PENDING_LIST_LIMIT });
    // Approvers decide every pending request of their organisation, so "mine" and "all" list the
    // same requests for them; for anyone else, "mine" is honestly empty.
    if (recognition.entities.scope === "mine" && !canDecide) {
      return {
        text: countedText(scope.t, "conversation.pending.notDecider", page, { role: scope.actor.role }),
        suggestions: [scope.t.t("conversation.suggest.allPending")],
      };
    }
    const title =
      recognition.entities.scope === "mine"
        ? countedText(scope.t, "conversation.pending.mineTitle", page)
        : countedText(scope.t, "engagement.list.pendingTitle", page);
    return { card: engagementListCard({ title, page, t: scope.t }) };
  },
};
