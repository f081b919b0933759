/**
 * A spoken "lecture" with four clearly separate topics, synthesised at test time, so transcription
 * (WER), chapters, semantic search and Q&A can be checked against known answers. The text keeps to
 * plain words, one idea per sentence, the way a presenter talks.
 */
export interface LectureTopic {
  name: string;
  sentences: string[];
}

export const LECTURE_TOPICS: LectureTopic[] = [
  {
    name: 'bread',
    sentences: [
      'Welcome to the kitchen, today we bake bread at home.',
      'Mix the flour with warm water and a little salt.',
      'Knead the dough for ten minutes until it feels smooth.',
      'Let the dough rise for two hours in a warm place.',
      'Bake the bread in a hot oven for forty minutes.',
    ],
  },
  {
    name: 'bicycle',
    sentences: [
      'Now let us fix a flat tire on a bicycle.',
      'Take the wheel off the bike frame.',
      'Pull the inner tube out of the tire.',
      'Find the hole by putting the tube in water and looking for bubbles.',
      'Put a patch on the hole and pump the tire with air.',
    ],
  },
  {
    name: 'planets',
    sentences: [
      'Next we talk about the planets in our solar system.',
      'Mars is the red planet and it has two small moons.',
      'Jupiter is the largest planet and it is made of gas.',
      'Saturn has beautiful rings made of ice and rock.',
      'The sun is a star at the center of the solar system.',
    ],
  },
  {
    name: 'garden',
    sentences: [
      'Finally we grow tomatoes in the garden.',
      'Plant the seeds in small pots in the spring.',
      'Water the young plants every morning.',
      'Move the plants outside when the weather is warm.',
      'Pick the red tomatoes in the summer.',
    ],
  },
];

export const LECTURE_TEXT = LECTURE_TOPICS.flatMap((topic) => topic.sentences).join(' ');

/** Questions with the topic whose passage holds the answer. */
export const LECTURE_QUESTIONS: { question: string; topic: string }[] = [
  { question: 'How long should the dough rise?', topic: 'bread' },
  { question: 'How long does the bread bake in the oven?', topic: 'bread' },
  { question: 'How do I find the hole in the inner tube?', topic: 'bicycle' },
  { question: 'What do I do after I find the hole in the tire?', topic: 'bicycle' },
  { question: 'How many moons does Mars have?', topic: 'planets' },
  { question: 'What are the rings of Saturn made of?', topic: 'planets' },
  { question: 'When should I plant the tomato seeds?', topic: 'garden' },
  { question: 'How often do the young plants need water?', topic: 'garden' },
];
