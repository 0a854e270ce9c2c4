// Parses an adaptiveCard/action invoke into a verb and its data, and runs the action the folded
// table (src/platform/fold.ts) holds for the verb.
// The invoke body and the card data are client-controlled: both go through zod, and an
// unknown verb or bad data is answered with words, changing nothing.
import { z } from "zod";
import type { ActionOutcome } from "./actions/types";
import type { TurnScope } from "./turn-scope";

const ZAdaptiveCardInvokeSchema = z.object({
  action: z.object({
    type: z.literal("Action.Execute"),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional().default({}),
  }),
  trigger: z.enum(["manual", "automatic"]).optional().default("manual"),
});

export async function runCardAction(scope: TurnScope, invokeValue: unknown): Promise<ActionOutcome> {
  const invoke = ZAdaptiveCardInvokeSchema.safeParse(invokeValue);
  // The folded table is a Map: a verb like "constructor" finds nothing.
  const action = invoke.success ? scope.services.tables.actions.get(invoke.data.action.verb) : undefined;
  if (!invoke.success || !action) return { message: scope.t.t("common.invalidAction") };
  const { trigger } = invoke.data;
  // An automatic refresh is a read: answering it with a write makes Teams refresh again, forever.
  if (trigger === "automatic" && action.writes) return { message: scope.t.t("common.invalidAction") };
  const data = action.data.safeParse(invoke.data.action.data);
  if (!data.success) {
    const details = data.error.issues.map((issue) => issue.path.join(".") || issue.message).join(", ");
    return { message: scope.t.t("refusal.invalid_input", { details }) };
  }
  return action.handle({ ...scope, trigger }, data.data);
}
