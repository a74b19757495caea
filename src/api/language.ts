import type { Request } from 'express';
import type { Language } from '../common/i18n.js';

/** The language of the answer: English when the caller prefers it (`Accept-Language: en`), else Swedish. */
export function languageOf(req: Request): Language {
  return req.acceptsLanguages('sv', 'en') === 'en' ? 'en' : 'sv';
}
