// Module resolution hook (see register.mjs): fable-compiler-js's import of
// fable-standalone goes to standalone.mjs; everything else as usual.
export async function resolve(specifier, context, next) {
  if (specifier === 'fable-standalone' && context.parentURL?.includes('/fable-compiler-js/')) {
    return { url: new URL('./standalone.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
