/** The languages the product speaks. Swedish is the default: the users are Swedish authorities. */
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text given in every supported language, as written by process owners in JSON files. */
export type LocalizedText = Record<Language, string>;

/** Picks the text for a language. */
export function localize(text: LocalizedText, lang: Language): string {
  return text[lang];
}
