// The pairwise "same event" model: a logistic regression over a pair's evidence (score.ts), fitted offline on the
// dev data by scripts/fit-story-model.mjs and shipped as data (story-model.json), so every decision is explainable.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PairEvidence } from './score.js';

/** The evidence a pair offers, in the model's order: each value is 0..1 (a share, or a count saturated). */
export const STORY_FEATURES = [
  'cosine',
  'title',
  'background',
  'excess',
  'shingles',
  'passage',
  'names',
  'numbers',
  'weekdayConflict',
  'weekdayAgreement',
  'monthDayConflict',
] as const;

export type StoryFeature = (typeof STORY_FEATURES)[number];

/** What each feature means, for `roundup explain --pair` and the docs. */
export const STORY_FEATURE_TEXT: Readonly<Record<StoryFeature, string>> = {
  cosine: 'TF-IDF cosine of the two texts (shared vocabulary)',
  title: "rarity-weighted overlap of the headlines' terms (0 when both carry one page title word for word)",
  background: "mean cosine of each article's other candidates (the subject's background, which shared vocabulary must beat)",
  excess: "how far the pair's evidence (a fixed blend of the rest) stands above the mean of each article's other candidates",
  shingles: 'shared rare 5-word shingles (quoted words, one source), 40 = 1',
  passage: 'longest passage shared word for word beyond a stock phrase, ~25 words = 1',
  names: 'rarity-weighted overlap of the names (people, places, organisations)',
  numbers: 'rare numbers both state (amounts, counts; not years), 2 = 1',
  weekdayConflict: 'both name weekdays and none agree',
  weekdayAgreement: 'both name weekdays and one agrees (and both are dated, or neither)',
  monthDayConflict: 'both state calendar days and none agree',
};

export interface StoryModel {
  /** Feature names, in the order of `weights`: must equal STORY_FEATURES. */
  readonly features: readonly string[];
  readonly weights: readonly number[];
  /** Shifted so that probability 0.5 is the fitted decision point (see `calibration`). */
  readonly bias: number;
  /** Where and how the weights and the decision point were fitted, with the figures on the data held aside. */
  readonly calibration: string;
}

const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'group', 'story-model.json');

function validModel(value: unknown): StoryModel {
  const m = value as StoryModel;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    Array.isArray(m.features) &&
    m.features.length === STORY_FEATURES.length &&
    m.features.every((f, i) => f === STORY_FEATURES[i]) &&
    Array.isArray(m.weights) &&
    m.weights.length === STORY_FEATURES.length &&
    m.weights.every((w) => typeof w === 'number' && Number.isFinite(w)) &&
    typeof m.bias === 'number' &&
    Number.isFinite(m.bias);
  if (!ok) throw new Error(`${MODEL_FILE}: not a story model for features ${STORY_FEATURES.join(', ')} (run scripts/fit-story-model.mjs)`);
  return m;
}

let loaded: StoryModel | null = null;

/** The shipped model (read once). */
export function storyModel(): StoryModel {
  loaded ??= validModel(JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')));
  return loaded;
}

/** The pair's feature values, in STORY_FEATURES order. */
export function pairFeatures(e: PairEvidence, background: number, excess: number): number[] {
  return [
    e.cosine,
    e.title,
    background,
    excess,
    e.shingles,
    e.passage,
    e.names,
    e.numbers,
    e.weekdayConflict,
    e.weekdayAgreement,
    e.monthDayConflict,
  ];
}

/** Each feature's contribution to the log-odds (weight × value), in STORY_FEATURES order. */
export function contributions(x: readonly number[], model: StoryModel): number[] {
  return x.map((v, i) => v * (model.weights[i] ?? 0));
}

/** Probability that the pair reports one event. */
export function sameEventProbability(x: readonly number[], model: StoryModel): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (x[i] ?? 0) * (model.weights[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
