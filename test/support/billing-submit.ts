// Submits a billing entry the way a user does in Teams: open the form, review, record.
import { expect } from "vitest";
import type { TestBot, TestUser } from "./bot";

type Card = Record<string, unknown>;

export const GOOD_BILLING_INPUTS = { quantity: "10", unit: "hour", unitCost: "12.50", currency: "EUR", month: "2026-10", notes: "October on-call" };

export function actionData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.type === "Action.Execute" && record.verb === verb) found = record.data as Record<string, unknown>;
    else Object.values(record).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} action in the card`);
  return found;
}

/** Answers the card the bot shows after the entry is recorded. */
export async function submitBillingInCard(
  bot: TestBot,
  user: TestUser,
  engagementId: string,
  inputs: Record<string, string> = GOOD_BILLING_INPUTS,
): Promise<Card> {
  const form = await bot.invoke(user, "billing.form", { engagementId });
  const review = await bot.invoke(user, "billing.review", { ...actionData(form.body.value, "billing.review"), ...inputs });
  const submitted = await bot.invoke(user, "billing.submit", actionData(review.body.value, "billing.submit"));
  expect(submitted.status).toBe(200);
  return submitted.body.value as Card;
}
