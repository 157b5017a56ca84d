// Lets fable-compiler-js 3.3.0 start: its app imports `init` from
// fable-standalone, whose bundle is a UMD script that exports nothing to an
// ES module and sets globalThis.__FABLE_STANDALONE__ instead. This hook
// hands that one import standalone.mjs, which re-exports `init`.
// usage: node --import ./register.mjs node_modules/fable-compiler-js/index.js ...
import { register } from 'node:module';

register('./resolve.mjs', import.meta.url);
