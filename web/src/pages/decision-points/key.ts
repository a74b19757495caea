/**
 * A decision point's key, made from its title: people name a decision point by its title and never
 * see the key (kebab-case, as the API wants it): "Likalydande beslut om Barnens bästa" →
 * "likalydande-beslut-om-barnens-basta"; unique among the case's keys ("-2", "-3", …).
 */
export function keyFromTitle(title: string, taken: readonly string[]): string {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'beslutspunkt';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}
