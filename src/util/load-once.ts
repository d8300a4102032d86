/**
 * Read-only model data that several stages of one thread load from the same file, loaded once.
 * The NER tagger and the event classifier both read the word-cluster table (16 MB parsed), the
 * NER tagger and the entities stage both the phrase gazetteer: each had its own copy, twice the
 * memory and load time in every worker thread.
 */

const loaded = new Map<string, WeakRef<object>>();
const forget = new FinalizationRegistry<string>((key) => {
  if (loaded.get(key)?.deref() === undefined) loaded.delete(key);
});

/**
 * The value `load` makes for `key`, made once while any holder keeps it (a pipeline dropped with
 * all its models lets it go). The value must not be changed by its holders.
 */
export function loadOnce<T extends object>(key: string, load: () => T): T {
  const kept = loaded.get(key)?.deref();
  if (kept !== undefined) return kept as T;
  const value = load();
  loaded.set(key, new WeakRef(value));
  forget.register(value, key);
  return value;
}
