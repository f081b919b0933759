import { Faker, base, en } from '@faker-js/faker';
import type { Random } from './random.ts';

/**
 * What seeded videos are about: a few topics, each with real words for titles, descriptions, tags and
 * comments, so full-text search, autocomplete and typo tolerance meet text that looks like a real
 * catalogue's. Faker (seeded) fills pools of names (dishes, cities, songs, elements); the generator then
 * draws from the pools with its own fast PRNG.
 */
export interface Topic {
  name: TopicName;
  /** One of the API's video categories (src/modules/videos/schemas.ts). */
  category: string;
  /** Some videos of the topic sit in another fitting category. */
  otherCategories: string[];
  tags: string[];
  title(words: Words, random: Random): string;
  sentences: string[];
  comments: string[];
}

export const TOPIC_NAMES = ['cooking', 'programming', 'travel', 'music', 'fitness', 'gaming', 'science'] as const;
export type TopicName = (typeof TOPIC_NAMES)[number];

/** Name pools drawn from faker once per run; `{slot}` placeholders in templates read from here. */
export interface Words {
  dish: string[];
  ingredient: string[];
  cuisine: string[];
  city: string[];
  country: string[];
  genre: string[];
  song: string[];
  element: string[];
  techNoun: string[];
}

const CITIES = [
  'Lisbon',
  'Porto',
  'Madrid',
  'Barcelona',
  'Seville',
  'Paris',
  'Lyon',
  'Marseille',
  'Rome',
  'Florence',
  'Venice',
  'Naples',
  'Milan',
  'Berlin',
  'Munich',
  'Hamburg',
  'Vienna',
  'Prague',
  'Budapest',
  'Krakow',
  'Warsaw',
  'Amsterdam',
  'Brussels',
  'Copenhagen',
  'Stockholm',
  'Oslo',
  'Helsinki',
  'Reykjavik',
  'Dublin',
  'Edinburgh',
  'London',
  'Athens',
  'Istanbul',
  'Dubrovnik',
  'Tbilisi',
  'Marrakech',
  'Cairo',
  'Cape Town',
  'Nairobi',
  'Zanzibar',
  'Dubai',
  'Mumbai',
  'Delhi',
  'Jaipur',
  'Kathmandu',
  'Bangkok',
  'Chiang Mai',
  'Hanoi',
  'Ho Chi Minh City',
  'Singapore',
  'Kuala Lumpur',
  'Bali',
  'Manila',
  'Hong Kong',
  'Taipei',
  'Seoul',
  'Busan',
  'Tokyo',
  'Kyoto',
  'Osaka',
  'Sydney',
  'Melbourne',
  'Auckland',
  'Queenstown',
  'Vancouver',
  'Toronto',
  'Montreal',
  'New York',
  'Chicago',
  'New Orleans',
  'San Francisco',
  'Los Angeles',
  'Seattle',
  'Mexico City',
  'Oaxaca',
  'Havana',
  'Bogota',
  'Cartagena',
  'Lima',
  'Cusco',
  'La Paz',
  'Santiago',
  'Buenos Aires',
  'Rio de Janeiro',
  'Patagonia',
];

export const WORD_LISTS = {
  language: [
    'Python',
    'Rust',
    'TypeScript',
    'JavaScript',
    'Go',
    'Java',
    'Kotlin',
    'Swift',
    'C++',
    'C#',
    'Ruby',
    'Elixir',
    'Haskell',
    'SQL',
  ],
  framework: [
    'React',
    'Vue',
    'Svelte',
    'Django',
    'Flask',
    'Rails',
    'Spring Boot',
    'Node.js',
    'Fastify',
    'Next.js',
    'PostgreSQL',
    'Docker',
    'Kubernetes',
    'Terraform',
  ],
  concept: [
    'recursion',
    'closures',
    'async await',
    'generics',
    'pointers',
    'binary search',
    'hash tables',
    'linked lists',
    'dynamic programming',
    'microservices',
    'unit testing',
    'database indexing',
    'regular expressions',
    'memory management',
    'concurrency',
    'design patterns',
    'dependency injection',
    'graph algorithms',
    'sorting algorithms',
    'caching',
    'websockets',
    'authentication',
    'REST APIs',
    'GraphQL',
  ],
  project: [
    'todo app',
    'chat server',
    'web scraper',
    'game engine',
    'compiler',
    'search engine',
    'blog',
    'URL shortener',
    'Discord bot',
    'ray tracer',
    'key value store',
    'video player',
    'budget tracker',
    'weather dashboard',
  ],
  instrument: ['guitar', 'piano', 'drums', 'bass', 'violin', 'ukulele', 'saxophone', 'synthesizer', 'cello', 'trumpet'],
  technique: [
    'fingerpicking',
    'chord progressions',
    'scales',
    'improvisation',
    'sight reading',
    'rhythm',
    'vibrato',
    'arpeggios',
    'ear training',
    'mixing',
    'mastering',
  ],
  workout: [
    'HIIT',
    'yoga',
    'pilates',
    'strength',
    'cardio',
    'mobility',
    'kettlebell',
    'calisthenics',
    'core',
    'stretching',
    'running',
    'cycling',
  ],
  lift: ['squat', 'deadlift', 'bench press', 'pull up', 'push up', 'overhead press', 'plank', 'lunge'],
  goal: ['weight loss', 'muscle gain', 'flexibility', 'endurance', 'posture', 'marathon', 'six pack'],
  game: [
    'Minecraft',
    'Elden Ring',
    'Zelda',
    'Stardew Valley',
    'Hollow Knight',
    'Celeste',
    'Factorio',
    'Terraria',
    'Skyrim',
    'Fortnite',
    'Portal',
    'Tetris',
    'Chess',
    'Dark Souls',
    'Hades',
    'Valorant',
    'League of Legends',
    'Counter-Strike',
    'Rocket League',
    "Baldur's Gate",
  ],
  gameGenre: [
    'roguelike',
    'platformer',
    'RPG',
    'strategy',
    'survival',
    'horror',
    'puzzle',
    'racing',
    'shooter',
    'metroidvania',
  ],
  gameThing: [
    'speedrun',
    'boss fight',
    'walkthrough',
    'tier list',
    'beginner guide',
    'hardcore mode',
    'secret ending',
    'build guide',
  ],
  phenomenon: [
    'black holes',
    'photosynthesis',
    'quantum entanglement',
    'plate tectonics',
    'evolution',
    'climate change',
    'gravity',
    'vaccines',
    'nuclear fusion',
    'DNA replication',
    'superconductors',
    'dark matter',
    'volcanoes',
    'the immune system',
    'neurons',
    'lightning',
  ],
  planet: ['Mars', 'Jupiter', 'Saturn', 'Venus', 'the Moon', 'Europa', 'Titan', 'Pluto', 'the Sun', 'Mercury'],
  field: ['physics', 'chemistry', 'biology', 'astronomy', 'geology', 'neuroscience', 'mathematics', 'ecology'],
};

const CAPITAL = /(^|[\s-])(\p{Ll})/gu;
const titleCase = (text: string) =>
  text.replace(CAPITAL, (_match, space: string, letter: string) => space + letter.toUpperCase());

function fill(template: string, words: Words, random: Random): string {
  return template.replace(/\{(\w+)\}/g, (_match, slot: string) => {
    if (slot === 'n') return String(random.pick([3, 5, 7, 10, 12, 15, 20, 30]));
    if (slot === 'year') return String(random.int(2019, 2026));
    const pool = (words as unknown as Record<string, string[]>)[slot] ?? (WORD_LISTS as Record<string, string[]>)[slot];
    if (!pool) throw new Error(`unknown vocabulary slot ${slot}`);
    return random.pick(pool);
  });
}

const titleFrom = (templates: string[]) => (words: Words, random: Random) =>
  titleCase(fill(random.pick(templates), words, random)).slice(0, 100);

const GENERIC_COMMENTS = [
  'Great video, thanks for sharing!',
  'This was really helpful.',
  'First time watching your channel and I love it.',
  'Can you make a follow up on this?',
  'The editing on this one is so good.',
  'I watched this twice, still learning something new.',
  'Underrated channel, keep going!',
  'Who else is watching this in {year}?',
  'Subscribed after this one.',
  'Thanks, this saved me a lot of time.',
];

export const TOPICS: Record<TopicName, Topic> = {
  cooking: {
    name: 'cooking',
    category: 'howto',
    otherCategories: ['entertainment', 'people'],
    tags: [
      'cooking',
      'recipe',
      'food',
      'kitchen',
      'baking',
      'dinner',
      'vegan',
      'healthy',
      'easy recipe',
      'meal prep',
      'street food',
      'dessert',
      'homemade',
      'chef',
    ],
    title: titleFrom([
      'How to make {dish} at home',
      '{dish} recipe in {n} minutes',
      'The best {dish} I have ever cooked',
      '{cuisine} street food: {dish}',
      '{n} mistakes everyone makes with {ingredient}',
      'Easy {cuisine} dinner: {dish}',
      'Cooking with {ingredient}: {dish}',
      'Meal prep for the week with {ingredient}',
      'Homemade {dish} vs restaurant {dish}',
      "Grandma's {dish} recipe",
    ]),
    sentences: [
      'Today we are cooking {dish} with fresh {ingredient}.',
      'This {cuisine} recipe takes about {n} minutes and feeds four.',
      'The secret is to season the {ingredient} early and let it rest.',
      'You can swap the {ingredient} for {ingredient} if you prefer.',
      'Full recipe and ingredient list below.',
      'We tested this {dish} recipe {n} times to get it right.',
      'Perfect for a weeknight dinner or meal prep.',
      'Let me know in the comments which {cuisine} dish I should cook next.',
    ],
    comments: [
      'Made this {dish} tonight, my family loved it!',
      'Can I use {ingredient} instead?',
      'How long does it keep in the fridge?',
      'The {ingredient} tip changed everything.',
      'My {cuisine} grandmother approves.',
    ],
  },
  programming: {
    name: 'programming',
    category: 'technology',
    otherCategories: ['education', 'science'],
    tags: [
      'programming',
      'coding',
      'tutorial',
      'software',
      'developer',
      'javascript',
      'python',
      'rust',
      'web development',
      'algorithms',
      'computer science',
      'backend',
      'frontend',
      'devops',
    ],
    title: titleFrom([
      '{language} tutorial for beginners: {concept}',
      '{concept} explained in {n} minutes',
      'Building a {project} with {framework}',
      'Why I switched from {language} to {language}',
      '{language} {concept} crash course',
      'Build a {project} in {language}',
      '{framework} in {n} minutes',
      'Learn {concept} with {language}',
      'Refactoring a {project}: {concept} in practice',
      '{framework} vs {framework} in {year}',
    ]),
    sentences: [
      'In this tutorial we build a {project} in {language} from scratch.',
      'We cover {concept} and {concept} with real examples.',
      'The source code is linked below.',
      'No prior experience with {framework} needed.',
      'Timestamps for each section are in the chapters.',
      'We also look at how {concept} affects performance.',
      'Questions about {language}? Ask in the comments.',
    ],
    comments: [
      'Finally {concept} makes sense to me.',
      'Does this work with the latest {framework}?',
      'Your {language} explanations are the clearest on YouTube.',
      'I built my own {project} after watching this!',
      'Could you cover {concept} next?',
    ],
  },
  travel: {
    name: 'travel',
    category: 'travel',
    otherCategories: ['people', 'entertainment'],
    tags: [
      'travel',
      'vlog',
      'backpacking',
      'travel guide',
      'adventure',
      'budget travel',
      'road trip',
      'hiking',
      'city guide',
      'beach',
      'food tour',
      'solo travel',
    ],
    title: titleFrom([
      '{city} travel guide: {n} things to do',
      'Backpacking {country} on a budget',
      'A week in {city}',
      '{country} road trip vlog',
      'First time in {country}',
      'Hidden gems of {city}',
      '{n} days in {country}',
      'Street food tour of {city}',
      'Is {city} worth visiting?',
      'Hiking across {country}',
    ]),
    sentences: [
      'We spent {n} days exploring {city} and the countryside of {country}.',
      'Everything we spent is listed below, down to the last coffee.',
      'The best time to visit {country} is spring or early autumn.',
      'Our favourite spot in {city} was a tiny market near the old town.',
      'Flights, trains and hostels we used are in the description.',
      'Next stop: {city}!',
    ],
    comments: [
      'Adding {city} to my list!',
      'I was in {country} last year, brings back memories.',
      'How much did the whole trip cost?',
      'The drone shots of {city} are stunning.',
      'Safe travels!',
    ],
  },
  music: {
    name: 'music',
    category: 'music',
    otherCategories: ['entertainment', 'education'],
    tags: [
      'music',
      'cover',
      'guitar',
      'piano',
      'lesson',
      'live',
      'acoustic',
      'music production',
      'beats',
      'songwriting',
      'drums',
      'jazz',
      'lofi',
    ],
    title: titleFrom([
      '{song} - acoustic {instrument} cover',
      '{instrument} lesson: {technique}',
      'How to produce {genre} beats',
      '{genre} {instrument} improvisation',
      'Learn {song} on {instrument}',
      '{n} {genre} songs every {instrument} player should know',
      'Live session: {song}',
      '{technique} for beginners on {instrument}',
      'Making a {genre} track from scratch',
      '{song} ({genre} version)',
    ]),
    sentences: [
      'A {genre} take on {song}, played on {instrument}.',
      'Tabs and sheet music are linked below.',
      'We practise {technique} slowly, then at full speed.',
      'Recorded live in one take.',
      'Gear: a vintage {instrument} and a small interface.',
      'Let me know which {genre} song to cover next.',
    ],
    comments: [
      'Your {instrument} tone is amazing.',
      'Please do a tutorial for {song}!',
      'This {genre} version is better than the original.',
      'Been practising {technique} all week thanks to this.',
      'Goosebumps.',
    ],
  },
  fitness: {
    name: 'fitness',
    category: 'sports',
    otherCategories: ['howto', 'people'],
    tags: [
      'fitness',
      'workout',
      'gym',
      'home workout',
      'yoga',
      'running',
      'strength training',
      'hiit',
      'stretching',
      'nutrition',
      'beginner workout',
      'weight loss',
    ],
    title: titleFrom([
      '{n} minute {workout} workout',
      'Full body {workout} for beginners',
      'How to improve your {lift}',
      '{n} day {goal} challenge',
      '{workout} at home, no equipment',
      'Perfect {lift} form',
      'My {goal} journey: {n} weeks',
      'Morning {workout} routine',
      '{workout} for {goal}',
      'Stop doing the {lift} like this',
    ]),
    sentences: [
      'A {n} minute {workout} session you can do anywhere.',
      'We focus on {lift} technique and breathing.',
      'Warm up first and go at your own pace.',
      'Great for {goal} when combined with good nutrition.',
      'Follow along and tell me how it went!',
      'Modifications for beginners are shown throughout.',
    ],
    comments: [
      'Day {n} of this {workout} routine, feeling great.',
      'My {lift} finally improved!',
      'Can you do one for {goal}?',
      'Sweating after five minutes.',
      'Best {workout} channel out there.',
    ],
  },
  gaming: {
    name: 'gaming',
    category: 'gaming',
    otherCategories: ['entertainment', 'comedy'],
    tags: [
      'gaming',
      'gameplay',
      'lets play',
      'speedrun',
      'walkthrough',
      'pc gaming',
      'indie games',
      'rpg',
      'esports',
      'guide',
      'funny moments',
      'retro games',
    ],
    title: titleFrom([
      '{game} {gameThing}',
      "{game} let's play part {n}",
      'Top {n} {gameGenre} games of {year}',
      '{game} {gameThing} (no commentary)',
      'I played {game} for {n} hours',
      '{game}: the ultimate {gameThing}',
      'Why {game} is the best {gameGenre}',
      'Beating {game} on {gameThing}',
      '{n} tips for {game}',
      '{gameGenre} games like {game}',
    ]),
    sentences: [
      'Today we dive back into {game} for another {gameThing}.',
      'If you like {gameGenre} games, this one is for you.',
      'Timestamps for each boss are in the chapters.',
      'Played on PC at max settings.',
      'Drop your best {game} tips in the comments.',
      'Part {n} of the series; the playlist is linked below.',
    ],
    comments: [
      'That {gameThing} was insane!',
      'I have {n} hours in {game} and never knew this.',
      'Do a {gameGenre} tier list next!',
      'The ending had me screaming.',
      'GG',
    ],
  },
  science: {
    name: 'science',
    category: 'science',
    otherCategories: ['education', 'technology'],
    tags: [
      'science',
      'physics',
      'chemistry',
      'biology',
      'space',
      'astronomy',
      'education',
      'experiment',
      'documentary',
      'mathematics',
      'nature',
      'explained',
    ],
    title: titleFrom([
      'How {phenomenon} works',
      'The chemistry of {element}',
      '{phenomenon} explained',
      'What is {phenomenon}?',
      'A journey to {planet}',
      '{n} facts about {planet}',
      'Why {element} is so strange',
      'The {field} of {phenomenon}',
      '{field} experiments you can do at home',
      'What if {planet} disappeared?',
    ]),
    sentences: [
      'We explain {phenomenon} with simple experiments and animations.',
      'Everything you need to know about {element} in {field}.',
      'Sources and further reading are listed below.',
      'Thanks to our patrons for supporting science education.',
      'Part of our series on {field}.',
      'Next time: {phenomenon} and {planet}.',
    ],
    comments: [
      'My {field} teacher should show this in class.',
      'Mind blown about {phenomenon}.',
      'Could you explain {element} next?',
      'The animation of {planet} is beautiful.',
      'Science communication at its best.',
    ],
  },
};

/** `count` sentences of the topic, no template twice. */
export function topicSentences(topic: Topic, words: Words, random: Random, count: number): string[] {
  const templates = random.shuffle([...topic.sentences]).slice(0, count);
  return templates.map((template) => fill(template, words, random));
}

export function topicComment(topic: Topic, words: Words, random: Random): string {
  const template = random.chance(0.6) ? random.pick(topic.comments) : random.pick(GENERIC_COMMENTS);
  return fill(template, words, random);
}

/** Extra tag words taken from a title: its longer words, lower-cased. */
export function titleTags(title: string): string[] {
  return (title.toLowerCase().match(/[a-z][a-z+#]{3,}/g) ?? []).filter((word) => !STOP_WORDS.has(word));
}

const STOP_WORDS = new Set([
  'with',
  'from',
  'every',
  'this',
  'that',
  'have',
  'ever',
  'like',
  'what',
  'will',
  'your',
  'about',
  'into',
  'should',
]);

/** Name pools from a seeded faker, so text is deterministic and drawing from it is cheap. */
export function buildWords(seed: number): Words {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const many = (count: number, make: () => string) => [...new Set(Array.from({ length: count }, make))];
  return {
    dish: many(400, () => faker.food.dish()),
    ingredient: many(300, () => faker.food.ingredient()),
    cuisine: many(60, () => faker.food.ethnicCategory()),
    // Real cities (faker's are invented), so a travel search for "lisbon" finds something.
    city: CITIES,
    country: many(200, () => faker.location.country()),
    genre: many(60, () => faker.music.genre()),
    song: many(400, () => faker.music.songName()),
    element: many(100, () => faker.science.chemicalElement().name),
    techNoun: many(100, () => faker.hacker.noun()),
  };
}

/** Faker for people: usernames, emails and channel bios. */
export function peopleFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  return faker;
}

export { titleCase };
