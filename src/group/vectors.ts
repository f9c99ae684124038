// Sparse TF-IDF vectors (sorted term ids, unit length) and their cosine, over one corpus's vocabulary.

export interface SparseVector {
  /** Term ids, ascending. */
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export interface Vocabulary {
  readonly termId: ReadonlyMap<string, number>;
  /** Document frequency by term id. */
  readonly df: Int32Array;
  readonly docCount: number;
}

/** Term ids in order of first sight over documents given in a fixed order, so ids are deterministic. */
export function buildVocabulary(docs: readonly ReadonlyMap<string, number>[]): Vocabulary {
  const termId = new Map<string, number>();
  const dfList: number[] = [];
  for (const doc of docs) {
    for (const term of doc.keys()) {
      let id = termId.get(term);
      if (id === undefined) {
        id = dfList.length;
        termId.set(term, id);
        dfList.push(0);
      }
      dfList[id] = (dfList[id] ?? 0) + 1;
    }
  }
  return { termId, df: Int32Array.from(dfList), docCount: docs.length };
}

/**
 * The vocabulary of term-id documents (see `TermDictionary`): ids are already assigned, only document
 * frequencies are counted. Same ids and weights as `buildVocabulary` over the same documents as strings.
 */
export function vocabularyOfIds(termId: ReadonlyMap<string, number>, docs: readonly Int32Array[]): Vocabulary {
  const df = new Int32Array(termId.size);
  for (const ids of docs) for (const id of ids) df[id] = (df[id] ?? 0) + 1;
  return { termId, df, docCount: docs.length };
}

/** `tfidfVector` for a document given as distinct term ids and their counts. */
export function tfidfVectorOfIds(ids: Int32Array, counts: Uint32Array, vocab: Vocabulary): SparseVector {
  const entries: [number, number][] = [];
  for (let i = 0; i < ids.length; i++) entries.push([ids[i]!, (1 + Math.log(counts[i]!)) * idf(vocab, ids[i]!)]);
  return fromEntries(entries);
}

/** Smoothed IDF (as scikit-learn): positive even for a term in every document of a tiny corpus. */
export function idf(vocab: Vocabulary, id: number): number {
  return Math.log((1 + vocab.docCount) / (1 + (vocab.df[id] ?? 0))) + 1;
}

/** Sublinear TF (1 + log tf) times IDF, normalised to unit length. */
export function tfidfVector(terms: ReadonlyMap<string, number>, vocab: Vocabulary): SparseVector {
  const entries: [number, number][] = [];
  for (const [term, count] of terms) {
    const id = vocab.termId.get(term);
    if (id === undefined) continue;
    entries.push([id, (1 + Math.log(count)) * idf(vocab, id)]);
  }
  return fromEntries(entries);
}

export function fromEntries(entries: [number, number][]): SparseVector {
  entries.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return {
    ids: Int32Array.from(entries.map((e) => e[0])),
    weights: Float64Array.from(entries.map((e) => e[1] / norm)),
  };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) {
      sum += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Unit-length sum of unit vectors: the centroid of a group of documents. */
export function centroid(vectors: readonly SparseVector[]): SparseVector {
  const sum = new Map<number, number>();
  for (const v of vectors) {
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i] ?? 0;
      sum.set(id, (sum.get(id) ?? 0) + (v.weights[i] ?? 0));
    }
  }
  return fromEntries([...sum.entries()]);
}

/** The `k` heaviest term ids of a vector, heaviest first (ties by id). */
export function topTerms(v: SparseVector, k: number): number[] {
  const order = [...v.ids.keys()].sort((a, b) => (v.weights[b] ?? 0) - (v.weights[a] ?? 0) || (v.ids[a] ?? 0) - (v.ids[b] ?? 0));
  return order.slice(0, k).map((i) => v.ids[i] ?? 0);
}
