// The page-furniture vocabulary of the languages the cleaner meets most, one entry per language: what
// content-management systems print around an article (share and comment controls, newsletter and cookie
// notices, "related" headers). General interface words, as a CMS's translation files hold them; never
// phrases of one site. English prompts live in patterns.ts (CALL_TO_ACTION_RE), these complete them.
import { textKey } from '../text/sentences.js';

export interface PageVocabulary {
  /** Control and menu labels: a short line made only of these (and counts) is furniture. */
  readonly labels: readonly string[];
  /** Prompts and notices: a short line containing one is furniture, whatever else it says. */
  readonly prompts: readonly string[];
  /** Headers that open what follows an article (related links, the comments): the article ends there. */
  readonly endMarkers: readonly string[];
  /**
   * Notices a line of any length is by: a form's consent text ("Ich bin mit der Verarbeitung meiner Daten
   * einverstanden. Nach Anmeldung … Double-Opt-In-Verfahren …") runs past a prompt's length.
   */
  readonly notices?: readonly string[];
}

export const PAGE_VOCABULARY: Readonly<Record<string, PageVocabulary>> = {
  en: {
    labels: ['like', 'loading', 'reply', 'share on', 'share via', 'share with', 'shares', 'print', 'save', 'bookmark', 'tags', 'categories', 'archives', 'recent posts', 'recent comments', 'post navigation', 'meta', 'login', 'log in', 'sign in', 'sign up', 'register', 'subscribe', 'contact', 'contact us', 'about us', 'imprint', 'privacy', 'sitemap', 'newer posts', 'older posts', 'next post', 'previous post', 'permalink', 'like this', 'related', 'edit', 'by', 'back to top', 'back to list', 'back to overview', 'continue reading', 'load content', 'load more'],
    prompts: ['this site uses akismet', 'your email address will not be published', 'required fields are marked', 'leave a reply', 'leave a comment', 'cancel reply', 'comments are closed', 'save my name', 'notify me of', 'you must be logged in', 'opens in new window', 'click to share', 'click to print', 'click to email', 'enlarge this image', 'enlarge image', 'click to enlarge', 'expand image', 'view image in fullscreen', 'toggle caption', 'hide caption', 'show caption', 'advertising disclosure', 'immediate online access', 'no responses yet', 'no response so far', 'no comments yet', 'be the first to comment', 'delivered to your inbox', 'straight to your inbox', 'click the button below to load', 'your subscription was successful', 'email address is already registered'],
    endMarkers: ['related coverage', 'leave a reply', 'leave a comment', 'related posts', 'similar posts', 'you might also like', 'you may also like', 'more stories', 'responses', 'replies', 'categories', 'category', 'tagged'],
    notices: ['double opt in', 'unsubscribe at any time'],
  },
  de: {
    labels: ['teilen', 'teilen mit', 'drucken', 'antworten', 'kommentieren', 'kommentar', 'kommentare', 'gefällt mir', 'wird geladen', 'lade', 'weiterlesen', 'mehr lesen', 'mehr', 'suche', 'suchen', 'menü', 'navigation', 'nach oben', 'zurück', 'weiter', 'vorheriger beitrag', 'nächster beitrag', 'vorheriger artikel', 'nächster artikel', 'startseite', 'impressum', 'datenschutz', 'datenschutzerklärung', 'kontakt', 'anmelden', 'abmelden', 'registrieren', 'einloggen', 'werbung', 'anzeige', 'schließen', 'empfehlen', 'merken', 'artikel merken', 'kategorien', 'archiv', 'archive', 'schlagwörter', 'schlagworte', 'stichwörter', 'themen', 'neueste beiträge', 'letzte beiträge', 'neueste kommentare', 'letzte kommentare', 'beitragsnavigation', 'über uns', 'agb', 'newsletter', 'abonnieren', 'zum artikel', 'zur startseite', 'seite drucken', 'link kopieren', 'e mail', 'von', 'hier weiterlesen', 'zurück zur übersicht', 'zurück zur liste', 'zur übersicht', 'zum seitenanfang', 'inhalt laden', 'inhalte laden'],
    prompts: ['hinterlasse jetzt einen kommentar', 'bleiben sie auf dem laufenden', 'war der artikel hilfreich', 'war dieser artikel hilfreich', 'war der artikel nützlich', 'empfiehl dies deinen freunden', 'diese website verwendet akismet', 'diesen artikel teilen', 'artikel teilen', 'beitrag teilen', 'teilen sie dies', 'newsletter abonnieren', 'newsletter bestellen', 'zum newsletter', 'jetzt abonnieren', 'abonnieren sie', 'melden sie sich', 'e mail adresse wird nicht veröffentlicht', 'erforderliche felder sind', 'pflichtfelder sind', 'kommentar schreiben', 'kommentar verfassen', 'schreibe einen kommentar', 'hinterlasse einen kommentar', 'antwort abbrechen', 'kommentare sind geschlossen', 'kommentare sind derzeit geschlossen', 'kommentarfunktion ist deaktiviert', 'keine kommentare', 'in diesem browser speichern', 'wird in neuem fenster geöffnet', 'klicken sie hier', 'klick um', 'alle rechte vorbehalten', 'verwendet cookies', 'verwenden cookies', 'cookie einstellungen', 'cookies zu', 'cookies akzeptieren', 'datenschutzerklärung einverstanden', 'unterstützen sie', 'zum vergrößern', 'kommentieren sie', 'ausgabe kaufen', 'heft kaufen', 'wir respektieren ihre privatsphäre', 'wir respektieren deine privatsphäre', 'jede kleine spende', 'vervielfältigung nur mit', 'noch keine kommentare', 'sei der erste', 'melde dich für', 'abmelden ist jederzeit möglich', 'um den inhalt von', 'externe inhalte anzeigen', 'anmeldung war erfolgreich', 'mailadresse ist bereits registriert', 'e mail adresse ist bereits registriert'],
    endMarkers: ['ähnliche beiträge', 'ähnliche artikel', 'verwandte artikel', 'verwandte beiträge', 'das könnte sie auch interessieren', 'das könnte dich auch interessieren', 'das könnte dich interessieren', 'das könnte sie interessieren', 'mehr zum thema', 'weitere artikel', 'weitere beiträge', 'beliebte beiträge', 'auch interessant', 'lesen sie auch', 'kommentar schreiben', 'schreibe einen kommentar', 'hinterlasse einen kommentar', 'kommentare', 'themen in diesem artikel', 'weitere themen', 'mehr aus dem ressort', 'meistgelesen', 'meistgelesene artikel', 'empfehlungen', 'kategorien', 'kategorie', 'schlagwörter', 'schlagworte', 'stichwörter', 'quellenangaben', 'quellen', 'weitere informationen', 'schon gelesen', 'das thema könnte dich auch interessieren', 'das thema könnte sie auch interessieren', 'weitere pressemitteilungen', 'weitere inhalte zu'],
    notices: ['double opt in', 'ich willige ein', 'ich willige darin ein', 'ohne dein einverständnis keine verbindung', 'ohne ihr einverständnis keine verbindung'],
  },
  fr: {
    labels: ['partager', 'partager sur', 'imprimer', 'répondre', 'commentaires', 'commenter', 'j aime', 'chargement', 'lire la suite', 'lire plus', 'recherche', 'rechercher', 'accueil', 'connexion', 'se connecter', 's inscrire', 'inscription', 'menu', 'fermer', 'publicité', 'mentions légales', 'contact', 'catégories', 'archives', 'mots clés', 'étiquettes', 'suivant', 'précédent', 'article suivant', 'article précédent', 'newsletter', 's abonner', 'retour', 'retour en haut', 'haut de page', 'retour à la liste'],
    prompts: ['laisser un commentaire', 'laissez un commentaire', 'votre adresse e mail ne sera pas publiée', 'votre adresse de messagerie ne sera pas publiée', 'les champs obligatoires sont', 'annuler la réponse', 'abonnez vous', 'inscrivez vous à', 'tous droits réservés', 'politique de confidentialité', 'utilise des cookies', 'utilisons des cookies', 'accepter les cookies', 'suivez nous', 'à lire aussi', 'lire aussi', 'voir aussi', 'aucun commentaire', 'soyez le premier'],
    endMarkers: ['vos réactions', 'sur le même sujet', 'articles similaires', 'articles liés', 'dans la même rubrique', 'à lire aussi', 'lire aussi', 'vous aimerez aussi', 'vous aimerez aussi lire', 'laisser un commentaire', 'commentaires', 'à découvrir aussi', 'les plus lus', 'catégories', 'étiquettes', 'mots clés'],
  },
  es: {
    labels: ['compartir', 'imprimir', 'responder', 'comentarios', 'comentar', 'me gusta', 'cargando', 'leer más', 'buscar', 'inicio', 'iniciar sesión', 'registrarse', 'menú', 'cerrar', 'publicidad', 'aviso legal', 'contacto', 'categorías', 'archivos', 'etiquetas', 'siguiente', 'anterior', 'boletín', 'suscríbete', 'volver', 'volver arriba'],
    prompts: ['deja un comentario', 'dejar un comentario', 'deja una respuesta', 'tu dirección de correo electrónico no será publicada', 'los campos obligatorios están marcados', 'cancelar respuesta', 'suscríbete a', 'todos los derechos reservados', 'política de privacidad', 'política de cookies', 'utiliza cookies', 'utilizamos cookies', 'aceptar cookies', 'síguenos', 'lee también', 'lea también', 'ver también', 'infórmate más', 'informate más', 'sin comentarios', 'sé el primero'],
    endMarkers: ['noticias relacionadas', 'artículos relacionados', 'te puede interesar', 'también te puede interesar', 'te puede gustar', 'lo más leído', 'deja un comentario', 'comentarios', 'más noticias', 'categorías', 'etiquetas', 'más sobre'],
  },
  it: {
    labels: ['condividi', 'stampa', 'rispondi', 'commenti', 'commenta', 'mi piace', 'caricamento', 'leggi tutto', 'cerca', 'accedi', 'registrati', 'chiudi', 'pubblicità', 'contatti', 'categorie', 'archivi', 'tag', 'successivo', 'precedente', 'iscriviti'],
    prompts: ['lascia un commento', 'lascia un commento', 'il tuo indirizzo email non sarà pubblicato', 'i campi obbligatori sono', 'annulla risposta', 'tutti i diritti riservati', 'utilizza cookie', 'utilizziamo i cookie', 'seguici', 'leggi anche'],
    endMarkers: ['articoli correlati', 'potrebbe interessarti', 'ti potrebbe interessare', 'leggi anche', 'lascia un commento', 'commenti', 'i più letti', 'categorie'],
  },
  pt: {
    labels: ['compartilhar', 'partilhar', 'imprimir', 'responder', 'comentários', 'comentar', 'curtir', 'carregando', 'leia mais', 'pesquisar', 'buscar', 'entrar', 'menu', 'fechar', 'publicidade', 'contato', 'contacto', 'categorias', 'arquivos', 'etiquetas', 'tags', 'próximo', 'anterior'],
    prompts: ['deixe um comentário', 'deixe uma resposta', 'o seu endereço de email não será publicado', 'o seu endereço de e mail não será publicado', 'campos obrigatórios são marcados', 'cancelar resposta', 'todos os direitos reservados', 'política de privacidade', 'utiliza cookies', 'usamos cookies', 'siga nos', 'leia também', 'veja também'],
    endMarkers: ['notícias relacionadas', 'artigos relacionados', 'leia também', 'veja também', 'deixe um comentário', 'comentários', 'mais lidas', 'categorias'],
  },
  nl: {
    labels: ['delen', 'afdrukken', 'reageren', 'reacties', 'vind ik leuk', 'laden', 'lees meer', 'zoeken', 'inloggen', 'registreren', 'sluiten', 'advertentie', 'contact', 'categorieën', 'archief', 'tags', 'volgende', 'vorige', 'nieuwsbrief', 'abonneren'],
    prompts: ['laat een reactie achter', 'je e mailadres wordt niet gepubliceerd', 'uw e mailadres wordt niet gepubliceerd', 'vereiste velden zijn gemarkeerd', 'reactie annuleren', 'alle rechten voorbehouden', 'privacybeleid', 'gebruikt cookies', 'volg ons', 'lees ook'],
    endMarkers: ['gerelateerde artikelen', 'lees ook', 'meer nieuws', 'laat een reactie achter', 'reacties', 'meest gelezen'],
  },
  pl: {
    labels: ['udostępnij', 'drukuj', 'odpowiedz', 'komentarze', 'skomentuj', 'lubię to', 'wczytywanie', 'czytaj więcej', 'szukaj', 'zaloguj się', 'zarejestruj się', 'zamknij', 'reklama', 'kontakt', 'kategorie', 'archiwum', 'tagi', 'następny', 'poprzedni', 'subskrybuj'],
    prompts: ['dodaj komentarz', 'zostaw komentarz', 'twój adres e mail nie zostanie opublikowany', 'wymagane pola są oznaczone', 'anuluj pisanie odpowiedzi', 'wszelkie prawa zastrzeżone', 'polityka prywatności', 'pliki cookies', 'plików cookies', 'obserwuj nas', 'czytaj także', 'czytaj też', 'zobacz też', 'zobacz także'],
    endMarkers: ['podobne artykuły', 'powiązane artykuły', 'czytaj także', 'zobacz także', 'zobacz też', 'dodaj komentarz', 'komentarze', 'najczęściej czytane', 'kategorie', 'tagi'],
  },
  ru: {
    labels: ['поделиться', 'печать', 'ответить', 'комментарии', 'комментировать', 'нравится', 'загрузка', 'читать далее', 'поиск', 'войти', 'вход', 'регистрация', 'закрыть', 'реклама', 'контакты', 'рубрики', 'архив', 'теги', 'метки', 'далее', 'назад', 'подписаться', 'подписка'],
    prompts: ['оставить комментарий', 'оставьте комментарий', 'ваш адрес email не будет опубликован', 'обязательные поля помечены', 'отменить ответ', 'все права защищены', 'политика конфиденциальности', 'использует cookie', 'используем cookie', 'читайте также', 'смотрите также'],
    endMarkers: ['похожие статьи', 'похожие новости', 'читайте также', 'смотрите также', 'по теме', 'оставить комментарий', 'комментарии', 'самое читаемое', 'рубрики', 'метки', 'теги'],
  },
};

/** Lower case, letters and digits only, single spaces: how vocabulary and lines are compared. */
export const vocabularyKey = textKey;

const tokensOf = (text: string): string[] => vocabularyKey(text).split(' ').filter(Boolean);
const all = (pick: (v: PageVocabulary) => readonly string[]): string[] => Object.values(PAGE_VOCABULARY).flatMap(pick).map(vocabularyKey);

/** Labels by their first word, longest first, so that a line is consumed label by label. */
const LABELS = new Map<string, string[][]>();
for (const label of new Set(all((v) => v.labels))) {
  const words = label.split(' ');
  const list = LABELS.get(words[0]!) ?? [];
  list.push(words);
  LABELS.set(words[0]!, list.sort((a, b) => b.length - a.length));
}
/** Any of the phrases (vocabulary keys), as whole words of a line's key. */
const anyPhraseRe = (phrases: readonly string[]): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...new Set(phrases)].join('|')})(?![\\p{L}\\p{N}])`, 'u');
const PROMPT_RE = anyPhraseRe(all((v) => v.prompts));
const END_MARKERS = new Set(all((v) => v.endMarkers));
const NOTICE_RE = anyPhraseRe(all((v) => v.notices ?? []));

/** A line made only of control labels and counts ("Teilen mit:", "Kommentare (3)", "Gefällt mir Wird geladen …"). */
export function isLabelLine(text: string): boolean {
  const words = tokensOf(text);
  let i = 0, labels = 0;
  while (i < words.length) {
    if (/^\p{N}+$/u.test(words[i]!)) { i++; continue; }
    const match = (LABELS.get(words[i]!) ?? []).find((l) => l.every((w, k) => words[i + k] === w));
    if (!match) return false;
    i += match.length;
    labels++;
  }
  return labels > 0;
}

/** The prompt or notice a line contains ("Newsletter abonnieren", "Votre adresse e-mail ne sera pas publiée"), or null. */
export function promptIn(text: string): string | null {
  return PROMPT_RE.exec(vocabularyKey(text))?.[0] ?? null;
}

/** The notice a line of any length contains ("… nach Double-Opt-In-Verfahren zu."), or null. */
export function noticeIn(text: string): string | null {
  return NOTICE_RE.exec(vocabularyKey(text))?.[0] ?? null;
}

/**
 * A header of several words may name what it lists ("Die meistgelesenen Artikel bei SWR Sport", "Más sobre
 * La Tercera", "Related coverage: Brexit"): up to this many words after it, on a line that is no sentence.
 */
const END_MARKER_TAIL_WORDS = 4;
const SENTENCE_STOP_RE = /[.!?。！？]["'”’“‘»«)\]]*$/u;

const markerWords = (text: string): string[] => vocabularyKey(text).replace(/^\p{N}+ | \p{N}+$/gu, '').split(' ');

/** Whether a line is nothing but a vocabulary header ("Lesen Sie auch", "Vos réactions"): furniture wherever it stands. */
export const isBareEndMarker = (text: string): boolean => END_MARKERS.has(markerWords(text).join(' '));

/** Whether a whole line is a header that opens what follows an article ("Ähnliche Beiträge", "À lire aussi :"). */
export function isEndMarker(text: string): boolean {
  const words = markerWords(text);
  if (END_MARKERS.has(words.join(' '))) return true;
  if (SENTENCE_STOP_RE.test(text.trim())) return false;
  for (let n = Math.max(2, words.length - END_MARKER_TAIL_WORDS); n < words.length; n++) {
    if (END_MARKERS.has(words.slice(0, n).join(' '))) return true;
  }
  return false;
}
