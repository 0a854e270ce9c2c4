// The simplest recognizer: the bot's commands as typed ("pending", "status ENG-1042",
// "1042", "help"). Deterministic, for tests and as a fallback.
import { normaliseEngagementReference } from "../domain/engagements";
import type { Recognition, Recognizer } from "./recognizer";

export class CommandRecognizer implements Recognizer {
  recognize(text: string): Recognition {
    const words = text.trim().toLowerCase();
    const status = /^(?:status|statut)\s+(.+)$/.exec(words);
    const reference = normaliseEngagementReference(status?.[1] ?? words);
    if (reference) return { intent: "engagement.status", confidence: 1, entities: { engagementReference: reference } };
    if (/^(pending|en attente|menunggu( persetujuan)?)$/.test(words)) {
      return { intent: "approvals.pending", confidence: 1, entities: {} };
    }
    if (/^(help|aide|bantuan|\?)$/.test(words)) return { intent: "help", confidence: 1, entities: {} };
    return { intent: "none", confidence: 0, entities: {} };
  }
}
