// Cards every feature shares: the error card with its correlation id, and the welcome card.
import { type AdaptiveCard, renderCard } from "../../cards/render";
import type { Role } from "../../domain/roles";
import type { PlatformTables } from "../../fold";
import type { Translator } from "../../i18n/translator";

export function errorCard(t: Translator, correlationId: string, message?: string): AdaptiveCard {
  return renderCard("error", {
    title: t.t("common.error.title"),
    message: message ?? t.t("common.error.message"),
    reference: t.t("common.error.reference", { correlationId }),
  });
}

/** The greeting: every workflow's example questions and buttons, then help and "What needs me?". */
export function welcomeCard(t: Translator, tables: PlatformTables, name: string, role: Role): AdaptiveCard {
  return renderCard("welcome", {
    title: t.t("common.welcome.title", { name }),
    intro: t.t("common.welcome.intro"),
    examplesTitle: t.t("common.welcome.examplesTitle"),
    examples: [...tables.welcomeExamples.map((key) => t.t(key)), t.t("common.welcome.example.help")],
    role: t.t("common.welcome.role", { role }),
    actionRows: rowsOf(
      tables.welcomeActions.map((action) => ({ verb: action.verb, title: t.t(action.titleKey) })),
      BUTTONS_PER_ROW,
    ).map((actions) => ({ actions })),
  });
}

/** Teams shows at most five buttons in a row, and every workflow adds one: rows of three. */
const BUTTONS_PER_ROW = 3;

function rowsOf<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, row) => items.slice(row * size, row * size + size));
}
