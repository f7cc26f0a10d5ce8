/** A transcript normaliser: applied to reference and hypothesis alike before scoring. */
export type Normalizer = (text: string, lang?: string) => string;
