// Questions about engagements: "status ENG-1042", "pending".
import { engagementStatus, pendingEngagementsCard } from "../engagement-answers";
import type { IntentHandler } from "./types";

export const engagementIntents: Record<string, IntentHandler> = {
  "engagement.status": async (scope, recognition) => {
    const typed = recognition.entities.engagementReference ?? recognition.entities.partialReference;
    if (!typed) return { text: scope.t.t("common.notUnderstood") };
    return engagementStatus(scope, typed);
  },
  "approvals.pending": async (scope) => ({ card: await pendingEngagementsCard(scope) }),
};
