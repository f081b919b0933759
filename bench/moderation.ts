/**
 * Text moderation quality: precision/recall of the local classifier on StreamHub's labelled comments.
 *
 *   npm run bench -- moderation                  5-fold cross-validation (train on 4/5, score the held-out 1/5)
 *   npm run bench -- moderation --write-weights  also retrain on every row and write the shipped weights
 *
 * Cross-validated figures are the honest ones: every comment is scored by a model that never saw it.
 * The shipped weights are trained on all rows; their in-sample figures are printed for comparison only.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFeatures, type FeatureVector } from '../src/platform/ai/moderation/features.ts';
import { LocalModerator, type ModerationWeights } from '../src/platform/ai/moderation/local-moderator.ts';
import { predict, train } from '../src/platform/ai/moderation/logistic.ts';
import { MODERATION_CATEGORIES, type ModerationCategory } from '../src/platform/ai/moderator.ts';
import { LABELLED_COMMENTS } from './moderation/labelled-comments.ts';

const FOLDS = 5;
const THRESHOLD = Number(process.env.AI_MODERATION_THRESHOLD ?? 0.7);

interface Row {
  text: string;
  features: FeatureVector;
  labels: Record<ModerationCategory, 0 | 1>;
}

const rows: Row[] = LABELLED_COMMENTS.map(([text, toxicity, spam, profanity]) => ({
  text,
  features: extractFeatures(text).features,
  labels: { toxicity, spam, profanity },
}));

function trainAll(subset: Row[]): ModerationWeights {
  return Object.fromEntries(
    MODERATION_CATEGORIES.map((category) => [
      category,
      train(subset.map((row) => ({ features: row.features, label: row.labels[category] }))),
    ]),
  ) as ModerationWeights;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function count(counts: Counts, predicted: boolean, actual: boolean) {
  if (predicted && actual) counts.tp += 1;
  else if (predicted) counts.fp += 1;
  else if (actual) counts.fn += 1;
  else counts.tn += 1;
}
const pct = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a');
function line(name: string, { tp, fp, fn, tn }: Counts): string {
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  return `${name.padEnd(22)} precision ${pct(precision).padStart(6)}  recall ${pct(recall).padStart(6)}  F1 ${pct(f1).padStart(6)}  (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})`;
}

/** Scores every row with `scoreOf`, prints per-category and "held for review" (any category) figures. */
function report(
  title: string,
  scoreOf: (row: Row, index: number) => Record<ModerationCategory, number>,
  mistakes: boolean,
) {
  const perCategory = Object.fromEntries(MODERATION_CATEGORIES.map((category) => [category, emptyCounts()])) as Record<
    ModerationCategory,
    Counts
  >;
  const held = emptyCounts();
  const wrong: string[] = [];
  rows.forEach((row, index) => {
    const scores = scoreOf(row, index);
    for (const category of MODERATION_CATEGORIES)
      count(perCategory[category], scores[category] >= THRESHOLD, row.labels[category] === 1);
    const predictedHeld = MODERATION_CATEGORIES.some((category) => scores[category] >= THRESHOLD);
    const actualHeld = MODERATION_CATEGORIES.some((category) => row.labels[category] === 1);
    count(held, predictedHeld, actualHeld);
    if (predictedHeld !== actualHeld) {
      const top = MODERATION_CATEGORIES.map((category) => `${category[0]}=${scores[category].toFixed(2)}`).join(' ');
      wrong.push(`  ${predictedHeld ? 'false hold' : 'missed    '} ${top}  ${row.text}`);
    }
  });
  console.log(`\n${title} (threshold ${THRESHOLD}, ${rows.length} comments)`);
  for (const category of MODERATION_CATEGORIES) console.log(line(category, perCategory[category]));
  console.log(line('held (any category)', held));
  if (mistakes && wrong.length) console.log(`Mistakes:\n${wrong.join('\n')}`);
}

const positives = MODERATION_CATEGORIES.map(
  (category) => `${category} ${rows.filter((row) => row.labels[category]).length}`,
).join(', ');
console.log(
  `Labelled comments: ${rows.length} (${positives}; clean ${rows.filter((row) => !MODERATION_CATEGORIES.some((c) => row.labels[c])).length})`,
);

// Fold = index mod 5: every category's rows are spread over all folds because the set is grouped by kind.
const foldModels = Array.from({ length: FOLDS }, (_, fold) =>
  trainAll(rows.filter((_row, index) => index % FOLDS !== fold)),
);
report(
  `${FOLDS}-fold cross-validation`,
  (row, index) =>
    Object.fromEntries(
      MODERATION_CATEGORIES.map((category) => [category, predict(foldModels[index % FOLDS]![category], row.features)]),
    ) as Record<ModerationCategory, number>,
  true,
);

if (process.argv.includes('--write-weights')) {
  const weights = trainAll(rows);
  const target = fileURLToPath(new URL('../src/platform/ai/moderation/weights.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify(weights, null, 2)}\n`);
  console.log(`\nWrote ${target}`);
}

const shipped = new LocalModerator();
const shippedScores = await Promise.all(rows.map((row) => shipped.moderateText(row.text)));
report(
  'Shipped weights, in-sample (optimistic: trained on these rows)',
  (_row, index) => shippedScores[index]!.scores,
  false,
);

const started = performance.now();
const repeats = 20;
for (let round = 0; round < repeats; round += 1) for (const row of rows) await shipped.moderateText(row.text);
console.log(`\nSpeed: ${(((performance.now() - started) * 1000) / (repeats * rows.length)).toFixed(0)} µs per comment`);
