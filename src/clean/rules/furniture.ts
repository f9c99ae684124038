// Rule: share buttons, menu labels, reading times, bare dates and IDs: controls and metadata, not prose.
import { FURNITURE_LINE_RE, METADATA_LINE_RE } from '../patterns.js';
import { drop, type CleanRule } from '../state.js';

export const furnitureRule: CleanRule = {
  name: 'furniture',
  description: 'Drops lines that are only a control label ("Share", "Select Page") or page metadata ("2 min read", "Media ID: 5535").',
  apply(state) {
    for (const line of state.lines) {
      if (line.role === 'dropped') continue;
      if (FURNITURE_LINE_RE.test(line.text)) drop(line, 'furniture', 'a control or menu label');
      else if (METADATA_LINE_RE.test(line.text)) drop(line, 'furniture', 'page metadata (date, reading time, id)');
    }
  },
};
