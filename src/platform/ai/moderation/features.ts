import {
  ABUSIVE_PHRASES,
  INSULTS,
  NEGATIONS,
  PROFANITY,
  SECOND_PERSON,
  SPAM_PHRASES,
  type LexiconEntry,
} from './lexicon.ts';
import { spellings, tokenize, type Token } from './normalize.ts';

/*
 * Turns a text into the numeric features the logistic model weighs, plus the evidence behind them
 * (what moderators read as reasons). Every feature is scaled to roughly 0..3 so no single one dominates
 * the training by its range.
 */

export const FEATURE_NAMES = [
  'profanity',
  'profanity_disguised',
  'insult_targeted',
  'insult_untargeted',
  'insult_negated',
  'abusive_phrase',
  'second_person',
  'caps_ratio',
  'exclamations',
  'links',
  'spam_phrase',
  'money',
  'contact',
  'repetition',
  'char_run',
  'length',
  'emoji',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<FeatureName, number>;

export interface Evidence {
  kind:
    | 'profanity'
    | 'insult'
    | 'abusive_phrase'
    | 'spam_phrase'
    | 'links'
    | 'money'
    | 'contact'
    | 'shouting'
    | 'repetition';
  text: string;
}

export interface Extracted {
  features: FeatureVector;
  evidence: Evidence[];
}

const URL_PATTERN =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|net|org|io|ly|xyz|ru|biz|info|top|site|online|shop|me|co|gg|tk)\b(?:\/\S*)?/gi;
const MONEY_PATTERN = /[$€£]\s?\d[\d,.]*k?|\b\d[\d,.]*\s?(?:usd|dollars|euros|bucks|k\/(?:day|week|month))\b/gi;
const CONTACT_PATTERN =
  /\+?\d[\d\s().-]{8,}\d|\b[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@[a-z0-9_]{3,}\b(?=.*\b(?:whatsapp|telegram|instagram|ig|dm|contact|message|text)\b)/gi;
const EMOJI_PATTERN = /\p{Extended_Pictographic}/gu;

/** sh*t, f***ing: the mask stands for letters; a prefix or infix term only has to fill the word's start. */
function masksMatch(masked: string, entry: LexiconEntry): boolean {
  if (masked.replace(/[*#]/g, '').length < 2) return false;
  const head = entry.match === 'exact' ? masked : masked.slice(0, entry.term.length);
  return new RegExp(`^${head.replace(/[*#]/g, '\\p{L}')}$`, 'u').test(entry.term);
}

/** The spellings a token is looked up as, computed once per token rather than once per lexicon entry. */
const formsCache = new WeakMap<Token, string[]>();
function formsOf(token: Token): string[] {
  let forms = formsCache.get(token);
  if (!forms) {
    forms = [...new Set([...spellings(token.word), token.plain])];
    formsCache.set(token, forms);
  }
  return forms;
}

function matches(token: Token, entry: LexiconEntry): boolean {
  if (token.masked) return masksMatch(token.word, entry);
  const match = token.spelledOut ? 'infix' : entry.match;
  return formsOf(token).some((form) => {
    if (match === 'exact') return form === entry.term;
    if (match === 'prefix') return form.startsWith(entry.term);
    return form.includes(entry.term);
  });
}

interface Hit {
  entry: LexiconEntry;
  index: number;
  length: number;
}

function findWordHits(tokens: Token[], lexicon: LexiconEntry[]): Hit[] {
  const hits: Hit[] = [];
  tokens.forEach((token, index) => {
    const entry = lexicon.find((candidate) => !candidate.term.includes(' ') && matches(token, candidate));
    if (entry) hits.push({ entry, index, length: 1 });
  });
  return hits;
}

function findPhraseHits(tokens: Token[], lexicon: LexiconEntry[]): Hit[] {
  const hits: Hit[] = [];
  for (const entry of lexicon) {
    const words = entry.term.split(' ');
    if (words.length === 1) continue;
    for (let start = 0; start + words.length <= tokens.length; start += 1) {
      if (words.every((word, offset) => formsOf(tokens[start + offset]!).includes(word))) {
        hits.push({ entry, index: start, length: words.length });
      }
    }
  }
  return hits;
}

const quote = (tokens: Token[], hit: Hit) =>
  tokens
    .slice(hit.index, hit.index + hit.length)
    .map((token) => token.original)
    .join(' ');
const sumWeights = (hits: Hit[]) => hits.reduce((sum, hit) => sum + hit.entry.weight, 0);
const near = (tokens: Token[], index: number, words: Set<string>, before: number, after: number) =>
  tokens
    .slice(Math.max(0, index - before), index + after + 1)
    .some((token, offset) => offset !== Math.min(index, before) && words.has(token.word));

function capsRatio(text: string): number {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8) return 0;
  return letters.replace(/[^\p{Lu}]/gu, '').length / letters.length;
}

function repetition(tokens: Token[]): number {
  if (tokens.length < 4) return 0;
  return 1 - new Set(tokens.map((token) => token.word)).size / tokens.length;
}

export function extractFeatures(text: string): Extracted {
  const tokens = tokenize(text);
  const evidence: Evidence[] = [];

  const profanity = findWordHits(tokens, PROFANITY);
  for (const hit of profanity) evidence.push({ kind: 'profanity', text: quote(tokens, hit) });

  let targeted = 0;
  let untargeted = 0;
  let negated = 0;
  for (const hit of findWordHits(tokens, INSULTS)) {
    if (near(tokens, hit.index, NEGATIONS, 2, 0)) {
      negated += 1;
      continue;
    }
    if (near(tokens, hit.index, SECOND_PERSON, 4, 2)) targeted += hit.entry.weight;
    else untargeted += hit.entry.weight;
    evidence.push({ kind: 'insult', text: quote(tokens, hit) });
  }

  const abusive = findPhraseHits(tokens, ABUSIVE_PHRASES).concat(findWordHits(tokens, ABUSIVE_PHRASES));
  for (const hit of abusive) evidence.push({ kind: 'abusive_phrase', text: quote(tokens, hit) });
  const spam = findPhraseHits(tokens, SPAM_PHRASES).concat(findWordHits(tokens, SPAM_PHRASES));
  for (const hit of spam) evidence.push({ kind: 'spam_phrase', text: quote(tokens, hit) });

  const links = text.match(URL_PATTERN) ?? [];
  for (const link of links) evidence.push({ kind: 'links', text: link });
  const money = text.match(MONEY_PATTERN) ?? [];
  for (const amount of money) evidence.push({ kind: 'money', text: amount });
  const contacts = text.match(CONTACT_PATTERN) ?? [];
  for (const contact of contacts) evidence.push({ kind: 'contact', text: contact.trim() });
  const caps = capsRatio(text);
  if (caps > 0.7) evidence.push({ kind: 'shouting', text: `${Math.round(caps * 100)}% capitals` });
  const repeated = repetition(tokens);
  if (repeated > 0.5) evidence.push({ kind: 'repetition', text: `${Math.round(repeated * 100)}% repeated words` });

  const features: FeatureVector = {
    profanity: Math.min(sumWeights(profanity), 6) / 2,
    profanity_disguised: Math.min(profanity.filter((hit) => tokens[hit.index]!.disguised).length, 3),
    insult_targeted: Math.min(targeted, 6) / 2,
    insult_untargeted: Math.min(untargeted, 6) / 2,
    insult_negated: Math.min(negated, 3),
    abusive_phrase: Math.min(sumWeights(abusive), 6) / 2,
    second_person: tokens.some((token) => SECOND_PERSON.has(token.word)) ? 1 : 0,
    caps_ratio: caps,
    exclamations: Math.min((text.match(/!/g) ?? []).length, 5) / 5,
    links: Math.min(links.length, 3),
    spam_phrase: Math.min(sumWeights(spam), 6) / 2,
    money: Math.min(money.length, 3),
    contact: Math.min(contacts.length, 2),
    repetition: repeated,
    char_run: /(\S)\1{3,}/u.test(text.replace(/(\p{Extended_Pictographic})\uFE0F?/gu, '$1')) ? 1 : 0,
    length: Math.log1p(tokens.length) / 5,
    emoji: Math.min((text.match(EMOJI_PATTERN) ?? []).length, 10) / 10,
  };
  return { features, evidence };
}
