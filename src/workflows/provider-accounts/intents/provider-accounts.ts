// Questions in plain words: which customers still need their provider account mapped, whether a
// given customer accepted the reseller-relationship invitation (or which have not yet), and what
// was mapped this week. Always within the asker's organisation.
import type { IntentHandler } from "../../../platform/bot/intents/types";
import { wordsFound } from "../domain/company-names";
import type { RelationshipRequest } from "../domain/relationship-requests";
import { invitationsCard, mappedThisWeekCard, unmappedListCard } from "../answers";
import { listRecentRequests } from "../store/relationship-requests";

/** How much of a customer's name the question must contain for it to be the one asked about. */
const NAMED_MIN = 0.85;

/** The request for the customer the question names, by domain or by name; the latest if several. */
export function requestNamedIn(text: string, requests: readonly RelationshipRequest[]): RelationshipRequest | undefined {
  const lower = text.toLowerCase();
  let best: { request: RelationshipRequest; likeness: number } | undefined;
  for (const request of requests) {
    const likeness = lower.includes(request.primaryDomain) ? 1 : wordsFound(request.customerName, text);
    if (likeness < NAMED_MIN) continue;
    if (!best || likeness > best.likeness) best = { request, likeness };
  }
  return best?.request;
}

export const providerAccountIntents: Record<string, IntentHandler> = {
  "providerAccount.unmapped": async (scope) => ({ card: await unmappedListCard(scope) }),

  "providerAccount.mappedThisWeek": async (scope) => ({ card: await mappedThisWeekCard(scope) }),

  "providerAccount.invitations": async (scope, _recognition, text) => {
    const requests = await listRecentRequests(scope.services.db, scope.organisation.id);
    const request = requestNamedIn(text, requests);
    if (!request) return { card: await invitationsCard(scope) };
    const { t } = scope;
    if (request.state === "accepted" && request.acceptedAt) {
      return { text: t.t("providerAccount.answer.accepted", { customerName: request.customerName, at: request.acceptedAt }) };
    }
    if (request.state === "withdrawn" && request.withdrawal) {
      return {
        text: t.t("providerAccount.answer.withdrawn", { customerName: request.customerName, by: request.withdrawal.byName, at: request.withdrawal.at }),
      };
    }
    return { text: t.t("providerAccount.answer.notAccepted", { customerName: request.customerName, by: request.sentByName, sentAt: request.sentAt }) };
  },
};
