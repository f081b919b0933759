/**
 * A small labelled catalogue for measuring search quality: twelve videos with a title, a short
 * description and what is said in them, and queries labelled with the video that answers them.
 * Queries are written the way viewers ask: some use the title's words, most use words only spoken
 * in the video or other forms of them ("repairing" for "repair").
 */
export interface CatalogueVideo {
  key: string;
  title: string;
  description: string;
  tags: string[];
  transcript: string[];
}

export const CATALOGUE: CatalogueVideo[] = [
  {
    key: 'bread',
    title: 'Sourdough at home',
    description: 'A weekend baking project.',
    tags: ['baking'],
    transcript: [
      'Feed the starter with flour and water the night before.',
      'Knead the dough and let it rise for four hours.',
      'Bake the loaf in a very hot oven with steam.',
    ],
  },
  {
    key: 'bike',
    title: 'Fixing a flat',
    description: 'Roadside repair in five minutes.',
    tags: ['cycling'],
    transcript: [
      'Take the wheel off the bicycle frame.',
      'Find the puncture in the inner tube with soapy water.',
      'Glue a patch over the hole and pump the tyre.',
    ],
  },
  {
    key: 'planets',
    title: 'Our solar system',
    description: 'A tour for curious kids.',
    tags: ['space'],
    transcript: [
      'Mars is a cold red planet with two small moons.',
      'Jupiter is the biggest planet and is made of gas.',
      'Saturn has wide rings of ice and rock.',
    ],
  },
  {
    key: 'tomatoes',
    title: 'Growing tomatoes',
    description: 'From seed to harvest.',
    tags: ['garden'],
    transcript: [
      'Sow the seeds indoors in early spring.',
      'Water the seedlings every morning and give them sun.',
      'Pick the fruit when it turns red in summer.',
    ],
  },
  {
    key: 'guitar',
    title: 'First guitar chords',
    description: 'Beginner music lesson.',
    tags: ['music'],
    transcript: [
      'Press the strings close to the fret for a clean sound.',
      'Start with the chords G, C and D.',
      'Strum slowly down and up with a loose wrist.',
    ],
  },
  {
    key: 'budget',
    title: 'Money basics',
    description: 'Plan your month.',
    tags: ['finance'],
    transcript: [
      'Write down your income and every expense.',
      'Put some savings aside as soon as you are paid.',
      'Pay off the credit card with the highest interest first.',
    ],
  },
  {
    key: 'running',
    title: 'Couch to 5K',
    description: 'Start running safely.',
    tags: ['fitness'],
    transcript: [
      'Begin with short jogs and walking breaks.',
      'Warm up your legs and stretch after every run.',
      'Good shoes protect your knees on long runs.',
    ],
  },
  {
    key: 'python',
    title: 'Python for beginners',
    description: 'Your first program.',
    tags: ['programming'],
    transcript: [
      'Install the interpreter and open a terminal.',
      'A list holds many values and a loop visits each of them.',
      'Functions let you reuse code with different arguments.',
    ],
  },
  {
    key: 'coffee',
    title: 'Better morning brew',
    description: 'Cafe quality in your kitchen.',
    tags: ['drinks'],
    transcript: [
      'Grind the beans just before brewing.',
      'Pour hot water slowly over the grounds in circles.',
      'Espresso needs a fine grind and high pressure.',
    ],
  },
  {
    key: 'dog',
    title: 'Puppy training',
    description: 'Good habits from day one.',
    tags: ['pets'],
    transcript: [
      'Reward your puppy with a treat when it sits.',
      'Short walks on a leash teach it to stay close.',
      'Be patient and train a few minutes every day.',
    ],
  },
  {
    key: 'photo',
    title: 'Phone photography',
    description: 'Take better pictures.',
    tags: ['photography'],
    transcript: [
      'Use natural light from a window for portraits.',
      'Place the subject on a third of the frame.',
      'Tap the screen to focus and lower the exposure.',
    ],
  },
  {
    key: 'paint',
    title: 'Painting a room',
    description: 'A fresh look in a weekend.',
    tags: ['diy'],
    transcript: [
      'Cover the floor and tape the edges of the walls.',
      'Use a roller for the walls and a brush for the corners.',
      'Let the first coat dry before the second one.',
    ],
  },
];

export const LABELLED_QUERIES: { query: string; relevant: string }[] = [
  { query: 'sourdough', relevant: 'bread' },
  { query: 'how long should dough rise', relevant: 'bread' },
  { query: 'repairing a punctured bicycle tube', relevant: 'bike' },
  { query: 'patch a tyre', relevant: 'bike' },
  { query: 'moons of mars', relevant: 'planets' },
  { query: 'saturn rings', relevant: 'planets' },
  { query: 'when to sow tomato seeds', relevant: 'tomatoes' },
  { query: 'watering seedlings', relevant: 'tomatoes' },
  { query: 'easy chords to strum', relevant: 'guitar' },
  { query: 'paying off credit card interest', relevant: 'budget' },
  { query: 'saving money each month', relevant: 'budget' },
  { query: 'knee protection running shoes', relevant: 'running' },
  { query: 'stretching after jogging', relevant: 'running' },
  { query: 'python loops and lists', relevant: 'python' },
  { query: 'reusable functions with arguments', relevant: 'python' },
  { query: 'grinding coffee beans', relevant: 'coffee' },
  { query: 'espresso pressure', relevant: 'coffee' },
  { query: 'teach a puppy to sit', relevant: 'dog' },
  { query: 'leash walking', relevant: 'dog' },
  { query: 'portrait lighting with a window', relevant: 'photo' },
  { query: 'rule of thirds framing', relevant: 'photo' },
  { query: 'paint roller for walls', relevant: 'paint' },
  { query: 'second coat drying', relevant: 'paint' },
];
