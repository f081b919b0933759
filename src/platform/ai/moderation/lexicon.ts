/*
 * StreamHub's moderation word lists. Written for comment sections of a video site (English, plus the
 * commonest Spanish terms since Spanish is the second language the translation pipeline serves).
 *
 * How an entry matches a token (after normalize.ts undid disguises):
 *   exact  - the whole word ("ass" must not fire on "class", "assassin" or "pass")
 *   prefix - the word starts with it ("bitch" -> "bitching"), for stems without innocent continuations
 *   infix  - anywhere in the word ("fuck" -> "motherfucker"), only for stems no innocent word contains
 * Multi-word phrases match consecutive tokens exactly.
 */

export type MatchKind = 'exact' | 'prefix' | 'infix';

export interface LexiconEntry {
  term: string;
  match: MatchKind;
  /** 1 mild, 2 strong, 3 severe: summed into the feature, so one slur outweighs a "damn". */
  weight: number;
}

const entries = (match: MatchKind, weight: number, terms: string[]): LexiconEntry[] =>
  terms.map((term) => ({ term, match, weight }));

/** Swearing, whoever it is aimed at ("this is fucking great" is profane but friendly). */
export const PROFANITY: LexiconEntry[] = [
  ...entries('infix', 2, ['fuck', 'shit', 'fck', 'fuk']),
  ...entries('prefix', 2, [
    'bitch',
    'bastard',
    'asshole',
    'dickhead',
    'wanker',
    'twat',
    'cunt',
    'bollock',
    'motherf',
    'puta',
    'gilipollas',
    'cabron',
    'pendej',
    'joder',
  ]),
  ...entries('exact', 1, [
    'ass',
    'arse',
    'dick',
    'prick',
    'piss',
    'pissed',
    'crap',
    'crappy',
    'damn',
    'damned',
    'goddamn',
    'hell',
    'wtf',
    'stfu',
    'ffs',
    'mierda',
    'coño',
    'hostia',
    'bloody',
    'jackass',
    'dumbass',
    'shitty',
  ]),
  ...entries('exact', 2, ['cock', 'cocks', 'dicks', 'tits', 'slut', 'whore', 'sob']),
];

/** Insults: words that demean a person. Whether one is aimed at someone is a separate feature. */
export const INSULTS: LexiconEntry[] = [
  ...entries('prefix', 2, [
    'idiot',
    'moron',
    'imbecil',
    'retard',
    'dumbass',
    'braindead',
    'idiota',
    'estupid',
    'subnormal',
  ]),
  ...entries('exact', 2, [
    'stupid',
    'dumb',
    'loser',
    'losers',
    'pathetic',
    'worthless',
    'useless',
    'clown',
    'clowns',
    'scum',
    'trash',
    'garbage',
    'ugly',
    'disgusting',
    'freak',
    'creep',
    'jerk',
    'fool',
    'tonto',
    'tonta',
    'inutil',
    'basura',
    'payaso',
    'asqueroso',
    'cretin',
    'halfwit',
    'dimwit',
    'incompetent',
    'fraud',
    'parasite',
    'degenerate',
    'lowlife',
  ]),
  ...entries('exact', 3, ['subhuman', 'vermin', 'cockroach', 'cockroaches']),
];

/** Phrases that are abuse on their own, whatever the words around them. */
export const ABUSIVE_PHRASES: LexiconEntry[] = [
  ...entries('exact', 3, [
    'kill yourself',
    'kill urself',
    'kys',
    'hope you die',
    'hope u die',
    'go die',
    'you should die',
    'should be shot',
    'i will kill you',
    'ill kill you',
    'i will find you',
    'i know where you live',
    'watch your back',
    'burn in hell',
    'neck yourself',
    'end yourself',
    'drink bleach',
    'go back to your country',
    'go back where you came from',
    'people like you should',
    'your kind',
    'muerete',
    'ojala te mueras',
    'te voy a matar',
  ]),
  ...entries('exact', 2, [
    'shut up',
    'shut the',
    'nobody cares',
    'no one asked',
    'waste of space',
    'waste of oxygen',
    'piece of shit',
    'piece of garbage',
    'get lost',
    'get a life',
    'grow a brain',
    'you suck',
    'u suck',
    'you people',
    'delete your channel',
    'quit youtube',
    'cállate',
  ]),
];

/** Second person: an insult near one of these is aimed at someone. */
export const SECOND_PERSON = new Set([
  'you',
  'your',
  'youre',
  'yours',
  'yourself',
  'u',
  'ur',
  'ya',
  'yall',
  'tu',
  'eres',
  'usted',
  'te',
]);

/** Negations that usually flip an insult that follows within a few words ("you're not stupid"). */
export const NEGATIONS = new Set([
  'not',
  'never',
  'isnt',
  'arent',
  'wasnt',
  'dont',
  'no',
  'nobody',
  'nothing',
  'neither',
  'nor',
]);

/** Self-promotion and scam patterns of comment sections. */
export const SPAM_PHRASES: LexiconEntry[] = [
  // Explicit self-promotion and scam wording.
  ...entries('exact', 2, [
    'check out my channel',
    'check my channel',
    'visit my channel',
    'subscribe to my channel',
    'sub to my channel',
    'sub to me',
    'sub4sub',
    'sub for sub',
    'subscribe back',
    'follow me',
    'click the link',
    'click here',
    'link in bio',
    'link in my bio',
    'free money',
    'make money',
    'earn money',
    'earn from home',
    'work from home',
    'working from home',
    'passive income',
    'dm me',
    'onlyfans',
    'free followers',
    'free views',
    'free subscribers',
    'buy now',
    'order now',
    'limited offer',
    'limited time',
    'promo code',
    'discount code',
    'use code',
    'claim your',
    'you have won',
    'trading signals',
    'binary options',
    'hot singles',
    'suscribete a mi canal',
    'mi canal',
    'gana dinero',
  ]),
  // Words spam leans on that honest comments use too: weak evidence alone.
  ...entries('exact', 1, [
    'follow my',
    'per day',
    'per week',
    'message me',
    'contact me',
    'text me',
    'whatsapp',
    'telegram',
    'giveaway',
    'winner',
    'guaranteed',
    'crypto',
    'bitcoin',
    'btc',
    'forex',
    'investment',
    'invest',
    'my mentor',
    'financial advisor',
    'cheap',
    'best price',
    'congratulations you',
    'you won',
    '100 free',
  ]),
];
