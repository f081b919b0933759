import { FEATURE_NAMES, type FeatureVector } from './features.ts';

/** One logistic regression per category over the shared features: P(category | text) = σ(b + w·x). */
export interface LogisticModel {
  bias: number;
  weights: Record<string, number>;
}

export interface TrainingExample {
  features: FeatureVector;
  label: 0 | 1;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(model: LogisticModel, features: FeatureVector): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += (model.weights[name] ?? 0) * features[name];
  return sigmoid(z);
}

/**
 * Full-batch gradient descent on the L2-regularised log loss. Deterministic (zero start, fixed steps), so
 * the same labelled set always gives the same weights. Positives are up-weighted to balance the classes:
 * each category has far fewer positives than negatives and the model should not learn "never".
 */
export function train(
  examples: TrainingExample[],
  { iterations = 3000, learningRate = 0.3, l2 = 0.01 } = {},
): LogisticModel {
  const positives = examples.filter((example) => example.label === 1).length;
  const positiveWeight = positives > 0 ? (examples.length - positives) / positives : 1;
  const weights: Record<string, number> = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0]));
  let bias = 0;
  const totalWeight = examples.reduce((sum, example) => sum + (example.label === 1 ? positiveWeight : 1), 0);
  for (let step = 0; step < iterations; step += 1) {
    const gradient: Record<string, number> = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0]));
    let biasGradient = 0;
    for (const example of examples) {
      const weight = example.label === 1 ? positiveWeight : 1;
      const error = (predict({ bias, weights }, example.features) - example.label) * weight;
      biasGradient += error;
      for (const name of FEATURE_NAMES) gradient[name]! += error * example.features[name];
    }
    bias -= (learningRate * biasGradient) / totalWeight;
    for (const name of FEATURE_NAMES) {
      weights[name]! -= learningRate * (gradient[name]! / totalWeight + l2 * weights[name]!);
    }
  }
  return {
    bias: round(bias),
    weights: Object.fromEntries(Object.entries(weights).map(([name, value]) => [name, round(value)])),
  };
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;
