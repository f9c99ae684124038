// Word lists and patterns of the group and summarize stages: stopwords, weekdays, months, numbers.

/** Function words and reporting verbs: they say nothing about which event an article reports. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also although am among an and another any are around as at be ' +
    'became because become been before being below between both but by can cannot could did do does doing done down ' +
    'during each either else even ever every few for from further had has have having he her here hers herself him ' +
    'himself his how however i if in into is it its itself just least less like made make many may me might more most ' +
    'much must my myself neither never no nor not now of off often on once one only or other others our ours ' +
    'ourselves out over own per perhaps quite rather really same says said say saying see seen several shall she ' +
    'should since so some still such than that the their theirs them themselves then there these they this those ' +
    'though through thus to too toward towards under until up upon us very via was we were what whatever when where ' +
    'whether which while who whom whose why will with within without would yet you your yours yourself yourselves ' +
    'told tell tells according added adds asked including include includes get gets got go goes going went come ' +
    'comes came take took taken use used using new news mr mrs ms year years time times day days week weeks today ' +
    'yesterday tomorrow people way well back first last two three four five six seven eight nine ten get want wanted ' +
    'think know known need needs next part s t don didn doesn isn wasn aren won can\'t it\'s'
  ).split(' '),
);

export const WEEKDAYS: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A weekday as a word ("on Wednesday", "Monday's call"), the usual way a report dates its event. */
export const WEEKDAY_RE = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/** "February 11", "11 February", "Feb. 11": a stated calendar day, comparable across articles of one event. */
export const MONTH_DAY_RE =
  /\b(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?!\d|,?\s*\d{3})|(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\b/g;

/** A number worth matching across articles: three or more digits, or digits with a decimal/thousands part. */
export const NUMBER_RE = /\b(?:\d+[,.]\d[\d,.]*|\d{3,})\b/g;
/** Years are shared by everything written that year. */
export const YEAR_RE = /^(?:19|20)\d\d$/;

/** Words that start sentences or titles in capitals without naming anyone (used by the proper-noun fallback). */
export const CAPITALISED_NON_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'and', 'but', 'or', 'for', 'to', 'of', 'he', 'she', 'it', 'they', 'we', 'i',
  'his', 'her', 'their', 'this', 'that', 'these', 'those', 'there', 'when', 'while', 'after', 'before', 'as', 'if',
  'president', 'mr', 'mrs', 'ms', 'dr', 'minister', 'prime', 'secretary', 'spokesman', 'spokeswoman', 'chief',
  ...WEEKDAYS,
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
]);
