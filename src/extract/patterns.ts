// Word lists, regexes and thresholds of the extract stage, each with why it exists (calibrated on seeds/ and test/fixtures/extract).
import type { EntityKind } from '../model.js';

// ---------------------------------------------------------------------------------------------------------
// Title

/** Separators between a headline and site chrome ("Headline | Site", "Site - Headline"); spaced, so "al-Qaeda" stays. */
export const TITLE_SEPARATOR_RE = /\s+(?:\||-|–|—|::|»|·)\s+/;
/**
 * A title segment that reads as a masthead rather than a headline: archive/edition words, a year, or a bare domain.
 * Seed 001: "… on Syria | ASHARQ AL-AWSAT English Archive 2005 -2017".
 */
export const MASTHEAD_RE =
  /\b(?:archive|edition|online|news(?:paper)?|times|post|herald|tribune|journal|gazette|daily|telegraph|guardian|\w+\.(?:com|org|net|co\.uk))\b|\b(?:19|20)\d{2}\b/i;
/** A segment this short (in words) that is all capitals is a masthead ("BBC NEWS", "ASHARQ AL-AWSAT"). */
export const MASTHEAD_MAX_WORDS = 6;
/** A headline must keep at least this many words after chrome is removed, or the chrome stays. */
export const TITLE_MIN_WORDS = 3;
/** A title made from the first sentence is trimmed at a word boundary to this many words (the brief's ~12). */
export const FIRST_SENTENCE_TITLE_WORDS = 12;
/** A standfirst used as title is trimmed to this many words (standfirsts run to two sentences). */
export const STANDFIRST_TITLE_WORDS = 20;

// ---------------------------------------------------------------------------------------------------------
// Wire agencies

export interface AgencyEntry {
  /** The name the agency credits itself with. */
  readonly name: string;
  /** Other spellings seen in credits and datelines; matched whole and case-insensitively. */
  readonly aliases: readonly string[];
}

/** Wire and news agencies credited as a text's source, sorted by name (case-insensitive); a credit must match one of these to count. */
export const AGENCIES: readonly AgencyEntry[] = [
  { name: 'AAP', aliases: ['Australian Associated Press'] },
  { name: 'AFP', aliases: ['Agence France-Presse', 'Agence France Presse', 'AFP News Agency'] },
  { name: 'ANA', aliases: ['Athens News Agency', 'Athens-Macedonian News Agency', 'ANA-MPA'] },
  { name: 'Anadolu', aliases: ['Anadolu Agency', 'AA'] },
  { name: 'ANI', aliases: ['Asian News International'] },
  { name: 'ANSA', aliases: [] },
  { name: 'Antara', aliases: ['Antara News'] },
  { name: 'AP', aliases: ['Associated Press', 'The Associated Press'] },
  { name: 'Bernama', aliases: [] },
  { name: 'Bloomberg', aliases: ['Bloomberg News'] },
  { name: 'Canadian Press', aliases: ['The Canadian Press', 'CP'] },
  { name: 'CNA', aliases: ['Central News Agency'] },
  { name: 'dpa', aliases: ['Deutsche Presse-Agentur'] },
  { name: 'EFE', aliases: ['Agencia EFE'] },
  { name: 'Europa Press', aliases: [] },
  { name: 'IANS', aliases: ['Indo-Asian News Service'] },
  { name: 'Interfax', aliases: [] },
  { name: 'IRNA', aliases: ['Islamic Republic News Agency'] },
  { name: 'Jiji Press', aliases: ['Jiji'] },
  { name: 'KUNA', aliases: ['Kuwait News Agency'] },
  { name: 'Kyodo', aliases: ['Kyodo News'] },
  { name: 'Lusa', aliases: [] },
  { name: 'MENA', aliases: ['Middle East News Agency'] },
  { name: 'PA', aliases: ['Press Association', 'PA Media'] },
  { name: 'PTI', aliases: ['Press Trust of India'] },
  { name: 'Reuters', aliases: ['Thomson Reuters'] },
  { name: 'RIA Novosti', aliases: ['RIA'] },
  { name: 'SPA', aliases: ['Saudi Press Agency'] },
  { name: 'Sputnik', aliases: [] },
  { name: 'TASS', aliases: ['ITAR-TASS'] },
  { name: 'UNI', aliases: ['United News of India'] },
  { name: 'UPI', aliases: ['United Press International'] },
  { name: 'WAM', aliases: ['Emirates News Agency'] },
  { name: 'Xinhua', aliases: ['Xinhua News Agency'] },
  { name: 'Yonhap', aliases: ['Yonhap News Agency'] },
];

/** Generic credits that name no agency ("TRTWorld and agencies", seed 000): they never count. */
export const GENERIC_CREDIT_RE = /^(?:(?:news|wire)\s+)?(?:agenc(?:y|ies)|wires?|staff|reporters?|correspondents?|desk|editors?)$/i;
/** Credit lines in the raw text: "Source: AAP", "Sources: AFP, Reuters", "Credit: dpa", "With AFP". */
export const CREDIT_LINE_RE = /^\s*(?:sources?|credits?|via|with|additional reporting by)\s*[:\-–—]?\s*(.{1,80}?)\s*$/i;
/** A dateline's agency in brackets near the start of the body: "WASHINGTON (Reuters) -", "(AP) —". */
export const DATELINE_AGENCY_RE = /\(([A-Za-z][A-Za-z .&-]{0,40})\)\s*[-–—:]/g;
/** How far into the first paragraph a dateline may sit (characters). */
export const DATELINE_MAX_OFFSET = 120;
/** A byline crediting an agency: "By Jane Doe, Reuters", "By Jane Doe | AP", "By AFP". */
export const BYLINE_AGENCY_RE = /^\s*by\s+(?:.{1,60}?[,|/]\s*)?([^,|/]{2,40}?)\s*$/i;
/** A closing sign-off line of the body that is only an agency, or "— AFP" / "(Reuters)". */
export const SIGNOFF_RE = /^\s*[-–—(]*\s*([A-Za-z][A-Za-z .&-]{1,40}?)\s*\)?\s*$/;
/** Separators inside one credit ("Reuters and AFP", "AFP/dpa"). */
export const CREDIT_SPLIT_RE = /\s*(?:,|;|\/|&|\||\band\b|\bwith\b)\s*/i;

// ---------------------------------------------------------------------------------------------------------
// Dates

/** A line that labels a publication date: "Published 29 April 2016", "Posted on: …", "First published: …". */
export const DATE_LABEL_RE = /^\s*(?:first\s+)?(?:published|posted|date|updated|last\s+updated)\b\s*(?:on)?\s*:?\s*(.*)$/i;
/** A bare date line in the page chrome is only trusted when this short (words). */
export const DATE_LINE_MAX_WORDS = 10;
/** A date line is only looked for in the first and last lines of the page (where datelines and footers sit). */
export const DATE_SCAN_LINES = 40;
/** Chrono needs a reference instant; a fixed one keeps the stage pure (never the clock). Only certain dates are kept. */
export const CHRONO_REFERENCE = new Date(Date.UTC(2000, 0, 1));
/** Years outside this range are parse noise, not publication dates. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

// ---------------------------------------------------------------------------------------------------------
// Entities

/** Extra words for compromise: seats of government speak as organisations ("the Kremlin said"), which it misses. */
export const ENTITY_LEXICON: Readonly<Record<string, string>> = {
  'white house': 'Organization',
  kremlin: 'Organization',
  pentagon: 'Organization',
  'downing street': 'Organization',
  'elysee palace': 'Organization',
  'élysée palace': 'Organization',
  'state department': 'Organization',
  'foreign ministry': 'Organization',
  'islamic state': 'Organization',
  'nusra front': 'Organization',
  isis: 'Organization',
  isil: 'Organization',
  daesh: 'Organization',
  nato: 'Organization',
  osce: 'Organization',
};

/** Spellings of one entity folded into one canonical name and kind (keys compared without dots, case or hyphens). */
export const ENTITY_ALIASES: readonly { readonly name: string; readonly kind: EntityKind; readonly aliases: readonly string[] }[] = [
  { name: 'European Union', kind: 'organization', aliases: ['EU', 'E.U.'] },
  { name: 'Islamic State', kind: 'organization', aliases: ['ISIS', 'ISIL', 'Daesh', 'DAESH', 'Islamic State group'] },
  { name: 'Kremlin', kind: 'organization', aliases: ['The Kremlin'] },
  { name: 'al-Qaeda', kind: 'organization', aliases: ['al Qaeda', 'Al Qaeda', 'Al-Qaeda', 'al-Qaida', 'Al-Qaida', 'al Qaida'] },
  { name: 'NATO', kind: 'organization', aliases: ['Nato', 'North Atlantic Treaty Organization'] },
  { name: 'Nusra Front', kind: 'organization', aliases: ['al-Nusra Front', 'Al-Nusra Front', 'Nusrah Front', 'Jabhat al-Nusra'] },
  { name: 'United Kingdom', kind: 'place', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'] },
  { name: 'United Nations', kind: 'organization', aliases: ['UN', 'U.N.'] },
  { name: 'United States', kind: 'place', aliases: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'] },
  { name: 'White House', kind: 'organization', aliases: ['The White House'] },
];

/** Titles and roles before a name ("US President Barack Obama", "Saudi Foreign Minister Adel al-Jubeir"). */
export const TITLE_WORDS = new Set([
  'admiral', 'adm', 'ambassador', 'archbishop', 'ayatollah', 'bishop', 'capt', 'captain', 'cardinal', 'chairman',
  'chairwoman', 'chancellor', 'chief', 'col', 'colonel', 'commander', 'commissioner', 'congressman', 'congresswoman',
  'counterpart', 'defence', 'defense', 'deputy', 'director', 'dr', 'editor', 'emir', 'envoy', 'foreign', 'gen', 'general',
  'gov', 'governor', 'judge', 'justice', 'king', 'leader', 'lieutenant', 'lord', 'lt', 'majority', 'mayor', 'minister', 'minority', 'mr', 'mrs', 'ms',
  'mullah', 'pope', 'premier', 'pres', 'president', 'press', 'prime', 'prince', 'princess', 'prof', 'professor', 'queen',
  'rep', 'reps', 'representative', 'rev', 'secretary', 'sen', 'senator', 'sens', 'sergeant', 'sgt', 'sheikh', 'sir', 'speaker', 'spokesman',
  'spokesperson', 'spokeswoman', 'sultan', 'supreme', 'vice', 'whip',
]);

/** Lower-case particles inside names ("Bashar al-Assad", "Staffan de Mistura"). */
export const NAME_PARTICLE_RE = /^(?:al|el|ad|as|ash|bin|ibn|bint|abu|de|del|della|der|des|di|da|dos|du|la|le|van|von|y|zu)(?:-\p{Lu}[\p{L}'’-]*)?$/u;

/** Capitalised words that are never entities on their own (sentence starts, pronouns, calendar words). */
export const NON_ENTITY_WORDS = new Set([
  'a', 'an', 'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'that', 'these',
  'those', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday',
  'tomorrow', 'president', 'presidents', 'minister', 'mr', 'mrs', 'ms', 'news', 'photo', 'reuters', 'afp', 'ap',
]);

/** Determiners dropped from the front of an entity or speaker phrase ("the White House"). */
export const DETERMINER_RE = /^(?:the|a|an)$/i;

// ---------------------------------------------------------------------------------------------------------
// Quotes and speakers

/** Quotes shorter than this many words (spaced tokens: "business-like" is one) are scare quotes ("constructive role", seed 004), not statements. */
export const MIN_QUOTE_WORDS = 4;
/** Verbs that attribute speech; "according to" is handled as one. */
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'stated', 'states', 'noted', 'notes', 'explained', 'insisted',
  'warned', 'warns', 'declared', 'announced', 'wrote', 'writes', 'asked', 'replied', 'responded', 'continued', 'argued',
  'argues', 'claimed', 'claims', 'acknowledged', 'admitted', 'recalled', 'concluded', 'cautioned', 'commented',
  'remarked', 'conceded', 'confirmed', 'reiterated', 'explains', 'insists', 'remarks', 'admits', 'recalls', 'according to',
] as const;
/** One speech verb, as a whole word. */
export const SPEECH_VERB_RE = new RegExp(`\\b(?:${SPEECH_VERBS.map((v) => v.replace(' ', '\\s+')).join('|')})\\b`, 'gi');
/** Words allowed between a speaker and the verb ("Earnest also said", "Adel al-Jubeir today said"). */
export const SPEAKER_ADVERBS = new Set([
  'also', 'later', 'earlier', 'previously', 'then', 'again', 'further', 'repeatedly', 'reportedly', 'publicly', 'has',
  'had', 'have', 'was', 'is', 'today', 'yesterday', 'tonight', 'separately', 'once', 'however', 'meanwhile', 'simply',
  'would', 'will', 'recently',
]);
/** Pronouns a speaker may be named by, resolved to the last person (he/she) or organisation (it) who spoke. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);
export const ORG_PRONOUNS = new Set(['it']);
/** A statement-like head after an organisation ("the White House statement said"): the organisation speaks. */
export const STATEMENT_HEADS = new Set(['statement', 'statements', 'readout', 'release', 'communique', 'spokesman', 'spokeswoman', 'spokesperson', 'office']);
/**
 * Heads naming an organisation's voice ("a Pentagon spokesman said", "the White House statement said", "said in a
 * statement"): the quote is credited to that voice ("Pentagon spokesman"), never to the bare organisation.
 */
export const VOICE_HEADS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'statement', 'readout', 'communique']);
/** Lower-case words inside an organisation's name ("Department for International Development", "Bank of England"). */
export const ORG_NAME_CONNECTORS = new Set(['for', 'of', 'and', 'the', 'on', '&']);
/**
 * Lower-case words that may sit between two name runs after a speech verb: a role ("said London race director David
 * Bedford", "says U.S. Forest Service volunteer Jules Fijolek"). This many at most, and none of ROLE_BREAKS.
 */
export const MAX_ROLE_WORDS = 3;
/** Words that open a clause or a phrase of time or place after a speaker ("said Smith on Tuesday that Jones…"): no speaker follows. */
export const ROLE_BREAKS = new Set(['that', 'who', 'whom', 'whose', 'which', 'to', 'and', 'or', 'but', 'in', 'on', 'at', 'from', 'with', 'by', 'as', 'after', 'before', 'when', 'while', 'during', 'about', 'if', 'because', 'since', 'than']);
/** A generic organisation named by its kind ("the company added", BBC business pages): the organisation that spoke last. */
export const ORG_HEADS = new Set(['company', 'firm', 'group', 'government', 'ministry', 'department', 'bank', 'club', 'agency', 'party', 'council', 'statement', 'statements']);
/** Capitalised only because they open a sentence ("But Williams said"): never part of a speaker's name. */
export const SENTENCE_OPENERS = new Set([
  'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile', 'also', 'now', 'then', 'still', 'speaking', 'asked',
  'earlier', 'later', 'today', 'yesterday', 'instead', 'indeed', 'separately', 'finally', 'when', 'while', 'after',
  'before', 'as', 'if', 'in', 'on', 'at', 'for', 'from', 'with', 'by',
]);
/** Verbs whose object is the listener, not the speaker ("he told BBC Radio 4", "asked Obama"): no speaker after them. */
export const LISTENER_VERB_RE = /^(?:told|tells|asked)$/i;
/** Courtesy titles before a bare surname ("Mr Varley said"): the surname is taken as a person's name. */
export const HONORIFIC_RE = /^(?:mr|mrs|ms|miss|dr|prof|sir|lord|lady|dame)\.?$/i;
/** An unnamed person's head ("a senior Obama administration official said"): no speaker can be named. */
export const UNNAMED_HEADS = new Set([
  'official', 'officials', 'source', 'sources', 'diplomat', 'diplomats', 'aide', 'aides', 'adviser', 'advisers',
  'advisor', 'advisors', 'officer', 'officers', 'analyst', 'analysts', 'person', 'people', 'expert', 'experts', 'member',
  'members', 'resident', 'residents', 'witness', 'witnesses', 'lawmaker', 'lawmakers', 'lawyer', 'lawyers', 'president', 'minister', 'chairman', 'executive', 'economist', 'economists',
]);
/** Opening quote marks after normalisation; the seeds also open with two apostrophes (''…”, seed 000). */
export const DOUBLE_APOSTROPHE_OPEN_RE = /(^|[\s(\[])(?:''|‘‘|,,|„)(?=\S)/g;
export const DOUBLE_APOSTROPHE_CLOSE_RE = /(\S)(?:''|’’)(?=[\s,.;:!?)\]]|$)/g;

// ---------------------------------------------------------------------------------------------------------
// English names without a tagger (proper-names.ts)

/**
 * Nouns that open a name of the form "X of Y" beside compromise's organisation and place nouns: "House of
 * Representatives", "Court of Appeals" are organisations; "Isle of Man", "Republic of Ireland" places.
 */
export const OF_NAME_HEADS: { readonly organization: ReadonlySet<string>; readonly place: ReadonlySet<string> } = {
  organization: new Set(['house', 'court', 'board', 'bureau', 'chamber', 'order', 'bank']),
  place: new Set(['republic', 'isle', 'kingdom', 'province', 'county', 'district', 'gulf', 'bay', 'strait', 'cape', 'lake', 'sea']),
};
/**
 * Place nouns of compromise's data that head "X of Y" phrases which are no place ("State of the Union", "State of
 * Emergency", "Field of Dreams", "Way of the Cross"): such a phrase is not read as a place by its head alone.
 */
export const NOT_PLACE_HEADS = new Set(['state', 'site', 'field', 'bar', 'complex', 'zone', 'way', 'building', 'landing', 'crossing', 'junction', 'trail']);
/**
 * Organisation nouns of compromise's data that, in lower case after a name, are the name's people or parts, not
 * part of its name ("Deutsche Boerse investors", "LSE board", "Reuters news"), unlike "Obama administration".
 */
export const NOT_ORG_AFTER_NAME = new Set(['investors', 'shareholders', 'management', 'staff', 'news', 'international', 'board']);
/** A country's bodies, named by its nationality ("the Russian government", "the French army"): unlike "German group". */
export const STATE_BODY_NOUNS = new Set(['government', 'administration', 'parliament', 'army', 'military', 'navy', 'embassy', 'ministry', 'police', 'senate', 'congress', 'cabinet', 'regime']);
/** Nouns that end an organisation's name which compromise's organisation nouns lack ("General Assembly", "Tribunal"). */
export const EXTRA_ORG_WORDS = new Set(['assembly', 'tribunal']);
/** Lower-case words that join two capitalised words into one name ("Bank of England", "Bashar al Assad", "AT & T"). */
export const NAME_JOINERS = new Set(['of', 'the', 'de', 'al', 'bin', 'ibn', 'von', 'van', 'der', 'la', 'du', 'da', 'di', 'del', 'le', '&', 'y']);
/** Acronyms of places in capitals ("U.S.", "UK", "DC"); in lower case most are other words ("us", "la"). */
export const PLACE_ACRONYMS = new Set(['us', 'uk', 'la', 'ny', 'dc', 'gb']);
/** Words that open a place's name with the next word ("St. Louis", "Mount Everest", "Fort Worth"). */
export const PLACE_PREFIXES = new Set(['st', 'mt', 'mount', 'fort', 'ft', 'port', 'lake', 'cape']);
/** Abbreviations inside names whose full stop ends no sentence ("Sen. John McCain", "St. Louis", "Acme Inc. said"). */
export const NAME_ABBREVIATIONS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Sens', 'Gov', 'Rep', 'Reps', 'St', 'Jr', 'Sr', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Adm', 'Prof', 'Rev', 'Inc', 'Corp', 'Co', 'Ltd', 'Mt', 'Ft', 'Pres'];
