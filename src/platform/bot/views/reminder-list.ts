// The full list of what is due for one person, a page at a time: what the digest's and the
// overview's "See the full list" button opens. Read-only; each page is computed again on the
// server from the records, and the offset the card carries back only says where to start.
import { type AdaptiveCard, largestFittingCard, renderCard } from "../../cards/render";
import type { Translator } from "../../i18n/translator";
import type { ReminderPayload } from "../../reminders/due-item";
import { byUrgency, FULL_LIST_VERB, type ReadingContext, reminderItemView } from "./reminders";

/** Items per page at most; a page of long texts shows fewer, and the next one starts after them. */
export const LIST_PAGE_SIZE = 20;

export function reminderListCard(t: Translator, due: readonly ReminderPayload[], requestedOffset: number, reading: ReadingContext): AdaptiveCard {
  const sorted = byUrgency(due);
  // A stale or forged offset past the end shows the last page rather than an empty one.
  const offset = sorted.length === 0 ? 0 : Math.min(requestedOffset, Math.floor((sorted.length - 1) / LIST_PAGE_SIZE) * LIST_PAGE_SIZE);
  const page = sorted.slice(offset, offset + LIST_PAGE_SIZE);
  // Never an empty page while items remain: at least one is shown, whatever its length.
  return largestFittingCard(page.length, (count) => {
    const shown = Math.max(count, Math.min(1, page.length));
    return renderCard("reminder-list", {
      title: t.t("reminders.list.title"),
      range: sorted.length === 0 ? "" : t.t("reminders.list.range", { from: offset + 1, to: offset + shown, total: sorted.length }),
      none: t.t("reminders.overview.none"),
      items: page.slice(0, shown).map((item) => reminderItemView(t, item, reading)),
      verb: FULL_LIST_VERB,
      hasPrevious: offset > 0,
      previousOffset: Math.max(0, offset - LIST_PAGE_SIZE),
      previousTitle: t.t("reminders.list.previous"),
      hasNext: offset + shown < sorted.length,
      nextOffset: offset + shown,
      nextTitle: t.t("reminders.list.next"),
    });
  });
}
