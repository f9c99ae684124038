// The one data model crossing every stage boundary: plain, JSON-serialisable, readonly; absent is null.

/** How bad a diagnostic is: `error` means the file was skipped, `warning` that it was kept with a caveat. */
export type Severity = 'error' | 'warning';

/** A problem with one input, reported instead of thrown so the run goes on. */
export interface Diagnostic {
  readonly file: string;
  readonly severity: Severity;
  readonly message: string;
}

export type InputFormat = 'text' | 'markdown' | 'html';

/** A metadata field an input or its text can give a value for. */
export type MetaField = 'title' | 'publisher' | 'date' | 'byline' | 'url' | 'language';

/** One value a page offers for a field and where it sits (`json-ld headline`, `og:title`, `<time>`…); the extract stage chooses among them. */
export interface MetaCandidate {
  readonly field: MetaField;
  readonly value: string;
  readonly source: string;
}

/** Metadata the input itself declared (front matter, HTML meta tags); it wins over extraction. */
export interface DeclaredMeta {
  readonly title: string | null;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly byline: string | null;
  readonly language: string | null;
  /**
   * Every value the page's own metadata offers (HTML: JSON-LD, Open Graph, meta tags, `<time>`, `<h1>`…), most
   * trusted first per field; the fields above are the first of each. Empty for text and front matter.
   */
  readonly candidates: readonly MetaCandidate[];
}

/** One input file after decoding: its text as lines, before any cleaning. */
export interface RawArticle {
  /** Path relative to the seeds folder, `/`-separated. */
  readonly file: string;
  readonly format: InputFormat;
  /** Decoded text, `\n` line ends, no BOM. For HTML, the text of the readable part of the page. */
  readonly text: string;
  readonly declared: DeclaredMeta;
  /** SHA-1 of the file's bytes, hex. */
  readonly hash: string;
}

/** Why one line of an input was kept or dropped; what `roundup explain` prints. */
export interface LineDecision {
  readonly line: number;
  readonly text: string;
  readonly kept: boolean;
  /** Name of the rule that dropped the line, or that classified it as title/standfirst; null when kept as body. */
  readonly rule: string | null;
  readonly reason: string | null;
}

export interface CleanResult {
  /** The headline line found in the page, with site chrome removed, or null. */
  readonly title: string | null;
  readonly standfirst: string | null;
  /** Body paragraphs, in order. */
  readonly paragraphs: readonly string[];
  /** Publisher named by a matched profile, or null. */
  readonly publisher: string | null;
  /** ISO 639-1 language: declared by the input, else detected while cleaning; null when unknown. */
  readonly language: string | null;
  /** Wire agencies credited in lines the cleaner dropped (e.g. "Source: AAP"). */
  readonly credits: readonly string[];
  readonly decisions: readonly LineDecision[];
}

export type EntityKind = 'person' | 'place' | 'organization';

export interface Entity {
  readonly name: string;
  readonly kind: EntityKind;
  readonly count: number;
}

export interface Quote {
  readonly text: string;
  /** Canonical speaker name, or null when none could be attributed. */
  readonly speaker: string | null;
  readonly articleId: string;
}

/** Where each metadata field of an article came from (`front matter`, `og:title`, `page title suffix`, `dateline`…); null when the field is null. */
export interface Provenance {
  readonly title: string;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly byline: string | null;
  readonly language: string | null;
}

export interface Article {
  readonly id: string;
  readonly file: string;
  readonly format: InputFormat;
  readonly title: string;
  /** Where the title came from: declared, headline, standfirst, first-sentence. */
  readonly titleSource: 'declared' | 'headline' | 'standfirst' | 'first-sentence';
  readonly standfirst: string | null;
  readonly publisher: string | null;
  /** The article's author(s) as credited ("Tom Krisher", "A. Writer and B. Writer"), without the agency or role. */
  readonly byline: string | null;
  readonly agencies: readonly string[];
  readonly url: string | null;
  /** ISO date (YYYY-MM-DD) the article was published, when known. */
  readonly date: string | null;
  readonly language: string | null;
  /** Clean body: paragraphs separated by a blank line; no title, no boilerplate. */
  readonly text: string;
  readonly paragraphs: readonly string[];
  readonly wordCount: number;
  readonly entities: readonly Entity[];
  readonly quotes: readonly Quote[];
  /** Where title, publisher, date, byline and language came from. */
  readonly provenance: Provenance;
  readonly hash: string;
}

/** One sentence of a summary and the articles that carry it (its first id is the sentence's origin). */
export interface CitedSentence {
  readonly text: string;
  readonly articleIds: readonly string[];
}

export interface KeyPoint {
  readonly text: string;
  readonly articleIds: readonly string[];
  /** Distinct publishers (or articles, where no publisher is known) carrying the point. */
  readonly sourceCount: number;
}

/** Two or more accounts of the same thing that do not agree. */
/** One side of a disagreement: its sentence, who carries it, and where in the sentence the difference is. */
export interface DisagreementClaim extends CitedSentence {
  /** Character spans [start, end) of `text` that differ from the other side: the figure, the denial, what is affirmed. */
  readonly marks: readonly (readonly [number, number])[];
}

export interface Disagreement {
  /** A heading a reader understands: "Different figures: 3.7 million miles or 3.9 million miles". */
  readonly about: string;
  /** `numbers`: the sides give different figures for one thing; `denial`: one side denies what the other affirms. */
  readonly kind: 'numbers' | 'denial';
  readonly claims: readonly DisagreementClaim[];
}

export interface SpeakerQuotes {
  /** A person, or an organisation's voice as the text names it ("Pentagon spokesman", "White House statement"). */
  readonly speaker: string;
  readonly quotes: readonly { readonly text: string; readonly articleIds: readonly string[] }[];
}

/** The attributed quotes of a story its page does not show (see `boundQuotes`), and whose they are, most first. */
export interface QuotesLeftOut {
  readonly quotes: number;
  readonly speakers: readonly string[];
}

export interface TimelineEntry {
  readonly date: string;
  readonly text: string;
  readonly articleIds: readonly string[];
}

/**
 * Articles of one story that carry the same text: a wire story run by several outlets, a file saved twice.
 * Found by the group stage, which puts all copies in one story; pages show the text once, with its other
 * publishers as "also published by".
 */
export interface DuplicateSet {
  /** The copy shown: earliest known date, then the longest text, then the smallest id. */
  readonly canonicalId: string;
  /** The other copies, ids ascending; each is also in the story's `articleIds`. */
  readonly duplicateIds: readonly string[];
}

export interface Story {
  readonly id: string;
  readonly title: string;
  readonly articleIds: readonly string[];
  /** Plain-text summary: no Markdown, no citation marks. */
  readonly summary: string;
  readonly summarySentences: readonly CitedSentence[];
  readonly keyPoints: readonly KeyPoint[];
  readonly disagreements: readonly Disagreement[];
  /** The quotes the story page shows: a few speakers, a few telling quotes each. */
  readonly quotes: readonly SpeakerQuotes[];
  readonly quotesLeftOut: QuotesLeftOut;
  readonly timeline: readonly TimelineEntry[];
  readonly publishers: readonly string[];
  readonly entities: readonly Entity[];
  /** Earliest known article date of the story, or null. */
  readonly date: string | null;
  readonly topicId: string;
}

export interface Topic {
  readonly id: string;
  readonly label: string;
  readonly storyIds: readonly string[];
  readonly summary: string;
  readonly entities: readonly Entity[];
}

export interface SiteMeta {
  readonly title: string;
  readonly description: string;
  readonly baseUrl: string | null;
  readonly language: string;
  /** What the site republishes of each article (`ArticleText`); a digest written before the setting has none, read as `full`. */
  readonly articleText: ArticleText;
}

/**
 * What the site republishes of an article: its whole cleaned text on a page of its own (`full`), or its lead
 * paragraph alone, with its entry among its story's sources and linked to the original (`excerpt`: no article pages).
 */
export type ArticleText = 'full' | 'excerpt';

export interface Digest {
  readonly site: SiteMeta;
  readonly articles: readonly Article[];
  readonly stories: readonly Story[];
  readonly topics: readonly Topic[];
  /** Every set of copies, by canonical id; empty when every article's text is its own. */
  readonly duplicates: readonly DuplicateSet[];
  readonly diagnostics: readonly Diagnostic[];
}
