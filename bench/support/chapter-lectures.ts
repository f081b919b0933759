/**
 * Multi-topic lectures for the chapter evaluation (bench/chapters.ts), written for it and never used to
 * choose a parameter of the chapter algorithm: each clip joins two or three unrelated topics, spoken by a
 * voice of its own (none of them the espeak-ng clip of meaning.test.ts, where the method was checked).
 */
import type { Voice } from '../../test/support/lecture-fixture.ts';

export interface ChapterLecture {
  name: string;
  voice: Voice;
  topics: { name: string; text: string }[];
}

export const CHAPTER_LECTURES: ChapterLecture[] = [
  {
    name: 'volcanoes, sourdough',
    voice: 'flite:slt',
    topics: [
      {
        name: 'volcanoes',
        text:
          'A volcano forms where molten rock rises through the crust. Pressure builds in the magma chamber until gas ' +
          'and ash burst out of the crater. Lava flows can bury villages, but the ash makes the soil very fertile. ' +
          'Scientists watch the ground swell and measure the gas to warn people before an eruption.',
      },
      {
        name: 'sourdough',
        text:
          'Sourdough bread needs only flour, water and salt, plus a starter full of wild yeast. Feed the starter the ' +
          'night before, then mix the dough and let it rest. Fold the dough every half hour, shape a round loaf and ' +
          'bake it in a very hot oven until the crust is dark and crisp.',
      },
    ],
  },
  {
    name: 'chess, saving money, dog training',
    voice: 'espeak-ng:en-us',
    topics: [
      {
        name: 'chess',
        text:
          'In chess the opening is about controlling the centre of the board. Move your knights and bishops out early ' +
          'and castle to keep your king safe. Do not move the same piece twice without a reason, and do not bring the ' +
          'queen out too soon.',
      },
      {
        name: 'saving money',
        text:
          'To save money, write down every purchase for a month. Most people are surprised by how much small expenses ' +
          'add up. Set aside a fixed part of your salary on payday, before you can spend it, and keep an emergency fund ' +
          'for three months of rent.',
      },
      {
        name: 'dog training',
        text:
          'Training a puppy takes patience and short lessons. Reward the dog with a treat the moment it sits or comes ' +
          'back when called. Never shout at the animal; repeat the command calmly, and practise a few minutes every day ' +
          'on the lead in the park.',
      },
    ],
  },
  {
    name: 'knitting, solar panels',
    voice: 'flite:awb',
    topics: [
      {
        name: 'knitting',
        text:
          'To knit a scarf you need two needles and a ball of soft wool. Cast on twenty stitches, then knit every row ' +
          'to make a simple garter pattern. Keep the tension loose so the fabric stays soft, and weave the loose ends ' +
          'in when you cast off.',
      },
      {
        name: 'solar panels',
        text:
          'Solar panels turn sunlight into electricity with cells made of silicon. A panel facing south at the right ' +
          'angle produces the most power around noon. An inverter changes the direct current into the alternating ' +
          'current your home uses, and a battery stores what you do not use during the day.',
      },
    ],
  },
  {
    name: 'languages, birds, car care',
    voice: 'espeak-ng:en-gb',
    topics: [
      {
        name: 'learning a language',
        text:
          'When you learn a new language, listen to it every day, even for ten minutes. Learn the most common words ' +
          'first and use them in short sentences. Speaking with a native speaker, even badly, teaches you more than ' +
          'reading grammar tables.',
      },
      {
        name: 'bird watching',
        text:
          'Bird watching starts with a pair of binoculars and a field guide. Go out early in the morning when birds ' +
          'sing the most. Learn the shape of the beak, the colour of the wings and the song, and write down every ' +
          'species you see near the lake.',
      },
      {
        name: 'car maintenance',
        text:
          'Check the oil level of your car once a month with the engine cold. Look at the tyre pressure and the tread, ' +
          'and replace the wiper blades before winter. A garage should change the brake pads when they squeal.',
      },
    ],
  },
  {
    name: 'photosynthesis, football tactics',
    voice: 'flite:rms',
    topics: [
      {
        name: 'photosynthesis',
        text:
          'Plants make their own food by photosynthesis. The leaves take carbon dioxide from the air and water from ' +
          'the roots, and chlorophyll captures the energy of sunlight. The plant builds sugar and releases oxygen, ' +
          'which is the air we breathe.',
      },
      {
        name: 'football tactics',
        text:
          'A football team that presses high wins the ball close to the opponent goal. The defenders must push up ' +
          'together so the pitch stays compact. When the team loses the ball, the nearest players chase at once while ' +
          'the others block the passing lanes.',
      },
    ],
  },
];
