// Questions about site access: "I need access to site 1234567" (asks, keyed by the message so a
// redelivery makes one request), "access requests waiting for me", "who is the primary contact
// of site 1234567". Site numbers come from the site references ("site 1234567",
// "situs 1234567"): bare digits belong to the engagement workflow.
import type { IntentHandler } from "../../../platform/bot/intents/types";
import type { Entities } from "../../../platform/conversation/recognizer";
import { askForAccess, newRequestForm, pendingRequestsCard, siteCardByNumber } from "../answers";

/** The digits of a site reference in what was said, if any. */
export function siteNumberOf(entities: Entities): string | undefined {
  const reference = entities.siteReference ?? entities.situsReference;
  return typeof reference === "string" ? reference.replace(/^[A-Z]+-/, "") : undefined;
}

// "I am the primary contact", "saya kontak utama", "je suis le contact principal".
const CLAIMS_PRIMARY = /\b(i am|i'm|im) (the )?primary contact|\bsaya (adalah )?kontak utama|\bje suis (le )?contact principal/i;

export const siteAccessIntents: Record<string, IntentHandler> = {
  "siteAccess.request": async (scope, recognition, text) => {
    const siteNumber = siteNumberOf(recognition.entities);
    const claimsPrimaryContact = CLAIMS_PRIMARY.test(text);
    if (!siteNumber) return { card: newRequestForm(scope, { claimsPrimaryContact }) };
    return { card: await askForAccess(scope, { siteNumber, claimsPrimaryContact, requestKey: `message:${scope.activityId}` }) };
  },
  "siteAccess.pending": async (scope) => ({ card: await pendingRequestsCard(scope) }),
  "siteAccess.site": async (scope, recognition) => {
    const siteNumber = siteNumberOf(recognition.entities);
    if (!siteNumber) return { text: scope.t.t("siteAccess.conversation.whichSite"), suggestions: [scope.t.t("conversation.example.siteAccess.site")] };
    const answer = await siteCardByNumber(scope, siteNumber);
    return typeof answer === "string" ? { text: answer } : { card: answer };
  },
};
