// Turns provider accounts into the data of cards/provider-account.json and
// cards/provider-account-list.json. Every string is resolved from the catalog here.
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import type { Translator } from "../../../platform/i18n/translator";
import type { CustomerRecord } from "../domain/customer-records";
import { MAPPING_REASON_MAX } from "../domain/mapping";
import type { ProviderAccount } from "../domain/provider-accounts";
import type { Suggestion } from "../domain/suggestions";

export type Notice = { text: string; style: "good" | "attention" | "warning" | "accent" };

const DAY_MS = 86_400_000;

export interface ProviderAccountCardInput {
  account: ProviderAccount;
  t: Translator;
  now: Date;
  suggestions: readonly Suggestion[];
  /** The search's results, when the reader searched. */
  results?: readonly CustomerRecord[];
  query?: string;
  /** Billing users and admins: Map buttons and the search while unmapped. */
  canMap: boolean;
  /** Admins: Remap (from the search) and Unmap, with a reason, once mapped. */
  canRemap: boolean;
  notice?: Notice;
}

export function daysUnmapped(account: Pick<ProviderAccount, "appearedAt">, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - account.appearedAt.getTime()) / DAY_MS));
}

function reasonText(t: Translator, suggestion: Suggestion): string {
  return suggestion.reasons.map((reason) => t.t(`providerAccount.suggestion.${reason}`, { domains: suggestion.sharedDomains.join(", ") })).join(" · ");
}

export function providerAccountCard(input: ProviderAccountCardInput): AdaptiveCard {
  const { account: a, t } = input;
  const mapped = a.state === "mapped" && a.mapping !== undefined;
  const facts = [
    { title: t.t("providerAccount.field.providerName"), value: a.name },
    { title: t.t("providerAccount.field.provider"), value: a.provider },
    { title: t.t("providerAccount.field.providerAccountId"), value: a.providerAccountId },
    ...(a.domains.length > 0 ? [{ title: t.t("providerAccount.field.domains"), value: a.domains.join(", ") }] : []),
    ...(a.customerTenantId ? [{ title: t.t("providerAccount.field.customerTenantId"), value: a.customerTenantId }] : []),
    { title: t.t("providerAccount.field.appearedAt"), value: t.formatDateTime(a.appearedAt) },
    ...(mapped && a.mapping
      ? [
          { title: t.t("providerAccount.field.account"), value: a.mapping.customerName },
          { title: t.t("providerAccount.field.mappedBy"), value: a.mapping.byName },
          { title: t.t("providerAccount.field.mappedAt"), value: t.formatDateTime(a.mapping.at) },
          ...(a.mapping.reason ? [{ title: t.t("providerAccount.field.reason"), value: a.mapping.reason }] : []),
        ]
      : [{ title: t.t("providerAccount.field.unmappedFor"), value: t.t("providerAccount.waited", { days: daysUnmapped(a, input.now) }) }]),
  ];
  const mapVerb = mapped ? "providerAccount.remap" : "providerAccount.map";
  const mayPick = mapped ? input.canRemap : input.canMap;
  const pick = (customer: CustomerRecord) => ({
    customerRecordId: customer.id,
    name: customer.name,
    domains: customer.domains.join(", "),
    canPick: mayPick && a.mapping?.customerRecordId !== customer.id,
  });
  return renderCard("provider-account", {
    account: { id: a.id, name: a.name, stateLabel: t.t(`providerAccount.state.${a.state}`), stateColor: mapped ? "Good" : "Warning" },
    notice: input.notice?.text ?? "",
    noticeStyle: input.notice?.style ?? "default",
    facts,
    whyItMatters: mapped ? "" : t.t("providerAccount.card.whyItMatters"),
    showSuggestions: !mapped,
    suggestions: input.suggestions.map((suggestion) => ({
      ...pick(suggestion.customer),
      score: t.t("providerAccount.suggestion.score", { score: suggestion.score }),
      why: reasonText(t, suggestion),
    })),
    noSuggestion: !mapped && input.suggestions.length === 0 ? t.t("providerAccount.card.noSuggestion") : "",
    canSearch: mayPick,
    query: input.query ?? "",
    searched: input.results !== undefined,
    results: (input.results ?? []).map(pick),
    noResult: input.results !== undefined && input.results.length === 0 ? t.t("providerAccount.search.none", { query: input.query ?? "" }) : "",
    mapVerb,
    canUnmap: mapped && input.canRemap,
    reasonMaxLength: MAPPING_REASON_MAX,
    text: {
      suggestionsTitle: t.t("providerAccount.card.suggestionsTitle"),
      resultsTitle: t.t("providerAccount.search.resultsTitle"),
      pick: t.t(mapped ? "providerAccount.action.remap" : "providerAccount.action.map"),
      search: t.t("providerAccount.action.search"),
      searchPlaceholder: t.t("providerAccount.search.placeholder"),
      reasonLabel: t.t("providerAccount.field.reason"),
      reasonPlaceholder: t.t("providerAccount.reason.placeholder"),
      unmap: t.t("providerAccount.action.unmap"),
    },
  });
}

export interface ListItem {
  title: string;
  subtitle: string;
  /** A card verb opening the item; none for a line that only informs. */
  verb?: string;
  data?: Record<string, string>;
}

export function providerAccountListCard(input: {
  t: Translator;
  title: string;
  items: readonly ListItem[];
  more?: { verb: string; data: Record<string, string> };
}): AdaptiveCard {
  const { t } = input;
  return renderCard("provider-account-list", {
    title: input.title,
    items: input.items.map((item) => ({
      title: item.title,
      subtitle: item.subtitle,
      hasOpen: item.verb !== undefined,
      verb: item.verb ?? "",
      data: item.data ?? {},
      openLabel: t.t("providerAccount.action.open"),
    })),
    hasMore: input.more !== undefined,
    moreVerb: input.more?.verb ?? "",
    moreData: input.more?.data ?? {},
    text: { next: t.t("providerAccount.list.next") },
  });
}
