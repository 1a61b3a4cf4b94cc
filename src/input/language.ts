// Language tags checked against the IANA Language Subtag Registry (language-tags), not only
// their BCP 47 syntax: "English" is well-formed, and would become <html lang="English"> and
// English dates on a French site.
type Registry = typeof import('language-tags');

let registry: Registry | undefined;

/**
 * Loads the registry (1.5 MB of JSON, ~50 ms). Commands call it before they parse anything;
 * a build that parses nothing (no change) never pays for it.
 */
export async function loadLanguageRegistry(): Promise<void> {
  registry ??= (await import('language-tags')).default;
}

export interface LanguageProblem {
  message: string;
  hint: string;
}

const verdicts = new Map<string, LanguageProblem | undefined>();

/** Why `tag` is not a language tag to use, with the tag to write instead; undefined when it is fine. */
export function languageProblem(tag: string): LanguageProblem | undefined {
  if (verdicts.has(tag)) return verdicts.get(tag);
  const verdict = registry ? registryVerdict(registry, tag) : syntaxVerdict(tag);
  // Without the registry (generateSite() called directly), the verdict is only provisional.
  if (registry) verdicts.set(tag, verdict);
  return verdict;
}

function registryVerdict(tags: Registry, tag: string): LanguageProblem | undefined {
  const checked = tags(tag);
  if (checked.valid()) return undefined;
  const suggestion = suggest(tags, tag);
  const deprecated = checked.deprecated();
  return {
    message: deprecated ? `is a deprecated language tag` : `is not a language tag in the IANA registry`,
    hint: suggestion ? `write ${suggestion}` : 'use a BCP 47 tag such as "fr", "en-GB" or "pt-BR"',
  };
}

function syntaxVerdict(tag: string): LanguageProblem | undefined {
  try {
    if (Intl.getCanonicalLocales(tag).length === 1) return undefined;
  } catch {
    // Not even well-formed.
  }
  return { message: 'is not a BCP 47 language tag', hint: 'use e.g. "fr" or "en-GB"' };
}

/** "English" → "en", "french" → "fr", "iw" → "he", "en_GB" → "en-GB". */
function suggest(tags: Registry, tag: string): string | undefined {
  // A deprecated language subtag names its replacement ("iw" → "he"); Tag.preferred() only
  // works for grandfathered tags and throws on the rest.
  const preferred = (() => {
    try {
      const subtags = tags(tag).subtags();
      return subtags.length === 1 ? subtags[0]?.preferred()?.format() : undefined;
    } catch {
      return undefined;
    }
  })();
  if (preferred) return preferred;
  const dashed = tag.replaceAll('_', '-');
  if (dashed !== tag && tags(dashed).valid()) return tags(dashed).format();
  const name = tag.trim().toLowerCase();
  const named = tags
    .search(tag.trim())
    .find((subtag) => subtag.type() === 'language' && subtag.descriptions().some((description) => description.toLowerCase() === name));
  return named?.format();
}
