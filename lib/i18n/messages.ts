/**
 * Every user-facing string is a message key from `public/_locales/en/messages.json` plus its substitutions, so the pure
 * core can say things without knowing the language: the glue renders them with `browser.i18n`, tests with
 * `createTranslator` over a catalogue file.
 */
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** A substitution is plain text, a number, or another message (rendered first, in the same language). */
export type Substitution = string | number | Message;

export interface Message {
  readonly key: MessageKey;
  /** Positional substitutions: `$1`…`$9` in the catalogue, usually through named placeholders. */
  readonly subs?: readonly Substitution[];
}

export type Translate = (message: Message) => string;

export function message(key: MessageKey, ...subs: Substitution[]): Message {
  return subs.length > 0 ? { key, subs } : { key };
}

/** One entry of a `_locales/<lang>/messages.json` file, as Chrome and Firefox read it. */
export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, CatalogueEntry>;

/**
 * Renders messages the way `browser.i18n.getMessage` does: named placeholders (`$name$`, case-insensitive) expand to
 * their content, `$1`…`$9` take the substitutions, `$$` is a dollar sign. A missing key renders as the key itself so a
 * gap shows up instead of an empty string.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n#how-to-use-placeholders
 */
export function createTranslator(catalogue: Catalogue): Translate {
  const translate: Translate = ({ key, subs: raw = [] }) => {
    const entry = catalogue[key];
    if (!entry) return key;
    const subs = renderSubstitutions(raw, translate);
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
    );
    const positional = (text: string) =>
      text.replace(/\$(\d)/g, (_, digit: string) => String(subs[Number(digit) - 1] ?? ''));
    return entry.message.replace(
      /\$\$|\$([a-zA-Z0-9_@]+)\$/g,
      (match, name: string | undefined) => {
        if (name === undefined) return '$';
        const content = placeholders.get(name.toLowerCase());
        return content === undefined ? match : positional(content);
      },
    );
  };
  return translate;
}

/** Substitutions as the strings `getMessage` takes, nested messages rendered with the same translator. */
export function renderSubstitutions(subs: readonly Substitution[], translate: Translate): string[] {
  return subs.map((sub) => (typeof sub === 'object' ? translate(sub) : String(sub)));
}
