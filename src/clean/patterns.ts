// Every pattern and word list the cleaner uses, in one place, each with why it exists.

/** A byte-order mark: no part of the text, wherever a concatenation left it (the marks inside words are `withoutInWordMarks`'). */
export const BOM_RE = /\ufeff/g;
/** No-break and other exotic spaces (the seeds carry U+00A0 mid-sentence). */
export const EXOTIC_SPACE_RE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g;

/**
 * A line that ends like a sentence: terminal punctuation, maybe closed by quotes or brackets (German closes
 * „…“ and »…«, as English closes “…”), maybe followed by emoji ("… left their reviews on KLOOK! 🙂", "Check
 * them out below~⬇️" is not one).
 */
export const SENTENCE_END_RE = /[.!?…:;。！？]["'”’“‘»«)\]」』）]*(?:\s*[\p{Extended_Pictographic}\u{FE0F}\u{200D}])*$/u;

/**
 * A comment's or a post's stamp: a short line holding a calendar date and a time of day, in any
 * language's order ("July 6, 2015 at 6:57 pm", "10. Juni 2008 um 15:15", "(22 juin 2018 @11h29)",
 * "15 августа 2016, 13:43"). A year (or a numeric date) and a clock time together; no words needed.
 */
export const STAMP_DATE_RE = /(?<![\p{L}\p{N}])(?:(?:19|20)\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?![\p{L}\p{N}])/u;
export const STAMP_TIME_RE = /(?<![\p{N}.:/])\d{1,2}(?::|h)\d{2}(?![\p{N}])/u;

/** Han, kana and hangul: one such character carries about as much as two or three Latin letters. */
export const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Call-to-action and site-furniture vocabulary (jusText's "bad" signals, boilerpipe's link/menu cues):
 * a short line containing one of these is page furniture, not reporting.
 */
export const CALL_TO_ACTION_RE = new RegExp(
  [
    // Second-person and imperative forms only: "subscribers" in a business story is reporting.
    String.raw`\b(sign ?up|register|subscribe) (now|today|here|for (free|our|the latest)|to (our|the|get))\b`,
    String.raw`\b(by subscribing|manage (your )?subscription|subscribers? only|already a subscriber|sign in|log ?in|log out|unsubscribe)\b`,
    String.raw`^subscribe\b`,
    String.raw`\b(our|daily|weekly|free|the) newsletters?\b|\bnewsletters?$`,
    String.raw`\b(download|get) (our|the) (free )?app`,
    String.raw`\bour (apps|podcasts?|newsletters?)\b`,
    String.raw`\b(listen|watch) (to|on|now|live)\b.*\b(podcast|sbs|bbc|cnn|live|tv)\b`,
    String.raw`\bpodcast apps?\b`,
    String.raw`\bfollow us\b|^follow [\w .&'-]{1,40} on (instagram|facebook|twitter|youtube|tiktok|linkedin)\b`,
    // Newsletter and alert boxes: "Breaking News Emails", "Get breaking news alerts …, delivered weekday
    // mornings", "Let our news meet your inbox", "Join the … Newsletter.", "I agree that … can send me …".
    String.raw`\b(news|email) alerts\b|\bnews emails\b|\bdelivered (weekday|every|each|daily|straight)\b|\b(meet|keep an eye on|check) your inbox\b`,
    String.raw`\bnewsletters?[.!]?$|^i agree that .{1,60} (can|may) (send|email|contact) me\b|\bclicking here\b`,
    String.raw`\bshare (this|on|via|the story|article)\b`,
    String.raw`\b(terms of (service|use)|privacy policy|cookie policy|cookies? settings|all rights reserved)\b`,
    String.raw`©|\bcopyright\s*(\(c\)|\d{4})`,
    String.raw`\bdirect to your inbox\b`,
    String.raw`^(read|see|show|load) (more|less)\b|\b(read|see) more:`,
    String.raw`\b(related|recommended|most (read|popular|viewed)|trending) (articles?|stories|news|posts?|content|videos?)\b`,
    String.raw`\bclick here\b`,
    String.raw`\bskip to (main )?content\b`,
    String.raw`\bcomments? \(\d+\)`,
    String.raw`\bjavascript\b.*\b(enable|disabled|required)\b`,
  ].join('|'),
  'i',
);

/**
 * Cookie banners, registration walls and subscription confirmations: unmistakable at any length (a
 * cookie notice runs to 40 words), unlike the short prompts above.
 */
export const CONSENT_RE =
  /\b(this|our) (web)?site uses cookies\b|\bcookies? (policy|settings|preferences|consent)\b|\baccept (all )?cookies\b|\bnecessary cookies\b|^privacy overview$|\bby registering\b|\bby subscribing\b|\bsuccess?fully subscribed\b|\bactivation link\b|\bstay up to date with\b|\bsubscribe to our\b/i;

/**
 * The title a blog engine prints over an article's comments: WordPress's "3 thoughts on “…”", "One response
 * to …", "142 Antworten zu …", "2 réflexions sur …", "5 comentarios en …", in its shipped translations. A
 * count (or "one") and the word for comments or replies, then the preposition that leads into the title.
 */
export const COMMENTS_TITLE_RE =
  /^(?:\d+|one|an?|ein(?:e|en)?|une?|uno?|una|um|uma|eén|één|jedna|jeden|один|одна)\s+(?:thoughts?|responses?|comments?|repl(?:y|ies)|gedanken?|antworten?|kommentare?|réflexions?|réponses?|commentaires?|comentarios?|comentários?|respuestas?|respostas?|comment[io]|rispost[ae]|reacties?|myśl[ia]?|komentarz[ey]?|odpowiedzi?|комментари[йяев]+|ответ(?:а|ов)?)\s+(?:on|to|zu|auf|für|sur|à|en|a|para|su|em|op|do|na|к|на)\s/iu;

/** A link teaser inside or after an article: "Related: <headline>", "Also: See …", "Read more: …". */
export const LINK_TEASER_RE = /^(related|also|see also|read more|read also|more|watch|listen|recommended|further reading|most read)\s*:\s*\S/i;

/**
 * A line of the article's categories or tags, as blog engines print them under it: "Schlagwörter: Sport,
 * Frauen", "Veröffentlicht in Aktuelles", "Posted in News", "Catégories : Politique".
 */
export const TAXONOMY_LINE_RE =
  /^(?:tags?|tagged|topics?|categor(?:y|ies)|filed under|posted in|schlagw[öo]rter|schlagworte|stichw[öo]rter|kategorien?|abgelegt unter|veröffentlicht in|ver[öo]ffentlicht unter|étiquettes|mots[- ]clés|catégories?|publié dans|etiquetas|categor[íi]as?|publicado en|tag|categorie|pubblicato in|tagi|kategorie|opublikowano w|метки|теги|рубрик[аи])(?:\s*[:：]\s*|\s+)[\p{L}\p{N}#].{0,150}$/iu;

/** A byline line: "By Meg James Staff Writer", "By A. Writer and B. Writer, Reuters". */
export const BYLINE_RE = /^([Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s+\p{Lu}[\p{L}.'’-]*(\s+(and|&|und|et|e|y)?\s*\p{Lu}[\p{L}.'’-]*){0,5}(\s*[,|–—-]?\s*[\p{L} ]{0,30})?(\s+\p{N}{1,2}[./]\s*(\p{N}{1,2}[./]\s*|\p{L}+\.?\s+)\p{N}{4}(,?\s+\p{N}{1,2}[:.]\p{N}{2})?)?$/u;

/** An author box: "Meg James is a corporate media reporter for the Los Angeles Times, …". */
export const AUTHOR_BIO_RE =
  /^\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){1,3}\s+(is|was|has been)\s+(a|an|the)\s+[^.]{0,80}\b(writer|reporter|editor|correspondent|journalist|columnist|contributor|curator|producer|critic|author|photographer|freelancer)\b/u;

/** Lines that are only a control label: share buttons, menus, ad slots. */
export const FURNITURE_LINE_RE =
  /^(share|share this|tweet|email|print|print this|comments?|reply|advertisement|advertising|sponsored( content)?|menu|search|close|home|more|next|previous|back to top|top|select page|continue reading( below)?|loading\.*|toggle navigation|copy link|url copied!?|facebook|twitter|linkedin|whatsapp|instagram|youtube|pinterest|reddit|telegram|x)$/i;

/** A slideshow's counter alone on a line: "2/5", "Image 3 of 8", "Bild 1 von 12", "Photo 4 sur 6". */
export const SLIDE_NUMBER_RE = /^(?:(?:image|photo|picture|slide|bild|foto|diapositive|immagine|imagen|zdjęcie|фото)\s)?\d{1,3}\s*(?:\/|of|von|de|sur|di|z|из)\s*\d{1,3}$/iu;

/** "2 min read", "Published", "Updated 5:50 PM", dates and times alone on a line. */
export const METADATA_LINE_RE = new RegExp(
  [
    String.raw`^\d+\s*(min|mins|minute|minutes)( read)?$`,
    String.raw`^(published|updated|posted|last updated|first published)( on| at)?:?(\s.{0,40})?$`,
    // The same stamps in the cleaner's other languages ("Zuletzt geändert am: 15.10.2021", "Publié le 3 mai").
    String.raw`^(veröffentlicht|aktualisiert|zuletzt (aktualisiert|geändert)|erstellt|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|publicado|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|опубликовано|обновлено)( am| le| el| il| em| op| on)?:?(\s.{0,40})?$`,
    String.raw`^[\w ]{1,20}:\s*\d{3,}$`,
    String.raw`^\d{1,2}:\d{2}\s*(am|pm)?(\s+[A-Z]{2,4})?$`,
    String.raw`^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+\w+\s+\d{4}.{0,20}$`,
    String.raw`^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}([\s,|–-]+\d{1,2}[:.]\d{2}\s*(am|pm)?.{0,10})?$`,
    String.raw`^\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}.{0,20}$`,
    String.raw`^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}.*)?$`,
  ].join('|'),
  'i',
);

/** A photo or image credit line ("Photo by: Reuters (Archive)", "Image: Getty", "(Reed Saxon / Associated Press)"). */
export const PHOTO_CREDIT_RE =
  /^(\([^()]{2,40}\)|\p{Lu}[\p{L}.'’-]+(\s\p{Lu}[\p{L}.'’-]+){0,3}\s?\/\s?[\p{L}\p{N} .&'’-]{2,40}|\(?(file )?(photo|image|picture|pic|photograph|video|credit|illustration|graphic|foto|bild|titelbild|beitragsbild|headerbild|bildquelle|fotoquelle|bildnachweis|fotonachweis|zdjęcie|fot|фото|crédit photo|crédits photo|créditos?)s?( by| credit| courtesy( of)?)?\s*[:：]\s*.{1,80}|\(quelle\s*[:：][^()]{1,60}\)|(quelle|source|fuente|źródło)\s*[:：]\s*[^.!?/]{1,40}\s?\/\s?[\p{L}\p{N} .&'’-]{2,40}|(photo|foto|image|bild|picture) (by|von|de|par)\s[^.!?]{1,40}\s(on|via|auf|sur|en)\s(unsplash|pixabay|pexels|flickr|shutterstock|istock|adobe stock)|\([^()]{2,60}\s\/\s[^()]{2,60}\)|\(?(getty images|reuters|afp|ap|epa|aap|anadolu|shutterstock|istock|afp via getty images)\)?|[^.!?]{2,60}\s[|/]\s(getty images|afp via getty images|shutterstock|reuters|ap|afp|epa|alamy)(\s?(\/|via)\s?[\w ]{1,30})?)$/iu;

/**
 * A slideshow's caption, opened by its slide counter and a full stop or the gallery's controls: "1 of 6. The
 * encampment is seen before the deadline…", "1 of 10 Full Screen Autoplay Close Skip Ad × …". Not "1 of 3
 * Americans say…": a sentence goes on after the counter.
 */
export const SLIDESHOW_CAPTION_RE = /^(\d{1,3}) of (\d{1,3})(?:\.\s|\s+(?:full screen|autoplay|view photos|caption|photos?)\b)/i;

/** A credit glued after a caption: "… look towards one another. REUTERS, Kevin Lamarque". */
export const CAPTION_CREDIT_SUFFIX_RE = /(?<=[.!?])\s+(?:REUTERS|AFP|AP|EPA|AAP|GETTY IMAGES|ANADOLU AGENCY)(?:\/[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)?(?:,\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})?\s*$/;

/**
 * A caption that carries its image's credit: "Protesters have worn masks (Image: GETTY )", "… in Hialeah,
 * Fla. (AP Photo/Alan Diaz, File)", "… on June 28. (Photo by Kevin Mazur/Getty Images)", or Reuters'
 * "FILE PHOTO: Traders work on the floor …", NBC's "… in Braunau am Inn, Austria. Leonhard Foeger / Reuters
 * file", or the BBC's "Image copyright Getty Images Image caption Kalashnikov designed the AK-47 …". The credit label
 * says the whole line describes a picture; an article sentence does not end in one.
 */
export const CAPTION_WITH_CREDIT_RE =
  /^(?:image|picture) copyright\s[^.!?]{1,60}?\s(?:image|picture) caption\s+\S|(?:[.!?]|,)\s+(?:credit|image credit|photo credit|picture credit|photo|foto|bild|bildquelle|fotoquelle|bildnachweis)\s*[:：]\s*(?:[^.!?:]|\.(?=\S)){1,60}$|\((?:(?:image|photo|picture|pic|foto|bild|credit|photo credit|image credit|graphic|illustration|quelle|bildquelle|fotoquelle)s?\s*(?:by|credit)?\s*[:：]|photo by\s|(?:ap|afp|reuters|getty|epa|ap images) photo\s*\/)[^()]{1,80}\)\s*$|[.!?]\s+\([^()]{2,60}\s\/\s[^()]{0,40}\b(?:photographer|photo|images?|pictures?|getty|reuters|afp|ap|epa|pool)\)\s*$|^file photo\s*[:：]\s*\S|[.!?]\s+\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,3}\s?\/\s?(?:ap|afp|reuters|getty images|epa|bloomberg|pool)(?:\s(?:file|photo|images))?$/iu;

/**
 * The signature line of an embedded post, as a text dump prints a tweet: "— Rep. Jane Doe (@janedoe)
 * November 19, 2019". The date part is any short run of letters and digits, so it is not tied to English.
 */
export const EMBED_SIGNATURE_RE = /^[—–-]\s*[^()]{1,80}\(@[A-Za-z0-9_]{1,15}\)\s+[\p{L}\p{N}][\p{L}\p{N} ,.]{3,30}$/u;

/** Where the text is credited to a wire or to "agencies": "Source: AAP", "TRTWorld and agencies", "— Reuters". */
export const SOURCE_CREDIT_RE = /^(?:(?:source|sources|with|via|additional reporting by|reporting by|compiled by)\s*[:：]?\s*(.{2,60})|([\w .&'-]{2,40}?)\s+(?:and|&|with)\s+(?:agencies|wires)|[—–]\s*(Reuters|AP|AFP|AAP|PA|dpa|Xinhua|Anadolu|Bloomberg|UPI|EFE|ANI|PTI|IANS|Kyodo|Yonhap|TASS)\.?)$/i;

/** Section words that news sites print as breadcrumbs before a headline ("News World Obama, Putin …"). */
export const SECTION_WORDS = new Set([
  'home', 'news', 'world', 'latest', 'local', 'national', 'international', 'politics', 'business', 'economy', 'markets',
  'sport', 'sports', 'tech', 'technology', 'science', 'health', 'opinion', 'analysis', 'culture', 'entertainment',
  'arts', 'lifestyle', 'travel', 'middle', 'east', 'middle-east', 'africa', 'asia', 'europe', 'americas', 'us', 'uk',
  'australia', 'region', 'features', 'video', 'videos', 'live', 'breaking',
]);

/** Separators between a headline and its site name or section ("Headline | Site", "Site - Headline"). */
export const TITLE_SEPARATOR_RE = /\s+(?:\||–|—|-|::|»|›|·)\s+/;

/** A line that is navigation trail: words joined by breadcrumb arrows or slashes. */
export const BREADCRUMB_TRAIL_RE = /^[^.!?]{1,80}(\s(?:>|»|›|\/)\s[^.!?]{1,40}){1,6}$/;

/**
 * English function words for stop-word density (jusText's core signal: prose is dense in them,
 * menus and headlines are not). Other languages fall back to length and punctuation signals.
 */
export const ENGLISH_STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
  only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves said says say according since though although
  however may might must shall also would'nt it's that's there's they're we're we've i'm he's she's don't didn't
  doesn't isn't aren't wasn't weren't won't can't couldn't`.split(/\s+/).filter(Boolean),
);

/**
 * A short line that ends the article on news pages: tags, related and "more" lists, comments, author
 * boxes, newsletter asks. Everything after it is another part of the page (trafilatura cuts at such
 * markers too). Matched on the whole line, so "Related: <a headline>" inside an article is not one.
 */
export const END_MARKER_RE =
  /^(tags?|topics|filed under|related( (articles?|stories|posts|topics|content|coverage|news|links|reading))?|more (in|from|on|about) .{1,40}|more (stories|news|articles|videos)( from .{1,30})?|read (more|next)|further reading|you (may|might) (also )?like|recommended( for you)?|most (read|popular|viewed|shared)|trending( now| stories)?|(view|show|load|read|leave a|post a|add a) comments?|comments?( \(\d+\))?|\d+ comments?|join the (conversation|discussion)|about the author|want more stories like this\??|sponsored (stories|links|content)|(top|latest) (stories|news|videos|headlines)|around the web|from (our|the) partners)\s*:?$/i;
