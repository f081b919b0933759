/**
 * Evaluation sets for search by meaning (docs/AI.md, "Search and chapters"), written before any
 * tuning of the sentence-encoder search. Two catalogues of different kinds (home how-to videos and
 * school lectures); every query is a paraphrase that shares no content word (after stemming) with its
 * video's title, description, tags or transcript, which bench/search-meaning.ts checks before it
 * measures. One query in three is held out: it was never looked at while choosing parameters.
 */
export interface EvalVideo {
  key: string;
  title: string;
  description: string;
  tags: string[];
  transcript: string[];
}

export interface EvalQuery {
  query: string;
  relevant: string;
  heldOut: boolean;
}

export interface EvalSet {
  name: string;
  videos: EvalVideo[];
  queries: EvalQuery[];
}

const HOME: EvalSet = {
  name: 'home how-to',
  videos: [
    {
      key: 'sourdough',
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
      key: 'puncture',
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
      key: 'painting',
      title: 'Refresh a bedroom wall',
      description: 'Colour changes the mood.',
      tags: ['decorating'],
      transcript: [
        'Fill the cracks with filler and sand them smooth.',
        'Tape the skirting boards and cover the floor.',
        'Roll two thin coats of emulsion, letting each one dry.',
      ],
    },
    {
      key: 'dog',
      title: 'Puppy manners',
      description: 'First weeks with a new family member.',
      tags: ['pets'],
      transcript: [
        'Reward the puppy with a treat when it sits.',
        'Keep sessions short, five minutes at most.',
        'Never shout; calm praise works better.',
      ],
    },
    {
      key: 'tap',
      title: 'Stop a dripping kitchen faucet',
      description: 'Save water and money.',
      tags: ['plumbing'],
      transcript: [
        'Turn off the supply under the sink first.',
        'Unscrew the handle and pull out the old washer.',
        'Fit the new washer and tighten everything back.',
      ],
    },
    {
      key: 'budget',
      title: 'Monthly money plan',
      description: 'Know where every pound goes.',
      tags: ['finance'],
      transcript: [
        'List your income and your fixed bills.',
        'Put aside savings on payday, before spending.',
        'Track small purchases in a notebook for a month.',
      ],
    },
    {
      key: 'tomatoes',
      title: 'Tomatoes on a balcony',
      description: 'Small space, big harvest.',
      tags: ['gardening'],
      transcript: [
        'Sow the seeds indoors in early spring.',
        'Move the plants into large pots when frost is over.',
        'Water them daily and pick the fruit when red.',
      ],
    },
    {
      key: 'sleep',
      title: 'Better nights',
      description: 'Simple habits for rest.',
      tags: ['health'],
      transcript: [
        'Go to bed at the same time every evening.',
        'Keep screens out of the bedroom.',
        'Avoid coffee after lunch.',
      ],
    },
  ],
  queries: [
    { query: 'crusty rye bread without commercial yeast', relevant: 'sourdough', heldOut: false },
    { query: 'mend a deflated cycle tire on the road', relevant: 'puncture', heldOut: false },
    { query: 'redecorating a room with fresh paint', relevant: 'painting', heldOut: true },
    { query: 'teaching a young dog to obey', relevant: 'dog', heldOut: false },
    { query: 'leaking tap repair', relevant: 'tap', heldOut: false },
    { query: 'household budgeting and cutting expenses', relevant: 'budget', heldOut: true },
    { query: 'growing vegetables in containers on an apartment terrace', relevant: 'tomatoes', heldOut: false },
    { query: 'cure for insomnia', relevant: 'sleep', heldOut: false },
    { query: 'fermented bread with wild yeast', relevant: 'sourdough', heldOut: true },
    { query: 'how to housebreak a canine', relevant: 'dog', heldOut: false },
    { query: 'trouble falling asleep', relevant: 'sleep', heldOut: true },
    { query: 'stashing cash from each paycheck', relevant: 'budget', heldOut: false },
  ],
};

const LECTURES: EvalSet = {
  name: 'school lectures',
  videos: [
    {
      key: 'photosynthesis',
      title: 'How leaves make food',
      description: 'Biology, year 8.',
      tags: ['biology'],
      transcript: [
        'Chlorophyll captures light energy in the chloroplasts.',
        'Carbon dioxide and water become glucose.',
        'Oxygen is released as a by-product.',
      ],
    },
    {
      key: 'volcano',
      title: 'Why mountains erupt',
      description: 'Geography, year 9.',
      tags: ['geography'],
      transcript: [
        'Magma rises through cracks in the crust.',
        'Pressure builds until gas and ash burst out.',
        'Lava flows cool into new rock.',
      ],
    },
    {
      key: 'romans',
      title: 'Life in ancient Rome',
      description: 'History, year 7.',
      tags: ['history'],
      transcript: [
        'Citizens gathered in the forum to trade and vote.',
        'Gladiators fought in the Colosseum.',
        'Aqueducts carried water into the city.',
      ],
    },
    {
      key: 'fractions',
      title: 'Adding fractions',
      description: 'Maths, year 6.',
      tags: ['maths'],
      transcript: [
        'Find a common denominator first.',
        'Scale each numerator by the same factor.',
        'Add the numerators and simplify the result.',
      ],
    },
    {
      key: 'heart',
      title: 'The circulatory system',
      description: 'Biology, year 9.',
      tags: ['biology'],
      transcript: [
        'The heart pumps blood through arteries.',
        'Veins bring it back to the heart.',
        'Capillaries exchange oxygen with cells.',
      ],
    },
    {
      key: 'electricity',
      title: 'Simple circuits',
      description: 'Physics, year 7.',
      tags: ['physics'],
      transcript: [
        'A battery pushes current around the loop.',
        'A switch opens or closes the circuit.',
        'Bulbs in series share the voltage.',
      ],
    },
    {
      key: 'weather',
      title: 'Clouds and rain',
      description: 'Geography, year 7.',
      tags: ['geography'],
      transcript: [
        'Warm air rises and cools.',
        'Vapour condenses into droplets around dust.',
        'Droplets join until they fall as precipitation.',
      ],
    },
    {
      key: 'poetry',
      title: 'Reading a sonnet',
      description: 'English, year 10.',
      tags: ['english'],
      transcript: [
        'A sonnet has fourteen lines.',
        'Look for the turn, where the argument shifts.',
        'Notice the rhyme scheme and the metre.',
      ],
    },
  ],
  queries: [
    { query: 'how plants turn sunlight into sugar', relevant: 'photosynthesis', heldOut: false },
    { query: 'what makes a volcanic eruption happen', relevant: 'volcano', heldOut: false },
    { query: 'daily routine of people in the roman empire', relevant: 'romans', heldOut: true },
    { query: 'sum of two quotients with unlike bottoms', relevant: 'fractions', heldOut: false },
    { query: 'cardiovascular anatomy for teenagers', relevant: 'heart', heldOut: false },
    { query: 'wiring a lamp to a power cell', relevant: 'electricity', heldOut: true },
    { query: 'why does it drizzle', relevant: 'weather', heldOut: false },
    { query: 'analysing a shakespearean poem', relevant: 'poetry', heldOut: false },
    { query: 'molten stone pouring from a peak', relevant: 'volcano', heldOut: true },
    { query: 'pulse and cardiac anatomy', relevant: 'heart', heldOut: false },
    { query: 'storms and showers forecast science', relevant: 'weather', heldOut: true },
    { query: 'greenery producing its nourishment', relevant: 'photosynthesis', heldOut: false },
  ],
};

export const EVAL_SETS: EvalSet[] = [HOME, LECTURES];
