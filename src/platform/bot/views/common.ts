// Cards every feature shares: the error card with its correlation id, and the welcome card.
import { type AdaptiveCard, renderCard } from "../../cards/render";
import type { Role } from "../../domain/roles";
import type { Translator } from "../../i18n/translator";

export function errorCard(t: Translator, correlationId: string, message?: string): AdaptiveCard {
  return renderCard("error", {
    title: t.t("common.error.title"),
    message: message ?? t.t("common.error.message"),
    reference: t.t("common.error.reference", { correlationId }),
  });
}

export function welcomeCard(t: Translator, name: string, role: Role): AdaptiveCard {
  return renderCard("welcome", {
    title: t.t("common.welcome.title", { name }),
    intro: t.t("common.welcome.intro"),
    examplesTitle: t.t("common.welcome.examplesTitle"),
    examples: [t.t("common.welcome.example.pending"), t.t("common.welcome.example.status"), t.t("common.welcome.example.help")],
    role: t.t("common.welcome.role", { role }),
    pendingLabel: t.t("common.welcome.pending"),
  });
}
