import type { UserPlan } from './follower-graph.ts';
import { peopleFaker, TOPIC_NAMES, TOPICS } from './vocabulary.ts';

/** Channel handles that read like channels ("MariaCooks"); viewers get faker usernames. */
const CHANNEL_HANDLES: Record<string, (name: string) => string> = {
  cooking: (name) => `${name}Cooks`,
  programming: (name) => `CodeWith${name}`,
  travel: (name) => `${name}Travels`,
  music: (name) => `${name}Music`,
  fitness: (name) => `${name}Fitness`,
  gaming: (name) => `${name}Plays`,
  science: (name) => `${name}Explains`,
};

/** Unique usernames (channels first, with handles of their topic) and bios, the same for the same seed. */
export function usernames(seed: number, users: UserPlan): { names: string[]; bios: string[] } {
  const faker = peopleFaker(seed);
  const taken = new Set<string>();
  const names: string[] = new Array(users.count);
  const bios: string[] = new Array(users.count);
  for (let i = 0; i < users.count; i += 1) {
    const first = faker.person.firstName().replace(/[^A-Za-z]/g, '');
    const last = faker.person.lastName().replace(/[^A-Za-z]/g, '');
    let base: string;
    if (i < users.channelCount) {
      const topic = TOPIC_NAMES[users.channelTopic[i]!]!;
      base = CHANNEL_HANDLES[topic]!(faker.datatype.boolean() ? first : `${first}${last}`);
      bios[i] =
        `${TOPICS[topic].name[0]!.toUpperCase()}${TOPICS[topic].name.slice(1)} videos every week. ${faker.company.catchPhrase()}.`;
    } else {
      base = faker.internet.username({ firstName: first, lastName: last });
      bios[i] = faker.datatype.boolean(0.2) ? faker.person.bio() : '';
    }
    let name = base
      .replace(/[^A-Za-z0-9_.-]/g, '')
      .slice(0, 24)
      .padEnd(3, '_');
    if (taken.has(name.toLowerCase())) name = `${name}_${i.toString(36)}`;
    taken.add(name.toLowerCase());
    names[i] = name;
  }
  return { names, bios };
}
