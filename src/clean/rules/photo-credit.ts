// Rule: photo credits, alone on a line or glued after a caption ("… one another. REUTERS, Kevin Lamarque").
import { CAPTION_CREDIT_SUFFIX_RE, CAPTION_WITH_CREDIT_RE, PHOTO_CREDIT_RE, SLIDESHOW_CAPTION_RE } from '../patterns.js';
import { drop, type CleanRule } from '../state.js';

export const photoCreditRule: CleanRule = {
  name: 'photo-credit',
  description: 'Drops photo and image credit lines and captions that carry one, and trims a credit glued to the end of a caption.',
  apply(state) {
    for (const line of state.lines) {
      if (line.role === 'dropped') continue;
      if (PHOTO_CREDIT_RE.test(line.text)) {
        drop(line, 'photo-credit', 'a photo or image credit');
        continue;
      }
      const slide = SLIDESHOW_CAPTION_RE.exec(line.text);
      if (slide && Number(slide[1]) <= Number(slide[2])) {
        drop(line, 'photo-credit', 'a slideshow caption (its slide counter opens it)');
        continue;
      }
      if (CAPTION_WITH_CREDIT_RE.test(line.text)) {
        drop(line, 'photo-credit', 'a photo caption carrying its credit');
        continue;
      }
      const trimmed = line.text.replace(CAPTION_CREDIT_SUFFIX_RE, '');
      if (trimmed !== line.text) {
        line.text = trimmed;
        line.rule = 'photo-credit';
        line.reason = 'kept the caption, trimmed the credit glued to its end';
      }
    }
  },
};
