// fable-standalone's UMD bundle as an ES module with an `init` export.
import 'fable-standalone';
export const init = globalThis.__FABLE_STANDALONE__.init;
