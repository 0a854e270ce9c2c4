// Whether a message is about the bot's domain at all. The classifier always names its nearest
// intent, even for "book me a flight to paris", so before asking it the recognizer weighs what
// the words say. A word the domain's training data uses (beyond function words, everyday words
// and the lexicon's time and scope words) points at the domain; an entity is a weaker hint,
// since dates and numbers turn up in any talk; a content word the domain has never used, not
// even a typo away, points elsewhere. Every language counts, so "statut de TCK-1042 pls" is
// weighed the same whichever language the message is read in.
import { firstReference } from "./references";
import type { Entities } from "./recognizer";
import type { Extraction } from "./entity-extraction";
import { MONTH_PLACEHOLDER, REFERENCE_PLACEHOLDER } from "./entity-extraction";
import { closestWord } from "./edit-distance";
import { isNumber } from "./text";

export interface Evidence {
  /** Words the domain's training data uses, spelled as trained. */
  domainWords: number;
  /** Entities found: a reference, a month, a range of days. */
  hints: number;
  /** Content words the domain never uses. */
  foreignWords: number;
}

/** A domain word outweighs a hint or a foreign word: two foreign words only match it. */
const DOMAIN_WORD_WEIGHT = 2;

/**
 * Off-topic when the words pointing elsewhere outnumber what points at the domain. A message
 * made only of function words ("what can you do") carries no verdict and is left to the classifier.
 */
export function isOffTopic(evidence: Evidence): boolean {
  return evidence.foreignWords > DOMAIN_WORD_WEIGHT * evidence.domainWords + evidence.hints;
}

export class DomainVocabulary {
  private readonly domainList: string[];

  private constructor(
    private readonly domainWords: ReadonlySet<string>,
    private readonly neutralWords: ReadonlySet<string>,
  ) {
    this.domainList = [...domainWords];
  }

  /**
   * @param trainedTokens the words of every on-topic training utterance, as the classifier saw them
   * @param neutralWords words as much at home in small talk as in the domain: "my", "please", "this week"
   */
  static build(trainedTokens: Iterable<string>, neutralWords: ReadonlySet<string>): DomainVocabulary {
    const domainWords = new Set<string>();
    for (const token of trainedTokens) {
      if (!isNeutral(token, neutralWords)) domainWords.add(token);
    }
    return new DomainVocabulary(domainWords, neutralWords);
  }

  weigh({ tokens, entities }: Extraction): Evidence {
    const evidence: Evidence = { domainWords: 0, hints: entityCount(entities), foreignWords: 0 };
    for (const token of tokens) {
      if (isNeutral(token, this.neutralWords)) continue;
      if (this.domainWords.has(token)) evidence.domainWords += 1;
      // A word a typo away from the domain's ("aprovals") is a guess: it counts neither way.
      else if (closestWord(token, this.domainList) === undefined) evidence.foreignWords += 1;
    }
    return evidence;
  }
}

function isNeutral(token: string, neutralWords: ReadonlySet<string>): boolean {
  return token === REFERENCE_PLACEHOLDER || token === MONTH_PLACEHOLDER || token === "#" || isNumber(token) || neutralWords.has(token);
}

function entityCount(entities: Entities): number {
  const found = [firstReference(entities) ?? entities.partialReference, entities.month, entities.range];
  return found.filter((entity) => entity !== undefined).length;
}
