// Group stage: articles into stories (one event each), stories into topics (related events).
import type { Article, DuplicateSet } from '../model.js';
import { byDateThenId, byId, distinctIds, makeId } from '../ids.js';
import { candidatePairs, documentFrequency, type Key } from './candidates.js';
import { averageLink, type Edge } from './cluster.js';
import { findDuplicates, type CopySet } from './duplicates.js';
import { loadFeatures, storeFeatures, TermDictionary, type ArticleFeatures, type StoredFeatures } from './features.js';
import { evidenceBlend, scorePair, shingleDfCap, weightedOverlap, type PairEvidence, type ScoreContext } from './score.js';
import { pairFeatures, sameEventProbability, storyModel, type StoryModel } from './story-model.js';
import { ShingleTable } from './shingle-table.js';
import { centroid, cosine, tfidfVectorOfIds, topTerms, vocabularyOfIds, type SparseVector } from './vectors.js';

export interface GroupOptions {
  readonly storyThreshold: number;
  readonly topicThreshold: number;
  /** Treat every article as one story (to score the summarizer alone). */
  readonly singleStory: boolean;
  /** The pairwise model (default: the shipped one; scripts/fit-story-model.mjs tries others). */
  readonly model?: StoryModel;
}

export interface Grouping {
  readonly stories: readonly { readonly id: string; readonly articleIds: readonly string[] }[];
  readonly topics: readonly { readonly id: string; readonly storyIds: readonly string[] }[];
  /** Sets of near-identical articles, by canonical id; the copies of a set are always in one story. */
  readonly duplicates: readonly DuplicateSet[];
}

/** An article's heaviest terms used to look up candidate partners; the rest only refine the score. */
const CANDIDATE_TERMS = 30;
/** A key in more articles than this proposes only each article's nearest holders, not all pairs (see candidates.ts). */
const STORY_TERM_DF_CAP = 100;
/**
 * A key in more than this share of the articles proposes no pairs at all (it still counts in the cosine):
 * it is vocabulary. Below 5,000 articles this is under the cap and changes nothing; in a run of 100,000 a key
 * held by up to 2,000 articles (one event's reports, one wire story reprinted) still finds partners.
 */
const STORY_KEY_MAX_SHARE = 0.02;
/** An article with fewer content words than this (a "page not found", a login wall) offers no evidence; it stays alone. */
const MIN_CONTENT_TERMS = 30;
/**
 * One shingle in this many (by hash) goes into the candidate index: a shared sentence of 20 shingles still
 * brings ~5 hits, and the index shrinks fourfold (it dominated grouping time at 10k articles). Scoring uses all.
 */
const SHINGLE_INDEX_SAMPLE = 4;
/** Partners scored per article: same-event reports share far more rare keys than this many others do. */
const STORY_PARTNERS = 25;
/** Topics look for looser company: broader terms (sections of a paper share them), more partners. */
const TOPIC_TERMS = 40;
const TOPIC_TERM_DF_CAP = 300;
/** As STORY_KEY_MAX_SHARE, for stories' top terms (under the cap below 6,000 stories). */
const TOPIC_KEY_MAX_SHARE = 0.05;
const TOPIC_PARTNERS = 30;
/** Weight of shared names next to centroid cosine in the topic score. */
export const TOPIC_NAME_WEIGHT = 0.2;
/**
 * A name held by more than this share of the run's stories ("United States" in a folder of American news) is
 * no topic evidence: one frequent name held 14 unrelated topics together, each labelled by it alone…
 */
const TOPIC_NAME_MAX_SHARE = 0.03;
/** …though in a small run a name may be in this many stories and still count. */
const TOPIC_NAME_MIN_DF = 3;

/**
 * Candidate-index keys are numbers, never strings (a `t${id}` string per key per article was a tenth of the
 * memory at 10k articles): shingle hashes are 0..2^32-1 as they are, a term id t is -1-t, a name id n is 2^32+n.
 */
const termKey = (id: number): number => -1 - id;
const NAME_KEY_BASE = 2 ** 32;

type StoryDraft = { readonly id: string; readonly articles: readonly Article[] };

/** A story is named after its anchor article, so articles joining or leaving elsewhere never rename it. */
function makeStory(members: readonly Article[], long = false): StoryDraft {
  const articles = [...members].sort(byDateThenId);
  const anchor = articles[0]!;
  return { id: makeId(anchor.title, `story:${anchor.id}`, long), articles };
}

/** Stories whose ids clash (same title, same short hash) take the long form of their ids, then a counter (ids.ts). */
function distinctStories(drafts: readonly StoryDraft[]): StoryDraft[] {
  const ids = distinctIds(drafts, (d, long) => (long ? makeStory(d.articles, true).id : d.id));
  return drafts.map((d, i) => (ids[i] === d.id ? d : { ...d, id: ids[i]! }));
}

function storyDate(story: StoryDraft): string | null {
  return story.articles[0]?.date ?? null;
}

function groupsOf<T>(items: readonly T[], labels: readonly number[]): T[][] {
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const label = labels[i] ?? i;
    const list = groups.get(label);
    if (list) list.push(item);
    else groups.set(label, [item]);
  });
  return [...groups.values()];
}

function contentSize(f: ArticleFeatures): number {
  let n = 0;
  for (const count of f.termCounts) n += count;
  return n;
}

/** What pair scoring reads of the corpus: rarity of shingles, names and numbers, and TF-IDF vectors. */
function scoreContext(features: readonly ArticleFeatures[], vectors: readonly SparseVector[], counted: (i: number) => boolean): ScoreContext {
  const kept = features.filter((_, i) => counted(i));
  const shingleDf = new ShingleTable(kept.map((f) => f.shingles));
  const rareCap = shingleDfCap(kept.length);
  return {
    features,
    vectors,
    rareShingles: features.map((f) => f.shingles.filter((h) => shingleDf.df(h) <= rareCap)),
    nameDf: documentFrequency(kept.map((f) => f.names)) as Map<string, number>,
    numberDf: documentFrequency(kept.map((f) => f.numbers)) as Map<string, number>,
    titleDf: documentFrequency(kept.map((f) => f.titleTerms)) as Map<string, number>,
    docCount: kept.length,
  };
}

/** TF-IDF vectors of every article, with document frequencies counted over the articles `counted` selects. */
function tfidfVectors(features: readonly ArticleFeatures[], dictionary: TermDictionary, counted: (i: number) => boolean): SparseVector[] {
  const vocab = vocabularyOfIds(dictionary.termId, features.filter((_, i) => counted(i)).map((f) => f.termIds));
  return features.map((f) => tfidfVectorOfIds(f.termIds, f.termCounts, vocab));
}

/** Candidate-index keys of each article (none for a stub, or for an article `skip` selects). */
function candidateKeys(features: readonly ArticleFeatures[], ctx: ScoreContext, skip: (i: number) => boolean): Key[][] {
  const nameId = new Map<string, number>();
  const nameKey = (name: string): number => {
    let id = nameId.get(name);
    if (id === undefined) nameId.set(name, (id = nameId.size));
    return NAME_KEY_BASE + id;
  };
  return features.map((f, i) => skip(i) || contentSize(f) < MIN_CONTENT_TERMS ? [] : [
    ...topTerms(ctx.vectors[i]!, CANDIDATE_TERMS).map(termKey),
    ...[...f.names].map(nameKey),
    ...[...ctx.rareShingles[i]!].filter((h) => h % SHINGLE_INDEX_SAMPLE === 0),
  ]);
}

const CANDIDATES = { dfCap: STORY_TERM_DF_CAP, maxShare: STORY_KEY_MAX_SHARE, perItem: STORY_PARTNERS };

/** A candidate pair and what the model reads of it. */
export interface ScoredPair {
  readonly a: number;
  readonly b: number;
  readonly evidence: PairEvidence;
  /** Mean cosine of each end's candidates, averaged over the two ends: the subject's background. */
  readonly background: number;
  /** The model's features (STORY_FEATURES order) and its probability that the pair reports one event. */
  readonly features: readonly number[];
  readonly probability: number;
}

/**
 * Articles dated further apart than this are not one event: a report follows its event within days, and a
 * follow-up a week later is a new story of the same topic. Before this rule, 4,554 of the 7,715 article pairs
 * inside stories of the dated dev corpus (AllSides) were more than 3 days apart (coherence.mjs).
 */
export const STORY_MAX_DAYS = 3;

function dayNumber(date: string | null): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : NaN;
}

/**
 * The copies among the articles and the model's view of every candidate pair of distinct texts. Copies are found
 * first, on their own candidate pairs: a copy shares nearly every rare key, so it ranks first among them.
 */
export function scoreStoryPairs(
  articles: readonly Article[],
  features: readonly ArticleFeatures[],
  dictionary: TermDictionary,
  model: StoryModel = storyModel(),
): { pairs: ScoredPair[]; copies: CopySet[]; vectors: SparseVector[]; score: (a: number, b: number) => ScoredPair } {
  const all = (): boolean => true;
  let vectors = tfidfVectors(features, dictionary, all);
  let ctx = scoreContext(features, vectors, all);
  let pairs = candidatePairs(candidateKeys(features, ctx, () => false), () => 1, CANDIDATES);
  const copies = findDuplicates(articles, features.map((f) => f.shingles), pairs);
  const isCopy = new Uint8Array(articles.length);
  for (const set of copies) for (const i of set.copies) isCopy[i] = 1;
  // Copies are then set aside. They are one source, so rarity is counted over distinct texts: a story reprinted
  // 150 times must not make its own quotes and names common. A copy's near-perfect edge would raise its
  // original's background and cut the original's real edges (a byte copy of seed 001 split 001 from 003),
  // and partners are chosen again among the rest, or the copies would fill every partner slot. With no copies,
  // all of that is what the first pass already has.
  if (copies.length > 0) {
    const distinct = (i: number): boolean => isCopy[i] === 0;
    vectors = tfidfVectors(features, dictionary, distinct);
    ctx = scoreContext(features, vectors, distinct);
    pairs = candidatePairs(candidateKeys(features, ctx, (i) => isCopy[i] === 1), () => 1, CANDIDATES);
  }
  const evidence = pairs.map(([a, b]) => scorePair(a, b, ctx, (i, j) => cosine(vectors[i]!, vectors[j]!)));
  const sum = new Float64Array(articles.length);
  const blendSum = new Float64Array(articles.length);
  const degree = new Float64Array(articles.length);
  const blends = evidence.map(evidenceBlend);
  pairs.forEach(([a, b], k) => {
    const c = evidence[k]!.cosine;
    sum[a] = sum[a]! + c;
    sum[b] = sum[b]! + c;
    blendSum[a] = blendSum[a]! + blends[k]!;
    blendSum[b] = blendSum[b]! + blends[k]!;
    degree[a] = degree[a]! + 1;
    degree[b] = degree[b]! + 1;
  });
  const meanCosine = sum.map((total, i) => (degree[i]! > 0 ? total / degree[i]! : 0));
  const meanBlend = blendSum.map((total, i) => (degree[i]! > 0 ? total / degree[i]! : 0));
  /** The model's view of the pair (a, b) whose evidence is `e`, against the background of this run's candidates. */
  const view = (a: number, b: number, e: PairEvidence): ScoredPair => {
    const background = (meanCosine[a]! + meanCosine[b]!) / 2;
    const x = pairFeatures(e, background, evidenceBlend(e) - (meanBlend[a]! + meanBlend[b]!) / 2);
    return { a, b, evidence: e, background, features: x, probability: sameEventProbability(x, model) };
  };
  return {
    pairs: pairs.map(([a, b], k) => view(a, b, evidence[k]!)),
    copies,
    vectors,
    // Any pair, candidate or not, as the model sees it in this run.
    score: (a, b) => view(a, b, scorePair(a, b, ctx, (i, j) => cosine(vectors[i]!, vectors[j]!))),
  };
}

/**
 * Story labels of the articles, the sets of copies among them, and the TF-IDF vectors the topics go on with.
 * Articles join by average link over the model's probabilities (a missing pair counts 0), while the story's
 * dated articles stay within STORY_MAX_DAYS. A copy always joins its canonical's story: the same text cannot
 * report two events.
 */
function clusterStories(
  articles: readonly Article[],
  features: readonly ArticleFeatures[],
  dictionary: TermDictionary,
  threshold: number,
  model: StoryModel,
): { labels: number[]; copies: CopySet[]; vectors: SparseVector[] } {
  const { pairs, copies, vectors } = scoreStoryPairs(articles, features, dictionary, model);
  const edges: Edge[] = pairs.map((p) => ({ a: p.a, b: p.b, weight: p.probability }));
  const span = { days: articles.map((a) => dayNumber(a.date)), maxDays: STORY_MAX_DAYS };
  const labels = averageLink(articles.length, edges, threshold, span);
  for (const set of copies) for (const i of set.copies) labels[i] = labels[set.canonical]!;
  return { labels, copies, vectors };
}

/** What topic scoring reads of a run's stories: their centroids, names and how many stories hold each name. */
interface TopicContext {
  readonly centroids: readonly SparseVector[];
  readonly names: readonly ReadonlySet<string>[];
  readonly nameDf: ReadonlyMap<string, number>;
  readonly storyCount: number;
}

function topicContext(stories: readonly (readonly Article[])[], vectorOf: ReadonlyMap<string, SparseVector>, namesOf: ReadonlyMap<string, ReadonlySet<string>>): TopicContext {
  const names = stories.map((articles) => {
    const out = new Set<string>();
    for (const a of articles) for (const n of namesOf.get(a.id) ?? []) out.add(n);
    return out;
  });
  return {
    centroids: stories.map((articles) => centroid(articles.map((a) => vectorOf.get(a.id)!))),
    names,
    nameDf: documentFrequency(names) as Map<string, number>,
    storyCount: stories.length,
  };
}

/** How alike two stories are as parts of one subject: centroid cosine, plus shared names that are not everywhere. */
export interface TopicEvidence {
  readonly cosine: number;
  /** Rarity-weighted overlap of the names, leaving out names held by over TOPIC_NAME_MAX_SHARE of the stories. */
  readonly names: number;
  readonly score: number;
}

function topicEvidence(a: number, b: number, ctx: TopicContext): TopicEvidence {
  const common = Math.max(TOPIC_NAME_MIN_DF, ctx.storyCount * TOPIC_NAME_MAX_SHARE);
  const uncommon = (names: ReadonlySet<string>): Set<string> => new Set([...names].filter((n) => (ctx.nameDf.get(n) ?? 1) <= common));
  const names = weightedOverlap(uncommon(ctx.names[a]!), uncommon(ctx.names[b]!), ctx.nameDf, ctx.storyCount);
  const cos = cosine(ctx.centroids[a]!, ctx.centroids[b]!);
  return { cosine: cos, names, score: (1 - TOPIC_NAME_WEIGHT) * cos + TOPIC_NAME_WEIGHT * names };
}

function clusterTopics(stories: readonly StoryDraft[], vectorOf: ReadonlyMap<string, SparseVector>, namesOf: ReadonlyMap<string, ReadonlySet<string>>, threshold: number): number[] {
  const ctx = topicContext(stories.map((s) => s.articles), vectorOf, namesOf);
  const keys: Key[][] = ctx.centroids.map((c) => topTerms(c, TOPIC_TERMS).map(termKey));
  const pairs = candidatePairs(keys, () => 1, { dfCap: TOPIC_TERM_DF_CAP, maxShare: TOPIC_KEY_MAX_SHARE, perItem: TOPIC_PARTNERS });
  const edges: Edge[] = pairs.map(([a, b]) => ({ a, b, weight: topicEvidence(a, b, ctx).score }));
  return averageLink(stories.length, edges, threshold);
}

/** A paragraph shorter than this many words, printed word for word in two or more articles, is page furniture… */
const FURNITURE_MAX_WORDS = 25;

/** Whether the paragraph has fewer than FURNITURE_MAX_WORDS words (read only as far as that: most are longer). */
function isShort(paragraph: string): boolean {
  const word = /\S+/g;
  for (let n = 0; n < FURNITURE_MAX_WORDS; n++) if (word.exec(paragraph) === null) return true;
  return false;
}

function paragraphKey(paragraph: string): string {
  return paragraph.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * …a site's navigation, share prompts and footer that the cleaner kept: no evidence that two pages report one
 * event. Two reports of one event word their paragraphs differently; a shared quote sits inside longer ones, and a
 * wire copy shares its long paragraphs too. Returns the articles with such paragraphs left out (for grouping only),
 * and which articles changed.
 */
export function withoutFurniture(articles: readonly Article[]): { articles: Article[]; changed: Set<string> } {
  const holders = new Map<string, number>();
  for (const a of articles) {
    for (const key of new Set(a.paragraphs.filter(isShort).map(paragraphKey))) holders.set(key, (holders.get(key) ?? 0) + 1);
  }
  const changed = new Set<string>();
  const out = articles.map((a) => {
    const kept = a.paragraphs.filter((p) => !isShort(p) || (holders.get(paragraphKey(p)) ?? 0) < 2);
    if (kept.length === a.paragraphs.length) return a;
    changed.add(a.id);
    return { ...a, paragraphs: kept, text: kept.join('\n\n') };
  });
  return { articles: out, changed };
}

/**
 * Each article's features, read from its text without page furniture: `stored` ones where the article had none
 * (its stored features were computed on the whole text), fresh ones otherwise.
 */
function runFeatures(
  articles: readonly Article[],
  dictionary: TermDictionary,
  stored: ReadonlyMap<string, StoredFeatures> = new Map(),
  memo: FeatureMemo | null = null,
): ArticleFeatures[] {
  const plain = withoutFurniture(articles);
  return plain.articles.map((a) => {
    const known = plain.changed.has(a.id) ? undefined : stored.get(a.id);
    if (known) return loadFeatures(known, a, dictionary);
    let features = memo?.get(a);
    if (!features) {
      features = storeFeatures(a);
      memo?.set(a, features);
    }
    return loadFeatures(features, a, dictionary);
  });
}

/**
 * Where grouping may find the stored features of an article as it sees it (without page furniture), computed
 * by an earlier run: the pipeline's cache, keyed by `featureInputs`. The same features as computing them, so
 * the same grouping; a rebuild then tokenises only the articles whose furniture-free text changed.
 */
export interface FeatureMemo {
  get(article: Article): StoredFeatures | undefined;
  set(article: Article, features: StoredFeatures): void;
}

/**
 * The articles in id order, and the model's view of each candidate pair among them (ends as indexes into
 * that order): what grouping decides on, for `roundup explain --pair` and scripts/fit-story-model.mjs.
 */
export function storyPairsOf(
  input: readonly Article[],
  model: StoryModel = storyModel(),
): {
  articles: Article[];
  pairs: ScoredPair[];
  copies: CopySet[];
  score: (a: number, b: number) => ScoredPair;
  /** How alike stories a and b of `stories` (lists of article ids) are as parts of one topic, on this run's vectors. */
  topicPair: (stories: readonly (readonly string[])[], a: number, b: number) => TopicEvidence;
} {
  const articles = [...input].sort(byId);
  const dictionary = new TermDictionary();
  const features = runFeatures(articles, dictionary);
  const { pairs, copies, vectors, score } = scoreStoryPairs(articles, features, dictionary, model);
  const topicPair = (stories: readonly (readonly string[])[], a: number, b: number): TopicEvidence => {
    const byIdMap = new Map(articles.map((x) => [x.id, x]));
    const vectorOf = new Map(articles.map((x, i) => [x.id, vectors[i]!]));
    const namesOf = new Map(articles.map((x, i) => [x.id, features[i]!.names]));
    return topicEvidence(a, b, topicContext(stories.map((ids) => ids.map((id) => byIdMap.get(id)!)), vectorOf, namesOf));
  };
  return { articles, pairs, copies, score, topicPair };
}

/**
 * Groups articles into stories and topics. `stored` may hold articles' features computed earlier (by the
 * worker threads, or read from the cache): the same as computing them here, only faster.
 */
export function groupArticles(
  input: readonly Article[],
  options: GroupOptions,
  stored: ReadonlyMap<string, StoredFeatures> = new Map(),
  memo: FeatureMemo | null = null,
): Grouping {
  const articles = [...input].sort(byId);
  if (articles.length === 0) return { stories: [], topics: [], duplicates: [] };
  let drafts: StoryDraft[];
  let copies: CopySet[] = [];
  const dictionary = new TermDictionary();
  const features = runFeatures(articles, dictionary, stored, memo);
  const namesOf = new Map(articles.map((a, i) => [a.id, features[i]!.names]));
  let vectors: SparseVector[];
  if (options.singleStory) {
    drafts = [makeStory(articles)];
    vectors = tfidfVectors(features, dictionary, () => true);
  } else {
    const clustered = clusterStories(articles, features, dictionary, options.storyThreshold, options.model ?? storyModel());
    copies = clustered.copies;
    vectors = clustered.vectors;
    drafts = distinctStories(groupsOf(articles, clustered.labels).map((members) => makeStory(members)));
  }
  // Topics need only vectors and names: let the shingles and terms of every article go before they are built.
  features.length = 0;
  drafts.sort((a, b) => byDateThenId({ date: storyDate(a), id: a.id }, { date: storyDate(b), id: b.id }));

  const vectorOf = new Map(articles.map((a, i) => [a.id, vectors[i]!]));
  const topicLabels = options.singleStory ? drafts.map(() => 0) : clusterTopics(drafts, vectorOf, namesOf, options.topicThreshold);
  const makeTopic = (members: readonly StoryDraft[], long = false) => {
    // Drafts are already in anchor order, so the first member is the topic's anchor story.
    const anchor = members[0]!;
    return { id: makeId(anchor.articles[0]!.title, `topic:${anchor.id}`, long), storyIds: members.map((s) => s.id), anchor, members };
  };
  const shortTopics = groupsOf(drafts, topicLabels).map((members) => makeTopic(members));
  const topicIds = distinctIds(shortTopics, (t, long) => (long ? makeTopic(t.members, true).id : t.id));
  const topics = shortTopics.map((t, i) => ({ ...t, id: topicIds[i]! }));
  topics.sort((a, b) => byDateThenId({ date: storyDate(a.anchor), id: a.id }, { date: storyDate(b.anchor), id: b.id }));
  return {
    stories: drafts.map((s) => ({ id: s.id, articleIds: s.articles.map((a) => a.id) })),
    topics: topics.map((t) => ({ id: t.id, storyIds: t.storyIds })),
    // Articles are in id order, so sets in canonical index order are in canonical id order.
    duplicates: copies.map((set) => ({ canonicalId: articles[set.canonical]!.id, duplicateIds: set.copies.map((i) => articles[i]!.id) })),
  };
}
