import { inverseDocumentFrequency, surfaceForms, termCounts } from '../../platform/ai/local/term-vectors.ts';
import { textRank, topUnits } from '../../platform/ai/local/textrank.ts';
import type { CourseDraft, DraftLesson } from './course-draft.ts';
import type { Passage, SourceSection } from './generation-sources.ts';
import type { QuestionInput } from './schemas.ts';

export interface BuildOptions {
  title?: string;
  /** Questions in each module's quiz. */
  questionsPerModule: number;
}

const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
const mean = (vectors: number[][]) =>
  vectors[0]!.map((_, index) => vectors.reduce((sum, vector) => sum + vector[index]!, 0) / vectors.length);

/**
 * Groups sections into modules: agglomerative clustering on the sections' embeddings (the closest two
 * clusters merge until about √n remain), then modules ordered by their earliest section. Sources list
 * basics first more often than not, so source order is the prerequisite order the outline keeps.
 */
export function clusterSections(sections: SourceSection[], vectors: number[][]): SourceSection[][] {
  const target = Math.max(1, Math.min(8, Math.round(Math.sqrt(sections.length))));
  let clusters = sections.map((section, index) => ({
    members: [section],
    vectors: [vectors[index]!],
    centroid: vectors[index]!,
  }));
  while (clusters.length > target) {
    let best = { a: 0, b: 1, similarity: Number.NEGATIVE_INFINITY };
    for (let a = 0; a < clusters.length; a++)
      for (let b = a + 1; b < clusters.length; b++) {
        const similarity = dot(clusters[a]!.centroid, clusters[b]!.centroid);
        if (similarity > best.similarity) best = { a, b, similarity };
      }
    const memberVectors = [...clusters[best.a]!.vectors, ...clusters[best.b]!.vectors];
    const merged = {
      members: [...clusters[best.a]!.members, ...clusters[best.b]!.members],
      vectors: memberVectors,
      centroid: mean(memberVectors),
    };
    clusters = clusters.filter((_, index) => index !== best.a && index !== best.b).concat(merged);
  }
  return clusters
    .map((cluster) => cluster.members.sort((x, y) => x.order - y.order))
    .sort((x, y) => x[0]!.order - y[0]!.order);
}

const asSentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** The passages' most central sentences (TextRank), in source order: nothing is invented. */
function extractiveSummary(passages: Passage[], limit: number): string {
  const texts = passages.map((passage) => passage.text);
  if (texts.length === 0) return '';
  return topUnits(texts, textRank(texts), limit, 3)
    .map((index) => asSentence(texts[index]!))
    .join(' ');
}

/** Words most particular to each module (TF-IDF across modules), as spoken or written. */
function keyTermsByModule(modules: SourceSection[][]): string[][] {
  const texts = modules.map((sections) => sections.flatMap((section) => section.passages.map((p) => p.text)).join(' '));
  const counts = texts.map((text) => termCounts(text));
  const idf = inverseDocumentFrequency(counts);
  const forms = surfaceForms(texts.join(' '));
  return counts.map((moduleCounts) =>
    [...moduleCounts]
      .filter(([term]) => term.length >= 4 && /^\p{L}+$/u.test(term))
      .map(([term, count]) => ({ term, weight: count * (idf.get(term) ?? 1) }))
      .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
      .slice(0, 8)
      .map(({ term }) => forms.get(term) ?? term),
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Cloze and term-definition questions from the module's central passages: the key term is blanked out
 * of the passage it occurs in, and that passage is cited. Alternates cloze (type the term) and
 * choice (pick the term among the module's other key terms).
 */
function questionsFor(passages: Passage[], terms: string[], count: number): QuestionInput[] {
  const texts = passages.map((passage) => passage.text);
  const ranked = topUnits(texts, textRank(texts), texts.length, 4);
  const central = [...ranked].sort((a, b) => a - b);
  const questions: QuestionInput[] = [];
  const usedTerms = new Set<string>();
  for (const index of central) {
    if (questions.length >= count) break;
    const passage = passages[index]!;
    const term = terms.find((candidate) => {
      if (usedTerms.has(candidate)) return false;
      return new RegExp(`\\b${escapeRegExp(candidate)}\\b`, 'i').test(passage.text);
    });
    if (!term) continue;
    usedTerms.add(term);
    const blanked = asSentence(passage.text.replace(new RegExp(`\\b${escapeRegExp(term)}\\b`, 'gi'), '____'));
    const others = terms.filter((candidate) => candidate !== term).slice(0, 3);
    if (questions.length % 2 === 1 && others.length >= 1) {
      // The right option goes at a position derived from the question number, not always first.
      const options = [...others];
      const answer = questions.length % (options.length + 1);
      options.splice(answer, 0, term);
      questions.push({
        kind: 'choice',
        prompt: `Which term completes this passage? "${blanked}"`,
        options,
        answer,
        citation: passage.citation,
      });
    } else {
      questions.push({ kind: 'cloze', prompt: blanked, answer: term, citation: passage.citation });
    }
  }
  return questions;
}

/**
 * The offline course: modules from clustered sections, a video lesson per video chapter and a reading
 * per document section (both with extractive summaries), and a quiz closing each module.
 */
export function buildLocalCourse(sections: SourceSection[], vectors: number[][], options: BuildOptions): CourseDraft {
  const modules = clusterSections(sections, vectors);
  const terms = keyTermsByModule(modules);
  const draftModules = modules.map((moduleSections, moduleIndex) => {
    const moduleTerms = terms[moduleIndex] ?? [];
    const lessons: DraftLesson[] = moduleSections.map((section) => {
      const summary = extractiveSummary(section.passages, 2);
      if (section.kind === 'video')
        return { kind: 'video', title: section.title.slice(0, 150), summary, videoId: section.videoId! };
      const body = section.passages.map((passage) => passage.text).join('\n\n');
      const citation = `\n\n*Source: ${section.documentName}, page ${'page' in section.passages[0]!.citation ? section.passages[0]!.citation.page : 1}*`;
      return { kind: 'reading', title: section.title.slice(0, 150), summary, bodyMarkdown: body + citation };
    });
    const passages = moduleSections.flatMap((section) => section.passages);
    const questions = questionsFor(passages, moduleTerms, options.questionsPerModule);
    const title = capitalised(moduleTerms.slice(0, 3).join(', ') || moduleSections[0]!.title).slice(0, 150);
    if (questions.length > 0)
      lessons.push({ kind: 'quiz', title: `Check: ${title}`.slice(0, 150), summary: '', questions });
    return { title, lessons };
  });
  const allPassages = sections.flatMap((section) => section.passages);
  return {
    title: (options.title ?? capitalised(terms.flat().slice(0, 3).join(', ') || sections[0]!.title)).slice(0, 150),
    description: extractiveSummary(allPassages, 3).slice(0, 5000),
    keyTerms: [...new Set(terms.flat())].slice(0, 50),
    modules: draftModules,
  };
}
