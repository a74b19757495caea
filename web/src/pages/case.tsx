import type { Me } from '../main';
export function CasePage({ id }: { id: string; me: Me | null }) {
  return <h1 tabIndex={-1}>{id}</h1>;
}
