// Representative renderings of this workflow's cards: an unmapped account with three suggestions
// and ten search results, a mapped one as an admin sees it, and a full list page. Checked by
// ./unit/cards.test.ts; test/unit/cards/templates.test.ts can spread them in beside the others.
import type { AdaptiveCard } from "../../../src/platform/cards/render";
import type { Translator } from "../../../src/platform/i18n/translator";
import { suggestCustomers } from "../../../src/workflows/provider-accounts/domain/suggestions";
import { providerAccountCard, providerAccountListCard } from "../../../src/workflows/provider-accounts/views/provider-accounts";
import { CUSTOMERS } from "./unit/customer-list";
import { mappedToContoso, unmapped } from "./unit/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

export const cardSamples: Record<string, (t: Translator) => AdaptiveCard[]> = {
  "provider-account": (t) => [
    providerAccountCard({
      account: unmapped,
      t,
      now,
      suggestions: suggestCustomers({ ...unmapped, name: "Contoso" }, CUSTOMERS),
      results: CUSTOMERS.slice(0, 10),
      query: "contoso",
      canMap: true,
      canRemap: true,
      notice: { text: t.t("providerAccount.notice.mapped", { customerName: "Contoso Ltd" }), style: "good" },
    }),
    providerAccountCard({ account: unmapped, t, now, suggestions: [], results: [], query: "zzz", canMap: false, canRemap: false }),
    providerAccountCard({ account: mappedToContoso, t, now, suggestions: [], results: CUSTOMERS.slice(0, 10), query: "fab", canMap: true, canRemap: true }),
  ],
  "provider-account-list": (t) => [
    providerAccountListCard({
      t,
      title: t.t("providerAccount.list.unmappedTitle", { count: 42 }),
      items: Array.from({ length: 10 }, (_, i) => ({
        title: `Customer ${i} International Holdings`,
        subtitle: t.t("providerAccount.list.unmappedItem", { name: `Customer ${i}`, provider: "Microsoft Partner Center", days: i }),
        verb: "providerAccount.open",
        data: { providerAccountId: `pa-${i}` },
      })),
      more: { verb: "providerAccount.listUnmapped", data: { afterAppearedAt: now.toISOString(), afterId: "pa-9" } },
    }),
    providerAccountListCard({ t, title: t.t("providerAccount.list.invitationsTitle", { count: 0 }), items: [] }),
  ],
};
