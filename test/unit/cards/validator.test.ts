// The card validator used by card tests: it must catch what Teams would refuse or mis-render,
// and let a good Universal Actions card through.
import { describe, expect, it } from "vitest";
import { MAX_CARD_BYTES, validateAdaptiveCard } from "../../support/adaptive-card-validator";

/** A card like ours: text, facts, a table, an input and Action.Execute with a refresh. */
function goodCard(): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    refresh: {
      action: { type: "Action.Execute", verb: "engagement.refresh", data: { engagementId: "e-1" } },
      userIds: [],
    },
    body: [
      { type: "TextBlock", text: "ENG-1042 is waiting for approval", style: "heading", wrap: true },
      { type: "FactSet", facts: [{ title: "Client", value: "Contoso" }] },
      {
        type: "Table",
        columns: [{ width: 1 }, { width: 1 }],
        rows: [
          {
            type: "TableRow",
            cells: [
              { type: "TableCell", items: [{ type: "TextBlock", text: "October" }] },
              { type: "TableCell", items: [{ type: "TextBlock", text: "12.50 EUR" }] },
            ],
          },
        ],
      },
      { type: "Input.Text", id: "reason", label: "Reason", isMultiline: true, maxLength: 500 },
    ],
    actions: [
      // An action payload may carry a `type` of its own: it is data, not card structure.
      { type: "Action.Execute", title: "Approve", verb: "engagement.approve", data: { type: "engagement", id: "e-1" } },
      {
        type: "Action.ShowCard",
        title: "Reject",
        card: { type: "AdaptiveCard", body: [{ type: "TextBlock", text: "Why?" }] },
      },
    ],
  };
}

describe("validateAdaptiveCard", () => {
  it("accepts a 1.5 card with a table, an input and Action.Execute", () => {
    expect(validateAdaptiveCard(goodCard())).toEqual([]);
  });

  it("refuses an element type the renderer does not know", () => {
    const card = goodCard();
    (card.body as object[]).push({ type: "Blinker", text: "hi" });
    expect(validateAdaptiveCard(card)).toEqual([
      'card.body[4]: "Blinker" is not supported in Teams bot cards',
      'renderer (parse, UnknownElementType): Unknown element type "Blinker". Fallback will be used if present.',
    ]);
  });

  it("refuses any version other than 1.5, older or newer", () => {
    for (const version of ["1.4", "1.6", undefined]) {
      const card = { ...goodCard(), version };
      expect(validateAdaptiveCard(card)).toContain(`card: version must be "1.5", not ${JSON.stringify(version)}`);
    }
  });

  it("refuses a card whose JSON is over 28 KB", () => {
    const card = goodCard();
    (card.body as object[]).push({ type: "TextBlock", text: "x".repeat(MAX_CARD_BYTES), wrap: true });
    const problems = validateAdaptiveCard(card);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^card: \d+ bytes of JSON, over the 28672-byte budget$/);
  });

  it("counts the budget in UTF-8 bytes, not characters", () => {
    const card = goodCard();
    (card.body as object[]).push({ type: "TextBlock", text: "é".repeat(MAX_CARD_BYTES / 2), wrap: true });
    expect(validateAdaptiveCard(card).join("\n")).toMatch(/over the 28672-byte budget/);
  });

  it("refuses a property value the renderer rejects", () => {
    const card = goodCard();
    (card.body as object[]).push({ type: "TextBlock", text: "hi", size: "gigantic" });
    expect(validateAdaptiveCard(card)).toEqual(['renderer (parse, InvalidPropertyValue): Invalid value "gigantic" for property "size".']);
  });

  it("refuses an input without an id and inputs sharing one", () => {
    const card = goodCard();
    (card.body as object[]).push({ type: "Input.Text" }, { type: "Input.Toggle", id: "reason", title: "Again" });
    const problems = validateAdaptiveCard(card);
    expect(problems).toContain("renderer (validation, PropertyCantBeNull): All inputs must have a unique Id.");
    expect(problems).toContain('renderer (validation, DuplicateId): Duplicate Id "reason".');
  });

  it("refuses Media, Action.Http and 1.6 elements such as Input.Rating, even when the renderer knows them", () => {
    const card = goodCard();
    (card.body as object[]).push(
      { type: "Media", sources: [{ url: "https://example.com/demo.mp4", mimeType: "video/mp4" }] },
      { type: "Input.Rating", id: "stars" },
    );
    (card.actions as object[]).push({ type: "Action.Http", title: "Ping", method: "GET", url: "https://example.com" });
    const problems = validateAdaptiveCard(card);
    expect(problems).toContain('card.body[4]: "Media" is not supported in Teams bot cards');
    expect(problems).toContain('card.body[5]: "Input.Rating" is not supported in Teams bot cards');
    expect(problems).toContain('card.actions[2]: "Action.Http" is not supported in Teams bot cards');
  });

  it("looks inside nested cards and select actions", () => {
    const card = goodCard();
    (card.body as object[]).push({
      type: "Container",
      selectAction: { type: "Action.Http", method: "GET", url: "https://example.com" },
      items: [{ type: "TextBlock", text: "hi" }],
    });
    const actions = card.actions as Array<Record<string, any>>;
    actions[1]!.card.body.push({ type: "Media", sources: [] });
    const problems = validateAdaptiveCard(card);
    expect(problems).toContain('card.body[4].selectAction: "Action.Http" is not supported in Teams bot cards');
    expect(problems).toContain('card.actions[1].card.body[1]: "Media" is not supported in Teams bot cards');
  });

  it("refuses a rendered card that still holds a template expression, wherever it is", () => {
    const card = goodCard();
    (card.body as object[]).push({ type: "TextBlock", text: "Owner: ${owner.name}" });
    (card.actions as Array<Record<string, any>>)[0]!.data.id = "${engagement.id}";
    const problems = validateAdaptiveCard(card);
    expect(problems).toContain('card.body[4].text: unexpanded template expression "${owner.name}"');
    expect(problems).toContain('card.actions[0].data.id: unexpanded template expression "${engagement.id}"');
  });

  it("refuses something that is not an Adaptive Card at all", () => {
    expect(validateAdaptiveCard({ type: "MessageCard", version: "1.5" })).toContain('card: type must be "AdaptiveCard", not "MessageCard"');
  });
});
