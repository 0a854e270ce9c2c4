// Every card verb the bot answers, merged from the features' tables. A verb not listed here
// is refused before any handler runs.
import { billingActions } from "../../../workflows/engagements/actions/billing";
import { completionActions } from "../../../workflows/engagements/actions/completion";
import { engagementActions } from "../../../workflows/engagements/actions/engagements";
import { reminderActions } from "./reminders";
import type { CardAction } from "./types";

export const cardActions: Record<string, CardAction> = {
  ...engagementActions,
  ...reminderActions,
  ...billingActions,
  ...completionActions,
};
