// Rule: apply the publisher profiles whose signature appears on the page (known furniture of known sites).
import { drop, type CleanRule } from '../state.js';

export const profileRule: CleanRule = {
  name: 'profile',
  description: 'Drops lines a matching publisher profile lists, and everything from its end-of-article marker on.',
  apply(state) {
    const matched = state.profiles.filter((p) => p.detect.some((re) => state.lines.some((l) => re.test(l.text))));
    state.matched = matched;
    if (!matched.length) return;
    state.publisher = matched[0]?.name ?? null;
    for (const profile of matched) {
      let cut = false;
      for (const line of state.lines) {
        if (line.role === 'dropped') continue;
        if (!cut && profile.dropFrom.some((re) => re.test(line.text))) cut = true;
        if (cut) drop(line, 'profile', `${profile.name}: after the end-of-article marker`);
        else if (profile.dropLines.some((re) => re.test(line.text))) drop(line, 'profile', `${profile.name}: known page furniture`);
      }
    }
  },
};
