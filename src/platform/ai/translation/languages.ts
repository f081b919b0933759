/*
 * StreamHub speaks ISO 639-1 codes ("en", "es") in its API, as browsers do in Accept-Language; franc and
 * apertium speak ISO 639-3 ("eng", "spa"). This table is the bridge and also the set of languages the
 * detector chooses from: limiting franc to widely used languages stops short comments from being read
 * as a close minority language (franc takes "This video is great" for Scots when allowed everything).
 * Galician is left out for the same reason: short Spanish comments were read as Galician.
 */
const ISO_639_3_TO_1: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  deu: 'de',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  cat: 'ca',
  eus: 'eu',
  ron: 'ro',
  pol: 'pl',
  ces: 'cs',
  slk: 'sk',
  hun: 'hu',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  fin: 'fi',
  ell: 'el',
  rus: 'ru',
  ukr: 'uk',
  bul: 'bg',
  tur: 'tr',
  arb: 'ar',
  heb: 'he',
  pes: 'fa',
  hin: 'hi',
  ben: 'bn',
  urd: 'ur',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  vie: 'vi',
  tha: 'th',
  ind: 'id',
  zlm: 'ms',
  tgl: 'tl',
  swh: 'sw',
};
const ISO_639_1_TO_3 = Object.fromEntries(Object.entries(ISO_639_3_TO_1).map(([three, one]) => [one, three]));

export const DETECTABLE_LANGUAGES_639_3 = Object.keys(ISO_639_3_TO_1);

export function toIso6391(code: string): string | undefined {
  return ISO_639_3_TO_1[code];
}

export function toIso6393(code: string): string | undefined {
  return ISO_639_1_TO_3[code];
}

/** "es-MX" -> "es"; undefined for anything that is not a language StreamHub knows. */
export function baseLanguage(tag: string): string | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return ISO_639_1_TO_3[base] ? base : undefined;
}

/** The viewer's preferred known language from an Accept-Language header (highest q first). */
export function preferredLanguage(acceptLanguage: string | undefined): string | undefined {
  if (!acceptLanguage) return undefined;
  return acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = Number(
        params
          .find((param) => param.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: baseLanguage(tag), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(
      (entry): entry is { language: string; q: number; index: number } => entry.language !== undefined && entry.q > 0,
    )
    .sort((a, b) => b.q - a.q || a.index - b.index)[0]?.language;
}
